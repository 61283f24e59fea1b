"""Writing a ReportLab document to its file object by object, never whole in memory.

``Canvas.save()`` formats every object into a list of byte strings and joins them before
writing: at the end of a 3,900-page announcement the process holds the pages' objects, the
formatted copy and the joined copy at once, 27 MB above what the pages themselves take
(issue #8: a signed 100k-row announcement within 150 MB). ``write_document`` does what
``PDFDocument.GetPDFData`` and ``format`` do (ReportLab 4 and 5), in the same order and with
the same bytes, but hands each formatted object to the file at once.

What this program never uses is refused rather than written differently: ReportLab's own
encryption and its digital signatures both need the whole file (signing is pyHanko's, after
the PDF is written).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    PDF_VERSION_DEFAULT,
    PDFCrossReferenceTable,
    PDFIndirectObject,
    PDFTrailer,
    pdfdocEnc,
)

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

HEADER_COMMENT = b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n"
"""ReportLab's second line (``PDFFile``): high bytes that mark the file as binary."""


class _Output:
    """``PDFFile`` writing through: ``add`` returns where the bytes start, as ReportLab's."""

    def __init__(self, out: BinaryIO, version: tuple[int, int]):
        self._out = out
        self.offset = 0
        self.add(pdfdocEnc("%PDF-{}.{}".format(*version)) + HEADER_COMMENT)

    def add(self, data: bytes | str) -> int:
        encoded = pdfdocEnc(data)
        start = self.offset
        self._out.write(encoded)
        self.offset = start + len(encoded)
        return start


def write_document(canvas: Canvas, out: BinaryIO) -> None:
    """Write ``canvas``'s document to ``out``, as ``canvas.save()`` would, object by object."""
    document: Any = getattr(canvas, "_doc")  # noqa: B009 - ReportLab's private document
    if getattr(document, "_savedToFile", False):
        raise RuntimeError("a ReportLab document is written once")
    document._savedToFile = True
    if getattr(document, "_digiSigs", None):
        raise RuntimeError("ReportLab's own signatures need the whole file; pyHanko signs")
    # GetPDFData: the delayed fonts' objects, the info digest, the outline.
    for font in document.delayedFonts:
        font.addObjects(document)
    document.info.invariant = document.invariant
    document.info.digest(document.signature)
    document.Reference(document.Catalog)
    document.Reference(document.info)
    document.Outlines.prepare(document, canvas)
    if document.Outlines.ready < 0:
        document.Catalog.Outlines = None
    # format: every object in number order; formatting may register new ones.
    document.encrypt.prepare(document)
    if document.encrypt.info():
        raise RuntimeError("ReportLab's encryption is not used by this program")
    catalog = document.Reference(document.Catalog)
    info = document.Reference(document.info)
    output = _Output(out, getattr(document, "_pdfVersion", PDF_VERSION_DEFAULT))
    ids: list[str] = []
    number = 1
    while number in document.numberToId:
        name = document.numberToId[number]
        formatted = PDFIndirectObject(name, document.idToObject[name]).format(document)
        if not rl_config.invariant and rl_config.pdfComments:
            kind = type(document.idToObject[name]).__name__
            output.add(f"% {name!a}: class {kind[:50]} \n")
        document.idToOffset[name] = output.add(formatted)
        ids.append(name)
        number += 1
    if number - 1 != len(document.numberToId):
        raise ValueError("ReportLab registered objects out of order")
    xref = PDFCrossReferenceTable()
    xref.addsection(0, ids)
    start = output.add(xref.format(document))
    trailer = PDFTrailer(
        startxref=start,
        Size=len(document.numberToId) + 1,
        Root=catalog,
        Info=info,
        Encrypt=None,
        ID=document.ID(),
    )
    output.add(trailer.format(document))
