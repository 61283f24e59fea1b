"""Properties of the simulation of a draft scheme, on random schemes, drafts and scores.

Schemes have one or two stages (the second integrating the first), sum or weighted, with
thresholds, rubric aspects scored by one or two assessors, and random ranking keys; scores
come from a few values so ties, twins and boundaries happen in most examples. A draft is the
scheme with some of its rules changed: thresholds, weights (also dropping a component),
aspect weights, ranking keys. What must hold:

- the selection's own scheme changes nothing and keeps every formation's order (tau-b 1);
- the outcomes that change are exactly those the readable reference ranking
  (``ranking.rank_selection``) gives differently under the two schemes;
- every change is attributed to a rule the draft changes, and a draft that changes one rule
  only has every change attributed to it;
- seats gained and lost are the difference of who is within the quota.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.scoring.ranking import ABSENT, Candidate, rank_selection
from app.scoring.roster import Roster
from app.scoring.scheme import Scheme
from app.scoring.scheme_file import scheme_from_mapping
from app.scoring.simulation import RULES, draft_problems, rule_steps, simulate
from app.scoring.status import Status

EXAMPLES = settings(max_examples=120, deadline=None)
FORMATIONS = ("F1", "F2")
CODES = {
    "within_quota": "L",
    "outside_quota": "TL",
    "below_threshold": "BT",
    "absent": "TH",
    "requirement_failed": "TMS",
    "withdrawn": "APS",
    "disqualified": "DIS",
}
GRID = (0, 40, 55, 60, 70, 85, 100)
THRESHOLDS = (None, 40, 60, 70)


@st.composite
def weights(draw: st.DrawFn, count: int) -> list[int]:
    """``count`` positive whole weights summing to 100."""
    cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=count - 1, max_size=count - 1,
                                unique=True)))  # fmt: skip
    bounds = [0, *cuts, 100]
    return [bounds[i + 1] - bounds[i] for i in range(count)]


@st.composite
def scheme_mappings(draw: st.DrawFn) -> dict[str, Any]:
    stages: list[dict[str, Any]] = []
    for index in range(draw(st.integers(1, 2))):
        weighted = index > 0 or draw(st.booleans())
        count = draw(st.integers(1, 3))
        components = []
        for c in range(count):
            component: dict[str, Any] = {
                "code": f"S{index}C{c}",
                "name": f"S{index}C{c}",
                "max": 100,
                "assessors": draw(st.sampled_from([1, 1, 2])),
            }
            threshold = draw(st.sampled_from(THRESHOLDS))
            if threshold is not None:
                component["threshold"] = threshold
            if draw(st.integers(0, 2)) == 0:
                component["aspects"] = [
                    {"code": f"A{i}", "name": f"A{i}", "weight": w}
                    for i, w in enumerate(draw(weights(2)))
                ]
            components.append(component)
        if weighted:
            for component, weight in zip(components, draw(weights(count)), strict=True):
                component["weight"] = weight
        stage: dict[str, Any] = {
            "code": f"T{index}",
            "name": f"Tahap {index}",
            "method": "weighted" if weighted else "sum",
            "quota_multiplier": draw(st.integers(1, 3)) if index == 0 else 1,
            "codes": CODES,
            "components": components,
        }
        if index:
            stage["integrates"] = "T0"
            stage["integrate_weight"] = draw(st.sampled_from([40, 50]))
        stage["ranking"] = draw(rankings([c["code"] for c in components]))
        stages.append(stage)
    return {"code": "acak", "name": "Acak", "kind": "LOKAL", "stages": stages}


@st.composite
def rankings(draw: st.DrawFn, codes: list[str]) -> list[str]:
    keys = [*codes, "IPK", "USIA"]
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    position = draw(st.integers(0, len(chosen)))
    return [*chosen[:position], "NILAI_AKHIR", *chosen[position:]]


@st.composite
def entries(draw: st.DrawFn, component: Any) -> Any:
    kind = draw(st.sampled_from(["ok"] * 10 + ["absent", "missing"]))
    if kind == "missing":
        return None
    if kind == "absent":
        return [ABSENT]
    value: st.SearchStrategy[Any] = st.sampled_from(GRID)
    if component.aspects:
        value = st.one_of(
            value, st.fixed_dictionaries({a.code: st.sampled_from(GRID) for a in component.aspects})
        )
    return [draw(value) for _ in range(component.assessors)]


@st.composite
def candidates(draw: st.DrawFn, scheme: Scheme) -> list[Candidate]:
    people: list[Candidate] = []
    for index in range(draw(st.integers(0, 14))):
        number = f"{index:03d}"
        if people and draw(st.integers(0, 3)) == 0:
            twin = draw(st.sampled_from(people))
            people.append(Candidate(number, number, twin.formation, twin.birth_date, twin.ipk,
                                    entries=twin.entries))  # fmt: skip
            continue
        found: dict[str, Any] = {}
        for stage in scheme.stages:
            for component in stage.components:
                drawn = draw(entries(component))
                if drawn is not None:
                    found[component.code] = drawn
        people.append(
            Candidate(
                number=number,
                name=number,
                formation=draw(st.sampled_from(FORMATIONS)),
                birth_date=draw(st.sampled_from([date(1985, 5, 5), date(1990, 1, 1)])),
                ipk=draw(st.sampled_from([None, Decimal("3.00"), Decimal("3.50")])),
                entries=found,
            )
        )
    return people


@st.composite
def drafts(
    draw: st.DrawFn, data: dict[str, Any], rules: frozenset[str], drop: bool = True
) -> dict[str, Any]:
    """``data`` with some of ``rules`` changed in some stages (possibly none); ``drop``: a
    weight change may drop a component (which also drops its threshold and ranking key)."""
    draft = copy.deepcopy(data)
    for stage in draft["stages"]:
        components = stage["components"]
        if "weight" in rules and stage["method"] == "weighted" and draw(st.booleans()):
            if drop and len(components) > 1 and draw(st.integers(0, 3)) == 0:
                dropped = components.pop(draw(st.integers(0, len(components) - 1)))
                stage["ranking"] = [k for k in stage["ranking"] if k != dropped["code"]]
            for component, weight in zip(components, draw(weights(len(components))), strict=True):
                component["weight"] = weight
        for component in components:
            if "threshold" in rules and draw(st.integers(0, 2)) == 0:
                component.pop("threshold", None)
                threshold = draw(st.sampled_from(THRESHOLDS))
                if threshold is not None:
                    component["threshold"] = threshold
            if "aspects" in rules and component.get("aspects") and draw(st.booleans()):
                for aspect, weight in zip(component["aspects"], draw(weights(2)), strict=True):
                    aspect["weight"] = weight
        if "tie_break" in rules and draw(st.booleans()):
            stage["ranking"] = draw(rankings([c["code"] for c in components]))
    return draft


def scored(scheme: Scheme) -> set[str]:
    return {c.code for stage in scheme.stages for c in stage.components}


def reference_outcomes(
    scheme: Scheme, quotas: dict[str, int], people: list[Candidate], upto: str
) -> dict[str, tuple[str, Status]]:
    """Each participant's (stage reached, status there) by the readable reference ranking."""
    found: dict[str, tuple[str, Status]] = {}
    for code, result in rank_selection(scheme, quotas, people, upto=upto).items():
        for row in result.rows:
            found[row.number] = (code, row.status)
    return found


@st.composite
def selections(draw: st.DrawFn) -> tuple[dict[str, Any], Scheme, list[Candidate], dict[str, int]]:
    data = draw(scheme_mappings())
    scheme = scheme_from_mapping(data)
    people = draw(candidates(scheme))
    quotas = {"F1": draw(st.integers(0, 2)), "F2": draw(st.integers(1, 3))}
    return data, scheme, people, quotas


@EXAMPLES
@given(selections(), st.data())
def test_the_selections_own_scheme_changes_nothing_and_keeps_every_order(
    selection: tuple[dict[str, Any], Scheme, list[Candidate], dict[str, int]],
    data: st.DataObject,
) -> None:
    _mapping, scheme, people, quotas = selection
    upto = data.draw(st.sampled_from([s.code for s in scheme.stages]))
    assert draft_problems(scheme, scheme, scored(scheme), upto) == []
    assert rule_steps(scheme, scheme, upto) == ()
    found = simulate(scheme, scheme, quotas, Roster.of_candidates(people), upto)
    assert found.changed == ()
    assert found.rules == ()
    assert (found.seats_gained, found.seats_lost) == (0, 0)
    assert found.flow_before == found.flow_after
    for formation in found.formations:
        ranks = {row.before.rank for row in formation.rows if row.before.status.ranked}
        if formation.ranked_both >= 2 and len(ranks) >= 2:
            assert formation.kendall_tau == 1.0
        else:
            assert formation.kendall_tau is None
        for row in formation.rows:
            assert row.before == row.after
    assert found.weights_before == found.weights_after


@EXAMPLES
@given(selections(), st.data())
def test_changed_outcomes_are_the_reference_rankings_differences(
    selection: tuple[dict[str, Any], Scheme, list[Candidate], dict[str, int]],
    data: st.DataObject,
) -> None:
    mapping, scheme, people, quotas = selection
    draft = scheme_from_mapping(data.draw(drafts(mapping, frozenset(RULES))))
    upto = data.draw(st.sampled_from([s.code for s in scheme.stages]))
    assert draft_problems(scheme, draft, scored(scheme), upto) == []
    found = simulate(scheme, draft, quotas, Roster.of_candidates(people), upto)
    before = reference_outcomes(scheme, quotas, people, upto)
    after = reference_outcomes(draft, quotas, people, upto)
    at_stage = {n for n in before if before[n][0] == upto or after[n][0] == upto}
    expected = {n for n in at_stage if before[n] != after[n]}
    event(f"outcomes changed: {bool(expected)}; rules: {len(found.rules)}")
    assert {row.number for row in found.changed} == expected
    for row in (r for f in found.formations for r in f.rows):
        assert (row.before.stage, row.before.status) == before[row.number]
        assert (row.after.stage, row.after.status) == after[row.number]
    # Each change is named by a rule the draft changes, applied in the fixed order.
    assert list(found.rules) == [rule for rule in RULES if rule in found.rules]
    assert {row.rule for row in found.changed} <= set(found.rules)
    # Seats: who is within the quota under one scheme and not the other.
    gained = found.flow_after.selected - found.flow_before.selected
    lost = found.flow_before.selected - found.flow_after.selected
    assert {r.number for f in found.formations for r in f.gained} == gained
    assert {r.number for f in found.formations for r in f.lost} == lost
    for formation in found.formations:
        tau = formation.kendall_tau
        assert tau is None or -1.0 <= tau <= 1.0
    for weight in (*found.weights_before, *found.weights_after):
        assert weight.pearson is None or -1.0 <= weight.pearson <= 1.0


@EXAMPLES
@given(selections(), st.sampled_from(RULES), st.data())
def test_a_draft_changing_one_rule_has_every_change_attributed_to_it(
    selection: tuple[dict[str, Any], Scheme, list[Candidate], dict[str, int]],
    rule: str,
    data: st.DataObject,
) -> None:
    mapping, scheme, people, quotas = selection
    draft = scheme_from_mapping(data.draw(drafts(mapping, frozenset({rule}), drop=False)))
    found = simulate(scheme, draft, quotas, Roster.of_candidates(people))
    assert set(found.rules) <= {rule}
    assert {row.rule for row in found.changed} <= {rule}
    if not found.rules:
        assert found.changed == ()


@EXAMPLES
@given(selections(), st.data())
def test_a_component_without_scores_is_named_wherever_it_is_read(
    selection: tuple[dict[str, Any], Scheme, list[Candidate], dict[str, int]],
    data: st.DataObject,
) -> None:
    _mapping, scheme, _people, _quotas = selection
    upto = data.draw(st.sampled_from([s.code for s in scheme.stages]))
    components = [(s.code, c.code) for s in scheme.stages for c in s.components]
    stage, missing = data.draw(st.sampled_from(components))
    problems = draft_problems(scheme, scheme, scored(scheme) - {missing}, upto)
    if scheme.stage_index(stage) <= scheme.stage_index(upto):
        [problem] = problems
        assert problem.message == "simulation.component_not_scored"
        assert problem.params == {"value": missing, "stage": stage}
        s_index = scheme.stage_index(stage)
        c_index = [c.code for c in scheme.stages[s_index].components].index(missing)
        assert problem.key == f"stages[{s_index}].components[{c_index}].code"
    else:
        assert problems == []  # a later stage is not read
