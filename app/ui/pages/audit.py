"""The Audit page: who changed what, when and why, and whether the trail is still intact.

Participants contest results; the committee answers with this page. It lists the audit trail
(``app.services.audit``) with the filters of ``seleksi audit log`` (participant, user, since
a date) plus the kind of action, checks the SHA-256 chain on request, and exports what it
shows as CSV for the minutes.

The trail grows by one event per typed score, so it reaches 100k events in a large
selection. Events are therefore read on a worker thread, only the newest ``DEFAULT_LIMIT``
unless the user asks for all, and a result that a newer filter has overtaken is dropped
(a generation counter) rather than shown for a moment. The page shows the current
selection's events and those that belong to no selection (logins, users).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.messages import t
from app.services.audit import ChainReport, verify_chain
from app.services.changes import NO_CHANGES
from app.services.errors import UserError

from ..audit_model import (
    ACTION,
    ACTOR,
    AT,
    CHANGE,
    ID,
    PARTICIPANT,
    SUBJECT,
    AuditTableModel,
)
from ..audit_query import (
    DEFAULT_LIMIT,
    AuditQuery,
    ExportOutcome,
    LoadedAudit,
    load_audit,
    write_audit_csv,
)
from ..context import AppContext, Changes
from ..dialogs import Dialogs
from ..operations import LiveQuery
from ..score_sheet_model import fill
from ..workers import run_in_background

# Typing a participant number waits for a pause before the trail is read again.
TYPING_DELAY_MS = 300
COALESCE_MS = 50

OK_STYLE = (
    "QLabel { color: #1e4620; background: #e6f4ea; border: 1px solid #a8d5b5;"
    " border-radius: 3px; padding: 6px 10px; font-weight: 600; }"
)
BROKEN_STYLE = (
    "QLabel { color: #8e1b1b; background: #fdecea; border: 1px solid #f1b7b3;"
    " border-radius: 3px; padding: 6px 10px; font-weight: 600; }"
)


class AuditPage(QWidget):
    """Filters on top, the chain check and export beside the counts, the events below.

    ``model`` holds the events shown, newest first. ``refresh()`` reads them again; the
    page also does so by itself when data changes (every change writes an event), at
    once when visible and on its next showing otherwise.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._query = LiveQuery(
            self,
            self.tr("Jejak audit"),
            on_result=self._apply,
            on_error=self._load_failed,
            on_overtaken=self._overtaken,
        )
        self._stale = False
        self._checking = False
        self._exporting = False
        self.loaded: LoadedAudit | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._start_load)
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_DELAY_MS)
        self._typing_timer.timeout.connect(self.refresh)

        self._build()
        self._retranslate()
        context.changes.changed.connect(self._data_changed)
        context.changes.selection_switched.connect(self._selection_switched)
        self.refresh()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.participant_label = QLabel()
        self.participant_edit = QLineEdit()
        self.participant_edit.setClearButtonEnabled(True)
        self.participant_edit.setMaxLength(40)
        self.participant_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("8" * 18))
        self.participant_label.setBuddy(self.participant_edit)
        self.user_label = QLabel()
        self.user_box = QComboBox()
        self.user_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.user_box.setMinimumContentsLength(16)
        self.user_label.setBuddy(self.user_box)
        self.since_label = QLabel()
        self.since_edit = QDateEdit()
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("dd-MM-yyyy")
        self.since_edit.setDate(QDate.currentDate())
        self.since_edit.setEnabled(False)
        self.since_label.setBuddy(self.since_edit)
        self.all_dates_check = QCheckBox()
        self.all_dates_check.setChecked(True)
        self.kind_label = QLabel()
        self.kind_box = QComboBox()
        self.kind_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_box.setMinimumContentsLength(14)
        self.kind_label.setBuddy(self.kind_box)
        for kind in (None, "nilai", "tanda", "impor", "skema", "pengumuman", "login", "pengguna"):
            self.kind_box.addItem("", kind)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.participant_label)
        filters.addWidget(self.participant_edit)
        filters.addSpacing(12)
        filters.addWidget(self.user_label)
        filters.addWidget(self.user_box)
        filters.addSpacing(12)
        filters.addWidget(self.since_label)
        filters.addWidget(self.since_edit)
        filters.addWidget(self.all_dates_check)
        filters.addSpacing(12)
        filters.addWidget(self.kind_label)
        filters.addWidget(self.kind_box)
        filters.addStretch(1)

        self.show_all_check = QCheckBox()
        self.count_label = QLabel()
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet("color: #5a6170;")
        self.busy_label.hide()
        self.chain_button = QPushButton()
        self.export_button = QPushButton()

        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.show_all_check)
        actions.addSpacing(12)
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.busy_label)
        actions.addSpacing(12)
        actions.addWidget(self.chain_button)
        actions.addWidget(self.export_button)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setStretchLastSection(True)
        columns.setHighlightSections(False)
        self._size_columns()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)

        self.participant_edit.textChanged.connect(lambda _text: self._typing_timer.start())
        self.participant_edit.returnPressed.connect(self.refresh)
        self.user_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.since_edit.dateChanged.connect(lambda _date: self.refresh())
        self.all_dates_check.toggled.connect(self._all_dates_toggled)
        self.kind_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.show_all_check.toggled.connect(lambda _checked: self.refresh())
        self.chain_button.clicked.connect(self.check_chain)
        self.export_button.clicked.connect(self.export_csv)

    def _size_columns(self) -> None:
        """Widths from the font, so the table reads the same at any DPI; the reason column
        takes what is left (1366 px wide screens leave it about a third)."""
        metrics = self.table.fontMetrics()
        pad = 20
        widths = {
            ID: metrics.horizontalAdvance("8" * 6),
            AT: metrics.horizontalAdvance("88-88-8888 88:88:88"),
            ACTOR: metrics.horizontalAdvance("M" * 7),
            ACTION: metrics.horizontalAdvance("Nilai dibatalkan (undo)"),
            PARTICIPANT: metrics.horizontalAdvance("8" * 14),
            SUBJECT: metrics.horizontalAdvance("PRAKTIK · Hamdan Purnomo"),
            CHANGE: metrics.horizontalAdvance("TEKNIS 80 → 85; SIKAP 70"),
        }
        header = self.table.horizontalHeader()
        for key, width in widths.items():
            header.resizeSection(self.model.column_of(key), width + pad)

    def _retranslate(self) -> None:
        self.participant_label.setText(self.tr("&Peserta:"))
        self.participant_edit.setPlaceholderText(self.tr("Nomor peserta"))
        self.participant_edit.setToolTip(
            self.tr("Tampilkan hanya kejadian peserta dengan nomor ini (harus persis sama).")
        )
        self.user_label.setText(self.tr("Pen&gguna:"))
        if self.user_box.count() == 0:
            self.user_box.addItem("", None)
        self.user_box.setItemText(0, self.tr("Semua pengguna"))
        self.since_label.setText(self.tr("Se&jak:"))
        self.all_dates_check.setText(self.tr("Semua tanggal"))
        self.since_edit.setToolTip(self.tr("Tanggal menurut waktu setempat komputer ini."))
        self.kind_label.setText(self.tr("Je&nis:"))
        kinds = {
            None: self.tr("Semua tindakan"),
            "nilai": self.tr("Nilai"),
            "tanda": self.tr("Tanda peserta"),
            "impor": self.tr("Impor"),
            "skema": self.tr("Skema"),
            "pengumuman": self.tr("Pengumuman"),
            "login": self.tr("Login"),
            "pengguna": self.tr("Pengguna"),
        }
        for row in range(self.kind_box.count()):
            self.kind_box.setItemText(row, kinds[self.kind_box.itemData(row)])
        self.show_all_check.setText(self.tr("Tampilkan semua"))
        self.show_all_check.setToolTip(
            fill(
                self.tr(
                    "Tanpa centang hanya %1 kejadian terbaru yang dibaca, agar halaman tetap"
                    " cepat pada jejak audit yang panjang."
                ),
                self.locale().toString(DEFAULT_LIMIT),
            )
        )
        self.busy_label.setText(self.tr("Memuat…"))
        self.chain_button.setText(self.tr("Periksa rantai"))
        self.chain_button.setToolTip(
            self.tr(
                "Menghitung ulang SHA-256 setiap kejadian dari awal: kejadian yang diubah,"
                " dihapus, atau disisipkan merusak rantai mulai titik itu."
            )
        )
        self.export_button.setText(self.tr("Ekspor CSV…"))
        self.export_button.setToolTip(
            self.tr("Menyimpan kejadian yang sedang ditampilkan ke berkas CSV, dari yang terlama.")
        )
        self.table.setAccessibleName(self.tr("Jejak audit"))

    # -- asking for events -----------------------------------------------------------------

    def query(self) -> AuditQuery:
        """The filters as they stand."""
        participant = self.participant_edit.text().strip() or None
        since: dt.date | None = None
        if not self.all_dates_check.isChecked():
            picked = self.since_edit.date()
            since = dt.date(picked.year(), picked.month(), picked.day())
        return AuditQuery(
            selection_id=self.context.selection_id,
            participant=participant,
            user=self.user_box.currentData(),
            since=since,
            kind=self.kind_box.currentData(),
            limit=None if self.show_all_check.isChecked() else DEFAULT_LIMIT,
            viewer=self.context.actor,
        )

    def refresh(self) -> None:
        """Read the trail again soon; whatever was being read is outdated."""
        self._typing_timer.stop()
        self._stale = False
        self._query.outdate()
        self._timer.start()

    def is_busy(self) -> bool:
        """Whether events are being read or about to be (tests wait on it)."""
        return (
            self._query.running
            or self._timer.isActive()
            or self._typing_timer.isActive()
            or self._checking
            or self._exporting
        )

    def _all_dates_toggled(self, checked: bool) -> None:
        self.since_edit.setEnabled(not checked)
        self.refresh()

    def _data_changed(self, changes: Changes, initiator: object = None) -> None:
        # Every kind of change writes an audit event, so any of them is news here.
        if self.isVisible():
            self.refresh()
        else:
            self._query.outdate()
            self._stale = True

    def _selection_switched(self, _selection_id: object) -> None:
        self.banner.hide()
        self._data_changed(NO_CHANGES)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _start_load(self) -> None:
        self._timer.stop()
        query = self.query()
        database = self.context.database
        if self._query.start(lambda: load_audit(database, query)):
            self.busy_label.show()
        # else: started again when the running read reports, with the newest filters

    def _overtaken(self) -> None:
        if not self._stale:
            self._start_load()  # overtaken by newer filters: read again, once
        else:
            self.busy_label.hide()

    def _load_failed(self, error: Exception) -> None:
        self.busy_label.hide()
        if isinstance(error, UserError):
            self._show_count(error.text())
            return
        self._show_count(
            fill(
                self.tr("Jejak audit tidak dapat dibaca: %1"),
                str(error) or type(error).__name__,
            )
        )

    # -- showing events --------------------------------------------------------------------

    def _apply(self, loaded: LoadedAudit) -> None:
        self.busy_label.hide()
        selected = self._selected_id()
        self._fill_users(loaded.actors)
        self.model.set_entries(loaded.entries[::-1])  # newest first: the latest on top
        self.loaded = loaded
        if selected is not None:
            row = self.model.row_of_id(selected)
            if row is not None:
                self.table.selectRow(row)
        locale = self.locale()
        count = len(loaded.entries)
        if count == 0:
            text = self.tr("Tidak ada kejadian yang cocok dengan saringan ini.")
        elif loaded.truncated:
            text = fill(
                self.tr(
                    "Menampilkan %1 kejadian terbaru. Centang «Tampilkan semua» untuk yang lebih"
                    " lama."
                ),
                locale.toString(count),
            )
        else:
            text = fill(self.tr("%1 kejadian."), locale.toString(count))
        self._show_count(text)
        self.export_button.setEnabled(count > 0 and not self._exporting)

    def _show_count(self, text: str) -> None:
        self.count_label.setText(text)

    def _fill_users(self, actors: list[str]) -> None:
        current = self.user_box.currentData()
        known = [self.user_box.itemData(row) for row in range(1, self.user_box.count())]
        wanted = sorted(set(actors) | ({current} if current else set()))
        if known == wanted:
            return
        self.user_box.blockSignals(True)
        while self.user_box.count() > 1:
            self.user_box.removeItem(1)
        for actor in wanted:
            self.user_box.addItem(actor, actor)
        self.user_box.setCurrentIndex(max(self.user_box.findData(current), 0) if current else 0)
        self.user_box.blockSignals(False)

    def _selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.entry(index.row()).id

    def show_event(self, event_id: int) -> bool:
        """Select and scroll to event ``event_id`` if the table lists it."""
        row = self.model.row_of_id(event_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    # -- the chain -------------------------------------------------------------------------

    def check_chain(self) -> None:
        """Recompute the whole chain on a worker thread; the banner says what was found."""
        if self._checking:
            return
        self._checking = True
        self.chain_button.setEnabled(False)
        run_in_background(
            self,
            self.tr("Periksa rantai"),
            verify_chain,
            self.context.database,
            on_done=self._chain_checked,
            on_error=self._chain_failed,
            label=self.tr("Memeriksa rantai SHA-256 jejak audit…"),
        )

    def _chain_checked(self, report: ChainReport) -> None:
        self._checking = False
        self.chain_button.setEnabled(True)
        if report.ok:
            self.banner.setStyleSheet(OK_STYLE)
            self.banner.setText(
                fill(
                    self.tr("Jejak audit utuh: %1 kejadian, rantai SHA-256 cocok."),
                    self.locale().toString(report.events),
                )
            )
        else:
            self.banner.setStyleSheet(BROKEN_STYLE)
            self.banner.setText(
                fill(
                    self.tr(
                        "Jejak audit RUSAK mulai kejadian #%1: %2. Kejadian sebelumnya utuh;"
                        " simpan berkas ini apa adanya dan laporkan kepada ketua panitia."
                    ),
                    report.first_broken,
                    t(report.problem),
                )
            )
            if report.first_broken is not None:
                self.show_event(report.first_broken)
        self.banner.show()

    def _chain_failed(self, error: Exception) -> None:
        self._checking = False
        self.chain_button.setEnabled(True)
        text = error.text() if isinstance(error, UserError) else str(error)
        self.banner.setStyleSheet(BROKEN_STYLE)
        self.banner.setText(fill(self.tr("Rantai jejak audit tidak dapat diperiksa: %1"), text))
        self.banner.show()

    # -- export ----------------------------------------------------------------------------

    def export_csv(self) -> None:
        """Save the events shown (all of them, oldest first) as CSV, off the GUI thread."""
        if self._exporting or self.model.rowCount() == 0:
            return
        path = Dialogs.save_file(
            self,
            self.tr("Ekspor jejak audit ke CSV"),
            self.tr("Berkas CSV (*.csv)"),
            "jejak-audit.csv",
        )
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        entries = self.model.entries[::-1]
        self._exporting = True
        self.export_button.setEnabled(False)
        run_in_background(
            self,
            self.tr("Ekspor jejak audit"),
            write_audit_csv,
            entries,
            path,
            self.model.current_wording,
            on_done=self._exported,
            on_error=self._export_failed,
            label=self.tr("Menulis berkas CSV…"),
        )

    def _exported(self, outcome: ExportOutcome) -> None:
        self._exporting = False
        self.export_button.setEnabled(self.model.rowCount() > 0)
        if outcome.error:
            Dialogs.error(
                self,
                self.tr("Ekspor gagal"),
                fill(self.tr("Berkas %1 tidak dapat ditulis: %2"), outcome.path, outcome.error),
            )
            return
        Dialogs.info(
            self,
            self.tr("Ekspor selesai"),
            fill(
                self.tr("%1 kejadian jejak audit disimpan ke %2."),
                self.locale().toString(outcome.rows),
                outcome.path,
            ),
        )

    def _export_failed(self, error: Exception) -> None:
        self._exporting = False
        self.export_button.setEnabled(self.model.rowCount() > 0)
        if not isinstance(error, UserError):
            return  # a bug: already reported through sys.excepthook
        Dialogs.error(self, self.tr("Ekspor gagal"), error.text())
