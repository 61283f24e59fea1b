"""Creating selections and choosing the one a command works on."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.scoring import Scheme, Stage
from app.scoring.scheme_file import CODE_FIELDS

from .actor import Actor
from .changes import ALL, NO_CHANGES, SELECTION, Changes
from .database import Database
from .door import write
from .errors import UserError
from .permissions import Action, require

if TYPE_CHECKING:
    from app.models import Component as ComponentRow
    from app.models import Selection
    from app.models import Stage as StageRow

# Reading a selection is on every command's path, so it uses plain SQL: the ORM (and
# SQLAlchemy's import) is only loaded by the functions that write.
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
    require(actor, Action.CREATE_SELECTION)
    name = name.strip()
    if not name:
        raise UserError("selection.name_required")
    year = year or date.today().year
    if not 2000 <= year <= 2100:
        raise UserError("selection.bad_year", year=year)
    from app.models import Selection

    # Everything a view shows belongs to the new selection: it is all new.
    with write(db, actor, Action.CREATE_SELECTION, kinds=ALL) as action:
        session = action.session
        selection = Selection(
            name=name,
            year=year,
            kind=scheme.kind,
            instansi=instansi.strip(),
            scheme_code=scheme.code,
            scheme_name=scheme.name,
            scheme_source=scheme.source,
            regional=scheme.regional,
        )
        selection.stages.extend(stage_rows(scheme))
        session.add(selection)
        session.flush()
        action.selection_id = selection.id
        action.touch_all_formations()
        action.audit(
            "selection.created",
            entity="selection",
            key=str(selection.id),
            new={"name": name, "year": year, "scheme": scheme.code},
        )
        info = _info(selection)
    return replace(info, changes=action.changes)


def _info(selection: Selection, formations: int = 0, participants: int = 0) -> SelectionInfo:
    return SelectionInfo(
        id=selection.id,
        name=selection.name,
        year=selection.year,
        kind=selection.kind,
        instansi=selection.instansi,
        scheme_code=selection.scheme_code,
        scheme_name=selection.scheme_name,
        created_at=selection.created_at,
        formations=formations,
        participants=participants,
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


def stage_rows(scheme: Scheme) -> list[StageRow]:
    """ORM rows for a scheme, to be attached to a new selection."""
    from app.models import Stage as StageRow

    rows = []
    for position, stage in enumerate(scheme.stages):
        row = StageRow(code=stage.code)
        apply_stage(row, stage, position)
        row.components.extend(component_rows(stage))
        rows.append(row)
    return rows


def apply_stage(row: StageRow, stage: Stage, position: int) -> None:
    """Copy a stage's settings (not its components) onto its row."""
    row.position = position
    row.name = stage.name
    row.method = stage.method
    row.quota_multiplier = stage.quota_multiplier
    row.integrates = stage.integrates
    row.integrate_weight = stage.integrate_weight
    row.ranking = list(stage.ranking)
    row.codes = {name: getattr(stage.codes, name) for name in CODE_FIELDS}


def component_rows(stage: Stage) -> list[ComponentRow]:
    from sqlalchemy import null

    from app.models import Component as ComponentRow

    return [
        ComponentRow(
            position=position,
            code=component.code,
            name=component.name,
            kind=component.kind,
            category=component.category,
            minimum=component.minimum,
            maximum=component.maximum,
            step=component.step,
            weight=component.weight,
            threshold=component.threshold,
            assessors=component.assessors,
            aspects=[
                {
                    "code": a.code,
                    "name": a.name,
                    "weight": str(a.weight),
                    "description": a.description,
                }
                for a in component.aspects
            ],
            allowed_values=list(component.values),
            passing_values=list(component.passing),
            affirmation=component.affirmation,
            double_entry=component.double_entry,
            # No limit is a NULL; a plain None would let the column's server default (20) in.
            max_spread=component.max_spread if component.max_spread is not None else null(),
        )
        for position, component in enumerate(stage.components)
    ]


def update_selection(
    db: Database, actor: Actor, selection_id: int, name: str, year: int, instansi: str
) -> SelectionInfo:
    """Change a selection's details (the scheme has its own editor)."""
    from app.models import Selection

    require(actor, Action.EDIT_SELECTION)
    name = " ".join(name.split())
    if not name:
        raise UserError("selection.name_required")
    if not 2000 <= year <= 2100:
        raise UserError("selection.bad_year", year=year)
    with write(db, actor, Action.EDIT_SELECTION, selection_id, kinds=[SELECTION]) as action:
        session = action.session
        selection = session.get(Selection, selection_id)
        if selection is None:
            raise UserError("selection.not_found", id=selection_id)
        old = {"name": selection.name, "year": selection.year, "instansi": selection.instansi}
        selection.name = name
        selection.year = year
        selection.instansi = " ".join(instansi.split())
        action.audit(
            "selection.updated",
            entity="selection",
            key=str(selection_id),
            old=old,
            new={"name": name, "year": year, "instansi": selection.instansi},
        )
    # The name and instansi are printed, but no result moves: no formation is touched.
    return replace(resolve_selection(db, selection_id), changes=action.changes)
