"""Reading participant and score tables from CSV and XLSX files into plain text cells.

Committees prepare these files in Excel or LibreOffice with Indonesian or English locale
settings, so the same table arrives with ``,`` or ``;`` separators, a byte-order mark or
not, and decimal commas. This module absorbs those differences once: callers get text
cells keyed by normalized column names, with the spreadsheet row number the user will look
for when fixing the file, and decide for themselves what each cell must contain (the
``parse_*`` helpers give them the number and date rules shared by every import).

Nothing here knows the database or Qt; errors are message ids of the catalogue
(``app.messages``), never sentences.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from app.bulk import collector_paused

ALLOWED_EXTENSIONS = (".csv", ".xlsx")

#: Key under which a row keeps non-empty cells that have no column name (cells beyond the
#: last header, or under an empty header cell); absent when there are none.
EXTRA = ""
_EXTRA_JOIN = " | "

Rows = list[tuple[int, dict[str, str]]]

_DELIMITERS = (",", ";", "\t")
# How far into the file the header line is looked for; a header is never this long, and the
# bound keeps a file with an unclosed quote from being scanned character by character.
_SNIFF_LIMIT = 65536
# A separator no spreadsheet puts in a cell, for files whose header has no delimiter at all:
# such a file has one column, and a comma in its cells is a decimal comma, not a split.
_NO_DELIMITER = "\x1f"


@dataclass(frozen=True, slots=True)
class CellError:
    """One problem in one cell, row or the header, for the import report.

    ``row`` is what the user sees in the spreadsheet (header = 1); ``field`` is the
    normalized column name, or ``""`` when the problem is the whole row or file.
    """

    row: int
    field: str
    message: str
    params: dict[str, object]


class TableError(Exception):
    """The file as a whole cannot be read; ``message`` is a catalogue id."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params: dict[str, object] = params


@dataclass(slots=True)
class Table:
    """A file's cells as text: ``rows`` holds ``(row number, {column: text})``.

    Every row has every header as a key (missing cells are ``""``), plus ``EXTRA`` (``""``)
    when it has non-empty cells without a column name, which the caller should report.
    Fully empty rows are left out but do not shift the numbering of the rows after them; in
    a CSV a row is a record, so a quoted line break does not start a new row number.
    """

    path: Path
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]


def normalize_header(text: str) -> str:
    """The column name as callers spell it, so ``Nomor Peserta`` matches ``nomor_peserta``.

    Runs of whitespace count as one underscore: a doubled space typed in Excel is invisible
    to the user, and should not make a required column "missing".
    """
    return "_".join(text.replace("\ufeff", "").lower().split())


def read_table(path: Path) -> Table:
    """Read the first sheet of an ``.xlsx`` file or a UTF-8 ``.csv`` file.

    Raises ``TableError`` when the file cannot be read as a table at all; problems in
    individual cells are the caller's to report, because only the caller knows the rules.
    """
    path = Path(path)
    extension = path.suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise TableError(
            "file.bad_extension",
            name=path.name,
            extension=extension or "-",
            allowed=", ".join(ALLOWED_EXTENSIONS),
        )
    if not path.is_file():
        raise TableError("file.not_found", name=path.name)
    if extension == ".csv":
        headers, rows = _read_csv(path)
    else:
        headers, rows = _read_xlsx(path)
    return Table(path=path, headers=headers, rows=rows)


def require_columns(table: Table, required: Sequence[str]) -> list[CellError]:
    """One error per missing column, all at once, so the user fixes the header in one go."""
    present = set(table.headers)
    errors: list[CellError] = []
    for column in required:
        name = normalize_header(column)
        if name not in present:
            errors.append(CellError(1, name, "file.missing_column", {"column": name}))
    return errors


_DECIMAL = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?", re.ASCII)
_ISO_DATE = re.compile(r"([0-9]{4})([-/])([0-9]{1,2})\2([0-9]{1,2})(?:[ T]00:00(?::00)?)?")
_DAY_FIRST_DATE = re.compile(r"([0-9]{1,2})([-/])([0-9]{1,2})\2([0-9]{4})")


def parse_decimal(text: str) -> Decimal:
    """An exact decimal from ``72``, ``72.5`` or ``72,5``; ``ValueError`` otherwise.

    A single separator only: ``1.234,5`` and ``1,234.5`` are refused rather than guessed,
    since in Indonesian ``1.234`` means one thousand and in English it means one point two.
    Exponents, ``nan`` and ``inf`` are refused because no one types a score that way; they
    only appear when a float went through some tool, and then the value is suspect.
    """
    stripped = text.strip()
    if not _DECIMAL.fullmatch(stripped):
        raise ValueError(f"not a decimal number: {text!r}")
    return Decimal(stripped.replace(",", "."))


def parse_int(text: str) -> int:
    """A whole number; ``3.0`` is accepted because spreadsheets write whole floats that way."""
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise ValueError(f"not a whole number: {text!r}")
    return int(value)


def parse_date(text: str) -> date:
    """A date written year first (``2000-01-31``) or day first (``31-01-2000``, ``/`` too).

    Day-first is the Indonesian order; month-first (US) dates are not recognized and a
    US-locale ``01/02/2000`` reads as 1 February. A midnight time is allowed after an ISO
    date because spreadsheets export date cells as datetimes.
    """
    stripped = text.strip()
    match = _ISO_DATE.fullmatch(stripped)
    if match:
        year, month, day = match.group(1, 3, 4)
    else:
        match = _DAY_FIRST_DATE.fullmatch(stripped)
        if not match:
            raise ValueError(f"not a date: {text!r}")
        day, month, year = match.group(1, 3, 4)
    return date(int(year), int(month), int(day))  # ValueError for 31-02-2000


def _reason(error: BaseException) -> str:
    """The library's own words, for the detail part of a file error."""
    return (
        (error.strerror if isinstance(error, OSError) else None)
        or str(error)
        or type(error).__name__
    )


# --- CSV -----------------------------------------------------------------------------------


def _read_csv(path: Path) -> tuple[list[str], Rows]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TableError("file.not_found", name=path.name) from None
    except OSError as error:
        raise TableError("file.unreadable", name=path.name, detail=_reason(error)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TableError("file.not_utf8", name=path.name, line=line) from None
    if not text.strip():
        raise TableError("file.empty", name=path.name)
    delimiter = _sniff_delimiter(text)
    # newline="" keeps quoted line breaks inside their cell and splits only on \n, \r, \r\n
    # (str.splitlines would also split on characters such as U+2028 inside a cell).
    # strict: an unclosed quote would otherwise swallow the rest of the file into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, [])
        builder = _RowBuilder(path, header)
        rows = builder.build(enumerate(reader, start=2))
    except csv.Error as error:
        raise TableError(
            "file.bad_csv", name=path.name, line=reader.line_num, detail=_reason(error)
        ) from None
    return builder.headers, rows


def _sniff_delimiter(text: str) -> str:
    """The separator used most often in the header line, outside quotes.

    Only the header is looked at: data rows may hold decimal commas in a ``;`` file, but
    column names never contain separators.
    """
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in text[:_SNIFF_LIMIT]:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char in counts:
            counts[char] += 1
        elif char in "\r\n":
            break
    best = max(_DELIMITERS, key=counts.__getitem__)  # ties go to the earlier: "," first
    if counts[best]:
        return best
    return _NO_DELIMITER if _NO_DELIMITER not in text else ","


# --- XLSX ----------------------------------------------------------------------------------

# What a truncated, renamed or hand-edited .xlsx raises from inside zipfile and the XML
# parsers (their syntax errors derive from SyntaxError); none of it is the user's to debug.
# IndexError: a cell or style pointing past the shared strings or styles; RuntimeError
# (and its subclass for unsupported features): an encrypted or unsupported compressed zip member.
_BROKEN_XLSX: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    SyntaxError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    OSError,
    RuntimeError,
)


def _read_xlsx(path: Path) -> tuple[list[str], Rows]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    bad_file: tuple[type[BaseException], ...] = (InvalidFileException, *_BROKEN_XLSX)

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it ignores; none matter for values.
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise TableError("file.not_found", name=path.name) from None
    except PermissionError as error:
        raise TableError("file.unreadable", name=path.name, detail=_reason(error)) from None
    except bad_file as error:
        raise TableError("file.bad_xlsx", name=path.name, detail=_reason(error)) from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise TableError("file.empty", name=path.name)
        sheet = sheets[0]
        # Some generators write a wrong <dimension>; trusting it would silently drop rows.
        sheet.reset_dimensions()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            records = (
                (number, [_cell_text(value) for value in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            )
            first = next(records, None)
            if first is None:
                raise TableError("file.empty", name=path.name)
            # Tell a sheet that is blank apart from formatting from one missing its header
            # (an empty first row is refused either way, so using up `records` is harmless).
            if not any(cell.strip() for cell in first[1]) and not any(
                cell.strip() for _, cells in records for cell in cells
            ):
                raise TableError("file.empty", name=path.name)
            builder = _RowBuilder(path, first[1])
            rows = builder.build(records)
    except TableError:
        raise
    except _BROKEN_XLSX as error:
        raise TableError("file.bad_xlsx", name=path.name, detail=_reason(error)) from None
    finally:
        workbook.close()
    return builder.headers, rows


def _cell_text(value: object) -> str:
    """A cell value as the text the user sees, without float noise or a time of day.

    Booleans come before ints because ``bool`` is an ``int``.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:
            # Same shortest digits, positional: 1e-05 -> 0.00001, which parse_decimal accepts.
            text = format(Decimal(text), "f")
        return text
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        # Keep the time so parse_date refuses it instead of silently dropping it.
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="seconds")
    return str(value)


# --- shared --------------------------------------------------------------------------------


class _RowBuilder:
    """Turns header cells and raw rows into keyed, stripped rows.

    The common case (every column named, row exactly as wide as the header) goes through a
    single ``dict(zip(...))``; the rest takes a slower path that files cells without a
    column name under ``EXTRA`` so that the caller can report them.
    """

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        names = [normalize_header(cell) for cell in header]
        while names and not names[-1]:
            names.pop()
        if not names:
            raise TableError("file.no_header", name=path.name)
        seen: set[str] = set()
        for name in names:
            if name and name in seen:
                raise TableError("file.duplicate_column", name=path.name, column=name)
            seen.add(name)
        self.names = names
        self.headers = [name for name in names if name]
        self.width = len(names)
        self.simple = len(self.headers) == self.width

    def build(self, records: Iterable[tuple[int, Sequence[str]]]) -> Rows:
        headers, width, simple = self.headers, self.width, self.simple
        strip = str.strip
        rows: Rows = []
        append = rows.append
        with collector_paused():
            for number, cells in records:
                values = list(map(strip, cells))
                if not any(values):
                    continue
                if simple and len(values) == width:
                    # zip without strict: the length was just checked, and this is the hot loop.
                    append((number, dict(zip(headers, values))))  # noqa: B905
                else:
                    append((number, self._slow_row(values)))
        return rows

    def _slow_row(self, values: list[str]) -> dict[str, str]:
        count = len(values)
        row: dict[str, str] = {}
        extras: list[str] = []
        for index, name in enumerate(self.names):
            value = values[index] if index < count else ""
            if name:
                row[name] = value
            elif value:
                extras.append(value)
        extras.extend(value for value in values[self.width :] if value)
        if extras:
            row[EXTRA] = _EXTRA_JOIN.join(extras)
        return row
