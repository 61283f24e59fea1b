"""The way back (issue #12 §1): corrections and marks from the main laptop to a field laptop.

While a field laptop is out, the secretariat corrects a participant's name or birth date,
registers a late participant, or marks a withdrawal. ``export_for_device`` writes, for one
laptop, the current participants of its formations and their marks, signed with that
laptop's return key (made when it was prepared; the laptop holds the public half).
``receive_from_main`` on the field laptop checks the package is from its own main file, for
itself, and newer than the last one it took, then updates what differs, adds what is new
and never removes anything. It never touches a score or a double-entry round: the laptop's
own entries stay exactly as typed there.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.clock import utc_now
from app.messages import t

from .actor import Actor
from .audit import chain_head, database_identity, pack_detail, record
from .changes import MARKS, NO_CHANGES, PARTICIPANTS, Changes
from .database import Database
from .devices import field_identity
from .door import permit, write
from .errors import UserError
from .package_file import Package, read_package, signed_by, write_package
from .participants_import import PARTICIPANT_FIELDS
from .permissions import Action

FIELDS = tuple(column for column, _ in PARTICIPANT_FIELDS if column != "formation_id")
"""What travels of a participant, besides its formation's code."""
NAMES = (*FIELDS, "formation_id")


@dataclass(frozen=True, slots=True)
class ReturnExport:
    path: Path
    device: str
    participants: int
    marks: int
    head: int
    sha256: str


@dataclass(slots=True)
class ReturnPlan:
    """What a package from the main laptop changes on the field laptop."""

    head: int
    status: str  # "new", "same", "older"
    updated: list[str]
    added: list[str]
    marks_added: int
    changes: Changes | None = None

    @property
    def changed(self) -> bool:
        return bool(self.updated or self.added or self.marks_added)


def export_for_device(
    db: Database, actor: Actor, selection_id: int, name: str, out: Path
) -> ReturnExport:
    """Write the package for field laptop ``name``: its formations' participants, marks."""
    permit(db, actor, Action.IMPORT_PACKAGE, selection_id)
    with db.reading() as connection:
        row = connection.execute(
            "SELECT uuid, name, return_key, scope FROM device WHERE selection_id = ? AND name = ?",
            (selection_id, " ".join(name.split())),
        ).fetchone()
        if row is None:
            known = [n for (n,) in connection.execute("SELECT name FROM device ORDER BY name")]
            raise UserError("device.unknown", name=name, choices=", ".join(known) or "-")
        device_uuid, device_name, key, scope_text = row
        formations = json.loads(scope_text).get("formations") or []
        people = _participants(connection, selection_id, formations)
        numbers = {person[0] for person in people}
        marks = [
            list(mark)
            for mark in connection.execute(
                "SELECT p.number, m.kind, s.code, m.reason, m.created_by, m.created_at"
                " FROM participant_mark m JOIN participant p ON p.id = m.participant_id"
                " JOIN stage s ON s.id = m.stage_id WHERE p.selection_id = ?"
                " ORDER BY p.number, s.position, m.kind",
                (selection_id,),
            )
            if mark[0] in numbers
        ]
        head = chain_head(connection).event_id
        content = {
            "format": 1,
            "kind": "main",
            "main": database_identity(connection),
            "selection": {"id": selection_id},
            "device": {"uuid": device_uuid, "name": device_name},
            "head": head,
            "exported_at": utc_now().isoformat(sep=" "),
            "exported_by": actor.name,
            "fields": [*FIELDS, "formation"],
            "participants": people,
            "marks": [[*m[:5], str(m[5])] for m in marks],
        }
    sha256 = write_package(Path(out), device_uuid, key, content)
    return ReturnExport(Path(out), device_name, len(people), len(marks), head, sha256)


def _participants(
    connection: sqlite3.Connection, selection_id: int, formations: list[str]
) -> list[list[Any]]:
    columns = ", ".join(f"p.{column}" for column in FIELDS)
    rows = connection.execute(
        f"SELECT {columns}, f.code FROM participant p JOIN formation f ON f.id = p.formation_id"
        " WHERE p.selection_id = ? ORDER BY p.number",
        (selection_id,),
    ).fetchall()
    return [
        [None if value is None else str(value) if not isinstance(value, int) else value
         for value in row]
        for row in rows
        if not formations or row[-1] in formations
    ]  # fmt: skip


def is_from_main(package: Package) -> bool:
    return package.content.get("kind") == "main"


def preview_from_main(db: Database, actor: Actor, path: Path) -> ReturnPlan:
    """What ``receive_from_main`` would change; nothing is written."""
    permit(db, actor, Action.EXPORT_PACKAGE)
    package = read_package(Path(path))
    with db.reading() as connection:
        return _plan(connection, package, apply=False, actor=actor)


def receive_from_main(db: Database, actor: Actor, path: Path) -> ReturnPlan:
    """Take the main laptop's corrections and marks, in one transaction."""
    permit(db, actor, Action.EXPORT_PACKAGE)
    package = read_package(Path(path))
    with db.reading() as connection:
        plan = _plan(connection, package, apply=False, actor=actor)
    if not plan.changed:
        plan.changes = NO_CHANGES
        return plan
    with db.reading() as connection:
        me = field_identity(connection)
    assert me is not None
    with write(
        db, actor, Action.EXPORT_PACKAGE, me.selection_id, kinds=[PARTICIPANTS, MARKS]
    ) as action:
        plan = _plan(action.connection, package, apply=True, actor=actor)
        action.touch_all_formations()
    plan.changes = action.changes
    return plan


def _plan(
    connection: sqlite3.Connection, package: Package, *, apply: bool, actor: Actor
) -> ReturnPlan:
    me = field_identity(connection)
    content = package.content
    if me is None:
        raise UserError("package.for_field_only")
    if (
        content.get("main") != me.main_identity
        or content.get("selection", {}).get("id") != me.selection_id
    ):
        raise UserError("package.other_selection", name="?")
    if package.device != me.uuid:
        raise UserError("package.other_device", name=content.get("device", {}).get("name", "?"))
    public, received = connection.execute(
        "SELECT return_public_key, received_head FROM device_self WHERE id = 1"
    ).fetchone()
    if not signed_by(package, public):
        raise UserError("package.bad_signature", name=t("package.main_source"))
    head = int(content.get("head", 0))
    if head < received:
        return ReturnPlan(head, "older", [], [], 0)
    sid = me.selection_id
    formations = dict(
        connection.execute("SELECT code, id FROM formation WHERE selection_id = ?", (sid,))
    )
    stages = dict(connection.execute("SELECT code, id FROM stage WHERE selection_id = ?", (sid,)))
    columns = ", ".join(FIELDS)
    held = {
        row[0]: (row[1], row[2:])
        for row in connection.execute(
            f"SELECT number, id, {columns}, formation_id FROM participant WHERE selection_id = ?",
            (sid,),
        )
    }
    updated, added = [], []
    now = utc_now().isoformat(sep=" ")
    for person in content.get("participants", []):
        *values, formation = person
        number = str(values[0])
        if formation not in formations:
            raise UserError(
                "package.unknown_component", name=t("package.main_source"), value=formation
            )
        row = (*values, formations[formation])
        found = held.get(number)
        if found is None:
            added.append(number)
            if apply:
                connection.execute(
                    f"INSERT INTO participant (selection_id, {columns}, formation_id, created_at)"
                    f" VALUES (?, {', '.join('?' * len(row))}, ?)",
                    (sid, *row, now),
                )
                record(
                    connection,
                    actor,
                    "participant.added",
                    selection_id=sid,
                    entity="participant",
                    key=number,
                    participant=number,
                    new={
                        n: _text(v) for n, v in zip(NAMES, row, strict=True) if v not in (None, "")
                    },
                    reason=t("package.from_main", head=head),
                )
            continue
        participant_id, stored = found
        differences = [
            i for i, (a, b) in enumerate(zip(stored, row, strict=True)) if _text(a) != _text(b)
        ]
        if not differences:
            continue
        updated.append(number)
        if apply:
            assignments = ", ".join(f"{c} = ?" for c in NAMES)
            connection.execute(
                f"UPDATE participant SET {assignments} WHERE id = ?", (*row, participant_id)
            )
            record(
                connection,
                actor,
                "participant.updated",
                selection_id=sid,
                entity="participant",
                key=number,
                participant=number,
                old={NAMES[i]: _text(stored[i]) for i in differences},
                new={NAMES[i]: _text(row[i]) for i in differences},
                reason=t("package.from_main", head=head),
            )
    ids = {
        number: pid
        for number, pid in connection.execute(
            "SELECT number, id FROM participant WHERE selection_id = ?", (sid,)
        )
    }
    have = {
        (pid, kind, stage)
        for pid, kind, stage in connection.execute(
            "SELECT m.participant_id, m.kind, s.code FROM participant_mark m"
            " JOIN stage s ON s.id = m.stage_id WHERE s.selection_id = ?",
            (sid,),
        )
    }
    new_marks = []
    for number, kind, stage, reason, by, at in content.get("marks", []):
        if stage not in stages:
            raise UserError("package.unknown_component", name=t("package.main_source"), value=stage)
        pid = ids.get(number)
        if pid is None and not apply:
            pid = -1  # a participant this package adds
        if (pid, kind, stage) in have:
            continue
        have.add((pid, kind, stage))
        new_marks.append((pid, number, kind, stage, reason, by, at))
    if apply:
        connection.executemany(
            "INSERT INTO participant_mark (participant_id, stage_id, kind, reason, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(m[0], stages[m[3]], m[2], m[4], m[5], m[6]) for m in new_marks],
        )
        connection.execute("UPDATE device_self SET received_head = ? WHERE id = 1", (head,))
        record(
            connection,
            actor,
            "package.imported",
            selection_id=sid,
            entity="device",
            key=t("package.main_source"),
            new={
                "from": "main",
                "head": head,
                "updated": len(updated),
                "added": len(added),
                "marks_added": len(new_marks),
                "sha256": package.sha256,
            },
            detail=pack_detail({"rows": [], "marks": [[m[1], m[2], m[3]] for m in new_marks]}),
        )
    status = "new" if head > received else "same"
    return ReturnPlan(head, status, updated, added, len(new_marks))


def _text(value: object) -> str | None:
    return None if value is None else str(value)
