"""Double entry: two people type each sheet independently; only agreeing values count.

Following Tabbycat's and fll-sw's "enter, then verify", a component marked ``double_entry``
never takes a typed value straight into the ``score`` table. Each person's typing is a
*draft* (``score_draft``) in a round of its own:

* Rounds belong to a sheet row (participant × component × assessor): the first person to type
  in it holds round 1, the next one round 2, and each keeps their round for every aspect, so
  a person can never fill both rounds of a value ("nobody confirms their own entry"). A third
  person is refused. Typing never shows the other round's value.
* After every change the two rounds are compared value by value (rubric aspects one by one;
  a whole value or TH against the other's whole value or TH). Agreeing values become the
  confirmed ``score`` rows, written with ``score_entry``'s row replacement so "a whole value
  and aspect values exclude each other" holds; values that differ wait in the mismatch queue
  for an admin, who decides with a reason. A value that no longer agrees (someone corrected
  their round) is withdrawn from ``score`` until it agrees again.
* Drafts are **kept** after confirmation: they are what each person typed, each person's sheet
  keeps showing their own values, and the comparison can always be redone from them. An
  admin's decision writes the decided value into both rounds (the audit event keeps both
  original values, who typed them and the reason), so the rounds agree again.

Rankings read ``score`` only (``candidates.py``), so a draft never reaches a ranking until it
is confirmed; ``pending_count`` says how many values are still waiting.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.clock import utc_now
from app.messages import t
from app.scoring import Component, Scheme, Stage, ValueProblem

from .actor import Actor
from .audit import record
from .backups import periodic_backup
from .database import Database, raw_connection
from .errors import PermissionDenied, UserError
from .finalization import ensure_unlocked
from .schemes import SchemeIds, scheme_of_selection
from .score_entry import (
    ABSENT_INPUTS,
    ScoreChange,
    Sheet,
    StoredRow,
    _as_json,
    _component,
    _entrants,
    _replace,
    _rows,
    display,
    score_key,
    score_sheet,
)
from .scores_import import assessor_key, parse_score_text

ENTRY_ROLES = ("admin", "operator", "penilai")
ROUNDS = (1, 2)


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


@dataclass(slots=True)
class _Entry:
    """One person's round of one sheet row: their values by aspect (``""``: whole or TH)."""

    by: str
    rows: dict[str, StoredRow] = field(default_factory=dict)

    def stored(self) -> tuple[StoredRow, ...]:
        return tuple(self.rows[aspect] for aspect in sorted(self.rows))


@dataclass(frozen=True, slots=True)
class _Outcome:
    """The comparison of a sheet row's two rounds."""

    agreed: dict[str, StoredRow]
    mismatched: list[tuple[str, str, str]]  # (aspect, first, second)
    pending: int  # values with a draft that are not (yet) confirmed

    def confirmed(self) -> tuple[StoredRow, ...]:
        return tuple(self.agreed[aspect] for aspect in sorted(self.agreed))


# -- the comparison ----------------------------------------------------------------------------


def _same(first: StoredRow, second: StoredRow) -> bool:
    return (first.milli, first.text, first.absent) == (second.milli, second.text, second.absent)


def _summary(component: Component, entry: _Entry) -> str:
    """A round as one text: the whole value or TH, else ``TEKNIS 70; SIKAP 80`` in rubric order."""
    if "" in entry.rows:
        return display(entry.rows[""])
    order = {a.code: i for i, a in enumerate(component.aspects)}
    aspects = sorted(entry.rows, key=lambda code: (order.get(code, len(order)), code))
    return "; ".join(f"{code} {display(entry.rows[code])}" for code in aspects)


def _compare(component: Component, entries: dict[int, _Entry]) -> _Outcome:
    first, second = entries.get(1), entries.get(2)
    keys = set(first.rows if first else ()) | set(second.rows if second else ())
    if first is None or second is None or not first.rows or not second.rows:
        return _Outcome({}, [], len(keys))
    if ("" in first.rows) != ("" in second.rows):
        # One typed TH or a whole value, the other rubric aspects: the rows disagree as a
        # whole (typically "absent" against "present"), so that is the one mismatch.
        mismatch = ("", _summary(component, first), _summary(component, second))
        return _Outcome({}, [mismatch], len(keys))
    agreed: dict[str, StoredRow] = {}
    mismatched = []
    for aspect in sorted(set(first.rows) & set(second.rows)):
        a, b = first.rows[aspect], second.rows[aspect]
        if _same(a, b):
            agreed[aspect] = a
        else:
            mismatched.append((aspect, display(a), display(b)))
    return _Outcome(agreed, mismatched, len(keys) - len(agreed))


# -- reading and writing drafts ----------------------------------------------------------------


def _entries(
    connection: sqlite3.Connection, participant_id: int, component_id: int, assessor: str
) -> dict[int, _Entry]:
    entries: dict[int, _Entry] = {}
    for round_, aspect, milli, text, absent, by in connection.execute(
        "SELECT round, aspect, value_milli, value_text, absent, entered_by FROM score_draft"
        " WHERE participant_id = ? AND component_id = ? AND assessor = ?",
        (participant_id, component_id, assessor),
    ):
        entry = entries.setdefault(round_, _Entry(by))
        entry.rows[aspect] = StoredRow(aspect, milli, text, bool(absent))
    return entries


def _put_entry(
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


def _own_round(entries: dict[int, _Entry], name: str) -> int | None:
    return next((r for r, entry in sorted(entries.items()) if entry.by == name), None)


@dataclass(frozen=True, slots=True)
class _Target:
    """A checked sheet row: who, which component, whose assessor name."""

    selection_id: int
    participant_no: str
    participant_id: int
    component: Component
    component_id: int
    assessor: str


def _target(
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
) -> _Target:
    """The checks of ``save_score``: own assessor name and the stage cut when ``entering``
    (the cut not for an undo, as ``restore_scores``), the participant always."""
    if not component.double_entry:
        raise UserError("double.not_double_entry", component=component.code)
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
    row = connection.execute(
        "SELECT p.id, f.code FROM participant p JOIN formation f ON f.id = p.formation_id"
        " WHERE p.selection_id = ? AND p.number = ?",
        (selection_id, participant_no),
    ).fetchone()
    if row is None:
        raise UserError("participant.not_found", value=participant_no)
    participant_id, formation = row
    # A finalized formation is read-only for drafts and decisions too (finalization.py).
    ensure_unlocked(connection, selection_id, stage.code, formation)
    if entering and check_cut:
        entrants = _entrants(connection, selection_id, scheme, ids, stage, formation)
        if entrants is not None and participant_no not in entrants:
            raise UserError("entry.stage_not_reached", value=participant_no, stage=stage.code)
    return _Target(
        selection_id,
        participant_no,
        participant_id,
        component,
        ids.components[component.code],
        key,
    )


def _settle(
    connection: sqlite3.Connection, actor: Actor, target: _Target
) -> tuple[tuple[StoredRow, ...], tuple[StoredRow, ...], _Outcome, dict[int, _Entry]]:
    """Make the confirmed ``score`` rows of the sheet row exactly the agreeing values."""
    entries = _entries(connection, target.participant_id, target.component_id, target.assessor)
    outcome = _compare(target.component, entries)
    current = _rows(connection, target.participant_id, target.component_id, target.assessor)
    confirmed = outcome.confirmed()
    if confirmed != current:
        _replace(
            connection,
            actor,
            target.participant_id,
            target.component_id,
            target.assessor,
            confirmed,
        )
    return current, confirmed, outcome, entries


def _mismatch_json(
    mismatches: Iterable[tuple[str, str, str]], entries: dict[int, _Entry]
) -> list[dict[str, str]]:
    return [
        {
            "aspect": aspect,
            "first": first,
            "first_by": entries[1].by,
            "second": second,
            "second_by": entries[2].by,
        }
        for aspect, first, second in mismatches
    ]


def _change_own_round(
    connection: sqlite3.Connection,
    actor: Actor,
    target: _Target,
    after: tuple[StoredRow, ...],
    *,
    action: str,
    reason: str = "",
) -> ScoreChange:
    """Make the actor's own round of the sheet row ``after``, then settle and audit."""
    entries = _entries(connection, target.participant_id, target.component_id, target.assessor)
    own = _own_round(entries, actor.name)
    before = entries[own].stored() if own is not None else ()
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
        free = [r for r in ROUNDS if r not in entries or not entries[r].rows]
        if not free:
            raise UserError("double.rounds_taken", first=entries[1].by, second=entries[2].by)
        own = free[0]
    mismatched_before = set(_compare(target.component, entries).mismatched)
    _put_entry(
        connection,
        target.participant_id,
        target.component_id,
        target.assessor,
        own,
        actor.name,
        after,
    )
    key = score_key(target.component.code, target.assessor)
    record(
        connection,
        actor,
        action,
        selection_id=target.selection_id,
        entity="score_draft",
        key=key,
        participant=target.participant_no,
        old={"round": own, "values": _as_json(before)},
        new={"round": own, "values": _as_json(after)},
        reason=reason,
    )
    _audit_settled(connection, actor, target, mismatched_before)
    return change


def _audit_settled(
    connection: sqlite3.Connection,
    actor: Actor,
    target: _Target,
    mismatched_before: set[tuple[str, str, str]],
    *,
    resolved: bool = False,
) -> tuple[tuple[StoredRow, ...], tuple[StoredRow, ...]]:
    current, confirmed, outcome, entries = _settle(connection, actor, target)
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
            old=_as_json(current),
            new=_as_json(confirmed),
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
            new=_mismatch_json(new_mismatches, entries),
        )
    return current, confirmed


def _typed_rows(
    component: Component, before: tuple[StoredRow, ...], text: str, aspect: str
) -> tuple[StoredRow, ...]:
    """The round after typing ``text`` into ``aspect``: ``save_score``'s rules exactly."""
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


# -- entering ----------------------------------------------------------------------------------


def enter_draft(
    connection: sqlite3.Connection,
    actor: Actor,
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
) -> ScoreChange:
    """One typed value into the actor's round, inside the caller's transaction.

    Returns the change of the actor's *own* round (what the undo restores); the other round
    is neither returned nor shown.
    """
    if actor.role not in ENTRY_ROLES:
        raise PermissionDenied("permission.denied")
    target = _target(
        connection,
        actor,
        selection_id,
        scheme,
        ids,
        stage,
        component,
        participant_no,
        assessor,
        entering=True,
    )
    aspect = aspect.strip().upper()
    if aspect and aspect not in {a.code for a in component.aspects}:
        raise UserError("import.unknown_component", value=f"{component.code}.{aspect}")
    entries = _entries(connection, target.participant_id, target.component_id, target.assessor)
    own = _own_round(entries, actor.name)
    before = entries[own].stored() if own is not None else ()
    after = _typed_rows(component, before, text, aspect)
    if not reason.strip() and any(r not in after for r in before):
        # As for any score: a value already typed changes only with a reason.
        raise UserError("entry.reason_required")
    return _change_own_round(connection, actor, target, after, action="score.draft", reason=reason)


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
    with db.session() as session:
        connection = raw_connection(session)
        scheme, ids = scheme_of_selection(connection, selection_id)
        stage, component = _component(scheme, component_code)
        change = enter_draft(
            connection,
            actor,
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
    periodic_backup(db)  # drafts are scores being typed: the same 10-minute copies
    return change


def restore_draft(db: Database, actor: Actor, change: ScoreChange, *, undo: bool = True) -> None:
    """Undo (or redo) a draft change: the actor's own round goes back, as a new change
    (``restore_scores`` comes here by itself for a double-entry component)."""
    if actor.role not in ENTRY_ROLES:
        raise PermissionDenied("permission.denied")
    with db.session() as session:
        connection = raw_connection(session)
        scheme, ids = scheme_of_selection(connection, change.selection_id)
        stage, component = _component(scheme, change.component)
        target = _target(
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
        entries = _entries(connection, target.participant_id, target.component_id, target.assessor)
        own = _own_round(entries, actor.name)
        held = entries[own].stored() if own is not None else ()
        left = change.after if undo else change.before
        if set(held) != set(left):
            raise UserError("double.round_changed")
        rows = change.before if undo else change.after
        _change_own_round(
            connection,
            actor,
            target,
            tuple(sorted(rows, key=lambda r: r.aspect)),
            action="score.undone" if undo else "score.redone",
        )


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
) -> dict[tuple[int, str, str], tuple[str, str, dict[int, _Entry]]]:
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
    rows: dict[tuple[int, str, str], tuple[str, str, dict[int, _Entry]]] = {}
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
        entry = group[2].setdefault(round_, _Entry(by))
        entry.rows[aspect] = StoredRow(aspect, milli, text, bool(absent))
    return rows


def _double_components(scheme: Scheme, stage_code: str | None) -> dict[str, Component]:
    """Double-entry components of the stages that decide ``stage_code``'s ranking (that stage
    and every earlier one, whose cut it takes), or of all stages."""
    stages = scheme.stages
    if stage_code is not None:
        code = stage_code.strip().upper()
        try:
            stages = stages[: scheme.stage_index(code) + 1]
        except KeyError:
            raise UserError(
                "stage.not_found", value=stage_code, choices=[s.code for s in scheme.stages]
            ) from None
    return {c.code: c for stage in stages for c in stage.components if c.double_entry}


def mismatch_queue(db: Database, selection_id: int, component: str | None = None) -> list[Mismatch]:
    """Values whose two rounds differ, by component (scheme order), participant, assessor."""
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
        components = _double_components(scheme, None)
        if component is not None:
            code = component.strip().upper()
            if code not in components:
                _component(scheme, code)  # an unknown code says so
                raise UserError("double.not_double_entry", component=code)
            components = {code: components[code]}
        rows = _sheet_rows(connection, selection_id, components)
    order = {code: i for i, code in enumerate(components)}
    queue = []
    for (_pid, code, assessor), (number, name, entries) in rows.items():
        outcome = _compare(components[code], entries)
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
        _compare(components[code], entries).pending
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
    if actor.role != "admin":
        raise PermissionDenied("permission.admin_only")
    reason = reason.strip()
    if not reason:
        raise UserError("double.reason_required")
    aspect = aspect.strip().upper()
    with db.session() as session:
        connection = raw_connection(session)
        scheme, ids = scheme_of_selection(connection, selection_id)
        stage, found = _component(scheme, component)
        target = _target(
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
        entries = _entries(connection, target.participant_id, target.component_id, target.assessor)
        outcome = _compare(found, entries)
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
        first, second = entries[1], entries[2]
        if actor.name in (first.by, second.by):
            raise PermissionDenied("double.own_entry")
        chosen = _chosen_rows(found, aspect, value, pair, first, second)
        for round_, entry in ((1, first), (2, second)):
            _put_entry(
                connection,
                target.participant_id,
                target.component_id,
                target.assessor,
                round_,
                entry.by,
                _with_rows(entry, chosen),
            )
        before, after = _audit_settled(
            connection, actor, target, set(outcome.mismatched), resolved=True
        )
        record(
            connection,
            actor,
            "score.resolved",
            selection_id=selection_id,
            entity="score",
            key=score_key(found.code, target.assessor),
            participant=participant,
            old=_mismatch_json([pair], entries),
            new={"aspect": aspect, "values": _as_json(chosen), "confirmed": _as_json(after)},
            reason=reason,
        )
    return ScoreChange(selection_id, participant, found.code, target.assessor, before, after)


def _chosen_rows(
    component: Component,
    aspect: str,
    value: str,
    pair: tuple[str, str, str],
    first: _Entry,
    second: _Entry,
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


def _with_rows(entry: _Entry, chosen: tuple[StoredRow, ...]) -> tuple[StoredRow, ...]:
    """``entry`` with ``chosen`` in place: a whole value or TH replaces every aspect, and
    aspects replace a whole value or TH (one person, one kind of score)."""
    if any(not row.aspect for row in chosen):
        return chosen
    names = {row.aspect for row in chosen}
    kept = [r for a, r in entry.rows.items() if a and a not in names]
    return tuple(sorted([*kept, *chosen], key=lambda r: r.aspect))


def shown_in_history(actor: Actor, entity: str, author: str, action: str) -> bool:
    """Whether a cell's history may show an audit event to ``actor``: a draft event only to
    its own author (and never a mismatch, which holds both entries) unless ``actor`` is an
    admin, so the history cannot show a person the other round's value."""
    if entity != "score_draft" or actor.role == "admin":
        return True
    return author == actor.name and action != "score.mismatch"
