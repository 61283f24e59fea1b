"""The FGD's weights proposed into a draft of a stage's scheme, checked by every rule.

A stage's criteria for the FGD are its weighted components (a categorical gate such as a
psychotest's MS/TMS has no weight) and, below each component with two or more rubric
aspects, those aspects (``COMPONENT.ASPECT``). The proposal replaces the weights of the
levels the FGD judged with their whole percentages (``apportion``: each level sums to 100,
as a scheme requires) and keeps every other number of the scheme as it is; the draft is then
validated by ``scheme_file.validate_scheme``, so a draft that breaks a regulatory rule (in a
regional CPNS SKB the CAT at least 60 %, PermenPANRB 6/2024 Pasal 36(4)) says which and
cannot be adopted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ..problems import Problem
from ..scheme import WEIGHTED, Scheme, Stage
from ..scheme_file import validate_scheme
from .errors import AhpError
from .group import FgdResult
from .hierarchy import SEPARATOR, TOP


def stage_criteria(stage: Stage) -> dict[str, tuple[str, ...]]:
    """The levels of ``stage`` an FGD may weigh: ``TOP`` → its weighted components' codes;
    each component with two or more aspects → ``COMPONENT.ASPECT`` codes. ``AhpError`` for a
    stage whose score is a plain sum (its components carry no weights)."""
    if stage.method != WEIGHTED:
        raise AhpError("fgd.stage_not_weighted", stage=stage.code)
    components = [c for c in stage.components if c.is_numeric]
    found: dict[str, tuple[str, ...]] = {TOP: tuple(c.code for c in components)}
    for component in components:
        if len(component.aspects) >= 2:
            found[component.code] = tuple(
                f"{component.code}{SEPARATOR}{a.code}" for a in component.aspects
            )
    return found


@dataclass(frozen=True, slots=True)
class WeightDraft:
    """A stage's weights as the FGD proposes them.

    ``components`` and ``aspects`` (component → aspect → percent) hold the proposed whole
    percentages of the levels the FGD judged; ``current_components``/``current_aspects`` the
    scheme's weights now, for the comparison; ``scheme`` the whole draft scheme;
    ``problems`` what ``validate_scheme`` says of it (empty: it may be adopted).
    """

    stage: str
    components: dict[str, int]
    aspects: dict[str, dict[str, int]]
    current_components: dict[str, Decimal]
    current_aspects: dict[str, dict[str, Decimal]]
    scheme: Scheme
    problems: tuple[Problem, ...]

    @property
    def adoptable(self) -> bool:
        return not self.problems


def propose_weights(scheme: Scheme, stage_code: str, result: FgdResult) -> WeightDraft:
    """The draft of ``scheme`` with ``stage_code``'s weights from ``result`` (see the module
    text). ``KeyError`` for an unknown stage."""
    stage = scheme.stage(stage_code)
    top = result.top
    components = top.percent_of() if top is not None else {}
    aspects: dict[str, dict[str, int]] = {}
    for level in result.levels:
        if level.key != TOP:
            aspects[level.key] = {
                name.partition(SEPARATOR)[2]: share for name, share in level.percent_of().items()
            }
    new_components = []
    for component in stage.components:
        changed = component
        if component.code in components:
            changed = replace(changed, weight=Decimal(components[component.code]))
        if component.code in aspects:
            shares = aspects[component.code]
            changed = replace(
                changed,
                aspects=tuple(
                    replace(a, weight=Decimal(shares[a.code])) if a.code in shares else a
                    for a in component.aspects
                ),
            )
        new_components.append(changed)
    new_stage = replace(stage, components=tuple(new_components))
    draft = replace(
        scheme, stages=tuple(new_stage if s.code == stage.code else s for s in scheme.stages)
    )
    return WeightDraft(
        stage=stage.code,
        components=components,
        aspects=aspects,
        current_components={c.code: c.weight for c in stage.components if c.is_numeric},
        current_aspects={
            c.code: {a.code: a.weight for a in c.aspects}
            for c in stage.components
            if c.code in aspects
        },
        scheme=draft,
        problems=tuple(validate_scheme(draft)),
    )
