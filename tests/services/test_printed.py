"""Printed forms are registered and verify, as a file, a scanned page or a typed id
(issue #11 §3)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
from PIL import ImageFilter

from app.services.actor import Actor
from app.services.announcements import verify_announcement
from app.services.audit import audit_log
from app.services.database import Database
from app.services.demo import create_demo
from app.services.documents import (
    attendance_pdf,
    formation_slips_pdf,
    minutes_pdf,
    score_sheet_pdf,
    slip_pdf,
)
from app.services.finalization import finalize
from app.services.picture_check import verify_document_id, verify_picture

ADMIN = Actor("ketua", "admin")
ASSESSOR = Actor("penilai", "penilai")


@pytest.fixture
def demo(tmp_path: Path, new_database: Callable[[Path], Database]) -> tuple[Database, int]:
    db = new_database(tmp_path / "seleksi.db")
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=30, seed=2)
    yield db, info.id
    db.close()


def _scan(pdf: Path, page: int, out: Path) -> Path:
    document = pypdfium2.PdfDocument(pdf)
    image = document[page].render(scale=150 / 72).to_pil().convert("L")
    document.close()
    image.filter(ImageFilter.GaussianBlur(0.6)).save(out)
    return out


def _registered(db: Database) -> list[tuple[str, str, int]]:
    connection = sqlite3.connect(db.path)
    try:
        return connection.execute(
            "SELECT kind, document_id, provisional FROM printed_document ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def test_a_saved_slip_verifies_and_a_changed_copy_does_not(demo, tmp_path: Path) -> None:
    db, selection = demo
    finalize(db, ADMIN, selection, "AKHIR")
    number = "24127500000003"
    document = slip_pdf(db, selection, number)
    out = tmp_path / "kartu.pdf"
    document.save(out)
    assert verify_announcement(db, out).findings[0].startswith("dokumen SASN-")  # unknown yet
    registered = document.register(db, ADMIN, selection)
    assert registered.added == 1
    (record,) = document.records
    assert _registered(db) == [("slip", record.document_id, 0)]
    result = verify_announcement(db, out)
    assert result.ok, result.findings
    assert result.findings[0].startswith("dokumen terdaftar: Kartu hasil seleksi — ")
    assert result.findings[0].endswith(" WIB")  # the committee's clock, not UTC
    assert result.printed == "Kartu hasil seleksi"
    assert "berkas sama persis dengan yang dicetak" in result.findings
    assert any(f.startswith(f"halaman harus menunjukkan: {number}; ") for f in result.findings)
    # Printing the same document again records nothing new.
    assert document.register(db, ADMIN, selection).added == 0
    event = audit_log(db, limit=1)[0]
    assert event.action == "document.printed" and json.loads(event.new or "")["kind"] == "slip"
    changed = tmp_path / "kartu-diubah.pdf"
    changed.write_bytes(out.read_bytes() + b"%diubah\n")  # still a PDF, not the same file
    assert not verify_announcement(db, changed).ok
    assert "berkas BERBEDA dari yang dicetak" in verify_announcement(db, changed).findings


def test_a_scanned_page_of_provisional_minutes_says_sementara(demo, tmp_path: Path) -> None:
    db, selection = demo
    document = minutes_pdf(db, selection, "BNJ-01")
    out = tmp_path / "berita-acara.pdf"
    document.save(out)
    document.register(db, ADMIN, selection)
    result = verify_picture(db, _scan(out, 0, tmp_path / "halaman.png"))
    assert result.ok, result.findings
    assert result.findings[0].startswith("kode QR terbaca: dokumen SASN-")
    assert result.findings[1].startswith("dokumen terdaftar: Berita acara Nomor ")
    assert "SEMENTARA: dicetak sebelum hasil difinalkan, bukan hasil resmi" in result.findings
    typed = verify_document_id(db, document.records[0].document_id)
    assert typed.ok and "SEMENTARA" in typed.findings[-1]


def test_lists_sheets_and_a_batch_of_slips_are_each_registered(demo, tmp_path: Path) -> None:
    db, selection = demo
    attendance = attendance_pdf(db, selection, formation="BNJ-01")
    sheet = score_sheet_pdf(db, selection, "PRAKTIK", formation="BNJ-01", assessor="Siti")
    slips = formation_slips_pdf(db, selection, "BNJ-01")
    for document in (attendance, sheet, slips):
        document.register(db, ASSESSOR, selection)
    kinds = [kind for kind, _id, _provisional in _registered(db)]
    assert kinds[:2] == ["attendance", "score_sheet"]
    assert kinds[2:] == ["slip"] * len(slips.records) and len(slips.records) > 1
    # A scanned sheet verifies by the QR code on its page.
    out = tmp_path / "blanko.pdf"
    sheet.save(out)
    result = verify_picture(db, _scan(out, 0, tmp_path / "blanko.png"))
    assert result.ok and "Tes Praktik Kerja" in result.findings[1]


def test_a_registered_record_cannot_be_changed(demo) -> None:
    db, selection = demo
    slip_pdf(db, selection, "24127500000003").register(db, ADMIN, selection)
    connection = sqlite3.connect(db.path)
    try:
        for statement in (
            "UPDATE printed_document SET pdf_sha256 = 'x'",
            "DELETE FROM printed_document",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="tidak dapat diubah"):
                connection.execute(statement)
    finally:
        connection.close()
