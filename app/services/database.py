"""Opening, creating and upgrading the database file, and the per-action session.

Every connection gets WAL, ``synchronous=FULL``, foreign keys and a busy timeout (DESIGN §6).
Opening refuses files that are not ours or that a newer program wrote, and upgrades older
ones through Alembic after copying them aside.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.migrations import HEAD, MIGRATIONS_DIR, REVISIONS

from .errors import UserError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, SessionTransaction

APPLICATION_ID = 0x5341534E  # 'SASN', written by the first migration
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000
# After a busy timeout, BEGIN IMMEDIATE is tried this many more times before the user is told.
BUSY_RETRIES = 2


def default_database_path() -> Path:
    """``seleksi.db`` in the platform's user data folder."""
    from platformdirs import user_data_path

    return user_data_path("seleksi-asn", appauthor=False) / "seleksi.db"


def configure_connection(dbapi_connection: sqlite3.Connection, _record: Any = None) -> None:
    """The pragmas every connection gets (DESIGN §6)."""
    # Let SQLAlchemy, not the driver, decide where transactions begin (SQLAlchemy's recipe
    # for SQLite), so migrations and multi-statement actions are truly atomic.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _on_begin(connection: Any) -> None:
    # Every session is a user action that may write: take the write lock at the start. A
    # deferred transaction that reads first and writes later cannot wait for another writer
    # (SQLite answers "database is locked" at once); an immediate one waits up to the timeout.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """An open database file.

    ``session()`` is the way to write (one user action, one transaction). ``reading()`` gives
    the driver's own connection inside a read transaction, for the hot read paths (rankings
    of 100k participants), which then need neither SQLAlchemy's row processing nor its import.
    """

    def __init__(self, path: Path):
        self.path = path
        self._engine: Engine | None = None
        self._sessions: Any = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from sqlalchemy import create_engine, event
            from sqlalchemy.orm import sessionmaker

            self._engine = create_engine(f"sqlite:///{self.path}")
            event.listen(self._engine, "connect", configure_connection)
            event.listen(self._engine, "begin", _on_begin)
            self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error.

        The write lock is taken before the action starts (``BEGIN IMMEDIATE``, waiting up to
        the busy timeout for another writer). A writer that keeps the file longer (another
        laptop's big import) is waited for ``BUSY_RETRIES`` more times; then the user gets
        ``db.busy`` in words instead of SQLite's "database is locked", and nothing changed.
        """
        self.engine  # noqa: B018 - creates the session factory on first use
        session, transaction = self._locked_session()
        try:
            with transaction:
                yield session
        finally:
            session.close()

    def _locked_session(self) -> tuple[Session, SessionTransaction]:
        """A session whose transaction already holds the write lock (retried while busy)."""
        from sqlalchemy.exc import OperationalError

        for attempt in range(BUSY_RETRIES + 1):
            session = self._sessions()
            transaction = session.begin()
            try:
                session.connection()  # runs BEGIN IMMEDIATE now, before the action's work
            except OperationalError as error:
                session.close()
                if "database is locked" not in str(error.orig):  # SQLITE_BUSY's own words
                    raise
                if attempt == BUSY_RETRIES:
                    raise UserError("db.busy", path=self.path) from None
                time.sleep(0.05 * 2**attempt)
                continue
            except BaseException:
                session.close()
                raise
            return session, transaction
        raise AssertionError("unreachable")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for reading only."""
        connection = sqlite3.connect(self.path, isolation_level=None)
        try:
            configure_connection(connection)
            connection.execute("PRAGMA query_only = ON")
            connection.execute("BEGIN")
            yield connection
            connection.execute("COMMIT")
        finally:
            connection.close()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def raw_connection(session: Session) -> sqlite3.Connection:
    """The session's own DB-API connection, inside the session's transaction."""
    return session.connection().connection.driver_connection  # type: ignore[return-value]


def open_database(path: Path | str, *, full_check: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``.

    ``full_check`` walks every page (``quick_check``) before use. Commands that only read pass
    ``False``: SQLite itself refuses a damaged page when it reads it, and the walk would cost
    more than a whole ranking of 100k participants.
    """
    path = Path(path).expanduser()
    state = _inspect(path, full_check)
    if state == "new":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(exist_ok=True)  # fails here, with a reason, rather than inside SQLite
            # Scores and personal data: readable by the owner only (SQLite gives its -wal and
            # -shm files the same permissions). Windows ignores what it cannot express.
            path.chmod(0o600)
        except OSError as error:
            raise UserError(
                "db.cannot_create", path=path, detail=error.strerror or error
            ) from error
    database = Database(path)
    if state != HEAD:
        if state not in ("new", "empty"):
            _copy_aside(path, state)
        _upgrade(database)
    return database


def _inspect(path: Path, full_check: bool = True) -> str:
    """``new``, ``empty`` (a blank SQLite file), or the file's current revision."""
    if not path.exists():
        return "new"
    if path.is_dir():
        raise UserError("db.is_directory", path=path)
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
        size = path.stat().st_size
    except OSError as error:
        raise UserError("db.unreadable", path=path, detail=error.strerror or error) from error
    if not header:
        return "empty"
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise _refused("db.not_ours", path)
    expected = _promised_size(header)
    if expected is not None and size < expected:
        raise _refused("db.truncated", path, size=size, expected=expected)
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            problem = _quick_check(connection, size) if full_check else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise _refused("db.damaged", path, detail=error) from error
    if problem is not None:
        raise _refused("db.damaged", path, detail=problem)
    if not tables and application_id == 0:
        return "empty"
    if application_id != APPLICATION_ID or revision is None:
        raise _refused("db.not_ours", path)
    if revision not in REVISIONS:
        raise UserError("db.too_new", path=path, revision=revision)
    return revision


# -- damaged files (issue 5): say what is wrong, name the newest good backup, touch nothing --

HEADER_SIZE = 100
QUICK_CHECK_LIMIT = 200 * 1024 * 1024  # bigger files open without the page walk


def _promised_size(header: bytes) -> int | None:
    """The file size the SQLite header promises, or ``None`` when it makes no promise.

    The page count at offset 28 is only valid while the change counter (24) equals the
    "version valid for" number (92); older writers leave it stale.
    """
    if len(header) < HEADER_SIZE:
        return HEADER_SIZE
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages == 0 or header[24:28] != header[92:96]:
        return None
    return page_size * pages


def _quick_check(connection: sqlite3.Connection, size: int) -> str | None:
    """SQLite's own walk over every page (not the indexes), or ``None`` when it is sound."""
    if size > QUICK_CHECK_LIMIT:
        return None
    rows = connection.execute("PRAGMA quick_check(1)").fetchall()
    return None if rows == [("ok",)] else str(rows[0][0] if rows else "quick_check")


def _refused(message: str, path: Path, **params: Any) -> UserError:
    """The refusal for an unusable file, naming its newest good backup when there is one.

    With a backup the id gains ``_with_backup`` and the error carries ``backup``, which the
    window uses to offer opening a recovered copy (``backups.recover_from_backup``).
    """
    from .backups import newest_good_backup  # backups imports this module

    try:
        backup = newest_good_backup(path)
    except Exception:  # looking for a backup must not hide what is wrong with the file
        backup = None
    if backup is None:
        return UserError(message, path=path, **params)
    return UserError(f"{message}_with_backup", path=path, backup=backup, **params)


def _copy_aside(path: Path, revision: str) -> None:
    """Keep the file as it was before an upgrade, with SQLite's online backup."""
    target = path.with_name(f"{path.name}.sebelum-{revision}.bak")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def _upgrade(database: Database) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
