"""What a component's demo scores look like: plausible distributions on the component's grid.

Values are drawn as positions on the grid (minimum + k × step), from a participant's general
ability plus noise, so strong candidates are strong on most tests and every value is one the
importer accepts.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from functools import cache
from random import Random
from statistics import NormalDist

from app.scoring import ABSENT, ABSENT_TEXT, Component

# Plausible score distributions in points: (mean, standard deviation). The CPNS SKD ones make
# about 45 % meet all three thresholds, so both the thresholds and the 3 × kebutuhan cut bite.
SCORE_PROFILES: dict[str, tuple[float, float]] = {
    "TWK": (85.0, 15.0),
    "TIU": (95.0, 20.0),
    "TKP": (167.0, 14.0),
}
# Otherwise: mean at 70 % of the range, sd 12 % (Binjai: ~70 ± 12, so some fall below 60).
DEFAULT_MEAN_SHARE = 0.70
DEFAULT_SD_SHARE = 0.12
# A participant's components correlate: strong candidates are strong on most tests.
ABILITY_WEIGHT = 0.5
NOISE_WEIGHT = math.sqrt(1 - ABILITY_WEIGHT**2)
# Two assessors of the same sheet differ by a few points; each has a mild personal leniency.
ASSESSOR_SD = 2.5
LENIENCY_SD = 1.5
# One assessor of the pool is clearly lenient, as evaluations find in real rounds (issue #13):
# 7 points above their own draw, beyond the ±5 points at which the evaluation flags one.
LENIENT_POINTS = 7.0
ASPECT_SD = 5.0

# Normal draws come from a table of equiprobable quantiles: a uniform index into it is a normal
# draw at a fraction of ``random.gauss``'s cost, which matters at 100k participants.
NORMAL_TABLE_SIZE = 8192


class Scorer:
    """Draws one component's values on its grid (minimum + k × step, within the range)."""

    __slots__ = (
        "aspects",
        "assessors",
        "component",
        "integral",
        "k_max",
        "k_mean",
        "k_sd",
        "lo",
        "step",
    )

    def __init__(self, component: Component):
        self.component = component
        self.assessors = max(1, component.assessors)
        self.aspects = tuple(a.code for a in component.aspects)
        lo = Fraction(component.minimum)
        hi = Fraction(component.maximum)
        step = Fraction(component.step) if component.step > 0 else Fraction(1, 1000)
        self.lo: int | Fraction = lo.numerator if lo.denominator == 1 else lo
        self.step: int | Fraction = step.numerator if step.denominator == 1 else step
        self.integral = lo.denominator == 1 and step.denominator == 1
        self.k_max = math.floor((hi - lo) / step)
        span = float(hi - lo)
        mean, sd = SCORE_PROFILES.get(
            component.code,
            (float(lo) + DEFAULT_MEAN_SHARE * span, DEFAULT_SD_SHARE * span),
        )
        self.k_mean = (mean - float(lo)) / float(step)
        self.k_sd = sd / float(step)

    def level(self, z: float) -> float:
        """A position on the grid, in steps, for a standard-normal draw ``z``."""
        return self.k_mean + self.k_sd * z

    def points(self, points: float) -> float:
        """A shift in points, in steps."""
        return points / float(self.step)

    def at(self, level: float) -> int | Fraction:
        k = round(level)
        if k < 0:
            k = 0
        elif k > self.k_max:
            k = self.k_max
        value = self.lo + k * self.step
        if self.integral:
            return value
        if isinstance(value, Fraction) and value.denominator == 1:
            return value.numerator
        return value


def categorical(component: Component, z: float, rng: Random) -> str:
    """A categorical result (e.g. psikotes MS/TMS): the weakest few fail a gate."""
    if component.passing:
        failing = [v for v in component.values if v not in component.passing]
        if failing and z < -1.75:
            return failing[0]
        return component.passing[0]
    return rng.choice(component.values)


def score_text(value: object) -> str:
    """A drawn value as the import file writes it (``TH`` for absent, exact decimals)."""
    if type(value) is int:
        return str(value)
    if value is ABSENT:
        return ABSENT_TEXT
    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return f"{exact.normalize():f}"
    return str(value)


@cache
def normal_table() -> tuple[float, ...]:
    """``NORMAL_TABLE_SIZE`` equiprobable quantiles of the standard normal distribution."""
    normal = NormalDist()
    return tuple(normal.inv_cdf((i + 0.5) / NORMAL_TABLE_SIZE) for i in range(NORMAL_TABLE_SIZE))
