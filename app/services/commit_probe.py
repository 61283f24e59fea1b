"""Has anyone written to the file since we last looked? Asked every second, answered in µs.

SQLite's ``PRAGMA data_version`` changes on a connection whenever *another* connection has
committed to the file: the command line, a second laptop on a shared folder, or this
program's own service calls (each opens its own connection). The window polls it to learn of
changes no operation of its own announced. On a server (PostgreSQL) every write appends
to the audit trail in its transaction, so the trail's newest event number answers the same
question (``ServerProbe``: one primary-key lookup).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from .database import Database


class CommitProbe:
    """One idle read-only connection kept open only to ask ``data_version``."""

    def __init__(self, path: Path) -> None:
        self._connection: sqlite3.Connection | None = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False
        )
        self._connection.execute("PRAGMA query_only = ON")
        self._version = self._read()

    def _read(self) -> int:
        assert self._connection is not None
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """``True`` once for each batch of commits made elsewhere since the last call."""
        if self._connection is None:
            return False
        try:
            version = self._read()
        except sqlite3.Error:  # the file went away or is being restored: ask again later
            return False
        if version == self._version:
            return False
        self._version = version
        return True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class ServerProbe:
    """The same question for a server: has the audit trail's head moved?"""

    def __init__(self, url: str) -> None:
        import psycopg

        self._connection: Any = psycopg.connect(url, autocommit=True)
        self._head = self._read()

    def _read(self) -> int:
        row = self._connection.execute("SELECT coalesce(max(id), 0) FROM audit_event").fetchone()
        return int(row[0])

    def changed(self) -> bool:
        if self._connection is None:
            return False
        try:
            head = self._read()
        except Exception:  # the server is unreachable for a moment: ask again later
            return False
        if head == self._head:
            return False
        self._head = head
        return True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def probe_for(db: Database) -> CommitProbe | ServerProbe:
    """The probe of a file or of a server."""
    if db.path is None:
        return ServerProbe(str(getattr(db, "url")))  # noqa: B009
    return CommitProbe(db.path)
