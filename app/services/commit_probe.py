"""Has anyone written to the file since we last looked? Asked every second, answered in µs.

SQLite's ``PRAGMA data_version`` changes on a connection whenever *another* connection has
committed to the file: the command line, a second laptop on a shared folder, or this
program's own service calls (each opens its own connection). The window polls it to learn of
changes no operation of its own announced. A server (PostgreSQL) will answer the same
question from the selection's revision counter instead.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


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
