"""The column loader reads exactly what a plain row-by-row reading of the file gives.

``load_roster`` reads whole columns as JSON arrays and reads names, birth dates and IPK only
when asked; a mistake there would rank the wrong people. So every stage of every preset's
demo data, with the rare shapes added by hand (a TH, a decimal, a row without a value, a
second assessor and an aspect on a single-assessor component, IPK, priority groups and
affirmation percentages), is ranked two ways: the reference rules on candidates read here
one row at a time, and ``compute_ranking`` (the loader and the fast engine), for the whole
selection and for some formations alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.scoring import ABSENT, Candidate, Entry, Scheme, Score, from_milli, rank_selection
from app.services.actor import Actor
from app.services.candidates import load_candidates, load_quotas
from app.services.database import Database
from app.services.demo import create_demo
from app.services.ranking import compute_ranking
from app.services.ranking_cache import isolated
from app.services.schemes import scheme_of_selection

ADMIN = Actor("ketua", "admin")


def _reference_candidates(path: Path, selection_id: int, scheme: Scheme) -> list[Candidate]:
    """Every participant with every confirmed entry, one row at a time, nothing clever."""
    connection = sqlite3.connect(path)
    try:
        stage_code = dict(
            connection.execute(
                "SELECT id, code FROM stage WHERE selection_id = ?", (selection_id,)
            ).fetchall()
        )
        component_code = dict(
            connection.execute(
                "SELECT c.id, c.code FROM component c JOIN stage s ON s.id = c.stage_id"
                " WHERE s.selection_id = ?",
                (selection_id,),
            ).fetchall()
        )
        people = connection.execute(
            "SELECT p.id, p.number, p.name, f.code, p.birth_date, p.ipk, p.priority_group,"
            " p.affirmation_percent FROM participant p JOIN formation f ON f.id = p.formation_id"
            " WHERE p.selection_id = ? ORDER BY p.number",
            (selection_id,),
        ).fetchall()
        candidates = []
        for pid, number, name, formation, born, ipk, group, affirmation in people:
            marks = [
                (kind, stage_code[stage_id])
                for kind, stage_id in connection.execute(
                    "SELECT kind, stage_id FROM participant_mark WHERE participant_id = ?"
                    " ORDER BY id",
                    (pid,),
                )
            ]
            rows = connection.execute(
                "SELECT component_id, assessor, aspect, value_milli, value_text, absent"
                " FROM score WHERE participant_id = ? ORDER BY component_id, assessor, aspect",
                (pid,),
            ).fetchall()
            entries: dict[str, list[Entry]] = {}
            aspects: dict[tuple[str, str], dict[str, Score]] = {}
            for component_id, assessor, aspect, milli, text, absent in rows:
                code = component_code[component_id]
                if aspect:
                    aspects.setdefault((code, assessor), {})[aspect] = from_milli(milli)
                elif absent:
                    entries.setdefault(code, []).append(ABSENT)
                elif text is not None:
                    entries.setdefault(code, []).append(text)
                elif milli is not None:
                    entries.setdefault(code, []).append(from_milli(milli))
            for (code, _assessor), values in aspects.items():
                entries.setdefault(code, []).append(values)
            candidates.append(
                Candidate(
                    number,
                    name,
                    formation,
                    date.fromisoformat(born),
                    Decimal(ipk) if ipk is not None else None,
                    group,
                    Decimal(affirmation) if affirmation is not None else None,
                    marks,
                    dict(entries),
                )
            )
        return candidates
    finally:
        connection.close()


def _first_component_and_people(
    connection: sqlite3.Connection, selection_id: int, scheme: Scheme
) -> tuple[int, list[int]]:
    first = scheme.stages[0].components[0].code
    component_id = connection.execute(
        "SELECT c.id FROM component c JOIN stage s ON s.id = c.stage_id"
        " WHERE s.selection_id = ? AND c.code = ?",
        (selection_id, first),
    ).fetchone()[0]
    ids = [
        row[0]
        for row in connection.execute(
            "SELECT id FROM participant WHERE selection_id = ? ORDER BY number LIMIT 8",
            (selection_id,),
        )
    ]
    return component_id, ids


def _insert_score(
    connection: sqlite3.Connection,
    pid: int,
    component_id: int,
    assessor: str,
    aspect: str,
    milli: int | None,
    text: str | None,
    absent: int,
) -> None:
    connection.execute(
        "INSERT INTO score (participant_id, component_id, assessor, aspect, value_milli,"
        " value_text, absent, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (pid, component_id, assessor, aspect, milli, text, absent, "uji", "2024-01-01 00:00:00"),
    )


def _rare_shapes(path: Path, selection_id: int, scheme: Scheme) -> None:
    """Rows the services rarely or never write, straight into the file: the loader must still
    read them as they are (an old scheme's assessors, a decimal, a TH)."""
    connection = sqlite3.connect(path)
    try:
        component_id, ids = _first_component_and_people(connection, selection_id, scheme)
        for pid, assessor, aspect, milli, text, absent in (
            (ids[0], "", "", 71_250, None, 0),  # a decimal
            (ids[1], "", "", None, None, 1),  # TH
            (ids[3], "penilai-lama", "", 64_000, None, 0),  # a second assessor
            (ids[5], "", "", None, None, 0),  # a plain row without a value
        ):
            if not assessor and not aspect:  # in place of the demo's own value
                connection.execute(
                    "DELETE FROM score WHERE participant_id = ? AND component_id = ?"
                    " AND assessor = '' AND aspect = ''",
                    (pid, component_id),
                )
            _insert_score(connection, pid, component_id, assessor, aspect, milli, text, absent)
        connection.execute(
            "UPDATE participant SET ipk = '3.5', priority_group = 2,"
            " affirmation_percent = '10' WHERE id = ?",
            (ids[6],),
        )
        connection.execute("UPDATE participant SET ipk = NULL WHERE id = ?", (ids[7],))
        connection.commit()
    finally:
        connection.close()


@pytest.fixture(params=["cpns-2024", "pppk-2024", "binjai-kompetensi"])
def selection(
    request: pytest.FixtureRequest, tmp_path: Path, new_database: Callable[[Path], Database]
) -> tuple[Database, int, Scheme]:
    path = tmp_path / "seleksi.db"
    db = new_database(path)
    request.addfinalizer(db.close)
    info = create_demo(db, ADMIN, request.param, participants=240, seed=11)
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, info.id)
    _rare_shapes(path, info.id, scheme)
    return db, info.id, scheme


def test_every_stage_ranks_as_the_reference_on_rows_read_one_by_one(
    selection: tuple[Database, int, Scheme],
) -> None:
    db, selection_id, scheme = selection
    candidates = _reference_candidates(db.path, selection_id, scheme)
    with db.reading() as connection:
        quotas = load_quotas(connection, selection_id)
    reference = rank_selection(scheme, quotas, candidates)
    formations = sorted(quotas)[:2]
    for stage in scheme.stages:
        with isolated():
            ranked = compute_ranking(db, selection_id, stage.code)
            assert ranked.rows == reference[stage.code].rows
            for formation in formations:
                alone = compute_ranking(db, selection_id, stage.code, formation)
                expected = [r for r in reference[stage.code].rows if r.formation == formation]
                assert alone.rows == expected


def test_candidates_are_the_rows_read_one_by_one(selection: tuple[Database, int, Scheme]) -> None:
    db, selection_id, scheme = selection
    # Also an aspect on a component without a rubric, which the rules cannot weigh: the
    # loader hands it over as it is.
    connection = sqlite3.connect(db.path)
    try:
        component_id, ids = _first_component_and_people(connection, selection_id, scheme)
        _insert_score(connection, ids[4], component_id, "", "LAMA", 80_000, None, 0)
        connection.commit()
    finally:
        connection.close()
    expected = _reference_candidates(db.path, selection_id, scheme)
    with db.reading() as connection:
        _scheme, ids = scheme_of_selection(connection, selection_id)
        loaded = load_candidates(connection, selection_id, scheme, ids, scheme.last_stage.code)
    assert len(loaded) == len(expected)
    by_number = {c.number: c for c in loaded}
    for candidate in expected:
        found = by_number[candidate.number]
        assert (found.name, found.formation, found.birth_date, found.ipk) == (
            candidate.name,
            candidate.formation,
            candidate.birth_date,
            candidate.ipk,
        )
        assert (found.priority_group, found.affirmation_percent) == (
            candidate.priority_group,
            candidate.affirmation_percent,
        )
        assert sorted(found.marks) == sorted(candidate.marks)
        # A single plain entry may come as a bare number: the rules read both alike.
        entries = {
            code: value if isinstance(value, list) else [value]
            for code, value in found.entries.items()
        }
        assert entries == candidate.entries
