"""The ranking panel: which keys order a stage's ranking, first to last."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.scoring import Stage
from app.scoring.scheme import KEY_AGE, KEY_FINAL, KEY_IPK, KEY_PRIORITY

from .draft import SchemeDraft
from .style import NOTE_COLOUR, PROBLEM_BACKGROUND, message_label, show_messages, wrap_items


class RankingPanel(QWidget):
    """Every key the stage may rank by, checked when it does; checked keys rank top to bottom.

    ``edited(keys)`` carries the checked keys in their order after a tick or a move.
    """

    edited = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rendering = False
        self._editable = False
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.ranking_list = QListWidget()
        wrap_items(self.ranking_list)
        row.addWidget(self.ranking_list, 1)
        moves = QVBoxLayout()
        self.up_button = QPushButton("▲")
        self.down_button = QPushButton("▼")
        self.up_button.setToolTip(self.tr("Naikkan (Ctrl+Atas)"))
        self.down_button.setToolTip(self.tr("Turunkan (Ctrl+Bawah)"))
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(32)
            moves.addWidget(button)
        moves.addStretch(1)
        row.addLayout(moves)
        layout.addLayout(row, 1)
        self.message = message_label()
        layout.addWidget(self.message)
        hint = QLabel(self.tr("Kunci yang dicentang dipakai, dari atas ke bawah."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {NOTE_COLOUR};")
        layout.addWidget(hint)

        self.ranking_list.itemChanged.connect(lambda _item: self._report())
        self.up_button.clicked.connect(lambda: self.move_key(-1))
        self.down_button.clicked.connect(lambda: self.move_key(1))
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.ranking_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move_key(step))

    def checked_keys(self) -> tuple[str, ...]:
        return tuple(
            self.ranking_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.ranking_list.count())
            if self.ranking_list.item(i).checkState() == Qt.CheckState.Checked
        )

    def _report(self) -> None:
        if not self._rendering and self._editable:
            self.edited.emit(self.checked_keys())

    def move_key(self, step: int) -> None:
        """Move the current key up (``-1``) or down (``1``)."""
        row = self.ranking_list.currentRow()
        target = row + step
        if not self._editable or row < 0 or not 0 <= target < self.ranking_list.count():
            return
        was_rendering, self._rendering = self._rendering, True
        item = self.ranking_list.takeItem(row)
        self.ranking_list.insertItem(target, item)
        self.ranking_list.setCurrentRow(target)
        self._rendering = was_rendering
        self._report()

    def set_editable(self, editable: bool) -> None:
        """Whether moves and ticks count; the items' flags follow at the next ``render``."""
        self._editable = editable

    def candidates(self, draft: SchemeDraft) -> dict[str, str]:
        """Every key the current stage may rank by, with words saying what it means."""
        stage = draft.stage
        assert stage is not None
        keys = {KEY_FINAL: self.tr("nilai akhir tahap ini")}
        keys |= {c.code: c.name for c in stage.components if c.is_numeric}
        earlier = draft.integrated_stage
        if earlier is not None:
            keys[earlier.code] = self.tr("total {name}").format(name=earlier.name)
            keys |= {c.code: c.name for c in earlier.components if c.is_numeric}
        keys[KEY_IPK] = self.tr("IPK atau rata-rata nilai ijazah")
        keys[KEY_AGE] = self.tr("usia, yang lebih tua didahulukan")
        keys[KEY_PRIORITY] = self.tr("kelompok prioritas, nomor kecil didahulukan")
        return keys

    def show_draft(self, draft: SchemeDraft, editable: bool) -> None:
        """The list is rebuilt only when it no longer shows the stage's keys: an unchecked
        key stays where the user left it."""
        stage = draft.stage
        was_rendering, self._rendering = self._rendering, True
        try:
            self._render(draft, stage, editable)
        finally:
            self._rendering = was_rendering

    def _render(self, draft: SchemeDraft, stage: Stage | None, editable: bool) -> None:
        prefix = draft.stage_prefix
        candidates = self.candidates(draft) if stage else {}
        ranking = stage.ranking if stage else ()
        shown = [
            self.ranking_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.ranking_list.count())
        ]
        checked = self.checked_keys()
        wanted = {*ranking, *candidates}
        if checked != ranking or len(shown) != len(wanted) or set(shown) != wanted:
            current = self.ranking_list.currentItem()
            current_key = current.data(Qt.ItemDataRole.UserRole) if current else None
            self.ranking_list.clear()
            for key in (*ranking, *(key for key in candidates if key not in ranking)):
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setCheckState(
                    Qt.CheckState.Checked if key in ranking else Qt.CheckState.Unchecked
                )
                self.ranking_list.addItem(item)
                if key == current_key:
                    self.ranking_list.setCurrentItem(item)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        position = 0
        for row in range(self.ranking_list.count()):
            item = self.ranking_list.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setFlags(flags)
            meaning = candidates.get(key, self.tr("tidak dikenal"))
            if item.checkState() == Qt.CheckState.Checked:
                texts = draft.marks.at(f"{prefix}.ranking[{position}]")
                position += 1
                item.setText(f"{position}. {key} — {meaning}")
            else:
                texts = []
                item.setText(f"{key} — {meaning}")
            item.setBackground(QBrush(PROBLEM_BACKGROUND) if texts else QBrush())
            item.setToolTip("\n".join([f"{key} — {meaning}", *texts]))
        show_messages(self.ranking_list, self.message, draft.marks.at(f"{prefix}.ranking"))
