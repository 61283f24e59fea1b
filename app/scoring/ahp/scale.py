"""Saaty's fundamental scale: what a judgment may say, and how a written one is read.

A judgment ``a_ij`` says how many times criterion *i* is more important than *j*: 1 equal,
3 moderately, 5 strongly, 7 very strongly, 9 extremely more important, the even numbers
between (Saaty 1977, Table 1; Saaty 1980, ch. 3). The reverse judgment is the reciprocal,
``a_ji = 1 / a_ij``, so a judgment lies in [1/9, 9].

A reciprocal is often written as a rounded decimal: ``0.33`` or ``0.333`` for 1/3, ``0.14``
for 1/7. A decimal below 1 with at least two decimals that lies within half a unit of its
last place of some 1/k (k = 2…9) is read as exactly 1/k; with two or more decimals these
neighbourhoods never overlap (1/8 = 0.125 is both ``0.12`` and ``0.13``, which no other 1/k
comes near), so the reading is never a guess. Any other value is taken as written.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

SCALE_MAX = 9
"""The largest judgment of the fundamental scale (Saaty 1977)."""

SCALE_MIN = Fraction(1, SCALE_MAX)

_TOLERANCE = 1e-9
"""Float slack for values that went through arithmetic (a geometric mean of 9s is 9)."""


def in_scale(value: float | Fraction) -> bool:
    """Whether ``value`` is a judgment of the scale: 1/9 ≤ value ≤ 9."""
    number = float(value)
    return float(SCALE_MIN) - _TOLERANCE <= number <= SCALE_MAX + _TOLERANCE


def judgment_of_decimal(value: Decimal) -> Fraction:
    """The judgment a written decimal means: ``0.333`` → 1/3, ``0.2`` → 1/5, ``3`` → 3.

    Not checked against the scale (``in_scale`` does that), so a reader can name the
    value as the user wrote it when it is refused.
    """
    exact = Fraction(value)
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if 0 < exact < 1 and places >= 2:
        half_unit = Fraction(1, 2 * 10**places)
        for k in range(2, SCALE_MAX + 1):
            if abs(exact - Fraction(1, k)) <= half_unit:
                return Fraction(1, k)
    return exact
