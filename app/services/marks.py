"""Marking a participant withdrawn (APS), failing a requirement (TMS) or disqualified (DIS)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.models import Formation, Participant, ParticipantMark, Stage
from app.scoring.scheme import MARK_KINDS

from .actor import Actor
from .changes import MARKS, NO_CHANGES, Changes
from .database import Database
from .door import write
from .errors import UserError
from .finalization import ensure_participant_unlocked
from .permissions import Action, require


@dataclass(frozen=True, slots=True)
class MarkInfo:
    participant_no: str
    kind: str
    stage: str
    reason: str
    created_by: str
    changes: Changes = field(default=NO_CHANGES, compare=False)


def mark_participant(
    db: Database,
    actor: Actor,
    selection_id: int,
    participant_no: str,
    kind: str,
    reason: str,
    stage_code: str | None = None,
) -> MarkInfo:
    """Record a mark from ``stage_code`` (default: the first stage) on; a reason is required."""
    require(actor, Action.MARK_PARTICIPANT)  # before the input is even looked at
    kind = kind.strip().upper()
    if kind not in MARK_KINDS:
        raise UserError("mark.bad_kind", value=kind, choices=MARK_KINDS)
    reason = " ".join(reason.split())
    if not reason:
        raise UserError("mark.reason_required")
    with write(db, actor, Action.MARK_PARTICIPANT, selection_id, kinds=[MARKS]) as action:
        session = action.session
        participant = session.scalars(
            select(Participant).where(
                Participant.selection_id == selection_id, Participant.number == participant_no
            )
        ).first()
        if participant is None:
            raise UserError("participant.not_found", value=participant_no)
        stages = session.scalars(
            select(Stage).where(Stage.selection_id == selection_id).order_by(Stage.position)
        ).all()
        if stage_code is None:
            stage = stages[0]
        else:
            named = next((s for s in stages if s.code == stage_code.upper()), None)
            if named is None:
                raise UserError(
                    "stage.not_found", value=stage_code, choices=[s.code for s in stages]
                )
            stage = named
        # A finalized stage (or a later one) of the participant's formation is read-only.
        ensure_participant_unlocked(action.connection, selection_id, stage.code, participant_no)
        duplicate = session.scalars(
            select(ParticipantMark).where(
                ParticipantMark.participant_id == participant.id,
                ParticipantMark.kind == kind,
                ParticipantMark.stage_id == stage.id,
            )
        ).first()
        if duplicate is not None:
            raise UserError("mark.exists", value=participant_no, kind=kind, stage=stage.code)
        session.add(
            ParticipantMark(
                participant_id=participant.id,
                stage_id=stage.id,
                kind=kind,
                reason=reason,
                created_by=actor.name,
            )
        )
        action.audit(
            "participant.marked",
            entity="mark",
            key=f"{kind}|{stage.code}",
            participant=participant_no,
            new={"kind": kind, "stage": stage.code},
            reason=reason,
        )
        formation = session.get(Formation, participant.formation_id)
        action.touch_formations(formation.code if formation is not None else "")
    return MarkInfo(participant_no, kind, stage.code, reason, actor.name, action.changes)
