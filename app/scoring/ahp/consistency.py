"""How consistent a respondent is: λmax, CI, CR, and the judgment to ask about again.

**Consistency index and ratio** (Saaty 1977, 1980). A perfectly consistent reciprocal
matrix has ``λmax = n``; otherwise ``λmax > n``. ``CI = (λmax − n) / (n − 1)`` and
``CR = CI / RI(n)``, where ``RI(n)`` is the mean CI of random reciprocal matrices of order
``n`` on the same scale. ``CR ≤ 0.10`` is acceptable (Saaty 1980); matrices of order 1 and 2
are always consistent (``RI = 0``, ``CR = 0``).

**Random index.** Saaty's classic table for n = 1…15 (Saaty 1980, *The Analytic Hierarchy
Process*, McGraw-Hill; reprinted in Saaty 1990, "How to make a decision", EJOR 48(1):9–26):
0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59. Later
simulations give slightly different values (Donegan & Dodd 1991; Saaty 2005; Alonso &
Lamata 2006); the classic table is used because it is the one the CR ≤ 0.10 rule was stated
with. A matrix larger than 15 has no entry and is refused.

**The judgment to ask again.** Saaty (2003, "Decision-making with the AHP: why is the
principal eigenvector necessary", EJOR 145(1):85–91) improves consistency by finding the
judgment with the largest ``ε_ij = a_ij · w_j / w_i`` and replacing it by ``w_i / w_j``.
Since ``ε_ji = 1 / ε_ij``, the deviation of a pair either way round is
``max(ε_ij, 1 / ε_ij)``; the judged pair (never a completed one: nobody gave it) with the
largest deviation is named, with ``w_i / w_j`` as the value the other judgments imply.
Equal deviations: the pair first in the order of the criteria, and the others are listed
(``equally``): with three criteria every judgment deviates alike (each deviation is
``(a_12 a_23 / a_13)^(±1/3)`` at the eigenvector), so no rule can tell which of the three
was mistaken and the facilitator asks about all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .errors import AhpError

CR_LIMIT = 0.10
"""Saaty (1980): a consistency ratio above 10 % asks the respondent to revise."""

RANDOM_INDEX: tuple[float, ...] = (
    0.0,
    0.0,
    0.58,
    0.90,
    1.12,
    1.24,
    1.32,
    1.41,
    1.45,
    1.49,
    1.51,
    1.48,
    1.56,
    1.57,
    1.59,
)
"""Saaty (1980): ``RANDOM_INDEX[n - 1]`` for n = 1…15."""

RANDOM_INDEX_SOURCE = "Saaty (1980)"

MAX_CRITERIA = len(RANDOM_INDEX)

_PERFECT = 1e-9
"""A deviation this close to none is float noise of a consistent matrix, not a judgment."""


def random_index(n: int) -> float:
    """Saaty's random index of order ``n``; ``AhpError`` beyond the table."""
    if n < 1:
        raise AhpError("fgd.no_criteria")
    if n > MAX_CRITERIA:
        raise AhpError("fgd.too_many_criteria", count=n, limit=MAX_CRITERIA)
    return RANDOM_INDEX[n - 1]


def consistency_index(lambda_max: float, n: int) -> float:
    """``(λmax − n) / (n − 1)``, 0 for n ≤ 2; float noise below zero is read as zero."""
    if n <= 2:
        return 0.0
    return max(0.0, (lambda_max - n) / (n - 1))


def consistency_ratio(lambda_max: float, n: int) -> float:
    """``CI / RI(n)``; 0 for n ≤ 2, where every reciprocal matrix is consistent."""
    index = random_index(n)
    if n <= 2:
        return 0.0
    return consistency_index(lambda_max, n) / index


@dataclass(frozen=True, slots=True)
class InconsistentPair:
    """The judgment that disagrees most with the others (Saaty 2003).

    ``given`` is ``a`` over ``b`` as judged; ``implied`` is ``w_a / w_b``, what the weights
    from all judgments say; ``deviation`` is ``max(ε, 1/ε)`` with ``ε = given / implied``.
    """

    a: str
    b: str
    given: float
    implied: float
    deviation: float
    equally: tuple[tuple[str, str], ...] = ()
    """The other judged pairs that deviate as much (up to float noise), in order."""


def most_inconsistent_pair(
    criteria: Sequence[str], matrix: np.ndarray, weights: Sequence[float] | np.ndarray
) -> InconsistentPair | None:
    """The judged pair with the largest deviation, or ``None`` (n ≤ 2, or every judgment
    agrees with the weights: a consistent matrix, or a spanning tree of judgments)."""
    n = len(criteria)
    if n <= 2:
        return None
    w = np.asarray(weights, dtype=float)
    found: list[InconsistentPair] = []
    for i in range(n):
        for j in range(i + 1, n):
            given = matrix[i, j]
            if np.isnan(given):
                continue
            implied = float(w[i] / w[j])
            epsilon = float(given) / implied
            found.append(
                InconsistentPair(
                    criteria[i], criteria[j], float(given), implied, max(epsilon, 1.0 / epsilon)
                )
            )
    if not found:
        return None
    largest = max(pair.deviation for pair in found)
    if largest - 1.0 <= _PERFECT:
        return None
    # Equal up to float noise: the earlier pair is named (the order of the criteria).
    tied = [pair for pair in found if pair.deviation >= largest * (1.0 - _PERFECT)]
    first = tied[0]
    return replace(first, equally=tuple((pair.a, pair.b) for pair in tied[1:]))
