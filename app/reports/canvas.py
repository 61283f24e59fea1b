"""A canvas that keeps finished pages until the end, so every page can say "Halaman X dari Y".

The total page count is only known when the last page is done. Instead of rendering twice,
``DocumentCanvas`` files each finished page (its content already compressed) and draws the
page frame on all of them in ``write()``. Pages can be filed in named groups and written in
another order: the announcement draws its results before the recap that summarises them.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas

from app.reports import fonts
from app.reports.fonts import REGULAR
from app.reports.internals import Document
from app.reports.streamed import write_document

DOCUMENT_LANGUAGE = "id-ID"

_ACCUMULATORS = (
    "_code",
    "_formsinuse",
    "_annotationrefs",
    "_formData",
    "_colorsUsed",
    "_shadingUsed",
    "_currentPageHasImages",
    "_psCommandsBeforePage",
    "_psCommandsAfterPage",
)

PageDecorator = Callable[["DocumentCanvas", int, int, bool], None]
"""``decorate(canvas, page_number, total, has_letterhead)`` draws the frame on a page."""


class DocumentCanvas(Canvas):
    """A canvas that holds finished pages until ``write()`` so the frame can name the total.

    ``showPage()`` files the page under the current group (``begin_group``); ``write()``
    emits the groups in ``order``, calling ``decorate(canvas, page_number, total,
    has_letterhead)`` on each page first.

    Memory: a filed page keeps only its content, already Flate-compressed (about a fifth of
    the text), and ``write()`` gives each page two content streams, that body and the small
    frame drawn last, so the body is never decompressed or compressed twice. A 2,500-page
    announcement thus holds a few megabytes instead of its full text, and ``write()`` hands
    the file one object at a time (``app.reports.streamed``) instead of the whole PDF.
    """

    # ReportLab's private state this class works on (see app.reports.internals).
    _code: list[str]
    _doc: Document
    if TYPE_CHECKING:

        def _startPage(self) -> None: ...

    def __init__(self, out: BinaryIO, pagesize: tuple[float, float], decorate: PageDecorator):
        fonts.register()
        # Binary (Flate only) streams: ASCII85 on top makes files 25 % larger and costs half
        # a second per 10,000 rows in ReportLab's pure-Python encoder. Nothing needs 7-bit PDFs.
        rl_config.useA85 = 0
        super().__init__(
            out,
            pagesize=pagesize,
            pageCompression=1,
            # The stubs type this as a number; ReportLab takes the registered font's name.
            initialFontName=cast(float, REGULAR),
            initialFontSize=10,
        )
        # Every document is Indonesian (issue #11 §1): readers and screen readers are told so.
        self._doc.Catalog.Lang = PDFString(DOCUMENT_LANGUAGE)
        self._out = out
        self._decorate = decorate
        self._groups: dict[str, list[dict[str, Any] | None]] = {"main": []}
        self._group = "main"
        self._letterhead_page = False
        self.rows_done: int | None = None
        """The lampiran's result rows drawn so far in this group (``None``: the group shows
        none): each filed page keeps the count, so the frame can say which rows it shows."""
        self.page_rows: tuple[int, int] | None = None
        """While the frame is drawn: (first row, 1-based, and how many) of this page, or
        ``None`` on a page outside the lampiran."""

    def begin_group(self, name: str) -> None:
        """File the following pages under ``name`` (see ``save(order=…)``)."""
        self._groups.setdefault(name, [])
        self._group = name
        self.rows_done = None

    def mark_letterhead(self) -> None:
        """The current page carries the letterhead, so it gets no running header."""
        self._letterhead_page = True

    def showPage(self) -> None:
        page: dict[str, Any] = {name: getattr(self, name) for name in _ACCUMULATORS}
        page["_code"] = []
        page["body"] = zlib.compress("\n".join(self._code).encode("utf-8"))
        page["letterhead"] = self._letterhead_page
        page["rows_done"] = self.rows_done
        self._groups[self._group].append(page)
        self._letterhead_page = False
        self._startPage()

    def save(self) -> None:
        """``Canvas.save()``: the PDF with the pages of the ``main`` group (see ``write``)."""
        self.write()

    def write(self, order: Sequence[str] = ("main",)) -> int:
        """Write the PDF with pages in group ``order``; returns the number of pages."""
        if self._code:
            self.showPage()
        pages = [page for group in order for page in self._groups.get(group, [])]
        self._groups = {}
        total = len(pages)
        before = 0  # rows drawn before the page, within its group
        for index in range(total):
            page = pages[index]
            pages[index] = None  # let the filed body go as soon as it is written out
            assert page is not None
            body = page.pop("body")
            has_letterhead = page.pop("letterhead")
            done = page.pop("rows_done")
            if done is None:
                self.page_rows, before = None, 0
            else:
                self.page_rows, before = (before + 1, done - before), done
            for name, value in page.items():
                setattr(self, name, value)
            self.init_graphics_state()
            self.state_stack = []
            self._decorate(self, index + 1, total, has_letterhead)
            Canvas.showPage(self)
            self._prepend_body(body)
        write_document(self, self._out)
        return total

    def _prepend_body(self, body: bytes) -> None:
        """Give the page just added the contents [filed body, frame], both compressed."""
        page = self._doc.Pages.pages[-1]
        frame = zlib.compress(page.stream.encode("utf-8"))
        page.Contents = PDFArray(
            [self._doc.Reference(_flate_stream(data)) for data in (body, frame)]
        )
        page.stream = None


def _flate_stream(data: bytes) -> PDFStream:
    """A content stream whose bytes are already Flate-compressed."""
    return PDFStream(PDFDictionary({"Filter": PDFName("FlateDecode")}), content=data)
