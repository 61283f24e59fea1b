"""The Rankings page: a stage's ranking per formation, live while scores are being entered.

The committee watches this page while others type scores, so it refreshes by itself: every
change announced on ``AppContext.changes`` restarts a short timer (a burst of Enter presses
becomes one recomputation), the ranking is computed on a worker thread (about a second at
100k participants), and a result that a newer change has overtaken is dropped (a generation
counter) rather than shown for a moment. All rules stay in ``app.services``: this page only
chooses what to ask for and how to show it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...context import (
    FINALIZATION,
    FORMATIONS,
    MARKS,
    PARTICIPANTS,
    SCHEME,
    SCORES,
    SELECTION,
    AppContext,
    Changes,
)
from ...dialogs import Dialogs
from ...numbers import count_text
from ...operations import LiveQuery, QueryOp
from ...ranking_model import RankingTableModel, RankingView
from ...widgets.eliding_combo_box import ElidingComboBox
from ...widgets.finalize_bar import FinalizeBar
from . import loading
from .loading import ExportedRanking, ExportRequest, LoadedRanking, LoadRequest, failure_of
from .summary import RankingSummary, code_descriptions

# Kinds of change that can move a rank; anything else (a user's password…) is ignored.
WATCHED = frozenset({SCORES, PARTICIPANTS, MARKS, FORMATIONS, SCHEME, SELECTION, FINALIZATION})
COALESCE_MS = 150
# A ranking that arrives sooner than this never shows the busy indicator: no flicker.
BUSY_DELAY_MS = 250
# Columns are sized from this many rows, never from all 100k.
SIZE_SAMPLE_ROWS = 300
COLUMN_PADDING = 14


class RankingsPage(QWidget):
    """Stage and formation choice, a text filter, the ranking table, its legend and counts.

    ``model`` holds display rows only. ``refresh()`` asks for a new computation (coalesced);
    the page also refreshes itself on ``context.changes``. While hidden it only remembers that
    it is out of date and recomputes when shown, so it costs nothing during score entry.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._query = LiveQuery(
            self,
            self.tr("Peringkat"),
            on_result=self._loaded,
            on_error=self._load_failed,
            on_overtaken=self._overtaken,
        )
        self._exporting = False
        self._stale = True
        self._wanted_stage: str | None = None
        self._wanted_formation: str | None = None
        self._shown: LoadedRanking | None = None
        self._updated_at = ""

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._start_load)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)

        self._build()
        self._retranslate()
        self._show_nothing()
        context.changes.changed.connect(self._data_changed)
        context.changes.selection_switched.connect(self._selection_switched)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.stage_label = QLabel()
        self.stage_box = ElidingComboBox()
        # Long names are read in full in the popup; the box itself must leave room at 1366 px.
        self.stage_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.stage_box.setMinimumContentsLength(22)
        self.stage_label.setBuddy(self.stage_box)
        self.formation_label = QLabel()
        self.formation_box = ElidingComboBox()
        self.formation_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.formation_box.setMinimumContentsLength(26)
        self.formation_label.setBuddy(self.formation_box)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(200)
        self.export_csv_button = QPushButton()
        self.export_xlsx_button = QPushButton()

        controls = QHBoxLayout()
        controls.setSpacing(8)
        controls.addWidget(self.stage_label)
        controls.addWidget(self.stage_box)
        controls.addSpacing(8)
        controls.addWidget(self.formation_label)
        controls.addWidget(self.formation_box, 1)
        controls.addSpacing(8)
        controls.addWidget(self.filter_edit, 1)
        controls.addSpacing(8)
        controls.addWidget(self.export_csv_button)
        controls.addWidget(self.export_xlsx_button)

        # Finalization: a badge for everyone, the two actions for admins only.
        self.finalize_bar = FinalizeBar(self.context)

        self.band = QFrame()
        self.band.setObjectName("formationBand")
        self.band.setStyleSheet(
            "#formationBand { background: #eef2f7; border: 1px solid #c9d3e0; border-radius: 4px; }"
        )
        self.band_label = QLabel()
        self.band_label.setStyleSheet("font-weight: 600; color: #1b1c1e;")
        self.band_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.band_detail = QLabel()
        self.band_detail.setStyleSheet("color: #3d4452;")
        band_layout = QHBoxLayout(self.band)
        band_layout.setContentsMargins(10, 6, 10, 6)
        band_layout.addWidget(self.band_label)
        band_layout.addSpacing(12)
        band_layout.addWidget(self.band_detail, 1)
        self.band.hide()

        self.model = RankingTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        columns.setStretchLastSection(True)
        columns.setHighlightSections(False)
        self._sized_for: tuple[tuple[str, ...], bool] | None = None

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #3d4452; padding: 24px;")

        self.summary = RankingSummary()

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(controls)
        layout.addWidget(self.finalize_bar)
        layout.addWidget(self.band)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.summary)

        self.stage_box.activated.connect(self._stage_chosen)
        self.formation_box.activated.connect(self._formation_chosen)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.export_csv_button.clicked.connect(lambda: self.export("csv"))
        self.export_xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_filter)

    def _retranslate(self) -> None:
        self.stage_label.setText(self.tr("&Tahap:"))
        self.formation_label.setText(self.tr("&Formasi:"))
        self.filter_edit.setPlaceholderText(self.tr("Cari nomor peserta atau nama…"))
        self.export_csv_button.setText(self.tr("Ekspor CSV…"))
        self.export_xlsx_button.setText(self.tr("Ekspor XLSX…"))
        tip = self.tr(
            "Mengekspor seluruh peringkat tahap dan formasi yang dipilih, dengan kolom yang "
            "sama seperti perintah seleksi rank; saringan teks tidak berlaku."
        )
        self.export_csv_button.setToolTip(tip)
        self.export_xlsx_button.setToolTip(tip)
        self.summary.retranslate()
        if self.formation_box.count():
            self.formation_box.setItemText(0, self.tr("Semua formasi"))
        if self.model.columnCount():
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
            )
        if self._shown is not None:
            self.summary.show_legend(self._shown)
            self._show_band(self._shown)
        self._show_counts()
        self.empty_label.setText(self._empty_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            # Opening the page is one deliberate act: nothing to coalesce, start at once.
            self._refresh_now()

    # -- asking for a ranking --------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute soon (after ``COALESCE_MS``); whatever was being computed is outdated."""
        self._stale = False
        self._query.outdate()
        self._timer.start()

    def _refresh_now(self) -> None:
        """A choice the user just made: no reason to wait for more of them."""
        self._stale = False
        self._query.outdate()
        self._start_load()

    def _data_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        if not (kinds & WATCHED):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._query.outdate()  # a running read's result is outdated
            self._stale = True

    def _selection_switched(self, _selection_id: object) -> None:
        self._wanted_stage = None
        self._wanted_formation = None
        self._shown = None
        self.filter_edit.clear()
        self._show_nothing()
        if self.isVisible():
            self._refresh_now()
        else:
            self._query.outdate()
            self._stale = True

    def _start_load(self) -> None:
        # Whatever was asked for until now is covered by this start (or by the restart when
        # the running job reports), so a pending coalescing timer has nothing left to do.
        self._timer.stop()
        selection_id = self.context.selection_id
        if selection_id is None:
            self._shown = None
            self._show_nothing()
            return
        request = LoadRequest(
            self._query.generation, selection_id, self._wanted_stage, self._wanted_formation
        )
        database = self.context.database
        # Looked up here, not bound at import: tests count and hold the computations.
        if self._query.start(lambda: loading.load_ranking(database, request)):
            self._busy_timer.start()
        # else: started again when the running read reports, with the newest choice

    def _overtaken(self) -> None:
        """A newer change came in while computing: show nothing of it, compute again (when
        the page is on screen)."""
        if self._stale:
            self._hide_busy()
        else:
            self._start_load()

    def _load_failed(self, error: Exception) -> None:
        self._hide_busy()
        self.summary.show_failure(failure_of(error))
        if self._shown is None:
            self.empty_label.setText(self.summary.counts_label.text())

    def _loaded(self, loaded: LoadedRanking) -> None:
        self._hide_busy()
        self._apply(loaded)

    def is_busy(self) -> bool:
        """Whether a computation or export is running or about to start (tests wait on it)."""
        return self._query.running or self._timer.isActive() or self._exporting

    def legend_entries(self) -> list[tuple[str, str]]:
        """(code, explanation) as the legend shows them, for this stage only."""
        return self.summary.legend_entries()

    def counts_text(self) -> str:
        """``P/L 12 · P/TL 40 · … · BELUM LENGKAP 5`` for the ranking shown."""
        return self.summary.counts_text()

    def review_text(self) -> str:
        """What waits on the Verifikasi page, as the counts line says it."""
        return self.summary.review_text()

    # -- showing a ranking -----------------------------------------------------------------

    def _apply(self, loaded: LoadedRanking) -> None:
        previous = self._shown
        same_place = (
            previous is not None
            and previous.request.selection_id == loaded.request.selection_id
            and previous.stage.code == loaded.stage.code
            and previous.formation == loaded.formation
        )
        self._fill_choices(loaded)
        self._wanted_stage = loaded.stage.code
        self._wanted_formation = loaded.formation

        selected = self._selected_number() if same_place else None
        scroll = self.table.verticalScrollBar().value() if same_place else 0
        self.model.set_code_descriptions(code_descriptions(loaded))
        self.model.set_view(loaded.view)
        self._shown = loaded
        self._fit_columns(loaded)
        if selected is not None:
            row = self.model.row_of_number(selected)
            if row is not None:
                self.table.selectRow(row)
        self.table.verticalScrollBar().setValue(scroll)

        self._updated_at = time.strftime("%H.%M.%S")
        self.finalize_bar.show_status(loaded.finalization, loaded.formation)
        self._show_band(loaded)
        self.summary.show_legend(loaded)
        self.summary.show_failure(None)
        self._show_counts()
        self.table.show()
        self.empty_label.setVisible(False)
        self._update_buttons()

    def _fill_choices(self, loaded: LoadedRanking) -> None:
        stages = [(code, f"{code} — {name}" if name else code) for code, name in loaded.stages]
        if [self.stage_box.itemData(i) for i in range(self.stage_box.count())] != [
            code for code, _ in stages
        ] or [self.stage_box.itemText(i) for i in range(self.stage_box.count())] != [
            text for _, text in stages
        ]:
            self.stage_box.blockSignals(True)
            self.stage_box.clear()
            for code, text in stages:
                self.stage_box.addItem(text, code)
            self.stage_box.blockSignals(False)
        self.stage_box.setCurrentIndex(max(self.stage_box.findData(loaded.stage.code), 0))

        formations: list[tuple[str | None, str]] = [(None, self.tr("Semua formasi"))] + [
            (f.code, f"{f.code} — {f.position_title}") for f in loaded.formations
        ]
        current = [
            (self.formation_box.itemData(i), self.formation_box.itemText(i))
            for i in range(self.formation_box.count())
        ]
        if current != formations:
            self.formation_box.blockSignals(True)
            self.formation_box.clear()
            for formation_code, title in formations:
                self.formation_box.addItem(title, formation_code)
            self.formation_box.blockSignals(False)
        index = self.formation_box.findData(loaded.formation) if loaded.formation else 0
        self.formation_box.setCurrentIndex(max(index, 0))

    def _fit_columns(self, loaded: LoadedRanking) -> None:
        header = loaded.view.header
        for column, key in enumerate(header):
            hidden = key == "tahap" or (key == "kode_formasi" and loaded.formation is not None)
            self.table.setColumnHidden(column, hidden)
        layout = (tuple(header), loaded.formation is None)
        if layout != self._sized_for:
            # Sized once per column layout, from the first rows only: a refresh while the
            # committee reads must not make the columns jump.
            self.table.resizeColumnsToContents()
            columns = self.table.horizontalHeader()
            for column in range(len(header) - 1):  # the last one stretches to the edge
                columns.resizeSection(column, columns.sectionSize(column) + COLUMN_PADDING)
            self._sized_for = layout

    def _selected_number(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.record(index.row()).get("nomor_peserta")

    def _show_nothing(self) -> None:
        self.model.set_view(RankingView())
        self.table.hide()
        self.band.hide()
        self.empty_label.setText(self._empty_text())
        self.empty_label.show()
        self.summary.clear_legend()
        self._updated_at = ""
        self.finalize_bar.show_status(None, None)
        self.summary.show_failure(None)
        self._show_counts()
        self._update_buttons()

    def _empty_text(self) -> str:
        if self.context.selection_id is None:
            return self.tr("Belum ada seleksi. Buat atau buka seleksi untuk melihat peringkat.")
        return self.tr("Peringkat sedang dihitung…")

    def _show_band(self, loaded: LoadedRanking) -> None:
        formation = next((f for f in loaded.formations if f.code == loaded.formation), None)
        if formation is None:
            self.band.hide()
            return
        self.band_label.setText(
            self.tr("{code} — {title} — kebutuhan {quota}").format(
                code=formation.code, title=formation.position_title, quota=formation.quota
            )
        )
        details = [formation.unit] if formation.unit else []
        if formation.education:
            details.append(formation.education)
        self.band_detail.setText(" · ".join(details))
        self.band_detail.setToolTip(" · ".join(details))
        self.band.show()

    # -- user choices ----------------------------------------------------------------------

    def _stage_chosen(self, index: int) -> None:
        code = self.stage_box.itemData(index)
        if code != self._wanted_stage:
            self._wanted_stage = code
            self._refresh_now()

    def _formation_chosen(self, index: int) -> None:
        code = self.formation_box.itemData(index)
        if code != self._wanted_formation:
            self._wanted_formation = code
            self._refresh_now()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_counts()

    def _show_counts(self) -> None:
        self.summary.show_counts(
            self._shown, self.model.total_rows(), self.model.rowCount(), self._updated_at
        )

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # -- busy indicator --------------------------------------------------------------------

    def _show_busy(self) -> None:
        if self._query.running or self._exporting:
            self.summary.set_busy(True)

    def _hide_busy(self) -> None:
        if not self._query.running and not self._exporting:
            self._busy_timer.stop()
            self.summary.set_busy(False)

    # -- export ----------------------------------------------------------------------------

    def export(self, form: str) -> None:
        """Ask for a file name and write the shown stage and formation as CSV or XLSX.

        The file is written from a fresh computation on the worker thread, so it is exactly
        what ``seleksi rank`` prints at that moment, whatever the text filter hides.
        """
        selection_id = self.context.selection_id
        if selection_id is None or self._shown is None or self._exporting:
            return
        stage = self._shown.stage.code
        formation = self._shown.formation
        suffix = "." + form
        suggested = f"peringkat-{stage}-{formation or 'semua'}{suffix}".lower()
        if form == "xlsx":
            title = self.tr("Ekspor peringkat ke XLSX")
            filters = self.tr("Buku kerja Excel (*.xlsx)")
        else:
            title = self.tr("Ekspor peringkat ke CSV")
            filters = self.tr("Berkas CSV (*.csv)")
        path = Dialogs.save_file(self, title, filters, suggested)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        request = ExportRequest(selection_id, stage, formation, path, form)
        self._exporting = True
        self._update_buttons()
        database = self.context.database
        QueryOp(self, lambda: loading.export_ranking(database, request)).quietly().success(
            self._exported
        ).failure(lambda error: self._export_failed(request, error)).run_in_background(
            self.tr("Ekspor peringkat")
        )
        self.summary.set_busy_text(self.tr("Mengekspor…"))
        self._busy_timer.start()

    def _export_done(self) -> None:
        self._exporting = False
        self.summary.set_busy_text()
        self._hide_busy()
        self._update_buttons()

    def _exported(self, outcome: ExportedRanking) -> None:
        self._export_done()
        request = outcome.request
        if outcome.error:
            self._export_failed(request, outcome.error)
            return
        Dialogs.info(
            self,
            self.tr("Ekspor selesai"),
            self.tr("Peringkat tahap {stage} ({count} peserta) disimpan ke {path}.").format(
                stage=request.stage, count=count_text(outcome.rows), path=request.path
            ),
        )

    def _export_failed(self, request: ExportRequest, error: Exception | str) -> None:
        self._export_done()
        failure = failure_of(error) if isinstance(error, Exception) else None
        Dialogs.error(
            self,
            self.tr("Ekspor gagal"),
            self.tr("Berkas {path} tidak dapat ditulis: {reason}").format(
                path=request.path, reason=failure.text if failure else error
            ),
            failure.details if failure else "",
        )

    def _update_buttons(self) -> None:
        enabled = self._shown is not None and not self._exporting
        self.export_csv_button.setEnabled(enabled)
        self.export_xlsx_button.setEnabled(enabled)
        self.finalize_bar.set_available(enabled)
