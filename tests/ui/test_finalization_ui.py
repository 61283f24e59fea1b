"""Finalizing from the Rankings page, and the score sheet of a final formation is read-only.

Dialogs are answered by monkeypatching ``Dialogs``; the database is read back through the
services' plain queries and compared with a full dump to prove that a refused edit wrote
nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services.actor import Actor
from app.services.audit import audit_log
from app.services.changes import FINALIZATION
from app.services.database import Database
from app.services.demo import create_demo
from app.services.finalization import finalize, finalized_formations
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.pages.rankings import RankingsPage
from app.ui.pages.score_entry import ScoreEditor, ScoreEntryPage
from app.ui.score_sheet_model import FIXED_COLUMNS

ADMIN = Actor("ketua", "admin")
OPERATOR = Actor("ratna", "operator")
TIMEOUT_MS = 10_000
FORMATION = "BNJ-02"
LOCKED_NOTE = "Formasi ini sudah final; nilai tidak dapat diubah."


@pytest.fixture(scope="session")
def final_template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("final-ui") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, "cpns-2024", participants=80, seed=4)
    database.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path,
    final_template: tuple[Path, int],
    copy_database: Callable[[Path, Path], Database],
) -> Iterator[tuple[Database, int]]:
    database = copy_database(final_template[0], tmp_path / "seleksi.db")
    yield database, final_template[1]
    database.close()


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Every dialog answered and recorded: confirm says yes, the reason is a fixed text."""
    said: dict[str, list[Any]] = {"confirm": [], "ask_text": [], "info": [], "error": []}
    answers: dict[str, Any] = {"confirm": True, "ask_text": "sanggahan peserta diterima"}

    def confirm(_parent: Any, title: str, text: str) -> bool:
        said["confirm"].append((title, text))
        return bool(answers["confirm"])

    def ask_text(_parent: Any, title: str, label: str, text: str = "") -> str | None:
        said["ask_text"].append((title, label))
        return answers["ask_text"]

    monkeypatch.setattr(Dialogs, "confirm", staticmethod(confirm))
    monkeypatch.setattr(Dialogs, "ask_text", staticmethod(ask_text))
    monkeypatch.setattr(Dialogs, "info", staticmethod(lambda *a: said["info"].append(a)))
    monkeypatch.setattr(Dialogs, "error", staticmethod(lambda *a: said["error"].append(a)))
    said["answers"] = [answers]
    return said


def rankings(qtbot: Any, context: AppContext, stage: str, formation: str | None) -> RankingsPage:
    page = RankingsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    wait_ranked(qtbot, page)
    for box, data in ((page.stage_box, stage), (page.formation_box, formation)):
        index = box.findData(data) if data is not None else 0
        assert index >= 0, data
        box.setCurrentIndex(index)
        box.activated.emit(index)
        wait_ranked(qtbot, page)
    return page


def wait_ranked(qtbot: Any, page: RankingsPage) -> None:
    qtbot.waitUntil(lambda: not page.is_busy() and bool(page.model.header), timeout=TIMEOUT_MS)


def score_sheet_page(qtbot: Any, context: AppContext) -> ScoreEntryPage:
    """The TWK sheet (stage SKD) of ``FORMATION``, focused as a user would have it."""
    page = ScoreEntryPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    for box, data in ((page.stage_box, "SKD"), (page.component_box, "TWK")):
        box.setCurrentIndex(box.findData(data))
    page.formation_box.setCurrentIndex(page.formation_box.findData(FORMATION))
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=TIMEOUT_MS)  # read off-thread
    assert page.model.rowCount() > 0
    return page


def editable(page: ScoreEntryPage) -> bool:
    return bool(page.model.index(0, FIXED_COLUMNS).flags() & Qt.ItemFlag.ItemIsEditable)


def type_into_first_cell(qtbot: Any, page: ScoreEntryPage, text: str) -> None:
    page.table.setFocus()
    page.table.go_to(page.model.index(0, FIXED_COLUMNS))
    for char in text:
        widget = QApplication.focusWidget()
        assert isinstance(widget, QWidget)
        qtbot.keyClick(widget, char)
    widget = QApplication.focusWidget()
    assert isinstance(widget, QWidget)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def open_editor(page: ScoreEntryPage) -> ScoreEditor | None:
    editors = [e for e in page.table.viewport().findChildren(ScoreEditor) if e.isVisible()]
    return editors[0] if editors else None


def test_admin_finalizes_the_shown_formation_and_its_sheet_becomes_read_only(
    qtbot: Any,
    demo: tuple[Database, int],
    said: dict[str, list[Any]],
    dump: Callable[[Path], str],
) -> None:
    database, selection_id = demo
    context = AppContext(database, ADMIN, selection_id)
    page = rankings(qtbot, context, "SKD", FORMATION)
    assert (
        page.finalize_bar.finalize_button.isVisible()
        and page.finalize_bar.finalize_button.isEnabled()
    )
    assert not page.finalize_bar.reopen_button.isEnabled()
    assert page.finalize_bar.final_badge.text() == "Belum final"

    with qtbot.waitSignal(context.changes.changed, timeout=TIMEOUT_MS) as announced:
        qtbot.mouseClick(page.finalize_bar.finalize_button, Qt.MouseButton.LeftButton)
    changes, initiator = announced.args
    assert changes.kinds == {FINALIZATION} and changes.formations == {FORMATION}
    assert initiator is page.finalize_bar  # the bar on the page ran the write
    [(_title, question)] = said["confirm"]
    assert FORMATION in question and "hanya dapat dibaca" in question
    assert said["error"] == []
    assert finalized_formations(database, selection_id, "SKD") == {FORMATION}
    assert page.finalize_bar.final_badge.text() == "Final"
    assert (
        not page.finalize_bar.finalize_button.isEnabled()
        and page.finalize_bar.reopen_button.isEnabled()
    )

    everything = page.formation_box.findData(None)
    page.formation_box.setCurrentIndex(everything)
    page.formation_box.activated.emit(everything)
    wait_ranked(qtbot, page)
    total = page.formation_box.count() - 1
    assert page.finalize_bar.final_badge.text() == f"1 dari {total} formasi final"
    assert (
        page.finalize_bar.finalize_button.isEnabled()
        and page.finalize_bar.reopen_button.isEnabled()
    )

    # The score sheet of that formation: read-only, with the note, and typing saves nothing.
    sheet = score_sheet_page(qtbot, context)
    assert not editable(sheet)
    assert sheet.message_label.text() == LOCKED_NOTE
    before = dump(database.path)
    type_into_first_cell(qtbot, sheet, "100")
    assert open_editor(sheet) is None
    # The service refuses as well, should a cell ever be submitted.
    reason = sheet.submit(sheet.model.index(0, FIXED_COLUMNS), "100")
    assert reason is not None and "sudah final" in reason
    assert dump(database.path) == before


def test_declining_the_confirmation_finalizes_nothing(
    qtbot: Any, demo: tuple[Database, int], said: dict[str, list[Any]]
) -> None:
    database, selection_id = demo
    said["answers"][0]["confirm"] = False
    page = rankings(qtbot, AppContext(database, ADMIN, selection_id), "SKD", None)
    qtbot.mouseClick(page.finalize_bar.finalize_button, Qt.MouseButton.LeftButton)
    [(_title, question)] = said["confirm"]
    assert "semua" in question
    assert finalized_formations(database, selection_id, "SKD") == set()


def test_reopening_asks_a_reason_and_the_open_sheet_becomes_editable(
    qtbot: Any, demo: tuple[Database, int], said: dict[str, list[Any]]
) -> None:
    database, selection_id = demo
    finalize(database, ADMIN, selection_id, "SKD", [FORMATION])
    context = AppContext(database, ADMIN, selection_id)
    sheet = score_sheet_page(qtbot, context)
    assert not editable(sheet)
    assert "sudah final" in sheet.message_label.text()
    page = rankings(qtbot, context, "SKD", FORMATION)
    assert page.finalize_bar.final_badge.text() == "Final"

    said["answers"][0]["ask_text"] = None  # cancelled: nothing happens
    qtbot.mouseClick(page.finalize_bar.reopen_button, Qt.MouseButton.LeftButton)
    assert finalized_formations(database, selection_id, "SKD") == {FORMATION}
    said["answers"][0]["ask_text"] = "   "  # blank: the service refuses, the page says why
    qtbot.mouseClick(page.finalize_bar.reopen_button, Qt.MouseButton.LeftButton)
    # the service refuses off the GUI thread; the page then says why
    qtbot.waitUntil(lambda: len(said["error"]) == 1, timeout=TIMEOUT_MS)
    assert "alasan" in said["error"][0][2]
    assert finalized_formations(database, selection_id, "SKD") == {FORMATION}

    said["answers"][0]["ask_text"] = "sanggahan peserta diterima"
    with qtbot.waitSignal(context.changes.changed, timeout=TIMEOUT_MS):
        qtbot.mouseClick(page.finalize_bar.reopen_button, Qt.MouseButton.LeftButton)
    assert finalized_formations(database, selection_id, "SKD") == set()
    assert len(said["ask_text"]) == 3 and FORMATION in said["ask_text"][-1][1]
    [event] = [e for e in audit_log(database) if e.action == "stage.reopened"]
    assert event.reason == "sanggahan peserta diterima" and event.actor == "ketua"
    qtbot.waitUntil(lambda: editable(sheet), timeout=TIMEOUT_MS)  # reloaded on the change
    assert page.finalize_bar.final_badge.text() == "Belum final"
    # The lock note goes with the lock (issue #10 §6: it stayed after reopening).
    assert "sudah final" not in sheet.message_label.text()


def test_a_lock_made_on_another_laptop_is_refused_on_save(
    qtbot: Any, demo: tuple[Database, int], said: dict[str, list[Any]]
) -> None:
    database, selection_id = demo
    sheet = score_sheet_page(qtbot, AppContext(database, ADMIN, selection_id))
    assert editable(sheet)
    finalize(database, ADMIN, selection_id, "SKD", [FORMATION])  # nobody told this window
    number = sheet.model.sheet_row(0).number
    with database.reading() as connection:
        before = connection.execute(
            "SELECT s.value_milli FROM score s JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id WHERE p.number = ? AND c.code = 'TWK'",
            (number,),
        ).fetchall()
    type_into_first_cell(qtbot, sheet, "5")
    assert "sudah final" in sheet.message_label.text()
    assert sheet.model.refused(0, FIXED_COLUMNS) is not None
    with database.reading() as connection:
        after = connection.execute(
            "SELECT s.value_milli FROM score s JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id WHERE p.number = ? AND c.code = 'TWK'",
            (number,),
        ).fetchall()
    assert after == before


def test_an_operator_sees_the_state_but_cannot_finalize(
    qtbot: Any, demo: tuple[Database, int]
) -> None:
    database, selection_id = demo
    finalize(database, ADMIN, selection_id, "SKD", [FORMATION])
    page = rankings(qtbot, AppContext(database, OPERATOR, selection_id), "SKD", FORMATION)
    assert (
        page.finalize_bar.final_badge.isVisible()
        and page.finalize_bar.final_badge.text() == "Final"
    )
    assert (
        page.finalize_bar.finalize_button.isHidden() and page.finalize_bar.reopen_button.isHidden()
    )
