"""The FGD questionnaire (issue #14 §1): the paper form read back, and the workbook's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.services.actor import Actor
from app.services.errors import UserError
from app.services.fgd_questionnaire import HEADER, questionnaire_pdf, questionnaire_workbook
from app.services.schemes import load_preset_or_file

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
    cpns = make_selection("cpns-2024")
    with pytest.raises(UserError) as refused:
        questionnaire_pdf(db, cpns.id, "SKD")  # a sum of scores: nothing to weigh
    assert refused.value.message == "fgd.stage_not_weighted"
    with pytest.raises(UserError) as refused:
        questionnaire_workbook(db, info.id, tmp_path / "k.xlsx", respondents=0)
    assert refused.value.message == "questionnaire.bad_count"
    assert not (tmp_path / "k.xlsx").exists()


def test_the_workbook_filled_in_is_read_back_by_fgd_weights(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """The whole paper round: print, type what twelve respondents ticked, weigh."""
    import json

    monkeypatch.setenv("SELEKSI_USER", "ketua")
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-ketua")

    from app.cli import main
    from app.demo.fgd import fgd_rows
    from app.scoring.ahp import stage_criteria

    database = str(tmp_path / "seleksi.db")
    assert main(["--db", database, "demo", "--participants", "20"]) == 0
    workbook, paper = tmp_path / "kuesioner.xlsx", tmp_path / "kuesioner.pdf"
    assert main(["--db", database, "fgd", "questionnaire", "--out", str(paper),
                 "--xlsx", str(workbook), "--respondents", "12"]) == 0  # fmt: skip
    assert paper.exists() and "12 responden" in capsys.readouterr().out
    levels = stage_criteria(load_preset_or_file("binjai-kompetensi").stages[-1])
    answers = fgd_rows([name for codes in levels.values() for name in codes])
    said = {(r["responden"], r["kriteria_a"], r["kriteria_b"]): r for r in answers}
    people = list(dict.fromkeys(r["responden"] for r in answers))
    book = load_workbook(workbook)
    sheet = book["Penilaian"]
    pairs_per_person = (sheet.max_row - 1) // 12
    for index, row in enumerate(sheet.iter_rows(min_row=2)):
        person = people[index // pairs_per_person]
        found = said.get((person, row[3].value, row[4].value))
        sample = next(r for r in answers if r["responden"] == person)
        row[0].value, row[1].value = person, sample["kelompok"]
        row[2].value = sample["bobot_kelompok"]
        row[5].value = found["nilai"] if found else None
    book.save(workbook)
    out = tmp_path / "bobot.json"
    assert main(["--db", database, "fgd", "weights", str(workbook), "--stage", "AKHIR",
                 "--json", str(out)]) == 0  # fmt: skip
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert len(figures["respondents"]) == 12
    assert sum(figures["percent"].values()) == 100
