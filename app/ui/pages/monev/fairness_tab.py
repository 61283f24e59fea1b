"""Keadilan: were groups of applicants selected at like rates? (issue #13 §1, fairness)

One bar per group (sex, age band, education, local or not): its impact ratio, the lowest
selection rate among its levels divided by the highest, with the four-fifths line of the
Uniform Guidelines (29 CFR 1607.4(D)). A group whose levels are too small to judge has no
ratio and says so. Beside it every level's applicants, selected and rate, and the group's
Fisher exact p-value.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarSeries, QBarSet, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.scoring.monev.fairness import FOUR_FIFTHS, SMALL_GROUP

from . import charts
from .table import Cell, FigureTable, number, text
from .words import GROUPS, LEVELS, count, fixed, p_value, percent, word

AGE_ORDER = ("<25", "25-29", "30-34", "35+")


def _level_order(level: str) -> tuple[int, str]:
    """Age bands youngest first; every other level alphabetically."""
    return (AGE_ORDER.index(level), "") if level in AGE_ORDER else (len(AGE_ORDER), level)


class FairnessTab(QWidget):
    """``chart`` holds ``bar_set`` (the impact ratio of each group of ``charted``: those
    that could be judged) and ``four_fifths_line``; ``rates`` is the table of every group of
    ``groups``; ``note_label`` says how to read it, which groups have no ratio, and why the
    local group is missing, if it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = charts.ChartView()
        self.chart = self.view.chart()
        self.bar_set: QBarSet | None = None
        self.groups: list[str] = []
        self.charted: list[str] = []
        self.four_fifths_line: QLineSeries | None = None
        self.rates = FigureTable()
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #3d4452;")
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(self.note_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 9)
        layout.addWidget(self.rates, 11)

    def show_stage(self, figures: dict[str, Any], local_code: str) -> None:
        fairness = figures["fairness"]
        self.groups = [key for key in GROUPS if key in fairness]
        self.charted = [key for key in self.groups if fairness[key]["impact_ratio"] is not None]
        self._fill_chart(fairness)
        rows: list[list[Cell]] = []
        small_tip = self.tr("terlalu kecil untuk dinilai (< %1 pelamar)").replace(
            "%1", count(SMALL_GROUP)
        )
        adverse_tip = self.tr("di bawah empat perlima: patut diperiksa")
        for key in self.groups:
            found = fairness[key]
            ratio = found["impact_ratio"]
            adverse = bool(found["adverse"])
            rows.append(
                [
                    text(word(GROUPS, key), strong=True),
                    number(""),
                    number(""),
                    number(""),
                    number(
                        fixed(ratio, 2) if ratio is not None else self.tr("tidak dinilai"),
                        flag=adverse,
                        tip=adverse_tip if adverse else "",
                        strong=True,
                    ),
                    number(p_value(found["fisher_p"]), strong=True),
                ]
            )
            small = set(found["too_small"])
            for level in sorted(found["levels"], key=_level_order):
                counts = found["levels"][level]
                mark = " *" if level in small else ""
                tip = small_tip if level in small else ""
                rows.append(
                    [
                        text("   " + word(LEVELS, level) + mark, tip=tip),
                        number(count(counts["applicants"]), tip=tip),
                        number(count(counts["selected"])),
                        number(percent(counts["rate"])),
                        number(""),
                        number(""),
                    ]
                )
        self.rates.show_rows(
            [self.tr("Kelompok / tingkat"), self.tr("Pelamar"), self.tr("Terpilih"),
             self.tr("Tingkat terpilih"), self.tr("Rasio dampak"), self.tr("p Fisher")],
            rows,
            {4: self.tr("Tingkat terpilih terendah dibagi yang tertinggi"),
             5: self.tr("Uji eksak Fisher, terendah lawan tertinggi, dua sisi")},
        )  # fmt: skip
        note = self.tr(
            "Rasio dampak: tingkat terpilih terendah dibagi yang tertinggi di antara tingkat "
            "yang cukup besar (≥ %1 pelamar). Di bawah %2 (empat perlima, 29 CFR 1607.4(D)) "
            "patut diperiksa; p Fisher menunjukkan seberapa mungkin selisih itu terjadi "
            "kebetulan. Terpilih: dalam kuota tahap ini. * kurang dari %1 pelamar: "
            "ditampilkan, tidak dinilai."
        )
        note = note.replace("%1", count(SMALL_GROUP)).replace("%2", fixed(FOUR_FIFTHS, 1))
        unjudged = [word(GROUPS, key) for key in self.groups if key not in self.charted]
        if unjudged:
            note += " " + self.tr("Tanpa rasio (kurang dari dua tingkat yang cukup besar): %1.")
            note = note.replace("%1", ", ".join(unjudged))
        if not local_code:
            note += " " + self.tr(
                "Kelompok asal daerah muncul setelah kode wilayah instansi diisi di atas."
            )
        self.note_label.setText(note)

    def _fill_chart(self, fairness: dict[str, Any]) -> None:
        self.chart = self.view.fresh()
        labels = []
        values = []
        bar_set = QBarSet(self.tr("Rasio dampak"))
        bar_set.setColor(charts.BAR)
        bar_set.setSelectedColor(charts.FLAGGED)
        for key in self.charted:
            labels.append(word(GROUPS, key))
            values.append(float(fairness[key]["impact_ratio"]))
        bar_set.append(values)
        for index, key in enumerate(self.charted):
            if fairness[key]["adverse"]:
                bar_set.selectBar(index)
        series = QBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.55)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(2)
        bar_set.setLabelColor(Qt.GlobalColor.white)
        self.chart.addSeries(series)
        names = charts.category_axis(labels)
        ratios = charts.value_axis(0, 1.2, "%.1f", ticks=7)
        ratios.setTitleText(self.tr("Rasio dampak"))
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(ratios, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(ratios)
        span = charts.hidden_axis(-0.5, max(len(labels), 1) - 0.5)
        self.chart.addAxis(span, Qt.AlignmentFlag.AlignTop)
        self.four_fifths_line = charts.reference_line(
            self.chart,
            [(-0.5, FOUR_FIFTHS), (max(len(labels), 1) - 0.5, FOUR_FIFTHS)],
            self.tr("Empat perlima"),
            (span, ratios),
        )
        self.bar_set = bar_set
