"""The private parts of ReportLab's canvas that the fast drawing code writes to, typed.

The table drawer, the text operators and the page-holding canvas append PDF operators to the
current page and reach the document's page tree directly, which is what makes 2,000-page
announcements fast. Every ``Canvas`` has these attributes (``Canvas.__init__`` sets them), but
they are private, so the type stubs (types-reportlab) leave them out; the protocols below say
what this package relies on.
"""

from __future__ import annotations

from typing import Protocol, cast

from reportlab.pdfbase.pdfdoc import PDFObject, PDFObjectReference, PDFPage
from reportlab.pdfgen.canvas import Canvas


class PageTree(Protocol):
    """``PDFDocument.Pages``: the pages written so far, last one last."""

    pages: list[PDFPage]


class Catalog(Protocol):
    """The document's root dictionary; ``Lang`` names the documents' language."""

    Lang: PDFObject | None


class Document(Protocol):
    """The ``PDFDocument`` behind a canvas, as far as it is used here."""

    Pages: PageTree
    Catalog: Catalog

    def Reference(self, obj: PDFObject, name: str | None = None) -> PDFObjectReference: ...


class CanvasInternals(Protocol):
    """A canvas's operator buffer for the current page and its document."""

    _code: list[str]
    _doc: Document


def internals(canvas: Canvas) -> CanvasInternals:
    """``canvas`` seen with its private state; the cast only adds what the stubs leave out."""
    return cast(CanvasInternals, canvas)
