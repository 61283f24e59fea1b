"""The history of one score: every entry, replacement and undo of one participant's component
for one assessor, with who did it, when and why.

A participant who contests a score asks "who typed this, and did anyone change it?"; the
operator answers from the score grid itself (Ctrl+H or the context menu on a cell) instead of
searching the Audit page. The dialog is not modal, so the grid stays usable beside it, and it
follows new saves of the same score while it is open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.scoring import Component
from app.services.audit import audit_log
from app.services.double_entry import shown_in_history
from app.services.errors import UserError
from app.services.sheets import score_key

from .audit_model import ACTION, ACTOR, AT, CHANGE, HISTORY_COLUMNS, AuditTableModel
from .context import SCORES, AppContext, Changes
from .score_sheet_model import fill

HISTORY_SHORTCUT = "Ctrl+H"


class ScoreHistoryDialog(QDialog):
    """The audit events of ``score_key(component, assessor)`` for one participant, oldest
    first. ``model`` holds them; ``reload()`` reads them again."""

    def __init__(
        self,
        context: AppContext,
        participant_no: str,
        participant_name: str,
        component: Component,
        assessor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.selection_id = context.selection_id
        self.participant_no = participant_no
        self.participant_name = participant_name
        self.component = component
        self.assessor = assessor
        self.key = score_key(component.code, assessor)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)

        self.model = AuditTableModel(self, HISTORY_COLUMNS)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = self.table.fontMetrics()
        for key, sample in (
            (AT, "88-88-8888 88:88:88"),
            (ACTOR, "M" * 8),
            (ACTION, "Nilai dibatalkan (undo)"),
            (CHANGE, "KOMUNIKASI 80 → 85; SIKAP 70"),
        ):
            header.resizeSection(self.model.column_of(key), metrics.horizontalAdvance(sample) + 20)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        # Wide enough for a rubric change and a short reason; fits a 1366×768 screen.
        self.resize(900, 380)
        self._retranslate()
        context.changes.changed.connect(self._data_changed)
        self.reload()

    def _retranslate(self) -> None:
        who = f"{self.participant_name} ({self.participant_no})"
        if self.assessor:
            heading = fill(
                self.tr("Riwayat nilai %1 untuk %2, penilai %3"),
                self.component.name,
                who,
                self.assessor,
            )
        else:
            heading = fill(self.tr("Riwayat nilai %1 untuk %2"), self.component.name, who)
        self.heading.setText(heading)
        self.setWindowTitle(fill(self.tr("Riwayat nilai — %1"), who))
        self.table.setAccessibleName(self.tr("Riwayat nilai"))
        self._show_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self._retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        """Read this score's events; one indexed query, fast enough for the GUI thread."""
        try:
            entries = audit_log(
                self.context.database,
                participant=self.participant_no,
                selection_id=self.selection_id,
                entity_key=self.key,
            )
        except UserError as error:
            self.note.setText(error.text())
            return
        actor = self.context.actor  # a double entry's other round stays unseen
        self.model.set_entries(
            [
                entry
                for entry in entries
                if entry.action.startswith("score.")
                and shown_in_history(actor, entry.entity, entry.actor, entry.action)
            ]
        )
        self._show_note()
        if self.model.rowCount():
            self.table.scrollToBottom()

    def _show_note(self) -> None:
        if self.model.rowCount() == 0:
            self.note.setText(
                self.tr(
                    "Belum ada perubahan tercatat untuk nilai ini. Nilai yang masuk lewat impor"
                    " tercatat sebagai satu kejadian impor di halaman Jejak audit."
                )
            )
        else:
            self.note.setText(
                self.tr(
                    "Dari yang terlama. Nilai yang masuk lewat impor tercatat sebagai satu"
                    " kejadian impor di halaman Jejak audit."
                )
            )

    def _data_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        if SCORES in kinds and self.context.selection_id == self.selection_id:
            self.reload()


def open_score_history(
    parent: QWidget,
    context: AppContext,
    participant_no: str,
    participant_name: str,
    component: Component,
    assessor: str = "",
) -> ScoreHistoryDialog:
    """Show the history non-modally (the grid stays usable) and return the dialog."""
    dialog = ScoreHistoryDialog(
        context, participant_no, participant_name, component, assessor, parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


class HistoryAction(QAction):
    """ "Riwayat nilai…" on a score grid: in its context menu and on Ctrl+H.

    It keeps its own text in the current language (it watches the grid for LanguageChange),
    so the page that adds it needs no retranslation code for it.
    """

    def __init__(self, view: QAbstractItemView, slot: Callable[[], object]) -> None:
        super().__init__(view)
        self.setShortcut(QKeySequence(HISTORY_SHORTCUT))
        self.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.triggered.connect(lambda _checked=False: slot())
        view.addAction(self)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.installEventFilter(self)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setText(self.tr("Riwayat nilai…"))
        self.setStatusTip(
            self.tr("Siapa yang memasukkan atau mengubah nilai ini, kapan, dan dengan alasan apa")
        )
        self.setToolTip(fill(self.tr("Riwayat nilai (%1)"), HISTORY_SHORTCUT))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False
