"""Writing a document object by object gives, to the byte, what ReportLab's own save writes."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.reports import fonts
from app.reports.fonts import BOLD, REGULAR
from app.reports.streamed import write_document


def _drawn(pages: int, *, outline: bool, image: bool) -> Canvas:
    """A canvas in invariant mode (fixed dates and ids) with embedded fonts on every page."""
    fonts.register()
    canvas = Canvas(io.BytesIO(), invariant=1, pageCompression=1)
    canvas.setTitle("Pengumuman")
    for page in range(pages):
        canvas.setFont(REGULAR if page % 2 else BOLD, 11)
        canvas.drawString(72, 720, f"Halaman {page + 1}: Rizky Ananda Putri, 87,500")
        if outline:
            canvas.bookmarkPage(f"p{page}")
            canvas.addOutlineEntry(f"Halaman {page + 1}", f"p{page}", level=0)
        if image and page == 0:
            from PIL import Image

            picture = Image.new("RGB", (4, 4), (200, 30, 30))
            canvas.drawImage(ImageReader(picture), 72, 600, 40, 40)
        canvas.showPage()
    return canvas


@pytest.mark.parametrize(
    ("pages", "outline", "image"), [(1, False, False), (3, True, False), (5, False, True)]
)
def test_streamed_bytes_equal_reportlabs(pages: int, outline: bool, image: bool) -> None:
    expected = _drawn(pages, outline=outline, image=image).getpdfdata()
    streamed = io.BytesIO()
    write_document(_drawn(pages, outline=outline, image=image), streamed)
    assert streamed.getvalue() == expected
    assert expected.startswith(b"%PDF-1.") and expected.rstrip().endswith(b"%%EOF")


def test_a_document_is_written_once() -> None:
    canvas = _drawn(1, outline=False, image=False)
    write_document(canvas, io.BytesIO())
    with pytest.raises(RuntimeError, match="once"):
        write_document(canvas, io.BytesIO())
