"""Loading participants and their entries as the rules' ``Candidate`` objects.

This is the hot path of every ranking (100k participants, 300k+ values), so it reads through
the driver's own cursor, and lets SQLite hand over the common case (one plain number per
participant and single-assessor component) inside the participant's row. It only reads.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from decimal import Decimal

from app.scoring import ABSENT, Candidate, Scheme, from_milli

from .schemes import SchemeIds

PLAIN = "aspect = '' AND absent = 0 AND value_text IS NULL"


def load_quotas(connection: sqlite3.Connection, selection_id: int) -> dict[str, int]:
    rows = connection.execute(
        "SELECT code, quota FROM formation WHERE selection_id = ?", (selection_id,)
    )
    return dict(rows.fetchall())


def load_candidates(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    upto_stage: str,
    formation: str | None = None,
) -> list[Candidate]:
    """Participants (of one formation, if given) with entries of stages up to ``upto_stage``."""
    stages = scheme.stages[: scheme.stage_index(upto_stage) + 1]
    components = [c for stage in stages for c in stage.components]
    # The common case, one plain number from the unnamed assessor of a single-assessor
    # component, comes with the participant's own row through the unique index; everything
    # else (other assessors, absences, categories, rubric aspects) is read row by row after.
    # Only the first stage, which everyone takes: a later stage's few entrants come row by
    # row, rather than as one more (mostly empty) index probe for every participant.
    pivot = [
        c
        for c in stages[0].components
        if c.is_numeric and c.assessors == 1 and not c.aspects and not c.double_entry
    ]
    pivot_codes = [c.code for c in pivot]
    # A whole value arrives as the number itself; any other as -1 - milli, which no score
    # is (scores are never negative), so a row needs Python only when it holds one.
    columns = "".join(
        f", (SELECT CASE WHEN value_milli % 1000 = 0 THEN value_milli / 1000"
        f" ELSE -1 - value_milli END FROM score s WHERE s.participant_id = p.id"
        f" AND s.component_id = {ids.components[code]} AND s.assessor = '' AND {PLAIN})"
        for code in pivot_codes
    )
    where = "p.selection_id = ?"
    params: tuple = (selection_id,)
    if formation is not None:
        where += (
            " AND p.formation_id = (SELECT id FROM formation WHERE selection_id = ? AND code = ?)"
        )
        params += (selection_id, formation)
    # Formation codes by id: one shared string per formation instead of one per participant.
    formation_codes = dict(
        connection.execute("SELECT id, code FROM formation WHERE selection_id = ?", (selection_id,))
    )
    people = connection.execute(
        "SELECT p.id, p.number, p.name, p.formation_id, p.birth_date, p.ipk, p.priority_group,"
        f" p.affirmation_percent{columns} FROM participant p WHERE {where}",
        params,
    )
    candidates: dict[int, Candidate] = {}
    fromiso = date.fromisoformat
    for row in people:
        pid, number, name, formation_id, birth, ipk, group, affirmation = row[:8]
        values = row[8:]
        if None in values or (values and min(values) < 0):
            entries = {
                component: value if value >= 0 else from_milli(-1 - value)
                for component, value in zip(pivot_codes, values, strict=True)
                if value is not None
            }
        else:
            entries = dict(zip(pivot_codes, values, strict=True))
        candidates[pid] = Candidate(
            number,
            name,
            formation_codes[formation_id],
            fromiso(birth),
            Decimal(ipk) if ipk is not None else None,
            group,
            Decimal(affirmation) if affirmation is not None else None,
            [],
            entries,
        )
    _load_marks(connection, selection_id, scheme, ids, candidates)
    pivot_ids = [ids.components[code] for code in pivot_codes]
    general_ids = [ids.components[c.code] for c in components if c not in pivot]
    if components:
        _load_general(connection, candidates, ids, components, pivot_ids, general_ids)
    return list(candidates.values())


def _load_marks(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    candidates: dict[int, Candidate],
) -> None:
    stage_codes = {ids.stages[s.code]: s.code for s in scheme.stages}
    marks = connection.execute(
        "SELECT m.participant_id, m.kind, m.stage_id FROM participant_mark m"
        " JOIN participant p ON p.id = m.participant_id WHERE p.selection_id = ?",
        (selection_id,),
    )
    for pid, kind, stage_id in marks:
        candidate = candidates.get(pid)
        if candidate is not None:
            candidate.marks.append((kind, stage_codes[stage_id]))  # type: ignore[attr-defined]


def _load_general(
    connection: sqlite3.Connection,
    candidates: dict[int, Candidate],
    ids: SchemeIds,
    components: list,
    pivot_ids: list[int],
    general_ids: list[int],
) -> None:
    """Absences, categorical values, rubric aspects and multi-assessor values, one by one."""
    code_of = {ids.components[c.code]: c.code for c in components}
    conditions = []
    if general_ids:
        conditions.append(f"component_id IN ({','.join(str(i) for i in general_ids)})")
    if pivot_ids:
        conditions.append(
            f"(+component_id IN ({','.join(str(i) for i in pivot_ids)})"
            f" AND NOT (assessor = '' AND {PLAIN}))"
        )
    rows = connection.execute(
        "SELECT participant_id, component_id, assessor, aspect, value_milli, value_text, absent"
        f" FROM score WHERE {' OR '.join(conditions)}"
    )
    aspects: dict[tuple[int, str, str], dict] = defaultdict(dict)
    for pid, component_id, assessor, aspect, milli, text, absent in rows:
        candidate = candidates.get(pid)
        if candidate is None:
            continue
        code = code_of[component_id]
        if aspect:
            aspects[(pid, code, assessor)][aspect] = from_milli(milli)
            continue
        value: object = ABSENT if absent else text if text is not None else from_milli(milli)
        _add_entry(candidate.entries, code, value)
    for (pid, code, _assessor), values in aspects.items():
        _add_entry(candidates[pid].entries, code, values)


def _add_entry(entries: dict, code: str, value: object) -> None:
    """Append to a component's entries; a bare number (one plain entry) becomes a list."""
    existing = entries.get(code)
    if existing is None:
        entries[code] = [value]
    elif isinstance(existing, list):
        existing.append(value)
    else:
        entries[code] = [existing, value]
