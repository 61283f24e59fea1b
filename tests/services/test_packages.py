"""Field laptops (issue #12 §1): prepared from the main laptop, packages merged back.

Every test works on real files: a main laptop's database, field laptops' databases prepared
from it, packages written and read back, and what reached the main laptop's tables.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from app.scoring import Scheme
from app.services.actor import Actor
from app.services.backups import copy_aside
from app.services.database import Database
from app.services.device_chains import verify_device_chains
from app.services.devices import list_devices, prepare_laptop
from app.services.errors import PermissionDenied, UserError
from app.services.finalization import finalize
from app.services.history import verify_history
from app.services.marks import mark_participant
from app.services.opening import open_database
from app.services.packages import (
    export_package,
    import_package,
    package_conflicts,
    preview_package,
    resolve_package_conflict,
)
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import compute_ranking
from app.services.scheme_edit import current_scheme, save_scheme
from app.services.schemes import load_preset_or_file
from app.services.score_entry import save_score
from app.services.selections import create_selection

ADMIN = Actor("ketua", "admin")
SECRETARY = Actor("sekretaris", "admin")
CLERK_A = Actor("rina", "operator")
CLERK_B = Actor("andi", "operator")
CLERK_C = Actor("dewi", "operator")
ASPECTS = ("TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI")
FORMATIONS = [
    ["A1", "Perawat Terampil", "RSUD Djoelham", "D-3 Keperawatan", 1],
    ["B1", "Guru Ahli Pertama", "Dinas Pendidikan", "S-1 Pendidikan", 2],
]
PEOPLE = [
    [f"24{i:03d}", f"Peserta {i}", "1995-01-01", "A1" if i < 4 else "B1"] for i in range(1, 8)
]


def with_double_entry(scheme: Scheme, code: str) -> Scheme:
    stages = tuple(
        replace(
            stage,
            components=tuple(
                replace(c, double_entry=True) if c.code == code else c for c in stage.components
            ),
        )
        for stage in scheme.stages
    )
    return replace(scheme, stages=stages)


@pytest.fixture
def main(tmp_path: Path, write_csv: Callable[..., Path]) -> tuple[Database, int]:
    """The secretary's laptop: Binjai with two formations and seven participants, no scores."""
    db = open_database(tmp_path / "utama.db")
    info = create_selection(
        db, ADMIN, load_preset_or_file("binjai-kompetensi"), "Seleksi uji", 2024, "Kota Binjai"
    )
    header = ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"]
    import_formations(db, ADMIN, info.id, write_csv(tmp_path / "formasi.csv", header, FORMATIONS))
    people = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"]
    import_participants(db, ADMIN, info.id, write_csv(tmp_path / "peserta.csv", people, PEOPLE))
    return db, info.id


def scores(db: Database) -> list[tuple]:
    with sqlite3.connect(db.path) as connection:
        return connection.execute(
            "SELECT p.number, c.code, s.assessor, s.aspect, s.value_milli, s.value_text,"
            " s.absent, s.entered_by FROM score s JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id ORDER BY 1, 2, 3, 4"
        ).fetchall()


def practical(db: Database, actor: Actor, sid: int, number: str, assessor: str, base: int):
    for offset, aspect in enumerate(ASPECTS):
        save_score(
            db, actor, sid, number, "PRAKTIK", str(base + offset), assessor=assessor, aspect=aspect
        )


def test_a_laptop_gets_its_formations_its_identity_and_its_own_chain(
    main: tuple[Database, int], tmp_path: Path
) -> None:
    db, sid = main
    device = prepare_laptop(
        db, ADMIN, sid, tmp_path / "ruang2.db", " Ruang  2 ", formations=["a1"],
        components=["PRAKTIK"],
    ).value  # fmt: skip
    assert (device.name, device.formations, device.components) == ("Ruang 2", ("A1",), ("PRAKTIK",))
    assert device.participants == 3 and len(device.fingerprint.split()) == 4
    field = open_database(tmp_path / "ruang2.db")
    from app.services.devices import this_field_laptop

    me = this_field_laptop(field)
    assert me is not None and me.fingerprint == device.fingerprint
    assert this_field_laptop(db) is None
    with sqlite3.connect(field.path) as connection:
        numbers = [r[0] for r in connection.execute("SELECT number FROM participant ORDER BY 1")]
        assert numbers == ["24001", "24002", "24003"]
        # The accounts travel with the file: the laptop's clerks log in as on the main laptop.
        users = "SELECT username, password_hash FROM app_user ORDER BY username"
        travelled = connection.execute(users).fetchall()
    with sqlite3.connect(db.path) as connection:
        assert travelled == connection.execute(users).fetchall()
    with sqlite3.connect(field.path) as connection:
        (action,) = connection.execute(
            "SELECT action FROM audit_event ORDER BY id DESC LIMIT 1"
        ).fetchone()
        assert action == "device.prepared"
        # The other formation's people do not travel, not even in free pages.
        assert b"Peserta 5" not in Path(field.path).read_bytes()
    assert verify_history(field).ok  # the replay knows who was left out
    assert verify_history(db).ok
    # The laptop takes only its components.
    with pytest.raises(UserError) as refused:
        save_score(field, CLERK_A, sid, "24001", "PENGETAHUAN", "80")
    assert refused.value.message == "device.out_of_scope"
    practical(field, CLERK_A, sid, "24001", "Budi", 70)


def test_preparing_is_refused_without_writing_anything(
    main: tuple[Database, int], tmp_path: Path, dump: Callable[[Path], str]
) -> None:
    db, sid = main
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang2.db", "Ruang 2")
    before = dump(db.path)
    field = open_database(tmp_path / "ruang2.db")
    cases = [
        (dict(out=tmp_path / "lain.db", name="Ruang 2"), "device.name_taken"),
        (dict(out=tmp_path / "ruang2.db", name="Ruang 3"), "device.file_exists"),
        (dict(out=tmp_path / "x.db", name="R3", formations=["Z9"]), "device.unknown_formation"),
        (dict(out=tmp_path / "x.db", name="R3", components=["CAT"]), "device.unknown_component"),
        (dict(out=tmp_path / "x.db", name="  "), "device.bad_name"),
    ]  # fmt: skip
    for options, message in cases:
        with pytest.raises(UserError) as refused:
            prepare_laptop(db, ADMIN, sid, **options)  # type: ignore[arg-type]
        assert refused.value.message == message
    assert dump(db.path) == before
    with pytest.raises(PermissionDenied):  # refused, and the refusal is on the record
        prepare_laptop(db, CLERK_A, sid, tmp_path / "y.db", "Ruang 9")
    with pytest.raises(UserError) as refused:
        prepare_laptop(field, ADMIN, sid, tmp_path / "z.db", "Ruang 4")
    assert refused.value.message == "device.from_field_laptop"
    for name in ("x.db", "y.db", "z.db"):
        assert not (tmp_path / name).exists()
    assert [d.name for d in list_devices(db, sid)] == ["Ruang 2"]


def _three_laptops(db: Database, sid: int, folder: Path) -> list[Path]:
    """Ruang 2 scores A1's practical, Ruang 3 B1's, Ruang 4 everyone's CAT: three packages."""
    folder.mkdir()
    laptops = [
        ("Ruang 2", ["A1"], ["PRAKTIK"]),
        ("Ruang 3", ["B1"], ["PRAKTIK"]),
        ("Ruang 4", [], ["PENGETAHUAN"]),
    ]
    packages = []
    for name, formations, components in laptops:
        path = folder / f"{name}.db"
        prepare_laptop(db, ADMIN, sid, path, name, formations=formations, components=components)
        packages.append(path)
    ruang2, ruang3, ruang4 = (open_database(p) for p in packages)
    _enter(ruang2, ruang3, ruang4, sid)
    out = []
    for field, clerk in ((ruang2, CLERK_A), (ruang3, CLERK_B), (ruang4, CLERK_C)):
        package = field.path.with_suffix(".paket")
        export_package(field, clerk, package)
        out.append(package)
    return out


def _enter(ruang2: Database, ruang3: Database, ruang4: Database, sid: int) -> None:
    """The same values, typed where they are typed on the day (or all on one laptop)."""
    for i, number in enumerate(("24001", "24002", "24003")):
        practical(ruang2, CLERK_A, sid, number, "Budi", 60 + i)
        practical(ruang2, CLERK_A, sid, number, "Sari", 70 + i)
    for i, number in enumerate(("24004", "24005", "24006", "24007")):
        practical(ruang3, CLERK_B, sid, number, "Budi", 65 + i)
        if number != "24006":
            practical(ruang3, CLERK_B, sid, number, "Sari", 75 + i)
    save_score(ruang3, CLERK_B, sid, "24006", "PRAKTIK", "TH", assessor="Sari")
    for i in range(1, 8):
        save_score(ruang4, CLERK_C, sid, f"24{i:03d}", "PENGETAHUAN", str(50 + 5 * i))


def test_three_laptops_in_any_order_give_what_one_laptop_would(
    main: tuple[Database, int], tmp_path: Path
) -> None:
    db, sid = main
    one = tmp_path / "satu.db"
    copy_aside(Path(db.path), one)
    packages = _three_laptops(db, sid, tmp_path / "lapangan")
    ready = tmp_path / "siap.db"
    copy_aside(Path(db.path), ready)

    reference = open_database(one)
    with pytest.MonkeyPatch.context() as patch:
        # The one laptop has no scope: it takes every component.
        patch.setattr("app.services.entering._ensure_in_scope", lambda *_: None)
        _enter(reference, reference, reference, sid)
    expected = scores(reference)
    expected_ranking = compute_ranking(reference, sid).rows

    results = set()
    for order in itertools.permutations(range(3)):
        target = tmp_path / f"urutan-{''.join(map(str, order))}.db"
        copy_aside(ready, target)
        merged = open_database(target)
        for index in order:
            plan = import_package(merged, ADMIN, sid, packages[index])
            assert plan.status == "new" and not plan.conflicts
        assert scores(merged) == expected
        assert compute_ranking(merged, sid).rows == expected_ranking
        assert verify_history(merged).ok
        results.add(tuple(scores(merged)))
    assert len(results) == 1
    assert len(expected) == 3 * 2 * 4 + 4 * 2 * 4 - 3 + 7


def test_the_same_or_an_older_package_changes_nothing(
    main: tuple[Database, int], tmp_path: Path, dump: Callable[[Path], str]
) -> None:
    db, sid = main
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang2.db", "Ruang 2", formations=["A1"])
    field = open_database(tmp_path / "ruang2.db")
    practical(field, CLERK_A, sid, "24001", "Budi", 60)
    export_package(field, CLERK_A, tmp_path / "pertama.paket")
    practical(field, CLERK_A, sid, "24002", "Budi", 70)
    save_score(field, CLERK_A, sid, "24001", "PRAKTIK", "61", assessor="Budi", aspect="TEKNIS",
               reason="salah ketik")  # fmt: skip
    export_package(field, CLERK_A, tmp_path / "kedua.paket")

    preview = preview_package(db, ADMIN, sid, tmp_path / "pertama.paket")
    first = import_package(db, ADMIN, sid, tmp_path / "pertama.paket", previewed=preview)
    assert (first.status, first.added) == ("new", 1)
    # A preview confirmed after the package went in anyway: computed again, nothing twice.
    late = import_package(db, ADMIN, sid, tmp_path / "pertama.paket", previewed=preview)
    assert not late.changed
    second = import_package(db, ADMIN, sid, tmp_path / "kedua.paket")
    # The laptop's own correction replaces its own earlier value: no conflict.
    assert (second.added, second.replaced, second.conflicts) == (1, 1, [])
    before = dump(db.path)
    again = import_package(db, ADMIN, sid, tmp_path / "kedua.paket")
    older = import_package(db, ADMIN, sid, tmp_path / "pertama.paket")
    assert (again.status, again.changed) == ("same", False)
    assert (older.status, older.changed) == ("older", False)
    assert dump(db.path) == before
    assert ("24001", "PRAKTIK", "Budi", "TEKNIS", 61000, None, 0, "rina") in scores(db)
    devices = list_devices(db, sid)
    assert (devices[0].packages, devices[0].last_summary["added"]) == (2, 1)


def test_two_laptops_disagreeing_wait_for_an_admin_in_either_order(
    main: tuple[Database, int], tmp_path: Path
) -> None:
    db, sid = main
    for name in ("Ruang 2", "Ruang 3"):
        prepare_laptop(db, ADMIN, sid, tmp_path / f"{name}.db", name, formations=["A1"])
    ruang2, ruang3 = open_database(tmp_path / "Ruang 2.db"), open_database(tmp_path / "Ruang 3.db")
    practical(ruang2, CLERK_A, sid, "24001", "Budi", 60)
    practical(ruang3, CLERK_B, sid, "24001", "Budi", 60)
    save_score(ruang3, CLERK_B, sid, "24001", "PRAKTIK", "99", assessor="Budi", aspect="SIKAP",
               reason="nilai dari lembar")  # fmt: skip
    packages = []
    for field, clerk in ((ruang2, CLERK_A), (ruang3, CLERK_B)):
        packages.append(field.path.with_suffix(".paket"))
        export_package(field, clerk, packages[-1])
    ready = tmp_path / "siap.db"
    copy_aside(Path(db.path), ready)

    outcomes = []
    for order in ((0, 1), (1, 0)):
        target = tmp_path / f"urutan-{order[0]}{order[1]}.db"
        copy_aside(ready, target)
        merged = open_database(target)
        plans = [import_package(merged, ADMIN, sid, packages[i]) for i in order]
        assert plans[1].withdrawn == 1 and len(plans[1].conflicts) == 1
        # Nobody's value counts until an admin decides.
        assert [s for s in scores(merged) if s[0] == "24001"] == []
        (conflict,) = package_conflicts(merged, sid)
        assert (conflict.participant, conflict.component, conflict.assessor) == (
            "24001", "PRAKTIK", "Budi",
        )  # fmt: skip
        assert [(c.source, c.value, c.by) for c in conflict.claims] == [
            ("Ruang 2", "KETEPATAN 61; KOMUNIKASI 63; SIKAP 62; TEKNIS 60", "rina"),
            ("Ruang 3", "KETEPATAN 61; KOMUNIKASI 63; SIKAP 99; TEKNIS 60", "andi"),
        ]
        outcomes.append((scores(merged), package_conflicts(merged, sid)))
    assert outcomes[0] == outcomes[1]

    merged = open_database(tmp_path / "urutan-01.db")
    with pytest.raises(UserError) as refused:
        resolve_package_conflict(merged, SECRETARY, sid, "24001", "PRAKTIK", "Budi", "Ruang 2", " ")
    assert refused.value.message == "double.reason_required"
    with pytest.raises(PermissionDenied):
        resolve_package_conflict(merged, CLERK_A, sid, "24001", "PRAKTIK", "Budi", "Ruang 2", "x")
    with pytest.raises(UserError) as refused:
        resolve_package_conflict(merged, SECRETARY, sid, "24001", "PRAKTIK", "Budi", "77", "x")
    assert refused.value.message == "package.bad_choice"
    resolve_package_conflict(
        merged, SECRETARY, sid, "24001", "praktik", "Budi", "ruang 2", "lembar asli diperiksa"
    )
    assert package_conflicts(merged, sid) == []
    decided = [s for s in scores(merged) if s[0] == "24001"]
    assert [(s[3], s[4], s[7]) for s in decided] == [
        ("KETEPATAN", 61000, "rina"), ("KOMUNIKASI", 63000, "rina"),
        ("SIKAP", 62000, "rina"), ("TEKNIS", 60000, "rina"),
    ]  # fmt: skip
    # The decision holds when the same packages come again.
    for package in packages:
        assert not import_package(merged, ADMIN, sid, package).changed
    assert verify_history(merged).ok


def test_a_value_corrected_on_the_main_laptop_is_never_overwritten(
    main: tuple[Database, int], tmp_path: Path
) -> None:
    db, sid = main
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang2.db", "Ruang 2", formations=["A1"])
    field = open_database(tmp_path / "ruang2.db")
    save_score(field, CLERK_A, sid, "24002", "PENGETAHUAN", "80")
    export_package(field, CLERK_A, tmp_path / "a.paket")
    import_package(db, ADMIN, sid, tmp_path / "a.paket")
    save_score(db, SECRETARY, sid, "24002", "PENGETAHUAN", "85", reason="berita acara CAT")
    # The laptop corrects its own value later; the main laptop's correction stands.
    save_score(field, CLERK_A, sid, "24002", "PENGETAHUAN", "82", reason="salah ketik")
    export_package(field, CLERK_A, tmp_path / "b.paket")
    plan = preview_package(db, ADMIN, sid, tmp_path / "b.paket")
    assert plan.conflicts == [("24002", "PENGETAHUAN", "")] and plan.replaced == 0
    import_package(db, ADMIN, sid, tmp_path / "b.paket")
    assert [s[4] for s in scores(db) if s[0] == "24002"] == [85000]
    (conflict,) = package_conflicts(db, sid)
    assert [(c.source, c.value) for c in conflict.claims] == [
        ("laptop utama", "85"), ("Ruang 2", "82"),
    ]  # fmt: skip
    assert conflict.holding == "85"
    assert verify_history(db).ok


def _flip_last_byte(path: Path, target: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0x01
    target.write_bytes(bytes(data))
    return target


def test_bad_packages_are_refused_naming_why_and_change_nothing(
    main: tuple[Database, int], tmp_path: Path, dump: Callable[[Path], str],
    write_csv: Callable[..., Path],
) -> None:  # fmt: skip
    db, sid = main
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang2.db", "Ruang 2", formations=["A1"])
    field = open_database(tmp_path / "ruang2.db")
    practical(field, CLERK_A, sid, "24001", "Budi", 60)
    good = tmp_path / "baik.paket"
    export_package(field, CLERK_A, good)

    other_folder = tmp_path / "lain"
    other_folder.mkdir()
    other = open_database(other_folder / "utama.db")
    other_info = create_selection(
        other, ADMIN, load_preset_or_file("binjai-kompetensi"), "Lain", 2024, "Kota Binjai"
    )
    prepare_laptop(other, ADMIN, other_info.id, other_folder / "r.db", "Ruang 2")
    foreign = other_folder / "r.paket"
    export_package(open_database(other_folder / "r.db"), CLERK_A, foreign)

    forged = tmp_path / "palsu.paket"  # the device's name and id, another laptop's key
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang9.db", "Ruang 9", formations=["A1"])
    with sqlite3.connect(tmp_path / "ruang2.db") as connection:
        real = connection.execute("SELECT uuid FROM device_self").fetchone()[0]
    with sqlite3.connect(tmp_path / "ruang9.db") as connection:
        other_key = connection.execute("SELECT private_key FROM device_self").fetchone()[0]
    from app.services.package_file import read_package, write_package

    content = read_package(good).content
    write_package(forged, real, other_key, content)

    # A laptop prepared from another copy of this very file: the same database, a device
    # this file never prepared.
    copy_aside(Path(db.path), tmp_path / "salinan.db")
    copy = open_database(tmp_path / "salinan.db")
    prepare_laptop(copy, ADMIN, sid, tmp_path / "dari-salinan.db", "Ruang 5")
    stranger = tmp_path / "asing.paket"
    export_package(open_database(tmp_path / "dari-salinan.db"), CLERK_A, stranger)

    truncated = tmp_path / "terpotong.paket"
    truncated.write_bytes(good.read_bytes()[:-40])
    not_a_package = write_csv(tmp_path / "nilai.paket", ["nomor_peserta"], [["24001"]])
    cases = [
        (_flip_last_byte(good, tmp_path / "rusak.paket"), "package.damaged"),
        (truncated, "package.truncated"),
        (not_a_package, "package.not_a_package"),
        (foreign, "package.other_selection"),
        (forged, "package.bad_signature"),
        (stranger, "package.unknown_device"),
    ]
    before = dump(db.path)
    for path, message in cases:
        for function in (preview_package, import_package):
            with pytest.raises(UserError) as refused:
                function(db, ADMIN, sid, path)
            assert refused.value.message == message, path
    assert dump(db.path) == before

    finalize_refused(db, sid, good, dump)


def finalize_refused(db: Database, sid: int, package: Path, dump: Callable[[Path], str]) -> None:
    """A package that would change a finalized formation is refused, the formation named."""
    for number in ("24001", "24002", "24003"):  # withdrawn: A1 is complete without scores
        mark_participant(db, ADMIN, sid, number, "APS", "mengundurkan diri")
    finalize(db, ADMIN, sid, "AKHIR", ["A1"])
    before = dump(db.path)
    with pytest.raises(UserError) as refused:
        import_package(db, ADMIN, sid, package)
    assert refused.value.message == "package.finalized"
    assert "A1" in refused.value.text()
    assert dump(db.path) == before


def test_a_participant_added_on_the_laptop_is_named_and_nothing_imported(
    main: tuple[Database, int], tmp_path: Path, dump: Callable[[Path], str]
) -> None:
    db, sid = main
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang2.db", "Ruang 2", formations=["A1"])
    field = open_database(tmp_path / "ruang2.db")
    from app.services.participant_edit import ParticipantEntry, add_participant

    entry = ParticipantEntry("24099", "Peserta Susulan", "02-02-1996", "A1")
    add_participant(field, ADMIN, sid, entry, "pendaftaran susulan di lokasi")
    save_score(field, CLERK_A, sid, "24099", "PENGETAHUAN", "70")
    export_package(field, CLERK_A, tmp_path / "a.paket")
    before = dump(db.path)
    with pytest.raises(UserError) as refused:
        import_package(db, ADMIN, sid, tmp_path / "a.paket")
    assert refused.value.message == "package.unknown_participant"
    assert "24099" in refused.value.text()
    assert dump(db.path) == before


def test_marks_and_double_entry_rounds_travel_and_settle(
    main: tuple[Database, int], tmp_path: Path
) -> None:
    db, sid = main
    save_scheme(db, ADMIN, sid, with_double_entry(current_scheme(db, sid), "PENGETAHUAN"))
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang2.db", "Ruang 2", formations=["A1"])
    field = open_database(tmp_path / "ruang2.db")
    mark_participant(field, CLERK_A, sid, "24003", "APS", "mengundurkan diri di lokasi")
    save_score(field, CLERK_A, sid, "24001", "PENGETAHUAN", "80")  # round 1
    save_score(field, CLERK_B, sid, "24001", "PENGETAHUAN", "80")  # round 2: agrees
    save_score(field, CLERK_A, sid, "24002", "PENGETAHUAN", "70")  # round 1 only
    export_package(field, CLERK_A, tmp_path / "a.paket")
    plan = import_package(db, ADMIN, sid, tmp_path / "a.paket")
    assert (plan.marks_added, plan.drafts_added) == (1, 3)
    assert [s[:5] for s in scores(db)] == [("24001", "PENGETAHUAN", "", "", 80000)]
    with sqlite3.connect(db.path) as connection:
        marks = connection.execute(
            "SELECT p.number, m.kind, m.created_by FROM participant_mark m"
            " JOIN participant p ON p.id = m.participant_id"
        ).fetchall()
        rounds = connection.execute("SELECT count(*) FROM score_draft").fetchone()[0]
    assert (marks, rounds) == ([("24003", "APS", "rina")], 3)
    # The second round typed here settles it as if typed on the laptop.
    save_score(db, CLERK_B, sid, "24002", "PENGETAHUAN", "70")
    assert ("24002", "PENGETAHUAN", "", "", 70000) in [s[:5] for s in scores(db)]
    assert not import_package(db, ADMIN, sid, tmp_path / "a.paket").changed
    assert verify_history(db).ok


def test_a_device_chain_changed_after_it_arrived_is_named_by_audit_verify(
    main: tuple[Database, int], tmp_path: Path
) -> None:
    db, sid = main
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang2.db", "Ruang 2", formations=["A1"])
    field = open_database(tmp_path / "ruang2.db")
    practical(field, CLERK_A, sid, "24001", "Budi", 60)
    export_package(field, CLERK_A, tmp_path / "a.paket")
    import_package(db, ADMIN, sid, tmp_path / "a.paket")
    (chain,) = verify_device_chains(db)
    assert chain.device == "Ruang 2" and chain.report.ok and chain.report.events == 4
    # The participant's history on the main laptop names what was typed on the laptop.
    from app.services.audit import audit_log

    history = [(e.action, e.actor, e.device) for e in audit_log(db, participant="24001")]
    assert history == [
        ("score.entered", "rina", "Ruang 2"),
        *[("score.replaced", "rina", "Ruang 2")] * 3,
    ]
    with sqlite3.connect(db.path) as connection:
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("UPDATE device_event SET actor = 'x'")
        connection.execute("DROP TRIGGER device_event_no_update")
        connection.execute("UPDATE device_event SET new = '[]' WHERE seq = (SELECT max(seq) - 1"
                           " FROM device_event)")  # fmt: skip
    (chain,) = verify_device_chains(db)
    assert not chain.report.ok and chain.report.problem == "audit.chain_content"
    report = verify_history(db)
    assert not report.ok
    shutil.rmtree(tmp_path / "utama.db.cache", ignore_errors=True)


def test_the_way_back_carries_corrections_and_marks_and_never_touches_the_laptops_scores(
    main: tuple[Database, int], tmp_path: Path, dump: Callable[[Path], str]
) -> None:
    from app.services.participant_edit import (
        ParticipantEntry,
        add_participant,
        correct_participant,
    )
    from app.services.way_back import export_for_device, preview_from_main, receive_from_main

    db, sid = main
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang2.db", "Ruang 2", formations=["A1"])
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang3.db", "Ruang 3", formations=["B1"])
    field = open_database(tmp_path / "ruang2.db")
    practical(field, CLERK_A, sid, "24001", "Budi", 60)
    typed = scores(field)

    # At the secretariat meanwhile: a name corrected, a late registration, a withdrawal,
    # and a correction in the other laptop's formation.
    correct_participant(db, ADMIN, sid, "24001", ParticipantEntry(
        "24001", "Peserta Satu Koreksi", "01-01-1995", "A1"), "salah ketik nama")  # fmt: skip
    late = ParticipantEntry("24090", "Peserta Susulan", "02-02-1996", "A1")
    add_participant(db, ADMIN, sid, late, "pendaftaran susulan")
    mark_participant(db, ADMIN, sid, "24002", "APS", "mengundurkan diri")
    correct_participant(db, ADMIN, sid, "24005", ParticipantEntry(
        "24005", "Peserta Lima Koreksi", "01-01-1995", "B1"), "salah ketik")  # fmt: skip
    back = tmp_path / "untuk-ruang2.paket"
    sent = export_for_device(db, ADMIN, sid, "Ruang 2", back)
    assert (sent.participants, sent.marks) == (4, 1)  # A1 only: 24001-24003 and 24090

    plan = preview_from_main(field, CLERK_A, back)
    assert (plan.updated, plan.added, plan.marks_added) == (["24001"], ["24090"], 1)
    receive_from_main(field, CLERK_A, back)
    with sqlite3.connect(field.path) as connection:
        names = dict(connection.execute("SELECT number, name FROM participant"))
        marks = connection.execute(
            "SELECT p.number, m.kind, m.created_by FROM participant_mark m"
            " JOIN participant p ON p.id = m.participant_id"
        ).fetchall()
    assert names["24001"] == "Peserta Satu Koreksi" and names["24090"] == "Peserta Susulan"
    assert "24005" not in names
    assert marks == [("24002", "APS", "ketua")]
    assert scores(field) == typed  # the laptop's own entries, untouched
    assert verify_history(field).ok
    # Again, or for the wrong laptop: nothing changes.
    before = dump(field.path)
    assert not receive_from_main(field, CLERK_A, back).changed
    other = tmp_path / "untuk-ruang3.paket"
    export_for_device(db, ADMIN, sid, "Ruang 3", other)
    with pytest.raises(UserError) as refused:
        receive_from_main(field, CLERK_A, other)
    assert refused.value.message == "package.other_device"
    with pytest.raises(UserError) as refused:
        receive_from_main(db, ADMIN, back)
    assert refused.value.message == "package.for_field_only"
    export_package(open_database(tmp_path / "ruang3.db"), CLERK_B, tmp_path / "r3.paket")
    with pytest.raises(UserError) as refused:
        import_package(field, ADMIN, sid, tmp_path / "r3.paket")
    assert refused.value.message == "package.main_only"
    assert dump(field.path) == before
    # The laptop's package afterwards still merges cleanly on the main laptop.
    export_package(field, CLERK_A, tmp_path / "ruang2.paket")
    plan = import_package(db, ADMIN, sid, tmp_path / "ruang2.paket")
    assert (plan.added, plan.conflicts) == (1, [])
    assert verify_history(db).ok
