"""The shared page frame: page geometry, the letterhead (kop surat), the running header and
footer ("Halaman X dari Y", document id, QR code), paragraph styles and a cursor ("Flow")
that places blocks down the page and turns pages.

Why not Platypus' DocTemplate: the announcement's results tables run to 100,000 rows, and
ReportLab's table splitting is quadratic while a story list holds every flowable at once.
Here blocks are drawn straight onto the canvas as they come (tables by ``app.reports.table``),
so time is linear and nothing waits in a story. Paragraphs still use Platypus' ``Paragraph``
(justification, markup), one at a time.

The frame is drawn by ``PageFrame`` when ``app.reports.canvas.DocumentCanvas`` writes the
pages out, because only then is the total page count known.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as to_landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from app.reports import fonts, qr
from app.reports.canvas import DocumentCanvas
from app.reports.fonts import (
    BOLD,
    ITALIC,
    REGULAR,
    balanced_wrap,
    clip_text,
    draw_string,
    text_width,
    wrap_text,
)
from app.reports.model import Letterhead
from app.reports.wording import text

DEFAULT_LOGO = Path(__file__).resolve().parents[2] / "resources" / "letterhead" / "default-logo.png"

QR_SIZE = 22 * mm
RULE_GREY = Color(0.35, 0.35, 0.35)


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class Geometry:
    """Page size and the margins every document shares (A4, 2.5 cm binding margin left)."""

    width: float
    height: float
    left: float = 25 * mm
    right: float = 20 * mm
    top: float = 12 * mm
    footer: float = 17 * mm  # content stops this far above the paper's bottom edge

    @classmethod
    def a4(cls, *, landscape: bool = False, qr_footer: bool = False) -> Geometry:
        """A4 portrait or landscape; ``qr_footer`` leaves room for the QR code at the bottom."""
        width, height = to_landscape(A4) if landscape else A4
        left = 20 * mm if landscape else 25 * mm
        return cls(width, height, left=left, footer=33 * mm if qr_footer else 17 * mm)

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def x1(self) -> float:
        return self.width - self.right

    @property
    def continuation_top(self) -> float:
        """Top of the content on pages without letterhead (below the running header)."""
        return self.height - self.top - 7 * mm


# --------------------------------------------------------------------------- styles


def styles(size: float = 11) -> dict[str, ParagraphStyle]:
    """Paragraph styles; ``size`` is the body size (11 pt, smaller for dense documents)."""
    fonts.register()
    lead = size * 1.35
    body = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=size, leading=lead, alignment=TA_JUSTIFY
    )
    return {
        "body": body,
        "left": ParagraphStyle("left", parent=body, alignment=TA_LEFT),
        "list": ParagraphStyle(
            "list",
            parent=body,
            alignment=TA_LEFT,  # justified items stretch around long numbers of regulations
            leftIndent=7 * mm,
            bulletIndent=0,
            bulletFontName=REGULAR,
            bulletFontSize=size,
        ),
    }


def _provisional_mark(canvas: DocumentCanvas, g: Geometry) -> None:
    """SEMENTARA diagonally across the page, light and see-through, over the content (the
    frame is drawn last): a slip or minutes printed before finalization can never pass for
    the final one (issue #11 §3)."""
    canvas.saveState()
    canvas.setFillColor(Color(0.75, 0.1, 0.1))
    canvas.setFillAlpha(0.18)
    canvas.translate(g.width / 2, g.height / 2)
    canvas.rotate(35)
    size = min(g.width, g.height) / 6.5
    draw_string(canvas, 0, -size / 3, text("provisional"), BOLD, size, "centre")
    canvas.restoreState()


def markup(plain: str) -> str:
    """Caller text made safe for Paragraph markup; line breaks are kept."""
    return escape(plain).replace("\n", "<br/>")


# --------------------------------------------------------------------------- page frame


@dataclass(frozen=True)
class PageFrame:
    """What every page shows around the content: running header, footer, QR code."""

    geometry: Geometry
    document_id: str
    running_header: str = ""
    qr_payload: str = ""
    chain_anchor: str = ""
    """The audit chain's head as printed (``ChainAnchor.printed``); empty: not printed."""
    provisional: bool = False
    """Printed before the results are final: every page says SEMENTARA across it."""
    page_seal: Callable[[int, int, tuple[int, int] | None], str] | None = None
    """``seal(page, total, rows)``: the page's own code (issue #11 §3), which names the page,
    the page count and the rows it shows (``canvas.page_rows``); it replaces ``qr_payload``."""

    def __call__(self, canvas: DocumentCanvas, page: int, total: int, letterhead: bool) -> None:
        g = self.geometry
        if self.provisional:
            _provisional_mark(canvas, g)
        canvas.saveState()
        canvas.setStrokeColor(RULE_GREY)
        canvas.setFillColor(black)
        canvas.setLineWidth(0.5)
        if not letterhead and self.running_header:
            base = g.height - g.top - 3 * mm
            header = fit_line(self.running_header, ITALIC, 8, g.content_width)
            draw_string(canvas, g.left, base, header, ITALIC, 8)
            canvas.line(g.left, base - 1.8 * mm, g.x1, base - 1.8 * mm)
        page_text = text("page_of", page=page, total=total)
        id_text = text("document_id", id=self.document_id)
        payload = self.qr_payload
        draw = qr.draw_qr  # one form that every page references
        if self.page_seal is not None:
            payload = self.page_seal(page, total, canvas.page_rows)
            draw = qr.draw_page_code  # this page's own code
        if payload:
            bottom = 7 * mm
            draw(canvas, payload, g.left - 2 * mm, bottom, QR_SIZE)
            rule_y = bottom + QR_SIZE + 1.5 * mm
            canvas.line(g.left, rule_y, g.x1, rule_y)
            x = g.left + QR_SIZE + 1 * mm
            room = g.x1 - x - 30 * mm
            size = fit_size(id_text, REGULAR, 7.5, room)
            draw_string(canvas, x, bottom + 13 * mm, id_text, REGULAR, size)
            note = wrap_text(text("verify_note"), ITALIC, 7, room)[:2]
            for index, line in enumerate(note):
                draw_string(canvas, x, bottom + 9.5 * mm - index * 8.5, line, ITALIC, 7)
            if self.chain_anchor:  # the line under the note, still beside the QR code
                anchor = text("chain_anchor", head=self.chain_anchor)
                size = fit_size(anchor, REGULAR, 7, room)
                y = bottom + 9.5 * mm - len(note) * 8.5
                draw_string(canvas, x, y, anchor, REGULAR, size)
            draw_string(canvas, g.x1, bottom + 13 * mm, page_text, REGULAR, 9, "right")
        else:
            base = 10 * mm
            canvas.line(g.left, base + 4 * mm, g.x1, base + 4 * mm)
            if self.chain_anchor:  # one footer line: the id, then the chain's head
                id_text += " · " + text("chain_anchor", head=self.chain_anchor)
            size = fit_size(id_text, REGULAR, 7.5, g.content_width - 40 * mm)
            draw_string(canvas, g.left, base, id_text, REGULAR, size)
            draw_string(canvas, g.x1, base, page_text, REGULAR, 9, "right")
        canvas.restoreState()


def fit_size(line: str, font: str, size: float, width: float, smallest: float = 4.0) -> float:
    """The font size at which ``line`` fits ``width`` (never cut: the document id must stay
    whole, however long the lead makes it)."""
    natural = text_width(line, font, size)
    return size if natural <= width else max(smallest, size * width / natural)


def fit_line(line: str, font: str, size: float, width: float) -> str:
    """``line`` shortened with an ellipsis so it fits ``width`` (for running headers only),
    in one pass however long the line is."""
    return clip_text(line, font, size, width)


# --------------------------------------------------------------------------- flow


class Flow:
    """A cursor down the pages of a ``DocumentCanvas``.

    ``y`` is the top of the free space on the current page; blocks call ``ensure(height)``
    to move to a new page when they would not fit, draw below ``y`` and lower it by what
    they used. The first page of a flow with a ``letterhead`` starts with the kop surat.
    """

    def __init__(
        self, canvas: DocumentCanvas, geometry: Geometry, letterhead: Letterhead | None = None
    ) -> None:
        self.canvas = canvas
        self.geometry = geometry
        self.x = geometry.left
        self.width = geometry.content_width
        self.bottom = geometry.footer
        self.pages = 1
        if letterhead is not None:
            self.y = draw_letterhead(canvas, geometry, letterhead) - 5 * mm
            canvas.mark_letterhead()
        else:
            self.y = geometry.continuation_top
        self._page_top = self.y

    @property
    def room(self) -> float:
        return self.y - self.bottom

    @property
    def at_top(self) -> bool:
        return self.y >= self._page_top - 0.01

    def new_page(self) -> None:
        self.canvas.showPage()
        self.pages += 1
        self.y = self._page_top = self.geometry.continuation_top

    def ensure(self, height: float) -> None:
        """Turn the page unless ``height`` fits (a block taller than a page starts at the top)."""
        if height > self.room and not self.at_top:
            self.new_page()

    def space(self, height: float) -> None:
        """Vertical white space; never carried over to the top of the next page."""
        if height >= self.room:
            self.new_page()
        else:
            self.y -= height

    def finish(self) -> None:
        """File the last page."""
        self.canvas.showPage()

    def paragraph(
        self,
        source: str,
        style: ParagraphStyle,
        *,
        indent: float = 0,
        width: float | None = None,
        bullet: str | None = None,
        keep: bool = False,
    ) -> None:
        """Draw Paragraph markup ``source`` (escape caller text with ``markup``); it splits
        across pages line by line unless ``keep``."""
        # A Flowable: splitting a Paragraph gives Flowables (Paragraphs, in fact) to go on with.
        para: Flowable = Paragraph(source, style, bulletText=bullet)
        avail = (width if width is not None else self.width) - indent
        while True:
            _, height = para.wrap(avail, self.room)
            if height <= self.room or (keep and self.at_top):
                para.drawOn(self.canvas, self.x + indent, self.y - height)
                self.y -= height
                return
            if keep:
                self.new_page()
                continue
            parts = para.split(avail, self.room)
            if len(parts) < 2:
                if self.at_top:  # a single line taller than a page cannot happen; draw it
                    para.drawOn(self.canvas, self.x + indent, self.y - height)
                    self.y -= height
                    return
                self.new_page()
                continue
            first, para = parts[0], parts[1]
            _, first_height = first.wrap(avail, self.room)
            first.drawOn(self.canvas, self.x + indent, self.y - first_height)
            self.new_page()

    def lines(
        self,
        lines: Sequence[str],
        font: str,
        size: float,
        leading: float,
        *,
        indent: float = 0,
    ) -> None:
        """Lines from ``indent`` on, wrapped to the width left, kept on one page (a lampiran
        heading stands at the right as in a naskah dinas)."""
        wrapped = [
            part for line in lines for part in wrap_text(line, font, size, self.width - indent)
        ]
        self.ensure(len(wrapped) * leading)
        for line in wrapped:
            self.y -= leading
            draw_string(self.canvas, self.x + indent, self.y + leading * 0.25, line, font, size)

    def centered_lines(self, lines: Sequence[str], font: str, size: float, leading: float) -> None:
        """Lines centred on the content width, wrapped where needed, kept on one page."""
        wrapped = [part for line in lines for part in balanced_wrap(line, font, size, self.width)]
        self.ensure(len(wrapped) * leading)
        for line in wrapped:
            self.y -= leading
            centre = self.x + self.width / 2
            draw_string(self.canvas, centre, self.y + leading * 0.25, line, font, size, "centre")


# --------------------------------------------------------------------------- letterhead


def image_reader(data: bytes | None, fallback: Path | None = None) -> ImageReader | None:
    if data:
        return ImageReader(io.BytesIO(data))
    if fallback is not None:
        return ImageReader(str(fallback))
    return None


def draw_image_fit(
    canvas: Canvas, image: ImageReader, x: float, y: float, width: float, height: float
) -> tuple[float, float]:
    """Draw ``image`` as large as fits the box (aspect kept), centred; returns its size."""
    iw, ih = image.getSize()
    scale = min(width / iw, height / ih)
    w, h = iw * scale, ih * scale
    canvas.drawImage(image, x + (width - w) / 2, y + (height - h) / 2, w, h, mask="auto")
    return w, h


def draw_letterhead(canvas: Canvas, g: Geometry, head: Letterhead) -> float:
    """Draw the kop surat at the top of the page; returns the y just below its double rule.

    The logo sits left; the texts are centred on the page in the room the logo leaves on
    both sides, so they never run into it however long the office name is.
    """
    logo_h = 24 * mm
    logo_w = 21 * mm
    top = g.height - g.top
    reader = image_reader(head.logo, DEFAULT_LOGO)
    if reader is not None:
        draw_image_fit(canvas, reader, g.left, top - logo_h, logo_w, logo_h)
    text_w = g.content_width - 2 * (logo_w + 3 * mm)
    centre = g.left + g.content_width / 2
    lines: list[tuple[str, str, float, float]] = []  # (text, font, size, leading)
    for line in balanced_wrap(head.government, BOLD, 14, text_w):
        lines.append((line, BOLD, 14, 16.5))
    for line in balanced_wrap(head.office, BOLD, 15, text_w):
        lines.append((line, BOLD, 15, 17.5))
    for part in head.address.splitlines():
        for line in wrap_text(part, REGULAR, 9.5, text_w):
            lines.append((line, REGULAR, 9.5, 11.5))
    height = sum(leading for *_, leading in lines)
    y = top - max(0.0, (logo_h - height) / 2)
    for line, font, size, leading in lines:
        y -= leading
        draw_string(canvas, centre, y + (leading - size) * 0.5, line, font, size, "centre")
    bottom = min(y, top - logo_h) - 2.5 * mm
    canvas.saveState()
    canvas.setStrokeColor(black)
    canvas.setLineWidth(2.2)
    canvas.line(g.left, bottom, g.x1, bottom)
    canvas.setLineWidth(0.6)
    canvas.line(g.left, bottom - 2.6, g.x1, bottom - 2.6)
    canvas.restoreState()
    return bottom - 2.6
