"""Verifying a photographed or scanned page by its QR code (issue #11 §3).

A committee member, a participant or a journalist holds a printed announcement, not its PDF.
The QR code on every page carries the document id and the SHA-256 of the stored results; a
picture of any page (PNG or JPEG, a phone photo or a 150 dpi scan) is decoded with zxing-cpp
and checked against the database: the document is known, its stored results are intact and
still carry that hash, and it has not been replaced since.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from app.messages import t

from .announcements import DOCUMENT_ID, PAYLOAD_PREFIX, Verification, printed_verification
from .database import Database
from .errors import UserError

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg")

# A printed form: ``SELEKSI-ASN-DOC|id`` (lists, sheets, minutes) or a slip's
# ``SELEKSI-ASN-SLIP|id|number|value|code``.
_FORM = re.compile(rf"^SELEKSI-ASN-(?:DOC|SLIP)\|({DOCUMENT_ID.pattern})(?:\||$)")
_PAYLOAD = re.compile(rf"{re.escape(PAYLOAD_PREFIX)}\|({DOCUMENT_ID.pattern})\|([0-9a-f]{{64}})")


def is_picture(path: Path) -> bool:
    return path.suffix.lower() in PICTURE_SUFFIXES


def read_codes(path: Path) -> list[str]:
    """The texts of every QR code zxing-cpp finds in the picture."""
    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.load()
            grey = image.convert("L")  # a colour photo decodes as well in grey, and faster
    except (OSError, UnidentifiedImageError) as error:
        raise UserError("picture.unreadable", path=path.name) from error
    return [code.text for code in zxingcpp.read_barcodes(grey)]


def is_document_id(text: str) -> bool:
    """A typed document id (``SASN-2026-0A845A6F20``), as printed in every page's footer."""
    return DOCUMENT_ID.fullmatch(text.strip().upper()) is not None


def verify_picture(db: Database, path: Path) -> Verification:
    """SAH, TIDAK SAH or TIDAK BERLAKU for the page in the picture, with the reasons."""
    result = Verification(ok=False)
    codes = read_codes(path)
    found = next((m for m in map(_PAYLOAD.fullmatch, codes) if m is not None), None)
    if found is None:
        form = next((m for m in map(_FORM.search, codes) if m is not None), None)
        if form is not None:  # a printed form's code: its registered record says the rest
            result.findings.append(t("picture.code_read", id=form.group(1)))
            return printed_verification(db, result, form.group(1), None)
        result.findings.append(t("picture.no_code" if not codes else "picture.foreign_code"))
        return result
    result.findings.append(t("picture.code_read", id=found.group(1)))
    return _check(db, result, found.group(1), found.group(2))


def verify_document_id(db: Database, document_id: str) -> Verification:
    """What the database says of a document whose id was read off a page's footer: issued or
    not, by which number and date, still in force or replaced. Nothing printed is compared:
    the answer says so."""
    result = Verification(ok=False)
    return _check(db, result, document_id.strip().upper(), None)


def _check(
    db: Database, result: Verification, document_id: str, printed_hash: str | None
) -> Verification:
    result.document_id = document_id
    with db.reading() as connection:
        row = connection.execute(
            "SELECT a.number, a.issued_on, a.snapshot, a.snapshot_sha256,"
            " length(a.pdf), (SELECT r.number FROM announcement r WHERE r.replaces_id = a.id"
            " ORDER BY r.id DESC LIMIT 1) FROM announcement a WHERE a.document_id = ?",
            (document_id,),
        ).fetchone()
    if row is None:  # not an announcement: perhaps a form the program printed
        return printed_verification(db, result, document_id, None)
    number, issued_on, snapshot, stored_hash, _size, replaced_by = row
    result.number = number
    intact = hashlib.sha256(snapshot.encode("utf-8")).hexdigest() == stored_hash
    result.findings.append(t("verify.snapshot_ok") if intact else t("verify.snapshot_changed"))
    checks = [intact]
    if printed_hash is not None:
        matches = printed_hash == stored_hash
        result.findings.append(t("picture.hash_ok" if matches else "picture.hash_differs"))
        checks.append(matches)
    if replaced_by:
        result.replaced_by = replaced_by
        checks.append(False)
        result.findings.append(t("verify.replaced", number=replaced_by))
    result.ok = all(checks)
    if result.ok:
        result.findings.append(
            t("picture.compare" if printed_hash is not None else "picture.id_only",
              number=number, date=issued_on)
        )  # fmt: skip
    return result
