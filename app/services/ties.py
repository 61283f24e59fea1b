"""Complete ties at the vacancy boundary, and the committee's decision on them (issue #10 §3).

At the final stage, participants equal on every ranking key (PermenPANRB 6/2024 Pasal 45(4)
and 47(3): the final score, then the tie-break chain of the scheme) across the last seat
cannot be separated by any rule. Until the committee decides, the group prints ``SERI``,
takes no seat, and its formation can be neither finalized nor announced. The decision (who
takes the remaining seats, why, and the minutes of the meeting that decided it) is recorded
here, audited, and applies while the tie is still the group it was made for; once the
formation is final it changes only after reopening.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal

from app.numbers import fixed_places
from app.scoring.status import Status

from .actor import Actor
from .changes import NO_CHANGES, SCORES, Changes
from .columns import now_text
from .database import Database
from .door import permit, write
from .errors import UserError
from .permissions import Action


@dataclass(frozen=True, slots=True)
class TiedParticipant:
    """``final`` is the value (each reader formats it: the CLI in Indonesian, the window in
    the interface language) with ``TieGroup.final_places`` decimals."""

    number: str
    name: str
    final: Decimal | None
    rank: int | None


@dataclass(frozen=True, slots=True)
class TieGroup:
    """One formation's tie at the boundary: who is tied, how many seats remain for them, and
    the decision when there is one that still applies."""

    stage: str
    formation: str
    seats: int
    participants: tuple[TiedParticipant, ...]
    decision: TieDecisionInfo | None = None
    final_places: int | None = 3
    """Decimals of the final value as printed (``fixed_places`` of the stage)."""

    @property
    def decided(self) -> bool:
        return self.decision is not None and self.decision.applies


@dataclass(frozen=True, slots=True)
class TieDecisionInfo:
    winners: tuple[str, ...]
    reason: str
    reference: str
    decided_by: str
    decided_at: str
    applies: bool = True
    changes: Changes = field(default=NO_CHANGES, compare=False)


def list_ties(db: Database, selection_id: int, stage_code: str | None = None) -> list[TieGroup]:
    """Every tie at the boundary of the (final) stage, decided or not, by formation."""
    from .ranking import compute_ranking

    ranking = compute_ranking(db, selection_id, stage_code)
    stage = ranking.stage.code
    by_formation: dict[str, list[TiedParticipant]] = {}
    clear_winners: dict[str, int] = {}
    for row in ranking.rows:
        if row.tie:
            by_formation.setdefault(row.formation, []).append(
                TiedParticipant(row.number, row.name, row.final, row.rank)
            )
    for row in ranking.rows:
        if row.formation in by_formation and not row.tie and row.status is Status.WITHIN_QUOTA:
            clear_winners[row.formation] = clear_winners.get(row.formation, 0) + 1
    stored = _stored_decisions(db, selection_id, stage)
    places = fixed_places(ranking.stage.plain_sum).get("nilai_akhir")
    groups = []
    for code in sorted(by_formation):
        tied = tuple(by_formation[code])
        seats = ranking.quotas.get(code, 0) - clear_winners.get(code, 0)
        decision = stored.get(code)
        if decision is not None:
            numbers = {p.number for p in tied}
            applies = decision[1] == numbers and len(decision[0].winners) == seats
            decision = (_with_applies(decision[0], applies), decision[1])
        groups.append(
            TieGroup(
                stage,
                code,
                seats,
                tied,
                decision[0] if decision is not None else None,
                places,
            )
        )
    return groups


def decide_tie(
    db: Database,
    actor: Actor,
    selection_id: int,
    stage_code: str | None,
    formation: str,
    winners: list[str],
    reason: str,
    reference: str,
) -> TieDecisionInfo:
    """Record who takes the remaining seat(s) of a tied formation. Admin; audited; refused
    once the formation is final at that stage (reopen first)."""
    permit(db, actor, Action.DECIDE_TIE, selection_id)
    reason, reference = " ".join(reason.split()), " ".join(reference.split())
    if not reason:
        raise UserError("tie.reason_required")
    if not reference:
        raise UserError("tie.reference_required")
    formation = formation.strip().upper()
    groups = {g.formation: g for g in list_ties(db, selection_id, stage_code)}
    group = groups.get(formation)
    if group is None:
        raise UserError("tie.none", formation=formation)
    tied = [p.number for p in group.participants]
    chosen = list(dict.fromkeys(w.strip() for w in winners if w.strip()))
    strangers = [number for number in chosen if number not in tied]
    if strangers:
        raise UserError(
            "tie.not_tied", numbers=", ".join(strangers), formation=formation, tied=", ".join(tied)
        )
    if len(chosen) != group.seats:
        raise UserError(
            "tie.wrong_count", formation=formation, seats=group.seats, count=len(chosen)
        )
    from .finalization import finalized_formations

    if formation in finalized_formations(db, selection_id, group.stage):
        raise UserError("tie.final", formation=formation, stage=group.stage)
    with write(db, actor, Action.DECIDE_TIE, selection_id, kinds=[SCORES]) as action:
        connection = action.connection
        stage_id, formation_id = connection.execute(
            "SELECT s.id, f.id FROM stage s JOIN formation f ON f.selection_id = s.selection_id"
            " WHERE s.selection_id = ? AND s.code = ? AND f.code = ?",
            (selection_id, group.stage, formation),
        ).fetchone()
        previous = connection.execute(
            "SELECT winners, reason, reference FROM tie_decision"
            " WHERE stage_id = ? AND formation_id = ?",
            (stage_id, formation_id),
        ).fetchone()
        values = (json.dumps(sorted(tied)), json.dumps(sorted(chosen)), reason, reference)
        when = now_text()
        if previous is None:
            connection.execute(
                "INSERT INTO tie_decision (stage_id, formation_id, tied, winners, reason,"
                " reference, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (stage_id, formation_id, *values, actor.name, when),
            )
        else:
            connection.execute(
                "UPDATE tie_decision SET tied = ?, winners = ?, reason = ?, reference = ?,"
                " decided_by = ?, decided_at = ? WHERE stage_id = ? AND formation_id = ?",
                (*values, actor.name, when, stage_id, formation_id),
            )
        action.touch_formations(formation)
        action.audit(
            "tie.decided",
            entity="tie",
            key=f"{group.stage}/{formation}",
            old=None
            if previous is None
            else {"winners": json.loads(previous[0]), "reference": previous[2]},
            new={"tied": sorted(tied), "winners": sorted(chosen), "reference": reference},
            reason=reason,
        )
    return TieDecisionInfo(
        tuple(sorted(chosen)), reason, reference, actor.name, when, True, action.changes
    )


def undecided_ties(
    db: Database, selection_id: int, stage_code: str, formations: set[str] | None = None
) -> list[TieGroup]:
    """The ties still waiting for the committee (in ``formations``, when given)."""
    return [
        group
        for group in list_ties(db, selection_id, stage_code)
        if not group.decided and (formations is None or group.formation in formations)
    ]


def _stored_decisions(
    db: Database, selection_id: int, stage_code: str
) -> dict[str, tuple[TieDecisionInfo, set[str]]]:
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT f.code, d.tied, d.winners, d.reason, d.reference, d.decided_by,"
            " d.decided_at FROM tie_decision d JOIN stage s ON s.id = d.stage_id"
            " JOIN formation f ON f.id = d.formation_id WHERE s.selection_id = ? AND s.code = ?",
            (selection_id, stage_code),
        ).fetchall()
    return {
        code: (
            TieDecisionInfo(tuple(json.loads(winners)), reason, reference, by, str(at)),
            set(json.loads(tied)),
        )
        for code, tied, winners, reason, reference, by, at in rows
    }


def _with_applies(info: TieDecisionInfo, applies: bool) -> TieDecisionInfo:
    return TieDecisionInfo(
        info.winners, info.reason, info.reference, info.decided_by, info.decided_at, applies
    )
