"""Assessors who disagree: participants whose assessors lie further apart than the scheme allows.

A multi-assessor component scores the mean of its assessors, which hides one assessor at 55
and another at 90. The issue asks that such a participant be flagged for review when the
assessors differ by more than the component's ``max_spread`` (default 20 points). The check
reads confirmed scores only (what the ranking reads) and takes each assessor's own value
with the ranking's arithmetic (``app.scoring.spread``). It only reads; nothing is blocked.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from app.scoring import ABSENT, Component, Entry, from_milli, round_half_up
from app.scoring.spread import SpreadRule

from .database import Database
from .errors import UserError
from .revisions import read_revisions
from .schemes import SchemeIds, scheme_of_selection


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


# Flags per (database, selection, components checked, formation), each valid at the
# formation's revision stamp (migration 0006: a stamp moves with every score, participant and
# scheme change of its formation): after one saved score only that formation is read again,
# which keeps the rankings page's refresh short.
_Key = tuple[str, int, tuple[str, ...], str]
_KEPT: dict[_Key, tuple[int, list[SpreadFlag]]] = {}
_KEPT_LOCK = threading.Lock()
MAX_KEPT = 50_000


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
        revisions = read_revisions(connection, selection_id).formations
        base = (db.key, selection_id, tuple(c.code for _r, c in checked))
        held: dict[str, list[SpreadFlag]] = {}
        with _KEPT_LOCK:
            for code, stamp in revisions.items():
                kept = _KEPT.get((*base, code))
                if kept is not None and kept[0] == stamp:
                    held[code] = kept[1]
        stale = [code for code in revisions if code not in held]
        if stale:
            every = len(stale) == len(revisions)
            fresh = _flags(connection, selection_id, ids, checked, None if every else stale)
            with _KEPT_LOCK:
                if len(_KEPT) > MAX_KEPT:
                    _KEPT.clear()
                for code in stale:
                    held[code] = fresh.get(code, [])
                    _KEPT[(*base, code)] = (revisions[code], held[code])
    order = {c.code: i for i, (_rule, c) in enumerate(checked)}
    flags = [flag for found in held.values() for flag in found]
    flags.sort(key=lambda f: (order[f.component], f.formation, f.participant))
    return flags


def _flags(
    connection: sqlite3.Connection,
    selection_id: int,
    ids: SchemeIds,
    checked: list[tuple[SpreadRule, Component]],
    formations: list[str] | None,
) -> dict[str, list[SpreadFlag]]:
    """The flags of some formations (``None``: all), by formation, from ``connection``."""
    by_id = {ids.components[c.code]: (rule, c) for rule, c in checked}
    marks = ", ".join("?" * len(by_id))
    where = f"s.component_id IN ({marks})"
    params: list[object] = list(by_id)
    if formations is None:
        source = "score s JOIN participant p ON p.id = s.participant_id"
        where += " AND p.selection_id = ?"
        params.append(selection_id)
    else:
        # From the formations to their participants' scores (CROSS JOIN keeps that order).
        source = (
            "formation f CROSS JOIN participant p ON p.formation_id = f.id"
            " CROSS JOIN score s ON s.participant_id = p.id"
        )
        where += " AND f.selection_id = ? AND f.code IN (SELECT value FROM json_each(?))"
        params += [selection_id, json.dumps(formations)]
    # participant, component -> assessor -> entry (whole value, TH, or aspects)
    entries: dict[tuple[int, int], dict[str, Entry]] = defaultdict(dict)
    for pid, component_id, assessor, aspect, milli, text, absent in connection.execute(
        "SELECT s.participant_id, s.component_id, s.assessor, s.aspect, s.value_milli,"
        f" s.value_text, s.absent FROM {source} WHERE {where}",
        params,
    ):
        found = entries[(pid, component_id)]
        if absent:
            found[assessor] = ABSENT
        elif aspect:
            aspects = found.setdefault(assessor, {})
            if isinstance(aspects, dict):
                aspects[aspect] = from_milli(milli)
        elif text is None:
            found[assessor] = from_milli(milli)
    exceeding = []
    for (pid, component_id), assessors in entries.items():
        rule, component = by_id[component_id]
        limit = component.max_spread
        result = rule.spread(component, assessors)
        if limit is not None and result is not None and result.exceeds(limit):
            exceeding.append((pid, component, limit, result))
    # Names and formations of the flagged only: a handful, not the selection's 100k.
    people = {
        pid: (number, name, formation)
        for pid, number, name, formation in connection.execute(
            "SELECT p.id, p.number, p.name, f.code FROM participant p"
            " JOIN formation f ON f.id = p.formation_id"
            " WHERE p.id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
            (json.dumps(sorted({pid for pid, *_rest in exceeding})),),
        )
    }
    flags: dict[str, list[SpreadFlag]] = defaultdict(list)
    for pid, component, limit, result in exceeding:
        number, name, formation = people[pid]
        flags[formation].append(
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
    return dict(flags)
