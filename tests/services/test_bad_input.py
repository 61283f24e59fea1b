"""Bad input, everywhere (issue #5): garbage into every importer and into score entry.

Each property feeds random bytes, random CSV or XLSX tables, or random typed values into a
service and demands one of two outcomes: the call succeeds and its effect is visible, or it
raises ``UserError`` whose text is a sentence from the catalogue (no traceback, no bare message
id, no unfilled ``{placeholder}``) and the database file is row for row what it was before.
Any other exception escaping a service is a bug.

One database is built per module; after every example that changed it, the pristine copy is
put back with SQLite's backup API, so each example starts from the same state and a failure
found by hypothesis replays exactly. ``BAD_INPUT_EXAMPLES=2000`` runs a longer search (the
default of 100 examples per property keeps the file at about ten seconds); run with
``--hypothesis-show-statistics`` to see how often each outcome occurred.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sqlite3
import string
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from app.messages import known, language, set_language, t
from app.scoring import Scheme
from app.scoring.scheme_file import scheme_from_mapping, scheme_to_mapping
from app.services.actor import Actor
from app.services.database import Database
from app.services.errors import ImportRejected, PermissionDenied, UserError
from app.services.participants_import import (
    FORMATION_COLUMNS,
    PARTICIPANT_OPTIONAL,
    PARTICIPANT_REQUIRED,
    ImportSummary,
    import_formations,
    import_participants,
)
from app.services.schemes import load_preset_or_file
from app.services.score_entry import ScoreChange, save_score
from app.services.scores_import import import_scores
from app.services.selections import create_selection
from app.services.tabular import CellError, normalize_header, parse_decimal, read_table

Dump = Callable[[Path], str]
Importer = Callable[..., ImportSummary]

# The dump fixture is a pure function of its argument, so sharing it across examples is safe.
SETTINGS = settings(
    max_examples=int(os.environ.get("BAD_INPUT_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ADMIN = Actor("tester", "admin")
ACTORS = (
    ADMIN,
    Actor("operator1", "operator"),
    Actor("penilai1", "penilai", "Penilai A"),
    Actor("tamu", "tamu"),
)

# --- the world every example starts from -----------------------------------------------------

NUMBERS = ("101", "102", "103", "104", "105", "106")
COMPONENTS = ("TWK", "TIU", "TKP", "CAT_SKB", "PRAKTIK", "PSIKOTES")
ASPECTS = ("TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI")
ASSESSORS = ("Penilai A", "Penilai B")
FORMATIONS = ("C1", "C2")


@dataclass(frozen=True)
class World:
    db: Database
    path: Path
    pristine: Path
    pristine_dump: str = field(repr=False)
    selection: int
    work: Path


def _scheme() -> Scheme:
    """CPNS 2024 (two stages, a two-assessor rubric) plus a categorical psychotest gate."""
    data = scheme_to_mapping(load_preset_or_file("cpns-2024"))
    data["stages"][1]["components"].append(
        {
            "code": "PSIKOTES",
            "name": "Psikotes",
            "kind": "categorical",
            "category": "psikotes",
            "values": ["MS", "TMS"],
            "passing": ["MS"],
            "weight": 0,
        }
    )
    return scheme_from_mapping(data)


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _copy_database(source: Path, target: Path) -> None:
    """Overwrite ``target`` with ``source`` page by page; open connections see the result."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> Iterator[World]:
    """Formations C1 and C2 (one vacancy each: SKD cut 3), participants 101–106, some scores.

    101–103 (C1) and 105 (C2) reach AKHIR; 104 is outside the C1 cut; 106 has no SKD score.
    """
    base = tmp_path_factory.mktemp("bad_input")
    path = base / "seleksi.db"
    db = new_database(path)
    scheme = _scheme()
    selection = create_selection(db, ADMIN, scheme, "Seleksi uji", 2024, "Kota Binjai").id
    import_formations(
        db,
        ADMIN,
        selection,
        _write_csv(
            base / "formasi.csv",
            ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"],
            [["C1", "Analis", "BKPSDM", "S1", 1], ["C2", "Perawat", "RSUD", "D3", 1]],
        ),
    )
    import_participants(
        db,
        ADMIN,
        selection,
        _write_csv(
            base / "peserta.csv",
            ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
            [
                [number, f"Peserta {number}", "1995-05-05", "C2" if number >= "105" else "C1"]
                for number in NUMBERS
            ],
        ),
    )
    import_scores(
        db,
        ADMIN,
        selection,
        _write_csv(
            base / "skd.csv",
            ["nomor_peserta", "TWK", "TIU", "TKP"],
            [
                ["101", 100, 100, 180],
                ["102", 90, 110, 180],
                ["103", 85, 90, 170],
                ["104", 80, 85, 170],
                ["105", 90, 100, 180],
            ],
        ),
    )
    import_scores(
        db,
        ADMIN,
        selection,
        _write_csv(
            base / "akhir.csv",
            ["nomor_peserta", "komponen", "nilai", "penilai"],
            [
                ["101", "PRAKTIK.TEKNIS", 80, "Penilai A"],
                ["101", "PRAKTIK.SIKAP", 75, "Penilai A"],
                ["101", "PRAKTIK", 70, "Penilai B"],
                ["102", "CAT_SKB", 400, ""],
                ["101", "PSIKOTES", "MS", ""],
            ],
        ),
    )
    pristine = base / "pristine.db"
    _copy_database(path, pristine)
    work = base / "files"
    work.mkdir()
    with sqlite3.connect(path) as connection:
        pristine_dump = "\n".join(connection.iterdump())
    yield World(db, path, pristine, pristine_dump, selection, work)
    db.close()


def _restore(world: World, dump: Dump) -> None:
    _copy_database(world.pristine, world.path)
    assert dump(world.path) == world.pristine_dump


def _count(world: World, sql: str) -> int:
    with world.db.reading() as connection:
        return int(connection.execute(sql, (world.selection,)).fetchone()[0])


def _score_rows(world: World) -> list[tuple]:
    with world.db.reading() as connection:
        return connection.execute("SELECT * FROM score ORDER BY id").fetchall()


FORMATION_COUNT = "SELECT count(*) FROM formation WHERE selection_id = ?"
PARTICIPANT_COUNT = "SELECT count(*) FROM participant WHERE selection_id = ?"
SCORE_COUNT = (
    "SELECT count(*) FROM score s JOIN participant p ON p.id = s.participant_id"
    " WHERE p.selection_id = ?"
)


# --- what a refusal must look like -----------------------------------------------------------

_BARE_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")


def _fields(message_id: str) -> set[str]:
    """The placeholders of a catalogue message (``t`` without params returns the template)."""
    try:
        parsed = list(string.Formatter().parse(t(message_id)))
    except ValueError:
        return set()
    return {re.split(r"[.\[]", name)[0] for _, name, _, _ in parsed if name}


def _assert_sentence(text: str) -> None:
    assert text.strip(), "empty message"
    assert "Traceback" not in text
    assert not _BARE_ID.fullmatch(text.strip()), f"raw message id shown: {text!r}"
    assert any(char.isalpha() for char in text), text


def _assert_message(message_id: str, params: Mapping[str, object]) -> None:
    assert known(message_id), f"message id missing from the catalogue: {message_id}"
    missing = _fields(message_id) - set(params)
    assert not missing, f"{message_id} leaves {missing} unfilled"
    reason = params.get("reason")
    if isinstance(reason, str):  # a nested message, translated before it was stored
        _assert_sentence(reason)
    if re.search(r"[^\W\d_]{2}", re.sub(r"\{[^}]*\}", "", t(message_id))):
        # Words of its own (not only placeholders): they must be the Indonesian ones.
        indonesian = t(message_id, params)
        set_language("en")
        try:
            assert t(message_id, params) != indonesian, f"{message_id} is not translated"
        finally:
            set_language("id")


def assert_clear(error: UserError) -> None:
    """The user sees sentences in their language, never an id, a placeholder or a traceback."""
    assert language() == "id"
    _assert_message(error.message, error.params)
    _assert_sentence(error.text())
    if isinstance(error, ImportRejected):
        lines = error.lines()
        assert lines, "a rejected file must list at least one problem"
        assert len(lines) == len(error.problems)
        for problem, line in zip(error.problems, lines, strict=True):
            _assert_message(problem.message, problem.params)
            message = t(problem.message, problem.params)
            _assert_sentence(message)
            assert line.endswith(message)
            assert line.startswith(error.file)


def _event(text: str) -> None:
    """Outcome counts for ``--hypothesis-show-statistics``."""
    if currently_in_test_context():
        event(text)


@pytest.mark.parametrize(
    "error",
    [
        UserError("import.no_such_message"),  # shown as the bare id
        UserError("file.empty"),  # {name} left unfilled
        ImportRejected("a.csv", [CellError(2, "nilai", "import.xyz", {})]),
        ImportRejected("a.csv", [CellError(2, "nilai", "import.range", {"value": "x"})]),
        ImportRejected("a.csv", []),  # rejected without saying why
    ],
)
def test_the_message_check_catches_unclear_messages(error: UserError) -> None:
    """The oracle of every property here must itself be able to fail."""
    with pytest.raises(AssertionError):
        assert_clear(error)


def test_the_message_check_passes_clear_messages() -> None:
    assert_clear(UserError("file.empty", name="a.csv"))
    assert_clear(ImportRejected("a.csv", [CellError(2, "nilai", "import.required", {})]))


def attempt(world: World, dump: Dump, call: Callable[[], object]) -> object | None:
    """Run ``call``: its result, or ``None`` after checking a clean, clear refusal."""
    before = dump(world.path)
    assert before == world.pristine_dump
    try:
        result = call()
    except UserError as error:
        first = error.problems[0].message if isinstance(error, ImportRejected) else ""
        _event(f"refused: {first or error.message}")
        assert_clear(error)
        if isinstance(error, PermissionDenied):
            # A refusal by role leaves one trace, who tried what (issue #9), and nothing else.
            with sqlite3.connect(world.path) as connection:
                events = connection.execute(
                    "SELECT action FROM audit_event ORDER BY id DESC LIMIT 2"
                ).fetchall()
            assert events[0] == ("permission.refused",) and events[1] != events[0]
            _restore(world, dump)
        assert dump(world.path) == before, "a refused call changed the database"
        return None
    return result


# --- importers -------------------------------------------------------------------------------

IMPORTERS: dict[str, Importer] = {
    "formations": import_formations,
    "participants": import_participants,
    "scores": import_scores,
}


def run_import(
    world: World,
    dump: Dump,
    kind: str,
    path: Path,
    actor: Actor = ADMIN,
    columns: Mapping[str, str] | None = None,
    dry_run: bool = False,
) -> ImportSummary | None:
    """Import ``path``; on success check that its effect is there (or absent for a dry run)."""
    formations = _count(world, FORMATION_COUNT)
    participants = _count(world, PARTICIPANT_COUNT)
    scores = _count(world, SCORE_COUNT)
    score_rows = _score_rows(world)
    before = dump(world.path)
    summary = attempt(
        world,
        dump,
        # Stored values may be replaced (with a reason): these files test robustness, and
        # tests/services/test_import_trust.py tests the refusal to replace without one.
        lambda: IMPORTERS[kind](
            world.db,
            actor,
            world.selection,
            path,
            columns=columns,
            dry_run=dry_run,
            replace=True,
            reason="uji",
        ),
    )
    if summary is None:
        return None
    _event(f"{kind}: imported{' (dry run)' if dry_run else ''}")
    assert isinstance(summary, ImportSummary)
    assert summary.added >= 0 and summary.updated >= 0
    assert actor.role in ("admin", "operator")
    if dry_run:
        assert dump(world.path) == before, "a dry run wrote to the database"
        return summary
    try:
        if kind == "formations":
            assert summary.total > 0
            assert _count(world, FORMATION_COUNT) == formations + summary.added
            if columns is None:
                codes = {c["kode_formasi"].strip().upper() for _, c in read_table(path).rows}
                with world.db.reading() as connection:
                    stored = {
                        code
                        for (code,) in connection.execute(
                            "SELECT code FROM formation WHERE selection_id = ?", (world.selection,)
                        )
                    }
                assert codes <= stored
        elif kind == "participants":
            assert summary.total > 0
            assert _count(world, PARTICIPANT_COUNT) == participants + summary.added
            if columns is None:
                numbers = {c["nomor_peserta"] for _, c in read_table(path).rows}
                with world.db.reading() as connection:
                    stored = {
                        number
                        for (number,) in connection.execute(
                            "SELECT number FROM participant WHERE selection_id = ?",
                            (world.selection,),
                        )
                    }
                assert numbers <= stored
        else:
            assert _count(world, FORMATION_COUNT) == formations
            assert _count(world, PARTICIPANT_COUNT) == participants
            # Whole values and aspect values replace each other, so rows may also go away.
            assert _count(world, SCORE_COUNT) - scores <= summary.added
            # Every stored value gets a new entered_at; an import of no values (a row with only
            # blank cells) stores nothing, though the audit trail still records the import.
            assert (_score_rows(world) != score_rows) == (summary.total > 0)
    finally:
        _restore(world, dump)
    return summary


# --- strategies: cells -----------------------------------------------------------------------


def mostly(
    valid: st.SearchStrategy[str], junk: st.SearchStrategy[str], tenths: int = 2
) -> st.SearchStrategy[str]:
    """``valid``, except ``tenths`` times in ten ``junk``."""
    return st.integers(0, 9).flatmap(lambda n: junk if n < tenths else valid)


JUNK_TEXT = st.text(max_size=12)
LONG = st.sampled_from(["A" * 300, "9" * 30, "9" * 5000, "x" * 40_000, "é" * 1000])
HUGE = st.sampled_from(
    ["99999999999999999999", "-99999999999999999999", "1" + "0" * 25, "9" * 400, "1" + "0" * 19]
)
UNICODE = st.sampled_from(
    ["Ñoño", "名前", "١٢٣", "７５", "72\u00a0", "\u200b80", "💯", "\u2028", "ﬁ", "Ⅻ", "ß"]
)
TRICKY = st.sampled_from(
    [
        "",
        " ",
        "=1+1",
        "NaN",
        "inf",
        "-0",
        "1e3",
        "1.234,5",
        "1,234.5",
        "0x10",
        "+5",
        "-5",
        "TRUE",
        "None",
        "null",
        '"',
        'a"b',
        "a\nb",
        "a;b",
        "a,b",
        "\t",
        "import.xyz",
        "{value}",
        "%s",
        "\\",
        "\x00",
    ]
)


@st.composite
def decimals(draw: st.DrawFn) -> str:
    whole = draw(st.integers(-20, 600))
    if draw(st.booleans()):
        return str(whole)
    fraction = draw(st.integers(0, 9999))
    return f"{whole}{draw(st.sampled_from('.,'))}{fraction}"


@st.composite
def dates(draw: st.DrawFn, plausible: bool = False) -> str:
    if plausible:
        day = draw(st.dates(date(1960, 1, 1), date(2004, 12, 31)))
        y, m, d = day.year, day.month, day.day
    else:
        y = draw(st.sampled_from([0, 1, 1899, 1900, 1950, 1990, 2010, 2100, 9999]))
        m = draw(st.integers(0, 13))
        d = draw(st.integers(0, 32))
    sep = draw(st.sampled_from("-/"))
    if draw(st.booleans()):
        return f"{y:04d}{sep}{m:02d}{sep}{d:02d}"
    return f"{d:02d}{sep}{m:02d}{sep}{y:04d}"


GOOD_CODES = (*COMPONENTS, *(f"PRAKTIK.{aspect}" for aspect in ASPECTS), "praktik.teknis", " twk ")
BAD_CODES = ("PRAKTIK.", "PRAKTIK.XYZ", "TWK.TEKNIS", "SKD", "AKHIR", "PSIKOTES.MS")
MIXED = st.one_of(
    decimals(),
    dates(),
    st.sampled_from(["TH", "th", "T", "MS", "TMS", "ms", *NUMBERS, *FORMATIONS, *ASSESSORS]),
    st.sampled_from(GOOD_CODES + BAD_CODES),
    st.from_regex(r"[0-9]{14,18}", fullmatch=True),
    JUNK_TEXT,
    UNICODE,
    TRICKY,
    HUGE,
    LONG,
)


def _names() -> st.SearchStrategy[str]:
    letters = st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x24F)
    return st.text(st.one_of(letters, st.just(" ")), min_size=1, max_size=20)


def _number_in(low: int, high: int, step: int) -> st.SearchStrategy[str]:
    return st.integers(low // step, high // step).map(lambda n: str(n * step))


# Plausible values per (normalized) column, so that many tables are accepted.
VALID: dict[str, st.SearchStrategy[str]] = {
    "kode_formasi": st.sampled_from(["C1", "C2", "c2", " C1 ", "N1", "N2"]),
    "jabatan": _names(),
    "unit_kerja": _names(),
    "pendidikan": _names(),
    "kebutuhan": st.sampled_from(["1", "2", "5", "2.0", "3,0"]),
    "nomor_peserta": st.sampled_from([*NUMBERS, "107", "108"]),
    "nama": _names(),
    "tanggal_lahir": dates(plausible=True),
    "nik": st.from_regex(r"[0-9]{16}", fullmatch=True),
    "ipk": st.sampled_from(["3.5", "3,75", "2", "4.00"]),
    "kelompok_prioritas": st.sampled_from(["1", "2", "3"]),
    "afirmasi_persen": st.sampled_from(["10", "2,5", "0"]),
    "sesi": st.sampled_from(["1", "Sesi 2", ""]),
    "komponen": st.sampled_from(GOOD_CODES),
    "nilai": st.one_of(_number_in(0, 100, 5), st.sampled_from(["TH", "MS", "72,5"])),
    "penilai": st.sampled_from([*ASSESSORS, " Penilai  A "]),
    "twk": _number_in(0, 150, 5),
    "tiu": _number_in(0, 175, 5),
    "tkp": _number_in(0, 225, 1),
    "cat_skb": _number_in(0, 500, 1),
    "praktik": _number_in(0, 100, 1),
    "psikotes": st.sampled_from(["MS", "TMS", "ms", "TH"]),
}
for _aspect in ASPECTS:
    VALID[f"praktik.{_aspect.lower()}"] = _number_in(0, 100, 1)
# Scores go to the participants that exist, mostly to those who reached AKHIR.
VALID_SCORES = {**VALID, "nomor_peserta": st.sampled_from(["101", "102", "103", "105", "104"])}


def cell(kind: str, column: str, noise: int) -> st.SearchStrategy[str]:
    """A plausible value for the column, or garbage ``noise`` times in ten."""
    valid = (VALID_SCORES if kind == "scores" else VALID).get(normalize_header(column))
    if valid is None or noise >= 10:
        return MIXED
    if noise == 0:
        return valid
    return mostly(valid, MIXED, noise)


# --- strategies: headers and tables ----------------------------------------------------------

WIDE_COLUMNS = (*(c.lower() for c in COMPONENTS), *(f"praktik.{a.lower()}" for a in ASPECTS))
LAYOUTS: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {
    # importer: [(required columns, optional columns)] - one per file layout
    "formations": [(("kode_formasi", "jabatan", "kebutuhan"), ("unit_kerja", "pendidikan"))],
    "participants": [(PARTICIPANT_REQUIRED, PARTICIPANT_OPTIONAL)],
    "scores": [
        (("nomor_peserta", "komponen", "nilai", "penilai"), ("nama", "kode_formasi")),
        (("nomor_peserta", "penilai"), ("nama", *WIDE_COLUMNS)),
    ],
}
ALL_COLUMNS = sorted(
    {
        c
        for layouts in LAYOUTS.values()
        for required, optional in layouts
        for c in (*required, *optional)
    }
    | {*FORMATION_COLUMNS, "tkp.x", "skd"}
)


@st.composite
def spelling(draw: st.DrawFn, name: str) -> str:
    """How a committee might type a column name in a spreadsheet."""
    text = draw(st.sampled_from([name, name.upper(), name.replace("_", " ").title()]))
    if draw(st.integers(0, 4)) == 0:
        text = f" {text}  "
    return text


@st.composite
def headers(draw: st.DrawFn, kind: str) -> list[str]:
    required, optional = draw(st.sampled_from(LAYOUTS[kind]))
    chosen = [c for c in required if draw(st.integers(0, 11)) > 0]
    chosen += draw(st.lists(st.sampled_from(optional), unique=True, max_size=4))
    if draw(st.integers(0, 9)) == 0:  # any real column, maybe twice, maybe the wrong file's
        chosen.append(draw(st.sampled_from(ALL_COLUMNS)))
    if draw(st.integers(0, 3)) == 0:
        chosen.append(draw(st.one_of(JUNK_TEXT, UNICODE, TRICKY)))
    chosen = draw(st.permutations(chosen))
    return [draw(spelling(c)) if c in ALL_COLUMNS else c for c in chosen]


@dataclass(frozen=True)
class RandomTable:
    kind: str
    header: list[str]
    rows: list[list[str]]
    columns: dict[str, str] | None
    dry_run: bool


@st.composite
def tables(draw: st.DrawFn, kind: str) -> RandomTable:
    header = draw(headers(kind))
    noise = draw(st.sampled_from([0, 0, 0, 1, 3, 10]))
    rows = []
    for _ in range(draw(st.sampled_from([0, 1, 1, 2, 2, 3, 5]))):
        width = len(header) + draw(st.sampled_from([0, 0, 0, 0, 0, -1, 1, 2]))
        rows.append(
            [
                draw(cell(kind, header[i] if i < len(header) else "", noise))
                for i in range(max(width, 0))
            ]
        )
    columns = None
    if draw(st.integers(0, 7)) == 0:  # the import wizard's column mapping, also nonsense
        columns = draw(
            st.dictionaries(
                st.one_of(st.sampled_from(header or ["x"]), JUNK_TEXT),
                st.one_of(st.sampled_from(ALL_COLUMNS), st.just("")),
                max_size=3,
            )
        )
    return RandomTable(kind, header, rows, columns, draw(st.integers(0, 5)) == 0)


def any_table() -> st.SearchStrategy[RandomTable]:
    return st.sampled_from(sorted(IMPORTERS)).flatmap(tables)


def csv_bytes(table: RandomTable, delimiter: str, bom: bool, newline: str, quoted: bool) -> bytes:
    buffer = io.StringIO(newline="")
    if quoted:
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
        writer.writerow(table.header)
        writer.writerows(table.rows)
    else:  # naive export: separators and quotes inside cells are not escaped
        for row in [table.header, *table.rows]:
            buffer.write(delimiter.join(row) + newline)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8", "surrogatepass")


# --- (1) random bytes ------------------------------------------------------------------------


def _workbook_bytes() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["kode_formasi", "jabatan", "kebutuhan"])
    sheet.append(["N1", "Bidan", 2])
    sheet.append(["N2", "Guru", 1.0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


VALID_XLSX = _workbook_bytes()
XLSX_MEMBERS = zipfile.ZipFile(io.BytesIO(VALID_XLSX)).namelist()


@st.composite
def mutated_xlsx(draw: st.DrawFn) -> bytes:
    """A real workbook, truncated or with some bytes overwritten."""
    data = bytearray(VALID_XLSX)
    if draw(st.booleans()):
        return bytes(data[: draw(st.integers(0, len(data) - 1))])
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


XML_JUNK = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(str.encode),
    st.sampled_from(
        [
            b"",
            b"<",
            b"<?xml version='1.0'?><x/>",
            b"<worksheet><sheetData><row r='x'><c r='ZZZZZZ9'><v>1</v></c></row></sheetData>"
            b"</worksheet>",
            b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
            b"<sheetData><row r='1'><c r='A1' t='s'><v>99</v></c></row></sheetData></worksheet>",
            b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
            b"<sheetData><row r='1'><c r='A1' t='n'><v>abc</v></c></row></sheetData></worksheet>",
            b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
            b"<sheetData><row r='1'><c r='A1' t='d'><v>nope</v></c></row></sheetData></worksheet>",
            b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;&a;</x>",
        ]
    ),
)


@st.composite
def zipped_xlsx(draw: st.DrawFn) -> bytes:
    """A valid zip: the real workbook's members with some replaced, dropped or added."""
    source = zipfile.ZipFile(io.BytesIO(VALID_XLSX))
    replaced = draw(st.sets(st.sampled_from(XLSX_MEMBERS), max_size=3))
    dropped = draw(st.sets(st.sampled_from(XLSX_MEMBERS), max_size=1))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in XLSX_MEMBERS:
            if name in dropped:
                continue
            target.writestr(name, draw(XML_JUNK) if name in replaced else source.read(name))
        for name in draw(st.sets(st.sampled_from(["xl/extra.xml", "junk", "a/b/c"]))):
            target.writestr(name, b"x")
    return buffer.getvalue()


def _with_flag(data: bytes, flag: int) -> bytes:
    """The zip with a general-purpose flag set on every member (local and central headers)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        index = out.find(signature)
        while index >= 0:
            out[index + offset] |= flag
            index = out.find(signature, index + 4)
    return bytes(out)


def _with_member(name: str, content: bytes) -> bytes:
    """The valid workbook with one member's content replaced."""
    source = zipfile.ZipFile(io.BytesIO(VALID_XLSX))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in XLSX_MEMBERS:
            target.writestr(member, content if member == name else source.read(member))
    return buffer.getvalue()


CSV_GARBAGE = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda s: s.encode("utf-8")),
    st.text(alphabet=st.sampled_from('a1,;\t"\r\n\x00 \ufeff'), max_size=200).map(str.encode),
    st.binary(max_size=100).map(lambda b: b"\xef\xbb\xbfnomor_peserta,nama\n" + b),
)
XLSX_GARBAGE = st.one_of(
    st.binary(max_size=300),
    mutated_xlsx(),
    zipped_xlsx(),
    st.sampled_from([0x01, 0x08, 0x20, 0x40]).map(lambda flag: _with_flag(VALID_XLSX, flag)),
)


@pytest.mark.slow  # fuzzed importer
@SETTINGS
@given(
    kind=st.sampled_from(sorted(IMPORTERS)),
    extension=st.sampled_from([".csv", ".xlsx"]),
    data=st.data(),
)
def test_random_bytes_into_every_importer(
    world: World, dump: Dump, kind: str, extension: str, data: st.DataObject
) -> None:
    content = data.draw(CSV_GARBAGE if extension == ".csv" else XLSX_GARBAGE, label="content")
    path = world.work / f"acak{extension}"
    path.write_bytes(content)
    run_import(world, dump, kind, path)


SHEET = "xl/worksheets/sheet1.xml"
MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("kosong.csv", b""),
        ("biner.csv", b"\xff\xfe\x00garbage"),
        ("kutip.csv", b'nomor_peserta,nama\n"101,Ani\n'),
        ("rusak.xlsx", VALID_XLSX[:100]),
        ("bukan.xlsx", b"PK\x03\x04 not really"),
        # Found by the random-bytes property: these escaped as IndexError, RuntimeError and
        # NotImplementedError from openpyxl and zipfile.
        (
            "string_hilang.xlsx",
            _with_member(
                SHEET,
                b"<worksheet xmlns='" + MAIN_NS + b"'><sheetData><row r='1'>"
                b"<c r='A1' t='s'><v>99</v></c></row></sheetData></worksheet>",
            ),
        ),
        ("terkunci.xlsx", _with_flag(VALID_XLSX, 0x01)),
        ("patch.xlsx", _with_flag(VALID_XLSX, 0x20)),
    ],
)
def test_broken_files_are_refused_readably(
    world: World, dump: Dump, name: str, content: bytes
) -> None:
    """Fixed cases of the property above whose outcome is known: refused, nothing changed."""
    path = world.work / name
    path.write_bytes(content)
    for kind in IMPORTERS:
        assert run_import(world, dump, kind, path) is None, kind
        with pytest.raises(ImportRejected) as caught:
            IMPORTERS[kind](world.db, ADMIN, world.selection, path)
        assert caught.value.problems[0].message.startswith("file."), kind


# --- (2) random CSV tables -------------------------------------------------------------------


@pytest.mark.slow  # fuzzed importer
@SETTINGS
@given(
    table=any_table(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
    newline=st.sampled_from(["\r\n", "\n"]),
    quoted=st.integers(0, 5).map(bool),
    actor=st.sampled_from(ACTORS[:2] * 8 + ACTORS[2:]),
)
def test_random_csv_tables(
    world: World,
    dump: Dump,
    table: RandomTable,
    delimiter: str,
    bom: bool,
    newline: str,
    quoted: bool,
    actor: Actor,
) -> None:
    path = world.work / "tabel.csv"
    path.write_bytes(csv_bytes(table, delimiter, bom, newline, quoted))
    run_import(world, dump, table.kind, path, actor, table.columns, table.dry_run)


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
def test_a_clean_csv_table_is_imported(world: World, dump: Dump, kind: str) -> None:
    """The strategies can produce accepted files: a noise-free example goes in."""
    header = {
        "formations": ["Kode Formasi", "Jabatan", "Kebutuhan"],
        "participants": ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        "scores": ["Nomor Peserta", "TWK", "TKP"],
    }[kind]
    rows = {
        "formations": [["N1", "Bidan", "2"]],
        "participants": [["107", "Dewi", "31-01-1990", "c2"]],
        "scores": [["104", "75", "170,0"]],
    }[kind]
    table = RandomTable(kind, header, rows, None, False)
    path = world.work / "bersih.csv"
    path.write_bytes(csv_bytes(table, ";", True, "\r\n", True))
    summary = run_import(world, dump, kind, path)
    assert summary is not None
    # 104's TKP is 170 already: an equal value changes nothing and is not counted as updated.
    assert (summary.added, summary.updated) == ((0, 1) if kind == "scores" else (1, 0))


@pytest.mark.parametrize(
    ("kind", "header", "row"),
    [
        ("formations", ["kode_formasi", "jabatan", "kebutuhan"], ["N1", "Bidan", "9" * 20]),
        (
            "participants",
            ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi", "kelompok_prioritas"],
            ["107", "Dewi", "1990-01-31", "C1", "1" + "0" * 19],
        ),
    ],
)
def test_whole_numbers_too_large_for_sqlite_are_refused(
    world: World, dump: Dump, kind: str, header: list[str], row: list[str]
) -> None:
    """Found by the XLSX property: these crashed with ``OverflowError`` inside SQLite."""
    path = world.work / "besar.csv"
    path.write_bytes(
        csv_bytes(RandomTable(kind, header, [row], None, False), ",", False, "\n", True)
    )
    with pytest.raises(ImportRejected) as caught:
        IMPORTERS[kind](world.db, ADMIN, world.selection, path)
    assert [p.message for p in caught.value.problems] == ["import.range"]
    assert "1000000" in caught.value.lines()[0]
    assert run_import(world, dump, kind, path) is None


def test_aspects_replacing_a_whole_value_count_as_updated(world: World, dump: Dump) -> None:
    """Found by the property above: the summary said ``added=2, updated=-1`` here. The aspect
    removes the stored whole value, so it replaces a stored value (issue #9)."""
    path = world.work / "aspek.csv"
    table = RandomTable(
        "scores",
        ["nomor_peserta", "komponen", "nilai", "penilai"],
        [["101", "PRAKTIK.KETEPATAN", "25", "Penilai B"]],  # Penilai B gave 101 a whole value
        None,
        False,
    )
    path.write_bytes(csv_bytes(table, ",", False, "\n", True))
    for dry_run in (True, False):
        summary = run_import(world, dump, "scores", path, dry_run=dry_run)
        assert summary is not None
        assert (summary.added, summary.updated) == (0, 1)


# --- (3) random XLSX tables ------------------------------------------------------------------

NATIVE = st.one_of(
    st.none(),
    st.integers(-(10**20), 10**20),
    st.integers(-5, 600),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(0, 600).map(lambda f: round(f, 2)),
    st.sampled_from([1e300, 1e-20, 0.1 + 0.2, 2.0, 72.5, 65.0]),
    st.datetimes(datetime(1900, 3, 1), datetime(2100, 1, 1)),
    st.dates(date(1900, 3, 1), date(2100, 1, 1)),
    st.times(),
    st.booleans(),
)


def _sanitize(value: object) -> object:
    """openpyxl refuses control characters in strings; a spreadsheet cannot hold them."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append([_sanitize(value) for value in row])
    workbook.save(path)
    return path


@st.composite
def xlsx_rows(draw: st.DrawFn, table: RandomTable) -> list[list[object]]:
    """The table's text cells, some swapped for native spreadsheet values."""
    swap = draw(st.sampled_from([0, 1, 3, 10]))
    return [
        [draw(NATIVE) if draw(st.integers(0, 9)) < swap else value for value in row]
        for row in table.rows
    ]


@pytest.mark.slow  # fuzzed importer
@SETTINGS
@given(table=any_table(), data=st.data(), header_native=st.integers(0, 7))
def test_random_xlsx_tables(
    world: World, dump: Dump, table: RandomTable, data: st.DataObject, header_native: int
) -> None:
    rows = data.draw(xlsx_rows(table), label="rows")
    header: list[object] = list(table.header)
    if header and header_native == 0:  # a number or date typed into the header row
        header[-1] = data.draw(NATIVE, label="header cell")
    path = write_xlsx(world.work / "tabel.xlsx", [header, *rows])
    run_import(world, dump, table.kind, path, ADMIN, table.columns, table.dry_run)


def test_a_clean_xlsx_table_is_imported(world: World, dump: Dump) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi", "ipk"])
    sheet.append([107, "Dewi", datetime(1990, 1, 31), "C1", 3.25])
    sheet.append(["108", "Eka", date(1991, 2, 1), "C2", None])
    path = world.work / "bersih.xlsx"
    workbook.save(path)
    summary = run_import(world, dump, "participants", path)
    assert summary is not None
    assert (summary.added, summary.updated) == (2, 0)


# --- (4) random values typed into score entry ------------------------------------------------

TYPED = mostly(
    st.one_of(
        _number_in(0, 500, 5),
        decimals(),
        st.sampled_from(["TH", "th", "T", " t ", "MS", "TMS", "ms", "", "   ", "72,5"]),
    ),
    st.one_of(JUNK_TEXT, UNICODE, TRICKY, HUGE, LONG),
    4,
)
PARTICIPANT_NOS = mostly(
    st.sampled_from([*NUMBERS, "101", "102", "105", " 101", "999"]), st.one_of(JUNK_TEXT, TRICKY)
)
COMPONENT_CODES = mostly(
    st.sampled_from([*COMPONENTS, "PRAKTIK", "PRAKTIK", "twk", " praktik ", "psikotes"]),
    st.one_of(st.sampled_from(BAD_CODES), JUNK_TEXT, TRICKY),
)
ASPECT_CODES = mostly(
    st.sampled_from(["", *ASPECTS, "teknis", " SIKAP "]),
    st.one_of(st.sampled_from(["XYZ", "PRAKTIK", "TEKNIS.X"]), JUNK_TEXT, TRICKY),
)
NO_ASPECT = mostly(st.just(""), ASPECT_CODES, 1)
REASONS = mostly(
    st.sampled_from(["salah ketik", "koreksi lembar jawaban"]),
    st.one_of(st.just(""), st.just("   "), JUNK_TEXT, TRICKY, UNICODE, LONG),
    4,
)
ASSESSOR_NAMES = mostly(st.sampled_from(["", *ASSESSORS, " Penilai A "]), JUNK_TEXT)


def _stored(world: World, number: str, component: str, assessor: str) -> list[tuple]:
    with world.db.reading() as connection:
        return connection.execute(
            "SELECT s.aspect, s.value_milli, s.value_text, s.absent FROM score s"
            " JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id"
            " WHERE p.selection_id = ? AND p.number = ? AND c.code = ? AND s.assessor = ?"
            " ORDER BY s.aspect",
            (world.selection, number, component, assessor),
        ).fetchall()


def check_save(
    world: World,
    dump: Dump,
    actor: Actor,
    number: str,
    component: str,
    text: str,
    *,
    assessor: str,
    aspect: str,
    reason: str,
) -> bool:
    """Type one value: a clear refusal that changes nothing, or exactly the value stored."""
    change = attempt(
        world,
        dump,
        lambda: save_score(
            world.db,
            actor,
            world.selection,
            number,
            component,
            text,
            assessor=assessor,
            aspect=aspect,
            reason=reason,
        ),
    )
    if change is None:
        return False
    _event("saved")
    assert isinstance(change, ScoreChange)
    try:
        assert actor.role in ("admin", "operator", "penilai")
        stored = _stored(world, change.participant_no, change.component, change.assessor)
        assert stored == sorted(
            (row.aspect, row.milli, row.text, int(row.absent)) for row in change.after
        )
        cleaned = text.strip()
        if cleaned.upper() in ("T", "TH"):
            assert stored == [("", None, None, 1)]
        elif cleaned:
            (new,) = [row for row in stored if row[0] == aspect.strip().upper()]
            if new[1] is None:
                assert new[2] == cleaned.upper()
            else:
                assert Decimal(new[1]) == parse_decimal(cleaned) * 1000
    finally:
        _restore(world, dump)
    return True


@SETTINGS
@given(
    number=PARTICIPANT_NOS,
    component=COMPONENT_CODES,
    text=TYPED,
    assessor=ASSESSOR_NAMES,
    reason=REASONS,
    data=st.data(),
    actor=st.sampled_from(ACTORS[:1] * 6 + ACTORS[1:]),
)
def test_random_values_typed_into_score_entry(
    world: World,
    dump: Dump,
    number: str,
    component: str,
    text: str,
    assessor: str,
    reason: str,
    data: st.DataObject,
    actor: Actor,
) -> None:
    """Everything random: who, which participant, component, assessor, aspect and value."""
    rubric = component.strip().upper() == "PRAKTIK"
    aspect = data.draw(ASPECT_CODES if rubric else NO_ASPECT, label="aspect")
    check_save(
        world,
        dump,
        actor,
        number,
        component,
        text,
        assessor=assessor,
        aspect=aspect,
        reason=reason,
    )


# Cells a committee really types into: (participant, component, assessor, aspect).
SKD_CELLS = [(n, c, "", "") for n in NUMBERS for c in ("TWK", "TIU", "TKP")]
AKHIR_CELLS = [
    *((n, c, "", "") for n in ("101", "102", "103", "105") for c in ("CAT_SKB", "PSIKOTES")),
    *(
        (n, "PRAKTIK", who, aspect)
        for n in ("101", "102", "105")
        for who in ASSESSORS
        for aspect in ("", *ASPECTS)
    ),
]


@SETTINGS
@given(
    target=st.sampled_from(SKD_CELLS + AKHIR_CELLS),
    reason=REASONS,
    data=st.data(),
    actor=st.sampled_from([ADMIN, ADMIN, ACTORS[1], ACTORS[2]]),
)
def test_random_text_typed_into_real_cells(
    world: World,
    dump: Dump,
    target: tuple[str, str, str, str],
    reason: str,
    data: st.DataObject,
    actor: Actor,
) -> None:
    """A real sheet cell, random text: mostly what the component takes, often not."""
    number, component, assessor, aspect = target
    text = data.draw(mostly(VALID[component.lower()], TYPED, 4), label="text")
    check_save(
        world,
        dump,
        actor,
        number,
        component,
        text,
        assessor=assessor,
        aspect=aspect,
        reason=reason,
    )


@pytest.mark.parametrize(
    ("number", "component", "text", "reason"),
    [
        ("102", "TWK", "abc", "salah ketik"),  # not a number
        ("102", "TWK", "151", "salah ketik"),  # above 150
        ("102", "TWK", "93", "salah ketik"),  # off the step of 5
        ("102", "TWK", "95", ""),  # replacing a value needs a reason
        ("102", "PRAKTIK", "80", "x"),  # two assessors: whose value?
        ("104", "CAT_SKB", "300", ""),  # outside the SKD cut
        ("999", "TWK", "95", ""),  # no such participant
        ("101", "PSIKOTES", "72", ""),  # MS or TMS only
    ],
)
def test_score_entry_refusals(
    world: World, dump: Dump, number: str, component: str, text: str, reason: str
) -> None:
    """Known outcomes of the property above: each is refused readably, nothing changes."""

    def call() -> object:
        return save_score(world.db, ADMIN, world.selection, number, component, text, reason=reason)

    assert attempt(world, dump, call) is None
    with pytest.raises(UserError):
        call()


def test_score_entry_stores_a_good_value(world: World, dump: Dump) -> None:
    change = attempt(
        world,
        dump,
        lambda: save_score(world.db, ADMIN, world.selection, "102", "TWK", "95", reason="koreksi"),
    )
    try:
        assert change is not None
        assert _stored(world, "102", "TWK", "") == [("", 95000, None, 0)]
    finally:
        _restore(world, dump)


# --- (2, 3) score files built from real sheet cells ------------------------------------------


@st.composite
def score_tables(draw: st.DrawFn) -> RandomTable:
    """Long or wide score files about real cells, so that most of them are accepted and the
    replacing of stored values (whole value against rubric aspects) is exercised."""
    noise = draw(st.sampled_from([0, 0, 0, 1, 3]))
    if draw(st.booleans()):
        targets = draw(
            st.lists(st.sampled_from(SKD_CELLS + AKHIR_CELLS), min_size=1, max_size=6, unique=True)
        )
        header = ["nomor_peserta", "komponen", "nilai", "penilai"]
        rows = [
            [number, f"{code}.{aspect}" if aspect else code, draw(cell("scores", code, noise)), who]
            for number, code, who, aspect in targets
        ]
    else:
        columns = draw(st.lists(st.sampled_from(WIDE_COLUMNS), min_size=1, max_size=4, unique=True))
        people = draw(
            st.lists(
                st.sampled_from([(n, who) for n in NUMBERS for who in ("", *ASSESSORS)]),
                min_size=1,
                max_size=4,
                unique=True,
            )
        )
        header = ["nomor_peserta", "penilai", *columns]
        rows = [
            [number, who, *(draw(mostly(cell("scores", c, noise), st.just(""))) for c in columns)]
            for number, who in people
        ]
    return RandomTable("scores", header, rows, None, draw(st.integers(0, 5)) == 0)


@pytest.mark.slow  # fuzzed importer
@SETTINGS
@given(table=score_tables(), xlsx=st.booleans())
def test_random_score_files_about_real_cells(
    world: World, dump: Dump, table: RandomTable, xlsx: bool
) -> None:
    if xlsx:
        path = write_xlsx(world.work / "nilai.xlsx", [table.header, *table.rows])
    else:
        path = world.work / "nilai.csv"
        path.write_bytes(csv_bytes(table, ";", False, "\r\n", True))
    run_import(world, dump, "scores", path, ADMIN, None, table.dry_run)
