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
