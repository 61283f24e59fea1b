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
    each component's aspects in the scheme's order: the levels ``ahp.stage_criteria`` weighs,
    with their names. ``AhpError`` for a stage whose score is a plain sum (no weights)."""
    from .ahp import TOP, stage_criteria

    names = {c.code: c.name for c in stage.components}
    for component in stage.components:
        for aspect in component.aspects:
            names[f"{component.code}.{aspect.code}"] = aspect.name
    parts: list[ComparisonPart] = []
    for level, codes in stage_criteria(stage).items():
        if len(codes) < 2:
            continue
        parent = None if level == TOP else Criterion(level, names[level])
        criteria = tuple(
            Criterion(code, names[code], None if level == TOP else level) for code in codes
        )
        parts.append(ComparisonPart(parent, criteria))
    return parts
