"""The evaluation as the report and ``seleksi evaluate`` give it (issue #13): one stage or all,
with the names behind the codes, and the Laporan Monitoring dan Evaluasi drawn from it.

``report_figures`` is ``evaluation.evaluation`` plus ``scheme``: the stages' and components'
names, each component's scale, threshold and reference kind, the rubric aspects' and the
formations' names. The findings need the thresholds (a pile-up is judged at the threshold)
and the report prints names where the figures hold codes. ``stage=`` keeps one stage in
every part: its ``stages`` entry, its labels, and the validities of what that stage measures
(its components, its own total, and the final score at the last stage).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from io import BytesIO
from typing import TYPE_CHECKING, Any

from .database import Database
from .document_settings import document_settings
from .documents import RenderedDocument, file_name
from .errors import UserError
from .formations import list_formations
from .scheme_edit import current_scheme
from .selections import resolve_selection

if TYPE_CHECKING:
    from app.reports.monev import RecommendationLine, ReportFacts
    from app.scoring import Scheme

FINAL = "NILAI_AKHIR"


def report_figures(
    db: Database,
    selection_id: int,
    *,
    stage: str | None = None,
    local_code: str = "",
    formation: str | None = None,
    unit: str | None = None,
) -> dict[str, Any]:
    """The evaluation's figures with their ``scheme`` labels, of ``stage`` only when given
    (an unknown stage is refused, naming the stages there are), narrowed to one formation or
    agency as ``evaluation`` narrows them."""
    from .evaluation import evaluation

    scheme = current_scheme(db, selection_id)
    codes = [s.code for s in scheme.stages]
    if stage is not None and stage not in codes:
        raise UserError("stage.not_found", value=stage, choices=codes)
    figures = evaluation(db, selection_id, local_code=local_code, formation=formation, unit=unit)
    figures["scheme"] = scheme_labels(db, selection_id, scheme)
    return figures if stage is None else restrict_to_stage(figures, stage, last=codes[-1])


def scheme_labels(db: Database, selection_id: int, scheme: Scheme | None = None) -> dict[str, Any]:
    """``stages.<CODE>`` (name, components in order), ``components.<CODE>`` (name, stage,
    minimum, maximum, step, threshold, reference kind, aspects) and ``formations.<CODE>``
    (position, unit, kebutuhan)."""
    from app.scoring.monev.findings import reference_kind

    scheme = scheme or current_scheme(db, selection_id)
    stages: dict[str, Any] = {}
    components: dict[str, Any] = {}
    for stage in scheme.stages:
        stages[stage.code] = {"name": stage.name, "components": [c.code for c in stage.components]}
        for component in stage.components:
            components[component.code] = {
                "name": component.name,
                "stage": stage.code,
                "minimum": float(component.minimum),
                "maximum": float(component.maximum),
                "step": float(component.step),
                "threshold": None if component.threshold is None else float(component.threshold),
                "reference": reference_kind(component.code, component.category),
                "aspects": {a.code: a.name for a in component.aspects},
            }
    formations = {
        f.code: {"position": f.position_title, "unit": f.unit, "kebutuhan": f.quota}
        for f in list_formations(db, selection_id)
    }
    return {"stages": stages, "components": components, "formations": formations}


def restrict_to_stage(figures: Mapping[str, Any], stage: str, *, last: str) -> dict[str, Any]:
    """``figures`` of ``stage`` alone; ``last``: the scheme's last stage, the one whose
    ranking carries the final score."""
    stages = figures.get("stages") or {}
    if stage not in stages:
        raise UserError("stage.not_found", value=stage, choices=list(stages))
    kept: dict[str, Any] = {**figures, "stages": {stage: stages[stage]}}
    scheme = figures.get("scheme")
    measures = {stage}
    if scheme:
        own = (scheme.get("stages") or {}).get(stage) or {}
        measures |= set(own.get("components") or ())
        kept["scheme"] = {
            **scheme,
            "stages": {stage: own},
            "components": {
                code: c
                for code, c in (scheme.get("components") or {}).items()
                if c.get("stage") == stage
            },
        }
    else:
        measures |= set(stages[stage].get("distributions") or ())
        measures |= set(stages[stage].get("components") or ())
    if stage == last:
        measures.add(FINAL)
    if "validity" in figures:
        validity = {c: v for c, v in figures["validity"].items() if c in measures}
        if validity:
            kept["validity"] = validity
        else:
            kept.pop("validity", None)
            kept.pop("validity_reference", None)
    return kept


def evaluation_report_pdf(
    db: Database,
    selection_id: int,
    figures: Mapping[str, Any],
    recommendations: Sequence[RecommendationLine] | None = None,
    *,
    local_code: str = "",
    scope: str = "",
    today: dt.date | None = None,
) -> RenderedDocument:
    """The Laporan Monitoring dan Evaluasi of ``figures`` (``report_figures``), in memory.

    ``recommendations``: default, the tim monev's standing recommendations as stored.
    ``scope``: what the figures were narrowed to (a formation, an agency), printed on the
    first page so a report of one formation is never read as the whole selection's."""
    from app.reports.monev import render_evaluation_report

    selection = resolve_selection(db, selection_id)
    facts = report_facts(db, selection_id, local_code=local_code, scope=scope, today=today)
    if recommendations is None:
        recommendations = stored_recommendations(db, selection_id)
    buffer = BytesIO()
    pages = render_evaluation_report(figures, facts, recommendations, buffer)
    stages = " ".join((figures.get("stages") or {}).keys())
    name = file_name(f"Laporan monev {selection.name} {selection.year} {stages}")
    # Not registered as printed: the report certifies nothing a paper copy must be checked
    # against (it is the tim monev's reading of the figures, not a decision).
    return RenderedDocument(buffer.getvalue(), pages, name)


def report_facts(
    db: Database,
    selection_id: int,
    *,
    local_code: str = "",
    scope: str = "",
    today: dt.date | None = None,
) -> ReportFacts:
    """What a report says of its selection: its name, instansi and year, the day printed, a
    new document id, and the kop surat of the document settings."""
    from app.reports.model import Letterhead
    from app.reports.monev import ReportFacts

    selection = resolve_selection(db, selection_id)
    settings = document_settings(db, selection_id)
    day = today or dt.date.today()
    return ReportFacts(
        selection_name=selection.name,
        instansi=selection.instansi or settings.office,
        year=selection.year,
        printed_at=day,
        local_code=local_code,
        scope=scope,
        document_id=f"SASN-{day.year}-{uuid.uuid4().hex[:10].upper()}",
        letterhead=Letterhead(
            government=settings.government,
            office=settings.office,
            address=settings.address,
            logo=settings.logo,
        ),
    )


def stored_recommendations(db: Database, selection_id: int) -> list[RecommendationLine]:
    """The standing recommendations as the report prints them: the author's full name when
    the account has one, the day written (in the local calendar), in the order written."""
    from app.reports.monev import RecommendationLine
    from app.reports.wording import long_date

    from .recommendations import list_recommendations
    from .users import list_users

    names = {user.username: user.full_name or user.username for user in list_users(db)}
    lines = []
    for found in list_recommendations(db, selection_id):
        moment = found.revised_at or found.written_at
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        lines.append(
            RecommendationLine(
                finding_key=found.finding_key,
                text=found.text,
                author=names.get(found.author, found.author),
                written_at=long_date(moment.astimezone().date()),
            )
        )
    return lines
