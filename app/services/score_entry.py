"""Entering scores one value at a time, as an assessor or an operator typing a paper sheet.

Every save is its own transaction and returns what it replaced, so the window can undo it
(and the undo is saved the same way). Values are checked by the same rules as imports.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from app.clock import utc_now
from app.scoring import (
    Component,
    Scheme,
    Stage,
    ValueProblem,
    format_score,
    rank_selection_fast,
)

from .actor import Actor
from .audit import record
from .backups import periodic_backup
from .candidates import load_candidates, load_quotas
from .database import Database, raw_connection
from .errors import PermissionDenied, UserError
from .finalization import ensure_participant_unlocked, ensure_unlocked
from .schemes import SchemeIds, scheme_of_selection
from .scores_import import assessor_key, parse_score_text

ABSENT_INPUTS = frozenset({"TH", "T"})


@dataclass(frozen=True, slots=True)
class SheetColumn:
    """One typed column: a rubric aspect (``key`` is its code) or the whole value (``""``)."""

    key: str
    title: str
    minimum: Decimal
    maximum: Decimal
    step: Decimal


@dataclass(slots=True)
class SheetRow:
    participant_id: int
    number: str
    name: str
    formation: str
    values: dict[str, str]
    absent: bool
    # What the database held when the row was read: a save passes it as ``expected``, so a
    # value another laptop saved meanwhile is never overwritten unseen.
    stored: tuple[StoredRow, ...] = ()

    def complete(self, columns: list[SheetColumn]) -> bool:
        """Absent, a whole value (also for a rubric: imports may give one), or every aspect."""
        return (
            self.absent or bool(self.values.get("")) or all(self.values.get(c.key) for c in columns)
        )


@dataclass(slots=True)
class Sheet:
    """A score sheet: participants of a stage (one formation or all) for one assessor."""

    stage: str
    component: Component
    assessor: str
    columns: list[SheetColumn]
    rows: list[SheetRow]

    @property
    def filled(self) -> int:
        return sum(1 for row in self.rows if row.complete(self.columns))


@dataclass(frozen=True, slots=True)
class StoredRow:
    aspect: str
    milli: int | None
    text: str | None
    absent: bool


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """What one save did: the assessor's rows for that participant before and after."""

    selection_id: int
    participant_no: str
    component: str
    assessor: str
    before: tuple[StoredRow, ...]
    after: tuple[StoredRow, ...]


def sheet_columns(component: Component) -> list[SheetColumn]:
    if component.aspects:
        return [
            SheetColumn(a.code, a.name, component.minimum, component.maximum, component.step)
            for a in component.aspects
        ]
    return [SheetColumn("", component.name, component.minimum, component.maximum, component.step)]


def display(row: StoredRow) -> str:
    if row.absent:
        return "TH"
    if row.text is not None:
        return row.text
    assert row.milli is not None
    text = format_score(Decimal(row.milli).scaleb(-3))
    return text.rstrip("0").rstrip(".") if "." in text else text


def score_sheet(
    db: Database,
    selection_id: int,
    component_code: str,
    assessor: str = "",
    formation: str | None = None,
) -> Sheet:
    """The participants who take this component's stage, with this assessor's values."""
    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
        stage, component = _component(scheme, component_code)
        key = assessor_key(component, assessor.strip())
        if component.assessors > 1 and not key:
            raise UserError("entry.assessor_required", component=component.code)
        entrants = _entrants(connection, selection_id, scheme, ids, stage, formation)
        params: tuple = (selection_id,)
        where = "p.selection_id = ?"
        if formation is not None:
            where += " AND f.code = ?"
            params += (formation,)
        people = connection.execute(
            "SELECT p.id, p.number, p.name, f.code FROM participant p"
            f" JOIN formation f ON f.id = p.formation_id WHERE {where} ORDER BY f.code, p.number",
            params,
        ).fetchall()
        stored: dict[int, list[StoredRow]] = {}
        for pid, aspect, milli, text, absent in connection.execute(
            "SELECT participant_id, aspect, value_milli, value_text, absent FROM score"
            " WHERE component_id = ? AND assessor = ?",
            (ids.components[component.code], key),
        ):
            stored.setdefault(pid, []).append(StoredRow(aspect, milli, text, bool(absent)))
    rows = []
    for pid, number, name, code in people:
        if entrants is not None and number not in entrants:
            continue
        values: dict[str, str] = {}
        absent = False
        for item in stored.get(pid, ()):
            if item.absent:
                absent = True
            else:
                values[item.aspect] = display(item)
        held = tuple(sorted(stored.get(pid, ()), key=lambda r: r.aspect))
        rows.append(SheetRow(pid, number, name, code, values, absent, held))
    return Sheet(stage.code, component, key, sheet_columns(component), rows)


def _component(scheme: Scheme, code: str) -> tuple[Stage, Component]:
    try:
        return scheme.find_component(code.strip().upper())
    except KeyError:
        raise UserError("import.unknown_component", value=code) from None


def _entrants(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    stage: Stage,
    formation: str | None,
) -> set[str] | None:
    """Numbers admitted to ``stage`` (``None``: everyone, it is the first stage)."""
    index = scheme.stage_index(stage.code)
    if index == 0:
        return None
    previous = scheme.stages[index - 1]
    quotas = load_quotas(connection, selection_id)
    candidates = load_candidates(connection, selection_id, scheme, ids, previous.code, formation)
    result = rank_selection_fast(scheme, quotas, candidates, upto=previous.code)[previous.code]
    return result.admitted()


def save_score(
    db: Database,
    actor: Actor,
    selection_id: int,
    participant_no: str,
    component_code: str,
    text: str,
    *,
    assessor: str = "",
    aspect: str = "",
    reason: str = "",
    expected: tuple[StoredRow, ...] | None = None,
) -> ScoreChange:
    """Store one typed value (``""`` clears it; ``TH``/``T`` records absence) and return
    what it replaced. A whole value and aspect values of one assessor exclude each other.
    The change and its ``reason`` go to the audit trail in the same transaction.

    Replacing or clearing a value already entered needs a ``reason`` (the committee must be
    able to say why a number changed). ``expected`` is what the caller's window showed for
    this participant, component and assessor; if the database holds something else (another
    laptop saved meanwhile) the save is refused and nothing changes, rather than silently
    overwriting a value the user never saw."""
    if actor.role not in ("admin", "operator", "penilai"):
        raise PermissionDenied("permission.denied")
    from .double_entry import save_draft, uses_double_entry  # (it imports this module)

    if uses_double_entry(db, selection_id, component_code):  # two entries, then confirmed
        return save_draft(
            db,
            actor,
            selection_id,
            participant_no,
            component_code,
            text,
            assessor=assessor,
            aspect=aspect,
            reason=reason,
            expected=expected,
        )
    with db.session() as session:
        connection = raw_connection(session)
        scheme, ids = scheme_of_selection(connection, selection_id)
        stage, component = _component(scheme, component_code)
        key = assessor_key(component, assessor.strip())
        if actor.role == "penilai" and component.assessors > 1 and key != actor.assessor_name:
            raise PermissionDenied("entry.own_name_only", name=actor.assessor_name)
        if component.assessors > 1 and not key:
            raise UserError("entry.assessor_required", component=component.code)
        aspect = aspect.strip().upper()
        if aspect and aspect not in {a.code for a in component.aspects}:
            raise UserError("import.unknown_component", value=f"{component.code}.{aspect}")
        row = connection.execute(
            "SELECT p.id, f.code FROM participant p JOIN formation f ON f.id = p.formation_id"
            " WHERE p.selection_id = ? AND p.number = ?",
            (selection_id, participant_no),
        ).fetchone()
        if row is None:
            raise UserError("participant.not_found", value=participant_no)
        participant_id, formation = row
        ensure_unlocked(connection, selection_id, stage.code, formation)  # finalized: read-only
        entrants = _entrants(connection, selection_id, scheme, ids, stage, formation)
        if entrants is not None and participant_no not in entrants:
            raise UserError("entry.stage_not_reached", value=participant_no, stage=stage.code)
        component_id = ids.components[component.code]
        before = _rows(connection, participant_id, component_id, key)
        if expected is not None and not _same_rows(before, expected):
            raise _changed_elsewhere(connection, participant_id, component_id, key)
        cleaned = text.strip()
        if cleaned.upper() in ABSENT_INPUTS:
            cleaned = "TH"
        if not cleaned:
            after = tuple(r for r in before if r.aspect != aspect and not r.absent)
        else:
            try:
                milli, category, absent = parse_score_text(component, cleaned)
            except ValueProblem as problem:
                raise UserError(problem.message, **problem.params) from None
            new = StoredRow("" if absent else aspect, milli, category, absent)
            if absent:
                after = (new,)
            elif aspect:
                after = (*(r for r in before if r.aspect and r.aspect != aspect), new)
            else:
                after = (new,)
        if not reason.strip() and any(r not in after for r in before):
            raise UserError("entry.reason_required")
        _replace(connection, actor, participant_id, component_id, key, after)
        if before != after:
            action = (
                "score.entered"
                if not before
                else "score.cleared"
                if not after
                else "score.replaced"
            )
            record(
                connection,
                actor,
                action,
                selection_id=selection_id,
                entity="score",
                key=score_key(component.code, key),
                participant=participant_no,
                old=_as_json(before),
                new=_as_json(after),
                reason=reason,
            )
    periodic_backup(db)  # DESIGN §6: a copy every 10 minutes while scores are typed
    return ScoreChange(selection_id, participant_no, component.code, key, before, after)


def score_key(component: str, assessor: str) -> str:
    """How the audit trail names one assessor's score of one component."""
    return f"{component}|{assessor}" if assessor else component


def _as_json(rows: tuple[StoredRow, ...]) -> list[dict[str, object]]:
    return [{"aspect": r.aspect, "value": display(r)} for r in rows]


def restore_scores(db: Database, actor: Actor, change: ScoreChange, *, undo: bool = True) -> None:
    """Put back the rows before (``undo``) or after (redo) a change, as a new saved change.

    Only while the database still holds the state the change left (``after`` for an undo,
    ``before`` for a redo): an undo must not wipe a value another laptop saved since. No
    reason is asked: the event is recorded as ``score.undone``/``score.redone``."""
    if actor.role not in ("admin", "operator", "penilai"):
        raise PermissionDenied("permission.denied")
    from .double_entry import restore_draft, uses_double_entry

    if uses_double_entry(db, change.selection_id, change.component):  # a draft's own undo
        return restore_draft(db, actor, change, undo=undo)
    with db.session() as session:
        connection = raw_connection(session)
        scheme, ids = scheme_of_selection(connection, change.selection_id)
        stage, component = _component(scheme, change.component)
        if (
            actor.role == "penilai"
            and component.assessors > 1
            and change.assessor != actor.assessor_name
        ):
            raise PermissionDenied("entry.own_name_only", name=actor.assessor_name)
        row = connection.execute(
            "SELECT id FROM participant WHERE selection_id = ? AND number = ?",
            (change.selection_id, change.participant_no),
        ).fetchone()
        if row is None:
            raise UserError("participant.not_found", value=change.participant_no)
        ensure_participant_unlocked(
            connection, change.selection_id, stage.code, change.participant_no
        )
        component_id = ids.components[component.code]
        held = _rows(connection, row[0], component_id, change.assessor)
        if not _same_rows(held, change.after if undo else change.before):
            raise _changed_elsewhere(connection, row[0], component_id, change.assessor)
        rows = change.before if undo else change.after
        _replace(connection, actor, row[0], component_id, change.assessor, rows)
        record(
            connection,
            actor,
            "score.undone" if undo else "score.redone",
            selection_id=change.selection_id,
            entity="score",
            key=score_key(change.component, change.assessor),
            participant=change.participant_no,
            old=_as_json(change.after if undo else change.before),
            new=_as_json(rows),
        )


def stored_rows(
    db: Database,
    selection_id: int,
    participant_no: str,
    component_code: str,
    assessor: str = "",
) -> tuple[StoredRow, ...]:
    """What the database holds now for one participant, component and assessor: the
    ``expected`` of the next save, e.g. after a refused save made the window reload a row."""
    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
        _stage, component = _component(scheme, component_code)
        row = connection.execute(
            "SELECT id FROM participant WHERE selection_id = ? AND number = ?",
            (selection_id, participant_no),
        ).fetchone()
        if row is None:
            raise UserError("participant.not_found", value=participant_no)
        key = assessor_key(component, assessor.strip())
        return _rows(connection, row[0], ids.components[component.code], key)


def _same_rows(held: tuple[StoredRow, ...], shown: tuple[StoredRow, ...]) -> bool:
    """Equal as sets: one row per aspect, so order is the only thing that may differ."""
    return len(held) == len(shown) and set(held) == set(shown)


def _changed_elsewhere(
    connection: sqlite3.Connection, participant_id: int, component_id: int, assessor: str
) -> UserError:
    """The refusal of a stale save, naming who changed the score last and when."""
    last = connection.execute(
        "SELECT entered_by, entered_at FROM score WHERE participant_id = ? AND component_id = ?"
        " AND assessor = ? ORDER BY entered_at DESC LIMIT 1",
        (participant_id, component_id, assessor),
    ).fetchone()
    if last is None:  # cleared: only the audit trail still knows who did it
        (code,) = connection.execute(
            "SELECT code FROM component WHERE id = ?", (component_id,)
        ).fetchone()
        last = connection.execute(
            "SELECT e.actor, e.at FROM audit_event e JOIN participant p"
            " ON p.number = e.participant AND p.selection_id = e.selection_id"
            " WHERE p.id = ? AND e.entity = 'score' AND e.entity_key = ?"
            " ORDER BY e.id DESC LIMIT 1",
            (participant_id, score_key(code, assessor)),
        ).fetchone()
    by, at = last if last is not None else ("?", None)
    return UserError("entry.changed_elsewhere", by=by, at=_local_time(at))


def _local_time(stamp: object) -> str:
    """A stored UTC time as the committee's clock shows it ("?" when unknown)."""
    if stamp is None:
        return "?"
    try:
        moment = datetime.fromisoformat(str(stamp)).replace(tzinfo=UTC).astimezone()
    except ValueError:
        return str(stamp)
    return moment.strftime("%d-%m-%Y %H:%M:%S")


def _rows(
    connection: sqlite3.Connection, participant_id: int, component_id: int, assessor: str
) -> tuple[StoredRow, ...]:
    return tuple(
        StoredRow(aspect, milli, text, bool(absent))
        for aspect, milli, text, absent in connection.execute(
            "SELECT aspect, value_milli, value_text, absent FROM score"
            " WHERE participant_id = ? AND component_id = ? AND assessor = ? ORDER BY aspect",
            (participant_id, component_id, assessor),
        )
    )


def _replace(
    connection: sqlite3.Connection,
    actor: Actor,
    participant_id: int,
    component_id: int,
    assessor: str,
    rows: tuple[StoredRow, ...],
) -> None:
    """Make the assessor's rows for this participant and component exactly ``rows``."""
    connection.execute(
        "DELETE FROM score WHERE participant_id = ? AND component_id = ? AND assessor = ?",
        (participant_id, component_id, assessor),
    )
    now = utc_now().isoformat(sep=" ")
    connection.executemany(
        "INSERT INTO score (participant_id, component_id, assessor, aspect, value_milli,"
        " value_text, absent, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                participant_id,
                component_id,
                assessor,
                r.aspect,
                r.milli,
                r.text,
                r.absent,
                actor.name,
                now,
            )
            for r in rows
        ],
    )


def _columns(row: StoredRow) -> tuple[str, int | None, str | None, bool]:
    return row.aspect, row.milli, row.text, row.absent


def entry_progress(
    db: Database,
    selection_id: int,
    component_code: str,
    assessor: str = "",
    formation: str | None = None,
) -> tuple[int, int]:
    """(filled, total) for the sheet: "37 / 120 diisi"."""
    sheet = score_sheet(db, selection_id, component_code, assessor, formation)
    return sheet.filled, len(sheet.rows)


def known_assessors(db: Database, selection_id: int, component_code: str) -> list[str]:
    """Names already used for this component, and every penilai user, for the operator's pick."""
    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
        _stage, component = _component(scheme, component_code)
        names = {
            name
            for (name,) in connection.execute(
                "SELECT DISTINCT assessor FROM score WHERE component_id = ? AND assessor <> ''"
                # names typed in a double entry's first round count before confirmation
                " UNION SELECT assessor FROM score_draft WHERE component_id = ? AND assessor <> ''",
                (ids.components[component.code],) * 2,
            )
        }
        names |= {
            full or user
            for user, full in connection.execute(
                "SELECT username, full_name FROM app_user WHERE role = 'penilai' AND active = 1"
            )
        }
    return sorted(names)
