"""The tim monev's recommendations for the policy revision (issue #13 §1)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utc_now


class Recommendation(Base):
    """One recommendation, optionally attached to a finding of the evaluation by its stable
    key (``icc.AKHIR.PRAKTIK``, ``fairness.AKHIR.sex``…). Never deleted: a revision keeps
    the row (the audit trail holds the earlier text) and a withdrawal only stamps it, so the
    report of any day can be explained afterwards."""

    __tablename__ = "recommendation"

    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("selection.id", ondelete="CASCADE"))
    finding_key: Mapped[str | None]
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str]
    written_at: Mapped[datetime] = mapped_column(default=utc_now)
    revised_at: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]
    withdrawn_by: Mapped[str | None]
