"""The committee's own digital signature on announcements (PAdES baseline B-B, pyHanko).

This is the committee's self-issued key, not the national certified electronic signature
(TTE BSrE): it proves that a file is the one the committee signed and that it is unchanged.
Whoever verifies trusts the committee certificate exported from this program.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO, cast

from .errors import UserError

SIGNATURE_FIELD = "TandaTanganPanitia"
KEY_SIZE = 3072


@dataclass(frozen=True, slots=True)
class SignatureReport:
    """What a verifier learns from the signature of a PDF."""

    present: bool
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    signer: str = ""
    signed_at: dt.datetime | None = None
    covers_whole_file: bool = False

    @property
    def ok_untrusted(self) -> bool:
        return self.present and self.intact and self.valid and self.covers_whole_file

    @property
    def ok(self) -> bool:
        return (
            self.present and self.intact and self.valid and self.trusted and self.covers_whole_file
        )


def create_committee_key(
    p12_path: Path,
    cert_path: Path,
    password: str,
    common_name: str,
    organization: str,
    years: int = 5,
) -> None:
    """A new RSA key and self-signed certificate in a password-protected PKCS#12 file, and the
    certificate alone (PEM) for those who verify."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    if len(password) < 8:
        raise UserError("sign.short_password", min=8)
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.CODE_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        common_name.encode(),
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(password.encode()),
    )
    _write_private(p12_path, p12)
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


def _write_private(path: Path, data: bytes) -> None:
    """The committee's private key, readable by its owner only (0600, like the database and
    its backups): created with that mode, never widened by the umask in between."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(path, 0o600)  # an existing file keeps its old mode through O_TRUNC
    except OSError as error:
        raise UserError("cli.cannot_write", path=path, detail=error.strerror) from error


def _signer(p12_path: Path, password: str):
    from pyhanko.sign import signers

    try:
        data = p12_path.read_bytes()
    except OSError as error:
        raise UserError("sign.key_unreadable", path=p12_path, detail=error.strerror) from error
    # Depending on its version pyHanko answers a wrong password or a damaged file with None or
    # with ValueError; both mean the same to the user.
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=(), passphrase=password.encode()
        )
    except ValueError:
        signer = None
    if signer is None:
        raise UserError("sign.bad_key", path=p12_path.name)
    return signer


def sign_pdf(
    pdf: bytes,
    p12_path: Path,
    password: str,
    box: tuple[float, float, float, float],
    page: int = -1,
    reason: str = "",
    location: str = "",
) -> bytes:
    """The PDF with a visible PAdES signature in ``box`` (points) on ``page``."""
    output = BytesIO()
    sign_file(BytesIO(pdf), output, p12_path, password, box, page, reason, location)
    return output.getvalue()


def sign_file(
    source: BinaryIO,
    target: BinaryIO,
    p12_path: Path,
    password: str,
    box: tuple[float, float, float, float],
    page: int = -1,
    reason: str = "",
    location: str = "",
) -> None:
    """``sign_pdf`` from the file ``source`` into ``target`` (opened for reading and writing).

    pyHanko reads the objects it needs from ``source``, copies it into ``target`` in small
    chunks, appends the signature and digests ``target`` chunk by chunk: a 12 MB announcement
    of 100k rows is never held in memory, where signing bytes kept it two or three times.
    """
    from pyhanko import stamp
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = _signer(p12_path, password)
    source.seek(0)
    writer = IncrementalPdfFileWriter(source)
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        reason=reason or None,
        location=location or None,
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    style = stamp.TextStampStyle(
        stamp_text="Ditandatangani secara elektronik oleh\n%(signer)s\n%(ts)s",
        border_width=0,
    )
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=signer,
        stamp_style=style,
        # pyhanko annotates the box as whole numbers, but writes each coordinate as a PDF
        # real (FloatObject): the box in points stays exactly where the layout put it.
        new_field_spec=fields.SigFieldSpec(
            SIGNATURE_FIELD, on_page=page, box=cast(tuple[int, int, int, int], box)
        ),
    )
    pdf_signer.sign_pdf(writer, output=target)


def check_signature(pdf: bytes, certificate_pem: bytes | None) -> SignatureReport:
    """Validate the committee signature offline against the exported certificate."""
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception:
        return SignatureReport(present=False)
    if not signatures:
        return SignatureReport(present=False)
    trust = []
    if certificate_pem:
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".pem") as handle:
            handle.write(certificate_pem)
            handle.flush()
            trust.append(load_cert_from_pemder(handle.name))
    context = ValidationContext(trust_roots=trust, allow_fetching=False)
    signature = signatures[0]
    # An untrusted certificate is an answer here, not an error to log to the terminal.
    quiet = logging.getLogger("pyhanko")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        status = validate_pdf_signature(signature, context)
    finally:
        quiet.setLevel(level)
    signer = signature.signer_cert.subject.human_friendly if signature.signer_cert else ""
    coverage = getattr(status, "coverage", None)
    whole = coverage is not None and coverage.name == "ENTIRE_FILE"
    return SignatureReport(
        present=True,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        signer=signer,
        signed_at=getattr(status, "signer_reported_dt", None),
        covers_whole_file=whole,
    )
