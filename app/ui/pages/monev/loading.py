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

from app.scoring import Scheme
from app.services.database import Database
from app.services.evaluation import FilterChoices, evaluation, filter_choices
from app.services.evaluation_tables import write_tables
from app.services.scheme_edit import current_scheme


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


def load_evaluation(db: Database, request: MonevRequest) -> LoadedMonev:
    choices = filter_choices(db, request.selection_id)
    formation = request.formation
    if formation is not None and formation not in {f.code for f in choices.formations}:
        formation = None
    unit = request.unit if request.unit in choices.units else None
    scheme = current_scheme(db, request.selection_id)
    figures = evaluation(
        db, request.selection_id, local_code=request.local_code, formation=formation, unit=unit
    )
    return LoadedMonev(request, figures, scheme, choices, formation, unit)


def export_tables(figures: dict[str, Any], path: Path) -> Path:
    """The shown figures as the workbook of ``seleksi evaluate --xlsx``."""
    return write_tables(figures, path)
