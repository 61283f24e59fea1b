"""Entered scores: participant × component × assessor (× rubric aspect)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utc_now


class Score(Base):
    """One entered value.

    ``value_milli`` holds thousandths of a point so SQLite keeps it exact; ``value_text`` holds
    a categorical value (MS/TMS); ``absent`` records TH. ``aspect`` is empty for a whole value
    and names the rubric aspect otherwise; an assessor has either a whole value or aspect
    values for a component, never both. Aggregates are computed, never stored.
    """

    __tablename__ = "score"
    __table_args__ = (
        UniqueConstraint("participant_id", "component_id", "assessor", "aspect"),
        # Covers the ranking's per-participant lookups (migration 0002).
        Index(
            "ix_score_lookup",
            "participant_id",
            "component_id",
            "assessor",
            "aspect",
            "absent",
            "value_text",
            "value_milli",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    component_id: Mapped[int] = mapped_column(ForeignKey("component.id"), index=True)
    assessor: Mapped[str] = mapped_column(default="")
    aspect: Mapped[str] = mapped_column(default="")
    value_milli: Mapped[int | None]
    value_text: Mapped[str | None]
    absent: Mapped[bool] = mapped_column(default=False)
    entered_by: Mapped[str]
    entered_at: Mapped[datetime] = mapped_column(default=utc_now)
