"""Opening a database file: create it, or inspect, refuse, copy aside and upgrade it.

A file that is not ours, is damaged or was written by a newer program is refused with the
reason, naming its newest good backup when there is one (so the window can offer to recover
from it); an older file is copied aside (readable by its owner only: it holds password hashes)
and upgraded through Alembic. This sits above ``backups.py`` (which it asks for that backup)
and ``database.py`` (the connections it opens).

Every opening also looks at what must hold in any file of ours (issue 9): the append-only
triggers of the announcements, the audit trail and the database identity are compared with
their definitions and created again when missing or changed, and the file is then reported as
tampered, with an audit event and a warning (``open_database_checked``); temporary files of
backups that were cut off are deleted.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.messages import t
from app.migrations import HEAD, REVISIONS
from app.migrations.guards import GUARDS

from .audit import missing_guards, record
from .backups import SYSTEM_ACTOR, clean_unfinished, copy_aside, newest_good_backup
from .database import APPLICATION_ID, SQLITE_HEADER, Database
from .errors import UserError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OpenedFile:
    """An open database and what its opening found that the user should know (in words)."""

    database: Database
    warnings: tuple[str, ...] = ()


def open_database(path: Path | str, *, full_check: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``.

    ``full_check`` walks every page (``quick_check``) before use. Commands that only read pass
    ``False``: SQLite itself refuses a damaged page when it reads it, and the walk would cost
    more than a whole ranking of 100k participants. What the opening found is in the audit
    trail; ``open_database_checked`` also returns it in words.
    """
    return open_database_checked(path, full_check=full_check).database


def open_database_checked(path: Path | str, *, full_check: bool = True) -> OpenedFile:
    """``open_database``, with the warnings the window shows (e.g. triggers were missing)."""
    if is_server_url(path):
        return _open_server(str(path))
    path = Path(path).expanduser()
    state = _inspect(path, full_check)
    if state == "new":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(exist_ok=True)  # fails here, with a reason, rather than inside SQLite
            # Scores and personal data: readable by the owner only (SQLite gives its -wal and
            # -shm files the same permissions). Windows ignores what it cannot express.
            path.chmod(0o600)
        except OSError as error:
            raise UserError(
                "db.cannot_create", path=path, detail=error.strerror or error
            ) from error
    database = Database(path)
    if state != HEAD:
        if state not in ("new", "empty"):
            _copy_aside(path, state)
        _upgrade(database)
    clean_unfinished(path)
    return OpenedFile(database, _restore_guards(database))


def _restore_guards(database: Database) -> tuple[str, ...]:
    """Create again any append-only trigger that is missing or changed, and say so.

    A file without them had its history open to change: that is recorded in the audit trail
    (``database.tampered``, naming the triggers) in the transaction that restores them, and
    returned as a warning. A file that cannot be written (read-only media) is only warned
    about; ``audit verify`` reports the missing triggers as well.
    """
    with database.reading() as connection:
        missing = missing_guards(connection, HEAD)
    if not missing:
        return ()
    names = ", ".join(missing)
    try:
        with database.writing() as connection:
            missing = missing_guards(connection, HEAD)  # again, under the lock
            if not missing:
                return ()
            for guard in GUARDS:
                if guard.name in missing:
                    for statement in _recreate(connection, guard.name, guard.sql):
                        connection.execute(statement)
            record(
                connection,
                SYSTEM_ACTOR,
                "database.tampered",
                entity="database",
                key=_name_of(database),
                new={"restored_triggers": missing},
                reason=t("history.tampered_reason"),
            )
    except (UserError, sqlite3.Error) as error:
        detail = error.text() if isinstance(error, UserError) else str(error)
        log.warning("cannot restore the triggers of %s: %s", _name_of(database), detail)
        return (t("history.tampered_unrepaired", path=_name_of(database), triggers=names),)
    return (t("history.tampered", path=database.path, triggers=names),)


def _inspect(path: Path, full_check: bool = True) -> str:
    """``new``, ``empty`` (a blank SQLite file), or the file's current revision."""
    if not path.exists():
        return "new"
    if path.is_dir():
        raise UserError("db.is_directory", path=path)
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
        size = path.stat().st_size
    except OSError as error:
        raise UserError("db.unreadable", path=path, detail=error.strerror or error) from error
    if not header:
        return "empty"
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise _refused("db.not_ours", path)
    expected = _promised_size(header)
    if expected is not None and size < expected:
        raise _refused("db.truncated", path, size=size, expected=expected)
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            problem = _quick_check(connection, size) if full_check else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise _refused("db.damaged", path, detail=error) from error
    if problem is not None:
        raise _refused("db.damaged", path, detail=problem)
    if not tables and application_id == 0:
        return "empty"
    if application_id != APPLICATION_ID or revision is None:
        raise _refused("db.not_ours", path)
    if revision not in REVISIONS:
        raise UserError("db.too_new", path=path, revision=revision)
    return revision


# -- damaged files (issue 5): say what is wrong, name the newest good backup, touch nothing --

HEADER_SIZE = 100
QUICK_CHECK_LIMIT = 200 * 1024 * 1024  # bigger files open without the page walk


def _promised_size(header: bytes) -> int | None:
    """The file size the SQLite header promises, or ``None`` when it makes no promise.

    The page count at offset 28 is only valid while the change counter (24) equals the
    "version valid for" number (92); older writers leave it stale.
    """
    if len(header) < HEADER_SIZE:
        return HEADER_SIZE
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages == 0 or header[24:28] != header[92:96]:
        return None
    return page_size * pages


def _quick_check(connection: sqlite3.Connection, size: int) -> str | None:
    """SQLite's own walk over every page (not the indexes), or ``None`` when it is sound."""
    if size > QUICK_CHECK_LIMIT:
        return None
    rows = connection.execute("PRAGMA quick_check(1)").fetchall()
    return None if rows == [("ok",)] else str(rows[0][0] if rows else "quick_check")


def _refused(message: str, path: Path, **params: Any) -> UserError:
    """The refusal for an unusable file, naming its newest good backup when there is one.

    With a backup the id gains ``_with_backup`` and the error carries ``backup``, which the
    window uses to offer opening a recovered copy (``backups.recover_from_backup``).
    """
    try:
        backup = newest_good_backup(path)
    except Exception:  # looking for a backup must not hide what is wrong with the file
        backup = None
    if backup is None:
        return UserError(message, path=path, **params)
    return UserError(f"{message}_with_backup", path=path, backup=backup, **params)


def _copy_aside(path: Path, revision: str) -> None:
    """Keep the file as it was before an upgrade, with SQLite's online backup: checked,
    written under a temporary name, readable by its owner only like every backup."""
    copy_aside(path, path.with_name(f"{path.name}.sebelum-{revision}.bak"))


def _upgrade(database: Database) -> None:
    from app.migrations.runner import upgrade_to_head

    upgrade_to_head(database.path)


def is_server_url(location: Path | str) -> bool:
    """``postgresql://user@host/dbname``: a selection on a LAN server (issue #12 §2)."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def _open_server(url: str) -> OpenedFile:
    """Connect to a server database, creating or upgrading its schema to ``HEAD`` first
    (every laptop may be the first to connect; the upgrade takes a lock)."""
    from app.migrations.runner import upgrade_server_to_head

    from .server_database import ServerDatabase

    revision = server_revision(url)  # refuses an unreachable server, a newer schema
    try:
        if revision != HEAD:  # Alembic is imported only when there is work
            upgrade_server_to_head(url)
    except Exception as error:
        raise UserError("db.server_unreachable", url=_without_password(url), detail=error) from None
    database = ServerDatabase(url)
    return OpenedFile(database, _restore_guards(database))


def server_revision(url: str) -> str | None:
    """The schema revision a server database holds, only read (``None``: nothing of ours yet;
    the first opening prepares it): the window's *Uji sambungan* asks this before anything is
    written. What refuses an opening refuses this too: an unreachable server, a refused user
    or password, a missing database (``db.server_unreachable``), a newer program's schema."""
    try:
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            found = connection.execute("SELECT to_regclass('alembic_version')").fetchone()
            row = None
            if found is not None and found[0] is not None:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except Exception as error:
        raise UserError("db.server_unreachable", url=_without_password(url), detail=error) from None
    revision = None if row is None else str(row[0])
    if revision is not None and revision not in REVISIONS:
        raise UserError("db.too_new", path=_without_password(url), revision=revision)
    return revision


def _without_password(url: str) -> str:
    """The URL as it may be shown: a password in it is replaced by ``***``."""
    import re

    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _recreate(connection: sqlite3.Connection, name: str, sql: str) -> tuple[str, ...]:
    """The statements that put a guard back, on a file or on a server."""
    from app.migrations.dialect import postgres_trigger, table_of

    from .database import is_server

    if not is_server(connection):
        return (f"DROP TRIGGER IF EXISTS {name}", sql)
    definition = sql.split(None, 3)[3]
    return (
        f"DROP TRIGGER IF EXISTS {name} ON {table_of(sql)}",
        *postgres_trigger(name, definition),
    )


def _name_of(database: Database) -> str:
    """How a message names the database: the file's name, or the server's URL."""
    if database.path is None:
        return _without_password(str(getattr(database, "url")))  # noqa: B009
    return database.path.name
