"""Year to year on the Monev page (issue #13 §1): this file's selection beside last year's
file, opened read-only; the table shows the service's figures in Indonesian numbers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from app.services.actor import Actor
from app.services.demo import create_demo
from app.services.evaluation_years import compare_selections
from app.services.opening import open_database
from app.ui.app import create_application
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.widgets.year_comparison import YearComparison
from app.ui.workers import pending_tasks

ADMIN = Actor("ketua", "admin")
TIMEOUT_MS = 20_000


@pytest.fixture(autouse=True)
def own_settings(qapp: Any, tmp_path: Path) -> Iterator[None]:
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().remove("monev")
    yield


def _idle() -> bool:
    return pending_tasks() == 0 and QThreadPool.globalInstance().activeThreadCount() == 0


def test_last_years_file_beside_this_one(
    qtbot: Any, db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=80, seed=2)
    other_path = tmp_path / "seleksi-2023.db"
    other = open_database(other_path)
    create_demo(other, ADMIN, "binjai-kompetensi", participants=80, seed=9)
    other.close()
    before = hashlib.sha256(other_path.read_bytes()).hexdigest()

    widget = YearComparison(AppContext(db, ADMIN, info.id), lambda: "1275")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.figures is not None and _idle(), timeout=TIMEOUT_MS)
    assert widget.table.columnCount() == 1 and "Baru satu seleksi" in widget.status_label.text()

    monkeypatch.setattr(Dialogs, "open_file", staticmethod(lambda *_args: other_path))
    widget.figures = None
    widget.add_file()
    qtbot.waitUntil(lambda: widget.figures is not None and _idle(), timeout=TIMEOUT_MS)
    assert widget.table.columnCount() == 2
    assert "[seleksi-2023.db]" in widget.table.horizontalHeaderItem(1).text()
    assert hashlib.sha256(other_path.read_bytes()).hexdigest() == before
    labels = [widget.table.verticalHeaderItem(r).text() for r in range(widget.table.rowCount())]
    expected = compare_selections(db, other_files=[other_path], local_code="1275")
    rate = expected["selections"][0]["stages"]["AKHIR"]["pass_rate"]
    row = labels.index("AKHIR: tingkat kelulusan (dari yang hadir)")
    text = f"{round(100 * rate, 1):.1f}".replace(".", ",") + " %"
    assert widget.table.item(row, 0).text() == text
    icc = expected["selections"][1]["stages"]["AKHIR"]["icc2_1"]["PRAKTIK"]
    row = labels.index("AKHIR: ICC(2,1) penilai PRAKTIK")
    assert widget.table.item(row, 1).text() == f"{icc:.2f}".replace(".", ",")
    assert "AKHIR: rasio dampak asal daerah" in labels
    assert any(label.startswith("AKHIR: validitas NILAI_AKHIR") for label in labels)
    # Remembered for the next time the page opens; cleared on request.
    assert QSettings().value("monev/compare_files") == [str(other_path)]
    widget.clear_files()
    qtbot.waitUntil(lambda: _idle() and widget.table.columnCount() == 1, timeout=TIMEOUT_MS)
    assert not widget.clear_button.isEnabled()
