"""The pieces every chart of the Monev page is made of (PySide6.QtCharts).

A chart here is read beside its table, on a 1366 × 768 laptop: no animation, no title (the
tab and the chooser above it say what it is), numbers in the interface language's convention
(``words.chart_locale``: QtCharts localizes axis and bar labels itself), and reference lines
(a threshold, ±5 points, four fifths) as dashed straight series on axes of their own, so a
line sits exactly at its value whatever the bars' categories are.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .words import chart_locale

BAR = QColor("#3f6e9c")
"""The bars: the navigation's blue."""
FLAGGED = QColor("#c0392b")
"""A bar beyond a limit (an assessor past ±5 points, a ratio below four fifths)."""
LIMIT = QColor("#c0392b")
MEAN = QColor("#5a6170")


def new_chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setLocalizeNumbers(True)
    chart.setLocale(chart_locale())
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class ChartView(QChartView):
    """A chart that keeps a readable size and draws smooth lines. ``fresh()`` puts a new,
    empty chart in the view for each load: QtCharts can leave a removed axis painted on a
    chart that was hidden (another tab) when it was refilled, so a chart is never refilled."""

    def __init__(self, legend: bool = False, parent: QWidget | None = None) -> None:
        self._legend = legend
        super().__init__(self._new_chart(), parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _new_chart(self) -> QChart:
        chart = new_chart()
        chart.legend().setVisible(self._legend)
        return chart

    def fresh(self) -> QChart:
        old = self.chart()
        chart = self._new_chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        return chart


def value_axis(
    low: float, high: float, label_format: str = "%.0f", ticks: int = 6, *, nice: bool = False
) -> QValueAxis:
    """``nice``: let Qt round the range and choose the ticks (counts of people)."""
    axis = QValueAxis()
    axis.setRange(low, high)
    axis.setLabelFormat(label_format)
    axis.setTickCount(ticks)
    if nice:
        axis.applyNiceNumbers()
    small = QFont(axis.labelsFont())
    small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
    axis.setLabelsFont(small)
    return axis


def category_axis(categories: Sequence[str], *, small: bool = False) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(categories))
    axis.setGridLineVisible(False)
    if small:
        font = QFont(axis.labelsFont())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        axis.setLabelsFont(font)
    return axis


ROW_HEIGHT = 25
"""Pixels a label of a vertical category axis needs: QtCharts shortens every label to "…"
once its rows are closer than that, so a chart of many names grows and scrolls instead."""


def height_for_rows(rows: int, frame: int = 66) -> int:
    """The height a chart of ``rows`` horizontal bars needs for all its names to show."""
    return max(260, rows * ROW_HEIGHT + frame)


def hidden_axis(low: float, high: float) -> QValueAxis:
    """An axis that only places a reference line (its labels are the visible axis's)."""
    axis = QValueAxis()
    axis.setRange(low, high)
    axis.setVisible(False)
    return axis


def reference_line(
    chart: QChart,
    points: Sequence[tuple[float, float]],
    name: str,
    axes: Sequence[QAbstractAxis],
    colour: QColor = LIMIT,
    style: Qt.PenStyle = Qt.PenStyle.DashLine,
) -> QLineSeries:
    """A straight dashed line through ``points`` on ``axes`` (horizontal and vertical)."""
    line = QLineSeries()
    line.setName(name)
    for x, y in points:
        line.append(QPointF(x, y))
    pen = QPen(colour)
    pen.setWidthF(1.6)
    pen.setStyle(style)
    line.setPen(pen)
    chart.addSeries(line)
    for axis in axes:
        line.attachAxis(axis)
    return line


def nice_top(value: float) -> float:
    """An axis end a little above ``value`` that ends on a round number."""
    if value <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if value / step <= 8:
            return float(step * (int(value / step) + 1))
    magnitude = 10 ** (len(str(int(value))) - 1)
    return float(magnitude * (int(value / magnitude) + 1))
