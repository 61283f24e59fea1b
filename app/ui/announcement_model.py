"""The table of a selection's issued announcements, newest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from app.services.announcements import AnnouncementInfo

Index = QModelIndex | QPersistentModelIndex


def local_time(stored: str) -> str:
    """``created_at`` is stored in UTC; the committee reads its own clock."""
    try:
        moment = dt.datetime.fromisoformat(stored)
    except ValueError:
        return stored
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d-%m-%Y %H.%M")


class AnnouncementTableModel(QAbstractTableModel):
    """Issued announcements, newest first; ``info(row)`` gives the service's record."""

    COLUMNS = ("number", "date", "stage", "rows", "signed", "replaces", "by", "document")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AnnouncementInfo] = []

    def set_announcements(self, announcements: list[AnnouncementInfo]) -> None:
        self.beginResetModel()
        self._rows = sorted(announcements, key=lambda a: a.id, reverse=True)
        self.endResetModel()

    def info(self, row: int) -> AnnouncementInfo:
        return self._rows[row]

    def row_of(self, announcement_id: int) -> int | None:
        return next((r for r, a in enumerate(self._rows) if a.id == announcement_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "number": self.tr("Nomor"),
            "date": self.tr("Tanggal"),
            "stage": self.tr("Tahap"),
            "rows": self.tr("Baris"),
            "signed": self.tr("Bertanda tangan"),
            "replaces": self.tr("Menggantikan"),
            "by": self.tr("Diterbitkan oleh"),
            "document": self.tr("ID dokumen"),
        }
        return titles[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{subject}\nDibuat {time} oleh {user}").format(
                subject=info.subject, time=local_time(info.created_at), user=info.created_by
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == "rows":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == "signed":
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        return None

    def cell_text(self, info: AnnouncementInfo, column: str) -> str:
        if column == "number":
            return info.number
        if column == "date":
            return info.issued_on.strftime("%d-%m-%Y")
        if column == "stage":
            return info.stage
        if column == "rows":
            return str(info.rows)
        if column == "signed":
            return self.tr("Ya") if info.signed else self.tr("Tidak")
        if column == "replaces":
            return info.replaces or "—"
        if column == "by":
            return info.created_by
        return info.document_id
