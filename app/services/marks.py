"""Marking a participant withdrawn (APS), failing a requirement (TMS) or disqualified (DIS)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.scoring.scheme import MARK_KINDS

from .actor import Actor
from .changes import MARKS, NO_CHANGES, Changes
from .columns import now_text
from .database import Database
from .door import permit, write
from .errors import UserError
from .finalization import ensure_participant_unlocked
from .permissions import Action


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
    permit(db, actor, Action.MARK_PARTICIPANT, selection_id)  # before the input is even looked at
    kind = kind.strip().upper()
    if kind not in MARK_KINDS:
        raise UserError("mark.bad_kind", value=kind, choices=MARK_KINDS)
    reason = " ".join(reason.split())
    if not reason:
        raise UserError("mark.reason_required")
    with write(db, actor, Action.MARK_PARTICIPANT, selection_id, kinds=[MARKS]) as action:
        connection = action.connection
        participant = connection.execute(
            "SELECT p.id, f.code FROM participant p JOIN formation f ON f.id = p.formation_id"
            " WHERE p.selection_id = ? AND p.number = ?",
            (selection_id, participant_no),
        ).fetchone()
        if participant is None:
            raise UserError("participant.not_found", value=participant_no)
        participant_id, formation_code = participant
        stages = dict(
            connection.execute(
                "SELECT code, id FROM stage WHERE selection_id = ? ORDER BY position",
                (selection_id,),
            ).fetchall()
        )
        stage = next(iter(stages), "") if stage_code is None else stage_code.upper()
        if stage not in stages:
            raise UserError("stage.not_found", value=stage_code, choices=list(stages))
        stage_id = stages[stage]
        # A finalized stage (or a later one) of the participant's formation is read-only.
        ensure_participant_unlocked(connection, selection_id, stage, participant_no)
        duplicate = connection.execute(
            "SELECT 1 FROM participant_mark WHERE participant_id = ? AND kind = ? AND stage_id = ?",
            (participant_id, kind, stage_id),
        ).fetchone()
        if duplicate is not None:
            raise UserError("mark.exists", value=participant_no, kind=kind, stage=stage)
        connection.execute(
            "INSERT INTO participant_mark (participant_id, stage_id, kind, reason, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (participant_id, stage_id, kind, reason, actor.name, now_text()),
        )
        action.audit(
            "participant.marked",
            entity="mark",
            key=f"{kind}|{stage}",
            participant=participant_no,
            new={"kind": kind, "stage": stage},
            reason=reason,
        )
        action.touch_formations(formation_code)
    return MarkInfo(participant_no, kind, stage, reason, actor.name, action.changes)
