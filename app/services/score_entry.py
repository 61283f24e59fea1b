"""Entering scores one value at a time, as an assessor or an operator typing a paper sheet.

Every save is its own transaction and returns what it replaced, so the window can undo it
(and the undo is saved the same way). Values are checked by the same rules as imports
(``entering.enter_score``); a double-entry component's values go to ``double_entry.py``.
"""

from __future__ import annotations

from dataclasses import replace

from app.scoring.score_rows import StoredRow

from .actor import Actor
from .backups import periodic_backup
from .changes import SCORES, Changes
from .database import Database
from .door import permit, write
from .double_entry import restore_draft, save_draft, uses_double_entry
from .entering import CONFIRMED, enter_score
from .errors import PermissionDenied, UserError
from .finalization import ensure_participant_unlocked
from .permissions import Action
from .schemes import scheme_of_selection
from .scores_import import assessor_key
from .sheets import (
    ScoreChange,
    changed_elsewhere,
    find_component,
    read_rows,
    replace_rows,
    rows_as_json,
    same_rows,
    score_key,
    score_sheet,
)


def save_score(
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
    """Store one typed value (``""`` clears it; ``TH``/``T`` records absence) and return
    what it replaced. A whole value and aspect values of one assessor exclude each other.
    The change and its ``reason`` go to the audit trail in the same transaction.

    Replacing or clearing a value already entered needs a ``reason`` (the committee must be
    able to say why a number changed). ``expected`` is what the caller's window showed for
    this participant, component and assessor; if the database holds something else (another
    laptop saved meanwhile) the save is refused and nothing changes, rather than silently
    overwriting a value the user never saw."""
    permit(db, actor, Action.ENTER_SCORE, selection_id)
    if uses_double_entry(db, selection_id, component_code):  # two entries, then confirmed
        return save_draft(
            db,
            actor,
            selection_id,
            participant_no,
            component_code,
            text,
            assessor=assessor,
            aspect=aspect,
            reason=reason,
            expected=expected,
        )
    with write(db, actor, Action.ENTER_SCORE, selection_id, kinds=[SCORES]) as action:
        connection = action.connection
        scheme, ids = scheme_of_selection(connection, selection_id)
        stage, component = find_component(scheme, component_code)
        change = enter_score(
            connection,
            actor,
            CONFIRMED,
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
            expected=expected,
        )
        action.touch_participant(participant_no)
    periodic_backup(db)  # DESIGN §6: a copy every 10 minutes while scores are typed
    return replace(change, changes=action.changes)


def restore_scores(
    db: Database, actor: Actor, change: ScoreChange, *, undo: bool = True
) -> Changes:
    """Put back the rows before (``undo``) or after (redo) a change, as a new saved change.

    Only while the database still holds the state the change left (``after`` for an undo,
    ``before`` for a redo): an undo must not wipe a value another laptop saved since. No
    reason is asked: the event is recorded as ``score.undone``/``score.redone``."""
    permit(db, actor, Action.ENTER_SCORE, change.selection_id)
    if uses_double_entry(db, change.selection_id, change.component):  # a draft's own undo
        return restore_draft(db, actor, change, undo=undo)
    selection_id = change.selection_id
    with write(db, actor, Action.ENTER_SCORE, selection_id, kinds=[SCORES]) as action:
        connection = action.connection
        scheme, ids = scheme_of_selection(connection, change.selection_id)
        stage, component = find_component(scheme, change.component)
        if (
            actor.role == "penilai"
            and component.assessors > 1
            and change.assessor != actor.assessor_name
        ):
            raise PermissionDenied("entry.own_name_only", name=actor.assessor_name)
        row = connection.execute(
            "SELECT id FROM participant WHERE selection_id = ? AND number = ?",
            (change.selection_id, change.participant_no),
        ).fetchone()
        if row is None:
            raise UserError("participant.not_found", value=change.participant_no)
        ensure_participant_unlocked(
            connection, change.selection_id, stage.code, change.participant_no
        )
        component_id = ids.components[component.code]
        held = read_rows(connection, row[0], component_id, change.assessor)
        if not same_rows(held, change.after if undo else change.before):
            raise changed_elsewhere(connection, row[0], component_id, change.assessor)
        rows = change.before if undo else change.after
        replace_rows(connection, actor, row[0], component_id, change.assessor, rows)
        action.touch_participant(change.participant_no)
        action.audit(
            "score.undone" if undo else "score.redone",
            entity="score",
            key=score_key(change.component, change.assessor),
            participant=change.participant_no,
            old=rows_as_json(change.after if undo else change.before),
            new=rows_as_json(rows),
        )
    return action.changes


def stored_rows(
    db: Database,
    selection_id: int,
    participant_no: str,
    component_code: str,
    assessor: str = "",
) -> tuple[StoredRow, ...]:
    """What the database holds now for one participant, component and assessor: the
    ``expected`` of the next save, e.g. after a refused save made the window reload a row."""
    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
        _stage, component = find_component(scheme, component_code)
        row = connection.execute(
            "SELECT id FROM participant WHERE selection_id = ? AND number = ?",
            (selection_id, participant_no),
        ).fetchone()
        if row is None:
            raise UserError("participant.not_found", value=participant_no)
        key = assessor_key(component, assessor.strip())
        return read_rows(connection, row[0], ids.components[component.code], key)


def entry_progress(
    db: Database,
    selection_id: int,
    component_code: str,
    assessor: str = "",
    formation: str | None = None,
) -> tuple[int, int]:
    """(filled, total) for the sheet: "37 / 120 diisi"."""
    sheet = score_sheet(db, selection_id, component_code, assessor, formation)
    return sheet.filled, len(sheet.rows)


def known_assessors(db: Database, selection_id: int, component_code: str) -> list[str]:
    """Names already used for this component, and every penilai user, for the operator's pick."""
    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
        _stage, component = find_component(scheme, component_code)
        names = {
            name
            for (name,) in connection.execute(
                "SELECT DISTINCT assessor FROM score WHERE component_id = ? AND assessor <> ''"
                # names typed in a double entry's first round count before confirmation
                " UNION SELECT assessor FROM score_draft WHERE component_id = ? AND assessor <> ''",
                (ids.components[component.code],) * 2,
            )
        }
        names |= {
            full or user
            for user, full in connection.execute(
                "SELECT username, full_name FROM app_user WHERE role = 'penilai' AND active"
            )
        }
    return sorted(names)
