"""How far apart a participant's assessors are on one component (issue 5: flag for review).

An assessor's own value is exactly what the ranking averages for them: a whole value, or the
weighted mean of their rubric aspects. It is computed by the ranking's own evaluator, so the
spread can never be taken over numbers the ranking would not use; an assessor who recorded
TH or has not scored every aspect yet has no value and takes no part.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from .numbers import Score
from .ranking import ABSENT, Entry, _StageEvaluator
from .scheme import Component, Stage


@dataclass(frozen=True, slots=True)
class Spread:
    """Each assessor's exact value and the distance between the highest and the lowest."""

    values: dict[str, Score]
    spread: Score

    def exceeds(self, limit: Decimal | None) -> bool:
        """More than ``limit`` apart; ``None`` means the check is off."""
        return limit is not None and Fraction(self.spread) > Fraction(limit)


class SpreadRule:
    """The spread of one stage's multi-assessor components, with the ranking's arithmetic."""

    def __init__(self, stage: Stage) -> None:
        # Ranking keys and integration play no part in one assessor's value; leaving them out
        # lets the evaluator stand for a stage whose keys name an earlier stage's scores.
        self._evaluator = _StageEvaluator(replace(stage, ranking=(), integrates=None), None)
        self._single: dict[str, tuple[Component, Component]] = {}

    def assessor_value(self, component: Component, entry: Entry) -> Score | None:
        """One assessor's value as the ranking sees it, or ``None`` (TH, incomplete, text)."""
        if entry is ABSENT or isinstance(entry, str):
            return None
        # The evaluator's rule for a single entry of a single-assessor component is exactly
        # "this assessor's value": the whole number, or the weighted mean of every aspect.
        kept = self._single.get(component.code)
        if kept is not None and kept[0] is component:
            single = kept[1]
        else:  # made once per component, not once per assessor of 100k participants
            single = replace(component, assessors=1, affirmation=False)
            self._single[component.code] = (component, single)
        value = self._evaluator._component_value(single, [entry])
        if isinstance(value, (int, Fraction)) and not isinstance(value, bool):
            return value
        return None

    def spread(self, component: Component, entries: Mapping[str, Entry]) -> Spread | None:
        """The spread of the assessors who have a value; ``None`` with fewer than two."""
        values: dict[str, Score] = {}
        for assessor, entry in entries.items():
            value = self.assessor_value(component, entry)
            if value is not None:
                values[assessor] = value
        if len(values) < 2:
            return None
        distance = max(values.values()) - min(values.values())
        if isinstance(distance, Fraction) and distance.denominator == 1:
            distance = distance.numerator
        return Spread(values, distance)
