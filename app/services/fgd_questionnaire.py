"""The FGD questionnaire of a stage (issue #14 §1): on paper, and as the workbook to type it into.

The pairs come from the stage of a selection's scheme (``scoring.fgd_pairs``: every two
components, and every two aspects of one component). ``questionnaire_pdf`` is the paper form
a respondent ticks; ``questionnaire_workbook`` is the same pairs as rows with the columns
``seleksi fgd weights`` reads (``responden, kelompok, bobot_kelompok, kriteria_a, kriteria_b,
nilai``), one block of rows per respondent, so what is ticked is typed row by row and read
back without a column to rename. Printing reads only; nothing is stored or audited.
"""

from __future__ import annotations

import datetime as dt
import uuid
from io import BytesIO
from pathlib import Path

from app.messages import translate
from app.scoring.fgd_pairs import ComparisonPart, comparison_parts

from .database import Database
from .document_settings import document_settings
from .documents import RenderedDocument, file_name
from .errors import UserError
from .scheme_edit import current_scheme
from .selections import resolve_selection

HEADER = ("responden", "kelompok", "bobot_kelompok", "kriteria_a", "kriteria_b", "nilai")
MAX_RESPONDENTS = 200


def questionnaire_parts(
    db: Database, selection_id: int, stage_code: str | None
) -> tuple[str, str, list[ComparisonPart]]:
    """``(stage code, stage name, parts)`` of ``stage_code`` (default: the last stage); a
    stage with nothing to compare is refused."""
    scheme = current_scheme(db, selection_id)
    codes = [s.code for s in scheme.stages]
    code = stage_code or codes[-1]
    if code not in codes:
        raise UserError("stage.not_found", value=code, choices=codes)
    stage = scheme.stage(code)
    from app.scoring.ahp import AhpError

    try:
        parts = comparison_parts(stage)
    except AhpError as error:  # a stage whose score is a sum: nothing carries a weight
        raise UserError(error.message, **error.params) from error
    if not parts:
        raise UserError("questionnaire.too_few", stage=code)
    return code, stage.name, parts


def questionnaire_pdf(
    db: Database, selection_id: int, stage_code: str | None = None
) -> RenderedDocument:
    """The paper questionnaire of the stage, in memory."""
    from app.reports.model import Letterhead
    from app.reports.questionnaire import Questionnaire, render_questionnaire

    code, name, parts = questionnaire_parts(db, selection_id, stage_code)
    selection = resolve_selection(db, selection_id)
    settings = document_settings(db, selection_id)
    today = dt.date.today()
    doc = Questionnaire(
        selection_name=f"{selection.name} ({selection.year})",
        stage_code=code,
        stage_name=name,
        parts=tuple(parts),
        document_id=f"SASN-{today.year}-{uuid.uuid4().hex[:10].upper()}",
        letterhead=Letterhead(
            government=settings.government,
            office=settings.office,
            address=settings.address,
            logo=settings.logo,
        ),
    )
    buffer = BytesIO()
    pages = render_questionnaire(doc, buffer)
    title = translate("id", "questionnaire.title")
    return RenderedDocument(buffer.getvalue(), pages, file_name(f"{title} {code}"))


def questionnaire_workbook(
    db: Database,
    selection_id: int,
    out: Path,
    stage_code: str | None = None,
    *,
    respondents: int = 12,
) -> Path:
    """The pairs as ``respondents`` blocks of rows to fill in (names, groups and values left
    empty), with a sheet that says how; written aside and moved into place."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    if not 1 <= respondents <= MAX_RESPONDENTS:
        raise UserError("questionnaire.bad_count", value=respondents, maximum=MAX_RESPONDENTS)
    _code, _name, parts = questionnaire_parts(db, selection_id, stage_code)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = translate("id", "questionnaire.sheet_judgments")
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for _block in range(respondents):
        for part in parts:
            for left, right in part.pairs:
                sheet.append([None, None, None, left.code, right.code, None])
    names = book.create_sheet(translate("id", "questionnaire.sheet_help"))
    names.append([translate("id", "questionnaire.xlsx_help")])
    names.append([])
    names.append(["kode", "nama"])
    for part in parts:
        for criterion in part.criteria:
            names.append([criterion.code, criterion.name])
    for index, width in enumerate((16, 24, 16, 26, 26, 10), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    names.column_dimensions["A"].width = 26
    names.column_dimensions["B"].width = 60
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    book.save(buffer)
    from .announcements import write_atomically

    try:
        write_atomically(out, buffer.getvalue())
    except OSError as error:
        raise UserError("cli.cannot_write", path=out, detail=error.strerror) from error
    return out
