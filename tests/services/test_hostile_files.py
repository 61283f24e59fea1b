"""Hostile files cannot hurt (issue #9, item 4): limits, names and numbers, CSV exports.

The files are small on disk and hostile inside: a sheet whose cells sit at column XFD, a zip
member that unpacks to more than 200 MB, a CSV of one 10 MB cell, 300 columns, 600,000 rows.
Each is refused with a message naming the limit (and the row) before memory grows; the
peak memory of importing all of them is measured in a fresh interpreter.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.services.actor import Actor
from app.services.database import Database
from app.services.errors import ImportRejected
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import compute_ranking
from app.services.ranking_export import render_ranking
from app.services.scores_import import import_scores
from app.services.selections import SelectionInfo
from app.services.tabular import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    TableError,
    read_table,
    spreadsheet_safe,
)

ROOT = Path(__file__).resolve().parents[2]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PARTICIPANT_HEADER = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"]
WriteCsv = Callable[..., Path]


# --- building hostile files ------------------------------------------------------------------


def xlsx_with_sheet(
    path: Path, sheet: Iterable[bytes], shared: Iterable[bytes] | None = None
) -> Path:
    """A real workbook (openpyxl's own parts) whose first sheet is ``sheet``, streamed into
    the zip so that a member of hundreds of megabytes costs no memory to make."""
    template = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "x"  # type: ignore[index]
    workbook.save(template)
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                continue
            if shared is not None and info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/sharedStrings" Target="sharedStrings.xml" Id="rId9"/>'
                    b"</Relationships>",
                )
            if shared is not None and info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    b"</Types>",
                )
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for chunk in sheet:
                member.write(chunk)
        if shared is not None:
            with target.open("xl/sharedStrings.xml", "w") as member:
                for chunk in shared:
                    member.write(chunk)
    return path


def sheet_xml(rows: Iterable[bytes], dimension: str = "A1:D2") -> Iterable[bytes]:
    yield (
        f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>nomor_peserta</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>nama</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>tanggal_lahir</t></is></c>'
        '<c r="D1" t="inlineStr"><is><t>kode_formasi</t></is></c></row>'
    ).encode()
    yield from rows
    yield b"</sheetData></worksheet>"


def far_cells(path: Path, rows: int = 50_000) -> Path:
    """Claims A1:XFD1048576 and has a cell at XFD in every row: a reader that makes each row
    as wide as its last cell builds 16,384 cells per row (6.5 GB for these 50k rows)."""
    body = (
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="XFD{n}"><v>1</v></c></row>'.encode()
        for n in range(2, rows + 2)
    )
    return xlsx_with_sheet(path, sheet_xml(body, "A1:XFD1048576"))


def unpacks_too_far(path: Path) -> Path:
    """A sheet member of 210 MB of spaces, some 200 kB once compressed."""
    spaces = b" " * (1 << 20)
    return xlsx_with_sheet(path, [*sheet_xml([]), *([spaces] * 210)])


def long_shared_string(path: Path) -> Path:
    text = "A" * 20_000
    shared = [
        f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>{text}</t></si></sst>'.encode()
    ]
    row = b'<row r="2"><c r="A2"><v>7</v></c><c r="B2" t="s"><v>0</v></c></row>'
    return xlsx_with_sheet(path, sheet_xml([row]), shared)


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def many_columns(path: Path) -> Path:
    header = ",".join(f"kolom{i}" for i in range(300))
    return write_text(path, header + "\n" + ",".join("1" * 300) + "\n")


def wide_row(path: Path) -> Path:
    return write_text(path, "nomor_peserta,nama\n1,Ani" + ",x" * 250 + "\n")


def one_huge_cell(path: Path) -> Path:
    return write_text(path, 'nomor_peserta,nama\n1,"' + "A" * 10_000_000 + '"\n')


def too_many_rows(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("nomor_peserta\n")
        handle.writelines(f"{n}\n" for n in range(600_000))
    return path


def too_large(path: Path) -> Path:
    with path.open("wb") as handle:  # sparse: nothing is written but the size
        handle.truncate(MAX_FILE_BYTES + 1)
    return path


def too_many_parts(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(10_001):
            archive.writestr(f"x/{number}", b"")
    return path


HOSTILE: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # name: (builder, file name, the refusal's message id)
    "xlsx-far-cells": (far_cells, "jauh.xlsx", "file.too_many_columns"),
    "xlsx-zip-bomb": (unpacks_too_far, "bom.xlsx", "file.xlsx_too_large"),
    "xlsx-long-shared-string": (long_shared_string, "panjang.xlsx", "file.cell_too_long"),
    "xlsx-many-parts": (too_many_parts, "bagian.xlsx", "file.too_many_parts"),
    "csv-300-columns": (many_columns, "kolom.csv", "file.too_many_columns"),
    "csv-wide-row": (wide_row, "lebar.csv", "file.too_many_columns"),
    "csv-10mb-cell": (one_huge_cell, "sel.csv", "file.row_too_long"),
    "csv-600k-rows": (too_many_rows, "baris.csv", "file.too_many_rows"),
    "file-too-large": (too_large, "besar.csv", "file.too_large"),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {name: build(folder / file) for name, (build, file, _) in HOSTILE.items()}


# --- limits ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_naming_the_limit(hostile: dict[str, Path], name: str) -> None:
    with pytest.raises(TableError) as caught:
        read_table(hostile[name])
    assert caught.value.message == HOSTILE[name][2]


def test_the_messages_name_the_row_column_and_limit(tmp_path: Path) -> None:
    path = write_text(tmp_path / "p.csv", "nomor_peserta,nama\n1,Ani\n2," + "B" * 1001 + "\n")
    with pytest.raises(TableError) as caught:
        read_table(path)
    error = caught.value
    assert (error.message, error.params) == (
        "file.cell_too_long",
        {"name": "p.csv", "row": 3, "column": "B", "limit": MAX_CELL_CHARS},
    )
    with pytest.raises(TableError) as caught:
        read_table(write_text(tmp_path / "q.csv", "a,b\n1,x\x00y\n"))
    assert (caught.value.message, caught.value.params["row"]) == ("file.nul", 2)


def test_files_at_the_limits_are_read(tmp_path: Path) -> None:
    header = ",".join(f"k{i}" for i in range(MAX_COLUMNS))
    path = write_text(
        tmp_path / "p.csv", header + "\n" + ",".join(["x" * MAX_CELL_CHARS] * MAX_COLUMNS) + "\n"
    )
    [(number, cells)] = read_table(path).rows
    assert (number, len(cells), cells["k199"]) == (2, MAX_COLUMNS, "x" * MAX_CELL_CHARS)
    with (tmp_path / "n.csv").open("w", encoding="utf-8") as handle:
        handle.write("nomor_peserta\n")
        handle.writelines(f"{n}\n" for n in range(MAX_ROWS))
    assert len(read_table(tmp_path / "n.csv").rows) == MAX_ROWS


def test_a_claimed_dimension_and_empty_styled_cells_cost_nothing(tmp_path: Path) -> None:
    """Formatting down to the last row of the sheet is not data: it is read past quietly."""
    rows = [
        b'<row r="2"><c r="A2"><v>7</v></c><c r="B2" t="inlineStr"><is><t>Gita</t></is></c></row>'
    ]
    rows += [
        f'<row r="{n}"><c r="A{n}" s="1"/><c r="XFD{n}" s="1"/></row>'.encode()
        for n in range(3, 3000)
    ]
    rows += [b'<row r="1048576"><c r="XFD1048576" s="1"/></row>']
    path = xlsx_with_sheet(tmp_path / "gaya.xlsx", sheet_xml(rows, "A1:XFD1048576"))
    table = read_table(path)
    assert table.rows == [
        (2, {"nomor_peserta": "7", "nama": "Gita", "tanggal_lahir": "", "kode_formasi": ""})
    ]


_MEASURE = """
import json, resource, sys
from pathlib import Path
from app.services.actor import Actor
from app.services.errors import ImportRejected
from app.services.opening import open_database
from app.services.participants_import import import_participants
from app.services.schemes import load_preset_or_file
from app.services.selections import create_selection

resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # a broken reader fails, not the host
db = open_database(Path(sys.argv[1]))
actor = Actor("uji", "admin")
scheme = load_preset_or_file("binjai-kompetensi")
selection = create_selection(db, actor, scheme, "Uji", 2024, "X").id
refused = {}
for name, path in json.loads(sys.argv[2]).items():
    try:
        import_participants(db, actor, selection, Path(path))
    except ImportRejected as error:
        refused[name] = error.problems[0].message
# VmHWM, the peak of this process's own memory map: ru_maxrss of a child counts the parent's
# memory at the fork on Linux (a large test session measured 500 MB it never used).
status = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
hwm = [int(line.split()[1]) for line in status if line.startswith("VmHWM:")]
peak = (hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024
print(json.dumps({"refused": refused, "peak": peak}))
"""


def test_importing_hostile_files_stays_under_500_mb(
    hostile: dict[str, Path], tmp_path: Path
) -> None:
    """Today a 1.5 MB XLSX took 3 GB; each import here runs in one fresh interpreter."""
    files = {name: str(path) for name, path in hostile.items()}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(tmp_path / "ukur.db"), json.dumps(files)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["refused"] == {name: message for name, (_, _, message) in HOSTILE.items()}
    assert result["peak"] < 500 * 2**20, result["peak"]


# --- names and numbers -----------------------------------------------------------------------


@pytest.fixture
def binjai(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    make_selection: Callable[..., SelectionInfo],
    write_csv: WriteCsv,
) -> int:
    selection = make_selection("binjai-kompetensi").id
    import_formations(
        db,
        actor,
        selection,
        write_csv(
            tmp_path / "f.csv", ["kode_formasi", "jabatan", "kebutuhan"], [["B1", "Perawat", 1]]
        ),
    )
    return selection


@pytest.mark.parametrize(
    ("number", "name", "expected"),
    [
        ("12 34", "Ani", [(2, "nomor_peserta", "import.bad_number")]),
        ("1;2", "Ani", [(2, "nomor_peserta", "import.bad_number")]),
        ("=1+1", "Ani", [(2, "nomor_peserta", "import.bad_number")]),
        ("24-001/B.7", '=HYPERLINK("http://x","klik")', [(2, "nama", "import.formula_start")]),
        ("1", "+62 812", [(2, "nama", "import.formula_start")]),
        ("1", "-Budi", [(2, "nama", "import.formula_start")]),
        ("1", "@SUM(A1)", [(2, "nama", "import.formula_start")]),
        ("1", "\t=cmd|' /C calc'!A0", [(2, "nama", "import.formula_start")]),
        ("1", "Bu\x07di", [(2, "nama", "import.control_character")]),
        ("1", "Budi \u202esalah", [(2, "nama", "import.control_character")]),
        ("1", "B" * 201, [(2, "nama", "import.too_long")]),
    ],
    ids=[
        "space-in-number",
        "semicolon-in-number",
        "formula-number",
        "formula-name",
        "plus-name",
        "minus-name",
        "at-name",
        "tab-then-formula",
        "bell",
        "right-to-left-override",
        "201-characters",
    ],
)
def test_names_and_numbers_are_checked(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
    number: str,
    name: str,
    expected: list[tuple[int, str, str]],
) -> None:
    path = write_csv(tmp_path / "p.csv", PARTICIPANT_HEADER, [[number, name, "1990-01-01", "B1"]])
    with pytest.raises(ImportRejected) as caught:
        import_participants(db, actor, binjai, path)
    assert [(p.row, p.field, p.message) for p in caught.value.problems] == expected


def test_ordinary_names_and_numbers_pass(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    rows = [
        ["24300110000001", "Siti Nur'aini", "1990-01-01", "B1"],
        ["BNJ-02/2024.7", "Muhammad Al-Fatih", "1991-01-01", "B1"],
        ["3", "Dewi " + "S" * 195, "1992-01-01", "B1"],  # 200 characters
    ]
    assert (
        import_participants(
            db, actor, binjai, write_csv(tmp_path / "p.csv", PARTICIPANT_HEADER, rows)
        ).added
        == 3
    )


def test_an_assessor_name_like_a_formula_is_refused(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    import_participants(
        db,
        actor,
        binjai,
        write_csv(tmp_path / "p.csv", PARTICIPANT_HEADER, [["1", "Ani", "1990-01-01", "B1"]]),
    )
    path = write_csv(
        tmp_path / "n.csv",
        ["nomor_peserta", "komponen", "nilai", "penilai"],
        [["1", "PRAKTIK", "80", "=A1"]],
    )
    with pytest.raises(ImportRejected) as caught:
        import_scores(db, actor, binjai, path)
    assert [(p.row, p.field, p.message) for p in caught.value.problems] == [
        (2, "penilai", "import.formula_start")
    ]


# --- CSV written by the program ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+62", "'+62"),
        ("-x", "'-x"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Siti", "Siti"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_spreadsheet_safe(text: str, written: str) -> None:
    assert spreadsheet_safe(text) == written


def test_the_ranking_csv_neutralises_a_stored_formula_but_not_numbers(
    db: Database, db_path: Path, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    """A name stored before names were checked (or written into the file by hand) leaves the
    CSV as text; JSON, which no spreadsheet runs, keeps it as it is."""
    people = [["1", "Ani", "1990-01-01", "B1"], ["2", "Budi", "1991-01-01", "B1"]]
    import_participants(
        db, actor, binjai, write_csv(tmp_path / "p.csv", PARTICIPANT_HEADER, people)
    )
    import_scores(
        db,
        actor,
        binjai,
        write_csv(tmp_path / "n.csv", ["nomor_peserta", "PENGETAHUAN"], [["1", 80], ["2", 70]]),
    )
    before = render_ranking(compute_ranking(db, binjai), "csv")
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE participant SET name = '=1+2' WHERE number = '2'")
    connection.close()
    ranking = compute_ranking(db, binjai)
    text = render_ranking(ranking, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    budi = next(row for row in rows[1:] if row[header.index("nomor_peserta")] == "2")
    assert budi[header.index("nama")] == "'=1+2"
    # Everything else is the same text, byte for byte: scores, ranks, codes.
    assert text.replace("'=1+2", "Budi") == before
    records = json.loads(render_ranking(ranking, "json"))
    assert {r["nama"] for r in records} == {"Ani", "=1+2"}


def test_a_windows_1252_csv_from_excel_is_read_not_refused(tmp_path: Path) -> None:
    """Issue #10 §4: Excel's "CSV (dipisahkan koma)" on Indonesian Windows is Windows-1252."""
    from app.services.tabular import read_table

    path = tmp_path / "peserta.csv"
    data = "nomor_peserta;nama\n001;Andrés Ginting\n002;Siti Nurhaliza\n".encode("cp1252")
    path.write_bytes(data)
    table = read_table(path)
    assert table.encoding == "cp1252"
    assert [cells["nama"] for _number, cells in table.rows] == ["Andrés Ginting", "Siti Nurhaliza"]
    assert table.sha256 == hashlib.sha256(data).hexdigest()
    # A UTF-8 file stays UTF-8; bytes undefined even in Windows-1252 are still refused.
    path.write_bytes("nomor_peserta;nama\n001;Andrés\n".encode())
    assert read_table(path).encoding == "utf-8"
    path.write_bytes(b"nomor_peserta;nama\n001;A\x81B\n")
    with pytest.raises(TableError) as refused:
        read_table(path)
    assert refused.value.message == "file.not_utf8"
