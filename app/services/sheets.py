"""Score sheets and the score table's rows: what score entry and double entry both read.

A sheet row is one participant × component × assessor; its values are ``StoredRow``s (one per
rubric aspect, or one whole value or TH). Single entry (``score_entry.py``) and double entry
(``double_entry.py``) build on this module and on ``entering.py``, never on each other's
internals.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from app.clock import utc_now
from app.scoring import Component, Scheme, Stage
from app.scoring.score_rows import StoredRow, display

from .actor import Actor
from .candidates import load_quotas
from .changes import NO_CHANGES, Changes
from .database import Database, database_of
from .errors import UserError
from .ranking import admitted_numbers
from .schemes import SchemeIds, scheme_of_selection
from .scores_import import assessor_key

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
class ScoreChange:
    """What one save did: the assessor's rows for that participant before and after."""

    selection_id: int
    participant_no: str
    component: str
    assessor: str
    before: tuple[StoredRow, ...]
    after: tuple[StoredRow, ...]
    changes: Changes = field(default=NO_CHANGES, compare=False)
    """What the save changed, for the views (set by the service that committed it)."""


def sheet_columns(component: Component) -> list[SheetColumn]:
    if component.aspects:
        return [
            SheetColumn(a.code, a.name, component.minimum, component.maximum, component.step)
            for a in component.aspects
        ]
    return [SheetColumn("", component.name, component.minimum, component.maximum, component.step)]


def score_key(component: str, assessor: str) -> str:
    """How the audit trail names one assessor's score of one component."""
    return f"{component}|{assessor}" if assessor else component


def rows_as_json(rows: tuple[StoredRow, ...]) -> list[dict[str, object]]:
    """Rows as the audit trail keeps them: each aspect with its value as the sheet shows it."""
    return [{"aspect": r.aspect, "value": display(r)} for r in rows]


def find_component(scheme: Scheme, code: str) -> tuple[Stage, Component]:
    """The stage and component of ``code``, or the import's refusal of an unknown code."""
    try:
        return scheme.find_component(code.strip().upper())
    except KeyError:
        known = ", ".join(c.code for s in scheme.stages for c in s.components)
        raise UserError("import.unknown_component", value=code, choices=known) from None


def stage_entrants(
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
    # The earlier stage's cut from the per-formation results cache: a typed SKB score checks
    # the SKD cut of its formation in milliseconds instead of ranking it again.
    return admitted_numbers(
        connection, database_of(connection), selection_id, scheme, ids, previous, quotas, formation
    )


# -- reading a sheet ---------------------------------------------------------------------------


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
        stage, component = find_component(scheme, component_code)
        key = assessor_key(component, assessor.strip())
        if component.assessors > 1 and not key:
            raise UserError("entry.assessor_required", component=component.code)
        entrants = stage_entrants(connection, selection_id, scheme, ids, stage, formation)
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


# -- the score table's rows --------------------------------------------------------------------


def read_rows(
    connection: sqlite3.Connection, participant_id: int, component_id: int, assessor: str
) -> tuple[StoredRow, ...]:
    """The confirmed ``score`` rows of one sheet row, by aspect."""
    return tuple(
        StoredRow(aspect, milli, text, bool(absent))
        for aspect, milli, text, absent in connection.execute(
            "SELECT aspect, value_milli, value_text, absent FROM score"
            " WHERE participant_id = ? AND component_id = ? AND assessor = ? ORDER BY aspect",
            (participant_id, component_id, assessor),
        )
    )


def replace_rows(
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


def same_rows(held: tuple[StoredRow, ...], shown: tuple[StoredRow, ...]) -> bool:
    """Equal as sets: one row per aspect, so order is the only thing that may differ."""
    return len(held) == len(shown) and set(held) == set(shown)


def changed_elsewhere(
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
