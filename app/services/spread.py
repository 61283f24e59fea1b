"""Assessors who disagree: participants whose assessors lie further apart than the scheme allows.

A multi-assessor component scores the mean of its assessors, which hides one assessor at 55
and another at 90. The issue asks that such a participant be flagged for review when the
assessors differ by more than the component's ``max_spread`` (default 20 points). The check
reads confirmed scores only (what the ranking reads) and takes each assessor's own value
with the ranking's arithmetic (``app.scoring.spread``). It only reads; nothing is blocked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from app.scoring import ABSENT, Component, Entry, from_milli, round_half_up
from app.scoring.spread import SpreadRule

from .database import Database
from .errors import UserError
from .schemes import scheme_of_selection


@dataclass(frozen=True, slots=True)
class SpreadFlag:
    """One participant on one component: each assessor's value (rounded half-up to 3
    decimals, as shown everywhere) and the spread between the highest and the lowest."""

    participant: str
    name: str
    formation: str
    component: str
    values_by_assessor: dict[str, Decimal]
    spread: Decimal
    limit: Decimal


def spread_flags(
    db: Database, selection_id: int, stage_code: str | None = None
) -> list[SpreadFlag]:
    """Flags of the stages that decide ``stage_code``'s ranking (that stage and the earlier
    ones), or of every stage; by component (scheme order), formation and participant."""
    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
        stages = scheme.stages
        if stage_code is not None:
            try:
                stages = stages[: scheme.stage_index(stage_code.strip().upper()) + 1]
            except KeyError:
                raise UserError(
                    "stage.not_found", value=stage_code, choices=[s.code for s in scheme.stages]
                ) from None
        checked: list[tuple[SpreadRule, Component]] = []
        for stage in stages:
            components = [
                c
                for c in stage.components
                if c.is_numeric and c.assessors > 1 and c.max_spread is not None
            ]
            if components:
                rule = SpreadRule(stage)
                checked += [(rule, c) for c in components]
        if not checked:
            return []
        by_id = {ids.components[c.code]: (rule, c) for rule, c in checked}
        people = {
            pid: (number, name, formation)
            for pid, number, name, formation in connection.execute(
                "SELECT p.id, p.number, p.name, f.code FROM participant p"
                " JOIN formation f ON f.id = p.formation_id WHERE p.selection_id = ?",
                (selection_id,),
            )
        }
        # participant, component -> assessor -> entry (whole value, TH, or aspects)
        entries: dict[tuple[int, int], dict[str, Entry]] = defaultdict(dict)
        marks = ", ".join("?" * len(by_id))
        for pid, component_id, assessor, aspect, milli, text, absent in connection.execute(
            "SELECT participant_id, component_id, assessor, aspect, value_milli, value_text,"
            f" absent FROM score WHERE component_id IN ({marks})",
            list(by_id),
        ):
            if pid not in people:
                continue
            found = entries[(pid, component_id)]
            if absent:
                found[assessor] = ABSENT
            elif aspect:
                aspects = found.setdefault(assessor, {})
                if isinstance(aspects, dict):
                    aspects[aspect] = from_milli(milli)
            elif text is None:
                found[assessor] = from_milli(milli)
    order = {c.code: i for i, (_rule, c) in enumerate(checked)}
    flags = []
    for (pid, component_id), assessors in entries.items():
        rule, component = by_id[component_id]
        limit = component.max_spread
        result = rule.spread(component, assessors)
        if limit is None or result is None or not result.exceeds(limit):
            continue
        number, name, formation = people[pid]
        flags.append(
            SpreadFlag(
                number,
                name,
                formation,
                component.code,
                {a: round_half_up(v) for a, v in sorted(result.values.items())},
                round_half_up(result.spread),
                limit,
            )
        )
    flags.sort(key=lambda f: (order[f.component], f.formation, f.participant))
    return flags
