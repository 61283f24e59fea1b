"""The verification QR code, drawn as vector modules with ReportLab's own QR encoder.

An announcement of 2,000 pages carries the same code on every page, so it is encoded once
per document into a PDF form XObject and each page only references it (a few bytes per page
instead of hundreds of rectangles). Error correction level M survives a smudged print.
"""

from __future__ import annotations

import hashlib
from weakref import WeakKeyDictionary

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white around the code, as the QR standard requires

FORM_PREFIX = "SeleksiQR"

DOCUMENT_PAYLOAD = "SELEKSI-ASN-DOC"
"""What the QR code of a printed form says: ``SELEKSI-ASN-DOC|<document id>``; the program
looks the id up among the forms it registered when printing (issue #11 §3)."""


def document_payload(document_id: str) -> str:
    return f"{DOCUMENT_PAYLOAD}|{document_id}"


# The codes already defined as form XObjects in each canvas, by name, with their size in
# modules; the entry goes with the canvas.
_defined: WeakKeyDictionary[Canvas, dict[str, int]] = WeakKeyDictionary()


def form_name(payload: str) -> str:
    """The XObject name of ``payload``'s code (stable, so tests can find it in a page)."""
    return FORM_PREFIX + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]


def modules(payload: str, level: str = "M") -> list[list[bool]]:
    """The QR matrix of ``payload``: rows from the top, ``True`` for a dark module."""
    # The encoder under ReportLab's QrCodeWidget, without the widget around it.
    code = QRCode(None, getattr(QRErrorCorrectLevel, level))
    code.addData(payload)
    code.make()
    return [[bool(cell) for cell in row] for row in code.modules]


def _define(canvas: Canvas, name: str, payload: str) -> int:
    """Draw ``payload``'s code into the form XObject ``name``; its size in modules."""
    matrix = modules(payload)
    count = len(matrix) + 2 * QUIET_ZONE
    canvas.beginForm(name, 0, 0, count, count)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        y = count - QUIET_ZONE - r - 1
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(QUIET_ZONE + start, y, c - start, 1)
            else:
                c += 1
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.endForm()
    return count


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``payload`` with its lower-left corner at (``x``, ``y``), ``size``
    points square including the quiet zone."""
    name = form_name(payload)
    sizes = _defined.setdefault(canvas, {})
    count = sizes.get(name)
    if count is None:
        count = sizes[name] = _define(canvas, name, payload)
    scale = size / count
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    canvas.doForm(name)
    canvas.restoreState()
