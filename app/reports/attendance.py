"""The attendance list (daftar hadir) of one test session.

Each participant signs in their own row; as on every Indonesian daftar hadir the signature
places alternate (odd numbers at the left of the box, even numbers in the middle) so that
neighbours do not sign over each other. The room supervisor signs at the end.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.units import mm

from app.numbers import count_for_people
from app.reports import fonts
from app.reports.blocks import draw_fields, draw_signatory
from app.reports.canvas import DocumentCanvas
from app.reports.fonts import BOLD
from app.reports.layout import Flow, Geometry, PageFrame
from app.reports.model import AttendanceList, Signatory
from app.reports.qr import document_payload
from app.reports.table import Column, Grid, GridStyle, fit_widths
from app.reports.wording import long_date, text, weekday

SIGNATURE_WIDTH = 42 * mm
ROW_HEIGHT = 10 * mm


def render_attendance(doc: AttendanceList, out: BinaryIO) -> int:
    """Write the attendance list as PDF to ``out``; returns the number of pages."""
    fonts.register()
    geometry = Geometry.a4(qr_footer=True)
    frame = PageFrame(
        geometry,
        doc.document_id,
        running_header=text("att_running", title=doc.title, session=doc.session),
        qr_payload=document_payload(doc.document_id),
    )
    canvas = DocumentCanvas(out, (geometry.width, geometry.height), frame)
    canvas.setTitle(doc.title)
    canvas.setKeywords(doc.document_id)
    canvas.setCreator("Seleksi ASN")
    flow = Flow(canvas, geometry, letterhead=doc.letterhead)

    flow.centered_lines([doc.title.upper()], BOLD, 13, 17)
    flow.space(3 * mm)
    draw_fields(
        flow,
        (
            (text("att_session"), doc.session),
            (text("att_place"), doc.place),
            (text("att_day_date"), f"{weekday(doc.date)}, {long_date(doc.date)}"),
        ),
    )
    flow.space(4 * mm)

    style = GridStyle(size=9.5, min_row_height=ROW_HEIGHT)
    labels = (text("col_no"), text("col_number"), text("col_name"), text("col_formation"))
    count = len(doc.participants)
    sample = [(str(count), n, name, f) for n, name, f in doc.participants[:300]]
    widths = fit_widths(
        labels, sample, flow.width - SIGNATURE_WIDTH, rigid=frozenset({0, 1}), style=style
    )
    grid = Grid(
        [
            Column(labels[0], widths[0], "right"),
            Column(labels[1], widths[1]),
            Column(labels[2], widths[2]),
            Column(labels[3], widths[3]),
            Column(text("col_signature"), SIGNATURE_WIDTH, "signature"),
        ],
        style,
    )
    rows = [
        (str(index), number, name, formation, f"{index}.")
        for index, (number, name, formation) in enumerate(doc.participants, start=1)
    ]
    flow.ensure(grid.header_height + (grid.height_of(rows[0]) if rows else 0))
    grid.draw(flow, rows)
    flow.space(4 * mm)
    blank = text("att_blank_count")
    summary = (
        (text("att_count"), text("minutes_people", n=count_for_people(count))),  # 1.250 orang
        (text("att_present"), blank),
        (text("att_absent"), blank),
    )
    flow.ensure(len(summary) * 14)
    draw_fields(flow, summary)
    flow.space(6 * mm)
    draw_signatory(
        flow,
        Signatory(title=text("att_officer"), name=text("blank_name"), nip="." * 40),
        (),
        width=70 * mm,
    )
    flow.finish()
    return canvas.write()
