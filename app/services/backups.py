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
  beside it: no step of this module ever overwrites the only copy of anything.

Automatic backups (before imports, announcements and finalization, every ``PERIODIC_MINUTES``
while scores are typed, on exit) go through ``automatic_backup``, which never raises: a failed
backup must not stop the clerk from saving the very scores it was meant to protect. The failure
is written to the audit trail instead. Successful automatic backups are not audited (they
would make a refused import change the file); backups a person asks for and every restore are.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .actor import Actor
from .audit import record
from .database import APPLICATION_ID, SQLITE_HEADER, Database, configure_connection
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
SYSTEM_ACTOR = "sistem"

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


def _copy(source: Path, target: Path, *, journal_mode: str) -> None:
    """Online backup of ``source`` into ``target``, checked; raises ``UserError`` if bad.

    ``target`` ends in ``journal_mode``: ``DELETE`` for a self-contained copy in the backups
    folder (no ``-wal`` beside it), ``WAL`` for a file the program will work in.
    """
    reader = _connect_read_only(source)
    try:
        writer = sqlite3.connect(target, isolation_level=None)
        try:
            writer.execute("PRAGMA busy_timeout = 15000")
            reader.backup(writer)
            writer.execute(f"PRAGMA journal_mode = {journal_mode}")
            problem = _check(writer, target.stat().st_size)
        finally:
            writer.close()
    finally:
        reader.close()
    if problem is not None:
        raise UserError("backup.source_damaged", path=source, detail=problem)


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


def _write_copy(source: Path, target: Path) -> None:
    """Copy into a temporary name beside ``target``, check it, then rename it into place."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}{_TEMPORARY_SUFFIX}")
    try:
        _copy(source, temporary, journal_mode="DELETE")
        _owner_only(temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(target.parent)


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
    for the backup: the role is checked and the backup is written to the audit trail.
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
        target = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if out is None:
            with contextlib.suppress(OSError):
                folder.chmod(0o700)
            target = _new_name(folder, source.stem, reason, now or datetime.now())
        assert target is not None
        _write_copy(source, target)
    except sqlite3.Error as error:
        raise UserError("backup.failed", path=source, detail=error) from error
    except OSError as error:
        raise UserError("backup.failed", path=source, detail=error.strerror or error) from error
    if out is None:
        rotate(folder)
    if actor is not None:
        _audit(source, actor, "backup.created", new={"file": target.name, "reason": reason})
    return target


def rotate(folder: Path, keep_last: int = KEEP_LAST) -> list[Path]:
    """Keep the newest ``keep_last`` copies and the newest copy of every day; delete the rest.

    Returns what was deleted. Stray temporary files of crashed backups go too.
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
    ``backup.failed``: the user's action (an import, an exit) goes ahead all the same.
    """
    try:
        return create_backup(db, reason, now=now)
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


def restore_backup(backup: Path, target: Path, *, actor: Actor | str | None = None) -> Path | None:
    """Put the contents of ``backup`` into ``target``; return where the old contents went.

    What was in ``target`` is kept first: a readable database is backed up (reason
    ``sebelum-pulih``), an unreadable file is renamed aside. ``None`` means there was nothing
    to keep (no file, or an empty one). The copy goes through the backup API, so a program
    with ``target`` open sees a complete database, never a half-written file.
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
    now = datetime.now()
    safety: Path | None = None
    if target.is_file() and target.stat().st_size > 0:
        if _readable_database(target):
            safety = create_backup(target, BEFORE_RESTORE, now=now)
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
        _copy(backup, target, journal_mode="WAL")
    except (OSError, sqlite3.Error) as error:
        raise UserError("backup.restore_failed", path=target, detail=error) from error
    if created:
        _owner_only(target)
    _audit(
        target,
        actor or SYSTEM_ACTOR,
        "backup.restored",
        old={"file": safety.name} if safety else None,
        new={"file": backup.name},
    )
    return safety


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
) -> None:
    """One audit event in ``path``'s own trail, if it is one of our files and takes writes.

    A short busy timeout: a note about a backup is not worth keeping the user waiting.
    """
    try:
        connection = _connect(path, "rw")
    except sqlite3.Error:
        return
    connection.isolation_level = None  # the transaction below is begun by hand
    try:
        connection.execute(f"PRAGMA busy_timeout = {AUDIT_TIMEOUT_MS}")
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return
        configure_connection(connection)
        connection.execute(f"PRAGMA busy_timeout = {AUDIT_TIMEOUT_MS}")
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
