"""Editing a selection's scheme: allowed until the first score exists, then read-only."""

from __future__ import annotations

from app.scoring import Scheme, SchemeInvalid, scheme_to_mapping, validate_scheme

from .actor import Actor
from .changes import SCHEME, Outcome
from .database import Database
from .door import permit, write
from .errors import UserError
from .permissions import Action
from .scheme_rows import delete_stage, insert_stage, replace_stage
from .schemes import scheme_of_selection


class SchemeProblems(UserError):
    """A scheme that may not be saved; ``problems`` name each key (``stages[0].components…``)."""

    def __init__(self, error: SchemeInvalid):
        super().__init__("scheme.invalid", source="", count=len(error.problems))
        self.problems = error.problems


def scheme_locked(db: Database, selection_id: int) -> bool:
    """Once a score exists, changing a weight or range would silently change results (a
    double-entry draft counts: its component row must stay)."""
    with db.reading() as connection:
        row = connection.execute(
            "SELECT 1 FROM (SELECT component_id FROM score UNION ALL"
            " SELECT component_id FROM score_draft) s JOIN component c ON c.id = s.component_id"
            " JOIN stage st ON st.id = c.stage_id WHERE st.selection_id = ? LIMIT 1",
            (selection_id,),
        ).fetchone()
    return row is not None


def current_scheme(db: Database, selection_id: int) -> Scheme:
    with db.reading() as connection:
        return scheme_of_selection(connection, selection_id)[0]


def scheme_as_toml(scheme: Scheme) -> str:
    """The scheme as a TOML file, to keep or reuse with ``init --scheme FILE``."""
    data = scheme_to_mapping(scheme)
    lines = [f"# {scheme.name}", ""]
    lines += _toml_table(data, [])
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def _toml_table(data: dict[str, object], path: list[str]) -> list[str]:
    lines = []
    # Sub-tables after the plain keys, in their order: (key, its tables, array of tables?).
    nested: list[tuple[str, list[dict[str, object]], bool]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            nested.append((key, [value], False))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            nested.append((key, value, True))
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    for key, tables, is_array in nested:
        name = ".".join([*path, key])
        header = f"[[{name}]]" if is_array else f"[{name}]"
        for table in tables:
            lines += ["", header, *_toml_table(table, [*path, key])]
    return lines


def save_scheme(db: Database, actor: Actor, selection_id: int, scheme: Scheme) -> Outcome[Scheme]:
    """Replace the selection's scheme; refused once scores exist or when invalid."""
    permit(db, actor, Action.EDIT_SCHEME, selection_id)
    problems = validate_scheme(scheme)
    if problems:
        raise SchemeProblems(SchemeInvalid(problems))
    with write(db, actor, Action.EDIT_SCHEME, selection_id, kinds=[SCHEME]) as action:
        connection = action.connection
        action.touch_all_formations()  # a scheme moves every result of the selection
        if connection.execute(
            "SELECT 1 FROM (SELECT component_id FROM score UNION ALL"
            " SELECT component_id FROM score_draft) s JOIN component c ON c.id = s.component_id"
            " JOIN stage st ON st.id = c.stage_id WHERE st.selection_id = ? LIMIT 1",
            (selection_id,),
        ).fetchone():
            raise UserError("scheme.locked")
        found = connection.execute("SELECT 1 FROM selection WHERE id = ?", (selection_id,))
        if found.fetchone() is None:
            raise UserError("selection.not_found", id=selection_id)
        before = scheme_to_mapping(scheme_of_selection(connection, selection_id)[0])
        marked = {
            code
            for (code,) in connection.execute(
                "SELECT DISTINCT st.code FROM participant_mark m JOIN stage st"
                " ON st.id = m.stage_id WHERE st.selection_id = ?",
                (selection_id,),
            )
        }
        missing = marked - {stage.code for stage in scheme.stages}
        if missing:
            raise UserError("scheme.stage_has_marks", stages=sorted(missing))
        existing = dict(
            connection.execute(
                "SELECT code, id FROM stage WHERE selection_id = ?", (selection_id,)
            ).fetchall()
        )
        wanted = {stage.code for stage in scheme.stages}
        for code, stage_id in existing.items():
            if code not in wanted:
                delete_stage(connection, stage_id)
        for position, stage in enumerate(scheme.stages):
            stage_id = existing.get(stage.code)
            if stage_id is None:
                insert_stage(connection, selection_id, stage, position)
            else:
                # Keep the stage row (marks point at it); replace settings and components.
                replace_stage(connection, stage_id, stage, position)
        action.audit(
            "scheme.edited",
            entity="scheme",
            key=scheme.code,
            old=before,
            new=scheme_to_mapping(scheme),
        )
        connection.execute(
            "UPDATE selection SET kind = ?, scheme_code = ?, scheme_name = ?, scheme_source = ?,"
            " regional = ? WHERE id = ?",
            (scheme.kind, scheme.code, scheme.name, scheme.source, scheme.regional, selection_id),
        )
    return Outcome(current_scheme(db, selection_id), action.changes)
