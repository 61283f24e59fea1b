"""Finalizing a stage per formation: its results become read-only until an admin reopens them.

Participants contest results, so once the committee has signed off a formation's results for
a stage nothing may change them quietly: scores (typed, undone, imported) and marks of that
stage and formation are refused by the services themselves, whatever window or command asks.

A finalized stage also freezes the *earlier* stages of that formation: changing an SKD score
after AKHIR is final would move the SKD cut and so the AKHIR list. "Locked" below therefore
means final at this stage or at any later one.

Announcements are issued only from locked data (every formation with participants), checked
again inside the transaction that stores the announcement. Reopening needs an admin and a
reason; both finalizing and reopening write an audit event in the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from app.scoring import Scheme
from app.scoring.status import Status

from .actor import Actor
from .backups import automatic_backup
from .changes import FINALIZATION, NO_CHANGES, Changes
from .columns import now_text
from .database import Database
from .door import permit, write
from .errors import UserError
from .permissions import Action
from .tabular import CellError

# How many formation codes a message names before it says "…".
NAMED_IN_MESSAGE = 5


@dataclass(frozen=True, slots=True)
class FinalizeResult:
    """What one call did: ``changed`` formations were finalized (or reopened); ``unchanged``
    were asked for but already were (or were not) final, so nothing happened to them."""

    stage: str
    changed: tuple[str, ...]
    unchanged: tuple[str, ...] = ()
    changes: Changes = field(default=NO_CHANGES, compare=False)
    announced: tuple[str, ...] = ()
    """After a reopening: the numbers of announcements already issued for the stage, which
    a changed result will need replaced (issue #10 §6)."""


@dataclass(frozen=True, slots=True)
class FinalizationStatus:
    """A stage's state for the window: ``final`` at this stage, ``locked`` at this stage or a
    later one (formation → the stage that is final), out of every formation of the selection."""

    stage: str
    formations: tuple[str, ...]
    final: frozenset[str]
    locked: dict[str, str]


@contextmanager
def _reading(source: Database | sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Callers inside a write transaction pass its connection; others pass the database."""
    if isinstance(source, Database):
        with source.reading() as connection:
            yield connection
    else:  # a file's connection, or a server's
        yield source


def _names(codes: Iterable[str]) -> str:
    codes = sorted(codes)
    shown = ", ".join(codes[:NAMED_IN_MESSAGE])
    return shown + (", …" if len(codes) > NAMED_IN_MESSAGE else "")


def _stage(connection: sqlite3.Connection, selection_id: int, stage_code: str) -> tuple[int, str]:
    """(id, code) of a stage of the selection, or the usual "no such stage" message."""
    code = (stage_code or "").strip().upper()
    stages = connection.execute(
        "SELECT id, code FROM stage WHERE selection_id = ? ORDER BY position", (selection_id,)
    ).fetchall()
    for stage_id, known in stages:
        if known == code:
            return stage_id, known
    raise UserError("stage.not_found", value=stage_code, choices=[c for _, c in stages])


def _formation_ids(connection: sqlite3.Connection, selection_id: int) -> dict[str, int]:
    return dict(
        connection.execute(
            "SELECT code, id FROM formation WHERE selection_id = ? ORDER BY code", (selection_id,)
        ).fetchall()
    )


def _wanted(known: dict[str, int], formations: list[str] | None) -> set[str]:
    """The formations asked for (``None``: all of them); an unknown code is refused."""
    if formations is None:
        return set(known)
    wanted = {code.strip().upper() for code in formations if code.strip()}
    for code in sorted(wanted):
        if code not in known:
            raise UserError("formation.not_found", value=code)
    if not wanted:
        raise UserError("finalize.no_formation")
    return wanted


def _final_at(connection: sqlite3.Connection, stage_id: int) -> set[str]:
    return {
        code
        for (code,) in connection.execute(
            "SELECT f.code FROM finalization z JOIN formation f ON f.id = z.formation_id"
            " WHERE z.stage_id = ?",
            (stage_id,),
        )
    }


def _locking(
    connection: sqlite3.Connection,
    selection_id: int,
    stage_code: str,
    formation_code: str | None = None,
) -> dict[str, str]:
    """Formation → the first stage, at or after ``stage_code``, at which it is final."""
    sql = (
        "SELECT f.code, s.code FROM finalization z"
        " JOIN stage s ON s.id = z.stage_id JOIN formation f ON f.id = z.formation_id"
        " WHERE s.selection_id = ? AND s.position >= ("
        "   SELECT position FROM stage WHERE selection_id = ? AND code = ?)"
    )
    params: tuple[object, ...] = (selection_id, selection_id, stage_code)
    if formation_code is not None:
        sql += " AND f.code = ?"
        params += (formation_code,)
    locked: dict[str, str] = {}
    for formation, stage in connection.execute(sql + " ORDER BY s.position", params):
        locked.setdefault(formation, stage)
    return locked


def _blocking(
    db: Database, selection_id: int, stage_code: str, formations: list[str]
) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Participants still ``BELUM LENGKAP`` at the stage, and those ``SERI`` with no decision
    of the committee yet, per formation asked for.

    The ranking decides, exactly as the committee sees it: a result with a missing score
    cannot be signed off, nor one that would give more seats than there are (issue #10 §3).
    """
    from .ranking import compute_ranking

    only = formations[0] if len(formations) == 1 else None
    ranking = compute_ranking(db, selection_id, stage_code, only)
    wanted = set(formations)
    counts: dict[str, int] = {}
    tied: dict[str, list[str]] = {}
    for row in ranking.rows:
        if row.formation not in wanted:
            continue
        if row.status is Status.INCOMPLETE:
            counts[row.formation] = counts.get(row.formation, 0) + 1
        elif row.status is Status.TIED:
            tied.setdefault(row.formation, []).append(row.number)
    return counts, tied


def finalize(
    db: Database,
    actor: Actor,
    selection_id: int,
    stage_code: str,
    formations: list[str] | None = None,
) -> FinalizeResult:
    """Make the stage's results of ``formations`` (``None``: all) read-only.

    Refused while any participant of those formations is incomplete at that stage. Formations
    already final are left as they are. One audit event lists the formations finalized.
    """
    permit(db, actor, Action.FINALIZE, selection_id)
    automatic_backup(db, "finalisasi")  # DESIGN §6: a copy before results are locked
    with write(db, actor, Action.FINALIZE, selection_id, kinds=[FINALIZATION]) as action:
        # The door takes the write lock first, so the completeness checked below cannot
        # change before the finalization is committed.
        connection = action.connection
        stage_id, stage = _stage(connection, selection_id, stage_code)
        known = _formation_ids(connection, selection_id)
        wanted = _wanted(known, formations)
        already = _final_at(connection, stage_id) & wanted
        todo = sorted(wanted - already)
        if todo:
            incomplete, tied = _blocking(db, selection_id, stage, todo)
            if incomplete:
                raise UserError(
                    "finalize.incomplete",
                    stage=stage,
                    count=sum(incomplete.values()),
                    formations=_names(incomplete),
                )
            if tied:
                formation = sorted(tied)[0]
                raise UserError(
                    "tie.undecided",
                    formation=", ".join(sorted(tied)),
                    numbers="; ".join(
                        f"{code}: {', '.join(numbers)}" for code, numbers in sorted(tied.items())
                    )
                    if len(tied) > 1
                    else ", ".join(tied[formation]),
                )
            now = now_text()
            connection.executemany(
                "INSERT INTO finalization (stage_id, formation_id, finalized_by, finalized_at)"
                " VALUES (?, ?, ?, ?)",
                [(stage_id, known[code], actor.name, now) for code in todo],
            )
            action.touch_formations(*todo)
            action.audit(
                "stage.finalized",
                entity="finalization",
                key=stage,
                new={"stage": stage, "formations": todo},
            )
    return FinalizeResult(stage, tuple(todo), tuple(sorted(already)), action.changes)


def reopen(
    db: Database,
    actor: Actor,
    selection_id: int,
    stage_code: str,
    formations: list[str] | None,
    reason: str,
) -> FinalizeResult:
    """Make finalized results of ``formations`` (``None``: every final one) editable again.

    Only an admin, and only with a reason: reopening is how a result changes after sign-off,
    so the audit trail must say who did it and why.
    """
    permit(db, actor, Action.REOPEN, selection_id)
    reason = " ".join((reason or "").split())
    if not reason:
        raise UserError("finalize.reason_required")
    with write(db, actor, Action.REOPEN, selection_id, kinds=[FINALIZATION]) as action:
        connection = action.connection
        stage_id, stage = _stage(connection, selection_id, stage_code)
        known = _formation_ids(connection, selection_id)
        final = _final_at(connection, stage_id)
        wanted = final if formations is None else _wanted(known, formations)
        todo = sorted(wanted & final)
        if not todo:
            raise UserError("finalize.not_final", stage=stage, formations=_names(wanted) or "-")
        connection.executemany(
            "DELETE FROM finalization WHERE stage_id = ? AND formation_id = ?",
            [(stage_id, known[code]) for code in todo],
        )
        action.touch_formations(*todo)
        action.audit(
            "stage.reopened",
            entity="finalization",
            key=stage,
            old={"stage": stage, "formations": todo},
            reason=reason,
        )
        announced = tuple(
            number
            for (number,) in connection.execute(
                "SELECT number FROM announcement WHERE stage_id = ? ORDER BY id", (stage_id,)
            )
        )
    return FinalizeResult(
        stage, tuple(todo), tuple(sorted(wanted - final)), action.changes, announced
    )


def finalized_formations(
    source: Database | sqlite3.Connection, selection_id: int, stage_code: str
) -> set[str]:
    """Formations finalized at exactly this stage."""
    with _reading(source) as connection:
        stage_id, _code = _stage(connection, selection_id, stage_code)
        return _final_at(connection, stage_id)


def locked_formations(
    source: Database | sqlite3.Connection, selection_id: int, stage_code: str
) -> dict[str, str]:
    """Formations whose results at this stage cannot change: formation → the stage that is
    final (this one, or a later one that depends on it)."""
    with _reading(source) as connection:
        return _locking(connection, selection_id, stage_code.strip().upper())


def finalization_status(db: Database, selection_id: int, stage_code: str) -> FinalizationStatus:
    """Everything the window shows about one stage, from one snapshot."""
    with db.reading() as connection:
        stage_id, stage = _stage(connection, selection_id, stage_code)
        return FinalizationStatus(
            stage=stage,
            formations=tuple(_formation_ids(connection, selection_id)),
            final=frozenset(_final_at(connection, stage_id)),
            locked=_locking(connection, selection_id, stage),
        )


def is_locked(
    connection: sqlite3.Connection, selection_id: int, stage_code: str, formation_code: str
) -> bool:
    """Whether this stage's results of this formation are read-only."""
    return bool(_locking(connection, selection_id, stage_code, formation_code))


def ensure_unlocked(
    connection: sqlite3.Connection, selection_id: int, stage_code: str, formation_code: str
) -> None:
    """Refuse a change to a locked stage and formation; call it inside the write transaction,
    so a finalization committed by another window a moment ago is seen."""
    locked = _locking(connection, selection_id, stage_code, formation_code)
    if locked:
        raise UserError(
            "finalize.locked",
            stage=stage_code,
            formation=formation_code,
            final=locked[formation_code],
        )


def locked_rows(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    targets: list[tuple[int, str, str | None]],
) -> list[CellError]:
    """For an import: one problem per row whose value falls on a locked stage and formation.

    ``targets`` are (row, participant number, component code), as the importer collects them.
    """
    final = connection.execute(
        "SELECT f.code, s.code, s.position FROM finalization z"
        " JOIN stage s ON s.id = z.stage_id JOIN formation f ON f.id = z.formation_id"
        " WHERE s.selection_id = ? ORDER BY s.position",
        (selection_id,),
    ).fetchall()
    if not final or not targets:
        return []
    positions = dict(
        connection.execute(
            "SELECT code, position FROM stage WHERE selection_id = ?", (selection_id,)
        ).fetchall()
    )
    by_formation: dict[str, list[tuple[int, str]]] = {}
    for formation, stage, position in final:
        by_formation.setdefault(formation, []).append((position, stage))
    formation_of = dict(
        connection.execute(
            "SELECT p.number, f.code FROM participant p JOIN formation f ON f.id = p.formation_id"
            " WHERE p.selection_id = ?",
            (selection_id,),
        ).fetchall()
    )
    stage_of = {c.code: s.code for s in scheme.stages for c in s.components}
    errors = []
    for row, number, component in targets:
        formation = formation_of.get(number)
        stage = stage_of.get(component or "")
        if formation is None or stage is None or formation not in by_formation:
            continue
        position = positions.get(stage, 0)
        final_stage = next((code for at, code in by_formation[formation] if at >= position), None)
        if final_stage is not None:
            errors.append(
                CellError(
                    row,
                    "nomor_peserta",
                    "finalize.row_locked",
                    {
                        "value": number,
                        "component": component,
                        "stage": stage,
                        "formation": formation,
                        "final": final_stage,
                    },
                )
            )
    return errors


def require_final(
    source: Database | sqlite3.Connection, selection_id: int, stage_code: str
) -> None:
    """Refuse unless every formation with participants is locked at this stage: an
    announcement must show data that can no longer change."""
    with _reading(source) as connection:
        with_participants = {
            code
            for (code,) in connection.execute(
                "SELECT DISTINCT f.code FROM participant p JOIN formation f"
                " ON f.id = p.formation_id WHERE p.selection_id = ?",
                (selection_id,),
            )
        }
        missing = with_participants - set(_locking(connection, selection_id, stage_code))
    if missing:
        raise UserError(
            "finalize.required",
            stage=stage_code,
            count=len(missing),
            total=len(with_participants),
            formations=_names(missing),
        )


def ensure_participant_unlocked(
    connection: sqlite3.Connection, selection_id: int, stage_code: str, participant_no: str
) -> None:
    """``ensure_unlocked`` for the formation of one participant (an unknown number passes:
    the caller reports it in its own words)."""
    row = connection.execute(
        "SELECT f.code FROM participant p JOIN formation f ON f.id = p.formation_id"
        " WHERE p.selection_id = ? AND p.number = ?",
        (selection_id, participant_no),
    ).fetchone()
    if row is not None:
        ensure_unlocked(connection, selection_id, stage_code, row[0])
