"""The Participants page: everyone in the selection in one table, imports, and marks.

Clerks look people up here all day ("is 24127500000123 in the list? which formation?"), so
the search filters as one types, over number, name and NIK at once, and stays instant at 100k
rows (see ``participant_model``). Imports open the wizard; marking APS/TMS/DIS opens the mark
dialog. Both only call services; this page then announces what changed and every page,
this one included, refreshes itself from ``AppContext.changes``.

The list itself is read off the GUI thread (``read_participants``, most of a second at 100k
participants); a busy note beside the count says so, and a list overtaken by a newer change
is dropped unseen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.database import Database
from app.services.errors import UserError
from app.services.formations import list_formations
from app.services.participant_edit import ParticipantDetails, participant_details
from app.services.participants import ParticipantRow, list_participants
from app.services.participants_import import ImportSummary
from app.services.permissions import Action
from app.services.scheme_edit import current_scheme

from ..context import FORMATIONS, MARKS, PARTICIPANTS, SELECTION, AppContext, Changes
from ..dialogs import Dialogs
from ..icons import icon
from ..import_wizard.kinds import FORMATIONS_KIND, PARTICIPANTS_KIND, SCORES_KIND
from ..import_wizard.wizard import ImportWizard, open_import_wizard
from ..mark_dialog import MarkDialog
from ..operations import LiveQuery
from ..participant_dialog import ParticipantDialog
from ..participant_model import (
    COL_EDUCATION,
    COL_NAME,
    COL_POSITION,
    COL_SESSION,
    ParticipantFilterProxy,
    ParticipantTableModel,
)

# Typing "sit" then "siti" should filter once, not four times, on 100k rows.
SEARCH_DELAY_MS = 200

# Kinds of change that alter what this page shows (scores do not).
RELEVANT_CHANGES = frozenset({PARTICIPANTS, FORMATIONS, MARKS, SELECTION})

# How many rows the column widths are fitted to.
FIT_SAMPLE_ROWS = 200

# Widest a column gets when fitted to its content, in characters: long position titles and
# education names are elided (their tooltip shows them whole) so the Tanda column stays in
# view at 1366 px.
_MAX_COLUMN_CHARS = {COL_NAME: 34, COL_POSITION: 30, COL_EDUCATION: 30, COL_SESSION: 22}

# A list that arrives sooner than this never shows the busy note: no flicker.
BUSY_DELAY_MS = 250

# What each import asks of the permission table.
IMPORT_ACTIONS = {
    PARTICIPANTS_KIND: Action.IMPORT_PARTICIPANTS,
    FORMATIONS_KIND: Action.EDIT_FORMATIONS,
    SCORES_KIND: Action.IMPORT_SCORES,
}


@dataclass(frozen=True, slots=True)
class ParticipantList:
    """What one read hands back: every participant, and the formations to filter by."""

    rows: list[ParticipantRow]
    formations: list[tuple[str, str]]


def read_participants(db: Database, selection_id: int) -> ParticipantList:
    """Runs on a pool thread: services only, no widgets."""
    return ParticipantList(
        list_participants(db, selection_id),
        [(f.code, f.position_title) for f in list_formations(db, selection_id)],
    )


def _number(value: int) -> str:
    """Indonesian digit grouping (1.234), as the committee writes counts."""
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia).toString(value)


class ParticipantsPage(QWidget):
    """One table of every participant, filters, and (for admin/operator) imports and marks.

    Attributes tests and the window use: ``model`` (source), ``proxy`` (what the table shows),
    ``table``, ``formation_box``, ``search_edit``, ``count_label``, the four action buttons,
    ``status_label`` (outcome of the last import or mark), and ``search_timer``.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._query = LiveQuery(
            self,
            self.tr("Peserta"),
            on_result=self._show_list,
            on_error=self._load_failed,
            on_overtaken=self._start_load,
        )
        self._wanted_number = ""  # a participant to select once the list is read again
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self.model = ParticipantTableModel(self)
        self.proxy = ParticipantFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.import_participants_button = QPushButton(icon("peserta"), "")
        self.import_formations_button = QPushButton(icon("formasi"), "")
        self.import_scores_button = QPushButton(icon("nilai"), "")
        self.add_button = QPushButton(icon("peserta"), "")
        self.open_button = QPushButton()
        self.mark_button = QPushButton()
        self.add_button.clicked.connect(self.open_add_dialog)
        self.open_button.clicked.connect(self.open_participant_dialog)
        self.import_participants_button.clicked.connect(lambda: self.open_import(PARTICIPANTS_KIND))
        self.import_formations_button.clicked.connect(lambda: self.open_import(FORMATIONS_KIND))
        self.import_scores_button.clicked.connect(lambda: self.open_import(SCORES_KIND))
        self.mark_button.clicked.connect(self.open_mark_dialog)

        self.formation_box = QComboBox()
        self.formation_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.formation_box.setMinimumContentsLength(28)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel()
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet("color: #5a6170;")
        self.busy_label.hide()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.formation_box.currentIndexChanged.connect(self._formation_chosen)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures 100k rows to lay them out.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)  # a third click goes back to the list's order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        self._columns_fitted = False
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._double_clicked)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555a60; padding: 24px;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        actions = QHBoxLayout()
        actions.addWidget(self.import_participants_button)
        actions.addWidget(self.import_formations_button)
        actions.addWidget(self.import_scores_button)
        actions.addStretch(1)
        actions.addWidget(self.add_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.mark_button)
        filters = QHBoxLayout()
        self.formation_label = QLabel()
        self.formation_label.setBuddy(self.formation_box)
        filters.addWidget(self.formation_label)
        filters.addWidget(self.formation_box)
        filters.addSpacing(12)
        filters.addWidget(self.search_edit, 1)
        filters.addSpacing(12)
        filters.addWidget(self.busy_label)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.status_label)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self._focus_search)

        self._retranslate()
        self._apply_role()
        context.changes.changed.connect(self._changed)
        context.changes.selection_switched.connect(self._selection_switched)
        self.refresh()

    def _retranslate(self) -> None:
        """Every fixed text, again after the interface language changed."""
        self.import_participants_button.setText(self.tr("Impor peserta…"))
        self.import_formations_button.setText(self.tr("Impor formasi…"))
        self.import_scores_button.setText(self.tr("Impor nilai…"))
        self.add_button.setText(self.tr("Tambah peserta…"))
        self.add_button.setToolTip(
            self.tr("Tambahkan satu peserta yang tidak ada dalam berkas impor (peserta susulan)")
        )
        may_edit = self.context.may(Action.EDIT_PARTICIPANT)
        self.open_button.setText(self.tr("Ubah data…") if may_edit else self.tr("Lihat data…"))
        self.open_button.setToolTip(
            self.tr(
                "Buka data peserta terpilih untuk dilihat atau dikoreksi, dengan alasan. "
                "Klik dua kali pada baris juga membuka ini."
            )
        )
        self.mark_button.setText(self.tr("Tandai APS/TMS/DIS…"))
        self.mark_button.setToolTip(
            self.tr(
                "Tandai peserta terpilih: APS (mengundurkan diri), TMS (tidak memenuhi syarat) "
                "atau DIS (diskualifikasi)."
            )
        )
        self.formation_label.setText(self.tr("&Formasi:"))
        self.busy_label.setText(self.tr("Memuat…"))
        self.formation_box.setToolTip(self.tr("Tampilkan peserta satu formasi saja"))
        if self.formation_box.count():
            self.formation_box.setItemText(0, self.tr("Semua formasi"))
        self.search_edit.setPlaceholderText(self.tr("Cari nama, nomor peserta atau NIK…"))
        self.search_edit.setToolTip(self.tr("Ctrl+F: cari; ketik sebagian nama, nomor atau NIK"))
        self.model.retranslate()
        self._update_count()
        self._update_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list and the formations again, keeping filters and the selected
        participant; whatever was being read is outdated."""
        self._query.outdate()
        self._start_load()

    def is_busy(self) -> bool:
        """Whether the list is being read (tests wait on it)."""
        return self._query.running

    def _start_load(self) -> None:
        selection_id = self.context.selection_id
        if selection_id is None:
            self._show_list(ParticipantList([], []))
            return
        database = self.context.database
        if self._query.start(lambda: read_participants(database, selection_id)):
            self._busy_timer.start()
            self._update_empty()
        # else: read again when the running read reports, as overtaken

    def _show_busy(self) -> None:
        self.busy_label.setVisible(self._query.running)

    def _hide_busy(self) -> None:
        self._busy_timer.stop()
        self.busy_label.hide()

    def _load_failed(self, error: Exception) -> None:
        self._hide_busy()
        # A bug has already been reported through sys.excepthook; the page says it, too.
        self.status_label.setText(error.text() if isinstance(error, UserError) else str(error))

    def _show_list(self, loaded: ParticipantList) -> None:
        self._hide_busy()
        selected = self.selected_participant()
        self._fill_formations(loaded.formations)
        self.model.set_rows(loaded.rows)
        if loaded.rows and not self._columns_fitted:
            self._fit_columns()
        wanted = self.model.id_of(self._wanted_number) if self._wanted_number else None
        self._wanted_number = ""
        if wanted is not None:
            self._select(wanted)  # the participant just added or renumbered
        elif selected is not None:
            self._select(selected.id)
        self._update_empty()
        self._update_count()
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Fit the columns once, to the header and the first rows.

        Measured here rather than with ``resizeColumnsToContents``, which asks the model for
        a dozen roles per cell and costs half a second on a large list.
        """
        self._columns_fitted = True
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header_metrics = header.fontMetrics()
        char = metrics.averageCharWidth()
        sample = range(min(self.model.rowCount(), FIT_SAMPLE_ROWS))
        padding = 2 * char + 8
        widths = []
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = header_metrics.horizontalAdvance(title) + 3 * char  # room for the arrow
            for row in sample:
                text = self.model.index(row, column).data()
                widest = max(widest, metrics.horizontalAdvance(text) + padding)
            limit = _MAX_COLUMN_CHARS.get(column)
            if limit is not None:
                widest = min(widest, limit * char + padding)
            widths.append(widest)
        # Every column in view at 1366 px (issue #10 §6): the long texts (position, education,
        # name) give up room first, down to a dozen characters; their tooltips say the rest.
        # The page's own width when the table is not laid out yet (the list arrives first).
        available = max(self.table.viewport().width(), self.width() - 24) - 2
        excess = sum(widths) - available if available > 400 else 0
        for column in (COL_EDUCATION, COL_POSITION, COL_NAME):
            if excess <= 0 or column >= len(widths):
                break
            give = min(excess, max(0, widths[column] - (12 * char + padding)))
            widths[column] -= give
            excess -= give
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def _fill_formations(self, formations: list[tuple[str, str]]) -> None:
        current = self.formation_box.currentData() or ""
        box = self.formation_box
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("Semua formasi"), "")
        for code, title in formations:
            box.addItem(f"{code} — {title}", code)
        index = box.findData(current) if current else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)
        self.proxy.set_formation(str(box.currentData() or ""))

    def _select(self, participant_id: int) -> None:
        row = self.model.row_of(participant_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    # --- filters ---------------------------------------------------------------------------

    def apply_search(self) -> None:
        """Filter by the text typed (called by the debounce timer; tests may call it)."""
        self.search_timer.stop()
        self.proxy.set_text(self.search_edit.text())
        self._update_count()

    def _formation_chosen(self) -> None:
        self.proxy.set_formation(str(self.formation_box.currentData() or ""))
        self._update_count()

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if shown == total:
            text = self.tr("{count} peserta").format(count=_number(total))
        else:
            text = self.tr("{shown} dari {total} peserta").format(
                shown=_number(shown), total=_number(total)
            )
        self.count_label.setText(text)

    def _update_empty(self) -> None:
        if self.context.selection_id is None:
            text = self.tr("Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.")
        elif self.model.rowCount() == 0 and self._query.running:
            text = self.tr("Memuat daftar peserta…")
        elif self.model.rowCount() == 0:
            if self.context.may(Action.IMPORT_PARTICIPANTS):
                text = self.tr(
                    "Belum ada peserta. Impor formasi terlebih dahulu, lalu impor peserta dari "
                    "berkas CSV atau XLSX."
                )
            else:
                text = self.tr("Belum ada peserta dalam seleksi ini.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
        self.table.setVisible(not text)

    # --- roles and buttons -----------------------------------------------------------------

    def _apply_role(self) -> None:
        may = self.context.may
        self.import_participants_button.setVisible(may(Action.IMPORT_PARTICIPANTS))
        self.import_formations_button.setVisible(may(Action.EDIT_FORMATIONS))
        self.import_scores_button.setVisible(may(Action.IMPORT_SCORES))
        self.add_button.setVisible(may(Action.EDIT_PARTICIPANT))
        self.mark_button.setVisible(may(Action.MARK_PARTICIPANT))
        self.open_button.setText(
            self.tr("Ubah data…") if may(Action.EDIT_PARTICIPANT) else self.tr("Lihat data…")
        )

    def _action_buttons(self) -> list[QPushButton]:
        return [
            self.import_participants_button,
            self.import_formations_button,
            self.import_scores_button,
            self.add_button,
            self.open_button,
            self.mark_button,
        ]

    def _update_buttons(self) -> None:
        has_selection = self.context.selection_id is not None
        for button in self._action_buttons()[:4]:
            button.setEnabled(has_selection)
        chosen = has_selection and self.selected_participant() is not None
        self.open_button.setEnabled(chosen)
        self.mark_button.setEnabled(chosen)

    def selected_participant(self) -> ParticipantRow | None:
        model = self.table.selectionModel()
        if model is None:
            return None
        rows = model.selectedRows()
        if len(rows) != 1:
            return None
        value = rows[0].data(ParticipantTableModel.ParticipantRole)
        return value if isinstance(value, ParticipantRow) else None

    # --- actions ---------------------------------------------------------------------------

    def open_import(self, kind: str) -> ImportWizard | None:
        """Open the import wizard (non-blocking); returns it so tests can drive it."""
        if not self.context.may(IMPORT_ACTIONS[kind]) or self.context.selection_id is None:
            return None
        wizard = open_import_wizard(self.context, kind, self)
        wizard.imported.connect(lambda summary: self._imported(kind, summary))
        return wizard

    def _imported(self, kind: str, summary: ImportSummary) -> None:
        what = {
            PARTICIPANTS_KIND: self.tr("Impor peserta selesai"),
            FORMATIONS_KIND: self.tr("Impor formasi selesai"),
            SCORES_KIND: self.tr("Impor nilai selesai"),
        }[kind]
        self.status_label.setText(
            self.tr("{what}: {added} baru, {updated} diperbarui.").format(
                what=what, added=_number(summary.added), updated=_number(summary.updated)
            )
        )

    def open_mark_dialog(self) -> MarkDialog | None:
        """Open the mark dialog for the selected participant (non-blocking); returns it."""
        participant = self.selected_participant()
        selection_id = self.context.selection_id
        if (
            participant is None
            or selection_id is None
            or not self.context.may(Action.MARK_PARTICIPANT)
        ):
            return None
        try:
            stages = [
                (s.code, s.name) for s in current_scheme(self.context.database, selection_id).stages
            ]
        except UserError as error:
            Dialogs.error(self, self.tr("Tandai peserta"), error.text())
            return None
        dialog = MarkDialog(self.context, participant, stages, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._marked(dialog))
        dialog.open()
        return dialog

    def _marked(self, dialog: MarkDialog) -> None:
        saved = dialog.saved
        if saved is None:
            return
        self.status_label.setText(
            self.tr("Tanda {kind} untuk {number} mulai tahap {stage} tersimpan.").format(
                kind=saved.kind, number=saved.participant_no, stage=saved.stage
            )
        )

    def open_add_dialog(self) -> ParticipantDialog | None:
        """Open the dialog for a participant not on the imported list; returns it."""
        if self.context.selection_id is None or not self.context.may(Action.EDIT_PARTICIPANT):
            return None
        return self._show_participant_dialog(None)

    def open_participant_dialog(self) -> ParticipantDialog | None:
        """Open the selected participant's data (to correct, or to read for an assessor)."""
        participant = self.selected_participant()
        selection_id = self.context.selection_id
        if participant is None or selection_id is None:
            return None
        try:
            details = participant_details(self.context.database, selection_id, participant.number)
        except UserError as error:  # removed meanwhile by another window
            self.status_label.setText(error.text())
            return None
        return self._show_participant_dialog(details)

    def _show_participant_dialog(self, details: ParticipantDetails | None) -> ParticipantDialog:
        dialog = ParticipantDialog(self.context, details, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._participant_saved(dialog))
        dialog.open()
        return dialog

    def _participant_saved(self, dialog: ParticipantDialog) -> None:
        saved = dialog.saved
        if saved is None:
            return
        if saved.added:
            text = self.tr("Peserta {number} ditambahkan.")
        elif saved.changed:
            text = self.tr("Data peserta {number} tersimpan.")
        else:
            text = self.tr("Data peserta {number} tidak berubah.")
        self.status_label.setText(text.format(number=saved.number))
        self._wanted_number = saved.number

    def _double_clicked(self, _index: QModelIndex) -> None:
        # The row's person, not a mark: a double-click is how one "opens" a row (issue #10).
        self.open_participant_dialog()

    # --- the rest of the application -------------------------------------------------------

    def _changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        if kinds & RELEVANT_CHANGES:
            self.refresh()

    def _selection_switched(self, _selection_id: int | None) -> None:
        self.formation_box.setCurrentIndex(0)
        self.status_label.clear()
        self.refresh()
