"""Formations (formasi): listing and editing one at a time."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

from .actor import Actor
from .changes import FORMATIONS, Changes, Outcome
from .database import Database
from .door import permit, write
from .errors import UserError
from .permissions import Action


@dataclass(frozen=True, slots=True)
class FormationRow:
    id: int
    code: str
    position_title: str
    unit: str
    education: str
    quota: int
    participants: int


# Participants per formation id, each count valid at the formation's revision stamp (every
# participant added, removed or moved advances it, migration 0006): counting 100k
# participants is most of a listing, and the rankings page lists at every refresh.
_COUNTS: dict[tuple[str, int], tuple[int, int]] = {}
_COUNTS_LOCK = threading.Lock()


def list_formations(db: Database, selection_id: int) -> list[FormationRow]:
    database = db.key
    counts: dict[int, int] = {}
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT f.id, f.code, f.position_title, f.unit, f.education, f.quota, f.revision"
            " FROM formation f WHERE f.selection_id = ? ORDER BY f.code",
            (selection_id,),
        ).fetchall()
        stamps = {row[0]: row[6] for row in rows}
        with _COUNTS_LOCK:
            for formation_id, stamp in stamps.items():
                kept = _COUNTS.get((database, formation_id))
                if kept is not None and kept[0] == stamp:
                    counts[formation_id] = kept[1]
        stale = [formation_id for formation_id in stamps if formation_id not in counts]
        if stale:
            counted = connection.execute(
                "SELECT f.id, (SELECT count(*) FROM participant p WHERE p.formation_id = f.id)"
                " FROM formation f WHERE f.id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
                (json.dumps(stale),),
            ).fetchall()
            with _COUNTS_LOCK:
                if len(_COUNTS) > 100_000:
                    _COUNTS.clear()
                for formation_id, count in counted:
                    counts[formation_id] = count
                    _COUNTS[(database, formation_id)] = (stamps[formation_id], count)
    return [
        FormationRow(formation_id, code, title, unit, education, quota, counts[formation_id])
        for formation_id, code, title, unit, education, quota, _stamp in rows
    ]


def save_formation(
    db: Database,
    actor: Actor,
    selection_id: int,
    code: str,
    position_title: str,
    unit: str,
    education: str,
    quota: int,
    formation_id: int | None = None,
) -> Outcome[FormationRow]:
    """Add a formation, or change one (``formation_id``); the code stays unique."""
    permit(db, actor, Action.EDIT_FORMATIONS, selection_id)
    code = code.strip().upper()
    position_title = " ".join(position_title.split())
    if not code:
        raise UserError("formation.code_required")
    if not position_title:
        raise UserError("formation.title_required")
    if quota < 1:
        raise UserError("formation.quota_at_least_one")
    with write(db, actor, Action.EDIT_FORMATIONS, selection_id, kinds=[FORMATIONS]) as action:
        connection = action.connection
        clash = connection.execute(
            "SELECT id FROM formation WHERE selection_id = ? AND code = ?", (selection_id, code)
        ).fetchone()
        if clash is not None and clash[0] != formation_id:
            raise UserError("formation.code_exists", value=code)
        values = (position_title, unit.strip(), education.strip(), quota)
        previous_code = None  # a changed code is audited: the audit replay follows a rename
        if formation_id is None:
            formation_id = connection.execute(
                "INSERT INTO formation (selection_id, code, position_title, unit, education,"
                " quota) VALUES (?, ?, ?, ?, ?, ?)",
                (selection_id, code, *values),
            ).lastrowid
        else:
            current = connection.execute(
                "SELECT code FROM formation WHERE id = ? AND selection_id = ?",
                (formation_id, selection_id),
            ).fetchone()
            if current is None:
                raise UserError("formation.not_found", value=code)
            action.touch_formations(current[0])  # its results move to the new code
            previous_code = current[0]
            connection.execute(
                "UPDATE formation SET code = ?, position_title = ?, unit = ?, education = ?,"
                " quota = ? WHERE id = ?",
                (code, *values, formation_id),
            )
        action.touch_formations(code)
        action.audit(
            "formation.saved",
            entity="formation",
            key=code,
            new={
                "code": code,
                "title": position_title,
                "unit": unit.strip(),
                "education": education.strip(),
                "quota": quota,
                "previous_code": previous_code,
            },
        )
    row = next(f for f in list_formations(db, selection_id) if f.id == formation_id)
    return Outcome(row, action.changes)


def delete_formation(db: Database, actor: Actor, selection_id: int, formation_id: int) -> Changes:
    """Only an empty formation can go: participants are never deleted as a side effect."""
    with write(db, actor, Action.EDIT_FORMATIONS, selection_id, kinds=[FORMATIONS]) as action:
        connection = action.connection
        found = connection.execute(
            "SELECT code FROM formation WHERE id = ? AND selection_id = ?",
            (formation_id, selection_id),
        ).fetchone()
        if found is None:
            raise UserError("formation.not_found", value=formation_id)
        code = found[0]
        used = connection.execute(
            "SELECT count(*) FROM participant WHERE formation_id = ?", (formation_id,)
        ).fetchone()[0]
        if used:
            raise UserError("formation.has_participants", value=code, count=used)
        action.touch_formations(code)
        action.audit("formation.deleted", entity="formation", key=code, old={"code": code})
        connection.execute("DELETE FROM formation WHERE id = ?", (formation_id,))
    return action.changes
