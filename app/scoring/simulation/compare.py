"""Today's ranking and the draft's, side by side, and the rule behind every changed outcome.

``simulate`` ranks one roster (the selection's stored scores) with the program's engine
twice: under the selection's scheme and under the draft, up to the simulated stage, with the
committee's tie decisions (a decision holds only while the tie is still the group it
decided, as in every ranking). A participant's **outcome** is their status at the simulated
stage, or, if they did not reach it, at the stage where they stopped (``Outcome.stage``
says which); it **changed** when the status or that stage differs. Printed codes are each
scheme's own, so a draft that only renames ``L`` changes nothing.

**Which rule changed it.** The draft's changes are applied one rule at a time in a fixed
order (``draft.rule_steps``: thresholds, then weights, then rubric aspects, then the
tie-break order), each step ranked in full; a changed outcome is attributed to the first
step at which that participant's outcome differs from today's. The order matters where rules
interact: a seat freed by a higher threshold goes, at that step, to the next in today's
order; if a new weight then lifts someone else into it, that participant's change is the
weight's, and the one who held the seat for a step only is not changed at all. The
attribution says which rule, applied in this order, first moved an outcome; it does not
split an outcome between rules.

**How far the order moved.** Per formation, Kendall's tau-b (scipy's ``kendalltau``,
variant b, which counts tied ranks as ties on either side) between today's ranks and the
draft's, over the participants ranked at the stage under both schemes (within or outside
the quota, or tied at the last seat); ``None`` with fewer than two of them or where either
order has a single rank only.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Protocol

from ..engine import StageTable, rank_selection_fast
from ..numbers import milli_decimal
from ..roster import Roster
from ..scheme import Scheme, Stage
from ..status import Status
from ..ties import TieDecision
from .draft import rule_steps
from .weights import ComponentWeight, effective_weights, stated_weights


@dataclass(frozen=True, slots=True)
class Outcome:
    """One participant's result under one scheme.

    ``stage``: the simulated stage, or the earlier stage where the participant stopped;
    ``code``: as that scheme prints ``status`` (``None`` while incomplete); ``final``: the
    stage's final value (``None`` while incomplete); ``seat``: within the quota at the
    simulated stage (at the last stage a seat, at an earlier one a place in the next)."""

    stage: str
    status: Status
    code: str | None
    rank: int | None
    final: Decimal | None
    seat: bool


@dataclass(frozen=True, slots=True)
class SideBySide:
    """A participant's outcome today (``before``) and under the draft (``after``); ``rule``
    is the rule that changed it (``None``: unchanged; see the module text)."""

    number: str
    name: str
    formation: str
    before: Outcome
    after: Outcome
    rule: str | None

    @property
    def changed(self) -> bool:
        return self.rule is not None

    @property
    def seat_change(self) -> int:
        """+1 a seat gained under the draft, -1 a seat lost, 0 neither."""
        return int(self.after.seat) - int(self.before.seat)


@dataclass(frozen=True)
class FormationSimulation:
    """One formation's comparison.

    ``participants``: at the stage under either scheme; ``ranked_both``: ranked under both
    (what ``kendall_tau`` compares); ``changed``: every changed outcome, in today's order.
    ``rows`` (every participant side by side, today's order, then those who reach the stage
    only under the draft) is made when first read.
    """

    formation: str
    quota: int
    participants: int
    ranked_both: int
    kendall_tau: float | None
    changed: tuple[SideBySide, ...]
    _positions: tuple[int, ...] = field(repr=False, compare=False)
    _row: Callable[[int], SideBySide] = field(repr=False, compare=False)

    @cached_property
    def rows(self) -> tuple[SideBySide, ...]:
        return tuple(self._row(position) for position in self._positions)

    @property
    def gained(self) -> tuple[SideBySide, ...]:
        """Within the quota under the draft, not today."""
        return tuple(row for row in self.changed if row.seat_change > 0)

    @property
    def lost(self) -> tuple[SideBySide, ...]:
        """Within the quota today, not under the draft."""
        return tuple(row for row in self.changed if row.seat_change < 0)


@dataclass(frozen=True, slots=True)
class StageFlow:
    """The simulated stage under one scheme: who entered it (``numbers``), how many have
    each status, and who is within the quota (``selected``); ``kebutuhan`` is the quotas'
    sum over the formations compared."""

    numbers: tuple[str, ...]
    statuses: Mapping[Status, int]
    selected: frozenset[str]
    kebutuhan: int

    @property
    def registered(self) -> int:
        return len(self.numbers)

    @property
    def pass_rate(self) -> float | None:
        """Within the quota among those who entered the stage."""
        return len(self.selected) / len(self.numbers) if self.numbers else None


@dataclass(frozen=True, slots=True)
class Simulation:
    """A draft applied to a selection's scores at one stage (see the module text).

    ``rules``: the rules the draft changes, in the order they were applied; ``formations``
    in code order; ``before`` / ``after``: today's and the draft's stage flow and effective
    weights.
    """

    stage: str
    rules: tuple[str, ...]
    formations: tuple[FormationSimulation, ...]
    flow_before: StageFlow
    flow_after: StageFlow
    weights_before: tuple[ComponentWeight, ...]
    weights_after: tuple[ComponentWeight, ...]

    @property
    def changed(self) -> tuple[SideBySide, ...]:
        return tuple(row for f in self.formations for row in f.changed)

    def changed_by_rule(self) -> dict[str, int]:
        """How many outcomes each rule changed, in the order the rules were applied."""
        counts = Counter(row.rule for row in self.changed)
        return {rule: counts.get(rule, 0) for rule in self.rules}

    @property
    def participants(self) -> int:
        return sum(f.participants for f in self.formations)

    @property
    def seats_gained(self) -> int:
        return sum(len(f.gained) for f in self.formations)

    @property
    def seats_lost(self) -> int:
        return sum(len(f.lost) for f in self.formations)

    @property
    def formations_changed(self) -> int:
        return sum(1 for f in self.formations if f.changed)

    @property
    def kendall_tau_mean(self) -> float | None:
        """The mean of the formations' tau-b (each formation counts once)."""
        found = [f.kendall_tau for f in self.formations if f.kendall_tau is not None]
        return sum(found) / len(found) if found else None

    @property
    def kendall_tau_lowest(self) -> FormationSimulation | None:
        """The formation whose order moved most (lowest tau-b; the first by code of equals)."""
        found = [f for f in self.formations if f.kendall_tau is not None]
        return min(found, key=lambda f: (f.kendall_tau, f.formation)) if found else None


class _Side:
    """One scheme's outcomes by roster position, up to the simulated stage.

    ``reached[g]``: the index of the last stage participant ``g`` entered (up to the
    simulated one), ``where[g]``: their index in that stage's table.
    """

    __slots__ = ("last", "reached", "stages", "statuses", "tables", "where")

    def __init__(self, tables: Sequence[StageTable], size: int):
        self.tables = tables
        self.stages = [table.stage for table in tables]
        self.last = len(tables) - 1
        reached = [0] * size
        where = list(range(size))
        for index, table in enumerate(tables[1:], start=1):
            for position, member in enumerate(table.members):
                reached[member] = index
                where[member] = position
        self.reached = reached
        self.where = where
        first = tables[0].statuses
        if self.last == 0:
            self.statuses: Sequence[Status] = first
        else:
            self.statuses = [tables[k].statuses[i] for k, i in zip(reached, where, strict=True)]

    def differs(self, other: _Side, position: int) -> bool:
        return (
            self.statuses[position] is not other.statuses[position]
            or self.reached[position] != other.reached[position]
        )

    def at_stage(self, position: int) -> bool:
        return self.reached[position] == self.last

    def rank(self, position: int) -> int | None:
        if self.reached[position] != self.last:
            return None
        return self.tables[self.last].ranks[self.where[position]]

    def outcome(self, position: int) -> Outcome:
        stage_index = self.reached[position]
        table = self.tables[stage_index]
        index = self.where[position]
        status = table.statuses[index]
        milli = table.finals[index]
        return Outcome(
            stage=table.stage.code,
            status=status,
            code=table.stage.codes.code_for(status),
            rank=table.ranks[index],
            final=None if milli is None else milli_decimal(milli),
            seat=stage_index == self.last and status is Status.WITHIN_QUOTA,
        )


def _rank(
    scheme: Scheme,
    quotas: Mapping[str, int],
    roster: Roster,
    upto: str,
    decisions: Mapping[str, TieDecision] | None,
) -> _Side:
    results = rank_selection_fast(
        scheme, quotas, roster, upto=upto, decisions=decisions, explain=()
    )
    return _Side(
        [results[s.code] for s in scheme.stages[: scheme.stage_index(upto) + 1]], len(roster)
    )


def simulate(
    current: Scheme,
    draft: Scheme,
    quotas: Mapping[str, int],
    roster: Roster,
    stage: str | None = None,
    decisions: Mapping[str, TieDecision] | None = None,
) -> Simulation:
    """``draft`` against ``current`` on ``roster`` at ``stage`` (default: the last).

    ``roster`` holds the stored entries of every component of ``current`` up to ``stage``
    (``draft.draft_problems`` must have found nothing); its names are read here, so call
    this while its source is open. ``decisions`` are the committee's tie decisions of the
    last stage.
    """
    upto = stage or current.last_stage.code
    steps = rule_steps(current, draft, upto)
    before = _rank(current, quotas, roster, upto, decisions)
    sides = [_rank(step.scheme, quotas, roster, upto, decisions) for step in steps[:-1]]
    after = _rank(draft, quotas, roster, upto, decisions)
    sides.append(after)
    size = len(roster)
    members = [g for g in range(size) if before.at_stage(g) or after.at_stage(g)]
    rules: dict[int, str] = {}
    for g in members:
        if after.differs(before, g):
            rules[g] = next(
                step.rule
                for step, side in zip(steps, sides, strict=True)
                if side.differs(before, g)
            )
    names = dict(zip(members, roster.details("name", members), strict=True))

    def row(g: int) -> SideBySide:
        return SideBySide(
            roster.numbers[g],
            str(names[g]),
            roster.formations[g],
            before.outcome(g),
            after.outcome(g),
            rules.get(g),
        )

    by_formation: dict[str, list[int]] = defaultdict(list)
    for g in members:
        by_formation[roster.formations[g]].append(g)
    formations = []
    for code in sorted(by_formation):
        positions = _in_order(by_formation[code], before, after, roster.numbers)
        ranked = [g for g in positions if _ranked(before, g) and _ranked(after, g)]
        formations.append(
            FormationSimulation(
                formation=code,
                quota=quotas.get(code, 0),
                participants=len(positions),
                ranked_both=len(ranked),
                kendall_tau=kendall_tau_b(
                    [before.rank(g) or 0 for g in ranked], [after.rank(g) or 0 for g in ranked]
                ),
                changed=tuple(row(g) for g in positions if g in rules),
                _positions=tuple(positions),
                _row=row,
            )
        )
    kebutuhan = sum(quotas.get(code, 0) for code in by_formation)
    current_stage = current.stage(upto)
    draft_stage = draft.stage(upto)
    codes = [c.code for c in current_stage.components if c.is_numeric]
    if current_stage.integrates:
        codes.insert(0, current_stage.integrates)
    return Simulation(
        stage=upto,
        rules=tuple(step.rule for step in steps),
        formations=tuple(formations),
        flow_before=_flow(before, members, roster, kebutuhan),
        flow_after=_flow(after, members, roster, kebutuhan),
        weights_before=_weights(current, current_stage, codes, before, before, size),
        weights_after=_weights(draft, draft_stage, codes, after, before, size),
    )


def _ranked(side: _Side, g: int) -> bool:
    return side.at_stage(g) and side.statuses[g].ranked


def _in_order(
    positions: list[int], before: _Side, after: _Side, numbers: Sequence[str]
) -> list[int]:
    """Today's published order (rank, then number; unranked last), then those who reach
    the stage only under the draft, in the draft's order."""
    unranked = math.inf

    def key(g: int) -> tuple[int, float, float, str]:
        rank_before, rank_after = before.rank(g), after.rank(g)
        return (
            0 if before.at_stage(g) else 1,
            unranked if rank_before is None else rank_before,
            unranked if rank_after is None else rank_after,
            numbers[g],
        )

    return sorted(positions, key=key)


def kendall_tau_b(before: Sequence[int], after: Sequence[int]) -> float | None:
    """Kendall's tau-b of two rankings of the same participants (scipy, variant b)."""
    if len(before) < 2:
        return None
    from scipy.stats import kendalltau

    found = float(kendalltau(before, after, variant="b").statistic)
    # scipy sums in floats: two equal orders come out as 0.9999999999999999. Twelve places
    # keep every real difference: two tau-b of a formation of up to 10,000 participants that
    # differ, differ by more than 1e-9.
    return None if math.isnan(found) else round(found, 12)


def _flow(side: _Side, members: list[int], roster: Roster, kebutuhan: int) -> StageFlow:
    entrants = [g for g in members if side.at_stage(g)]
    numbers = roster.numbers
    return StageFlow(
        numbers=tuple(numbers[g] for g in entrants),
        statuses=dict(Counter(side.statuses[g] for g in entrants)),
        selected=frozenset(numbers[g] for g in entrants if side.statuses[g] is Status.WITHIN_QUOTA),
        kebutuhan=kebutuhan,
    )


def _weights(
    scheme: Scheme,
    stage: Stage,
    codes: list[str],
    side: _Side,
    today: _Side,
    size: int,
) -> tuple[ComponentWeight, ...]:
    """The effective weights under ``side``'s scheme, over those who entered its stage.

    A component the draft dropped still has its stored values (read as today's scheme reads
    them): its correlation with the draft's final score says what it would still weigh
    through the tests it goes along with.
    """
    table = side.tables[side.last]
    entrants = [g for g in range(size) if side.at_stage(g)]
    rows = [side.where[g] for g in entrants]
    milli = [table.finals[i] for i in rows]
    finals = [None if value is None else value / 1000 for value in milli]
    today_table = today.tables[today.last]
    values: dict[str, list[float | None]] = {}
    for code in codes:
        if code == stage.integrates:
            values[code] = [_number(table.prior_final(i)) for i in rows]
            continue
        column = next((c for c in table.values if c.code == code), None)
        if column is not None:
            values[code] = [_cell(column, i) for i in rows]
            continue
        kept = next(c for c in today_table.values if c.code == code)
        values[code] = [
            _cell(kept, today.where[g]) if today.at_stage(g) else None for g in entrants
        ]
    integrated = scheme.stage(stage.integrates) if stage.integrates else None
    return effective_weights(codes, stated_weights(stage, integrated), values, finals)


class _Column(Protocol):
    """What is read of an engine's component column: exact numerators over one denominator,
    and whether a participant's cell is a number at all."""

    numerators: list[int]
    denominator: int

    def is_number(self, index: int) -> bool: ...


def _cell(column: _Column, index: int) -> float | None:
    """A component's value as a float, ``None`` for TH, missing or a text."""
    if not column.is_number(index):
        return None
    return column.numerators[index] / column.denominator


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


__all__ = [
    "FormationSimulation",
    "Outcome",
    "SideBySide",
    "Simulation",
    "StageFlow",
    "kendall_tau_b",
    "simulate",
]
