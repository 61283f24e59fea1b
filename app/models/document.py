"""Document settings of a selection and the announcements issued from it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, LargeBinary, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JsonText, utc_now


class DocumentSettings(Base):
    """Letterhead, announcement wording and the default signatory of one selection.

    Images are stored in the database so a copied database file prints the same documents.
    """

    __tablename__ = "document_settings"

    selection_id: Mapped[int] = mapped_column(
        ForeignKey("selection.id", ondelete="CASCADE"), primary_key=True
    )
    government: Mapped[str] = mapped_column(default="PEMERINTAH KOTA BINJAI")
    office: Mapped[str] = mapped_column(default="PANITIA SELEKSI DAERAH")
    address: Mapped[str] = mapped_column(default="")
    place: Mapped[str] = mapped_column(default="Binjai")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    opening: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[list[str]] = mapped_column(JsonText, default=list)
    signatory_title: Mapped[str] = mapped_column(default="Ketua Panitia Seleksi Daerah")
    signatory_name: Mapped[str] = mapped_column(default="")
    signatory_nip: Mapped[str] = mapped_column(default="")
    signatory_prefix: Mapped[str] = mapped_column(default="")
    signature_image: Mapped[bytes | None] = mapped_column(LargeBinary)
    stamp_image: Mapped[bytes | None] = mapped_column(LargeBinary)
    committee: Mapped[list[list[str]]] = mapped_column(JsonText, default=list)
    """Committee members for the minutes: [role, name] pairs."""
    objection_from: Mapped[date | None]
    objection_to: Mapped[date | None]
    objection_place: Mapped[str] = mapped_column(default="", server_default="")
    next_steps: Mapped[str] = mapped_column(Text, default="", server_default="")
    closing: Mapped[list[str] | None] = mapped_column(JsonText)
    """The closing statements of an announcement; ``None``: the standard ones."""
    copies_to: Mapped[list[str]] = mapped_column(JsonText, default=list, server_default="[]")
    """Tembusan: who receives a copy."""


class Announcement(Base):
    """An issued announcement: never edited; a correction is a new one naming this one.

    ``snapshot`` is every printed row as canonical JSON; its SHA-256 and the PDF's make the
    document verifiable against the database later.
    """

    __tablename__ = "announcement"

    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("selection.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id"))
    document_id: Mapped[str] = mapped_column(unique=True)
    number: Mapped[str]
    issued_on: Mapped[date]
    subject: Mapped[str] = mapped_column(Text)
    signatory: Mapped[dict[str, str]] = mapped_column(JsonText)
    snapshot_sha256: Mapped[str]
    pdf_sha256: Mapped[str]
    signed: Mapped[bool] = mapped_column(default=False)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("announcement.id"))
    created_by: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # The contents come last (migration 0012): only a trailing reservation of their size
    # stays a bare count while the row is inserted.
    snapshot: Mapped[str] = mapped_column(Text)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)


class PrintedDocument(Base):
    """A form printed or saved from the program: a score sheet, an attendance list, minutes
    or a result slip (issue #11 §3).

    Only the record is kept, not the PDF: its id (printed on every page and in the QR code),
    the PDF's SHA-256, and what it shows (``shows``: a subject line and its rows), so that a
    paper copy or a photo of one page can be checked later. Never edited nor removed.
    """

    __tablename__ = "printed_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("selection.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(unique=True)
    kind: Mapped[str]
    title: Mapped[str] = mapped_column(Text)
    shows: Mapped[dict[str, object]] = mapped_column(JsonText)
    pdf_sha256: Mapped[str]
    pages: Mapped[int]
    provisional: Mapped[bool] = mapped_column(default=False)
    created_by: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
