"""Statistics as a person reads them: ``0,62``, ``18,2 %``, ``p < 0,001``, ``0,48–0,74``.

``app.numbers`` writes scores and counts; the evaluation's figures are coefficients,
shares, p-values and intervals, with the decimals that carry meaning (two for a coefficient,
one for a percentage) rather than the decimals they happen to have. Indonesian by default
(decimal comma, thousands point); the English window passes ``ENGLISH``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from app.numbers import INDONESIAN, NumberStyle, value_for_people

SMALLEST_P = 0.001
"""p-values below this are written ``< 0,001``: more digits say nothing a reader can use."""


def fixed_text(value: float, places: int = 2, style: NumberStyle = INDONESIAN) -> str:
    """``0.6234`` → ``0,62``; ``-7.25`` (1 place) → ``-7,3``; ``1250.5`` → ``1.250,50``.

    Rounded half-up as a person rounds, on the value's twelve significant digits: 31 / 40 is
    ``0.7749999999999999`` in binary floating point, and a reader who divides by hand expects
    ``0,78``, not ``0,77``."""
    exact = Decimal(f"{value:.12g}").quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{exact:,.{places}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # -0,00 reads as a negative number that is not there
    return text.translate(str.maketrans(",.", style.group + style.decimal))


def percent_text(share: float, places: int = 1, style: NumberStyle = INDONESIAN) -> str:
    """A share ``0.182`` as ``18,2 %`` (the space before % as the house writes it)."""
    return f"{fixed_text(share * 100, places, style)} %"


def p_text(p: float | None, style: NumberStyle = INDONESIAN) -> str:
    """``0.0123`` → ``0,012``; below 0.001: ``< 0,001``; unknown: ``-``."""
    if p is None:
        return "-"
    if p < SMALLEST_P:
        return f"< {fixed_text(SMALLEST_P, 3, style)}"
    return fixed_text(p, 3, style)


def interval_text(
    bounds: tuple[float, float] | list[float] | None,
    places: int = 2,
    style: NumberStyle = INDONESIAN,
    *,
    to: str = "s.d.",
) -> str:
    """``(0.48, 0.74)`` → ``0,48–0,74``; with a negative bound, where a dash would read as a
    minus, ``-14,1 s.d. -0,4`` (``to``: the language's word, "to" in English)."""
    if bounds is None:
        return "-"
    low, high = (fixed_text(float(b), places, style) for b in bounds)
    if low.startswith("-") or high.startswith("-"):
        return f"{low} {to} {high}"
    return f"{low}–{high}"


def interval_column(
    column: list[tuple[float, float] | list[float] | None],
    places: int = 2,
    style: NumberStyle = INDONESIAN,
    *,
    to: str = "s.d.",
) -> list[str]:
    """A table column of intervals written alike: all with ``s.d.`` when any bound is
    negative (one row's ``0,47–4,67`` under another's ``-4,50 s.d. 1,65`` reads unevenly)."""
    negative = any(
        b is not None and min(b) < 0 and fixed_text(min(b), places) != fixed_text(0, places)
        for b in column
    )
    if not negative:
        return [interval_text(b, places, style, to=to) for b in column]
    return [
        "-"
        if b is None
        else f"{fixed_text(float(b[0]), places, style)} {to} "
        f"{fixed_text(float(b[1]), places, style)}"
        for b in column
    ]


def short_number(value: float, places: int = 2, style: NumberStyle = INDONESIAN) -> str:
    """At most ``places`` decimals, rounded half-up, no needless zeros: ``67.425`` → ``67,43``,
    ``339.5`` → ``339,5``, ``75.0`` → ``75`` (a quartile, a median)."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return value_for_people(rounded, None, style)


def plain_number(value: float, style: NumberStyle = INDONESIAN) -> str:
    """A threshold or a scale's end as given: ``60``, ``65``, ``37,5``."""
    return value_for_people(round(float(value), 6), None, style)
