"""A photographed or scanned page verifies by its QR code (issue #11 §3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageFilter

from app.cli import main
from app.services.actor import Actor
from app.services.announcements import issue_announcement
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import UserError
from app.services.finalization import finalize
from app.services.picture_check import verify_picture

ADMIN = Actor("ketua", "admin")


@pytest.fixture
def issued(tmp_path: Path, new_database: Callable[[Path], Database]) -> tuple[Database, int, Path]:
    db = new_database(tmp_path / "seleksi.db")
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=40, seed=5)
    finalize(db, ADMIN, info.id, "AKHIR")
    out = tmp_path / "pengumuman.pdf"
    issue_announcement(
        db, ADMIN, info.id, None, out, number="7/PANSELDA/2024", issued_on=dt.date(2024, 12, 5)
    )
    yield db, info.id, out
    db.close()


def _scan(pdf: Path, page: int, out: Path, dpi: int = 150) -> Path:
    """The page as a scanner gives it: ``dpi`` dots per inch, grey, a little blurred."""
    document = pypdfium2.PdfDocument(pdf)
    image = document[page].render(scale=dpi / 72).to_pil().convert("L")
    document.close()
    image.filter(ImageFilter.GaussianBlur(0.6)).save(out)
    return out


def test_a_page_scanned_at_150_dpi_verifies(
    issued: tuple[Database, int, Path], tmp_path: Path
) -> None:
    db, _selection, pdf = issued
    result = verify_picture(db, _scan(pdf, 1, tmp_path / "halaman-2.png"))
    assert result.ok and result.number == "7/PANSELDA/2024"
    assert result.findings[0].startswith("kode QR terbaca: dokumen SASN-")
    assert "sidik SHA-256 pada kode QR cocok dengan hasil yang tersimpan" in result.findings
    jpeg = tmp_path / "foto.jpg"
    Image.open(_scan(pdf, 0, tmp_path / "halaman-1.png")).save(jpeg, quality=70)
    assert verify_picture(db, jpeg).ok


def test_a_page_of_a_replaced_announcement_is_no_longer_in_force(
    issued: tuple[Database, int, Path], tmp_path: Path
) -> None:
    db, selection_id, pdf = issued
    issue_announcement(
        db, ADMIN, selection_id, None, tmp_path / "baru.pdf", number="8/PANSELDA/2024",
        issued_on=dt.date(2024, 12, 6),
    )  # fmt: skip
    result = verify_picture(db, _scan(pdf, 0, tmp_path / "lama.png"))
    assert not result.ok and result.replaced_by == "8/PANSELDA/2024"


def test_a_picture_without_our_code_says_so(
    issued: tuple[Database, int, Path], tmp_path: Path
) -> None:
    db, _selection, _pdf = issued
    blank = tmp_path / "kosong.png"
    Image.new("L", (600, 800), 255).save(blank)
    result = verify_picture(db, blank)
    assert not result.ok and "tidak ada kode QR yang terbaca" in result.findings[0]
    text = tmp_path / "bukan-gambar.png"
    text.write_text("bukan gambar")
    with pytest.raises(UserError) as refused:
        verify_picture(db, text)
    assert refused.value.message == "picture.unreadable"


def test_the_verify_command_takes_a_picture(
    issued: tuple[Database, int, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _selection, pdf = issued
    picture = _scan(pdf, 0, tmp_path / "scan.png")
    capsys.readouterr()
    assert main(["--db", str(db.path), "verify", str(picture)]) == 0
    assert "SAH: scan.png adalah pengumuman Nomor 7/PANSELDA/2024" in capsys.readouterr().out


def test_a_typed_document_id_says_what_is_recorded(
    issued: tuple[Database, int, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from app.services.announcements import list_announcements
    from app.services.picture_check import verify_document_id

    db, selection_id, _pdf = issued
    [info] = list_announcements(db, selection_id)
    result = verify_document_id(db, info.document_id.lower())  # typed in small letters
    assert result.ok and result.number == "7/PANSELDA/2024"
    assert "hanya nomornya yang diperiksa" in result.findings[-1]
    assert not verify_document_id(db, "SASN-2026-0000000000").ok
    capsys.readouterr()
    assert main(["--db", str(db.path), "verify", info.document_id]) == 0
    assert "7/PANSELDA/2024" in capsys.readouterr().out


def _code_picture(payload: str, out: Path) -> Path:
    """A picture of nothing but the QR code of ``payload``: a forger's page."""
    from app.reports.qr import modules

    matrix = modules(payload)
    size = len(matrix) + 8
    image = Image.new("L", (size, size), 255)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                image.putpixel((c + 4, r + 4), 0)
    image.resize((size * 6, size * 6), Image.Resampling.NEAREST).save(out)
    return out


def _poppler_scan(pdf: Path, page: int, stem: Path) -> Path:
    """Page ``page`` (1-based) as poppler's ``pdftoppm`` renders it at 150 dpi, grey: the
    other renderer, the resolution the issue names (``make test`` installs poppler-utils)."""
    import shutil
    import subprocess

    tool = shutil.which("pdftoppm")
    assert tool, "pdftoppm (poppler-utils) is needed: make test installs it"
    subprocess.run(
        [tool, "-r", "150", "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
         str(pdf), str(stem)],
        check=True,
    )  # fmt: skip
    return stem.with_suffix(".png")


def _page_numbers(pdf: Path, page: int) -> list[str]:
    """The participant numbers printed on ``page`` (0-based), in print order."""
    import re

    document = pypdfium2.PdfDocument(pdf)
    text = document[page].get_textpage().get_text_range()
    document.close()
    return re.findall(r"\b\d{6,}\b", text)


def test_the_picture_of_a_page_says_which_rows_it_must_show(
    issued: tuple[Database, int, Path], tmp_path: Path
) -> None:
    db, _selection, pdf = issued
    pages = len(pypdfium2.PdfDocument(pdf))
    last_rows_page = None
    for page in range(pages):
        result = verify_picture(db, _scan(pdf, page, tmp_path / f"h{page}.png"))
        assert result.ok, result.findings
        assert result.findings[0].endswith(f"halaman {page + 1} dari {pages}")
        assert f"jumlah halaman cocok dengan berkas yang tersimpan ({pages} halaman)" in (
            result.findings
        )
        listed = [line.split()[3] for line in result.page_rows]  # "F-01 · 4. 2412… Nama"
        if listed:
            last_rows_page = page
            # The rows the database names are the rows printed on that page, in order.
            assert listed == [n for n in _page_numbers(pdf, page) if n in listed]
            assert set(listed) <= set(_page_numbers(pdf, page))
            assert any(f.startswith("halaman ini harus memuat baris") for f in result.findings)
        else:
            assert "halaman ini tidak memuat baris hasil" in " ".join(result.findings)
    assert last_rows_page is not None  # the lampiran was found on some page


def test_a_code_claiming_another_page_count_is_not_valid(
    issued: tuple[Database, int, Path], tmp_path: Path
) -> None:
    from app.services.page_seal import parse_seal

    db, _selection, pdf = issued
    [text] = __import__("app.services.picture_check", fromlist=["read_codes"]).read_codes(
        _scan(pdf, 0, tmp_path / "h.png")
    )
    seal = parse_seal(text)
    assert seal is not None and not seal.signature  # issued unsigned
    forged = seal.__class__(**{**_fields(seal), "pages": seal.pages + 1})
    result = verify_picture(db, _code_picture(forged.payload(), tmp_path / "palsu.png"))
    assert not result.ok
    assert any("berkas yang tersimpan berisi" in f for f in result.findings)


def _fields(seal: object) -> dict[str, object]:
    from dataclasses import fields

    return {f.name: getattr(seal, f.name) for f in fields(seal)}  # type: ignore[arg-type]


def _ec_key_file(path: Path, password: str) -> Path:
    """A committee key file with an ECDSA P-256 key, as ``key create`` makes them."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Panitia Seleksi Daerah")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"panitia",
            key,
            certificate,
            None,
            serialization.BestAvailableEncryption(password.encode()),
        )
    )
    return path


def test_a_signed_announcement_signs_every_page_code(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    from dataclasses import replace

    from app.services.page_seal import parse_seal, sign_seal
    from app.services.picture_check import read_codes
    from app.services.signing import load_committee_key

    db = new_database(tmp_path / "seleksi.db")
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=40, seed=5)
    finalize(db, ADMIN, info.id, "AKHIR")
    key = _ec_key_file(tmp_path / "panitia.p12", "rahasia-panitia")
    pdf = tmp_path / "pengumuman.pdf"
    issue_announcement(
        db, ADMIN, info.id, None, pdf, number="9/PANSELDA/2024",
        issued_on=dt.date(2024, 12, 5), key=(key, "rahasia-panitia"),
    )  # fmt: skip
    picture = _poppler_scan(pdf, 2, tmp_path / "h2")  # the densest code: a signed one
    result = verify_picture(db, picture)
    assert result.ok, result.findings
    assert (
        "kode QR ditandatangani dengan kunci panitia yang menandatangani pengumuman ini"
        in result.findings
    )
    [text] = read_codes(picture)
    seal = parse_seal(text)
    assert seal is not None and len(seal.signature) == 64
    # The same signature under another page number, or a code signed by another key, or
    # one with no signature at all: TIDAK SAH.
    moved = replace(seal, page=seal.page + 1)
    stranger = _ec_key_file(tmp_path / "lain.p12", "sandi-lain-1")
    other = sign_seal(seal, load_committee_key(stranger, "sandi-lain-1").private_key)
    for forged, reason in (
        (moved, "tanda tangan pada kode QR TIDAK SAH"),
        (other, "tanda tangan pada kode QR TIDAK SAH"),
        (replace(seal, signature=b""), "kode QR tidak bertanda tangan"),
    ):
        verdict = verify_picture(db, _code_picture(forged.payload(), tmp_path / "palsu.png"))
        assert not verdict.ok
        assert any(f.startswith(reason) for f in verdict.findings), verdict.findings
    db.close()
