"""Reading participant and score tables from CSV and XLSX files into plain text cells.

Committees prepare these files in Excel or LibreOffice with Indonesian or English locale
settings, so the same table arrives with ``,`` or ``;`` separators, a byte-order mark or
not, and decimal commas. This module absorbs those differences once: callers get text
cells keyed by normalized column names, with the spreadsheet row number the user will look
for when fixing the file, and decide for themselves what each cell must contain (the
``parse_*`` helpers give them the number and date rules shared by every import).

A file may also be hostile: a sheet that claims a million columns, a zip that unpacks to
gigabytes, a single cell of ten megabytes. The file is therefore read once, as a stream, and
every limit (``MAX_*``) is checked on the way in, before the memory for what is refused is
taken; the rows are kept packed (one UTF-8 string per row), and the SHA-256 of exactly the
bytes parsed goes with the table, so an import records the file it read, not one swapped in
later.

Nothing here knows the database or Qt; errors are message ids of the catalogue
(``app.messages``), never sentences.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import struct
import zipfile
import zlib
from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, BinaryIO, overload
from xml.parsers import expat

from app.bulk import collector_paused

ALLOWED_EXTENSIONS = (".csv", ".xlsx")

#: Key under which a row keeps non-empty cells that have no column name (cells beyond the
#: last header, or under an empty header cell); absent when there are none.
EXTRA = ""
_EXTRA_JOIN = " | "

# Limits of what a table may hold (issue #9: a hostile file must not exhaust memory or
# time). Far above any committee's file: a national selection has fewer than 500,000
# applicants per region, and a score file fewer than 200 columns.
MAX_ROWS = 500_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 1_000
#: The file itself, as it lies on disk (an XLSX is held in memory once while it is read).
MAX_FILE_BYTES = 100 * 1024 * 1024
#: The parts of an XLSX once unpacked, as its zip directory declares them (zipfile never
#: returns more than a member declares: the CRC check fails first).
MAX_XLSX_UNPACKED = 200 * 1024 * 1024
# A workbook has a few dozen parts; an Excel sheet at most 16,384 cells in a row and 64,000
# cell formats. More is not a workbook a person made.
_MAX_XLSX_PARTS = 10_000
_MAX_ROW_CELLS = 16_384
_MAX_STYLES = 65_536
_MAX_SHEET_ROW = 1_048_576
# The small parts (relationships, workbook, styles) are read whole.
_MAX_SMALL_PART = 16 * 1024 * 1024

_DELIMITERS = (",", ";", "\t")
# How far into the file the header line is looked for; a header is never this long, and the
# bound keeps a file with an unclosed quote from being scanned character by character.
_SNIFF_LIMIT = 65536
# A separator no spreadsheet puts in a cell, for files whose header has no delimiter at all:
# such a file has one column, and a comma in its cells is a decimal comma, not a split.
_NO_DELIMITER = "\x1f"
# The text of one record can be no longer than this while its cells keep to the limits
# (every cell quoted, every character a doubled quote); past it the record is refused before
# the csv module has gathered it.
_MAX_RECORD_CHARS = MAX_COLUMNS * (2 * MAX_CELL_CHARS + 3)
_CHUNK = 1 << 20
# Cells of a stored row are joined by NUL, which no cell may contain (it is refused).
_JOIN = "\x00"


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


Row = tuple[int, dict[str, str]]
Rows = list[Row]


class PackedRows(Sequence[Row]):
    """A table's data rows, each kept as one UTF-8 string and turned into a dict when read.

    A dict of short strings per row costs about a kilobyte; 500,000 rows would take half a
    gigabyte before any importer started. Packed, a row costs its text plus some 50 bytes.
    Reading gives exactly what a list of ``(row number, {column: text})`` would, and such a
    list compares equal to it.
    """

    __slots__ = ("_headers", "_names", "_numbers", "_packed", "_simple", "_width")

    def __init__(self, names: Sequence[str | None], numbers: array, packed: list[bytes]) -> None:
        # ``names`` by position: a column's name, "" for a column without one (its cells go
        # under EXTRA), None for a column left out altogether.
        self._names = list(names)
        self._headers = [name for name in self._names if name]
        self._width = len(self._names)
        self._simple = len(self._headers) == self._width
        self._numbers = numbers
        self._packed = packed

    def renamed(self, names: Sequence[str | None]) -> PackedRows:
        """The same rows under other column names (same positions), without copying them."""
        return PackedRows(names, self._numbers, self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def _row(self, index: int) -> Row:
        values = self._packed[index].decode("utf-8").split(_JOIN)
        number = self._numbers[index]
        if self._simple:
            if len(values) == self._width:
                # zip without strict: the length was just checked, and this is the hot loop.
                return number, dict(zip(self._headers, values))  # noqa: B905
            if len(values) < self._width:
                row = dict.fromkeys(self._headers, "")
                row.update(zip(self._headers, values))  # noqa: B905 (a short row is padded)
                return number, row
        return number, self._slow_row(values)

    def _slow_row(self, values: list[str]) -> dict[str, str]:
        count = len(values)
        row: dict[str, str] = {}
        extras: list[str] = []
        for index, name in enumerate(self._names):
            value = values[index] if index < count else ""
            if name:
                row[name] = value
            elif name is not None and value:
                extras.append(value)
        extras.extend(value for value in values[self._width :] if value)
        if extras:
            row[EXTRA] = _EXTRA_JOIN.join(extras)
        return row

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(len(self._packed)))]
        if index < 0:
            index += len(self._packed)
        if not 0 <= index < len(self._packed):
            raise IndexError(index)
        return self._row(index)

    def __iter__(self) -> Iterator[Row]:
        for index in range(len(self._packed)):
            yield self._row(index)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedRows | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))  # noqa: B905
        return NotImplemented

    def __repr__(self) -> str:
        return f"PackedRows({list(self)!r})"

    def __hash__(self) -> int:
        """Unhashable, like the list it stands for (it defines ``__eq__`` on contents)."""
        raise TypeError(f"unhashable type: {type(self).__name__!r}")


@dataclass(slots=True)
class Table:
    """A file's cells as text: ``rows`` holds ``(row number, {column: text})``.

    Every row has every header as a key (missing cells are ``""``), plus ``EXTRA`` (``""``)
    when it has non-empty cells without a column name, which the caller should report.
    Fully empty rows are left out but do not shift the numbering of the rows after them; in
    a CSV a row is a record, so a quoted line break does not start a new row number.
    ``sha256`` is the hash of the very bytes the rows were read from.
    """

    path: Path
    headers: list[str]
    rows: Sequence[Row]
    sha256: str = field(default="", compare=False)
    encoding: str = field(default="utf-8", compare=False)
    """``cp1252`` for a CSV that is not UTF-8 but Windows' ANSI (Excel's "CSV (dipisahkan
    koma)" on an Indonesian Windows): read, and said so where the file is previewed."""


def normalize_header(text: str) -> str:
    """The column name as callers spell it, so ``Nomor Peserta`` matches ``nomor_peserta``.

    Runs of whitespace count as one underscore: a doubled space typed in Excel is invisible
    to the user, and should not make a required column "missing".
    """
    return "_".join(text.replace("\ufeff", "").lower().split())


def read_table(path: Path) -> Table:
    """Read the first sheet of an ``.xlsx`` file or a UTF-8 ``.csv`` file.

    Raises ``TableError`` when the file cannot be read as a table at all, or breaks one of
    the limits; problems in individual cells are the caller's to report, because only the
    caller knows the rules.
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
    try:
        with path.open("rb") as handle:
            size = _file_size(handle)
            if size > MAX_FILE_BYTES:
                raise TableError(
                    "file.too_large",
                    name=path.name,
                    size=_megabytes(size),
                    limit=_megabytes(MAX_FILE_BYTES),
                )
            with collector_paused():
                if extension == ".csv":
                    try:
                        return _read_csv(path, handle)
                    except TableError as error:
                        if error.message != "file.not_utf8":
                            raise
                        # Excel's "CSV (dipisahkan koma)" writes Windows-1252 (issue #10 §4):
                        # read again from the first byte, hashed again; a byte undefined
                        # there still gets the UTF-8 message.
                        handle.seek(0)
                        try:
                            return _read_csv(path, handle, WINDOWS_ANSI)
                        except TableError as again:
                            raise (error if again.message == "file.not_utf8" else again) from None
                return _read_xlsx(path, handle)
    except FileNotFoundError:
        raise TableError("file.not_found", name=path.name) from None
    except (PermissionError, IsADirectoryError) as error:
        raise TableError("file.unreadable", name=path.name, detail=_reason(error)) from None


def require_columns(table: Table, required: Sequence[str]) -> list[CellError]:
    """One error per missing column, all at once, so the user fixes the header in one go."""
    present = set(table.headers)
    errors: list[CellError] = []
    for column in required:
        name = normalize_header(column)
        if name not in present:
            errors.append(CellError(1, name, "file.missing_column", {"column": name}))
    return errors


# Characters a spreadsheet runs as a formula when a cell starts with them (CSV injection):
# ``=``, ``+``, ``-`` and ``@`` start formulas, and Excel skips a leading tab or CR first.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """``text`` for a CSV cell that a spreadsheet shows and never runs: a cell starting like
    a formula gets a leading ``'``, which Excel and LibreOffice show as text (OWASP's advice
    against CSV injection). Any other text is returned as it is, so normal files do not
    change by a byte."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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


def _file_size(handle: BinaryIO) -> int:
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    return size


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f}" if size >= 2**20 else f"{size / 2**20:.1f}"


def column_letter(index: int) -> str:
    """``1`` → ``A``, ``28`` → ``AB``: how a spreadsheet names the column of a cell."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- collecting rows -----------------------------------------------------------------------


class _RowBuilder:
    """Turns the header and raw rows into packed, stripped rows, checking every limit.

    Cells arrive stripped with trailing empty cells dropped; a fully empty row is skipped
    (its number is not reused).
    """

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self.path = path
        self._check(1, header)
        if any(_JOIN in cell for cell in header):
            raise self._nul(1, header)
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
        self.numbers = array("l")
        self.packed: list[bytes] = []

    def _check(self, number: int, values: Sequence[str]) -> None:
        """The limits of one row (the header too) and no NUL anywhere in it."""
        if len(values) > MAX_COLUMNS:
            raise TableError(
                "file.too_many_columns", name=self.path.name, row=number, limit=MAX_COLUMNS
            )
        if values and max(map(len, values)) > MAX_CELL_CHARS:
            column = next(i for i, v in enumerate(values, 1) if len(v) > MAX_CELL_CHARS)
            raise TableError(
                "file.cell_too_long",
                name=self.path.name,
                row=number,
                column=column_letter(column),
                limit=MAX_CELL_CHARS,
            )

    def _nul(self, number: int, values: Sequence[str]) -> TableError:
        column = next(i for i, v in enumerate(values, 1) if _JOIN in v)
        return TableError("file.nul", name=self.path.name, row=number, column=column_letter(column))

    def add(self, number: int, values: list[str]) -> None:
        """One data row: stripped cells, trailing empty ones already dropped."""
        if not values:
            return
        self._check(number, values)
        joined = _JOIN.join(values)
        if joined.count(_JOIN) != len(values) - 1:  # one scan in C instead of one per cell
            raise self._nul(number, values)
        if len(self.packed) >= MAX_ROWS:
            raise TableError("file.too_many_rows", name=self.path.name, limit=MAX_ROWS)
        self.numbers.append(number)
        self.packed.append(joined.encode("utf-8"))

    def rows(self) -> PackedRows:
        return PackedRows(self.names, self.numbers, self.packed)


def _trimmed(cells: Iterable[str]) -> list[str]:
    """Stripped cells without the empty ones at the end of the row."""
    values = list(map(str.strip, cells))
    while values and not values[-1]:
        values.pop()
    return values


# --- CSV -----------------------------------------------------------------------------------


class _RecordTooLong(Exception):
    """A record's text outgrew what a row within the limits can take."""


class _Utf8Lines:
    """The lines of a UTF-8 file, decoded from one pass over its bytes, which are hashed.

    Lines end where the csv module's ``newline=""`` reading ends them (``\\n``, ``\\r\\n``,
    ``\\r``), never at characters such as U+2028 inside a cell. ``chars`` counts what was
    handed out since the reader's last record; past ``_MAX_RECORD_CHARS`` the next line is
    refused, so no record (an unclosed quote, a 10 MB cell) grows without bound.
    """

    def __init__(self, handle: BinaryIO, name: str, encoding: str = "utf-8-sig") -> None:
        self._handle = handle
        self._name = name
        self._decoder = codecs.getincrementaldecoder(encoding)()
        self.digest = hashlib.sha256()
        self._newlines = 0
        self._text = ""
        self._lines: deque[str] = deque()
        self._eof = False
        self.blank = True
        self.chars = 0

    def _fill(self) -> None:
        """Decode the next chunk of the file into ``_text``."""
        chunk = self._handle.read(_CHUNK)
        self.digest.update(chunk)
        held = len(self._decoder.getstate()[0])
        try:
            text = self._decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            # The decoder's error position counts the bytes it held back from the last chunk.
            before = chunk.count(b"\n", 0, max(0, error.start - held))
            raise TableError(
                "file.not_utf8", name=self._name, line=self._newlines + before + 1
            ) from None
        self._newlines += chunk.count(b"\n")
        if not chunk:
            self._eof = True
        if self.blank and text and not text.isspace():
            self.blank = False
        self._text += text
        if len(self._text) > _MAX_RECORD_CHARS and not self._split():
            raise _RecordTooLong()

    def head(self) -> str:
        """The beginning of the text, for finding the header's separator."""
        while not self._eof and len(self._text) < _SNIFF_LIMIT and not self._lines:
            self._fill()
        return ("".join(self._lines) + self._text)[:_SNIFF_LIMIT]

    def _split(self) -> bool:
        """Move the complete lines of ``_text`` to ``_lines``; False if there were none."""
        text = self._text
        end = len(text) if self._eof else text.rfind("\n") + 1
        if not end:
            end = text.rfind("\r", 0, len(text) - 1) + 1  # a last "\r" may get its "\n" next
        if not end:
            return False
        self._lines.extend(io.StringIO(text[:end], newline=""))
        self._text = text[end:]
        return True

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        while not self._lines:
            if self._eof:
                if self._text:
                    self._split()
                    continue
                raise StopIteration
            self._fill()
            self._split()
        line = self._lines.popleft()
        self.chars += len(line)
        if self.chars > _MAX_RECORD_CHARS:
            raise _RecordTooLong()
        return line

    def drain(self) -> None:
        """Read the rest of the file (for ``blank`` and the hash)."""
        while not self._eof:
            self._fill()
            self._split()
            self._lines.clear()


WINDOWS_ANSI = "cp1252"


def _read_csv(path: Path, handle: BinaryIO, encoding: str = "utf-8-sig") -> Table:
    lines = _Utf8Lines(handle, path.name, encoding)
    records = 0
    try:
        head = lines.head()
        delimiter = _sniff_delimiter(head)
        # strict: an unclosed quote would otherwise swallow the rest of the file into one cell.
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        header = next(reader, None)
        lines.chars = 0
        if header is None or not any(cell.strip() for cell in header):
            lines.drain()
            if lines.blank:
                raise TableError("file.empty", name=path.name)
            raise TableError("file.no_header", name=path.name)
        builder = _RowBuilder(path, _trimmed(header))
        records = 1
        for number, record in enumerate(reader, start=2):
            lines.chars = 0
            records = number
            builder.add(number, _trimmed(record))
    except _RecordTooLong:
        raise TableError(
            "file.row_too_long", name=path.name, row=records + 1, limit=MAX_CELL_CHARS
        ) from None
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise TableError(
                "file.row_too_long", name=path.name, row=records + 1, limit=MAX_CELL_CHARS
            ) from None
        raise TableError(
            "file.bad_csv", name=path.name, line=reader.line_num, detail=_reason(error)
        ) from None
    lines.drain()
    used = "utf-8" if encoding == "utf-8-sig" else encoding
    return Table(path, builder.headers, builder.rows(), lines.digest.hexdigest(), used)


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
# parser; none of it is the user's to debug. IndexError: a cell pointing past the shared
# strings; RuntimeError (and its subclass for unsupported features): an encrypted or
# unsupported compressed zip member.
_BROKEN_XLSX: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    SyntaxError,
    expat.ExpatError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    OverflowError,
    OSError,
    RuntimeError,
)


class _BrokenXlsx(Exception):
    """The workbook's structure is not what an XLSX holds; the detail is in English."""


_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELATIONSHIP_ID = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "http://purl.oclc.org/ooxml/officeDocument/relationships}id",
)


def _read_xlsx(path: Path, handle: BinaryIO) -> Table:
    data = handle.read()
    digest = hashlib.sha256(data).hexdigest()
    try:
        parts = _zip_entries(data)
        if parts > _MAX_XLSX_PARTS:
            raise TableError("file.too_many_parts", name=path.name, count=parts)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_XLSX_UNPACKED:
                raise TableError(
                    "file.xlsx_too_large",
                    name=path.name,
                    size=_megabytes(unpacked),
                    limit=_megabytes(MAX_XLSX_UNPACKED),
                )
            book = _Workbook(archive)
            if book.sheet is None:
                raise TableError("file.empty", name=path.name)
            collector = _SheetCollector(path)
            sheet = _SheetReader(book, collector)
            with archive.open(book.sheet) as stream:
                _parse(stream, sheet)
            builder = collector.finish()
    except TableError:
        raise
    except _BrokenXlsx as error:
        raise TableError("file.bad_xlsx", name=path.name, detail=str(error)) from None
    except _BROKEN_XLSX as error:
        raise TableError("file.bad_xlsx", name=path.name, detail=_reason(error)) from None
    return Table(path, builder.headers, builder.rows(), digest)


def _zip_entries(data: bytes) -> int:
    """How many members the zip's end record announces, read before zipfile builds one
    object per member (a 100 MB file could announce a million of them)."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        raise zipfile.BadZipFile("File is not a zip file")
    (entries,) = struct.unpack_from("<H", data, at + 10)
    if entries == 0xFFFF:  # a zip64 directory: only ever needed past 65,535 members
        return 0xFFFF
    return int(entries)


def _parse(stream: IO[bytes], handler: _XmlHandler) -> None:
    """Feed one zip member to an expat parser in chunks, calling ``handler``'s methods.

    expat (2.4 and later) refuses entity expansion bombs itself, and loads no external
    entities; character data arrives in pieces of at most 64 KiB, so the handlers decide
    how much of a text node they keep.
    """
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.buffer_size = 65536
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    while chunk := stream.read(_CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


class _XmlHandler:
    """The three callbacks ``_parse`` calls; tags arrive as ``namespace}local``."""

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        del tag, attributes

    def end(self, tag: str) -> None:
        del tag

    def text(self, data: str) -> None:
        del data


def _local(tag: str) -> str:
    return tag[tag.rfind("}") + 1 :]


class _Relationships(_XmlHandler):
    """``Id`` → (type, target) of one ``.rels`` part."""

    def __init__(self) -> None:
        self.targets: dict[str, tuple[str, str]] = {}

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if _local(tag) == "Relationship":
            if len(self.targets) > _MAX_XLSX_PARTS:
                raise _BrokenXlsx("too many relationships")
            self.targets[attributes.get("Id", "")] = (
                attributes.get("Type", ""),
                attributes.get("Target", ""),
            )


class _WorkbookPart(_XmlHandler):
    """The relationship ids of the sheets in their order, and the date system."""

    def __init__(self) -> None:
        self.sheets: list[str] = []
        self.date1904 = False

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        local = _local(tag)
        if local == "sheet":
            if len(self.sheets) > _MAX_XLSX_PARTS:
                raise _BrokenXlsx("too many sheets")
            self.sheets.append(
                next((attributes[k] for k in _RELATIONSHIP_ID if k in attributes), "")
            )
        elif local == "workbookPr":
            self.date1904 = attributes.get("date1904", "").lower() in ("1", "true")


class _Styles(_XmlHandler):
    """Which cell formats (``s`` of a cell) show a date, and which a duration."""

    def __init__(self) -> None:
        self.formats: dict[int, str] = {}
        self.cell_formats: list[int] = []
        self._in_cell_xfs = False
        self._in_formats = False

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        local = _local(tag)
        if local == "numFmts":
            self._in_formats = True
        elif local == "numFmt" and self._in_formats:
            if len(self.formats) >= _MAX_STYLES:
                raise _BrokenXlsx("too many number formats")
            self.formats[int(attributes.get("numFmtId", "0"))] = attributes.get("formatCode", "")
        elif local == "cellXfs":
            self._in_cell_xfs = True
        elif local == "xf" and self._in_cell_xfs:
            if len(self.cell_formats) >= _MAX_STYLES:
                raise _BrokenXlsx("too many cell formats")
            self.cell_formats.append(int(attributes.get("numFmtId", "0") or 0))

    def end(self, tag: str) -> None:
        local = _local(tag)
        if local == "cellXfs":
            self._in_cell_xfs = False
        elif local == "numFmts":
            self._in_formats = False

    def kinds(self) -> tuple[frozenset[int], frozenset[int]]:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        dates, durations = set(), set()
        for index, format_id in enumerate(self.cell_formats):
            code = self.formats.get(format_id) or BUILTIN_FORMATS.get(format_id)
            if is_date_format(code):
                dates.add(index)
            if is_timedelta_format(code):
                durations.add(index)
        return frozenset(dates), frozenset(durations)


class _SharedStrings(_XmlHandler):
    """The workbook's shared strings, packed: one UTF-8 buffer and the offsets into it.

    A list of Python strings costs some 60 bytes per entry, and a shared-strings part of
    200 MB can hold ten million of them. A string longer than a cell may be is kept only as
    far as needed to refuse the cell that uses it.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._ends = array("Q")
        self._parts: list[str] = []
        self._length = 0
        self._depth_phonetic = 0
        self._collect = False

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        local = _local(tag)
        if local == "si":
            self._parts = []
            self._length = 0
        elif local == "rPh":  # a phonetic reading: not part of the text
            self._depth_phonetic += 1
        elif local == "t" and not self._depth_phonetic:
            self._collect = True

    def text(self, data: str) -> None:
        if self._collect and self._length <= MAX_CELL_CHARS:
            self._parts.append(data)
            self._length += len(data)

    def end(self, tag: str) -> None:
        local = _local(tag)
        if local == "t":
            self._collect = False
        elif local == "rPh":
            self._depth_phonetic -= 1
        elif local == "si":
            # openpyxl's reading of Excel's escape of a literal "_x...": kept for the same text.
            text = "".join(self._parts).replace("x005F_", "")[: MAX_CELL_CHARS + 1]
            self._buffer += text.encode("utf-8")
            self._ends.append(len(self._buffer))

    def __getitem__(self, index: int) -> str:
        if index < 0:
            raise IndexError(index)
        start = self._ends[index - 1] if index else 0
        return self._buffer[start : self._ends[index]].decode("utf-8")


class _Workbook:
    """Where the first worksheet of an archive is and what it needs to be read."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive
        names = set(archive.namelist())
        root = self._rels("_rels/.rels") if "_rels/.rels" in names else {}
        book_path = next(
            (_target("", t) for kind, t in root.values() if kind.endswith("/officeDocument")),
            "xl/workbook.xml",
        )
        workbook = _WorkbookPart()
        self._small(book_path, workbook)
        folder = book_path.rpartition("/")[0]
        rels_path = f"{folder}/_rels/{book_path.rpartition('/')[2]}.rels".lstrip("/")
        related = self._rels(rels_path) if rels_path in names else {}
        self.sheet: str | None = None
        for sheet_id in workbook.sheets:
            kind, target = related.get(sheet_id, ("", ""))
            if kind.endswith("/worksheet"):
                self.sheet = _target(folder, target)
                break
        self.epoch = datetime(1904, 1, 1) if workbook.date1904 else datetime(1899, 12, 30)
        self.strings = _SharedStrings()
        self.dates: frozenset[int] = frozenset()
        self.durations: frozenset[int] = frozenset()
        for kind, target in related.values():
            part = _target(folder, target)
            if kind.endswith("/sharedStrings") and part in names:
                with archive.open(part) as stream:
                    _parse(stream, self.strings)
            elif kind.endswith("/styles") and part in names:
                styles = _Styles()
                self._small(part, styles)
                self.dates, self.durations = styles.kinds()

    def _small(self, name: str, handler: _XmlHandler) -> None:
        if self._archive.getinfo(name).file_size > _MAX_SMALL_PART:
            raise _BrokenXlsx(f"{name} is too large")
        with self._archive.open(name) as stream:
            _parse(stream, handler)

    def _rels(self, name: str) -> dict[str, tuple[str, str]]:
        relationships = _Relationships()
        self._small(name, relationships)
        return relationships.targets


def _target(folder: str, target: str) -> str:
    """A relationship's target as a member name: absolute (``/xl/...``) or relative."""
    if target.startswith("/"):
        return target[1:]
    parts: list[str] = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


class _SheetCollector:
    """Rows of a sheet in order, the first physical row being the header."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._builder: _RowBuilder | None = None

    def row(self, number: int, cells: dict[int, str]) -> None:
        values = [""] * max(cells, default=0)
        for column, value in cells.items():
            values[column - 1] = value
        if self._builder is not None:
            self._builder.add(number, values)
        elif number == 1 and values:
            self._builder = _RowBuilder(self._path, values)
        elif values:  # data before any header (an empty first row)
            raise TableError("file.no_header", name=self._path.name)

    def finish(self) -> _RowBuilder:
        if self._builder is None:
            raise TableError("file.empty", name=self._path.name)
        return self._builder


class _SheetReader(_XmlHandler):
    """The cells of one worksheet as they stream by, the way openpyxl reads them with
    ``data_only`` (a formula's last value, dates by their cell format), but checking the
    limits cell by cell instead of building rows as wide as the sheet claims to be."""

    def __init__(self, book: _Workbook, collector: _SheetCollector) -> None:
        self._book = book
        self._collector = collector
        self._name = collector._path.name
        kinds: dict[str, int] = {}
        for namespace in (*_MAIN_NAMESPACES, ""):
            prefix = f"{namespace}}}" if namespace else ""
            for code, local in enumerate(("row", "c", "v", "is", "t", "rPh"), start=1):
                kinds[prefix + local] = code
        self._kinds = kinds
        self._columns: dict[str, int] = {}  # "AB" of "AB12" → 28 (at most 18,278 entries)
        self._row = 0
        self._cells: dict[int, str] = {}
        self._count = 0
        self._column = 0
        self._type = "n"
        self._style = 0
        self._value: str | None = None
        self._inline: list[str] | None = None
        self._parts: list[str] = []
        self._length = 0
        self._collect = 0  # 0: none, 3: a <v>, 5: a <t> of an inline string
        self._phonetic = 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        kind = self._kinds.get(tag)
        if kind is None:
            return
        if kind == 2:  # c
            self._count += 1
            if self._count > _MAX_ROW_CELLS:
                raise TableError(
                    "file.too_many_columns", name=self._name, row=self._row, limit=MAX_COLUMNS
                )
            reference = attributes.get("r")
            if reference:
                letters = reference.rstrip("0123456789")
                column = self._columns.get(letters)
                if column is None:
                    column = self._columns[letters] = _reference_column(letters)
                self._column = column
            else:
                self._column += 1
            self._type = attributes.get("t", "n")
            style = attributes.get("s")
            self._style = int(style) if style else 0
            self._value = None
            self._inline = None
        elif kind == 3 or (kind == 5 and self._inline is not None and not self._phonetic):
            self._collect = kind
            self._parts = []
            self._length = 0
        elif kind == 1:  # row
            number = attributes.get("r")
            row = _row_number(number) if number else self._row + 1
            if row <= self._row or row > _MAX_SHEET_ROW:
                raise _BrokenXlsx(f"row {row} out of order")
            self._row = row
            self._cells = {}
            self._count = 0
            self._column = 0
        elif kind == 4:  # is
            self._inline = []
        elif kind == 6:  # rPh
            self._phonetic += 1

    def text(self, data: str) -> None:
        if self._collect and self._length <= MAX_CELL_CHARS:
            self._parts.append(data)
            self._length += len(data)

    def end(self, tag: str) -> None:
        kind = self._kinds.get(tag)
        if kind is None:
            return
        if kind == self._collect:
            self._collect = 0
            text = "".join(self._parts)
            if kind == 3:
                self._value = text
            elif self._inline is not None:
                self._inline.append(text)
        elif kind == 2:
            self._cell()
        elif kind == 1:
            self._collector.row(self._row, self._cells)
        elif kind == 6:
            self._phonetic -= 1

    def _cell(self) -> None:
        kind, value = self._type, self._value
        # The two kinds nearly every cell is, without the general path's calls.
        if kind == "s" and value:
            text = self._book.strings[int(value)].strip()
        elif kind == "n" and value and self._style not in self._book.dates:
            if "." in value or "E" in value or "e" in value:
                text = _cell_text(float(value))
            else:
                text = str(int(value))
        else:
            text = _cell_text(self._typed()).strip()
        if not text:
            return
        if self._column > MAX_COLUMNS:
            raise TableError(
                "file.too_many_columns", name=self._name, row=self._row, limit=MAX_COLUMNS
            )
        if len(text) > MAX_CELL_CHARS:
            raise TableError(
                "file.cell_too_long",
                name=self._name,
                row=self._row,
                column=column_letter(self._column),
                limit=MAX_CELL_CHARS,
            )
        self._cells[self._column] = text

    def _typed(self) -> object:
        """The cell's value as openpyxl gives it (``parse_cell`` with ``data_only``)."""
        kind, value = self._type, self._value
        if kind == "inlineStr":
            return "".join(self._inline) if self._inline is not None else None
        if not value:
            return None
        if kind == "n":
            number: int | float = (
                float(value) if "." in value or "E" in value or "e" in value else int(value)
            )
            if self._style in self._book.dates:
                from openpyxl.utils.datetime import from_excel

                try:
                    return from_excel(
                        number, self._book.epoch, timedelta=self._style in self._book.durations
                    )
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self._book.strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return from_ISO8601(value)
        return value  # "str" (a formula's text), "e" (an error such as #N/A)


_COLUMN_LETTERS = re.compile(r"\$?([A-Za-z]{1,3})\$?")


def _reference_column(letters: str) -> int:
    """The column of a cell reference's letters (``AB`` or ``$AB$`` of ``$AB$12``)."""
    match = _COLUMN_LETTERS.fullmatch(letters)
    if match is None:
        raise _BrokenXlsx(f"bad cell reference {letters[:20]!r}")
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return column


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)  # openpyxl accepts "3.0"
        if not number.is_integer():
            raise
        return int(number)


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
