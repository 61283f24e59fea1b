"""Importing formations, participants and scores into a real database file.

Every rejection must name the spreadsheet row (header = 1) and the field, in Indonesian, and
leave the database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.services.actor import Actor
from app.services.database import Database
from app.services.errors import ImportRejected, UserError
from app.services.participants_import import import_formations, import_participants
from app.services.scores_import import import_scores
from app.services.selections import SelectionInfo

FORMATION_HEADER = ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"]
PARTICIPANT_HEADER = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"]
ASPECTS = ("TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI")

Problem = tuple[int, str, str]
WriteCsv = Callable[..., Path]
Rejected = Callable[[Callable[[], object]], ImportRejected]


def problems(error: ImportRejected) -> list[Problem]:
    return [(p.row, p.field, p.message) for p in error.problems]


@pytest.fixture
def rejected(db_path: Path, dump: Callable[[Path], str]) -> Rejected:
    """Run an import that must be refused; the file must be the same row for row after it."""

    def run(action: Callable[[], object]) -> ImportRejected:
        before = dump(db_path)
        with pytest.raises(ImportRejected) as caught:
            action()
        assert dump(db_path) == before
        return caught.value

    return run


def score_rows(db: Database) -> list[tuple[str, str, str, str, int | None, str | None, int]]:
    """(number, component, assessor, aspect, milli, text, absent), sorted."""
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT p.number, c.code, s.assessor, s.aspect, s.value_milli, s.value_text, s.absent"
            " FROM score s JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id"
            " ORDER BY p.number, c.code, s.assessor, s.aspect"
        ).fetchall()
    return rows


@pytest.fixture
def binjai(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    make_selection: Callable[..., SelectionInfo],
    write_csv: WriteCsv,
) -> int:
    """A Binjai selection with formation B1 (1 vacancy) and participants 1–3."""
    selection = make_selection("binjai-kompetensi").id
    import_formations(
        db,
        actor,
        selection,
        write_csv(tmp_path / "formasi.csv", FORMATION_HEADER, [["B1", "Perawat", "RSUD", "D3", 1]]),
    )
    import_participants(
        db,
        actor,
        selection,
        write_csv(
            tmp_path / "peserta.csv",
            PARTICIPANT_HEADER,
            [
                ["1", "Ani", "1990-01-01", "B1"],
                ["2", "Budi", "1991-01-01", "B1"],
                ["3", "Cici", "1992-01-01", "B1"],
            ],
        ),
    )
    return selection


@pytest.fixture
def cpns(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    make_selection: Callable[..., SelectionInfo],
    write_csv: WriteCsv,
) -> int:
    """A CPNS selection, formation C1 (1 vacancy: SKD cut 3), SKD scored.

    101–103 reach AKHIR (P/L); 104 is outside the cut (P); 105 is below TWK's threshold (TL).
    """
    selection = make_selection("cpns-2024").id
    import_formations(
        db,
        actor,
        selection,
        write_csv(
            tmp_path / "formasi.csv", FORMATION_HEADER, [["C1", "Analis", "BKPSDM", "S1", 1]]
        ),
    )
    import_participants(
        db,
        actor,
        selection,
        write_csv(
            tmp_path / "peserta.csv",
            PARTICIPANT_HEADER,
            [[str(n), f"Peserta {n}", "1995-05-05", "C1"] for n in range(101, 106)],
        ),
    )
    import_scores(
        db,
        actor,
        selection,
        write_csv(
            tmp_path / "skd.csv",
            ["nomor_peserta", "TWK", "TIU", "TKP"],
            [
                ["101", 100, 100, 180],
                ["102", 90, 110, 180],
                ["103", 85, 90, 170],
                ["104", 80, 85, 170],
                ["105", 60, 100, 180],
            ],
        ),
    )
    return selection


# --- formations ------------------------------------------------------------------------------


def test_formations_semicolon_bom_then_reimport_upserts(
    db: Database,
    actor: Actor,
    tmp_path: Path,
    make_selection: Callable[..., SelectionInfo],
    write_csv: WriteCsv,
) -> None:
    selection = make_selection("binjai-kompetensi").id
    path = tmp_path / "formasi.csv"
    path.write_bytes(
        "\ufeffKode Formasi;Jabatan;Unit Kerja;Pendidikan;Kebutuhan\n"
        "b1;Perawat Terampil;RSUD Dr. R.M. Djoelham;D-III Keperawatan;2\n"
        "B2;Guru Kelas;Dinas Pendidikan;S-1 PGSD;1\n".encode()
    )
    summary = import_formations(db, actor, selection, path)
    assert (summary.added, summary.updated) == (2, 0)

    again = write_csv(
        tmp_path / "formasi2.csv",
        FORMATION_HEADER,
        [
            ["B1", "Perawat Ahli", "RSUD", "S-1 Ners", 3],
            ["B3", "Pranata Komputer", "Diskominfo", "", 1],
        ],
    )
    summary = import_formations(db, actor, selection, again, replace=True, reason="koreksi berkas")
    assert (summary.added, summary.updated, summary.total) == (1, 1, 2)
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT code, position_title, quota FROM formation ORDER BY code"
        ).fetchall()
    assert rows == [
        ("B1", "Perawat Ahli", 3),
        ("B2", "Guru Kelas", 1),  # not in the second file: kept
        ("B3", "Pranata Komputer", 1),
    ]


def test_formations_from_xlsx(
    db: Database, actor: Actor, tmp_path: Path, make_selection: Callable[..., SelectionInfo]
) -> None:
    selection = make_selection("binjai-kompetensi").id
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["KODE_FORMASI", "Jabatan", "Unit Kerja", "Pendidikan", "Kebutuhan"])
    sheet.append(["X1", "Bidan", "Puskesmas", "D3", 2])
    sheet.append(["X2", "Perawat", "Puskesmas", "D3", 1.0])
    path = tmp_path / "formasi.xlsx"
    workbook.save(path)
    summary = import_formations(db, actor, selection, path)
    assert summary.added == 2
    with db.reading() as connection:
        quotas = dict(connection.execute("SELECT code, quota FROM formation").fetchall())
    assert quotas == {"X1": 2, "X2": 1}


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (
            ["kode_formasi", "jabatan"],
            [["B1", "Perawat"]],
            [(1, "kebutuhan", "import.missing_column")],
        ),
        (
            FORMATION_HEADER,
            [["B1", "Perawat", "", "", 1], ["b1", "Bidan", "", "", 1]],
            [(3, "kode_formasi", "import.duplicate")],
        ),
        (
            FORMATION_HEADER,
            [["B1", "Perawat", "", "", "dua"], ["B2", "", "", "", 0]],
            [
                (2, "kebutuhan", "import.not_whole_number"),
                (3, "jabatan", "import.required"),
                (3, "kebutuhan", "import.at_least_one"),
            ],
        ),
    ],
    ids=["missing-column", "duplicate-code", "bad-cells"],
)
def test_formation_rejections(
    db: Database,
    db_path: Path,
    actor: Actor,
    tmp_path: Path,
    make_selection: Callable[..., SelectionInfo],
    header: list[str],
    rows: list[list[object]],
    expected: list[Problem],
    write_csv: WriteCsv,
    rejected: Rejected,
) -> None:
    selection = make_selection("binjai-kompetensi").id
    path = write_csv(tmp_path / "formasi.csv", header, rows)
    error = rejected(lambda: import_formations(db, actor, selection, path))
    assert problems(error) == expected
    assert error.file == "formasi.csv"


# --- participants ----------------------------------------------------------------------------


def test_participants_semicolon_decimal_comma_bom_day_first(
    db: Database, actor: Actor, tmp_path: Path, binjai: int
) -> None:
    path = tmp_path / "peserta-baru.csv"
    path.write_bytes(
        "\ufeffNomor Peserta;Nama;Tanggal Lahir;Kode Formasi;NIK;IPK;Sesi\n"
        "24001;Siti  Aminah;31-12-1996;b1;1275014107960001;3,75;Sesi 1\n"
        "24002;Rudi Hartono;1995-02-03;B1;;3.5;\n".encode()
    )
    summary = import_participants(db, actor, binjai, path)
    assert (summary.added, summary.updated) == (2, 0)
    with db.reading() as connection:
        people = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT number, name, birth_date, nik, ipk, session FROM participant"
                " WHERE number IN ('24001', '24002')"
            )
        }
    # Dates as ISO text, decimals as their exact digits (the models' Date and DecimalText).
    assert people["24001"] == ("Siti Aminah", "1996-12-31", "1275014107960001", "3.75", "Sesi 1")
    assert people["24002"] == ("Rudi Hartono", "1995-02-03", "", "3.5", "")


def test_participants_from_xlsx_with_date_cells(
    db: Database, actor: Actor, tmp_path: Path, binjai: int
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Nomor Peserta", "Nama", "Tanggal Lahir", "Kode Formasi", "IPK"])
    sheet.append(["0007", "Dewi", datetime(1993, 4, 5), "B1", 3.25])
    sheet.append([8, "Eko", "06-07-1994", "B1", None])
    path = tmp_path / "peserta.xlsx"
    workbook.save(path)
    summary = import_participants(db, actor, binjai, path)
    assert summary.added == 2
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT number, birth_date, ipk FROM participant WHERE number IN ('0007', '8')"
        ).fetchall()
    assert sorted(rows) == [("0007", "1993-04-05", "3.25"), ("8", "1994-07-06", None)]


def test_participants_reimport_replaces_and_adds(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    path = write_csv(
        tmp_path / "ulang.csv",
        PARTICIPANT_HEADER,
        [["1", "Ani Lestari", "02-01-1990", "B1"], ["9", "Baru", "1999-09-09", "B1"]],
    )
    summary = import_participants(db, actor, binjai, path, replace=True, reason="koreksi berkas")
    assert (summary.added, summary.updated) == (1, 1)
    with db.reading() as connection:
        names = dict(connection.execute("SELECT number, name FROM participant").fetchall())
    assert names == {"1": "Ani Lestari", "2": "Budi", "3": "Cici", "9": "Baru"}


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (
            ["nomor_peserta", "nama", "kode_formasi"],
            [["10", "Fajar", "B1"]],
            [(1, "tanggal_lahir", "import.missing_column")],
        ),
        (
            PARTICIPANT_HEADER,
            [["10", "Fajar", "1990-01-01", "B1"], ["10", "Gita", "1990-01-01", "B1"]],
            [(3, "nomor_peserta", "import.duplicate")],
        ),
        (
            PARTICIPANT_HEADER,
            [["10", "Fajar", "1990-01-01", "B1"], ["11", "Gita", "1990-01-01", "Z9"]],
            [(3, "kode_formasi", "import.unknown_formation")],
        ),
        (
            [*PARTICIPANT_HEADER, "nik"],
            [
                ["10", "Fajar", "1990-01-01", "B1", "127501410796000"],
                ["11", "Gita", "1990-01-01", "B1", "12750141079600AB"],
            ],
            [(2, "nik", "import.bad_nik"), (3, "nik", "import.bad_nik")],
        ),
        (
            PARTICIPANT_HEADER,
            [["10", "Fajar", "31-02-1990", "B1"], ["11", "Gita", "1990/13/01", "B1"]],
            [(2, "tanggal_lahir", "import.bad_date"), (3, "tanggal_lahir", "import.bad_date")],
        ),
        (
            [*PARTICIPANT_HEADER, "ipk"],
            [["10", "Fajar", "1990-01-01", "B1", "101"], ["11", "", "", "B1", "tiga"]],
            [
                (2, "ipk", "import.range"),
                (3, "nama", "import.required"),
                (3, "tanggal_lahir", "import.required"),
                (3, "ipk", "import.not_number"),
            ],
        ),
    ],
    ids=["missing-column", "duplicate", "unknown-formation", "bad-nik", "bad-date", "bad-cells"],
)
def test_participant_rejections(
    db: Database,
    db_path: Path,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    header: list[str],
    rows: list[list[object]],
    expected: list[Problem],
    write_csv: WriteCsv,
    rejected: Rejected,
) -> None:
    path = write_csv(tmp_path / "peserta-salah.csv", header, rows)
    error = rejected(lambda: import_participants(db, actor, binjai, path))
    assert problems(error) == expected
    lines = error.lines()
    assert len(lines) == len(expected)
    for line, (row, field, _message) in zip(lines, expected, strict=True):
        assert line.startswith("peserta-salah.csv: baris ")
        assert f"baris {row}, kolom {field}: " in line


def test_participant_lines_are_indonesian(
    db: Database,
    db_path: Path,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
    rejected: Rejected,
) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [*PARTICIPANT_HEADER, "nik"],
        [["10", "Fajar", "1990-01-01", "Z9", "123"], ["10", "Gita", "1990-01-01", "B1", ""]],
    )
    error = rejected(lambda: import_participants(db, actor, binjai, path))
    assert error.lines() == [
        "p.csv: baris 2, kolom kode_formasi: formasi 'Z9' tidak dikenal",
        "p.csv: baris 2, kolom nik: NIK '123' harus 16 angka",
        "p.csv: baris 3, kolom nomor_peserta: sama dengan baris 2",
    ]
    assert "tidak ada data yang disimpan" in error.text()


def test_participants_need_formations_first(
    db: Database,
    db_path: Path,
    actor: Actor,
    tmp_path: Path,
    make_selection: Callable[..., SelectionInfo],
    write_csv: WriteCsv,
    dump: Callable[[Path], str],
) -> None:
    selection = make_selection("pppk-2024").id
    path = write_csv(tmp_path / "p.csv", PARTICIPANT_HEADER, [["1", "Ani", "1990-01-01", "B1"]])
    before = dump(db_path)
    with pytest.raises(UserError) as caught:
        import_participants(db, actor, selection, path)
    assert caught.value.message == "import.no_formations"
    assert dump(db_path) == before


def test_unreadable_file_is_rejected_whole(
    db: Database, db_path: Path, actor: Actor, tmp_path: Path, binjai: int, rejected: Rejected
) -> None:
    missing = tmp_path / "tidak-ada.csv"
    error = rejected(lambda: import_participants(db, actor, binjai, missing))
    assert [p.message for p in error.problems] == ["file.not_found"]
    assert error.lines() == ["tidak-ada.csv: berkas tidak-ada.csv tidak ditemukan"]


# --- scores ----------------------------------------------------------------------------------


def test_wide_form_with_th_and_decimal_comma(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    path = write_csv(
        tmp_path / "nilai.csv",
        ["nomor_peserta", "Pengetahuan", "Psikotes"],
        [["1", "80", "75,0"], ["2", "TH", ""], ["3", "th", "60"]],
        delimiter=";",
    )
    summary = import_scores(db, actor, binjai, path)
    assert (summary.added, summary.updated) == (5, 0)  # an empty cell is not a value
    assert score_rows(db) == [
        ("1", "PENGETAHUAN", "", "", 80000, None, 0),
        ("1", "PSIKOTES", "", "", 75000, None, 0),
        ("2", "PENGETAHUAN", "", "", None, None, 1),
        ("3", "PENGETAHUAN", "", "", None, None, 1),
        ("3", "PSIKOTES", "", "", 60000, None, 0),
    ]


def test_long_form_with_assessors_and_reimport_replaces(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    header = ["nomor_peserta", "komponen", "nilai", "penilai"]
    first = write_csv(
        tmp_path / "nilai.csv",
        header,
        [
            ["1", "PRAKTIK", "70", "Penilai A"],
            ["1", "praktik", "75", "Penilai  B"],
            ["1", "PENGETAHUAN", "80", ""],
        ],
    )
    assert import_scores(db, actor, binjai, first).added == 3
    second = write_csv(
        tmp_path / "nilai2.csv",
        header,
        [["1", "PRAKTIK", "72", "Penilai A"], ["2", "PENGETAHUAN", "90", ""]],
    )
    summary = import_scores(db, actor, binjai, second, replace=True, reason="koreksi berkas")
    assert (summary.added, summary.updated) == (1, 1)
    assert score_rows(db) == [
        ("1", "PENGETAHUAN", "", "", 80000, None, 0),
        ("1", "PRAKTIK", "Penilai A", "", 72000, None, 0),
        ("1", "PRAKTIK", "Penilai B", "", 75000, None, 0),
        ("2", "PENGETAHUAN", "", "", 90000, None, 0),
    ]


def test_scores_from_xlsx(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, rejected: Rejected
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["nomor_peserta", "PENGETAHUAN", "PSIKOTES"])
    sheet.append([1, 88, 61.5])  # 61.5 is off PSIKOTES' step of 1
    sheet.append([2, 90.0, "TH"])
    path = tmp_path / "nilai.xlsx"
    workbook.save(path)
    error = rejected(lambda: import_scores(db, actor, binjai, path))
    assert problems(error) == [(2, "psikotes", "import.bad_value")]
    sheet["C2"] = 61
    workbook.save(path)
    assert import_scores(db, actor, binjai, path).added == 4


def test_entered_by_and_entered_at(
    db: Database, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    clerk = Actor("operator1", "operator")
    started = datetime.now().replace(microsecond=0)
    path = write_csv(tmp_path / "n.csv", ["nomor_peserta", "PENGETAHUAN"], [["1", "70"]])
    import_scores(db, clerk, binjai, path)
    with db.reading() as connection:
        (entered_by, entered_at), *others = connection.execute(
            "SELECT entered_by, entered_at FROM score"
        ).fetchall()
    assert others == []
    assert entered_by == "operator1"
    stamp = datetime.fromisoformat(entered_at)
    # Stored in UTC: within a day of the local clock, whatever the time zone.
    assert abs((stamp - started).total_seconds()) < 15 * 3600


def test_rubric_aspects_and_whole_values_replace_each_other(
    db: Database, actor: Actor, tmp_path: Path, binjai: int, write_csv: WriteCsv
) -> None:
    aspects = write_csv(
        tmp_path / "aspek.csv",
        ["nomor_peserta", "penilai", *(f"PRAKTIK.{a}" for a in ASPECTS)],
        [["1", "A", "80", "70", "60", "90"], ["1", "B", "70", "70", "70", "70"]],
    )
    assert import_scores(db, actor, binjai, aspects).added == 8
    assert [r[2:4] for r in score_rows(db)] == [
        ("A", "KETEPATAN"),
        ("A", "KOMUNIKASI"),
        ("A", "SIKAP"),
        ("A", "TEKNIS"),
        ("B", "KETEPATAN"),
        ("B", "KOMUNIKASI"),
        ("B", "SIKAP"),
        ("B", "TEKNIS"),
    ]
    whole = write_csv(
        tmp_path / "utuh.csv",
        ["nomor_peserta", "komponen", "nilai", "penilai"],
        [["1", "PRAKTIK", "77", "A"]],
    )
    import_scores(db, actor, binjai, whole, replace=True, reason="koreksi berkas")
    assert score_rows(db) == [
        ("1", "PRAKTIK", "A", "", 77000, None, 0),
        ("1", "PRAKTIK", "B", "KETEPATAN", 70000, None, 0),
        ("1", "PRAKTIK", "B", "KOMUNIKASI", 70000, None, 0),
        ("1", "PRAKTIK", "B", "SIKAP", 70000, None, 0),
        ("1", "PRAKTIK", "B", "TEKNIS", 70000, None, 0),
    ]
    back = write_csv(
        tmp_path / "aspek2.csv",
        ["nomor_peserta", "komponen", "nilai", "penilai"],
        [["1", "PRAKTIK.TEKNIS", "90", "A"], ["1", "PRAKTIK.SIKAP", "85", "A"]],
    )
    import_scores(db, actor, binjai, back, replace=True, reason="koreksi berkas")
    assert [r for r in score_rows(db) if r[2] == "A"] == [
        ("1", "PRAKTIK", "A", "SIKAP", 85000, None, 0),
        ("1", "PRAKTIK", "A", "TEKNIS", 90000, None, 0),
    ]


def test_whole_value_and_aspects_of_one_assessor_in_one_file_are_refused(
    db: Database,
    db_path: Path,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    write_csv: WriteCsv,
    rejected: Rejected,
) -> None:
    # One assessor cannot count as two: either a whole value or aspect values, never both.
    path = write_csv(
        tmp_path / "campur.csv",
        ["nomor_peserta", "penilai", "PRAKTIK", *(f"PRAKTIK.{a}" for a in ASPECTS)],
        [["1", "A", "70", "80", "80", "80", "80"]],
    )
    error = rejected(lambda: import_scores(db, actor, binjai, path))
    assert {(p.row, p.message) for p in error.problems} == {(2, "import.whole_and_aspects")}
    assert all("baris 2, kolom praktik." in line for line in error.lines())


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (
            ["nomor_peserta", "komponen"],
            [["1", "PENGETAHUAN"]],
            [(1, "nilai", "import.missing_column")],
        ),
        (
            ["nomor_peserta", "PENGETAHUAN", "WAWANCARA"],
            [["1", "80", "30"]],
            [(1, "wawancara", "import.unknown_component")],
        ),
        (
            ["nomor_peserta", "nama"],
            [["1", "Ani"]],
            [(1, "", "import.no_component_columns")],
        ),
        (
            ["nomor_peserta", "komponen", "nilai"],
            [["1", "MATEMATIKA", "80"], ["1", "PRAKTIK.GAYA", "80"], ["1", "PSIKOTES", ""]],
            [
                (2, "komponen", "import.unknown_component"),
                (3, "komponen", "import.unknown_component"),
                (4, "nilai", "import.required"),
            ],
        ),
        (
            ["nomor_peserta", "PENGETAHUAN"],
            [["1", "101"], ["2", "-1"], ["3", "80.5"], ["4", "80"], ["", "70"]],
            [
                (2, "pengetahuan", "import.bad_value"),
                (3, "pengetahuan", "import.bad_value"),
                (4, "pengetahuan", "import.bad_value"),
                (5, "nomor_peserta", "import.unknown_participant"),
                (6, "nomor_peserta", "import.required"),
            ],
        ),
        (
            ["nomor_peserta", "komponen", "nilai"],
            [["1", "PSIKOTES", "enam puluh"], ["2", "PSIKOTES", "MS"]],
            [(2, "nilai", "import.bad_value"), (3, "nilai", "import.bad_value")],
        ),
        (
            ["nomor_peserta", "PRAKTIK"],
            [["1", "80"]],
            [(2, "penilai", "import.assessor_required")],
        ),
        (
            ["nomor_peserta", "komponen", "nilai", "penilai"],
            [["1", "PRAKTIK", "80", "A"], ["1", "PRAKTIK", "85", ""]],
            [(3, "penilai", "import.assessor_required")],
        ),
        (
            ["nomor_peserta", "komponen", "nilai", "penilai"],
            [["1", "PRAKTIK", "80", "A"], ["1", "PRAKTIK", "85", "A"]],
            [(3, "nilai", "import.duplicate_score")],
        ),
        (
            ["nomor_peserta", "penilai", "PRAKTIK.TEKNIS"],
            [["1", "A", "TH"]],
            [(2, "praktik.teknis", "import.bad_value")],
        ),
        (
            ["nomor_peserta", "PENGETAHUAN"],
            [],
            [(0, "", "import.no_rows")],
        ),
    ],
    ids=[
        "long-form-missing-nilai",
        "wide-unknown-column",
        "wide-no-component",
        "long-form-unknown-component",
        "range-step-participant",
        "not-a-number",
        "assessor-missing-wide",
        "assessor-missing-long",
        "duplicate-in-file",
        "th-on-aspect",
        "no-rows",
    ],
)
def test_score_rejections(
    db: Database,
    db_path: Path,
    actor: Actor,
    tmp_path: Path,
    binjai: int,
    header: list[str],
    rows: list[list[object]],
    expected: list[Problem],
    write_csv: WriteCsv,
    rejected: Rejected,
) -> None:
    # Something stored already, so "unchanged" is about more than an empty table.
    import_scores(
        db,
        actor,
        binjai,
        write_csv(tmp_path / "ada.csv", ["nomor_peserta", "PSIKOTES"], [["1", 70]]),
    )
    path = write_csv(tmp_path / "nilai-salah.csv", header, rows)
    error = rejected(lambda: import_scores(db, actor, binjai, path))
    assert problems(error) == expected
    for line, (row, field, _message) in zip(error.lines(), expected, strict=True):
        assert line.startswith("nilai-salah.csv: ")
        if row:
            assert f"baris {row}" in line
        if field:
            assert f"kolom {field}: " in line


def test_off_step_and_range_messages(
    db: Database,
    db_path: Path,
    actor: Actor,
    tmp_path: Path,
    cpns: int,
    write_csv: WriteCsv,
    rejected: Rejected,
) -> None:
    path = write_csv(
        tmp_path / "skd.csv",
        ["nomor_peserta", "komponen", "nilai"],
        [
            ["101", "TWK", "67"],
            ["102", "TWK", "155"],
            ["103", "TKP", "170,5"],
            ["104", "TWK", "TH"],
        ],
    )
    error = rejected(lambda: import_scores(db, actor, cpns, path))
    assert error.lines() == [
        "skd.csv: baris 2, kolom nilai: '67' harus kelipatan 5",
        "skd.csv: baris 3, kolom nilai: '155' di luar rentang 0–150",
        "skd.csv: baris 4, kolom nilai: '170,5' harus bilangan bulat",
    ]


def test_twk_on_step_and_th_accepted(
    db: Database, actor: Actor, tmp_path: Path, cpns: int, write_csv: WriteCsv
) -> None:
    path = write_csv(
        tmp_path / "skd.csv",
        ["nomor_peserta", "TWK"],
        [["101", "65"], ["102", "TH"], ["103", "150"], ["104", "0"]],
    )
    summary = import_scores(db, actor, cpns, path, replace=True, reason="koreksi berkas")
    assert (summary.added, summary.updated) == (0, 4)
    twk = {r[0]: (r[4], r[6]) for r in score_rows(db) if r[1] == "TWK"}
    assert twk == {
        "101": (65000, 0),
        "102": (None, 1),
        "103": (150000, 0),
        "104": (0, 0),
        "105": (60000, 0),
    }


def test_final_stage_scores_need_a_pass_at_skd(
    db: Database,
    db_path: Path,
    actor: Actor,
    tmp_path: Path,
    cpns: int,
    write_csv: WriteCsv,
    rejected: Rejected,
) -> None:
    header = ["nomor_peserta", "CAT_SKB"]
    refused = write_csv(tmp_path / "skb.csv", header, [["101", 400], ["104", 400], ["105", "TH"]])
    error = rejected(lambda: import_scores(db, actor, cpns, refused))
    assert problems(error) == [
        (3, "nomor_peserta", "import.stage_not_reached"),
        (4, "nomor_peserta", "import.stage_not_reached"),
    ]
    assert error.lines()[0] == (
        "skb.csv: baris 3, kolom nomor_peserta: "
        "peserta 104 tidak lolos ke tahap AKHIR (kode SKD: P)"
    )
    assert "(kode SKD: TL)" in error.lines()[1]
    accepted = write_csv(tmp_path / "skb2.csv", header, [["101", 400], ["102", 350], ["103", "TH"]])
    assert import_scores(db, actor, cpns, accepted).added == 3
