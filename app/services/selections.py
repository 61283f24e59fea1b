"""Creating selections and choosing the one a command works on."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from app.clock import utc_now
from app.scoring import Scheme

from .actor import Actor
from .changes import ALL, NO_CHANGES, SELECTION, Changes
from .columns import time_text
from .database import Database
from .door import permit, write
from .errors import UserError
from .permissions import Action
from .scheme_rows import insert_stage

_COLUMNS = "id, name, year, kind, instansi, scheme_code, scheme_name, created_at"


@dataclass(frozen=True, slots=True)
class SelectionInfo:
    id: int
    name: str
    year: int
    kind: str
    instansi: str
    scheme_code: str
    scheme_name: str
    created_at: datetime
    formations: int = 0
    participants: int = 0
    changes: Changes = field(default=NO_CHANGES, compare=False)


def create_selection(
    db: Database,
    actor: Actor,
    scheme: Scheme,
    name: str,
    year: int | None = None,
    instansi: str = "",
) -> SelectionInfo:
    """A new selection with its own copy of the scheme."""
    permit(db, actor, Action.CREATE_SELECTION)
    name = name.strip()
    if not name:
        raise UserError("selection.name_required")
    year = year or date.today().year
    if not 2000 <= year <= 2100:
        raise UserError("selection.bad_year", year=year)
    # Everything a view shows belongs to the new selection: it is all new.
    with write(db, actor, Action.CREATE_SELECTION, kinds=ALL) as action:
        connection = action.connection
        instansi = instansi.strip()
        created_at = utc_now()
        selection_id = connection.execute(
            "INSERT INTO selection (name, year, kind, instansi, scheme_code, scheme_name,"
            " scheme_source, regional, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                year,
                scheme.kind,
                instansi,
                scheme.code,
                scheme.name,
                scheme.source,
                scheme.regional,
                time_text(created_at),
            ),
        ).lastrowid
        assert selection_id is not None
        for position, stage in enumerate(scheme.stages):
            insert_stage(connection, selection_id, stage, position)
        action.selection_id = selection_id
        action.touch_all_formations()
        action.audit(
            "selection.created",
            entity="selection",
            key=str(selection_id),
            new={"name": name, "year": year, "scheme": scheme.code},
        )
    return SelectionInfo(
        id=selection_id,
        name=name,
        year=year,
        kind=scheme.kind,
        instansi=instansi,
        scheme_code=scheme.code,
        scheme_name=scheme.name,
        created_at=created_at,
        changes=action.changes,
    )


def _from_row(
    row: tuple[int, str, int, str, str, str, str, datetime | str],
    formations: int = 0,
    participants: int = 0,
) -> SelectionInfo:
    """A ``_COLUMNS`` row; SQLite hands ``created_at`` over as text, the ORM as a datetime."""
    id_, name, year, kind, instansi, scheme_code, scheme_name, created = row
    if not isinstance(created, datetime):
        created = datetime.fromisoformat(created)
    return SelectionInfo(
        id_, name, year, kind, instansi, scheme_code, scheme_name, created, formations, participants
    )


def list_selections(db: Database) -> list[SelectionInfo]:
    with db.reading() as connection:
        formations = dict(
            connection.execute(
                "SELECT selection_id, count(*) FROM formation GROUP BY selection_id"
            ).fetchall()
        )
        participants = dict(
            connection.execute(
                "SELECT selection_id, count(*) FROM participant GROUP BY selection_id"
            ).fetchall()
        )
        rows = connection.execute(f"SELECT {_COLUMNS} FROM selection ORDER BY id").fetchall()
    return [_from_row(r, formations.get(r[0], 0), participants.get(r[0], 0)) for r in rows]


def resolve_selection(db: Database, selection_id: int | None) -> SelectionInfo:
    """The selection asked for, or the most recently created one."""
    with db.reading() as connection:
        if selection_id is not None:
            row = connection.execute(
                f"SELECT {_COLUMNS} FROM selection WHERE id = ?", (selection_id,)
            ).fetchone()
            if row is None:
                raise UserError("selection.not_found", id=selection_id)
        else:
            row = connection.execute(
                f"SELECT {_COLUMNS} FROM selection ORDER BY created_at DESC, id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                raise UserError("selection.none")
    return _from_row(row)


def update_selection(
    db: Database, actor: Actor, selection_id: int, name: str, year: int, instansi: str
) -> SelectionInfo:
    """Change a selection's details (the scheme has its own editor)."""
    permit(db, actor, Action.EDIT_SELECTION, selection_id)
    name = " ".join(name.split())
    if not name:
        raise UserError("selection.name_required")
    if not 2000 <= year <= 2100:
        raise UserError("selection.bad_year", year=year)
    with write(db, actor, Action.EDIT_SELECTION, selection_id, kinds=[SELECTION]) as action:
        connection = action.connection
        before = connection.execute(
            "SELECT name, year, instansi FROM selection WHERE id = ?", (selection_id,)
        ).fetchone()
        if before is None:
            raise UserError("selection.not_found", id=selection_id)
        old = dict(zip(("name", "year", "instansi"), before, strict=True))
        instansi = " ".join(instansi.split())
        connection.execute(
            "UPDATE selection SET name = ?, year = ?, instansi = ? WHERE id = ?",
            (name, year, instansi, selection_id),
        )
        action.audit(
            "selection.updated",
            entity="selection",
            key=str(selection_id),
            old=old,
            new={"name": name, "year": year, "instansi": instansi},
        )
    # The name and instansi are printed, but no result moves: no formation is touched.
    return replace(resolve_selection(db, selection_id), changes=action.changes)
