"""The component and rubric tables: rows of frozen records edited one cell at a time.

A ``Column`` says which record attribute a cell shows and how it is typed in; the model turns
an edit that parses into a new record and leaves judging it to the draft, the delegate picks
a list, a spin box or a line edit for the cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.services.tabular import parse_decimal, parse_int

from .draft import decimal_text
from .style import PROBLEM_BACKGROUND

Index = QModelIndex | QPersistentModelIndex

# Kinds of cell in the component and aspect tables.
CODE, TEXT, DECIMAL, OPTIONAL_DECIMAL, INTEGER, FLAG, CHOICE, WORDS = (
    "code",
    "text",
    "decimal",
    "optional",
    "integer",
    "flag",
    "choice",
    "words",
)
_NUMBER_KINDS = (DECIMAL, OPTIONAL_DECIMAL, INTEGER)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a record table: the dataclass attribute, its key in problem paths
    (the scheme file's name, e.g. ``min`` for ``minimum``) and how it is typed in."""

    attr: str
    key: str
    title: str
    kind: str
    choices: tuple[tuple[str, str], ...] = ()
    low: int = 0
    high: int = 99
    tip: str = ""


class RecordTableModel(QAbstractTableModel):
    """Rows of frozen records (components or rubric aspects), edited one cell at a time.

    The model never decides whether a value is acceptable for the scheme: an edit that parses
    becomes ``edited(row, record)``, the editor builds a new scheme from it and hands the
    rows back with their problems (``set_records``). Text that is not a number at all cannot
    be held by a ``Decimal`` and is refused at once (``refused``).
    """

    edited = Signal(int, object)
    refused = Signal(str)

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._records: list[Any] = []
        self._marks: dict[tuple[int, str], list[str]] = {}
        self._editable = False

    def set_records(
        self, records: Sequence[Any], marks: Mapping[tuple[int, str], list[str]]
    ) -> None:
        """New rows; the same number of rows keeps the view's current cell."""
        records = list(records)
        if len(records) != len(self._records):
            self.beginResetModel()
            self._records, self._marks = records, dict(marks)
            self.endResetModel()
            return
        self._records, self._marks = records, dict(marks)
        if records:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(records) - 1, len(self.columns) - 1)
            )

    @property
    def editable(self) -> bool:
        return self._editable

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.set_records(self._records, self._marks)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(column.key for column in self.columns)

    def column_of(self, key: str) -> int:
        for position, column in enumerate(self.columns):
            if column.key == key:
                return position
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable:
            if self.columns[index.column()].kind == FLAG:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = getattr(self._records[index.row()], column.attr)
        marks = self._marks.get((index.row(), column.key))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, value)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind in (DECIMAL, OPTIONAL_DECIMAL, WORDS):
                return self._display(column, value)
            return value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == FLAG:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if marks:
                return "\n".join(marks)
            return value or None if column.kind == TEXT else None
        if role == Qt.ItemDataRole.BackgroundRole and marks:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in _NUMBER_KINDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(column: Column, value: Any) -> Any:
        if column.kind in (DECIMAL, OPTIONAL_DECIMAL):
            return decimal_text(value)
        if column.kind == CHOICE:
            return dict(column.choices).get(value, value)
        if column.kind == WORDS:
            return ", ".join(value)
        if column.kind == FLAG:
            return None
        return value

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable:
            return False
        column = self.columns[index.column()]
        if column.kind == FLAG:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new: Any = _is_checked(value)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        else:
            try:
                new = self._parse(column, value)
            except ValueError:
                self.refused.emit(self._refusal(column, value))
                return False
        old = self._records[index.row()]
        record = replace(old, **{column.attr: new})
        if record == old:
            return True
        self._records[index.row()] = record
        self.dataChanged.emit(index, index)
        self.edited.emit(index.row(), record)
        return True

    @staticmethod
    def _parse(column: Column, value: Any) -> Any:
        text = "" if value is None else str(value)
        if column.kind == CODE:
            return text.strip().upper()
        if column.kind == TEXT:
            return text.strip()
        if column.kind == DECIMAL:
            return parse_decimal(text)
        if column.kind == OPTIONAL_DECIMAL:
            return parse_decimal(text) if text.strip() else None
        if column.kind == INTEGER:
            return value if isinstance(value, int) else parse_int(text)
        if column.kind == WORDS:
            return tuple(word.strip().upper() for word in text.split(",") if word.strip())
        return text

    def _refusal(self, column: Column, value: Any) -> str:
        if column.kind == INTEGER:
            return self.tr("{column}: '{text}' bukan bilangan bulat.").format(
                column=column.title, text=value
            )
        return self.tr("{column}: '{text}' bukan angka; tulis misalnya 60 atau 62,5.").format(
            column=column.title, text=value
        )


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


class RecordDelegate(QStyledItemDelegate):
    """A list for choices, a spin box for whole numbers, a line edit for the rest."""

    def _column(self, index: Index) -> Column:
        model = index.model()
        assert isinstance(model, RecordTableModel)
        return model.columns[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self._column(index)
        if column.kind == CHOICE:
            box = QComboBox(parent)
            for value, label in column.choices:
                box.addItem(label, value)
            return box
        if column.kind == INTEGER:
            spin = QSpinBox(parent)
            spin.setRange(column.low, column.high)
            spin.setFrame(False)
            return spin
        return super().createEditor(parent, option, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, QComboBox):
            # A narrow column must not cut the choices down to "prakti…".
            geometry = editor.geometry()
            geometry.setWidth(max(geometry.width(), editor.sizeHint().width()))
            editor.setGeometry(geometry)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def record_table(model: RecordTableModel) -> QTableView:
    """A compact table over ``model`` with the delegate that knows its column kinds."""
    table = QTableView()
    table.setModel(model)
    table.setItemDelegate(RecordDelegate(table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setHighlightSections(False)
    table.setWordWrap(False)
    return table


def set_table_editable(model: RecordTableModel, table: QTableView, editable: bool) -> None:
    """Cells open an editor on a double click or a key only while the scheme may change."""
    if model.editable != editable:
        model.set_editable(editable)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        if editable
        else QAbstractItemView.EditTrigger.NoEditTriggers
    )
