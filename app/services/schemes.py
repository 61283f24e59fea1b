"""Scheme presets on disk and the scheme stored with a selection."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Component as ComponentRow
from app.models import Stage as StageRow
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


def stage_rows(scheme: Scheme) -> list[StageRow]:
    """ORM rows for a scheme, to be attached to a new selection."""
    rows = []
    for position, stage in enumerate(scheme.stages):
        row = StageRow(
            position=position,
            code=stage.code,
            name=stage.name,
            method=stage.method,
            quota_multiplier=stage.quota_multiplier,
            integrates=stage.integrates,
            integrate_weight=stage.integrate_weight,
            ranking=list(stage.ranking),
            codes={
                "within_quota": stage.codes.within_quota,
                "outside_quota": stage.codes.outside_quota,
                "below_threshold": stage.codes.below_threshold,
                "absent": stage.codes.absent,
                "requirement_failed": stage.codes.requirement_failed,
                "withdrawn": stage.codes.withdrawn,
                "disqualified": stage.codes.disqualified,
            },
        )
        for c_position, component in enumerate(stage.components):
            row.components.append(
                ComponentRow(
                    position=c_position,
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
                )
            )
        rows.append(row)
    return rows


def scheme_of_selection(session: Session, selection_id: int) -> tuple[Scheme, SchemeIds]:
    """The selection's scheme as the rules see it, with the row ids of stages and components."""
    from app.models import Selection

    selection = session.get(Selection, selection_id)
    if selection is None:
        raise UserError("selection.not_found", id=selection_id)
    stages = session.scalars(
        select(StageRow).where(StageRow.selection_id == selection_id).order_by(StageRow.position)
    ).all()
    ids = SchemeIds()
    built = []
    for stage in stages:
        ids.stages[stage.code] = stage.id
        components = []
        for component in stage.components:
            ids.components[component.code] = component.id
            components.append(
                Component(
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
                    aspects=tuple(
                        Aspect(
                            code=a["code"],
                            name=a["name"],
                            weight=Decimal(a["weight"]),
                            description=a.get("description", ""),
                        )
                        for a in component.aspects
                    ),
                    values=tuple(component.allowed_values),
                    passing=tuple(component.passing_values),
                    affirmation=component.affirmation,
                )
            )
        built.append(
            Stage(
                code=stage.code,
                name=stage.name,
                method=stage.method,
                components=tuple(components),
                ranking=tuple(stage.ranking),
                codes=StageCodes(**stage.codes),
                quota_multiplier=stage.quota_multiplier,
                integrates=stage.integrates,
                integrate_weight=stage.integrate_weight,
            )
        )
    scheme = Scheme(
        code=selection.scheme_code,
        name=selection.scheme_name,
        kind=selection.kind,
        regional=selection.regional,
        source=selection.scheme_source,
        stages=tuple(built),
    )
    return scheme, ids


class SchemeIds:
    """Row ids by code, so services can write scores for a component named in a file."""

    def __init__(self) -> None:
        self.stages: dict[str, int] = {}
        self.components: dict[str, int] = {}
