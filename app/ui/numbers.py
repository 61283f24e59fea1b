"""The window's numbers in the interface language's convention (``app/numbers.py``).

Indonesian (the default) reads ``79,430`` and ``1.250``; the English interface reads
``79.430`` and ``1,250``. Documents are always Indonesian and do not come here.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from app.numbers import (
    FIXED_PLACES,
    NumberStyle,
    column_for_people,
    count_for_people,
    style_for,
    value_for_people,
)

from .i18n import current_language


def style() -> NumberStyle:
    return style_for(current_language())


def cell_text(column: str, text: str, fixed: Mapping[str, int] = FIXED_PLACES) -> str:
    """One cell of a result record as the window shows it (``fixed``: the stage's
    ``fixed_places``)."""
    return column_for_people(column, text, style(), fixed)


def value_text(value: Decimal | int | float | str | None, places: int | None = None) -> str:
    return value_for_people(value, places, style())


def count_text(count: int) -> str:
    return count_for_people(count, style())
