"""Table model over a selection's formations, saving each edited cell at once.

The committee fixes a formation list cell by cell (a typo in a code, one more vacancy), so
an edit is one user action and one transaction: the model hands the changed row to a
``commit`` callable (the page, which calls ``save_formation``) and shows what the service
returned. A refused edit leaves the row as it was, so the cell reverts by itself, and the
reason goes out through ``refused``. The model knows no rule; the service decides.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
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
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.services.errors import UserError
from app.services.formations import FormationRow

Index = QModelIndex | QPersistentModelIndex

CODE, TITLE, UNIT, EDUCATION, QUOTA, PARTICIPANT_COUNT = range(6)
_FIELDS = ("code", "position_title", "unit", "education", "quota", "participants")
_DRAFT_BACKGROUND = QColor("#fff8dc")


@dataclass(frozen=True, slots=True)
class FormationDraft:
    """A formation being typed in: it is saved once it has a code and a title."""

    code: str = ""
    position_title: str = ""
    unit: str = ""
    education: str = ""
    quota: int = 1
    participants: int = 0
    id: None = None

    @property
    def complete(self) -> bool:
        return bool(self.code.strip() and self.position_title.strip())


Row = FormationRow | FormationDraft
Commit = Callable[[Row], FormationRow]


class FormationTableModel(QAbstractTableModel):
    """Saved formations sorted by code, then the drafts still being typed.

    ``commit(row)`` saves a row (new when ``row.id`` is ``None``) and returns it as stored, or
    raises ``UserError``; ``saved`` reports every stored row, ``refused`` the reason a change
    was not stored.
    """

    saved = Signal(object)
    refused = Signal(str)

    def __init__(self, commit: Commit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self._rows: list[Row] = []
        self._editable = False
        self._titles = [
            self.tr("Kode"),
            self.tr("Jabatan"),
            self.tr("Unit kerja"),
            self.tr("Pendidikan"),
            self.tr("Kebutuhan"),
            self.tr("Jumlah peserta"),
        ]

    # --- what the page calls -------------------------------------------------------------

    def set_formations(self, rows: Sequence[FormationRow], keep_drafts: bool = True) -> None:
        """Show the service's rows; drafts not yet saved stay at the end unless dropped."""
        self.beginResetModel()
        drafts = [row for row in self._rows if keep_drafts and isinstance(row, FormationDraft)]
        self._rows = [*sorted(rows, key=lambda row: row.code), *drafts]
        self.endResetModel()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, PARTICIPANT_COUNT)
            )

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, formation_id: int) -> int | None:
        for position, row in enumerate(self._rows):
            if row.id == formation_id:
                return position
        return None

    def add_draft(self) -> int:
        """An empty row at the end; returns its position."""
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(FormationDraft())
        self.endInsertRows()
        return position

    def remove_row(self, row: int) -> None:
        """Forget a row (a draft, or a formation the service has just deleted)."""
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    # --- Qt's model contract -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._titles[section] if 0 <= section < len(self._titles) else None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.column() != PARTICIPANT_COUNT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        draft = isinstance(row, FormationDraft)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == PARTICIPANT_COUNT and draft:
                return "" if role == Qt.ItemDataRole.DisplayRole else None
            return getattr(row, _FIELDS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUOTA, PARTICIPANT_COUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if draft and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_DRAFT_BACKGROUND)
        if draft and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if draft and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Belum disimpan: formasi disimpan setelah kode dan jabatan diisi.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        position, column = index.row(), index.column()
        row = self._rows[position]
        field = _FIELDS[column]
        if column == QUOTA:
            try:
                value = int(str(value).strip())
            except ValueError:
                self.refused.emit(self.tr("Kebutuhan harus berupa bilangan bulat."))
                return False
        else:
            value = "" if value is None else str(value)
        if getattr(row, field) == value:
            return True
        candidate = replace(row, **{field: value})
        if isinstance(candidate, FormationDraft) and not candidate.complete:
            self._rows[position] = candidate
            self._row_changed(position)
            return True
        try:
            stored = self._commit(candidate)
        except UserError as error:
            # The row keeps its old value: the view shows the cell as it was.
            self._row_changed(position)
            self.refused.emit(error.text())
            return False
        self._rows[position] = stored
        self._row_changed(position)
        self._move_into_order(position)
        self.saved.emit(stored)
        return True

    # --- helpers -------------------------------------------------------------------------

    def _row_changed(self, position: int) -> None:
        self.dataChanged.emit(self.index(position, 0), self.index(position, PARTICIPANT_COUNT))

    def _move_into_order(self, position: int) -> None:
        """Keep saved rows sorted by code (as ``list_formations`` returns them).

        A moved row carries the view's current index along, so keyboard entry continues on
        the same formation after its code changed.
        """
        row = self._rows[position]
        others = [
            other.code
            for i, other in enumerate(self._rows)
            if i != position and not isinstance(other, FormationDraft)
        ]
        target = bisect_left(others, row.code)
        if target == position:
            return
        destination = target + 1 if target > position else target
        self.beginMoveRows(QModelIndex(), position, position, QModelIndex(), destination)
        del self._rows[position]
        self._rows.insert(target, row)
        self.endMoveRows()


class QuotaDelegate(QStyledItemDelegate):
    """A spin box for kebutuhan: vacancies are whole numbers, at least one."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, 9999)
        spin.setFrame(False)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(int(value) if value else 1)
        # A typed digit replaces the old value instead of being appended to it.
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
