"""A selection on a PostgreSQL server, behind the same two doors as a file (issue #12 §2).

The services speak SQL on the driver's connection (docs/data-access.md): SQLite's ``sqlite3``
for a file. For a server, ``ServerDatabase`` hands out a connection with the part of that
interface the services use (``execute`` with ``?`` parameters, ``executemany``, cursors to
iterate or fetch, ``lastrowid``, ``in_transaction``), over psycopg, and translates the few
SQLite idioms the services write into PostgreSQL's:

* ``?`` parameters become psycopg's ``%s`` (a literal ``%`` is doubled);
* ``json_each(?)`` (a JSON array passed as one parameter) becomes
  ``json_array_elements_text`` under the same column name ``value``;
* ``BEGIN IMMEDIATE`` is ``BEGIN`` and one advisory lock: every write waits for the one
  before it, as SQLite's write lock makes them, so the audit chain stays a chain under
  concurrent writers from several laptops;
* ``INSERT OR IGNORE`` is ``INSERT … ON CONFLICT DO NOTHING``, ``CROSS JOIN … ON`` a join;
* ``lastrowid`` is the session's ``lastval()``;
* dates, times and booleans are read as SQLite hands them over (text, 0 and 1).

Readers get a ``REPEATABLE READ`` read-only transaction: one snapshot, as a file's reader.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from .database import Database

WRITE_LOCK = 5341534
"""The advisory lock every write takes first (``SASN``): one writer at a time."""

_PARAMETER = re.compile(r"'(?:[^']|'')*'|\?|%")
_JSON_EACH = re.compile(r"json_each\(\s*\?\s*\)", re.IGNORECASE)


_GROUP_ARRAY = re.compile(r"\bjson_group_array\(", re.IGNORECASE)
_ARRAY = re.compile(r"\bjson_array\(", re.IGNORECASE)
_ARRAY_LENGTH = re.compile(r"json_array_length\(([\w.]+),\s*'\$\.(\w+)'\)", re.IGNORECASE)
_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO", re.IGNORECASE)
_CROSS_JOIN = re.compile(r"\bCROSS\s+JOIN\s+(?=[\w\s]+?\bON\b)", re.IGNORECASE)


def to_postgres(sql: str) -> str:
    """SQLite's spelling of a statement, as PostgreSQL and psycopg read it."""
    sql = _JSON_EACH.sub("json_array_elements_text(CAST(? AS json)) AS json_each(value)", sql)
    # A whole column as one JSON array, as text (what ``json.loads`` is given on SQLite too),
    # and ``[]`` for no rows, as SQLite's.
    sql = _wrap_calls(sql, _GROUP_ARRAY, "COALESCE(CAST(json_agg({}) AS text), '[]')")
    sql = _ARRAY.sub("json_build_array(", sql)
    # The length of a JSON document's array member (an announcement's snapshot rows).
    sql = _ARRAY_LENGTH.sub(r"json_array_length(CAST(\1 AS json) -> '\2')", sql)
    # INSERT OR IGNORE: the row that would break a unique constraint is left out.
    if _OR_IGNORE.match(sql):
        sql = _OR_IGNORE.sub("INSERT INTO", sql, count=1).rstrip().rstrip(";")
        sql += " ON CONFLICT DO NOTHING"
    # SQLite's CROSS JOIN … ON only fixes the join order; PostgreSQL plans it itself.
    sql = _CROSS_JOIN.sub("JOIN ", sql)

    def replace(match: re.Match[str]) -> str:
        token = match.group()
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token  # a string literal stays as it is

    return _PARAMETER.sub(replace, sql)


def _wrap_calls(sql: str, call: re.Pattern[str], template: str) -> str:
    """Replace each ``call(arguments)`` by ``template`` around the same arguments (nested
    parentheses and string literals inside them respected)."""
    out, position = [], 0
    while (found := call.search(sql, position)) is not None:
        depth, index, quoted = 1, found.end(), False
        while depth:
            char = sql[index]
            if char == "'":
                quoted = not quoted
            elif not quoted and char == "(":
                depth += 1
            elif not quoted and char == ")":
                depth -= 1
            index += 1
        out += [sql[position : found.start()], template.format(sql[found.end() : index - 1])]
        position = index
    return "".join(out) + sql[position:]


class ServerCursor:
    """What ``connection.execute`` returns: rows to fetch or iterate, and ``lastrowid``."""

    def __init__(self, cursor: Any, connection: ServerConnection):
        self._cursor = cursor
        self._connection = connection

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._cursor.description is None:
            return None
        row = self._cursor.fetchone()
        return None if row is None else tuple(row)

    def fetchall(self) -> list[tuple[Any, ...]]:
        if self._cursor.description is None:
            return []
        return [tuple(row) for row in self._cursor.fetchall()]

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self._cursor.description is None:
            return iter(())
        return (tuple(row) for row in self._cursor)

    @property
    def lastrowid(self) -> int | None:
        return self._connection.lastval()

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)


class ServerConnection:
    """The driver connection the services write their SQL on, for a server."""

    def __init__(self, connection: Any, url: str):
        self._connection = connection
        self.url = url

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> ServerCursor:
        cursor = self._connection.cursor()
        cursor.execute(to_postgres(sql), tuple(parameters) or None)
        return ServerCursor(cursor, self)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(row) for row in rows]
        if rows:
            self._connection.cursor().executemany(to_postgres(sql), rows)

    def lastval(self) -> int | None:
        row = self._connection.execute("SELECT lastval()").fetchone()
        return None if row is None else int(row[0])

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self._connection.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self._connection.close()


def _read_as_sqlite(connection: Any) -> None:
    """Values come back as SQLite gives them to the services: dates and times as their text
    (``2024-12-05``, ``2024-12-05 10:15:30.123456``), booleans as 0 and 1."""
    from psycopg.adapt import Loader

    class Text(Loader):
        def load(self, data: Any) -> str:
            return bytes(data).decode("ascii")

    class Flag(Loader):
        def load(self, data: Any) -> int:
            return 1 if bytes(data) == b"t" else 0

    for name in ("date", "timestamp", "timestamptz"):
        connection.adapters.register_loader(name, Text)
    connection.adapters.register_loader("bool", Flag)


class ServerDatabase(Database):
    """A selection's database on a PostgreSQL server: ``writing()`` and ``reading()``.

    A ``Database`` to every service: the connections it hands out speak the part of
    ``sqlite3.Connection`` the services use (``ServerConnection``), which is what the casts
    below say."""

    def __init__(self, url: str):
        self.url = url
        self.path = None  # type: ignore[assignment]

    @property
    def key(self) -> str:
        """What names this database in the process's caches: its URL."""
        return self.url

    def _connect(self) -> Any:
        import psycopg

        connection = psycopg.connect(self.url, autocommit=True)
        _read_as_sqlite(connection)
        return connection

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One user action: the write lock, then commit on success, roll back on error."""
        raw = self._connect()
        try:
            raw.execute("BEGIN")
            raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            connection = ServerConnection(raw, self.url)
            try:
                yield cast(sqlite3.Connection, connection)
                raw.execute("COMMIT")
            except BaseException:
                raw.execute("ROLLBACK")
                raise
        finally:
            raw.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for reading only."""
        raw = self._connect()
        try:
            raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield cast(sqlite3.Connection, ServerConnection(raw, self.url))
            raw.execute("COMMIT")
        finally:
            raw.close()

    def close(self) -> None:
        """Every connection closes with its action; nothing is left open."""
