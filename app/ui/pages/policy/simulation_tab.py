"""The draft tried on this selection before anyone adopts it (issue #14 §2).

*Simulasikan* applies the draft's scheme to the selection's stored scores
(``services.simulation.simulate_draft``: one read-only snapshot, nothing of the selection
changes) and shows, beside today's: how many outcomes change and which rule changed them (a
chart), who gains or loses a seat, per formation Kendall's tau-b between the two orders, each
changed participant's code and rank today and under the draft, and each component's effective
weight (its correlation with the final score) under both. The figures are exported as the
workbook of ``seleksi simulate --xlsx``. The simulation runs off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import UserError
from app.services.policy_drafts import DraftInfo
from app.services.simulation import SimulationReport, simulate_draft, simulation_figures
from app.services.simulation_tables import write_simulation_tables

from ...context import AppContext
from ...dialogs import Dialogs
from ...i18n import QT_TRANSLATE_NOOP
from ...location import location_key
from ...numbers import count_text, value_text
from ...operations import QueryOp
from ..monev.page import MonevPreferences

RULE_WORDS = {
    "threshold": QT_TRANSLATE_NOOP("SimulationTab", "ambang batas"),
    "weight": QT_TRANSLATE_NOOP("SimulationTab", "bobot"),
    "aspects": QT_TRANSLATE_NOOP("SimulationTab", "aspek rubrik"),
    "tie_break": QT_TRANSLATE_NOOP("SimulationTab", "urutan penentu"),
}
"""The rule behind a changed outcome, as the drafting team calls it."""


def rule_text(rule: str | None) -> str:
    text = RULE_WORDS.get(rule or "")
    return QCoreApplication.translate("SimulationTab", text) if text else (rule or "")


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SimulationTab(QWidget):
    """``run_button``, ``export_button``, ``summary_label``, ``chart`` (changes by rule),
    ``formations_table``, ``changed_table``, ``weights_table``, ``fairness_table`` (pass rate
    and impact ratios under both; ``*``: below four fifths); ``report`` once run."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.draft: DraftInfo | None = None
        self.report: SimulationReport | None = None
        self.running = False
        self.run_button = QPushButton(self.tr("Simulasikan pada seleksi ini"))
        self.export_button = QPushButton(self.tr("Tabel XLSX…"))
        self.run_button.clicked.connect(self.run)
        self.export_button.clicked.connect(self.export)
        self.summary_label = QLabel(
            self.tr(
                "Simulasi menerapkan skema rancangan pada nilai yang tersimpan; seleksi ini"
                " sendiri tidak berubah."
            )
        )
        self.summary_label.setWordWrap(True)
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setTitle(self.tr("Hasil yang berubah, menurut aturan"))
        view = QChartView(self.chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumWidth(300)
        self.formations_table = self._table(
            [
                self.tr("Formasi"),
                self.tr("Kebutuhan"),
                self.tr("Peserta"),
                self.tr("Tau-b\nKendall"),
                self.tr("Berubah"),
                self.tr("Mendapat\nkursi"),
                self.tr("Kehilangan\nkursi"),
            ]
        )
        self.changed_table = self._table(
            [
                self.tr("Nomor peserta"),
                self.tr("Nama"),
                self.tr("Formasi"),
                self.tr("Sekarang"),
                self.tr("Rancangan"),
                self.tr("Aturan"),
            ]
        )
        # Names are long and many: the name column keeps a width, the rule stays in view.
        names = self.changed_table.horizontalHeader()
        names.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.changed_table.setColumnWidth(1, 170)
        self.weights_table = self._table(
            [
                self.tr("Komponen"),
                self.tr("Bobot\nsekarang"),
                self.tr("Efektif\nsekarang (r)"),
                self.tr("Bobot\nrancangan"),
                self.tr("Efektif\nrancangan (r)"),
            ]
        )
        self.fairness_table = self._table(
            [
                self.tr("Ukuran"),
                self.tr("Sekarang"),
                self.tr("Rancangan"),
            ]
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        top = QSplitter()
        top.addWidget(view)
        top.addWidget(self.formations_table)
        top.setSizes([320, 740])
        # Below, one table at a time across the whole width: at 1366 px three side by side
        # would each be cut off.
        self.details = QTabWidget()
        self.details.setDocumentMode(True)
        self.details.addTab(self.changed_table, self.tr("Peserta yang berubah"))
        self.details.addTab(self.weights_table, self.tr("Bobot efektif"))
        self.details.addTab(self.fairness_table, self.tr("Kelulusan dan keadilan"))
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary_label)
        layout.addWidget(body, 1)
        self._update_buttons()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def show_draft(self, draft: DraftInfo | None) -> None:
        # Another draft, or this one changed since: what was simulated no longer applies.
        if draft is None or self.draft is None or draft.scheme_toml != self.draft.scheme_toml:
            self.report = None
            for table in (
                self.formations_table,
                self.changed_table,
                self.weights_table,
                self.fairness_table,
            ):
                table.setRowCount(0)
            self.chart.removeAllSeries()
        self.draft = draft
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.run_button.setEnabled(self.draft is not None and not self.running)
        self.export_button.setEnabled(self.report is not None and not self.running)

    # -- running --------------------------------------------------------------------------------

    def run(self) -> None:
        draft = self.draft
        if draft is None or self.running:
            return
        database, actor = self.context.database, self.context.actor
        scheme, stage = draft.scheme, draft.stage_code
        # The regency code the Monev page keeps for this file: the local group is the same.
        local_code = MonevPreferences(location_key(database)).local_code
        self.running = True
        self._update_buttons()
        self.summary_label.setText(self.tr("Menyimulasikan…"))
        QueryOp(
            self,
            lambda: simulate_draft(
                database,
                actor,
                draft.selection_id,
                scheme,
                stage=stage,
                local_code=local_code,
                source=draft.name,
            ),
        ).success(self._shown).failure(self._failed).run_in_background(self.tr("Simulasi"))

    def _failed(self, error: Exception) -> None:
        self.running = False
        self._update_buttons()
        self.summary_label.setText(error.text() if isinstance(error, UserError) else str(error))

    def _shown(self, report: SimulationReport) -> None:
        self.running = False
        self.report = report
        simulation = report.simulation
        lowest = simulation.kendall_tau_lowest
        mean = simulation.kendall_tau_mean
        self.summary_label.setText(
            self.tr(
                "Tahap %1: %2 dari %3 hasil berubah di %4 formasi; %5 mendapat kursi, %6"
                " kehilangan kursi. Tau-b Kendall rata-rata %7, terendah %8."
            )
            .replace("%1", report.stage)
            .replace("%2", count_text(len(simulation.changed)))
            .replace("%3", count_text(simulation.participants))
            .replace("%4", count_text(simulation.formations_changed))
            .replace("%5", count_text(simulation.seats_gained))
            .replace("%6", count_text(simulation.seats_lost))
            .replace("%7", "-" if mean is None else value_text(round(mean, 3), 3))
            .replace(
                "%8",
                "-"
                if lowest is None or lowest.kendall_tau is None
                else f"{value_text(round(lowest.kendall_tau, 3), 3)} ({lowest.formation})",
            )
        )
        self._chart(simulation.changed_by_rule())
        self._formations(report)
        self._changed(report)
        self._weights(report)
        self._fairness(report)
        self._update_buttons()

    def _chart(self, by_rule: dict[str, int]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(self.tr("Berubah"))
        names = []
        for rule, count in by_rule.items():
            bars.append(count)
            names.append(rule_text(rule))
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(names)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([1, *by_rule.values()]))
        values.applyNiceNumbers()  # whole, round steps: counts are never 4.5
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

    def _formations(self, report: SimulationReport) -> None:
        table = self.formations_table
        table.setRowCount(0)
        for found in report.simulation.formations:
            row = table.rowCount()
            table.insertRow(row)
            tau = "-" if found.kendall_tau is None else value_text(round(found.kendall_tau, 3), 3)
            cells = (
                (found.formation, False),
                (count_text(found.quota), True),
                (count_text(found.participants), True),
                (tau, True),
                (count_text(len(found.changed)), True),
                (count_text(len(found.gained)), True),
                (count_text(len(found.lost)), True),
            )
            for column, (text, right) in enumerate(cells):
                table.setItem(row, column, _cell(text, right))

    def _changed(self, report: SimulationReport) -> None:
        table = self.changed_table
        table.setRowCount(0)
        for side in report.simulation.changed:
            row = table.rowCount()
            table.insertRow(row)

            def said(outcome: Any) -> str:
                rank = "" if outcome.rank is None else f" #{outcome.rank}"
                return f"{outcome.code or '-'}{rank}"

            cells = (
                side.number,
                side.name,
                side.formation,
                said(side.before),
                said(side.after),
                rule_text(side.rule),
            )
            for column, text in enumerate(cells):
                table.setItem(row, column, _cell(text))

    def _weights(self, report: SimulationReport) -> None:
        table = self.weights_table
        table.setRowCount(0)
        after = {w.code: w for w in report.draft.weights}
        for before in report.current.weights:
            row = table.rowCount()
            table.insertRow(row)
            later = after.get(before.code)

            def share(value: Any) -> str:
                return "" if value is None else f"{value_text(value)} %"

            def r(value: float | None) -> str:
                return "" if value is None else value_text(round(value, 3), 3)

            cells = (
                (before.code, False),
                (share(before.stated), True),
                (r(before.pearson), True),
                (share(later.stated if later else None), True),
                (r(later.pearson if later else None), True),
            )
            for column, (text, right) in enumerate(cells):
                table.setItem(row, column, _cell(text, right))

    def _fairness(self, report: SimulationReport) -> None:
        """Pass rate and the four-fifths impact ratio of each group, under both schemes."""
        table = self.fairness_table
        table.setRowCount(0)
        before, after = report.current, report.draft

        def rate(value: float | None) -> str:
            return "" if value is None else f"{value_text(round(100 * value, 1), 1)} %"

        def ratio(found: Any) -> str:
            if found is None or found.impact_ratio is None:
                return "-"
            mark = " *" if found.adverse else ""
            return value_text(round(found.impact_ratio, 2), 2) + mark

        rows = [
            (
                self.tr("Dalam kuota / kebutuhan"),
                f"{count_text(len(before.flow.selected))} / {count_text(before.flow.kebutuhan)}",
                f"{count_text(len(after.flow.selected))} / {count_text(after.flow.kebutuhan)}",
            ),
            (
                self.tr("Tingkat kelulusan"),
                rate(before.flow.pass_rate),
                rate(after.flow.pass_rate),
            ),
        ]
        for group in sorted(set(before.fairness) | set(after.fairness)):
            rows.append(
                (
                    self.tr("Rasio dampak: %1").replace("%1", self.group_name(group)),
                    ratio(before.fairness.get(group)),
                    ratio(after.fairness.get(group)),
                )
            )
        for row, cells in enumerate(rows):
            table.insertRow(row)
            for column, text in enumerate(cells):
                table.setItem(row, column, _cell(text, column > 0))

    def group_name(self, group: str) -> str:
        return {
            "sex": self.tr("jenis kelamin"),
            "age": self.tr("kelompok usia"),
            "education": self.tr("jenjang pendidikan"),
            "local": self.tr("asal daerah"),
        }.get(group, group)

    # -- export ---------------------------------------------------------------------------------

    def export(self) -> None:
        report = self.report
        if report is None:
            return
        path = Dialogs.save_file(
            self,
            self.tr("Ekspor simulasi"),
            self.tr("Buku kerja Excel (*.xlsx)"),
            "simulasi-rancangan.xlsx",
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = Path(str(path) + ".xlsx")
        try:
            write_simulation_tables(simulation_figures(report), path)
        except UserError as error:
            Dialogs.error(self, self.tr("Ekspor simulasi"), error.text())
            return
        self.summary_label.setText(self.tr("Tabel simulasi ditulis: %1").replace("%1", str(path)))
