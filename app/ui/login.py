"""The login dialog: who is at the keyboard decides what the window lets them do.

A wrong password keeps the dialog open with the reason in it (no message box to dismiss),
and the password field is emptied and focused so the next try is just typing. An account
whose password an admin has set (a reset, a new account) chooses its own before the login
completes; cancelling that leaves the dialog open and nobody logged in.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.database import Database
from app.services.errors import UserError
from app.services.users import UserInfo, authenticate

from .context import AppContext
from .icons import icon
from .location import full_name, short_name
from .password_dialog import ChangePasswordDialog


class LoginDialog(QDialog):
    """Asks for user name and password; ``user`` holds the account once accepted."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.user: UserInfo | None = None
        self.change_dialog: ChangePasswordDialog | None = None
        self.setWindowTitle(self.tr("Masuk — Seleksi ASN"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(420)

        heading = QLabel(self.tr("Masuk ke Seleksi ASN"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        self.database_label = QLabel(self.tr("Basis data: %1").replace("%1", short_name(database)))
        self.database_label.setToolTip(full_name(database))
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna:"), self.user_edit)
        form.addRow(self.tr("&Kata sandi:"), self.password_edit)

        self.message_label = QLabel()
        self.message_label.setObjectName("loginMessage")
        self.message_label.setStyleSheet("color: #b3261e;")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(
            self.tr("Masuk"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setDefault(True)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.database_label)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.user_edit.setFocus()

    def accept(self) -> None:
        """Close only for the right password; otherwise say why and stay open."""
        password = self.password_edit.text()
        try:
            user = authenticate(self.database, self.user_edit.text(), password)
        except UserError as error:
            self._show_message(error.text())
            return
        if user.must_change_password:
            self.change_dialog = ChangePasswordDialog(
                AppContext(self.database, user.actor), self, old_password=password
            )
            self.change_dialog.accepted.connect(lambda: self._logged_in(user))
            self.change_dialog.rejected.connect(self._not_changed)
            self.change_dialog.open()
            return
        self._logged_in(user)

    def _logged_in(self, user: UserInfo) -> None:
        self.user = (
            user if not user.must_change_password else replace(user, must_change_password=False)
        )
        super().accept()

    def _not_changed(self) -> None:
        self._show_message(
            self.tr("Kata sandi baru wajib dibuat sebelum masuk. Masuk lagi untuk membuatnya.")
        )

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text[:1].upper() + text[1:])
        self.message_label.show()
        self.password_edit.clear()
        self.password_edit.setFocus()
