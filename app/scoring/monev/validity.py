"""Do the tests predict who performs well later? Spearman's rho with later performance.

Ranks, not scores, because the SKP predikat is ordinal (Sangat Baik … Sangat Kurang, PermenPANRB
6/2022 on the SKP's rating) and a test's scale need not be. The 95 % interval is Fisher's z
with the variance 1.06 / (n − 3) that Fieller, Hartley & Pearson (1957) give for Spearman's
rho. Only those selected have performance data, so every coefficient here is restricted in
range and understates the test's validity in the whole applicant pool; the reports say so
beside the published reference validities (Sackett, Zhang, Berry & Lievens 2022).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import atanh, sqrt, tanh

from scipy import stats

PREDIKAT = {
    "SANGAT BAIK": 5,
    "BAIK": 4,
    "BUTUH PERBAIKAN": 3,
    "KURANG": 2,
    "SANGAT KURANG": 1,
}
"""The SKP predikat as ranks, best highest."""

REFERENCE = {
    "job_knowledge": 0.40,
    "work_sample": 0.33,
    "structured_interview": 0.42,
    "cognitive_ability": 0.31,
}
"""Sackett, Zhang, Berry & Lievens (2022), Table 3: operational validities (corrected)."""


@dataclass(frozen=True, slots=True)
class Validity:
    rho: float
    n: int
    ci95: tuple[float, float] | None
    p: float | None


def spearman(scores: Sequence[float], performance: Sequence[float]) -> Validity | None:
    """Spearman's rho of two paired columns (``None`` below three pairs or without spread)."""
    n = len(scores)
    if n != len(performance):
        raise ValueError("scores and performance must be paired")
    if n < 3 or len(set(scores)) < 2 or len(set(performance)) < 2:
        return None
    found = stats.spearmanr(scores, performance)
    rho = float(found.statistic)
    interval = None
    if n > 3 and abs(rho) < 1:
        half = 1.959963984540054 * sqrt(1.06 / (n - 3))
        interval = (tanh(atanh(rho) - half), tanh(atanh(rho) + half))
    return Validity(rho, n, interval, float(found.pvalue))


def predikat_rank(text: str) -> int | None:
    """``Baik`` → 4; a number as given; ``None`` for anything else."""
    key = " ".join(text.strip().upper().split())
    return PREDIKAT.get(key)
