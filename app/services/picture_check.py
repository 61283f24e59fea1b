"""Verifying a photographed or scanned page by its QR code (issue #11 §3).

A committee member, a participant or a journalist holds a printed announcement, not its PDF.
The QR code on every page is the page's seal (``page_seal``): the document id, the page
number and count, the rows the page shows and the SHA-256 of the stored results, signed by
the committee key. A picture of any page (PNG or JPEG, a phone photo or a 150 dpi scan) is
decoded with zxing-cpp and checked: the seal's signature is the key's that signed the stored
announcement, the document is known, its stored results are intact and still carry that
hash, the page count is the stored file's, it has not been replaced since; and the rows the
page must show are listed, to compare with the paper. Announcements issued before pages were
sealed carry ``SELEKSI-ASN|<id>|<sha-256>`` and are checked by id and hash.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from app.messages import t
from app.numbers import column_for_people, fixed_places

from .announcements import DOCUMENT_ID, PAYLOAD_PREFIX, Verification, printed_verification
from .database import Database
from .errors import UserError
from .page_seal import PageSeal, parse_seal, seal_signed_by
from .schemes import scheme_of_selection

if TYPE_CHECKING:
    from cryptography import x509
    from pyhanko.pdf_utils.reader import PdfFileReader

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
    seal = next((s for s in map(parse_seal, codes) if s is not None), None)
    if seal is not None:
        result.findings.append(
            t("picture.page_read", id=seal.document_id, page=seal.page, pages=seal.pages)
        )
        return _check(db, result, seal.document_id, seal.snapshot_sha256, seal)
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
    db: Database,
    result: Verification,
    document_id: str,
    printed_hash: str | None,
    seal: PageSeal | None = None,
) -> Verification:
    result.document_id = document_id
    with db.reading() as connection:
        row = connection.execute(
            "SELECT a.number, a.issued_on, a.snapshot, a.snapshot_sha256, a.signed,"
            " a.selection_id, s.code, (SELECT r.number FROM announcement r"
            " WHERE r.replaces_id = a.id ORDER BY r.id DESC LIMIT 1)"
            " FROM announcement a JOIN stage s ON s.id = a.stage_id WHERE a.document_id = ?",
            (document_id,),
        ).fetchone()
        pdf = None
        plain_sum = False
        if row is not None and seal is not None:
            pdf = connection.execute(
                "SELECT pdf FROM announcement WHERE document_id = ?", (document_id,)
            ).fetchone()[0]
            scheme, _ids = scheme_of_selection(connection, row[5])
            plain_sum = next((s.plain_sum for s in scheme.stages if s.code == row[6]), False)
    if row is None:  # not an announcement: perhaps a form the program printed
        return printed_verification(db, result, document_id, None)
    number, issued_on, snapshot, stored_hash, signed, _selection, _stage, replaced_by = row
    result.number = number
    intact = hashlib.sha256(snapshot.encode("utf-8")).hexdigest() == stored_hash
    result.findings.append(t("verify.snapshot_ok") if intact else t("verify.snapshot_changed"))
    checks = [intact]
    if printed_hash is not None:
        matches = printed_hash == stored_hash
        result.findings.append(t("picture.hash_ok" if matches else "picture.hash_differs"))
        checks.append(matches)
    if seal is not None and pdf is not None:
        checks.extend(_seal_checks(result, seal, bytes(pdf), bool(signed)))
        if intact:
            _list_rows(result, seal, snapshot, fixed_places(plain_sum), checks)
    if replaced_by:
        result.replaced_by = replaced_by
        checks.append(False)
        result.findings.append(t("verify.replaced", number=replaced_by))
    result.ok = all(checks)
    if result.ok and seal is None:
        result.findings.append(
            t("picture.compare" if printed_hash is not None else "picture.id_only",
              number=number, date=issued_on)
        )  # fmt: skip
    return result


def _seal_checks(result: Verification, seal: PageSeal, pdf: bytes, signed: bool) -> list[bool]:
    """The seal's signature against the key that signed the stored announcement, and its
    page count against the stored file's."""
    checks: list[bool] = []
    reader = _reader(pdf)
    pages = _page_count(reader)
    fits = pages == seal.pages and 1 <= seal.page <= pages
    checks.append(fits)
    result.findings.append(
        t("picture.pages_ok", pages=pages)
        if fits
        else t("picture.pages_differ", page=seal.page, claimed=seal.pages, pages=pages)
    )
    certificate = _signing_certificate(reader) if signed else None
    if certificate is None:
        # An unsigned announcement has unsigned codes: checked by id and hash, as its PDF is.
        if seal.signature:
            checks.append(False)
            result.findings.append(t("picture.seal_unexpected"))
        else:
            result.findings.append(t("picture.seal_unsigned"))
        return checks
    from cryptography.hazmat.primitives.asymmetric import ec

    if not isinstance(certificate.public_key(), ec.EllipticCurvePublicKey) and not seal.signature:
        # An older committee key (RSA) signs too long for a code: its pages carry none.
        result.findings.append(t("picture.seal_old_key"))
        return checks
    good = bool(seal.signature) and seal_signed_by(seal, certificate)
    checks.append(good)
    if good:
        result.findings.append(t("picture.seal_ok"))
    else:
        result.findings.append(t("picture.seal_bad" if seal.signature else "picture.seal_missing"))
    return checks


def _list_rows(
    result: Verification,
    seal: PageSeal,
    snapshot: str,
    fixed: Mapping[str, int],
    checks: list[bool],
) -> None:
    """What the page must show, from the stored results: one line per row, as printed."""
    import json

    stored = json.loads(snapshot)
    columns, rows = stored["columns"], stored["rows"]
    if seal.row_count == 0:
        result.findings.append(t("picture.no_rows"))
        return
    if seal.rows.stop > len(rows):
        checks.append(False)
        result.findings.append(t("picture.rows_beyond", count=len(rows)))
        return
    at = {
        name: columns.index(name)
        for name in ("kode_formasi", "peringkat", "nomor_peserta", "nama", "kode")
    }
    value_at = columns.index("nilai_akhir")
    result.findings.append(
        t("picture.rows", first=seal.first_row, last=seal.first_row + seal.row_count - 1)
    )
    for index in seal.rows:
        row = rows[index]
        value = column_for_people("nilai_akhir", row[value_at], fixed=fixed)
        rank = row[at["peringkat"]] or "-"
        line = (
            f"{row[at['kode_formasi']]} · {rank}. {row[at['nomor_peserta']]}"
            f" {row[at['nama']]}: {value} {row[at['kode']]}"
        )
        result.page_rows.append(line.strip())


def _reader(pdf: bytes) -> PdfFileReader:
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(BytesIO(pdf), strict=False)


def _page_count(reader: PdfFileReader) -> int:
    return int(reader.root["/Pages"]["/Count"])


def _signing_certificate(reader: PdfFileReader) -> x509.Certificate | None:
    """The certificate that signed the stored announcement (the seal's key is its key)."""
    from cryptography import x509

    signatures = reader.embedded_signatures
    if not signatures or signatures[0].signer_cert is None:
        return None
    return x509.load_der_x509_certificate(signatures[0].signer_cert.dump())
