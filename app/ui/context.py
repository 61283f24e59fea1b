"""What every page shares: the open database, who is logged in, the current selection,
and one signal that says what changed.

Pages never call each other. Every write goes through ``operations.ServiceOp``, which
broadcasts the service's ``Changes`` here with the page that started it; a change another
process made to the file (the CLI, a second laptop) arrives the same way from
``watcher.FileWatcher``, marked ``external``. Every page decides for itself whether to
refresh (the idea of Anki's ``operation_did_execute``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.services.actor import Actor
from app.services.changes import (
    ALL,
    ANNOUNCEMENTS,
    DOCUMENT_SETTINGS,
    FINALIZATION,
    FORMATIONS,
    MARKS,
    PARTICIPANTS,
    SCHEME,
    SCORES,
    SELECTION,
    Changes,
)
from app.services.database import Database
from app.services.permissions import Action, allowed

__all__ = [
    "ALL",
    "ANNOUNCEMENTS",
    "DOCUMENT_SETTINGS",
    "FINALIZATION",
    "FORMATIONS",
    "MARKS",
    "PARTICIPANTS",
    "SCHEME",
    "SCORES",
    "SELECTION",
    "AppContext",
    "ChangeHub",
    "Changes",
]


class ChangeHub(QObject):
    """``changed(changes, initiator)``: a ``Changes`` and the widget whose operation made it
    (``None`` for a change from elsewhere); ``selection_switched(id)``."""

    changed = Signal(object, object)
    selection_switched = Signal(object)

    def broadcast(self, changes: Changes, initiator: QObject | None = None) -> None:
        if changes:
            self.changed.emit(changes, initiator)


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

    def may(self, action: Action) -> bool:
        """Whether to offer ``action``: the services' own permission table decides."""
        return allowed(self.actor.role, action)

    def switch_selection(self, selection_id: int | None) -> None:
        self.selection_id = selection_id
        self.changes.selection_switched.emit(selection_id)
