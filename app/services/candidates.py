"""Loading participants and their entries for the rules: as columns (a ``Roster``), or as
``Candidate`` objects for callers that want them one by one.

This is the hot path of every ranking (100k participants, 300k+ values). Two things make it
fast, and both are about how many Python objects are made, not about SQLite's own work:

- SQLite hands over a whole column at once as one JSON array (``json_group_array``), which
  ``json.loads`` turns into a list in C, instead of one tuple per row through the driver
  (about 1 µs a row, the larger part of reading 100k participants). Every array of one
  query is filled from the same rows in the same order, so their elements line up.
- Only what the ranking of everyone needs is read for everyone: the number, the formation,
  the marks and the entries. Names, birth dates, IPK, priority groups and affirmation
  percentages are read later, through the roster, for the rows that are shown and the ties
  that need them (``Roster.details``), in the same snapshot.

It only reads.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

from app.scoring import ABSENT, Candidate, Component, Entry, Scheme, Score, from_milli
from app.scoring.roster import DETAILS, Detail, Entries, Roster

from .database import is_server
from .schemes import SchemeIds

# A plain entry: one whole or decimal number, of nobody in particular, for no aspect.
PLAIN = "aspect = '' AND NOT absent AND value_text IS NULL"
# Some formations only: from the formations to their participants (CROSS JOIN keeps that
# order), or SQLite walks every participant of the selection to find the few it wants.
ONLY_SOURCE = "formation f CROSS JOIN participant p ON p.formation_id = f.id"
# A condition on ``f`` that keeps some formations, with its parameters (``_codes_filter``).
Filter = tuple[str, tuple[object, ...]]

# The participant column of each roster detail.
DETAIL_COLUMNS = {
    "name": "p.name",
    "birth_date": "p.birth_date",
    "ipk": "p.ipk",
    "priority_group": "p.priority_group",
    "affirmation_percent": "p.affirmation_percent",
}
assert set(DETAIL_COLUMNS) == set(DETAILS)


def load_quotas(connection: sqlite3.Connection, selection_id: int) -> dict[str, int]:
    rows = connection.execute(
        "SELECT code, quota FROM formation WHERE selection_id = ?", (selection_id,)
    )
    return dict(rows.fetchall())


def load_roster(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    upto_stage: str,
    formation: str | Collection[str] | None = None,
) -> Roster:
    """Participants with entries of stages up to ``upto_stage``: of the whole selection, or
    of ``formation`` (one code, or a collection of codes: the formations whose cached results
    went stale).

    The roster reads its details on ``connection`` when asked: ask inside the same snapshot,
    and ``close()`` it before the snapshot ends.
    """
    stages = scheme.stages[: scheme.stage_index(upto_stage) + 1]
    components = [c for stage in stages for c in stage.components]
    # The common case, one number from the unnamed assessor of a single-assessor component,
    # comes beside the participant through the unique index (participant, component,
    # assessor, aspect), which gives each join at most one row: a whole number as it is, a
    # decimal as ``[milli]``, a TH or a text as ``[milli, text, absent]``, a row without a
    # value as nothing. Other rows (other
    # assessors, categories, rubric aspects) are read one by one after. Only the first
    # stage, which everyone takes: a later stage's few entrants come row by row, rather
    # than as one more (mostly empty) index probe for every participant.
    pivot = [
        c
        for c in stages[0].components
        if c.is_numeric and c.assessors == 1 and not c.aspects and not c.double_entry
    ]
    joins = "".join(
        f" LEFT JOIN score s{k} ON s{k}.participant_id = p.id"
        f" AND s{k}.component_id = {ids.components[c.code]}"
        f" AND s{k}.assessor = '' AND s{k}.aspect = ''"
        for k, c in enumerate(pivot)
    )
    # SQLite mixes a number and an array in one column; a server wants one type: JSON.
    number = "to_json({})" if is_server(connection) else "{}"
    values = "".join(
        f", json_group_array(CASE WHEN s{k}.participant_id IS NULL THEN NULL"
        f" WHEN NOT s{k}.absent AND s{k}.value_text IS NULL THEN"
        f" (CASE WHEN s{k}.value_milli % 1000 = 0 THEN"
        f" {number.format(f's{k}.value_milli / 1000')}"
        f" WHEN s{k}.value_milli IS NOT NULL THEN json_array(s{k}.value_milli) END)"
        f" ELSE json_array(s{k}.value_milli, s{k}.value_text, s{k}.absent) END)"
        for k in range(len(pivot))
    )
    source, where, params = _participants(selection_id, formation)
    row = connection.execute(
        "SELECT json_group_array(p.id), json_group_array(p.number),"
        f" json_group_array(p.formation_id){values} FROM {source}{joins} WHERE {where}",
        params,
    ).fetchone()
    pids: list[int] = json.loads(row[0])
    numbers: list[str] = json.loads(row[1])
    code_of = dict(
        connection.execute(
            "SELECT id, code FROM formation WHERE selection_id = ?", (selection_id,)
        ).fetchall()
    )
    formations = [code_of[f] for f in json.loads(row[2])]
    entries: dict[str, list[Entries]] = {}
    found = 0  # pivot rows read beside the participants
    for component, text in zip(pivot, row[3:], strict=True):
        column: list[Entries] = json.loads(text)
        found += len(column) - column.count(None)
        for index in [i for i, value in enumerate(column) if type(value) is list]:
            column[index] = _pivot_cell(column[index])
        entries[component.code] = column
    position: dict[int, int] = dict(zip(pids, range(len(pids)), strict=True))
    only = _codes_filter(selection_id, formation)
    marks = _load_marks(connection, selection_id, scheme, ids, position, only)
    pivot_ids = [ids.components[c.code] for c in pivot]
    general_ids = [ids.components[c.code] for c in components if c not in pivot]
    # Rows of a pivot component under another assessor or an aspect (left from an earlier
    # scheme, say) are rare; counting the component's rows says whether to look for them.
    if pivot_ids and pids and (only is not None or found != _count_rows(connection, pivot_ids)):
        _load_general(
            connection, entries, position, ids, components, pivot_ids, True, selection_id, only
        )
    if general_ids and pids:
        _load_general(
            connection, entries, position, ids, components, general_ids, False, selection_id, only
        )

    def fetch(names: tuple[str, ...], positions: Sequence[int] | None) -> dict[str, list[Detail]]:
        return _details(connection, names, pids, positions, source, where, params)

    return Roster(numbers, formations, entries, marks, fetch)


def _pivot_cell(cell: Entries) -> Entries:
    """A pivot cell other than a whole number: ``[milli]`` for a decimal, else one entry
    ``[milli, text, absent]`` (TH, or a text in a numeric column) as a list of entries."""
    assert isinstance(cell, list)
    if len(cell) == 1:
        return from_milli(cell[0])
    milli, text, absent = cell
    return [_entry(milli, text, absent)]


def _entry(milli: int | None, text: str | None, absent: int) -> Entry:
    """One stored entry as the rules take it: TH, a categorical value, or a number."""
    if absent:
        return ABSENT
    if text is not None:
        return text
    assert milli is not None
    return from_milli(milli)


def _count_rows(connection: sqlite3.Connection, component_ids: list[int]) -> int:
    listed = ",".join(str(i) for i in component_ids)
    return connection.execute(
        f"SELECT count(*) FROM score WHERE component_id IN ({listed})"
    ).fetchone()[0]


def load_candidates(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    upto_stage: str,
    formation: str | Collection[str] | None = None,
) -> list[Candidate]:
    """``load_roster`` as one ``Candidate`` per participant, with every detail read."""
    roster = load_roster(connection, selection_id, scheme, ids, upto_stage, formation)
    everyone = range(len(roster))
    details = [roster.details(name, everyone) for name in DETAILS]
    columns = list(roster.entries.items())
    candidates = []
    for index, (name, born, ipk, group, affirmation) in enumerate(zip(*details, strict=True)):
        candidate_entries: dict[str, Sequence[Entry] | Score] = {}
        for code, column in columns:
            value = column[index]
            if value is not None:
                candidate_entries[code] = value
        candidates.append(
            Candidate(
                roster.numbers[index],
                _text(name),
                roster.formations[index],
                _date(born),
                _decimal(ipk),
                _integer(group),
                _decimal(affirmation),
                roster.marks.get(index, ()),
                candidate_entries,
            )
        )
    roster.close()
    return candidates


def _participants(
    selection_id: int, formation: str | Collection[str] | None
) -> tuple[str, str, tuple[object, ...]]:
    """FROM, WHERE and parameters of the participants of a roster."""
    only = _codes_filter(selection_id, formation)
    if only is None:
        return "participant p", "p.selection_id = ?", (selection_id,)
    return ONLY_SOURCE, f"p.selection_id = ? AND {only[0]}", (selection_id, *only[1])


def _codes_filter(selection_id: int, formation: str | Collection[str] | None) -> Filter | None:
    """The condition on ``f`` (formation) that keeps the asked formations, with its values.

    A collection goes as one JSON parameter, so a thousand codes need no thousand
    placeholders; naming ``f.selection_id`` lets SQLite use the (selection, code) index.
    """
    if formation is None:
        return None
    if not isinstance(formation, str) and len(formation) == 1:
        # One stale formation (a typed score): a plain equality, which every planner
        # estimates well; a server's planner guesses a hundred rows for a JSON list.
        (formation,) = formation
    if isinstance(formation, str):
        return "f.selection_id = ? AND f.code = ?", (selection_id, formation)
    return (
        "f.selection_id = ? AND f.code IN (SELECT value FROM json_each(?))",
        (selection_id, json.dumps(sorted(formation))),
    )


def _details(
    connection: sqlite3.Connection,
    names: tuple[str, ...],
    pids: list[int],
    positions: Sequence[int] | None,
    source: str,
    where: str,
    params: tuple[object, ...],
) -> dict[str, list[Detail]]:
    """The ``names`` of the participants at ``positions`` (``None``: all), in that order."""
    arrays = ", ".join(f"json_group_array({DETAIL_COLUMNS[name]})" for name in names)
    if positions is None:
        wanted = pids
        row = connection.execute(
            f"SELECT json_group_array(p.id), {arrays} FROM {source} WHERE {where}", params
        ).fetchone()
    else:
        wanted = [pids[i] for i in positions]
        row = connection.execute(
            f"SELECT json_group_array(p.id), {arrays} FROM participant p"
            " WHERE p.id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
            (json.dumps(wanted),),
        ).fetchone()
    found: list[int] = json.loads(row[0])
    columns = [json.loads(text) for text in row[1:]]
    if found != wanted:  # another order than asked for: put them in the asked one
        at = dict(zip(found, range(len(found)), strict=True))
        order = [at[pid] for pid in wanted]
        columns = [[column[i] for i in order] for column in columns]
    result: dict[str, list[Detail]] = {}
    for name, column in zip(names, columns, strict=True):
        convert = _CONVERT.get(name)
        result[name] = column if convert is None else [convert(value) for value in column]
    return result


def _text(value: Detail) -> str:
    assert isinstance(value, str)
    return value


def _date(value: Detail) -> date:
    assert isinstance(value, date)
    return value


def _integer(value: Detail) -> int | None:
    assert value is None or type(value) is int
    return value


def _decimal(value: Detail) -> Decimal | None:
    assert value is None or isinstance(value, Decimal)
    return value


def _decimal_of(value: object) -> Decimal | None:
    # Exact decimals are stored as their text (docs/data-access.md, rule 4).
    return None if value is None else Decimal(value if isinstance(value, str) else str(value))


_CONVERT = {
    "birth_date": date.fromisoformat,
    "ipk": _decimal_of,
    "affirmation_percent": _decimal_of,
}


def _load_marks(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    position: Mapping[int, int],
    only: Filter | None,
) -> dict[int, list[tuple[str, str]]]:
    """(kind, stage code) marks by roster position."""
    stage_codes = {ids.stages[s.code]: s.code for s in scheme.stages}
    source = "participant p"
    where = "p.selection_id = ?"
    params: tuple[object, ...] = (selection_id,)
    if only is not None:
        source = ONLY_SOURCE
        where += f" AND {only[0]}"
        params += only[1]
    rows = connection.execute(
        f"SELECT m.participant_id, m.kind, m.stage_id FROM {source}"
        f" JOIN participant_mark m ON m.participant_id = p.id WHERE {where}",
        params,
    )
    marks: dict[int, list[tuple[str, str]]] = {}
    for pid, kind, stage_id in rows:
        index = position.get(pid)
        if index is not None:
            marks.setdefault(index, []).append((kind, stage_codes[stage_id]))
    return marks


def _load_general(
    connection: sqlite3.Connection,
    entries: dict[str, list[Entries]],
    position: Mapping[int, int],
    ids: SchemeIds,
    components: list[Component],
    component_ids: list[int],
    pivoted: bool,
    selection_id: int,
    only: Filter | None,
) -> None:
    """Entries of ``component_ids`` one row at a time: categorical values, absences, rubric
    aspects, several assessors; for ``pivoted`` components only the rows the pivot left
    (another assessor than the unnamed one, or an aspect).

    For some formations only (``only``, from ``_codes_filter``) the rows are looked up per
    participant through the score key, instead of read for the whole selection. Each
    participant's entries of a component are added in the key's order (assessor, aspect),
    whatever order SQLite hands the rows over in.
    """
    code_of = {ids.components[c.code]: c.code for c in components}
    listed = ",".join(str(i) for i in component_ids)
    where = f"component_id IN ({listed})"
    if pivoted:
        where = f"+component_id IN ({listed}) AND (assessor <> '' OR aspect <> '')"
    params: tuple[object, ...] = ()
    if only is not None:
        where = (
            f"participant_id IN (SELECT p.id FROM {ONLY_SOURCE}"
            f" WHERE p.selection_id = ? AND {only[0]}) AND {where}"
        )
        params = (selection_id, *only[1])
    columns = "participant_id, component_id, assessor, aspect, value_milli, value_text, absent"
    arrays = ", ".join(f"json_group_array({name})" for name in columns.split(", "))
    row = connection.execute(f"SELECT {arrays} FROM score WHERE {where}", params).fetchone()
    rows = sorted(zip(*(json.loads(text) for text in row), strict=True))
    count = len(position)
    aspects: dict[tuple[int, str, str], dict[str, Score]] = defaultdict(dict)
    for pid, component_id, assessor, aspect, milli, text, absent in rows:
        index = position.get(pid)
        if index is None:
            continue
        code = code_of[component_id]
        if aspect:
            aspects[(index, code, assessor)][aspect] = from_milli(milli)
            continue
        column = entries.get(code)
        if column is None:
            column = entries[code] = [None] * count
        _add_entry(column, index, _entry(milli, text, absent))
    for (index, code, _assessor), values in aspects.items():
        column = entries.get(code)
        if column is None:
            column = entries[code] = [None] * count
        _add_entry(column, index, values)


def _add_entry(column: list[Entries], index: int, value: Entry) -> None:
    """Append to a participant's entries; a bare number (one plain entry) becomes a list."""
    existing = column[index]
    if existing is None:
        column[index] = [value]
    elif isinstance(existing, list):
        existing.append(value)
    else:
        assert isinstance(existing, (int, Fraction))  # one plain entry, from the pivot
        column[index] = [existing, value]
