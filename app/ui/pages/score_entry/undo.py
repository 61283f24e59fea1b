"""Undo and redo of a saved cell: each is saved again, as a change of its own."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from app.services.sheets import ScoreChange


class Restoring(Protocol):
    """The page that saves an undo or a redo (``restore_scores``) and shows it."""

    def restore(self, command: ScoreCommand, *, undo: bool) -> None: ...


class ScoreCommand(QUndoCommand):
    """One saved cell. ``QUndoStack.push`` calls ``redo()`` at once; that first call must not
    save again (the save already happened), later redos re-apply the change."""

    def __init__(self, page: Restoring, change: ScoreChange, aspect: str, text: str) -> None:
        super().__init__(text)
        self._page = page
        self.change = change
        self.aspect = aspect
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._page.restore(self, undo=False)

    def undo(self) -> None:
        self._page.restore(self, undo=True)
