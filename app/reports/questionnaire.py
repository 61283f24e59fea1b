"""The pairwise-comparison questionnaire (kuesioner perbandingan berpasangan) of an FGD.

Collected on paper where a laptop per respondent is not at hand (issue #14 §1). The first
page names the respondent, their stakeholder group and the date, says how to fill it in and
gives Saaty's scale in words; then one table per part (the stage's components, then each
component's rubric aspects), a row per pair with nine boxes from "left much more important"
through "equal" to "right much more important", and a notes column for the even values. What
the respondent ticks is typed into the workbook of the same pairs
(``services.fgd_questionnaire``), which ``seleksi fgd weights`` reads.

Always Indonesian, as every document of the program: it is handed to citizens and DPRD
members, whatever language the clerk's window speaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib.units import mm

from app.messages import translate
from app.numbers import count_for_people
from app.reports import fonts
from app.reports.blocks import draw_fields
from app.reports.canvas import DocumentCanvas
from app.reports.fonts import BOLD, draw_string
from app.reports.layout import Flow, Geometry, PageFrame, markup, styles
from app.reports.model import Letterhead
from app.reports.table import Column, Grid, GridStyle
from app.scoring.fgd_pairs import ComparisonPart

LANGUAGE = "id"
SCALE = ("9", "7", "5", "3", "1", "3", "5", "7", "9")
"""The boxes of a row, left to right: Saaty's odd values towards each criterion."""
BOX_WIDTH = 8.5 * mm
NUMBER_WIDTH = 9 * mm
NOTE_WIDTH = 20 * mm
ROW_HEIGHT = 9 * mm


@dataclass(frozen=True, slots=True)
class Questionnaire:
    """What the questionnaire prints besides the pairs."""

    selection_name: str
    stage_code: str
    stage_name: str
    parts: tuple[ComparisonPart, ...]
    document_id: str = ""
    letterhead: Letterhead | None = None


def _t(key: str, /, **fields: Any) -> str:
    return translate(LANGUAGE, key, fields)


def render_questionnaire(doc: Questionnaire, out: BinaryIO) -> int:
    """Write the questionnaire as PDF to ``out``; returns the number of pages."""
    fonts.register()
    geometry = Geometry.a4()
    stage = f"{doc.stage_code} ({doc.stage_name})" if doc.stage_name else doc.stage_code
    frame = PageFrame(
        geometry, doc.document_id, running_header=_t("questionnaire.running", stage=stage)
    )
    canvas = DocumentCanvas(out, (geometry.width, geometry.height), frame)
    canvas.setTitle(_t("questionnaire.title"))
    canvas.setKeywords(doc.document_id)
    canvas.setCreator("Seleksi ASN")
    flow = Flow(canvas, geometry, letterhead=doc.letterhead)
    body = styles(9.5)["body"]

    flow.centered_lines([_t("questionnaire.title").upper()], BOLD, 13, 17)
    flow.centered_lines(
        [_t("questionnaire.subtitle", stage=stage), doc.selection_name], BOLD, 10.5, 14
    )
    flow.space(4 * mm)
    blank = _t("questionnaire.blank")
    draw_fields(
        flow,
        (
            (_t("questionnaire.respondent"), blank),
            (_t("questionnaire.group"), blank),
            ("", _t("questionnaire.group_hint")),
            (_t("questionnaire.date"), blank),
        ),
    )
    flow.space(3 * mm)
    flow.lines([_t("questionnaire.how")], BOLD, 10.5, 14)
    flow.paragraph(markup(_t("questionnaire.how_text")), body)
    flow.space(2 * mm)
    _scale_table(flow)
    pairs = sum(len(part.pairs) for part in doc.parts)
    flow.space(2 * mm)
    flow.paragraph(
        markup(_t("questionnaire.pairs", count=count_for_people(pairs))), styles(9)["body"]
    )
    for number, part in enumerate(doc.parts, start=1):
        flow.space(5 * mm)
        _part(flow, number, part, doc.stage_code)
    flow.space(10 * mm)
    flow.ensure(24 * mm)
    flow.lines([_t("questionnaire.signature")], BOLD, 10, 13)
    flow.space(16 * mm)
    flow.lines([blank], BOLD, 10, 13)
    flow.finish()
    return canvas.write()


def _scale_table(flow: Flow) -> None:
    style = GridStyle(size=9, leading=11)
    grid = Grid(
        [
            Column(_t("questionnaire.scale_value"), 18 * mm, "center"),
            Column(_t("questionnaire.scale_meaning"), 90 * mm),
        ],
        style,
    )
    rows = [(value, _t(f"questionnaire.scale.{value}")) for value in ("1", "3", "5", "7", "9")]
    rows.append(("2, 4, 6, 8", _t("questionnaire.scale.even")))
    flow.lines([_t("questionnaire.scale")], BOLD, 10, 13)
    grid.draw(flow, rows)


def _part(flow: Flow, number: int, part: ComparisonPart, stage_code: str) -> None:
    title = (
        _t("questionnaire.level_top", number=number, stage=stage_code)
        if part.parent is None
        else _t(
            "questionnaire.level_aspects",
            number=number,
            component=f"{part.parent.name} ({part.parent.code})",
        )
    )
    criterion_width = (flow.width - NUMBER_WIDTH - NOTE_WIDTH - BOX_WIDTH * len(SCALE)) / 2
    columns: Sequence[Column] = [
        Column(_t("questionnaire.col_no"), NUMBER_WIDTH, "right"),
        Column(_t("questionnaire.col_left"), criterion_width),
        *(Column(value, BOX_WIDTH, "center") for value in SCALE),
        Column(_t("questionnaire.col_right"), criterion_width),
        Column(_t("questionnaire.col_note"), NOTE_WIDTH),
    ]
    grid = Grid(columns, GridStyle(size=9, leading=11, min_row_height=ROW_HEIGHT))
    rows = [
        (str(index), left.name, *("" for _ in SCALE), right.name, "")
        for index, (left, right) in enumerate(part.pairs, start=1)
    ]
    flow.ensure(14 + 12 + grid.header_height + grid.height_of(rows[0]))
    flow.lines([title], BOLD, 10.5, 14)
    # Over the boxes: which way is which, at the outer edges of the nine boxes.
    flow.y -= 11
    boxes_left = flow.x + NUMBER_WIDTH + criterion_width
    boxes_right = boxes_left + BOX_WIDTH * len(SCALE)
    base = flow.y + 3
    draw_string(flow.canvas, boxes_left, base, _t("questionnaire.left_more"), BOLD, 7.5)
    draw_string(flow.canvas, boxes_right, base, _t("questionnaire.right_more"), BOLD, 7.5, "right")
    grid.draw(flow, rows)
