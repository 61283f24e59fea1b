"""Were the assessors consistent? ICC(2,1), ICC(2,k), Krippendorff's alpha, each one's bias.

**ICC.** Shrout & Fleiss (1979), case 2: a two-way random-effects model, absolute agreement
(an assessor who scores everyone five points higher disagrees), ICC(2,1) for one assessor's
score and ICC(2,k) for the mean of k assessors, from the two-way ANOVA of a complete
participants × assessors table; the 95 % interval is McGraw & Wong's (1996, Table 7, case
2A). Koo & Li (2016) read it: below 0.50 poor, 0.50–0.75 moderate, 0.75–0.90 good, above
0.90 excellent.

**Different assessors for different participants.** A practical test in several rooms has
several panels: participants scored by one set of assessors, others by another. The two-way
model needs one complete table, so the ICC is computed on the largest panel (the participants
who share the most common set of assessors, every one of them scored by all of that set), and
says so (``panel``); **Krippendorff's alpha** for interval data uses every score of every
participant scored at least twice, whoever scored them, as the second measure.

**An assessor's bias.** For each assessor, on every participant they scored together with at
least one other: their score minus the mean of the others' scores. The mean of those
differences (positive: lenient, negative: harsh) with a t-based 95 % interval, and how many
participants it rests on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy import stats

BANDS = ((0.5, "poor"), (0.75, "moderate"), (0.9, "good"))
"""Koo & Li (2016): the upper bound of each band; above the last, ``excellent``."""


@dataclass(frozen=True, slots=True)
class ICC:
    """ICC(2,1) and ICC(2,k) of one table of ``n`` participants × ``k`` assessors."""

    icc2_1: float
    icc2_k: float
    ci95: tuple[float, float]
    ci95_k: tuple[float, float]
    n: int
    k: int
    panel: tuple[str, ...]

    @property
    def band(self) -> str:
        return koo_li(self.icc2_1)


def koo_li(value: float) -> str:
    for bound, name in BANDS:
        if value < bound:
            return name
    return "excellent"


def icc2(table: np.ndarray, panel: tuple[str, ...] = ()) -> ICC:
    """Shrout & Fleiss ICC(2,1) and ICC(2,k) of a complete n × k table (rows: participants)."""
    x = np.asarray(table, dtype=float)
    n, k = x.shape
    if n < 2 or k < 2 or np.isnan(x).any():
        raise ValueError("ICC needs a complete table of at least 2 participants × 2 assessors")
    grand = x.mean()
    ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_total = ((x - grand) ** 2).sum()
    ss_error = ss_total - ss_rows - ss_cols
    msr = ss_rows / (n - 1)
    msc = ss_cols / (k - 1)
    mse = ss_error / ((n - 1) * (k - 1))
    if mse == 0 and msc == 0:
        if msr == 0:
            raise ValueError("ICC of a table without any variance is not defined")
        # Every assessor gave every participant the same score: agreement is perfect.
        return ICC(1.0, 1.0, (1.0, 1.0), (1.0, 1.0), n, k, panel)
    single = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)
    average = (msr - mse) / (msr + (msc - mse) / n)
    low, high = _interval(single, msr, msc, mse, n, k)
    return ICC(
        float(single),
        float(average),
        (low, high),
        (_spearman_brown(low, k), _spearman_brown(high, k)),
        n,
        k,
        panel,
    )


def _interval(
    icc: float, msr: float, msc: float, mse: float, n: int, k: int
) -> tuple[float, float]:
    """McGraw & Wong (1996), Table 7, case 2A: the F approximation with Satterthwaite's df."""
    if mse == 0 or icc >= 1:
        return (float(icc), 1.0)  # no residual variance: the F ratio has no spread
    a = k * icc / (n * (1 - icc))
    b = 1 + k * icc * (n - 1) / (n * (1 - icc))
    v = (a * msc + b * mse) ** 2 / ((a * msc) ** 2 / (k - 1) + (b * mse) ** 2 / ((n - 1) * (k - 1)))
    f_upper = stats.f.ppf(0.975, n - 1, v)
    f_lower = stats.f.ppf(0.975, v, n - 1)
    low = n * (msr - f_upper * mse) / (f_upper * (k * msc + (k * n - k - n) * mse) + n * msr)
    high = n * (f_lower * msr - mse) / (k * msc + (k * n - k - n) * mse + n * f_lower * msr)
    return float(low), float(high)


def _spearman_brown(value: float, k: int) -> float:
    """The interval of one assessor's ICC carried to the mean of k (the ICC(2,k) bounds, as
    the Spearman–Brown step from one assessor to k)."""
    return float(k * value / (1 + (k - 1) * value))


Scores = Mapping[str, Mapping[str, float]]
"""participant → assessor → score."""


def largest_panel(scores: Scores) -> tuple[tuple[str, ...], list[str]]:
    """The most common set of (two or more) assessors and the participants it scored, all."""
    panels = Counter(
        tuple(sorted(by)) for by in (s.keys() for s in scores.values()) if len(by) >= 2
    )
    if not panels:
        return (), []
    panel = max(panels, key=lambda p: (panels[p] * (len(p) - 1), len(p), p))
    wanted = set(panel)
    members = sorted(p for p, s in scores.items() if wanted <= s.keys())
    return panel, members


def panel_icc(scores: Scores) -> ICC | None:
    """ICC(2,·) on the largest panel (``None`` when no two assessors shared two participants)."""
    panel, members = largest_panel(scores)
    if len(panel) < 2 or len(members) < 2:
        return None
    table = np.array([[scores[p][a] for a in panel] for p in members], dtype=float)
    return icc2(table, panel)


def krippendorff_interval(scores: Scores) -> float | None:
    """Krippendorff's alpha, interval metric, over every unit with two or more values.

    alpha = 1 − D_o / D_e: the observed disagreement within participants (each unit's squared
    differences weighted by 1 / (m − 1)) against the disagreement expected between any two of
    all the pairable values."""
    units = [np.array(list(s.values()), dtype=float) for s in scores.values() if len(s) >= 2]
    if not units:
        return None
    values = np.concatenate(units)
    total = len(values)
    if total < 2:
        return None
    observed = sum(((u[:, None] - u[None, :]) ** 2).sum() / (len(u) - 1) for u in units) / total
    # Σ over ordered pairs i ≠ j of (v_i − v_j)² = 2·n·Σv² − 2·(Σv)²: no n × n matrix
    # (11,000 scores of a practical test would need a gigabyte for it).
    spread = 2 * total * float((values**2).sum()) - 2 * float(values.sum()) ** 2
    expected = spread / (total * (total - 1))
    if expected == 0:
        return 1.0 if observed == 0 else None
    return float(1 - observed / expected)


@dataclass(frozen=True, slots=True)
class Deviation:
    """An assessor's mean difference from the others on the same participants."""

    assessor: str
    mean: float
    ci95: tuple[float, float] | None
    n: int


def deviations(scores: Scores) -> list[Deviation]:
    """Each assessor's bias (score minus the others' mean), by name."""
    differences: dict[str, list[float]] = {}
    for by in scores.values():
        if len(by) < 2:
            continue
        total = sum(by.values())
        for assessor, value in by.items():
            others = (total - value) / (len(by) - 1)
            differences.setdefault(assessor, []).append(value - others)
    found = []
    for assessor, values in sorted(differences.items()):
        d = np.array(values, dtype=float)
        mean = float(d.mean())
        interval = None
        if len(d) >= 2:
            half = stats.t.ppf(0.975, len(d) - 1) * d.std(ddof=1) / np.sqrt(len(d))
            interval = (mean - float(half), mean + float(half))
        found.append(Deviation(assessor, mean, interval, len(d)))
    return found
