"""Log out / switch user (issue 10 §4): File › Keluar / ganti pengguna returns to the login
without quitting, nothing typed is lost on the way, and the next user's role applies to every
page of the window they get.

The launcher and its windows are the real ones; the login dialog's ``exec`` is answered by
typing into the real dialog (a modal loop would block an offscreen run).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from argon2 import PasswordHasher
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.services import users
from app.services.actor import Actor
from app.services.audit import audit_log
from app.services.database import Database
from app.services.demo import create_demo
from app.services.scheme_edit import current_scheme
from app.services.schemes import load_preset_or_file
from app.services.selections import create_selection
from app.services.users import add_user
from app.ui.app import Launcher, create_application
from app.ui.dialogs import DISCARD, SAVE, STAY, Dialogs
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow, visible_pages
from app.ui.pages.score_entry import ScoreEditor, ScoreEntryPage
from app.ui.pages.setup import SetupPage
from app.ui.score_sheet_model import FIXED_COLUMNS
from app.ui.widgets.finalize_bar import FinalizeBar
from app.ui.workers import pending_tasks

ADMIN = Actor("ketua", "admin", "Ketua Panitia")
BUDI = Actor("budi", "penilai", "Budi Santoso")
TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def own_settings(qapp, tmp_path: Path) -> Iterator[None]:
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().clear()
    yield


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(autouse=True)
def reasons(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's sheets hold values: replacing one asks for a reason, answered here."""
    monkeypatch.setattr(Dialogs, "ask_text", staticmethod(lambda *_a, **_k: "salah baca"))


@pytest.fixture
def logins(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str] | None]:
    """What the next login dialogs are answered with: a name and password typed into the real
    dialog and OK pressed, or ``None`` for Cancel. A login nobody expected fails the test."""
    answers: list[tuple[str, str] | None] = []

    def answer(dialog: LoginDialog) -> int:
        assert answers, "a login was asked for that the test did not expect"
        given = answers.pop(0)
        if given is None:
            dialog.reject()
        else:
            dialog.user_edit.setText(given[0])
            dialog.password_edit.setText(given[1])
            dialog.login_button.click()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", answer)
    return answers


def _file(tmp_path: Path, new_database: Callable[[Path], Database], scores: bool = True) -> Path:
    """A closed file with ketua (admin) and budi (penilai); the demo selection with its
    scores, or a fresh selection whose scheme can still be edited."""
    db = new_database(tmp_path / "seleksi.db")
    try:
        if scores:
            create_demo(db, ADMIN, "binjai-kompetensi", participants=40, seed=7)
        else:
            scheme = load_preset_or_file("binjai-kompetensi")
            create_selection(db, ADMIN, scheme, "Seleksi uji", 2025, "Kota Binjai")
        add_user(db, ADMIN, "ketua", "admin", "rahasia-ketua", "Ketua Panitia")
        add_user(db, ADMIN, "budi", "penilai", "rahasia-budi", "Budi Santoso")
    finally:
        db.close()
    return db.path


@pytest.fixture
def launcher(qtbot) -> Iterator[Launcher]:
    launcher = Launcher()
    yield launcher
    window = launcher.window
    if window is not None and shiboken6.isValid(window):
        qtbot.waitUntil(lambda: _idle(window), timeout=TIMEOUT_MS)
        window.close()
    launcher.close()


def _idle(window: QWidget) -> bool:
    busy = [getattr(page, "is_busy", None) for page in window.findChildren(QWidget)]
    return (
        pending_tasks() == 0
        and QThreadPool.globalInstance().activeThreadCount() == 0
        and not any(is_busy() for is_busy in busy if callable(is_busy))
    )


def _start(qtbot, launcher: Launcher, path: Path) -> MainWindow:
    assert launcher.start(path, actor=ADMIN) == "open"
    window = launcher.window
    assert window is not None
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def test_log_out_returns_to_the_login_and_the_next_role_applies_everywhere(
    qtbot, tmp_path: Path, new_database, launcher: Launcher, logins
) -> None:
    path = _file(tmp_path, new_database)
    first = _start(qtbot, launcher, path)
    rankings = first.show_page("peringkat")
    assert rankings is not None
    [bar] = rankings.findChildren(FinalizeBar)
    assert not bar.finalize_button.isHidden()  # the admin may finalize
    qtbot.waitUntil(lambda: _idle(first), timeout=TIMEOUT_MS)
    assert first.logout_action.text() == "Keluar / ganti &pengguna"

    logins.append(("budi", "rahasia-budi"))
    first.logout_action.trigger()

    second = launcher.window
    assert second is not None and second is not first
    assert not logins  # the login was asked, once
    assert not first.isVisible()
    assert second.isVisible()
    assert QApplication.quitOnLastWindowClosed()  # the program goes on, and quits as before
    assert second.context.actor == BUDI
    assert second.context.selection_id == first.context.selection_id
    assert second.context.database is first.context.database
    assert second.user_label.text() == "Budi Santoso (Penilai)"
    assert second.nav_keys() == [key for key, _t, _f in visible_pages("penilai")]
    for key in second.nav_keys():
        page = second.show_page(key)
        assert page is not None and page.context.actor == BUDI, key
        qtbot.waitUntil(lambda: _idle(second), timeout=TIMEOUT_MS)
    rankings = second.page("peringkat")
    assert rankings is not None
    [bar] = rankings.findChildren(FinalizeBar)
    assert bar.finalize_button.isHidden() and bar.reopen_button.isHidden()
    logged = [(e.action, e.actor) for e in audit_log(second.context.database, user="budi")]
    assert ("login", "budi") in logged


def test_cancelling_the_next_login_ends_the_program(
    qtbot, tmp_path: Path, new_database, launcher: Launcher, logins
) -> None:
    first = _start(qtbot, launcher, _file(tmp_path, new_database))
    qtbot.waitUntil(lambda: _idle(first), timeout=TIMEOUT_MS)
    logins.append(None)
    assert first.log_out() is True
    assert not logins
    assert not first.isVisible()  # closed: the previous user's window never comes back
    assert launcher.window is first
    assert QApplication.quitOnLastWindowClosed()


def _type_first_score(qtbot, window: MainWindow) -> tuple[ScoreEntryPage, str]:
    """On the score-entry page: the first value of the PENGETAHUAN sheet typed, not entered."""
    page = window.show_page("nilai")
    assert isinstance(page, ScoreEntryPage)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=TIMEOUT_MS)
    for box, data in ((page.component_box, "PENGETAHUAN"), (page.formation_box, "BNJ-01")):
        box.setCurrentIndex(box.findData(data))
        qtbot.waitUntil(lambda: not page.is_loading(), timeout=TIMEOUT_MS)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, FIXED_COLUMNS))
    page.table.edit(page.table.currentIndex())
    editors = [e for e in page.table.viewport().findChildren(ScoreEditor) if e.isVisible()]
    assert editors
    editors[0].setText("64")
    return page, page.model.sheet_row(0).number


def _score(db: Database, number: str) -> list[tuple[int, str]]:
    with db.reading() as connection:
        return connection.execute(
            "SELECT s.value_milli, s.entered_by FROM score s"
            " JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id"
            " WHERE p.number = ? AND c.code = 'PENGETAHUAN'",
            (number,),
        ).fetchall()


def test_logging_out_saves_the_value_still_in_the_cell_editor(
    qtbot, tmp_path: Path, new_database, launcher: Launcher, logins
) -> None:
    first = _start(qtbot, launcher, _file(tmp_path, new_database))
    page, number = _type_first_score(qtbot, first)
    database = first.context.database
    before = _score(database, number)
    assert page.unsaved()
    logins.append(("budi", "rahasia-budi"))
    first.logout_action.trigger()
    assert launcher.window is not first and not logins
    assert _score(database, number) == [(64_000, "ketua")]
    assert before != [(64_000, "ketua")]
    events = [e for e in audit_log(database, participant=number) if e.action.startswith("score")]
    assert events[-1].actor == "ketua"


def test_a_value_that_cannot_be_saved_is_dropped_only_when_the_user_says_so(
    qtbot, tmp_path: Path, new_database, launcher: Launcher, logins, monkeypatch
) -> None:
    first = _start(qtbot, launcher, _file(tmp_path, new_database))
    page, number = _type_first_score(qtbot, first)
    [editor] = [e for e in page.table.viewport().findChildren(ScoreEditor) if e.isVisible()]
    editor.setText("1000")  # above the component's maximum
    before = _score(first.context.database, number)
    questions: list[str] = []
    answers = [False, True]
    monkeypatch.setattr(
        Dialogs,
        "confirm",
        staticmethod(lambda _p, _t, text: questions.append(text) or answers.pop(0)),
    )
    assert first.log_out() is False  # "stay": nothing asked of the next user yet
    assert launcher.window is first and first.isVisible()
    assert questions[0].startswith('Nilai "1000" tidak disimpan: ')
    logins.append(("budi", "rahasia-budi"))
    assert first.log_out() is True  # "leave it": the next user logs in
    assert launcher.window is not first and not logins
    assert len(questions) == 2
    assert _score(first.context.database, number) == before


def _edit_scheme(qtbot, window: MainWindow) -> SetupPage:
    page = window.show_page("persiapan")
    assert isinstance(page, SetupPage)
    editor = page.scheme_editor
    model = editor.components.model
    model.setData(model.index(0, model.column_of("name")), "Tes Pengetahuan Umum")
    assert editor.dirty and page.unsaved()
    return page


def test_an_edited_scheme_is_saved_kept_or_dropped_as_the_user_chooses(
    qtbot, tmp_path: Path, new_database, launcher: Launcher, logins, monkeypatch
) -> None:
    first = _start(qtbot, launcher, _file(tmp_path, new_database, scores=False))
    page = _edit_scheme(qtbot, first)
    choices = [STAY, SAVE]
    asked: list[str] = []
    monkeypatch.setattr(
        Dialogs,
        "ask_unsaved",
        staticmethod(lambda _p, title, _text: asked.append(title) or choices.pop(0)),
    )
    first.logout_action.trigger()  # Batal: the window stays with the edit in it
    assert asked == ["Skema belum disimpan"]
    assert launcher.window is first and first.isVisible() and page.scheme_editor.dirty
    logins.append(("budi", "rahasia-budi"))
    first.logout_action.trigger()  # Simpan
    assert launcher.window is not first and not logins
    database = first.context.database
    selection = first.context.selection_id
    assert selection is not None
    names = [
        c.name for stage in current_scheme(database, selection).stages for c in stage.components
    ]
    assert "Tes Pengetahuan Umum" in names


def test_closing_the_window_asks_about_an_edited_scheme_too(
    qtbot, tmp_path: Path, new_database, launcher: Launcher, monkeypatch
) -> None:
    first = _start(qtbot, launcher, _file(tmp_path, new_database, scores=False))
    _edit_scheme(qtbot, first)
    choices = [STAY, DISCARD]
    monkeypatch.setattr(Dialogs, "ask_unsaved", staticmethod(lambda *_a: choices.pop(0)))
    assert first.close() is False and first.isVisible()
    assert first.close() is True and not first.isVisible()
    selection = first.context.selection_id
    assert selection is not None
    names = [
        c.name
        for stage in current_scheme(first.context.database, selection).stages
        for c in stage.components
    ]
    assert "Tes Pengetahuan Umum" not in names


def test_going_to_another_page_asks_about_an_edited_scheme(
    qtbot, tmp_path: Path, new_database, launcher: Launcher, monkeypatch
) -> None:
    """Issue #10 §6: leaving the scheme editor for another page with unsaved edits asks;
    "stay" keeps the page and the navigation where they were."""
    first = _start(qtbot, launcher, _file(tmp_path, new_database, scores=False))
    page = _edit_scheme(qtbot, first)
    setup_row = first.nav_keys().index("persiapan")
    other = next(i for i, key in enumerate(first.nav_keys()) if key != "persiapan")
    choices = [STAY, SAVE]
    asked: list[str] = []
    monkeypatch.setattr(
        Dialogs,
        "ask_unsaved",
        staticmethod(lambda _p, title, _text: asked.append(title) or choices.pop(0)),
    )
    first.nav.setCurrentRow(other)  # Batal
    assert asked == ["Skema belum disimpan"]
    assert first.nav.currentRow() == setup_row and page.scheme_editor.dirty
    assert first.stack.currentWidget().isAncestorOf(page)
    first.nav.setCurrentRow(other)  # Simpan
    assert first.nav.currentRow() == other and not page.scheme_editor.dirty
    assert not first.stack.currentWidget().isAncestorOf(page)
    selection = first.context.selection_id
    assert selection is not None
    names = [
        c.name
        for stage in current_scheme(first.context.database, selection).stages
        for c in stage.components
    ]
    assert "Tes Pengetahuan Umum" in names
    first.nav.setCurrentRow(setup_row)  # nothing unsaved: no question
    first.nav.setCurrentRow(other)
    assert len(asked) == 2


def test_a_forced_password_change_is_part_of_switching_user(
    qtbot, tmp_path: Path, new_database, launcher: Launcher, logins, monkeypatch
) -> None:
    """budi's password was reset: the login asks for his own before his window opens."""
    first = _start(qtbot, launcher, _file(tmp_path, new_database))
    qtbot.waitUntil(lambda: _idle(first), timeout=TIMEOUT_MS)
    users.reset_password(first.context.database, ADMIN, "budi", "sementara-77")
    logins.append(("budi", "sementara-77"))
    type_login = LoginDialog.exec  # the answer of the ``logins`` fixture
    changed: list[QDialog] = []

    def login_and_change(dialog: LoginDialog) -> int:
        type_login(dialog)  # OK opens the change over the login, which stays open
        change = dialog.change_dialog
        assert change is not None and change.isVisible()
        assert dialog.result() != QDialog.DialogCode.Accepted
        changed.append(change)
        change.new_edit.setText("milik-budi-sendiri")
        change.repeat_edit.setText("milik-budi-sendiri")
        change.ok_button.click()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=TIMEOUT_MS)
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", login_and_change)
    first.logout_action.trigger()
    assert changed
    second = launcher.window
    assert second is not None and second is not first and second.context.actor == BUDI
    budi = users.find_user(second.context.database, "budi")
    assert budi is not None and not budi.must_change_password


def test_opening_another_file_asks_about_typed_work_first(
    qtbot, tmp_path: Path, new_database, launcher: Launcher, monkeypatch
) -> None:
    first = _start(qtbot, launcher, _file(tmp_path, new_database, scores=False))
    _edit_scheme(qtbot, first)
    monkeypatch.setattr(Dialogs, "ask_unsaved", staticmethod(lambda *_a: STAY))
    assert launcher.open_file(tmp_path / "lain.db", new=True) is False
    assert launcher.window is first and first.isVisible()
    assert not (tmp_path / "lain.db").exists()  # nothing was created either
