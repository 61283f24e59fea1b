"""The audit trail: every change writes an event in the same transaction, chained by SHA-256.

An event's hash covers its own content and the previous event's hash, so an edited, removed
or reordered event breaks the chain from that point on, and ``verify_chain`` names the first
broken event. Writers call ``record`` with the write's own connection, inside the
transaction that makes the change (a write takes the lock first, so two processes never
chain onto the same previous event).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from app.clock import utc_now

from .actor import Actor
from .database import Database

GENESIS = "0" * 64
_FIELDS = (
    "at",
    "actor",
    "action",
    "selection_id",
    "entity",
    "entity_key",
    "participant",
    "old",
    "new",
    "reason",
    "prev_hash",
)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    selection_id: int | None
    entity: str
    entity_key: str
    participant: str
    old: str | None
    new: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    events: int
    first_broken: int | None = None
    problem: str = ""


def _json(value: object) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _digest(values: dict[str, object]) -> str:
    content = json.dumps(
        [values[name] for name in _FIELDS], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def record(
    connection: sqlite3.Connection,
    actor: Actor | str,
    action: str,
    *,
    selection_id: int | None = None,
    entity: str = "",
    key: str = "",
    participant: str = "",
    old: object = None,
    new: object = None,
    reason: str = "",
) -> None:
    """Append one event; call it inside the transaction of the change it describes."""
    last = connection.execute("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    values: dict[str, object] = {
        "at": utc_now().isoformat(sep=" "),
        "actor": actor.name if isinstance(actor, Actor) else actor,
        "action": action,
        "selection_id": selection_id,
        "entity": entity,
        "entity_key": key,
        "participant": participant,
        "old": _json(old),
        "new": _json(new),
        "reason": reason.strip(),
        "prev_hash": last[0] if last else GENESIS,
    }
    values["hash"] = _digest(values)
    columns = ", ".join(values)
    connection.execute(
        f"INSERT INTO audit_event ({columns}) VALUES ({', '.join('?' * len(values))})",
        tuple(values.values()),
    )


def verify_chain(db: Database) -> ChainReport:
    """Recompute every hash in order; report the first event that does not fit."""
    previous = GENESIS
    count = 0
    with db.reading() as connection:
        rows = connection.execute(
            f"SELECT id, {', '.join(_FIELDS)}, hash FROM audit_event ORDER BY id"
        )
        for row in rows:
            count += 1
            event_id, *fields, stored = row
            values = dict(zip(_FIELDS, fields, strict=True))
            if values["prev_hash"] != previous:
                return ChainReport(False, count, event_id, "audit.chain_link")
            if _digest(values) != stored:
                return ChainReport(False, count, event_id, "audit.chain_content")
            previous = stored
    return ChainReport(True, count)


def audit_log(
    db: Database,
    *,
    participant: str | None = None,
    user: str | None = None,
    since: date | None = None,
    selection_id: int | None = None,
    entity_key: str | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    """Events, oldest first, filtered as the committee asks."""
    where = []
    params: list[object] = []
    if participant:
        where.append("participant = ?")
        params.append(participant)
    if user:
        where.append("actor = ?")
        params.append(user)
    if since:
        where.append("at >= ?")
        params.append(datetime.combine(since, datetime.min.time()).isoformat(sep=" "))
    if selection_id is not None:
        where.append("(selection_id = ? OR selection_id IS NULL)")
        params.append(selection_id)
    if entity_key:
        where.append("entity_key = ?")
        params.append(entity_key)
    sql = (
        "SELECT id, at, actor, action, selection_id, entity, entity_key, participant, old, new,"
        " reason FROM audit_event"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    if limit:
        # The newest ``limit`` events, still shown oldest first.
        sql = f"SELECT * FROM ({sql} ORDER BY id DESC LIMIT {int(limit)}) ORDER BY id"
    else:
        sql += " ORDER BY id"
    with db.reading() as connection:
        return [AuditEntry(*row) for row in connection.execute(sql, params)]


def audit_actors(db: Database) -> list[str]:
    """Every user name that appears in the trail (the actor column is indexed: instant)."""
    with db.reading() as connection:
        rows = connection.execute("SELECT DISTINCT actor FROM audit_event ORDER BY actor")
        return [row[0] for row in rows]
