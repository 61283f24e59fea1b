"""The embedded TrueType family every document uses, and fast text measuring.

Documents must print the same on every machine, so the glyphs travel inside the PDF: the
shipped Liberation Sans (SIL OFL 1.1, metric-compatible with Arial, the face the Indonesian
rules for official letters ask for) is registered under our own names and ReportLab embeds
the subsets it uses. The standard Helvetica is never used: it is not embedded and would look
different on each printer.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.reports.internals import internals

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

REGULAR = "SeleksiSans"
BOLD = "SeleksiSans-Bold"
ITALIC = "SeleksiSans-Italic"
BOLD_ITALIC = "SeleksiSans-BoldItalic"

_FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the family once per process (idempotent, thread-safe).

    Paragraph markup ``<b>``/``<i>`` maps to the family's bold and italic faces.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            # asciiReadable keeps ASCII at its own code in the first subset; the fast table
            # drawer (app.reports.table) relies on it to skip per-character encoding.
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename), asciiReadable=True))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True


def font(name: str) -> TTFont:
    """The registered TrueType font object (registers the family first)."""
    register()
    found = pdfmetrics.getFont(name)
    assert isinstance(found, TTFont)
    return found


@cache
def _metrics(name: str) -> tuple[list[float], dict[int, int], int]:
    face = font(name).face
    widths = dict(face.charWidths)
    default = int(face.defaultWidth)
    return [widths.get(code, default) for code in range(128)], widths, default


def text_width(text: str, name: str, size: float) -> float:
    """Width of ``text`` in points, several times faster than ReportLab's pure-Python path.

    Tables measure every cell (to right-align numbers and to decide whether a name wraps),
    so this runs hundreds of thousands of times for a large announcement; ASCII text is
    summed from a list through ``map`` without a Python-level loop.
    """
    ascii_widths, widths, default = _metrics(name)
    if text.isascii():
        return sum(map(ascii_widths.__getitem__, text.encode())) * size / 1000.0
    get = widths.get
    return sum([get(ord(c), default) for c in text]) * size / 1000.0


ELLIPSIS = "…"


def wrap_text(
    text: str, name: str, size: float, width: float, max_lines: int | None = None
) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (at spaces; a word longer than a
    line is broken between characters so nothing is ever cut off). Never returns ``[]``.

    One pass over the text: each word is measured once, and a long word is broken by adding
    up its characters' widths, never by measuring ever shorter prefixes again (a 5,000
    character name took a minute that way). With ``max_lines`` the text stops there, the
    last line ending in "…" when something was left out, so a cell or field stays a size a
    page can hold whatever the database holds.
    """
    words = text.split()
    if not words:
        return [""]
    space = text_width(" ", name, size)
    lines: list[str] = []
    current = ""
    current_w = 0.0
    limit = max_lines if max_lines is not None and max_lines > 0 else None
    for word in words:
        word_w = text_width(word, name, size)
        if current and current_w + space + word_w <= width:
            current += " " + word
            current_w += space + word_w
            continue
        if current:
            lines.append(current)
        if word_w > width and len(word) > 1:
            pieces = _broken(word, name, size, width)
            lines.extend(pieces[:-1])
            word = pieces[-1]
            word_w = text_width(word, name, size)
        current, current_w = word, word_w
        if limit is not None and len(lines) >= limit:
            return cut_lines(lines[: limit - 1], lines[limit - 1], name, size, width)
    lines.append(current)
    return lines


def _broken(word: str, name: str, size: float, width: float) -> list[str]:
    """``word`` in pieces each no wider than ``width`` (at least one character each)."""
    ascii_widths, widths, default = _metrics(name)
    limit = width * 1000.0 / size  # in the font's units
    pieces: list[str] = []
    start = 0
    total = 0.0
    get = widths.get
    for position, char in enumerate(word):
        code = ord(char)
        advance = ascii_widths[code] if code < 128 else get(code, default)
        if total + advance > limit and position > start:
            pieces.append(word[start:position])
            start, total = position, 0.0
        total += advance
    pieces.append(word[start:])
    return pieces


def cut_lines(lines: list[str], last: str, name: str, size: float, width: float) -> list[str]:
    """``lines`` and a last line that says something was left out."""
    return [*lines, clip_text(last + ELLIPSIS, name, size, width)]


def clip_text(line: str, name: str, size: float, width: float) -> str:
    """``line`` itself if it fits ``width``, else its longest beginning that fits with "…"
    after it; measured in one pass."""
    if text_width(line, name, size) <= width:
        return line
    ascii_widths, widths, default = _metrics(name)
    limit = width * 1000.0 / size - text_width(ELLIPSIS, name, 1000.0)
    total = 0.0
    get = widths.get
    end = 0
    for position, char in enumerate(line):
        code = ord(char)
        total += ascii_widths[code] if code < 128 else get(code, default)
        if total > limit:
            break
        end = position + 1
    kept = line[:end].rstrip()
    if kept.endswith(ELLIPSIS):
        kept = kept[:-1].rstrip()
    return kept + ELLIPSIS


def balanced_wrap(text: str, name: str, size: float, width: float) -> list[str]:
    """Like ``wrap_text`` but with lines of even length, for centred headings (a kop surat
    reads "PANITIA SELEKSI DAERAH PENGADAAN / APARATUR SIPIL NEGARA", not a lone last word)."""
    lines = wrap_text(text, name, size, width)
    if len(lines) < 2:
        return lines
    low, high = width / len(lines), width
    for _ in range(12):
        middle = (low + high) / 2
        if len(wrap_text(text, name, size, middle)) > len(lines):
            low = middle
        else:
            high = middle
    return wrap_text(text, name, size, high)


class TextOps:
    """PDF text operators for one ``BT … ET`` block, switching fonts only when needed.

    ``canvas.drawString`` costs about 15 µs (text object, shaping checks, encoding each
    character); this writes ``Tm``/``Tj`` directly and passes ASCII through untouched, which
    the font's ``asciiReadable`` subset allows. Used by the table drawer and the page frame.
    """

    __slots__ = ("_current", "_doc", "_refs", "ops")

    def __init__(self, canvas: Canvas) -> None:
        self._doc = internals(canvas)._doc
        self._refs: dict[tuple[str, int], str] = {}
        self._current: tuple[str, int, float] | None = None
        self.ops: list[str] = []

    def _ref(self, name: str, subset: int) -> str:
        key = (name, subset)
        ref = self._refs.get(key)
        if ref is None:
            face = font(name)
            face.splitString(" ", self._doc)  # the document's subset state must exist
            ref = self._refs[key] = face.getSubsetInternalName(subset, self._doc)
        return ref

    def reset(self) -> None:
        """Start a new ``BT`` block: no font is set yet."""
        self._current = None
        self.ops = []

    def show(self, x: float, y: float, line: str, name: str, size: float) -> None:
        """Text ``line`` with its baseline starting at (``x``, ``y``)."""
        if line.isascii() and line.isprintable():
            if self._current != (name, 0, size):
                self.ops.append(f"{self._ref(name, 0)} {size:.4g} Tf")
                self._current = (name, 0, size)
            if "(" in line or ")" in line or "\\" in line:
                line = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            self.ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm ({line}) Tj")
            return
        line = "".join(ch if ch.isprintable() else " " for ch in line)
        self.ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        for subset, data in font(name).splitString(line, self._doc):
            if self._current != (name, subset, size):
                self.ops.append(f"{self._ref(name, subset)} {size:.4g} Tf")
                self._current = (name, subset, size)
            self.ops.append(f"({escapePDF(data)}) Tj")

    def block(self) -> str:
        """The collected operators as one black ``BT … ET`` block."""
        return "q 0 g BT\n" + "\n".join(self.ops) + "\nET Q"


def draw_string(
    canvas: Canvas, x: float, y: float, line: str, name: str, size: float, align: str = "left"
) -> None:
    """Draw one line with the fast operators; ``align`` is left, right or centre of ``x``."""
    if align != "left":
        width = text_width(line, name, size)
        x -= width if align == "right" else width / 2
    ops = TextOps(canvas)
    ops.show(x, y, line, name, size)
    internals(canvas)._code.append(ops.block())
