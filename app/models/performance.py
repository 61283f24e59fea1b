"""Later performance of the people a selection chose (issue #13): its predictive validity."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, DecimalText, utc_now


class Performance(Base):
    """One year's SKP predikat (Sangat Baik … Sangat Kurang) or numeric score of a
    participant, as the agency's performance records give it."""

    __tablename__ = "performance"
    __table_args__ = (UniqueConstraint("participant_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    year: Mapped[int]
    predikat: Mapped[str | None]
    score: Mapped[Decimal | None] = mapped_column(DecimalText)
    imported_by: Mapped[str]
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)
