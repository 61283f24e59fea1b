"""The database's own identity: one random UUID, made once, copied into every backup."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utc_now


class DatabaseIdentity(Base):
    """One row (``id`` 1) that never changes (migration 0007's triggers).

    A backup carries the identity of the file it was made from, so restoring a copy of another
    committee's database over this one is noticed and asked about.
    """

    __tablename__ = "database_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
