"""What the Rankings page asks for, and the work that answers it off the GUI thread.

Nothing here touches a widget: ``load_ranking`` and ``export_ranking`` run on a pool thread
(through ``operations.LiveQuery`` / ``QueryOp``), so they only call services and build the
plain ``RankingView`` the table model shows.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

from app.bulk import collector_paused
from app.scoring import Stage
from app.services.database import Database
from app.services.double_entry import pending_count
from app.services.errors import UserError
from app.services.finalization import FinalizationStatus, finalization_status
from app.services.formations import FormationRow, list_formations
from app.services.people_export import write_ranking_for_people
from app.services.ranking import compute_ranking
from app.services.ranking_export import write_ranking_xlsx
from app.services.spread import spread_flags

from ...ranking_model import RankingView, build_view


@dataclass(frozen=True, slots=True)
class LoadRequest:
    generation: int
    selection_id: int
    stage: str | None
    formation: str | None


@dataclass(slots=True)
class LoadedRanking:
    """What a worker hands back: the view, and what the combo boxes offer."""

    request: LoadRequest
    view: RankingView
    stages: list[tuple[str, str]]
    formations: list[FormationRow]
    stage: Stage
    formation: str | None
    final_stage: bool
    pending: int = 0
    """Double-entry values not confirmed yet: left out of this ranking until they are."""
    spread: int = 0
    """Participants whose assessors differ by more than the component allows."""
    finalization: FinalizationStatus | None = None
    """The stage's finalization, read with the ranking so the badge matches the table."""


@dataclass(frozen=True, slots=True)
class ExportRequest:
    selection_id: int
    stage: str | None
    formation: str | None
    path: Path
    form: str


@dataclass(frozen=True, slots=True)
class ExportedRanking:
    """``rows`` written to ``request.path``, or ``error``: why the file could not be written
    (a full flash disk or a file open in Excel is the user's to fix, not a bug)."""

    request: ExportRequest
    rows: int = 0
    error: str = ""


@dataclass(slots=True)
class Failure:
    """A worker's error: ``text`` for the user, ``details`` (a traceback) only if unexpected."""

    text: str
    details: str = ""
    cause: BaseException | None = field(default=None, repr=False)


def failure_of(error: BaseException) -> Failure:
    """How the page words an error: a refusal in the service's words; a bug with its trace."""
    if isinstance(error, UserError):
        return Failure(error.text(), cause=error)
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return Failure(str(error) or type(error).__name__, details, error)


def load_ranking(db: Database, request: LoadRequest) -> LoadedRanking:
    """Compute the ranking the page asked for; a formation or stage that has vanished since
    (edited scheme, deleted formation) falls back to all formations / the last stage."""
    formations = list_formations(db, request.selection_id)
    formation = request.formation
    if formation is not None and formation not in {f.code for f in formations}:
        formation = None
    try:
        ranking = compute_ranking(db, request.selection_id, request.stage, formation)
    except UserError as error:
        if error.message != "stage.not_found":
            raise
        ranking = compute_ranking(db, request.selection_id, None, formation)
    with collector_paused():  # 100k small objects, no cycles: see app.bulk
        view = build_view(ranking)
    try:
        finalization: FinalizationStatus | None = finalization_status(
            db, request.selection_id, ranking.stage.code
        )
    except UserError:  # the badge is left out; the ranking itself is still worth showing
        finalization = None
    return LoadedRanking(
        request=request,
        view=view,
        stages=[(stage.code, stage.name) for stage in ranking.scheme.stages],
        formations=formations,
        stage=ranking.stage,
        formation=formation,
        final_stage=ranking.scheme.is_final(ranking.stage),
        pending=pending_count(db, request.selection_id, ranking.stage.code),
        spread=len(spread_flags(db, request.selection_id, ranking.stage.code)),
        finalization=finalization,
    )


def export_ranking(db: Database, request: ExportRequest) -> ExportedRanking:
    """Write the file from a fresh ranking: the XLSX with numbers as numbers, the CSV the
    way Excel in Indonesian settings opens it (``people_export``)."""
    ranking = compute_ranking(db, request.selection_id, request.stage, request.formation)
    try:
        if request.form == "xlsx":
            write_ranking_xlsx(ranking, request.path)
        else:
            write_ranking_for_people(ranking, request.path)  # Excel-ready: ;  decimal comma
    except OSError as error:
        return ExportedRanking(request, error=error.strerror or str(error))
    return ExportedRanking(request, rows=len(ranking.rows))
