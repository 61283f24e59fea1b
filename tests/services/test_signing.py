"""The committee key signs a PDF; the signature verifies, and breaks when the file changes.

Issue #11 §4: the key is a root and a signing certificate it issues; announcements are
certified; poppler's ``pdfsig`` (with the root trusted in an NSS database) and pyHanko's own
CLI (``--trust root.pem``) both call the file valid and trusted, and every font, the stamp's
too, is embedded. Those tools are installed by ``make test`` (tools/system_libraries.py); a
machine without them fails here, never skips.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import shutil
import stat
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from app.reports import fonts
from app.services.errors import UserError
from app.services.signing import (
    Signatory,
    check_signature,
    create_committee_key,
    fingerprint,
    load_committee_key,
    sign_pdf,
    stamp_text,
    wib_time,
)

PASSWORD = "rahasia-panitia"
BOX = (330.0, 80.0, 560.0, 150.0)
KETUA = Signatory("Ir. Rahmad Hidayat, M.AP.", "197503122000031004", "Ketua Panitia")


def _pdf() -> bytes:
    """A page in the documents' own embedded font, as every announcement is."""
    fonts.register()
    buffer = BytesIO()
    page = canvas.Canvas(
        buffer, pageCompression=0, initialFontName=fonts.REGULAR, initialFontSize=12
    )
    page.drawString(100, 700, "PENGUMUMAN HASIL SELEKSI")
    page.showPage()
    page.save()
    return buffer.getvalue()


def _make_key(folder: Path, name: str = "Panitia Seleksi Daerah") -> tuple[Path, Path]:
    p12, cert = folder / "panitia.p12", folder / "panitia.pem"
    create_committee_key(p12, cert, PASSWORD, name, "Pemerintah Kota Binjai")
    return p12, cert


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _make_key(tmp_path_factory.mktemp("kunci"))


@pytest.fixture(scope="module")
def signed(key: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ditandatangani") / "pengumuman.pdf"
    path.write_bytes(sign_pdf(_pdf(), key[0], PASSWORD, BOX, reason="Pengumuman", signatory=KETUA))
    return path


@pytest.fixture(scope="module")
def forged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same file signed with another key made under the very same names."""
    folder = tmp_path_factory.mktemp("tiruan")
    p12, _cert = _make_key(folder)
    path = folder / "pengumuman.pdf"
    path.write_bytes(sign_pdf(_pdf(), p12, PASSWORD, BOX, signatory=KETUA))
    return path


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} is not installed: `make test` installs it (poppler-utils, libnss3-tools),"
            " or run `apt-get install poppler-utils libnss3-tools`"
        )
    return found


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def _pem_sha256(cert: Path) -> str:
    """The fingerprint computed by hand from the PEM's base64 body (its DER)."""
    lines = cert.read_text().splitlines()
    der = base64.b64decode("".join(line for line in lines if not line.startswith("-----")))
    return ":".join(f"{byte:02X}" for byte in hashlib.sha256(der).digest())


# --------------------------------------------------------------------------- the key


def test_the_key_is_a_root_and_a_signing_certificate_it_issued(key: tuple[Path, Path]) -> None:
    p12, cert = key
    root = x509.load_pem_x509_certificate(cert.read_bytes())
    loaded = load_committee_key(p12, PASSWORD)
    assert loaded.root is not None and loaded.root == root  # the PEM is the root
    leaf = loaded.certificate

    constraints = root.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca
    usage = root.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign
    assert not usage.digital_signature and not usage.content_commitment
    assert root.issuer == root.subject

    constraints = leaf.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and not constraints.value.ca
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert not usage.key_cert_sign and not usage.crl_sign and not usage.key_encipherment
    with pytest.raises(x509.ExtensionNotFound):  # no code signing, no e-mail protection
        leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    assert leaf.issuer == root.subject
    leaf.verify_directly_issued_by(root)
    assert leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (
        "Panitia Seleksi Daerah"
    )
    # The QR codes are signed with the same key: P-256, 64-byte raw signatures.
    assert isinstance(loaded.private_key, ec.EllipticCurvePrivateKey)
    assert loaded.private_key.curve.name == "secp256r1"


def test_the_root_fingerprint_is_the_sha256_of_the_handed_out_certificate(
    key: tuple[Path, Path], tmp_path: Path
) -> None:
    p12, cert = key
    by_hand = _pem_sha256(cert)
    assert len(by_hand) == 32 * 3 - 1
    assert load_committee_key(p12, PASSWORD).root_fingerprint == by_hand
    assert fingerprint(x509.load_pem_x509_certificate(cert.read_bytes())) == by_hand
    returned = create_committee_key(
        tmp_path / "b.p12", tmp_path / "b.pem", PASSWORD, "Panitia", "Pemkot"
    )
    assert returned == _pem_sha256(tmp_path / "b.pem") != by_hand  # a new key, a new root


def test_the_private_key_file_is_readable_by_its_owner_only(key: tuple[Path, Path]) -> None:
    """Issue #10 §6: the key was written world-readable; the database and backups are 0600."""
    p12, cert = key
    assert stat.S_IMODE(p12.stat().st_mode) == 0o600
    assert stat.S_IMODE(cert.stat().st_mode) & 0o044  # the certificate is for everyone


def test_the_root_private_key_is_kept_nowhere(key: tuple[Path, Path]) -> None:
    """Only the signing key is in the PKCS#12 file: its public key is the leaf's."""
    p12, _cert = key
    private, certificate, extra = pkcs12.load_key_and_certificates(
        p12.read_bytes(), PASSWORD.encode()
    )
    assert private is not None and certificate is not None and len(extra) == 1
    assert private.public_key() == certificate.public_key()
    assert extra[0].public_key() != certificate.public_key()
    assert sorted(path.name for path in p12.parent.iterdir()) == ["panitia.p12", "panitia.pem"]


# --------------------------------------------------------------------------- signing


def test_a_signed_pdf_verifies_against_the_exported_root(
    key: tuple[Path, Path], signed: Path
) -> None:
    _p12, cert = key
    report = check_signature(signed.read_bytes(), cert.read_bytes())
    assert report.ok
    assert "Panitia Seleksi Daerah" in report.signer
    assert report.root_fingerprint == _pem_sha256(cert)
    untrusted = check_signature(signed.read_bytes(), None)
    assert untrusted.ok_untrusted and not untrusted.trusted
    # What the file itself carries: the same root, for a reader to compare.
    assert untrusted.root_fingerprint == _pem_sha256(cert)


def test_a_file_signed_under_another_root_of_the_same_name_is_not_trusted(
    key: tuple[Path, Path], forged: Path
) -> None:
    _p12, cert = key
    report = check_signature(forged.read_bytes(), cert.read_bytes())
    assert report.intact and report.valid and not report.trusted and not report.ok
    assert report.root_fingerprint != _pem_sha256(cert)


def test_the_announcement_is_certified_with_no_changes_permitted(signed: Path) -> None:
    assert check_signature(signed.read_bytes(), None).certified
    # Read independently of pyHanko: the catalog's /Perms names the signature, whose
    # DocMDP transform allows no changes (/P 1).
    reader = PdfReader(signed)
    docmdp = reader.trailer["/Root"]["/Perms"]["/DocMDP"].get_object()
    transform = docmdp["/Reference"][0].get_object()
    assert transform["/TransformMethod"] == "/DocMDP"
    assert transform["/TransformParams"]["/P"] == 1
    assert docmdp["/SubFilter"] == "/ETSI.CAdES.detached"


def test_one_changed_byte_breaks_the_signature(key: tuple[Path, Path], signed: Path) -> None:
    _p12, cert = key
    changed = bytearray(signed.read_bytes())
    position = changed.index(b"/Creator")
    changed[position + 1] = ord("X")
    report = check_signature(bytes(changed), cert.read_bytes())
    assert report.present
    assert not report.intact
    assert not report.ok


def test_an_unsigned_pdf_has_no_signature() -> None:
    assert not check_signature(_pdf(), None).present


def test_a_wrong_password_or_a_damaged_key_is_a_clear_message(
    key: tuple[Path, Path], tmp_path: Path
) -> None:
    p12, _cert = key
    with pytest.raises(UserError) as wrong:
        sign_pdf(_pdf(), p12, "bukan-sandinya", (1, 1, 2, 2))
    assert wrong.value.message == "sign.bad_key"
    damaged = tmp_path / "rusak.p12"
    damaged.write_bytes(p12.read_bytes()[:100])
    with pytest.raises(UserError) as broken:
        sign_pdf(_pdf(), damaged, PASSWORD, (1, 1, 2, 2))
    assert broken.value.message == "sign.bad_key"
    with pytest.raises(UserError):
        create_committee_key(tmp_path / "a.p12", tmp_path / "a.pem", "pendek", "X", "Y")
    with pytest.raises(UserError) as bad_certificate:
        check_signature(_pdf(), b"bukan sertifikat")
    assert bad_certificate.value.message == "sign.bad_certificate"


def _old_key(folder: Path) -> tuple[Path, Path]:
    """A key as versions before issue #11 made it: RSA, self-signed, CA and signer at once,
    with code-signing and e-mail EKUs."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Panitia Lama")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.CODE_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]
            ),
            critical=False,
        )
        .sign(private, hashes.SHA256())
    )
    p12, cert = folder / "lama.p12", folder / "lama.pem"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"lama",
            private,
            certificate,
            None,
            serialization.BestAvailableEncryption(PASSWORD.encode()),
        )
    )
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return p12, cert


def test_an_old_self_signed_rsa_key_still_signs_and_verifies(tmp_path: Path) -> None:
    p12, cert = _old_key(tmp_path)
    loaded = load_committee_key(p12, PASSWORD)
    assert loaded.root is None
    assert loaded.root_fingerprint == _pem_sha256(cert)
    data = sign_pdf(_pdf(), p12, PASSWORD, BOX, signatory=KETUA)
    report = check_signature(data, cert.read_bytes())
    assert report.ok and report.certified
    assert report.root_fingerprint == _pem_sha256(cert)


# --------------------------------------------------------------------------- the stamp


def test_the_stamp_names_the_signatory_and_the_time_in_wib() -> None:
    moment = dt.datetime(2026, 12, 4, 6, 5, 30, tzinfo=dt.UTC)  # 13.05 in Jakarta
    assert wib_time(moment) == "4 Desember 2026 13.05 WIB"
    assert wib_time(dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.UTC)) == "1 Januari 2027 00.00 WIB"
    assert stamp_text(KETUA, moment, "Panitia Seleksi Daerah").splitlines() == [
        "Ditandatangani secara elektronik oleh",
        "Ketua Panitia",
        "Ir. Rahmad Hidayat, M.AP.",
        "NIP. 19750312 200003 1 004",
        "pada 4 Desember 2026 13.05 WIB",
    ]
    # Without a signatory, the certificate's name.
    assert stamp_text(None, moment, "Panitia Seleksi Daerah").splitlines()[1] == (
        "Panitia Seleksi Daerah"
    )


def test_the_signed_file_shows_the_stamp_and_the_same_time_as_the_signature(
    signed: Path,
) -> None:
    text = _run(_tool("pdftotext"), str(signed), "-").stdout
    assert "Ditandatangani secara elektronik oleh" in text
    assert "Ir. Rahmad Hidayat, M.AP." in text and "NIP. 19750312 200003 1 004" in text
    report = check_signature(signed.read_bytes(), None)
    assert report.signed_at is not None
    assert report.signed_at.utcoffset() == dt.timedelta(hours=7)
    assert f"pada {wib_time(report.signed_at)}" in text  # the minute of the signature itself


def test_every_font_is_embedded_the_stamp_font_too(signed: Path) -> None:
    done = _run(_tool("pdffonts"), str(signed))
    assert done.returncode == 0 and done.stderr == ""
    rows = done.stdout.splitlines()[2:]
    assert len(rows) == 2  # the page's face and the stamp's
    # Both the documents' face, the stamp's imported with its page (ReportLab, subset).
    assert all("LiberationSans" in row and "TrueType" in row for row in rows), rows
    for row in rows:
        # name type... encoding emb sub uni object-id: "yes" for embedded
        assert row.split()[-5] == "yes", row


# --------------------------------------------------------------------------- other software


def _nss_database(folder: Path, root: Path) -> str:
    certutil = _tool("certutil")
    nss = folder / "nss"
    nss.mkdir()
    done = _run(certutil, "-N", "-d", f"sql:{nss}", "--empty-password")
    assert done.returncode == 0, done.stderr
    done = _run(
        certutil, "-A", "-d", f"sql:{nss}", "-n", "panitia", "-t", "CT,C,C", "-i", str(root)
    )
    assert done.returncode == 0, done.stderr
    return f"sql:{nss}"


def test_pdfsig_trusts_the_signature_under_the_trusted_root(
    key: tuple[Path, Path], signed: Path, forged: Path, tmp_path: Path
) -> None:
    nss = _nss_database(tmp_path, key[1])
    pdfsig = _tool("pdfsig")
    done = _run(pdfsig, "-nssdir", nss, str(signed))
    assert "Signature Validation: Signature is Valid." in done.stdout, done.stdout
    assert "Certificate Validation: Certificate is Trusted." in done.stdout, done.stdout
    assert "Total document signed" in done.stdout
    # The same names under another root: valid as a signature, but never trusted.
    done = _run(pdfsig, "-nssdir", nss, str(forged))
    assert "Signature is Valid." in done.stdout
    assert "Certificate is Trusted." not in done.stdout


def _pyhanko(*args: str) -> subprocess.CompletedProcess[str]:
    try:
        import pyhanko.cli  # noqa: F401 (the pyhanko-cli package of the test extra)
    except ImportError:
        pytest.fail("pyHanko's CLI is missing: `make test` installs the test extra (pyhanko-cli)")
    return _run(sys.executable, "-m", "pyhanko", *args)


def test_pyhanko_cli_calls_the_file_valid_over_the_entire_file(
    key: tuple[Path, Path], signed: Path, forged: Path
) -> None:
    trust = ("sign", "validate", "--trust", str(key[1]), "--trust-replace", "--pretty-print")
    done = _pyhanko(*trust, str(signed))
    assert done.returncode == 0, done.stderr
    assert "The signer's certificate is trusted." in done.stdout
    assert "The signature covers the entire file." in done.stdout
    assert "The signature is judged VALID." in done.stdout
    done = _pyhanko(*trust, str(forged))
    assert "The signature is judged VALID." not in done.stdout
