"""The charts of the Laporan Monitoring dan Evaluasi, as ReportLab Drawings (issue #13).

Each function returns a ``Drawing`` of the given width, ready to be placed on a page
(``Drawing.drawOn``). The bars come from ``reportlab.graphics.charts`` with the axis range
fixed by us, so the marks drawn over them (the threshold line, the ±5 points and 0.8 lines,
the intervals' whiskers, the numbers at the bars' ends) are placed by the same linear scale
the chart uses. Every number is written the Indonesian way, and a label too long for its
room ends in "…" (the tables beside each chart carry the whole names).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Literal

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib.colors import Color, black, white

from app.messages.figures import fixed_text, percent_text, plain_number
from app.numbers import count_for_people
from app.reports import fonts
from app.reports.fonts import BOLD, REGULAR, clip_text, text_width

BAR = Color(0.27, 0.45, 0.66)
FLAGGED = Color(0.80, 0.33, 0.20)
QUIET = Color(0.72, 0.72, 0.72)
MARK = Color(0.75, 0.10, 0.10)
GRID_GREY = Color(0.55, 0.55, 0.55)

LABEL_SIZE = 7.5
ROW = 13.0
"""Height of one bar's row in the horizontal charts."""
MOST_ROWS = 40
"""Bars one horizontal chart holds; a longer list is drawn as several charts."""


def _label_room(labels: Sequence[str], width: float) -> float:
    """Room left of the bars for their labels: the longest, within two fifths of the width."""
    widest = max((text_width(label, REGULAR, LABEL_SIZE) for label in labels), default=0.0)
    return min(widest + 8, width * 0.4)


def _horizontal(
    labels: Sequence[str],
    values: Sequence[float],
    colours: Sequence[Color],
    width: float,
    low: float,
    high: float,
    step: float,
    tick: str,
    right_room: float,
) -> tuple[Drawing, HorizontalBarChart]:
    """Bars from ``low`` to ``high`` with the first label at the top; ``tick``: how the
    value axis writes a number (``count``, ``ratio``, ``points`` or ``percent``)."""
    fonts.register()
    left = _label_room(labels, width)
    height = ROW * len(labels) + 24
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    # The stubs type the geometry as whole points; whole points it is (the marks drawn over
    # the bars read the same values back).
    chart.x, chart.y = round(left), 16
    chart.width, chart.height = round(width - left - right_room), round(ROW * len(labels))
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = [
        clip_text(label, REGULAR, LABEL_SIZE, left - 6) for label in labels
    ]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.joinAxisMode = "left"
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = GRID_GREY
    chart.categoryAxis.visibleTicks = 0
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = low, high, step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.strokeColor = GRID_GREY
    chart.valueAxis.labelTextFormat = _tick(tick)
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = Color(0.88, 0.88, 0.88)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barWidth = 8
    chart.groupSpacing = 3
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BAR
    for index, colour in enumerate(colours):
        chart.bars[(0, index)].fillColor = colour
    drawing.add(chart)
    return drawing, chart


def _tick(kind: str) -> Callable[[float], str]:
    """How an axis writes its numbers; ReportLab calls it with each tick's value."""

    def count(value: float) -> str:
        return count_for_people(round(value))

    def ratio(value: float) -> str:
        return fixed_text(value, 1)

    def points(value: float) -> str:
        return plain_number(value)

    def percent(value: float) -> str:
        return percent_text(value, 0)

    return {"count": count, "ratio": ratio, "points": points, "percent": percent}[kind]


def _x(
    chart: HorizontalBarChart | VerticalBarChart, value: float, low: float, high: float
) -> float:
    return float(chart.x + (value - low) / (high - low) * chart.width)


def _row_y(chart: HorizontalBarChart, index: int, rows: int) -> float:
    """The centre of row ``index`` (0 at the top)."""
    return float(chart.y + chart.height - (index + 0.5) * chart.height / rows)


def _nice_step(span: float, most: int = 6) -> float:
    """A round step (1, 2 or 5 × 10^k) that cuts ``span`` into at most ``most`` parts."""
    if span <= 0:
        return 1.0
    raw = span / most
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return float(factor * power)
    return float(10 * power)


def funnel_chart(steps: Sequence[tuple[str, int]], width: float) -> Drawing:
    """The pass-rate funnel: one bar per step (registered, present, each threshold, all
    thresholds, within the quota), each with its count and its share of the registered."""
    total = max(steps[0][1], 1) if steps else 1
    top = max([total, *(count for _, count in steps)])
    step = _nice_step(top, 5)
    high = math.ceil(top / step) * step or 1.0
    labels = [label for label, _ in steps]
    drawing, chart = _horizontal(
        labels, [c for _, c in steps], [BAR] * len(steps), width, 0, high, step, "count", 62
    )
    for index, (_label, count) in enumerate(steps):
        text = f"{count_for_people(count)} ({percent_text(count / total, 1)})"
        y = _row_y(chart, index, len(steps)) - LABEL_SIZE * 0.35
        drawing.add(
            String(_x(chart, count, 0, high) + 3, y, text, fontName=REGULAR, fontSize=LABEL_SIZE)
        )
    return drawing


def histogram_chart(
    edges: Sequence[float], counts: Sequence[int], threshold: float | None, width: float
) -> Drawing:
    """The histogram over the component's scale; the threshold as a dashed red line."""
    fonts.register()
    height = 120.0
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 18
    chart.width, chart.height = round(width - 44), round(height - 30)
    chart.data = [list(counts)]
    chart.categoryAxis.categoryNames = [""] * len(counts)
    chart.categoryAxis.strokeColor = GRID_GREY
    chart.categoryAxis.visibleTicks = 0
    top = max([*counts, 1])
    step = _nice_step(top, 4)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = math.ceil(top / step) * step
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labelTextFormat = _tick("count")
    chart.valueAxis.strokeColor = GRID_GREY
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = Color(0.88, 0.88, 0.88)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.groupSpacing = 1
    chart.bars.strokeColor = white
    chart.bars.strokeWidth = 0.5
    chart.bars[0].fillColor = BAR
    drawing.add(chart)
    low, high = float(edges[0]), float(edges[-1])
    texts = [plain_number(edge) for edge in edges]
    slot = chart.width / max(len(counts), 1)
    every = 1
    while every < len(texts) and max(text_width(t, REGULAR, LABEL_SIZE) for t in texts) + 4 > (
        slot * every
    ):
        every += 1
    for index, (edge, text) in enumerate(zip(edges, texts, strict=True)):
        if index % every and index != len(texts) - 1:
            continue
        x = _x(chart, float(edge), low, high)
        drawing.add(Line(x, chart.y, x, chart.y - 2, strokeColor=GRID_GREY, strokeWidth=0.5))
        drawing.add(
            String(
                x, chart.y - 10, text, fontName=REGULAR, fontSize=LABEL_SIZE, textAnchor="middle"
            )
        )
    if threshold is not None and low <= threshold <= high:
        x = _x(chart, threshold, low, high)
        drawing.add(
            Line(x, chart.y, x, chart.y + chart.height + 4, strokeColor=MARK, strokeWidth=1.2,
                 strokeDashArray=[3, 2])
        )  # fmt: skip
        label = plain_number(threshold)
        anchor: Literal["start", "end"] = "end" if x > chart.x + chart.width * 0.8 else "start"
        shift = -3 if anchor == "end" else 3
        drawing.add(
            String(x + shift, chart.y + chart.height - 2, label, fontName=BOLD,
                   fontSize=LABEL_SIZE, fillColor=MARK, textAnchor=anchor)
        )  # fmt: skip
    return drawing


def deviation_chart(
    rows: Sequence[tuple[str, float, tuple[float, float] | None, bool]], limit: float, width: float
) -> Drawing:
    """Each assessor's mean deviation from the others (bar), its 95 % interval (whisker), and
    the ±``limit`` lines; a flagged assessor's bar is red."""
    reach = max(
        [limit * 1.4]
        + [abs(d) * 1.1 for _, d, _, _ in rows]
        + [abs(b) * 1.05 for _, _, ci, _ in rows if ci is not None for b in ci]
    )
    step = _nice_step(2 * reach, 8)
    high = math.ceil(reach / step) * step
    drawing, chart = _horizontal(
        [name for name, *_ in rows],
        [d for _, d, _, _ in rows],
        [FLAGGED if flagged else BAR for *_, flagged in rows],
        width,
        -high,
        high,
        step,
        "points",
        8,
    )
    for value in (-limit, limit):
        x = _x(chart, value, -high, high)
        drawing.add(
            Line(x, chart.y, x, chart.y + chart.height, strokeColor=MARK, strokeWidth=0.9,
                 strokeDashArray=[3, 2])
        )  # fmt: skip
    zero = _x(chart, 0, -high, high)
    drawing.add(
        Line(zero, chart.y, zero, chart.y + chart.height, strokeColor=black, strokeWidth=0.6)
    )
    _whiskers(drawing, chart, [ci for _, _, ci, _ in rows], -high, high)
    return drawing


def _whiskers(
    drawing: Drawing,
    chart: HorizontalBarChart,
    spans: Sequence[tuple[float, float] | None],
    low: float,
    high: float,
) -> None:
    """A whisker over each row's bar from one end of its span to the other (none: none)."""
    for index, span in enumerate(spans):
        if span is None:
            continue
        y = _row_y(chart, index, len(spans))
        x0, x1 = (_x(chart, max(low, min(high, b)), low, high) for b in span)
        drawing.add(Line(x0, y, x1, y, strokeColor=black, strokeWidth=0.8))
        for x in (x0, x1):
            drawing.add(Line(x, y - 2.5, x, y + 2.5, strokeColor=black, strokeWidth=0.8))


def weight_chart(
    rows: Sequence[tuple[str, float, tuple[float, float] | None]], width: float
) -> Drawing:
    """Each criterion's group weight (bar, a share of 1 written as a percentage at its end)
    with the span of the respondents' own weights (whisker, lowest to highest)."""
    top = max([0.1, *(w for _, w, _ in rows), *(s[1] for _, _, s in rows if s is not None)])
    step = _nice_step(top * 100, 5) / 100
    high = math.ceil(top / step - 1e-9) * step
    drawing, chart = _horizontal(
        [label for label, _, _ in rows],
        [w for _, w, _ in rows],
        [BAR] * len(rows),
        width,
        0,
        high,
        step,
        "percent",
        34,
    )
    _whiskers(drawing, chart, [span for _, _, span in rows], 0, high)
    for index, (_label, weight, span) in enumerate(rows):
        y = _row_y(chart, index, len(rows)) + 4.5
        x = _x(chart, max(weight, span[1] if span is not None else weight), 0, high) + 3
        drawing.add(
            String(x, y - LABEL_SIZE, percent_text(weight, 1), fontName=BOLD,
                   fontSize=LABEL_SIZE)
        )  # fmt: skip
    return drawing


def ratio_chart(rows: Sequence[tuple[str, float, bool]], limit: float, width: float) -> Drawing:
    """Each group's selection rate over the highest judged group's (bar; grey: too small to
    judge), with the four-fifths line and the ratio at each bar's end."""
    top = max([1.0, *(r for _, r, _ in rows)])
    step = max(0.2, _nice_step(top, 6))
    high = math.ceil(top / step - 1e-9) * step
    drawing, chart = _horizontal(
        [level for level, _, _ in rows],
        [r for _, r, _ in rows],
        [QUIET if small else (FLAGGED if r < limit else BAR) for _, r, small in rows],
        width,
        0,
        high,
        step,
        "ratio",
        30,
    )
    x = _x(chart, limit, 0, high)
    drawing.add(
        Line(x, chart.y, x, chart.y + chart.height, strokeColor=MARK, strokeWidth=0.9,
             strokeDashArray=[3, 2])
    )  # fmt: skip
    for index, (_level, ratio, _small) in enumerate(rows):
        y = _row_y(chart, index, len(rows)) - LABEL_SIZE * 0.35
        drawing.add(
            String(_x(chart, ratio, 0, high) + 3, y, fixed_text(ratio, 2), fontName=REGULAR,
                   fontSize=LABEL_SIZE)
        )  # fmt: skip
    return drawing
