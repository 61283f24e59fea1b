"""Formations (formasi): listing and editing one at a time."""

from __future__ import annotations

from dataclasses import dataclass

from .actor import Actor
from .changes import FORMATIONS, Changes, Outcome
from .database import Database
from .door import write
from .errors import UserError
from .permissions import Action, require


@dataclass(frozen=True, slots=True)
class FormationRow:
    id: int
    code: str
    position_title: str
    unit: str
    education: str
    quota: int
    participants: int


def list_formations(db: Database, selection_id: int) -> list[FormationRow]:
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT f.id, f.code, f.position_title, f.unit, f.education, f.quota,"
            " (SELECT count(*) FROM participant p WHERE p.formation_id = f.id)"
            " FROM formation f WHERE f.selection_id = ? ORDER BY f.code",
            (selection_id,),
        ).fetchall()
    return [FormationRow(*row) for row in rows]


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
    from app.models import Formation

    require(actor, Action.EDIT_FORMATIONS)
    code = code.strip().upper()
    position_title = " ".join(position_title.split())
    if not code:
        raise UserError("formation.code_required")
    if not position_title:
        raise UserError("formation.title_required")
    if quota < 1:
        raise UserError("formation.quota_at_least_one")
    with write(db, actor, Action.EDIT_FORMATIONS, selection_id, kinds=[FORMATIONS]) as action:
        session = action.session
        clash = (
            session.query(Formation)
            .filter(Formation.selection_id == selection_id, Formation.code == code)
            .first()
        )
        if clash is not None and clash.id != formation_id:
            raise UserError("formation.code_exists", value=code)
        if formation_id is None:
            formation = Formation(selection_id=selection_id, code=code)
            session.add(formation)
        else:
            stored = session.get(Formation, formation_id)
            if stored is None or stored.selection_id != selection_id:
                raise UserError("formation.not_found", value=code)
            action.touch_formations(stored.code)  # its results move to the new code
            formation = stored
            formation.code = code
        formation.position_title = position_title
        formation.unit = unit.strip()
        formation.education = education.strip()
        formation.quota = quota
        session.flush()
        formation_id = formation.id
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
            },
        )
    row = next(f for f in list_formations(db, selection_id) if f.id == formation_id)
    return Outcome(row, action.changes)


def delete_formation(db: Database, actor: Actor, selection_id: int, formation_id: int) -> Changes:
    """Only an empty formation can go: participants are never deleted as a side effect."""
    from app.models import Formation, Participant

    with write(db, actor, Action.EDIT_FORMATIONS, selection_id, kinds=[FORMATIONS]) as action:
        session = action.session
        formation = session.get(Formation, formation_id)
        if formation is None or formation.selection_id != selection_id:
            raise UserError("formation.not_found", value=formation_id)
        used = session.query(Participant).filter(Participant.formation_id == formation_id).count()
        if used:
            raise UserError("formation.has_participants", value=formation.code, count=used)
        action.touch_formations(formation.code)
        action.audit(
            "formation.deleted",
            entity="formation",
            key=formation.code,
            old={"code": formation.code},
        )
        session.delete(formation)
    return action.changes
