"""The Backups page, the backup on closing the window, and the offer to recover at start-up.

Confirmations and message boxes are answered by monkeypatching ``Dialogs``; the folder is
"opened" by a monkeypatched ``QDesktopServices.openUrl``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from app.services.actor import Actor
from app.services.backups import backup_folder, create_backup, list_backups
from app.services.database import Database
from app.services.demo import create_demo
from app.services.marks import mark_participant
from app.ui.app import Launcher
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.main_window import MainWindow, visible_pages
from app.ui.pages.backups import COL_REASON, BackupsPage
from app.ui.workers import pending_tasks

ADMIN = Actor("ketua", "admin")
OPERATOR = Actor("operator", "operator")
TIMEOUT_MS = 20_000
NOW = datetime(2024, 12, 5, 10, 15, 30)


def _marks(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM participant_mark").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("cadangan") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, "binjai-kompetensi", participants=20, seed=5)
    database.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path, template: tuple[Path, int], copy_database: Callable[[Path, Path], Database]
) -> Iterator[tuple[Database, int]]:
    database = copy_database(template[0], tmp_path / "seleksi.db")
    yield database, template[1]
    database.close()


def _page(qtbot, demo: tuple[Database, int], actor: Actor = ADMIN) -> BackupsPage:
    db, selection = demo
    page = BackupsPage(AppContext(db, actor, selection))
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_page_lists_backups_newest_first(qtbot, demo: tuple[Database, int]) -> None:
    db, _selection = demo
    create_backup(db, "impor-nilai", now=NOW - timedelta(hours=2))
    newest = create_backup(db, "manual", now=NOW)
    page = _page(qtbot, demo)
    assert page.table.rowCount() == 2
    assert page.backups[0].path == newest
    assert page.table.item(0, 0).text() == "05-12-2024 10:15:30"
    assert page.table.item(0, COL_REASON).text() == "Dibuat manual"
    assert page.table.item(1, COL_REASON).text() == "Sebelum impor nilai"
    assert str(backup_folder(db)) in page.folder_label.text()
    assert not page.empty_label.isVisible()
    assert not page.restore_button.isEnabled()  # nothing chosen yet
    page.table.selectRow(1)
    assert page.restore_button.isEnabled()


def test_an_empty_folder_says_how_backups_come_about(qtbot, demo: tuple[Database, int]) -> None:
    page = _page(qtbot, demo)
    assert page.table.rowCount() == 0
    assert page.empty_label.isVisible() and "Belum ada cadangan" in page.empty_label.text()


def test_the_button_makes_a_backup(qtbot, demo: tuple[Database, int]) -> None:
    db, _selection = demo
    page = _page(qtbot, demo)
    page.create_button.click()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=TIMEOUT_MS)
    assert page.table.rowCount() == 1
    [info] = list_backups(db.path)
    assert info.reason == "manual"
    assert info.path.name in page.status_label.text()
    assert page.create_button.isEnabled()


def test_restore_asks_then_puts_the_backup_back_and_keeps_the_current_data(
    qtbot, demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, selection = demo
    good = create_backup(db, "manual", now=NOW)
    marks = _marks(db.path)
    with sqlite3.connect(db.path) as connection:
        number = connection.execute("SELECT number FROM participant").fetchone()[0]
    mark_participant(db, ADMIN, selection, number, "DIS", "keliru")
    page = _page(qtbot, demo)
    questions: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(
        Dialogs,
        "confirm",
        staticmethod(lambda _p, _t, text: questions.append(text) or next(answers)),
    )
    infos: list[str] = []
    monkeypatch.setattr(Dialogs, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    changed: list[object] = []
    page.context.changes.changed.connect(lambda changes, _initiator: changed.append(changes))

    page.table.selectRow(0)
    page.restore_button.click()  # "no": nothing happens
    assert pending_tasks() == 0 and _marks(db.path) == marks + 1
    assert "disimpan dahulu sebagai cadangan" in questions[0] and good.name in questions[0]

    page.table.selectRow(0)
    page.restore_button.click()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=TIMEOUT_MS)

    assert _marks(db.path) == marks
    safety = next(info.path for info in list_backups(db.path) if info.reason == "sebelum-pulih")
    assert _marks(safety) == marks + 1
    assert infos and safety.name in infos[0]
    # outside a main window the page tells every page that everything may have changed
    assert changed and all(getattr(c, "external", False) for c in changed)
    assert page.table.rowCount() == 2


def test_only_admins_restore_and_penilai_do_not_see_the_page(
    qtbot, demo: tuple[Database, int]
) -> None:
    page = _page(qtbot, demo, OPERATOR)
    assert page.create_button.isVisible()
    assert not page.restore_button.isVisible()
    assert "cadangan" in [key for key, _title, _factory in visible_pages("operator")]
    assert "cadangan" in [key for key, _title, _factory in visible_pages("admin")]
    assert "cadangan" not in [key for key, _title, _factory in visible_pages("penilai")]


def test_open_folder_opens_the_backups_folder(
    qtbot, demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _selection = demo
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    page = _page(qtbot, demo)
    page.folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(backup_folder(db))]
    assert backup_folder(db).is_dir()


def test_closing_the_window_makes_a_backup(qtbot, demo: tuple[Database, int]) -> None:
    db, selection = demo
    window = MainWindow(AppContext(db, ADMIN, selection))
    qtbot.addWidget(window)
    window.show()
    assert window.show_page("cadangan") is not None
    assert list_backups(db.path) == []
    window.close()
    assert [info.reason for info in list_backups(db.path)] == ["keluar"]


def test_start_offers_the_newest_backup_of_a_damaged_file(
    qtbot, demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _selection = demo
    newest = create_backup(db, "keluar")
    db.close()
    with db.path.open("r+b") as handle:
        handle.truncate(db.path.stat().st_size // 2)
    damaged = db.path.read_bytes()
    questions: list[str] = []
    monkeypatch.setattr(
        Dialogs, "confirm", staticmethod(lambda _p, _t, text: questions.append(text) or True)
    )
    monkeypatch.setattr(Dialogs, "error", staticmethod(lambda *_a: pytest.fail("no error box")))
    launcher = Launcher()
    assert launcher.start(db.path, actor=ADMIN) == "open"
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    opened = launcher.window.context.database.path
    assert opened.parent == db.path.parent and opened.name.startswith("seleksi-pulih-")
    assert newest.name in questions[0] and "terpotong" in questions[0]
    assert db.path.read_bytes() == damaged
    launcher.close()
