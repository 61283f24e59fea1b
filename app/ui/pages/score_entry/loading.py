"""Which sheet the score-entry page asks for, and reading it off the GUI thread.

A sheet of one component for every participant is about two seconds of work at 100k
participants (``score_sheet``): read on the GUI thread it would freeze the keyboard of an
operator halfway through a paper sheet. ``load_sheet`` runs on a pool thread through
``operations.LiveQuery``, so it touches no widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.services.actor import Actor
from app.services.database import Database
from app.services.double_entry import draft_sheet
from app.services.errors import UserError
from app.services.finalization import locked_formations
from app.services.sheets import Sheet, score_sheet


@dataclass(frozen=True, slots=True)
class SheetRequest:
    """One sheet: a component of a selection, for one assessor (``""``: the only one), of one
    formation (``None``: all). ``double_entry`` sheets hold the user's own entry only."""

    selection_id: int
    component: str
    assessor: str
    formation: str | None
    double_entry: bool

    @property
    def key(self) -> tuple[int, str, str, str | None]:
        """Two requests for the same key show the same rows: the cursor may stay."""
        return (self.selection_id, self.component, self.assessor, self.formation)


@dataclass(frozen=True, slots=True)
class LoadedSheet:
    """The sheet, and its formations already finalized (their rows are read-only)."""

    request: SheetRequest
    sheet: Sheet
    locked: frozenset[str]


def load_sheet(db: Database, actor: Actor, request: SheetRequest) -> LoadedSheet:
    """Read the sheet and its locks in one go, so the two cannot disagree on screen."""
    if request.double_entry:  # the user's own entry, nobody else's
        sheet = draft_sheet(
            db, actor, request.selection_id, request.component, request.assessor, request.formation
        )
    else:
        sheet = score_sheet(
            db, request.selection_id, request.component, request.assessor, request.formation
        )
    try:
        locked = set(locked_formations(db, request.selection_id, sheet.stage))
    except UserError:
        # The service refuses every save on a locked row anyway, also a lock made later.
        locked = set()
    return LoadedSheet(request, sheet, frozenset({row.formation for row in sheet.rows} & locked))
