"""Scheme presets on disk and the scheme stored with a selection."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

from app.scoring import (
    Aspect,
    Component,
    Scheme,
    SchemeInvalid,
    Stage,
    StageCodes,
    load_scheme_file,
)

from .errors import UserError

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
PRESETS_DIR = RESOURCES / "schemes"


def preset_names() -> list[str]:
    return sorted(path.stem for path in PRESETS_DIR.glob("*.toml"))


def load_preset_or_file(name: str) -> Scheme:
    """A preset by name (``cpns-2024``) or a scheme file by path; problems name the key."""
    candidate = PRESETS_DIR / f"{name}.toml"
    path = candidate if candidate.exists() else Path(name)
    if not path.exists():
        raise UserError("scheme.not_found", name=name, presets=preset_names())
    try:
        return load_scheme_file(path)
    except SchemeInvalid as error:
        raise SchemeRejected(str(path), error) from error
    except (OSError, UnicodeDecodeError) as error:
        raise UserError("scheme.unreadable", path=path, detail=error) from error


class SchemeRejected(UserError):
    def __init__(self, source: str, error: SchemeInvalid):
        super().__init__("scheme.invalid", source=source, count=len(error.problems))
        self.source = source
        self.problems = error.problems


def scheme_of_selection(
    connection: sqlite3.Connection, selection_id: int
) -> tuple[Scheme, SchemeIds]:
    """The selection's scheme as the rules see it, with the row ids of stages and components."""
    selection = connection.execute(
        "SELECT scheme_code, scheme_name, kind, regional, scheme_source FROM selection"
        " WHERE id = ?",
        (selection_id,),
    ).fetchone()
    if selection is None:
        raise UserError("selection.not_found", id=selection_id)
    ids = SchemeIds()
    components: dict[int, list[Component]] = {}
    for row in connection.execute(
        "SELECT c.id, c.stage_id, c.code, c.name, c.kind, c.category, c.minimum, c.maximum,"
        " c.step, c.weight, c.threshold, c.assessors, c.aspects, c.allowed_values,"
        " c.passing_values, c.affirmation, c.double_entry, c.max_spread"
        " FROM component c JOIN stage s ON s.id = c.stage_id"
        " WHERE s.selection_id = ? ORDER BY c.stage_id, c.position",
        (selection_id,),
    ):
        (
            row_id,
            stage_id,
            code,
            name,
            kind,
            category,
            minimum,
            maximum,
            step,
            weight,
            threshold,
            assessors,
            aspects,
            allowed,
            passing,
            affirmation,
            double_entry,
            max_spread,
        ) = row
        ids.components[code] = row_id
        components.setdefault(stage_id, []).append(
            Component(
                code=code,
                name=name,
                kind=kind,
                category=category,
                minimum=Decimal(minimum),
                maximum=Decimal(maximum),
                step=Decimal(step),
                weight=Decimal(weight),
                threshold=Decimal(threshold) if threshold is not None else None,
                assessors=assessors,
                aspects=tuple(
                    Aspect(
                        code=a["code"],
                        name=a["name"],
                        weight=Decimal(a["weight"]),
                        description=a.get("description", ""),
                    )
                    for a in json.loads(aspects)
                ),
                values=tuple(json.loads(allowed)),
                passing=tuple(json.loads(passing)),
                affirmation=bool(affirmation),
                double_entry=bool(double_entry),
                max_spread=Decimal(max_spread) if max_spread is not None else None,
            )
        )
    stages = []
    for row in connection.execute(
        "SELECT id, code, name, method, quota_multiplier, integrates, integrate_weight, ranking,"
        " codes FROM stage WHERE selection_id = ? ORDER BY position",
        (selection_id,),
    ):
        row_id, code, name, method, multiplier, integrates, weight, ranking, codes = row
        ids.stages[code] = row_id
        stages.append(
            Stage(
                code=code,
                name=name,
                method=method,
                components=tuple(components.get(row_id, ())),
                ranking=tuple(json.loads(ranking)),
                codes=StageCodes(**json.loads(codes)),
                quota_multiplier=multiplier,
                integrates=integrates,
                integrate_weight=Decimal(weight),
            )
        )
    code, name, kind, regional, source = selection
    scheme = Scheme(
        code=code,
        name=name,
        kind=kind,
        regional=bool(regional),
        source=source,
        stages=tuple(stages),
    )
    return scheme, ids


class SchemeIds:
    """Row ids by code, so services can write scores for a component named in a file."""

    def __init__(self) -> None:
        self.stages: dict[str, int] = {}
        self.components: dict[str, int] = {}


def chosen_stage(scheme: Scheme, code: str | None) -> Stage:
    """The stage ``code`` names (default: the last); an unknown one is refused with the
    stages there are, as every command that takes ``--stage`` says it."""
    if code is None:
        return scheme.last_stage
    try:
        return scheme.stage(code.strip().upper())
    except KeyError:
        raise UserError(
            "stage.not_found", value=code, choices=[s.code for s in scheme.stages]
        ) from None
