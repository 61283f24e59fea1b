"""Alur peserta: how many applicants each step of the stage kept (issue #13 §1, flow).

The funnel reads top to bottom: registered, present, past each component's threshold (each
on its own: a participant below two thresholds is missing from both bars), within the quota.
Beside it the exact counts with their share of the registered, and the same per agency and
per formation (the competition ratio, and the formations nobody passed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarSet, QHorizontalBarSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.scoring import Stage

from . import charts
from .table import Cell, FigureTable, number, text
from .words import count, fixed, percent


class FlowTab(QWidget):
    """``chart`` with ``series`` (one ``bar_set``) beside ``measures``, and ``units`` /
    ``formations`` in a small tab of their own. ``funnel()`` reads the chart back as
    (category, value) pairs from the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = charts.ChartView()
        self.chart = self.view.chart()
        self.series: QHorizontalBarSeries | None = None
        self.bar_set: QBarSet | None = None
        self.categories: list[str] = []
        self.measures = FigureTable()
        self.units = FigureTable()
        self.formations = FigureTable()
        self.breakdown = QTabWidget()
        self.breakdown.addTab(self.units, self.tr("Per unit kerja"))
        self.breakdown.addTab(self.formations, self.tr("Per formasi"))
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.measures)
        side.addWidget(self.breakdown)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)
        side.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.view)
        layout.addLayout(left, 11)
        layout.addWidget(side, 9)

    def show_stage(self, figures: dict[str, Any], stage: Stage) -> None:
        flow = figures["flow"]
        registered = flow["registered"]
        names = {c.code: c.name for c in stage.components}
        steps: list[tuple[str, int, str]] = [
            (self.tr("Terdaftar"), registered, ""),
            (self.tr("Hadir"), flow["present"], ""),
        ]
        for code, passed in flow["passed_threshold"].items():
            steps.append(
                (self.tr("Lolos ambang %1").replace("%1", code), passed, names.get(code, code))
            )
        steps.append((self.tr("Dalam kuota"), flow["seats"]["within_quota"], ""))
        self._fill_chart(steps)

        def share(value: int) -> Cell:
            return number(percent(value / registered) if registered else "—")

        rows: list[list[Cell]] = [
            [text(label, tip=tip), number(count(value)), share(value)]
            for label, value, tip in steps
        ]
        rows.insert(2, [text(self.tr("Tidak hadir")), number(count(flow["absent"])),
                        share(flow["absent"])])  # fmt: skip
        for mark, value in flow["marked"].items():
            rows.append(
                [text(self.tr("Ditandai %1").replace("%1", mark)), number(count(value)),
                 share(value)]
            )  # fmt: skip
        rows.append([text(self.tr("Kebutuhan")),
                     number(count(flow["seats"]["kebutuhan"])), number("")])  # fmt: skip
        empty = flow["empty_formations"]
        rows.append(
            [
                text(
                    self.tr("Formasi tanpa peserta dalam kuota"),
                    flag=bool(empty),
                    tip=", ".join(item["formation"] for item in empty),
                ),
                number(count(len(empty)), flag=bool(empty)),
                number(""),
            ]
        )
        headers = [self.tr("Ukuran"), self.tr("Jumlah"), self.tr("% terdaftar")]
        self.measures.show_rows(headers, rows)

        self.units.show_rows(
            [self.tr("Unit kerja"), self.tr("Terdaftar"), self.tr("Dalam kuota"),
             self.tr("% dalam kuota")],
            [
                [text(unit if unit != "-" else self.tr("(tanpa unit kerja)")),
                 number(count(found["registered"])), number(count(found["selected"])),
                 number(percent(found["selected"] / found["registered"])
                        if found["registered"] else "—")]
                for unit, found in flow["units"].items()
            ],
        )  # fmt: skip
        empty_codes = {item["formation"] for item in empty}
        codes = sorted(set(flow["competition"]) | empty_codes)
        self.formations.show_rows(
            [self.tr("Formasi"), self.tr("Peserta per kursi"), self.tr("Catatan")],
            [
                [
                    text(code),
                    number(
                        fixed(flow["competition"][code], 1) if code in flow["competition"] else "—"
                    ),
                    text(
                        self.tr("tidak ada peserta dalam kuota") if code in empty_codes else "",
                        flag=code in empty_codes,
                    ),
                ]
                for code in codes
            ],
        )

    def funnel(self) -> list[tuple[str, float]]:
        """The bars as shown, top first."""
        if self.bar_set is None:
            return []
        values = [self.bar_set.at(i) for i in range(self.bar_set.count())]
        return list(zip(self.categories, reversed(values), strict=True))

    def _fill_chart(self, steps: list[tuple[str, int, str]]) -> None:
        self.chart = self.view.fresh()
        self.categories = [label for label, _value, _tip in steps]
        bar_set = QBarSet(self.tr("Peserta"))
        # QtCharts draws the first category at the bottom and ignores a reversed category
        # axis: the funnel is handed over bottom first, so it reads from the top.
        bar_set.append([float(value) for _label, value, _tip in reversed(steps)])
        bar_set.setColor(charts.BAR)
        bar_set.setLabelColor(Qt.GlobalColor.black)
        series = QHorizontalBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        self.chart.addSeries(series)
        names = charts.category_axis(list(reversed(self.categories)))
        top = max((value for _label, value, _tip in steps), default=0)
        values = charts.value_axis(0, max(top * 1.12, 5), "%.0f", nice=True)
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
        self.series = series
        self.bar_set = bar_set
