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
from dataclasses import dataclass

from .database import Database
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


__all__ = ["Revisions", "read_revisions", "selection_revisions"]
