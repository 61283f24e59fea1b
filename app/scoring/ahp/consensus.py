"""How far the respondents agree: Goepel's AHP consensus indicator and each weight's spread.

**AHP consensus indicator** (Goepel 2013, "Implementing the analytic hierarchy process as a
standard method for multi-criteria decision making in corporate enterprises – a new AHP
Excel template with multiple inputs", Proceedings of the International Symposium on the
AHP, Kuala Lumpur; in the form AHP-OS computes it, Goepel 2018, International Journal of the
AHP 10(3):469–487). From the K respondents' weight vectors ``w_k`` over n criteria, with
Shannon entropy ``H(p) = −Σ p_i ln p_i``:

- ``H_α = (1/K) Σ_k H(w_k)`` (mean entropy of the individual vectors),
- ``H_γ = H(w̄)``, ``w̄`` the plain mean of the ``w_k``,
- ``H_β = H_γ − H_α``, and ``M = 1 / exp(H_β)`` (1: identical vectors),
- ``H_α,min`` the entropy of the most concentrated vector the 1–9 scale allows (one
  criterion 9 times each other one): with ``s = n + 9 − 1``,
  ``H_α,min = −(9/s) ln(9/s) − (n − 1)(1/s) ln(1/s)``; ``H_γ,max = ln n``,
- ``c = exp(H_γ,max − H_α,min)`` and ``S* = (M − 1/c) / (1 − 1/c)``, from 0 (no consensus)
  to 1 (full consensus); clipped to that range, since an inconsistent respondent's vector
  can be more concentrated than the bound assumes.

The respondents count equally here, as in Goepel's indicator (it measures agreement, not the
group result). Goepel's word scale (AHP-OS): below 0.5 very low, to 0.625 low, to 0.75
moderate, to 0.875 high, above very high. One respondent has no consensus to measure
(``None``).

**Spread.** For each criterion, across the respondents: minimum, maximum, mean, sample
standard deviation and the quartiles (numpy's linear interpolation), so a facilitator sees
whose weights lie far from the group's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .scale import SCALE_MAX

CONSENSUS_BANDS: tuple[tuple[float, str], ...] = (
    (0.5, "very_low"),
    (0.625, "low"),
    (0.75, "moderate"),
    (0.875, "high"),
)
"""Goepel's word scale: the upper bound of each band; above the last, ``very_high``."""


def _entropy(vector: np.ndarray) -> float:
    positive = vector[vector > 0]
    return float(-(positive * np.log(positive)).sum())


def ahp_consensus(vectors: Sequence[Sequence[float]], scale_max: int = SCALE_MAX) -> float | None:
    """Goepel's (2013) consensus S* of weight vectors over the same criteria, each summing
    to 1; ``None`` for fewer than two respondents or fewer than two criteria."""
    if len(vectors) < 2:
        return None
    table = np.asarray(vectors, dtype=float)
    n = table.shape[1]
    if n < 2:
        return None
    alpha = float(np.mean([_entropy(row) for row in table]))
    gamma = _entropy(table.mean(axis=0))
    beta = max(0.0, gamma - alpha)
    homogeneity = 1.0 / np.exp(beta)
    spread = n + scale_max - 1.0
    alpha_min = -(scale_max / spread) * np.log(scale_max / spread) - (n - 1) * (
        1.0 / spread
    ) * np.log(1.0 / spread)
    gamma_max = np.log(n)
    correction = float(np.exp(gamma_max - alpha_min))
    value = (homogeneity - 1.0 / correction) / (1.0 - 1.0 / correction)
    return float(min(1.0, max(0.0, value)))


def consensus_band(value: float | None) -> str | None:
    """Goepel's word for a consensus value (``very_low`` … ``very_high``)."""
    if value is None:
        return None
    for upper, band in CONSENSUS_BANDS:
        if value < upper:
            return band
    return "very_high"


@dataclass(frozen=True, slots=True)
class Spread:
    """One criterion's weight across respondents."""

    minimum: float
    maximum: float
    mean: float
    sd: float | None
    """Sample standard deviation; ``None`` for one respondent."""
    q1: float
    q3: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1


def weight_spread(vectors: Sequence[Sequence[float]]) -> tuple[Spread, ...]:
    """The spread of each criterion's weight across the vectors (one per respondent)."""
    table = np.asarray(vectors, dtype=float)
    if table.ndim != 2 or table.shape[0] == 0:
        return ()
    many = table.shape[0] > 1
    return tuple(
        Spread(
            minimum=float(column.min()),
            maximum=float(column.max()),
            mean=float(column.mean()),
            sd=float(column.std(ddof=1)) if many else None,
            q1=float(np.percentile(column, 25)),
            q3=float(np.percentile(column, 75)),
        )
        for column in table.T
    )
