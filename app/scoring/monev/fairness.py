"""Were the groups of applicants treated alike? Selection rates and the impact ratio.

For each group (sex, age band, local or not, education), the selection rate is the selected
among the applicants. The **impact ratio** is the lowest group's rate divided by the highest's;
below four fifths it is evidence of adverse impact under the Uniform Guidelines on Employee
Selection Procedures (29 CFR 1607.4(D)), which also warn that with small numbers the ratio may
mean nothing: a group under ``SMALL_GROUP`` applicants is flagged as too small to judge, and
Fisher's exact test (the lowest against the highest group, two-sided) says how likely a gap
this large is by chance alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

import numpy as np
from scipy import stats

FOUR_FIFTHS = 0.8
"""29 CFR 1607.4(D): a rate below four fifths of the highest group's."""
SMALL_GROUP = 30
"""Fewer applicants than this in a group: its rate is shown, not judged."""


@dataclass(frozen=True, slots=True)
class GroupRate:
    group: str
    applicants: int
    selected: int

    @property
    def rate(self) -> float | None:
        return self.selected / self.applicants if self.applicants else None

    @property
    def small(self) -> bool:
        return self.applicants < SMALL_GROUP


@dataclass(frozen=True, slots=True)
class Fairness:
    groups: tuple[GroupRate, ...]
    impact_ratio: float | None
    lowest: str | None
    highest: str | None
    fisher_p: float | None

    @property
    def adverse(self) -> bool:
        """Below four fifths between groups large enough to judge, compared exactly:
        32/100 against 40/100 is four fifths, not the 0.7999… a float makes of it."""
        if self.impact_ratio is None:
            return False
        by_name = {g.group: g for g in self.groups}
        low, high = by_name[self.lowest or ""], by_name[self.highest or ""]
        return Fraction(low.selected * high.applicants, low.applicants * high.selected) < (
            Fraction(4, 5)
        )

    @property
    def too_small(self) -> tuple[str, ...]:
        return tuple(g.group for g in self.groups if g.small)


def fairness(counts: Mapping[str, tuple[int, int]]) -> Fairness:
    """``counts``: group → (applicants, selected). Groups too small to judge are listed
    but kept out of the ratio; so are groups without applicants."""
    groups = tuple(GroupRate(g, a, s) for g, (a, s) in sorted(counts.items()))
    judged = [g for g in groups if not g.small and g.applicants]
    if len(judged) < 2:
        return Fairness(groups, None, None, None, None)
    lowest = min(judged, key=lambda g: (g.rate, g.group))
    highest = max(judged, key=lambda g: (g.rate, g.group))
    if not highest.selected:
        return Fairness(groups, None, lowest.group, highest.group, None)
    ratio = (lowest.rate or 0.0) / (highest.rate or 1.0)
    table = np.array(
        [
            [lowest.selected, lowest.applicants - lowest.selected],
            [highest.selected, highest.applicants - highest.selected],
        ]
    )
    _odds, p = stats.fisher_exact(table, alternative="two-sided")
    return Fairness(groups, float(ratio), lowest.group, highest.group, float(p))


def age_band(age: int) -> str:
    """The bands the reports use: under 25, 25–29, 30–34, 35 and over."""
    if age < 25:
        return "<25"
    if age < 30:
        return "25-29"
    if age < 35:
        return "30-34"
    return "35+"


# Jenjang pendidikan as the formation lists name them (Permendikbudristek 53/2023 and the
# older D-I…D-IV, S-1…S-3 and SMA/SMK usage): the level is what the fairness group compares;
# "S-1 Akuntansi" and "S-1 Sistem Informasi" are one level, not two groups of five.
_LEVELS = (
    ("S-3", ("S-3", "S3")),
    ("S-2", ("S-2", "S2")),
    ("S-1/D-IV", ("S-1", "S1", "D-IV", "DIV", "D4", "D-4", "SARJANA TERAPAN")),
    ("D-III", ("D-III", "DIII", "D3", "D-3")),
    ("D-II", ("D-II", "DII", "D2", "D-2")),
    ("D-I", ("D-I", "DI", "D1", "D-1")),
    ("SMA/SMK", ("SMA", "SMK", "SLTA", "MA", "SMU", "STM", "PAKET C")),
    ("SMP", ("SMP", "SLTP", "MTS")),
    ("SD", ("SD",)),
)


@cache  # a selection has a few dozen requirement texts and 100k applicants
def education_level(text: str) -> str:
    """The jenjang of an education requirement or degree (``"S-1 Akuntansi"`` →
    ``"S-1/D-IV"``); ``"-"`` when none is written, the text itself when no level is named."""
    words = " ".join(text.upper().replace("/", " / ").split())
    if not words:
        return "-"
    for level, spellings in _LEVELS:
        for spelling in spellings:
            if words == spelling or words.startswith(spelling + " "):
                return level
    return " ".join(text.split())
