"""Dialogs that change an account, and the one everybody uses: changing one's own password.

``AccountDialog`` is what they share: a form, a red line under it that says why the service
refused (the dialog stays open with what was typed, as the login does), and OK that runs the
service off the GUI thread (a password hash takes a good part of a second) and closes only on
success. Typing mistakes a person makes in a form (two passwords that differ) are caught
before the service is asked; everything else the service decides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.messages import t
from app.services.errors import UserError
from app.services.users import MIN_PASSWORD_LENGTH, UserInfo, change_own_password

from .context import AppContext
from .icons import icon
from .operations import ServiceOp

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #3d4452;"


def sentence(text: str) -> str:
    """A service's message as a sentence: the catalogue writes them in lower case."""
    text = text.strip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(260)
    return edit


class AccountDialog(QDialog):
    """A form whose OK asks a service; ``info`` holds the account the service returned.

    A subclass sets its window title (the progress dialog's title too) and fills ``form``."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.info: UserInfo | None = None
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(480)
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.intro_label.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message_label = QLabel()
        self.message_label.setObjectName("accountMessage")
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.buttons = QDialogButtonBox()
        # Qt looks a tr() up under the class of the object, a subclass here; the base's own
        # words are translated under its own name.
        self.ok_button: QPushButton = self.buttons.addButton(
            QCoreApplication.translate("AccountDialog", "Simpan"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok_button.setDefault(True)
        self.cancel_button: QPushButton = self.buttons.addButton(
            QCoreApplication.translate("AccountDialog", "Batal"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro_label.setText(text)
        self.intro_label.setVisible(bool(text))

    def note(self, text: str) -> QLabel:
        """A grey line of explanation under a field."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(NOTE_STYLE)
        return label

    def show_message(self, text: str) -> None:
        self.message_label.setText(sentence(text))
        self.message_label.setVisible(bool(text))
        # Grow with the message: a fixed height would squeeze the wrapped notes above it.
        self.adjustSize()

    def submit(self, work: Callable[[], Any]) -> None:
        """Run the service; success closes the dialog, a refusal is shown in it."""
        self.show_message("")
        self.ok_button.setEnabled(False)
        ServiceOp(self, self.context, work).success(self._saved).failure(
            self._refused
        ).run_in_background(self.windowTitle())

    def _saved(self, info: UserInfo) -> None:
        self.info = info
        self.ok_button.setEnabled(True)
        super().accept()

    def _refused(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        # A bug has been reported already (workers); the dialog stays usable either way.
        self.show_message(error.text() if isinstance(error, UserError) else str(error))
        self.refused(error)

    def refused(self, error: Exception) -> None:
        """Where the focus goes after a refusal; subclasses choose the field."""


class ChangePasswordDialog(AccountDialog):
    """The logged-in user chooses a new password, proving the old one first.

    With ``old_password`` (the login has just checked it, and an admin's reset asks for a
    change before work starts) the old-password field is not shown; Cancel then means: not
    logged in.
    """

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        old_password: str | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self._given_old = old_password
        actor = context.actor
        self.account_value = QLabel(
            f"{actor.full_name} ({actor.name})" if actor.full_name else actor.name
        )
        self.old_edit = password_edit()
        self.new_edit = password_edit(self.tr("minimal %n karakter", "", MIN_PASSWORD_LENGTH))
        self.repeat_edit = password_edit()
        self.form.addRow(self.tr("Akun:"), self.account_value)
        if old_password is None:
            self.form.addRow(self.tr("Kata sandi &lama:"), self.old_edit)
        else:
            self.old_edit.hide()
            self.set_intro(
                self.tr(
                    "Kata sandi akun ini diatur oleh admin. Buat kata sandi baru yang hanya "
                    "Anda ketahui sebelum mulai bekerja."
                )
            )
            self.ok_button.setText(self.tr("Simpan dan masuk"))
        self.form.addRow(self.tr("Kata sandi &baru:"), self.new_edit)
        self.form.addRow(self.tr("&Ulangi kata sandi baru:"), self.repeat_edit)
        self.form.addRow(
            "",
            self.note(
                self.tr(
                    "Kata sandi ini melindungi nilai yang Anda masukkan: jejak audit mencatat "
                    "setiap perubahan atas nama akun Anda. Jangan berikan kepada orang lain."
                )
            ),
        )
        (self.new_edit if old_password is not None else self.old_edit).setFocus()

    def accept(self) -> None:
        new = self.new_edit.text()
        if new != self.repeat_edit.text():
            self.show_message(t("user.password_mismatch"))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        old = self._given_old if self._given_old is not None else self.old_edit.text()
        database, actor = self.context.database, self.context.actor
        self.submit(lambda: change_own_password(database, actor, old, new))

    def refused(self, error: Exception) -> None:
        if isinstance(error, UserError) and error.message == "user.wrong_password":
            self.old_edit.clear()
            self.old_edit.setFocus()
        else:
            self.repeat_edit.clear()
            self.new_edit.selectAll()
            self.new_edit.setFocus()
