"""Drafts of a new policy (rancangan kebijakan) and the FGD judgments behind them (issue #14)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utc_now


class PolicyDraft(Base):
    """A scheme being drafted from a selection's (its ``scheme_toml``), never that selection's
    own: the selection keeps its scheme; the draft becomes a scheme file only when adopted,
    and then says where and with which fingerprint it was written."""

    __tablename__ = "policy_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("selection.id", ondelete="CASCADE"))
    name: Mapped[str]
    stage_code: Mapped[str]
    scheme_toml: Mapped[str] = mapped_column(Text)
    fgd_date: Mapped[str | None]
    answers: Mapped[str | None] = mapped_column(Text)
    """Which evaluation (or finding) the draft answers, in the drafting team's words."""
    created_by: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    adopted_at: Mapped[datetime | None]
    adopted_by: Mapped[str | None]
    adopted_file: Mapped[str | None]
    adopted_sha256: Mapped[str | None]


class FgdJudgment(Base):
    """One respondent's comparison of two criteria on Saaty's scale (``value`` as typed,
    ``3`` or ``1/3``), with the respondent's stakeholder group and that group's weight: the
    rows of the FGD file, kept per draft."""

    __tablename__ = "fgd_judgment"
    __table_args__ = (UniqueConstraint("draft_id", "respondent", "criterion_a", "criterion_b"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("policy_draft.id", ondelete="CASCADE"))
    respondent: Mapped[str]
    stakeholder_group: Mapped[str]
    group_weight: Mapped[str]
    criterion_a: Mapped[str]
    criterion_b: Mapped[str]
    value: Mapped[str]
    entered_by: Mapped[str]
    entered_at: Mapped[datetime] = mapped_column(default=utc_now)
