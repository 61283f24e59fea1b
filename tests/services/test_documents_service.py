"""Score sheets, attendance lists, minutes and slips built from the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.services.documents import write_attendance, write_minutes, write_score_sheet, write_slip
from app.services.errors import UserError
from app.services.ranking import compute_ranking
from app.services.score_entry import score_sheet


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Database, int]:
    db = new_database(tmp_path_factory.mktemp("dokumen") / "seleksi.db")
    info = create_demo(db, Actor("ketua", "admin"), "binjai-kompetensi", participants=80, seed=9)
    return db, info.id


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_score_sheet_lists_participants_in_entry_order(
    demo: tuple[Database, int], tmp_path: Path
) -> None:
    db, selection = demo
    out = tmp_path / "blanko.pdf"
    write_score_sheet(db, selection, "PRAKTIK", out, formation="BNJ-02", assessor="Dr. Sari")
    text = _text(out)
    numbers = [row.number for row in score_sheet(db, selection, "PRAKTIK", "x", "BNJ-02").rows]
    positions = [text.index(number) for number in numbers]
    assert positions == sorted(positions)
    assert "Keterampilan teknis" in text or "TEKNIS" in text
    assert "Dr. Sari" in text


def test_attendance_minutes_and_slip_carry_their_content(
    demo: tuple[Database, int], tmp_path: Path
) -> None:
    db, selection = demo
    write_attendance(db, selection, tmp_path / "hadir.pdf", formation="BNJ-02")
    assert "DAFTAR HADIR" in _text(tmp_path / "hadir.pdf")
    formation = compute_ranking(db, selection).rows[-1].formation
    write_minutes(db, selection, formation, tmp_path / "ba.pdf")
    minutes = _text(tmp_path / "ba.pdf")
    ranking = compute_ranking(db, selection, formation=formation)
    assert all(row.number in minutes for row in ranking.rows)
    first = ranking.rows[0]
    write_slip(db, selection, first.number, tmp_path / "slip.pdf")
    slip = _text(tmp_path / "slip.pdf")
    assert first.number in slip
    assert f"{first.final:.3f}".replace(".", ",") in slip  # read the Indonesian way: 89,575
    with pytest.raises(UserError):
        write_slip(db, selection, "tidak-ada", tmp_path / "x.pdf")
    with pytest.raises(UserError):
        write_attendance(db, selection, tmp_path / "x.pdf", session="Sesi 99")
