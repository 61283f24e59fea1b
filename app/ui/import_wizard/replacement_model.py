"""The stored values a checked file would replace, old → new, as a table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.replacing import Replacement

Index = QModelIndex | QPersistentModelIndex


class ReplacementModel(QAbstractTableModel):
    """One line per replaced value: row, whose (participant or formation), what, old, new."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Replacement] = []
        self._headers = (
            self.tr("Baris"),
            self.tr("Peserta / formasi"),
            self.tr("Kolom"),
            self.tr("Tersimpan"),
            self.tr("Dari berkas"),
        )

    def set_replacements(self, replacements: Sequence[Replacement]) -> None:
        self.beginResetModel()
        self._rows = list(replacements)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(item.row) if item.row else "–",
                item.owner,
                item.subject,
                item.old or "–",
                item.new or "–",
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return super().headerData(section, orientation, role)
