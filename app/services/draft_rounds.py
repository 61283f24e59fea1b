"""Where a double entry's rounds are kept (``score_draft``) and how they settle into ``score``.

Each person's typing is a draft in a round of its own; after every change the two rounds are
compared (``app.scoring.double_entry``), agreeing values become the confirmed ``score`` rows
(written with the score table's own row replacement, so "a whole value and aspect values
exclude each other" holds) and a value that no longer agrees is withdrawn from ``score`` until
it agrees again. Every change and its consequences go to the audit trail in the same
transaction. ``DRAFT_ROUNDS`` is the store ``entering.enter_score`` writes a draft through.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from app.clock import utc_now
from app.scoring import Component, Scheme, Stage
from app.scoring.double_entry import Comparison, Round, compare_rounds, free_round, own_round
from app.scoring.score_rows import StoredRow

from .actor import Actor
from .audit import record
from .entering import ScoreTarget, entry_target
from .errors import UserError
from .schemes import SchemeIds
from .sheets import ScoreChange, read_rows, replace_rows, rows_as_json, score_key


def read_rounds(
    connection: sqlite3.Connection, participant_id: int, component_id: int, assessor: str
) -> dict[int, Round]:
    """The sheet row's rounds by number (a round nobody typed in is missing)."""
    rounds: dict[int, Round] = {}
    for round_, aspect, milli, text, absent, by in connection.execute(
        "SELECT round, aspect, value_milli, value_text, absent, entered_by FROM score_draft"
        " WHERE participant_id = ? AND component_id = ? AND assessor = ?",
        (participant_id, component_id, assessor),
    ):
        entry = rounds.setdefault(round_, Round(by))
        entry.rows[aspect] = StoredRow(aspect, milli, text, bool(absent))
    return rounds


def put_round(
    connection: sqlite3.Connection,
    participant_id: int,
    component_id: int,
    assessor: str,
    round_: int,
    by: str,
    rows: Iterable[StoredRow],
) -> None:
    """Make one round of the sheet row exactly ``rows`` (none: the round is empty again)."""
    connection.execute(
        "DELETE FROM score_draft WHERE participant_id = ? AND component_id = ? AND assessor = ?"
        " AND round = ?",
        (participant_id, component_id, assessor, round_),
    )
    now = utc_now().isoformat(sep=" ")
    connection.executemany(
        "INSERT INTO score_draft (participant_id, component_id, assessor, aspect, round,"
        " value_milli, value_text, absent, entered_by, entered_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                participant_id,
                component_id,
                assessor,
                r.aspect,
                round_,
                r.milli,
                r.text,
                r.absent,
                by,
                now,
            )
            for r in rows
        ],
    )


def draft_target(
    connection: sqlite3.Connection,
    actor: Actor,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    stage: Stage,
    component: Component,
    participant_no: str,
    assessor: str,
    *,
    entering: bool,
    check_cut: bool = True,
) -> ScoreTarget:
    """``entering.entry_target`` for a component that must be a double-entry one."""
    DRAFT_ROUNDS.check(component)
    return entry_target(
        connection,
        actor,
        selection_id,
        scheme,
        ids,
        stage,
        component,
        participant_no,
        assessor,
        entering=entering,
        check_cut=check_cut,
    )


def settle(
    connection: sqlite3.Connection, actor: Actor, target: ScoreTarget
) -> tuple[tuple[StoredRow, ...], tuple[StoredRow, ...], Comparison, dict[int, Round]]:
    """Make the confirmed ``score`` rows of the sheet row exactly the agreeing values.

    Returns the confirmed rows before and after, the comparison and the rounds.
    """
    rounds = read_rounds(connection, target.participant_id, target.component_id, target.assessor)
    outcome = compare_rounds(target.component, rounds)
    current = read_rows(connection, target.participant_id, target.component_id, target.assessor)
    confirmed = outcome.confirmed()
    if confirmed != current:
        replace_rows(
            connection,
            actor,
            target.participant_id,
            target.component_id,
            target.assessor,
            confirmed,
        )
    return current, confirmed, outcome, rounds


def mismatch_json(
    mismatches: Iterable[tuple[str, str, str]], rounds: dict[int, Round]
) -> list[dict[str, str]]:
    """Mismatches as the audit trail keeps them: both values and who typed each."""
    return [
        {
            "aspect": aspect,
            "first": first,
            "first_by": rounds[1].by,
            "second": second,
            "second_by": rounds[2].by,
        }
        for aspect, first, second in mismatches
    ]


def change_own_round(
    connection: sqlite3.Connection,
    actor: Actor,
    target: ScoreTarget,
    after: tuple[StoredRow, ...],
    *,
    action: str,
    reason: str = "",
) -> ScoreChange:
    """Make the actor's own round of the sheet row ``after``, then settle and audit.

    A newcomer takes the free round; when both are held by others the change is refused.
    """
    rounds = read_rounds(connection, target.participant_id, target.component_id, target.assessor)
    own = own_round(rounds, actor.name)
    before = rounds[own].stored() if own is not None else ()
    change = ScoreChange(
        target.selection_id,
        target.participant_no,
        target.component.code,
        target.assessor,
        before,
        after,
    )
    if before == after:
        return change
    if own is None:
        own = free_round(rounds)
        if own is None:
            raise UserError("double.rounds_taken", first=rounds[1].by, second=rounds[2].by)
    mismatched_before = set(compare_rounds(target.component, rounds).mismatched)
    put_round(
        connection,
        target.participant_id,
        target.component_id,
        target.assessor,
        own,
        actor.name,
        after,
    )
    record(
        connection,
        actor,
        action,
        selection_id=target.selection_id,
        entity="score_draft",
        key=score_key(target.component.code, target.assessor),
        participant=target.participant_no,
        old={"round": own, "values": rows_as_json(before)},
        new={"round": own, "values": rows_as_json(after)},
        reason=reason,
    )
    audit_settled(connection, actor, target, mismatched_before)
    return change


def audit_settled(
    connection: sqlite3.Connection,
    actor: Actor,
    target: ScoreTarget,
    mismatched_before: set[tuple[str, str, str]],
    *,
    resolved: bool = False,
) -> tuple[tuple[StoredRow, ...], tuple[StoredRow, ...]]:
    """Settle the sheet row and audit what changed: confirmed or withdrawn values (unless an
    admin's decision, ``resolved``, audits them itself) and mismatches that are new."""
    current, confirmed, outcome, rounds = settle(connection, actor, target)
    key = score_key(target.component.code, target.assessor)
    if confirmed != current and not resolved:
        gained = any(row not in current for row in confirmed)
        record(
            connection,
            actor,
            "score.confirmed" if gained else "score.unconfirmed",
            selection_id=target.selection_id,
            entity="score",
            key=key,
            participant=target.participant_no,
            old=rows_as_json(current),
            new=rows_as_json(confirmed),
        )
    new_mismatches = [m for m in outcome.mismatched if m not in mismatched_before]
    if new_mismatches:
        record(
            connection,
            actor,
            "score.mismatch",
            selection_id=target.selection_id,
            entity="score_draft",
            key=key,
            participant=target.participant_no,
            new=mismatch_json(new_mismatches, rounds),
        )
    return current, confirmed


class _DraftRounds:
    """A double-entry component's sheet rows: the actor's own round of each."""

    def check(self, component: Component) -> None:
        if not component.double_entry:
            raise UserError("double.not_double_entry", component=component.code)

    def held(
        self, connection: sqlite3.Connection, actor: Actor, target: ScoreTarget
    ) -> tuple[StoredRow, ...]:
        rounds = read_rounds(
            connection, target.participant_id, target.component_id, target.assessor
        )
        own = own_round(rounds, actor.name)
        return rounds[own].stored() if own is not None else ()

    def write(
        self,
        connection: sqlite3.Connection,
        actor: Actor,
        target: ScoreTarget,
        before: tuple[StoredRow, ...],
        after: tuple[StoredRow, ...],
        reason: str,
    ) -> ScoreChange:
        del before  # the round is read again inside the write, with the other round
        return change_own_round(
            connection, actor, target, after, action="score.draft", reason=reason
        )


DRAFT_ROUNDS = _DraftRounds()
