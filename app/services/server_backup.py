"""A server's selection as one SQLite file (issue #12 §2): ``seleksi backup --out FILE.db``.

The committee archives a LAN day, or takes it back offline, as the file everything else here
reads: a complete copy, row for row and table by table, of the server's database, with the
same database identity (a copy is the same database, as a backup of a file is) and the same
audit trail, so ``audit verify`` on the copy checks the chain and replays it like the
server's. It is built in a new file made by the migrations: the triggers are set aside while
the rows go in (so the revision stamps and the identity arrive exactly as the server holds
them, and the append-only guards do not refuse the identity that replaces the new file's
own), then created again from their own text; the file is checked (foreign keys,
``integrity_check``) and only then takes its name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from .actor import Actor
from .database import Database, configure_connection
from .door import permit
from .errors import UserError
from .opening import open_database
from .permissions import Action

BATCH = 5_000
"""Rows copied per round trip."""


def copy_server(db: Database, actor: Actor, out: Path) -> Path:
    """Write the complete SQLite copy of server ``db`` to ``out``; returns ``out``."""
    permit(db, actor, Action.MAKE_BACKUP)
    out = Path(out).expanduser()
    if out.exists():
        raise UserError("server.copy_exists", path=out)
    temporary = out.with_name(f".{out.name}.{os.getpid()}.salin")
    try:
        open_database(temporary).close()  # the schema at HEAD, owner-only
        copy = sqlite3.connect(temporary, isolation_level=None)
        try:
            configure_connection(copy)
            copy.execute("PRAGMA foreign_keys = OFF")  # rows arrive table by table
            copy.execute("BEGIN IMMEDIATE")
            triggers = copy.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            ).fetchall()
            for name, _sql in triggers:
                copy.execute(f"DROP TRIGGER {name}")
            tables = [
                name
                for (name,) in copy.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
                )
            ]
            with db.reading() as server:
                for table in tables:  # foreign keys are checked once, at the end
                    columns = [row[1] for row in copy.execute(f"PRAGMA table_info({table})")]
                    _copy_table(server, copy, table, columns)
            for _name, sql in triggers:
                copy.execute(sql)
            broken = copy.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise UserError("backup.source_damaged", path=out, detail=str(broken[:3]))
            copy.execute("COMMIT")
            copy.execute("PRAGMA journal_mode = DELETE")
            (checked,) = copy.execute("PRAGMA integrity_check").fetchone()
            if checked != "ok":
                raise UserError("backup.source_damaged", path=out, detail=checked)
        finally:
            copy.close()
        os.replace(temporary, out)
    except BaseException:
        for leftover in (temporary, Path(f"{temporary}-journal"), Path(f"{temporary}-wal"),
                         Path(f"{temporary}-shm")):  # fmt: skip
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return out


def _copy_table(
    server: sqlite3.Connection, copy: sqlite3.Connection, table: str, columns: list[str]
) -> None:
    """Every row of ``table``, in primary-key order, the file's own rows replaced."""
    names = ", ".join(columns)
    copy.execute(f"DELETE FROM {table}")
    rows = server.execute(f"SELECT {names} FROM {table} ORDER BY 1")
    marks = ", ".join("?" * len(columns))
    batch: list[tuple[object, ...]] = []
    for row in rows:
        batch.append(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
        if len(batch) == BATCH:
            copy.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
            batch.clear()
    if batch:
        copy.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
