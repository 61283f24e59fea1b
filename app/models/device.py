"""Field laptops (issue #12): who they are, what they sent, and what the merge decided.

The main laptop prepares a field laptop's database (``device`` here, ``device_self`` there);
the field laptop sends back packages, each a full statement of what it entered. The merge keeps
each device's latest statement per sheet row (``device_claim``), the device's own audit events
as they were chained there (``device_event``), and per sheet row what the merge wrote and what
the main laptop itself held (``merged_row``), so that importing again, or in another order,
decides the same.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utc_now


class Device(Base):
    """A field laptop prepared from this database: its identity, public key and scope.

    ``base_hash`` is the hash of the field file's ``device.prepared`` audit event: the
    device's own chain starts from it. ``return_key`` signs what this laptop sends back to
    the device (participant corrections and marks); the device holds its public half.
    ``scope`` (JSON) names the formations and components it was prepared for (empty: all).
    """

    __tablename__ = "device"
    __table_args__ = (UniqueConstraint("selection_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("selection.id", ondelete="CASCADE"))
    uuid: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    public_key: Mapped[str] = mapped_column(Text)
    return_key: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text)
    base_event_id: Mapped[int]
    base_hash: Mapped[str]
    prepared_by: Mapped[str]
    prepared_at: Mapped[datetime] = mapped_column(default=utc_now)


class DeviceSelf(Base):
    """In a field laptop's file only: who this laptop is (one row), and its signing key.

    ``main_identity`` is the database identity of the main laptop's file it was prepared
    from; packages are only for that file and selection. ``return_public_key`` checks what
    the main laptop sends back, ``received_head`` the newest of those already taken.
    """

    __tablename__ = "device_self"

    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int]
    uuid: Mapped[str]
    name: Mapped[str]
    private_key: Mapped[str] = mapped_column(Text)
    return_public_key: Mapped[str] = mapped_column(Text)
    received_head: Mapped[int] = mapped_column(default=0)
    main_identity: Mapped[str]
    scope: Mapped[str] = mapped_column(Text)
    base_event_id: Mapped[int]
    base_hash: Mapped[str]
    prepared_at: Mapped[datetime] = mapped_column(default=utc_now)


class DevicePackage(Base):
    """A package received and merged: the device chain's head it carried, and the summary."""

    __tablename__ = "device_package"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id", ondelete="CASCADE"))
    head: Mapped[int]
    sha256: Mapped[str]
    exported_at: Mapped[str]
    summary: Mapped[str] = mapped_column(Text)
    received_by: Mapped[str]
    received_at: Mapped[datetime] = mapped_column(default=utc_now)


class DeviceClaim(Base):
    """A device's latest value of one sheet row (participant × component × assessor).

    ``rows`` is the canonical JSON of the row's values by aspect (``[]``: the device holds
    none, e.g. it cleared them); who typed it and when, as on the device.
    """

    __tablename__ = "device_claim"
    __table_args__ = (UniqueConstraint("device_id", "participant_id", "component_id", "assessor"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    component_id: Mapped[int] = mapped_column(ForeignKey("component.id"))
    assessor: Mapped[str] = mapped_column(default="")
    rows: Mapped[str] = mapped_column(Text)
    entered_by: Mapped[str]
    entered_at: Mapped[str]


class MergedRow(Base):
    """What the merge decided for one sheet row that a package touched.

    ``merged`` is what the merge last wrote into ``score`` (JSON rows). ``main_claim`` is the
    main laptop's own value, taken when the row held a value no package brought, or was
    changed on the main laptop after the merge wrote it (``NULL``: none). ``resolved`` is an
    admin's decision and ``resolved_for`` the claims it decided between: a new claim reopens it.
    """

    __tablename__ = "merged_row"
    __table_args__ = (UniqueConstraint("participant_id", "component_id", "assessor"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    component_id: Mapped[int] = mapped_column(ForeignKey("component.id"))
    assessor: Mapped[str] = mapped_column(default="")
    merged: Mapped[str] = mapped_column(Text)
    main_claim: Mapped[str | None] = mapped_column(Text)
    main_by: Mapped[str | None]
    resolved: Mapped[str | None] = mapped_column(Text)
    resolved_for: Mapped[str | None]


class DeviceEvent(Base):
    """One audit event of a field laptop, exactly as chained there (never edited nor removed).

    ``seq`` is its number in the device's file; the fields and hashes are the device's, so
    ``audit verify`` recomputes the device's chain from its ``base_hash``.
    """

    __tablename__ = "device_event"
    __table_args__ = (UniqueConstraint("device_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))
    seq: Mapped[int]
    at: Mapped[str]
    actor: Mapped[str]
    action: Mapped[str]
    selection_id: Mapped[int | None]
    entity: Mapped[str] = mapped_column(default="")
    entity_key: Mapped[str] = mapped_column(default="")
    participant: Mapped[str] = mapped_column(default="")
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str]
    hash: Mapped[str]
    detail: Mapped[bytes | None] = mapped_column(LargeBinary)
