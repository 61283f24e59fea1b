"""What the Monev page asks for, and the work that answers it off the GUI thread.

Nothing here touches a widget: ``load_evaluation`` and ``export_tables`` run on a pool thread
(through ``operations.LiveQuery`` / ``QueryOp``) and only call services. One load computes
every stage for the chosen formation or agency, so switching the stage shown is instant and
the exported workbook is exactly what the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.messages.findings import finding_text
from app.scoring import Scheme
from app.scoring.monev.findings import findings
from app.services.database import Database
from app.services.documents import RenderedDocument
from app.services.evaluation import FilterChoices, filter_choices
from app.services.evaluation_report import evaluation_report_pdf, report_figures
from app.services.evaluation_tables import write_tables
from app.services.scheme_edit import current_scheme

from ...widgets.recommendations_panel import FindingLine


@dataclass(frozen=True, slots=True)
class MonevRequest:
    generation: int
    selection_id: int
    formation: str | None
    unit: str | None
    local_code: str


@dataclass(frozen=True, slots=True)
class LoadedMonev:
    """The figures (``evaluation.evaluation``'s dict), the scheme they are of (names,
    scales, thresholds), what the filters offer, and the filter they were computed for (a
    formation or agency that vanished since is dropped: everyone is shown instead)."""

    request: MonevRequest
    figures: dict[str, Any]
    scheme: Scheme
    choices: FilterChoices
    formation: str | None
    unit: str | None
    findings: tuple[FindingLine, ...] = ()
    """What the figures flag, in words of the interface language (with their stable keys)."""


def load_evaluation(db: Database, request: MonevRequest) -> LoadedMonev:
    choices = filter_choices(db, request.selection_id)
    formation = request.formation
    if formation is not None and formation not in {f.code for f in choices.formations}:
        formation = None
    unit = request.unit if request.unit in choices.units else None
    scheme = current_scheme(db, request.selection_id)
    figures = report_figures(
        db, request.selection_id, local_code=request.local_code, formation=formation, unit=unit
    )
    several = len(figures["stages"]) > 1
    found = tuple(
        FindingLine(f.key, f.severity, finding_text(f, with_stage=several))
        for f in findings(figures)
    )
    return LoadedMonev(request, figures, scheme, choices, formation, unit, found)


def export_report(db: Database, loaded: LoadedMonev, scope: str, path: Path) -> tuple[Path, int]:
    """The Laporan Monitoring dan Evaluasi of the shown figures, with the stored
    recommendations, written to ``path``; returns the path and the page count."""
    report: RenderedDocument = evaluation_report_pdf(
        db,
        loaded.request.selection_id,
        loaded.figures,
        local_code=loaded.request.local_code,
        scope=scope,
    )
    return path, report.save(path)


def export_tables(figures: dict[str, Any], path: Path) -> Path:
    """The shown figures as the workbook of ``seleksi evaluate --xlsx``."""
    return write_tables(figures, path)
