"""One participant's result slip: each component's value, the final score, rank and code.

A slip is handed to (or downloaded by) one participant, so it carries the same verification
QR code as the announcement; it states plainly that the announcement is what counts.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.colors import Color
from reportlab.lib.units import mm

from app.reports import fonts
from app.reports.blocks import draw_fields, fields_height
from app.reports.canvas import DocumentCanvas
from app.reports.fonts import BOLD
from app.reports.layout import Flow, Geometry, PageFrame, markup, styles
from app.reports.model import ResultSlip
from app.reports.table import Column, Grid, GridStyle, fit_widths
from app.reports.wording import text

SUMMARY_GREY = Color(0.94, 0.94, 0.94)


def render_slip(doc: ResultSlip, out: BinaryIO) -> int:
    """Write the slip as PDF to ``out``; returns the number of pages (normally 1)."""
    fonts.register()
    geometry = Geometry.a4(qr_footer=True)
    frame = PageFrame(
        geometry,
        doc.document_id,
        running_header=f"{text('slip_title')} — {doc.participant_number}",
        qr_payload=doc.verification_payload,
        chain_anchor=doc.chain_anchor.printed if doc.chain_anchor else "",
    )
    canvas = DocumentCanvas(out, (geometry.width, geometry.height), frame)
    canvas.setTitle(f"{text('slip_title')} {doc.participant_number}")
    canvas.setKeywords(
        f"{doc.document_id} {doc.chain_anchor.keyword}" if doc.chain_anchor else doc.document_id
    )
    canvas.setCreator("Seleksi ASN")
    flow = Flow(canvas, geometry, letterhead=doc.letterhead)

    flow.centered_lines([text("slip_title")], BOLD, 13, 16)
    flow.centered_lines([doc.stage_name.upper()], BOLD, 11, 14)
    flow.space(6 * mm)
    draw_fields(
        flow,
        (
            (text("slip_number"), doc.participant_number),
            (text("slip_name"), doc.participant_name),
            (text("slip_formation"), doc.formation),
            (text("slip_stage"), doc.stage_name),
        ),
    )
    flow.space(5 * mm)

    style = GridStyle(size=10.5, leading=13, header_size=10, header_leading=12, pad_y=3)
    labels = (text("col_no"), text("slip_component"), text("slip_value"))
    rows = [(str(i), name, value) for i, (name, value) in enumerate(doc.components, start=1)]
    widths = fit_widths(labels, rows, flow.width * 0.75, rigid=frozenset({0, 2}), style=style)
    grid = Grid(
        [
            Column(labels[0], widths[0], "right"),
            Column(labels[1], widths[1]),
            Column(labels[2], max(widths[2], 30 * mm), "right"),
        ],
        style,
    )
    grid.draw(flow, rows)
    flow.space(6 * mm)
    _draw_summary(flow, doc)
    flow.space(8 * mm)
    flow.paragraph(f"<i>{markup(text('slip_note'))}</i>", styles(9)["left"], keep=True)
    flow.finish()
    return canvas.write()


def _draw_summary(flow: Flow, doc: ResultSlip) -> None:
    """The outcome in a shaded box: final score, rank and code with its meaning."""
    pairs = (
        (text("slip_final"), doc.final_score),
        (text("slip_rank"), doc.rank),
        (text("slip_code"), f"{doc.code} — {doc.code_meaning}" if doc.code_meaning else doc.code),
    )
    size = 11
    height = fields_height(pairs, flow.width - 8 * mm, size=size, bold_values=True) + 6 * mm
    flow.ensure(height)
    canvas = flow.canvas
    canvas.saveState()
    canvas.setFillColor(SUMMARY_GREY)
    canvas.setLineWidth(0.6)
    canvas.rect(flow.x, flow.y - height, flow.width, height, stroke=1, fill=1)
    canvas.restoreState()
    top = flow.y
    flow.y -= 3 * mm
    flow.x += 4 * mm
    flow.width -= 8 * mm
    try:
        draw_fields(flow, pairs, size=size, bold_values=True)
    finally:
        flow.x -= 4 * mm
        flow.width += 8 * mm
    flow.y = top - height
