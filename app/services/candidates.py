"""Loading participants and their entries as the rules' ``Candidate`` objects.

This is the hot path of every ranking (100k participants, 300k+ values), so it reads through
the driver's own cursor, and lets SQLite add up the common case (one plain number per
participant and single-assessor component) so Python sees one row per participant. It only
reads.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from decimal import Decimal
from fractions import Fraction

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
    # Single-assessor numeric components without a rubric: SQLite sums their plain values per
    # participant. The rules take the mean of all entered values, so (sum, count) suffices.
    # One query per stage: a later stage's few entrants do not widen every row of the first.
    pivots = [
        [c for c in stage.components if c.is_numeric and c.assessors == 1 and not c.aspects]
        for stage in stages
    ]
    pivot = [c for group in pivots for c in group]
    where = "p.selection_id = ?"
    params: tuple = (selection_id,)
    if formation is not None:
        where += " AND f.code = ?"
        params += (formation,)
    people = connection.execute(
        "SELECT p.id, p.number, p.name, f.code, p.birth_date, p.ipk, p.priority_group,"
        " p.affirmation_percent FROM participant p JOIN formation f ON f.id = p.formation_id"
        f" WHERE {where}",
        params,
    ).fetchall()
    candidates: dict[int, Candidate] = {}
    fromiso = date.fromisoformat
    for pid, number, name, code, birth, ipk, group, affirmation in people:
        candidates[pid] = Candidate(
            number,
            name,
            code,
            fromiso(birth),
            Decimal(ipk) if ipk is not None else None,
            group,
            Decimal(affirmation) if affirmation is not None else None,
            [],
            {},
        )
    _load_marks(connection, selection_id, scheme, ids, candidates)
    for group in pivots:
        if group:
            _load_pivot(connection, candidates, [c.code for c in group], ids)
    pivot_ids = [ids.components[c.code] for c in pivot]
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


def _load_pivot(
    connection: sqlite3.Connection,
    candidates: dict[int, Candidate],
    codes: list[str],
    ids: SchemeIds,
) -> None:
    component_ids = [ids.components[code] for code in codes]
    columns = "".join(
        f", sum(CASE WHEN component_id = {i} THEN value_milli END)"
        f", count(CASE WHEN component_id = {i} THEN 1 END)"
        for i in component_ids
    )
    scope = ",".join(str(i) for i in component_ids)
    rows = connection.execute(
        f"SELECT participant_id{columns} FROM score"
        f" WHERE component_id IN ({scope}) AND {PLAIN} GROUP BY participant_id"
    )
    get = candidates.get
    for row in rows:
        candidate = get(row[0])
        if candidate is None:
            continue
        entries = candidate.entries
        for code, total, count in zip(codes, row[1::2], row[2::2], strict=True):
            if count == 1 and not total % 1000:
                entries[code] = [total // 1000]  # type: ignore[index]
            elif count:
                mean = Fraction(total, 1000 * count)
                entries[code] = [mean.numerator if mean.denominator == 1 else mean]  # type: ignore[index]


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
            f"(+component_id IN ({','.join(str(i) for i in pivot_ids)}) AND NOT ({PLAIN}))"
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
        candidate.entries.setdefault(code, []).append(value)  # type: ignore[attr-defined]
    for (pid, code, _assessor), values in aspects.items():
        candidates[pid].entries.setdefault(code, []).append(values)  # type: ignore[attr-defined]
