"""Entering one typed value into a sheet row: the one path for single and double entry.

``enter_score`` checks the row (own assessor name, the stage cut, a finalized formation), reads
the typed text by the same rules as imports, asks for a reason when a value already entered
changes, and hands the result to the row's store, which writes it with its audit event: the
score table itself (``CONFIRMED``, single entry) or a person's round of a double entry
(``draft_rounds.DRAFT_ROUNDS``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Protocol

from app.scoring import Component, Scheme, Stage, ValueProblem
from app.scoring.score_rows import StoredRow

from .actor import Actor
from .audit import record
from .errors import PermissionDenied, UserError
from .finalization import ensure_unlocked
from .permissions import Action, require
from .schemes import SchemeIds
from .scores_import import assessor_key, parse_score_text
from .sheets import (
    ABSENT_INPUTS,
    ScoreChange,
    changed_elsewhere,
    read_rows,
    replace_rows,
    rows_as_json,
    same_rows,
    score_key,
    stage_entrants,
)


@dataclass(frozen=True, slots=True)
class ScoreTarget:
    """A checked sheet row: who, which component, under whose assessor name."""

    selection_id: int
    participant_no: str
    participant_id: int
    component: Component
    component_id: int
    assessor: str


def entry_target(
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
    aspect: str = "",
    entering: bool = True,
    check_cut: bool = True,
) -> ScoreTarget:
    """The checks before a sheet row changes: the own assessor name and the stage cut when
    ``entering`` (not the cut for an undo, not either for an admin's decision), a known
    ``aspect``, the participant and an unlocked formation always."""
    key = assessor_key(component, assessor.strip())
    if (
        entering
        and actor.role == "penilai"
        and component.assessors > 1
        and key != actor.assessor_name
    ):
        raise PermissionDenied("entry.own_name_only", name=actor.assessor_name)
    if component.assessors > 1 and not key:
        raise UserError("entry.assessor_required", component=component.code)
    if aspect and aspect not in {a.code for a in component.aspects}:
        raise UserError(
            "import.unknown_component",
            value=f"{component.code}.{aspect}",
            choices=", ".join(f"{component.code}.{a.code}" for a in component.aspects),
        )
    if entering:
        _ensure_in_scope(connection, component)
    row = connection.execute(
        "SELECT p.id, f.code FROM participant p JOIN formation f ON f.id = p.formation_id"
        " WHERE p.selection_id = ? AND p.number = ?",
        (selection_id, participant_no),
    ).fetchone()
    if row is None:
        raise UserError("participant.not_found", value=participant_no)
    participant_id, formation = row
    ensure_unlocked(connection, selection_id, stage.code, formation)  # finalized: read-only
    if entering and check_cut:
        entrants = stage_entrants(connection, selection_id, scheme, ids, stage, formation)
        if entrants is not None and participant_no not in entrants:
            raise UserError("entry.stage_not_reached", value=participant_no, stage=stage.code)
    return ScoreTarget(
        selection_id,
        participant_no,
        participant_id,
        component,
        ids.components[component.code],
        key,
    )


def _ensure_in_scope(connection: sqlite3.Connection, component: Component) -> None:
    """A field laptop prepared for some components takes no other (issue #12 §1)."""
    device = connection.execute("SELECT name, scope FROM device_self WHERE id = 1").fetchone()
    if device is None:
        return
    components = json.loads(device[1]).get("components") or []
    if components and component.code not in components:
        raise UserError(
            "device.out_of_scope",
            name=device[0],
            components=", ".join(components),
            component=component.code,
        )


def typed_rows(
    component: Component, before: tuple[StoredRow, ...], text: str, aspect: str
) -> tuple[StoredRow, ...]:
    """The sheet row after typing ``text`` into ``aspect`` (``""``: the whole value).

    ``""`` clears the value, ``TH``/``T`` records absence (replacing every aspect), and a whole
    value and aspect values exclude each other. Sorted by aspect, as the tables are read.
    """
    cleaned = text.strip()
    if cleaned.upper() in ABSENT_INPUTS:
        cleaned = "TH"
    if not cleaned:
        after = tuple(r for r in before if r.aspect != aspect and not r.absent)
    else:
        try:
            milli, category, absent = parse_score_text(component, cleaned)
        except ValueProblem as problem:
            raise UserError(problem.message, **problem.params) from None
        new = StoredRow("" if absent else aspect, milli, category, absent)
        if absent or not aspect:
            after = (new,)
        else:
            after = (*(r for r in before if r.aspect and r.aspect != aspect), new)
    return tuple(sorted(after, key=lambda r: r.aspect))


class RowStore(Protocol):
    """Where one person's values of a sheet row are kept, for ``enter_score``."""

    def check(self, component: Component) -> None:
        """Refuse a component this store does not keep."""

    def held(
        self, connection: sqlite3.Connection, actor: Actor, target: ScoreTarget
    ) -> tuple[StoredRow, ...]:
        """What ``actor`` has in the sheet row now (what the save replaces)."""

    def write(
        self,
        connection: sqlite3.Connection,
        actor: Actor,
        target: ScoreTarget,
        before: tuple[StoredRow, ...],
        after: tuple[StoredRow, ...],
        reason: str,
    ) -> ScoreChange:
        """Store ``after`` with its audit event, in the caller's transaction."""


class _ConfirmedScores:
    """The score table itself: single entry, where a typed value counts at once."""

    def check(self, component: Component) -> None:
        del component  # every component's confirmed values live here

    def held(
        self, connection: sqlite3.Connection, actor: Actor, target: ScoreTarget
    ) -> tuple[StoredRow, ...]:
        del actor  # one set of rows per sheet row, whoever typed them
        return read_rows(connection, target.participant_id, target.component_id, target.assessor)

    def write(
        self,
        connection: sqlite3.Connection,
        actor: Actor,
        target: ScoreTarget,
        before: tuple[StoredRow, ...],
        after: tuple[StoredRow, ...],
        reason: str,
    ) -> ScoreChange:
        replace_rows(
            connection, actor, target.participant_id, target.component_id, target.assessor, after
        )
        if before != after:
            action = (
                "score.entered"
                if not before
                else "score.cleared"
                if not after
                else "score.replaced"
            )
            record(
                connection,
                actor,
                action,
                selection_id=target.selection_id,
                entity="score",
                key=score_key(target.component.code, target.assessor),
                participant=target.participant_no,
                old=rows_as_json(before),
                new=rows_as_json(after),
                reason=reason,
            )
        return ScoreChange(
            target.selection_id,
            target.participant_no,
            target.component.code,
            target.assessor,
            before,
            after,
        )


CONFIRMED: RowStore = _ConfirmedScores()


def enter_score(
    connection: sqlite3.Connection,
    actor: Actor,
    store: RowStore,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    stage: Stage,
    component: Component,
    participant_no: str,
    text: str,
    *,
    assessor: str = "",
    aspect: str = "",
    reason: str = "",
    expected: tuple[StoredRow, ...] | None = None,
) -> ScoreChange:
    """One typed value into a sheet row kept by ``store``, inside the caller's transaction.

    Replacing or clearing a value already entered needs a ``reason`` (the committee must be
    able to say why a number changed). ``expected`` is what the caller's window showed: if
    the store holds something else (another laptop saved meanwhile) the save is refused and
    nothing changes, rather than overwriting a value the user never saw.
    """
    require(actor, Action.ENTER_SCORE)  # also when called from a script, not only the door
    store.check(component)
    aspect = aspect.strip().upper()
    target = entry_target(
        connection,
        actor,
        selection_id,
        scheme,
        ids,
        stage,
        component,
        participant_no,
        assessor,
        aspect=aspect,
    )
    before = store.held(connection, actor, target)
    if expected is not None and not same_rows(before, expected):
        raise changed_elsewhere(
            connection, target.participant_id, target.component_id, target.assessor
        )
    after = typed_rows(component, before, text, aspect)
    if not reason.strip() and any(r not in after for r in before):
        raise UserError("entry.reason_required")
    return store.write(connection, actor, target, before, after, reason)
