"""Score entry: an assessor (or an operator typing a paper sheet) scores a whole sheet by keyboard.

Every Enter or Tab saves the typed cell at once through ``save_score`` (its own transaction),
so a laptop that dies at the test site loses at most the cell being typed. Refused values
stay in the open editor, red, with the reason under the grid; nothing is saved. Each save
goes on a ``QUndoStack`` and an undo is saved the same way (``restore_scores``).

The sheet itself is read off the GUI thread (``loading``, about two seconds at 100k
participants); saving one cell stays on it, so Enter knows at once whether to move on.

Replacing a value already entered asks for a reason first (the service refuses it without
one). Every save passes what the row showed as ``expected``: if another laptop changed the
score meanwhile the save is refused, the row is reloaded and the typed text stays.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.scoring import Component, Scheme, Stage
from app.services.errors import UserError
from app.services.formations import list_formations
from app.services.participant_edit import participant_details
from app.services.permissions import Action
from app.services.scheme_edit import current_scheme
from app.services.score_entry import known_assessors, restore_scores, save_score, stored_rows
from app.services.sheets import ABSENT_INPUTS, ScoreChange, Sheet
from app.ui.context import (
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
from app.ui.dialogs import Dialogs
from app.ui.operations import LiveQuery, ServiceOp
from app.ui.participant_dialog import ParticipantDialog
from app.ui.score_history_dialog import HistoryAction, ScoreHistoryDialog, open_score_history
from app.ui.score_sheet_model import FIXED_COLUMNS, ScoreSheetModel, fill

from . import loading
from .grid import DOWN, NEXT, ScoreDelegate, ScoreEditor, ScoreTableView
from .loading import LoadedSheet, SheetRequest
from .undo import ScoreCommand

ROW_HIGHLIGHT = QColor("#dbe8fb")
# A sheet that arrives sooner than this never shows the busy indicator: no flicker.
BUSY_DELAY_MS = 250
MESSAGE_PROBLEM_STYLE = (
    "QLabel { color: #8e1b1b; background: #fdecea; border: 1px solid #f1b7b3;"
    " border-radius: 3px; padding: 4px 8px; }"
)
DOUBLE_ENTRY_STYLE = (
    "QLabel { color: #7a4b00; background: #fff4e0; border: 1px solid #f0c98a;"
    " border-radius: 3px; padding: 4px 8px; }"
)
MESSAGE_INFO_STYLE = "QLabel { color: #3c4043; padding: 4px 8px; border: 1px solid transparent; }"


# ``submit``'s answer when the user cancelled the reason dialog: nothing saved, editor stays.
CANCELLED = ""


class ScoreEntryPage(QWidget):
    """Stage, component, formation and assessor on top; the sheet below; saving per cell.

    ``model`` holds the sheet shown; ``undo_stack`` every save of this session (cleared when
    another selection opens). ``_sheet_assessor`` is the assessor the shown sheet belongs to,
    which is the one every save on it uses.
    """

    # The window keeps this page (and its undo history) across a language switch.
    retranslates_itself = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The lock note shown for the sheet on screen (kept to clear it or say it again).
        self._locked_shown = False
        self._locked_sheet: tuple[Sheet | None, set[str]] = (None, set())
        self.context = context
        self._loaded_selection: int | None = None
        self._scheme: Scheme | None = None
        self._known: list[str] = []
        self._assessor_by_component: dict[str, str] = {}
        self._sheet_assessor = ""
        self._sheet_key: tuple[Any, ...] | None = None  # what the choices name
        self._shown_key: tuple[Any, ...] | None = None  # what the grid shows
        # The sheet asked for and not shown yet, and whether the cursor stays where it is.
        self._wanted: tuple[SheetRequest, bool] | None = None
        self._sheet_query = LiveQuery(
            self,
            self.tr("Lembar nilai"),
            on_result=self._sheet_loaded,
            on_error=self._sheet_failed,
            on_overtaken=self._start_sheet_load,
        )
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)

        self._stale = False
        self._sized_for: tuple[str | None, int] | None = None
        self.asking_reason = False  # the reason dialog is open (the delegate must not commit)

        self.undo_stack = QUndoStack(self)
        self.model = ScoreSheetModel(self)
        self._build()
        self._connect()
        self.refresh()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.stage_box = QComboBox()
        self.component_box = QComboBox()
        self.formation_box = QComboBox()
        self.formation_box.setMinimumContentsLength(24)
        self.formation_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.component_box.setMinimumContentsLength(18)
        self.component_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.assessor_box = QComboBox()
        self.assessor_box.setEditable(True)
        self.assessor_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.assessor_box.setMinimumContentsLength(20)
        self.assessor_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.assessor_name_label = QLabel()
        self.assessor_name_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        font = self.assessor_name_label.font()
        font.setBold(True)
        self.assessor_name_label.setFont(font)

        self.stage_label = QLabel()
        self.stage_label.setBuddy(self.stage_box)
        self.component_label = QLabel()
        self.component_label.setBuddy(self.component_box)
        self.formation_label = QLabel()
        self.formation_label.setBuddy(self.formation_box)
        self.assessor_label = QLabel()
        self.assessor_label.setBuddy(self.assessor_box)

        choices = QHBoxLayout()
        choices.setSpacing(6)
        for label, box, stretch in (
            (self.stage_label, self.stage_box, 0),
            (self.component_label, self.component_box, 1),
            (self.formation_label, self.formation_box, 2),
        ):
            choices.addWidget(label)
            choices.addWidget(box, stretch)
            choices.addSpacing(10)
        choices.addWidget(self.assessor_label)
        choices.addWidget(self.assessor_box, 1)
        choices.addWidget(self.assessor_name_label, 1)

        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # Double entry: this sheet shows the user's own entry only (double_entry.py).
        self.double_label = QLabel()
        self.double_label.setWordWrap(True)
        self.double_label.setStyleSheet(DOUBLE_ENTRY_STYLE)
        self.double_label.hide()
        self.progress_label = QLabel()
        self.progress_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedWidth(160)
        self.progress_bar.setMaximumHeight(self.fontMetrics().height())
        # Reading a sheet takes a moment at 100k participants: said here, never in a dialog
        # that would take the keyboard away from the grid.
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(80, 10)
        self.busy_label.hide()
        self.busy_bar.hide()

        self.undo_action = QAction(self)
        self.undo_action.setShortcuts(_shortcuts(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.redo_action = QAction(self)
        # Ctrl+Y everywhere: GNOME and KDE bind Redo to Ctrl+Shift+Z only, and the committee
        # laptops run all sorts of desktops.
        self.redo_action.setShortcuts(_shortcuts(QKeySequence.StandardKey.Redo, "Ctrl+Y"))
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(False)
            self.addAction(action)
        undo_button = QToolButton()
        undo_button.setDefaultAction(self.undo_action)
        redo_button = QToolButton()
        redo_button.setDefaultAction(self.redo_action)
        for button in (undo_button, redo_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        # Ctrl+F: find a participant by number or name; Enter goes to their first value
        # (issue #10 §4: a paper sheet comes in out of order).
        self.find_edit = QLineEdit()
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setMaximumWidth(260)
        self.find_edit.textEdited.connect(self._find)
        self.find_edit.returnPressed.connect(self._found)
        self.find_action = QAction(self)
        self.find_action.setShortcuts(_shortcuts(QKeySequence.StandardKey.Find, "Ctrl+F"))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self._focus_find)
        self.addAction(self.find_action)
        status = QHBoxLayout()
        status.addWidget(self.find_edit)
        status.addWidget(self.hint_label, 1)
        status.addSpacing(12)
        status.addWidget(self.busy_label)
        status.addWidget(self.busy_bar)
        status.addWidget(self.progress_label)
        status.addWidget(self.progress_bar)
        status.addSpacing(12)
        status.addWidget(undo_button)
        status.addWidget(redo_button)

        self.table = ScoreTableView(self, self)
        self.table.setModel(self.model)
        self.delegate = ScoreDelegate(self, self)
        self.table.setItemDelegate(self.delegate)
        self.history_action = HistoryAction(self.table, self.show_history)  # Ctrl+H, menu
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setCornerButtonEnabled(False)
        palette = self.table.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, ROW_HIGHLIGHT)
            palette.setColor(
                group, QPalette.ColorRole.HighlightedText, palette.color(QPalette.ColorRole.Text)
            )
        self.table.setPalette(palette)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setMinimumHeight(self.fontMetrics().height() + 12)
        self._show_info("")
        self._retranslate()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(choices)
        layout.addLayout(status)
        layout.addWidget(self.double_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)

        QWidget.setTabOrder(self.stage_box, self.component_box)
        QWidget.setTabOrder(self.component_box, self.formation_box)
        QWidget.setTabOrder(self.formation_box, self.assessor_box)
        QWidget.setTabOrder(self.assessor_box, self.table)

    def _connect(self) -> None:
        self.stage_box.currentIndexChanged.connect(self._stage_changed)
        self.component_box.currentIndexChanged.connect(self._component_changed)
        self.formation_box.currentIndexChanged.connect(lambda _i: self._load_sheet())
        self.assessor_box.activated.connect(lambda _i: self._assessor_committed())
        self.assessor_box.currentIndexChanged.connect(lambda _i: self._assessor_committed())
        assessor_line = self.assessor_box.lineEdit()
        assert assessor_line is not None  # the box is editable: it always has its line
        assessor_line.editingFinished.connect(self._assessor_committed)
        assessor_line.returnPressed.connect(self._assessor_entered)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._undo_text_changed)
        self.undo_stack.redoTextChanged.connect(self._redo_text_changed)
        self.context.changes.changed.connect(self._on_changed)
        self.context.changes.selection_switched.connect(self._on_selection_switched)

    def _focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _find(self, text: str) -> None:
        """Select the first row whose number starts with, or whose name contains, ``text``."""
        row_index = self.model.find_row(text)
        if row_index is not None:
            columns = self.model.value_columns
            column = columns[0] if columns else 0
            self.table.go_to(self.model.index(row_index, column))

    def _found(self) -> None:
        """Enter in the search field: type into the found participant's row."""
        if self.model.find_row(self.find_edit.text()) is not None:
            self.table.setFocus()

    def _retranslate(self) -> None:
        """Every fixed text of the page; run at start and on each language switch."""
        self.find_edit.setPlaceholderText(self.tr("Cari nomor atau nama (Ctrl+F)"))
        self.stage_label.setText(self.tr("&Tahap:"))
        self.component_label.setText(self.tr("&Komponen:"))
        self.formation_label.setText(self.tr("&Formasi:"))
        self.assessor_label.setText(self.tr("&Penilai:"))
        line = self.assessor_box.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Pilih atau ketik nama penilai"))
        self.hint_label.setText(
            self.tr(
                "Ketik nilai lalu Enter untuk menyimpan; Tab ke aspek berikutnya; T untuk tidak"
                " hadir (TH); Ctrl+Z untuk membatalkan."
            )
        )
        self.double_label.setText(
            self.tr(
                "Entri ganda: nilai Anda tidak terlihat oleh operator lain. Lembar ini hanya"
                " menampilkan entri Anda; nilai masuk peringkat setelah entri kedua cocok."
            )
        )
        self.busy_label.setText(self.tr("Memuat lembar…"))
        self.undo_action.setText(self.tr("Batalkan"))
        self.redo_action.setText(self.tr("Ulangi"))
        self._undo_text_changed(self.undo_stack.undoText())
        self._redo_text_changed(self.undo_stack.redoText())
        self.table.setAccessibleName(self.tr("Lembar nilai"))
        if self.formation_box.count():
            self.formation_box.setItemText(0, self.tr("Semua formasi"))
        self.model.retranslate()
        self._update_progress()
        if self._locked_shown:
            self._show_locked(*self._locked_sheet)  # the lock note in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- what the window calls -----------------------------------------------------------

    def refresh(self) -> None:
        """Reload the scheme, formations and the sheet, keeping the user's choices."""
        self._stale = False
        if self.context.selection_id != self._loaded_selection:
            # Another selection: its participants, assessors and undo history are its own.
            self._loaded_selection = self.context.selection_id
            self.undo_stack.clear()
            self._assessor_by_component.clear()
            self._sheet_key = None
            self._shown_key = None
        stage_code = self.stage_box.currentData()
        component_code = self.component_box.currentData()
        formation_code = self.formation_box.currentData()
        selection_id = self.context.selection_id
        self._scheme = None
        formations = []
        if selection_id is not None:
            try:
                self._scheme = current_scheme(self.context.database, selection_id)
                formations = list_formations(self.context.database, selection_id)
            except UserError as error:
                self._show_problem(error.text())
        with _signals_blocked(self.stage_box, self.formation_box):
            self.stage_box.clear()
            for stage in self._scheme.stages if self._scheme else ():
                self.stage_box.addItem(stage.name, stage.code)
                self.stage_box.setItemData(
                    self.stage_box.count() - 1, stage.code, Qt.ItemDataRole.ToolTipRole
                )
            _choose(self.stage_box, stage_code)
            self.formation_box.clear()
            self.formation_box.addItem(self.tr("Semua formasi"), None)
            for formation in formations:
                self.formation_box.addItem(
                    f"{formation.code} — {formation.position_title}", formation.code
                )
                self.formation_box.setItemData(
                    self.formation_box.count() - 1,
                    formation.unit,
                    Qt.ItemDataRole.ToolTipRole,
                )
            _choose(self.formation_box, formation_code)
        enabled = self._scheme is not None
        for widget in (self.stage_box, self.component_box, self.formation_box, self.table):
            widget.setEnabled(enabled)
        self._fill_components(component_code)

    # -- choices -------------------------------------------------------------------------

    def _stage(self) -> Stage | None:
        code = self.stage_box.currentData()
        if self._scheme is None or code is None:
            return None
        return next((s for s in self._scheme.stages if s.code == code), None)

    def _component(self) -> Component | None:
        stage = self._stage()
        code = self.component_box.currentData()
        if stage is None or code is None:
            return None
        return next((c for c in stage.components if c.code == code), None)

    def _stage_changed(self, _index: int) -> None:
        self._fill_components(None)

    def _fill_components(self, keep: str | None) -> None:
        stage = self._stage()
        with _signals_blocked(self.component_box):
            self.component_box.clear()
            for component in stage.components if stage else ():
                self.component_box.addItem(component.name, component.code)
                self.component_box.setItemData(
                    self.component_box.count() - 1, component.code, Qt.ItemDataRole.ToolTipRole
                )
            _choose(self.component_box, keep)
        self._component_changed(self.component_box.currentIndex())

    def _component_changed(self, _index: int) -> None:
        component = self._component()
        several = component is not None and component.assessors > 1
        fixed = several and self.context.actor.role == "penilai"
        self.assessor_label.setVisible(several)
        self.assessor_box.setVisible(several and not fixed)
        self.assessor_name_label.setVisible(fixed)
        self.assessor_name_label.setText(self.context.actor.assessor_name)
        self.assessor_label.setBuddy(self.assessor_box if not fixed else self.table)
        if several and not fixed and component is not None:
            assert self.context.selection_id is not None
            try:
                self._known = known_assessors(
                    self.context.database, self.context.selection_id, component.code
                )
            except UserError as error:
                self._known = []
                self._show_problem(error.text())
            with _signals_blocked(self.assessor_box):
                self.assessor_box.clear()
                self.assessor_box.addItems(self._known)
                self.assessor_box.setCurrentIndex(-1)
                self.assessor_box.setEditText(self._assessor_by_component.get(component.code, ""))
        self._load_sheet()

    def _chosen_assessor(self) -> str:
        component = self._component()
        if component is None or component.assessors <= 1:
            return ""
        if self.context.actor.role == "penilai":
            return self.context.actor.assessor_name
        return " ".join(self.assessor_box.currentText().split())

    def _assessor_committed(self) -> None:
        component = self._component()
        if component is None or component.assessors <= 1:
            return
        name = self._chosen_assessor()
        if name == self._sheet_assessor:
            return
        self._assessor_by_component[component.code] = name
        self._load_sheet()
        if name and name not in self._known:
            self._show_info(
                fill(
                    self.tr(
                        "Penilai baru: belum ada nilai atas nama %1. Periksa ejaannya sebelum"
                        " mengisi."
                    ),
                    name,
                )
            )

    def _assessor_entered(self) -> None:
        """Return in the assessor box: the name is chosen, the sheet is next."""
        self._assessor_committed()
        if self.model.rowCount() or self._wanted is not None:
            # While the sheet is read the grid already has the keyboard, so the next key
            # cannot land in the assessor's name; the cursor goes to its first open cell.
            self.table.setFocus()

    # -- the sheet -----------------------------------------------------------------------

    def _load_sheet(self, keep_position: bool = False) -> None:
        """Ask for the sheet the choices name, off the GUI thread.

        The same sheet again (a reload after someone else's change, ``keep_position``) stays
        on screen and can be typed into until the new one arrives; then the cursor keeps its
        participant and column, and an open editor its text. Another sheet empties the grid at
        once, so nothing is typed into the wrong one while it is read.
        """
        component = self._component()
        selection_id = self.context.selection_id
        assessor = self._chosen_assessor()
        formation = self.formation_box.currentData()
        key = (selection_id, component.code if component else None, assessor, formation)
        keep_position = (keep_position or key == self._sheet_key) and key == self._shown_key
        self._sheet_key = key
        self._sheet_assessor = assessor
        self._sheet_query.outdate()  # whatever is being read answers an older question
        self._wanted = None
        if selection_id is None:
            note = self.tr("Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.")
        elif component is None:
            note = self.tr("Skema seleksi ini belum memiliki komponen nilai.")
        elif component.assessors > 1 and not assessor:
            note = self.tr(
                "Komponen ini dinilai oleh beberapa penilai. Pilih atau ketik nama penilai"
                " lembar ini, lalu tekan Enter."
            )
        else:
            request = SheetRequest(
                selection_id, component.code, assessor, formation, component.double_entry
            )
            self._wanted = (request, keep_position)
            if not keep_position:
                self._show_sheet(None)
            self._start_sheet_load()
            return
        self._hide_busy()
        self._show_info(note)
        self._show_sheet(None)

    def _start_sheet_load(self) -> None:
        """Read the wanted sheet, unless a read is still running: it reports first, as
        overtaken, and this runs again."""
        if self._wanted is None:
            self._hide_busy()
            return
        request = self._wanted[0]
        database, actor = self.context.database, self.context.actor
        if self._sheet_query.start(lambda: loading.load_sheet(database, actor, request)):
            self._busy_timer.start()

    def _sheet_loaded(self, loaded: LoadedSheet) -> None:
        keep_position = self._wanted[1] if self._wanted is not None else False
        self._wanted = None
        self._hide_busy()
        if not keep_position:
            self._show_info("")
        self._show_sheet(loaded, keep_position)

    def _sheet_failed(self, error: Exception) -> None:
        self._wanted = None
        self._hide_busy()
        # A bug has already been reported through sys.excepthook; the grid says it, too.
        self._show_problem(error.text() if isinstance(error, UserError) else str(error))
        self._show_sheet(None)

    def is_loading(self) -> bool:
        """Whether a sheet is being read or waits to be shown (tests wait on it)."""
        return self._wanted is not None or self._sheet_query.running

    def _show_busy(self) -> None:
        if self.is_loading():
            self.busy_label.show()
            self.busy_bar.show()

    def _hide_busy(self) -> None:
        if not self.is_loading():
            self._busy_timer.stop()
            self.busy_label.hide()
            self.busy_bar.hide()

    def _show_sheet(self, loaded: LoadedSheet | None, keep_position: bool = False) -> None:
        """Put ``loaded`` in the grid (``None``: an empty grid)."""
        position = self._position() if keep_position else None
        typing = self._typing() if keep_position else None
        sheet = loaded.sheet if loaded is not None else None
        locked = set(loaded.locked) if loaded is not None else set()
        self._shown_key = loaded.request.key if loaded is not None else None
        self.double_label.setVisible(sheet is not None and sheet.component.double_entry)
        self.model.set_sheet(sheet, editable=self.context.may(Action.ENTER_SCORE), locked=locked)
        self._show_locked(sheet, locked)
        self._size_columns()
        self._update_progress()
        if position is not None and self._restore_position(*position):
            if typing is not None:
                self._resume_typing(typing)
            return
        self.table.go_to(self.model.first_open_cell())

    def _typing(self) -> str | None:
        """The text of the open cell editor, if one is open."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return None
        editors = [e for e in self.table.viewport().findChildren(ScoreEditor) if e.isVisible()]
        return editors[0].text() if editors else None

    def _resume_typing(self, text: str) -> None:
        """Reopen the editor a reload closed, on the same cell, with what had been typed."""
        current = self.table.currentIndex()
        if not current.isValid() or not current.flags() & Qt.ItemFlag.ItemIsEditable:
            return
        self.table.edit(current)
        editors = [e for e in self.table.viewport().findChildren(ScoreEditor) if e.isVisible()]
        if editors:
            editors[0].setText(text)

    def _show_locked(self, sheet: Sheet | None, locked: set[str]) -> None:
        """Say why rows cannot be typed into, in a box that stands out from save messages;
        take the box away once nothing shown is final any more (after a reopening), and say
        it again in the new language when the interface switches (issue #10 §6)."""
        shown_before = self._locked_shown
        self._locked_sheet = (sheet, set(locked))
        self._locked_shown = sheet is not None and bool(locked)
        if not self._locked_shown:
            if shown_before:
                self._show_info("")
            return
        assert sheet is not None
        if {row.formation for row in sheet.rows} <= locked:
            self._show_info(self.tr("Formasi ini sudah final; nilai tidak dapat diubah."))
        else:
            self._show_info(
                fill(
                    self.tr("Formasi %1 sudah final; nilainya tidak dapat diubah."),
                    ", ".join(sorted(locked)),
                )
            )
        self.message_label.setStyleSheet(
            "QLabel { color: #1b3a57; background: #e8f0fe; border: 1px solid #b6cdf2;"
            " border-radius: 3px; padding: 4px 8px; font-weight: 600; }"
        )

    def _position(self) -> tuple[str, str] | None:
        current = self.table.currentIndex()
        if not current.isValid() or current.row() >= self.model.rowCount():
            return None
        column = self.model.sheet_column(current.column())
        return self.model.sheet_row(current.row()).number, column.key if column else ""

    def _restore_position(self, number: str, aspect: str) -> bool:
        row = self.model.row_of(number)
        if row is None:
            return False
        column = self.model.column_of(aspect)
        self.table.go_to(self.model.index(row, column if column is not None else FIXED_COLUMNS))
        return True

    def _size_columns(self) -> None:
        """Widths from the font and a sample of rows: measuring 100k rows would freeze. Done
        once per component, so a width the user dragged survives reloads of the same sheet."""
        layout = (self._shown_key[1] if self._shown_key else None, self.model.columnCount())
        if not self.model.columnCount() or layout == self._sized_for:
            return
        self._sized_for = layout
        metrics = self.table.fontMetrics()
        pad = 24
        header = self.table.horizontalHeader()
        widest_number = max((len(r.number) for r in self._sample_rows()), default=14)
        header.resizeSection(0, metrics.horizontalAdvance("8" * widest_number) + pad)
        names = [r.name for r in self._sample_rows()]
        name_width = max((metrics.horizontalAdvance(n) for n in names), default=200) + pad
        header.resizeSection(1, max(200, min(name_width, 280)))
        codes = {r.formation for r in self._sample_rows()}
        code_width = max((metrics.horizontalAdvance(c) for c in codes), default=60)
        title_width = metrics.horizontalAdvance(
            str(self.model.headerData(2, Qt.Orientation.Horizontal))
        )
        header.resizeSection(2, max(code_width, title_width) + pad)
        columns = list(self.model.value_columns)
        # Four rubric aspects still fit beside the navigation at 1366 px; titles wrap.
        value_width = 110 if len(columns) == 1 else 150 if len(columns) <= 3 else 130
        title_height = 1
        for column in columns:
            header.resizeSection(column, value_width)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            if metrics.horizontalAdvance(title) + pad > value_width:
                title_height = 2
        header.setMinimumHeight(metrics.height() * title_height + 12)

    def _sample_rows(self) -> list[Any]:
        count = min(self.model.rowCount(), 500)
        return [self.model.sheet_row(i) for i in range(count)]

    def _update_progress(self) -> None:
        filled, total = self.model.filled, self.model.total
        locale = self.locale()
        self.progress_label.setText(
            fill(self.tr("%1 / %2 diisi"), locale.toString(filled), locale.toString(total))
        )
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(filled)

    # -- saving (called by the delegate and the view) ------------------------------------

    def submit(self, index: QModelIndex, text: str) -> str | None:
        """Save one typed cell; ``None`` when saved or unchanged, ``CANCELLED`` when the user
        cancelled the reason dialog, else why it was refused."""
        row_index, column = index.row(), index.column()
        sheet_column = self.model.sheet_column(column)
        component = self._component()
        selection_id = self.context.selection_id
        if sheet_column is None or component is None or selection_id is None:
            return None
        if self.model.is_unchanged(row_index, column, text):
            self.model.clear_refused(row_index, column)
            return None
        row = self.model.sheet_row(row_index)
        typed = text.strip()
        why = ""
        answered = False
        database, actor, assessor = (
            self.context.database,
            self.context.actor,
            self._sheet_assessor,
        )
        while True:

            def save(why: str = why) -> ScoreChange:
                return save_score(
                    database,
                    actor,
                    selection_id,
                    row.number,
                    component.code,
                    typed,
                    assessor=assessor,
                    aspect=sheet_column.key,
                    reason=why,
                    expected=row.stored,
                )

            try:
                # One value, measured well below 50 ms at 100k participants: on the GUI
                # thread, so Enter knows at once whether to move on; the door tells the
                # other pages (rankings follow).
                change = ServiceOp(self, self.context, save).run_now()
            except UserError as error:
                if error.message == "entry.reason_required" and not why.strip():
                    # Asked only now: the value itself passed every check first.
                    title = sheet_column.title if sheet_column.key else component.name
                    answer = self._ask_reason(
                        f"{row.number} {row.name}",
                        title,
                        self.model.cell_text(row_index, column) or "-",
                        typed or "-",
                        again=why == "" and answered,
                    )
                    answered = True
                    if answer is None:
                        self._show_info(
                            fill(
                                self.tr("Tidak disimpan: nilai %1 tetap %2 (tanpa alasan)."),
                                row.name,
                                self.model.cell_text(row_index, column) or "-",
                            )
                        )
                        return CANCELLED
                    why = answer.strip()  # a blank answer is asked again, saying why
                    continue
                reason = error.text()
                if error.message == "entry.changed_elsewhere":
                    self._reload_row(row.number)
                    reason = fill(
                        self.tr("%1. Baris ini sudah dimuat ulang; tekan Enter untuk menyimpan."),
                        reason,
                    )
                self.model.set_refused(row_index, column, reason)
                self._show_problem(
                    fill(self.tr('Nilai "%1" untuk %2 tidak disimpan: %3'), typed, row.name, reason)
                )
                return reason
            break
        self.model.clear_refused(row_index, column)
        title = sheet_column.title if sheet_column.key else component.name
        self.undo_stack.push(
            ScoreCommand(
                self, change, sheet_column.key, fill(self.tr("%1 untuk %2"), title, row.name)
            )
        )
        self._changed(change, change.after)
        if typed.upper() in ABSENT_INPUTS:
            message = self.tr("Tersimpan: %1 (%2) tidak hadir (TH).")
        elif not typed:
            message = self.tr("Dihapus: nilai %3 untuk %1 (%2).")
        else:
            message = self.tr("Tersimpan: %1 (%2), %3: %4.")
        self._show_info(fill(message, row.name, row.number, title, typed))
        return None

    def _ask_reason(
        self, participant: str, component: str, old: str, new: str, *, again: bool = False
    ) -> str | None:
        """The reason for replacing a value already entered; ``None`` when cancelled. The
        question names what changes (issue #10 §5); asked again, it says why."""
        lines = [
            fill(self.tr("Peserta: %1"), participant),
            fill(self.tr("Komponen: %1"), component),
            fill(self.tr("Nilai: %1 → %2"), old, new),
            "",
        ]
        if again:
            lines.append(self.tr("Alasan tidak boleh kosong: setiap perubahan nilai dicatat."))
        lines.append(self.tr("Nilai ini sudah pernah diisi. Tulis alasan perubahan:"))
        self.asking_reason = True
        try:
            return Dialogs.ask_text(self, self.tr("Alasan perubahan"), "\n".join(lines))
        finally:
            self.asking_reason = False

    def _reload_row(self, participant_no: str) -> None:
        """Show what the database holds now for one participant (someone else saved it)."""
        component = self._component()
        selection_id = self.context.selection_id
        if component is None or selection_id is None:
            return
        if component.double_entry:  # the sheet shows the user's own draft, not the score
            self._load_sheet(keep_position=True)
            return
        try:
            held = stored_rows(
                self.context.database,
                selection_id,
                participant_no,
                component.code,
                self._sheet_assessor,
            )
        except UserError:
            self._load_sheet(keep_position=True)
            return
        self.model.apply_stored(participant_no, held)
        self._update_progress()

    def advance(self, index: QModelIndex, move: str) -> None:
        """After a saved cell: the next participant (Enter) or the next aspect (Tab)."""
        if not index.isValid():
            return
        if move == NEXT and self.model.sheet_row(index.row()).absent:
            # TH covers every aspect: the next thing to type is the next participant's.
            columns = self.model.value_columns
            index = self.model.index(index.row(), columns[-1])
        target = self.table.neighbour(index, move)
        if target == index and move in (DOWN, NEXT):
            self._show_info(
                fill(self.tr("%1 Ini baris terakhir lembar."), self.message_label.text())
            )
        self.table.go_to(target)

    def abandon(self, index: QModelIndex) -> None:
        """Escape in a cell: nothing was saved and the red mark goes with the editor."""
        self.model.clear_refused(index.row(), index.column())
        self._show_info("")

    # -- leaving (main_window's LeavingPage) ----------------------------------------------

    def _open_editor(self) -> ScoreEditor | None:
        if self.table.state() != QAbstractItemView.State.EditingState:
            return None
        editors = [e for e in self.table.viewport().findChildren(ScoreEditor) if e.isVisible()]
        return editors[0] if editors and editors[0].index.isValid() else None

    def unsaved(self) -> bool:
        """A value in the cell editor that the sheet does not hold yet."""
        editor = self._open_editor()
        if editor is None:
            return False
        return not self.model.is_unchanged(editor.index.row(), editor.index.column(), editor.text())

    def leave(self) -> bool:
        """Before the window closes or the user logs out: the open cell is saved as Enter saves
        it; a value the service refuses is dropped only when the user says so, having read
        why, and a cancelled reason keeps the window."""
        editor = self._open_editor()
        if editor is None:
            return True
        typed = editor.text()
        reason = self.submit(self.model.index(editor.index.row(), editor.index.column()), typed)
        if reason == CANCELLED:
            return False
        if reason is not None:
            question = fill(
                self.tr('Nilai "%1" tidak disimpan: %2\n\nTinggalkan tanpa menyimpan nilai ini?'),
                typed,
                reason,
            )
            if not Dialogs.confirm(self, self.tr("Nilai belum disimpan"), question):
                editor.show_refused(reason)
                return False
        self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return True

    def show_history(self) -> ScoreHistoryDialog | None:
        """Who entered or changed the current cell's score, when and why (non-modal)."""
        index, component = self.table.currentIndex(), self._component()
        if not index.isValid() or component is None or self.context.selection_id is None:
            return None
        row = self.model.sheet_row(index.row())
        return open_score_history(
            self, self.context, row.number, row.name, component, self._sheet_assessor
        )

    def _double_clicked(self, index: QModelIndex) -> None:
        """A double-click on a value edits it; on the number, name or formation it opens
        the participant (to read, or for clerks to correct), never a mark."""
        if index.isValid() and index.column() < FIXED_COLUMNS:
            self.open_participant(index.row())

    def open_participant(self, row_index: int) -> ParticipantDialog | None:
        selection_id = self.context.selection_id
        if selection_id is None or not 0 <= row_index < self.model.rowCount():
            return None
        number = self.model.sheet_row(row_index).number
        try:
            details = participant_details(self.context.database, selection_id, number)
        except UserError as error:
            self.message_label.setText(error.text())
            return None
        dialog = ParticipantDialog(self.context, details, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def put_back(self, *, undo: bool) -> None:
        """After a refused undo (redo), step the stack forward (back) again, once the stack
        has finished its own step: the command skips that step, so nothing is saved."""
        QTimer.singleShot(0, self.undo_stack.redo if undo else self.undo_stack.undo)

    def restore(self, command: ScoreCommand, *, undo: bool) -> bool:
        """Undo or redo one saved cell; the restored state is saved as a new change."""
        change = command.change
        database, actor = self.context.database, self.context.actor
        try:
            ServiceOp(
                self, self.context, lambda: restore_scores(database, actor, change, undo=undo)
            ).run_now()
        except UserError as error:
            if error.message == "entry.changed_elsewhere" and self._on_this_sheet(change):
                self._reload_row(change.participant_no)
            self._show_problem(error.text())
            return False
        self._changed(change, change.before if undo else change.after)
        row = self.model.row_of(change.participant_no)
        if row is not None and self._on_this_sheet(change):
            column = self.model.column_of(command.aspect)
            self.table.go_to(self.model.index(row, column or FIXED_COLUMNS))
        template = (
            self.tr("Dibatalkan: %1. Nilai sebelumnya dipulihkan.")
            if undo
            else self.tr("Diulangi: %1.")
        )
        self._show_info(fill(template, command.text()))
        return True

    def _on_this_sheet(self, change: ScoreChange) -> bool:
        component = self._component()
        return (
            component is not None
            and change.selection_id == self.context.selection_id
            and change.component == component.code
            and change.assessor == self._sheet_assessor
        )

    def _changed(self, change: ScoreChange, stored: Any) -> None:
        if self._on_this_sheet(change):
            self.model.apply_stored(change.participant_no, stored)
            self._update_progress()
            if self._wanted is not None and self._wanted[1]:
                # A reload of this sheet may have been read before this save: read again,
                # so what arrives cannot show the value from before.
                self._load_sheet(keep_position=True)

    # -- others' changes -----------------------------------------------------------------

    def _on_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        if initiator is self or not kinds & {
            SCORES,
            FINALIZATION,
            PARTICIPANTS,
            FORMATIONS,
            MARKS,
            SCHEME,
            SELECTION,
        }:
            return
        if not self.isVisible():
            self._stale = True
            return
        if kinds & {SCHEME, SELECTION, FORMATIONS}:
            self.refresh()
        else:
            self._load_sheet(keep_position=True)

    def _on_selection_switched(self, _selection_id: object) -> None:
        """The window calls ``refresh()`` itself right after switching; reloading here too
        would load a 100k sheet twice. So only mark the page stale and let the event loop
        refresh it if nobody did meanwhile (a page shown outside the window, as in tests)."""
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            # Deferred like the selection switch: the window may call refresh() itself now.
            QTimer.singleShot(0, self._refresh_if_stale)

    # -- messages ------------------------------------------------------------------------

    def _show_problem(self, text: str) -> None:
        self.message_label.setStyleSheet(MESSAGE_PROBLEM_STYLE)
        self.message_label.setText(text)

    def _show_info(self, text: str) -> None:
        self.message_label.setStyleSheet(MESSAGE_INFO_STYLE)
        self.message_label.setText(text)

    def _undo_text_changed(self, text: str) -> None:
        keys = _key_text(self.undo_action)
        self.undo_action.setToolTip(
            fill(self.tr("Batalkan %1 (%2)"), text, keys)
            if text
            else fill(self.tr("Batalkan (%1)"), keys)
        )

    def _redo_text_changed(self, text: str) -> None:
        keys = _key_text(self.redo_action)
        self.redo_action.setToolTip(
            fill(self.tr("Ulangi %1 (%2)"), text, keys)
            if text
            else fill(self.tr("Ulangi (%1)"), keys)
        )


@contextmanager
def _signals_blocked(*widgets: QWidget) -> Iterator[None]:
    """Refill combos without each ``clear``/``addItem`` reloading the sheet."""
    for widget in widgets:
        widget.blockSignals(True)
    try:
        yield
    finally:
        for widget in widgets:
            widget.blockSignals(False)


def _shortcuts(standard: QKeySequence.StandardKey, always: str) -> list[QKeySequence]:
    """The platform's keys for ``standard`` plus ``always``, without duplicates."""
    keys = list(QKeySequence.keyBindings(standard))
    extra = QKeySequence(always)
    if all(key != extra for key in keys):
        keys.append(extra)
    return keys


def _key_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def _choose(box: QComboBox, data: object) -> None:
    """Select the item whose data is ``data``, else the first one."""
    index = box.findData(data) if data is not None else -1
    box.setCurrentIndex(index if index >= 0 else 0 if box.count() else -1)
