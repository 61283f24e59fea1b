"""A scheme's stage and component rows, written with SQL inside the caller's transaction.

Creating a selection writes them all; editing a scheme keeps each stage row that stays (marks
and finalizations point at it) and replaces its settings and components. The values follow
the column types of ``app/models/selection.py``: decimals as exact text, lists and mappings as
JSON text, booleans as 0/1, and "no limit" for ``max_spread`` as an explicit NULL (the column's
server default of 20 applies only when the column is left out).
"""

from __future__ import annotations

import sqlite3

from app.scoring import Stage
from app.scoring.scheme_file import CODE_FIELDS

from .columns import decimal_text, json_text

_STAGE_SETTINGS = (
    "position",
    "name",
    "method",
    "quota_multiplier",
    "integrates",
    "integrate_weight",
    "ranking",
    "codes",
)
_COMPONENT_COLUMNS = (
    "stage_id",
    "position",
    "code",
    "name",
    "kind",
    "category",
    "minimum",
    "maximum",
    "step",
    "weight",
    "threshold",
    "assessors",
    "aspects",
    "allowed_values",
    "passing_values",
    "affirmation",
    "double_entry",
    "max_spread",
)


def _stage_settings(stage: Stage, position: int) -> tuple[object, ...]:
    """The stage's own settings (not its components), in ``_STAGE_SETTINGS`` order."""
    return (
        position,
        stage.name,
        stage.method,
        stage.quota_multiplier,
        stage.integrates,
        decimal_text(stage.integrate_weight),
        json_text(list(stage.ranking)),
        json_text({name: getattr(stage.codes, name) for name in CODE_FIELDS}),
    )


def insert_stage(
    connection: sqlite3.Connection, selection_id: int, stage: Stage, position: int
) -> int:
    """A new stage row with its components; returns its id."""
    columns = ", ".join(("selection_id", "code", *_STAGE_SETTINGS))
    marks = ", ".join("?" * (len(_STAGE_SETTINGS) + 2))
    cursor = connection.execute(
        f"INSERT INTO stage ({columns}) VALUES ({marks})",
        (selection_id, stage.code, *_stage_settings(stage, position)),
    )
    stage_id = cursor.lastrowid
    assert stage_id is not None
    insert_components(connection, stage_id, stage)
    return stage_id


def replace_stage(
    connection: sqlite3.Connection, stage_id: int, stage: Stage, position: int
) -> None:
    """Keep the row (and what points at it); replace its settings and all its components."""
    assignments = ", ".join(f"{column} = ?" for column in _STAGE_SETTINGS)
    connection.execute(
        f"UPDATE stage SET {assignments} WHERE id = ?",
        (*_stage_settings(stage, position), stage_id),
    )
    connection.execute("DELETE FROM component WHERE stage_id = ?", (stage_id,))
    insert_components(connection, stage_id, stage)


def delete_stage(connection: sqlite3.Connection, stage_id: int) -> None:
    """A stage the scheme no longer has, with its components."""
    connection.execute("DELETE FROM component WHERE stage_id = ?", (stage_id,))
    connection.execute("DELETE FROM stage WHERE id = ?", (stage_id,))


def insert_components(connection: sqlite3.Connection, stage_id: int, stage: Stage) -> None:
    columns = ", ".join(_COMPONENT_COLUMNS)
    marks = ", ".join("?" * len(_COMPONENT_COLUMNS))
    connection.executemany(
        f"INSERT INTO component ({columns}) VALUES ({marks})",
        [
            (
                stage_id,
                position,
                component.code,
                component.name,
                component.kind,
                component.category,
                decimal_text(component.minimum),
                decimal_text(component.maximum),
                decimal_text(component.step),
                decimal_text(component.weight),
                decimal_text(component.threshold),
                component.assessors,
                json_text(
                    [
                        {
                            "code": a.code,
                            "name": a.name,
                            "weight": str(a.weight),
                            "description": a.description,
                        }
                        for a in component.aspects
                    ]
                ),
                json_text(list(component.values)),
                json_text(list(component.passing)),
                component.affirmation,
                component.double_entry,
                decimal_text(component.max_spread),  # None: no limit, a NULL
            )
            for position, component in enumerate(stage.components)
        ],
    )
