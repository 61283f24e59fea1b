"""Loading participants and their entries as the rules' ``Candidate`` objects.

This is the hot path of every ranking (100k participants, 300k+ values), so it reads through
the driver's own cursor, and lets SQLite hand over the common case (one plain number per
participant and single-assessor component) inside the participant's row. It only reads.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection
from datetime import date
from decimal import Decimal

from app.scoring import ABSENT, Candidate, Component, Entry, Scheme, Score, from_milli

from .schemes import SchemeIds

PLAIN = "aspect = '' AND absent = 0 AND value_text IS NULL"
# Some formations only: from the formations to their participants (CROSS JOIN keeps that
# order), or SQLite walks every participant of the selection to find the few it wants.
ONLY_SOURCE = "formation f CROSS JOIN participant p ON p.formation_id = f.id"
# A condition on ``f`` that keeps some formations, with its parameters (``_codes_filter``).
Filter = tuple[str, tuple[object, ...]]

# A candidate's entries while they are loaded: ``Candidate`` only promises a read-only
# mapping, so the loader keeps the mutable containers it handed over and fills those.
Marks = list[tuple[str, str]]
Entries = dict[str, list[Entry] | Score]


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
    formation: str | Collection[str] | None = None,
) -> list[Candidate]:
    """Participants with entries of stages up to ``upto_stage``: of the whole selection, or
    of ``formation`` (one code, or a collection of codes: the formations whose cached results
    went stale)."""
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
    columns = "".join(
        f", (SELECT value_milli FROM score s WHERE s.participant_id = p.id"
        f" AND s.component_id = {ids.components[code]} AND s.assessor = '' AND {PLAIN})"
        for code in pivot_codes
    )
    source = "participant p JOIN formation f ON f.id = p.formation_id"
    where = "p.selection_id = ?"
    params: tuple[object, ...] = (selection_id,)
    only = _codes_filter(selection_id, formation)
    if only is not None:
        source = ONLY_SOURCE
        where += f" AND {only[0]}"
        params += only[1]
    people = connection.execute(
        "SELECT p.id, p.number, p.name, f.code, p.birth_date, p.ipk, p.priority_group,"
        f" p.affirmation_percent{columns} FROM {source} WHERE {where}",
        params,
    )
    candidates: dict[int, Candidate] = {}
    marks_of: dict[int, Marks] = {}
    entries_of: dict[int, Entries] = {}
    fromiso = date.fromisoformat
    for row in people:
        pid, number, name, code, birth, ipk, group, affirmation = row[:8]
        entries: Entries = {}
        marks: Marks = []
        for component, milli in zip(pivot_codes, row[8:], strict=True):
            if milli is not None:
                entries[component] = milli // 1000 if not milli % 1000 else from_milli(milli)
        candidates[pid] = Candidate(
            number,
            name,
            code,
            fromiso(birth),
            Decimal(ipk) if ipk is not None else None,
            group,
            Decimal(affirmation) if affirmation is not None else None,
            marks,
            entries,
        )
        marks_of[pid] = marks
        entries_of[pid] = entries
    _load_marks(connection, selection_id, scheme, ids, marks_of, only)
    pivot_ids = [ids.components[code] for code in pivot_codes]
    general_ids = [ids.components[c.code] for c in components if c not in pivot]
    if components:
        _load_general(
            connection, entries_of, ids, components, pivot_ids, general_ids, selection_id, only
        )
    return list(candidates.values())


def _codes_filter(selection_id: int, formation: str | Collection[str] | None) -> Filter | None:
    """The condition on ``f`` (formation) that keeps the asked formations, with its values.

    A collection goes as one JSON parameter, so a thousand codes need no thousand
    placeholders; naming ``f.selection_id`` lets SQLite use the (selection, code) index.
    """
    if formation is None:
        return None
    if isinstance(formation, str):
        return "f.selection_id = ? AND f.code = ?", (selection_id, formation)
    return (
        "f.selection_id = ? AND f.code IN (SELECT value FROM json_each(?))",
        (selection_id, json.dumps(sorted(formation))),
    )


def _load_marks(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    marks_of: dict[int, Marks],
    only: Filter | None,
) -> None:
    stage_codes = {ids.stages[s.code]: s.code for s in scheme.stages}
    source = "participant p"
    where = "p.selection_id = ?"
    params: tuple[object, ...] = (selection_id,)
    if only is not None:
        source = ONLY_SOURCE
        where += f" AND {only[0]}"
        params += only[1]
    marks = connection.execute(
        f"SELECT m.participant_id, m.kind, m.stage_id FROM {source}"
        f" JOIN participant_mark m ON m.participant_id = p.id WHERE {where}",
        params,
    )
    for pid, kind, stage_id in marks:
        found = marks_of.get(pid)
        if found is not None:
            found.append((kind, stage_codes[stage_id]))


def _load_general(
    connection: sqlite3.Connection,
    entries_of: dict[int, Entries],
    ids: SchemeIds,
    components: list[Component],
    pivot_ids: list[int],
    general_ids: list[int],
    selection_id: int,
    only: Filter | None,
) -> None:
    """Absences, categorical values, rubric aspects and multi-assessor values, one by one.

    For some formations only (``only``, from ``_codes_filter``) the rows are looked up per
    participant through the score key, instead of read for the whole selection.
    """
    code_of = {ids.components[c.code]: c.code for c in components}
    conditions = []
    if general_ids:
        conditions.append(f"component_id IN ({','.join(str(i) for i in general_ids)})")
    if pivot_ids:
        conditions.append(
            f"(+component_id IN ({','.join(str(i) for i in pivot_ids)})"
            f" AND NOT (assessor = '' AND {PLAIN}))"
        )
    where = " OR ".join(conditions)
    params: tuple[object, ...] = ()
    if only is not None:
        where = (
            f"participant_id IN (SELECT p.id FROM {ONLY_SOURCE}"
            f" WHERE p.selection_id = ? AND {only[0]}) AND ({where})"
        )
        params = (selection_id, *only[1])
    rows = connection.execute(
        "SELECT participant_id, component_id, assessor, aspect, value_milli, value_text, absent"
        f" FROM score WHERE {where}",
        params,
    )
    aspects: dict[tuple[int, str, str], dict[str, Score]] = defaultdict(dict)
    for pid, component_id, assessor, aspect, milli, text, absent in rows:
        entries = entries_of.get(pid)
        if entries is None:
            continue
        code = code_of[component_id]
        if aspect:
            aspects[(pid, code, assessor)][aspect] = from_milli(milli)
            continue
        value: Entry = ABSENT if absent else text if text is not None else from_milli(milli)
        _add_entry(entries, code, value)
    for (pid, code, _assessor), values in aspects.items():
        _add_entry(entries_of[pid], code, values)


def _add_entry(entries: Entries, code: str, value: Entry) -> None:
    """Append to a component's entries; a bare number (one plain entry) becomes a list."""
    existing = entries.get(code)
    if existing is None:
        entries[code] = [value]
    elif isinstance(existing, list):
        existing.append(value)
    else:
        entries[code] = [existing, value]
