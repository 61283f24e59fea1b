"""Exact score arithmetic.

Scores are exact rationals: ``int`` where the value is whole (the common case, and the fast
one) and ``Fraction`` otherwise. Floats never enter: a rank decided by a binary rounding error
would change someone's career.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import cast

Score = int | Fraction

PLACES = 3
_SCALE = 10**PLACES
_QUANTUM = Decimal(1).scaleb(-PLACES)


def to_score(value: Decimal | int | Fraction | str) -> Score:
    """Convert an exact decimal to the canonical exact representation."""
    if isinstance(value, int):
        return value
    fraction = Fraction(value)
    return fraction.numerator if fraction.denominator == 1 else fraction


def from_milli(milli: int) -> Score:
    """A stored value in thousandths of a point, as an exact score."""
    if milli % _SCALE == 0:
        return milli // _SCALE
    return Fraction(milli, _SCALE)


def to_milli(value: Decimal) -> int:
    """Thousandths of a point; the caller has checked the value has at most 3 decimals."""
    milli = value * _SCALE
    if milli != milli.to_integral_value():
        raise ValueError(f"{value} has more than {PLACES} decimals")
    return int(milli)


_WHOLE: dict[tuple[int, int], Decimal] = {}


def round_half_up(value: Score, places: int = PLACES) -> Decimal:
    """Round to ``places`` decimals, halves away from zero.

    The regulations say "dibulatkan" and committees round halves up by hand; Python's
    ``round`` rounds halves to even, which would differ from every hand-checked sheet.
    """
    scale = 10**places
    if type(value) is int:
        # Whole totals repeat a lot (an SKD total is one of 551 values): Decimals are
        # immutable, so one instance per value serves every participant.
        cached = _WHOLE.get((value, places))
        if cached is None:
            cached = Decimal(value * scale).scaleb(-places)
            if len(_WHOLE) < 100_000:
                _WHOLE[(value, places)] = cached
        return cached
    if isinstance(value, int):
        return Decimal(value * scale).scaleb(-places)
    scaled = abs(value) * scale
    whole = scaled.numerator // scaled.denominator
    if (scaled - whole) * 2 >= 1:
        whole += 1
    if value < 0:
        whole = -whole
    return Decimal(whole).scaleb(-places)


def half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded to an integer, halves away from zero.

    The integer twin of :func:`~app.scoring.numbers.round_half_up`: with the numerator in
    thousandths it gives the rounded value in thousandths (DESIGN §4.1: "dibulatkan" to 3
    decimals, halves up, as committees round by hand). ``denominator`` is positive.
    """
    if numerator >= 0:
        return (2 * numerator + denominator) // (2 * denominator)
    return -((denominator - 2 * numerator) // (2 * denominator))


_DECIMALS: dict[int, Decimal] = {}


def milli_decimal(milli: int) -> Decimal:
    """Thousandths as the Decimal the rules show (``Decimal(milli).scaleb(-3)``), one
    instance per value (Decimals are immutable; 100k final values repeat a lot)."""
    value = _DECIMALS.get(milli)
    if value is None:
        value = Decimal(milli).scaleb(-PLACES)
        if len(_DECIMALS) < 1_000_000:
            _DECIMALS[milli] = value
    return value


_TEXT: dict[object, str] = {}


def score_text(value: object) -> str:
    """A table cell as text: ``format_score(round_half_up(value))`` for a number, text as is.

    Byte for byte what ``format_score`` of the displayed value prints, computed in integers
    (and remembered per value): a 100k-row export formats half a million cells.
    """
    # ``type(value) is`` rather than isinstance: cheaper, and these checks run for every cell.
    if type(value) is str:
        return value
    if value is None:
        return ""
    if type(value) is Fraction:
        # Computed every time: hashing a Fraction (Python code) costs more than this.
        milli = half_up(value.numerator * _SCALE, value.denominator)
        sign = "-" if milli < 0 else ""
        milli = abs(milli)
        return f"{sign}{milli // _SCALE}.{milli % _SCALE:03d}"
    if type(value) is Decimal and value.is_signed():
        return format_score(value)  # -0.000 equals 0, and prints apart
    text = _TEXT.get(value)
    if text is not None:
        return text
    if type(value) is int:
        text = f"{value}.000"
    elif type(value) is Decimal:
        text = format_score(value)
    else:
        # Anything else that formats like a Decimal (not remembered: it is not a score).
        return format_score(cast(Decimal, value))
    if len(_TEXT) < 200_000:
        _TEXT[value] = text
    return text


def format_score(value: Decimal) -> str:
    """Exactly three decimals with a point, as the CSV contract requires.

    A value with more decimals is rounded half-up like every score (``f"{value:.3f}"`` alone
    would round it half-even).
    """
    return f"{value.quantize(_QUANTUM, rounding=ROUND_HALF_UP):f}"


def decimal_places(value: Decimal) -> int:
    """How many decimals ``value`` is written with: ``Decimal("0.250")`` has 3, ``5`` has 0."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # "n", "N" or "F": a NaN or an infinity
        raise ValueError(f"{value} is not a finite number")
    return max(0, -exponent)


def is_on_step(value: Decimal, minimum: Decimal, step: Decimal) -> bool:
    """Whether ``value`` lies on the grid ``minimum + k * step``."""
    if step <= 0:
        return True
    return (value - minimum) % step == 0
