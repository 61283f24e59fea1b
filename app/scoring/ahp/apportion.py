"""Weights as whole percentages that sum to exactly 100: the largest remainder method.

A scheme holds whole percentages summing to 100 (``scheme_file.validate_scheme``), and
rounding each weight on its own can give 99 or 101. Hamilton's largest remainder method
(Balinski & Young 1982, *Fair Representation*, ch. 2) gives each criterion the whole part
of its quota ``100 · w_i / Σ w``, then one more to the criteria with the largest
fractional remainders until the total is reached; every share is the floor or the ceiling
of its quota.

**Ties** (equal remainders, e.g. three equal weights of 33⅓): the larger quota first (the
more important criterion), then the earlier criterion in the order given. Quotas are
compared after rounding to 9 decimals, so weights that are equal on paper but differ by
float noise tie as they should rather than by accident.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from .errors import AhpError

_QUOTA_PLACES = 9


def largest_remainder(
    weights: Sequence[float | Fraction | Decimal], total: int = 100
) -> tuple[int, ...]:
    """Whole shares of ``total`` proportional to ``weights`` (nonnegative, not all zero),
    summing to ``total`` exactly; ties as the module text says."""
    if total < 0:
        raise AhpError("fgd.apportion_total", total=total)
    if not weights:
        return ()
    exact = [Fraction(w) if not isinstance(w, float) else Fraction(repr(w)) for w in weights]
    if any(w < 0 for w in exact):
        raise AhpError("fgd.apportion_negative")
    whole = sum(exact, Fraction(0))
    if whole == 0:
        raise AhpError("fgd.apportion_zero")
    quotas = [round(w * total / whole, _QUOTA_PLACES) for w in exact]
    shares = [int(q) for q in quotas]  # quotas are nonnegative: int() is the floor
    left = total - sum(shares)
    order = sorted(
        range(len(quotas)),
        key=lambda i: (-(quotas[i] - shares[i]), -quotas[i], i),
    )
    for i in order[:left]:
        shares[i] += 1
    return tuple(shares)
