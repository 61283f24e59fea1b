"""What the Audit page reads and exports, without Qt: the filters as a query, the events.

Both functions run on a worker thread (the trail reaches 100k events); the page only shows
their results.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.services.actor import Actor
from app.services.audit import AuditEntry, audit_actors, audit_log
from app.services.database import Database
from app.services.double_entry import shown_in_history
from app.services.tabular import spreadsheet_safe

from .audit_model import (
    ACTION,
    AT,
    CHANGE,
    SUBJECT,
    Wording,
    matches_kind,
    row_texts,
    utc_start_of_local_day,
)

# The newest events shown unless "Tampilkan semua" is ticked: enough for a day of entry,
# small enough to read and format at once.
DEFAULT_LIMIT = 5000
CSV_HEADER = (
    "id",
    "waktu_lokal",
    "waktu_utc",
    "pengguna",
    "tindakan",
    "keterangan_tindakan",
    "peserta",
    "objek",
    "perubahan",
    "lama",
    "baru",
    "alasan",
)


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """What the filters ask for; ``kind`` is a key of ``KIND_PREFIXES``, ``limit`` ``None``
    for every event."""

    selection_id: int | None
    participant: str | None = None
    user: str | None = None
    since: date | None = None
    kind: str | None = None
    limit: int | None = DEFAULT_LIMIT
    viewer: Actor | None = None
    """Who looks: a non-admin never sees the other round of a double entry."""


@dataclass(slots=True)
class LoadedAudit:
    """A worker's answer: the events (oldest first), every user seen, and whether older
    matching events were left out by the limit."""

    query: AuditQuery
    entries: list[AuditEntry]
    actors: list[str]
    truncated: bool


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    rows: int
    path: Path
    error: str = ""


def load_audit(db: Database, query: AuditQuery) -> LoadedAudit:
    """Read the events ``query`` asks for.

    The service compares UTC text; "since" means the user's local midnight, so the service
    is asked from that UTC day on and the few hours before local midnight are dropped here.
    The kind of action is not a service filter, so with a kind the matching events are
    taken from all of them before the limit applies (still well under a second at 100k).
    """
    start = utc_start_of_local_day(query.since) if query.since else None
    entries = audit_log(
        db,
        participant=query.participant,
        user=query.user,
        since=date.fromisoformat(start[:10]) if start else None,
        selection_id=query.selection_id,
        limit=None if query.kind else query.limit,
    )
    if start is not None:
        entries = [entry for entry in entries if entry.at >= start]
    if query.kind:
        entries = [entry for entry in entries if matches_kind(entry.action, query.kind)]
    if query.viewer is not None:
        viewer = query.viewer
        entries = [e for e in entries if shown_in_history(viewer, e.entity, e.actor, e.action)]
    truncated = query.limit is not None and len(entries) >= query.limit
    if query.limit is not None and len(entries) > query.limit:
        entries = entries[-query.limit :]
    return LoadedAudit(query, entries, audit_actors(db), truncated)


def write_audit_csv(entries: Sequence[AuditEntry], path: Path, wording: Wording) -> ExportOutcome:
    """The events, oldest first, with both the stored values and the words on screen: the
    stored ones let anyone recompute the chain, the words let anyone read it.

    A text cell that a spreadsheet would run as a formula (a reason typed as ``=...``, a name
    from an old file) gets a leading ``'``, as in every CSV the program writes (issue #9)."""
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            for entry in entries:
                texts = row_texts(entry, wording)
                writer.writerow(
                    (
                        entry.id,
                        *map(
                            spreadsheet_safe,
                            (
                                texts[AT],
                                entry.at,
                                entry.actor,
                                entry.action,
                                texts[ACTION],
                                entry.participant,
                                texts[SUBJECT],
                                texts[CHANGE],
                                entry.old or "",
                                entry.new or "",
                                entry.reason,
                            ),
                        ),
                    )
                )
    except OSError as error:
        return ExportOutcome(0, path, error.strerror or str(error))
    return ExportOutcome(len(entries), path)
