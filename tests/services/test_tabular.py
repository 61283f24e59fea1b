"""Reading CSV and XLSX tables the way committees actually save them."""

from __future__ import annotations

import csv
import gc
import io
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from app import messages
from app.services import tabular
from app.services.tabular import (
    EXTRA,
    CellError,
    Table,
    TableError,
    normalize_header,
    parse_date,
    parse_decimal,
    parse_int,
    read_table,
    require_columns,
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def table_error(path: Path) -> TableError:
    with pytest.raises(TableError) as caught:
        read_table(path)
    return caught.value


# --- CSV ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_with_or_without_bom_and_any_delimiter(
    tmp_path: Path, bom: bytes, delimiter: str
) -> None:
    text = delimiter.join(["Nomor Peserta", "Nama", "Nilai"]) + "\r\n"
    text += delimiter.join(["001", "Siti", "80"]) + "\r\n"
    path = write(tmp_path, "peserta.csv", bom + text.encode("utf-8"))

    table = read_table(path)

    assert table == Table(
        path=path,
        headers=["nomor_peserta", "nama", "nilai"],
        rows=[(2, {"nomor_peserta": "001", "nama": "Siti", "nilai": "80"})],
    )


def test_decimal_comma_in_semicolon_file(tmp_path: Path) -> None:
    path = write(tmp_path, "nilai.csv", "nomor;twk;tiu\n1;72,5;80\n2;65;90,25\n")

    table = read_table(path)

    assert [cells for _, cells in table.rows] == [
        {"nomor": "1", "twk": "72,5", "tiu": "80"},
        {"nomor": "2", "twk": "65", "tiu": "90,25"},
    ]
    assert parse_decimal(table.rows[0][1]["twk"]) == Decimal("72.5")


def test_decimal_comma_in_quoted_comma_file(tmp_path: Path) -> None:
    path = write(tmp_path, "nilai.csv", 'nomor,twk\n1,"72,5"\n"2","65"\n')

    table = read_table(path)

    assert table.rows == [(2, {"nomor": "1", "twk": "72,5"}), (3, {"nomor": "2", "twk": "65"})]


def test_delimiter_is_sniffed_from_the_header_only(tmp_path: Path) -> None:
    # The data rows hold more commas than semicolons; the header decides.
    path = write(tmp_path, "nilai.csv", "nomor;nilai\n1;1,5\n2;2,5\n3;3,5\n")

    assert read_table(path).rows[0] == (2, {"nomor": "1", "nilai": "1,5"})


def test_delimiters_inside_quoted_header_cells_do_not_count(tmp_path: Path) -> None:
    path = write(tmp_path, "nilai.csv", '"a;b;c",d\n1,2\n')

    assert read_table(path).headers == ["a;b;c", "d"]


def test_one_column_file_keeps_commas_and_semicolons(tmp_path: Path) -> None:
    path = write(tmp_path, "nilai.csv", "nilai\n72,5\n7;3\n")

    assert read_table(path).rows == [(2, {"nilai": "72,5"}), (3, {"nilai": "7;3"})]


def test_quoted_line_break_stays_in_its_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "peserta.csv", 'nama,alamat\nSiti,"Jl. Mawar 1\nBandung"\nBudi,x\n')

    table = read_table(path)

    # Row numbers are records (what a spreadsheet shows), not physical lines of text.
    assert table.rows == [
        (2, {"nama": "Siti", "alamat": "Jl. Mawar 1\nBandung"}),
        (3, {"nama": "Budi", "alamat": "x"}),
    ]


def test_header_normalization(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "\ufeff  Nomor  Peserta ,TANGGAL_LAHIR,Kode Formasi\n1,2,3\n")

    assert read_table(path).headers == ["nomor_peserta", "tanggal_lahir", "kode_formasi"]


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("Nomor Peserta", "nomor_peserta"),
        ("nomor_peserta", "nomor_peserta"),
        ("  NAMA  ", "nama"),
        ("\ufeffnama", "nama"),
        ("Nomor\u00a0Peserta", "nomor_peserta"),
        ("", ""),
    ],
)
def test_normalize_header(raw: str, normalized: str) -> None:
    assert normalize_header(raw) == normalized


def test_duplicate_header_after_normalization(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "Nomor Peserta,nama,nomor_peserta\n1,a,1\n")

    error = table_error(path)

    assert error.message == "file.duplicate_column"
    assert error.params["column"] == "nomor_peserta"


def test_empty_rows_are_skipped_but_counted(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "a,b\n1,2\n\n,\n   ,  \t\n3,4\n")

    assert read_table(path).rows == [(2, {"a": "1", "b": "2"}), (6, {"a": "3", "b": "4"})]


def test_cells_are_stripped(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", 'a,b\n  1 ,"  x y  "\n\u00a02\u00a0,z\n')

    assert read_table(path).rows == [(2, {"a": "1", "b": "x y"}), (3, {"a": "2", "b": "z"})]


def test_short_rows_are_padded_and_extra_cells_kept_under_empty_key(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "a,,b,\n1\n1,x,2,y,z\n1,,2,,,,\n")

    table = read_table(path)

    assert table.headers == ["a", "b"]
    assert table.rows == [
        (2, {"a": "1", "b": ""}),
        (3, {"a": "1", "b": "2", EXTRA: "x | y | z"}),
        (4, {"a": "1", "b": "2"}),
    ]


def test_not_utf8(tmp_path: Path) -> None:
    # A byte that neither UTF-8 nor Windows-1252 defines (Excel's ANSI files are read).
    path = write(tmp_path, "p.csv", b"nama\nJos\x81\n")

    error = table_error(path)

    assert error.message == "file.not_utf8"
    assert error.params["line"] == 2
    assert "CSV UTF-8" in messages.t(error.message, error.params)


def test_unclosed_quote_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", 'a,b\n"1,2\n3,4\n')

    assert table_error(path).message == "file.bad_csv"


@pytest.mark.parametrize("content", ["", "\ufeff", "  \r\n\n"])
def test_empty_csv(tmp_path: Path, content: str) -> None:
    assert table_error(write(tmp_path, "p.csv", content)).message == "file.empty"


def test_csv_without_header(tmp_path: Path) -> None:
    assert table_error(write(tmp_path, "p.csv", "\n1,2\n")).message == "file.no_header"


def test_header_only_gives_no_rows(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "p.csv", "a;b\n"))

    assert (table.headers, table.rows) == (["a", "b"], [])


# --- files in general --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["p.xls", "p.txt", "p", "p.csv.bak"])
def test_unknown_extension(tmp_path: Path, name: str) -> None:
    error = table_error(write(tmp_path, name, "a,b\n"))

    assert error.message == "file.bad_extension"
    assert ".csv" in messages.t(error.message, error.params)
    assert ".xlsx" in messages.t(error.message, error.params)


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    assert read_table(write(tmp_path, "P.CSV", "a\n1\n")).rows == [(2, {"a": "1"})]


@pytest.mark.parametrize("name", ["missing.csv", "missing.xlsx"])
def test_missing_file(tmp_path: Path, name: str) -> None:
    error = table_error(tmp_path / name)

    assert error.message == "file.not_found"
    assert error.params == {"name": name}


def test_read_table_leaves_the_garbage_collector_as_it_was(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "a\n1\n")
    assert gc.isenabled()
    read_table(path)
    assert gc.isenabled()
    gc.disable()
    try:
        read_table(path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_every_message_id_is_in_the_catalogue() -> None:
    source = Path(tabular.__file__).read_text(encoding="utf-8")
    ids = set(re.findall(r'"((?:file|cell)\.[a-z_0-9]+)"', source))

    assert ids
    assert {message for message in ids if not messages.known(message)} == set()


# --- XLSX --------------------------------------------------------------------------------


def save(tmp_path: Path, rows: list[list[object]], name: str = "p.xlsx") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def test_xlsx_round_trip(tmp_path: Path) -> None:
    path = save(
        tmp_path,
        [
            ["Nomor Peserta", "Nilai", "Tanggal Lahir", "Catatan"],
            [12, 72.5, date(2000, 1, 31), None],
            [],
            [None, None, None, None],
            [13.0, 80.125, datetime(1999, 12, 1), "  ok  "],
            [14, 1e-05, datetime(1999, 12, 1, 8, 30), True],
        ],
    )

    table = read_table(path)

    assert table.headers == ["nomor_peserta", "nilai", "tanggal_lahir", "catatan"]
    assert table.rows == [
        (2, {"nomor_peserta": "12", "nilai": "72.5", "tanggal_lahir": "2000-01-31", "catatan": ""}),
        (
            5,
            {
                "nomor_peserta": "13",
                "nilai": "80.125",
                "tanggal_lahir": "1999-12-01",
                "catatan": "ok",
            },
        ),
        (
            6,
            {
                "nomor_peserta": "14",
                "nilai": "0.00001",
                "tanggal_lahir": "1999-12-01 08:30:00",
                "catatan": "TRUE",
            },
        ),
    ]
    assert parse_date(table.rows[0][1]["tanggal_lahir"]) == date(2000, 1, 31)
    with pytest.raises(ValueError):
        parse_date(table.rows[2][1]["tanggal_lahir"])


def test_xlsx_reads_the_first_sheet_and_keeps_physical_row_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    first = workbook.active
    first["A1"] = "Nama"
    first["B1"] = "Nilai"
    first["A7"] = "Siti"
    first["B7"] = 80
    first["C9"] = "stray"
    workbook.create_sheet("Lain")["A1"] = "other"
    path = tmp_path / "p.xlsx"
    workbook.save(path)

    table = read_table(path)

    assert table.rows == [
        (7, {"nama": "Siti", "nilai": "80"}),
        (9, {"nama": "", "nilai": "", EXTRA: "stray"}),
    ]


def test_xlsx_duplicate_header(tmp_path: Path) -> None:
    error = table_error(save(tmp_path, [["Nama", "NAMA"], ["a", "b"]]))

    assert (error.message, error.params["column"]) == ("file.duplicate_column", "nama")


def test_xlsx_empty_sheet(tmp_path: Path) -> None:
    assert table_error(save(tmp_path, [])).message == "file.empty"


def test_xlsx_without_header(tmp_path: Path) -> None:
    assert table_error(save(tmp_path, [[], ["a", "b"]])).message == "file.no_header"


def test_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    error = table_error(write(tmp_path, "p.xlsx", "a,b\n1,2\n"))

    assert error.message == "file.bad_xlsx"


# --- required columns --------------------------------------------------------------------


def test_require_columns_reports_each_missing_column_at_row_one() -> None:
    table = Table(path=Path("p.csv"), headers=["nomor_peserta", "nama"], rows=[])

    errors = require_columns(table, ["Nomor Peserta", "nama", "nilai", "kode_formasi"])

    assert errors == [
        CellError(1, "nilai", "file.missing_column", {"column": "nilai"}),
        CellError(1, "kode_formasi", "file.missing_column", {"column": "kode_formasi"}),
    ]
    assert require_columns(table, ["nama"]) == []


# --- parsing cells -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("72", "72"),
        ("72.5", "72.5"),
        ("72,5", "72.5"),
        ("-1.5", "-1.5"),
        ("+3", "3"),
        ("  80,25 ", "80.25"),
        ("0.1", "0.1"),
        ("007", "7"),
        ("100.000", "100"),
    ],
)
def test_parse_decimal_accepts(text: str, value: str) -> None:
    result = parse_decimal(text)

    assert isinstance(result, Decimal)
    assert result == Decimal(value)


def test_parse_decimal_is_exact() -> None:
    assert parse_decimal("0,1") + parse_decimal("0.2") == Decimal("0.3")
    assert str(parse_decimal("72,50")) == "72.50"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "nan",
        "NaN",
        "inf",
        "-Infinity",
        "1e3",
        "1E3",
        "1.234,5",
        "1,234.5",
        "1.234.567",
        "1 234",
        ".5",
        "5.",
        "--1",
        "72,5%",
        "٧٢",
        "0x10",
        "1_000",
    ],
)
def test_parse_decimal_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2000-01-31", date(2000, 1, 31)),
        ("31-01-2000", date(2000, 1, 31)),
        ("31/01/2000", date(2000, 1, 31)),
        ("2000/01/31", date(2000, 1, 31)),
        ("2000-01-31 00:00:00", date(2000, 1, 31)),
        ("1-2-2000", date(2000, 2, 1)),
        (" 29-02-2024 ", date(2024, 2, 29)),
    ],
)
def test_parse_date_accepts(text: str, value: date) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "31-02-2000",
        "29-02-2023",
        "2000-13-01",
        "00-01-2000",
        "2000-01-31 08:30:00",
        "2000-01/31",
        "31-01-00",
        "20000131",
        "31 Januari 2000",
        "0000-01-01",
        "2000-1-31x",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("3", 3), (" 3 ", 3), ("3.0", 3), ("3,00", 3), ("-2", -2), ("0", 0)],
)
def test_parse_int_accepts(text: str, value: int) -> None:
    result = parse_int(text)

    assert type(result) is int
    assert result == value


@pytest.mark.parametrize("text", ["3.5", "", "abc", "1e3", "3,1"])
def test_parse_int_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_int(text)


# --- property: what csv.writer writes, read_table reads ------------------------------------

header_cells = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _",
    min_size=1,
    max_size=12,
).filter(lambda text: normalize_header(text) != "")

data_cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")),
    max_size=10,
)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    headers = draw(st.lists(header_cells, min_size=1, max_size=5, unique_by=normalize_header))
    width = len(headers)
    rows = draw(st.lists(st.lists(data_cells, min_size=width, max_size=width), max_size=8))
    return headers, rows


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(table=tables(), delimiter=st.sampled_from([",", ";"]), bom=st.booleans())
def test_csv_writer_round_trip(
    tmp_path: Path, table: tuple[list[str], list[list[str]]], delimiter: str, bom: bool
) -> None:
    headers, rows = table
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    path = write(tmp_path, "round.csv", ("\ufeff" if bom else "") + buffer.getvalue())

    result = read_table(path)

    names = [normalize_header(header) for header in headers]
    expected = [
        (number, dict(zip(names, [cell.strip() for cell in row], strict=True)))
        for number, row in enumerate(rows, start=2)
        if any(cell.strip() for cell in row)
    ]
    assert result.headers == names
    assert result.rows == expected
