"""The fast ranking engine: the rules of :mod:`.ranking`, evaluated column by column.

``rank_selection`` in :mod:`.ranking` is the readable statement of the rules and stays the
reference; this module computes exactly the same ranks, statuses, tie flags, final values and
cells, only faster, for what the services run on 100k participants (above all the SKD cut
that every later stage recomputes):

- each stage is compiled once (:func:`compile_stage`) into integer factors over a common
  denominator, so the hot loop adds and multiplies Python ints and rounds half-up to
  thousandths by integer division; no ``Fraction`` or ``Decimal`` is made per participant
  except when a :class:`ResultRow` is built;
- every component is evaluated as one column (a list of numerators over that column's own
  denominator) instead of one dict per participant;
- sort keys are tuples of ints;
- :class:`StageTable` keeps the columns and builds ``ResultRow`` objects only for the rows a
  caller asks for: the admitted numbers or the counts need none;
- the participants come as columns too (:class:`~app.scoring.roster.Roster`), so names, birth
  dates and IPK are read only for the rows built and the ties that need them.

Component values are exact rationals. Each column holds integer numerators over one
denominator ``D`` (the least common multiple of the denominators that occur in it: 1 for
whole scores, 1000 for scores with decimals, times the number of assessors of a mean), so
values of one column compare as ints, and a threshold ``a/b`` is checked as ``n * b < a * D``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import cast

from .blocks import BlockValue, ResultBlock
from .numbers import _DECIMALS, PLACES, Score, half_up, milli_decimal
from .ranking import (
    ABSENT_TEXT,
    Candidate,
    Entry,
    ResultRow,
    _Absent,
    applicable_mark,
    columns_of,
)
from .roster import Entries, Roster
from .scheme import (
    KEY_AGE,
    KEY_FINAL,
    KEY_IPK,
    KEY_PRIORITY,
    MARK_DISQUALIFIED,
    MARK_REQUIREMENT,
    MARK_WITHDRAWN,
    SPECIAL_KEYS,
    SUM,
    Component,
    Scheme,
    Stage,
)
from .status import Status
from .ties import TieDecision, applying, decision_for, separating_keys, tie_status

_SCALE = 10**PLACES

# What one participant's component contributes, reduced by the precedence of DESIGN §4 (the
# same order as the reference's ``_OK < _BELOW < _MISSING < _ABSENT < _GATE``).
_OK, _BELOW, _MISSING, _ABSENT, _GATE = range(5)

# The kinds of a component value, from the general (non-whole, multi-assessor) path.
_NUMBER, _TEXT, _ABSENT_VALUE, _MISSING_VALUE = range(4)

# What a participant holds for one component: the entries of all assessors, a bare number
# for one plain entry (``Candidate.entries``), or nothing.
_Entries = Entries
# One component value of one participant from the general path: (kind, numerator,
# denominator, text). A ``_NUMBER`` is ``numerator / denominator`` (reduced) and has no text;
# the other kinds have numerator 0, denominator 1 and the cell as text (a categorical value,
# ``"TH"``, or ``None`` while missing).
_General = tuple[int, int, int, str | None]
# A special cell of a column: missing, TH, a categorical value, or a categorical's number.
_Special = Score | str | None
# What a ``ResultRow`` holds per column: the above, or the integrated stage's final value.
_RowValue = Score | str | Decimal | None

# The roster detail each tie-break key reads.
_DETAIL_OF_KEY = {KEY_IPK: "ipk", KEY_AGE: "birth_date", KEY_PRIORITY: "priority_group"}

_STATUS_OF = (
    Status.OUTSIDE_QUOTA,
    Status.BELOW_THRESHOLD,
    Status.INCOMPLETE,
    Status.ABSENT,
    Status.REQUIREMENT_FAILED,
)


def _ratio(value: int | Fraction | Decimal) -> tuple[int, int]:
    """An exact number as (numerator, positive denominator) without building a Fraction."""
    if type(value) is int:
        return value, 1
    return value.as_integer_ratio()


def _reduced(numerator: int, denominator: int) -> tuple[int, int]:
    common = math.gcd(numerator, denominator)
    if common == 1:
        return numerator, denominator
    return numerator // common, denominator // common


def _exact(numerator: int, denominator: int) -> Score:
    """The reference's representation of a value: ``int`` when whole, else ``Fraction``."""
    if denominator == 1:
        return numerator
    if numerator % denominator == 0:
        return numerator // denominator
    return Fraction(numerator, denominator)


# --- compiled stages ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CompiledComponent:
    """One component's constants: its factor, threshold and rubric weights as integers.

    ``factor`` is the component's share of the stage value per unit of its own scale (1 in a
    sum stage, ``weight / maximum`` in a weighted one); ``None`` for a categorical component,
    which adds nothing. ``simple``: one whole value from one assessor is taken as it is.
    """

    component: Component
    code: str
    numeric: bool
    factor: Fraction | None
    threshold: tuple[int, int] | None
    simple: bool
    affirmation: bool
    maximum: tuple[int, int]
    aspects: tuple[tuple[str, int], ...]
    aspect_common: int
    passing: frozenset[str]


@dataclass(frozen=True, slots=True)
class CompiledStage:
    """A stage's constants, computed once per scheme: components, integration, key plan."""

    stage: Stage
    columns: tuple[str, ...]
    components: tuple[CompiledComponent, ...]
    final_stage: bool
    integrates: str | None
    integrate_prior: Fraction | None
    """Weight of the integrated stage's (rounded) final value: ``w / maximum``."""
    integrate_own: Fraction
    """Weight of this stage's own value: ``(100 - w) / 100``."""
    key_plan: tuple[tuple[str, str], ...]


def compile_stage(scheme: Scheme, stage: Stage) -> CompiledStage:
    """The stage's rules as integer constants (cached: a scheme is immutable data)."""
    integrated = scheme.stage(stage.integrates) if stage.integrates else None
    return _compile(stage, integrated, scheme.is_final(stage), columns_of(scheme, stage))


@lru_cache(maxsize=64)
def _compile(
    stage: Stage, integrated: Stage | None, final_stage: bool, columns: tuple[str, ...]
) -> CompiledStage:
    sum_method = stage.method == SUM
    components = []
    for component in stage.components:
        factor: Fraction | None = None
        threshold = None
        if component.is_numeric:
            # value / max * 100 * weight / 100; a numeric component without weight is shown
            # and checked against its threshold but adds nothing.
            if sum_method:
                factor = Fraction(1)
            elif component.weight:
                factor = Fraction(component.weight) / Fraction(component.maximum)
            else:
                factor = Fraction(0)
            if component.threshold is not None:
                threshold = _ratio(component.threshold)
        aspects: tuple[tuple[str, int], ...] = ()
        common = 1
        if component.aspects:
            weights = [Fraction(a.weight) / 100 for a in component.aspects]
            for weight in weights:
                common = math.lcm(common, weight.denominator)
            aspects = tuple(
                (a.code, int(w * common)) for a, w in zip(component.aspects, weights, strict=True)
            )
        components.append(
            CompiledComponent(
                component=component,
                code=component.code,
                numeric=component.is_numeric,
                factor=factor,
                threshold=threshold,
                simple=component.is_numeric
                and component.assessors <= 1
                and not component.affirmation,
                affirmation=component.affirmation,
                maximum=_ratio(component.maximum),
                aspects=aspects,
                aspect_common=common,
                passing=frozenset(component.passing),
            )
        )
    integrate_prior = None
    integrate_own = Fraction(1)
    if integrated is not None:
        weight = Fraction(stage.integrate_weight)
        integrate_prior = weight / Fraction(integrated.maximum)
        integrate_own = (100 - weight) / 100
    return CompiledStage(
        stage=stage,
        columns=columns,
        components=tuple(components),
        final_stage=final_stage,
        integrates=integrated.code if integrated is not None else None,
        integrate_prior=integrate_prior,
        integrate_own=integrate_own,
        key_plan=_key_plan(stage, integrated),
    )


def _key_plan(stage: Stage, integrated: Stage | None) -> tuple[tuple[str, str], ...]:
    """(source, name) per ranking key: the reference's ``_StageEvaluator._key_plan``."""
    own = {c.code for c in stage.components if c.is_numeric}
    plan = []
    for name in stage.ranking:
        if name == KEY_FINAL:
            plan.append(("final", name))
        elif name in own:
            plan.append(("own", name))
        elif integrated is not None and name == integrated.code:
            plan.append(("prior_final", name))
        elif integrated is not None and name not in SPECIAL_KEYS:
            plan.append(("prior", name))
        else:
            plan.append((name, name))
    return tuple(plan)


# --- one component, the general path -----------------------------------------------------


def _general_value(
    compiled: CompiledComponent, entries: _Entries | None, affirmation: Decimal | None
) -> _General:
    """(kind, numerator, denominator, text) of one participant's entries, as the reference does.

    ``_NUMBER``: ``numerator / denominator`` (reduced); ``_TEXT``: a categorical value;
    ``_ABSENT_VALUE``/``_MISSING_VALUE``: TH or not (yet) entered. This path serves means of
    several assessors, rubric aspects, decimals and affirmation.
    """
    if isinstance(entries, (int, Fraction)):
        entries = [entries]
    if not entries:
        return _MISSING_VALUE, 0, 1, None
    first = entries[0]
    if compiled.simple and len(entries) == 1 and type(first) is int:
        return _NUMBER, first, 1, None
    kind, numerator, denominator, text = _assessors_value(compiled, entries)
    if kind == _NUMBER and compiled.affirmation and affirmation:
        # PPPK affirmation (KepmenPANRB 347/2024): a percentage of the maximum is added,
        # never beyond the maximum.
        percent_n, percent_d = _ratio(affirmation)
        max_n, max_d = compiled.maximum
        bonus_n, bonus_d = percent_n * max_n, percent_d * 100 * max_d
        total_n = numerator * bonus_d + bonus_n * denominator
        total_d = denominator * bonus_d
        if total_n * max_d > max_n * total_d:
            total_n, total_d = max_n, max_d
        numerator, denominator = _reduced(total_n, total_d)
    return kind, numerator, denominator, text


def _assessors_value(compiled: CompiledComponent, entries: Sequence[Entry]) -> _General:
    """The exact mean of all assessors, TH if any recorded absence, or missing."""
    # (numerator, denominator) per assessor, or a categorical value.
    values: list[tuple[int, int] | str] = []
    for entry in entries:
        if isinstance(entry, _Absent):  # the ABSENT singleton
            return _ABSENT_VALUE, 0, 1, ABSENT_TEXT
        if isinstance(entry, Mapping):
            mean = _aspect_mean(compiled, entry)
            if mean is None:
                continue
            values.append(mean)
        elif isinstance(entry, str):
            values.append(entry)
        else:
            values.append(_ratio(entry))
    if len(values) < compiled.component.assessors or not values:
        return _MISSING_VALUE, 0, 1, None
    if not compiled.numeric:
        passing = compiled.passing
        chosen = values[0]
        if passing:
            for value in values:
                if value not in passing:
                    chosen = value
                    break
        if isinstance(chosen, str):
            return _TEXT, 0, 1, chosen
        return _NUMBER, chosen[0], chosen[1], None
    if len(values) == 1:
        only = values[0]
        if isinstance(only, str):
            return _TEXT, 0, 1, only
        return _NUMBER, only[0], only[1], None
    # A numeric component's assessors give numbers (a text among several fails here, as in
    # the reference's sum); not checked per entry on this path.
    ratios = cast(list[tuple[int, int]], values)
    common = 1
    for _, denominator in ratios:
        common = math.lcm(common, denominator)
    total = sum(n * (common // d) for n, d in ratios)
    numerator, denominator = _reduced(total, common * len(ratios))
    return _NUMBER, numerator, denominator, None


def _aspect_mean(
    compiled: CompiledComponent, aspects: Mapping[str, Score]
) -> tuple[int, int] | None:
    """An assessor's score: the weighted mean of the rubric aspects (all must be there)."""
    total_n, total_d = 0, 1
    for code, weight in compiled.aspects:
        value = aspects.get(code)
        if value is None:
            return None
        n, d = _ratio(value)
        if d == total_d:
            total_n += n * weight
        else:
            total_n, total_d = total_n * d + n * weight * total_d, total_d * d
    return _reduced(total_n, total_d * compiled.aspect_common)


# --- the column store --------------------------------------------------------------------


class _Column:
    """One component over all entrants of a stage.

    ``numerators[i] / denominator`` is participant ``i``'s exact value where ``i`` is not in
    ``special``; ``special`` holds the cell of every other participant (``None`` missing,
    ``"TH"``, a categorical value, or an exact number of a categorical component).
    """

    __slots__ = ("code", "denominator", "numerators", "special")

    def __init__(
        self, code: str, numerators: list[int], denominator: int, special: dict[int, _Special]
    ):
        self.code = code
        self.numerators = numerators
        self.denominator = denominator
        self.special = special

    def value(self, index: int) -> _Special:
        special = self.special
        if special and index in special:
            return special[index]
        return _exact(self.numerators[index], self.denominator)

    def is_number(self, index: int) -> bool:
        return not self.special or index not in self.special


class StageTable:
    """A stage's results as columns; ``ResultRow`` objects are built only when asked for.

    Offers what :class:`~app.scoring.ranking.StageResult` offers (``stage``, ``columns``,
    ``rows`` in the published order, ``unordered_rows()``, ``by_number()``) and cheaper
    questions besides: :meth:`admitted`, :meth:`status_of`, :meth:`counts`,
    :meth:`rows_of` one formation, :meth:`row` of one participant.
    """

    __slots__ = (
        "_built",
        "_integrated",
        "_position",
        "_prior_positions",
        "_sorted",
        "columns",
        "compiled",
        "finals",
        "formations",
        "members",
        "numbers",
        "ranks",
        "references",
        "roster",
        "separated",
        "stage",
        "statuses",
        "ties",
        "values",
    )

    def __init__(
        self,
        compiled: CompiledStage,
        roster: Roster,
        members: Sequence[int],
        numbers: Sequence[str],
        formations: Sequence[str],
        values: list[_Column],
        finals: list[int | None],
        statuses: list[Status],
        ranks: list[int | None],
        ties: set[int],
        integrated: StageTable | None,
        prior_positions: list[int] | None,
        references: dict[str, str] | None = None,
        separated: dict[int, str] | None = None,
    ):
        self.compiled = compiled
        self.stage = compiled.stage
        self.columns = compiled.columns
        self.roster = roster
        self.members = members
        """Each entrant's position in the roster, in roster order."""
        self.numbers = numbers
        """The entrants' participant numbers (``numbers[i]`` is entrant ``i``'s)."""
        self.formations = formations
        """The entrants' formation codes."""
        self.values = values
        self.finals = finals
        """Final values in thousandths (``None`` while incomplete)."""
        self.statuses = statuses
        self.ranks = ranks
        self.ties = ties
        self.references = references or {}
        """The reference of the committee's decision, by formation, where one applies."""
        self.separated = separated or {}
        """Entrant to the tie-break keys that ordered their equal final value (``catatan``)."""
        self._integrated = integrated
        self._prior_positions = prior_positions
        self._built: list[ResultRow | None] = [None] * len(members)
        self._sorted: list[int] | None = None
        self._position: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.members)

    # -- cheap questions, no rows built --

    def admitted(self) -> set[str]:
        """Numbers of the participants who go on (or, at the final stage, get a seat)."""
        numbers = self.numbers
        within = Status.WITHIN_QUOTA
        return {numbers[i] for i, s in enumerate(self.statuses) if s is within}

    def status_of(self, number: str) -> Status | None:
        index = self.index_of(number)
        return None if index is None else self.statuses[index]

    def counts(self, formation: str | None = None) -> Counter[Status]:
        """How many participants (of one formation) have each status."""
        if formation is None:
            return Counter(self.statuses)
        formations = self.formations
        return Counter(s for i, s in enumerate(self.statuses) if formations[i] == formation)

    def index_of(self, number: str) -> int | None:
        if self._position is None:
            self._position = {number: i for i, number in enumerate(self.numbers)}
        return self._position.get(number)

    # -- rows --

    def row(self, index: int) -> ResultRow:
        """The ``ResultRow`` of entrant ``index``, built once."""
        row = self._built[index]
        if row is None:
            row = self._build(index)
            self._built[index] = row
        return row

    def row_of(self, number: str) -> ResultRow | None:
        index = self.index_of(number)
        return None if index is None else self.row(index)

    @property
    def rows(self) -> list[ResultRow]:
        """Every row in the published order (formation, rank, number)."""
        self._build_all()
        # Every row is built now: the None placeholders are gone.
        built = cast(list[ResultRow], self._built)
        return [built[i] for i in self._order()]

    def rows_of(self, formation: str) -> list[ResultRow]:
        """One formation's rows in the published order; the others are not built."""
        formations = self.formations
        chosen = [i for i in self._order() if formations[i] == formation]
        self._prefetch_names(chosen)
        return [self.row(i) for i in chosen]

    def iter_rows(self) -> Iterator[ResultRow]:
        """The published order one row at a time (rows are kept once built)."""
        order = self._order()
        self._prefetch_names(order)
        for index in order:
            yield self.row(index)

    def _prefetch_names(self, indices: Sequence[int]) -> None:
        """Names of the rows about to be built, in one read rather than one per row."""
        members, built = self.members, self._built
        self.roster.prefetch(("name",), [members[i] for i in indices if built[i] is None])

    def unordered_rows(self) -> list[ResultRow]:
        self._build_all()
        return list(cast(list[ResultRow], self._built))

    def by_number(self) -> Mapping[str, ResultRow]:
        """Rows by participant number; each row is built when it is looked up."""
        return _RowsByNumber(self)

    def blocks(self) -> list[ResultBlock]:
        """Every row in the published order, one :class:`ResultBlock` per formation, made
        column by column (no ``ResultRow``)."""
        order = self._order()
        members = self.members
        names = cast(list[str], self.roster.details("name", [members[i] for i in order]))
        cells: list[list[BlockValue]] = []
        if self.compiled.integrates is not None:
            cells.append([self.prior_final(i) for i in order])
        for column in self.values:
            numerators, denominator = column.numerators, column.denominator
            if denominator == 1:
                values: list[BlockValue] = list(numerators)
            else:
                values = [_exact(n, denominator) for n in numerators]
            for index, cell in column.special.items():  # TH, missing, a categorical value
                values[index] = cell
            cells.append([values[i] for i in order])
        formations = [self.formations[i] for i in order]
        numbers = [self.numbers[i] for i in order]
        finals = [self.finals[i] for i in order]
        ranks = [self.ranks[i] for i in order]
        statuses = [self.statuses[i] for i in order]
        ties = self.ties
        tied = [i in ties for i in order] if ties else [False] * len(order)
        separated = self.separated
        notes = (
            {p: separated[i] for p, i in enumerate(order) if i in separated} if separated else {}
        )
        stage, codes, columns = self.stage.code, self.stage.codes, self.columns
        ends = [i for i in range(1, len(order)) if formations[i] != formations[i - 1]]
        blocks = []
        start = 0
        for end in [*ends, len(order)] if order else []:
            blocks.append(
                ResultBlock(
                    stage,
                    formations[start],
                    codes,
                    columns,
                    numbers[start:end],
                    names[start:end],
                    [values[start:end] for values in cells],
                    finals[start:end],
                    ranks[start:end],
                    statuses[start:end],
                    tied[start:end],
                    self.references.get(formations[start], ""),
                    {p - start: notes[p] for p in range(start, end) if p in notes}
                    if notes
                    else None,
                )
            )
            start = end
        return blocks

    def _order(self) -> list[int]:
        if self._sorted is None:
            formations, numbers, ranks = self.formations, self.numbers, self.ranks
            self._sorted = sorted(
                range(len(numbers)),
                key=lambda i: (
                    (formations[i], 1, 0, numbers[i])
                    if ranks[i] is None
                    else (formations[i], 0, ranks[i], numbers[i])
                ),
            )
        return self._sorted

    def prior_final(self, index: int) -> Decimal | None:
        """The integrated stage's rounded final value of entrant ``index``."""
        if self._integrated is None or self._prior_positions is None:
            return None
        position = self._prior_positions[index]
        if position < 0:
            return None
        milli = self._integrated.finals[position]
        return None if milli is None else milli_decimal(milli)

    def _build_all(self) -> None:
        """Build every row not built yet, column by column (100k rows for a whole export)."""
        built = self._built
        wanted = [i for i, row in enumerate(built) if row is None]
        if len(wanted) < 64:
            for index in wanted:
                self.row(index)
            return
        codes: list[str] = []
        cells: list[list[_RowValue]] = []
        if self.compiled.integrates is not None:
            codes.append(self.compiled.integrates)
            cells.append([self.prior_final(i) for i in wanted])
        everyone = len(wanted) == len(built)  # then position == index
        for column in self.values:
            codes.append(column.code)
            numerators = column.numerators
            if column.denominator == 1 and (everyone or not column.special):
                values: list[_RowValue] = [numerators[i] for i in wanted]
                for index, cell in column.special.items():
                    values[index] = cell
                cells.append(values)
            else:
                cells.append([column.value(i) for i in wanted])
        stage_code = self.stage.code
        stage_codes = self.stage.codes
        members = self.members
        names = self.roster.details("name", [members[i] for i in wanted])
        formations, numbers, finals, ranks, statuses, ties, separated = (
            self.formations,
            self.numbers,
            self.finals,
            self.ranks,
            self.statuses,
            self.ties,
            self.separated,
        )
        decimals = _DECIMALS
        for index, name, row_values in zip(wanted, names, zip(*cells, strict=True), strict=True):
            milli = finals[index]
            built[index] = ResultRow(
                stage_code,
                formations[index],
                numbers[index],
                cast(str, name),
                dict(zip(codes, row_values, strict=True)),
                None if milli is None else (decimals.get(milli) or milli_decimal(milli)),
                ranks[index],
                statuses[index],
                stage_codes,
                index in ties,
                self.references.get(formations[index], "") if index in ties else "",
                separated.get(index, "") if separated else "",
            )

    def _build(self, index: int) -> ResultRow:
        values: dict[str, _RowValue] = {}
        if self.compiled.integrates is not None:
            values[self.compiled.integrates] = self.prior_final(index)
        for column in self.values:
            values[column.code] = column.value(index)
        milli = self.finals[index]
        return ResultRow(
            self.stage.code,
            self.formations[index],
            self.numbers[index],
            cast(str, self.roster.details("name", [self.members[index]])[0]),
            values,
            None if milli is None else milli_decimal(milli),
            self.ranks[index],
            self.statuses[index],
            self.stage.codes,
            index in self.ties,
            self.references.get(self.formations[index], "") if index in self.ties else "",
            self.separated.get(index, ""),
        )


class _RowsByNumber(Mapping[str, ResultRow]):
    """A read-only mapping over a :class:`StageTable` that builds rows on access."""

    __slots__ = ("_table",)

    def __init__(self, table: StageTable):
        self._table = table

    def __getitem__(self, number: str) -> ResultRow:
        row = self._table.row_of(number)
        if row is None:
            raise KeyError(number)
        return row

    def __iter__(self) -> Iterator[str]:
        return iter(self._table.numbers)

    def __len__(self) -> int:
        return len(self._table.numbers)

    def __contains__(self, number: object) -> bool:
        return isinstance(number, str) and self._table.index_of(number) is not None


# --- evaluation --------------------------------------------------------------------------


def rank_selection_fast(
    scheme: Scheme,
    quotas: Mapping[str, int],
    candidates: Iterable[Candidate] | Roster,
    upto: str | None = None,
    decisions: Mapping[str, TieDecision] | None = None,
    explain: Collection[str] | None = None,
) -> dict[str, StageTable]:
    """:func:`~app.scoring.ranking.rank_selection`, column by column; same results.

    ``candidates`` are plain candidates or a :class:`~app.scoring.roster.Roster` of them.
    Participant numbers are unique (as in a selection); later stages take the earlier cut.
    ``explain``: the stages whose rows get their tie-break notes (default: all); an earlier
    stage ranked only for its cut is asked for none, which spares 0.15 s at 100k rows.
    """
    roster = (
        candidates if isinstance(candidates, Roster) else Roster.of_candidates(list(candidates))
    )
    results: dict[str, StageTable] = {}
    previous: StageTable | None = None
    stage_order = {s.code: i for i, s in enumerate(scheme.stages)}
    for stage_index, stage in enumerate(scheme.stages):
        if previous is None:
            members: Sequence[int] = range(len(roster))
        else:
            within = Status.WITHIN_QUOTA
            previous_members = previous.members
            members = [previous_members[i] for i, s in enumerate(previous.statuses) if s is within]
        integrated = results[stage.integrates] if stage.integrates else None
        result = _rank_stage(
            compile_stage(scheme, stage),
            quotas,
            roster,
            members,
            integrated,
            stage_order,
            stage_index,
            decisions,
            explain is None or stage.code in explain,
        )
        results[stage.code] = result
        previous = result
        if stage.code == upto:
            break
    return results


def _rank_stage(
    compiled: CompiledStage,
    quotas: Mapping[str, int],
    roster: Roster,
    members: Sequence[int],
    integrated: StageTable | None,
    stage_order: Mapping[str, int],
    stage_index: int,
    decisions: Mapping[str, TieDecision] | None = None,
    explain: bool = True,
) -> StageTable:
    count = len(members)
    # Everyone (the first stage): the roster's own columns serve, in the same order.
    everyone = isinstance(members, range) and members == range(len(roster))
    if everyone:
        numbers: Sequence[str] = roster.numbers
        formations: Sequence[str] = roster.formations
    else:
        numbers = [roster.numbers[g] for g in members]
        formations = [roster.formations[g] for g in members]
    worst = [_OK] * count
    incomplete: set[int] = set()
    stage_numerators = [0] * count
    stage_denominator = 1
    columns: list[_Column] = []
    # (column, factor) of the components that add to the stage value.
    adding: list[tuple[_Column, Fraction]] = []
    for component in compiled.components:
        column = _evaluate_column(component, roster, members, everyone, worst, incomplete)
        columns.append(column)
        if component.factor is not None and component.factor:
            adding.append((column, component.factor))
    # One common denominator for the stage value: each column's factor / D becomes an int.
    for column, factor in adding:
        stage_denominator = math.lcm(stage_denominator, (factor / column.denominator).denominator)
    for column, factor in adding:
        scaled = factor * stage_denominator / column.denominator
        assert scaled.denominator == 1
        scale = scaled.numerator
        # Special cells (TH, missing, a text in a numeric column) hold 0: they add nothing.
        numerators = column.numerators
        if scale == 1:
            stage_numerators = [a + b for a, b in zip(stage_numerators, numerators, strict=True)]
        else:
            stage_numerators = [
                a + b * scale for a, b in zip(stage_numerators, numerators, strict=True)
            ]

    finals, prior_positions = _finals(
        compiled, members, integrated, stage_numerators, stage_denominator, incomplete
    )

    statuses = [_STATUS_OF[w] for w in worst]
    for index, marks in _marks_of(roster, members, everyone):
        if marks:
            mark = applicable_mark(marks, stage_order, stage_index)
            if mark == MARK_WITHDRAWN:
                statuses[index] = Status.WITHDRAWN
            elif mark == MARK_DISQUALIFIED:
                statuses[index] = Status.DISQUALIFIED
            elif mark == MARK_REQUIREMENT:
                statuses[index] = Status.REQUIREMENT_FAILED

    ranks: list[int | None] = [None] * count
    ties: set[int] = set()
    references: dict[str, str] = {}
    separated: dict[int, str] = {}
    outside = Status.OUTSIDE_QUOTA
    eligible = [i for i, s in enumerate(statuses) if s is outside]
    if eligible:
        keys, owners = _keys(
            compiled, roster, members, eligible, columns, finals, integrated, prior_positions
        )
        ranking = compiled.stage.ranking
        groups: dict[str, list[tuple[tuple[int, ...], str, int]]] = defaultdict(list)
        for index, key in zip(eligible, keys, strict=True):
            groups[formations[index]].append((key, numbers[index], index))
        multiplier = compiled.stage.quota_multiplier
        final_stage = compiled.final_stage
        within = Status.WITHIN_QUOTA
        for formation, group in groups.items():
            vacancies = quotas.get(formation, 0)
            # PermenPANRB 6/2024: 3 × kebutuhan go on, with everyone tied with the last of
            # them; at the final stage a tie across the vacancies is flagged (SERI).
            quota = vacancies * multiplier
            group.sort()
            if explain:  # equal final values put in order by age, IPK, TKP… say which one
                for position, names in separating_keys(
                    ranking, [key for key, _n, _i in group], owners
                ).items():
                    separated[group[position][2]] = names
            previous_key: tuple[int, ...] | None = None
            rank = 0
            boundary = 0
            winners = 0
            for position, (key, _number, index) in enumerate(group, start=1):
                if key != previous_key:
                    rank = position
                    previous_key = key
                ranks[index] = rank
                if rank <= quota:
                    statuses[index] = within
                if rank <= vacancies:
                    winners += 1
                    boundary = rank
            if final_stage and winners > vacancies:
                # The committee decides who takes the seats left (issue #10 §3); until then
                # the group is TIED and takes none.
                tied = [index for _k, _n, index in group if ranks[index] == boundary]
                ties.update(tied)
                applied = applying(
                    frozenset(numbers[i] for i in tied),
                    vacancies - (winners - len(tied)),
                    decision_for(decisions, formation),
                )
                for index in tied:
                    statuses[index] = tie_status(numbers[index], applied)
                if applied is not None:
                    references[formation] = applied.reference
    return StageTable(
        compiled,
        roster,
        members,
        numbers,
        formations,
        columns,
        finals,
        statuses,
        ranks,
        ties,
        integrated,
        prior_positions,
        references,
        separated,
    )


def _marks_of(
    roster: Roster, members: Sequence[int], everyone: bool
) -> Iterator[tuple[int, Sequence[tuple[str, str]]]]:
    """(entrant index, marks) of the entrants that have marks."""
    marks = roster.marks
    if not marks:
        return iter(())
    if everyone:
        return iter(marks.items())
    return ((i, marks[g]) for i, g in enumerate(members) if g in marks)


def _evaluate_column(
    component: CompiledComponent,
    roster: Roster,
    members: Sequence[int],
    everyone: bool,
    worst: list[int],
    incomplete: set[int],
) -> _Column:
    """One component for every entrant; updates the worst status and the incomplete set."""
    code = component.code
    source = roster.entries.get(code)
    raw: list[_Entries]
    if source is None:
        raw = [None] * len(members)
    elif everyone:
        raw = list(source)  # a copy: the numerators below are written into it
    else:
        raw = [source[g] for g in members]
    affirmations: list[Decimal | None] | None = None
    if component.affirmation:
        affirmations = cast(
            list[Decimal | None], roster.details("affirmation_percent", list(members))
        )
    numerators: list[int]
    irregular: Sequence[int]
    if component.simple:
        # The common case, one whole number from one assessor, stays as it is: the same list
        # becomes the numerators once the loop below has replaced every cell that is not an int.
        numerators = cast(list[int], raw)
        irregular = [i for i, value in enumerate(raw) if type(value) is not int]
    elif component.numeric and component.component.assessors <= 1:
        # The same with affirmation: only a participant with a percentage takes the long way.
        numerators = cast(list[int], raw)  # as above
        assert affirmations is not None or not component.affirmation
        irregular = [
            i
            for i, value in enumerate(raw)
            if type(value) is not int or (affirmations is not None and affirmations[i])
        ]
    else:
        numerators = [0] * len(raw)
        irregular = range(len(raw))
    special: dict[int, _Special] = {}
    fractional: dict[int, tuple[int, int]] = {}
    passing = component.passing
    for index in irregular:
        kind, numerator, denominator, text = _general_value(
            component, raw[index], affirmations[index] if affirmations is not None else None
        )
        if kind == _NUMBER:
            if not component.numeric:
                # A number in a categorical column is shown, neither checked nor added.
                special[index] = _exact(numerator, denominator)
                numerators[index] = 0
            elif denominator == 1:
                numerators[index] = numerator
            else:
                fractional[index] = (numerator, denominator)
                numerators[index] = 0
            continue
        numerators[index] = 0
        special[index] = text
        if kind == _MISSING_VALUE:
            incomplete.add(index)
            if worst[index] < _MISSING:
                worst[index] = _MISSING
        elif kind == _ABSENT_VALUE:
            incomplete.add(index)
            if worst[index] < _ABSENT:
                worst[index] = _ABSENT
        elif passing and text not in passing:
            worst[index] = _GATE
    denominator = 1
    for _, d in fractional.values():
        denominator = math.lcm(denominator, d)
    if denominator != 1:
        numerators = [n * denominator for n in numerators]
        for index, (n, d) in fractional.items():
            numerators[index] = n * (denominator // d)
    if component.threshold is not None:
        # KepmenPANRB 321/2024: the SKD thresholds (nilai ambang batas) are minima every
        # participant must meet; value < a/b  <=>  n * b < a * D.
        limit_n, limit_d = component.threshold
        limit = limit_n * denominator
        if limit_d == 1:
            below = [i for i, n in enumerate(numerators) if n < limit]
        else:
            below = [i for i, n in enumerate(numerators) if n * limit_d < limit]
        for index in below:
            if worst[index] < _BELOW and (not special or index not in special):
                worst[index] = _BELOW
    return _Column(code, numerators, denominator, special)


def _finals(
    compiled: CompiledStage,
    members: Sequence[int],
    integrated: StageTable | None,
    numerators: list[int],
    denominator: int,
    incomplete: set[int],
) -> tuple[list[int | None], list[int] | None]:
    """Final values in thousandths, rounded half-up; ``None`` where a score is missing.

    PermenPANRB 6/2024 Pasal 45(3): an integrating stage weighs the earlier stage's rounded
    final value (``w / maximum``) and its own value (``(100 - w) / 100``); the rounded value is
    what is shown and ranked (DESIGN §4.1).
    """
    prior_positions: list[int] | None = None
    if compiled.integrate_prior is None:
        if denominator == 1:
            finals: list[int | None] = [n * _SCALE for n in numerators]
        else:
            finals = [half_up(n * _SCALE, denominator) for n in numerators]
    else:
        assert integrated is not None
        prior_positions = _positions(integrated, members)
        prior_finals = integrated.finals
        # final * 1000 = prior_milli * w/max + (n / denominator) * 1000 * (100 - w)/100
        prior_factor = compiled.integrate_prior
        own_factor = compiled.integrate_own * _SCALE / denominator
        common = math.lcm(prior_factor.denominator, own_factor.denominator)
        prior_scale = int(prior_factor * common)
        own_scale = int(own_factor * common)
        finals = []
        for index, n in enumerate(numerators):
            position = prior_positions[index]
            prior = prior_finals[position] if position >= 0 else None
            if prior is None:
                finals.append(None)
            else:
                finals.append(half_up(prior * prior_scale + n * own_scale, common))
    for index in incomplete:
        finals[index] = None
    return finals, prior_positions


def _positions(integrated: StageTable, members: Sequence[int]) -> list[int]:
    """Each entrant's position in the integrated stage's table (-1: not there)."""
    if isinstance(integrated.members, range) and integrated.members == range(
        len(integrated.members)
    ):
        return list(members)
    where = {g: p for p, g in enumerate(integrated.members)}
    return [where.get(g, -1) for g in members]


def _keys(
    compiled: CompiledStage,
    roster: Roster,
    members: Sequence[int],
    eligible: list[int],
    columns: list[_Column],
    finals: list[int | None],
    integrated: StageTable | None,
    prior_positions: list[int] | None,
) -> tuple[list[tuple[int, ...]], list[int]]:
    """Sort keys of the eligible entrants as int tuples (smaller sorts first), and for each
    part of a key the index of the ranking key it belongs to.

    The reference's nested keys (IPK ``(0, -ipk)`` or ``(1, 0)``, priority ``(0, group)``
    or ``(1, 0)``) have a fixed length, so flattening them keeps the order.
    """
    parts: list[list[int]] = []
    owners: list[int] = []
    by_code = {column.code: column for column in columns}
    # The facts behind the IPK, age and priority keys, for the eligible only, in one read.
    wanted = tuple(
        _DETAIL_OF_KEY[source] for source, _ in compiled.key_plan if source in _DETAIL_OF_KEY
    )
    chosen = [members[i] for i in eligible] if wanted else []
    if wanted:
        roster.prefetch(wanted, chosen)
    for key_index, (source, name) in enumerate(compiled.key_plan):
        owners.extend([key_index - 1] * (len(parts) - len(owners)))  # the previous key's parts
        if source == "final":
            known = cast(list[int], finals)  # every eligible row has its final value
            parts.append([-known[i] for i in eligible])
        elif source == "own":
            numerators = by_code[name].numerators
            parts.append([-numerators[i] for i in eligible])
        elif source == "prior_final":
            assert integrated is not None and prior_positions is not None
            prior_finals = integrated.finals
            column_values = []
            for i in eligible:
                position = prior_positions[i]
                value = prior_finals[position] if position >= 0 else None
                column_values.append(-value if value is not None else 0)
            parts.append(column_values)
        elif source == "prior":
            assert integrated is not None and prior_positions is not None
            prior_column = next((c for c in integrated.values if c.code == name), None)
            column_values = []
            for i in eligible:
                position = prior_positions[i]
                if prior_column is None or position < 0 or not prior_column.is_number(position):
                    column_values.append(0)
                else:
                    column_values.append(-prior_column.numerators[position])
            parts.append(column_values)
        elif source == KEY_IPK:
            # PermenPANRB 6/2024 Pasal 45(4): IPK (or the diploma average) before age.
            ipks = cast(list[Decimal | None], roster.details("ipk", chosen))
            ratios = [_ratio(ipk) if ipk is not None else None for ipk in ipks]
            common = 1
            for ratio in ratios:
                if ratio is not None:
                    common = math.lcm(common, ratio[1])
            parts.append([0 if r is not None else 1 for r in ratios])
            parts.append([-(r[0] * (common // r[1])) if r is not None else 0 for r in ratios])
        elif source == KEY_AGE:
            # PermenPANRB 6/2024 Pasal 45(4) and 47(3): the older participant first.
            births = cast(list[date], roster.details("birth_date", chosen))
            parts.append([born.toordinal() for born in births])
        elif source == KEY_PRIORITY:
            # KepmenPANRB 347/2024: a priority group ranks before the others.
            groups = cast(list[int | None], roster.details("priority_group", chosen))
            parts.append([0 if g is not None else 1 for g in groups])
            parts.append([g if g is not None else 0 for g in groups])
        else:
            raise KeyError(name)
    owners.extend([len(compiled.key_plan) - 1] * (len(parts) - len(owners)))
    if not parts:
        return [()] * len(eligible), owners
    return list(zip(*parts, strict=True)), owners


__all__ = [
    "CompiledStage",
    "StageTable",
    "compile_stage",
    "half_up",
    "milli_decimal",
    "rank_selection_fast",
]
