"""The audit trail: append-only, each event chained to the previous one by SHA-256."""

from __future__ import annotations

from sqlalchemy import LargeBinary, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class AuditEvent(Base):
    """Who did what, when, old → new, and why.

    ``hash`` is the SHA-256 of this event's canonical content including ``prev_hash``, so
    removing, reordering or editing any event breaks every hash after it. ``detail`` holds,
    zlib-compressed JSON, what an event wrote when it is too much for ``new`` (an import's
    values, for the audit replay); the hash covers its SHA-256 (migration 0007).
    """

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str]
    actor: Mapped[str] = mapped_column(index=True)
    action: Mapped[str]
    selection_id: Mapped[int | None]
    entity: Mapped[str] = mapped_column(default="")
    entity_key: Mapped[str] = mapped_column(default="")
    participant: Mapped[str] = mapped_column(default="", index=True)
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str]
    hash: Mapped[str]
    detail: Mapped[bytes | None] = mapped_column(LargeBinary)
