"""Finalized stages per formation, and double-entry drafts awaiting confirmation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utc_now


class Finalization(Base):
    """A stage's results for one formation are final: its scores are read-only.

    Reopening removes the row (with a reason, in the audit trail); announcements are issued
    only from finalized formations.
    """

    __tablename__ = "finalization"
    __table_args__ = (UniqueConstraint("stage_id", "formation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    formation_id: Mapped[int] = mapped_column(ForeignKey("formation.id", ondelete="CASCADE"))
    finalized_by: Mapped[str]
    finalized_at: Mapped[datetime] = mapped_column(default=utc_now)


class ScoreDraft(Base):
    """One operator's independent entry of a double-entry component (round 1 or 2).

    When both rounds agree the value becomes a confirmed ``Score``; when they differ the pair
    waits in the mismatch queue for an admin. Rankings read confirmed scores only.
    """

    __tablename__ = "score_draft"
    __table_args__ = (
        UniqueConstraint("participant_id", "component_id", "assessor", "aspect", "round"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    component_id: Mapped[int] = mapped_column(ForeignKey("component.id"))
    assessor: Mapped[str] = mapped_column(default="")
    aspect: Mapped[str] = mapped_column(default="")
    round: Mapped[int]
    value_milli: Mapped[int | None]
    value_text: Mapped[str | None]
    absent: Mapped[bool] = mapped_column(default=False)
    entered_by: Mapped[str]
    entered_at: Mapped[datetime] = mapped_column(default=utc_now)


class TieDecision(Base):
    """The committee's decision on a complete tie at the vacancy boundary (issue #10 §3).

    ``tied`` and ``winners`` are JSON lists of participant numbers: the group the decision was
    made for (it applies only while the tie is still exactly that group) and those given the
    remaining seats. ``reference`` names the meeting's minutes (berita acara number and date).
    """

    __tablename__ = "tie_decision"
    __table_args__ = (UniqueConstraint("stage_id", "formation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    formation_id: Mapped[int] = mapped_column(ForeignKey("formation.id", ondelete="CASCADE"))
    tied: Mapped[str] = mapped_column(Text)
    winners: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    reference: Mapped[str]
    decided_by: Mapped[str]
    decided_at: Mapped[datetime] = mapped_column(default=utc_now)
