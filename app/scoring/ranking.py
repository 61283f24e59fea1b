"""One ranking function for every view, export and document.

``rank_selection`` takes plain candidates with their raw entries and returns, per stage, a row
for every participant who entered that stage: the component scores, the final value (rounded
half-up to 3 decimals, which is what is shown *and* ranked), the competition rank among the
eligible, the :class:`Status` and the tie flag. Statuses follow one precedence (DESIGN §4):
withdrawn, disqualified, requirement failed, absent, incomplete (no code), below a threshold,
then the ranked outcomes. The printed code is derived from the status by the stage's codes,
so a committee that renames a code changes what is printed, never who goes on.

The regulations behind each rule (DESIGN §4) are cited where the rule is applied.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    NOTE_TIE_WAITING,
    SPECIAL_KEYS,
    SUM,
    Component,
    Scheme,
    Stage,
    StageCodes,
)
from .status import Status
from .ties import (
    TieDecision,
    decided_note,
    decision_for,
    separated_note,
    separating_keys,
    settle_tie,
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
    entries: Mapping[str, Sequence[Entry] | Score] = field(default_factory=dict)
    """Component code to the entries of all assessors; a bare number stands for one entry."""


@dataclass(slots=True)
class ResultRow:
    """One participant at one stage.

    ``values`` holds the exact component values (``int``/``Fraction``), ``"TH"``, a categorical
    value, or ``None`` when missing; ``cells`` rounds them for display. ``final`` is already
    rounded half-up to 3 decimals: the value shown and ranked. ``status`` decides everything;
    ``tie`` marks the participants of a final stage tied on every key across the vacancy
    boundary (SERI), whom the committee must decide on. ``codes`` is the stage's code table,
    shared by all rows, from which ``code`` and ``note`` are printed.
    """

    stage: str
    formation: str
    number: str
    name: str
    values: dict[str, Score | str | Decimal | None]
    final: Decimal | None
    rank: int | None
    status: Status
    codes: StageCodes
    tie: bool = False
    decision: str = ""
    """The reference of the committee's decision on this row's tie (berita acara number and
    date), once one applies; the row's status then says who took the seat."""
    separated: str = ""
    """The tie-break keys (``usia``, ``IPK``, ``TKP``…) that ordered this row against a
    neighbour with the same final value, named in its ``catatan``."""

    @property
    def code(self) -> str | None:
        """The printed code (``None`` while incomplete); never compared to decide anything."""
        return self.codes.code_for(self.status)

    @property
    def note(self) -> str:
        """The ``catatan`` column: a tie at the boundary (waiting, or decided by the committee
        with its reference), ``BELUM LENGKAP`` while scores are missing, else the tie-break
        key that ordered an equal final value (issue #10 §3)."""
        if self.tie:
            return decided_note(self.decision) if self.decision else NOTE_TIE_WAITING
        if self.status is Status.INCOMPLETE:
            return NOTE_INCOMPLETE
        if self.separated:
            return separated_note(self.separated)
        return ""

    @property
    def cells(self) -> dict[str, Cell]:
        return {key: display_value(value) for key, value in self.values.items()}

    @property
    def exact(self) -> dict[str, Score]:
        return {
            key: value
            for key, value in self.values.items()
            if isinstance(value, (int, Fraction)) and not isinstance(value, bool)
        }


def display_value(value: Score | str | Decimal | None) -> Cell:
    """What a table shows: numbers rounded half-up to 3 decimals, text as is."""
    if value is None or isinstance(value, (str, Decimal)):
        return value
    return round_half_up(value)


class StageResult:
    """A stage's rows; ``rows`` is in the published order (formation, rank, number).

    Sorting is deferred until someone reads ``rows``: an earlier stage that only decides who
    enters the next one (the SKD cut for 100k participants) is never sorted as a whole.
    """

    __slots__ = ("_rows", "_sorted", "columns", "stage")

    def __init__(self, stage: Stage, columns: tuple[str, ...], rows: list[ResultRow]):
        self.stage = stage
        self.columns = columns
        self._rows = rows
        self._sorted = False

    @property
    def rows(self) -> list[ResultRow]:
        if not self._sorted:
            self._rows.sort(key=_row_order)
            self._sorted = True
        return self._rows

    def unordered_rows(self) -> list[ResultRow]:
        return self._rows

    def by_number(self) -> dict[str, ResultRow]:
        return {row.number: row for row in self._rows}


def columns_of(scheme: Scheme, stage: Stage) -> tuple[str, ...]:
    """Score columns of a stage: the integrated stage first, then components in order."""
    head = (stage.integrates,) if stage.integrates else ()
    return head + tuple(c.code for c in stage.components)


def rank_selection(
    scheme: Scheme,
    quotas: Mapping[str, int],
    candidates: Iterable[Candidate],
    upto: str | None = None,
    decisions: Mapping[str, TieDecision] | None = None,
) -> dict[str, StageResult]:
    """Rank every stage up to ``upto`` (default: all); later stages take the earlier cut.

    ``decisions`` are the committee's decisions on ties at the final stage, by formation."""
    candidates = list(candidates)
    results: dict[str, StageResult] = {}
    previous: StageResult | None = None
    for stage in scheme.stages:
        if previous is None:
            entrants = candidates
        else:
            admitted = {row.number for row in previous.unordered_rows() if row.status.goes_on}
            entrants = [c for c in candidates if c.number in admitted]
        integrated = results[stage.integrates] if stage.integrates else None
        result = rank_stage(scheme, stage, quotas, entrants, integrated, decisions)
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
    decisions: Mapping[str, TieDecision] | None = None,
) -> StageResult:
    """Rank one stage for the given entrants (already filtered by the previous cut)."""
    stage_index = scheme.stage_index(stage.code)
    stage_order = {s.code: i for i, s in enumerate(scheme.stages)}
    evaluate = _StageEvaluator(stage, integrated)
    codes = stage.codes
    final_stage = scheme.is_final(stage)
    integrated_rows = _rows_of(integrated, entrants) if integrated is not None else {}
    integrated_code = integrated.stage.code if integrated is not None else None

    rows: list[ResultRow] = []
    eligible: dict[str, list[tuple[tuple, ResultRow]]] = defaultdict(list)
    components = evaluate.components
    final_of = evaluate.final
    key_of = evaluate.key
    for candidate in entrants:
        values, status, stage_value = components(candidate)
        prior = integrated_rows.get(candidate.number) if integrated_code else None
        if integrated_code is not None:
            values = {integrated_code: prior.final if prior is not None else None, **values}
        # The final value is shown whenever every numeric score is known, even for a code
        # that is not ranked (a participant below a threshold sees their total).
        final = final_of(stage_value, prior) if stage_value is not None else None
        mark = (
            applicable_mark(candidate.marks, stage_order, stage_index) if candidate.marks else None
        )
        # The precedence of DESIGN §4: a mark outweighs every score; a failed gate (TMS) or a
        # recorded absence outweighs a missing score; only a complete row is checked against
        # the thresholds, and only a row that passes them all is ranked (provisionally
        # outside the quota until the cut is drawn).
        if mark == MARK_WITHDRAWN:
            outcome = Status.WITHDRAWN
        elif mark == MARK_DISQUALIFIED:
            outcome = Status.DISQUALIFIED
        elif mark == MARK_REQUIREMENT or status == _GATE:
            outcome = Status.REQUIREMENT_FAILED
        elif status == _ABSENT_STATUS:
            outcome = Status.ABSENT
        elif status == _MISSING_STATUS:
            outcome = Status.INCOMPLETE
        elif status == _BELOW:
            outcome = Status.BELOW_THRESHOLD
        else:
            outcome = Status.OUTSIDE_QUOTA
        row = ResultRow(
            stage.code,
            candidate.formation,
            candidate.number,
            candidate.name,
            values,
            final,
            None,
            outcome,
            codes,
        )
        rows.append(row)
        if outcome is Status.OUTSIDE_QUOTA:
            eligible[candidate.formation].append((key_of(candidate, row, prior), row))

    for formation, ranked in eligible.items():
        decision = decision_for(decisions, formation) if final_stage else None
        _assign_ranks(ranked, stage, quotas.get(formation, 0), final_stage, decision)

    return StageResult(stage, columns_of(scheme, stage), rows)


def _rows_of(result: StageResult, entrants: Sequence[Candidate]) -> dict[str, ResultRow]:
    wanted = {c.number for c in entrants}
    return {row.number: row for row in result.unordered_rows() if row.number in wanted}


def _row_order(row: ResultRow) -> tuple:
    if row.rank is None:
        return (row.formation, 1, 0, row.number)
    return (row.formation, 0, row.rank, row.number)


def applicable_mark(
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
    ranked: list[tuple[tuple, ResultRow]],
    stage: Stage,
    vacancies: int,
    final_stage: bool,
    decision: TieDecision | None = None,
) -> None:
    """Competition ranking (1, 2, 2, 4); the quota cut keeps ties; SERI at a final boundary.

    Everyone equal to the last admitted participant on every key goes on from SKD, so the cut
    is drawn on the rank, not on the position. At the final stage no tie may take more seats
    than there are: the tied group that straddles the vacancies is flagged for the
    committee's decision.
    """
    ranked.sort(key=lambda pair: (pair[0], pair[1].number))
    # Equal final values put in order by a later key (age, IPK, TKP…) say which one.
    for position, keys in separating_keys(stage.ranking, [key for key, _ in ranked]).items():
        ranked[position][1].separated = keys
    # PermenPANRB 6/2024 (pengumuman hasil SKD): at most 3 times the vacancies of a position
    # go on, by the highest rank among those who met the thresholds; Panselnas applies it to
    # everyone tied at the boundary on TKP, TIU and TWK as well.
    quota = vacancies * stage.quota_multiplier
    previous_key: tuple | None = None
    rank = 0
    boundary = 0
    winners = 0
    for position, (key, row) in enumerate(ranked, start=1):
        if key != previous_key:
            rank = position
            previous_key = key
        row.rank = rank
        row.status = Status.WITHIN_QUOTA if rank <= quota else Status.OUTSIDE_QUOTA
        if rank <= vacancies:
            winners += 1
            boundary = rank
    if final_stage and winners > vacancies:
        # More equal participants than seats left: the committee decides who takes them
        # (issue #10 §3); until then the group is TIED and takes none.
        group = [row for _, row in ranked if row.rank == boundary]
        for row in group:
            row.tie = True
        settle_tie(group, vacancies - (winners - len(group)), decision)


_OK, _BELOW, _MISSING_STATUS, _ABSENT_STATUS, _GATE = range(5)


def _common_denominator(fractions: Iterable[Fraction]) -> int:
    common = 1
    for fraction in fractions:
        common = math.lcm(common, fraction.denominator)
    return common


class _StageEvaluator:
    """Per-stage constants computed once, then applied to every entrant (the hot loop)."""

    def __init__(self, stage: Stage, integrated: StageResult | None):
        self.stage = stage
        self.integrated = integrated
        sum_method = stage.method == SUM
        # (code, component, threshold, factor, simple): ``simple`` components take the fast
        # path of one whole value from one assessor; ``factor`` converts to the stage scale.
        # Factors are integers over one common denominator, so the hot loop adds integers and
        # builds a single Fraction per participant instead of one per component.
        self.plan: list[tuple[str, Component, Score | None, int | None, bool]] = []
        factors: dict[str, Fraction] = {}
        for component in stage.components:
            if component.is_numeric and (sum_method or component.weight):
                # value / max * 100 * weight / 100
                factors[component.code] = (
                    Fraction(1)
                    if sum_method
                    else Fraction(component.weight) / Fraction(component.maximum)
                )
        self.denominator = _common_denominator(factors.values())
        for component in stage.components:
            threshold = None
            if component.is_numeric and component.threshold is not None:
                threshold = to_score(component.threshold)
            factor = factors.get(component.code)
            scaled = int(factor * self.denominator) if factor is not None else None
            if scaled is None and component.is_numeric:
                scaled = 0  # shown and checked against its threshold, but adds nothing
            simple = component.is_numeric and component.assessors <= 1 and not component.affirmation
            self.plan.append((component.code, component, threshold, scaled, simple))
        self.integrate_prior: Fraction | None = None
        self.integrate_own = Fraction(1)
        if integrated is not None:
            weight = Fraction(stage.integrate_weight)
            self.integrate_prior = weight / Fraction(integrated.stage.maximum)
            self.integrate_own = (100 - weight) / 100
        self.aspect_weights: dict[str, tuple[int, list[tuple[str, int]]]] = {}
        for component in stage.components:
            if component.aspects:
                weights = [Fraction(a.weight) / 100 for a in component.aspects]
                common = _common_denominator(weights)
                self.aspect_weights[component.code] = (
                    common,
                    [
                        (a.code, int(w * common))
                        for a, w in zip(component.aspects, weights, strict=True)
                    ],
                )
        self.maxima = {c.code: to_score(c.maximum) for c in stage.components if c.is_numeric}
        self.key_parts = self._key_plan()
        self.key_functions = [_KEY_PARTS[source](name) for source, name in self.key_parts]

    def components(self, candidate: Candidate) -> tuple[dict, int, Score | None]:
        """Values by component, the worst status, and the stage's own (unintegrated) value.

        The status is already reduced by precedence (gate, absent, missing, below); the value
        is ``None`` unless every component is known.
        """
        values: dict[str, Score | str | None] = {}
        status = _OK
        complete = True
        stage_value: Score = 0
        entries_of = candidate.entries
        for code, component, threshold, factor, simple in self.plan:
            entries = entries_of.get(code)
            if simple and type(entries) is int:
                # The common case: one whole number from one assessor.
                values[code] = entries
                # KepmenPANRB 321/2024: the SKD thresholds (nilai ambang batas) are minima
                # every participant must meet; PermenPANRB 6/2024 Pasal 22(2): an
                # eliminating SKB test is announced with its criterion.
                if threshold is not None and entries < threshold and status < _BELOW:
                    status = _BELOW
                stage_value += entries * (factor or 0)  # a simple component is numeric
                continue
            if isinstance(entries, (int, Fraction)):
                entries = [entries]
            if not entries:
                values[code] = None
                complete = False
                if status < _MISSING_STATUS:
                    status = _MISSING_STATUS
                continue
            first = entries[0]
            value: Score
            if simple and len(entries) == 1 and type(first) is int:
                value = first
            else:
                outcome = self._component_value(component, entries)
                if outcome is None:
                    values[code] = None
                    complete = False
                    if status < _MISSING_STATUS:
                        status = _MISSING_STATUS
                    continue
                if isinstance(outcome, _Absent):
                    values[code] = ABSENT_TEXT
                    complete = False
                    if status < _ABSENT_STATUS:
                        status = _ABSENT_STATUS
                    continue
                if isinstance(outcome, str):
                    values[code] = outcome
                    if component.passing and outcome not in component.passing:
                        status = _GATE
                    continue
                value = outcome
                if component.affirmation and candidate.affirmation_percent:
                    # PPPK affirmation (KepmenPANRB 347/2024 and its sister decisions for
                    # teachers and health workers): a percentage of the teknis maximum is
                    # added, never beyond the maximum.
                    maximum = self.maxima[code]
                    bonus = Fraction(candidate.affirmation_percent) / 100 * maximum
                    raised = min(value + bonus, maximum)
                    value = raised.numerator if raised.denominator == 1 else raised
            values[code] = value
            if threshold is not None and value < threshold and status < _BELOW:
                status = _BELOW
            if factor is not None:
                stage_value += value * factor
        if not complete:
            return values, status, None
        if self.denominator != 1:
            stage_value = Fraction(stage_value) / self.denominator
            if stage_value.denominator == 1:
                stage_value = stage_value.numerator
        return values, status, stage_value

    def _component_value(
        self, component: Component, entries: Sequence[Entry]
    ) -> Score | str | _Absent | None:
        """The exact mean of all assessors, TH if any assessor recorded absence, a categorical
        value, or ``None`` while too few assessors have scored."""
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
            return None
        if not component.is_numeric:
            failing = [v for v in values if component.passing and v not in component.passing]
            return failing[0] if failing else values[0]
        if len(values) == 1:
            return values[0]
        mean = (
            Fraction(sum(values), len(values))
            if all(type(v) is int for v in values)
            else (Fraction(sum(values)) / len(values))
        )
        return mean.numerator if mean.denominator == 1 else mean

    def _aspect_mean(self, component: Component, aspects: Mapping[str, Score]) -> Score | None:
        common, weights = self.aspect_weights[component.code]
        total: Score = 0
        for code, weight in weights:
            value = aspects.get(code)
            if value is None:
                return None
            total += value * weight
        mean = Fraction(total) / common
        return mean.numerator if mean.denominator == 1 else mean

    def final(self, stage_value: Score, prior: ResultRow | None) -> Decimal | None:
        """PermenPANRB 6/2024 Pasal 45(3): the integrated score weighs SKD 40 % and SKB 60 %
        (``integrate_weight`` of the earlier stage on its 0–100 scale); the rounded value is
        what is shown and ranked (DESIGN §4.1)."""
        if self.integrate_prior is None:
            return round_half_up(stage_value)
        if prior is None or prior.final is None:
            return None
        value = Fraction(prior.final) * self.integrate_prior + stage_value * self.integrate_own
        return round_half_up(value)

    def _key_plan(self) -> list[tuple[str, str]]:
        """(source, name) per ranking key, resolved once for the whole stage."""
        own = {c.code for c in self.stage.components if c.is_numeric}
        integrated = self.integrated
        plan = []
        for name in self.stage.ranking:
            if name == KEY_FINAL:
                plan.append(("final", name))
            elif name in own:
                plan.append(("own", name))
            elif integrated is not None and name == integrated.stage.code:
                plan.append(("prior_final", name))
            elif integrated is not None:
                plan.append(("prior", name) if name not in SPECIAL_KEYS else (name, name))
            else:
                plan.append((name, name))
        return plan

    def key(self, candidate: Candidate, row: ResultRow, prior: ResultRow | None) -> tuple:
        """Sort key: smaller sorts first, so scores are negated."""
        return tuple([part(candidate, row, prior) for part in self.key_functions])


def _prior_value(name: str) -> Callable[[Candidate, ResultRow, ResultRow | None], object]:
    def part(candidate: Candidate, row: ResultRow, prior: ResultRow | None) -> object:
        value = prior.values.get(name) if prior is not None else None
        return -value if isinstance(value, (int, Fraction)) else 0

    return part


def _ipk(candidate: Candidate) -> tuple:
    return (0, -candidate.ipk) if candidate.ipk is not None else (1, 0)


def _priority(candidate: Candidate) -> tuple:
    group = candidate.priority_group
    return (0, group) if group is not None else (1, 0)


# One maker per kind of ranking key; each returns f(candidate, row, prior) -> sortable.
_KEY_PARTS = {
    "final": lambda name: lambda c, row, prior: -row.final,
    "own": lambda name: lambda c, row, prior: -row.values[name],
    "prior_final": lambda name: (
        lambda c, row, prior: -prior.final if prior is not None and prior.final is not None else 0
    ),
    "prior": _prior_value,
    # PermenPANRB 6/2024 Pasal 45(4): IPK (or the diploma average) before age.
    KEY_IPK: lambda name: lambda c, row, prior: _ipk(c),
    # PermenPANRB 6/2024 Pasal 45(4) (CPNS: after SKD, TKP, TIU, TWK and IPK) and Pasal 47(3)
    # (PPPK: after teknis, manajerial-sosio-kultural, wawancara): the older participant first.
    KEY_AGE: lambda name: lambda c, row, prior: c.birth_date.toordinal(),
    # KepmenPANRB 347/2024: PPPK applicants of a priority group rank before the others.
    KEY_PRIORITY: lambda name: lambda c, row, prior: _priority(c),
}
