"""The FGD questionnaire (issue #14 §1): the paper form read back, and the workbook's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.services.actor import Actor
from app.services.errors import UserError
from app.services.fgd_questionnaire import HEADER, questionnaire_pdf, questionnaire_workbook

ADMIN = Actor("ketua", "admin")


def test_the_paper_form_names_every_pair(db, make_selection, tmp_path: Path) -> None:
    info = make_selection("binjai-kompetensi", name="Seleksi Kompetensi 2024")
    document = questionnaire_pdf(db, info.id)
    path = tmp_path / f"{document.name}.pdf"
    path.write_bytes(document.data)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "KUESIONER PERBANDINGAN BERPASANGAN" in text
    assert "Pembobotan kriteria tahap AKHIR" in text and "Seleksi Kompetensi 2024 (2024)" in text
    assert "9 pasangan" in text  # 3 components, 4 aspects of PRAKTIK: 3 + 6
    assert "Bagian 1. Antarkomponen AKHIR" in text
    assert "Bagian 2. Antaraspek komponen" in text
    assert document.pages == len(PdfReader(path).pages) >= 1


def test_the_workbook_has_a_block_of_pairs_per_respondent(db, make_selection, tmp_path) -> None:
    info = make_selection("binjai-kompetensi")
    out = questionnaire_workbook(db, info.id, tmp_path / "kuesioner.xlsx", respondents=3)
    book = load_workbook(out)
    rows = list(book["Penilaian"].iter_rows(values_only=True))
    assert rows[0] == HEADER
    assert len(rows) == 1 + 3 * 9
    first = [(r[3], r[4]) for r in rows[1:10]]
    assert first[0] == ("PENGETAHUAN", "PRAKTIK") and first[3] == (
        "PRAKTIK.TEKNIS",
        "PRAKTIK.KETEPATAN",
    )
    assert [(r[3], r[4]) for r in rows[10:19]] == first
    assert all(r[0] is None and r[5] is None for r in rows[1:])
    names = dict(row[:2] for row in book["Petunjuk"].iter_rows(min_row=4, values_only=True))
    assert names["PRAKTIK.TEKNIS"] == "Keterampilan teknis"


def test_refusals(db, make_selection, tmp_path) -> None:
    info = make_selection("binjai-kompetensi")
    with pytest.raises(UserError) as refused:
        questionnaire_pdf(db, info.id, "SKB")
    assert refused.value.message == "stage.not_found"
    with pytest.raises(UserError) as refused:
        questionnaire_workbook(db, info.id, tmp_path / "k.xlsx", respondents=0)
    assert refused.value.message == "questionnaire.bad_count"
    assert not (tmp_path / "k.xlsx").exists()
