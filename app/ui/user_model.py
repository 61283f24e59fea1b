"""The accounts of the open file as a table: who they are, their role, and whether they can
log in now (active, locked by wrong passwords, asked to choose a new password).

A file has a handful of accounts, so the rows are plain ``UserInfo`` values and every cell is
computed when asked. The model knows no rule: what an admin may do with a row is the
service's decision; the page only offers it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.clock import utc_now
from app.services.users import UserInfo

from .i18n import QT_TRANSLATE_NOOP
from .main_window import role_label

Index = QModelIndex | QPersistentModelIndex

COL_USERNAME, COL_FULL_NAME, COL_ROLE, COL_STATUS, COL_NOTE = range(5)
LOCKED_COLOUR = QColor("#b3261e")
NOTE_COLOUR = QColor("#3d4452")

# What each role may do, in the committee's words (app/services/permissions.py decides).
_DUTIES = {
    "admin": QT_TRANSLATE_NOOP(
        "Roles",
        "Semua pekerjaan, termasuk skema, finalisasi, pengumuman, pemulihan cadangan dan "
        "pengelolaan pengguna.",
    ),
    "operator": QT_TRANSLATE_NOOP(
        "Roles", "Formasi, peserta, impor, input nilai lembar kertas dan cadangan."
    ),
    "penilai": QT_TRANSLATE_NOOP(
        "Roles", "Input nilai atas nama lengkapnya sendiri, dan melihat peringkat."
    ),
    "monev": QT_TRANSLATE_NOOP(
        "Roles",
        "Membaca peringkat, jejak audit dan angka monitoring dan evaluasi, serta menulis "
        "rekomendasinya; tidak mengubah nilai, peserta atau hasil.",
    ),
}


def role_duties(role: str) -> str:
    text = _DUTIES.get(role)
    return QCoreApplication.translate("Roles", text) if text else ""


def local_time(moment: datetime) -> str:
    """A stored UTC time as the clock on the wall shows it."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%H:%M")


class UserTableModel(QAbstractTableModel):
    """One row per account, sorted by user name; ``me`` is the logged-in user's name."""

    def __init__(self, me: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._me = me
        self._rows: list[UserInfo] = []
        self._now = utc_now()
        self._titles = [
            self.tr("Nama pengguna"),
            self.tr("Nama lengkap"),
            self.tr("Peran"),
            self.tr("Status"),
            self.tr("Keterangan"),
        ]

    def set_users(self, users: list[UserInfo], now: datetime) -> None:
        """``now`` (UTC) decides which locks still hold, once for every row."""
        self.beginResetModel()
        self._rows = sorted(users, key=lambda user: user.username.casefold())
        self._now = now
        self.endResetModel()

    def user_at(self, row: int) -> UserInfo:
        return self._rows[row]

    def row_of(self, username: str) -> int | None:
        return next((i for i, user in enumerate(self._rows) if user.username == username), None)

    def users(self) -> list[UserInfo]:
        return list(self._rows)

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        user = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(user, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_ROLE:
            return role_duties(user.role)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not user.active:
                palette = QApplication.palette()
                return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            if column == COL_STATUS and user.is_locked(self._now):
                return QBrush(LOCKED_COLOUR)
            if column == COL_NOTE:
                return QBrush(NOTE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and user.username == self._me:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, user: UserInfo, column: int) -> str:
        if column == COL_USERNAME:
            return user.username
        if column == COL_FULL_NAME:
            return user.full_name or "—"
        if column == COL_ROLE:
            return role_label(user.role)
        if column == COL_STATUS:
            if not user.active:
                return self.tr("Nonaktif")
            if user.locked_until is not None and user.is_locked(self._now):
                return self.tr("Terkunci s.d. %1").replace("%1", local_time(user.locked_until))
            return self.tr("Aktif")
        notes = []
        if user.username == self._me:
            notes.append(self.tr("akun Anda"))
        if user.must_change_password:
            notes.append(self.tr("wajib ganti kata sandi saat masuk"))
        return ", ".join(notes)
