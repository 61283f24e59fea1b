"""Reading the participant list, fast enough for 100k rows in one table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .database import Database


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    """One participant as the participant table shows it; ``marks`` reads e.g. ``APS (AKHIR)``."""

    id: int
    number: str
    name: str
    nik: str
    birth_date: date
    formation: str
    position_title: str
    education: str
    ipk: str
    session: str
    marks: str


@dataclass(frozen=True, slots=True)
class MarkRow:
    kind: str
    stage: str
    reason: str
    created_by: str
    created_at: str


def list_participants(db: Database, selection_id: int) -> list[ParticipantRow]:
    """Every participant of a selection, ordered by formation and number."""
    with db.reading() as connection:
        marks: dict[int, list[str]] = {}
        for pid, kind, stage in connection.execute(
            "SELECT m.participant_id, m.kind, s.code FROM participant_mark m"
            " JOIN stage s ON s.id = m.stage_id WHERE s.selection_id = ? ORDER BY m.id",
            (selection_id,),
        ):
            marks.setdefault(pid, []).append(f"{kind} ({stage})")
        rows = connection.execute(
            "SELECT p.id, p.number, p.name, p.nik, p.birth_date, f.code, f.position_title,"
            " p.education, coalesce(p.ipk, ''), p.session FROM participant p"
            " JOIN formation f ON f.id = p.formation_id WHERE p.selection_id = ?"
            " ORDER BY f.code, p.number",
            (selection_id,),
        ).fetchall()
    fromiso = date.fromisoformat
    return [
        ParticipantRow(
            pid,
            number,
            name,
            nik,
            fromiso(birth),
            code,
            title,
            education,
            ipk,
            session,
            ", ".join(marks.get(pid, ())),
        )
        for pid, number, name, nik, birth, code, title, education, ipk, session in rows
    ]


def participant_marks(db: Database, selection_id: int, number: str) -> list[MarkRow]:
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT m.kind, s.code, m.reason, m.created_by, m.created_at FROM participant_mark m"
            " JOIN participant p ON p.id = m.participant_id JOIN stage s ON s.id = m.stage_id"
            " WHERE p.selection_id = ? AND p.number = ? ORDER BY m.id",
            (selection_id, number),
        ).fetchall()
    return [MarkRow(*row) for row in rows]
