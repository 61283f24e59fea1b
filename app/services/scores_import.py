"""Importing scores, long form or wide form; all-or-nothing with every bad row reported.

Long form: ``nomor_peserta, komponen, nilai[, penilai]``. Wide form: ``nomor_peserta[, penilai]``
plus one column per component code. A component may also be named with a rubric aspect,
``PRAKTIK.TEKNIS``. Re-importing a value for the same participant, component, assessor (and
aspect) replaces it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from app.bulk import collector_paused
from app.clock import utc_now
from app.messages import t
from app.scoring import Component, Scheme, ValueProblem, check_value, rank_selection_fast, to_milli

from .actor import Actor
from .backups import automatic_backup
from .candidates import load_candidates, load_quotas
from .changes import SCORES
from .database import Database
from .door import permit, write
from .errors import ImportRejected
from .finalization import locked_rows
from .participants_import import ImportSummary, open_table, record_import
from .permissions import Action
from .replay import imported_values_detail
from .schemes import SchemeIds, scheme_of_selection
from .tabular import CellError, parse_decimal

ABSENT_WORDS = frozenset({"TH"})


@dataclass(frozen=True, slots=True)
class ScoreValue:
    """One value ready to store: exactly one of milli/text/absent is meaningful."""

    participant_id: int
    component_id: int
    assessor: str
    aspect: str
    milli: int | None
    text: str | None
    absent: bool


def parse_score_text(
    component: Component, text: str, aspect: str = ""
) -> tuple[int | None, str | None, bool]:
    """(milli, text, absent) for a typed value, or ``ValueProblem`` naming what is wrong."""
    cleaned = text.strip()
    if cleaned.upper() in ABSENT_WORDS:
        if aspect:
            raise ValueProblem("value.absent_on_aspect")
        return None, None, True
    if not component.is_numeric:
        return None, str(check_value(component, cleaned)), False
    try:
        number = parse_decimal(cleaned)
    except ValueError as error:
        raise ValueProblem("value.not_number") from error
    checked = check_value(component, number)
    assert isinstance(checked, Decimal)
    return to_milli(checked), None, False


def assessor_key(component: Component, assessor: str) -> str:
    return assessor if component.assessors > 1 else ""


@collector_paused()
def import_scores(
    db: Database,
    actor: Actor,
    selection_id: int,
    path: Path,
    *,
    columns: Mapping[str, str] | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Add or replace scores; ``dry_run`` checks every row (the stage cut too) without writing."""
    permit(db, actor, Action.IMPORT_SCORES, selection_id)
    if not dry_run:
        automatic_backup(db, "impor-nilai")  # DESIGN §6: a copy before every import
    table = open_table(path, ("nomor_peserta",), columns)
    headers = table.headers
    long_form = "komponen" in headers or "nilai" in headers
    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
        participants: dict[str, int] = {}
        formation_of: dict[str, str] = {}
        for number, participant_id, formation in connection.execute(
            "SELECT p.number, p.id, f.code FROM participant p"
            " JOIN formation f ON f.id = p.formation_id WHERE p.selection_id = ?",
            (selection_id,),
        ):
            participants[number] = participant_id
            formation_of[number] = formation
    errors: list[CellError] = []
    values: list[ScoreValue] = []
    targets: list[tuple[int, str, str | None]] = []  # (row, participant number, component code)
    if long_form:
        for column in ("komponen", "nilai"):
            if column not in headers:
                errors.append(CellError(1, column, "import.missing_column", {}))
        if errors:
            raise ImportRejected(path.name, errors)
        columns = None
    else:
        columns = _wide_columns(scheme, headers, errors)
        if errors:
            raise ImportRejected(path.name, errors)
    seen: dict[tuple[int, int, str, str], int] = {}
    # An assessor gives a whole value or aspect values, never both (one person, one score).
    forms: dict[tuple[int, int, str], tuple[bool, int]] = {}
    has_assessor = "penilai" in headers
    for row_number, cells in table.rows:
        number = cells.get("nomor_peserta", "")
        participant_id = participants.get(number)
        if participant_id is None:
            errors.append(
                CellError(
                    row_number, "nomor_peserta", "import.unknown_participant", {"value": number}
                )
                if number
                else CellError(row_number, "nomor_peserta", "import.required", {})
            )
            continue
        assessor = " ".join(cells.get("penilai", "").split()) if has_assessor else ""
        if long_form:
            name = cells.get("komponen", "")
            pairs = [(name, "komponen", cells.get("nilai", ""))]
        else:
            assert columns is not None
            pairs = [(code, header, cells.get(header, "")) for header, code in columns.items()]
        for name, field, text in pairs:
            if not long_form and not text:
                continue
            resolved = _resolve(scheme, name)
            if resolved is None:
                errors.append(
                    CellError(row_number, field, "import.unknown_component", {"value": name})
                )
                continue
            component, aspect = resolved
            value_field = "nilai" if long_form else field
            if long_form and not text:
                errors.append(CellError(row_number, "nilai", "import.required", {}))
                continue
            if component.double_entry:
                # Two people must type such a value independently; one file cannot.
                errors.append(
                    CellError(
                        row_number,
                        value_field,
                        "import.double_entry",
                        {"component": component.code},
                    )
                )
                continue
            if component.assessors > 1 and not assessor:
                errors.append(
                    CellError(
                        row_number,
                        "penilai",
                        "import.assessor_required",
                        {"component": component.code, "count": component.assessors},
                    )
                )
                continue
            try:
                milli, category, absent = parse_score_text(component, text, aspect)
            except ValueProblem as problem:
                errors.append(
                    CellError(
                        row_number,
                        value_field,
                        "import.bad_value",
                        {"value": text, "reason": t(problem.message, problem.params)},
                    )
                )
                continue
            component_id = ids.components[component.code]
            # A single-assessor component keeps one value per participant whoever typed it; the
            # assessor's name only tells several assessors apart.
            key = (participant_id, component_id, assessor_key(component, assessor), aspect)
            if key in seen:
                errors.append(
                    CellError(row_number, value_field, "import.duplicate_score", {"row": seen[key]})
                )
                continue
            if component.aspects:
                form = forms.setdefault(key[:3], (bool(aspect), row_number))
                if form[0] != bool(aspect):
                    errors.append(
                        CellError(
                            row_number, value_field, "import.whole_and_aspects", {"row": form[1]}
                        )
                    )
                    continue
            seen[key] = row_number
            values.append(
                ScoreValue(participant_id, component_id, key[2], aspect, milli, category, absent)
            )
            targets.append((row_number, number, component.code))
    if not table.rows:
        errors.append(CellError(0, "", "import.no_rows", {}))
    if errors:
        raise ImportRejected(path.name, errors)
    try:
        with write(db, actor, Action.IMPORT_SCORES, selection_id, kinds=[SCORES]) as action:
            connection = action.connection
            updated = store_scores(connection, actor, values, scheme, ids)
            # Only the formations of the participants this file scored can move.
            action.touch_formations(*{formation_of[number] for _, number, _ in targets})
            record_import(
                connection,
                actor,
                selection_id,
                "scores",
                path,
                values[: len(values) - updated],
                values[len(values) - updated :],
                # Every value written, for the audit replay (``audit verify``).
                detail=imported_values_detail(
                    values,
                    {pid: number for number, pid in participants.items()},
                    {cid: code for code, cid in ids.components.items()},
                ),
            )
            # Checked after writing, inside the same transaction: the cut then already counts
            # this file's own earlier-stage scores, and cannot change before the commit.
            errors.extend(_stage_not_reached(connection, selection_id, scheme, ids, targets))
            # A finalized stage and formation is read-only: every such row is named (issue 5).
            errors.extend(locked_rows(connection, selection_id, scheme, targets))
            if errors:
                raise ImportRejected(path.name, errors)
            if dry_run:
                raise _DryRun(ImportSummary(added=len(values) - updated, updated=updated))
    except _DryRun as dry:
        return dry.summary
    return ImportSummary(added=len(values) - updated, updated=updated, changes=action.changes)


class _DryRun(Exception):
    """Leaves the transaction by rolling it back, carrying what would have been done."""

    def __init__(self, summary: ImportSummary):
        super().__init__("dry run")
        self.summary = summary


def _wide_columns(scheme: Scheme, headers: list[str], errors: list[CellError]) -> dict[str, str]:
    columns = {}
    for header in headers:
        if header in ("nomor_peserta", "penilai", "nama", "kode_formasi", ""):
            continue
        code = header.upper()
        if _resolve(scheme, code) is None:
            errors.append(CellError(1, header, "import.unknown_component", {"value": header}))
        else:
            columns[header] = code
    if not columns and not errors:
        errors.append(CellError(1, "", "import.no_component_columns", {}))
    return columns


def _resolve(scheme: Scheme, name: str) -> tuple[Component, str] | None:
    """A component code, or ``COMPONENT.ASPECT`` for one rubric aspect."""
    code, _, aspect = name.strip().upper().partition(".")
    try:
        _stage, component = scheme.find_component(code)
    except KeyError:
        return None
    if aspect and aspect not in {a.code for a in component.aspects}:
        return None
    return component, aspect


def _stage_not_reached(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    targets: list[tuple[int, str, str | None]],
) -> list[CellError]:
    """Scores for a stage a participant has not reached are refused (issue #2)."""
    later = {}
    for index, stage in enumerate(scheme.stages[1:], start=1):
        for component in stage.components:
            later[component.code] = index
    wanted = [(row, number, code) for row, number, code in targets if code in later]
    if not wanted:
        return []
    quotas = load_quotas(connection, selection_id)
    last_needed = max(later[t[2]] for t in wanted) - 1
    previous_code = scheme.stages[last_needed].code
    candidates = load_candidates(connection, selection_id, scheme, ids, previous_code)
    results = rank_selection_fast(scheme, quotas, candidates, upto=previous_code)
    rows_by_stage = {code: result.by_number() for code, result in results.items()}
    errors = []
    for row_number, number, code in wanted:
        stage_index = later[code]
        before = scheme.stages[stage_index - 1]
        row = rows_by_stage[before.code].get(number)
        if row is None or not row.status.goes_on:
            errors.append(
                CellError(
                    row_number,
                    "nomor_peserta",
                    "import.stage_not_reached",
                    {
                        "value": number,
                        "stage": scheme.stages[stage_index].code,
                        "previous": before.code,
                        "code": (row.code or row.note) if row is not None else "-",
                    },
                )
            )
    return errors


def store_scores(
    connection: sqlite3.Connection,
    actor: Actor,
    values: list[ScoreValue],
    scheme: Scheme,
    ids: SchemeIds,
) -> int:
    """Upsert values; a whole value and aspect values of one assessor exclude each other.

    Returns how many values replaced an earlier one.
    """
    if not values:
        return 0
    now = utc_now().isoformat(sep=" ")
    with_aspects = {
        ids.components[c.code] for stage in scheme.stages for c in stage.components if c.aspects
    }
    clear_whole = [
        (v.participant_id, v.component_id, v.assessor)
        for v in values
        if v.component_id in with_aspects and v.aspect
    ]
    clear_aspects = [
        (v.participant_id, v.component_id, v.assessor)
        for v in values
        if v.component_id in with_aspects and not v.aspect
    ]
    # Counted before the deletes: ``before - deleted`` is then what the inserts start from.
    before = connection.execute("SELECT count(*) FROM score").fetchone()[0]
    deleted = 0
    if clear_whole:
        deleted += connection.executemany(
            "DELETE FROM score WHERE participant_id = ? AND component_id = ? AND assessor = ?"
            " AND aspect = ''",
            clear_whole,
        ).rowcount
    if clear_aspects:
        deleted += connection.executemany(
            "DELETE FROM score WHERE participant_id = ? AND component_id = ? AND assessor = ?"
            " AND aspect <> ''",
            clear_aspects,
        ).rowcount
    connection.executemany(
        "INSERT INTO score (participant_id, component_id, assessor, aspect,"
        " value_milli, value_text, absent, entered_by, entered_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (participant_id, component_id, assessor, aspect) DO UPDATE SET"
        " value_milli = excluded.value_milli, value_text = excluded.value_text,"
        " absent = excluded.absent, entered_by = excluded.entered_by,"
        " entered_at = excluded.entered_at",
        # A generator: 300k parameter tuples need not exist at once.
        (
            (
                v.participant_id,
                v.component_id,
                v.assessor,
                v.aspect,
                v.milli,
                v.text,
                v.absent,
                actor.name,
                now,
            )
            for v in values
        ),
    )
    after = connection.execute("SELECT count(*) FROM score").fetchone()[0]
    inserted = after - (before - deleted)
    return len(values) - inserted
