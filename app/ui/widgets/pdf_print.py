"""Printing a PDF as it is: each page drawn 1:1 on a sheet, landscape pages turned.

An issued announcement is printed from its stored bytes, never re-rendered, so that paper and
screen show exactly what was issued and what ``seleksi verify`` checks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

# Pages are printed as pictures; 300 dpi is sharp on paper, and an A4 page at the 1200 dpi of
# a high-resolution QPrinter would be a 550 MB image.
MAX_PRINT_DPI = 300


def print_pdf(
    document: QPdfDocument,
    printer: QPrinter,
    on_page: Callable[[int, int], bool] | None = None,
) -> int:
    """Print ``document`` on ``printer``, each page drawn 1:1 on the whole sheet; the pages
    printed.

    The page range chosen in the print dialog is honoured. ``on_page(done, total)`` is called
    before each page; returning ``False`` stops (the user cancelled). Annotations are drawn
    too, so what the preview shows is what comes out of the printer.
    """
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0:
        first, last = 1, count
    pages = list(range(first - 1, min(last, count)))
    if not pages:
        return 0
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.Annotations)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setPageOrientation(_orientation(document, pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(printer.outputFileName() or printer.printerName())
    printed = 0
    try:
        for position, page in enumerate(pages):
            if on_page is not None and not on_page(position, len(pages)):
                break
            if position:
                # Landscape pages (stages with many columns) turn the sheet for that page.
                printer.setPageOrientation(_orientation(document, page))
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = _on_white(document.render(page, size, options))
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(_fitted(sheet, image.width(), image.height()), image)
            printed += 1
    finally:
        painter.end()
    return printed


def _orientation(document: QPdfDocument, page: int) -> QPageLayout.Orientation:
    size = document.pagePointSize(page)
    if size.width() > size.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def _on_white(image: QImage) -> QImage:
    """PDFium renders on a transparent ground; a printer wants opaque white paper."""
    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet


def _fitted(area: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle of ``width``:``height`` centred in ``area``."""
    scale = min(area.width() / width, area.height() / height)
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)
