"""The one door every write goes through.

A write is one user action: the role is checked against the permission table, the write
lock is taken (``BEGIN IMMEDIATE``, in ``Database.writing``), the change and its audit events
are made in one transaction on the driver's connection (plain SQL, docs/data-access.md), it
commits, and the caller gets back what changed. The idea is calibre's ``@write_api`` and
Anki's ``CollectionOp``: locking, permission and the record of what changed are decided once,
here, not in each service.

    with write(db, actor, Action.MARK_PARTICIPANT, selection_id, kinds=[MARKS]) as action:
        action.connection.execute("INSERT INTO participant_mark ...", (...))
        action.audit("participant.marked", entity="mark", participant=number, new=...)
        action.touch_formations(formation_code)
    return action.changes

Leaving the block with an exception rolls everything back, audit events included, and
``changes`` is never read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .actor import Actor
from .audit import record
from .changes import Changes
from .database import Database
from .errors import PermissionDenied, UserError
from .permissions import Action, require


class WriteAction:
    """One write in progress: its connection, who acts, and what it has touched so far.

    ``connection`` is the driver's own ``sqlite3`` connection, inside this action's
    transaction; ``changes`` is valid once the ``with`` block has committed.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        actor: Actor,
        action: Action,
        selection_id: int | None,
        kinds: Iterable[str],
    ) -> None:
        self.connection = connection
        self.actor = actor
        self.action = action
        self.selection_id = selection_id
        self._kinds: set[str] = set(kinds)
        self._formations: set[str] = set()
        self._all_formations = False
        self.committed = False

    def audit(self, event: str, **fields: Any) -> None:
        """Record an audit event in this transaction (it commits or rolls back with it)."""
        fields.setdefault("selection_id", self.selection_id)
        record(self.connection, self.actor, event, **fields)

    def touch(self, *kinds: str) -> None:
        self._kinds.update(kinds)

    def touch_formations(self, *codes: str) -> None:
        """Results of these formations may have moved (others need not be recomputed)."""
        self._formations.update(code for code in codes if code)

    def touch_participant(self, participant_no: str) -> None:
        """The results of this participant's formation may have moved."""
        row = self.connection.execute(
            "SELECT f.code FROM participant p JOIN formation f ON f.id = p.formation_id"
            " WHERE p.selection_id = ? AND p.number = ?",
            (self.selection_id, participant_no),
        ).fetchone()
        if row is not None:
            self.touch_formations(row[0])

    def touch_all_formations(self) -> None:
        self._all_formations = True

    @property
    def changes(self) -> Changes:
        if not self.committed:
            raise RuntimeError("changes are known only after the action committed")
        formations = frozenset() if self._all_formations else frozenset(self._formations)
        return Changes(
            kinds=frozenset(self._kinds),
            selection_id=self.selection_id,
            formations=formations,
            actor=self.actor.name,
        )


def permit(db: Database, actor: Actor, action: Action, selection_id: int | None = None) -> None:
    """Refuse ``action`` unless ``actor``'s role allows it, leaving a trace of who tried.

    A refusal is an event the committee must see (an operator trying to finalize, a penilai
    trying to read the other round), so it is written to the audit trail in its own
    transaction before the refusal is raised. Call it outside any open write: it takes the
    write lock itself.
    """
    try:
        require(actor, action)
    except PermissionDenied:
        record_refusal(db, actor, action.value, selection_id)
        raise


def record_refusal(
    db: Database, actor: Actor, action: str, selection_id: int | None = None
) -> None:
    """``permission.refused`` for ``action``; the refusal itself is never hidden by a failure
    to write it (a read-only or locked file still refuses)."""
    if db.path is not None and not Path(db.path).is_file():
        return  # connecting would create an empty file where there was none
    try:
        with db.writing() as connection:
            record(
                connection,
                actor,
                "permission.refused",
                selection_id=selection_id,
                entity="action",
                key=action,
                new={"role": actor.role},
            )
    except (sqlite3.Error, UserError):
        pass


@contextmanager
def write(
    db: Database,
    actor: Actor,
    action: Action,
    selection_id: int | None = None,
    *,
    kinds: Iterable[str] = (),
) -> Iterator[WriteAction]:
    """Check ``action`` for ``actor``, then run the block as one locked transaction."""
    permit(db, actor, action, selection_id)
    try:
        with db.writing() as connection:
            current = WriteAction(connection, actor, action, selection_id, kinds)
            yield current
    except PermissionDenied as refusal:
        # Refused inside (only the first account may be added by anyone; a penilai types only
        # under their own name): rolled back, then recorded like a refusal at the door.
        record_refusal(db, actor, refusal.action or action.value, selection_id)
        raise
    current.committed = True
