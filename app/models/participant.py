"""Participants (peserta) and the marks that remove them (APS, TMS, DIS)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utc_now


class Participant(Base):
    """``ipk`` is the grade point average or diploma average used in final tie-breaks."""

    __tablename__ = "participant"
    __table_args__ = (UniqueConstraint("selection_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("selection.id", ondelete="CASCADE"))
    formation_id: Mapped[int] = mapped_column(ForeignKey("formation.id"), index=True)
    number: Mapped[str]
    name: Mapped[str]
    birth_date: Mapped[date]
    nik: Mapped[str] = mapped_column(default="")
    education: Mapped[str] = mapped_column(default="")
    ipk: Mapped[Decimal | None]
    priority_group: Mapped[int | None]
    affirmation_percent: Mapped[Decimal | None]
    session: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ParticipantMark(Base):
    """A withdrawal (APS), failed requirement (TMS) or disqualification (DIS).

    It applies from ``stage_id`` onwards; the reason is kept because the committee must be able
    to say why someone left the list.
    """

    __tablename__ = "participant_mark"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id"))
    kind: Mapped[str]
    reason: Mapped[str]
    created_by: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
