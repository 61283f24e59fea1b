"""The committee's other documents: score sheets, attendance lists, minutes, result slips.

Each function reads through the services, fills the plain models of ``app.reports`` and writes
the PDF; none of these is stored (the announcement is the document that counts).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from app.messages import t
from app.numbers import column_for_people, fixed_places

from .anchors import document_anchor
from .announcements import formation_blocks, write_atomically
from .database import Database
from .document_settings import DocumentSettingsInfo, document_settings
from .errors import UserError
from .formations import list_formations
from .legend import status_meaning
from .participants import list_participants
from .ranking import compute_ranking
from .sheets import score_sheet

if TYPE_CHECKING:
    from app.reports.model import Letterhead


def _document_id(year: int) -> str:
    return f"SASN-{year}-{uuid.uuid4().hex[:10].upper()}"


def _letterhead(settings: DocumentSettingsInfo) -> Letterhead:
    from app.reports.model import Letterhead

    return Letterhead(
        government=settings.government,
        office=settings.office,
        address=settings.address,
        logo=settings.logo,
    )


def _save(render: Callable[[Any, BinaryIO], int], document: object, out: Path) -> int:
    buffer = BytesIO()
    pages = render(document, buffer)
    write_atomically(out, buffer.getvalue())
    return pages


def write_score_sheet(
    db: Database,
    selection_id: int,
    component_code: str,
    out: Path,
    *,
    formation: str | None = None,
    assessor: str = "",
) -> int:
    """The paper form an assessor fills in, in the same order as the entry grid."""
    from app.reports.model import ScoreSheet
    from app.reports.score_sheet import render_score_sheet

    sheet = score_sheet(db, selection_id, component_code, assessor or "-", formation)
    component = sheet.component
    settings = document_settings(db, selection_id)
    stage = compute_ranking(db, selection_id, sheet.stage, formation).stage
    group = formation or t("documents.all_formations")
    document = ScoreSheet(
        letterhead=_letterhead(settings),
        title=t("documents.sheet_title"),
        stage_name=stage.name,
        component_name=component.name,
        component_code=component.code,
        formation_or_session=group,
        aspects=tuple((a.code, a.name) for a in component.aspects),
        value_range=f"{component.minimum.normalize():f}–{component.maximum.normalize():f}",
        participants=[(row.number, row.name) for row in sheet.rows],
        document_id=_document_id(dt.date.today().year),
        assessor_name=assessor if assessor != "-" else "",
    )
    return _save(render_score_sheet, document, out)


def write_attendance(
    db: Database,
    selection_id: int,
    out: Path,
    *,
    session: str | None = None,
    formation: str | None = None,
    place: str = "",
    day: dt.date | None = None,
) -> int:
    """Attendance list of one test session (the participants' ``sesi``), or of a formation."""
    from app.reports.attendance import render_attendance
    from app.reports.model import AttendanceList

    people = [
        p
        for p in list_participants(db, selection_id)
        if (session is None or p.session == session)
        and (formation is None or p.formation == formation.upper())
    ]
    if not people:
        raise UserError("documents.nobody", session=session or "-", formation=formation or "-")
    settings = document_settings(db, selection_id)
    document = AttendanceList(
        letterhead=_letterhead(settings),
        title=t("documents.attendance_title"),
        session=session or formation or t("documents.all_formations"),
        place=place or settings.place,
        date=day or dt.date.today(),
        participants=[(p.number, p.name, p.formation) for p in people],
        document_id=_document_id((day or dt.date.today()).year),
    )
    return _save(render_attendance, document, out)


def write_minutes(
    db: Database,
    selection_id: int,
    formation: str,
    out: Path,
    *,
    stage_code: str | None = None,
    number: str = "",
    day: dt.date | None = None,
) -> int:
    """Minutes (berita acara) fixing one formation's results, signed by every member."""
    from app.reports.minutes import render_minutes
    from app.reports.model import Minutes

    ranking = compute_ranking(db, selection_id, stage_code, formation)
    settings = document_settings(db, selection_id)
    blocks = list(formation_blocks(ranking, _titles(db, selection_id), only=formation.upper()))
    if not blocks:
        raise UserError("formation.not_found", value=formation)
    members = settings.committee or (
        (settings.signatory_title, settings.signatory_name or "........................"),
    )
    day = day or dt.date.today()
    text = t("documents.minutes_text", stage=ranking.stage.name, formation=formation.upper())
    text += _tie_paragraph(db, selection_id, ranking.stage.code, formation.upper())
    document = Minutes(
        letterhead=_letterhead(settings),
        number=number or "......../BA/PANSELDA/" + str(day.year),
        date=day,
        stage_name=ranking.stage.name.upper(),
        formation=blocks[0],
        text=text,
        members=tuple(members),
        closing_place=settings.place,
        document_id=_document_id(day.year),
        chain_anchor=document_anchor(db),  # issue 9: the chain head in the footer
    )
    return _save(render_minutes, document, out)


def _tie_paragraph(db: Database, selection_id: int, stage_code: str, formation: str) -> str:
    """The committee's decision on this formation's tie, as the minutes record it (issue #10
    §3): who was tied, who took the seat(s), why, and the meeting's reference."""
    from .ties import list_ties

    for group in list_ties(db, selection_id, stage_code):
        if group.formation != formation or group.decision is None or not group.decided:
            continue
        names = {p.number: f"{p.number} {p.name}" for p in group.participants}
        return " " + t(
            "documents.minutes_tie",
            tied="; ".join(names.values()),
            final=group.participants[0].final,
            winners="; ".join(names.get(n, n) for n in group.decision.winners),
            reason=group.decision.reason,
            reference=group.decision.reference,
        )
    return ""


def write_slip(
    db: Database,
    selection_id: int,
    participant_no: str,
    out: Path,
    *,
    stage_code: str | None = None,
) -> int:
    """One participant's results: each component, the final score, the rank and the code."""
    from app.reports.model import ResultSlip
    from app.reports.slip import render_slip

    from .ranking import cell_text

    people = {p.number: p for p in list_participants(db, selection_id)}
    person = people.get(participant_no)
    if person is None:
        raise UserError("participant.not_found", value=participant_no)
    ranking = compute_ranking(db, selection_id, stage_code, person.formation)
    row = next((r for r in ranking.rows if r.number == participant_no), None)
    if row is None:
        raise UserError("entry.stage_not_reached", value=participant_no, stage=ranking.stage.code)
    names = {c.code: c.name for c in ranking.stage.components}
    if ranking.stage.integrates:
        names[ranking.stage.integrates] = ranking.scheme.stage(ranking.stage.integrates).name
    cells = row.cells
    final = ranking.stage is ranking.scheme.last_stage
    code = row.code or row.note
    settings = document_settings(db, selection_id)
    document_id = _document_id(dt.date.today().year)
    document = ResultSlip(
        letterhead=_letterhead(settings),
        participant_number=person.number,
        participant_name=person.name,
        formation=f"{person.formation} — {person.position_title}",
        stage_name=ranking.stage.name,
        # Read by the participant: 415, 79,430 (issue #10 §2); the QR keeps the machine text.
        components=tuple(
            (names.get(c, c), column_for_people(c, cell_text(cells.get(c))))
            for c in ranking.columns
        ),
        final_score=column_for_people(
            "nilai_akhir", cell_text(row.final), fixed=fixed_places(ranking.stage.plain_sum)
        ),
        rank=str(row.rank or "-"),
        code=code,
        code_meaning=status_meaning(row.status, False, final),
        document_id=document_id,
        verification_payload=f"SELEKSI-ASN-SLIP|{document_id}|{person.number}|{cell_text(row.final)}|{code}",
        chain_anchor=document_anchor(db),  # issue 9: the chain head in the footer
    )
    return _save(render_slip, document, out)


def _titles(db: Database, selection_id: int) -> dict[str, tuple[str, str, int]]:
    return {f.code: (f.position_title, f.unit, f.quota) for f in list_formations(db, selection_id)}
