"""Which pairs an FGD respondent compares (issue #14 §1): a two-level hierarchy.

The criteria of a stage are its components and, below each component with a rubric, its
aspects. A respondent compares every two components of the stage (the top level) and every
two aspects of the same component (that component's local weights); never an aspect with a
component or with another component's aspect, which would mix levels. That is n(n−1)/2 pairs
per part (Saaty 1980), the least a complete matrix needs.

Criterion codes are what the FGD file names: a component's code (``PRAKTIK``) or
``COMPONENT.ASPECT`` (``PRAKTIK.TEKNIS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .scheme import Stage


@dataclass(frozen=True, slots=True)
class Criterion:
    code: str
    """``PRAKTIK`` or ``PRAKTIK.TEKNIS``."""
    name: str
    parent: str | None = None
    """The component an aspect belongs to; ``None`` at the top level."""


@dataclass(frozen=True, slots=True)
class ComparisonPart:
    """One matrix to fill: the stage's components, or one component's aspects."""

    parent: Criterion | None
    """``None``: the components of the stage; else the component whose aspects these are."""
    criteria: tuple[Criterion, ...]

    @property
    def pairs(self) -> tuple[tuple[Criterion, Criterion], ...]:
        return tuple(combinations(self.criteria, 2))


def comparison_parts(stage: Stage) -> list[ComparisonPart]:
    """The parts with something to compare (two criteria or more), components first, then
    each component's aspects in the scheme's order. Categorical components (MS/TMS) carry no
    weight and are left out."""
    weighted = [c for c in stage.components if c.is_numeric]
    parts: list[ComparisonPart] = []
    top = tuple(Criterion(c.code, c.name) for c in weighted)
    if len(top) >= 2:
        parts.append(ComparisonPart(None, top))
    for component in weighted:
        if len(component.aspects) >= 2:
            parent = Criterion(component.code, component.name)
            aspects = tuple(
                Criterion(f"{component.code}.{a.code}", a.name, component.code)
                for a in component.aspects
            )
            parts.append(ComparisonPart(parent, aspects))
    return parts
