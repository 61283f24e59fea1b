"""The tim monev's recommendations for the policy revision (issue #13 §1).

The evaluation states its findings; the team answers each (or the selection as a whole) with
what the next policy should change. A recommendation is the team's own record, so the roles
that read the evaluation write it (``Action.RECOMMEND``: admin and monev), each write is one
audited action, and nothing is ever erased: a revision keeps the row and the audit trail keeps
the earlier text; a withdrawal stamps who and when. The report lists those still standing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime

from app.clock import utc_now

from .actor import Actor
from .changes import NO_CHANGES, RECOMMENDATIONS, Changes
from .database import Database
from .door import write
from .errors import UserError
from .permissions import ADMIN, Action

MAX_TEXT = 4000
"""Characters: a paragraph or a few, as a recommendation in a report is; not a document."""


@dataclass(frozen=True, slots=True)
class RecommendationInfo:
    id: int
    finding_key: str | None
    text: str
    author: str
    written_at: datetime
    revised_at: datetime | None
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    changes: Changes = field(default=NO_CHANGES, compare=False)
    """What storing it changed (for the window's views); empty when read from the file."""

    @property
    def standing(self) -> bool:
        return self.withdrawn_at is None


def _clean_text(text: str) -> str:
    # Paragraphs are kept; spaces inside a line and blank lines at either end are not.
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    cleaned = "\n".join(lines).strip()
    if not cleaned:
        raise UserError("recommendation.empty")
    if len(cleaned) > MAX_TEXT:
        raise UserError("recommendation.too_long", length=len(cleaned), maximum=MAX_TEXT)
    return cleaned


def _clean_key(finding_key: str | None) -> str | None:
    # Keys name assessors as they signed (``assessor.AKHIR.PRAKTIK.Agnes br. Saragih``):
    # spaces inside are kept, folded to one; a key is one line and not a paragraph.
    if finding_key is not None and ("\n" in finding_key or "\r" in finding_key):
        raise UserError("recommendation.bad_finding", value=finding_key.strip())
    key = " ".join((finding_key or "").split())
    if not key:
        return None
    if len(key) > 200 or ("." not in key and key != "range_restriction"):
        raise UserError("recommendation.bad_finding", value=key)
    return key


def add_recommendation(
    db: Database,
    actor: Actor,
    selection_id: int,
    text: str,
    finding_key: str | None = None,
) -> RecommendationInfo:
    """Store a new recommendation, answering ``finding_key`` (a finding's stable key) or,
    without one, the evaluation as a whole."""
    cleaned = _clean_text(text)
    key = _clean_key(finding_key)
    now = utc_now()
    with write(db, actor, Action.RECOMMEND, selection_id, kinds=[RECOMMENDATIONS]) as action:
        cursor = action.connection.execute(
            "INSERT INTO recommendation (selection_id, finding_key, text, author, written_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (selection_id, key, cleaned, actor.name, now.isoformat(sep=" ")),
        )
        new_id = int(cursor.lastrowid or 0)
        action.audit(
            "recommendation.added",
            entity="recommendation",
            key=str(new_id),
            new={"finding": key, "text": cleaned},
        )
    info = RecommendationInfo(new_id, key, cleaned, actor.name, now, None, None, None)
    return replace(info, changes=action.changes)


def revise_recommendation(
    db: Database, actor: Actor, selection_id: int, recommendation_id: int, text: str
) -> RecommendationInfo:
    """Replace the text; only its author or an admin may, and a withdrawn one stays as it was."""
    cleaned = _clean_text(text)
    now = utc_now()
    with write(db, actor, Action.RECOMMEND, selection_id, kinds=[RECOMMENDATIONS]) as action:
        found = _one(action.connection, selection_id, recommendation_id)
        _may_change(actor, found)
        if found.withdrawn_at is not None:
            raise UserError("recommendation.withdrawn", id=recommendation_id)
        if found.text == cleaned:
            raise UserError("recommendation.unchanged", id=recommendation_id)
        action.connection.execute(
            "UPDATE recommendation SET text = ?, revised_at = ? WHERE id = ?",
            (cleaned, now.isoformat(sep=" "), recommendation_id),
        )
        action.audit(
            "recommendation.revised",
            entity="recommendation",
            key=str(recommendation_id),
            old={"text": found.text},
            new={"text": cleaned},
        )
    return replace(found, text=cleaned, revised_at=now, changes=action.changes)


def withdraw_recommendation(
    db: Database, actor: Actor, selection_id: int, recommendation_id: int
) -> Changes:
    """Take a recommendation out of the report; the row and its history stay."""
    now = utc_now()
    with write(db, actor, Action.RECOMMEND, selection_id, kinds=[RECOMMENDATIONS]) as action:
        found = _one(action.connection, selection_id, recommendation_id)
        _may_change(actor, found)
        if found.withdrawn_at is not None:
            raise UserError("recommendation.withdrawn", id=recommendation_id)
        action.connection.execute(
            "UPDATE recommendation SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?",
            (now.isoformat(sep=" "), actor.name, recommendation_id),
        )
        action.audit(
            "recommendation.withdrawn",
            entity="recommendation",
            key=str(recommendation_id),
            old={"finding": found.finding_key, "text": found.text},
        )
    return action.changes


def list_recommendations(
    db: Database, selection_id: int, *, include_withdrawn: bool = False
) -> list[RecommendationInfo]:
    """In the order they were written (the report's order)."""
    with db.reading() as connection:
        rows = connection.execute(
            f"SELECT {_COLUMNS} FROM recommendation WHERE selection_id = ? ORDER BY id",
            (selection_id,),
        ).fetchall()
    found = [_info(row) for row in rows]
    return found if include_withdrawn else [r for r in found if r.standing]


_COLUMNS = "id, finding_key, text, author, written_at, revised_at, withdrawn_at, withdrawn_by"


def _one(
    connection: sqlite3.Connection, selection_id: int, recommendation_id: int
) -> RecommendationInfo:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM recommendation WHERE selection_id = ? AND id = ?",
        (selection_id, recommendation_id),
    ).fetchone()
    if row is None:
        raise UserError("recommendation.not_found", id=recommendation_id)
    return _info(row)


def _may_change(actor: Actor, found: RecommendationInfo) -> None:
    # One member's recommendation is not another's to reword; the admin keeps the file.
    if actor.role != ADMIN and actor.name != found.author:
        raise UserError("recommendation.not_author", author=found.author)


def _moment(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _info(row: tuple[object, ...]) -> RecommendationInfo:
    written = _moment(row[4])
    assert written is not None
    return RecommendationInfo(
        id=int(str(row[0])),
        finding_key=None if row[1] is None else str(row[1]),
        text=str(row[2]),
        author=str(row[3]),
        written_at=written,
        revised_at=_moment(row[5]),
        withdrawn_at=_moment(row[6]),
        withdrawn_by=None if row[7] is None else str(row[7]),
    )
