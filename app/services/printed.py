"""Registering the printed forms, and verifying them later (issue #11 §3).

A score sheet, an attendance list, minutes (berita acara) or a result slip carries a document
id in its footer and QR code. When it is printed or saved (not when it is only previewed), the
program records that id with the PDF's SHA-256 and what the document shows: a subject line
and its rows (participants, results). A paper copy, a photo of one page or a typed id is then
checked against that record: registered or not, the same file or not, and what the page must
show; a slip or minutes drawn before the results were final say SEMENTARA on paper and here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.messages import t

from .actor import Actor
from .changes import NO_CHANGES, PRINTED, Changes
from .columns import now_text
from .database import Database
from .door import write
from .permissions import Action

KINDS = ("score_sheet", "attendance", "minutes", "slip")
SHOWN_ROWS = 5
"""Rows of a registered document a verification names before it says how many more."""


@dataclass(frozen=True, slots=True)
class PrintedRecord:
    """One document of a rendered PDF (a batch of slips holds one per slip): its id, kind,
    title, what it shows (``subject``, ``rows``) and whether it is provisional."""

    document_id: str
    kind: str
    title: str
    subject: str
    rows: tuple[tuple[str, ...], ...] = ()
    provisional: bool = False


@dataclass(frozen=True, slots=True)
class Registered:
    """What a print or save recorded: ``added`` ids new to the register (printing the same
    document twice records it once)."""

    added: int
    changes: Changes = field(default=NO_CHANGES, compare=False)


@dataclass(frozen=True, slots=True)
class PrintedFinding:
    """A registered document as the register knows it."""

    document_id: str
    kind: str
    title: str
    subject: str
    rows: tuple[tuple[str, ...], ...]
    pdf_sha256: str
    provisional: bool
    created_by: str
    created_at: str


def register_printed(
    db: Database,
    actor: Actor,
    selection_id: int,
    records: Sequence[PrintedRecord],
    data: bytes,
    pages: int,
) -> Registered:
    """Record every document of one printed or saved PDF, in one transaction, audited."""
    digest = hashlib.sha256(data).hexdigest()
    with write(db, actor, Action.PRINT_DOCUMENT, selection_id, kinds=[PRINTED]) as action:
        connection = action.connection
        added = 0
        for record in records:
            cursor = connection.execute(
                "INSERT OR IGNORE INTO printed_document (selection_id, document_id, kind, title,"
                " shows, pdf_sha256, pages, provisional, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    selection_id,
                    record.document_id,
                    record.kind,
                    record.title,
                    json.dumps(
                        {"subject": record.subject, "rows": [list(r) for r in record.rows]},
                        ensure_ascii=False,
                    ),
                    digest,
                    pages,
                    record.provisional,
                    actor.name,
                    now_text(),
                ),
            )
            added += cursor.rowcount
        if added and records:
            first = records[0]
            action.audit(
                "document.printed",
                entity="printed_document",
                key=first.document_id,
                new={
                    "kind": first.kind,
                    "document": first.title,
                    "documents": len(records),
                    "sha256": digest,
                },
            )
    return Registered(added, action.changes)


def find_printed(db: Database, document_id: str) -> PrintedFinding | None:
    with db.reading() as connection:
        row = connection.execute(
            "SELECT document_id, kind, title, shows, pdf_sha256, provisional, created_by,"
            " created_at FROM printed_document WHERE document_id = ?",
            (document_id,),
        ).fetchone()
    if row is None:
        return None
    shows = json.loads(row[3])
    return PrintedFinding(
        document_id=row[0],
        kind=row[1],
        title=row[2],
        subject=str(shows.get("subject", "")),
        rows=tuple(tuple(str(cell) for cell in r) for r in shows.get("rows", [])),
        pdf_sha256=row[4],
        provisional=bool(row[5]),
        created_by=row[6],
        created_at=row[7],
    )


# Western Indonesia Time: UTC+7 all year (no daylight saving), so no time-zone database is
# needed to show the committee its own clock.
_WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


def _wib(stored: str) -> str:
    """A stored UTC time as ``04-12-2026 07:58 WIB``."""
    try:
        moment = dt.datetime.fromisoformat(stored)
    except ValueError:
        return stored
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(_WIB).strftime("%d-%m-%Y %H:%M WIB")


def printed_findings(found: PrintedFinding, data: bytes | None) -> tuple[bool, list[str]]:
    """(valid, the reasons) for a registered form: the same file when one is given, and
    what it must show. A provisional one is genuine but not a final result: it says so."""
    findings = [
        t(
            "printed.registered",
            title=found.title,
            subject=found.subject,
            user=found.created_by,
            time=_wib(found.created_at),
        )
    ]
    ok = True
    if data is not None:
        same = hashlib.sha256(data).hexdigest() == found.pdf_sha256
        findings.append(t("printed.file_ok" if same else "printed.file_differs"))
        ok = same
    if found.rows:
        shown = ["; ".join(cell for cell in row if cell) for row in found.rows[:SHOWN_ROWS]]
        more = len(found.rows) - len(shown)
        findings.append(
            t("printed.shows", rows=" | ".join(shown))
            + (t("printed.more_rows", count=more) if more > 0 else "")
        )
    if found.provisional:
        findings.append(t("printed.provisional"))
    return ok, findings
