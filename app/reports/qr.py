"""The verification QR code: a shared vector form, or one page's own image mask.

A code that several pages show (a slip's, say) is drawn once into a PDF form XObject of
rectangles and each page only references it. An announcement's pages each carry their own
signed code (``app.services.page_seal``): 2,442 of them at 100k rows. Drawn as rectangles,
those cost 15 s and 5.5 MB; each is drawn instead as a one-bit image mask inline in the page
(``draw_page_code``, about 500 bytes, painted in the fill colour, never interpolated, so the
modules stay sharp in every viewer and printer). The matrix comes from zxing-cpp's encoder
(0.5 ms a code; ReportLab's pure-Python one takes 20 ms). Error correction level M survives
a smudged print.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, cast
from weakref import WeakKeyDictionary

from reportlab.pdfgen.canvas import Canvas

from app.reports.internals import internals

if TYPE_CHECKING:
    from typing_extensions import Buffer

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


_BIT = bytes(ord("0") if value < 128 else ord("1") for value in range(256))
"""A pixel's byte as the digit of its bit in the mask: dark (painted) 0, light 1."""


def _pixels(payload: str, level: str) -> tuple[int, bytes]:
    """The code's side in modules and its pixels, a byte a module from the top row (0 dark),
    without the quiet zone."""
    import zxingcpp

    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level=level)
    # zxing-cpp's Image is a buffer (one byte a pixel); its stubs do not say so.
    image = memoryview(cast("Buffer", code.to_image(scale=1, add_quiet_zones=False)))
    side = (image.shape or (0,))[0]
    return side, image.tobytes()


def modules(payload: str, level: str = "M") -> list[list[bool]]:
    """The QR matrix of ``payload``: rows from the top, ``True`` for a dark module."""
    side, pixels = _pixels(payload, level)
    return [[pixels[r * side + c] < 128 for c in range(side)] for r in range(side)]


def draw_page_code(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw ``payload``'s code on this page only, as ``draw_qr`` places it: an inline image
    mask of one bit a module (quiet zone included), 0 painted black."""
    side, pixels = _pixels(payload, "M")
    count = side + 2 * QUIET_ZONE
    white = bytes([255]) * QUIET_ZONE
    rows = [bytes([255]) * count] * QUIET_ZONE
    rows += [white + pixels[r * side : (r + 1) * side] + white for r in range(side)]
    rows += [bytes([255]) * count] * QUIET_ZONE
    width = -(-count // 8) * 8  # a row padded to whole bytes, the most significant bit first
    packed = bytearray()
    for row in rows:
        bits = row.translate(_BIT).ljust(width, b"1")
        packed += int(bits, 2).to_bytes(width // 8, "big")
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.translate(x, y)
    canvas.scale(size, size)
    internals(canvas)._code.append(
        f"BI /W {count} /H {count} /IM true /BPC 1 /Interpolate false /F /AHx ID\n"
        f"{packed.hex()}>\nEI"
    )
    canvas.restoreState()


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
