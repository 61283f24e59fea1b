"""Sebaran nilai: how one component's scores spread over its scale (issue #13 §1).

The histogram is the service's (ten bins over the component's whole scale), with the
threshold and the mean as lines. Beside it the mean, SD and quartiles, and the two shares that
hint at trouble: a pile-up within two points of the threshold (scores adjusted to pass?) and
a share at the maximum (a test that no longer tells the best apart).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarSeries, QBarSet
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.scoring import Stage

from . import charts
from .table import FigureTable, number, text
from .words import DASH, count, fixed, percent


def _places(step: float) -> int:
    """Decimals an edge of the scale needs: ``17.5`` one, ``15`` none."""
    return 0 if float(step).is_integer() else 1 if (step * 10).is_integer() else 2


class DistributionTab(QWidget):
    """``component_box`` chooses; ``chart`` holds ``bar_set`` (the histogram's counts),
    ``threshold_line`` and ``mean_line``; ``statistics`` and ``bins`` are the tables."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.component_label = QLabel(self.tr("&Komponen:"))
        self.component_box = QComboBox()
        self.component_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.component_label.setBuddy(self.component_box)
        self.view = charts.ChartView(legend=True)
        self.chart = self.view.chart()
        self.bar_set: QBarSet | None = None
        self.threshold_line: Any = None
        self.mean_line: Any = None
        self.statistics = FigureTable()
        self.bins = FigureTable()
        self.empty_label = QLabel(self.tr("Belum ada nilai angka pada tahap ini."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #3d4452; padding: 24px;")
        self._figures: dict[str, Any] = {}
        self._stage: Stage | None = None

        chooser = QHBoxLayout()
        chooser.addWidget(self.component_label)
        chooser.addWidget(self.component_box)
        chooser.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(chooser)
        left.addWidget(self.view, 1)
        left.addWidget(self.empty_label, 1)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.statistics)
        side.addWidget(self.bins)
        side.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 11)
        layout.addWidget(side, 9)
        self.component_box.activated.connect(lambda _index: self._show_component())

    def show_stage(self, figures: dict[str, Any], stage: Stage) -> None:
        self._figures = figures["distributions"]
        self._stage = stage
        chosen = self.component_box.currentData()
        self.component_box.clear()
        for component in stage.components:
            if component.code in self._figures:
                self.component_box.addItem(f"{component.code} — {component.name}", component.code)
        index = self.component_box.findData(chosen)
        self.component_box.setCurrentIndex(max(index, 0))
        self._show_component()

    def choose(self, code: str) -> None:
        """Show ``code``'s distribution, as if chosen in the box."""
        self.component_box.setCurrentIndex(self.component_box.findData(code))
        self._show_component()

    def _show_component(self) -> None:
        code = self.component_box.currentData()
        found = self._figures.get(code) if code else None
        component = next(
            (c for c in (self._stage.components if self._stage else ()) if c.code == code), None
        )
        has = found is not None and component is not None
        self.view.setVisible(has)
        self.empty_label.setVisible(not has)
        self.statistics.setVisible(has)
        self.bins.setVisible(has)
        if found is None or component is None:
            self.chart = self.view.fresh()
            self.bar_set = self.threshold_line = self.mean_line = None
            return
        edges = [float(e) for e in found["histogram"]["edges"]]
        counts = [int(c) for c in found["histogram"]["counts"]]
        places = _places(edges[1] - edges[0]) if len(edges) > 1 else 0
        threshold = None if component.threshold is None else float(component.threshold)
        self._fill_chart(edges, counts, places, threshold, found["mean"])

        q1, median, q3 = found["quartiles"]
        near = found["near_threshold"]
        rows = [
            [text(self.tr("Peserta bernilai")), number(count(found["n"]))],
            [text(self.tr("Rata-rata")), number(fixed(found["mean"], 2))],
            [text(self.tr("Simpangan baku (SD)")), number(fixed(found["sd"], 2))],
            [text(self.tr("Kuartil 1")), number(fixed(q1, 2))],
            [text(self.tr("Median")), number(fixed(median, 2))],
            [text(self.tr("Kuartil 3")), number(fixed(q3, 2))],
            [text(self.tr("Ambang batas")),
             number(DASH if threshold is None else fixed(threshold, places))],
            [text(self.tr("Di sekitar ambang (± 2 poin)")), number(percent(near))],
            [text(self.tr("Tepat di bawah ambang (2 poin)")),
             number(percent(found["just_below_threshold"]))],
            [text(self.tr("Pada nilai maksimum")), number(percent(found["at_maximum"]))],
        ]  # fmt: skip
        self.statistics.show_rows(
            [self.tr("Ukuran"), self.tr("Nilai", "the value of a measure")], rows
        )
        last = len(counts) - 1
        bins = [
            [
                text(
                    f"{fixed(low, places)} – {fixed(high, places)}"
                    + (" " + self.tr("(termasuk batas atas)") if i == last else "")
                ),
                number(count(value)),
            ]
            for i, (low, high, value) in enumerate(zip(edges[:-1], edges[1:], counts, strict=True))
        ]
        self.bins.show_rows(
            [self.tr("Rentang nilai"), self.tr("Peserta")],
            bins,
            {0: self.tr("Batas bawah termasuk, batas atas tidak (kecuali rentang terakhir)")},
        )

    def _fill_chart(
        self,
        edges: list[float],
        counts: list[int],
        places: int,
        threshold: float | None,
        mean: float,
    ) -> None:
        self.chart = self.view.fresh()
        bar_set = QBarSet(self.tr("Peserta"))
        bar_set.append([float(c) for c in counts])
        bar_set.setColor(charts.BAR)
        series = QBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.96)
        self.chart.addSeries(series)
        # The bars sit on a hidden category axis; the visible axis is the score scale, the
        # same width, so a bar spans its bin and a line sits at its score.
        bins = charts.category_axis([str(i) for i in range(len(counts))])
        bins.setVisible(False)
        low, high = edges[0], edges[-1]
        scale = charts.value_axis(low, high, f"%.{places}f", ticks=len(edges))
        scale.setTitleText(self.tr("Nilai"))
        top = max(max(counts, default=0) * 1.1, 5.0)
        people = charts.value_axis(0, top, "%.0f", nice=True)
        top = people.max()
        people.setTitleText(self.tr("Peserta"))
        for axis, side in ((bins, Qt.AlignmentFlag.AlignBottom),
                           (scale, Qt.AlignmentFlag.AlignBottom),
                           (people, Qt.AlignmentFlag.AlignLeft)):  # fmt: skip
            self.chart.addAxis(axis, side)
        series.attachAxis(bins)
        series.attachAxis(people)
        self.threshold_line = None
        if threshold is not None:
            self.threshold_line = charts.reference_line(
                self.chart,
                [(threshold, 0), (threshold, top)],
                self.tr("Ambang batas %1").replace("%1", fixed(threshold, places)),
                (scale, people),
            )
        self.mean_line = charts.reference_line(
            self.chart,
            [(mean, 0), (mean, top)],
            self.tr("Rata-rata %1").replace("%1", fixed(mean, 2)),
            (scale, people),
            charts.MEAN,
            Qt.PenStyle.DotLine,
        )
        self.bar_set = bar_set
