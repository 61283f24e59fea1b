"""What a careful adversary with the file and the ``sqlite3`` shell does, for the trust tests.

Each helper works on the file with a plain ``sqlite3`` connection, bypassing the program, as
someone who copied the database to another machine would.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

GENESIS = "0" * 64
FIELDS = (
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
GUARDED = ("audit_event", "announcement", "database_identity")


def execute(path: Path, *statements: str) -> None:
    """Run statements in one transaction, as the ``sqlite3`` shell would."""
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def triggers(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        return dict(connection.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'"))
    finally:
        connection.close()


def append_only_triggers(path: Path) -> dict[str, str]:
    """The triggers that refuse UPDATE and DELETE on the guarded tables, by name."""
    return {
        name: sql
        for name, sql in triggers(path).items()
        if any(name.startswith(f"{table}_no_") for table in GUARDED)
    }


def without_triggers(path: Path, *statements: str, recreate: bool = True) -> None:
    """Drop the append-only triggers, run ``statements``, and (``recreate``) put them back
    exactly as they were, so nothing in the schema shows what happened."""
    saved = append_only_triggers(path)
    execute(
        path,
        *(f"DROP TRIGGER {name}" for name in saved),
        *statements,
        *(saved.values() if recreate else ()),
    )


def _digest(values: dict[str, object], detail: bytes | None) -> str:
    items = [values[name] for name in FIELDS]
    if detail is not None:
        items.append(hashlib.sha256(detail).hexdigest())
    content = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def rewrite_chain(path: Path, event_id: int, **changes: object) -> None:
    """Change one event's fields, compute every hash from there on again, and put the
    triggers back: the chain then verifies from beginning to end."""
    saved = append_only_triggers(path)
    connection = sqlite3.connect(path)
    try:
        for name in saved:
            connection.execute(f"DROP TRIGGER {name}")
        columns = {row[1] for row in connection.execute("PRAGMA table_info(audit_event)")}
        detail = "detail" if "detail" in columns else "NULL"
        rows = connection.execute(
            f"SELECT id, {', '.join(FIELDS)}, {detail} FROM audit_event ORDER BY id"
        ).fetchall()
        previous = GENESIS
        for row in rows:
            current, *fields, blob = row
            values = dict(zip(FIELDS, fields, strict=True))
            if current == event_id:
                values.update(changes)
            values["prev_hash"] = previous
            digest = _digest(values, blob)
            assignments = ", ".join(f"{name} = ?" for name in FIELDS)
            connection.execute(
                f"UPDATE audit_event SET {assignments}, hash = ? WHERE id = ?",
                (*(values[name] for name in FIELDS), digest, current),
            )
            previous = digest
        for sql in saved.values():
            connection.execute(sql)
        connection.commit()
    finally:
        connection.close()


def last_event(path: Path) -> tuple[int, str, str]:
    """(id, action, hash) of the newest event."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT id, action, hash FROM audit_event ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
