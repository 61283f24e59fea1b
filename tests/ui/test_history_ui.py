"""The window warns, without blocking, when a file's history no longer matches its own
backups or its triggers were missing; the Backups page asks before restoring another
database and says in words that a busy file was not backed up (issue 9)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.tamper import rewrite_chain, without_triggers

from app.services import backups
from app.services.actor import Actor
from app.services.backups import create_backup, list_backups
from app.services.database import Database
from app.services.demo import create_demo
from app.services.opening import open_database
from app.ui.app import Launcher
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.main_window import MainWindow
from app.ui.pages.backups import BackupsPage
from app.ui.workers import pending_tasks

ADMIN = Actor("ketua", "admin")
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("riwayat-ui") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, "binjai-kompetensi", participants=15, seed=8)
    database.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path, template: tuple[Path, int], copy_database: Callable[[Path, Path], Database]
) -> Iterator[tuple[Database, int]]:
    database = copy_database(template[0], tmp_path / "seleksi.db")
    yield database, template[1]
    database.close()


@pytest.fixture
def no_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A warning about history must never stop anyone working: no modal box at all."""
    for name in ("error", "info", "confirm"):
        monkeypatch.setattr(Dialogs, name, staticmethod(lambda *_a: pytest.fail("a box")))


def _bar_text(window: MainWindow) -> str:
    bar = getattr(window, "warning_bar", None)
    return window.warning_label.text() if bar is not None and bar.isVisible() else ""


def test_the_window_warns_when_history_no_longer_holds_a_backups_head(
    qtbot, demo: tuple[Database, int], no_boxes: None
) -> None:
    db, selection = demo
    clean = MainWindow(AppContext(db, ADMIN, selection))
    qtbot.addWidget(clean)
    clean.show()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=TIMEOUT_MS)
    assert _bar_text(clean) == ""
    clean.close()

    backup = create_backup(db, "manual")
    rewrite_chain(db.path, 1, reason="diubah")  # the whole chain computed again
    window = MainWindow(AppContext(db, ADMIN, selection))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "DITULIS ULANG" in _bar_text(window), timeout=TIMEOUT_MS)
    assert backup.name in _bar_text(window)
    window.warning_close.click()
    assert not window.warning_bar.isVisible()
    assert window.show_page("cadangan") is not None  # and the window works as ever


def test_opening_a_file_whose_triggers_were_dropped_warns_in_the_window(
    qtbot, demo: tuple[Database, int], no_boxes: None
) -> None:
    db, _selection = demo
    db.close()
    without_triggers(db.path, recreate=False)
    launcher = Launcher()
    assert launcher.start(db.path, actor=ADMIN) == "open"
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "dipasang kembali" in _bar_text(window), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=TIMEOUT_MS)
    launcher.close()


def _page(qtbot, db: Database, selection: int) -> BackupsPage:
    page = BackupsPage(AppContext(db, ADMIN, selection))
    qtbot.addWidget(page)
    page.show()
    return page


def _marks(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM participant_mark").fetchone()[0]
    finally:
        connection.close()


def test_restoring_a_backup_of_another_database_asks_again(
    qtbot, demo: tuple[Database, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, selection = demo
    other = open_database(tmp_path / "lain" / "lain.db")  # another file: another identity
    create_demo(other, ADMIN, "binjai-kompetensi", participants=4, seed=2)
    foreign = create_backup(other, "manual")
    other.close()
    target = backups.backup_folder(db)  # copied into this file's folder, as by a USB stick
    target.mkdir(exist_ok=True)
    foreign = foreign.rename(target / "seleksi-20241205-101530-manual.db")
    page = _page(qtbot, db, selection)
    questions: list[str] = []
    answers = iter([True, False, True, True])
    monkeypatch.setattr(
        Dialogs,
        "confirm",
        staticmethod(lambda _p, _t, text: questions.append(text) or next(answers)),
    )
    monkeypatch.setattr(Dialogs, "info", staticmethod(lambda *_a: None))
    monkeypatch.setattr(Dialogs, "error", staticmethod(lambda *_a: pytest.fail("an error box")))
    before = db.path.read_bytes()

    row = [info.path for info in page.backups].index(foreign)
    page.table.selectRow(row)
    page.restore_button.click()  # yes, then "another database: still restore?" no
    qtbot.waitUntil(lambda: len(questions) == 2 and pending_tasks() == 0, timeout=TIMEOUT_MS)
    assert "database lain" in questions[1]
    assert db.path.read_bytes() == before and "dibatalkan" in page.status_label.text()

    page.table.selectRow([info.path for info in page.backups].index(foreign))
    page.restore_button.click()  # yes, and yes again
    qtbot.waitUntil(lambda: len(questions) == 4 and pending_tasks() == 0, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "dipulihkan" in page.status_label.text(), timeout=TIMEOUT_MS)
    assert _marks(db.path) == _marks(foreign)


def test_a_manual_backup_of_a_busy_file_says_so_on_the_page(
    qtbot, demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, selection = demo
    monkeypatch.setattr(backups, "MANUAL_LOCK_TIMEOUT_MS", 300, raising=False)
    monkeypatch.setattr(backups, "AUDIT_TIMEOUT_MS", 300)
    errors: list[str] = []
    monkeypatch.setattr(
        Dialogs, "error", staticmethod(lambda _p, _t, text, *_a: errors.append(text))
    )
    page = _page(qtbot, db, selection)
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        page.create_button.click()
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=TIMEOUT_MS)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert errors and "sedang dipakai" in errors[0] and "locked" not in errors[0]
    assert "cadangan belum dibuat" in page.status_label.text()
    assert list_backups(db.path) == []
