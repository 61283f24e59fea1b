"""What an announcement of a stage would print, checked before it is issued.

Incomplete scores, results not yet finalized and complete ties at the vacancy boundary that
the committee has not decided yet (``SERI``) block issuing; the issue dialog shows this summary
first.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.scoring.status import Status
from app.services.database import Database
from app.services.finalization import finalization_status
from app.services.formations import list_formations
from app.services.ranking import compute_ranking


@dataclass(frozen=True, slots=True)
class StageReadiness:
    """What the dialog needs to know about a stage's ranking before issuing it.

    ``counts`` pairs each status code with its number of participants, in the legend's order;
    ``tie_formations`` are the formations with an undecided ``SERI`` tie; ``not_final``
    the formations with participants whose results of this stage are not finalized yet, out of
    ``formations`` such formations (an announcement is issued only from final data).
    """

    stage: str
    stage_name: str
    total: int
    counts: tuple[tuple[str, int], ...]
    incomplete: int
    tie_formations: tuple[str, ...]
    not_final: tuple[str, ...] = ()
    formations: int = 0

    @property
    def blocked(self) -> bool:
        return bool(self.incomplete or self.not_final or self.tie_formations)


def stage_readiness(db: Database, selection_id: int, stage_code: str) -> StageReadiness:
    """Summarise the ranking the announcement will print; runs on a worker thread (100k rows
    must not be walked on the GUI thread)."""
    ranking = compute_ranking(db, selection_id, stage_code)
    # Every code of the stage, in the order the legend explains them; unused ones drop out.
    codes = ranking.stage.codes
    counts: dict[str, int] = dict.fromkeys(codes.all(), 0)
    incomplete = 0
    ties: set[str] = set()
    for row in ranking.rows:
        code = codes.code_for(row.status)
        if code is None:
            incomplete += 1
        else:
            counts[code] = counts.get(code, 0) + 1
        if row.status is Status.TIED:  # a tie still waiting for the committee
            ties.add(row.formation)
    with_participants = {f.code for f in list_formations(db, selection_id) if f.participants}
    status = finalization_status(db, selection_id, ranking.stage.code)
    return StageReadiness(
        stage=ranking.stage.code,
        stage_name=ranking.stage.name,
        total=len(ranking.rows),
        counts=tuple((code, count) for code, count in counts.items() if count),
        incomplete=incomplete,
        tie_formations=tuple(sorted(ties)),
        not_final=tuple(sorted(with_participants - set(status.locked))),
        formations=len(with_participants),
    )
