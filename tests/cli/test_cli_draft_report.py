"""``seleksi draft report ID --out laporan.pdf`` (issue #14 §2): the Laporan Penyusunan
Kebijakan of the demo's draft written to a file, read back; nothing of the selection written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.services.demo import DEMO_DRAFT
from app.services.opening import open_database
from app.services.policy_drafts import list_drafts


def test_draft_report_writes_the_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dump: Callable[[Path], str]
) -> None:
    database = tmp_path / "seleksi.db"
    assert main(["--db", str(database), "demo", "--participants", "160", "--seed", "2"]) == 0
    db = open_database(database)
    draft = next(d for d in list_drafts(db, 1) if d.name == DEMO_DRAFT)
    db.close()
    capsys.readouterr()
    before = data_dump(database)
    out = tmp_path / "laporan.pdf"
    code = main(["--db", str(database), "draft", "report", str(draft.id), "--out", str(out),
                 "--exclude-inconsistent", "--local-code", "1275"])  # fmt: skip
    printed = capsys.readouterr()
    assert code == 0, printed.err
    texts = [page.extract_text() for page in PdfReader(out).pages]
    assert f"({len(texts)} halaman)" in printed.out and str(out) in printed.out
    first = " ".join(texts[0].split())
    assert DEMO_DRAFT in first
    assert "dikeluarkan dari bobot kelompok" in first
    assert "Kode daerah (NIK) : 1275" in first
    assert data_dump(database) == before


def test_draft_report_of_an_unknown_draft_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "seleksi.db"
    assert main(["--db", str(database), "demo", "--participants", "60", "--seed", "2"]) == 0
    capsys.readouterr()
    out = tmp_path / "laporan.pdf"
    assert main(["--db", str(database), "draft", "report", "99", "--out", str(out)]) == 1
    assert not out.exists()
    assert capsys.readouterr().err.strip()
