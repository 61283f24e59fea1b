"""Marking a participant withdrawn (APS), failing a requirement (TMS) or disqualified (DIS)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.models import Participant, ParticipantMark, Stage
from app.scoring.scheme import MARK_KINDS

from .actor import Actor, require_role
from .audit import record
from .database import Database, raw_connection
from .errors import UserError
from .finalization import ensure_participant_unlocked


@dataclass(frozen=True, slots=True)
class MarkInfo:
    participant_no: str
    kind: str
    stage: str
    reason: str
    created_by: str


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
    require_role(actor, "admin", "operator")
    kind = kind.strip().upper()
    if kind not in MARK_KINDS:
        raise UserError("mark.bad_kind", value=kind, choices=MARK_KINDS)
    reason = " ".join(reason.split())
    if not reason:
        raise UserError("mark.reason_required")
    with db.session() as session:
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
        ensure_participant_unlocked(
            raw_connection(session), selection_id, stage.code, participant_no
        )
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
        record(
            raw_connection(session),
            actor,
            "participant.marked",
            selection_id=selection_id,
            entity="mark",
            key=f"{kind}|{stage.code}",
            participant=participant_no,
            new={"kind": kind, "stage": stage.code},
            reason=reason,
        )
        return MarkInfo(participant_no, kind, stage.code, reason, actor.name)
