"""The grid of a score sheet: its cell editor, the delegate that saves, the table view.

The keyboard flow lives here: Enter saves and moves down (Shift+Enter up), Tab walks the typed
columns only, Delete clears, Escape abandons; a value the service refuses keeps its editor
open, red, with the reason. Saving itself is the page's (``SheetEditing``): these classes
only decide when to ask and where the cursor goes after.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ...score_sheet_model import ScoreSheetModel

# Where the cursor goes after a saved cell.
DOWN = "down"
UP = "up"
NEXT = "next"
PREVIOUS = "previous"

CURRENT_CELL = QColor("#1a73e8")
REFUSED_BORDER = QColor("#c62828")
EDITOR_REFUSED_STYLE = (
    "QLineEdit { border: 2px solid #c62828; background: #fdecea; color: #5f0000; }"
)

Index = QModelIndex | QPersistentModelIndex


class SheetEditing(Protocol):
    """What the grid asks of the page that owns it."""

    asking_reason: bool
    """The reason dialog is open: the delegate must not commit on the focus it takes."""

    def submit(self, index: QModelIndex, text: str) -> str | None:
        """Save one cell: ``None`` when saved or unchanged, else why not ("" if cancelled)."""
        ...

    def advance(self, index: QModelIndex, move: str) -> None: ...

    def abandon(self, index: QModelIndex) -> None: ...


class ScoreEditor(QLineEdit):
    """The cell editor; remembers its cell so the delegate can save it before it closes."""

    def __init__(self, index: Index, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = QPersistentModelIndex(index)
        self.loaded: str | None = None  # the stored value the editor was filled with
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(24)
        self.textEdited.connect(self._calm_down)

    def show_refused(self, reason: str) -> None:
        self.setStyleSheet(EDITOR_REFUSED_STYLE)
        self.setToolTip(reason)
        self.selectAll()

    def _calm_down(self, _text: str) -> None:
        """Once the user types again the red was read; the message under the grid stays."""
        if self.styleSheet():
            self.setStyleSheet("")


class ScoreDelegate(QStyledItemDelegate):
    """Saves on Enter/Tab *before* the editor closes, so a refused value keeps its editor.

    ``page.submit(index, text)`` returns ``None`` when the cell was saved (or was unchanged)
    and the reason otherwise; ``page.advance(index, move)`` moves the cursor afterwards.
    """

    def __init__(self, page: SheetEditing, parent: QWidget) -> None:
        super().__init__(parent)
        self._page = page

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return ScoreEditor(index, parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Fill the editor when it opens. The view calls this again on every ``dataChanged``
        of the cell (a refusal mark is one): typed text survives unless the stored value
        itself changed meanwhile."""
        assert isinstance(editor, ScoreEditor)
        stored = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.loaded == stored:
            return
        editor.loaded = stored
        editor.setText(stored)
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Only reached when the editor loses focus (a click elsewhere): save what was typed.
        Enter and Tab never get here; they save in ``eventFilter``."""
        assert isinstance(editor, ScoreEditor)
        self._page.submit(_plain(index), editor.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, ScoreEditor)
            and event.type() == QEvent.Type.FocusOut
            and self._page.asking_reason
        ):
            # The reason dialog took the focus: Qt would commit (save a second time) and close
            # the editor. It stays open; the save in progress finishes when the dialog closes.
            return False
        if isinstance(watched, ScoreEditor) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            move = _move_for(event)
            if move is not None:
                self._finish(watched, move)
                return True
            if event.key() == Qt.Key.Key_Escape and watched.index.isValid():
                self._page.abandon(_plain(watched.index))
        return super().eventFilter(watched, event)

    def _finish(self, editor: ScoreEditor, move: str) -> None:
        index = _plain(editor.index)
        if not index.isValid():
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return
        typed = editor.text()
        reason = self._page.submit(index, typed)
        if reason is not None:
            if editor.text() != typed:  # the row was reloaded under the editor: keep the typing
                editor.setText(typed)
            if reason:
                editor.show_refused(reason)
            return
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self._page.advance(index, move)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        view = option.widget
        model = index.model()
        refused = isinstance(model, ScoreSheetModel) and model.refused(index.row(), index.column())
        current = isinstance(view, QAbstractItemView) and view.currentIndex() == index
        if not (refused or current):
            return
        painter.save()
        painter.setPen(QPen(REFUSED_BORDER if refused else CURRENT_CELL, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
        painter.restore()


def _move_for(event: QKeyEvent) -> str | None:
    """Enter walks a participant's aspects in order and, after the last, the first aspect of
    the next participant (issue #10 §6): an assessor types one rubric sheet row by row. With
    one value column that is simply the next row."""
    key = event.key()
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return PREVIOUS if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NEXT
    if key == Qt.Key.Key_Tab:
        return NEXT
    if key == Qt.Key.Key_Backtab:
        return PREVIOUS
    return None


class ScoreTableView(QTableView):
    """The grid: Enter or F2 opens a cell, typing opens it with that key, Delete clears it,
    and Tab walks the typed columns only (never the name or status columns)."""

    def __init__(self, page: SheetEditing, parent: QWidget) -> None:
        super().__init__(parent)
        self._page = page

    def sheet_model(self) -> ScoreSheetModel:
        model = self.model()
        assert isinstance(model, ScoreSheetModel)
        return model

    def neighbour(self, index: QModelIndex, move: str) -> QModelIndex:
        """The cell the cursor goes to from ``index``; ``index`` itself at the sheet's end."""
        model = self.sheet_model()
        columns = model.value_columns
        if not index.isValid() or not columns:
            return index
        row, column = index.row(), index.column()
        if column not in columns and move in (NEXT, PREVIOUS):
            # From the number, name or status column Tab lands on this row's first value.
            return model.index(row, columns[0])
        if column not in columns:
            column = columns[0]
        if move == DOWN:
            row = min(row + 1, model.rowCount() - 1)
        elif move == UP:
            row = max(row - 1, 0)
        elif move == NEXT:
            if column < columns[-1]:
                column += 1
            elif row + 1 < model.rowCount():
                row, column = row + 1, columns[0]
        elif move == PREVIOUS:
            if column > columns[0]:
                column -= 1
            elif row > 0:
                row, column = row - 1, columns[-1]
        return model.index(row, column)

    def go_to(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def moveCursor(
        self, cursor_action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if cursor_action == QAbstractItemView.CursorAction.MoveNext:
            return self.neighbour(self.currentIndex(), NEXT)
        if cursor_action == QAbstractItemView.CursorAction.MovePrevious:
            return self.neighbour(self.currentIndex(), PREVIOUS)
        return super().moveCursor(cursor_action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        editable = current.isValid() and bool(current.flags() & Qt.ItemFlag.ItemIsEditable)
        idle = self.state() != QAbstractItemView.State.EditingState
        if idle and editable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit(current)
            event.accept()
            return
        if idle and editable and event.key() == Qt.Key.Key_Delete:
            self._page.submit(current, "")
            event.accept()
            return
        super().keyPressEvent(event)


def _plain(index: Index) -> QModelIndex:
    """The cell an index stands for now (a persistent one: invalid once its row is gone)."""
    if isinstance(index, QModelIndex):
        return index
    model = index.model()
    if not index.isValid() or model is None:
        return QModelIndex()
    return model.index(index.row(), index.column())
