"""Accounts from the window (issue 10 §4): the admin's Users page, one's own password from the
File menu, and the forced change after a reset at the next login.

Real widgets on a real file: keys and clicks go to the dialogs, and what reached the database
is read back through the services (accounts) and the audit trail (who did what to whom).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from argon2 import PasswordHasher
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from app.services import users
from app.services.actor import Actor
from app.services.audit import AuditEntry, audit_log
from app.services.database import Database
from app.services.users import (
    MAX_FAILED_LOGINS,
    UserInfo,
    add_user,
    authenticate,
    list_users,
)
from app.ui.app import create_application
from app.ui.context import AppContext, Changes
from app.ui.dialogs import Dialogs
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow, visible_pages
from app.ui.pages.users import UsersPage
from app.ui.password_dialog import ChangePasswordDialog
from app.ui.user_dialogs import AddUserDialog, DeactivateDialog, ResetPasswordDialog, RoleDialog
from app.ui.user_model import COL_NOTE, COL_STATUS
from app.ui.workers import pending_tasks

LEFT = Qt.MouseButton.LeftButton
ADMIN = Actor("ketua", "admin", "Ketua Panitia")
TIMEOUT_MS = 10_000


@pytest.fixture(autouse=True)
def own_settings(qapp, tmp_path: Path) -> Iterator[None]:
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The smallest argon2id parameters: the dialogs, not the hash, are under test."""
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def accounts(db: Database) -> Database:
    add_user(db, ADMIN, "ketua", "admin", "rahasia-ketua", "Ketua Panitia")
    add_user(db, ADMIN, "budi", "penilai", "rahasia-budi", "Budi Santoso")
    return db


def _window(qtbot, db: Database, actor: Actor = ADMIN) -> MainWindow:
    window = MainWindow(AppContext(db, actor))
    qtbot.addWidget(window)
    window.show()
    return window


def _page(qtbot, db: Database) -> UsersPage:
    page = _window(qtbot, db).show_page("pengguna")
    assert isinstance(page, UsersPage)
    return page


def _user(db: Database, name: str) -> UserInfo:
    return next(u for u in list_users(db) if u.username == name)


def _events(db: Database, action: str) -> list[AuditEntry]:
    return [e for e in audit_log(db) if e.action == action]


def _choose(page: UsersPage, username: str) -> None:
    page.select(username)
    selected = page.selected_user()
    assert selected is not None and selected.username == username


def _cell(page: UsersPage, username: str, column: int) -> str:
    row = page.model.row_of(username)
    assert row is not None
    return str(page.model.index(row, column).data())


def _ok(qtbot, dialog: QDialog) -> None:
    """Click OK and wait for the service call the dialog started off the GUI thread."""
    ok_button = dialog.ok_button  # type: ignore[attr-defined]
    qtbot.mouseClick(ok_button, LEFT)
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=TIMEOUT_MS)


def _closed(dialog: QDialog) -> bool:
    """Accepted: the dialog has closed (and may already be deleted, as it asks on closing)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_only_the_admin_sees_the_users_page() -> None:
    for role, sees in (("admin", True), ("operator", False), ("penilai", False)):
        assert ("pengguna" in [key for key, _t, _f in visible_pages(role)]) is sees


def test_the_admin_adds_a_penilai_who_must_choose_a_password(qtbot, accounts: Database) -> None:
    page = _page(qtbot, accounts)
    dialog = page.add()
    assert isinstance(dialog, AddUserDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.username_edit, "sari")
    qtbot.keyClicks(dialog.full_name_edit, "Sari Dewi, S.Psi.")
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("penilai"))
    assert "atas nama lengkapnya" in dialog.duties_label.text()
    qtbot.keyClicks(dialog.password_edit, "awal-sari-01")
    qtbot.keyClicks(dialog.repeat_edit, "awal-sari-02")
    _ok(qtbot, dialog)
    # A typing mistake is caught in the dialog: nothing reaches the database.
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Kedua kata sandi tidak sama."
    assert [u.username for u in list_users(accounts)] == ["budi", "ketua"]
    qtbot.keyClicks(dialog.repeat_edit, "awal-sari-01")
    _ok(qtbot, dialog)
    assert _closed(dialog)
    sari = _user(accounts, "sari")
    assert (sari.role, sari.full_name, sari.must_change_password) == (
        "penilai",
        "Sari Dewi, S.Psi.",
        True,
    )
    [event] = [e for e in _events(accounts, "user.added") if e.entity_key == "sari"]
    assert event.actor == "ketua"
    assert page.status_label.text() == "Pengguna sari ditambahkan."
    assert page.selected_user() == sari
    assert _cell(page, "sari", COL_NOTE) == "wajib ganti kata sandi saat masuk"


def test_a_refused_account_is_explained_in_the_dialog(qtbot, accounts: Database) -> None:
    page = _page(qtbot, accounts)
    dialog = page.add()
    qtbot.keyClicks(dialog.username_edit, "budi")
    qtbot.keyClicks(dialog.password_edit, "panjang-sekali")
    qtbot.keyClicks(dialog.repeat_edit, "panjang-sekali")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Pengguna 'budi' sudah ada."
    dialog.username_edit.setText("dewi")
    dialog.password_edit.setText("pendek")
    dialog.repeat_edit.setText("pendek")
    _ok(qtbot, dialog)
    assert dialog.message_label.text() == "Kata sandi paling sedikit 8 karakter."
    assert [u.username for u in list_users(accounts)] == ["budi", "ketua"]
    dialog.reject()


def test_a_role_change_needs_a_reason_and_records_old_and_new(qtbot, accounts: Database) -> None:
    page = _page(qtbot, accounts)
    _choose(page, "budi")
    assert page.role_button.isEnabled()
    dialog = page.change_role()
    assert isinstance(dialog, RoleDialog)
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("operator"))
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message_label.text().startswith("Tulis alasannya")
    assert _user(accounts, "budi").role == "penilai"
    qtbot.keyClicks(dialog.reason_edit, "membantu input nilai kertas")
    _ok(qtbot, dialog)
    assert _closed(dialog)
    assert _user(accounts, "budi").role == "operator"
    [event] = _events(accounts, "user.changed")
    assert (event.actor, event.entity_key, event.reason) == (
        "ketua",
        "budi",
        "membantu input nilai kertas",
    )
    assert (event.old, event.new) == ('{"role": "penilai"}', '{"role": "operator"}')
    assert page.status_label.text() == "Peran budi diubah menjadi Operator."


def test_ones_own_account_is_not_offered_and_says_why(qtbot, accounts: Database) -> None:
    page = _page(qtbot, accounts)
    _choose(page, "ketua")
    for button in (page.role_button, page.reset_button, page.active_button):
        assert not button.isEnabled()
    assert page.active_button.toolTip() == (
        "Akun Anda sendiri tidak dapat dinonaktifkan; minta admin lain."
    )
    assert _cell(page, "ketua", COL_NOTE) == "akun Anda"


def test_deactivating_asks_a_reason_and_reactivating_asks_first(
    qtbot, accounts: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, accounts)
    _choose(page, "budi")
    assert page.active_button.text() == "Nonaktifkan…"
    dialog = page.toggle_active()
    assert isinstance(dialog, DeactivateDialog)
    qtbot.keyClicks(dialog.reason_edit, "tidak bertugas lagi")
    _ok(qtbot, dialog)
    assert not _user(accounts, "budi").active
    assert _cell(page, "budi", COL_STATUS) == "Nonaktif"
    assert page.active_button.text() == "Aktifkan kembali"
    [event] = _events(accounts, "user.deactivated")
    assert (event.actor, event.entity_key, event.reason) == ("ketua", "budi", "tidak bertugas lagi")
    with pytest.raises(users.UserError):
        authenticate(accounts, "budi", "rahasia-budi")

    asked: list[str] = []
    monkeypatch.setattr(
        Dialogs, "confirm", staticmethod(lambda _p, title, _text: asked.append(title) or True)
    )
    assert page.toggle_active() is None
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=TIMEOUT_MS)
    assert asked == ["Aktifkan kembali"]
    assert _user(accounts, "budi").active
    assert _cell(page, "budi", COL_STATUS) == "Aktif"
    assert [e.entity_key for e in _events(accounts, "user.reactivated")] == ["budi"]


def test_the_admin_unlocks_an_account_wrong_passwords_locked(qtbot, accounts: Database) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(users.UserError):
            authenticate(accounts, "budi", "salah")
    page = _page(qtbot, accounts)
    _choose(page, "budi")
    assert _cell(page, "budi", COL_STATUS).startswith("Terkunci s.d. ")
    assert page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, LEFT)
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=TIMEOUT_MS)
    assert not _user(accounts, "budi").is_locked()
    assert [(e.actor, e.entity_key) for e in _events(accounts, "user.unlocked")] == [
        ("ketua", "budi")
    ]
    assert _cell(page, "budi", COL_STATUS) == "Aktif"
    assert not page.unlock_button.isEnabled()
    assert authenticate(accounts, "budi", "rahasia-budi").username == "budi"


def test_a_reset_password_is_replaced_at_the_next_login(qtbot, accounts: Database) -> None:
    page = _page(qtbot, accounts)
    _choose(page, "budi")
    dialog = page.reset()
    assert isinstance(dialog, ResetPasswordDialog)
    qtbot.keyClicks(dialog.password_edit, "sementara-99")
    qtbot.keyClicks(dialog.repeat_edit, "sementara-99")
    qtbot.keyClicks(dialog.reason_edit, "lupa kata sandi")
    _ok(qtbot, dialog)
    assert _closed(dialog)
    [event] = _events(accounts, "user.password_reset")
    assert (event.actor, event.entity_key, event.reason) == ("ketua", "budi", "lupa kata sandi")
    assert "sementara-99" not in f"{event.old} {event.new}"
    assert _cell(page, "budi", COL_NOTE) == "wajib ganti kata sandi saat masuk"

    # budi logs in with the password the admin gave: a new one is asked before the login ends.
    login = LoginDialog(accounts)
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.user_edit, "budi")
    qtbot.keyClicks(login.password_edit, "sementara-99")
    qtbot.mouseClick(login.login_button, LEFT)
    change = login.change_dialog
    assert isinstance(change, ChangePasswordDialog) and change.isVisible()
    assert not change.old_edit.isVisible()  # just typed at the login
    assert change.intro_label.text().startswith("Kata sandi akun ini diatur oleh admin")
    change.reject()  # cancelled: nobody is logged in
    assert login.isVisible() and login.user is None
    assert login.message_label.text().startswith("Kata sandi baru wajib dibuat")
    assert _user(accounts, "budi").must_change_password

    qtbot.keyClicks(login.password_edit, "sementara-99")
    qtbot.mouseClick(login.login_button, LEFT)
    change = login.change_dialog
    assert change is not None
    qtbot.keyClicks(change.new_edit, "milik-budi-sendiri")
    qtbot.keyClicks(change.repeat_edit, "milik-budi-sendiri")
    _ok(qtbot, change)
    assert login.result() == QDialog.DialogCode.Accepted
    assert login.user is not None and login.user.actor == Actor("budi", "penilai", "Budi Santoso")
    assert not _user(accounts, "budi").must_change_password
    [own] = _events(accounts, "user.password_changed")
    assert (own.actor, own.entity_key) == ("budi", "budi")
    assert authenticate(accounts, "budi", "milik-budi-sendiri").username == "budi"


def test_everyone_changes_their_own_password_from_the_file_menu(qtbot, accounts: Database) -> None:
    budi = Actor("budi", "penilai", "Budi Santoso")
    window = _window(qtbot, accounts, budi)
    assert window.password_action.text() == "&Ganti kata sandi…"
    window.password_action.trigger()
    [dialog] = [d for d in window.findChildren(ChangePasswordDialog) if d.isVisible()]
    assert dialog.account_value.text() == "Budi Santoso (budi)"
    qtbot.keyClicks(dialog.old_edit, "tebakan-salah")
    qtbot.keyClicks(dialog.new_edit, "sandi-baru-budi")
    qtbot.keyClicks(dialog.repeat_edit, "sandi-baru-budi")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Kata sandi lama salah."
    assert dialog.old_edit.text() == "" and dialog.old_edit.hasFocus()
    assert len(_events(accounts, "user.password_change_refused")) == 1
    qtbot.keyClicks(dialog.old_edit, "rahasia-budi")
    _ok(qtbot, dialog)
    assert _closed(dialog)
    assert window.statusBar().currentMessage() == "Kata sandi diganti."
    assert authenticate(accounts, "budi", "sandi-baru-budi").username == "budi"
    [event] = _events(accounts, "user.password_changed")
    assert (event.actor, event.entity_key) == ("budi", "budi")


def test_the_users_table_keeps_qt_s_contract(qtmodeltester, qtbot, accounts: Database) -> None:
    page = _page(qtbot, accounts)
    qtmodeltester.check(page.model)


@pytest.mark.parametrize("change", ["deactivated", "role"])
def test_a_window_whose_account_changed_elsewhere_asks_for_a_new_login(
    qtbot, accounts: Database, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Another admin, on another laptop, deactivates budi or gives him another role: budi's
    window says so and logs him out, as the file watcher brings the change in."""
    told: list[str] = []
    monkeypatch.setattr(Dialogs, "info", staticmethod(lambda _p, _title, text: told.append(text)))
    window = _window(qtbot, accounts, Actor("budi", "penilai", "Budi Santoso"))
    window.context.changes.broadcast(Changes.from_elsewhere())  # nothing of budi's changed
    assert told == []
    if change == "deactivated":
        users.set_active(accounts, ADMIN, "budi", False, "tidak bertugas lagi")
    else:
        users.set_role(accounts, ADMIN, "budi", "operator", "membantu input kertas")
    with qtbot.waitSignal(window.logout_requested, timeout=TIMEOUT_MS):
        window.context.changes.broadcast(Changes.from_elsewhere())
    expected = {
        "deactivated": "Akun budi dinonaktifkan oleh admin. Masuk dengan akun lain.",
        "role": "Peran akun budi kini Operator. Masuk lagi agar peran itu berlaku.",
    }
    assert told == [expected[change]]
