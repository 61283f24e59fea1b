"""Rankings of imported selections against hand-computed results; marks; selections; users."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.services.actor import Actor
from app.services.database import Database
from app.services.errors import UserError
from app.services.marks import mark_participant
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import Ranking, compute_ranking
from app.services.scores_import import import_scores
from app.services.selections import SelectionInfo, list_selections, resolve_selection
from app.services.users import add_user, authenticate, list_users

WriteCsv = Callable[..., Path]
# (nomor_peserta, peringkat, kode, nilai_akhir, catatan)
Row = tuple[str, int | None, str | None, str, str]

FORMATION_HEADER = ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"]
PARTICIPANT_HEADER = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"]
LONG_HEADER = ["nomor_peserta", "komponen", "nilai", "penilai"]
ASPECTS = ("TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI")


def summary(ranking: Ranking, formation: str | None = None) -> list[Row]:
    return [
        (
            r["nomor_peserta"],
            int(r["peringkat"]) if r["peringkat"] else None,
            r["kode"] or None,
            r["nilai_akhir"],
            r["catatan"],
        )
        for r in ranking.records()
        if formation is None or r["kode_formasi"] == formation
    ]


def praktik(number: str, assessor: str, value: int) -> list[str]:
    return [number, "PRAKTIK", str(value), assessor]


def praktik_aspects(number: str, assessor: str, values: tuple[int, ...]) -> list[list[str]]:
    """One assessor's rubric sheet: TEKNIS 40 %, the three others 20 % each."""
    return [
        [number, f"PRAKTIK.{aspect}", str(value), assessor]
        for aspect, value in zip(ASPECTS, values, strict=True)
    ]


@pytest.fixture
def binjai(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    make_selection: Callable[..., SelectionInfo],
    write_csv: WriteCsv,
) -> int:
    """Pengetahuan 40 %, praktik 35 % (mean of assessors), psikotes 25 %; thresholds 60."""
    selection = make_selection("binjai-kompetensi").id
    formations = [["B1", "Perawat", "RSUD", "D3", 1], ["B2", "Bidan", "Puskesmas", "D3", 2]]
    import_formations(
        db, actor, selection, write_csv(tmp_path / "f.csv", FORMATION_HEADER, formations)
    )
    people = [
        ["1", "Ani", "1990-01-01", "B1"],
        ["2", "Budi", "1991-01-01", "B1"],
        ["3", "Cici", "1990-01-01", "B1"],
        ["4", "Dodi", "1990-01-01", "B1"],
        ["5", "Eka", "1990-01-01", "B1"],
        ["6", "Fani", "1990-01-01", "B1"],
        ["11", "Kiki", "1985-01-01", "B1"],  # same scores as Budi, older
        ["7", "Gina", "1990-01-01", "B2"],
        ["8", "Hadi", "1990-01-01", "B2"],
        ["9", "Indah", "1990-01-01", "B2"],  # identical to Gina in every tie-break
        ["10", "Joko", "1990-01-01", "B2"],
    ]
    import_participants(
        db, actor, selection, write_csv(tmp_path / "p.csv", PARTICIPANT_HEADER, people)
    )
    mark_participant(db, actor, selection, "6", "APS", "mengundurkan diri")
    wide = [
        ["1", 80, 90],
        ["2", 90, 60],
        ["3", 55, 70],
        ["4", 70, 70],
        ["5", 80, "TH"],
        ["6", 90, 90],
        ["11", 90, 60],
        ["7", 80, 80],
        ["8", 80, 80],
        ["9", 80, 80],
        ["10", 60, 60],
    ]
    import_scores(
        db,
        actor,
        selection,
        write_csv(tmp_path / "cat.csv", ["nomor_peserta", "PENGETAHUAN", "PSIKOTES"], wide),
    )
    practical = [
        praktik("1", "A", 70),
        praktik("1", "B", 75),
        *praktik_aspects("2", "A", (80, 70, 60, 90)),  # 32 + 14 + 12 + 18 = 76
        praktik("2", "B", 77),
        *praktik_aspects("11", "A", (80, 70, 60, 90)),
        praktik("11", "B", 77),
        praktik("3", "A", 80),
        praktik("3", "B", 80),
        praktik("4", "A", 70),  # only one of the two assessors
        praktik("5", "A", 80),
        praktik("5", "B", 80),
        praktik("6", "A", 90),
        praktik("6", "B", 90),
        *(praktik(n, a, v) for n in ("7", "9") for a, v in (("A", 70), ("B", 71), ("C", 71))),
        *(praktik("8", a, v) for a, v in (("A", 70), ("B", 71), ("C", 71), ("D", 71))),
        praktik("10", "A", 60),
        praktik("10", "B", 60),
    ]
    import_scores(db, actor, selection, write_csv(tmp_path / "praktik.csv", LONG_HEADER, practical))
    return selection


def test_binjai_by_hand(db: Database, binjai: int) -> None:
    ranking = compute_ranking(db, binjai)
    assert ranking.stage.code == "AKHIR"
    assert ranking.header() == [
        "tahap",
        "kode_formasi",
        "peringkat",
        "nomor_peserta",
        "nama",
        "PENGETAHUAN",
        "PRAKTIK",
        "PSIKOTES",
        "nilai_akhir",
        "kode",
        "catatan",
    ]
    assert summary(ranking, "B1") == [
        ("1", 1, "L", "79.875", ""),  # 32 + 72.5 × 0.35 + 22.5
        # 36 + 76.5 × 0.35 + 15; older than Budi, and catatan says so (issue #10 §3)
        ("11", 2, "TL", "77.775", "nilai sama — menurut usia"),
        ("2", 3, "TL", "77.775", "nilai sama — menurut usia"),
        ("3", None, "TMS", "67.500", ""),  # pengetahuan 55 < 60; the total is still shown
        ("4", None, None, "", "BELUM LENGKAP"),  # one assessor of the two
        ("5", None, "TH", "", ""),
        ("6", None, "APS", "90.000", ""),  # withdrawn, whatever the scores
    ]
    assert summary(ranking, "B2") == [
        ("8", 1, "L", "76.763", ""),  # 32 + 70.75 × 0.35 + 20 = 76.7625, half-up
        (
            "7",
            2,
            "SERI",
            "76.733",
            "menunggu keputusan panitia",
        ),  # 32 + 212/3 × 0.35 + 20 = 76.7333…
        (
            "9",
            2,
            "SERI",
            "76.733",
            "menunggu keputusan panitia",
        ),  # a complete tie at the boundary: the committee decides
        ("10", 4, "TL", "60.000", ""),
    ]
    records = {r["nomor_peserta"]: r for r in ranking.records()}
    assert (records["7"]["PRAKTIK"], records["8"]["PRAKTIK"]) == ("70.667", "70.750")
    assert (records["2"]["PRAKTIK"], records["4"]["PRAKTIK"]) == ("76.500", "")
    assert records["5"]["PSIKOTES"] == "TH"
    assert ranking.quotas == {"B1": 1, "B2": 2}


def test_formation_filter(db: Database, binjai: int) -> None:
    only = compute_ranking(db, binjai, formation=" b2 ")
    assert [r["nomor_peserta"] for r in only.records()] == ["8", "7", "9", "10"]
    assert {r["kode_formasi"] for r in only.records()} == {"B2"}
    with pytest.raises(UserError) as caught:
        compute_ranking(db, binjai, formation="B9")
    assert caught.value.message == "formation.not_found"
    with pytest.raises(UserError) as caught:
        compute_ranking(db, binjai, stage_code="SKD")
    assert caught.value.message == "stage.not_found"


@pytest.fixture
def cpns(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    make_selection: Callable[..., SelectionInfo],
    write_csv: WriteCsv,
) -> int:
    """CPNS 2024: C1 and C2 with one vacancy each, so the best three go on to AKHIR."""
    selection = make_selection("cpns-2024").id
    formations = [["C1", "Analis SDM", "BKPSDM", "S1", 1], ["C2", "Dokter", "RSUD", "S1", 1]]
    import_formations(
        db, actor, selection, write_csv(tmp_path / "f.csv", FORMATION_HEADER, formations)
    )
    people = [[n, f"Peserta {n}", "1995-05-05", "C1"] for n in ("101", "102", "103", "104")]
    people += [
        ["105", "Peserta 105", "1995-05-05", "C1"],
        ["106", "Peserta 106", "1995-05-05", "C1"],
    ]
    people += [[n, f"Peserta {n}", "1995-05-05", "C2"] for n in ("201", "202", "203", "204", "205")]
    import_participants(
        db, actor, selection, write_csv(tmp_path / "p.csv", PARTICIPANT_HEADER, people)
    )
    mark_participant(db, actor, selection, "204", "DIS", "joki")
    mark_participant(db, actor, selection, "201", "APS", "tidak hadir pemberkasan", "AKHIR")
    skd = [
        ["101", 100, 100, 180],  # 380
        ["102", 90, 110, 180],  # 380: same total and TKP, better TIU
        ["103", 85, 90, 170],  # 345
        ["104", 80, 85, 170],  # 335: fourth, outside 3 × 1
        ["105", 60, 100, 180],  # TWK below 65
        ["106", "TH", 100, 180],
        ["201", 100, 100, 200],  # 400
        ["202", 95, 100, 180],  # 375
        ["203", 100, 100, ""],  # TKP not yet entered
        ["204", 100, 100, 200],
        ["205", 100, 100, 190],  # 390
    ]
    import_scores(
        db,
        actor,
        selection,
        write_csv(tmp_path / "skd.csv", ["nomor_peserta", "TWK", "TIU", "TKP"], skd),
    )
    skb = [
        ["101", "CAT_SKB", "400", ""],
        ["102", "CAT_SKB", "400", ""],
        ["103", "CAT_SKB", "450", ""],
        ["202", "CAT_SKB", "300", ""],
        ["205", "CAT_SKB", "350", ""],
        *(praktik(n, a, 80) for n in ("101", "102") for a in ("A", "B")),
        praktik("103", "A", 90),
        praktik("103", "B", 85),
        ["202", "PRAKTIK", "TH", "A"],
        praktik("202", "B", 80),
        *praktik_aspects("205", "A", (80, 70, 60, 90)),
        praktik("205", "B", 77),
    ]
    import_scores(db, actor, selection, write_csv(tmp_path / "skb.csv", LONG_HEADER, skb))
    return selection


def test_cpns_skd_by_hand(db: Database, cpns: int) -> None:
    ranking = compute_ranking(db, cpns, stage_code="skd")
    assert ranking.columns == ("TWK", "TIU", "TKP")
    assert summary(ranking) == [
        ("102", 1, "P/L", "380.000", "nilai sama — menurut TIU"),  # TKP equal
        ("101", 2, "P/L", "380.000", "nilai sama — menurut TIU"),
        ("103", 3, "P/L", "345.000", ""),
        ("104", 4, "P", "335.000", ""),
        ("105", None, "TL", "340.000", ""),
        ("106", None, "TH", "", ""),
        ("201", 1, "P/L", "400.000", ""),  # withdrew only at AKHIR
        ("205", 2, "P/L", "390.000", ""),
        ("202", 3, "P/L", "375.000", ""),
        ("203", None, None, "", "BELUM LENGKAP"),
        ("204", None, "DIS", "400.000", ""),
    ]


def test_cpns_final_by_hand(db: Database, cpns: int) -> None:
    ranking = compute_ranking(db, cpns)
    assert ranking.stage.code == "AKHIR"
    assert ranking.columns == ("SKD", "CAT_SKB", "PRAKTIK")
    # NA = SKD/550 × 40 + (CAT_SKB/500 × 60 + PRAKTIK × 0.4) × 0.6, half-up to 3 decimals.
    assert summary(ranking) == [
        ("103", 1, "P/L", "78.491", ""),  # 25.0909… + (54 + 35) × 0.6
        # 27.6363… + 80 × 0.6; TIU 110 beats 101's 100
        ("102", 2, "P/TL", "75.636", "nilai sama — menurut TIU"),
        ("101", 3, "P/TL", "75.636", "nilai sama — menurut TIU"),
        ("205", 1, "P/L", "71.924", ""),  # 28.3636… + (42 + 76.5 × 0.4) × 0.6
        ("201", None, "APS", "", ""),
        ("202", None, "P/TH", "", ""),
    ]
    skd = {r["nomor_peserta"]: r["SKD"] for r in ranking.records()}
    assert skd == {
        "103": "345.000",
        "102": "380.000",
        "101": "380.000",
        "205": "390.000",
        "201": "400.000",
        "202": "375.000",
    }


def test_a_mark_applies_from_its_stage_on(db: Database, actor: Actor, cpns: int) -> None:
    info = mark_participant(db, actor, cpns, "103", "tms", "ijazah tidak sesuai", "akhir")
    assert (info.kind, info.stage, info.created_by) == ("TMS", "AKHIR", "tester")
    skd = {r[0]: r[2] for r in summary(compute_ranking(db, cpns, "SKD"))}
    final = {r[0]: r[1:3] for r in summary(compute_ranking(db, cpns, "AKHIR"))}
    assert skd["103"] == "P/L"
    assert final["103"] == (None, "TMS-1")
    assert final["102"] == (1, "P/L")
    # Marked at SKD (the default), a participant leaves both lists' ranking.
    assert mark_participant(db, actor, cpns, "102", "APS", "mengundurkan diri").stage == "SKD"
    skd = {r[0]: r[1:3] for r in summary(compute_ranking(db, cpns, "SKD"))}
    assert skd["102"] == (None, "APS")
    assert skd["104"] == (3, "P/L")  # moves into the cut
    assert "102" not in {r[0] for r in summary(compute_ranking(db, cpns))}


def test_mark_refusals(
    db: Database, db_path: Path, actor: Actor, cpns: int, dump: Callable[[Path], str]
) -> None:
    before = dump(db_path)
    cases = [
        (("204", "DIS", "lagi", None), "mark.exists"),
        (("101", "APS", "   ", None), "mark.reason_required"),
        (("999", "APS", "tidak ada", None), "participant.not_found"),
        (("101", "XYZ", "alasan", None), "mark.bad_kind"),
        (("101", "APS", "alasan", "SKB"), "stage.not_found"),
    ]
    for (number, kind, reason, stage), message in cases:
        with pytest.raises(UserError) as caught:
            mark_participant(db, actor, cpns, number, kind, reason, stage)
        assert caught.value.message == message
    assert dump(db_path) == before
    # The same kind at another stage is another mark.
    mark_participant(db, actor, cpns, "204", "DIS", "joki", "AKHIR")
    with db.reading() as connection:
        marks = [reason for (reason,) in connection.execute("SELECT reason FROM participant_mark")]
    assert sorted(marks) == ["joki", "joki", "tidak hadir pemberkasan"]


def test_resolve_selection(db: Database, make_selection: Callable[..., SelectionInfo]) -> None:
    with pytest.raises(UserError) as caught:
        resolve_selection(db, None)
    assert caught.value.message == "selection.none"
    first = make_selection("cpns-2024", "Pertama")
    second = make_selection("pppk-2024", "Kedua")
    assert resolve_selection(db, None).id == second.id
    picked = resolve_selection(db, first.id)
    assert (picked.id, picked.name, picked.scheme_code) == (first.id, "Pertama", "cpns-2024")
    with pytest.raises(UserError) as caught:
        resolve_selection(db, 999)
    assert caught.value.message == "selection.not_found"
    assert [s.name for s in list_selections(db)] == ["Pertama", "Kedua"]


def test_users(db: Database, actor: Actor) -> None:
    info = add_user(db, actor, "siti", "operator", "rahasia-123", "Siti Aminah")
    assert (info.username, info.role, info.full_name, info.active) == (
        "siti",
        "operator",
        "Siti Aminah",
        True,
    )
    with db.reading() as connection:
        (stored,) = connection.execute("SELECT password_hash FROM app_user").fetchone()
    assert stored.startswith("$argon2id$")
    assert "rahasia-123" not in stored
    assert authenticate(db, "siti", "rahasia-123").username == "siti"
    for name, password in (("siti", "rahasia-124"), ("tidakada", "rahasia-123")):
        with pytest.raises(UserError) as caught:
            authenticate(db, name, password)
        assert caught.value.message == "user.bad_login"
    refusals = [
        (("budi", "operator", "1234567"), "user.short_password"),
        (("siti", "admin", "rahasia-456"), "user.exists"),
        (("budi", "ketua", "rahasia-456"), "user.bad_role"),
        (("bu di", "admin", "rahasia-456"), "user.bad_name"),
    ]
    for (name, role, password), message in refusals:
        with pytest.raises(UserError) as caught:
            add_user(db, actor, name, role, password)
        assert caught.value.message == message
    assert add_user(db, actor, "budi", "penilai", "12345678").role == "penilai"  # 8 is enough
    assert [u.username for u in list_users(db)] == ["budi", "siti"]
