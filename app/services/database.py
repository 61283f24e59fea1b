"""The database file's connections: one per user action, one per read.

Every connection gets WAL, ``synchronous=FULL``, foreign keys and a busy timeout (DESIGN §6).
This module is a leaf of the services: backups and the audit trail build on it, and opening a
file (refusing a damaged one, naming its newest good backup, upgrading an old one) sits above
all three in ``opening.py``.
"""

from __future__ import annotations

import errno
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import UserError

APPLICATION_ID = 0x5341534E  # 'SASN', written by the first migration
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000
# After a busy timeout, BEGIN IMMEDIATE is tried this many more times before the user is told.
BUSY_RETRIES = 2


def default_database_path() -> Path:
    """``seleksi.db`` in the platform's user data folder."""
    from platformdirs import user_data_path

    return user_data_path("seleksi-asn", appauthor=False) / "seleksi.db"


def is_disk_full(error: BaseException) -> bool:
    """A full disk (or quota), however it surfaced: the OS's ENOSPC or SQLite's SQLITE_FULL."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return code == sqlite3.SQLITE_FULL or "database or disk is full" in str(error)
    return False


def configure_connection(dbapi_connection: sqlite3.Connection, _record: Any = None) -> None:
    """The pragmas every connection gets (DESIGN §6)."""
    # Autocommit at the driver: ``writing()``, ``reading()`` and the migrations' engine say
    # where a transaction begins, so a multi-statement action is truly atomic.
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


class Database:
    """An open database file.

    ``writing()`` is the way to write (one user action, one transaction), ``reading()`` a
    consistent snapshot to read: both hand out the driver's own ``sqlite3`` connection, so no
    command needs SQLAlchemy's import or its row processing (docs/data-access.md). Each opens
    its own connection and closes it at the end, so nothing is shared between threads.
    """

    def __init__(self, path: Path):
        self.path = path

    @property
    def key(self) -> str:
        """What names this database in the process's caches: the file's resolved path."""
        return str(Path(self.path).resolve())

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One user action: commit on success, roll back on any error.

        The write lock is taken before the action starts (``BEGIN IMMEDIATE``, waiting up to
        the busy timeout for another writer). A writer that keeps the file longer (another
        laptop's big import) is waited for ``BUSY_RETRIES`` more times; then the user gets
        ``db.busy`` in words instead of SQLite's "database is locked", and nothing changed.
        A full disk is ``db.disk_full``, which asks to free space (nothing changed either).
        """
        connection = self._locked_connection()
        try:
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException as error:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                if is_disk_full(error):
                    raise UserError("db.disk_full", path=self.path) from error
                raise
        finally:
            connection.close()

    def _locked_connection(self) -> sqlite3.Connection:
        """A connection whose transaction already holds the write lock (retried while busy)."""
        for attempt in range(BUSY_RETRIES + 1):
            connection = sqlite3.connect(self.path, isolation_level=None)
            try:
                configure_connection(connection)
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                connection.close()
                if "database is locked" not in str(error):  # SQLITE_BUSY's own words
                    raise
                if attempt == BUSY_RETRIES:
                    raise UserError("db.busy", path=self.path) from None
                time.sleep(0.05 * 2**attempt)
                continue
            except BaseException:
                connection.close()
                raise
            return connection
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
        """Done with the file. Every connection closes with its action, so none is left open;
        callers still say when they are done, which a pool of server connections will need."""


def is_server(connection: object) -> bool:
    """Whether ``connection`` is a server's (``server_database``) rather than a file's."""
    return not isinstance(connection, sqlite3.Connection)


def database_of(connection: object) -> Path | str:
    """Which database ``connection`` is on: the file's path, or the server's URL (the key of
    the results cache)."""
    if is_server(connection):
        return str(getattr(connection, "url"))  # noqa: B009
    assert isinstance(connection, sqlite3.Connection)
    return Path(connection.execute("PRAGMA database_list").fetchone()[2])
