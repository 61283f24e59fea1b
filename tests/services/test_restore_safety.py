"""Restoring only what can be trusted, and backups on a full disk or a busy file (issue 9).

A restore refuses a backup whose chain fails, whose triggers are missing, that a newer program
wrote, or that is a copy of another database unless confirmed; it never waits for ever on a
lock; the copy it makes first is never rotated away. Backups say "free space" on a full disk,
do not stack identical copies when an import is retried, leave no half copy behind after a
crash, and a manual backup on a busy file is refused in words rather than losing its event.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from helpers.tamper import execute, rewrite_chain, without_triggers
from sqlalchemy import create_engine

from app.messages import set_language
from app.migrations import MIGRATIONS_DIR, REVISIONS
from app.services import backups
from app.services.actor import Actor
from app.services.audit import audit_log
from app.services.backups import (
    automatic_backup,
    backup_folder,
    create_backup,
    list_backups,
    restore_backup,
    rotate,
)
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import UserError
from app.services.opening import open_database
from app.services.score_entry import save_score
from app.services.scores_import import import_scores

ADMIN = Actor("ketua", "admin")
NOW = datetime(2024, 12, 5, 10, 15, 30)


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("pulih") / "template.db"
    db = new_database(path)
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=20, seed=6)
    db.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path, template: tuple[Path, int], copy_database: Callable[[Path, Path], Database]
) -> Iterator[tuple[Database, int]]:
    database = copy_database(template[0], tmp_path / "seleksi.db")
    yield database, template[1]
    database.close()


def _scores(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT participant_id, component_id, value_milli FROM score ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def _first(path: Path) -> tuple[str, str]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT p.number, c.code FROM score s JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id WHERE s.value_milli IS NOT NULL"
            " ORDER BY s.id LIMIT 1"
        ).fetchone()
    finally:
        connection.close()


def _refused(backup: Path, target: Path, message: str, **options: object) -> None:
    before = target.read_bytes()
    with pytest.raises(UserError) as refused:
        restore_backup(backup, target, actor=ADMIN, **options)
    assert refused.value.message == message, refused.value.text()
    assert target.read_bytes() == before


# -- what a restore refuses ------------------------------------------------------------------


def test_restore_refuses_a_backup_whose_chain_fails(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    backup = create_backup(db, "manual")
    without_triggers(backup, "UPDATE audit_event SET reason = 'diubah' WHERE id = 1")
    _refused(backup, db.path, "backup.chain_broken")


def test_restore_refuses_a_backup_without_its_triggers(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    backup = create_backup(db, "manual")
    # History rewritten consistently and the triggers left out: only their absence shows.
    without_triggers(backup, recreate=False)
    rewrite_chain(backup, 1, reason="diubah")
    _refused(backup, db.path, "backup.guards_missing")


def test_restore_refuses_a_backup_a_newer_program_wrote(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    backup = create_backup(db, "manual")
    execute(backup, "UPDATE alembic_version SET version_num = '0099_future'")
    _refused(backup, db.path, "backup.too_new")


def test_a_backup_of_another_database_is_restored_only_when_confirmed(
    demo: tuple[Database, int], tmp_path: Path
) -> None:
    db, _selection = demo
    other = open_database(tmp_path / "lain" / "seleksi.db")  # a new file: another identity
    create_demo(other, ADMIN, "binjai-kompetensi", participants=5, seed=1)
    foreign = create_backup(other, "manual")
    other.close()
    _refused(foreign, db.path, "backup.other_database")
    restore_backup(foreign, db.path, actor=ADMIN, other_database=True)
    assert _scores(db.path) == _scores(foreign)
    # A backup of this file is recognised as such, without asking.
    own = create_backup(db, "manual")
    restore_backup(own, db.path, actor=ADMIN)


def test_every_file_gets_its_own_identity_and_an_upgraded_file_one_too(tmp_path: Path) -> None:
    def identity(path: Path) -> str:
        connection = sqlite3.connect(path)
        try:
            return connection.execute("SELECT uuid FROM database_identity").fetchone()[0]
        finally:
            connection.close()

    first = open_database(tmp_path / "a.db")
    second = open_database(tmp_path / "b.db")
    assert identity(first.path) != identity(second.path)
    assert identity(create_backup(first, "manual")) == identity(first.path)
    old = tmp_path / "lama.db"
    _at_revision(old, "0006_revisions")
    open_database(old).close()
    assert len(identity(old)) == 36
    with pytest.raises(sqlite3.DatabaseError):  # and it never changes
        execute(old, "UPDATE database_identity SET uuid = 'x'")


def _at_revision(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_restore_gives_up_on_a_locked_file_with_a_clear_message(
    demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _selection = demo
    backup = create_backup(db, "manual")
    # The limit is RESTORE_LOCK_SECONDS (10 s); shortened here so the test stays quick.
    monkeypatch.setattr(backups, "RESTORE_LOCK_SECONDS", 0.5, raising=False)
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program keeps the write lock
    outcome: list[BaseException | None] = []

    def restore() -> None:
        try:
            restore_backup(backup, db.path, actor=ADMIN)
            outcome.append(None)
        except BaseException as error:  # reported to the test below
            outcome.append(error)

    worker = threading.Thread(target=restore, daemon=True)
    worker.start()
    worker.join(timeout=30)
    finished = not worker.is_alive()
    holder.execute("ROLLBACK")
    holder.close()
    worker.join(timeout=60)
    assert finished, "the restore waited for the lock without end"
    error = outcome[0]
    assert isinstance(error, UserError) and error.message == "backup.restore_busy"
    assert "dikunci program lain" in error.text()


def test_the_copy_made_before_a_restore_is_never_rotated_away(
    demo: tuple[Database, int],
) -> None:
    db, _selection = demo
    backup = create_backup(db, "manual", now=NOW - timedelta(hours=1))
    safety = restore_backup(backup, db.path, actor=ADMIN)
    assert safety is not None
    # Twenty-five later copies of the same day: the safety copy is neither among the newest
    # twenty nor the day's newest.
    day = datetime.fromtimestamp(safety.stat().st_mtime).replace(hour=0, minute=0, second=0)
    for minute in range(25):
        create_backup(db, "berkala", now=day + timedelta(hours=23, minutes=minute))
    rotate(backup_folder(db))
    assert safety.exists()
    assert safety in [info.path for info in list_backups(db.path)]


# -- the copy kept before an upgrade ---------------------------------------------------------


def test_the_copy_kept_before_an_upgrade_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "lama.db"
    _at_revision(path, REVISIONS[0])
    previous = os.umask(0o022)  # the usual default, under which a new file is 0644
    try:
        open_database(path).close()
    finally:
        os.umask(previous)
    kept = tmp_path / f"lama.db.sebelum-{REVISIONS[0]}.bak"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


# -- a full disk ----------------------------------------------------------------------------


def _no_space(source: Path, target: Path, **_options: object) -> None:
    target.write_bytes(b"SQLite format 3\x00 half")
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_asks_to_free_space_in_both_languages(
    demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _selection = demo
    monkeypatch.setattr(backups, "_copy", _no_space)
    with pytest.raises(UserError) as refused:
        create_backup(db, "manual")
    assert "kosongkan ruang" in refused.value.text()
    set_language("en")
    try:
        assert "free space" in refused.value.text()
    finally:
        set_language("id")
    assert list(backup_folder(db).iterdir()) == []  # no half copy either


def test_an_import_retried_after_a_full_disk_does_not_stack_identical_backups(
    demo: tuple[Database, int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    write_csv: Callable[..., Path],
) -> None:
    from app.services import scores_import

    db, selection = demo
    number, _component = _first(db.path)
    scores = write_csv(tmp_path / "nilai.csv", ["nomor_peserta", "PSIKOTES"], [[number, "71"]])
    real_store = scores_import.store_scores

    def disk_full(*_args: object, **_kwargs: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(scores_import, "store_scores", disk_full)
    # The file replaces the demo's value, so it says so (issue #9, imports never overwrite
    # silently); the same command is retried.
    with pytest.raises(UserError) as refused:
        import_scores(db, ADMIN, selection, scores, replace=True, reason="koreksi")
    assert refused.value.message == "db.disk_full" and "kosongkan" in refused.value.text()
    monkeypatch.setattr(scores_import, "store_scores", real_store)
    import_scores(db, ADMIN, selection, scores, replace=True, reason="koreksi")  # the retry
    before_import = [info for info in list_backups(db.path) if info.reason == "impor-nilai"]
    assert len(before_import) == 1
    # Once the data changed (here: that import itself), the next import backs up again.
    save_score(db, ADMIN, selection, number, "PSIKOTES", "72", reason="koreksi")
    import_scores(db, ADMIN, selection, scores, replace=True, reason="kembali ke berkas")
    assert len([i for i in list_backups(db.path) if i.reason == "impor-nilai"]) == 2


def test_half_made_backups_are_cleaned_on_the_next_start(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    folder = backup_folder(db)
    folder.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = int(gone.stdout)  # a process that has ended: its copy was cut off
    half = folder / f".seleksi-20241205-101530-impor-nilai.db.{dead}.sementara"
    half.write_bytes(b"SQLite format 3\x00 half")
    journal = half.with_name(half.name + "-journal")
    journal.write_bytes(b"\x00" * 16)
    aside = db.path.with_name(f".{db.path.name}.sebelum-0006_revisions.bak.{dead}.sementara")
    aside.write_bytes(b"half")
    running = folder / f".seleksi-20241205-101531-manual.db.{os.getpid()}.sementara"
    running.write_bytes(b"being written by this process")
    db.close()
    open_database(db.path).close()
    assert not half.exists() and not journal.exists() and not aside.exists()
    assert running.exists()


# -- a busy file ----------------------------------------------------------------------------


def test_a_manual_backup_waits_for_a_busy_file_and_its_event_is_not_lost(
    demo: tuple[Database, int],
) -> None:
    db, _selection = demo
    locked = threading.Event()

    def hold_for_a_while() -> None:  # another laptop's save, longer than a backup note waited
        holder = sqlite3.connect(db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(3)
        holder.execute("ROLLBACK")
        holder.close()

    holding = threading.Thread(target=hold_for_a_while)
    holding.start()
    locked.wait()
    try:
        made = create_backup(db, "manual", actor=ADMIN)
    finally:
        holding.join()
    events = [e for e in audit_log(db) if e.action == "backup.created"]
    assert len(events) == 1 and made.name in (events[0].new or "")


def test_a_manual_backup_on_a_file_locked_too_long_says_so_in_words(
    demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _selection = demo
    monkeypatch.setattr(backups, "MANUAL_LOCK_TIMEOUT_MS", 300, raising=False)
    monkeypatch.setattr(backups, "AUDIT_TIMEOUT_MS", 300)
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(UserError) as refused:
            create_backup(db, "manual", actor=ADMIN)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert refused.value.message == "backup.busy"
    assert "sedang dipakai" in refused.value.text()
    assert "locked" not in refused.value.text()
    assert list_backups(db.path) == []  # no copy whose event is missing
    assert automatic_backup(db, "keluar") is not None  # and the file is fine afterwards
