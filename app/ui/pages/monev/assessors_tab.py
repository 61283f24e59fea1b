"""Penilai: do the assessors of a component agree, and who scores more leniently or harshly?

For each multi-assessor component and each of its rubric aspects: ICC(2,1) and ICC(2,k) with
their 95 % intervals and Koo & Li's band, and Krippendorff's alpha (the service's figures,
``evaluation.assessor_figures``). For the entry chosen, a bar per assessor: their mean
deviation from the other assessors on the same participants, with lines at ±5 points, the
limit the tim monev flags.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarSet, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.scoring import Stage
from app.services.evaluation import DEVIATION_FLAG, ICC_FLAG

from . import charts
from .table import Cell, FigureTable, number, text
from .words import BANDS, count, fixed, interval, signed, signed_interval, word


class AssessorsTab(QWidget):
    """``entry_box`` chooses a component or aspect (``entry()``: ``(component, aspect)``,
    aspect ``""`` for the whole component); ``chart`` holds ``bar_set`` (one bar per name of
    ``assessor_names``) and the ``limit_lines``; ``agreement`` and ``assessors`` are the
    tables; ``empty_label`` shows when the stage has no component with several assessors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_label = QLabel(self.tr("&Komponen:"))
        self.entry_box = QComboBox()
        self.entry_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.entry_label.setBuddy(self.entry_box)
        self.view = charts.ChartView()
        self.chart = self.view.chart()
        # Many assessors make a tall chart: it scrolls rather than shortening their names.
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_scroll.setWidget(self.view)
        self.bar_set: QBarSet | None = None
        self.assessor_names: list[str] = []
        self.limit_lines: list[QLineSeries] = []
        self.method_label = QLabel()
        self.method_label.setWordWrap(True)
        self.method_label.setStyleSheet("color: #3d4452;")
        self.agreement = FigureTable()
        self.assessors = FigureTable()
        self.empty_label = QLabel(
            self.tr("Belum ada komponen tahap ini yang dinilai oleh lebih dari satu penilai.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #3d4452; padding: 24px;")
        self._components: dict[str, Any] = {}
        self._entries: list[tuple[str, str]] = []
        self._aspect_names: dict[tuple[str, str], str] = {}

        chooser = QHBoxLayout()
        chooser.addWidget(self.entry_label)
        chooser.addWidget(self.entry_box)
        chooser.addStretch(1)
        self.content = QWidget()
        left = QVBoxLayout()
        left.addLayout(chooser)
        left.addWidget(self.chart_scroll, 1)
        # The method under the agreement table it explains; the chart keeps the height.
        agreement_box = QWidget()
        agreement_layout = QVBoxLayout(agreement_box)
        agreement_layout.setContentsMargins(0, 0, 0, 0)
        agreement_layout.addWidget(self.agreement, 1)
        agreement_layout.addWidget(self.method_label)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(agreement_box)
        side.addWidget(self.assessors)
        side.setStretchFactor(0, 2)
        side.setStretchFactor(1, 3)
        side.setChildrenCollapsible(False)
        inner = QHBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(left, 9)
        inner.addWidget(side, 11)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.empty_label, 1)
        self.entry_box.activated.connect(lambda _index: self._show_entry())

    def show_stage(self, figures: dict[str, Any], stage: Stage) -> None:
        self._components = figures["components"]
        self._aspect_names = {(c.code, a.code): a.name for c in stage.components for a in c.aspects}
        # A multi-assessor component nobody has scored yet has nothing to show either.
        has = any(found["n_assessors"] for found in self._components.values())
        self.content.setVisible(has)
        self.empty_label.setVisible(not has)
        chosen = self.entry()
        self.entry_box.clear()
        self._entries = []
        rows: list[list[Cell]] = []
        names = {c.code: c.name for c in stage.components}
        for code, found in self._components.items():
            self.entry_box.addItem(self.tr("%1 — seluruh komponen").replace("%1", code))
            self._entries.append((code, ""))
            rows.append(self._agreement_row(code, found, strong=True, tip=names.get(code, "")))
            for aspect, inner in found.get("aspects", {}).items():
                name = self._aspect_names.get((code, aspect), aspect)
                self.entry_box.addItem(f"{code} · {name}")
                self._entries.append((code, aspect))
                rows.append(self._agreement_row("   " + name, inner))
        self.agreement.show_rows(
            [self.tr("Komponen / aspek"), self.tr("Peserta"), self.tr("ICC(2,1)"),
             self.tr("IK 95%"), self.tr("ICC(2,k)"), self.tr("Koo & Li"), "α"],
            rows,
            {1: self.tr("Peserta yang dinilai oleh sedikitnya dua penilai"),
             3: self.tr("Interval kepercayaan 95% dari ICC(2,1)"),
             5: self.tr("Kategori ICC(2,1) menurut Koo & Li (2016)"),
             6: self.tr("Alpha Krippendorff (data interval), atas semua nilai")},
        )  # fmt: skip
        index = self._entries.index(chosen) if chosen in self._entries else 0
        self.entry_box.setCurrentIndex(index)
        self._show_entry()

    def entry(self) -> tuple[str, str] | None:
        """The (component, aspect) shown; aspect ``""`` for the whole component."""
        index = self.entry_box.currentIndex()
        return self._entries[index] if 0 <= index < len(self._entries) else None

    def choose(self, component: str, aspect: str = "") -> None:
        self.entry_box.setCurrentIndex(self._entries.index((component, aspect)))
        self._show_entry()

    def _agreement_row(
        self, name: str, found: dict[str, Any], strong: bool = False, tip: str = ""
    ) -> list[Cell]:
        low = found["icc2_1"] is not None and found["icc2_1"] < ICC_FLAG
        tip = (
            self.tr("ICC(2,1) di bawah %1: kesepakatan penilai kurang dari baik.").replace(
                "%1", fixed(ICC_FLAG, 2)
            )
            if low
            else ""
        )
        panel = found.get("panel")
        panel_tip = (
            self.tr("Panel terbesar: %1 penilai, %2 peserta yang dinilai semuanya")
            .replace("%1", count(len(panel["assessors"])))
            .replace("%2", count(panel["n"]))
            if panel
            else ""
        )
        return [
            text(name, strong=strong, tip=" · ".join(t for t in (tip, panel_tip) if t)),
            number(count(found["n_participants"]), tip=panel_tip),
            number(fixed(found["icc2_1"]), flag=low, tip=tip),
            number(interval(found["ci95"])),
            number(fixed(found["icc2_k"])),
            text(word(BANDS, found["band"]) if found["band"] else "—", flag=low, tip=tip),
            number(fixed(found["krippendorff_alpha"])),
        ]

    def _show_entry(self) -> None:
        data = self.entry()
        if data is None or data[0] not in self._components:
            self.chart = self.view.fresh()
            self.bar_set = None
            self.assessor_names = []
            self.assessors.show_rows([], [])
            self.method_label.clear()
            return
        code, aspect = data
        found = self._components[code]
        if aspect:
            found = found["aspects"][aspect]
        ordered = sorted(found["assessors"].items(), key=lambda item: item[1]["deviation"])
        self._fill_chart(ordered)
        rows = []
        for name, assessor in reversed(ordered):
            flagged = bool(assessor["flag"])
            note = ""
            if flagged:
                note = (
                    self.tr("lebih longgar dari penilai lain")
                    if assessor["deviation"] > 0
                    else self.tr("lebih ketat dari penilai lain")
                )
            rows.append(
                [
                    text(name, flag=flagged),
                    number(signed(assessor["deviation"]), flag=flagged),
                    number(signed_interval(assessor["ci95"])),
                    number(count(assessor["n"])),
                    text(note, flag=flagged),
                ]
            )
        self.assessors.show_rows(
            [self.tr("Penilai"), self.tr("Selisih"), self.tr("IK 95%"), self.tr("Peserta"),
             self.tr("Catatan")],
            rows,
        )  # fmt: skip
        panel = found.get("panel")
        method = self.tr(
            "ICC(2,1) dan ICC(2,k): model acak dua arah, kesepakatan mutlak (Shrout & Fleiss "
            "1979), pada panel terbesar yang menilai peserta yang sama; kategori menurut Koo & "
            "Li (2016). Alpha Krippendorff (data interval) memakai semua nilai, juga peserta "
            "yang dinilai oleh susunan penilai lain. Selisih: rata-rata nilai penilai dikurangi "
            "rata-rata penilai lain pada peserta yang sama; ditandai bila lebih dari ± %1 poin."
        ).replace("%1", fixed(DEVIATION_FLAG, 0))
        if panel:
            method += " " + self.tr("Panel: %1 penilai, %2 peserta.").replace(
                "%1", count(len(panel["assessors"]))
            ).replace("%2", count(panel["n"]))
        self.method_label.setText(method)

    def _fill_chart(self, ordered: list[tuple[str, dict[str, Any]]]) -> None:
        self.chart = self.view.fresh()
        self.assessor_names = [name for name, _found in ordered]
        bar_set = QBarSet(self.tr("Selisih"))
        bar_set.append([float(found["deviation"]) for _name, found in ordered])
        bar_set.setColor(charts.BAR)
        bar_set.setSelectedColor(charts.FLAGGED)
        for index, (_name, found) in enumerate(ordered):
            if found["flag"]:
                bar_set.selectBar(index)
        series = QHorizontalBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.7)
        self.chart.addSeries(series)
        names = charts.category_axis(self.assessor_names, small=True)
        self.view.setMinimumHeight(charts.height_for_rows(len(self.assessor_names)))
        widest = max((abs(found["deviation"]) for _name, found in ordered), default=0.0)
        reach = charts.nice_top(max(widest, DEVIATION_FLAG) * 1.15)
        points = charts.value_axis(-reach, reach, "%.0f", ticks=5 if reach <= 10 else 7)
        points.setTitleText(self.tr("Selisih dari penilai lain (poin)"))
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(points, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(points)
        rows = charts.hidden_axis(-0.5, len(ordered) - 0.5)
        self.chart.addAxis(rows, Qt.AlignmentFlag.AlignRight)
        self.limit_lines = [
            charts.reference_line(
                self.chart,
                [(limit, -0.5), (limit, len(ordered) - 0.5)],
                self.tr("Batas ± %1 poin").replace("%1", fixed(DEVIATION_FLAG, 0)),
                (points, rows),
            )
            for limit in (-DEVIATION_FLAG, DEVIATION_FLAG)
        ]
        self.bar_set = bar_set
