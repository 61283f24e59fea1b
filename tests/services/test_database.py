"""Opening, creating and refusing database files; the pragmas every connection must carry."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from app import migrations
from app.migrations.runner import migration_engine
from app.services.database import APPLICATION_ID, Database
from app.services.errors import UserError
from app.services.opening import open_database


def pragma(db: Database, name: str) -> object:
    with db.reading() as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


def _assert_pragmas(connection: sqlite3.Connection) -> None:
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_write_connections_have_the_pragmas_and_hold_the_write_lock(db: Database) -> None:
    with db.writing() as connection:
        _assert_pragmas(connection)
        assert connection.in_transaction
        other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_a_write_commits_at_the_end_and_rolls_back_on_an_error(db: Database) -> None:
    insert = (
        "INSERT INTO app_user (username, full_name, role, password_hash, active,"
        " failed_logins, created_at) VALUES (?, '', 'admin', '-', 1, 0, '2024-01-01')"
    )
    with pytest.raises(ZeroDivisionError), db.writing() as connection:
        connection.execute(insert, ("batal",))
        _ = 1 / 0
    with db.writing() as connection:
        connection.execute(insert, ("tetap",))
    with db.reading() as connection:
        names = connection.execute("SELECT username FROM app_user").fetchall()
    assert names == [("tetap",)]


def test_the_migration_engine_connections_have_the_pragmas(db: Database) -> None:
    # Two connections open at once: both come from the pool's "connect" hook, not just one.
    engine = migration_engine(db.path)
    first, second = engine.raw_connection(), engine.raw_connection()
    try:
        for connection in (first, second):
            _assert_pragmas(connection.driver_connection)  # type: ignore[arg-type]
    finally:
        first.close()
        second.close()
        engine.dispose()


def test_read_connections_have_the_pragmas_and_cannot_write(db: Database) -> None:
    with db.reading() as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        with pytest.raises(sqlite3.OperationalError):
            connection.execute("DELETE FROM selection")


def test_pragmas_survive_reopening(db_path: Path) -> None:
    open_database(db_path).close()
    again = open_database(db_path)
    try:
        assert pragma(again, "journal_mode") == "wal"
        assert pragma(again, "synchronous") == 2
        assert pragma(again, "foreign_keys") == 1
        assert pragma(again, "busy_timeout") > 0  # type: ignore[operator]
    finally:
        again.close()


def test_new_file_is_marked_and_at_head(db: Database, db_path: Path) -> None:
    assert db_path.is_file()
    assert pragma(db, "application_id") == APPLICATION_ID == 0x5341534E
    with db.reading() as connection:
        versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert versions == [(migrations.HEAD,)]


def test_revisions_match_alembic() -> None:
    script = ScriptDirectory(str(migrations.MIGRATIONS_DIR))
    ordered = [revision.revision for revision in script.walk_revisions()][::-1]
    assert list(migrations.REVISIONS) == ordered
    assert script.get_current_head() == migrations.HEAD


def test_reopening_an_up_to_date_file(db_path: Path) -> None:
    open_database(db_path).close()
    again = open_database(db_path)
    try:
        assert pragma(again, "application_id") == APPLICATION_ID
    finally:
        again.close()
    assert not list(db_path.parent.glob("*.bak"))  # nothing to upgrade, nothing copied aside


def test_foreign_key_is_enforced(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), db.writing() as connection:
        connection.execute(
            "INSERT INTO formation (selection_id, code, position_title, unit, education, quota)"
            " VALUES (999, 'X', 'X', '', '', 1)"
        )


def refused(path: Path, message: str) -> UserError:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(UserError) as caught:
        open_database(path)
    assert caught.value.message == message
    assert str(path) in caught.value.text()
    if before is not None:
        assert path.read_bytes() == before
    return caught.value


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catatan.db"
    path.write_text("nomor_peserta,nama\n1,Ani\n", encoding="utf-8")
    error = refused(path, "db.not_ours")
    assert "bukan database Seleksi ASN" in error.text()


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE belanja (id INTEGER PRIMARY KEY, barang TEXT)")
    connection.execute("INSERT INTO belanja (barang) VALUES ('beras')")
    connection.commit()
    connection.close()
    refused(path, "db.not_ours")
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT barang FROM belanja").fetchall() == [("beras",)]
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0
    finally:
        connection.close()


def test_file_from_a_newer_program_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_masa_depan'")
    connection.commit()
    connection.close()
    error = refused(db_path, "db.too_new")
    assert "9999_masa_depan" in error.text()
    assert "lebih baru" in error.text()


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    refused(folder, "db.is_directory")
    assert folder.is_dir()
    assert not list(folder.iterdir())


def test_empty_file_is_initialised(tmp_path: Path) -> None:
    path = tmp_path / "kosong.db"
    path.touch()
    db = open_database(path)
    try:
        assert pragma(db, "application_id") == APPLICATION_ID
        with db.reading() as connection:
            version = connection.execute("SELECT version_num FROM alembic_version")
            assert version.fetchone()[0] == migrations.HEAD
    finally:
        db.close()
    assert path.stat().st_size > 0


def test_missing_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "seleksi.db"
    open_database(path).close()
    assert path.is_file()


def test_a_path_that_cannot_be_created_is_a_user_error(tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        open_database(blocker / "seleksi.db")
    assert caught.value.message == "db.cannot_create"
    assert blocker.read_text(encoding="utf-8") == "bukan folder"


def test_a_new_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    import os
    import stat

    path = tmp_path / "baru.db"
    open_database(path).close()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
