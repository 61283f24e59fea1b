"""Blocks several documents share: the signatory block and ``Label : value`` fields."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm

from app.reports.fonts import BOLD, REGULAR, draw_string, text_width, wrap_text
from app.reports.layout import Flow, draw_image_fit, image_reader
from app.reports.model import Signatory
from app.reports.wording import nip_text, text


@dataclass(frozen=True)
class SignatureBox:
    """Where the signature space of a document lies: ``page_index`` from 0, and the box in
    PDF points with the origin at the bottom-left of the page (pyHanko's ``SigFieldSpec``
    takes exactly ``box=(x1, y1, x2, y2)`` and ``on_page=page_index``)."""

    page_index: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x1, self.y1, self.x2, self.y2)


SIGN_SPACE = 24 * mm
#: Most lines one field's value wraps to (a slip's name, formation): beyond, it ends in "…".
MAX_FIELD_LINES = 6


def _title(signatory: Signatory) -> str:
    """``Plh. Ketua Panitia Seleksi Daerah,``: prefix, title and the customary comma."""
    title = f"{signatory.prefix} {signatory.title}".strip()
    return title + ("," if title and not title.endswith(",") else "")


def signatory_block_height(signatory: Signatory, heads: int, width: float) -> float:
    """Height of the block: ``heads`` lines above the title, the title, the space, name, NIP."""
    title_lines = len(wrap_text(_title(signatory), REGULAR, 11, width))
    return (heads + title_lines) * 14 + SIGN_SPACE + 14 + (14 if signatory.nip else 0) + 4


def draw_signatory(
    flow: Flow, signatory: Signatory, heads: Sequence[str], width: float = 80 * mm
) -> SignatureBox:
    """The signature block on the right: ``heads`` (place and date), title, space, name, NIP.

    Kept on one page. The scanned signature and stamp images, when given, fill the space;
    the box of that space is returned for the digital signature.
    """
    height = signatory_block_height(signatory, len(heads), width)
    flow.ensure(height)
    canvas = flow.canvas
    x = flow.x + flow.width - width
    y = flow.y
    for line in [*heads, *wrap_text(_title(signatory), REGULAR, 11, width)]:
        y -= 14
        draw_string(canvas, x, y + 3, line, REGULAR, 11)
    space_top = y
    y -= SIGN_SPACE
    space_bottom = y
    stamp = image_reader(signatory.stamp_image)
    sign = image_reader(signatory.signature_image)
    if sign is not None:
        draw_image_fit(canvas, sign, x + 8 * mm, y + 1 * mm, 48 * mm, SIGN_SPACE - 2 * mm)
    if stamp is not None:
        draw_image_fit(canvas, stamp, x - 10 * mm, y - 2 * mm, 28 * mm, 28 * mm)
    y -= 14
    name = signatory.name
    draw_string(canvas, x, y + 3, name, BOLD, 11)
    if not name.startswith("("):  # a blank "(……)" for a handwritten name is not underlined
        canvas.setLineWidth(0.7)
        canvas.line(x, y + 1.6, x + min(text_width(name, BOLD, 11), width), y + 1.6)
    if signatory.nip:
        y -= 14
        draw_string(canvas, x, y + 3, text("nip", nip=nip_text(signatory.nip)), REGULAR, 11)
    flow.y -= height
    return SignatureBox(flow.pages - 1, x - 2 * mm, space_bottom, x + width, space_top)


# --------------------------------------------------------------------------- fields


def draw_fields(
    flow: Flow,
    pairs: Sequence[tuple[str, str]],
    *,
    size: float = 10.5,
    bold_values: bool = False,
    indent: float = 0.0,
) -> None:
    """``Label : value`` lines with the colons aligned, values wrapping under themselves."""
    if not pairs:
        return
    leading = size * 1.35
    label_w, colon_w, room = _field_columns(pairs, flow.width - indent, size)
    value_font = BOLD if bold_values else REGULAR
    x = flow.x + indent
    for label, value in pairs:
        lines = wrap_text(value, value_font, size, room, MAX_FIELD_LINES)
        flow.ensure(len(lines) * leading)
        flow.y -= leading
        base = flow.y + leading * 0.25
        if label:  # an empty label continues the field above (a list of values)
            draw_string(flow.canvas, x, base, label, REGULAR, size)
            draw_string(flow.canvas, x + label_w, base, ":", REGULAR, size)
        for index, line in enumerate(lines):
            if index:
                flow.y -= leading
                base = flow.y + leading * 0.25
            draw_string(flow.canvas, x + label_w + colon_w, base, line, value_font, size)


def _field_columns(
    pairs: Sequence[tuple[str, str]], width: float, size: float
) -> tuple[float, float, float]:
    label_w = max(text_width(label, REGULAR, size) for label, _ in pairs) + 3 * mm
    colon_w = text_width(": ", REGULAR, size)
    return label_w, colon_w, width - label_w - colon_w


def fields_height(
    pairs: Sequence[tuple[str, str]], width: float, *, size: float = 10.5, bold_values: bool = False
) -> float:
    """The height ``draw_fields`` will take in ``width`` (to keep a framed block together)."""
    if not pairs:
        return 0.0
    _, _, room = _field_columns(pairs, width, size)
    font = BOLD if bold_values else REGULAR
    return (
        sum(len(wrap_text(value, font, size, room, MAX_FIELD_LINES)) for _, value in pairs)
        * size
        * 1.35
    )
