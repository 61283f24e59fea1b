"""What each test really weighs in the final score: its effective weight.

A scheme states weights, but what decides an order is how much each score varies and how
the scores move together: a test everyone passes with nearly the same score weighs little
whatever its stated weight, and two tests that rank people alike weigh as one. The drafting
team compares each component's **effective weight**, its Pearson correlation with the final
score over the participants of the stage who have one, under today's scheme and the draft.
Pearson, not Spearman: the final score is a weighted sum of the components, a linear
composite, and Pearson's r is the measure of a component's part in a linear composite (the
components' variance shares are ``w·r·sd / sd_final``); a rank correlation would answer how
alike the orders are, which Kendall's tau-b between the two rankings already does.

The stated weight beside it is the component's share of the final score as the scheme says
it: in a weighted stage its weight, times the stage's own share where the stage integrates
an earlier one (CPNS: CAT SKB 60 % of SKB, SKB 60 % of the final score, so 36 %); the
integrated stage's final value is listed as a component of its own with its integration
weight; in a sum stage (SKD) a component weighs its maximum's share of the total maximum.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..scheme import SUM, Stage


@dataclass(frozen=True, slots=True)
class ComponentWeight:
    """``code``: a component (or the integrated stage); ``stated``: its share of the final
    score in percent as the scheme states it (``None`` where the scheme does not count it);
    ``pearson``: its correlation with the final score over ``n`` participants (``None``
    below three participants or where either side does not vary)."""

    code: str
    stated: Decimal | None
    pearson: float | None
    n: int


def stated_weights(stage: Stage, integrated: Stage | None) -> dict[str, Decimal]:
    """Each counted component's share of the stage's final score, in percent."""
    shares: dict[str, Decimal] = {}
    numeric = [c for c in stage.components if c.is_numeric]
    own = Decimal(100)
    if integrated is not None and stage.integrates:
        shares[stage.integrates] = stage.integrate_weight
        own = Decimal(100) - stage.integrate_weight
    if stage.method == SUM:
        total = sum((c.maximum for c in numeric), Decimal(0))
        for component in numeric:
            shares[component.code] = _share(component.maximum * own, total)
    else:
        for component in numeric:
            shares[component.code] = _share(component.weight * own, Decimal(100))
    return shares


def _share(numerator: Decimal, denominator: Decimal) -> Decimal:
    if not denominator:
        return Decimal(0)
    share = (numerator / denominator).quantize(Decimal("0.001"))
    # 40.000 reads 40 and 12.500 reads 12.5; never 4E+1.
    return share.quantize(Decimal(1)) if share == share.to_integral_value() else share.normalize()


def effective_weights(
    codes: Sequence[str],
    stated: Mapping[str, Decimal],
    values: Mapping[str, Sequence[float | None]],
    finals: Sequence[float | None],
) -> tuple[ComponentWeight, ...]:
    """One :class:`ComponentWeight` per code of ``codes``, in that order: ``values[code]``
    and ``finals`` are the participants' values, position by position (``None``: none); a
    pair counts where both are there."""
    found = []
    for code in codes:
        xs: list[float] = []
        ys: list[float] = []
        for value, final in zip(values[code], finals, strict=True):
            if value is not None and final is not None:
                xs.append(value)
                ys.append(final)
        found.append(ComponentWeight(code, stated.get(code), pearson(xs, ys), len(xs)))
    return tuple(found)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r of two paired samples; ``None`` below three pairs or without variance."""
    import numpy as np

    if len(xs) < 3:
        return None
    x = np.asarray(xs, dtype=float)
    y = np.asarray(ys, dtype=float)
    x = x - x.mean()
    y = y - y.mean()
    spread = math.sqrt(float(x @ x) * float(y @ y))
    if spread == 0.0:
        return None
    return max(-1.0, min(1.0, float(x @ y) / spread))


__all__ = ["ComponentWeight", "effective_weights", "pearson", "stated_weights"]
