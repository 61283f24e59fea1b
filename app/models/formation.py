"""A formation (formasi): a position at a unit and its vacancies (kebutuhan)."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Formation(Base):
    """``revision`` is a stamp that triggers advance on every change that can move a rank of
    this formation (migration 0006); nothing else writes it, and a cached ranking of the
    formation holds while it is unchanged (``app.services.revisions``)."""

    __tablename__ = "formation"
    __table_args__ = (UniqueConstraint("selection_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("selection.id", ondelete="CASCADE"))
    code: Mapped[str]
    position_title: Mapped[str]
    unit: Mapped[str] = mapped_column(default="")
    education: Mapped[str] = mapped_column(default="")
    quota: Mapped[int]
    # Microseconds since 1970: 64 bits (SQLite's INTEGER has them; a server needs BIGINT).
    revision: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), server_default="0"
    )
