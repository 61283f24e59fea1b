"""What the Forms page asks for, and the service call that draws it (no Qt here).

A ``FormRequest`` is the page's choices frozen at the moment the user asked: the preview
shown is the rendering of one request, so saving or printing the same request reuses those
bytes, and any other request (or data changed since) is drawn again first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from app.services.database import Database
from app.services.documents import (
    RenderedDocument,
    attendance_pdf,
    formation_slips_pdf,
    minutes_pdf,
    score_sheet_pdf,
    slip_pdf,
)
from app.services.progress import Progress


class FormKind(Enum):
    """The printed forms of a selection day, in the order the day needs them."""

    SCORE_SHEET = "blanko"
    ATTENDANCE = "hadir"
    MINUTES = "berita_acara"
    SLIP = "slip"


@dataclass(frozen=True, slots=True)
class FormRequest:
    """One document to draw. ``formation`` ``None`` is every formation (score sheets and
    attendance lists only); ``session`` ``None`` is every session. A slip is for
    ``participant`` or, with ``whole_formation``, for everyone of ``formation``."""

    kind: FormKind
    stage: str | None = None
    component: str = ""
    formation: str | None = None
    session: str | None = None
    participant: str = ""
    whole_formation: bool = False
    assessor: str = ""
    place: str = ""
    day: dt.date | None = None
    number: str = ""

    @property
    def batch(self) -> bool:
        """The slips of a whole formation: hundreds of pages may take a while, so the work
        shows its progress and can be cancelled."""
        return self.kind is FormKind.SLIP and self.whole_formation


def render(
    db: Database, selection_id: int, request: FormRequest, progress: Progress | None = None
) -> RenderedDocument:
    """Draw ``request`` (on a worker thread: services only, no widgets)."""
    kind = request.kind
    if kind is FormKind.SCORE_SHEET:
        return score_sheet_pdf(
            db,
            selection_id,
            request.component,
            formation=request.formation,
            assessor=request.assessor,
        )
    if kind is FormKind.ATTENDANCE:
        return attendance_pdf(
            db,
            selection_id,
            session=request.session,
            formation=request.formation,
            place=request.place,
            day=request.day,
            stage_code=request.stage,
        )
    if kind is FormKind.MINUTES:
        assert request.formation is not None
        return minutes_pdf(
            db,
            selection_id,
            request.formation,
            stage_code=request.stage,
            number=request.number,
            day=request.day,
        )
    if request.whole_formation:
        assert request.formation is not None
        return formation_slips_pdf(
            db, selection_id, request.formation, stage_code=request.stage, progress=progress
        )
    return slip_pdf(db, selection_id, request.participant, stage_code=request.stage)
