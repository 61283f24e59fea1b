"""Adding or correcting one participant by hand, at the committee's desk.

A late registration confirmed by BKN, a name misspelt on the list, a birth date typed wrong:
each is one participant, changed in the window with a reason and audited old → new. The
fields are checked exactly as a row of a participants file (``participant_record``), so a
hand-typed participant can hold nothing an import would refuse. A formation with a final
stage is read-only (its results are under the committee's signature): a participant cannot
be added to it, corrected in it, or moved into or out of it until that stage is reopened.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from app.clock import utc_now
from app.messages import t

from .actor import Actor
from .changes import NO_CHANGES, PARTICIPANTS, Changes
from .database import Database
from .door import permit, write
from .errors import UserError
from .finalization import ensure_unlocked, locked_formations
from .participants_import import (
    PARTICIPANT_COLUMNS_SQL,
    PARTICIPANT_FIELDS,
    PARTICIPANT_OPTIONAL,
    Record,
    participant_record,
    same_value,
    shown_field,
)
from .permissions import Action
from .tabular import CellError

# The file column of each field, as the problems name them, in the order of a record.
FILE_COLUMNS = tuple(column for _, column in PARTICIPANT_FIELDS)
_EVERY_OPTIONAL = dict.fromkeys(PARTICIPANT_OPTIONAL, True)


@dataclass(frozen=True, slots=True)
class ParticipantEntry:
    """A participant as typed into the window: every field as text (``3,62`` and
    ``31-01-2000`` read as a file's cells would)."""

    number: str
    name: str
    birth_date: str
    formation: str
    nik: str = ""
    education: str = ""
    ipk: str = ""
    priority_group: str = ""
    affirmation_percent: str = ""
    session: str = ""

    def cells(self) -> dict[str, str]:
        """The entry as a participants file's row (its columns and stripped cells)."""
        values = (
            self.number,
            self.name,
            self.birth_date,
            self.formation,
            self.nik,
            self.education,
            self.ipk,
            self.priority_group,
            self.affirmation_percent,
            self.session,
        )
        return {column: value.strip() for column, value in zip(FILE_COLUMNS, values, strict=True)}


@dataclass(frozen=True, slots=True)
class ParticipantDetails:
    """One stored participant as the dialog shows it.

    ``locked`` names the final stage that keeps the formation read-only ("" when it may be
    changed); ``stored`` is the row as read, handed back on saving so that a change made
    meanwhile by another window is refused rather than overwritten.
    """

    number: str
    name: str
    birth_date: date
    formation: str
    nik: str
    education: str
    ipk: Decimal | None
    priority_group: int | None
    affirmation_percent: Decimal | None
    session: str
    locked: str
    scores: int
    marks: tuple[str, ...]
    stored: Record = field(compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ParticipantSaved:
    """What was saved: ``changed`` lists the file columns that changed (every one given,
    for a new participant; none when the entry equalled what was stored)."""

    number: str
    added: bool
    changed: tuple[str, ...]
    changes: Changes = field(default=NO_CHANGES, compare=False)


class ParticipantRejected(UserError):
    """Fields the committee must correct; nothing was written. ``problems`` name the file
    column of each (``nik``, ``tanggal_lahir``), which the dialog maps to its own fields."""

    def __init__(self, problems: Sequence[CellError]):
        super().__init__("participant.rejected", count=len(problems))
        self.problems = list(problems)

    @property
    def fields(self) -> list[str]:
        return [problem.field for problem in self.problems]

    def text(self) -> str:
        lines = [
            f"{t('participant.field.' + problem.field)}: {t(problem.message, problem.params)}"
            for problem in self.problems
        ]
        return t("participant.rejected") + "\n" + "\n".join(lines)


def participant_details(db: Database, selection_id: int, number: str) -> ParticipantDetails:
    with db.reading() as connection:
        found = _stored(connection, selection_id, number)
        if found is None:
            raise UserError("participant.not_found", value=number)
        participant_id, stored = found
        formation = _formation_code(connection, stored[3])
        scores = connection.execute(
            "SELECT count(*) FROM score WHERE participant_id = ?", (participant_id,)
        ).fetchone()[0]
        marks = tuple(
            f"{kind} ({stage})"
            for kind, stage in connection.execute(
                "SELECT m.kind, s.code FROM participant_mark m JOIN stage s ON s.id = m.stage_id"
                " WHERE m.participant_id = ? ORDER BY m.id",
                (participant_id,),
            )
        )
        locked = _locked_at(connection, selection_id, formation)
    return ParticipantDetails(
        number=str(stored[0]),
        name=str(stored[1]),
        birth_date=date.fromisoformat(str(stored[2])),
        formation=formation,
        nik=str(stored[4] or ""),
        education=str(stored[5] or ""),
        ipk=None if stored[6] is None else Decimal(str(stored[6])),
        priority_group=None if stored[7] is None else int(str(stored[7])),
        affirmation_percent=None if stored[8] is None else Decimal(str(stored[8])),
        session=str(stored[9] or ""),
        locked=locked,
        scores=int(scores),
        marks=marks,
        stored=stored,
    )


def add_participant(
    db: Database, actor: Actor, selection_id: int, entry: ParticipantEntry, reason: str
) -> ParticipantSaved:
    """A participant not on the imported list (a late registration), with the reason."""
    permit(db, actor, Action.EDIT_PARTICIPANT, selection_id)
    reason = _reason(reason)
    with write(db, actor, Action.EDIT_PARTICIPANT, selection_id, kinds=[PARTICIPANTS]) as action:
        connection = action.connection
        record = _checked(connection, selection_id, entry)
        number = str(record[0])
        if _stored(connection, selection_id, number) is not None:
            raise ParticipantRejected(
                [CellError(0, "nomor_peserta", "participant.number_taken", {"value": number})]
            )
        codes = _codes(connection, selection_id)
        formation = codes[int(str(record[3]))]
        _ensure_open(connection, selection_id, formation)
        columns = [column for column, _ in PARTICIPANT_FIELDS]
        connection.execute(
            f"INSERT INTO participant (selection_id, created_at, {', '.join(columns)})"
            f" VALUES (?, ?, {', '.join('?' * len(columns))})",
            (selection_id, utc_now().isoformat(sep=" "), *record),
        )
        action.audit(
            "participant.added",
            entity="participant",
            key=number,
            participant=number,
            new={
                column: shown_field(position, record[position], codes)
                for position, (column, _) in enumerate(PARTICIPANT_FIELDS)
                if record[position] not in (None, "")
            },
            reason=reason,
        )
        action.touch_formations(formation)
    return ParticipantSaved(number, True, FILE_COLUMNS, action.changes)


def correct_participant(
    db: Database,
    actor: Actor,
    selection_id: int,
    number: str,
    entry: ParticipantEntry,
    reason: str,
    *,
    seen: ParticipantDetails | None = None,
) -> ParticipantSaved:
    """Change what ``entry`` gives differently from participant ``number``, with the reason.

    ``seen``: the details the user was shown; when another window or the CLI saved this
    participant since, nothing is written and the user is told to look again.
    """
    permit(db, actor, Action.EDIT_PARTICIPANT, selection_id)
    reason = _reason(reason)
    with write(db, actor, Action.EDIT_PARTICIPANT, selection_id, kinds=[PARTICIPANTS]) as action:
        connection = action.connection
        found = _stored(connection, selection_id, number)
        if found is None:
            raise UserError("participant.not_found", value=number)
        participant_id, stored = found
        if seen is not None and _changed(seen.stored, stored):
            raise UserError("participant.changed_meanwhile", number=number)
        record = _checked(connection, selection_id, entry)
        differences = [
            position
            for position, (old, new) in enumerate(zip(stored, record, strict=True))
            if not same_value(old, new)
        ]
        if not differences:
            return ParticipantSaved(number, False, ())
        new_number = str(record[0])
        if new_number != number and _stored(connection, selection_id, new_number) is not None:
            raise ParticipantRejected(
                [CellError(0, "nomor_peserta", "participant.number_taken", {"value": new_number})]
            )
        codes = _codes(connection, selection_id)
        old_formation = codes[int(str(stored[3]))]
        new_formation = codes[int(str(record[3]))]
        _ensure_open(connection, selection_id, old_formation)
        if new_formation != old_formation:
            _ensure_open(connection, selection_id, new_formation)
        assignments = ", ".join(f"{column} = ?" for column, _ in PARTICIPANT_FIELDS)
        connection.execute(
            f"UPDATE participant SET {assignments} WHERE id = ?", (*record, participant_id)
        )
        action.audit(
            "participant.updated",
            entity="participant",
            key=new_number,
            participant=new_number,
            old={PARTICIPANT_FIELDS[i][0]: shown_field(i, stored[i], codes) for i in differences},
            new={PARTICIPANT_FIELDS[i][0]: shown_field(i, record[i], codes) for i in differences},
            reason=reason,
        )
        action.touch_formations(old_formation, new_formation)
    changed = tuple(FILE_COLUMNS[i] for i in differences)
    return ParticipantSaved(new_number, False, changed, action.changes)


def _reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise UserError("participant.reason_required")
    return reason


def _checked(connection: sqlite3.Connection, selection_id: int, entry: ParticipantEntry) -> Record:
    """The entry as stored columns, or every field's problem at once."""
    formations = dict(
        connection.execute(
            "SELECT code, id FROM formation WHERE selection_id = ?", (selection_id,)
        ).fetchall()
    )
    errors: list[CellError] = []
    record = participant_record(entry.cells(), 0, formations, date.today(), _EVERY_OPTIONAL, errors)
    if errors:
        raise ParticipantRejected(errors)
    return record


def _stored(
    connection: sqlite3.Connection, selection_id: int, number: str
) -> tuple[int, Record] | None:
    row = connection.execute(
        f"SELECT id, {PARTICIPANT_COLUMNS_SQL} FROM participant"
        " WHERE selection_id = ? AND number = ?",
        (selection_id, number),
    ).fetchone()
    return None if row is None else (int(row[0]), tuple(row[1:]))


def _codes(connection: sqlite3.Connection, selection_id: int) -> dict[int, str]:
    return dict(
        connection.execute(
            "SELECT id, code FROM formation WHERE selection_id = ?", (selection_id,)
        ).fetchall()
    )


def _formation_code(connection: sqlite3.Connection, formation_id: Any) -> str:
    row = connection.execute("SELECT code FROM formation WHERE id = ?", (formation_id,)).fetchone()
    return str(row[0])


def _first_stage(connection: sqlite3.Connection, selection_id: int) -> str | None:
    row = connection.execute(
        "SELECT code FROM stage WHERE selection_id = ? ORDER BY position LIMIT 1", (selection_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def _locked_at(connection: sqlite3.Connection, selection_id: int, formation: str) -> str:
    """The final stage that keeps this formation read-only, or ""."""
    first = _first_stage(connection, selection_id)
    if first is None:
        return ""
    return locked_formations(connection, selection_id, first).get(formation, "")


def _ensure_open(connection: sqlite3.Connection, selection_id: int, formation: str) -> None:
    """Every stage depends on the first, so a final stage anywhere locks it: checking the
    first stage refuses a change under any final result of the formation."""
    first = _first_stage(connection, selection_id)
    if first is not None:
        ensure_unlocked(connection, selection_id, first, formation)


def _changed(seen: Record, now: Record) -> bool:
    return not all(same_value(old, new) for old, new in zip(seen, now, strict=True))
