"""Rotated backups of the database file, restoring one, and recovering from a damaged file.

Why this exists: a power cut at the test site, a full USB stick or a mistaken import must never
cost the committee its scores (DESIGN §6). So:

* copies are made with SQLite's online backup API, which copies a consistent snapshot of a live
  WAL database; a plain file copy may catch the file half-written and misses whatever still
  sits in the ``-wal`` file;
* a copy only counts once ``PRAGMA integrity_check`` (``quick_check`` for big files) passed on
  it; it is written under a temporary name and renamed into place, so a crash mid-backup never
  leaves a half copy that looks like a good one;
* copies live next to the database in ``<name>.cadangan/`` (``seleksi.db.cadangan/``), so they
  travel with the file when the committee carries it to another laptop, and are readable by
  their owner only: they hold personal data;
* rotation keeps the newest ``KEEP_LAST`` copies plus the newest one of every day, so a mistake
  noticed a week later can still be undone while the folder does not grow without bound;
* restoring first backs up what is there, and recovering from a damaged file writes a new file
  beside it: no step of this module ever overwrites the only copy of anything. That copy
  ("sebelum-pulih") is never rotated away, and the audit trail names it;
* a restore refuses a backup whose audit chain fails, whose append-only triggers are missing,
  which a newer program wrote, or which is a copy of another database (``database_identity``)
  unless the person confirms; it never waits more than ``RESTORE_LOCK_SECONDS`` for a lock;
* a backup carries its audit chain's head (its own newest event), so history cut or rewritten
  after it shows (``app.services.anchors``), and an automatic backup whose head, identity and
  revision equal those of the newest backup for the same reason is not made again (a retried
  import after a full disk does not stack identical copies);
* a full disk is said in words ("kosongkan ruang"), and temporary files of a backup that was
  cut off (a crash, a full disk) are deleted the next time the file is opened.

Automatic backups (before imports, announcements and finalization, every ``PERIODIC_MINUTES``
while scores are typed, on exit) go through ``automatic_backup``, which never raises: a failed
backup must not stop the clerk from saving the very scores it was meant to protect. The failure
is written to the audit trail instead. Successful automatic backups are not audited (they
would make a refused import change the file); backups a person asks for and every restore are.
A backup a person asks for takes the write lock before copying and records its event in that
same transaction: a busy file gives a message in words and no copy, so there is never a manual
backup whose event was lost (the lock also keeps the copy from restarting under writes).
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.migrations import REVISIONS

from .actor import Actor
from .audit import (
    HEAD_PRESENT,
    ChainHead,
    chain_head,
    database_identity,
    head_status,
    missing_guards,
    record,
    verify_chain_on,
)
from .database import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    Database,
    configure_connection,
    is_disk_full,
)
from .door import permit
from .errors import UserError
from .permissions import Action, require

log = logging.getLogger(__name__)

FOLDER_SUFFIX = ".cadangan"
KEEP_LAST = 20
PERIODIC_MINUTES = 10
# Below this size a backup gets the full integrity_check; above it quick_check, which skips
# the index-against-table comparison and is several times faster on 100k participants.
FULL_CHECK_LIMIT = 64 * 1024 * 1024
# A stray temporary file older than this is a crashed backup, not one still being written.
STALE_TEMPORARY = timedelta(hours=1)
# Writing an audit event about a backup must not keep the user waiting on a busy file.
AUDIT_TIMEOUT_MS = 2_000
# A restore waits at most this long for another program's write lock, then says so (issue 9).
RESTORE_LOCK_SECONDS = 10.0
# A manual backup waits for the write lock as long as saving a score does.
MANUAL_LOCK_TIMEOUT_MS = BUSY_TIMEOUT_MS
SYSTEM_ACTOR = "sistem"
# The revision whose files first have an audit trail and its append-only triggers.
AUDIT_REVISION = "0004_audit"

# Reasons the program itself uses (the Backups page shows them in words).
MANUAL = "manual"
BEFORE_RESTORE = "sebelum-pulih"
PERIODIC = "berkala"
ON_EXIT = "keluar"

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<date>\d{8})-(?P<time>\d{6})(?:-(?P<n>\d+))?"
    r"-(?P<reason>[a-z][a-z0-9-]*)\.db$"
)
_TEMPORARY_SUFFIX = ".sementara"
_TEMPORARY_PID = re.compile(r"\.(?P<pid>\d+)" + re.escape(_TEMPORARY_SUFFIX))


class OtherDatabase(UserError):
    """The backup is a copy of another database: restoring it needs the person's yes."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One copy in the backups folder; ``created`` is the local time in its name."""

    path: Path
    created: datetime
    reason: str
    size: int


# -- where and what ------------------------------------------------------------------------


def _path_of(db: Database | Path | str) -> Path:
    return Path(db.path if isinstance(db, Database) else db).expanduser()


def backup_folder(db: Database | Path | str) -> Path:
    """``<folder of the file>/<file name>.cadangan``: the backups travel with the file."""
    path = _path_of(db)
    return path.with_name(path.name + FOLDER_SUFFIX)


def _slug(reason: str) -> str:
    """A reason as it can appear in a file name (``Impor nilai`` → ``impor-nilai``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    slug = slug.lstrip("0123456789-")
    return slug or MANUAL


def _parse(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        created = datetime.strptime(match["date"] + match["time"], "%Y%m%d%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, created, match["reason"], size)


def _order(info: BackupInfo) -> tuple[datetime, int, str]:
    match = _NAME.match(info.path.name)
    number = int(match["n"]) if match and match["n"] else 0
    return info.created, number, info.path.name


def list_backups(db_path: Database | Path | str) -> list[BackupInfo]:
    """The copies in the file's backups folder, newest first."""
    return _scan(backup_folder(db_path))


def _scan(folder: Path) -> list[BackupInfo]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [info for entry in entries if entry.is_file() and (info := _parse(entry))]
    return sorted(found, key=_order, reverse=True)


def _new_name(folder: Path, stem: str, reason: str, now: datetime) -> Path:
    """``<stem>-YYYYMMDD-HHMMSS-<reason>.db``; a later copy in the same second is numbered
    (``-2-``, ``-3-`` …) whatever its reason, so the names keep the order they were made in."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    slug = _slug(reason)
    taken = [
        int(match["n"] or 1)
        for entry in folder.glob(f"{glob.escape(stem)}-{stamp}-*.db")
        if (match := _NAME.match(entry.name)) and match["stem"] == stem
    ]
    if not taken:
        return folder / f"{stem}-{stamp}-{slug}.db"
    return folder / f"{stem}-{stamp}-{max(taken) + 1}-{slug}.db"


# -- checking ------------------------------------------------------------------------------


def _check(connection: sqlite3.Connection, size: int) -> str | None:
    """``None`` when SQLite finds the file sound, else its first complaint."""
    pragma = "integrity_check" if size <= FULL_CHECK_LIMIT else "quick_check"
    rows = connection.execute(f"PRAGMA {pragma}(1)").fetchall()
    if rows == [("ok",)]:
        return None
    return str(rows[0][0]) if rows else pragma


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    """``mode=ro``: reading never writes (a damaged file or a backup is looked at, not
    touched); ``mode=rw``: writes, but never creates a file that is not there."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return _connect(path, "ro")


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that only reads ``path`` (a backup is looked at, never written to)."""
    connection = _connect_read_only(path)
    try:
        yield connection
    finally:
        connection.close()


def verify_backup(path: Path) -> str | None:
    """Why ``path`` cannot serve as a copy of a Seleksi ASN database, or ``None`` if it can."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "not a database"
        connection = _connect_read_only(path)
        try:
            if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return "not a Seleksi ASN database"
            return _check(connection, path.stat().st_size)
        finally:
            connection.close()
    except (OSError, sqlite3.DatabaseError) as error:
        return str(error)


def newest_good_backup(db_path: Database | Path | str) -> Path | None:
    """The newest copy that passes the check; older ones are tried when the newest is bad."""
    for info in list_backups(db_path):
        if verify_backup(info.path) is None:
            return info.path
    return None


# -- making a copy -------------------------------------------------------------------------


class _LockWait(Exception):
    """The copy waited ``RESTORE_LOCK_SECONDS`` for the target's write lock."""


def _copy(
    source: Path, target: Path, *, journal_mode: str, lock_seconds: float | None = None
) -> None:
    """Online backup of ``source`` into ``target``, checked; raises ``UserError`` if bad.

    ``target`` ends in ``journal_mode``: ``DELETE`` for a self-contained copy in the backups
    folder (no ``-wal`` beside it), ``WAL`` for a file the program will work in.
    ``lock_seconds`` bounds the wait for ``target``'s write lock (``_LockWait``): SQLite's
    backup loop itself retries a busy target for ever.
    """
    reader = _connect_read_only(source)
    try:
        writer = sqlite3.connect(target, isolation_level=None)
        try:
            if lock_seconds is None:
                writer.execute("PRAGMA busy_timeout = 15000")
                reader.backup(writer)
            else:
                writer.execute("PRAGMA busy_timeout = 1000")
                deadline = time.monotonic() + lock_seconds

                def give_up_when_late(status: int, _remaining: int, _total: int) -> None:
                    if status != sqlite3.SQLITE_OK and time.monotonic() > deadline:
                        raise _LockWait

                reader.backup(writer, progress=give_up_when_late, sleep=0.1)
            writer.execute(f"PRAGMA journal_mode = {journal_mode}")
            problem = _check(writer, target.stat().st_size)
        finally:
            writer.close()
    finally:
        reader.close()
    if problem is not None:
        raise UserError("backup.source_damaged", path=source, detail=problem)


def _busy(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and (
        "database is locked" in str(error) or "database is busy" in str(error)
    )


def _owner_only(path: Path) -> None:
    with contextlib.suppress(OSError):  # Windows and some USB file systems cannot say it
        path.chmod(0o600)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); elsewhere the OS does what it can."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _temporary(target: Path) -> Path:
    """Where a copy is made before it is renamed into place; the name carries the process id,
    so the next start can tell a crashed copy from one still being written."""
    return target.with_name(f".{target.name}.{os.getpid()}{_TEMPORARY_SUFFIX}")


def _write_copy(source: Path, target: Path) -> None:
    """Copy into a temporary name beside ``target``, check it, then rename it into place."""
    temporary = _temporary(target)
    try:
        _create_owner_only(temporary)
        _copy(source, temporary, journal_mode="DELETE")
        os.replace(temporary, target)
    except BaseException:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    _sync_folder(target.parent)


def _create_owner_only(path: Path) -> None:
    """An empty file readable by its owner only, before SQLite writes personal data into it
    (a chmod afterwards would leave it readable by others while it is written)."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(handle)
    _owner_only(path)  # also where the umask or the file system had its own say


def copy_aside(source: Path, target: Path) -> None:
    """A one-off copy next to the database (the one kept before an upgrade): checked, owner
    only, written under a temporary name first. It holds password hashes like a backup."""
    _write_copy(source, target)


def clean_unfinished(db_path: Database | Path | str) -> list[Path]:
    """Delete temporary files of copies that were cut off (a crash, a full disk).

    Looked for in the backups folder and beside the database (the copy kept before an
    upgrade). A file whose process is gone is deleted at once; where the process cannot be
    asked (Windows), one older than ``STALE_TEMPORARY``. Run when a file is opened.
    """
    path = _path_of(db_path)
    removed = []
    cutoff = datetime.now() - STALE_TEMPORARY
    places = [
        (backup_folder(path), f".*{_TEMPORARY_SUFFIX}*"),
        (path.parent, f".{glob.escape(path.name)}*{_TEMPORARY_SUFFIX}*"),
    ]
    for folder, pattern in places:
        try:
            entries = list(folder.glob(pattern))
        except OSError:
            continue
        for entry in entries:
            match = _TEMPORARY_PID.search(entry.name)
            try:
                stale = datetime.fromtimestamp(entry.stat().st_mtime) < cutoff
                if stale or (match is not None and not _process_alive(int(match["pid"]))):
                    entry.unlink()
                    removed.append(entry)
            except OSError:
                continue
    return removed


def _process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (POSIX); elsewhere assume it does."""
    if os.name != "posix":
        return True
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: not ours to judge
    return True


def create_backup(
    db: Database | Path | str,
    reason: str,
    *,
    actor: Actor | str | None = None,
    out: Path | None = None,
    now: datetime | None = None,
) -> Path:
    """Copy the database into its backups folder (or into ``out``) and return the copy.

    A copy into the folder is followed by rotation. ``actor`` is given when a person asked
    for the backup: the role is checked, the write lock is taken (``backup.busy`` in words if
    another program keeps it) and the backup's event is recorded in that same transaction.
    ``now`` names the copy (tests); the default is the current local time.
    """
    if isinstance(actor, Actor):
        permit(Database(_path_of(db)), actor, Action.MAKE_BACKUP)
    source = _path_of(db)
    if not source.is_file() or source.stat().st_size == 0:
        raise UserError("backup.no_database", path=source)
    if out is not None:
        target = Path(out).expanduser()
        if target.exists():
            raise UserError("backup.out_exists", path=target)
        folder = target.parent
    else:
        folder = backup_folder(source)
    if actor is None:
        made = _make_copy(source, folder, out, reason, now)
    else:
        with _trail_lock(source, MANUAL_LOCK_TIMEOUT_MS, "backup.busy") as connection:
            made = _make_copy(source, folder, out, reason, now)
            try:
                if connection is not None:
                    record(
                        connection,
                        actor,
                        "backup.created",
                        entity="database",
                        key=source.name,
                        new={"file": made.name, "reason": reason},
                    )
            except BaseException:
                with contextlib.suppress(OSError):
                    made.unlink()  # no manual backup without its event
                raise
    if out is None:
        rotate(folder)
    return made


def _make_copy(
    source: Path, folder: Path, out: Path | None, reason: str, now: datetime | None
) -> Path:
    """The copy itself, with every failure in words: a full disk asks to free space."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if out is None:
            with contextlib.suppress(OSError):
                folder.chmod(0o700)
            target = _new_name(folder, source.stem, reason, now or datetime.now())
        else:
            target = Path(out).expanduser()
        _write_copy(source, target)
    except (sqlite3.Error, OSError) as error:
        raise _failure(source, folder, error) from error
    return target


def _failure(source: Path, folder: Path, error: BaseException) -> UserError:
    if is_disk_full(error):
        return UserError("backup.disk_full", path=source, folder=folder)
    if _busy(error):
        return UserError("backup.busy", path=source)
    detail = error.strerror if isinstance(error, OSError) and error.strerror else error
    return UserError("backup.failed", path=source, detail=detail)


def _backup_head(path: Path) -> tuple[str | None, ChainHead, str | None] | None:
    """(identity, chain head, revision) of a database file, or ``None`` if unreadable."""
    try:
        with read_only(path) as connection:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "audit_event" not in tables:
                return None
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            return database_identity(connection), chain_head(connection), revision
    except (sqlite3.Error, OSError):
        return None


def identical_backup(db: Database | Path | str, reason: str) -> Path | None:
    """The newest backup for ``reason`` if it already holds exactly what the file holds.

    Every change the program makes writes an audit event in the same transaction, so the same
    identity, chain head and revision mean the same data. An import retried after a full disk
    (or any automatic backup with nothing new since) then makes no second, identical copy.
    """
    source = _path_of(db)
    same = [info for info in list_backups(source) if info.reason == reason]
    if not same:
        return None
    now = _backup_head(source)
    if now is None or now[0] is None:
        return None
    return same[0].path if _backup_head(same[0].path) == now else None


def rotate(folder: Path, keep_last: int = KEEP_LAST) -> list[Path]:
    """Keep the newest ``keep_last`` copies and the newest copy of every day; delete the rest.

    The copy made before a restore (``BEFORE_RESTORE``) is never deleted: it is the only way
    back from a restore, and the anchor check reads it (``app.services.anchors``). Returns
    what was deleted. Stray temporary files of crashed backups go too.
    """
    cutoff = datetime.now() - STALE_TEMPORARY
    with contextlib.suppress(OSError):
        for entry in folder.glob(f".*{_TEMPORARY_SUFFIX}*"):  # with its -journal, if any
            if datetime.fromtimestamp(entry.stat().st_mtime) < cutoff:
                entry.unlink()
    backups = _scan(folder)
    keep = {info.path for info in backups[:keep_last]}
    days: set[object] = set()
    for info in backups:  # newest first: the first seen of a day is that day's newest
        if info.created.date() not in days:
            days.add(info.created.date())
            keep.add(info.path)
    keep.update(info.path for info in backups if info.reason == BEFORE_RESTORE)
    removed = []
    for info in backups:
        if info.path not in keep:
            try:
                info.path.unlink()
            except OSError as error:
                log.warning("cannot delete old backup %s: %s", info.path, error)
            else:
                removed.append(info.path)
    return removed


def automatic_backup(
    db: Database | Path | str, reason: str, *, now: datetime | None = None
) -> Path | None:
    """A backup the program makes on its own; ``None`` when it failed, and never raises.

    The failure goes to the log and, when the file takes writes, to the audit trail as
    ``backup.failed``: the user's action (an import, an exit) goes ahead all the same. When
    the newest backup for ``reason`` already holds exactly this data, it is returned instead
    of a new copy (``identical_backup``).
    """
    if isinstance(db, Database) and db.path is None:
        return None  # a server keeps its own backups (``seleksi backup --out`` copies one)
    try:
        # A periodic copy is due by the clock alone; every other one only if data changed.
        same = None if reason == PERIODIC else identical_backup(db, reason)
        return same or create_backup(db, reason, now=now)
    except Exception as error:
        detail = error.text() if isinstance(error, UserError) else str(error)
        log.warning("automatic backup (%s) failed: %s", reason, detail)
        with contextlib.suppress(Exception):
            if not _readable_database(_path_of(db)):
                return None  # no writes into a file that may be damaged
            _audit(_path_of(db), SYSTEM_ACTOR, "backup.failed", new={"reason": reason}, why=detail)
        return None


def periodic_backup(
    db: Database | Path | str, minutes: int = PERIODIC_MINUTES, *, now: datetime | None = None
) -> Path | None:
    """Back up while scores are typed, but only when no copy is younger than ``minutes``.

    Called after every saved score, so it must be cheap when nothing is due: one look at the
    folder. A copy dated in the future (the laptop's clock was wrong) does not count as
    recent, or a wrong clock would stop the backups altogether.
    """
    if isinstance(db, Database) and db.path is None:
        return None  # a server: its own backups, or ``seleksi backup --out``
    try:
        moment = now or datetime.now()
        window = timedelta(minutes=minutes)
        for info in list_backups(db):
            if moment - window < info.created <= moment + timedelta(minutes=1):
                return None
    except Exception:  # a look at a folder must never break saving a score
        log.warning("cannot look at the backups folder", exc_info=True)
    return automatic_backup(db, PERIODIC, now=now)


# -- restoring -----------------------------------------------------------------------------


def _readable_database(path: Path) -> bool:
    """A file SQLite can read and finds sound (whoever wrote it)."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
        connection = _connect_read_only(path)
        try:
            return _check(connection, path.stat().st_size) is None
        finally:
            connection.close()
    except (OSError, sqlite3.DatabaseError):
        return False


def _set_aside(path: Path, now: datetime) -> Path:
    """Rename an unreadable file (and its -wal/-shm) out of the way instead of deleting it.

    The name does not end in ``.db``: nobody should open it by mistake, and it is never listed
    as a backup. Its -wal must go with it or SQLite would replay it into the restored file.
    """
    aside = path.with_name(f"{path.name}.rusak-{now:%Y%m%d-%H%M%S}")
    number = 2
    while aside.exists():
        aside = path.with_name(f"{path.name}.rusak-{now:%Y%m%d-%H%M%S}-{number}")
        number += 1
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return aside


def restore_backup(
    backup: Path,
    target: Path,
    *,
    actor: Actor | str | None = None,
    other_database: bool = False,
) -> Path | None:
    """Put the contents of ``backup`` into ``target``; return where the old contents went.

    Refused, with nothing changed: a backup that fails SQLite's check, whose audit chain is
    broken, whose append-only triggers are missing, that a newer program wrote, or that is a
    copy of another database than ``target`` (``OtherDatabase``) unless ``other_database``
    says the person confirmed it. What was in ``target`` is kept first: a readable database
    is backed up (reason ``sebelum-pulih``), an unreadable file is renamed aside. ``None``
    means there was nothing to keep (no file, or an empty one). The copy goes through the
    backup API, so a program with ``target`` open sees a complete database, never a
    half-written file; another program's write lock is waited for ``RESTORE_LOCK_SECONDS`` at
    most.
    """
    if isinstance(actor, Actor):
        live = Path(target).expanduser()
        if live.is_file() and _readable_database(live):
            permit(Database(live), actor, Action.RESTORE_BACKUP)  # the refusal is recorded
        else:
            require(actor, Action.RESTORE_BACKUP)  # nothing is ever written into a damaged file
    backup, target = Path(backup).expanduser(), Path(target).expanduser()
    if not backup.is_file():
        raise UserError("backup.not_found", path=backup)
    if target.exists() and backup.resolve() == target.resolve():
        raise UserError("backup.same_file", path=backup)
    problem = verify_backup(backup)
    if problem is not None:
        raise UserError("backup.bad", path=backup, detail=problem)
    _check_restorable(backup, target, other_database)
    now = datetime.now()
    safety: Path | None = None
    if target.is_file() and target.stat().st_size > 0:
        if _readable_database(target):
            safety = identical_backup(target, BEFORE_RESTORE) or create_backup(
                target, BEFORE_RESTORE, now=now
            )
        else:
            try:
                safety = _set_aside(target, now)
            except OSError as error:
                raise UserError(
                    "backup.restore_failed", path=target, detail=error.strerror or error
                ) from error
    created = not target.exists()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy(backup, target, journal_mode="WAL", lock_seconds=RESTORE_LOCK_SECONDS)
    except _LockWait:
        raise UserError(
            "backup.restore_busy", path=target, seconds=int(RESTORE_LOCK_SECONDS)
        ) from None
    except (OSError, sqlite3.Error) as error:
        if is_disk_full(error):
            raise UserError("backup.disk_full", path=target, folder=target.parent) from error
        raise UserError("backup.restore_failed", path=target, detail=error) from error
    if created:
        _owner_only(target)
    _audit(
        target,
        actor or SYSTEM_ACTOR,
        "backup.restored",
        old={"file": safety.name} if safety else None,
        new={"file": backup.name},
        timeout_ms=int(RESTORE_LOCK_SECONDS * 1000),
    )
    return safety


def _check_restorable(backup: Path, target: Path, other_database: bool) -> None:
    """The refusals of issue 9, on a read-only look at the backup (and at ``target``)."""
    try:
        with read_only(backup) as connection:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            if revision is None or revision not in REVISIONS:
                raise UserError("backup.too_new", path=backup, revision=revision or "?")
            level = REVISIONS.index(revision)
            missing = missing_guards(connection, revision)
            if missing:
                raise UserError("backup.guards_missing", path=backup, triggers=missing)
            if level >= REVISIONS.index(AUDIT_REVISION):
                chain = verify_chain_on(connection)
                if not chain.ok:
                    raise UserError(
                        "backup.chain_broken",
                        path=backup,
                        id=chain.first_broken,
                        reason=chain.problem,
                    )
                identity = database_identity(connection)
                head = chain_head(connection)
            else:
                identity, head = None, None
    except sqlite3.DatabaseError as error:
        raise UserError("backup.bad", path=backup, detail=error) from error
    if other_database or not _readable_database(target):
        return  # nothing to compare with (no file, or a damaged one being recovered)
    try:
        with read_only(target) as current:
            if "audit_event" not in _tables(current):
                return
            here = database_identity(current)
            if identity is not None and here is not None:
                if identity != here:
                    raise OtherDatabase("backup.other_database", path=backup, target=target)
                return
            # A backup made before identities (or a file before them): the same database
            # exactly when one chain holds the other's head.
            if head is not None and head_status(current, head) == HEAD_PRESENT:
                return
            if head is not None:
                with read_only(backup) as kept:
                    if head_status(kept, chain_head(current)) == HEAD_PRESENT:
                        return
            raise OtherDatabase("backup.unknown_database", path=backup, target=target)
    except sqlite3.DatabaseError:
        return


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }


def recover_from_backup(damaged: Path, *, now: datetime | None = None) -> Path:
    """The newest good backup of ``damaged``, restored into a NEW file beside it.

    The damaged file stays exactly as it is (someone may still rescue rows from it, and it is
    evidence); the new file is ``<stem>-pulih-YYYYMMDD-HHMM.db``.
    """
    damaged = Path(damaged).expanduser()
    backup = newest_good_backup(damaged)
    if backup is None:
        raise UserError("backup.none", path=damaged)
    stamp = f"{now or datetime.now():%Y%m%d-%H%M}"
    target = damaged.with_name(f"{damaged.stem}-pulih-{stamp}.db")
    number = 2
    while target.exists():
        target = damaged.with_name(f"{damaged.stem}-pulih-{stamp}-{number}.db")
        number += 1
    try:
        _copy(backup, target, journal_mode="WAL")
    except (OSError, sqlite3.Error) as error:
        raise UserError("backup.restore_failed", path=target, detail=error) from error
    _owner_only(target)
    _audit(
        target,
        SYSTEM_ACTOR,
        "backup.recovered",
        old={"file": damaged.name},
        new={"file": backup.name},
    )
    return target


# -- the audit trail -----------------------------------------------------------------------


def _audit(
    path: Path,
    actor: Actor | str,
    action: str,
    *,
    old: object = None,
    new: object = None,
    why: str = "",
    timeout_ms: int = AUDIT_TIMEOUT_MS,
) -> None:
    """One audit event in ``path``'s own trail, if it is one of our files and takes writes.

    A short busy timeout by default: a note about a failed automatic backup is not worth
    keeping the user waiting (the failure is in the log as well).
    """
    try:
        connection = _connect(path, "rw")
    except sqlite3.Error:
        return
    connection.isolation_level = None  # the transaction below is begun by hand
    try:
        connection.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return
        configure_connection(connection)
        connection.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        has_trail = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_event'"
        ).fetchone()
        if not has_trail:
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            record(
                connection,
                actor,
                action,
                entity="database",
                key=path.name,
                old=old,
                new=new,
                reason=why,
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    except sqlite3.Error as error:
        log.warning("cannot write %s to the audit trail of %s: %s", action, path, error)
    finally:
        connection.close()


@contextlib.contextmanager
def _trail_lock(
    path: Path, timeout_ms: int, busy_message: str
) -> Iterator[sqlite3.Connection | None]:
    """The write lock of ``path`` with its audit trail, committed when the block succeeds.

    ``None`` for a file without a trail (not ours, or too old): the block runs unlocked.
    Waiting longer than ``timeout_ms`` raises ``busy_message`` in words, not SQLite's
    "database is locked".
    """
    connection = _locked_trail(path, timeout_ms, busy_message)
    if connection is None:
        yield None
        return
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


def _locked_trail(path: Path, timeout_ms: int, busy_message: str) -> sqlite3.Connection | None:
    try:
        connection = _connect(path, "rw")
    except sqlite3.Error:
        return None
    connection.isolation_level = None
    try:
        ours = connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        if not ours or "audit_event" not in _tables(connection):
            connection.close()
            return None
        configure_connection(connection)
        connection.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        connection.close()
        if _busy(error):
            raise UserError(busy_message, path=path) from None
        raise UserError("backup.failed", path=path, detail=error) from error
    except sqlite3.DatabaseError:
        connection.close()
        return None
    return connection
