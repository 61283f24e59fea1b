"""How are a component's scores spread? And do they pile up just past the threshold?

The mean, the sample standard deviation, the quartiles (linear interpolation, as a
spreadsheet's QUARTILE.INC), a histogram over the component's scale, the share within two
points of the threshold (a pile-up just above it hints at scores adjusted to pass) and the
share at the maximum (a ceiling the test may not discriminate above).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

NEAR_THRESHOLD = 2.0
"""Points either side of the threshold counted as "at the threshold"."""


@dataclass(frozen=True, slots=True)
class Distribution:
    n: int
    mean: float
    sd: float | None
    quartiles: tuple[float, float, float]
    edges: tuple[float, ...]
    counts: tuple[int, ...]
    near_threshold: float | None
    just_below: float | None
    at_maximum: float


def distribution(
    values: Sequence[float],
    minimum: float,
    maximum: float,
    *,
    threshold: float | None = None,
    bins: int = 10,
) -> Distribution:
    """The figures of ``values`` on the scale ``minimum``–``maximum``."""
    x = np.asarray(values, dtype=float)
    if not len(x):
        raise ValueError("a distribution needs at least one value")
    q1, q2, q3 = np.percentile(x, [25, 50, 75])
    counts, edges = np.histogram(x, bins=bins, range=(minimum, maximum))
    near = below = None
    if threshold is not None:
        near = float(np.mean(np.abs(x - threshold) <= NEAR_THRESHOLD))
        below = float(np.mean((x >= threshold - NEAR_THRESHOLD) & (x < threshold)))
    return Distribution(
        len(x),
        float(x.mean()),
        float(x.std(ddof=1)) if len(x) > 1 else None,
        (float(q1), float(q2), float(q3)),
        tuple(float(e) for e in edges),
        tuple(int(c) for c in counts),
        near,
        below,
        float(np.mean(x >= maximum)),
    )
