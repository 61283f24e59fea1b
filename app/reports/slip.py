"""One participant's result slip: each component's value, the final score, rank and code.

A slip is handed to (or downloaded by) one participant, so it carries the same verification
QR code as the announcement; it states plainly that the announcement is what counts. The
slips of a whole formation come as one PDF (``render_slips``), one slip after another.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
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
from app.reports.wording import long_date, text

SUMMARY_GREY = Color(0.94, 0.94, 0.94)


def render_slip(doc: ResultSlip, out: BinaryIO) -> int:
    """Write the slip as PDF to ``out``; returns the number of pages (normally 1)."""
    return render_slips([doc], out)


def render_slips(
    docs: Iterable[ResultSlip],
    out: BinaryIO,
    progress: Callable[[int], None] | None = None,
    *,
    title: str = "",
) -> int:
    """Write the slips one after another as one PDF to ``out``; returns the number of pages.

    Each slip starts on a page of its own and is whole by itself, as if printed alone: its
    letterhead, its QR code, its document id and its own "Halaman 1 dari 1", so a batch for a
    formation is cut into the participants' slips without any page naming another's.
    ``progress(slips_drawn)`` is called after every slip; raise from it to cancel (nothing is
    written to ``out`` then). ``title`` names a batch in the PDF's metadata.
    """
    fonts.register()
    geometry = Geometry.a4(qr_footer=True)
    frames = _SlipFrames()
    canvas = DocumentCanvas(out, (geometry.width, geometry.height), frames)
    ids: list[str] = []
    anchor = ""
    numbers: list[str] = []
    for doc in docs:
        frames.add(
            PageFrame(
                geometry,
                doc.document_id,
                running_header=f"{text('slip_title')} — {doc.participant_number}",
                qr_payload=doc.verification_payload,
                chain_anchor=doc.chain_anchor.printed if doc.chain_anchor else "",
                provisional=doc.provisional,
            ),
            _draw_slip(canvas, geometry, doc),
        )
        ids.append(doc.document_id)
        numbers.append(doc.participant_number)
        anchor = anchor or (doc.chain_anchor.keyword if doc.chain_anchor else "")
        if progress is not None:
            progress(len(ids))
    single = len(numbers) == 1
    canvas.setTitle(f"{text('slip_title')} {numbers[0]}" if single else title or text("slip_title"))
    canvas.setKeywords(" ".join([*ids, anchor]) if anchor else " ".join(ids))
    canvas.setCreator("Seleksi ASN")
    return canvas.write()


class _SlipFrames:
    """The page frame of each slip in a batch, each counting its own pages."""

    def __init__(self) -> None:
        self._starts: list[int] = []  # 0-based index of each slip's first page
        self._frames: list[tuple[PageFrame, int]] = []
        self._pages = 0

    def add(self, frame: PageFrame, pages: int) -> None:
        self._starts.append(self._pages)
        self._frames.append((frame, pages))
        self._pages += pages

    def __call__(self, canvas: DocumentCanvas, page: int, total: int, letterhead: bool) -> None:
        slip = bisect_right(self._starts, page - 1) - 1
        frame, pages = self._frames[slip]
        frame(canvas, page - self._starts[slip], pages, letterhead)


def _draw_slip(canvas: DocumentCanvas, geometry: Geometry, doc: ResultSlip) -> int:
    """Draw one slip from the top of a fresh page; returns the pages it took."""
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
    # The table as wide as the summary box under it: their edges align (issue #11 §5).
    value_width = 30 * mm
    widths = fit_widths(
        labels, rows, flow.width - value_width, rigid=frozenset({0, 2}), style=style
    )
    grid = Grid(
        [
            Column(labels[0], widths[0], "right"),
            Column(labels[1], flow.width - value_width - widths[0]),
            Column(labels[2], value_width, "right"),
        ],
        style,
    )
    grid.draw(flow, rows)
    flow.space(6 * mm)
    _draw_summary(flow, doc)
    flow.space(8 * mm)
    source = (
        text("slip_source", number=doc.announcement[0], date=long_date(doc.announcement[1]))
        if doc.announcement is not None
        else text("slip_no_source")
    )
    note = f"{text('slip_note')} {source}"
    flow.paragraph(f"<i>{markup(note)}</i>", styles(9)["left"], keep=True)
    flow.finish()
    return flow.pages


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
