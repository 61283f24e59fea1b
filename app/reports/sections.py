"""The building blocks of the committee's reports (the Laporan Monitoring dan Evaluasi, the
Laporan Penyusunan Kebijakan): the A4 document with its running header and metadata, and a
writer of sections down a ``Flow`` (headings kept with what follows them, paragraphs, charts
as Drawings, ruled tables that split over pages with their header repeated).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

from app.reports import fonts
from app.reports.canvas import DocumentCanvas
from app.reports.fonts import BOLD
from app.reports.layout import Flow, Geometry, PageFrame, styles
from app.reports.model import Letterhead
from app.reports.monev_charts import MOST_ROWS
from app.reports.table import Column, Grid, GridStyle, fit_widths

TABLE = GridStyle(size=8.5, leading=10.2, header_size=8, header_leading=9.5)


def report_flow(
    out: BinaryIO,
    *,
    title: str,
    running: str,
    subject: str,
    author: str,
    document_id: str,
    letterhead: Letterhead | None,
) -> Flow:
    """An A4 report on ``out``: its pages carry ``running`` and the document id, its first
    page the kop surat; ``flow.canvas.write()`` files it (after ``flow.finish()``)."""
    fonts.register()
    geometry = Geometry.a4()
    frame = PageFrame(geometry, document_id or "-", running_header=running)
    canvas = DocumentCanvas(out, (geometry.width, geometry.height), frame)
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setAuthor(author)
    canvas.setKeywords(document_id)
    canvas.setCreator("Seleksi ASN")
    return Flow(canvas, geometry, letterhead=letterhead)


class Sections:
    """Draws one section after the other on ``flow``."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.styles = styles(10)
        self.small = styles(9)

    def heading(self, text: str, level: int = 1, *, room: float = 60) -> None:
        """A heading kept with at least ``room`` points of what follows it."""
        size, leading, gap = {1: (13, 16, 5 * mm), 2: (11, 14, 3.5 * mm), 3: (10, 13, 2.5 * mm)}[
            level
        ]
        flow = self.flow
        if not flow.at_top:
            flow.space(gap)
        flow.ensure(leading * 2 + room)
        flow.lines([text], BOLD, size, leading)
        flow.space(1.5 * mm)

    def text(self, source: str, *, small: bool = False) -> None:
        self.flow.paragraph(source, (self.small if small else self.styles)["left"])
        self.flow.space(1.5 * mm)

    def drawing(self, drawing: Drawing) -> None:
        flow = self.flow
        flow.ensure(drawing.height)
        drawing.drawOn(flow.canvas, flow.x, flow.y - drawing.height)
        flow.y -= drawing.height
        flow.space(1.5 * mm)

    def table(
        self,
        labels: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        numeric: frozenset[int] = frozenset(),
        centered: frozenset[int] = frozenset(),
        width: float | None = None,
    ) -> None:
        """A ruled table over the content width (or ``width``); it splits over pages with its
        header."""
        if not rows:
            return
        flow = self.flow
        rigid = numeric | centered
        room = min(width, flow.width) if width else flow.width
        widths = fit_widths(labels, rows[:300], room, rigid=rigid, style=TABLE)
        columns = [
            Column(label, width, "right" if i in numeric else "center" if i in centered else "left")
            for i, (label, width) in enumerate(zip(labels, widths, strict=True))
        ]
        grid = Grid(columns, TABLE)
        flow.ensure(grid.header_height + grid.height_of(rows[0]) * min(len(rows), 3))
        grid.draw(flow, rows)
        flow.space(2 * mm)

    def bars(self, rows: Sequence[Any], make: Any) -> None:
        """A horizontal chart of ``rows``, in pieces of ``MOST_ROWS`` when there are more."""
        for start in range(0, len(rows), MOST_ROWS):
            self.drawing(make(rows[start : start + MOST_ROWS]))
