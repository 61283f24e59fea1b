"""Double entry: two people type each sheet independently; only agreeing values count.

Following Tabbycat's and fll-sw's "enter, then verify", a component marked ``double_entry``
never takes a typed value straight into the ``score`` table. Each person's typing is a
*draft* (``score_draft``) in a round of its own; who holds which round, when two rounds agree
and what is a mismatch are rules (``app.scoring.double_entry``); keeping the rounds and
settling them into ``score`` is ``draft_rounds.py``. This module is the use cases:

* typing a value (``save_draft``, through the one ``entering.enter_score``) and undoing it,
  and the sheet a person types in, which shows their own round only: typing never shows the
  other round's value;
* the mismatch queue and the count of values still waiting (``pending_count``);
* an admin's decision on a mismatch, with a reason, never by one of the two who typed it: the
  decided value is written into both rounds (the audit event keeps both original values, who
  typed them and the reason), so the rounds agree again.

Drafts are **kept** after confirmation: they are what each person typed, each person's sheet
keeps showing their own values, and the comparison can always be redone from them. Rankings
read ``score`` only (``candidates.py``), so a draft never reaches a ranking until confirmed.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from app.messages import t
from app.scoring import Component, Scheme, ValueProblem
from app.scoring.double_entry import (
    Round,
    compare_rounds,
    double_entry_components,
    own_round,
    with_chosen,
)
from app.scoring.score_rows import StoredRow, display

from .actor import Actor
from .backups import periodic_backup
from .changes import SCORES, Changes
from .database import Database
from .door import permit, write
from .draft_rounds import (
    DRAFT_ROUNDS,
    audit_settled,
    change_own_round,
    draft_target,
    mismatch_json,
    put_round,
    read_rounds,
)
from .entering import enter_score
from .errors import PermissionDenied, UserError
from .permissions import Action, allowed
from .schemes import scheme_of_selection
from .scores_import import parse_score_text
from .sheets import (
    ABSENT_INPUTS,
    ScoreChange,
    Sheet,
    find_component,
    rows_as_json,
    score_key,
    score_sheet,
)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """Two rounds of one value that differ. ``aspect`` is ``""`` for a whole value or TH (and
    for a sheet row typed as a whole value or TH by one person and as aspects by the other:
    then ``first``/``second`` show each person's whole entry)."""

    participant: str
    name: str
    component: str
    assessor: str
    aspect: str
    first: str
    first_by: str
    second: str
    second_by: str


# -- entering ----------------------------------------------------------------------------------


def uses_double_entry(db: Database, selection_id: int, component_code: str) -> bool:
    """Whether ``save_score`` must hand this component's values to ``save_draft``; an unknown
    code answers ``False`` and ``save_score`` refuses it in its own words."""
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
    try:
        return scheme.find_component(component_code.strip().upper())[1].double_entry
    except KeyError:
        return False


def save_draft(
    db: Database,
    actor: Actor,
    selection_id: int,
    participant_no: str,
    component_code: str,
    text: str,
    *,
    assessor: str = "",
    aspect: str = "",
    reason: str = "",
    expected: tuple[StoredRow, ...] | None = None,
) -> ScoreChange:
    """``save_score`` for a double-entry component (which comes here by itself): the typed
    value goes into the actor's own round, in its own transaction.

    ``expected`` is accepted for the same call shape and not needed: a round has one writer,
    the person who holds it (an admin's decision rewrites it, and a later correction by
    that person is then compared afresh).
    """
    del expected
    permit(db, actor, Action.ENTER_SCORE, selection_id)
    with write(db, actor, Action.ENTER_SCORE, selection_id, kinds=[SCORES]) as action:
        connection = action.connection
        scheme, ids = scheme_of_selection(connection, selection_id)
        stage, component = find_component(scheme, component_code)
        change = enter_score(
            connection,
            actor,
            DRAFT_ROUNDS,
            selection_id,
            scheme,
            ids,
            stage,
            component,
            participant_no,
            text,
            assessor=assessor,
            aspect=aspect,
            reason=reason,
        )
        # A round that now agrees with the other is confirmed into the ranking.
        action.touch_participant(participant_no)
    periodic_backup(db)  # drafts are scores being typed: the same 10-minute copies
    return replace(change, changes=action.changes)


def restore_draft(db: Database, actor: Actor, change: ScoreChange, *, undo: bool = True) -> Changes:
    """Undo (or redo) a draft change: the actor's own round goes back, as a new change
    (``restore_scores`` comes here by itself for a double-entry component)."""
    permit(db, actor, Action.ENTER_SCORE, change.selection_id)
    selection_id = change.selection_id
    with write(db, actor, Action.ENTER_SCORE, selection_id, kinds=[SCORES]) as action:
        connection = action.connection
        scheme, ids = scheme_of_selection(connection, change.selection_id)
        stage, component = find_component(scheme, change.component)
        target = draft_target(
            connection,
            actor,
            change.selection_id,
            scheme,
            ids,
            stage,
            component,
            change.participant_no,
            change.assessor,
            entering=True,
            check_cut=False,
        )
        # Only from the state the change left: an admin's decision written into this round
        # since must not be undone unseen (as ``restore_scores`` guards the score table).
        rounds = read_rounds(
            connection, target.participant_id, target.component_id, target.assessor
        )
        own = own_round(rounds, actor.name)
        held = rounds[own].stored() if own is not None else ()
        left = change.after if undo else change.before
        if set(held) != set(left):
            raise UserError("double.round_changed")
        rows = change.before if undo else change.after
        change_own_round(
            connection,
            actor,
            target,
            tuple(sorted(rows, key=lambda r: r.aspect)),
            action="score.undone" if undo else "score.redone",
        )
        action.touch_participant(change.participant_no)
    return action.changes


# -- what the sheet shows ----------------------------------------------------------------------


def draft_sheet(
    db: Database,
    actor: Actor,
    selection_id: int,
    component_code: str,
    assessor: str = "",
    formation: str | None = None,
) -> Sheet:
    """``score_sheet`` with the actor's *own* round in every row: neither the confirmed value
    nor the other person's round, so typing stays independent."""
    sheet = score_sheet(db, selection_id, component_code, assessor, formation)
    if not sheet.component.double_entry:
        raise UserError("double.not_double_entry", component=sheet.component.code)
    with db.reading() as connection:
        _scheme, ids = scheme_of_selection(connection, selection_id)
        own: dict[int, list[StoredRow]] = defaultdict(list)
        for pid, aspect, milli, text, absent in connection.execute(
            "SELECT participant_id, aspect, value_milli, value_text, absent FROM score_draft"
            " WHERE component_id = ? AND assessor = ? AND entered_by = ?",
            (ids.components[sheet.component.code], sheet.assessor, actor.name),
        ):
            own[pid].append(StoredRow(aspect, milli, text, bool(absent)))
    for row in sheet.rows:
        values: dict[str, str] = {}
        absent = False
        for item in own.get(row.participant_id, ()):
            if item.absent:
                absent = True
            else:
                values[item.aspect] = display(item)
        row.values = values
        row.absent = absent
        row.stored = tuple(sorted(own.get(row.participant_id, ()), key=lambda r: r.aspect))
    return sheet


# -- the queue ---------------------------------------------------------------------------------


def _sheet_rows(
    connection: sqlite3.Connection, selection_id: int, codes: Iterable[str] | None
) -> dict[tuple[int, str, str], tuple[str, str, dict[int, Round]]]:
    """Every sheet row with drafts: (participant id, component, assessor) -> (number, name,
    entries by round)."""
    where = "p.selection_id = ?"
    params: list[object] = [selection_id]
    if codes is not None:
        codes = list(codes)
        if not codes:
            return {}
        where += f" AND c.code IN ({', '.join('?' * len(codes))})"
        params += codes
    rows: dict[tuple[int, str, str], tuple[str, str, dict[int, Round]]] = {}
    for (
        pid,
        number,
        name,
        code,
        assessor,
        round_,
        aspect,
        milli,
        text,
        absent,
        by,
    ) in connection.execute(
        "SELECT d.participant_id, p.number, p.name, c.code, d.assessor, d.round, d.aspect,"
        " d.value_milli, d.value_text, d.absent, d.entered_by FROM score_draft d"
        " JOIN participant p ON p.id = d.participant_id"
        f" JOIN component c ON c.id = d.component_id WHERE {where}",
        params,
    ):
        group = rows.setdefault((pid, code, assessor), (number, name, {}))
        entry = group[2].setdefault(round_, Round(by))
        entry.rows[aspect] = StoredRow(aspect, milli, text, bool(absent))
    return rows


def _double_components(scheme: Scheme, stage_code: str | None) -> dict[str, Component]:
    """``double_entry_components``, refusing an unknown stage in words."""
    try:
        return double_entry_components(scheme, stage_code)
    except KeyError:
        raise UserError(
            "stage.not_found", value=stage_code, choices=[s.code for s in scheme.stages]
        ) from None


def mismatch_queue(db: Database, selection_id: int, component: str | None = None) -> list[Mismatch]:
    """Values whose two rounds differ, by component (scheme order), participant, assessor."""
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
        components = _double_components(scheme, None)
        if component is not None:
            code = component.strip().upper()
            if code not in components:
                find_component(scheme, code)  # an unknown code says so
                raise UserError("double.not_double_entry", component=code)
            components = {code: components[code]}
        rows = _sheet_rows(connection, selection_id, components)
    order = {code: i for i, code in enumerate(components)}
    queue = []
    for (_pid, code, assessor), (number, name, entries) in rows.items():
        outcome = compare_rounds(components[code], entries)
        for aspect, first, second in outcome.mismatched:
            queue.append(
                Mismatch(
                    number,
                    name,
                    code,
                    assessor,
                    aspect,
                    first,
                    entries[1].by,
                    second,
                    entries[2].by,
                )
            )
    aspect_order = {
        (code, a.code): i for code, c in components.items() for i, a in enumerate(c.aspects)
    }
    queue.sort(
        key=lambda m: (
            order[m.component],
            m.participant,
            m.assessor,
            aspect_order.get((m.component, m.aspect), -1),
        )
    )
    return queue


def pending_count(db: Database, selection_id: int, stage_code: str | None = None) -> int:
    """Values typed but not confirmed (waiting for the second round, or mismatched), in the
    stages that decide ``stage_code``'s ranking (default: the whole selection)."""
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
        components = _double_components(scheme, stage_code)
        rows = _sheet_rows(connection, selection_id, components)
    return sum(
        compare_rounds(components[code], entries).pending
        for (_pid, code, _assessor), (_number, _name, entries) in rows.items()
    )


# -- the admin's decision ----------------------------------------------------------------------


def resolve_mismatch(
    db: Database,
    actor: Actor,
    selection_id: int,
    participant: str,
    component: str,
    assessor: str,
    aspect: str,
    value: str,
    reason: str,
) -> ScoreChange:
    """Decide a mismatch: ``value`` is the first or second entry as the queue shows it, or
    another value. Admin only, with a reason, and never by one of the two who typed it.

    The decided value is written into both rounds (so they agree) and confirmed; the audit
    event ``score.resolved`` keeps both original entries, who typed them, and the reason.
    Returns the change of the confirmed ``score`` rows.
    """
    permit(db, actor, Action.RESOLVE_MISMATCH, selection_id)
    reason = reason.strip()
    if not reason:
        raise UserError("double.reason_required")
    aspect = aspect.strip().upper()
    with write(db, actor, Action.RESOLVE_MISMATCH, selection_id, kinds=[SCORES]) as action:
        connection = action.connection
        scheme, ids = scheme_of_selection(connection, selection_id)
        stage, found = find_component(scheme, component)
        target = draft_target(
            connection,
            actor,
            selection_id,
            scheme,
            ids,
            stage,
            found,
            participant,
            assessor,
            entering=False,
        )
        rounds = read_rounds(
            connection, target.participant_id, target.component_id, target.assessor
        )
        outcome = compare_rounds(found, rounds)
        pair = next((m for m in outcome.mismatched if m[0] == aspect), None)
        if pair is None:
            where = ""
            if target.assessor:
                where += t("double.where_assessor", assessor=target.assessor)
            if aspect:
                where += t("double.where_aspect", aspect=aspect)
            raise UserError(
                "double.no_mismatch", participant=participant, component=found.code, where=where
            )
        first, second = rounds[1], rounds[2]
        if actor.name in (first.by, second.by):
            raise PermissionDenied("double.own_entry")
        chosen = _chosen_rows(found, aspect, value, pair, first, second)
        for round_, entry in ((1, first), (2, second)):
            put_round(
                connection,
                target.participant_id,
                target.component_id,
                target.assessor,
                round_,
                entry.by,
                with_chosen(entry, chosen),
            )
        before, after = audit_settled(
            connection, actor, target, set(outcome.mismatched), resolved=True
        )
        action.touch_participant(participant)
        action.audit(
            "score.resolved",
            entity="score",
            key=score_key(found.code, target.assessor),
            participant=participant,
            old=mismatch_json([pair], rounds),
            new={
                "aspect": aspect,
                "values": rows_as_json(chosen),
                "confirmed": rows_as_json(after),
            },
            reason=reason,
        )
    return ScoreChange(
        selection_id, participant, found.code, target.assessor, before, after, action.changes
    )


def _chosen_rows(
    component: Component,
    aspect: str,
    value: str,
    pair: tuple[str, str, str],
    first: Round,
    second: Round,
) -> tuple[StoredRow, ...]:
    """The rows the admin chose: one side as the queue shows it, or a newly typed value."""
    typed = value.strip()
    _aspect, first_text, second_text = pair
    for shown, entry in ((first_text, first), (second_text, second)):
        if typed.upper() == shown.upper():
            if aspect:
                return (entry.rows[aspect],)
            return entry.stored()  # the whole value, TH, or (a row typed two ways) the aspects
    cleaned = "TH" if typed.upper() in ABSENT_INPUTS else typed
    if not cleaned:
        raise UserError("import.required")
    try:
        milli, category, absent = parse_score_text(component, cleaned, aspect)
    except ValueProblem as problem:
        raise UserError(problem.message, **problem.params) from None
    return (StoredRow(aspect, milli, category, absent),)


def shown_in_history(actor: Actor, entity: str, author: str, action: str) -> bool:
    """Whether a cell's history may show an audit event to ``actor``: a draft event only to
    its own author (and never a mismatch, which holds both entries) unless ``actor`` is an
    admin, so the history cannot show a person the other round's value."""
    if entity != "score_draft" or allowed(actor.role, Action.SEE_OTHER_ROUND):
        return True
    return author == actor.name and action != "score.mismatch"
