"""The window opens on a database and shows the ranking the services compute."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.services.actor import Actor
from app.services.database import open_database
from app.services.demo import create_demo
from app.services.ranking import compute_ranking
from app.ui.main_window import MainWindow


def test_window_shows_the_ranking_of_the_latest_selection(qtbot, tmp_path: Path) -> None:
    db = open_database(tmp_path / "seleksi.db")
    info = create_demo(db, Actor("tester"), "binjai-kompetensi", participants=120, seed=3)
    window = MainWindow(db, Actor("tester"))
    qtbot.addWidget(window)
    expected = compute_ranking(db, info.id)
    assert window.model.rowCount() == len(expected.rows)
    assert window.model.columnCount() == len(expected.header())
    first = expected.records()[0]
    assert window.model.index(0, 3).data() == first["nomor_peserta"]
    assert info.name in window.windowTitle()
    assert str(db.path) in window.windowTitle()


def test_empty_database_offers_the_demo(qtbot, tmp_path: Path) -> None:
    db = open_database(tmp_path / "kosong.db")
    window = MainWindow(db, Actor("tester"))
    qtbot.addWidget(window)
    window.show()
    assert window.empty_label.isVisible()
    assert window.model.rowCount() == 0
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() > 0
    assert not window.empty_label.isVisible()
