"""The Rankings page: a stage's ranking per formation, live while scores are being entered.

The committee watches this page while others type scores, so it refreshes by itself: every
change announced on ``AppContext.changes`` restarts a short timer (a burst of Enter presses
becomes one recomputation), the ranking is computed on a worker thread (about a second at
100k participants), and a result that a newer change has overtaken is dropped (a generation
counter) rather than shown for a moment. All rules stay in ``app.services``: this page only
chooses what to ask for and how to show it.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bulk import collector_paused
from app.scoring import Stage
from app.scoring.legend import legend
from app.scoring.scheme import NOTE_INCOMPLETE, NOTE_TIE
from app.services.database import Database
from app.services.double_entry import pending_count
from app.services.errors import UserError
from app.services.finalization import (
    FinalizationStatus,
    FinalizeResult,
    finalization_status,
    finalize,
    reopen,
)
from app.services.formations import FormationRow, list_formations
from app.services.legend import entry_text
from app.services.permissions import Action
from app.services.ranking import compute_ranking
from app.services.ranking_export import write_ranking_text, write_ranking_xlsx
from app.services.spread import spread_flags

from ..context import (
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
from ..dialogs import Dialogs
from ..icons import icon
from ..operations import ServiceOp
from ..ranking_model import (
    STATUS_KINDS,
    RankingTableModel,
    RankingView,
    RowKind,
    build_view,
)
from ..widgets.code_chip import CodeChip
from ..widgets.eliding_combo_box import ElidingComboBox

log = logging.getLogger(__name__)

# Kinds of change that can move a rank; anything else (a user's password…) is ignored.
WATCHED = frozenset({SCORES, PARTICIPANTS, MARKS, FORMATIONS, SCHEME, SELECTION, FINALIZATION})
COALESCE_MS = 150
# A ranking that arrives sooner than this never shows the busy indicator: no flicker.
BUSY_DELAY_MS = 250
# Columns are sized from this many rows, never from all 100k.
SIZE_SAMPLE_ROWS = 300
COLUMN_PADDING = 14


# -- work done off the GUI thread ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadRequest:
    generation: int
    selection_id: int
    stage: str | None
    formation: str | None


@dataclass(slots=True)
class LoadedRanking:
    """What a worker hands back: the view, and what the combo boxes offer."""

    request: LoadRequest
    view: RankingView
    stages: list[tuple[str, str]]
    formations: list[FormationRow]
    stage: Stage
    formation: str | None
    final_stage: bool
    pending: int = 0
    """Double-entry values not confirmed yet: left out of this ranking until they are."""
    spread: int = 0
    """Participants whose assessors differ by more than the component allows."""


@dataclass(frozen=True, slots=True)
class ExportRequest:
    selection_id: int
    stage: str | None
    formation: str | None
    path: Path
    form: str


@dataclass(slots=True)
class Failure:
    """A worker's error: ``text`` for the user, ``details`` (a traceback) only if unexpected."""

    text: str
    details: str = ""
    cause: BaseException | None = field(default=None, repr=False)


def load_ranking(db: Database, request: LoadRequest) -> LoadedRanking:
    """Compute the ranking the page asked for; a formation or stage that has vanished since
    (edited scheme, deleted formation) falls back to all formations / the last stage."""
    formations = list_formations(db, request.selection_id)
    formation = request.formation
    if formation is not None and formation not in {f.code for f in formations}:
        formation = None
    try:
        ranking = compute_ranking(db, request.selection_id, request.stage, formation)
    except UserError as error:
        if error.message != "stage.not_found":
            raise
        ranking = compute_ranking(db, request.selection_id, None, formation)
    with collector_paused():  # 100k small objects, no cycles: see app.bulk
        view = build_view(ranking)
    return LoadedRanking(
        request=request,
        view=view,
        stages=[(stage.code, stage.name) for stage in ranking.scheme.stages],
        formations=formations,
        stage=ranking.stage,
        formation=formation,
        final_stage=ranking.scheme.is_final(ranking.stage),
        pending=pending_count(db, request.selection_id, ranking.stage.code),
        spread=len(spread_flags(db, request.selection_id, ranking.stage.code)),
    )


def export_ranking(db: Database, request: ExportRequest) -> int:
    """Write the file from a fresh ranking, exactly as ``seleksi rank`` would; rows written."""
    ranking = compute_ranking(db, request.selection_id, request.stage, request.formation)
    if request.form == "xlsx":
        write_ranking_xlsx(ranking, request.path)
    else:
        write_ranking_text(ranking, request.path, "csv")
    return len(ranking.rows)


class _Bridge(QObject):
    """Carries a worker's result back to the GUI thread (a queued signal)."""

    finished = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, bridge: _Bridge, token: tuple[Any, ...], work: Callable[[], Any]):
        super().__init__()
        self._bridge = bridge
        self._token = token
        self._work = work

    def run(self) -> None:
        try:
            result: Any = self._work()
        except UserError as error:
            result = Failure(error.text(), cause=error)
        except OSError as error:
            result = Failure(error.strerror or str(error), cause=error)
        except Exception as error:  # shown, logged, never lost in a worker thread
            log.exception("ranking job failed")
            import traceback

            result = Failure(str(error) or type(error).__name__, traceback.format_exc(), error)
        with contextlib.suppress(RuntimeError):  # the page was closed while we worked
            self._bridge.finished.emit(self._token, result)


# -- the page --------------------------------------------------------------------------------


class RankingsPage(QWidget):
    """Stage and formation choice, a text filter, the ranking table, its legend and counts.

    ``model`` holds display rows only. ``refresh()`` asks for a new computation (coalesced);
    the page also refreshes itself on ``context.changes``. While hidden it only remembers that
    it is out of date and recomputes when shown, so it costs nothing during score entry.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # The pool is the first child: on destruction it waits for its jobs before the bridge
        # they report to is deleted.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._job_finished)
        self._generation = 0
        self._running: int | None = None
        self._exporting = False
        self._stale = True
        self._wanted_stage: str | None = None
        self._wanted_formation: str | None = None
        self._shown: LoadedRanking | None = None
        self._failure: Failure | None = None
        self._updated_at = ""
        self._final: FinalizationStatus | None = None

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
        self.final_icon = QLabel()
        self.final_badge = QLabel()
        self.final_badge.setObjectName("finalBadge")
        self.final_detail = QLabel()
        self.final_detail.setStyleSheet("color: #3d4452;")
        self.finalize_button = QPushButton(icon("lock"), "")
        self.reopen_button = QPushButton(icon("unlock"), "")
        self.finalize_button.setVisible(self.context.may(Action.FINALIZE))
        self.reopen_button.setVisible(self.context.may(Action.REOPEN))
        final_row = QHBoxLayout()
        final_row.setSpacing(8)
        final_row.addWidget(self.final_icon)
        final_row.addWidget(self.final_badge)
        final_row.addWidget(self.final_detail, 1)
        final_row.addWidget(self.finalize_button)
        final_row.addWidget(self.reopen_button)

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

        self.legend_title = QLabel()
        self.legend_title.setStyleSheet("font-weight: 600;")
        self.legend = QWidget()
        self.legend_grid = QGridLayout(self.legend)
        self.legend_grid.setContentsMargins(0, 0, 0, 0)
        self.legend_grid.setHorizontalSpacing(8)
        self.legend_grid.setVerticalSpacing(4)
        self._legend: list[tuple[RowKind, str, str]] = []

        self.counts_label = QLabel()
        self.counts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(80, 10)
        self.busy_label = QLabel()
        self.busy_bar.hide()
        self.busy_label.hide()
        self.updated_label = QLabel()
        self.updated_label.setStyleSheet("color: #5a6170;")

        status = QHBoxLayout()
        status.setSpacing(8)
        status.addWidget(self.counts_label, 1)
        self.review_label = QLabel()  # what waits on the Verifikasi page
        self.review_label.setStyleSheet("color: #7a4b00; font-weight: 600;")
        status.addWidget(self.review_label)
        status.addWidget(self.busy_label)
        status.addWidget(self.busy_bar)
        status.addWidget(self.updated_label)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(controls)
        layout.addLayout(final_row)
        layout.addWidget(self.band)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.legend_title)
        layout.addWidget(self.legend)
        layout.addLayout(status)

        self.stage_box.activated.connect(self._stage_chosen)
        self.formation_box.activated.connect(self._formation_chosen)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.export_csv_button.clicked.connect(lambda: self.export("csv"))
        self.export_xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.finalize_button.clicked.connect(self.finalize_shown)
        self.reopen_button.clicked.connect(self.reopen_shown)
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
        self.finalize_button.setText(self.tr("Finalisasi…"))
        self.finalize_button.setToolTip(
            self.tr(
                "Mengunci hasil tahap ini untuk formasi yang dipilih (atau semua formasi): "
                "nilainya tidak dapat diubah lagi, dan pengumuman dapat diterbitkan."
            )
        )
        self.reopen_button.setText(self.tr("Buka kembali…"))
        self.reopen_button.setToolTip(
            self.tr("Membuka kembali hasil yang sudah final; alasannya dicatat di jejak audit.")
        )
        self._show_final()
        self.legend_title.setText(self.tr("Keterangan kode:"))
        self.busy_label.setText(self.tr("Menghitung…"))
        if self.formation_box.count():
            self.formation_box.setItemText(0, self.tr("Semua formasi"))
        if self.model.columnCount():
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
            )
        if self._shown is not None:
            self._show_legend(self._shown)
            self._show_band(self._shown)
        self._show_status()
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
        self._generation += 1
        self._timer.start()

    def _refresh_now(self) -> None:
        """A choice the user just made: no reason to wait for more of them."""
        self._stale = False
        self._generation += 1
        self._start_load()

    def _data_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        if not (kinds & WATCHED):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._generation += 1  # a running job's result is outdated
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
            self._generation += 1
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
        if self._running is not None:
            return  # started again when the running job reports, with the newest choice
        request = LoadRequest(
            self._generation, selection_id, self._wanted_stage, self._wanted_formation
        )
        self._running = request.generation
        database = self.context.database
        token = ("load", request.generation)
        self._pool.start(_Job(self._bridge, token, lambda: load_ranking(database, request)))
        self._busy_timer.start()

    def _job_finished(self, token: tuple[Any, ...], result: Any) -> None:
        if token[0] == "export":
            self._export_finished(token[1], result)
            return
        self._running = None
        if token[1] != self._generation:
            # Overtaken by a newer change: show nothing of it, compute again (once shown).
            if self._stale:
                self._hide_busy()
            else:
                self._start_load()
            return
        self._hide_busy()
        if isinstance(result, Failure):
            self._failure = result
            self._show_status()
            if self._shown is None:
                self.empty_label.setText(self.counts_label.text())
            return
        self._failure = None
        self._apply(result)

    def is_busy(self) -> bool:
        """Whether a computation or export is running or about to start (tests wait on it)."""
        return self._running is not None or self._timer.isActive() or self._exporting

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
        self.model.set_code_descriptions(self._descriptions(loaded))
        self.model.set_view(loaded.view)
        self._shown = loaded
        self._fit_columns(loaded)
        if selected is not None:
            row = self.model.row_of_number(selected)
            if row is not None:
                self.table.selectRow(row)
        self.table.verticalScrollBar().setValue(scroll)

        self._updated_at = time.strftime("%H.%M.%S")
        self._load_final()
        self._show_band(loaded)
        self._show_legend(loaded)
        self._show_status()
        self.table.show()
        self.empty_label.setVisible(False)
        self.legend_title.setVisible(True)
        self.legend.setVisible(True)
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

        formations = [(None, self.tr("Semua formasi"))] + [
            (f.code, f"{f.code} — {f.position_title}") for f in loaded.formations
        ]
        current = [
            (self.formation_box.itemData(i), self.formation_box.itemText(i))
            for i in range(self.formation_box.count())
        ]
        if current != formations:
            self.formation_box.blockSignals(True)
            self.formation_box.clear()
            for code, text in formations:
                self.formation_box.addItem(text, code)
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
        self.legend_title.hide()
        self.legend.hide()
        self.empty_label.setText(self._empty_text())
        self.empty_label.show()
        self._clear_legend()
        self._failure = None
        self._updated_at = ""
        self._final = None
        self._show_final()
        self._show_status()
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

    # -- legend and counts -----------------------------------------------------------------

    def legend_entries(self) -> list[tuple[str, str]]:
        """(code, explanation) as the legend shows them, for this stage only."""
        return [(code, text) for _, code, text in self._legend]

    def _legend_for(self, loaded: LoadedRanking) -> list[tuple[RowKind, str, str]]:
        """The rules' one legend (as on the announcement and the CLI), coloured by status."""
        entries = []
        for entry in legend(loaded.stage, loaded.final_stage):
            if entry.is_tie:
                kind = RowKind.TIE
            elif entry.is_incomplete:
                kind = RowKind.INCOMPLETE
            else:
                kind = STATUS_KINDS[entry.statuses[0]]
            entries.append((kind, entry.code, entry_text(entry)))
        return entries

    def _descriptions(self, loaded: LoadedRanking) -> dict[str, str]:
        return {code: f"{code} — {text}" for _, code, text in self._legend_for(loaded)}

    def _clear_legend(self) -> None:
        while self.legend_grid.count():
            item = self.legend_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._legend = []

    def _show_legend(self, loaded: LoadedRanking) -> None:
        entries = self._legend_for(loaded)
        if entries == self._legend:
            return
        self._clear_legend()
        self._legend = entries
        per_row = 3
        for position, (kind, code, text) in enumerate(entries):
            row, column = divmod(position, per_row)
            entry = QWidget()
            line = QHBoxLayout(entry)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(6)
            line.addWidget(CodeChip(code, kind))
            line.addWidget(QLabel(f"— {text}"), 1)
            self.legend_grid.addWidget(entry, row, column)
        for column in range(per_row):
            self.legend_grid.setColumnStretch(column, 1)

    def counts_text(self) -> str:
        """``P/L 12 · P/TL 40 · P/TH 3 · BELUM LENGKAP 5``: the incomplete are always counted."""
        if self._shown is None:
            return ""
        counts = self._shown.view.counts
        parts = [f"{code} {count}" for code, count in counts.codes.items() if count]
        if counts.ties:
            parts.append(f"{NOTE_TIE} {counts.ties}")
        parts.append(f"{NOTE_INCOMPLETE} {counts.incomplete}")
        return " · ".join(parts)

    def review_text(self) -> str:
        """``12 nilai menunggu verifikasi entri ganda · 3 selisih antar-penilai``, or ""."""
        shown = self._shown
        parts = []
        if shown is not None and shown.pending:
            parts.append(
                self.tr("{count} nilai menunggu verifikasi entri ganda").format(count=shown.pending)
            )
        if shown is not None and shown.spread:
            parts.append(self.tr("{count} selisih antar-penilai").format(count=shown.spread))
        return " · ".join(parts)

    def _show_status(self) -> None:
        self.review_label.setText(self.review_text())
        if self._failure is not None:
            self.counts_label.setStyleSheet("color: #b3261e;")
            self.counts_label.setText(
                self.tr("Peringkat tidak dapat dihitung: {reason}").format(
                    reason=self._failure.text
                )
            )
            self.counts_label.setToolTip(self._failure.details)
            return
        self.counts_label.setStyleSheet("")
        self.counts_label.setToolTip("")
        if self._shown is None:
            self.counts_label.setText("")
            self.updated_label.setText("")
            return
        total = self.model.total_rows()
        text = self.tr("{total} peserta: {counts}").format(total=total, counts=self.counts_text())
        if self.model.rowCount() != total:
            text += "  " + self.tr("(ditampilkan {shown} dari {total})").format(
                shown=self.model.rowCount(), total=total
            )
        self.counts_label.setText(text)
        self.updated_label.setText(
            self.tr("Diperbarui pukul {time}").format(time=self._updated_at)
            if self._updated_at
            else ""
        )

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
        self._show_status()

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # -- busy indicator --------------------------------------------------------------------

    def _show_busy(self) -> None:
        if self._running is not None or self._exporting:
            self.busy_bar.show()
            self.busy_label.show()

    def _hide_busy(self) -> None:
        if self._running is None and not self._exporting:
            self._busy_timer.stop()
            self.busy_bar.hide()
            self.busy_label.hide()

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
        self._pool.start(
            _Job(self._bridge, ("export", request), lambda: export_ranking(database, request))
        )
        self.busy_label.setText(self.tr("Mengekspor…"))
        self._busy_timer.start()

    def _export_finished(self, request: ExportRequest, result: Any) -> None:
        self._exporting = False
        self.busy_label.setText(self.tr("Menghitung…"))
        self._hide_busy()
        self._update_buttons()
        if isinstance(result, Failure):
            Dialogs.error(
                self,
                self.tr("Ekspor gagal"),
                self.tr("Berkas {path} tidak dapat ditulis: {reason}").format(
                    path=request.path, reason=result.text
                ),
                result.details,
            )
            return
        Dialogs.info(
            self,
            self.tr("Ekspor selesai"),
            self.tr("Peringkat tahap {stage} ({count} peserta) disimpan ke {path}.").format(
                stage=request.stage, count=result, path=request.path
            ),
        )

    def _update_buttons(self) -> None:
        enabled = self._shown is not None and not self._exporting
        self.export_csv_button.setEnabled(enabled)
        self.export_xlsx_button.setEnabled(enabled)
        scope = self._final_scope()
        final = self._final.final if self._final is not None else frozenset()
        self.finalize_button.setEnabled(enabled and bool(scope - final))
        self.reopen_button.setEnabled(enabled and bool(scope & final))

    # -- finalization ----------------------------------------------------------------------

    def _final_scope(self) -> set[str]:
        """The formations the buttons act on: the one shown, or every formation."""
        if self._shown is None or self._final is None:
            return set()
        if self._shown.formation is not None:
            return {self._shown.formation}
        return set(self._final.formations)

    def _load_final(self) -> None:
        """Read the shown stage's finalization (a few rows, from the services)."""
        self._final = None
        if self._shown is not None:
            selection_id = self._shown.request.selection_id
            try:
                self._final = finalization_status(
                    self.context.database, selection_id, self._shown.stage.code
                )
            except UserError as error:
                log.warning("finalization status: %s", error.text())
        self._show_final()

    def _show_final(self) -> None:
        """The badge: "Final" for the formation shown, else "12 dari 30 formasi final"."""
        status, shown = self._final, self._shown
        visible = status is not None and shown is not None
        for widget in (self.final_icon, self.final_badge, self.final_detail):
            widget.setVisible(visible)
        if not visible:
            return
        assert status is not None and shown is not None
        detail = ""
        if shown.formation is not None:
            locked_by = status.locked.get(shown.formation)
            done = locked_by is not None
            badge = self.tr("Final") if done else self.tr("Belum final")
            if locked_by == status.stage:
                detail = self.tr(
                    "Nilai tahap {stage} formasi {formation} tidak dapat diubah."
                ).format(stage=status.stage, formation=shown.formation)
            elif done:
                detail = self.tr(
                    "Terkunci karena tahap {later} formasi ini sudah final; nilainya tidak "
                    "dapat diubah."
                ).format(later=locked_by)
        else:
            count, total = len(status.final), len(status.formations)
            done = bool(total) and count == total
            badge = self.tr("{count} dari {total} formasi final").format(count=count, total=total)
            later = len(set(status.locked) - status.final)
            if later:
                detail = self.tr("{count} formasi lain terkunci oleh tahap berikutnya.").format(
                    count=later
                )
        colours = ("#e3f1e5", "#8fc79a", "#1b5e20") if done else ("#f1f3f4", "#c4c7cc", "#3d4452")
        self.final_badge.setStyleSheet(
            f"#finalBadge {{ background: {colours[0]}; border: 1px solid {colours[1]};"
            f" color: {colours[2]}; border-radius: 3px; padding: 1px 8px; font-weight: 600; }}"
        )
        self.final_badge.setText(badge)
        self.final_icon.setPixmap(icon("lock" if done else "unlock").pixmap(16, 16))
        self.final_detail.setText(detail)

    def finalize_shown(self) -> None:
        """Finalize the shown stage for the shown formation (or every formation), after the
        admin confirmed that its scores become read-only."""
        selection_id = self.context.selection_id
        scope = self._final_scope()
        if selection_id is None or self._shown is None or self._final is None or not scope:
            return
        stage = self._shown.stage.code
        formation = self._shown.formation
        where = (
            self.tr("formasi {formation}").format(formation=formation)
            if formation is not None
            else self.tr("semua {count} formasi").format(count=len(scope))
        )
        question = self.tr(
            "Finalisasi hasil tahap {stage} untuk {where}?\n\n"
            "Setelah final, nilai tahap ini dan tahap sebelumnya untuk formasi tersebut hanya "
            "dapat dibaca: tidak dapat diisi, diubah, dibatalkan, diimpor, atau diberi tanda. "
            "Pengumuman hanya dapat diterbitkan dari hasil yang sudah final. Hanya admin yang "
            "dapat membukanya kembali, dengan alasan yang dicatat."
        ).format(stage=stage, where=where)
        if not Dialogs.confirm(self, self.tr("Finalisasi hasil"), question):
            return
        formations = [formation] if formation is not None else None
        self._run_final(
            lambda: finalize(
                self.context.database, self.context.actor, selection_id, stage, formations
            ),
            self.tr("Finalisasi gagal"),
        )

    def reopen_shown(self) -> None:
        """Reopen the shown formation (or every final one) of the shown stage, with a reason."""
        selection_id = self.context.selection_id
        if selection_id is None or self._shown is None or not self._final_scope():
            return
        stage = self._shown.stage.code
        formation = self._shown.formation
        where = (
            self.tr("formasi {formation}").format(formation=formation)
            if formation is not None
            else self.tr("semua formasi yang sudah final")
        )
        reason = Dialogs.ask_text(
            self,
            self.tr("Buka kembali hasil"),
            self.tr(
                "Membuka kembali tahap {stage} untuk {where} membuat nilainya dapat diubah lagi.\n"
                "Alasan (dicatat di jejak audit):"
            ).format(stage=stage, where=where),
        )
        if reason is None:
            return
        formations = [formation] if formation is not None else None
        self._run_final(
            lambda: reopen(
                self.context.database,
                self.context.actor,
                selection_id,
                stage,
                formations,
                reason,
            ),
            self.tr("Gagal membuka kembali"),
        )

    def _run_final(self, work: Callable[[], FinalizeResult], failed: str) -> None:
        """Run a finalize/reopen off the GUI thread (a ranking check, about a second at 100k
        participants); its changes reach every page: the score sheets become read-only or
        editable."""

        def done(_result: FinalizeResult) -> None:
            self._load_final()
            self._update_buttons()

        def refused(error: Exception) -> None:
            if isinstance(error, UserError):
                Dialogs.error(self, failed, error.text())

        ServiceOp(self, self.context, work).success(done).failure(refused).run_in_background(failed)
