"""Opening, creating and upgrading the database file, and the per-action session.

Every connection gets WAL, ``synchronous=FULL``, foreign keys and a busy timeout (DESIGN §6).
Opening refuses files that are not ours or that a newer program wrote, and upgrades older
ones through Alembic after copying them aside.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.migrations import HEAD, MIGRATIONS_DIR, REVISIONS

from .errors import UserError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

APPLICATION_ID = 0x5341534E  # 'SASN', written by the first migration
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000


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
        """One user action: commit on success, roll back on any error."""
        self.engine  # noqa: B018 - creates the session factory on first use
        session = self._sessions()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

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


def open_database(path: Path | str) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``."""
    path = Path(path).expanduser()
    state = _inspect(path)
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


def _inspect(path: Path) -> str:
    """``new``, ``empty`` (a blank SQLite file), or the file's current revision."""
    if not path.exists():
        return "new"
    if path.is_dir():
        raise UserError("db.is_directory", path=path)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise UserError("db.unreadable", path=path, detail=error.strerror or error) from error
    if not header:
        return "empty"
    if header != SQLITE_HEADER:
        raise UserError("db.not_ours", path=path)
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
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise UserError("db.damaged", path=path, detail=error) from error
    if not tables and application_id == 0:
        return "empty"
    if application_id != APPLICATION_ID or revision is None:
        raise UserError("db.not_ours", path=path)
    if revision not in REVISIONS:
        raise UserError("db.too_new", path=path, revision=revision)
    return revision


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
