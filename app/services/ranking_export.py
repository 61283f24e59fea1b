"""A ranking as a file: the CSV/JSON/table text of ``seleksi rank`` and the same rows as XLSX.

One module for the command line and the window, so an export from either is the same file
byte for byte. Neither Qt nor openpyxl is imported at module level: the CLI starts fast.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from app.scoring.blocks import text_columns

if TYPE_CHECKING:
    from .ranking import Ranking

FORMATS = ("csv", "json", "table")

# Columns that hold text even when it looks like a number (a participant number keeps its
# leading zeros; a code such as "1" stays a code).
TEXT_COLUMNS = ("tahap", "kode_formasi", "nomor_peserta", "nama", "kode", "catatan")

# Every score is shown with exactly three decimals (DESIGN §4.1), also in a spreadsheet.
SCORE_FORMAT = "0.000"


def render_ranking(ranking: Ranking, form: str) -> str:
    """The text ``seleksi rank --format FORM`` prints: ``csv``, ``json`` or an aligned table."""
    header = ranking.header()
    if form == "csv":
        head = [[name] for name in header]
        return csv_text(neutralised(head), neutralised(text_columns(ranking.blocks)))
    records = ranking.records()
    if form == "json":
        items = []
        for record in records:
            item: dict[str, object] = dict(record)
            item["peringkat"] = int(record["peringkat"]) if record["peringkat"] else None
            for key in (*ranking.columns, "nilai_akhir", "kode"):
                item[key] = record[key] or None
            items.append(item)
        return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
    table = _table(header, [[record[k] for k in header] for record in records])
    return table + "\n" + legend_text(ranking)


def csv_text(*parts: list[list[str]]) -> str:
    """What ``csv.writer(lineterminator="\\n")`` writes for the rows of ``parts``, byte
    for byte; each part is a list of columns (one list of cells per column, all parts with
    the same number of columns), written one after the other.

    Where no cell holds a comma, a quote or a line break (every cell of a ranking but, at
    most, a few names), the writer only puts commas between the cells; joining them in C is
    four times faster for 100k rows, and no row is ever made as a tuple of its own. The
    whole text is checked once, and any such cell anywhere sends everything through the
    writer instead.
    """
    columns = [part for part in parts if part and part[0]]
    if not columns:
        return ""
    width = len(columns[0])
    lines = [",".join(row) for part in columns for row in zip(*part, strict=True)]
    body = "\n".join(lines)
    if (
        width > 1  # a row of one empty cell is written as ""
        and body.count(",") == (width - 1) * len(lines)
        and body.count("\n") == len(lines) - 1
        and '"' not in body
        and "\r" not in body
    ):
        return body + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for part in columns:
        writer.writerows(zip(*part, strict=True))
    return buffer.getvalue()


# The text columns of a result line: stage, formation, number, name, code, note. A score is
# never touched: a leading "-" there is a sign.
_TEXT_CELLS = (0, 1, 3, 4, -2, -1)


def neutralised(columns: list[list[str]]) -> list[list[str]]:
    """``columns`` (a result's printed columns, one list of cells each) with every text cell
    that a spreadsheet would run as a formula prefixed with ``'`` (issue #9 §4;
    ``tabular.spreadsheet_safe``). Names are refused so at import; this is for what older
    files hold. Each text column is searched once, joined in C: a normal export of 100k rows
    pays a few milliseconds and comes back as it was."""
    from .tabular import FORMULA_STARTS, spreadsheet_safe

    if len(columns) < len(_TEXT_CELLS):
        return columns
    safe = list(columns)
    for index in _TEXT_CELLS:
        joined = "\n" + "\n".join(columns[index])
        if any("\n" + start in joined for start in FORMULA_STARTS):
            safe[index] = list(map(spreadsheet_safe, columns[index]))
    return safe


def legend_text(ranking: Ranking) -> str:
    """The legend under the terminal table: the same lines as the window's and the PDF's."""
    from app.messages import t

    from .legend import code_meanings

    final = ranking.stage.code == ranking.scheme.last_stage.code
    lines = [t("cli.legend_title")]
    lines += [f"  {code:<14} {meaning}" for code, meaning in code_meanings(ranking.stage, final)]
    return "\n".join(lines) + "\n"


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [len(h) for h in header]
    for row in rows:
        for index, cell in enumerate(row):
            if len(cell) > widths[index]:
                widths[index] = len(cell)
    numeric = {i for i, h in enumerate(header) if h not in TEXT_COLUMNS}
    lines = []
    for row in [header, *rows]:
        cells = [
            cell.rjust(widths[i]) if i in numeric and row is not header else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def write_ranking_text(ranking: Ranking, path: Path, form: str = "csv") -> None:
    """Write ``render_ranking`` to ``path`` as UTF-8 without newline translation (as the CLI)."""
    path.write_text(render_ranking(ranking, form), encoding="utf-8", newline="")


def spreadsheet_value(column: str, text: str) -> int | Decimal | str | None:
    """What an XLSX cell holds for one CSV cell.

    Ranks and scores become numbers so a clerk can sort and sum them in Excel; scores stay
    ``Decimal`` so their digits reach the file unchanged. Text such as ``TH``
    or ``MS`` in a score column stays text; an empty cell stays empty.
    """
    if text == "":
        return None
    if column in TEXT_COLUMNS:
        return text
    if column == "peringkat":
        return int(text)
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return value if value.is_finite() else text


def number_format(column: str, value: Decimal, plain_sum: bool = False) -> str:
    """How Excel shows a score (in the reader's own decimal separator): an integer without
    decimals, a weighted final score with its three, any other value (a plain sum such as the
    SKD total too) with the decimals it has."""
    if column == "nilai_akhir" and not plain_sum:
        return SCORE_FORMAT
    exponent = value.normalize().as_tuple().exponent  # an int: the value is finite
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return "0" if places == 0 else "0." + "0" * places


def write_ranking_xlsx(ranking: Ranking, path: Path) -> None:
    """The CSV's header and rows as one worksheet; numbers as numbers, shown as a person reads
    them (``number_format``)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header = ranking.header()
    records = ranking.records()
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=ranking.stage.code[:31] or "Peringkat")
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        longest = max([len(name), *(len(record[name]) for record in records[:500])])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 8), 45)
    bold = Font(bold=True)
    title_cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        title_cells.append(cell)
    sheet.append(title_cells)
    for record in records:
        cells = []
        for name in header:
            value = spreadsheet_value(name, record[name])
            if isinstance(value, Decimal):
                # openpyxl writes numbers through "%.16g", which stores 81.978 as
                # 81.97799999999999; the decimal's own digits, marked numeric, are exact.
                cell = WriteOnlyCell(sheet, value=f"{value:f}")
                cell.data_type = "n"
                cell.number_format = number_format(name, value, ranking.stage.plain_sum)
                cells.append(cell)
                continue
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str) and cell.data_type != "s":
                # A name such as "=1+1" is a participant's text, never a formula to run.
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    book.save(path)
