"""A fast ruled table drawn straight into the page's content stream.

ReportLab's ``Table`` measures every cell of the whole table again each time it splits at a
page end, which is quadratic in the number of rows, and ``canvas.drawString`` costs about
15 µs per cell. A 100,000-row announcement has close to a million cells, so this drawer does
the minimum: column widths are fixed in advance, each row is measured once (a name that is too
long wraps and makes its row taller, a number that is too wide is set smaller), and each page's
text goes out as one ``BT … ET`` block of ``Tm``/``Tj`` operators, ASCII text without
per-character encoding. Memory holds one page of operators at a time.

The header row is repeated at the top of every page the table reaches, after an optional
``continuation`` callback (the announcement repeats the formation heading there).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from app.reports import fonts
from app.reports.fonts import BOLD, REGULAR, TextOps, cut_lines, text_width, wrap_text
from app.reports.layout import Flow
from app.reports.model import ResultTable

Align = Literal["left", "right", "center", "signature"]

#: Most lines a cell wraps to. A name of 200 characters (the import's limit) takes at most a
#: dozen in the narrowest name column; a longer text already in a database (or an address)
#: ends in "…" there, so a row always fits on a page and drawing stays linear in the text.
MAX_CELL_LINES = 20
_Cell = tuple[list[str], float, float]
"""A measured cell: its lines, font size, and width when it is one line (else -1)."""


@dataclass(frozen=True)
class Column:
    """A column: header label, width in points, alignment.

    ``"signature"`` is the Indonesian signature column: the row number is printed at the left
    for odd rows and in the middle for even rows, so neighbours sign in staggered places.
    """

    label: str
    width: float
    align: Align = "left"


@dataclass(frozen=True)
class GridStyle:
    """Sizes of a table; ``min_row_height`` makes rooms to write in by hand."""

    size: float = 9.0
    leading: float = 10.8
    header_size: float = 8.5
    header_leading: float = 10.0
    pad_x: float = 3.0
    pad_y: float = 2.2
    min_row_height: float = 0.0
    line_width: float = 0.5
    header_grey: float = 0.87
    min_size: float = 5.5


class Grid:
    """A ruled table with fixed columns, drawn onto a ``Flow`` page by page."""

    def __init__(self, columns: Sequence[Column], style: GridStyle | None = None) -> None:
        fonts.register()
        self.columns = tuple(columns)
        self.style = style or GridStyle()
        s = self.style
        self.width = sum(c.width for c in self.columns)
        self._edges: list[float] = [0.0]
        for column in self.columns:
            self._edges.append(self._edges[-1] + column.width)
        self._header = [
            wrap_text(c.label, BOLD, s.header_size, c.width - 2 * s.pad_x) for c in self.columns
        ]
        self.header_height = max(len(h) for h in self._header) * s.header_leading + 2 * s.pad_y
        self.single_row_height = max(s.leading + 2 * s.pad_y, s.min_row_height)
        # Baseline below the top of a line box: centre the glyphs' ascent+descent in it.
        self._base = (s.leading - 0.94 * s.size) / 2 + 0.73 * s.size
        self._header_base = (s.header_leading - 0.94 * s.header_size) / 2 + 0.73 * s.header_size

    # ------------------------------------------------------------------ measuring

    def _layout(self, row: Sequence[str], font: str) -> tuple[float, list[_Cell]]:
        """Lines, font size and (single-line) width of each cell, and the row's height."""
        s = self.style
        cells: list[_Cell] = []
        most = 1
        for column, value in zip(self.columns, row, strict=False):
            avail = column.width - 2 * s.pad_x
            if "\n" in value and column.align == "left":
                lines = [
                    p
                    for part in value.split("\n")[:MAX_CELL_LINES]
                    for p in wrap_text(part, font, s.size, avail, MAX_CELL_LINES)
                ]
                if len(lines) > MAX_CELL_LINES:
                    lines = cut_lines(
                        lines[: MAX_CELL_LINES - 1], lines[MAX_CELL_LINES - 1], font, s.size, avail
                    )
                most = max(most, len(lines))
                cells.append((lines, s.size, -1.0))
                continue
            width = text_width(value, font, s.size)
            if width <= avail:
                cells.append(([value], s.size, width))
            elif column.align == "left":
                lines = wrap_text(value, font, s.size, avail, MAX_CELL_LINES)
                most = max(most, len(lines))
                cells.append((lines, s.size, -1.0))
            elif s.size * avail / width >= s.min_size:  # numbers and codes: set smaller
                cells.append(([value], s.size * avail / width, avail))
            else:  # …within reason, then wrapped like text
                lines = wrap_text(value, font, s.size, avail, MAX_CELL_LINES)
                most = max(most, len(lines))
                cells.append((lines, s.size, -1.0))
        height = max(most * s.leading + 2 * s.pad_y, s.min_row_height)
        return height, cells

    def height_of(self, row: Sequence[str]) -> float:
        """Height of ``row`` when drawn (so callers can keep a heading with its first row)."""
        return self._layout(row, REGULAR)[0]

    # ------------------------------------------------------------------ drawing

    def draw(
        self,
        flow: Flow,
        rows: Iterable[Sequence[str]],
        *,
        continuation: Callable[[Flow], None] | None = None,
        total_row: tuple[str, ...] | None = None,
        total_span: int = 1,
        progress: Callable[[int], None] | None = None,
        number_from: int = 1,
        keep_tail: int = 2,
    ) -> int:
        """Draw the header and ``rows`` from ``flow.y`` on, turning pages as needed.

        ``total_row`` is a bold last row whose first cell spans ``total_span`` columns.
        ``progress(n)`` is called after each page with the rows drawn so far. Returns the
        number of rows drawn. The caller keeps any heading together with the header and the
        first row (``header_height + height_of(first)``). When ``rows`` is a sequence, its
        last ``keep_tail`` rows (and the total) are not split from each other: a page never
        starts with a lone last row.
        """
        canvas = flow.canvas
        text = TextOps(canvas)
        x0 = flow.x
        state = _Segment()
        self._begin(flow, text, state)
        count = 0
        width = len(self.columns)
        sequence = rows if isinstance(rows, Sequence) else None
        tail_from = len(sequence) - keep_tail if sequence is not None else -1
        for row in rows:
            if len(row) != width:
                raise ValueError(f"row {number_from + count} has {len(row)} cells, not {width}")
            height, cells = self._layout(row, REGULAR)
            if sequence is not None and count == tail_from and count >= keep_tail:
                needed = self._tail_height(sequence[count:], total_row, total_span)
            else:
                needed = height
            if flow.y - needed < flow.bottom - 0.01:
                self._end(flow, text, state)
                if progress is not None:
                    progress(count)
                flow.new_page()
                if continuation is not None:
                    continuation(flow)
                self._begin(flow, text, state)
            self._emit(text, x0, flow.y, height, cells, REGULAR, number_from + count)
            flow.y -= height
            state.rules.append(flow.y)
            count += 1
        if total_row is not None:
            height, cells = self._total_layout(total_row, total_span)
            if flow.y - height < flow.bottom - 0.01:
                self._end(flow, text, state)
                flow.new_page()
                if continuation is not None:
                    continuation(flow)
                self._begin(flow, text, state)
            if total_span > 1:
                state.spans.append((flow.y, flow.y - height, total_span))
            self._emit(text, x0, flow.y, height, cells, BOLD, 0, span=total_span)
            flow.y -= height
            state.rules.append(flow.y)
        self._end(flow, text, state)
        if progress is not None:
            progress(count)
        return count

    def _tail_height(
        self, rows: Sequence[Sequence[str]], total_row: tuple[str, ...] | None, span: int
    ) -> float:
        height = sum(self.height_of(row) for row in rows)
        if total_row is not None:
            height += self._total_layout(total_row, span)[0]
        return height

    def _total_layout(self, total_row: tuple[str, ...], span: int) -> tuple[float, list[_Cell]]:
        """The bold total row; its label spans ``span`` columns, so it is measured apart."""
        if span <= 1:
            return self._layout(total_row, BOLD)
        label = total_row[0]
        height, cells = self._layout(("", *([""] * (span - 1)), *total_row[1:]), BOLD)
        cells[0] = ([label], self.style.size, text_width(label, BOLD, self.style.size))
        return height, cells

    def _begin(self, flow: Flow, text: TextOps, state: _Segment) -> None:
        s = self.style
        text.reset()
        state.top = flow.y
        state.rules = [flow.y]
        state.spans = []
        base = flow.y - s.pad_y - self._header_base
        for column, lines, left in zip(self.columns, self._header, self._edges, strict=False):
            block = len(lines) * s.header_leading
            y = base - (self.header_height - 2 * s.pad_y - block) / 2
            for line in lines:
                w = text_width(line, BOLD, s.header_size)
                text.show(flow.x + left + (column.width - w) / 2, y, line, BOLD, s.header_size)
                y -= s.header_leading
        flow.y -= self.header_height
        state.rules.append(flow.y)

    def _emit(
        self,
        text: TextOps,
        x0: float,
        top: float,
        height: float,
        cells: list[_Cell],
        font: str,
        number: int,
        span: int = 1,
    ) -> None:
        s = self.style
        leading = s.leading
        pad = s.pad_x
        edges = self._edges
        for index, (column, (lines, size, known)) in enumerate(
            zip(self.columns, cells, strict=False)
        ):
            if not lines[0] and len(lines) == 1:
                continue
            left = x0 + edges[index]
            width = edges[index + 1] - edges[index] if index or span == 1 else self._edges[span]
            y = top - (height - len(lines) * leading) / 2 - self._base
            if size != s.size:  # a smaller size sits higher to stay centred in the line
                y += (s.size - size) * 0.26
            align = column.align
            for line in lines:
                if align == "left" and not (index == 0 and span > 1):
                    text.show(left + pad, y, line, font, size)
                    y -= leading
                    continue
                if align == "signature":  # odd rows sign at the left, even rows in the middle
                    x = left + pad if number % 2 else left + width / 2
                else:
                    w = known if known >= 0 else text_width(line, font, size)
                    if align == "right" and not (index == 0 and span > 1):
                        x = left + width - pad - w
                    else:
                        x = left + (width - w) / 2
                text.show(x, y, line, font, size)
                y -= leading

    def _end(self, flow: Flow, text: TextOps, state: _Segment) -> None:
        s = self.style
        x0 = flow.x
        x1 = x0 + self.width
        bottom = state.rules[-1]
        header_bottom = state.rules[1]
        ops = [
            f"q {s.header_grey:.3g} g {x0:.2f} {header_bottom:.2f} {self.width:.2f} "
            f"{state.top - header_bottom:.2f} re f Q",
            f"q 0 G {s.line_width:.2g} w",
        ]
        ops.extend(f"{x0:.2f} {y:.2f} m {x1:.2f} {y:.2f} l" for y in state.rules)
        span_top, span = (state.spans[-1][0], state.spans[-1][2]) if state.spans else (0.0, 0)
        for index, edge in enumerate(self._edges):
            x = x0 + edge
            low = span_top if 0 < index < span else bottom  # the spanning cell is the last row
            ops.append(f"{x:.2f} {state.top:.2f} m {x:.2f} {low:.2f} l")
        ops.append("S")
        ops.append("Q")
        ops.append(text.block())
        flow.canvas._code.append("\n".join(ops))
        text.reset()


class _Segment:
    """The part of a table on one page: its top, horizontal rules and spanning cells."""

    __slots__ = ("rules", "spans", "top")

    def __init__(self) -> None:
        self.top = 0.0
        self.rules: list[float] = []
        self.spans: list[tuple[float, float, int]] = []


def fit_widths(
    labels: Sequence[str],
    sample: Iterable[Sequence[str]],
    available: float,
    *,
    rigid: frozenset[int] = frozenset(),
    style: GridStyle | None = None,
) -> list[float]:
    """Column widths for ``available`` points, decided once from the labels and a sample.

    Every column gets at least its widest word (header or sample). Columns in ``rigid``
    (numbers, codes) never wrap, so they get their widest cell. The wrapping columns (names,
    notes) ask for their widest cell scaled by how often the column is filled, so a notes
    column that is mostly empty does not take room from the names (yet at least half its
    widest cell, two lines); if all requests fit, the
    spare room is shared in proportion, otherwise ``_water_fill`` decides. Fixing widths up
    front is what lets each row be drawn once.
    """
    s = style or GridStyle()
    pad = 2 * s.pad_x + 0.5
    count = len(labels)
    minimum = [0.0] * count
    natural = [0.0] * count
    for index, label in enumerate(labels):
        words = [text_width(w, BOLD, s.header_size) for w in label.split()] or [0.0]
        minimum[index] = max(words) + pad
    seen: list[list[float]] = [[] for _ in range(count)]
    spaced = [False] * count
    for row in sample:
        for index, value in enumerate(row[:count]):
            width = text_width(value, REGULAR, s.size) + pad
            seen[index].append(width)
            spaced[index] = spaced[index] or " " in value.strip()
            if index in rigid:
                minimum[index] = max(minimum[index], width)
            else:
                longest = max((text_width(w, REGULAR, s.size) for w in value.split()), default=0)
                minimum[index] = max(minimum[index], min(longest + pad, available * 0.3))
    for index, widths in enumerate(seen):
        filled = sorted(w for w in widths if w > pad)
        if not filled:
            natural[index] = minimum[index]
        elif index in rigid:
            natural[index] = max(minimum[index], filled[-1])
        else:  # a mostly empty column (notes) asks for less room than a full one (names),
            # but enough for its longest cell on two lines: a note broken into one word per
            # line ("nilai sama — menurut TIU") is hard to read
            share = filled[-1] * len(filled) / len(widths)
            natural[index] = max(minimum[index], share, filled[-1] / 2 + pad)
    # Spare room goes where it shortens rows: to columns of several words (names, notes),
    # not to one-word columns such as participant numbers, which gain nothing from it.
    flexible = (
        [i for i in range(count) if i not in rigid and spaced[i]]
        or [i for i in range(count) if i not in rigid]
        or list(range(count))
    )
    if sum(natural) <= available:
        extra = available - sum(natural)
        share = sum(natural[i] for i in flexible)
        return [
            natural[i] + (extra * natural[i] / share if i in flexible else 0.0)
            for i in range(count)
        ]
    if sum(minimum) <= available:
        return _water_fill(minimum, natural, available)
    scale = available / sum(minimum)
    return [m * scale for m in minimum]


def _water_fill(minimum: list[float], natural: list[float], available: float) -> list[float]:
    """Widths between ``minimum`` and ``natural`` summing to ``available``: the room left over
    the minimums is shared equally, and a column that needs less than its share gets exactly
    what it needs, so short columns (names) stay on one line and the widest one wraps."""
    widths = list(minimum)
    open_columns = [i for i in range(len(widths)) if natural[i] > minimum[i]]
    left = available - sum(widths)
    while open_columns and left > 1e-6:
        share = left / len(open_columns)
        satisfied = [i for i in open_columns if natural[i] - widths[i] <= share]
        if not satisfied:
            for i in open_columns:
                widths[i] += share
            break
        for i in satisfied:
            left -= natural[i] - widths[i]
            widths[i] = natural[i]
        open_columns = [i for i in open_columns if i not in satisfied]
    return widths


def results_grid(table: ResultTable, sample: Iterable[Sequence[str]], available: float) -> Grid:
    """The grid for a results table: numbers right, codes centred, the rest left and wrapping."""
    rigid = table.numeric | table.centered
    widths = fit_widths(table.columns, sample, available, rigid=rigid)
    columns = []
    for index, (label, width) in enumerate(zip(table.columns, widths, strict=True)):
        align: Align = "left"
        if index in table.numeric:
            align = "right"
        elif index in table.centered:
            align = "center"
        columns.append(Column(label, width, align))
    return Grid(columns)
