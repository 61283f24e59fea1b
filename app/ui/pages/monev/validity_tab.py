"""Validitas: do the selection's scores predict later performance? (issue #13 §1)

Spearman's rho of each component of the last stage, and of the final score, with the latest
imported performance (SKP predikat as ranks, or a score), with n and the 95 % interval, beside
the published reference validities (Sackett, Zhang, Berry & Lievens 2022). Only those
selected have performance data, so the note says in plain words why the coefficients here
run lower than the references. Without performance data the tab says how to import it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarSet, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.scoring import Scheme

from . import charts
from .table import FigureTable, number, text
from .words import REFERENCES, count, fixed, interval, p_value, word

FINAL = "NILAI_AKHIR"


class ValidityTab(QWidget):
    """``empty_label`` until performance data exists; then ``chart`` (``bar_set``: rho per
    code of ``codes``, the last code first, as drawn from the bottom; ``interval_lines`` the
    95 % intervals), ``validity``, ``reference`` and ``note_label``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setStyleSheet("color: #3d4452; padding: 24px;")
        self.view = charts.ChartView()
        self.chart = self.view.chart()
        self.bar_set: QBarSet | None = None
        self.codes: list[str] = []
        self.interval_lines: list[QLineSeries] = []
        self.validity = FigureTable()
        self.reference = FigureTable()
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #3d4452;")
        self.content = QWidget()
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.validity)
        side.addWidget(self.reference)
        side.setChildrenCollapsible(False)
        right = QVBoxLayout()
        right.addWidget(side, 1)
        right.addWidget(self.note_label)
        inner = QHBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.view, 9)
        inner.addLayout(right, 11)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.empty_label, 1)

    def show_figures(self, figures: dict[str, Any], scheme: Scheme, may_import: bool) -> None:
        found = figures.get("validity")
        if not found:
            self.content.hide()
            self.empty_label.show()
            self.empty_label.setText(self._empty_text(may_import))
            self.chart = self.view.fresh()
            self.bar_set = None
            self.codes = []
            return
        self.empty_label.hide()
        self.content.show()
        names = {FINAL: self.tr("Nilai akhir")}
        for stage in scheme.stages:
            names[stage.code] = stage.name
            names.update({c.code: c.name for c in stage.components})
        codes = sorted(found, key=lambda code: (code == FINAL, code))
        self.codes = codes
        self.validity.show_rows(
            [self.tr("Komponen"), self.tr("rho Spearman"), self.tr("n"), self.tr("IK 95%"),
             self.tr("p")],
            [
                [text(f"{code} — {names.get(code, code)}" if code != FINAL else names[FINAL],
                      strong=code == FINAL),
                 number(fixed(found[code]["rho"], 2)), number(count(found[code]["n"])),
                 number(interval(found[code]["ci95"], 2)), number(p_value(found[code]["p"]))]
                for code in codes
            ],
        )  # fmt: skip
        reference = figures.get("validity_reference", {})
        self.reference.show_rows(
            [self.tr("Jenis tes (rujukan)"), self.tr("Validitas rujukan")],
            [[text(word(REFERENCES, key)), number(fixed(value, 2))]
             for key, value in reference.items()],
        )  # fmt: skip
        self.note_label.setText(
            self.tr(
                "Hanya peserta yang diterima yang punya data kinerja, jadi nilai mereka "
                "berdekatan (rentang terbatas). Karena itu korelasi di sini biasanya lebih kecil "
                "daripada daya ramal tes yang sebenarnya pada seluruh pelamar; angka rujukan "
                "(Sackett, Zhang, Berry & Lievens 2022) sudah dikoreksi untuk hal itu. Baca arah "
                "dan besarnya dengan hati-hati, terutama bila n kecil dan rentang IK lebar."
            )
        )
        self._fill_chart(found, codes)

    def _empty_text(self, may_import: bool) -> str:
        how = self.tr(
            "Validitas prediktif membandingkan nilai seleksi dengan kinerja (SKP) peserta yang "
            "diterima, setahun atau lebih kemudian. Berkasnya (CSV atau XLSX) berisi satu baris "
            "per peserta dan tahun: <b>nomor_peserta</b> (atau <b>nik</b>), <b>tahun</b>, dan "
            "<b>predikat</b> (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang) atau "
            "<b>nilai</b>."
        )
        if may_import:
            action = self.tr("Impor dengan tombol <b>Impor data kinerja…</b> di atas.")
        else:
            action = self.tr("Admin panitia mengimpornya dengan tombol Impor data kinerja….")
        title = self.tr("Belum ada data kinerja.")
        return f"<p><b>{title}</b></p><p>{how}</p><p>{action}</p>"

    def _fill_chart(self, found: dict[str, Any], codes: list[str]) -> None:
        self.chart = self.view.fresh()
        bar_set = QBarSet(self.tr("rho Spearman"))
        # The first category is drawn at the bottom: handed over last, the first code is on top.
        bar_set.append([float(found[code]["rho"]) for code in reversed(codes)])
        bar_set.setColor(charts.BAR)
        series = QHorizontalBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.5)
        self.chart.addSeries(series)
        names = charts.category_axis(list(reversed(codes)))
        rhos = charts.value_axis(-1, 1, "%.1f", ticks=5)
        rhos.setTitleText(self.tr("rho Spearman dengan kinerja (garis: IK 95%)"))
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(rhos, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(rhos)
        # The first code is at the top: row len - 1 of the hidden axis.
        rows = charts.hidden_axis(-0.5, len(codes) - 0.5)
        self.chart.addAxis(rows, Qt.AlignmentFlag.AlignRight)
        self.interval_lines = []
        for index, code in enumerate(codes):
            bounds = found[code]["ci95"]
            if not bounds:
                continue
            row = len(codes) - 1 - index
            self.interval_lines.append(
                charts.reference_line(
                    self.chart,
                    [(bounds[0], row), (bounds[1], row)],
                    self.tr("IK 95%"),
                    (rhos, rows),
                    charts.MEAN,
                    Qt.PenStyle.SolidLine,
                )
            )
        self.bar_set = bar_set
