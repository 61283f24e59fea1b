"""Preparing a field laptop (issue #12 §1): its own database, identity and key.

On a selection day the practical tests run in rooms and sites without network. The admin
prepares one file per field laptop on the main laptop: a consistent copy of this database
(SQLite's online backup) in which only the chosen formations' participants remain (the
others, and other selections' participants, are deleted and the file vacuumed, so their
personal data does not travel), with the users, the scheme and the settings as they are.
The copy gets ``device_self``: who the laptop is and its Ed25519 key; the main laptop keeps
the public half in ``device``. Both files record ``device.prepared`` in their audit trail,
and the field file's event is where the device's own chain starts (``base_hash``): every
event the laptop writes after it travels in its packages and is checked against it.

On the field laptop everything works as before. A component scope, when given, is enforced
when a score is typed (``entering.entry_target``), so a laptop prepared for PRAKTIK does not
take CAT scores by mistake.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.clock import utc_now

from .actor import Actor
from .audit import chain_head, database_identity, pack_detail, record
from .backups import copy_aside
from .changes import DEVICES, Outcome
from .database import Database, configure_connection
from .door import permit, write
from .errors import UserError
from .package_file import key_fingerprint, new_device_key, public_of
from .permissions import Action
from .schemes import scheme_of_selection

MAX_NAME = 60


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """A field laptop as the main laptop knows it, with what it last received from it."""

    name: str
    uuid: str
    fingerprint: str
    formations: tuple[str, ...]
    components: tuple[str, ...]
    prepared_by: str
    prepared_at: str
    participants: int
    last_head: int | None
    last_received_at: str | None
    last_received_by: str | None
    last_summary: dict[str, int]
    packages: int


@dataclass(frozen=True, slots=True)
class FieldIdentity:
    """Who this file is, when it is a field laptop's (``device_self``)."""

    selection_id: int
    uuid: str
    name: str
    main_identity: str
    formations: tuple[str, ...]
    components: tuple[str, ...]
    base_event_id: int
    base_hash: str
    prepared_at: str
    fingerprint: str
    """The laptop key's fingerprint, as the main laptop printed it when preparing it."""


def field_identity(connection: sqlite3.Connection) -> FieldIdentity | None:
    """This file's field-laptop identity, or ``None`` on the main laptop."""
    row = connection.execute(
        "SELECT selection_id, uuid, name, main_identity, scope, base_event_id, base_hash,"
        " prepared_at, private_key FROM device_self WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    scope = json.loads(row[4])
    return FieldIdentity(
        row[0],
        row[1],
        row[2],
        row[3],
        tuple(scope.get("formations", ())),
        tuple(scope.get("components", ())),
        row[5],
        row[6],
        str(row[7]),
        key_fingerprint(public_of(row[8])),
    )


def this_field_laptop(db: Database) -> FieldIdentity | None:
    with db.reading() as connection:
        return field_identity(connection)


def prepare_laptop(
    db: Database,
    actor: Actor,
    selection_id: int,
    out: Path,
    name: str,
    *,
    formations: list[str] | None = None,
    components: list[str] | None = None,
) -> Outcome[DeviceInfo]:
    """Write the database for field laptop ``name`` to ``out`` and register the device.

    Refused, with nothing written: a name already used in the selection, an unknown
    formation or component, an ``out`` that exists (it may be another laptop's data), and
    preparing from a field laptop's own file.
    """
    permit(db, actor, Action.PREPARE_DEVICE, selection_id)
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise UserError("device.bad_name", limit=MAX_NAME)
    out = Path(out)
    if out.exists():
        raise UserError("device.file_exists", path=out)
    if db.path is not None and out.resolve() == Path(db.path).resolve():
        raise UserError("device.file_exists", path=out)
    with db.reading() as connection:
        if field_identity(connection) is not None:
            raise UserError("device.from_field_laptop")
        scope_formations = _known_formations(connection, selection_id, formations or [])
        scope_components = _known_components(connection, selection_id, components or [])
        main = database_identity(connection)
        if main is None:
            raise UserError("device.no_identity")
        if connection.execute(
            "SELECT 1 FROM device WHERE selection_id = ? AND name = ?", (selection_id, name)
        ).fetchone():
            raise UserError("device.name_taken", name=name)
    scope = {"formations": scope_formations, "components": scope_components}
    device_uuid = str(uuid.uuid4())
    private, public = new_device_key()
    return_private, return_public = new_device_key()
    temporary = out.with_name(f".{out.name}.{os.getpid()}.siapkan")
    try:
        if db.path is None:  # a server: its complete SQLite copy is the starting point
            from .server_backup import copy_server

            copy_server(db, actor, temporary)
        else:
            copy_aside(Path(db.path), temporary)
        kept, base_event_id, base_hash = _make_field_file(
            temporary, actor, selection_id, device_uuid, name, (private, return_public), main, scope
        )
        with write(db, actor, Action.PREPARE_DEVICE, selection_id, kinds=[DEVICES]) as action:
            taken = action.connection.execute(
                "SELECT 1 FROM device WHERE selection_id = ? AND name = ?", (selection_id, name)
            ).fetchone()
            if taken:
                raise UserError("device.name_taken", name=name)
            now = utc_now().isoformat(sep=" ")
            action.connection.execute(
                "INSERT INTO device (selection_id, uuid, name, public_key, return_key, scope,"
                " base_event_id, base_hash, prepared_by, prepared_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    selection_id,
                    device_uuid,
                    name,
                    public,
                    return_private,
                    json.dumps(scope),
                    base_event_id,
                    base_hash,
                    actor.name,
                    now,
                ),
            )
            action.audit(
                "device.prepared",
                entity="device",
                key=name,
                new={
                    "uuid": device_uuid,
                    "fingerprint": key_fingerprint(public),
                    "formations": scope_formations,
                    "components": scope_components,
                    "participants": kept,
                    "base_hash": base_hash,
                    "file": out.name,
                },
            )
            # In place before the commit: a failed commit removes it again (below).
            os.replace(temporary, out)
    except BaseException:
        for leftover in (temporary, Path(f"{temporary}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if out.exists() and not _registered(db, device_uuid):
            with contextlib.suppress(OSError):
                out.unlink()
        raise
    found = next(d for d in list_devices(db, selection_id) if d.uuid == device_uuid)
    return Outcome(found, action.changes)


def _registered(db: Database, device_uuid: str) -> bool:
    with db.reading() as connection:
        return bool(
            connection.execute("SELECT 1 FROM device WHERE uuid = ?", (device_uuid,)).fetchone()
        )


def _known_formations(
    connection: sqlite3.Connection, selection_id: int, wanted: list[str]
) -> list[str]:
    known = [
        code
        for (code,) in connection.execute(
            "SELECT code FROM formation WHERE selection_id = ? ORDER BY code", (selection_id,)
        )
    ]
    chosen = sorted({code.strip().upper() for code in wanted if code.strip()})
    unknown = [code for code in chosen if code not in set(known)]
    if unknown:
        raise UserError("device.unknown_formation", value=", ".join(unknown))
    return chosen


def _known_components(
    connection: sqlite3.Connection, selection_id: int, wanted: list[str]
) -> list[str]:
    scheme, _ids = scheme_of_selection(connection, selection_id)
    known = [c.code for stage in scheme.stages for c in stage.components]
    chosen = [code for code in known if code in {w.strip().upper() for w in wanted}]
    unknown = sorted({w.strip().upper() for w in wanted if w.strip()} - set(known))
    if unknown:
        raise UserError(
            "device.unknown_component", value=", ".join(unknown), choices=", ".join(known)
        )
    return chosen


def _make_field_file(
    path: Path,
    actor: Actor,
    selection_id: int,
    device_uuid: str,
    name: str,
    keys: tuple[str, str],
    main: str,
    scope: dict[str, list[str]],
) -> tuple[int, int, str]:
    """Keep only the laptop's participants in the copy, give it its identity, start its
    chain; returns (participants kept, base event id, base hash)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        configure_connection(connection)
        connection.execute("BEGIN IMMEDIATE")
        formations = scope["formations"]
        if formations:
            marks = ",".join("?" * len(formations))
            connection.execute(
                "DELETE FROM participant WHERE selection_id != ? OR formation_id NOT IN"
                f" (SELECT id FROM formation WHERE selection_id = ? AND code IN ({marks}))",
                (selection_id, selection_id, *formations),
            )
        else:
            connection.execute("DELETE FROM participant WHERE selection_id != ?", (selection_id,))
        # What the main laptop merged from other laptops is the main laptop's to decide.
        for table in ("device_claim", "merged_row", "device_package"):
            connection.execute(f"DELETE FROM {table}")
        kept = [
            number
            for (number,) in connection.execute(
                "SELECT number FROM participant WHERE selection_id = ? ORDER BY number",
                (selection_id,),
            )
        ]
        connection.execute(
            "INSERT INTO device_self (id, selection_id, uuid, name, private_key,"
            " return_public_key, received_head, main_identity, scope, base_event_id, base_hash,"
            " prepared_at) VALUES (1, ?, ?, ?, ?, ?, 0, ?, ?, 0, '', ?)",
            (
                selection_id,
                device_uuid,
                name,
                *keys,
                main,
                json.dumps(scope),
                utc_now().isoformat(sep=" "),
            ),
        )
        # The replay of this file (``audit verify`` on the laptop) learns from the detail
        # which participants remain, so the ones deleted here are not reported missing.
        record(
            connection,
            actor,
            "device.prepared",
            selection_id=selection_id,
            entity="device",
            key=name,
            new={"uuid": device_uuid, "participants": len(kept), **scope},
            detail=pack_detail({"selection": selection_id, "participants": kept}),
        )
        head = chain_head(connection)
        connection.execute(
            "UPDATE device_self SET base_event_id = ?, base_hash = ? WHERE id = 1",
            (head.event_id, head.hash),
        )
        connection.execute("COMMIT")
        connection.execute("VACUUM")  # the deleted participants' pages do not travel
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    return len(kept), head.event_id, head.hash


def list_devices(db: Database, selection_id: int) -> list[DeviceInfo]:
    """The field laptops prepared for the selection, by name, with their last package."""
    with db.reading() as connection:
        devices = connection.execute(
            "SELECT d.id, d.name, d.uuid, d.public_key, d.scope, d.prepared_by, d.prepared_at,"
            " (SELECT count(*) FROM device_package k WHERE k.device_id = d.id)"
            " FROM device d WHERE d.selection_id = ? ORDER BY d.name",
            (selection_id,),
        ).fetchall()
        kept = {
            key: json.loads(new).get("participants", 0)
            for key, new in connection.execute(
                "SELECT entity_key, new FROM audit_event WHERE action = 'device.prepared'"
                " AND selection_id = ?",
                (selection_id,),
            )
        }
        last = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT device_id, head, received_at, received_by, summary FROM device_package"
                " WHERE id IN (SELECT max(id) FROM device_package GROUP BY device_id)"
            )
        }
    found = []
    for device_id, name, uid, public, scope_text, by, at, count in devices:
        scope = json.loads(scope_text)
        head, received_at, received_by, summary = last.get(device_id, (None, None, None, "{}"))
        found.append(
            DeviceInfo(
                name,
                uid,
                key_fingerprint(public),
                tuple(scope.get("formations", ())),
                tuple(scope.get("components", ())),
                by,
                str(at),
                int(kept.get(name, 0)),
                head,
                None if received_at is None else str(received_at),
                received_by,
                {k: int(v) for k, v in json.loads(summary).items() if isinstance(v, int)},
                count,
            )
        )
    return found
