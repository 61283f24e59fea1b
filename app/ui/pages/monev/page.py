"""The Monev page: is the selection doing what the policy promised? (issue #13 §2)

For the admin and the tim monev. Filters on top (stage, formation, agency, and the agency's
regency code that makes an applicant local), then one tab per question, each a chart beside
its table: the flow of applicants, the spread of a component's scores, the assessors'
agreement, fairness between groups, and predictive validity once later performance is
imported. All figures are ``app.services.evaluation``'s; the page only asks and shows.

The evaluation reads every score and ranks every stage (seconds at 100k participants), so it
runs on a worker thread like the Rankings page: a change announced on ``context.changes``
restarts a short timer, a result a newer change has overtaken is dropped, and while the page
is hidden it only remembers that it is out of date.

The regency code: the selection stores no code of its agency, only its name, so the page asks
for it once (``1275`` for Kota Binjai, the first four digits of a local NIK) and keeps it on
this computer for the database, beside the agency name the first-run wizard keeps.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.scoring import Stage
from app.services.changes import PERFORMANCE, RANKING_INPUTS
from app.services.errors import ImportRejected, UserError
from app.services.performance import PerformanceSummary, import_performance
from app.services.permissions import Action

from ...context import AppContext, Changes
from ...dialogs import Dialogs
from ...location import location_key
from ...operations import LiveQuery, QueryOp, ServiceOp
from ...recent import DatabasePreferences
from ...widgets.eliding_combo_box import ElidingComboBox
from ...widgets.recommendations_panel import RecommendationsPanel
from ...widgets.year_comparison import YearComparison
from . import loading
from .assessors_tab import AssessorsTab
from .distribution_tab import DistributionTab
from .fairness_tab import FairnessTab
from .flow_tab import FlowTab
from .loading import LoadedMonev, MonevRequest
from .validity_tab import ValidityTab
from .words import count

WATCHED = RANKING_INPUTS | {PERFORMANCE}
"""Kinds of change that can move a figure: whatever moves a rank, and later performance."""
COALESCE_MS = 150
BUSY_DELAY_MS = 250
MAX_PROBLEMS_SHOWN = 12
"""Rows of a refused file named in the message itself; all of them are in its details."""


class MonevPreferences(DatabasePreferences):
    """What the page keeps per database on this computer: the agency's regency code."""

    @property
    def local_code(self) -> str:
        return self._get("monev_local_code")

    @local_code.setter
    def local_code(self, value: str) -> None:
        self._set("monev_local_code", value.strip())


class MonevPage(QWidget):
    """Filters (``stage_box``, ``formation_box``, ``unit_box``, ``local_edit``), the
    buttons (``import_button`` for whoever may import performance, ``report_button``,
    ``export_button``), the ``tabs`` (``flow_tab``, ``distribution_tab``, ``assessors_tab``,
    ``fairness_tab``, ``validity_tab``, ``findings_tab``: the findings and the tim monev's
    recommendations, ``years_tab``: year to year) and the status line. ``loaded`` is what
    the tabs show."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.preferences = MonevPreferences(location_key(context.database))
        self._query = LiveQuery(
            self,
            self.tr("Monev"),
            on_result=self._loaded,
            on_error=self._load_failed,
            on_overtaken=self._overtaken,
        )
        self.loaded: LoadedMonev | None = None
        self._stale = True
        self._wanted_stage: str | None = None
        self._wanted_formation: str | None = None
        self._wanted_unit: str | None = None
        self._busy_with = ""  # "import" or "export" while one runs

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._start_load)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)

        self._build()
        self._show_nothing()
        context.changes.changed.connect(self._data_changed)
        context.changes.selection_switched.connect(self._selection_switched)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.stage_label = QLabel(self.tr("&Tahap:"))
        self.stage_box = ElidingComboBox()
        self.stage_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.stage_box.setMinimumContentsLength(10)
        self.stage_label.setBuddy(self.stage_box)
        self.formation_label = QLabel(self.tr("&Formasi:"))
        self.formation_box = ElidingComboBox()
        self.formation_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.formation_box.setMinimumContentsLength(12)
        self.formation_label.setBuddy(self.formation_box)
        self.unit_label = QLabel(self.tr("&Unit kerja:"))
        self.unit_box = ElidingComboBox()
        self.unit_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_box.setMinimumContentsLength(12)
        self.unit_label.setBuddy(self.unit_box)
        self.local_label = QLabel(self.tr("&Kode wilayah:"))
        self.local_edit = QLineEdit(self.preferences.local_code)
        self.local_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self.local_edit)
        )
        self.local_edit.setPlaceholderText(self.tr("mis. 1275"))
        self.local_edit.setFixedWidth(self.fontMetrics().horizontalAdvance("mis. 12750") + 16)
        self.local_edit.setToolTip(
            self.tr(
                "Kode kabupaten/kota instansi: empat angka pertama NIK penduduknya (1275 untuk "
                "Kota Binjai). Pelamar dengan kode ini dihitung lokal pada tab Keadilan."
            )
        )
        self.local_label.setBuddy(self.local_edit)
        self.import_button = QPushButton(self.tr("Impor data kinerja…"))
        self.import_button.setToolTip(
            self.tr("Kinerja (SKP) peserta yang diterima, untuk validitas prediktif")
        )
        self.import_button.setVisible(self.context.may(Action.IMPORT_PERFORMANCE))
        self.report_button = QPushButton(self.tr("Laporan PDF…"))
        self.report_button.setToolTip(
            self.tr(
                "Laporan Monitoring dan Evaluasi: ringkasan satu halaman, lalu rinciannya dan "
                "rekomendasi tim monev, seperti seleksi evaluate --out"
            )
        )
        self.export_button = QPushButton(self.tr("Tabel XLSX…"))
        self.export_button.setToolTip(
            self.tr(
                "Semua tahap untuk formasi atau unit kerja yang dipilih, seperti seleksi "
                "evaluate --xlsx"
            )
        )

        # The buttons keep their words; the combo boxes give way (long names elide).
        for button in (self.import_button, self.report_button, self.export_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        for label, box in (
            (self.stage_label, self.stage_box),
            (self.formation_label, self.formation_box),
            (self.unit_label, self.unit_box),
        ):
            controls.addWidget(label)
            controls.addWidget(box, 1)
            controls.addSpacing(6)
        controls.addWidget(self.local_label)
        controls.addWidget(self.local_edit)
        controls.addSpacing(6)
        controls.addWidget(self.import_button)
        controls.addWidget(self.report_button)
        controls.addWidget(self.export_button)

        self.flow_tab = FlowTab()
        self.distribution_tab = DistributionTab()
        self.assessors_tab = AssessorsTab()
        self.fairness_tab = FairnessTab()
        self.validity_tab = ValidityTab()
        self.findings_tab = RecommendationsPanel(self.context)
        self.years_tab = YearComparison(self.context, lambda: self.local_edit.text().strip())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.flow_tab, self.tr("Alur peserta"))
        self.tabs.addTab(self.distribution_tab, self.tr("Sebaran nilai"))
        self.tabs.addTab(self.assessors_tab, self.tr("Penilai"))
        self.tabs.addTab(self.fairness_tab, self.tr("Keadilan"))
        self.tabs.addTab(self.validity_tab, self.tr("Validitas"))
        self.tabs.addTab(self.findings_tab, self.tr("Temuan dan rekomendasi"))
        self.tabs.addTab(self.years_tab, self.tr("Antartahun"))

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #3d4452; padding: 24px;")

        self.scope_label = QLabel()
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(80, 10)
        self.busy_label = QLabel(self.tr("Menghitung…"))
        self.busy_bar.hide()
        self.busy_label.hide()
        self.updated_label = QLabel()
        self.updated_label.setStyleSheet("color: #5a6170;")
        status = QHBoxLayout()
        status.setSpacing(8)
        status.addWidget(self.scope_label)
        status.addWidget(self.problem_label, 1)
        status.addWidget(self.busy_label)
        status.addWidget(self.busy_bar)
        status.addWidget(self.updated_label)

        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(controls)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(status)

        self.stage_box.activated.connect(self._stage_chosen)
        self.formation_box.activated.connect(self._formation_chosen)
        self.unit_box.activated.connect(self._unit_chosen)
        self.local_edit.editingFinished.connect(self._local_code_typed)
        self.import_button.clicked.connect(self.choose_performance_file)
        self.report_button.clicked.connect(self.export_report)
        self.export_button.clicked.connect(self.export)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_now()

    # -- asking for the figures ------------------------------------------------------------

    def refresh(self) -> None:
        """Compute again soon (after ``COALESCE_MS``); a running computation is outdated."""
        self._stale = False
        self._query.outdate()
        self._timer.start()

    def _refresh_now(self) -> None:
        self._stale = False
        self._query.outdate()
        self._start_load()

    def is_busy(self) -> bool:
        """A computation, an import or an export is running or about to (tests wait on it)."""
        return self._query.running or self._timer.isActive() or bool(self._busy_with)

    def _data_changed(self, changes: Changes, initiator: object = None) -> None:
        if not (changes.kinds & WATCHED):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._query.outdate()
            self._stale = True

    def _selection_switched(self, _selection_id: object) -> None:
        self._wanted_stage = self._wanted_formation = self._wanted_unit = None
        self.loaded = None
        self._show_nothing()
        if self.isVisible():
            self._refresh_now()
        else:
            self._query.outdate()
            self._stale = True

    def _start_load(self) -> None:
        self._timer.stop()
        selection_id = self.context.selection_id
        if selection_id is None:
            self.loaded = None
            self._show_nothing()
            return
        request = MonevRequest(
            self._query.generation,
            selection_id,
            self._wanted_formation,
            self._wanted_unit,
            self.local_edit.text().strip(),
        )
        database = self.context.database
        if self._query.start(lambda: loading.load_evaluation(database, request)):
            self._busy_timer.start()

    def _overtaken(self) -> None:
        if self._stale:
            self._hide_busy()
        else:
            self._start_load()

    def _load_failed(self, error: Exception) -> None:
        self._hide_busy()
        message = error.text() if isinstance(error, UserError) else str(error)
        self.problem_label.setText(
            self.tr("Angka monev tidak dapat dihitung: %1").replace("%1", message)
        )
        if self.loaded is None:
            self.empty_label.setText(self.problem_label.text())

    def _loaded(self, loaded: LoadedMonev) -> None:
        self._hide_busy()
        self.loaded = loaded
        self._wanted_formation = loaded.formation
        self._wanted_unit = loaded.unit
        self._fill_choices(loaded)
        self.problem_label.clear()
        self.tabs.show()
        self.empty_label.hide()
        self._show_stage()
        self.validity_tab.show_figures(
            loaded.figures, loaded.scheme, self.context.may(Action.IMPORT_PERFORMANCE)
        )
        self.findings_tab.set_findings(loaded.findings)
        self.tabs.setTabText(
            self.tabs.indexOf(self.findings_tab),
            self.tr("Temuan dan rekomendasi (%1)").replace("%1", count(len(loaded.findings))),
        )
        updated = self.tr("diperbarui %1").replace("%1", time.strftime("%H.%M.%S"))
        self.updated_label.setText(updated)
        self._update_buttons()

    # -- showing ---------------------------------------------------------------------------

    def _fill_choices(self, loaded: LoadedMonev) -> None:
        stages = [(s.code, f"{s.code} — {s.name}" if s.name else s.code)
                  for s in loaded.scheme.stages]  # fmt: skip
        codes = [code for code, _text in stages]
        if self._wanted_stage not in codes:
            self._wanted_stage = codes[-1] if codes else None  # the last, as in Peringkat
        self._refill(self.stage_box, stages, self._wanted_stage)
        everything = self.tr("Semua")
        units: list[tuple[str | None, str]] = [(None, everything)]
        units += [(unit, unit) for unit in loaded.choices.units]
        self._refill(self.unit_box, units, loaded.unit)
        formations: list[tuple[str | None, str]] = [(None, everything)]
        formations += [
            (f.code, f"{f.code} — {f.position_title}" if f.position_title else f.code)
            for f in loaded.choices.formations
            if loaded.unit is None or f.unit == loaded.unit
        ]
        self._refill(self.formation_box, formations, loaded.formation)

    @staticmethod
    def _refill(box: QComboBox, items: list[tuple[Any, str]], current: Any) -> None:
        if [(box.itemData(i), box.itemText(i)) for i in range(box.count())] != items:
            box.blockSignals(True)
            box.clear()
            for data, label in items:
                box.addItem(label, data)
            box.blockSignals(False)
        box.setCurrentIndex(max(box.findData(current), 0) if current is not None else 0)

    def current_stage(self) -> Stage | None:
        if self.loaded is None:
            return None
        return next((s for s in self.loaded.scheme.stages if s.code == self._wanted_stage), None)

    def _show_stage(self) -> None:
        loaded = self.loaded
        stage = self.current_stage()
        if loaded is None or stage is None:
            return
        self.stage_box.setCurrentIndex(max(self.stage_box.findData(stage.code), 0))
        figures = loaded.figures["stages"][stage.code]
        self.flow_tab.show_stage(figures, stage)
        self.distribution_tab.show_stage(figures, stage)
        self.assessors_tab.show_stage(figures, stage)
        self.fairness_tab.show_stage(figures, loaded.request.local_code)
        registered = figures["flow"]["registered"]
        if loaded.formation is not None:
            scope = self.tr("Formasi %1").replace("%1", loaded.formation)
        elif loaded.unit is not None:
            scope = loaded.unit
        else:
            scope = self.tr("Seluruh seleksi")
        self.scope_label.setText(
            f"{scope} · "
            + self.tr("%1 peserta pada tahap %2")
            .replace("%1", count(registered))
            .replace("%2", stage.code)
        )

    def _show_nothing(self) -> None:
        self.tabs.hide()
        self.empty_label.show()
        self.empty_label.setText(
            self.tr("Belum ada seleksi. Buat atau buka seleksi untuk melihat angka monev.")
            if self.context.selection_id is None
            else self.tr("Angka monev sedang dihitung…")
        )
        self.scope_label.clear()
        self.problem_label.clear()
        self.updated_label.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self._busy_with
        self.export_button.setEnabled(idle and self.loaded is not None)
        self.report_button.setEnabled(idle and self.loaded is not None)
        self.import_button.setEnabled(idle and self.context.selection_id is not None)

    def _show_busy(self) -> None:
        if self._query.running:
            self.busy_label.show()
            self.busy_bar.show()

    def _hide_busy(self) -> None:
        if not self._query.running:
            self._busy_timer.stop()
            self.busy_label.hide()
            self.busy_bar.hide()

    # -- user choices ----------------------------------------------------------------------

    def _stage_chosen(self, index: int) -> None:
        code = self.stage_box.itemData(index)
        if code != self._wanted_stage:
            self._wanted_stage = code
            self._show_stage()  # every stage is loaded already

    def _formation_chosen(self, index: int) -> None:
        code = self.formation_box.itemData(index)
        if code != self._wanted_formation:
            self._wanted_formation = code
            self._refresh_now()

    def _unit_chosen(self, index: int) -> None:
        unit = self.unit_box.itemData(index)
        if unit != self._wanted_unit:
            self._wanted_unit = unit
            # A formation of another agency would leave nobody: the agency's choice wins.
            choices = self.loaded.choices.formations if self.loaded else ()
            if unit is not None and not any(
                f.code == self._wanted_formation and f.unit == unit for f in choices
            ):
                self._wanted_formation = None
            self._refresh_now()

    def choose(
        self, *, stage: str | None = None, formation: str | None = None, unit: str | None = None
    ) -> None:
        """Choose filters as the boxes would (``""`` for "Semua"); loads when needed."""
        if stage is not None:
            self._wanted_stage = stage
            self._show_stage()
        if formation is not None or unit is not None:
            if unit is not None:
                self._wanted_unit = unit or None
            if formation is not None:
                self._wanted_formation = formation or None
            self._refresh_now()

    def _local_code_typed(self) -> None:
        code = self.local_edit.text().strip()
        if code == self.preferences.local_code:
            return
        self.preferences.local_code = code
        self._refresh_now()

    def set_local_code(self, code: str) -> None:
        """Type ``code`` into the regency field and confirm it."""
        self.local_edit.setText(code)
        self._local_code_typed()

    # -- import and export -----------------------------------------------------------------

    def choose_performance_file(self) -> None:
        path = Dialogs.open_file(
            self,
            self.tr("Impor data kinerja"),
            self.tr("Tabel (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)"),
        )
        if path is not None:
            self.import_performance(path)

    def import_performance(self, path: Any) -> None:
        """Import the performance file ``path`` (all or nothing) and show validity."""
        selection_id = self.context.selection_id
        if selection_id is None or self._busy_with:
            return
        database, actor = self.context.database, self.context.actor
        self._busy_with = "import"
        self._update_buttons()
        ServiceOp(
            self, self.context, lambda: import_performance(database, actor, selection_id, path)
        ).success(self._imported).failure(self._import_failed).run_in_background(
            self.tr("Impor data kinerja")
        )

    def _imported(self, summary: PerformanceSummary) -> None:
        self._busy_with = ""
        self._update_buttons()
        self.problem_label.clear()
        self.updated_label.setText(
            self.tr("Data kinerja: %1 baris baru, %2 sudah ada.")
            .replace("%1", count(summary.added))
            .replace("%2", count(summary.unchanged))
        )
        self.tabs.setCurrentWidget(self.validity_tab)

    def _import_failed(self, error: Exception) -> None:
        self._busy_with = ""
        self._update_buttons()
        title = self.tr("Impor data kinerja")
        if isinstance(error, ImportRejected):
            lines = error.lines()
            shown = lines[:MAX_PROBLEMS_SHOWN]
            more = len(lines) - len(shown)
            text = error.text() + "\n\n" + "\n".join(shown)
            if more:
                text += "\n" + self.tr("… dan %1 masalah lain (lihat rincian).").replace(
                    "%1", count(more)
                )
            self.problem_label.setText(error.text())
            Dialogs.error(self, title, text, "\n".join(lines) if more else "")
        elif isinstance(error, UserError):
            self.problem_label.setText(error.text())
            Dialogs.error(self, title, error.text())

    def export(self) -> None:
        """Ask for a file name and write the shown figures as the XLSX workbook."""
        loaded = self.loaded
        if loaded is None or self._busy_with:
            return
        scope = loaded.formation or (loaded.unit and "unit") or "semua"
        suggested = f"monev-{scope}.xlsx".lower().replace(" ", "-")
        path = Dialogs.save_file(
            self, self.tr("Ekspor tabel monev"), self.tr("Buku kerja Excel (*.xlsx)"), suggested
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        figures = loaded.figures
        self._busy_with = "export"
        self._update_buttons()
        QueryOp(self, lambda: loading.export_tables(figures, path)).success(self._exported).failure(
            self._export_failed
        ).run_in_background(self.tr("Ekspor tabel monev"))

    def scope_text(self) -> str:
        """What the shown figures were narrowed to, as the report prints it (empty: all)."""
        loaded = self.loaded
        if loaded is None or (loaded.formation is None and loaded.unit is None):
            return ""
        if loaded.formation is not None:
            title = next(
                (f.position_title for f in loaded.choices.formations if f.code == loaded.formation),
                "",
            )
            scope = self.tr("Formasi %1").replace("%1", loaded.formation)
            return f"{scope} — {title}" if title else scope
        return self.tr("Unit kerja %1").replace("%1", loaded.unit or "")

    def export_report(self) -> None:
        """Ask for a file name and write the Laporan Monitoring dan Evaluasi of the shown
        figures (every stage, the chosen formation or agency) with the recommendations."""
        loaded = self.loaded
        if loaded is None or self._busy_with:
            return
        scope = loaded.formation or (loaded.unit and "unit") or "semua"
        suggested = f"laporan-monev-{scope}.pdf".lower().replace(" ", "-")
        path = Dialogs.save_file(
            self, self.tr("Ekspor laporan monev"), self.tr("Dokumen PDF (*.pdf)"), suggested
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        database, scope_text = self.context.database, self.scope_text()
        self._busy_with = "export"
        self._update_buttons()
        QueryOp(self, lambda: loading.export_report(database, loaded, scope_text, path)).success(
            self._report_written
        ).failure(self._export_failed).run_in_background(self.tr("Ekspor laporan monev"))

    def _report_written(self, written: tuple[Any, int]) -> None:
        self._busy_with = ""
        self._update_buttons()
        path, pages = written
        self.updated_label.setText(
            self.tr("Laporan ditulis: %1 (%2 halaman)")
            .replace("%1", str(path))
            .replace("%2", count(pages))
        )

    def _exported(self, path: Any) -> None:
        self._busy_with = ""
        self._update_buttons()
        self.updated_label.setText(self.tr("Tabel ditulis: %1").replace("%1", str(path)))

    def _export_failed(self, error: Exception) -> None:
        self._busy_with = ""
        self._update_buttons()
        if isinstance(error, UserError):
            Dialogs.error(self, self.tr("Ekspor tabel monev"), error.text())
