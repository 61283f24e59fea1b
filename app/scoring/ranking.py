"""One ranking function for every view, export and document.

``rank_selection`` takes plain candidates with their raw entries and returns, per stage, a row
for every participant who entered that stage: the component scores, the final value (rounded
half-up to 3 decimals, which is what is shown *and* ranked), the competition rank among the
eligible, the status code and the note. Codes follow one precedence (issue #2, DESIGN §4):
withdrawn, disqualified, requirement failed, absent, incomplete (no code), below a threshold,
then the ranked codes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from .numbers import Score, round_half_up, to_score
from .scheme import (
    KEY_AGE,
    KEY_FINAL,
    KEY_IPK,
    KEY_PRIORITY,
    MARK_DISQUALIFIED,
    MARK_REQUIREMENT,
    MARK_WITHDRAWN,
    NOTE_INCOMPLETE,
    NOTE_TIE,
    SUM,
    Component,
    Scheme,
    Stage,
)


class _Absent:
    """Sentinel for a recorded absence (TH)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()
ABSENT_TEXT = "TH"

# One assessor's entry: a whole value, a categorical value, TH, or rubric aspect values.
Entry = int | Fraction | str | _Absent | Mapping[str, Score]
# What a results table shows in a component column.
Cell = Decimal | str | None


@dataclass(slots=True)
class Candidate:
    """A participant as the rules see them: no database, no identity beyond the number."""

    number: str
    name: str
    formation: str
    birth_date: date
    ipk: Decimal | None = None
    priority_group: int | None = None
    affirmation_percent: Decimal | None = None
    marks: Sequence[tuple[str, str]] = ()
    """(mark kind, stage code it applies from)."""
    entries: Mapping[str, Sequence[Entry]] = field(default_factory=dict)
    """Component code to the entries of all assessors."""


@dataclass(slots=True)
class ResultRow:
    stage: str
    formation: str
    number: str
    name: str
    cells: dict[str, Cell]
    final: Decimal | None
    rank: int | None
    code: str | None
    note: str
    exact: dict[str, Score]


@dataclass(slots=True)
class StageResult:
    stage: Stage
    columns: tuple[str, ...]
    rows: list[ResultRow]

    def by_number(self) -> dict[str, ResultRow]:
        return {row.number: row for row in self.rows}


_MISSING = object()


def columns_of(scheme: Scheme, stage: Stage) -> tuple[str, ...]:
    """Score columns of a stage: the integrated stage first, then components in order."""
    head = (stage.integrates,) if stage.integrates else ()
    return head + tuple(c.code for c in stage.components)


def rank_selection(
    scheme: Scheme,
    quotas: Mapping[str, int],
    candidates: Iterable[Candidate],
    upto: str | None = None,
) -> dict[str, StageResult]:
    """Rank every stage up to ``upto`` (default: all); later stages take the earlier cut."""
    candidates = list(candidates)
    results: dict[str, StageResult] = {}
    previous: StageResult | None = None
    for index, stage in enumerate(scheme.stages):
        if previous is None:
            entrants = candidates
        else:
            passed = scheme.stages[index - 1].codes.within_quota
            codes = {row.number: row.code for row in previous.rows}
            entrants = [c for c in candidates if codes.get(c.number) == passed]
        integrated = results[stage.integrates] if stage.integrates else None
        result = rank_stage(scheme, stage, quotas, entrants, integrated)
        results[stage.code] = result
        previous = result
        if stage.code == upto:
            break
    return results


def rank_stage(
    scheme: Scheme,
    stage: Stage,
    quotas: Mapping[str, int],
    entrants: Sequence[Candidate],
    integrated: StageResult | None = None,
) -> StageResult:
    """Rank one stage for the given entrants (already filtered by the previous cut)."""
    stage_index = scheme.stage_index(stage.code)
    stage_order = {s.code: i for i, s in enumerate(scheme.stages)}
    evaluate = _StageEvaluator(stage, integrated)
    codes = stage.codes
    final_stage = scheme.is_final(stage)
    integrated_rows = integrated.by_number() if integrated is not None else {}

    rows: list[ResultRow] = []
    eligible: dict[str, list[tuple[tuple, ResultRow]]] = defaultdict(list)
    for candidate in entrants:
        cells, exact, status, stage_value = evaluate.components(candidate)
        prior = integrated_rows.get(candidate.number)
        if integrated is not None:
            cells[integrated.stage.code] = prior.final if prior is not None else None
        # The final value is shown whenever every numeric score is known, even for a code
        # that is not ranked (a participant below a threshold sees their total).
        final = evaluate.final(stage_value, prior) if stage_value is not None else None
        code: str | None = None
        note = ""
        mark = _applicable_mark(candidate.marks, stage_order, stage_index)
        if mark == MARK_WITHDRAWN:
            code = codes.withdrawn
        elif mark == MARK_DISQUALIFIED:
            code = codes.disqualified
        elif mark == MARK_REQUIREMENT or status == "gate":
            code = codes.requirement_failed
        elif status == "absent":
            code = codes.absent
        elif status == "missing":
            note = NOTE_INCOMPLETE
        elif status == "threshold":
            code = codes.below_threshold
        row = ResultRow(
            stage=stage.code,
            formation=candidate.formation,
            number=candidate.number,
            name=candidate.name,
            cells=cells,
            final=final,
            rank=None,
            code=code,
            note=note,
            exact=exact,
        )
        rows.append(row)
        if code is None and not note:
            key = evaluate.key(candidate, row, prior)
            eligible[candidate.formation].append((key, row))

    for formation, ranked in eligible.items():
        _assign_ranks(ranked, stage, quotas.get(formation, 0), final_stage)

    rows.sort(key=_row_order)
    return StageResult(stage=stage, columns=columns_of(scheme, stage), rows=rows)


def _row_order(row: ResultRow) -> tuple:
    if row.rank is None:
        return (row.formation, 1, 0, row.number)
    return (row.formation, 0, row.rank, row.number)


def _applicable_mark(
    marks: Sequence[tuple[str, str]], stage_order: Mapping[str, int], stage_index: int
) -> str | None:
    """The strongest mark applying at this stage; a mark holds from its stage onwards."""
    best: str | None = None
    for kind, stage_code in marks:
        if stage_order.get(stage_code, 0) > stage_index:
            continue
        if kind == MARK_WITHDRAWN:
            return kind
        if kind == MARK_DISQUALIFIED or (kind == MARK_REQUIREMENT and best is None):
            best = kind
    return best


def _assign_ranks(
    ranked: list[tuple[tuple, ResultRow]], stage: Stage, vacancies: int, final_stage: bool
) -> None:
    """Competition ranking (1, 2, 2, 4); the quota cut keeps ties; SERI at a final boundary."""
    ranked.sort(key=lambda pair: (pair[0], pair[1].number))
    quota = vacancies * stage.quota_multiplier
    previous_key: tuple | None = None
    rank = 0
    for position, (key, row) in enumerate(ranked, start=1):
        if key != previous_key:
            rank = position
            previous_key = key
        row.rank = rank
        row.code = stage.codes.within_quota if rank <= quota else stage.codes.outside_quota
    if final_stage:
        winners = [row for _, row in ranked if row.rank is not None and row.rank <= vacancies]
        if len(winners) > vacancies:
            boundary = max(row.rank for row in winners)  # type: ignore[type-var]
            for row in winners:
                if row.rank == boundary:
                    row.note = NOTE_TIE


class _StageEvaluator:
    """Per-stage constants computed once, then applied to every entrant."""

    def __init__(self, stage: Stage, integrated: StageResult | None):
        self.stage = stage
        self.integrated = integrated
        self.sum_method = stage.method == SUM
        self.factors: dict[str, Fraction] = {}
        for component in stage.components:
            if component.is_numeric and not self.sum_method and component.weight:
                # value / max * 100 * weight / 100
                self.factors[component.code] = Fraction(component.weight) / Fraction(
                    component.maximum
                )
        self.integrate_prior: Fraction | None = None
        self.integrate_own = Fraction(1)
        if integrated is not None:
            weight = Fraction(stage.integrate_weight)
            self.integrate_prior = weight / Fraction(integrated.stage.maximum)
            self.integrate_own = (100 - weight) / 100
        self.thresholds = {
            c.code: to_score(c.threshold)
            for c in stage.components
            if c.is_numeric and c.threshold is not None
        }
        self.aspect_weights = {
            c.code: [(a.code, Fraction(a.weight) / 100) for a in c.aspects]
            for c in stage.components
            if c.aspects
        }
        self.maxima = {c.code: to_score(c.maximum) for c in stage.components if c.is_numeric}

    def components(
        self, candidate: Candidate
    ) -> tuple[dict[str, Cell], dict[str, Score], str | None, Score | None]:
        """Cells, exact values, the worst status and the stage's own (unintegrated) value.

        The value is ``None`` unless every component is known.

        Status is ``None`` (complete and fine), ``"gate"``, ``"absent"``, ``"missing"`` or
        ``"threshold"``, already reduced by precedence.
        """
        cells: dict[str, Cell] = {}
        exact: dict[str, Score] = {}
        gate = absent = missing = below = False
        stage_value: Score = 0
        entries_of = candidate.entries
        for component in self.stage.components:
            entries = entries_of.get(component.code)
            value = self._component_value(component, entries) if entries else _MISSING
            if value is _MISSING:
                cells[component.code] = None
                missing = True
                continue
            if value is ABSENT:
                cells[component.code] = ABSENT_TEXT
                absent = True
                continue
            if isinstance(value, str):
                cells[component.code] = value
                if component.passing and value not in component.passing:
                    gate = True
                continue
            if component.affirmation and candidate.affirmation_percent:
                bonus = Fraction(candidate.affirmation_percent) / 100 * self.maxima[component.code]
                value = min(value + bonus, self.maxima[component.code])
                if isinstance(value, Fraction) and value.denominator == 1:
                    value = value.numerator
            exact[component.code] = value
            cells[component.code] = round_half_up(value)
            threshold = self.thresholds.get(component.code)
            if threshold is not None and value < threshold:
                below = True
            if self.sum_method:
                stage_value += value
            else:
                factor = self.factors.get(component.code)
                if factor is not None:
                    stage_value += value * factor
        if gate:
            status = "gate"
        elif absent:
            status = "absent"
        elif missing:
            status = "missing"
        elif below:
            status = "threshold"
        else:
            status = None
        return cells, exact, status, (None if absent or missing else stage_value)

    def _component_value(self, component: Component, entries: Sequence[Entry]) -> object:
        """The exact mean of all assessors, TH if any assessor recorded absence, or missing."""
        if len(entries) == 1:
            only = entries[0]
            if type(only) is int:
                return only if component.assessors <= 1 else _MISSING
        values: list = []
        for entry in entries:
            if entry is ABSENT:
                return ABSENT
            if isinstance(entry, Mapping):
                aspect_value = self._aspect_mean(component, entry)
                if aspect_value is None:
                    continue
                values.append(aspect_value)
            else:
                values.append(entry)
        if len(values) < component.assessors or not values:
            return _MISSING
        if not component.is_numeric:
            failing = [v for v in values if component.passing and v not in component.passing]
            return failing[0] if failing else values[0]
        if len(values) == 1:
            return values[0]
        mean = Fraction(sum(values)) / len(values)
        return mean.numerator if mean.denominator == 1 else mean

    def _aspect_mean(self, component: Component, aspects: Mapping[str, Score]) -> Score | None:
        total: Fraction = Fraction(0)
        for code, weight in self.aspect_weights.get(component.code, ()):
            value = aspects.get(code)
            if value is None:
                return None
            total += value * weight
        return total.numerator if total.denominator == 1 else total

    def final(self, stage_value: Score, prior: ResultRow | None) -> Decimal | None:
        if self.integrate_prior is None:
            return round_half_up(stage_value)
        if prior is None or prior.final is None:
            return None
        value = Fraction(prior.final) * self.integrate_prior + stage_value * self.integrate_own
        return round_half_up(value)

    def key(self, candidate: Candidate, row: ResultRow, prior: ResultRow | None) -> tuple:
        """Sort key: smaller sorts first, so scores are negated."""
        parts: list = []
        integrated = self.integrated
        for name in self.stage.ranking:
            if name == KEY_FINAL:
                parts.append(-row.final if row.final is not None else 0)
            elif name in row.exact:
                parts.append(-row.exact[name])
            elif integrated is not None and name == integrated.stage.code:
                parts.append(-(prior.final or 0) if prior else 0)
            elif integrated is not None and prior is not None and name in prior.exact:
                parts.append(-prior.exact[name])
            elif name == KEY_IPK:
                parts.append((0, -candidate.ipk) if candidate.ipk is not None else (1, 0))
            elif name == KEY_AGE:
                # PermenPANRB 6/2024: with everything else equal, the older participant ranks first.
                parts.append(candidate.birth_date.toordinal())
            elif name == KEY_PRIORITY:
                group = candidate.priority_group
                parts.append((0, group) if group is not None else (1, 0))
            else:
                parts.append(0)
        return tuple(parts)
