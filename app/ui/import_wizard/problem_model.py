"""The bad rows of a rejected file, as a table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.messages import t
from app.services.errors import ImportRejected

Index = QModelIndex | QPersistentModelIndex


class ProblemModel(QAbstractTableModel):
    """Every bad row of a rejected file: row, column, what is wrong (and the full line).

    A model rather than a table widget: a file with 50k bad rows must still list at once.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []
        self._headers = (self.tr("Baris"), self.tr("Kolom"), self.tr("Masalah"))

    def set_error(
        self, error: ImportRejected | None, file_headers: dict[str, str] | None = None
    ) -> None:
        """``file_headers`` maps an expected column to the file's own header, so the user
        sees the name in their spreadsheet next to the service's name."""
        self.beginResetModel()
        self._rows = []
        names = file_headers or {}
        if error is not None:
            for problem, line in zip(error.problems, error.lines(), strict=True):
                field = problem.field
                if field and names.get(field, field) != field:
                    field = f"{names[field]} ({field})"
                self._rows.append(
                    (
                        str(problem.row) if problem.row else "–",
                        field or "–",
                        t(problem.message, problem.params),
                        line,
                    )
                )
        self.endResetModel()

    def lines(self) -> list[str]:
        return [row[3] for row in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._rows[index.row()][3]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return super().headerData(section, orientation, role)
