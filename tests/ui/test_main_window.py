"""The real window with every registered page, over a demo database and an empty one."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QWidget

from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.ui.app import create_application
from app.ui.context import AppContext
from app.ui.main_window import PAGES, MainWindow
from app.ui.workers import pending_tasks


@pytest.fixture(autouse=True)
def own_settings(qapp, tmp_path: Path) -> Iterator[None]:
    """The window remembers things in QSettings: keep them in a throw-away INI file."""
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


def _idle(page: QWidget) -> bool:
    """No call in flight, and the page done with its own computing (the Rankings and Audit
    pages read on pools of their own and say so with ``is_busy``)."""
    is_busy = getattr(page, "is_busy", None)
    return (
        pending_tasks() == 0
        and QThreadPool.globalInstance().activeThreadCount() == 0
        and not (is_busy is not None and is_busy())
    )


@pytest.mark.parametrize("role", ["admin", "operator", "penilai", "monev"])
def test_every_page_opens_on_the_demo(qtbot, db: Database, role: str) -> None:
    info = create_demo(db, Actor("tester"), "binjai-kompetensi", participants=120, seed=3)
    window = MainWindow(AppContext(db, Actor("tester", role)))
    qtbot.addWidget(window)
    window.show()
    assert window.context.selection_id == info.id
    assert window.windowTitle() == f"Seleksi ASN — {info.name} — {db.path.name}"
    assert window.nav_keys() == [key for key, _t, _f, roles in PAGES if role in roles]
    for key in window.nav_keys():
        page = window.show_page(key)
        assert page is not None and page.isVisible(), key
        qtbot.waitUntil(partial(_idle, page), timeout=10000)


def test_every_page_opens_on_an_empty_database(qtbot, db: Database) -> None:
    window = MainWindow(AppContext(db, Actor("tester", "admin")))
    qtbot.addWidget(window)
    window.show()
    assert window.context.selection_id is None
    for key in window.nav_keys():
        page = window.show_page(key)
        assert page is not None and page.isVisible(), key
        qtbot.waitUntil(partial(_idle, page), timeout=10000)
