"""The triggers that make history append-only, as the migrations created them.

An issued announcement (0003), the audit trail (0004), the database identity (0007) and the
field laptops' audit events (0013) are never edited nor removed; SQLite itself refuses,
whatever program writes to the file. A person with the file and the ``sqlite3`` shell can
still drop a trigger, change history and create the trigger again, so opening a file compares
these triggers with their definitions below and creates again any that is missing or
different (``app.services.opening``), and a restore refuses a backup that lacks them
(``app.services.backups``).

Plain strings on purpose: services read them without importing SQLAlchemy or Alembic, and the
text is exactly what the migrations executed, so SQLite's stored ``sql`` can be compared with it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Guard:
    """One append-only trigger: its name, its ``CREATE TRIGGER`` text and the revision that
    introduced it (a file older than that revision rightly has none)."""

    name: str
    sql: str
    since: str


def _refuse(table: str, action: str, message: str) -> str:
    return (
        f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}"
        f" BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


_TABLES = (
    ("announcement", "pengumuman yang sudah terbit tidak dapat diubah", "0003_documents"),
    ("audit_event", "jejak audit tidak dapat diubah", "0004_audit"),
    ("database_identity", "identitas database tidak dapat diubah", "0007_anchors"),
    ("device_event", "jejak audit laptop lapangan tidak dapat diubah", "0013_devices"),
)

GUARDS: tuple[Guard, ...] = tuple(
    Guard(f"{table}_no_{action.lower()}", _refuse(table, action, message), since)
    for table, message, since in _TABLES
    for action in ("UPDATE", "DELETE")
)


def normalized(sql: str) -> str:
    """Trigger text compared without regard to spacing or letter case."""
    return " ".join(sql.split()).casefold()
