"""A small read-only table of figures: rows of ready-made text cells.

The evaluation's tables have a few dozen rows at most (components, assessors, groups), so
the model holds the cells as they are shown; numbers are already worded by ``words`` and
aligned right, flagged cells (a value past a limit) are red and say why in their tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
FLAG_COLOUR = QColor("#b3261e")


@dataclass(frozen=True, slots=True)
class Cell:
    """One shown cell: ``number`` aligns it right, ``flag`` paints it red (``tip`` says
    why), ``strong`` sets it in bold (a component's own row above its aspects)."""

    text: str
    number: bool = False
    flag: bool = False
    tip: str = ""
    strong: bool = False


def text(value: str, *, flag: bool = False, tip: str = "", strong: bool = False) -> Cell:
    return Cell(value, False, flag, tip, strong)


def number(value: str, *, flag: bool = False, tip: str = "", strong: bool = False) -> Cell:
    return Cell(value, True, flag, tip, strong)


class FigureModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._header_tips: dict[int, str] = {}
        self._rows: list[list[Cell]] = []

    def set_rows(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        header_tips: dict[int, str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        self._header_tips = dict(header_tips or {})
        self._rows = [list(row) for row in rows]
        self.endResetModel()

    def cell(self, row: int, column: int) -> Cell:
        return self._rows[row][column]

    def texts(self) -> list[list[str]]:
        """Every row as shown (tests read the table through this)."""
        return [[cell.text for cell in row] for row in self._rows]

    def headers(self) -> list[str]:
        return list(self._headers)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or section >= len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(section, self._headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        cell = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if cell.number else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and cell.flag:
            return QBrush(FLAG_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tip or cell.text
        if role == Qt.ItemDataRole.FontRole and (cell.strong or cell.flag):
            font = QFont()
            font.setBold(True)
            return font
        return None


class FigureTable(QTableView):
    """A ``FigureModel`` in a compact, read-only view. Columns fit their contents, except
    the first (names: a unit kerja, an assessor), which takes the room left and ends a long
    name with "…" (the whole name is its tooltip): the numbers stay in view at 1366 px."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = FigureModel(self)
        self.setModel(self.figures)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        columns = self.horizontalHeader()
        columns.setStretchLastSection(False)
        columns.setHighlightSections(False)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def show_rows(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        header_tips: dict[int, str] | None = None,
    ) -> None:
        self.figures.set_rows(headers, rows, header_tips)
        header = self.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        for column in range(1, len(headers)):
            header.resizeSection(column, header.sectionSize(column) + 10)
        if headers:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def texts(self) -> list[list[str]]:
        return self.figures.texts()
