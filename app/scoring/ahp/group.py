"""A whole FGD: every respondent's weights on every level, and the group's.

``analyse_fgd`` takes the responses (a respondent, a stakeholder group and its weight, the
judgments) and returns, per level of the hierarchy (``hierarchy``), each respondent's
weights and consistency (``priorities``), the group's weights from the aggregated
judgments (``aggregation``, Forman & Peniwati 1998) with its own CR, whole percentages
(``apportion``), Goepel's consensus and the spread of each weight (``consensus``), and the
global weights of the two levels.

**Inconsistent respondents.** A respondent whose CR on a level is above 0.10 is flagged
with the pair to ask again and included by default: the facilitator decides. With
``exclude_inconsistent`` their judgments on that level (only that one) are left out of the
aggregate; ``excluded`` records who was left out where and with which CR. The consensus and
the spread are taken over the respondents the group result is made of.

A respondent takes part in a level when they judged at least one pair of it, and must then
connect all of the level's criteria (an incomplete matrix is completed by Harker's method);
one who judged none of a level's pairs takes no part in it, and the shares of that level are
those of the respondents who did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .aggregation import Respondent, aggregate_judgments, respondent_weights
from .apportion import largest_remainder
from .connectivity import cut_off
from .consensus import Spread, ahp_consensus, consensus_band, weight_spread
from .consistency import MAX_CRITERIA, random_index
from .errors import GROUP_WEIGHT, VALUE, A, AhpError, B, FgdInvalid, ResponseProblem
from .hierarchy import TOP, global_weights, level_of, split_criterion
from .matrix import Judgment, comparison_matrix
from .priorities import Priorities, priorities_of_matrix
from .scale import in_scale


@dataclass(frozen=True, slots=True)
class Response:
    """One respondent's answers: the pairs in the order given (a file's rows)."""

    respondent: Respondent
    judgments: tuple[Judgment, ...]


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A respondent left out of one level's group result for being inconsistent."""

    respondent: str
    level: str
    cr: float


@dataclass(frozen=True, slots=True)
class LevelResult:
    """One level: ``key`` is ``TOP`` (the components) or a component's code (its aspects).

    ``respondents`` holds everyone who judged the level, in the order of the responses;
    ``shares`` the weight of each respondent in the aggregate (those included only);
    ``percent`` the group weights as whole percentages summing to 100.
    """

    key: str
    criteria: tuple[str, ...]
    respondents: dict[str, Priorities]
    shares: dict[str, float]
    excluded: tuple[str, ...]
    group: Priorities
    percent: tuple[int, ...]
    consensus: float | None
    spread: tuple[Spread, ...]

    @property
    def consensus_band(self) -> str | None:
        return consensus_band(self.consensus)

    @property
    def inconsistent(self) -> tuple[str, ...]:
        """Respondents whose CR on this level is above the limit, included or not."""
        return tuple(name for name, found in self.respondents.items() if not found.consistent)

    def percent_of(self) -> dict[str, int]:
        return dict(zip(self.criteria, self.percent, strict=True))


@dataclass(frozen=True, slots=True)
class FgdResult:
    """Everything an FGD gives; ``levels`` with the top level first, then each component's
    aspects in the order of the components."""

    respondents: tuple[Respondent, ...]
    levels: tuple[LevelResult, ...]
    exclude_inconsistent: bool
    excluded: tuple[Exclusion, ...]
    global_weights: dict[str, float]

    def level(self, key: str) -> LevelResult | None:
        for level in self.levels:
            if level.key == key:
                return level
        return None

    @property
    def top(self) -> LevelResult | None:
        return self.level(TOP)


def level_criteria(
    responses: Sequence[Response], criteria: Mapping[str, Sequence[str]] | None = None
) -> dict[str, tuple[str, ...]]:
    """The criteria of each level: as given (a scheme's, ``draft.stage_criteria``), else the
    names the judgments use, in the order they first appear; the top level first, then the
    aspect levels in the order of their components."""
    if criteria is not None:
        found = {key: tuple(names) for key, names in criteria.items()}
    else:
        found = {}
        for response in responses:
            for judgment in response.judgments:
                for name in (judgment.a, judgment.b):
                    try:
                        key = level_of(name)
                    except ValueError:
                        continue
                    names = found.setdefault(key, ())
                    if name not in names:
                        found[key] = (*names, name)
    top = found.get(TOP, ())
    order = {key: i for i, key in enumerate(top)}
    keys = sorted(found, key=lambda k: (k != TOP, order.get(k, len(order)), k))
    return {key: found[key] for key in keys}


def response_problems(
    responses: Sequence[Response], criteria: Mapping[str, Sequence[str]] | None = None
) -> list[ResponseProblem]:
    """Every problem of the responses at once: a malformed or unknown criterion, a criterion
    compared with itself, a pair across levels, a value outside Saaty's scale, a pair judged
    twice by one respondent, a group weight that is not positive or differs within a group,
    and a respondent whose judgments leave criteria of a level cut off."""
    problems: list[ResponseProblem] = []
    levels = level_criteria(responses, criteria)
    known = {name: key for key, names in levels.items() for name in names}
    group_weights: dict[str, float] = {}
    for r_index, response in enumerate(responses):
        respondent = response.respondent
        if not respondent.group_weight > 0:
            problems.append(
                ResponseProblem(
                    r_index,
                    None,
                    GROUP_WEIGHT,
                    "fgd.group_weight_positive",
                    {"group": respondent.group},
                )
            )
        else:
            first = group_weights.setdefault(respondent.group, respondent.group_weight)
            if abs(first - respondent.group_weight) > 1e-12 * max(1.0, first):
                problems.append(
                    ResponseProblem(
                        r_index,
                        None,
                        GROUP_WEIGHT,
                        "fgd.group_weight_differs",
                        {"group": respondent.group, "first": first},
                    )
                )
        seen: dict[frozenset[str], int] = {}
        pairs: dict[str, list[tuple[str, str]]] = {}
        refused: set[str] = set()
        for j_index, judgment in enumerate(response.judgments):
            problem = _judgment_problem(judgment, known if criteria is not None else None)
            if problem is not None:
                field, message, params = problem
                problems.append(ResponseProblem(r_index, j_index, field, message, params))
                refused.update(_levels_named(judgment))
                continue
            level = level_of(judgment.a)
            pair = frozenset((judgment.a, judgment.b))
            if pair in seen:
                problems.append(
                    ResponseProblem(
                        r_index,
                        j_index,
                        B,
                        "fgd.pair_twice",
                        {"a": judgment.a, "b": judgment.b, "first": seen[pair]},
                    )
                )
                continue
            seen[pair] = j_index
            pairs.setdefault(level, []).append((judgment.a, judgment.b))
        for level, judged in pairs.items():
            if level in refused:
                continue  # the refused judgment may be the one that connects them
            isolated = cut_off(levels[level], judged)
            if isolated:
                problems.append(
                    ResponseProblem(
                        r_index,
                        None,
                        A,
                        "fgd.cut_off",
                        {"level": level, "criteria": list(isolated)},
                    )
                )
    return problems


def _levels_named(judgment: Judgment) -> set[str]:
    found = set()
    for name in (judgment.a, judgment.b):
        try:
            found.add(level_of(name))
        except ValueError:
            continue
    return found


def _judgment_problem(
    judgment: Judgment, known: Mapping[str, str] | None
) -> tuple[str, str, dict[str, object]] | None:
    """The first problem of one judgment as (field, message, params); ``known``: the allowed
    criteria when they are given beforehand."""
    for field, name in ((A, judgment.a), (B, judgment.b)):
        try:
            split_criterion(name)
        except ValueError:
            return field, "fgd.bad_criterion", {"value": name}
        if known is not None and name not in known:
            return field, "fgd.unknown_criterion", {"value": name, "choices": list(known)}
    if judgment.a == judgment.b:
        return B, "fgd.same_criterion", {"value": judgment.a}
    if level_of(judgment.b) != level_of(judgment.a):
        return B, "fgd.cross_level", {"a": judgment.a, "b": judgment.b}
    if not in_scale(judgment.value):
        return VALUE, "fgd.out_of_scale", {"value": judgment.value}
    return None


def analyse_fgd(
    responses: Sequence[Response],
    *,
    criteria: Mapping[str, Sequence[str]] | None = None,
    exclude_inconsistent: bool = False,
) -> FgdResult:
    """The FGD's weights (see the module text). ``criteria``: the levels' criteria when they
    are known beforehand (a stage of a scheme); ``FgdInvalid`` lists every problem of the
    responses, ``AhpError`` says why weights cannot be had (no judgments; a level too large
    for the random index; every respondent of a level excluded)."""
    names = [response.respondent.name for response in responses]
    if len(set(names)) != len(names):
        raise AhpError("fgd.respondent_twice")
    problems = response_problems(responses, criteria)
    if problems:
        raise FgdInvalid(problems)
    levels = level_criteria(responses, criteria)
    judged = {level_of(j.a) for r in responses for j in r.judgments}
    results: list[LevelResult] = []
    exclusions: list[Exclusion] = []
    for key, level_names in levels.items():
        if key not in judged:
            continue
        if len(level_names) > MAX_CRITERIA:
            raise AhpError("fgd.too_many_criteria", count=len(level_names), limit=MAX_CRITERIA)
        random_index(len(level_names))
        found = _level(key, level_names, responses, exclude_inconsistent)
        exclusions.extend(
            Exclusion(name, key, found.respondents[name].cr) for name in found.excluded
        )
        results.append(found)
    if not results:
        raise AhpError("fgd.no_judgments")
    by_key = {level.key: level for level in results}
    top = by_key.get(TOP)
    composed = (
        global_weights(
            top.group.as_dict(),
            {key: level.group.as_dict() for key, level in by_key.items() if key != TOP},
        )
        if top is not None
        else {}
    )
    return FgdResult(
        respondents=tuple(r.respondent for r in responses),
        levels=tuple(results),
        exclude_inconsistent=exclude_inconsistent,
        excluded=tuple(exclusions),
        global_weights=composed,
    )


def _level(
    key: str,
    criteria: tuple[str, ...],
    responses: Sequence[Response],
    exclude_inconsistent: bool,
) -> LevelResult:
    matrices = {}
    found: dict[str, Priorities] = {}
    taking_part: list[Respondent] = []
    for response in responses:
        judgments = [j for j in response.judgments if level_of(j.a) == key]
        if not judgments:
            continue
        matrix = comparison_matrix(criteria, judgments)
        name = response.respondent.name
        matrices[name] = matrix
        found[name] = priorities_of_matrix(criteria, matrix)
        taking_part.append(response.respondent)
    excluded = tuple(name for name, p in found.items() if exclude_inconsistent and not p.consistent)
    included = [r for r in taking_part if r.name not in excluded]
    if not included:
        raise AhpError("fgd.all_inconsistent", level=key)
    shares = respondent_weights(included)
    aggregate = aggregate_judgments({r.name: matrices[r.name] for r in included}, shares)
    group = priorities_of_matrix(criteria, aggregate)
    vectors = [found[r.name].weights for r in included]
    return LevelResult(
        key=key,
        criteria=criteria,
        respondents=found,
        shares=shares,
        excluded=excluded,
        group=group,
        percent=largest_remainder(group.weights),
        consensus=ahp_consensus(vectors),
        spread=weight_spread(vectors),
    )
