"""The committee's own digital signature on announcements (PAdES, certified, pyHanko).

This is the committee's self-issued key, not the national certified electronic signature
(TTE BSrE): it proves that a file is the one the committee signed and that it is unchanged.
The committee runs a small two-level PKI of its own (issue #11 §4): a root certificate, which
is what it hands out and what verifiers trust, and a signing certificate issued by that root.
A self-signed certificate that signs documents itself is what poppler's ``pdfsig`` calls an
"Unknown issue with Certificate" even when trusted, and one re-made with the same name looked
identical to it; a chain to a root identified by its SHA-256 fingerprint is neither.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from .errors import UserError

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

SIGNATURE_FIELD = "TandaTanganPanitia"

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
"""Western Indonesia Time, UTC+7 all year (Indonesia keeps no daylight saving time): a fixed
offset, so the stamp reads the same without the time zone database (Windows has none)."""

ROOT_YEARS_EXTRA = 1
"""The root outlives the signing certificate it issues by a year: a file signed on the last
day of the signing certificate still chains to a valid root."""


@dataclass(frozen=True, slots=True)
class SignatureReport:
    """What a verifier learns from the signature of a PDF.

    ``root_fingerprint`` is the SHA-256 of the root the signature chains to: the trusted root
    when a certificate was given and the chain holds, else the root the file itself carries
    (its claim, for a reader to compare with the fingerprint the committee published).
    ``certified``: a DocMDP certification signature that permits no changes."""

    present: bool
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    signer: str = ""
    signed_at: dt.datetime | None = None
    covers_whole_file: bool = False
    root_fingerprint: str = ""
    certified: bool = False

    @property
    def ok_untrusted(self) -> bool:
        return self.present and self.intact and self.valid and self.covers_whole_file

    @property
    def ok(self) -> bool:
        return (
            self.present and self.intact and self.valid and self.trusted and self.covers_whole_file
        )


@dataclass(frozen=True, slots=True)
class CommitteeKey:
    """The committee's signing key as loaded from its PKCS#12 file.

    ``certificate`` is the signing (leaf) certificate; ``root`` the committee root that
    issued it, or ``None`` for the self-signed key an earlier version made (that certificate
    is then its own root)."""

    private_key: PrivateKeyTypes
    certificate: x509.Certificate
    root: x509.Certificate | None

    @property
    def root_certificate(self) -> x509.Certificate:
        return self.root if self.root is not None else self.certificate

    @property
    def root_fingerprint(self) -> str:
        """``AB:CD:…``: the SHA-256 of the root's DER, as printed and as ``verify`` says."""
        return fingerprint(self.root_certificate)


@dataclass(frozen=True, slots=True)
class Signatory:
    """Who signs, as the visible stamp names them (the document settings' signatory)."""

    name: str
    nip: str = ""
    title: str = ""


def fingerprint(certificate: x509.Certificate) -> str:
    """The SHA-256 fingerprint of a certificate's DER, in colon-separated upper-case hex pairs
    (the form ``openssl x509 -fingerprint -sha256`` and certificate viewers show)."""
    from cryptography.hazmat.primitives import hashes

    return certificate.fingerprint(hashes.SHA256()).hex(":").upper()


def certificate_fingerprint(data: bytes) -> str:
    """``fingerprint`` of a certificate file's contents (PEM or DER)."""
    return fingerprint(load_certificate(data))


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate file's contents (PEM or DER); anything else is the user's mistake."""
    from cryptography import x509

    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as error:
        raise UserError("sign.bad_certificate") from error


def _name(common_name: str, organization: str) -> x509.Name:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        ]
    )


def _key_usage(*, sign: bool) -> x509.KeyUsage:
    """A root signs certificates and revocation lists only; the signing certificate signs
    documents (digitalSignature) and commits its holder to them (nonRepudiation)."""
    from cryptography import x509

    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=sign,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not sign,
        crl_sign=not sign,
        encipher_only=False,
        decipher_only=False,
    )


def create_committee_key(
    p12_path: Path,
    cert_path: Path,
    password: str,
    common_name: str,
    organization: str,
    years: int = 5,
) -> str:
    """A committee root and a signing certificate it issues; returns the root's fingerprint.

    Both keys are ECDSA P-256: the signing key also signs each page's QR code, where a
    signature must be compact (64 bytes). The PKCS#12 file (password-protected, 0600) holds
    the signing key, its certificate and the root certificate; ``cert_path`` receives the
    root certificate (PEM), the one the committee hands out and verifiers trust.

    The root's private key is not kept anywhere: once it has issued the signing certificate
    it is destroyed, so a stolen laptop (key file and password) can sign, but can never
    issue another certificate that chains to the root. A new ``key create`` makes a new root,
    with a new fingerprint to publish.

    No extended key usage is set: poppler checks a signer for the e-mail usage, and an EKU
    list without it (the old certificate had code signing) is one of its "Unknown issue".
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12

    if len(password) < 8:
        raise UserError("sign.short_password", min=8)
    now = dt.datetime.now(dt.UTC)
    start = now - dt.timedelta(minutes=5)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name(f"{common_name} - Sertifikat Akar", organization)
    root_identifier = x509.SubjectKeyIdentifier.from_public_key(root_key.public_key())
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(now + dt.timedelta(days=365 * (years + ROOT_YEARS_EXTRA)))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(sign=False), critical=True)
        .add_extension(root_identifier, critical=False)
        .sign(root_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, organization))
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(root_identifier),
            critical=False,
        )
        .sign(root_key, hashes.SHA256())
    )
    del root_key  # never written: see above
    p12 = pkcs12.serialize_key_and_certificates(
        common_name.encode(),
        key,
        leaf,
        [root],
        serialization.BestAvailableEncryption(password.encode()),
    )
    _write_private(p12_path, p12)
    cert_path.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    return fingerprint(root)


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


def load_committee_key(p12_path: Path, password: str) -> CommitteeKey:
    """The key, its certificate and the root that issued it, from the PKCS#12 file.

    A wrong password and a damaged file are the same message to the user. The root is the
    extra certificate that really issued the signing certificate (its signature checked); a
    self-signed certificate from an earlier version has none."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        data = p12_path.read_bytes()
    except OSError as error:
        raise UserError("sign.key_unreadable", path=p12_path, detail=error.strerror) from error
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, password.encode())
    except ValueError as error:
        raise UserError("sign.bad_key", path=p12_path.name) from error
    if key is None or certificate is None:
        raise UserError("sign.bad_key", path=p12_path.name)
    root = None
    if certificate.issuer != certificate.subject:
        root = next((c for c in extra if _issued_by(certificate, c)), None)
        if root is None:
            raise UserError("sign.bad_key", path=p12_path.name)
    return CommitteeKey(private_key=key, certificate=certificate, root=root)


def _issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _signer(key: CommitteeKey):
    """pyHanko's signer for the key, the root in its registry: pyHanko embeds every
    registered certificate in the CMS, so a verifier reads the whole chain from the file."""
    from pyhanko.keys.internal import (
        translate_pyca_cryptography_cert_to_asn1 as asn1,
    )
    from pyhanko.keys.internal import (
        translate_pyca_cryptography_key_to_asn1,
    )
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    return signers.SimpleSigner(
        signing_cert=asn1(key.certificate),
        signing_key=translate_pyca_cryptography_key_to_asn1(key.private_key),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1(key.root)] if key.root is not None else []
        ),
    )


def wib_time(moment: dt.datetime) -> str:
    """``4 Desember 2026 13.05 WIB``: a time as Indonesian letters write it (the hour and
    minutes joined by a full stop, PUEBI), in Western Indonesia Time."""
    from app.reports.wording import long_date

    local = moment.astimezone(WIB)
    return f"{long_date(local.date())} {local:%H.%M} WIB"


def stamp_text(signatory: Signatory | None, moment: dt.datetime, signer: str) -> str:
    """The visible signature's words: who signed (the signatory, else the certificate's
    name) and when, in WIB."""
    lines = ["Ditandatangani secara elektronik oleh"]
    if signatory is not None and signatory.name.strip():
        if signatory.title.strip():
            lines.append(" ".join(signatory.title.split()))
        lines.append(signatory.name.strip())
        if signatory.nip.strip():
            from app.reports.wording import nip_text

            lines.append(f"NIP. {nip_text(signatory.nip.strip())}")
    else:
        lines.append(signer)
    lines.append(f"pada {wib_time(moment)}")
    return "\n".join(lines)


def sign_pdf(
    pdf: bytes,
    p12_path: Path,
    password: str,
    box: tuple[float, float, float, float],
    page: int = -1,
    reason: str = "",
    location: str = "",
    *,
    signatory: Signatory | None = None,
    key: CommitteeKey | None = None,
) -> bytes:
    """The PDF with a visible, certifying PAdES signature in ``box`` (points) on ``page``."""
    output = BytesIO()
    sign_file(
        BytesIO(pdf),
        output,
        p12_path,
        password,
        box,
        page,
        reason,
        location,
        signatory=signatory,
        key=key,
    )
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
    *,
    signatory: Signatory | None = None,
    key: CommitteeKey | None = None,
) -> None:
    """``sign_pdf`` from the file ``source`` into ``target`` (opened for reading and writing).

    pyHanko reads the objects it needs from ``source``, copies it into ``target`` in small
    chunks, appends the signature and digests ``target`` chunk by chunk: a 12 MB announcement
    of 100k rows is never held in memory, where signing bytes kept it two or three times.

    The signature certifies the document (DocMDP, no changes permitted, issue #11 §4): an
    announcement is final, and a reader shows any later change as breaking it. ``key``, when
    the caller already loaded it, saves reading the key file again. The stamp is drawn in the
    documents' own TrueType face, embedded (subset) like every other font of the file.
    """
    import tempfile

    from pyhanko import stamp
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    committee = key if key is not None else load_committee_key(p12_path, password)
    signer = _signer(committee)
    source.seek(0)
    writer = IncrementalPdfFileWriter(source)
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        reason=reason or None,
        location=location or None,
        name=signatory.name.strip() if signatory is not None and signatory.name.strip() else None,
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )
    moment = dt.datetime.now(WIB).replace(microsecond=0)
    common_name = committee.certificate.subject.rfc4514_string()
    for attribute in committee.certificate.subject:
        if attribute.oid.dotted_string == "2.5.4.3":  # commonName
            common_name = str(attribute.value)
    # The stamp's appearance is a small page drawn by ReportLab in the documents' own embedded
    # font, imported by pyHanko as it is: pyHanko's own OpenType text engine (fontTools and
    # HarfBuzz) cost 16 MB of a signed 100k announcement's peak (issue #8 §3), and its
    # %(ts)s is strftime, in English and the machine's zone.
    words = stamp_text(signatory, moment, common_name)
    folder = tempfile.TemporaryDirectory(prefix="seleksi-stamp-")
    appearance = Path(folder.name) / "cap.pdf"  # read again by pyHanko while it signs
    appearance.write_bytes(stamp_appearance(words, box[2] - box[0], box[3] - box[1]))
    style = stamp.StaticStampStyle.from_pdf_file(str(appearance), border_width=0)
    pdf_signer = _pinned_signer_class()(
        moment,
        metadata,
        signer=signer,
        stamp_style=style,
        # pyhanko annotates the box as whole numbers, but writes each coordinate as a PDF
        # real (FloatObject): the box in points stays exactly where the layout put it.
        new_field_spec=fields.SigFieldSpec(
            SIGNATURE_FIELD, on_page=page, box=cast(tuple[int, int, int, int], box)
        ),
    )
    with folder:
        pdf_signer.sign_pdf(writer, output=target)


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Silence a library's logger for the duration (its level restored after)."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


STAMP_SIZE = 7.5
STAMP_LEADING = 9.0


def stamp_appearance(words: str, width: float, height: float) -> bytes:
    """The visible signature as a one-page PDF of the box's size: the stamp's lines, top
    left, in the documents' regular face (embedded as a subset, like every font of the file),
    shrunk where a line is wider than the box."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.fonts import REGULAR, register

    register()
    lines = words.splitlines()
    widest = max((stringWidth(line, REGULAR, STAMP_SIZE) for line in lines), default=0.0)
    size = STAMP_SIZE if widest <= width else STAMP_SIZE * width / widest
    leading = STAMP_LEADING * size / STAMP_SIZE
    buffer = BytesIO()
    # The initial font too, or ReportLab names a Helvetica it never embeds (passed as a dict:
    # the reportlab stubs type initialFontName as a number).
    initial: dict[str, Any] = {"initialFontName": REGULAR, "initialFontSize": size}
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1, **initial)
    canvas.setFont(REGULAR, size)
    y = height - size
    for line in lines:
        canvas.drawString(0, y, line)
        y -= leading
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@cache
def _pinned_signer_class():
    """Made on first use: pyHanko is imported only when something is signed."""
    from pyhanko.sign import signers

    class PinnedTimeSigner(signers.PdfSigner):
        """A ``PdfSigner`` whose signing time is the one the stamp prints: pyHanko takes
        the clock again for the signature dictionary and the CMS, so a stamp written a moment
        before could name the minute before the signature's own."""

        def __init__(self, moment: dt.datetime, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.moment = moment

        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = self.moment
            return session

    return PinnedTimeSigner


def check_signature(pdf: bytes, certificate_pem: bytes | None) -> SignatureReport:
    """Validate the committee signature offline against the exported root certificate (an
    older key's self-signed certificate is its own root).

    The chain is read from the file (the signing certificate and the root it carries); the
    given certificate is the one trust anchor, so a file signed under another root, even one
    of the same name, is valid but not trusted."""
    from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    # A certificate that is none is said first, whatever the file holds.
    trust = []
    if certificate_pem:
        trust.append(translate_pyca_cryptography_cert_to_asn1(load_certificate(certificate_pem)))
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception:
        return SignatureReport(present=False)
    if not signatures:
        return SignatureReport(present=False)
    context = ValidationContext(trust_roots=trust, allow_fetching=False)
    signature = signatures[0]
    # An untrusted certificate is an answer here, not an error to log to the terminal.
    with _quiet("pyhanko"):
        status = validate_pdf_signature(signature, context)
    signer = signature.signer_cert.subject.human_friendly if signature.signer_cert else ""
    coverage = getattr(status, "coverage", None)
    whole = coverage is not None and coverage.name == "ENTIRE_FILE"
    path = getattr(status, "validation_path", None)
    root = path[0] if status.trusted and path is not None else _carried_root(signature)
    return SignatureReport(
        present=True,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        signer=signer,
        signed_at=getattr(status, "signer_reported_dt", None),
        covers_whole_file=whole,
        root_fingerprint=root.sha256.hex(":").upper() if root is not None else "",
        certified=signature.docmdp_level is MDPPerm.NO_CHANGES,
    )


def _carried_root(signature):
    """The root certificate the signature's own chain ends in: the signing certificate's
    issuer among the certificates embedded in the file, or itself when self-signed."""
    leaf = signature.signer_cert
    if leaf is None:
        return None
    if leaf.self_issued:
        return leaf
    for other in signature.other_embedded_certs:
        if other.subject == leaf.issuer and other.self_issued:
            return other
    return None
