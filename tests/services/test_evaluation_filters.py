"""The evaluation narrowed to one formation or one agency (unit kerja), as the Monev page asks
for it: every figure over those participants only, counted by hand on nine applicants; the
assessors' figures and validity checked on a demo against the scores read independently."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from app.services.actor import Actor
from app.services.changes import PERFORMANCE
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import UserError
from app.services.evaluation import (
    assessor_figures,
    evaluation,
    filter_choices,
    stage_figures,
)

ADMIN = Actor("ketua", "admin")

# NIK: 1275 (Kota Binjai) or 1271 (Medan); day + 40 for a woman; everyone born 15-01-1995.
PEOPLE = [
    ["01", "Rina", "A1", "1275015501950001"],  # woman, local
    ["02", "Andi", "A1", "1275011501950002"],  # man, local
    ["03", "Sari", "A1", "1271015501950003"],  # woman
    ["04", "Budi", "A1", "1271011501950004"],  # man: fourth of A1, outside the cut of 3
    ["05", "Dewi", "A2", "1271015501950005"],  # woman: TWK 60 < 65
    ["06", "Yusuf", "A2", "1271011501950006"],  # man
    ["07", "Ani", "B1", "1275015501950007"],  # woman, local
    ["08", "Joko", "B1", "1275011501950008"],  # man, local: absent
    ["09", "Tono", "B1", "1271011501950009"],  # man: TKP 160 < 166
]
SCORES = [
    ["01", 100, 120, 200],
    ["02", 95, 115, 195],
    ["03", 90, 110, 190],
    ["04", 85, 105, 185],
    ["05", 60, 100, 180],
    ["06", 100, 100, 180],
    ["07", 110, 130, 170],
    ["08", "TH", "TH", "TH"],
    ["09", 70, 85, 160],
]


@pytest.fixture
def nine(db: Database, make_selection, write_csv, tmp_path) -> int:
    """Three formations in two agencies: A1 and A2 at the BKPSDM, B1 at the Dinas Kesehatan."""
    from app.services.participants_import import import_formations, import_participants
    from app.services.scores_import import import_scores

    info = make_selection("cpns-2024")
    header = ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"]
    formations = write_csv(
        tmp_path / "f.csv", header,
        [["A1", "Analis SDM", "BKPSDM", "S-1", 1], ["A2", "Pranata SDM", "BKPSDM", "S-1", 1],
         ["B1", "Perawat", "Dinas Kesehatan", "D-III", 2]],
    )  # fmt: skip
    import_formations(db, ADMIN, info.id, formations)
    participants = write_csv(
        tmp_path / "p.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi", "nik"],
        [[number, name, "1995-01-15", code, nik] for number, name, code, nik in PEOPLE],
    )
    import_participants(db, ADMIN, info.id, participants)
    scores = write_csv(tmp_path / "n.csv", ["nomor_peserta", "TWK", "TIU", "TKP"], SCORES)
    import_scores(db, ADMIN, info.id, scores)
    return info.id


def test_the_choices_are_the_formations_and_each_agency_once(db: Database, nine: int) -> None:
    choices = filter_choices(db, nine)
    assert [(f.code, f.position_title, f.unit) for f in choices.formations] == [
        ("A1", "Analis SDM", "BKPSDM"),
        ("A2", "Pranata SDM", "BKPSDM"),
        ("B1", "Perawat", "Dinas Kesehatan"),
    ]
    assert choices.units == ("BKPSDM", "Dinas Kesehatan")


def test_one_formation_counts_only_its_applicants(db: Database, nine: int) -> None:
    found = stage_figures(db, nine, "SKD", local_code="1275", formation="A1")
    flow = found["flow"]
    assert (flow["registered"], flow["present"], flow["absent"]) == (4, 4, 0)
    assert flow["passed_threshold"] == {"TWK": 4, "TIU": 4, "TKP": 4}
    assert flow["statuses"] == {"outside_quota": 1, "within_quota": 3}
    assert flow["seats"] == {"kebutuhan": 1, "within_quota": 3}
    assert flow["competition"] == {"A1": 4.0}
    assert flow["units"] == {"BKPSDM": {"registered": 4, "selected": 3}}
    assert found["distributions"]["TWK"]["n"] == 4
    assert found["distributions"]["TWK"]["mean"] == pytest.approx(370 / 4)
    sex = found["fairness"]["sex"]["levels"]
    assert sex["perempuan"] == {"applicants": 2, "selected": 2, "rate": 1.0}  # Rina, Sari
    assert sex["laki-laki"] == {"applicants": 2, "selected": 1, "rate": 0.5}  # Andi; not Budi
    local = found["fairness"]["local"]["levels"]
    assert (local["lokal"]["selected"], local["luar daerah"]["selected"]) == (2, 1)


def test_one_agency_counts_its_formations_together(db: Database, nine: int) -> None:
    bkpsdm = stage_figures(db, nine, "SKD", unit="BKPSDM")["flow"]
    assert bkpsdm["registered"] == 6
    assert bkpsdm["passed_threshold"] == {"TWK": 5, "TIU": 6, "TKP": 6}  # Dewi's TWK 60
    # Within the cut: Rina, Andi, Sari (A1) and Yusuf (A2); Budi outside; Dewi below.
    assert bkpsdm["statuses"] == {"below_threshold": 1, "outside_quota": 1, "within_quota": 4}
    assert bkpsdm["seats"] == {"kebutuhan": 2, "within_quota": 4}
    assert bkpsdm["competition"] == {"A1": 4.0, "A2": 2.0}
    health = stage_figures(db, nine, "SKD", unit="Dinas Kesehatan")
    flow = health["flow"]
    assert (flow["registered"], flow["present"], flow["absent"]) == (3, 2, 1)  # Joko absent
    assert flow["passed_threshold"] == {"TWK": 2, "TIU": 2, "TKP": 1}  # Tono's TKP 160
    assert flow["seats"] == {"kebutuhan": 2, "within_quota": 1}  # Ani
    assert health["distributions"]["TKP"]["n"] == 2
    assert health["distributions"]["TKP"]["mean"] == pytest.approx(165)
    # A formation and an agency together: the formation, if it is that agency's.
    both = stage_figures(db, nine, "SKD", formation="A2", unit="BKPSDM")
    assert both["flow"]["registered"] == 2
    neither = stage_figures(db, nine, "SKD", formation="A2", unit="Dinas Kesehatan")
    assert neither["flow"]["registered"] == 0


def test_without_a_filter_nothing_changes_and_a_wrong_formation_is_named(
    db: Database, nine: int
) -> None:
    everyone = evaluation(db, nine, local_code="1275")
    assert everyone == evaluation(db, nine, local_code="1275", formation=None, unit=None)
    assert everyone["stages"]["SKD"]["flow"]["registered"] == 9
    assert set(everyone["stages"]["SKD"]) == {"stage", "flow", "distributions", "fairness",
                                              "components"}  # fmt: skip
    narrowed = evaluation(db, nine, formation="b1")  # typed as people type it
    assert narrowed["stages"]["SKD"]["flow"]["registered"] == 3
    with pytest.raises(UserError) as refused:
        evaluation(db, nine, formation="C9")
    assert refused.value.message == "formation.not_found"
    nobody = stage_figures(db, nine, "SKD", unit="Dinas Sosial")
    assert nobody["flow"]["registered"] == 0 and nobody["distributions"] == {}


def _whole_scores(db: Database, sid: int, formation: str) -> pd.DataFrame:
    """Each assessor's PRAKTIK score of the participants of ``formation``, read straight from
    the tables: a whole value as typed, else the mean of a complete rubric."""
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT p.number, s.assessor, s.aspect, s.value_milli FROM score s"
            " JOIN participant p ON p.id = s.participant_id JOIN formation f"
            " ON f.id = p.formation_id JOIN component c ON c.id = s.component_id"
            " WHERE c.code = 'PRAKTIK' AND p.selection_id = ? AND f.code = ?"
            " AND s.value_milli IS NOT NULL AND NOT s.absent AND s.assessor != ''",
            (sid, formation),
        ).fetchall()
    frame = pd.DataFrame(rows, columns=["number", "assessor", "aspect", "milli"])
    grouped = frame.groupby(["number", "assessor"])
    complete = (grouped.aspect.count() == 4) | grouped.aspect.apply(lambda a: (a == "").all())
    return grouped.milli.mean().div(1000)[complete].reset_index()


def test_assessors_and_validity_of_one_formation(db: Database, tmp_path, write_csv) -> None:
    from app.services.performance import import_performance
    from app.services.ranking import compute_ranking

    info = create_demo(db, ADMIN, "cpns-2024", participants=200, seed=4, performance=False)
    rows = [r for r in compute_ranking(db, info.id).rows if r.final is not None]
    by_formation: dict[str, list[str]] = {}
    for row in rows:
        by_formation.setdefault(row.formation, []).append(row.number)
    code = max(by_formation, key=lambda f: (len(by_formation[f]), f))
    whole = _whole_scores(db, info.id, code)
    found = assessor_figures(db, info.id, formation=code)["AKHIR"]["components"]["PRAKTIK"]
    everyone = assessor_figures(db, info.id)["AKHIR"]["components"]["PRAKTIK"]
    per_person = whole.groupby("number").assessor.count()
    assert found["n_participants"] == int((per_person >= 2).sum()) > 0
    assert found["n_participants"] < everyone["n_participants"]
    assert set(found["assessors"]) == set(whole.assessor)
    # One assessor's deviation by hand: their score minus the mean of the others', over the
    # participants of this formation they scored with someone else.
    table = whole.pivot(index="number", columns="assessor", values="milli")
    name = table.count().idxmax()
    shared = table[table[name].notna() & (table.count(axis=1) >= 2)]
    by_hand = float(np.mean(shared[name] - shared.drop(columns=name).mean(axis=1)))
    assert found["assessors"][name]["deviation"] == pytest.approx(by_hand, abs=1e-3)
    assert found["assessors"][name]["n"] == len(shared)

    # Performance for everyone with a final score: the formation's validity rests on its own.
    ladder = ["Kurang", "Butuh Perbaikan", "Baik", "Sangat Baik"]
    lines = [[r.number, 2025, ladder[i % 4]] for i, r in enumerate(rows)]
    done = import_performance(db, ADMIN, info.id, write_csv(tmp_path / "skp.csv",
                              ["nomor_peserta", "tahun", "predikat"], lines))  # fmt: skip
    assert done.changes.kinds == {PERFORMANCE}  # validity moved, no rank did
    narrowed = evaluation(db, info.id, formation=code)["validity"]["NILAI_AKHIR"]
    assert narrowed["n"] == len(by_formation[code])
    assert evaluation(db, info.id)["validity"]["NILAI_AKHIR"]["n"] == len(rows)
