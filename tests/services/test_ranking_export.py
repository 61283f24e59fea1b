"""A ranking as a file: the CLI's CSV/JSON/table text and the same rows as XLSX."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from app import cli
from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.services.ranking import Ranking, compute_ranking
from app.services.ranking_export import (
    _table,
    csv_text,
    render_ranking,
    spreadsheet_value,
    write_ranking_text,
    write_ranking_xlsx,
)


@pytest.fixture
def ranking(db: Database) -> Ranking:
    # Without the demo's performance step, which ranks once: this ranking is computed here,
    # not shared with the process's kept results, so a test may change its names.
    info = create_demo(
        db, Actor("admin", "admin"), "cpns-2024", participants=150, seed=6, performance=False
    )
    return compute_ranking(db, info.id)


def test_the_cli_renders_through_the_shared_module() -> None:
    assert cli.render_ranking is render_ranking


def test_csv_has_the_contract_header_and_every_record(ranking: Ranking) -> None:
    text = render_ranking(ranking, "csv")
    assert "\r" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ranking.header()
    assert rows[0][:5] == ["tahap", "kode_formasi", "peringkat", "nomor_peserta", "nama"]
    assert rows[0][-3:] == ["nilai_akhir", "kode", "catatan"]
    assert rows[1:] == [[r[k] for k in ranking.header()] for r in ranking.records()]


def test_json_types_ranks_and_empties(ranking: Ranking) -> None:
    items = json.loads(render_ranking(ranking, "json"))
    assert len(items) == len(ranking.rows)
    for item, row in zip(items, ranking.rows, strict=True):
        assert item["peringkat"] == row.rank
        assert item["kode"] == (row.code or None)
        assert item["nilai_akhir"] == (None if row.final is None else f"{row.final:.3f}")


def test_table_aligns_numbers_right_and_text_left() -> None:
    text = _table(
        ["nama", "peringkat", "nilai_akhir", "kode"],
        [["Ani", "1", "85.667", "P/L"], ["Budi Santoso", "10", "7.000", ""]],
    )
    assert text.splitlines() == [
        "nama          peringkat  nilai_akhir  kode",
        "------------  ---------  -----------  ----",
        "Ani                   1       85.667  P/L",
        "Budi Santoso         10        7.000",
    ]


def test_text_file_is_written_without_newline_translation(ranking: Ranking, tmp_path: Path) -> None:
    path = tmp_path / "peringkat.csv"
    write_ranking_text(ranking, path)
    assert path.read_bytes() == render_ranking(ranking, "csv").encode("utf-8")


@pytest.mark.parametrize(
    ("column", "text", "value"),
    [
        ("peringkat", "3", 3),
        ("nilai_akhir", "81.978", Decimal("81.978")),
        ("TWK", "TH", "TH"),
        ("PSIKOTES", "MS", "MS"),
        ("nomor_peserta", "0012", "0012"),
        ("kode", "P/L", "P/L"),
        ("nilai_akhir", "", None),
    ],
)
def test_spreadsheet_values(column: str, text: str, value: object) -> None:
    assert spreadsheet_value(column, text) == value
    assert type(spreadsheet_value(column, text)) is type(value)


def test_xlsx_stores_the_decimal_digits_exactly(ranking: Ranking, tmp_path: Path) -> None:
    path = tmp_path / "peringkat.xlsx"
    write_ranking_xlsx(ranking, path)
    records = ranking.records()
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    # openpyxl's own number writing would give 81.97799999999999 for 81.978.
    assert "99999" not in xml
    for record in records:
        if record["nilai_akhir"]:
            assert f"<v>{record['nilai_akhir']}</v>" in xml
    sheet = load_workbook(path).active
    assert sheet.title == ranking.stage.code
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == ranking.header()
    final = ranking.header().index("nilai_akhir")
    for row, record in zip(rows[1:], records, strict=True):
        if record["nilai_akhir"]:
            assert f"{row[final]:.3f}" == record["nilai_akhir"]


def test_xlsx_never_turns_a_name_into_a_formula(ranking: Ranking, tmp_path: Path) -> None:
    formula = '=HYPERLINK("http://contoh.invalid","klik")'
    names = ranking.blocks[0].names
    assert isinstance(names, list)  # this test's own ranking: its first name is changed
    names[0] = formula
    path = tmp_path / "peringkat.xlsx"
    write_ranking_xlsx(ranking, path)
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    sheet = load_workbook(path).active
    name = ranking.header().index("nama")
    assert sheet.cell(row=2, column=name + 1).value == formula == ranking.rows[0].name
    assert sheet.cell(row=2, column=name + 1).data_type == "s"


def test_table_ends_with_the_one_legend(db: Database) -> None:
    """The terminal table explains its codes with the legend the window and the PDF use."""
    info = create_demo(db, Actor("admin", "admin"), "cpns-2024", participants=60, seed=3)
    ranking = compute_ranking(db, info.id, "SKD")
    text = render_ranking(ranking, "table")
    head, legend = text.split("\nKeterangan kode:\n")
    lines = [line.split(None, 1) for line in legend.splitlines()]
    assert lines[0] == ["P/L", "memenuhi nilai ambang batas dan mengikuti tahap berikutnya"]
    assert lines[2] == ["TL", "tidak memenuhi nilai ambang batas"]
    assert legend.splitlines()[-1].split() == ["BELUM", "LENGKAP", "nilai", "belum", "lengkap"]
    assert "SERI" not in legend  # a tie at the SKD cut goes on: nothing to decide
    assert head.splitlines()[0].split() == ranking.header()


CELLS = st.text(alphabet=st.sampled_from(list('ab ,"\n\r\t;é\x00\u2028')), max_size=4)


@st.composite
def parts(draw: st.DrawFn) -> list[list[tuple[str, ...]]]:
    """Groups of rows, all of one width (a header and the rows of a ranking)."""
    width = draw(st.integers(1, 5))
    row = st.lists(CELLS, min_size=width, max_size=width).map(tuple)
    return draw(st.lists(st.lists(row, max_size=4), max_size=3))


@given(parts())
def test_csv_text_is_what_the_csv_writer_writes(groups: list[list[tuple[str, ...]]]) -> None:
    buffer = io.StringIO()
    for rows in groups:
        csv.writer(buffer, lineterminator="\n").writerows(rows)
    columns = [[list(cells) for cells in zip(*rows, strict=True)] for rows in groups]
    assert csv_text(*columns) == buffer.getvalue()
