"""The committee key signs a PDF; the signature verifies, and breaks when the file changes."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from app.services.errors import UserError
from app.services.signing import check_signature, create_committee_key, sign_pdf

PASSWORD = "rahasia-panitia"


def _pdf() -> bytes:
    buffer = BytesIO()
    page = canvas.Canvas(buffer, pageCompression=0)
    page.drawString(100, 700, "PENGUMUMAN HASIL SELEKSI")
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("kunci")
    p12, cert = folder / "panitia.p12", folder / "panitia.pem"
    create_committee_key(p12, cert, PASSWORD, "Panitia Seleksi Daerah", "Pemerintah Kota Binjai")
    return p12, cert


def test_a_signed_pdf_verifies_against_the_exported_certificate(key: tuple[Path, Path]) -> None:
    p12, cert = key
    signed = sign_pdf(_pdf(), p12, PASSWORD, (350, 80, 550, 160), reason="Pengumuman")
    report = check_signature(signed, cert.read_bytes())
    assert report.ok
    assert "Panitia Seleksi Daerah" in report.signer
    assert not check_signature(signed, None).trusted


def test_one_changed_byte_breaks_the_signature(key: tuple[Path, Path]) -> None:
    p12, cert = key
    signed = bytearray(sign_pdf(_pdf(), p12, PASSWORD, (350, 80, 550, 160)))
    position = signed.index(b"PENGUMUMAN")
    signed[position] = ord("X")
    report = check_signature(bytes(signed), cert.read_bytes())
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


def test_the_private_key_file_is_readable_by_its_owner_only(key: tuple[Path, Path]) -> None:
    """Issue #10 §6: the key was written world-readable; the database and backups are 0600."""
    import stat

    p12, cert = key
    assert stat.S_IMODE(p12.stat().st_mode) == 0o600
    assert stat.S_IMODE(cert.stat().st_mode) & 0o044  # the certificate is for everyone
