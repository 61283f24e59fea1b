"""Undo and redo of a saved cell: each is saved again, as a change of its own."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from app.services.sheets import ScoreChange


class Restoring(Protocol):
    """The page that saves an undo or a redo (``restore_scores``) and shows it; ``restore``
    says whether the service took it, ``put_back`` moves the stack back after a refusal."""

    def restore(self, command: ScoreCommand, *, undo: bool) -> bool: ...

    def put_back(self, *, undo: bool) -> None: ...


class ScoreCommand(QUndoCommand):
    """One saved cell. ``QUndoStack.push`` calls ``redo()`` at once; that first call must not
    save again (the save already happened), later redos re-apply the change."""

    def __init__(self, page: Restoring, change: ScoreChange, aspect: str, text: str) -> None:
        super().__init__(text)
        self._page = page
        self.change = change
        self.aspect = aspect
        self._pushed = False
        self._moving_back = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if self._moving_back:  # the stack returns to where it was; nothing was saved
            self._moving_back = False
            return
        if not self._page.restore(self, undo=False):
            self._moving_back = True
            self._page.put_back(undo=False)

    def undo(self) -> None:
        if self._moving_back:
            self._moving_back = False
            return
        # A refused undo (a finalized formation, a role, a value saved elsewhere) leaves
        # the stack where it was (issue #10 §5): the value the user sees is still saved.
        if not self._page.restore(self, undo=True):
            self._moving_back = True
            self._page.put_back(undo=True)
