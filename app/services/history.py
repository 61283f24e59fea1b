"""Whether a file's history can be trusted: everything ``seleksi audit verify`` looks at.

Each check answers a different way of rewriting history (issue 9):

* the hash chain (``audit.verify_chain``): one event edited or removed from the middle;
* the append-only triggers: without them the next three become easy; and a ``database.tampered``
  event says an opening found them missing and put them back;
* the audit replay (``replay``): a table changed without an event (``UPDATE score`` in the
  ``sqlite3`` shell), or the newest events deleted together with what they did;
* the chain head of every backup in the file's own folder, and of a file given with
  ``--against`` (an issued PDF or a backup) (``anchors``): history cut short or computed again
  as a whole after that backup or document;
* each field laptop's events as received (``device_chains``): a device's chain edited after
  its packages were merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.migrations import HEAD

from .anchors import AnchorCheck, check_backups, check_file
from .audit import (
    AuditEntry,
    ChainHead,
    ChainReport,
    chain_head,
    missing_guards,
    verify_chain_on,
)
from .database import Database
from .device_chains import DeviceChain, verify_device_chains_on
from .replay import ReplayReport, replay_on

TAMPERED = "database.tampered"


@dataclass(slots=True)
class HistoryReport:
    chain: ChainReport
    head: ChainHead
    missing_guards: list[str]
    replay: ReplayReport
    backups: list[AnchorCheck]
    against: AnchorCheck | None = None
    tampered: list[AuditEntry] = field(default_factory=list)
    devices: list[DeviceChain] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.chain.ok
            and not self.missing_guards
            and self.replay.ok
            and all(check.ok for check in self.backups)
            and (self.against is None or self.against.ok)
            and all(device.report.ok for device in self.devices)
        )


def verify_history(db: Database, against: Path | None = None) -> HistoryReport:
    """Every check of the module docstring; ``against`` adds a PDF or a backup to compare."""
    with db.reading() as connection:  # one snapshot: chain, triggers and tables agree in time
        chain = verify_chain_on(connection)
        head = chain_head(connection)
        missing = missing_guards(connection, HEAD)
        replayed = replay_on(connection)
        devices = verify_device_chains_on(connection)
        tampered = [
            AuditEntry(*row)
            for row in connection.execute(
                "SELECT id, at, actor, action, selection_id, entity, entity_key, participant,"
                " old, new, reason FROM audit_event WHERE action = ? ORDER BY id",
                (TAMPERED,),
            )
        ]
    return HistoryReport(
        chain=chain,
        head=head,
        missing_guards=missing,
        replay=replayed,
        backups=check_backups(db),
        against=check_file(db, against) if against is not None else None,
        tampered=tampered,
        devices=devices,
    )


def opening_warnings(db: Database) -> list[str]:
    """What the window says when it opens a file: backups whose head the live history lost.

    Only the heads are compared (one lookup per backup), so it stays quick on a big file.
    """
    problems = [check for check in check_backups(db) if not check.ok]
    return [check.text() for check in problems]
