"""The database file's connections and the per-action session.

Every connection gets WAL, ``synchronous=FULL``, foreign keys and a busy timeout (DESIGN §6).
This module is a leaf of the services: backups and the audit trail build on it, and opening a
file (refusing a damaged one, naming its newest good backup, upgrading an old one) sits above
all three in ``opening.py``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    # The revision triggers (migration 0006) give every written row a statement journal; in
    # memory rather than in a temporary file, a 300k-score import takes half the time.
    cursor.execute("PRAGMA temp_store = MEMORY")
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
    driver = session.connection().connection.driver_connection
    # SQLAlchemy types the driver connection loosely; on this engine it is always sqlite3's.
    assert isinstance(driver, sqlite3.Connection)
    return driver
