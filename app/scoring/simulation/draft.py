"""Can the stored scores answer a draft, and what does the draft change, rule by rule?

A simulation reads the selection's raw scores as they were entered (per assessor, per rubric
aspect) and only the scheme around them changes. So a draft may change what a scheme
*decides* — weights, thresholds and categorical gates, the tie-break order, the weights of
rubric aspects, and it may drop a component — but not what the stored scores *are*: a
component without any stored score, another scale, kind or number of assessors, a rubric
aspect nobody could have scored, or other stages would make the draft read scores that do
not exist. ``draft_problems`` names each such problem by its TOML key, as the scheme
validator does, so the drafting team can fix the file in one pass.

``rule_steps`` splits the draft's changes into a chain of schemes that apply them one rule
at a time, in a fixed order: thresholds (and gates), then component weights (and the stage's
method and integration weight), then rubric aspect weights, then the tie-break order. The
last scheme of the chain is the draft itself, so the chain ends exactly where the draft's own
ranking is; a rule the draft leaves as it is has no step.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

from ..problems import Problem
from ..scheme import Component, Scheme, Stage

RULE_THRESHOLD = "threshold"
RULE_WEIGHT = "weight"
RULE_ASPECTS = "aspects"
RULE_TIE_BREAK = "tie_break"
RULES = (RULE_THRESHOLD, RULE_WEIGHT, RULE_ASPECTS, RULE_TIE_BREAK)
"""The rules a draft may change, in the order the simulation applies them."""

# What the stored scores are, per component: the TOML key and the component's field. A draft
# that changes one of them would read scores on another scale, or scores that do not exist.
_FIXED_COMPONENT_FIELDS = (
    ("kind", "kind"),
    ("min", "minimum"),
    ("max", "maximum"),
    ("assessors", "assessors"),
    ("values", "values"),
    ("affirmation", "affirmation"),
)
# What decides who enters a stage other than the rules above: the cut's multiplier and which
# stage is integrated. They are not among the rules a simulation attributes changes to.
_FIXED_STAGE_FIELDS = (
    ("quota_multiplier", "quota_multiplier"),
    ("integrates", "integrates"),
)


@dataclass(frozen=True, slots=True)
class RuleStep:
    """One step of the chain: ``scheme`` is the selection's scheme with the draft's changes
    of every rule up to and including ``rule`` (the last step's scheme is the draft)."""

    rule: str
    scheme: Scheme


def draft_problems(
    current: Scheme, draft: Scheme, scored: Collection[str], upto: str | None = None
) -> list[Problem]:
    """Why the stored scores cannot answer ``draft``; empty when they can.

    ``current`` is the selection's scheme, ``scored`` the codes of its components that have
    at least one stored score, ``upto`` the stage simulated (default: the last): components
    of later stages are not read, so only their stages' structure is checked. Keys are the
    draft's TOML keys (``stages[0].components[2].code``).
    """
    current_codes = [stage.code for stage in current.stages]
    draft_codes = [stage.code for stage in draft.stages]
    if current_codes != draft_codes:
        return [
            Problem(
                "stages",
                "simulation.stages_differ",
                {"draft": draft_codes, "current": current_codes},
            )
        ]
    last = current.stage_index(upto) if upto is not None else len(current.stages) - 1
    stage_of = {c.code: s.code for s in current.stages for c in s.components}
    problems: list[Problem] = []
    for index, (stage, target) in enumerate(zip(current.stages, draft.stages, strict=True)):
        path = f"stages[{index}]"
        for key, name in _FIXED_STAGE_FIELDS:
            before, after = getattr(stage, name), getattr(target, name)
            if before != after:
                problems.append(_fixed(f"{path}.{key}", stage.code, key, after, before))
        if index > last:
            continue
        for c_index, component in enumerate(target.components):
            problems.extend(
                _component_problems(
                    stage, component, f"{path}.components[{c_index}]", stage_of, scored
                )
            )
    return problems


def _component_problems(
    stage: Stage, draft: Component, path: str, stage_of: dict[str, str], scored: Collection[str]
) -> list[Problem]:
    code = draft.code
    if code in stage_of and stage_of[code] != stage.code:
        return [
            Problem(
                f"{path}.code",
                "simulation.component_moved",
                {"value": code, "stage": stage_of[code], "draft_stage": stage.code},
            )
        ]
    if code not in stage_of or code not in scored:
        return [
            Problem(
                f"{path}.code",
                "simulation.component_not_scored",
                {"value": code, "stage": stage.code},
            )
        ]
    stored = stage.component(code)
    problems = [
        _fixed(f"{path}.{key}", code, key, getattr(draft, name), getattr(stored, name))
        for key, name in _FIXED_COMPONENT_FIELDS
        if getattr(draft, name) != getattr(stored, name)
    ]
    known = [aspect.code for aspect in stored.aspects]
    if stored.aspects and not draft.aspects:
        # Sheets entered per aspect would weigh nothing at all: every such score would read 0.
        problems.append(
            Problem(f"{path}.aspects", "simulation.aspects_dropped", {"component": code})
        )
    for a_index, aspect in enumerate(draft.aspects):
        if aspect.code not in known:
            problems.append(
                Problem(
                    f"{path}.aspects[{a_index}].code",
                    "simulation.aspect_not_stored",
                    {"component": code, "value": aspect.code, "stored": known or "-"},
                )
            )
    return problems


def _fixed(key: str, owner: str, field: str, value: Any, current: Any) -> Problem:
    return Problem(
        key,
        "simulation.field_fixed",
        {"owner": owner, "field": field, "value": _shown(value), "current": _shown(current)},
    )


def _shown(value: Any) -> Any:
    if value is None or value == ():
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def rule_steps(current: Scheme, draft: Scheme, upto: str | None = None) -> tuple[RuleStep, ...]:
    """The draft's changes one rule at a time, in the order of :data:`RULES`.

    Step by step from ``current``: the draft's thresholds and categorical gates (a component
    the draft drops loses its threshold here and stays with its weight), then its components
    and their weights with the stage's method and integration weight (a dropped component
    goes here, with its ranking key), then its rubric aspect
    weights, then its ranking keys. A step is kept only where it changes a stage up to
    ``upto`` (default: the last), and the last step kept is the draft itself, so its names
    and printed codes are the draft's. ``draft_problems`` must have found nothing.
    """
    last = current.stage_index(upto) if upto is not None else len(current.stages) - 1
    builders: tuple[tuple[str, Callable[[Stage, Stage], Stage]], ...] = (
        (RULE_THRESHOLD, _with_thresholds),
        (RULE_WEIGHT, _with_weights),
        (RULE_ASPECTS, _with_aspects),
        (RULE_TIE_BREAK, _with_ranking),
    )
    steps: list[RuleStep] = []
    # Stages after the simulated one are not ranked: they follow the draft from the start.
    base = replace(current, stages=current.stages[: last + 1] + draft.stages[last + 1 :])
    for rule, build in builders:
        stages = tuple(
            build(stage, target) for stage, target in zip(base.stages, draft.stages, strict=True)
        )
        if stages[: last + 1] != base.stages[: last + 1]:
            base = replace(base, stages=stages)
            steps.append(RuleStep(rule, base))
        else:
            base = replace(base, stages=stages)  # later stages follow the draft all the same
    if steps:
        steps[-1] = RuleStep(steps[-1].rule, draft)
    return tuple(steps)


def _with_thresholds(stage: Stage, target: Stage) -> Stage:
    by_code = {c.code: c for c in target.components}
    components = []
    for component in stage.components:
        found = by_code.get(component.code)
        if found is None:
            components.append(replace(component, threshold=None, passing=()))
        else:
            components.append(replace(component, threshold=found.threshold, passing=found.passing))
    return replace(stage, components=tuple(components))


def _with_weights(stage: Stage, target: Stage) -> Stage:
    by_code = {c.code: c for c in stage.components}
    components = tuple(replace(by_code[c.code], weight=c.weight) for c in target.components)
    # A dropped component takes its ranking key with it: nothing is left to rank by.
    dropped = set(by_code) - {c.code for c in target.components}
    return replace(
        stage,
        components=components,
        method=target.method,
        integrate_weight=target.integrate_weight,
        ranking=tuple(key for key in stage.ranking if key not in dropped),
    )


def _with_aspects(stage: Stage, target: Stage) -> Stage:
    by_code = {c.code: c for c in target.components}
    return replace(
        stage,
        components=tuple(replace(c, aspects=by_code[c.code].aspects) for c in stage.components),
    )


def _with_ranking(stage: Stage, target: Stage) -> Stage:
    return replace(stage, ranking=target.ranking)


__all__ = [
    "RULES",
    "RULE_ASPECTS",
    "RULE_THRESHOLD",
    "RULE_TIE_BREAK",
    "RULE_WEIGHT",
    "RuleStep",
    "draft_problems",
    "rule_steps",
]
