"""Importing scores, long form or wide form; all-or-nothing with every bad row reported.

Long form: ``nomor_peserta, komponen, nilai[, penilai]``. Wide form: ``nomor_peserta[, penilai]``
plus one column per component code. A component may also be named with a rubric aspect,
``PRAKTIK.TEKNIS``. Re-importing a different value for the same participant, component,
assessor (and aspect) replaces it only when the import may replace stored values (``replace``
with a reason, ``app.services.replacing``); each replaced sheet row is audited like a typed
correction, and a value equal to the stored one is left as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from app.bulk import collector_paused
from app.clock import utc_now
from app.messages import t
from app.scoring import Component, Scheme, ValueProblem, check_value, rank_selection_fast, to_milli
from app.scoring.score_rows import StoredRow, display

from .actor import Actor
from .backups import automatic_backup
from .candidates import load_candidates, load_quotas
from .changes import SCORES
from .database import Database
from .door import permit, write
from .errors import ImportRejected
from .finalization import locked_rows
from .participants_import import ImportSummary, name_problems, open_table, record_import
from .permissions import Action
from .replacing import (
    Replacement,
    Replacements,
    allow_replacements,
    changed_meanwhile,
    check_reason,
)
from .replay import imported_values_detail
from .revisions import insert_stamped, read_revisions
from .schemes import SchemeIds, scheme_of_selection
from .tabular import CellError, Table, parse_decimal

ABSENT_WORDS = frozenset({"TH"})


class ScoreValue(NamedTuple):
    """One value ready to store: exactly one of milli/text/absent is meaningful; ``row`` and
    ``field`` say where in the file it was. A named tuple: a file makes 300k of them, and a
    frozen dataclass takes four times as long to make."""

    participant_id: int
    component_id: int
    assessor: str
    aspect: str
    milli: int | None
    text: str | None
    absent: bool
    row: int = 0
    field: str = ""

    def stored(self) -> StoredRow:
        return StoredRow(self.aspect, self.milli, self.text, self.absent)


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


SheetKey = tuple[int, int, str]
"""(participant id, component id, assessor key): one sheet row of the score table."""


@collector_paused()
def import_scores(
    db: Database,
    actor: Actor,
    selection_id: int,
    path: Path,
    *,
    columns: Mapping[str, str] | None = None,
    dry_run: bool = False,
    replace: bool = False,
    reason: str = "",
    expected: str | None = None,
) -> ImportSummary:
    """Add scores, and replace stored ones where the file differs.

    A stored value is replaced only with ``replace`` and a ``reason`` (``expected``: the
    ``basis`` of the dry run the user confirmed), and each such sheet row is audited like a
    typed correction; ``dry_run`` checks every row (the stage cut too) without writing.
    """
    permit(db, actor, Action.IMPORT_SCORES, selection_id)
    check_reason(replace, reason)
    if not dry_run:
        automatic_backup(db, "impor-nilai")  # DESIGN §6: a copy before every import
    with db.reading() as snapshot:
        # The snapshot begins before the file is read: what it holds is what the import may
        # replace, and anything saved later is found in the write lock (issue #9).
        stamps = read_revisions(snapshot, selection_id)
        table = open_table(path, ("nomor_peserta",), columns)
        scheme, ids = scheme_of_selection(snapshot, selection_id)
        participants: dict[str, int] = {}
        formation_of: dict[str, str] = {}
        formation_id_of: dict[int, int] = {}  # participant id → formation id
        for number, participant_id, formation, formation_id in snapshot.execute(
            "SELECT p.number, p.id, f.code, f.id FROM participant p"
            " JOIN formation f ON f.id = p.formation_id WHERE p.selection_id = ?",
            (selection_id,),
        ):
            participants[number] = participant_id
            formation_of[number] = formation
            formation_id_of[participant_id] = formation_id
        values, targets = _checked_values(table, scheme, ids, participants)
        sha256 = table.sha256
        del table
        sheet_rows = _sheet_rows(values)
        before = _stored_rows(snapshot, sheet_rows)
    codes = {component_id: code for code, component_id in ids.components.items()}
    plan = _plan(values, targets, sheet_rows, before, codes, sha256)
    summary = ImportSummary(
        added=plan.added,
        updated=plan.updated,
        unchanged=plan.unchanged,
        replacements=tuple(plan.found.listed),
        replaced=plan.found.count,
        basis=plan.found.basis,
    )
    try:
        with write(db, actor, Action.IMPORT_SCORES, selection_id, kinds=[SCORES]) as action:
            connection = action.connection
            if not dry_run and read_revisions(connection, selection_id) != stamps:
                moved = _moved(
                    connection,
                    selection_id,
                    participants,
                    values,
                    targets,
                    sheet_rows,
                    before,
                    codes,
                )
                if moved:
                    raise changed_meanwhile(path.name, moved, len(moved))
            written = list(_fresh(values, sheet_rows, before))
            store_scores(connection, actor, plan, values, written, formation_id_of)
            # Checked after writing, inside the same transaction: the cut then already counts
            # this file's own earlier-stage scores, and cannot change before the commit.
            errors = _stage_not_reached(connection, selection_id, scheme, ids, targets)
            # A finalized stage and formation is read-only: every such row is named (issue 5).
            errors.extend(locked_rows(connection, selection_id, scheme, targets))
            if errors:
                raise ImportRejected(path.name, errors)
            if dry_run:
                raise _DryRun(summary)
            # Asked only now: a row that may not be written at all is named first, and a
            # "use --replace" would not help it.
            allow_replacements(path.name, plan.found, replace=replace, expected=expected)
            for key, index, old, new in plan.replaced_rows:
                action.audit(
                    "score.replaced",
                    entity="score",
                    key=_score_key(codes[key[1]], key[2]),
                    participant=targets[index][1],
                    old=_rows_json(old),
                    new=_rows_json(new),
                    reason=reason,
                )
            # Only the formations of the participants this file scored can move.
            action.touch_formations(*{formation_of[number] for _, number, _ in targets})
            record_import(
                connection,
                actor,
                selection_id,
                "scores",
                path,
                sha256,
                plan.added,
                plan.updated,
                reason,
                # Every value written, for the audit replay (``audit verify``); a value equal
                # to the stored one was not written and is not claimed.
                detail=imported_values_detail(
                    [values[i] for i in written],
                    {pid: number for number, pid in participants.items()},
                    codes,
                ),
            )
    except _DryRun as dry:
        return dry.summary
    return ImportSummary(
        added=summary.added,
        updated=summary.updated,
        changes=action.changes,
        unchanged=summary.unchanged,
        replacements=summary.replacements,
        replaced=summary.replaced,
        basis=summary.basis,
    )


def _checked_values(
    table: Table, scheme: Scheme, ids: SchemeIds, participants: dict[str, int]
) -> tuple[list[ScoreValue], list[tuple[int, str, str | None]]]:
    """Every value of the file, checked against the scheme; or the file rejected with every
    bad row named. Also (row, participant number, component code) of each value."""
    headers = table.headers
    long_form = "komponen" in headers or "nilai" in headers
    errors: list[CellError] = []
    values: list[ScoreValue] = []
    targets: list[tuple[int, str, str | None]] = []  # (row, participant number, component code)
    columns: dict[str, str] | None = None
    if long_form:
        for column in ("komponen", "nilai"):
            if column not in headers:
                errors.append(CellError(1, column, "import.missing_column", {}))
    else:
        columns = _wide_columns(scheme, headers, errors)
    if errors:
        raise ImportRejected(table.path.name, errors)
    seen: dict[tuple[int, int, str, str], int] = {}
    # An assessor gives a whole value or aspect values, never both (one person, one score).
    forms: dict[tuple[int, int, str], tuple[bool, int]] = {}
    has_assessor = "penilai" in headers
    # A file repeats a few component names and a few hundred value texts: each is resolved
    # and parsed once (the result, or the problem, is the same every time it comes back).
    resolved_names: dict[str, tuple[Component, str] | None] = {}
    parsed: dict[tuple[str, str, str], tuple[int | None, str | None, bool] | ValueProblem] = {}
    wide = [] if columns is None else [(code, header) for header, code in columns.items()]
    for row_number, cells in table.rows:
        number = cells.get("nomor_peserta", "")
        participant_id = participants.get(number)
        if participant_id is None:
            errors.append(
                CellError(
                    row_number,
                    "nomor_peserta",
                    "import.unknown_participant",
                    {"value": number[:40]},
                )
                if number
                else CellError(row_number, "nomor_peserta", "import.required", {})
            )
            continue
        assessor = " ".join(cells.get("penilai", "").split()) if has_assessor else ""
        if assessor:
            assessor_problems = name_problems(assessor, row_number, "penilai")
            if assessor_problems:
                errors.extend(assessor_problems)
                continue
        if long_form:
            pairs = [(cells.get("komponen", ""), "komponen", cells.get("nilai", ""))]
        else:
            pairs = [(code, header, cells.get(header, "")) for code, header in wide]
        for name, field, text in pairs:
            if not long_form and not text:
                continue
            if name in resolved_names:
                resolved = resolved_names[name]
            else:
                resolved = resolved_names[name] = _resolve(scheme, name)
            if resolved is None:
                errors.append(
                    CellError(
                        row_number,
                        field,
                        "import.unknown_component",
                        {"value": name[:40], "choices": component_choices(scheme)},
                    )
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
            text_key = (component.code, aspect, text)
            result = parsed.get(text_key)
            if result is None:
                try:
                    result = parse_score_text(component, text, aspect)
                except ValueProblem as problem:
                    result = problem
                parsed[text_key] = result
            if isinstance(result, ValueProblem):
                errors.append(
                    CellError(
                        row_number,
                        value_field,
                        "import.bad_value",
                        {"value": text[:40], "reason": t(result.message, result.params)},
                    )
                )
                continue
            milli, category, absent = result
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
                ScoreValue(
                    participant_id,
                    component_id,
                    key[2],
                    aspect,
                    milli,
                    category,
                    absent,
                    row_number,
                    value_field,
                )
            )
            targets.append((row_number, number, component.code))
    if not table.rows:
        errors.append(CellError(0, "", "import.no_rows", {}))
    if errors:
        raise ImportRejected(table.path.name, errors)
    return values, targets


def _sheet_rows(values: list[ScoreValue]) -> dict[SheetKey, int | list[int]]:
    """The file's values by sheet row: the index into ``values`` of its one value (nearly
    every sheet row has one), or the indices of its aspect values, in file order."""
    rows: dict[SheetKey, int | list[int]] = {}
    for index, value in enumerate(values):
        key = (value.participant_id, value.component_id, value.assessor)
        held = rows.get(key)
        if held is None:
            rows[key] = index
        elif isinstance(held, int):
            rows[key] = [held, index]
        else:
            held.append(index)
    return rows


def _indices(held: int | list[int]) -> list[int]:
    return [held] if isinstance(held, int) else held


def _stored_rows(
    connection: sqlite3.Connection, sheet_rows: dict[SheetKey, int | list[int]]
) -> dict[SheetKey, tuple[StoredRow, ...]]:
    """The stored values of the sheet rows the file writes, by aspect.

    Equal values share one object (a re-imported file of 300k values holds a few hundred
    distinct ones), so the comparison costs about a dict entry per sheet row.
    """
    components = sorted({key[1] for key in sheet_rows})
    stored: dict[SheetKey, tuple[StoredRow, ...]] = {}
    shared: dict[tuple[str, int | None, str | None, bool], tuple[StoredRow]] = {}
    for start in range(0, len(components), 500):
        chunk = components[start : start + 500]
        rows = connection.execute(
            "SELECT participant_id, component_id, assessor, aspect, value_milli, value_text,"
            f" absent FROM score WHERE component_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        for participant_id, component_id, assessor, aspect, milli, text, absent in rows:
            key = (participant_id, component_id, assessor)
            if key not in sheet_rows:
                continue
            value = (aspect, milli, text, bool(absent))
            single = shared.get(value)
            if single is None:
                single = shared[value] = (StoredRow(*value),)
            held = stored.get(key)
            stored[key] = (
                single if held is None else tuple(sorted((*held, *single), key=_by_aspect))
            )
    return stored


def _by_aspect(row: StoredRow) -> str:
    return row.aspect


def _after(
    old: tuple[StoredRow, ...], new: list[StoredRow]
) -> tuple[tuple[StoredRow, ...], list[StoredRow], list[StoredRow]]:
    """A sheet row after the file's values: (all its rows, the stored ones that go, the new
    ones that come). A whole value (or TH) replaces everything of its sheet row; aspect
    values replace the same aspects and a whole value or TH, and keep the other aspects."""
    if new[0].aspect:
        given = {row.aspect for row in new}
        kept = [row for row in old if row.aspect and row.aspect not in given]
        after = tuple(sorted([*kept, *new], key=_by_aspect))
    else:
        after = (new[0],)
    return after, [row for row in old if row not in after], [row for row in new if row not in old]


@dataclass(slots=True)
class _Plan:
    """What the import changes, beyond what it adds to empty sheet rows: the stored rows
    that go, the sheet rows that lose some (for the audit), the counts and replacements."""

    found: Replacements
    removed: list[tuple[SheetKey, StoredRow]]
    replaced_rows: list[tuple[SheetKey, int, tuple[StoredRow, ...], tuple[StoredRow, ...]]]
    added: int = 0
    updated: int = 0
    unchanged: int = 0


def _plan(
    values: list[ScoreValue],
    targets: list[tuple[int, str, str | None]],
    sheet_rows: dict[SheetKey, int | list[int]],
    before: dict[SheetKey, tuple[StoredRow, ...]],
    codes: dict[int, str],
    sha256: str,
) -> _Plan:
    """Compare the file with the stored rows, sheet row by sheet row (``_after``).

    A value equal to the stored one changes nothing; a sheet row that loses a stored row is
    a replacement, its new values counted as updated as far as they take a stored row's place.
    """
    plan = _Plan(Replacements(sha256), [], [])
    for key, held in sheet_rows.items():
        old = before.get(key)
        if old is None:  # nothing stored: every value is new (the first import's case)
            plan.added += 1 if isinstance(held, int) else len(held)
            continue
        indices = _indices(held)
        after, removed, fresh = _after(old, [values[i].stored() for i in indices])
        plan.unchanged += len(indices) - len(fresh)
        if not removed:
            plan.added += len(fresh)
            continue
        # A new value that takes a stored one's place is an update; one more (another
        # aspect beside it) is an addition, so the count of rows never grows by more than
        # ``added``.
        replacing = min(len(fresh), len(removed))
        plan.updated += replacing
        plan.added += len(fresh) - replacing
        first = values[indices[0]]
        plan.removed.extend((key, row) for row in removed)
        plan.replaced_rows.append((key, indices[0], old, after))
        plan.found.add(
            Replacement(
                first.row,
                first.field,
                targets[indices[0]][1],
                _subject(codes[key[1]], key[2]),
                _rows_text(old),
                _rows_text(after),
            )
        )
    return plan


def _fresh(
    values: list[ScoreValue],
    sheet_rows: dict[SheetKey, int | list[int]],
    before: dict[SheetKey, tuple[StoredRow, ...]],
) -> Iterator[int]:
    """The index of every value of the file that is not stored yet (as ``_after`` decides)."""
    for key, held in sheet_rows.items():
        old = before.get(key)
        indices = _indices(held)
        if old is None:
            yield from indices
            continue
        fresh = _after(old, [values[i].stored() for i in indices])[2]
        yield from (i for i in indices if values[i].stored() in fresh)


def _subject(code: str, assessor: str) -> str:
    return f"{code} ({assessor})" if assessor else code


def _rows_text(rows: tuple[StoredRow, ...]) -> str:
    """A sheet row's values as a line of a listing: ``77``, or ``SIKAP 80; TEKNIS 90``."""
    return "; ".join(f"{r.aspect} {display(r)}" if r.aspect else display(r) for r in rows)


def _moved(
    connection: sqlite3.Connection,
    selection_id: int,
    participants: dict[str, int],
    values: list[ScoreValue],
    targets: list[tuple[int, str, str | None]],
    sheet_rows: dict[SheetKey, int | list[int]],
    before: dict[SheetKey, tuple[StoredRow, ...]],
    codes: dict[int, str],
) -> list[Replacement]:
    """What another writer saved, since the snapshot, in a sheet row this file writes (or a
    participant of the file removed meanwhile); called only when the stamps moved."""
    now_ids = dict(
        connection.execute(
            "SELECT number, id FROM participant WHERE selection_id = ?", (selection_id,)
        ).fetchall()
    )
    in_file = {key[0] for key in sheet_rows}
    moved = [
        Replacement(0, "nomor_peserta", number, "nomor_peserta", number, "")
        for number, participant_id in participants.items()
        if participant_id in in_file and now_ids.get(number) != participant_id
    ]
    now = _stored_rows(connection, sheet_rows)
    for key, held in sheet_rows.items():
        then, later = before.get(key, ()), now.get(key, ())
        if then == later:
            continue
        indices = _indices(held)
        _after_rows, removed, fresh = _after(then, [values[i].stored() for i in indices])
        if not removed and not fresh:
            continue  # the file wrote nothing here: what was saved meanwhile is not in its way
        first = values[indices[0]]
        moved.append(
            Replacement(
                first.row,
                first.field,
                targets[indices[0]][1],
                _subject(codes[key[1]], key[2]),
                _rows_text(then),
                _rows_text(later),
            )
        )
    return moved


def store_scores(
    connection: sqlite3.Connection,
    actor: Actor,
    plan: _Plan,
    values: list[ScoreValue],
    written: list[int],
    formation_of: Mapping[int, int],
) -> None:
    """Remove the stored rows that go, then add the new values (``written``, indices into
    ``values``); unchanged rows stay untouched, with who entered them and when.

    ``formation_of`` (participant id → formation id) says which formations' stamps the new
    rows move (``revisions.insert_stamped``); a removed row moves its own through the delete
    trigger, as before.
    """
    if plan.removed:
        connection.executemany(
            "DELETE FROM score WHERE participant_id = ? AND component_id = ? AND assessor = ?"
            " AND aspect = ?",
            ((*key, row.aspect) for key, row in plan.removed),
        )
    now = utc_now().isoformat(sep=" ")
    name = actor.name
    chosen = [values[i] for i in written]
    insert_stamped(
        connection,
        "score",
        SCORE_COLUMNS,
        # A generator: 300k parameter rows need not exist at once.
        # The value's first seven fields are the score's columns, in order.
        ((*v[:7], name, now) for v in chosen),
        [formation_of[v.participant_id] for v in chosen],
    )


SCORE_COLUMNS = (
    "participant_id",
    "component_id",
    "assessor",
    "aspect",
    "value_milli",
    "value_text",
    "absent",
    "entered_by",
    "entered_at",
)


def _score_key(component: str, assessor: str) -> str:
    """How the audit trail names one assessor's score of one component (``sheets.score_key``;
    the sheets module builds on this one, so the two lines are repeated here)."""
    return f"{component}|{assessor}" if assessor else component


def _rows_json(rows: tuple[StoredRow, ...]) -> list[dict[str, object]]:
    """Rows as the audit trail keeps them (``sheets.rows_as_json``)."""
    return [{"aspect": r.aspect, "value": display(r)} for r in rows]


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
            errors.append(
                CellError(
                    1,
                    header,
                    "import.unknown_component",
                    {"value": header, "choices": component_choices(scheme)},
                )
            )
        else:
            columns[header] = code
    if not columns and not errors:
        errors.append(CellError(1, "", "import.no_component_columns", {}))
    return columns


def component_choices(scheme: Scheme) -> str:
    """The codes a score file may name, to list them where an unknown one is refused:
    ``TWK, TIU, …, PRAKTIK (aspek PRAKTIK.TEKNIS, …)``."""
    parts = []
    for stage in scheme.stages:
        for component in stage.components:
            aspects = ", ".join(f"{component.code}.{a.code}" for a in component.aspects)
            parts.append(f"{component.code} ({aspects})" if aspects else component.code)
    return ", ".join(parts)


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
    results = rank_selection_fast(scheme, quotas, candidates, upto=previous_code, explain=())
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
