"""The admin's dialogs on the Users page: add an account, set its role, reset its password,
deactivate it. Each is one service call (``app.services.users``) with its audit event; a
refusal is shown in the dialog, which keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from app.messages import t
from app.services.permissions import ROLES
from app.services.users import (
    MIN_PASSWORD_LENGTH,
    UserInfo,
    add_user,
    reset_password,
    set_active,
    set_role,
)

from .context import AppContext
from .main_window import role_label
from .password_dialog import AccountDialog, password_edit
from .user_model import role_duties


def account_text(user: UserInfo) -> str:
    """How a dialog names the account it changes."""
    return f"{user.full_name} ({user.username})" if user.full_name else user.username


def role_box(current: str | None = None) -> QComboBox:
    box = QComboBox()
    for role in ROLES:
        box.addItem(role_label(role), role)
    if current is not None:
        box.setCurrentIndex(box.findData(current))
    return box


class AddUserDialog(AccountDialog):
    """A new account for someone on the committee; its first password is the admin's, so by
    default the holder is asked to replace it at the first login."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Tambah pengguna"))
        self.ok_button.setText(self.tr("Tambah"))
        self.username_edit = QLineEdit()
        # A user name is one word; refusing spaces while typing beats an error afterwards.
        self.username_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\S+"), self.username_edit)
        )
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setPlaceholderText(self.tr("mis. Dra. Sri Wahyuni, M.Si."))
        self.role_box = role_box("penilai")
        self.duties_label = self.note("")
        self.password_edit = password_edit(self.tr("minimal %n karakter", "", MIN_PASSWORD_LENGTH))
        self.repeat_edit = password_edit()
        self.must_change_box = QCheckBox(self.tr("Minta kata sandi baru saat pertama masuk"))
        self.must_change_box.setChecked(True)
        self.form.addRow(self.tr("&Nama pengguna:"), self.username_edit)
        self.form.addRow(self.tr("Nama &lengkap:"), self.full_name_edit)
        self.form.addRow(
            "", self.note(self.tr("Penilai mengisi nilai atas nama lengkap ini; tulis lengkap."))
        )
        self.form.addRow(self.tr("&Peran:"), self.role_box)
        self.form.addRow("", self.duties_label)
        self.form.addRow(self.tr("&Kata sandi awal:"), self.password_edit)
        self.form.addRow(self.tr("&Ulangi kata sandi:"), self.repeat_edit)
        self.form.addRow("", self.must_change_box)
        self.role_box.currentIndexChanged.connect(self._show_duties)
        self._show_duties()
        self.username_edit.setFocus()

    def _show_duties(self) -> None:
        self.duties_label.setText(role_duties(self.role_box.currentData()))

    def accept(self) -> None:
        password = self.password_edit.text()
        if password != self.repeat_edit.text():
            self.show_message(t("user.password_mismatch"))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        database, actor = self.context.database, self.context.actor
        username, full_name = self.username_edit.text(), self.full_name_edit.text()
        role, must_change = self.role_box.currentData(), self.must_change_box.isChecked()
        self.submit(
            lambda: add_user(
                database,
                actor,
                username,
                role,
                password,
                full_name,
                must_change_password=must_change,
            )
        )

    def refused(self, error: Exception) -> None:
        self.username_edit.setFocus()


class RoleDialog(AccountDialog):
    """Another role for an account; the reason goes on the record."""

    def __init__(self, context: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.user = user
        self.setWindowTitle(self.tr("Ubah peran"))
        self.role_box = role_box(user.role)
        self.duties_label = self.note("")
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("mis. membantu input nilai lembar kertas"))
        self.form.addRow(self.tr("Akun:"), QLabel(account_text(user)))
        self.form.addRow(self.tr("Peran sekarang:"), QLabel(role_label(user.role)))
        self.form.addRow(self.tr("Peran &baru:"), self.role_box)
        self.form.addRow("", self.duties_label)
        self.form.addRow(self.tr("&Alasan:"), self.reason_edit)
        self.role_box.currentIndexChanged.connect(self._show_duties)
        self._show_duties()
        self.role_box.setFocus()

    def _show_duties(self) -> None:
        self.duties_label.setText(role_duties(self.role_box.currentData()))

    def accept(self) -> None:
        database, actor, username = self.context.database, self.context.actor, self.user.username
        role, reason = self.role_box.currentData(), self.reason_edit.text()
        self.submit(lambda: set_role(database, actor, username, role, reason))

    def refused(self, error: Exception) -> None:
        self.reason_edit.setFocus()


class ResetPasswordDialog(AccountDialog):
    """A new password for someone who forgot theirs; they replace it at the next login."""

    def __init__(self, context: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.user = user
        self.setWindowTitle(self.tr("Atur ulang kata sandi"))
        self.ok_button.setText(self.tr("Atur ulang"))
        self.password_edit = password_edit(self.tr("minimal %n karakter", "", MIN_PASSWORD_LENGTH))
        self.repeat_edit = password_edit()
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("mis. lupa kata sandi"))
        self.form.addRow(self.tr("Akun:"), QLabel(account_text(user)))
        self.form.addRow(self.tr("Kata sandi &baru:"), self.password_edit)
        self.form.addRow(self.tr("&Ulangi kata sandi:"), self.repeat_edit)
        self.form.addRow(self.tr("&Alasan:"), self.reason_edit)
        self.form.addRow(
            "",
            self.note(
                self.tr(
                    "Sampaikan kata sandi ini langsung kepada pemilik akun. Saat masuk "
                    "berikutnya ia diminta membuat kata sandi baru. Akun yang terkunci ikut "
                    "dibuka."
                )
            ),
        )
        self.password_edit.setFocus()

    def accept(self) -> None:
        password = self.password_edit.text()
        if password != self.repeat_edit.text():
            self.show_message(t("user.password_mismatch"))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        database, actor, username = self.context.database, self.context.actor, self.user.username
        reason = self.reason_edit.text()
        self.submit(lambda: reset_password(database, actor, username, password, reason))

    def refused(self, error: Exception) -> None:
        self.repeat_edit.clear()
        self.password_edit.selectAll()
        self.password_edit.setFocus()


class DeactivateDialog(AccountDialog):
    """An account that must no longer log in; what it wrote keeps its name."""

    def __init__(self, context: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.user = user
        self.setWindowTitle(self.tr("Nonaktifkan akun"))
        self.ok_button.setText(self.tr("Nonaktifkan"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("mis. tidak bertugas lagi di panitia"))
        self.form.addRow(self.tr("Akun:"), QLabel(account_text(user)))
        self.form.addRow(self.tr("&Alasan:"), self.reason_edit)
        self.form.addRow(
            "",
            self.note(
                self.tr(
                    "Akun nonaktif tidak dapat masuk lagi. Namanya tetap tercatat pada nilai "
                    "dan jejak audit. Akun dapat diaktifkan kembali kapan saja."
                )
            ),
        )
        self.reason_edit.setFocus()

    def accept(self) -> None:
        database, actor, username = self.context.database, self.context.actor, self.user.username
        reason = self.reason_edit.text()
        self.submit(lambda: set_active(database, actor, username, False, reason))

    def refused(self, error: Exception) -> None:
        self.reason_edit.setFocus()
