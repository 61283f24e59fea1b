"""Imports never overwrite silently (issue #9, item 2), against a real database file.

A file that would change stored values is refused with each of them listed, old → new,
unless the import is told to replace them and given a reason; every replaced value is then
in the audit trail per participant, like a typed correction. A value saved by someone else
while the import runs is never overwritten, and the SHA-256 recorded is that of the bytes
the import parsed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.services import participants_import, scores_import
from app.services.actor import Actor
from app.services.audit import audit_log, verify_chain
from app.services.database import Database
from app.services.errors import ImportRejected, UserError
from app.services.participants_import import import_formations, import_participants
from app.services.replay import replay
from app.services.score_entry import save_score
from app.services.scores_import import import_scores
from app.services.selections import SelectionInfo

FORMATION_HEADER = ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"]
PARTICIPANT_HEADER = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"]
SCORE_HEADER = ["nomor_peserta", "PENGETAHUAN", "PSIKOTES"]
CLERK = Actor("operator1", "operator")

WriteCsv = Callable[..., Path]


@pytest.fixture
def binjai(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    make_selection: Callable[..., SelectionInfo],
    write_csv: WriteCsv,
) -> int:
    """Formations B1 and B2, participants 1–3 in B1; 1 and 2 have PENGETAHUAN scores."""
    selection = make_selection("binjai-kompetensi").id
    import_formations(
        db,
        actor,
        selection,
        write_csv(
            tmp_path / "formasi.csv",
            FORMATION_HEADER,
            [["B1", "Perawat", "RSUD", "D3", 1], ["B2", "Bidan", "Puskesmas", "D3", 2]],
        ),
    )
    import_participants(
        db,
        actor,
        selection,
        write_csv(
            tmp_path / "peserta.csv",
            PARTICIPANT_HEADER,
            [
                ["1", "Ani", "1990-01-01", "B1"],
                ["2", "Budi", "1991-01-01", "B1"],
                ["3", "Cici", "1992-01-01", "B1"],
            ],
        ),
    )
    import_scores(
        db,
        actor,
        selection,
        write_csv(tmp_path / "nilai.csv", ["nomor_peserta", "PENGETAHUAN"], [["1", 70], ["2", 80]]),
    )
    return selection


def scores(db: Database) -> list[tuple[str, str, int | None, str, str]]:
    """(number, component, milli, entered_by, entered_at), sorted."""
    with db.reading() as connection:
        return connection.execute(
            "SELECT p.number, c.code, s.value_milli, s.entered_by, s.entered_at FROM score s"
            " JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id ORDER BY p.number, c.code"
        ).fetchall()


def problems(error: ImportRejected) -> list[tuple[int, str, str, dict[str, object]]]:
    return [(p.row, p.field, p.message, p.params) for p in error.problems]


@contextmanager
def unchanged(db_path: Path, dump: Callable[[Path], str]) -> Iterator[None]:
    before = dump(db_path)
    yield
    assert dump(db_path) == before


# --- refused unless replace and a reason ------------------------------------------------------


def test_a_file_that_would_change_stored_scores_is_refused_with_each_value_listed(
    db: Database,
    db_path: Path,
    dump: Callable[[Path], str],
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
) -> None:
    path = write_csv(tmp_path / "ulang.csv", SCORE_HEADER, [["1", 72, 60], ["2", 80, ""]])
    with unchanged(db_path, dump), pytest.raises(ImportRejected) as caught:
        import_scores(db, actor, binjai, path)
    listed = problems(caught.value)
    # Row 2 changes 1's PENGETAHUAN 70 → 72; its PSIKOTES is new and row 3 equals what is
    # stored: neither is listed.
    assert listed[0] == (
        2,
        "pengetahuan",
        "import.would_replace",
        {"owner": "1", "subject": "PENGETAHUAN", "old": "70", "new": "72"},
    )
    assert [p[2] for p in listed] == ["import.would_replace", "import.replace_hint"]
    lines = caught.value.lines()
    assert lines[0] == (
        "ulang.csv: baris 2, kolom pengetahuan: peserta 1, PENGETAHUAN: nilai tersimpan '70'"
        " akan diganti '72'"
    )
    assert "--replace --reason" in lines[1]


def test_participant_and_formation_fields_are_not_changed_silently_either(
    db: Database,
    db_path: Path,
    dump: Callable[[Path], str],
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
) -> None:
    people = write_csv(
        tmp_path / "peserta2.csv",
        PARTICIPANT_HEADER,
        [["1", "Ani Lestari", "1990-01-01", "B2"], ["4", "Dedi", "1993-03-03", "B1"]],
    )
    with unchanged(db_path, dump), pytest.raises(ImportRejected) as caught:
        import_participants(db, actor, binjai, people)
    assert [(p[0], p[1], p[3]["old"], p[3]["new"]) for p in problems(caught.value)[:2]] == [
        (2, "nama", "Ani", "Ani Lestari"),
        (2, "kode_formasi", "B1", "B2"),
    ]
    places = write_csv(
        tmp_path / "formasi2.csv", [*FORMATION_HEADER[:2], "kebutuhan"], [["B1", "Perawat", 3]]
    )
    with unchanged(db_path, dump), pytest.raises(ImportRejected) as caught:
        import_formations(db, actor, binjai, places)
    assert problems(caught.value)[0] == (
        2,
        "kebutuhan",
        "import.would_replace_formation",
        {"owner": "B1", "subject": "kebutuhan", "old": "1", "new": "3"},
    )


def test_rows_equal_to_the_stored_values_change_nothing_and_are_not_counted(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    before = scores(db)
    same = write_csv(
        tmp_path / "sama.csv", ["nomor_peserta", "PENGETAHUAN"], [["1", "70,0"], ["2", 80]]
    )
    summary = import_scores(db, CLERK, binjai, same)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 2)
    assert scores(db) == before  # not even who entered them and when
    people = write_csv(
        tmp_path / "sama-peserta.csv", PARTICIPANT_HEADER, [["2", "Budi", "01-01-1991", "b1"]]
    )
    summary = import_participants(db, actor, binjai, people)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 1)


def test_replacing_needs_a_reason(
    db: Database,
    db_path: Path,
    dump: Callable[[Path], str],
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
) -> None:
    path = write_csv(tmp_path / "ulang.csv", SCORE_HEADER, [["1", 72, ""]])
    with unchanged(db_path, dump), pytest.raises(UserError) as caught:
        import_scores(db, actor, binjai, path, replace=True, reason="  ")
    assert caught.value.message == "import.reason_required"


def test_replaced_values_are_audited_per_participant_with_old_new_and_the_reason(
    db: Database, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    path = write_csv(tmp_path / "ulang.csv", SCORE_HEADER, [["1", 72, 60], ["2", 80, ""]])
    summary = import_scores(
        db, CLERK, binjai, path, replace=True, reason="salah ketik di berkas pertama"
    )
    assert (summary.added, summary.updated, summary.unchanged) == (1, 1, 1)
    assert [(r.owner, r.old, r.new) for r in summary.replacements] == [("1", "70", "72")]
    [event] = [e for e in audit_log(db, participant="1") if e.action == "score.replaced"]
    assert (event.actor, event.entity, event.entity_key) == ("operator1", "score", "PENGETAHUAN")
    assert json.loads(event.old or "") == [{"aspect": "", "value": "70"}]
    assert json.loads(event.new or "") == [{"aspect": "", "value": "72"}]
    assert event.reason == "salah ketik di berkas pertama"
    # Nothing about 2, whose value was the same, and one event for the file itself.
    assert [e.action for e in audit_log(db, participant="2")] == []
    [record] = [
        e for e in audit_log(db) if e.action == "import.scores" and e.entity_key == "ulang.csv"
    ]
    assert json.loads(record.new or "")["updated"] == 1
    assert verify_chain(db).ok


def test_replaced_participant_fields_are_audited_per_participant(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    people = write_csv(
        tmp_path / "peserta2.csv", PARTICIPANT_HEADER, [["1", "Ani Lestari", "1990-01-01", "B2"]]
    )
    import_participants(db, actor, binjai, people, replace=True, reason="data dukcapil")
    [event] = [e for e in audit_log(db, participant="1") if e.action == "participant.updated"]
    assert json.loads(event.old or "") == {"formation_id": "B1", "name": "Ani"}
    assert json.loads(event.new or "") == {"formation_id": "B2", "name": "Ani Lestari"}
    assert event.reason == "data dukcapil"


def test_a_column_the_file_does_not_have_keeps_the_stored_field(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    with_nik = write_csv(
        tmp_path / "nik.csv",
        [*PARTICIPANT_HEADER, "nik"],
        [["3", "Cici", "1992-01-01", "B1", "1275014107960001"]],
    )
    import_participants(db, actor, binjai, with_nik, replace=True, reason="NIK dilengkapi")
    without = write_csv(
        tmp_path / "tanpa.csv", PARTICIPANT_HEADER, [["3", "Cici", "1992-01-01", "B1"]]
    )
    summary = import_participants(db, actor, binjai, without)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 1)
    with db.reading() as connection:
        assert connection.execute("SELECT nik FROM participant WHERE number = '3'").fetchone() == (
            "1275014107960001",
        )


def test_a_dry_run_lists_the_replacements_and_the_import_checks_them_again(
    db: Database,
    db_path: Path,
    dump: Callable[[Path], str],
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
) -> None:
    """The window's way: check, show old → new, import exactly what was confirmed."""
    path = write_csv(tmp_path / "ulang.csv", SCORE_HEADER, [["1", 72, ""], ["2", 85, ""]])
    checked = import_scores(db, actor, binjai, path, dry_run=True)
    assert [(r.row, r.owner, r.old, r.new) for r in checked.replacements] == [
        (2, "1", "70", "72"),
        (3, "2", "80", "85"),
    ]
    # Someone saves 2's value after the check: what was confirmed is no longer what the
    # import would replace.
    save_score(db, actor, binjai, "2", "PENGETAHUAN", "81", reason="koreksi")
    with unchanged(db_path, dump), pytest.raises(UserError) as caught:
        import_scores(
            db, actor, binjai, path, replace=True, reason="berkas final", expected=checked.basis
        )
    assert caught.value.message == "import.changed_since_check"
    again = import_scores(db, actor, binjai, path, dry_run=True)
    import_scores(
        db, actor, binjai, path, replace=True, reason="berkas final", expected=again.basis
    )
    assert [row[2] for row in scores(db)] == [72000, 85000]


# --- never over a value saved while the import runs --------------------------------------------


def _between_parse_and_write(
    monkeypatch: pytest.MonkeyPatch, module: object, meanwhile: Callable[[], None]
) -> None:
    """Run ``meanwhile`` once after the importer has read the file, just before it takes
    the write lock: another laptop saving at that moment."""
    real = module.write  # type: ignore[attr-defined]
    done: list[bool] = []

    @contextmanager
    def write(*args: object, **kwargs: object) -> Iterator[object]:
        if not done:
            done.append(True)
            meanwhile()
        with real(*args, **kwargs) as action:
            yield action

    monkeypatch.setattr(module, "write", write)


def test_a_score_saved_while_the_import_runs_is_not_overwritten(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Today an import overwrote 383 of 400 saves made while it ran."""
    path = write_csv(tmp_path / "nilai2.csv", SCORE_HEADER, [["1", 70, ""], ["3", 66, 50]])

    def another_laptop() -> None:
        # Its own connection and transaction, committed before the import writes.
        save_score(db, CLERK, binjai, "1", "PENGETAHUAN", "75", reason="dari lembar asli")
        save_score(db, CLERK, binjai, "3", "PSIKOTES", "55")

    _between_parse_and_write(monkeypatch, scores_import, another_laptop)
    with pytest.raises(ImportRejected) as caught:
        import_scores(db, actor, binjai, path)
    # 3's PSIKOTES was empty when the import began and holds 55 now. 1's value was what
    # the file says, so the import would not write it: the 75 is not in its way.
    assert problems(caught.value) == [
        (
            3,
            "psikotes",
            "import.changed_meanwhile",
            {"owner": "3", "subject": "PSIKOTES", "old": "-", "new": "55"},
        )
    ]
    # What the other laptop saved stays; nothing of the file was written.
    assert [(r[0], r[1], r[2]) for r in scores(db)] == [
        ("1", "PENGETAHUAN", 75000),
        ("2", "PENGETAHUAN", 80000),
        ("3", "PSIKOTES", 55000),
    ]
    assert not [e for e in audit_log(db) if e.entity_key == "nilai2.csv"]


def test_a_replacement_stops_when_the_value_changed_since_the_import_began(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path / "ulang.csv", SCORE_HEADER, [["1", 72, ""], ["2", 81, ""]])

    def another_laptop() -> None:
        save_score(db, CLERK, binjai, "1", "PENGETAHUAN", "75", reason="dari lembar asli")

    _between_parse_and_write(monkeypatch, scores_import, another_laptop)
    with pytest.raises(ImportRejected) as caught:
        import_scores(db, actor, binjai, path, replace=True, reason="berkas ulang")
    assert [(p[0], p[2], p[3]["old"], p[3]["new"]) for p in problems(caught.value)] == [
        (2, "import.changed_meanwhile", "70", "75")
    ]
    assert [r[2] for r in scores(db)] == [75000, 80000]


def test_a_participant_added_while_the_import_runs_is_not_overwritten(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path / "p.csv", PARTICIPANT_HEADER, [["4", "Dedi", "1993-03-03", "B1"]])
    other = write_csv(
        tmp_path / "lain.csv", PARTICIPANT_HEADER, [["4", "Dewi", "1994-04-04", "B2"]]
    )
    _between_parse_and_write(
        monkeypatch, participants_import, lambda: import_participants(db, CLERK, binjai, other)
    )
    with pytest.raises(ImportRejected) as caught:
        import_participants(db, actor, binjai, path)
    assert [(p[0], p[1], p[2]) for p in problems(caught.value)] == [
        (2, "nomor_peserta", "import.changed_meanwhile")
    ]
    with db.reading() as connection:
        assert connection.execute("SELECT name FROM participant WHERE number = '4'").fetchone() == (
            "Dewi",
        )


def test_a_participant_changed_while_the_import_runs_is_not_overwritten(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(
        tmp_path / "p.csv", PARTICIPANT_HEADER, [["2", "Budi Santoso", "1991-01-01", "B1"]]
    )
    other = write_csv(
        tmp_path / "lain.csv", PARTICIPANT_HEADER, [["2", "Budiman", "1991-01-01", "B1"]]
    )

    def another_laptop() -> None:
        import_participants(db, CLERK, binjai, other, replace=True, reason="KTP")

    _between_parse_and_write(monkeypatch, participants_import, another_laptop)
    with pytest.raises(ImportRejected) as caught:
        import_participants(db, actor, binjai, path, replace=True, reason="ijazah")
    assert [(p[2], p[3]["old"], p[3]["new"]) for p in problems(caught.value)] == [
        ("import.changed_meanwhile", "Budi", "Budiman")
    ]
    with db.reading() as connection:
        assert connection.execute("SELECT name FROM participant WHERE number = '2'").fetchone() == (
            "Budiman",
        )


# --- the file recorded is the file parsed ----------------------------------------------------


def test_the_sha256_recorded_is_of_the_bytes_parsed_even_if_the_file_is_swapped(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path / "baru.csv", PARTICIPANT_HEADER, [["7", "Gita", "1994-04-04", "B2"]])
    parsed = path.read_bytes()
    swapped = b"nomor_peserta,nama,tanggal_lahir,kode_formasi\n8,Lain,1994-04-04,B2\n"
    _between_parse_and_write(monkeypatch, participants_import, lambda: path.write_bytes(swapped))
    import_participants(db, actor, binjai, path)
    [event] = [
        e for e in audit_log(db) if e.action == "import.participants" and e.entity_key == "baru.csv"
    ]
    recorded = json.loads(event.new or "")["sha256"]
    assert recorded == hashlib.sha256(parsed).hexdigest()
    assert recorded != hashlib.sha256(swapped).hexdigest()
    with db.reading() as connection:
        assert connection.execute("SELECT name FROM participant WHERE number = '7'").fetchone() == (
            "Gita",
        )


def test_the_audit_replay_agrees_with_what_imports_wrote(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The import event claims only the values it wrote: a value equal to the stored one is
    left alone, also when someone saves over it while the import runs."""
    path = write_csv(tmp_path / "ulang.csv", SCORE_HEADER, [["1", 72, ""], ["2", 80, 66]])
    import_scores(db, actor, binjai, path, replace=True, reason="koreksi")

    def another_laptop() -> None:
        save_score(db, CLERK, binjai, "2", "PENGETAHUAN", "83", reason="lembar asli")

    _between_parse_and_write(monkeypatch, scores_import, another_laptop)
    more = write_csv(tmp_path / "tambah.csv", SCORE_HEADER, [["2", 80, 66], ["3", 50, ""]])
    summary = import_scores(db, actor, binjai, more)  # 2's 80 was what it said: not written
    assert (summary.added, summary.updated, summary.unchanged) == (1, 0, 2)
    assert [(r[0], r[1], r[2]) for r in scores(db)] == [
        ("1", "PENGETAHUAN", 72000),
        ("2", "PENGETAHUAN", 83000),
        ("2", "PSIKOTES", 66000),
        ("3", "PENGETAHUAN", 50000),
    ]
    report = replay(db)
    assert report.ok, [d.text() for d in report.differences]
