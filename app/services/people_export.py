"""The ranking as a CSV file for people: the one Excel opens directly in Indonesian settings.

``seleksi rank --format csv`` is a machine contract (a comma, a decimal point, three
decimals) and stays so. The window's *Ekspor CSV* is read by clerks in Excel, which in an
Indonesian Windows splits columns on ``;``, reads ``79,430`` as a number and needs a byte
order mark to know the file is UTF-8 (issue #10 §2): this writes exactly that, numbers as
``app/numbers.py`` shows them. A text cell that Excel would run as a formula (``=``, ``+``,
``-``, ``@``, a tab or a carriage return first) is prefixed with ``'``.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

from app.numbers import FIXED_PLACES, column_for_people, fixed_places

from .ranking import Ranking
from .ranking_export import TEXT_COLUMNS
from .tabular import spreadsheet_safe

DELIMITER = ";"


def people_cell(column: str, text: str, fixed: Mapping[str, int] = FIXED_PLACES) -> str:
    if column in TEXT_COLUMNS:
        return spreadsheet_safe(text)  # the one rule of every CSV the program writes
    return column_for_people(column, text, fixed=fixed)


def write_ranking_for_people(ranking: Ranking, path: Path) -> None:
    """Header and rows of the ranking, ``;``-separated, decimal comma, UTF-8 with BOM."""
    header = ranking.header()
    fixed = fixed_places(ranking.stage.plain_sum)  # SKD 415, nilai akhir 79,430
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=DELIMITER, lineterminator="\r\n")
        writer.writerow(header)
        for record in ranking.records():
            writer.writerow([people_cell(name, record[name], fixed) for name in header])
