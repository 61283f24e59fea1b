"""What every page shares: the open database, who is logged in, the current selection,
and one signal that says what changed.

Pages never call each other. A page that changes data emits ``changes.changed`` with the
kinds of data it touched; every page decides for itself whether to refresh (the idea of
Anki's ``operation_did_execute``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.services.actor import Actor
from app.services.database import Database

# Kinds of change a page may announce.
SCORES = "scores"
PARTICIPANTS = "participants"
FORMATIONS = "formations"
SCHEME = "scheme"
SELECTION = "selection"
MARKS = "marks"
ALL = frozenset({SCORES, PARTICIPANTS, FORMATIONS, SCHEME, SELECTION, MARKS})


class ChangeHub(QObject):
    """``changed(kinds)``: a frozenset of the kinds above; ``selection_switched(id)``."""

    changed = Signal(object)
    selection_switched = Signal(object)

    def announce(self, *kinds: str) -> None:
        self.changed.emit(frozenset(kinds))


@dataclass
class AppContext:
    """Handed to every page; ``selection_id`` is ``None`` while the database holds none."""

    database: Database
    actor: Actor
    selection_id: int | None = None
    changes: ChangeHub = field(default_factory=ChangeHub)

    @property
    def role(self) -> str:
        return self.actor.role

    def can(self, *roles: str) -> bool:
        return self.actor.role in roles

    def switch_selection(self, selection_id: int | None) -> None:
        self.selection_id = selection_id
        self.changes.selection_switched.emit(selection_id)
