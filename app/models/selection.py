"""A selection and its scoring scheme (stages, components), copied from a preset."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, JsonText, utc_now


class Selection(Base):
    """One recruitment round; ``instansi`` is the agency printed on the letterhead.

    ``revision`` is advanced by triggers when a formation is added, changed or deleted and
    when the scheme changes (migration 0006); nothing else writes it.
    """

    __tablename__ = "selection"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    year: Mapped[int]
    kind: Mapped[str]
    instansi: Mapped[str] = mapped_column(default="")
    scheme_code: Mapped[str]
    scheme_name: Mapped[str]
    scheme_source: Mapped[str] = mapped_column(default="")
    regional: Mapped[bool] = mapped_column(default=False)
    # Microseconds since 1970: 64 bits (SQLite's INTEGER has them; a server needs BIGINT).
    revision: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), server_default="0"
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    stages: Mapped[list[Stage]] = relationship(
        back_populates="selection", order_by="Stage.position", cascade="all, delete-orphan"
    )


class Stage(Base):
    """A stage (tahap) with its own ranking precedence and status codes."""

    __tablename__ = "stage"
    __table_args__ = (UniqueConstraint("selection_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("selection.id", ondelete="CASCADE"))
    position: Mapped[int]
    code: Mapped[str]
    name: Mapped[str]
    method: Mapped[str]
    quota_multiplier: Mapped[int] = mapped_column(default=1)
    integrates: Mapped[str | None]
    integrate_weight: Mapped[Decimal] = mapped_column(default=Decimal(0))
    ranking: Mapped[list[str]] = mapped_column(JsonText)
    codes: Mapped[dict[str, str]] = mapped_column(JsonText)

    selection: Mapped[Selection] = relationship(back_populates="stages")
    components: Mapped[list[Component]] = relationship(
        back_populates="stage", order_by="Component.position", cascade="all, delete-orphan"
    )


class Component(Base):
    """A scored test; numbers are exact decimals, lists are JSON."""

    __tablename__ = "component"
    __table_args__ = (UniqueConstraint("stage_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    position: Mapped[int]
    code: Mapped[str]
    name: Mapped[str]
    kind: Mapped[str]
    category: Mapped[str]
    minimum: Mapped[Decimal]
    maximum: Mapped[Decimal]
    step: Mapped[Decimal]
    weight: Mapped[Decimal]
    threshold: Mapped[Decimal | None]
    assessors: Mapped[int] = mapped_column(default=1)
    aspects: Mapped[list[dict[str, Any]]] = mapped_column(JsonText, default=list)
    allowed_values: Mapped[list[str]] = mapped_column(JsonText, default=list)
    passing_values: Mapped[list[str]] = mapped_column(JsonText, default=list)
    affirmation: Mapped[bool] = mapped_column(default=False)
    double_entry: Mapped[bool] = mapped_column(default=False, server_default="0")
    max_spread: Mapped[Decimal | None] = mapped_column(server_default="20")
    """Assessors of one participant differing by more than this are flagged for review."""

    stage: Mapped[Stage] = relationship(back_populates="components")
