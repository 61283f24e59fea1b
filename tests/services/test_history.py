"""History that cannot be rewritten without it showing (issue 9, item 3), on real files.

Each test does what a careful adversary with the file and the ``sqlite3`` shell would do
(``helpers.tamper``) and checks that the program says so: the audit replay names a value
changed outside the program, the chain head printed on documents and held by backups shows a
history cut short or computed again, and opening a file puts missing triggers back and reports
the file as tampered.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from helpers.tamper import (
    append_only_triggers,
    execute,
    last_event,
    rewrite_chain,
    without_triggers,
)
from pypdf import PdfReader
from sqlalchemy import create_engine

from app.migrations import MIGRATIONS_DIR
from app.services.actor import Actor
from app.services.announcements import issue_announcement
from app.services.audit import audit_log, record, verify_chain
from app.services.backups import create_backup
from app.services.database import Database
from app.services.demo import create_demo
from app.services.documents import write_minutes, write_slip
from app.services.finalization import finalize
from app.services.marks import mark_participant
from app.services.opening import open_database
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import compute_ranking
from app.services.score_entry import save_score
from app.services.selections import create_selection
from app.services.users import add_user

ADMIN = Actor("ketua", "admin")
FORMATIONS = Path("resources/demo/formasi_binjai.csv")


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    """A demo selection, imported and finalized, made once for the module."""
    path = tmp_path_factory.mktemp("riwayat") / "template.db"
    db = new_database(path)
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=40, seed=4)
    db.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path, template: tuple[Path, int], copy_database: Callable[[Path, Path], Database]
) -> Iterator[tuple[Database, int]]:
    database = copy_database(template[0], tmp_path / "seleksi.db")
    yield database, template[1]
    database.close()


def _first_score(path: Path) -> tuple[str, str, int]:
    """(participant number, component code, value in milli-points) of the first score."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT p.number, c.code, s.value_milli FROM score s"
            " JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id"
            " WHERE s.value_milli IS NOT NULL ORDER BY s.id LIMIT 1"
        ).fetchone()
    finally:
        connection.close()


def _replay(db: Database):
    from app.services.replay import replay

    return replay(db)


# -- the audit replay ------------------------------------------------------------------------


def test_a_score_changed_with_sqlite_is_named_with_stored_and_audited_value(
    demo: tuple[Database, int],
) -> None:
    db, _selection = demo
    number, component, milli = _first_score(db.path)
    assert _replay(db).ok  # imported values are replayed too
    execute(db.path, f"UPDATE score SET value_milli = {milli + 7000} WHERE value_milli = {milli}")
    report = _replay(db)
    assert not report.ok
    texts = [d.text() for d in report.differences]
    mine = [text for text in texts if number in text and component in text]
    assert mine, texts
    stored, audited = f"{(milli + 7000) // 1000}", f"{milli // 1000}"
    assert f"tersimpan {stored}" in mine[0] and f"menurut jejak audit {audited}" in mine[0]
    assert verify_chain(db).ok  # the chain alone cannot see it


def test_a_typed_score_whose_event_was_deleted_is_named(demo: tuple[Database, int]) -> None:
    db, selection = demo
    number, component, _milli = _first_score(db.path)
    save_score(db, ADMIN, selection, number, component, "12", reason="koreksi blanko")
    newest, action, _hash = last_event(db.path)
    assert action == "score.replaced"
    # The newest event removed and the triggers put back: the chain is a clean prefix.
    without_triggers(db.path, f"DELETE FROM audit_event WHERE id = {newest}")
    assert verify_chain(db).ok
    texts = [d.text() for d in _replay(db).differences]
    assert any(number in text and "tersimpan 12" in text for text in texts), texts


def test_marks_finalizations_and_accounts_are_replayed(demo: tuple[Database, int]) -> None:
    db, selection = demo
    number, _component, _milli = _first_score(db.path)
    mark_participant(db, ADMIN, selection, number, "DIS", "kecurangan")
    add_user(db, ADMIN, "operator1", "operator", "sandi-rahasia-1")
    assert _replay(db).ok
    execute(
        db.path,
        "DELETE FROM participant_mark",
        "UPDATE app_user SET role = 'admin' WHERE username = 'operator1'",
        "INSERT INTO finalization (stage_id, formation_id, finalized_by, finalized_at)"
        " SELECT s.id, f.id, 'x', '2024-01-01 00:00:00' FROM stage s, formation f"
        " WHERE s.selection_id = f.selection_id LIMIT 1",
    )
    report = _replay(db)
    tables = {d.table for d in report.differences}
    assert tables == {"mark", "user", "finalization"}
    user = next(d for d in report.differences if d.table == "user")
    assert "operator1" in user.subject and "admin" in user.stored and "operator" in user.audited


def test_finalizing_reopening_and_a_renamed_formation_replay_cleanly(
    demo: tuple[Database, int],
) -> None:
    from app.services.finalization import reopen
    from app.services.formations import list_formations, save_formation

    db, selection = demo
    finalize(db, ADMIN, selection, "AKHIR")
    reopen(db, ADMIN, selection, "AKHIR", None, "koreksi")
    finalize(db, ADMIN, selection, "AKHIR")
    row = list_formations(db, selection)[0]
    save_formation(
        db, ADMIN, selection, "ZZ-1", row.position_title, "", "", row.quota, formation_id=row.id
    )
    report = _replay(db)
    assert report.ok, [d.text() for d in report.differences]
    assert report.checked["finalization"] > 0


def test_a_file_made_before_imports_kept_their_values_says_what_it_cannot_check(
    tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    """A file of revision 0006 (events without values) is upgraded; its imported values are
    listed as not checkable, not reported as tampered."""
    path = tmp_path / "lama.db"
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006_revisions")
    engine.dispose()
    old = Database(path)  # worked in as the program of that revision did
    from app.services.schemes import load_preset_or_file

    info = create_selection(old, ADMIN, load_preset_or_file("binjai-kompetensi"), "Lama", 2024)
    import_formations(old, ADMIN, info.id, FORMATIONS)
    people = write_csv(
        tmp_path / "p.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [["001", "Rina", "1995-01-01", "BNJ-02"]],
    )
    import_participants(old, ADMIN, info.id, people)
    with old.writing() as connection:  # an import as that revision recorded it: no values
        connection.execute(
            "INSERT INTO score (participant_id, component_id, assessor, aspect, value_milli,"
            " absent, entered_by, entered_at) SELECT p.id, c.id, '', '', 70000, 0, 'ketua',"
            " '2024-01-01 00:00:00' FROM participant p, component c WHERE c.code = 'PSIKOTES'"
        )
        record(connection, ADMIN, "import.scores", selection_id=info.id, entity="scores")
    db = open_database(path)
    report = _replay(db)
    assert report.ok
    assert any("tidak dapat diperiksa" in text for text in report.unchecked), report.unchecked
    db.close()


# -- the append-only triggers ----------------------------------------------------------------


def test_opening_puts_missing_triggers_back_and_reports_the_file_as_tampered(
    demo: tuple[Database, int],
) -> None:
    db, _selection = demo
    expected = append_only_triggers(db.path)
    assert len(expected) == 6
    db.close()
    without_triggers(db.path, recreate=False)
    execute(  # and one replaced by a trigger that lets everything through
        db.path,
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT 1; END",
    )
    reopened = open_database(db.path)
    assert append_only_triggers(db.path) == expected
    tampered = [e for e in audit_log(reopened) if e.action == "database.tampered"]
    assert len(tampered) == 1 and "audit_event_no_update" in (tampered[0].new or "")
    with pytest.raises(sqlite3.DatabaseError):
        execute(db.path, "DELETE FROM audit_event")
    reopened.close()

    from app.services.opening import open_database_checked

    without_triggers(db.path, recreate=False)
    opened = open_database_checked(db.path)  # what the window shows, in words
    assert opened.warnings and "dipasang kembali" in opened.warnings[0]
    assert open_database_checked(db.path).warnings == ()  # nothing missing any more
    opened.database.close()


# -- the chain head outside the file ---------------------------------------------------------


@pytest.fixture
def final(demo: tuple[Database, int]) -> tuple[Database, int]:
    db, selection = demo
    finalize(db, ADMIN, selection, "AKHIR")
    return db, selection


def _keywords(path: Path) -> str:
    metadata = PdfReader(path).metadata
    return str(metadata.get("/Keywords", "")) if metadata else ""


def test_announcements_minutes_and_slips_print_the_chain_head(
    final: tuple[Database, int], tmp_path: Path
) -> None:
    db, selection = final
    head_id, _action, head_hash = last_event(db.path)
    out = tmp_path / "pengumuman.pdf"
    issue_announcement(db, ADMIN, selection, None, out, issued_on=dt.date(2024, 12, 5))
    formation = compute_ranking(db, selection).rows[0].formation
    write_minutes(db, selection, formation, tmp_path / "ba.pdf")
    number = compute_ranking(db, selection).rows[0].number
    write_slip(db, selection, number, tmp_path / "slip.pdf")
    printed = f"#{head_id} · {head_hash[:6]}…"
    text = PdfReader(out).pages[0].extract_text()
    assert printed in text
    assert f"|{head_id}|{head_hash}" in _keywords(out)
    for document in ("ba.pdf", "slip.pdf"):  # made after the announcement: a later head
        later_id, _action, later_hash = last_event(db.path)
        assert f"|{later_id}|{later_hash}" in _keywords(tmp_path / document), document
        assert f"#{later_id} · {later_hash[:6]}…" in PdfReader(tmp_path / document).pages[
            0
        ].extract_text().replace("\n", " ")


def _check(db: Database, path: Path):
    from app.services.anchors import check_file

    return check_file(db, path)


def test_a_document_shows_history_cut_after_it(final: tuple[Database, int], tmp_path: Path) -> None:
    db, selection = final
    out = tmp_path / "pengumuman.pdf"
    issue_announcement(db, ADMIN, selection, None, out, issued_on=dt.date(2024, 12, 5))
    assert _check(db, out).ok
    head = int(_keywords(out).split("|")[-2])
    without_triggers(db.path, f"DELETE FROM audit_event WHERE id >= {head}")
    assert verify_chain(db).ok
    check = _check(db, out)
    assert not check.ok and "DIPOTONG" in check.text() and out.name in check.text()


def test_a_backup_shows_history_rewritten_and_where_it_began(
    demo: tuple[Database, int],
) -> None:
    db, selection = demo
    number, component, _milli = _first_score(db.path)
    backup = create_backup(db, "manual")
    save_score(db, ADMIN, selection, number, component, "13", reason="koreksi")
    # The first event (the selection's creation) changed and every hash computed again.
    rewrite_chain(db.path, 1, reason="diubah")
    assert verify_chain(db).ok
    check = _check(db, backup)
    assert not check.ok
    assert "DITULIS ULANG" in check.text() and "#1" in check.text()


def test_a_restore_that_took_history_back_is_not_reported_as_tampering(
    demo: tuple[Database, int], tmp_path: Path
) -> None:
    from app.services.anchors import check_backups
    from app.services.backups import restore_backup

    db, selection = demo
    number, component, _milli = _first_score(db.path)
    older = create_backup(db, "manual")
    save_score(db, ADMIN, selection, number, component, "14", reason="koreksi")
    newer = create_backup(db, "manual")
    restore_backup(older, db.path, actor=ADMIN)
    checks = {check.anchor.source.name: check for check in check_backups(db)}
    assert checks[newer.name].ok and "dipulihkan" in checks[newer.name].text()
    assert all(check.ok for check in checks.values())
