"""The Users page: the accounts of this file, and what an admin does with them.

Why in the window: double entry needs two people typing the same sheets under two accounts,
and on a selection day the committee has no terminal at hand. The admin adds accounts, sets
roles, resets a forgotten password, unlocks an account that wrong passwords locked, and
deactivates one that must no longer log in (issue 10 §4). Every action is a service call
(``app.services.users``) through ``ServiceOp`` with its audit event; the services refuse
what the rules forbid (one's own account, the last active admin), and the page says why a
button is not offered before anyone presses it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.clock import utc_now
from app.messages import t
from app.services.changes import USERS
from app.services.errors import UserError
from app.services.permissions import ROLES, Action
from app.services.users import UserInfo, list_users, set_active, unlock

from ..context import AppContext, Changes
from ..dialogs import Dialogs
from ..icons import icon
from ..main_window import role_label
from ..operations import ServiceOp
from ..password_dialog import AccountDialog, sentence
from ..user_dialogs import AddUserDialog, DeactivateDialog, ResetPasswordDialog, RoleDialog
from ..user_model import COL_NOTE, UserTableModel, role_duties

NOTE_COLOUR = "#3d4452"
D = TypeVar("D", bound=AccountDialog)


class UsersPage(QWidget):
    """The accounts table and the admin's actions on the chosen account.

    Attributes tests use: ``table``, ``model``, ``add_button``, ``role_button``,
    ``reset_button``, ``active_button``, ``unlock_button``, ``status_label``; the action
    methods return the dialog they opened.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        manage = context.may(Action.MANAGE_USERS)

        self.intro_label = QLabel(
            self.tr(
                "Setiap orang yang bekerja dengan berkas ini masuk dengan akunnya sendiri: jejak "
                "audit mencatat nama akun pada setiap perubahan. Entri ganda memerlukan dua "
                "akun, karena dua orang mengetik lembar yang sama secara terpisah dan program "
                "membandingkan hasilnya."
            )
        )
        self.intro_label.setWordWrap(True)
        lines = [f"<b>{role_label(role)}</b>: {role_duties(role)}" for role in ROLES]
        self.roles_label = QLabel("<br>".join(lines))
        self.roles_label.setWordWrap(True)
        self.roles_label.setStyleSheet(f"color: {NOTE_COLOUR};")

        self.add_button = QPushButton(icon("pengguna"), self.tr("Tambah pengguna…"))
        self.role_button = QPushButton(self.tr("Ubah peran…"))
        self.reset_button = QPushButton(self.tr("Atur ulang kata sandi…"))
        self.active_button = QPushButton(self.tr("Nonaktifkan…"))
        self.unlock_button = QPushButton(icon("unlock"), self.tr("Buka kunci"))
        self.add_button.clicked.connect(self.add)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset)
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock_selected)
        actions = QHBoxLayout()
        for button in (
            self.add_button,
            self.role_button,
            self.reset_button,
            self.active_button,
            self.unlock_button,
        ):
            button.setVisible(manage)
            actions.addWidget(button)
        actions.addStretch(1)

        self.model = UserTableModel(context.actor.name, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._double_clicked)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.roles_label)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

        context.changes.changed.connect(self._changed)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the accounts again, keeping the chosen one chosen."""
        chosen = self.selected_user()
        self.model.set_users(list_users(self.context.database), utc_now())
        if chosen is not None:
            self.select(chosen.username)
        self._update_buttons()

    def _changed(self, changes: Changes, initiator: object = None) -> None:
        if USERS in changes.kinds:
            self.refresh()

    def select(self, username: str) -> None:
        row = self.model.row_of(username)
        if row is not None:
            self.table.selectRow(row)

    def selected_user(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        """Offer only what the service would do, and say why the rest is not offered."""
        user = self.selected_user()
        own = user is not None and user.username == self.context.actor.name
        self.role_button.setEnabled(user is not None and not own)
        self.reset_button.setEnabled(user is not None and not own)
        self.active_button.setEnabled(user is not None and not (own and user.active))
        self.unlock_button.setEnabled(user is not None and user.is_locked())
        reactivate = user is not None and not user.active
        self.active_button.setText(
            self.tr("Aktifkan kembali") if reactivate else self.tr("Nonaktifkan…")
        )
        self.role_button.setToolTip(sentence(t("user.own_role")) if own else "")
        self.reset_button.setToolTip(sentence(t("user.own_reset")) if own else "")
        self.active_button.setToolTip(sentence(t("user.own_deactivate")) if own else "")

    # -- actions ---------------------------------------------------------------------------

    def add(self) -> AddUserDialog:
        return self._open(AddUserDialog(self.context, self), self.tr("Pengguna %1 ditambahkan."))

    def change_role(self) -> RoleDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        return self._open(
            RoleDialog(self.context, user, self), self.tr("Peran %1 diubah menjadi %2.")
        )

    def reset(self) -> ResetPasswordDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        return self._open(
            ResetPasswordDialog(self.context, user, self),
            self.tr("Kata sandi %1 diatur ulang; ia diminta menggantinya saat masuk."),
        )

    def toggle_active(self) -> DeactivateDialog | None:
        """Deactivate (asking the reason) or bring an inactive account back (asking first)."""
        user = self.selected_user()
        if user is None:
            return None
        if user.active:
            return self._open(
                DeactivateDialog(self.context, user, self),
                self.tr("Akun %1 dinonaktifkan."),
            )
        question = self.tr("Aktifkan kembali akun %1? Akun itu dapat masuk lagi.").replace(
            "%1", user.username
        )
        if Dialogs.confirm(self, self.tr("Aktifkan kembali"), question):
            database, actor, name = self.context.database, self.context.actor, user.username
            self._run(
                lambda: set_active(database, actor, name, True),
                self.tr("Akun %1 aktif kembali."),
                self.tr("Aktifkan kembali"),
            )
        return None

    def unlock_selected(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        database, actor, name = self.context.database, self.context.actor, user.username
        self._run(
            lambda: unlock(database, actor, name),
            self.tr("Akun %1 dibuka; ia dapat masuk lagi sekarang."),
            self.tr("Buka kunci"),
        )

    def _double_clicked(self, index: QModelIndex) -> None:
        user = self.model.user_at(index.row()) if index.isValid() else None
        if user is not None and self.role_button.isEnabled():
            self.change_role()

    def _open(self, dialog: D, done: str) -> D:
        """Show ``dialog`` window-modal; once the service has saved, say so and show the row."""
        dialog.accepted.connect(lambda: self._saved(dialog.info, done))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _run(self, work: Callable[[], UserInfo], done: str, title: str) -> None:
        ServiceOp(self, self.context, work).success(lambda info: self._saved(info, done)).failure(
            self._refused
        ).run_in_background(title)

    def _saved(self, info: UserInfo | None, done: str) -> None:
        if info is None:
            return
        self.refresh()
        self.select(info.username)
        self.status_label.setStyleSheet("")
        self.status_label.setText(
            done.replace("%1", info.username).replace("%2", role_label(info.role))
        )

    def _refused(self, error: Exception) -> None:
        self.refresh()
        self.status_label.setStyleSheet("color: #b3261e;")
        self.status_label.setText(
            sentence(error.text()) if isinstance(error, UserError) else str(error)
        )
