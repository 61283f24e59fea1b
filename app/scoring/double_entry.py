"""Double entry's rules: who holds which round, when two rounds agree, what is a mismatch.

Two people type each sheet row (participant × component × assessor) independently, following
Tabbycat's and fll-sw's "enter, then verify". The first person to type in a row holds round 1,
the next one round 2, and each keeps their round for every aspect, so nobody ever confirms
their own entry and a third person is refused. Values are compared one by one (rubric aspects
separately; a whole value or TH against the other's whole value or TH); only agreeing values
count. The services keep the rounds in the database and apply these rules to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .scheme import Component, Scheme
from .score_rows import StoredRow, display

ROUNDS = (1, 2)


@dataclass(slots=True)
class Round:
    """One person's round of one sheet row: their values by aspect (``""``: whole or TH)."""

    by: str
    rows: dict[str, StoredRow] = field(default_factory=dict)

    def stored(self) -> tuple[StoredRow, ...]:
        return tuple(self.rows[aspect] for aspect in sorted(self.rows))


@dataclass(frozen=True, slots=True)
class Comparison:
    """The comparison of a sheet row's two rounds.

    ``mismatched`` holds ``(aspect, first, second)`` with both values as the sheet shows them;
    ``pending`` counts the values with a draft that are not (yet) confirmed.
    """

    agreed: dict[str, StoredRow]
    mismatched: list[tuple[str, str, str]]
    pending: int

    def confirmed(self) -> tuple[StoredRow, ...]:
        """The rows the score table holds for this sheet row: the agreeing values."""
        return tuple(self.agreed[aspect] for aspect in sorted(self.agreed))


def own_round(rounds: Mapping[int, Round], name: str) -> int | None:
    """The round ``name`` holds in this sheet row, if any."""
    return next((r for r, entry in sorted(rounds.items()) if entry.by == name), None)


def free_round(rounds: Mapping[int, Round]) -> int | None:
    """The round a newcomer gets (the lowest one nobody holds), ``None`` when both are held."""
    return next((r for r in ROUNDS if r not in rounds or not rounds[r].rows), None)


def same_value(first: StoredRow, second: StoredRow) -> bool:
    """Two rounds agree on a value when number, category and absence are all equal."""
    return (first.milli, first.text, first.absent) == (second.milli, second.text, second.absent)


def round_summary(component: Component, entry: Round) -> str:
    """A round as one text: the whole value or TH, else ``TEKNIS 70; SIKAP 80`` in rubric order."""
    if "" in entry.rows:
        return display(entry.rows[""])
    order = {a.code: i for i, a in enumerate(component.aspects)}
    aspects = sorted(entry.rows, key=lambda code: (order.get(code, len(order)), code))
    return "; ".join(f"{code} {display(entry.rows[code])}" for code in aspects)


def compare_rounds(component: Component, rounds: Mapping[int, Round]) -> Comparison:
    """What the two rounds agree on, where they differ, and how many values still wait.

    Nothing is agreed before both rounds hold a value. A row typed as a whole value or TH by
    one person and as rubric aspects by the other disagrees as a whole (typically "absent"
    against "present"): that is its one mismatch, under aspect ``""``.
    """
    first, second = rounds.get(1), rounds.get(2)
    keys = set(first.rows if first else ()) | set(second.rows if second else ())
    if first is None or second is None or not first.rows or not second.rows:
        return Comparison({}, [], len(keys))
    if ("" in first.rows) != ("" in second.rows):
        mismatch = ("", round_summary(component, first), round_summary(component, second))
        return Comparison({}, [mismatch], len(keys))
    agreed: dict[str, StoredRow] = {}
    mismatched = []
    for aspect in sorted(set(first.rows) & set(second.rows)):
        a, b = first.rows[aspect], second.rows[aspect]
        if same_value(a, b):
            agreed[aspect] = a
        else:
            mismatched.append((aspect, display(a), display(b)))
    return Comparison(agreed, mismatched, len(keys) - len(agreed))


def with_chosen(entry: Round, chosen: tuple[StoredRow, ...]) -> tuple[StoredRow, ...]:
    """``entry`` with a decided value in place: a whole value or TH replaces every aspect, and
    aspects replace a whole value or TH (one person, one kind of score)."""
    if any(not row.aspect for row in chosen):
        return chosen
    names = {row.aspect for row in chosen}
    kept = [r for a, r in entry.rows.items() if a and a not in names]
    return tuple(sorted([*kept, *chosen], key=lambda r: r.aspect))


def double_entry_components(scheme: Scheme, stage_code: str | None = None) -> dict[str, Component]:
    """Double-entry components of the stages that decide ``stage_code``'s ranking (that stage
    and every earlier one, whose cut it takes), or of all stages; scheme order.

    An unknown stage code raises ``KeyError``.
    """
    stages = scheme.stages
    if stage_code is not None:
        stages = stages[: scheme.stage_index(stage_code.strip().upper()) + 1]
    return {c.code: c for stage in stages for c in stage.components if c.double_entry}
