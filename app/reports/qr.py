"""The verification QR code, drawn as vector modules with ReportLab's own QR encoder.

An announcement of 2,000 pages carries the same code on every page, so it is encoded once
per document into a PDF form XObject and each page only references it (a few bytes per page
instead of hundreds of rectangles). Error correction level M survives a smudged print.
"""

from __future__ import annotations

import hashlib

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white around the code, as the QR standard requires

FORM_PREFIX = "SeleksiQR"


def form_name(payload: str) -> str:
    """The XObject name of ``payload``'s code (stable, so tests can find it in a page)."""
    return FORM_PREFIX + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]


def modules(payload: str, level: str = "M") -> list[list[bool]]:
    """The QR matrix of ``payload``: rows from the top, ``True`` for a dark module."""
    widget = QrCodeWidget(payload, barLevel=level)
    code = widget.qr
    code.make()
    return [[bool(cell) for cell in row] for row in code.modules]


def _define(canvas: Canvas, name: str, payload: str) -> None:
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
    canvas._seleksi_qr_size = getattr(canvas, "_seleksi_qr_size", {})  # type: ignore[attr-defined]
    canvas._seleksi_qr_size[name] = count  # type: ignore[attr-defined]


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``payload`` with its lower-left corner at (``x``, ``y``), ``size``
    points square including the quiet zone."""
    name = form_name(payload)
    sizes: dict[str, int] = getattr(canvas, "_seleksi_qr_size", {})
    if name not in sizes:
        _define(canvas, name, payload)
        sizes = canvas._seleksi_qr_size  # type: ignore[attr-defined]
    scale = size / sizes[name]
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    canvas.doForm(name)
    canvas.restoreState()
