"""One stored score row's value (a number, a category or TH) and how a sheet shows it.

Pure on purpose: the score table, the double-entry rounds and the rules that compare them all
speak of the same value, and the rules must be testable without a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .numbers import format_score

ABSENT_TEXT = "TH"


@dataclass(frozen=True, slots=True)
class StoredRow:
    """One row of a sheet row's values: ``aspect`` is a rubric aspect's code, or ``""`` for a
    whole value or TH; ``milli`` a number in thousandths, ``text`` a category; never both."""

    aspect: str
    milli: int | None
    text: str | None
    absent: bool


def display(row: StoredRow) -> str:
    """The value as typed back into a sheet: ``TH``, the category, or the shortest number."""
    if row.absent:
        return ABSENT_TEXT
    if row.text is not None:
        return row.text
    assert row.milli is not None
    text = format_score(Decimal(row.milli).scaleb(-3))
    return text.rstrip("0").rstrip(".") if "." in text else text
