"""Table model over a stage's ranking; rows are the services' plain records."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.ranking import Ranking

Index = QModelIndex | QPersistentModelIndex

# Colours by meaning, not by code text: each regulation names its codes differently.
PASSED = QColor("#d8f0dc")
OUTSIDE = QColor("#fff4d0")
ABSENT = QColor("#e4e6ea")
ELIMINATED = QColor("#f8d7da")
TIE = QColor("#e3d7f5")
INCOMPLETE = QColor("#ffffff")


class RankingTableModel(QAbstractTableModel):
    """Read-only; ``set_ranking`` swaps the whole result in one reset."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._rows: list[list[str]] = []
        self._kinds: list[str] = []
        self._numeric: set[int] = set()

    def set_ranking(self, ranking: Ranking | None) -> None:
        self.beginResetModel()
        if ranking is None:
            self._header, self._rows, self._kinds = [], [], []
        else:
            self._header = ranking.header()
            records = ranking.records()
            self._rows = [[record[key] for key in self._header] for record in records]
            codes = ranking.stage.codes
            self._kinds = [self._kind(record, codes) for record in records]
            self._numeric = {
                i
                for i, name in enumerate(self._header)
                if name in ("peringkat", "nilai_akhir", *ranking.columns)
            }
        self.endResetModel()

    @staticmethod
    def _kind(record: dict[str, str], codes: Any) -> str:
        code = record["kode"]
        if record["catatan"] == "SERI":
            return "tie"
        if not code:
            return "incomplete"
        if code == codes.within_quota:
            return "passed"
        if code == codes.outside_quota:
            return "outside"
        if code == codes.absent:
            return "absent"
        return "eliminated"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][column]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(
                {
                    "passed": PASSED,
                    "outside": OUTSIDE,
                    "absent": ABSENT,
                    "eliminated": ELIMINATED,
                    "tie": TIE,
                    "incomplete": INCOMPLETE,
                }[self._kinds[row]]
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in self._numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._header):
            return self._header[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def kind(self, row: int) -> str:
        return self._kinds[row]
