"""Revision stamps of a selection's formations: has anything a ranking reads changed?

Triggers advance ``formation.revision`` on every change that can move a rank of that formation
and ``selection.revision`` when formations come and go or the scheme changes (migration 0006
says which rows and why). Reading them is one indexed query, cheap enough to ask before every
ranking: results computed at a formation's stamp still hold while the stamp is the same.

Read the stamps inside the same snapshot (``Database.reading()``) or write transaction as the
data they vouch for; stamps read in one transaction and data in another prove nothing.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .database import Database, is_server
from .errors import UserError


@dataclass(frozen=True, slots=True)
class Revisions:
    """``formations``: formation code → its stamp. ``selection`` grows whenever anything of
    the selection that a ranking reads changes (a formation's rows, its set of formations, the
    scheme): compare it alone to ask whether anything changed at all."""

    selection: int
    formations: dict[str, int]


def read_revisions(connection: sqlite3.Connection, selection_id: int) -> Revisions:
    """The stamps of one selection, in one query, on the caller's connection and snapshot."""
    rows = connection.execute(
        "SELECT s.revision, f.code, f.revision FROM selection s"
        " LEFT JOIN formation f ON f.selection_id = s.id WHERE s.id = ?",
        (selection_id,),
    ).fetchall()
    if not rows:
        raise UserError("selection.not_found", id=selection_id)
    formations = {code: stamp for _own, code, stamp in rows if code is not None}
    # A formation's change does not touch the selection's row (one write per changed row is
    # what every import pays), so the selection's stamp is the largest of the two.
    return Revisions(max([rows[0][0], *formations.values()]), formations)


def selection_revisions(db: Database, selection_id: int) -> Revisions:
    """``read_revisions`` in a snapshot of its own, for a view that polls for changes."""
    with db.reading() as connection:
        return read_revisions(connection, selection_id)


# SQLite's clock as the revision triggers read it (migration 0006's ``NOW``; a test keeps the
# two equal): whole milliseconds since 1970, as microseconds.
NOW = "CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 1000"
# Rows per multi-row INSERT: fewer statements, and SQLite's limit on bound variables (32,766
# since 3.32, 999 before) still leaves room for every column.
BATCH_ROWS = 1000


ANALYZE_AFTER = 1_000
"""On a server, a bulk insert of this many rows refreshes the table's statistics."""


def insert_stamped(
    connection: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    formations: Iterable[int],
) -> int:
    """Insert ``rows`` into ``table`` (participants or scores) and stamp their formations as
    the table's row trigger would, in far less time; returns the number of rows.

    ``formations`` gives each row's formation id, in the order of ``rows``. The per-row
    trigger ``revision_<table>_insert`` (migration 0006) costs a formation update per row: a
    third of a 300k-score import. Inside the caller's write transaction it is dropped, the
    rows go in by multi-row ``INSERT``s, the trigger is created again from its own stored
    text, and each formation gets the stamp its ``n`` rows would have given it had they been
    one statement (SQLite's ``'now'`` holds still within a statement): ``n`` times
    ``max(revision + 1, now)`` is ``max(revision + n, now + n - 1)``. Nothing of this is seen
    outside the transaction: it commits with the trigger in place, or rolls back whole
    (trigger included) on any error. A file without the trigger gets no stamps, as before.
    """
    if not connection.in_transaction:
        raise RuntimeError("insert_stamped runs inside the caller's write transaction")
    if is_server(connection):  # the server's triggers stamp as they go; no trick needed
        marks = ", ".join("?" * len(columns))
        chosen = [tuple(row) for row in rows]
        connection.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", chosen
        )
        if len(chosen) >= ANALYZE_AFTER:
            # The planner's statistics of a table that just grew by thousands of rows, now
            # rather than at autovacuum's next round: the next ranking's joins use the indexes.
            connection.execute(f"ANALYZE {table}")
        return len(chosen)
    trigger = f"revision_{table}_insert"
    found = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)
    ).fetchone()
    counts: Counter[int] = Counter(formations)
    if found is not None:
        connection.execute(f"DROP TRIGGER {trigger}")
    width = len(columns)
    per_statement = max(1, min(BATCH_ROWS, connection.getlimit(_VARIABLES) // width))
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    one = f"({', '.join('?' * width)})"
    full = head + ", ".join([one] * per_statement)
    total = 0
    batch: list[object] = []
    size = 0
    for row in rows:
        batch.extend(row)
        size += 1
        if size == per_statement:
            connection.execute(full, batch)
            total += size
            batch = []
            size = 0
    if size:
        connection.execute(head + ", ".join([one] * size), batch)
        total += size
    if found is not None:
        connection.execute(found[0])
        connection.executemany(
            f"UPDATE formation SET revision = max(revision + ?1, {NOW} + ?1 - 1) WHERE id = ?2",
            [(count, formation) for formation, count in sorted(counts.items())],
        )
    return total


_VARIABLES = sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER


__all__ = ["NOW", "Revisions", "insert_stamped", "read_revisions", "selection_revisions"]
