"""Numbers the way a person reads them: a decimal comma in Indonesian, no needless decimals.

The rules and the CLI speak machine text ("415.000", three decimals and a point: a contract
scripts rely on). A committee member reads "415.000" as four hundred fifteen thousand, so
everything a person reads (the window, the documents, the exports offered to Excel) goes
through here instead (issue #10 §2):

- an integer value has no decimals: SKD ``415``, CAT SKB ``383``;
- a final score keeps the decimals the rules give it: nilai akhir ``79,430``;
- any other value shows the decimals it has: a mean of assessors ``92,8`` or ``92,75``,
  an IPK ``3,62``;
- a count is grouped by thousands where it can exceed 999: ``1.250 peserta``.

Text that is not a number (``TH``, ``MS``, a code, an empty cell) passes unchanged. A leaf
module: no Qt, no database, so the window, the reports and the services share it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_MACHINE_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")

FIXED_PLACES: Mapping[str, int] = {"nilai_akhir": 3}
"""Columns printed with a fixed number of decimals: the final score is rounded to thousandths
by the rules, and ``79,430`` says so where ``79,43`` would not."""

NO_FIXED_PLACES: Mapping[str, int] = {}


def fixed_places(plain_sum: bool) -> Mapping[str, int]:
    """The fixed decimals of a stage's columns. A final value that is a plain sum of the scores
    (SKD: TWK + TIU + TKP) is a whole number like its parts and reads ``415``; a weighted or
    integrated one keeps its three decimals (``79,430``)."""
    return NO_FIXED_PLACES if plain_sum else FIXED_PLACES


@dataclass(frozen=True, slots=True)
class NumberStyle:
    decimal: str
    group: str


INDONESIAN = NumberStyle(decimal=",", group=".")
ENGLISH = NumberStyle(decimal=".", group=",")


def style_for(language: str) -> NumberStyle:
    """The interface language's convention; documents are always Indonesian."""
    return ENGLISH if language == "en" else INDONESIAN


def score_for_people(text: str, places: int | None = None, style: NumberStyle = INDONESIAN) -> str:
    """``"415.000"`` → ``"415"``, ``"92.750"`` → ``"92,75"``; ``places=3``: ``"79.43"`` →
    ``"79,430"``. Anything that is not a machine number is returned as it is."""
    if not _MACHINE_NUMBER.fullmatch(text):
        return text
    whole, _, fraction = text.partition(".")
    if places is None:
        fraction = fraction.rstrip("0")
    else:
        fraction = (fraction + "0" * places)[:places] if len(fraction) <= places else fraction
    return f"{whole}{style.decimal}{fraction}" if fraction else whole


def value_for_people(
    value: Decimal | int | float | str | None,
    places: int | None = None,
    style: NumberStyle = INDONESIAN,
) -> str:
    """A number held as a value (``Decimal("66.6")``, ``3``) in the same way; ``None`` is empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return score_for_people(value, places, style)
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    return score_for_people(f"{number:f}", places, style)


def count_for_people(count: int, style: NumberStyle = INDONESIAN) -> str:
    """``1250`` → ``"1.250"``: counts are grouped by thousands."""
    return f"{count:,}".replace(",", style.group)


def column_for_people(
    column: str,
    text: str,
    style: NumberStyle = INDONESIAN,
    fixed: Mapping[str, int] = FIXED_PLACES,
) -> str:
    """One cell of a result record (``result_record``) as a person reads it; ``fixed`` is the
    stage's ``fixed_places``."""
    return score_for_people(text, fixed.get(column), style)


def machine_number(text: str) -> str:
    """The inverse for typed input: ``"92,75"`` → ``"92.75"``; a point stays a point."""
    stripped = text.strip()
    if re.fullmatch(r"-?\d+,\d+", stripped):
        return stripped.replace(",", ".")
    return stripped
