"""The committee's other documents: score sheets, attendance lists, minutes, result slips.

Each ``*_pdf`` function reads through the services, fills the plain models of ``app.reports``
and draws the PDF in memory, returning a ``RenderedDocument`` (its bytes, its pages and the
file name people would give it): the window previews, prints and saves those bytes, the CLI's
``write_*`` functions save them to a file. None of these is stored (the announcement is the
document that counts).

The documents are Indonesian whatever the interface language (``translate("id", …)``), and
every number on them reads the Indonesian way (``app.numbers``: ``37,5``, ``1.250 orang``).
The slips of a whole formation (``formation_slips_pdf``) report each slip on a ``Progress``
and stop at the next slip when it is cancelled; nothing is kept of a cancelled batch.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from app.messages import translate
from app.numbers import column_for_people, fixed_places, value_for_people
from app.scoring.legend import meaning_key

from .actor import Actor
from .anchors import document_anchor
from .announcements import formation_blocks, write_atomically
from .database import Database
from .document_settings import DocumentSettingsInfo, document_settings
from .errors import UserError
from .finalization import finalized_formations
from .formations import list_formations
from .legend import code_meanings
from .participants import ParticipantRow, list_participants
from .printed import PrintedRecord, Registered, register_printed
from .progress import Progress
from .ranking import Ranking, compute_ranking
from .scheme_edit import current_scheme
from .sheets import score_sheet

if TYPE_CHECKING:
    from app.reports.model import ChainAnchor, Letterhead, ResultSlip
    from app.scoring import Component
    from app.scoring.ranking import ResultRow

DOCUMENT_LANGUAGE = "id"
"""Official documents are Indonesian (``app/reports/wording.py``), also from the English
window."""


def _id_text(message_id: str, **fields: Any) -> str:
    return translate(DOCUMENT_LANGUAGE, message_id, **fields)


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """A document drawn in memory.

    ``data`` is the PDF, ``pages`` its page count, ``name`` the file name a person would give
    it (Indonesian, without a suffix, folders or characters a file system refuses: a minutes
    number ``012/BA/PANSELDA/2024`` becomes ``012-BA-PANSELDA-2024``).
    """

    data: bytes
    pages: int
    name: str
    records: tuple[PrintedRecord, ...] = ()
    """Every document in the PDF (a batch of slips: one per slip), registered when printed."""

    def save(self, out: Path) -> int:
        """Write the PDF to ``out`` (aside, then renamed over: never half a file); the pages."""
        write_atomically(out, self.data)
        return self.pages

    def register(self, db: Database, actor: Actor, selection_id: int) -> Registered:
        """Record what is printed or saved, so a paper copy can be verified (issue #11 §3)."""
        return register_printed(db, actor, selection_id, self.records, self.data, self.pages)


@dataclass(frozen=True, slots=True)
class FormStage:
    """A stage as the forms offer it: ``components`` are (code, name) in the scheme's order."""

    code: str
    name: str
    components: tuple[tuple[str, str], ...]
    paper_component: str = ""
    """The component a blank sheet is most likely for: the first scored aspect by aspect (a
    practical test), else the first one."""


@dataclass(frozen=True, slots=True)
class FormFormation:
    code: str
    position_title: str
    participants: int


@dataclass(frozen=True, slots=True)
class FormChoices:
    """What the forms of a selection can be made of: its stages, formations, test sessions
    (``sesi``, empty when none was imported) and the place the document settings name."""

    stages: tuple[FormStage, ...]
    formations: tuple[FormFormation, ...]
    sessions: tuple[str, ...]
    place: str


def form_choices(db: Database, selection_id: int) -> FormChoices:
    """One read for the Forms page's choices."""
    scheme = current_scheme(db, selection_id)
    formations = list_formations(db, selection_id)
    with db.reading() as connection:
        sessions = [
            row[0]
            for row in connection.execute(
                "SELECT DISTINCT session FROM participant WHERE selection_id = ?"
                " AND coalesce(session, '') <> '' ORDER BY session",
                (selection_id,),
            )
        ]
    return FormChoices(
        stages=tuple(
            FormStage(
                s.code,
                s.name,
                tuple((c.code, c.name) for c in s.components),
                next((c.code for c in s.components if c.aspects), "")
                or (s.components[0].code if s.components else ""),
            )
            for s in scheme.stages
        ),
        formations=tuple(
            FormFormation(f.code, f.position_title, f.participants) for f in formations
        ),
        sessions=tuple(sessions),
        place=document_settings(db, selection_id).place,
    )


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


def file_name(text: str) -> str:
    """``Berita acara 012/BA/2024`` → ``Berita acara 012-BA-2024``: a name every file system
    takes (no folder separators, no characters Windows refuses)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", text)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .-")
    return cleaned or "dokumen"


def _render(
    render: Callable[[Any, BinaryIO], int], document: object, name: str, record: PrintedRecord
) -> RenderedDocument:
    buffer = BytesIO()
    pages = render(document, buffer)
    return RenderedDocument(buffer.getvalue(), pages, file_name(name), (record,))


def _number(value: Decimal | None) -> str:
    """A scheme's number as the paper prints it: ``100``, ``37,5`` (issue #10 §2)."""
    return value_for_people(value) if value is not None else ""


def _words(key: str, **fields: Any) -> str:
    from app.reports.wording import text

    return text(key, **fields)


# -- score sheet ------------------------------------------------------------------------------


def score_sheet_pdf(
    db: Database,
    selection_id: int,
    component_code: str,
    *,
    formation: str | None = None,
    assessor: str = "",
) -> RenderedDocument:
    """The paper form an assessor fills in, in the same order as the entry grid: the
    component's range, step, weight and threshold and each aspect's weight are printed as a
    person reads them."""
    from app.reports.model import ScoreSheet
    from app.reports.score_sheet import render_score_sheet

    assessor = assessor.strip()
    sheet = score_sheet(db, selection_id, component_code, assessor or "-", formation)
    component = sheet.component
    stage = current_scheme(db, selection_id).stage(sheet.stage)
    settings = document_settings(db, selection_id)
    group = formation.strip().upper() if formation else _id_text("documents.all_formations")
    titles = _titles(db, selection_id)
    shown = f"{group} — {titles[group][0]}" if group in titles else group  # named, not coded
    document = ScoreSheet(
        letterhead=_letterhead(settings),
        title=_id_text("documents.sheet_title"),
        stage_name=stage.name,
        component_name=component.name,
        component_code=component.code,
        formation_or_session=shown,
        aspects=tuple((a.code, a.name) for a in component.aspects),
        value_range=f"{_number(component.minimum)}–{_number(component.maximum)}",
        participants=[(row.number, row.name) for row in sheet.rows],
        document_id=_document_id(dt.date.today().year),
        assessor_name=assessor if assessor != "-" else "",
        place=settings.place,
        **_sheet_facts(component, weighted=not stage.plain_sum),
    )
    name = _words("file_sheet", component=component.code, group=group)
    record = PrintedRecord(
        document.document_id,
        "score_sheet",
        document.title,
        f"{component.name} — {shown}"
        + (f" — {document.assessor_name}" if document.assessor_name else ""),
        tuple((number, person) for number, person in document.participants),
    )
    return _render(render_score_sheet, document, name, record)


def _sheet_facts(component: Component, *, weighted: bool) -> dict[str, Any]:
    """What the paper says about how the component is scored, numbers the Indonesian way."""
    if not component.is_numeric:
        return {"choices": tuple(component.values)}
    aspect_weights = tuple(_number(a.weight) for a in component.aspects)
    return {
        "step": _number(component.step) if component.step != 1 else "",
        "weight": _number(component.weight) if weighted and component.weight else "",
        "threshold": _number(component.threshold),
        "aspect_weights": aspect_weights if any(a.weight for a in component.aspects) else (),
    }


def write_score_sheet(
    db: Database,
    selection_id: int,
    component_code: str,
    out: Path,
    *,
    actor: Actor | None = None,
    formation: str | None = None,
    assessor: str = "",
) -> int:
    """``score_sheet_pdf`` saved to ``out``; the number of pages."""
    document = score_sheet_pdf(
        db, selection_id, component_code, formation=formation, assessor=assessor
    )
    pages = document.save(out)
    if actor is not None:  # saved from the CLI: registered like a print (issue #11 §3)
        document.register(db, actor, selection_id)
    return pages


# -- attendance list --------------------------------------------------------------------------


def attendance_pdf(
    db: Database,
    selection_id: int,
    *,
    session: str | None = None,
    formation: str | None = None,
    place: str = "",
    day: dt.date | None = None,
    stage_code: str | None = None,
) -> RenderedDocument:
    """Attendance list of one test session (the participants' ``sesi``), or of a formation.

    Only those who take ``stage_code`` are listed (issue #11 §5): at a later stage the earlier
    stage's cut (CPNS AKHIR: the SKD P/L), never anyone withdrawn (APS) or disqualified from
    that stage on. Without a stage, the first one not yet final everywhere is meant."""
    from app.reports.attendance import render_attendance
    from app.reports.model import AttendanceList

    wanted = formation.strip().upper() if formation else None
    taking = stage_takers(db, selection_id, stage_code, wanted)
    people = [
        p
        for p in list_participants(db, selection_id)
        if (session is None or p.session == session)
        and (wanted is None or p.formation == wanted)
        and p.number in taking
    ]
    if not people:
        raise UserError("documents.nobody", session=session or "-", formation=formation or "-")
    settings = document_settings(db, selection_id)
    day = day or dt.date.today()
    titles = _titles(db, selection_id)
    group = session or wanted or _id_text("documents.all_formations")
    # On paper a formation is named, not only coded (issue #11 §5).
    shown = f"{wanted} — {titles[wanted][0]}" if not session and wanted in titles else group
    document = AttendanceList(
        letterhead=_letterhead(settings),
        title=_id_text("documents.attendance_title"),
        session=shown,
        place=place.strip() or settings.place,
        date=day,
        participants=[(p.number, p.name, p.formation) for p in people],
        document_id=_document_id(day.year),
    )
    name = _words("file_attendance", group=group, date=day.isoformat())
    record = PrintedRecord(
        document.document_id,
        "attendance",
        document.title,
        f"{shown} — {day.isoformat()}",
        tuple((number, person) for number, person, _formation in document.participants),
    )
    return _render(render_attendance, document, name, record)


def stage_takers(
    db: Database, selection_id: int, stage_code: str | None, formation: str | None
) -> set[str]:
    """The numbers of those who take a stage: admitted to it, not withdrawn (APS) nor
    disqualified at it (``stage_code`` ``None``: the first stage not final everywhere)."""
    from app.scoring.ranking import applicable_mark
    from app.scoring.scheme import MARK_DISQUALIFIED, MARK_WITHDRAWN

    from .schemes import scheme_of_selection
    from .sheets import stage_entrants

    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
    if stage_code is None:
        formations = {f.code for f in list_formations(db, selection_id)}
        stage = next(
            (
                s
                for s in scheme.stages
                if not formations <= set(finalized_formations(db, selection_id, s.code))
            ),
            scheme.last_stage,
        )
    else:
        stage = scheme.stage(stage_code.strip().upper())
    order = {s.code: i for i, s in enumerate(scheme.stages)}
    index = order[stage.code]
    with db.reading() as connection:
        entrants = stage_entrants(connection, selection_id, scheme, ids, stage, formation)
        rows = connection.execute(
            "SELECT p.number, m.kind, s.code FROM participant p"
            " LEFT JOIN participant_mark m ON m.participant_id = p.id"
            " LEFT JOIN stage s ON s.id = m.stage_id WHERE p.selection_id = ?",
            (selection_id,),
        ).fetchall()
    marks: dict[str, list[tuple[str, str]]] = {}
    for number, kind, code in rows:
        marks.setdefault(number, [])
        if kind is not None:
            marks[number].append((kind, code))
    gone = (MARK_WITHDRAWN, MARK_DISQUALIFIED)
    return {
        number
        for number, held in marks.items()
        if (entrants is None or number in entrants)
        and applicable_mark(held, order, index) not in gone
    }


def write_attendance(
    db: Database,
    selection_id: int,
    out: Path,
    *,
    actor: Actor | None = None,
    session: str | None = None,
    formation: str | None = None,
    place: str = "",
    day: dt.date | None = None,
    stage_code: str | None = None,
) -> int:
    """``attendance_pdf`` saved to ``out``; the number of pages."""
    document = attendance_pdf(
        db,
        selection_id,
        session=session,
        formation=formation,
        place=place,
        day=day,
        stage_code=stage_code,
    )
    pages = document.save(out)
    if actor is not None:  # saved from the CLI: registered like a print (issue #11 §3)
        document.register(db, actor, selection_id)
    return pages


# -- minutes ----------------------------------------------------------------------------------


def minutes_pdf(
    db: Database,
    selection_id: int,
    formation: str,
    *,
    stage_code: str | None = None,
    number: str = "",
    day: dt.date | None = None,
) -> RenderedDocument:
    """Minutes (berita acara) fixing one formation's results, signed by every member."""
    from app.reports.minutes import render_minutes
    from app.reports.model import Minutes

    formation = formation.strip().upper()
    ranking = compute_ranking(db, selection_id, stage_code, formation)
    settings = document_settings(db, selection_id)
    blocks = list(formation_blocks(ranking, _titles(db, selection_id), only=formation))
    if not blocks:
        raise UserError("formation.not_found", value=formation)
    members = settings.committee or (
        (settings.signatory_title, settings.signatory_name or "........................"),
    )
    day = day or dt.date.today()
    number = number.strip()
    text = _id_text("documents.minutes_text", stage=ranking.stage.name, formation=formation)
    text += _tie_paragraph(db, selection_id, ranking.stage.code, formation)
    # A real number by default (issue #11 §5): the formation's place among the selection's
    # formations, the stage and the year; the committee may type its own.
    codes = sorted(_titles(db, selection_id))
    place = codes.index(formation) + 1 if formation in codes else 1
    document = Minutes(
        letterhead=_letterhead(settings),
        number=number or f"{place:03d}/BA-{ranking.stage.code}/PANSELDA/{day.year}",
        date=day,
        stage_name=ranking.stage.name,
        legend=tuple(
            code_meanings(
                ranking.stage,
                ranking.stage.code == ranking.scheme.last_stage.code,
                incomplete=False,
                language=DOCUMENT_LANGUAGE,
            )
        ),
        formation=blocks[0],
        text=text,
        members=tuple(members),
        closing_place=settings.place,
        document_id=_document_id(day.year),
        chain_anchor=document_anchor(db),  # issue 9: the chain head in the footer
        # Before finalization the results may still change: every page says SEMENTARA.
        provisional=formation not in finalized_formations(db, selection_id, ranking.stage.code),
    )
    name = _words("file_minutes", stage=ranking.stage.code, formation=formation)
    if number:
        name += f" {number}"
    record = PrintedRecord(
        document.document_id,
        "minutes",
        _id_text("documents.minutes_record", number=document.number),
        f"{ranking.stage.name} — {formation}",
        _result_rows(ranking, formation),
        provisional=document.provisional,
    )
    return _render(render_minutes, document, name, record)


def _result_rows(ranking: Ranking, formation: str) -> tuple[tuple[str, ...], ...]:
    """(number, name, final value as printed, code) of each row: what a page must show."""
    from .ranking import cell_text

    fixed = fixed_places(ranking.stage.plain_sum)
    return tuple(
        (
            row.number,
            row.name,
            column_for_people("nilai_akhir", cell_text(row.final), fixed=fixed),
            row.code or row.note,
        )
        for row in ranking.rows
        if row.formation == formation
    )


def _tie_paragraph(db: Database, selection_id: int, stage_code: str, formation: str) -> str:
    """The committee's decision on this formation's tie, as the minutes record it (issue #10
    §3): who was tied, who took the seat(s), why, and the meeting's reference."""
    from .ties import list_ties

    for group in list_ties(db, selection_id, stage_code):
        if group.formation != formation or group.decision is None or not group.decided:
            continue
        names = {p.number: f"{p.number} {p.name}" for p in group.participants}
        return " " + _id_text(
            "documents.minutes_tie",
            tied="; ".join(names.values()),
            final=value_for_people(group.participants[0].final, group.final_places),
            winners="; ".join(names.get(n, n) for n in group.decision.winners),
            reason=group.decision.reason,
            reference=group.decision.reference,
        )
    return ""


def write_minutes(
    db: Database,
    selection_id: int,
    formation: str,
    out: Path,
    *,
    actor: Actor | None = None,
    stage_code: str | None = None,
    number: str = "",
    day: dt.date | None = None,
) -> int:
    """``minutes_pdf`` saved to ``out``; the number of pages."""
    document = minutes_pdf(
        db, selection_id, formation, stage_code=stage_code, number=number, day=day
    )
    pages = document.save(out)
    if actor is not None:  # saved from the CLI: registered like a print (issue #11 §3)
        document.register(db, actor, selection_id)
    return pages


# -- result slips -----------------------------------------------------------------------------


def slip_pdf(
    db: Database,
    selection_id: int,
    participant_no: str,
    *,
    stage_code: str | None = None,
) -> RenderedDocument:
    """One participant's results: each component, the final score, the rank and the code."""
    from app.reports.slip import render_slip

    participant_no = participant_no.strip()
    people = {p.number: p for p in list_participants(db, selection_id)}
    person = people.get(participant_no)
    if person is None:
        raise UserError("participant.not_found", value=participant_no)
    ranking = compute_ranking(db, selection_id, stage_code, person.formation)
    row = next((r for r in ranking.rows if r.number == participant_no), None)
    if row is None:
        raise UserError("entry.stage_not_reached", value=participant_no, stage=ranking.stage.code)
    slips = _SlipMaker(db, selection_id, ranking)
    name = _words("file_slip", stage=ranking.stage.code, group=person.number)
    slip = slips.make(person, row)
    return _render(render_slip, slip, name, _slip_record(slip))


def _slip_record(slip: ResultSlip) -> PrintedRecord:
    return PrintedRecord(
        slip.document_id,
        "slip",
        _id_text("documents.slip_record"),
        f"{slip.stage_name} — {slip.formation}",
        ((slip.participant_number, slip.participant_name, slip.final_score, slip.code),),
        provisional=slip.provisional,
    )


def formation_slips_pdf(
    db: Database,
    selection_id: int,
    formation: str,
    *,
    stage_code: str | None = None,
    progress: Progress | None = None,
) -> RenderedDocument:
    """The slips of every participant of ``formation`` in the stage, in the order of their
    numbers, as one PDF (each slip on pages of its own). ``progress`` is told of each slip
    (``report(done, total)``); a cancel raises ``Cancelled`` at the next slip, before
    anything is returned."""
    from app.reports.slip import render_slips

    formation = formation.strip().upper()
    ranking = compute_ranking(db, selection_id, stage_code, formation)
    rows = sorted((r for r in ranking.rows if r.formation == formation), key=lambda row: row.number)
    if not rows:
        raise UserError("documents.no_slips", formation=formation, stage=ranking.stage.code)
    people = {p.number: p for p in list_participants(db, selection_id) if p.formation == formation}
    slips = _SlipMaker(db, selection_id, ranking)
    total = len(rows)
    if progress is not None:
        progress.report(0, total)

    def drawn(done: int) -> None:
        if progress is not None:
            progress.report(done, total)

    buffer = BytesIO()
    title = _words("slips_title", formation=formation)
    records: list[PrintedRecord] = []

    def made() -> Iterator[ResultSlip]:
        for row in rows:
            if row.number in people:
                slip = slips.make(people[row.number], row)
                records.append(_slip_record(slip))
                yield slip

    pages = render_slips(made(), buffer, drawn, title=title)
    name = _words("file_slip", stage=ranking.stage.code, group=formation)
    return RenderedDocument(buffer.getvalue(), pages, file_name(name), tuple(records))


class _SlipMaker:
    """Builds the slips of one ranking: what they share (settings, names, the chain head) is
    read once, not per participant."""

    def __init__(self, db: Database, selection_id: int, ranking: Ranking) -> None:
        self.ranking = ranking
        self.settings = document_settings(db, selection_id)
        self.anchor: ChainAnchor | None = document_anchor(db)  # issue 9: the chain head
        names = {c.code: c.name for c in ranking.stage.components}
        if ranking.stage.integrates:
            names[ranking.stage.integrates] = ranking.scheme.stage(ranking.stage.integrates).name
        self.names = names
        self.final = ranking.stage is ranking.scheme.last_stage
        self.fixed = fixed_places(ranking.stage.plain_sum)
        # A slip of results not final yet is marked SEMENTARA (issue #11 §3).
        self.finalized = finalized_formations(db, selection_id, ranking.stage.code)
        # The announcement it is taken from (issue #11 §5): the latest of the stage.
        with db.reading() as connection:
            latest = connection.execute(
                "SELECT a.number, a.issued_on FROM announcement a JOIN stage s"
                " ON s.id = a.stage_id WHERE a.selection_id = ? AND s.code = ?"
                " ORDER BY a.id DESC LIMIT 1",
                (selection_id, ranking.stage.code),
            ).fetchone()
        self.announcement = (
            (latest[0], dt.date.fromisoformat(latest[1])) if latest is not None else None
        )

    def make(self, person: ParticipantRow, row: ResultRow) -> ResultSlip:
        from app.reports.model import ResultSlip

        from .ranking import cell_text

        ranking = self.ranking
        code = row.code or row.note
        document_id = _document_id(dt.date.today().year)
        return ResultSlip(
            letterhead=_letterhead(self.settings),
            participant_number=person.number,
            participant_name=person.name,
            formation=f"{person.formation} — {person.position_title}",
            stage_name=ranking.stage.name,
            # Read by the participant: 415, 79,430 (issue #10 §2); the QR keeps the machine text.
            components=tuple(
                (self.names.get(c, c), column_for_people(c, cell_text(row.cells.get(c))))
                for c in ranking.columns
            ),
            final_score=column_for_people("nilai_akhir", cell_text(row.final), fixed=self.fixed),
            rank=str(row.rank or "-"),
            code=code,
            # The participant's own result in words, Indonesian like the rest of the slip.
            code_meaning=_id_text(f"legend.{meaning_key(row.status, self.final)}"),
            document_id=document_id,
            verification_payload=(
                f"SELEKSI-ASN-SLIP|{document_id}|{person.number}|{cell_text(row.final)}|{code}"
            ),
            chain_anchor=self.anchor,
            provisional=person.formation not in self.finalized,
            announcement=self.announcement,
        )


def write_slip(
    db: Database,
    selection_id: int,
    participant_no: str,
    out: Path,
    *,
    actor: Actor | None = None,
    stage_code: str | None = None,
) -> int:
    """``slip_pdf`` saved to ``out``; the number of pages."""
    document = slip_pdf(db, selection_id, participant_no, stage_code=stage_code)
    pages = document.save(out)
    if actor is not None:  # saved from the CLI: registered like a print (issue #11 §3)
        document.register(db, actor, selection_id)
    return pages


def _titles(db: Database, selection_id: int) -> dict[str, tuple[str, str, int]]:
    return {f.code: (f.position_title, f.unit, f.quota) for f in list_formations(db, selection_id)}
