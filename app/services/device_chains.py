"""Each field laptop's audit trail as received: still a chain from where it began?

A device's events are kept as they were chained on the laptop (``device_event``); the first
continues from the hash of the ``device.prepared`` event that began the laptop's file, which
the main laptop recorded when it prepared it. ``audit verify`` recomputes every hash, as for
the main trail (``audit.verify_chain``).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass

from .audit import _FIELDS, ChainReport, _digest
from .database import Database


@dataclass(frozen=True, slots=True)
class DeviceChain:
    device: str
    report: ChainReport


def verify_device_chains(db: Database) -> list[DeviceChain]:
    """Each device's events as received: chained from its base, every hash recomputed."""
    with db.reading() as connection:
        return verify_device_chains_on(connection)


def verify_device_chains_on(connection: sqlite3.Connection) -> list[DeviceChain]:
    devices = connection.execute("SELECT id, name, base_hash FROM device ORDER BY name").fetchall()
    found = []
    for device_id, name, base_hash in devices:
        previous, count, report = base_hash, 0, None
        for row in connection.execute(
            f"SELECT seq, {', '.join(_FIELDS)}, hash, detail FROM device_event"
            " WHERE device_id = ? ORDER BY seq",
            (device_id,),
        ):
            count += 1
            seq, *fields, stored, blob = row
            values = dict(zip(_FIELDS, fields, strict=True))
            if values["prev_hash"] != previous:
                report = ChainReport(False, count, seq, "audit.chain_link")
                break
            detail = None if blob is None else hashlib.sha256(blob).hexdigest()
            if _digest(values, detail) != stored:
                report = ChainReport(False, count, seq, "audit.chain_content")
                break
            previous = stored
        found.append(DeviceChain(name, report or ChainReport(True, count)))
    return found
