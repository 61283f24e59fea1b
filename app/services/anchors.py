"""The audit chain's head, anchored outside the file: on issued documents and in backups.

Someone with the file and the ``sqlite3`` shell can remove the newest events, or change an old
one and compute every later hash again; the chain then still verifies. What they cannot reach
is a head already written elsewhere: printed in the footer of an announcement, a berita acara
or a slip (and written whole into the PDF's keywords), or held by a backup (its own newest
event). ``check_anchor`` compares such a head with the live chain: the live chain must still
hold that event with that hash. If it ends before it, history was cut after the document; if
the event is there with another hash, history up to it was rewritten.

A restore legitimately takes history back: a head recorded after the restored backup was made
is then no longer in the live chain. Every restore writes an event naming the copy of what it
replaced (the "sebelum-pulih" backup, which rotation never deletes), and a head found in that
copy is reported as taken back by the restore, not as tampering.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.messages import t
from app.reports.model import ANCHOR_KEYWORD, ChainAnchor

from .audit import (
    HEAD_CUT,
    HEAD_PRESENT,
    HEAD_REWRITTEN,
    ChainHead,
    chain_head,
    database_identity,
    head_status,
)
from .backups import backup_folder, list_backups, read_only
from .database import SQLITE_HEADER, Database
from .errors import UserError

PDF_HEADER = b"%PDF-"
# The printed short form, for a PDF whose metadata was stripped (e.g. printed to PDF again).
_PRINTED = re.compile(r"#(?P<event>\d+) · (?P<hash>[0-9a-f]{6})")
# How many restores back a head is looked for (a restore of a restore of a restore).
_RESTORE_DEPTH = 4

# Outcomes besides audit.HEAD_PRESENT / HEAD_CUT / HEAD_REWRITTEN.
OTHER_DATABASE = "history.other_database"
TAKEN_BACK = "history.taken_back"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A head read from a document or a backup; ``hash`` may be only the printed prefix."""

    source: Path
    head: ChainHead
    database: str | None
    from_backup: bool
    whole_hash: bool = True


@dataclass(frozen=True, slots=True)
class AnchorCheck:
    """What the live chain says about one anchor: ``outcome`` is a message id; ``ok`` is
    False only for history cut or rewritten (another database is a different question)."""

    anchor: Anchor
    outcome: str
    last_event: int
    first_different: int | None = None
    restored_at: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome in (HEAD_PRESENT, TAKEN_BACK)

    def text(self) -> str:
        head = self.anchor.head
        more = (
            t("history.first_different", id=self.first_different)
            if self.first_different is not None
            else ""
        )
        return t(
            self.outcome,
            file=self.anchor.source.name,
            id=head.event_id,
            short=ChainHead(head.event_id, head.hash.ljust(6, "0")).short,
            last=self.last_event,
            more=more,
            at=self.restored_at,
        )


def document_anchor(db: Database) -> ChainAnchor:
    """The head to print on a document made now, with the file's identity."""
    with db.reading() as connection:
        head = chain_head(connection)
        identity = database_identity(connection) or ""
    return ChainAnchor(head.event_id, head.hash, identity)


# -- reading an anchor ---------------------------------------------------------------------


def read_anchor(path: Path) -> Anchor:
    """The head a PDF or a backup carries; ``UserError`` if the file carries none."""
    path = Path(path).expanduser()
    try:
        with path.open("rb") as handle:
            start = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise UserError("history.cannot_read", path=path, detail=error.strerror or error) from error
    if start == SQLITE_HEADER:
        return _backup_anchor(path)
    if start.startswith(PDF_HEADER):
        return _pdf_anchor(path)
    raise UserError("history.not_an_anchor", path=path)


def _backup_anchor(path: Path) -> Anchor:
    try:
        with read_only(path) as connection:
            head = chain_head(connection)
            identity = database_identity(connection)
    except sqlite3.DatabaseError as error:
        raise UserError("history.cannot_read", path=path, detail=error) from error
    return Anchor(path, head, identity, from_backup=True)


def _pdf_anchor(path: Path) -> Anchor:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path), strict=False)
        metadata = reader.metadata
        keywords = str(metadata.get("/Keywords", "") or "") if metadata is not None else ""
        found = ANCHOR_KEYWORD.search(keywords)
        if found:
            head = ChainHead(int(found["event"]), found["hash"])
            return Anchor(path, head, found["database"] or None, from_backup=False)
        text = " ".join(page.extract_text() or "" for page in reader.pages[:1])
    except (PdfReadError, OSError, ValueError, KeyError, IndexError) as error:
        raise UserError("history.cannot_read", path=path, detail=error) from error
    printed = _PRINTED.search(text)
    if printed is None:
        raise UserError("history.no_anchor", path=path)
    head = ChainHead(int(printed["event"]), printed["hash"])
    return Anchor(path, head, None, from_backup=False, whole_hash=False)


# -- checking ------------------------------------------------------------------------------


def check_anchor(db: Database, anchor: Anchor) -> AnchorCheck:
    """Compare one anchor with the live chain of ``db``."""
    with db.reading() as connection:
        return _check_on(connection, db.path, anchor)


def check_file(db: Database, path: Path) -> AnchorCheck:
    """``seleksi audit verify --against FILE``: a PDF issued from this file, or a backup."""
    return check_anchor(db, read_anchor(path))


def check_backups(db: Database) -> list[AnchorCheck]:
    """Every backup of this database in its backups folder, against the live chain.

    Quick on purpose (the window runs it whenever it opens a file): one index lookup per
    backup and one in the live file. Copies of another database found in the folder and
    unreadable files are left out: they anchor nothing of this file.
    """
    found: list[AnchorCheck] = []
    if db.path is None:  # a server: its copies are ``seleksi backup --out`` files, elsewhere
        return found
    with db.reading() as connection:
        identity = database_identity(connection)
        for info in list_backups(db):
            try:
                anchor = _backup_anchor(info.path)
            except UserError:
                continue
            if None not in (anchor.database, identity) and anchor.database != identity:
                continue
            found.append(_check_on(connection, db.path, anchor))
    return found


def _check_on(connection: sqlite3.Connection, path: Path, anchor: Anchor) -> AnchorCheck:
    last = chain_head(connection).event_id
    identity = database_identity(connection)
    if anchor.database and identity and anchor.database != identity:
        return AnchorCheck(anchor, OTHER_DATABASE, last)
    outcome = _status(connection, anchor)
    if outcome == HEAD_PRESENT:
        return AnchorCheck(anchor, outcome, last)
    restored = _taken_back_by_restore(connection, backup_folder(path), anchor, _RESTORE_DEPTH)
    if restored:
        return AnchorCheck(anchor, TAKEN_BACK, last, restored_at=restored)
    first = _first_different(connection, anchor) if outcome == HEAD_REWRITTEN else None
    return AnchorCheck(anchor, outcome, last, first_different=first)


def _status(connection: sqlite3.Connection, anchor: Anchor) -> str:
    head = anchor.head
    if anchor.whole_hash:
        return head_status(connection, head)
    row = connection.execute("SELECT hash FROM audit_event WHERE id = ?", (head.event_id,))
    found = row.fetchone()
    if found is None:
        return HEAD_CUT
    return HEAD_PRESENT if str(found[0]).startswith(head.hash) else HEAD_REWRITTEN


def _first_different(connection: sqlite3.Connection, anchor: Anchor) -> int | None:
    """For a backup: the first event whose hash differs from the live one (where the
    rewriting began); a document has only its head to compare."""
    if not anchor.from_backup:
        return None
    live = connection.execute("SELECT id, hash FROM audit_event ORDER BY id")
    try:
        with read_only(anchor.source) as copy:
            kept = copy.execute("SELECT id, hash FROM audit_event ORDER BY id")
            for (live_id, live_hash), (kept_id, kept_hash) in zip(live, kept, strict=False):
                if live_id != kept_id or live_hash != kept_hash:
                    return int(kept_id)
    except sqlite3.DatabaseError:
        return None
    return None


def _taken_back_by_restore(
    connection: sqlite3.Connection, folder: Path, anchor: Anchor, depth: int
) -> str:
    """When a restore replaced history holding ``anchor``: the restore's time, else ``""``.

    Each ``backup.restored`` event names the copy made of what it replaced (in the backups
    folder); that copy is looked at, and for a restore of a restore the copies it names.
    """
    if depth == 0:
        return ""
    for at, old in connection.execute(
        "SELECT at, old FROM audit_event WHERE action = 'backup.restored' ORDER BY id DESC"
    ):
        try:
            replaced = json.loads(old or "null")
        except ValueError:
            continue
        name = replaced.get("file") if isinstance(replaced, dict) else None
        if not isinstance(name, str) or Path(name).name != name:
            continue
        copy = folder / name
        if not copy.is_file():
            continue
        try:
            with read_only(copy) as kept:
                if _status(kept, anchor) == HEAD_PRESENT or _taken_back_by_restore(
                    kept, folder, anchor, depth - 1
                ):
                    return str(at)[:19]
        except sqlite3.DatabaseError:
            continue
    return ""
