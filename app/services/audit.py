"""The audit trail: every change writes an event in the same transaction, chained by SHA-256.

An event's hash covers its own content and the previous event's hash, so an edited, removed
or reordered event breaks the chain from that point on, and ``verify_chain`` names the first
broken event. Writers call ``record`` with the write's own connection, inside the
transaction that makes the change (a write takes the lock first, so two processes never
chain onto the same previous event).

A chain that is consistent can still have been cut short or recomputed whole by someone with
the file and the ``sqlite3`` shell. So its head (the newest event's number and hash,
``ChainHead``) is anchored outside the file: printed on every issued document and carried by
every backup. ``head_status`` says whether the live chain still holds such a head; the audit
replay (``app.services.replay``) compares the tables with what the events say.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import date, datetime

from app.clock import utc_now
from app.migrations import REVISIONS
from app.migrations.guards import GUARDS, normalized

from .actor import Actor
from .database import Database, is_server

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
    device: str = ""
    """The field laptop the event was written on (issue #12), ``""`` for this file's own."""


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    events: int
    first_broken: int | None = None
    problem: str = ""


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The newest event of a chain: what a document or a backup anchors.

    ``event_id`` 0 with ``GENESIS`` is the head of an empty chain.
    """

    event_id: int
    hash: str

    @property
    def short(self) -> str:
        """As printed on a document: ``#1234 · 3fa9c1…``."""
        return f"#{self.event_id} · {self.hash[:6]}…"


# What ``head_status`` finds (message ids of app/messages/catalog_history.py).
HEAD_PRESENT = "history.head_present"
HEAD_CUT = "history.head_cut"
HEAD_REWRITTEN = "history.head_rewritten"


def _json(value: object) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _digest(values: dict[str, object], detail_sha256: str | None = None) -> str:
    items = [values[name] for name in _FIELDS]
    if detail_sha256 is not None:  # events before migration 0007 have none: same hash as then
        items.append(detail_sha256)
    content = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def pack_detail(value: object) -> bytes:
    """An event's detail as stored: compact JSON, zlib-compressed (the 300k values of an
    import take ~1.4 MB)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return zlib.compress(text.encode("utf-8"), 1)


def unpack_detail(blob: bytes) -> object:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


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
    detail: bytes | None = None,
) -> None:
    """Append one event; call it inside the transaction of the change it describes.

    ``detail`` (made by ``pack_detail``) is for what is too much to read in ``new``: every
    value an import wrote. It is chained through its SHA-256 and read by the audit replay only.
    """
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
    values["hash"] = _digest(values, None if detail is None else hashlib.sha256(detail).hexdigest())
    if detail is not None:  # only then: a restored older file has no such column yet
        values["detail"] = detail
    columns = ", ".join(values)
    connection.execute(
        f"INSERT INTO audit_event ({columns}) VALUES ({', '.join('?' * len(values))})",
        tuple(values.values()),
    )


def verify_chain(db: Database) -> ChainReport:
    """Recompute every hash in order; report the first event that does not fit."""
    with db.reading() as connection:
        return verify_chain_on(connection)


def verify_chain_on(connection: sqlite3.Connection) -> ChainReport:
    """``verify_chain`` on an open connection (a backup is read without being written to)."""
    previous = GENESIS
    count = 0
    detail = ", detail" if has_detail_column(connection) else ", NULL"
    rows = connection.execute(
        f"SELECT id, {', '.join(_FIELDS)}, hash{detail} FROM audit_event ORDER BY id"
    )
    for row in rows:
        count += 1
        event_id, *fields, stored, blob = row
        values = dict(zip(_FIELDS, fields, strict=True))
        if values["prev_hash"] != previous:
            return ChainReport(False, count, event_id, "audit.chain_link")
        detail_sha256 = None if blob is None else hashlib.sha256(blob).hexdigest()
        if _digest(values, detail_sha256) != stored:
            return ChainReport(False, count, event_id, "audit.chain_content")
        previous = stored
    return ChainReport(True, count)


def has_detail_column(connection: sqlite3.Connection) -> bool:
    """Files before migration 0007 have no ``detail`` column (a backup may be that old)."""
    if is_server(connection):
        return True  # a server is opened at HEAD only
    return any(row[1] == "detail" for row in connection.execute("PRAGMA table_info(audit_event)"))


def chain_head(connection: sqlite3.Connection) -> ChainHead:
    """The newest event's number and hash (one index lookup, whatever the trail's length)."""
    row = connection.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return ChainHead(0, GENESIS) if row is None else ChainHead(row[0], row[1])


def current_head(db: Database) -> ChainHead:
    with db.reading() as connection:
        return chain_head(connection)


def head_status(connection: sqlite3.Connection, head: ChainHead) -> str:
    """Whether the chain on ``connection`` still holds ``head``: ``HEAD_PRESENT``; ``HEAD_CUT``
    when it ends before that event (events recorded since were removed); ``HEAD_REWRITTEN``
    when that event is there with another hash (the history up to it was changed and the
    chain computed again)."""
    if head.event_id == 0:
        return HEAD_PRESENT  # the empty beginning is part of every chain
    row = connection.execute("SELECT hash FROM audit_event WHERE id = ?", (head.event_id,))
    found = row.fetchone()
    if found is None:
        return HEAD_CUT
    return HEAD_PRESENT if found[0] == head.hash else HEAD_REWRITTEN


def database_identity(connection: sqlite3.Connection) -> str | None:
    """The file's identity (migration 0007), or ``None`` for a file made before it."""
    try:
        row = connection.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # no such table: an older file or backup
        return None
    return None if row is None else str(row[0])


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
    """Events, oldest first, filtered as the committee asks.

    The field laptops' events merged here (``device_event``) come in too, each naming its
    laptop, placed among this file's own by their time: a participant's history shows what
    the clerk in Ruang 2 typed, when, as well as the merge that brought it."""
    where = []
    params: list[object] = []
    if participant:
        where.append("e.participant = ?")
        params.append(participant)
    if user:
        where.append("e.actor = ?")
        params.append(user)
    if since:
        where.append("e.at >= ?")
        params.append(datetime.combine(since, datetime.min.time()).isoformat(sep=" "))
    if selection_id is not None:
        where.append("(e.selection_id = ? OR e.selection_id IS NULL)")
        params.append(selection_id)
    if entity_key:
        where.append("e.entity_key = ?")
        params.append(entity_key)
    columns = (
        "e.id, e.at, e.actor, e.action, e.selection_id, e.entity, e.entity_key, e.participant,"
        " e.old, e.new, e.reason"
    )
    condition = (" WHERE " + " AND ".join(where)) if where else ""
    sql = f"SELECT {columns} FROM audit_event e{condition}"
    if limit:
        # The newest ``limit`` events, still shown oldest first.
        sql = f"SELECT * FROM ({sql} ORDER BY e.id DESC LIMIT {int(limit)}) ORDER BY id"
    else:
        sql += " ORDER BY e.id"
    with db.reading() as connection:
        own = [AuditEntry(*row) for row in connection.execute(sql, params)]
        if not _has_device_events(connection):
            return own
        device_sql = (
            f"SELECT {columns}, d.name FROM device_event e JOIN device d ON d.id = e.device_id"
            f"{condition} ORDER BY d.name, e.seq"
        )
        merged = [AuditEntry(*row) for row in connection.execute(device_sql, params)]
    # Each list is in its own chain's order; a stable sort by time interleaves them.
    found = sorted([*own, *merged], key=lambda entry: entry.at)
    return found[-int(limit) :] if limit else found


def _has_device_events(connection: sqlite3.Connection) -> bool:
    try:
        return connection.execute("SELECT 1 FROM device_event LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:  # a file older than migration 0013
        return False


def audit_actors(db: Database) -> list[str]:
    """Every user name that appears in the trail (the actor column is indexed: instant)."""
    with db.reading() as connection:
        rows = connection.execute("SELECT DISTINCT actor FROM audit_event ORDER BY actor")
        return [row[0] for row in rows]


def missing_guards(connection: sqlite3.Connection, revision: str) -> list[str]:
    """The append-only triggers a file of ``revision`` should have but lacks (or has with
    other text): a trigger dropped, or replaced by one that lets history change."""
    level = REVISIONS.index(revision) if revision in REVISIONS else len(REVISIONS) - 1
    if is_server(connection):
        return _missing_server_guards(connection, level)
    stored = {
        name: sql
        for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        )
    }
    missing = []
    for guard in GUARDS:
        if guard.since not in REVISIONS or REVISIONS.index(guard.since) > level:
            continue
        sql = stored.get(guard.name)
        if sql is None or normalized(sql) != normalized(guard.sql):
            missing.append(guard.name)
    return missing


def _missing_server_guards(connection: sqlite3.Connection, level: int) -> list[str]:
    """On a server, each guard is a trigger (enabled) calling a function whose source is
    the one the migrations made from the guard's text (``app.migrations.dialect``)."""
    from app.migrations.dialect import postgres_trigger

    present = {
        name: (enabled, source)
        for name, enabled, source in connection.execute(
            "SELECT t.tgname, t.tgenabled, p.prosrc FROM pg_trigger t"
            " JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal"
        )
    }
    missing = []
    for guard in GUARDS:
        if guard.since not in REVISIONS or REVISIONS.index(guard.since) > level:
            continue
        name, definition = guard.sql.split(None, 3)[2:4]
        function, _trigger = postgres_trigger(name, definition)
        expected = function.split("$body$")[1]
        found = present.get(guard.name)
        if found is None or found[0] == "D" or normalized(found[1]) != normalized(expected):
            missing.append(guard.name)
    return missing
