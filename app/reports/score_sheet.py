"""The paper score sheet (blanko penilaian) an assessor fills in when the laptop is not at hand.

One row per participant in the order of the entry grid, one box per rubric aspect (or a single
value box), a notes box, and the assessor's name and signature at the end. Rows are tall
enough to write in; the header repeats on every page so a loose page is still readable, and
the operator later types the sheet top to bottom.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.units import mm

from app.reports import fonts
from app.reports.blocks import draw_fields, draw_signatory
from app.reports.canvas import DocumentCanvas
from app.reports.fonts import BOLD, text_width
from app.reports.layout import Flow, Geometry, PageFrame, markup, styles
from app.reports.model import ScoreSheet, Signatory
from app.reports.qr import document_payload
from app.reports.table import Column, Grid, GridStyle, fit_widths
from app.reports.wording import text

BOX_WIDTH = 13 * mm
NOTES_WIDTH = 20 * mm
MIN_NAME_WIDTH = 45 * mm
ROW_HEIGHT = 9 * mm


def render_score_sheet(doc: ScoreSheet, out: BinaryIO) -> int:
    """Write the score sheet as PDF to ``out``; returns the number of pages.

    The pages turn to landscape when the aspect boxes would leave the names too little room.
    """
    fonts.register()
    boxes = [code for code, _ in doc.aspects] or [text("sheet_value")]
    style = GridStyle(size=9.5, min_row_height=ROW_HEIGHT)
    geometry = Geometry.a4(qr_footer=True)
    if _name_room(geometry, boxes) < MIN_NAME_WIDTH:
        geometry = Geometry.a4(landscape=True, qr_footer=True)
    frame = PageFrame(
        geometry,
        doc.document_id,
        qr_payload=document_payload(doc.document_id),
        running_header=text(
            "sheet_running",
            title=doc.title,
            component=doc.component_name,
            group=doc.formation_or_session,
        ),
    )
    canvas = DocumentCanvas(out, (geometry.width, geometry.height), frame)
    canvas.setTitle(doc.title)
    canvas.setKeywords(doc.document_id)
    canvas.setCreator("Seleksi ASN")
    flow = Flow(canvas, geometry, letterhead=doc.letterhead)

    flow.centered_lines([doc.title.upper()], BOLD, 13, 17)
    flow.space(3 * mm)
    draw_fields(flow, _facts(doc))
    flow.space(2 * mm)
    instruction = (
        text("sheet_instruction_values", values=", ".join(doc.choices))
        if doc.choices
        else text("sheet_instruction", range=_range(doc))
    )
    flow.paragraph(f"<i>{markup(instruction)}</i>", styles(9.5)["left"])
    flow.space(3 * mm)

    grid = _grid(flow, doc, boxes, style)
    rows = [_row(n, p, len(boxes)) for n, p in enumerate(doc.participants, start=1)]
    flow.ensure(grid.header_height + sum(grid.height_of(row) for row in rows[:2]))
    grid.draw(flow, rows)
    flow.space(8 * mm)
    assessor = doc.assessor_name or text("blank_name")
    # Place and a date line, the assessor's name and a NIP line to write on (issue #11 §5).
    draw_signatory(
        flow,
        Signatory(title=text("sheet_assessor"), name=assessor, nip="." * 32),
        (text("place_date", place=doc.place or "." * 20, date="." * 24),),
        width=70 * mm,
    )
    flow.finish()
    return canvas.write()


def _range(doc: ScoreSheet) -> str:
    if doc.step:
        return text("sheet_range_step", range=doc.value_range, step=doc.step)
    return doc.value_range


def _facts(doc: ScoreSheet) -> list[tuple[str, str]]:
    """The labelled lines above the table: what is scored, how, and what counts. Numbers
    arrive as a person reads them (``37,5``); the words around them are added here."""
    fields = [
        (text("sheet_stage"), doc.stage_name),
        (text("sheet_component"), f"{doc.component_name} ({doc.component_code})"),
        (text("sheet_group"), doc.formation_or_session),
    ]
    if doc.choices:
        fields.append((text("sheet_choices"), " / ".join(doc.choices)))
    else:
        fields.append((text("sheet_range"), _range(doc)))
    if doc.weight:
        fields.append((text("sheet_weight"), text("percent", value=doc.weight)))
    if doc.threshold:
        fields.append((text("sheet_threshold"), doc.threshold))
    weights = doc.aspect_weights if len(doc.aspect_weights) == len(doc.aspects) else ()
    for index, (code, name) in enumerate(doc.aspects):  # one aspect a line, under one label
        line = (
            text("sheet_aspect_weight", code=code, name=name, weight=weights[index])
            if weights
            else text("sheet_aspect", code=code, name=name)
        )
        fields.append((text("sheet_aspects") if index == 0 else "", line))
    return fields


def _name_room(geometry: Geometry, boxes: list[str]) -> float:
    return geometry.content_width - 10 * mm - 32 * mm - len(boxes) * BOX_WIDTH - NOTES_WIDTH


def _grid(flow: Flow, doc: ScoreSheet, boxes: list[str], style: GridStyle) -> Grid:
    box_w = max(BOX_WIDTH, *(text_width(b, BOLD, style.header_size) + 7 for b in boxes))
    left = flow.width - len(boxes) * box_w - NOTES_WIDTH
    labels = (text("col_no"), text("col_number"), text("col_name"))
    sample = [(str(len(doc.participants)), number, name) for number, name in doc.participants[:300]]
    widths = fit_widths(labels, sample, left, rigid=frozenset({0, 1}), style=style)
    columns = [
        Column(labels[0], widths[0], "right"),
        Column(labels[1], widths[1]),
        Column(labels[2], widths[2]),
        *(Column(box, box_w, "center") for box in boxes),
        Column(text("sheet_notes"), NOTES_WIDTH),
    ]
    return Grid(columns, style)


def _row(number: int, participant: tuple[str, str], boxes: int) -> tuple[str, ...]:
    return (str(number), participant[0], participant[1], *([""] * (boxes + 1)))
