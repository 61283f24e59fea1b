"""Adding and correcting one participant in the window (issue #10 §4, "Participants").

The dialog is opened non-blocking from the Peserta page and driven through its widgets;
every check ends at what reached the database (the participant row and its audit event).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt

from app.services.actor import Actor
from app.services.audit import audit_log
from app.services.database import Database
from app.services.demo import create_demo
from app.services.finalization import finalize
from app.services.participants import list_participants
from app.services.selections import SelectionInfo
from app.ui.context import PARTICIPANTS, AppContext
from app.ui.dialogs import DISCARD, STAY, Dialogs
from app.ui.mark_dialog import MarkDialog
from app.ui.pages.participants import ParticipantsPage
from app.ui.participant_dialog import ParticipantDialog

ADMIN = Actor("admin", "admin")


@pytest.fixture
def demo(db: Database) -> SelectionInfo:
    return create_demo(db, ADMIN, "cpns-2024", participants=60, seed=4)


def settle(qtbot, page: ParticipantsPage) -> None:
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=15_000)


@pytest.fixture
def open_page(qtbot, db: Database) -> Callable[..., ParticipantsPage]:
    def open_page(selection_id: int, role: str = "operator") -> ParticipantsPage:
        page = ParticipantsPage(AppContext(db, Actor(f"user-{role}", role), selection_id))
        qtbot.addWidget(page)
        page.resize(1300, 700)
        page.show()
        settle(qtbot, page)
        return page

    return open_page


def stored(db: Database, number: str) -> tuple[object, ...] | None:
    connection = sqlite3.connect(db.path)
    try:
        return connection.execute(
            "SELECT p.name, p.birth_date, f.code, p.nik, p.ipk, p.session FROM participant p"
            " JOIN formation f ON f.id = p.formation_id WHERE p.number = ?",
            (number,),
        ).fetchone()
    finally:
        connection.close()


def double_click_number(qtbot, page: ParticipantsPage, number: str):
    page.search_edit.setText(number)
    page.apply_search()
    assert page.proxy.rowCount() == 1
    index = page.proxy.index(0, 1)
    rect = page.table.visualRect(index)
    viewport = page.table.viewport()
    # A click first, as a hand does: Qt's test double-click alone is not seen as one here.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    dialogs = [d for d in page.findChildren(ParticipantDialog) if d.isVisible()]
    assert not [d for d in page.findChildren(MarkDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_a_late_participant_is_added_from_the_page(
    qtbot, open_page, db: Database, demo: SelectionInfo
) -> None:
    page = open_page(demo.id)
    assert page.add_button.isVisible() and page.add_button.isEnabled()
    dialog = page.open_add_dialog()
    assert isinstance(dialog, ParticipantDialog)
    assert not dialog.ok_button.isEnabled()
    formation = dialog.formation_box.itemData(1)
    qtbot.keyClicks(dialog.number_edit, "24127500007777")
    qtbot.keyClicks(dialog.name_edit, "Siti Aminah Lubis")
    dialog.birth_edit.setDate(QDate(1997, 5, 14))
    dialog.formation_box.setCurrentIndex(1)
    qtbot.keyClicks(dialog.nik_edit, "1275015405970002")
    qtbot.keyClicks(dialog.ipk_edit, "3,71")
    assert not dialog.ok_button.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.reason_edit, "susulan, surat BKN 5/2024")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(page.context.changes.changed) as signal:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert PARTICIPANTS in signal.args[0].kinds
    assert stored(db, "24127500007777") == (
        "Siti Aminah Lubis",
        "1997-05-14",
        formation,
        "1275015405970002",
        "3.71",
        "",
    )
    event = audit_log(db, limit=1)[0]
    assert (event.action, event.actor, event.reason) == (
        "participant.added",
        "user-operator",
        "susulan, surat BKN 5/2024",
    )
    settle(qtbot, page)
    assert page.status_label.text() == "Peserta 24127500007777 ditambahkan."
    chosen = page.selected_participant()
    assert chosen is not None and chosen.number == "24127500007777"


def test_double_click_opens_the_participant_and_a_correction_is_saved(
    qtbot, open_page, db: Database, demo: SelectionInfo
) -> None:
    page = open_page(demo.id)
    person = next(row for row in list_participants(db, demo.id) if row.ipk)
    dialog = double_click_number(qtbot, page, person.number)
    assert dialog.number_edit.text() == person.number
    assert dialog.name_edit.text() == person.name
    assert dialog.ipk_edit.text() == person.ipk.replace(".", ",")  # decimal comma
    assert "nilai tersimpan" in dialog.summary_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.name_edit.setText(person.name + " Nasution")
    assert not dialog.ok_button.isEnabled()  # a change, but no reason
    dialog.reason_edit.setText("sesuai KTP")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = stored(db, person.number)
    assert row is not None and row[0] == person.name + " Nasution"
    event = audit_log(db, limit=1)[0]
    assert event.action == "participant.updated" and event.reason == "sesuai KTP"
    assert json.loads(event.new or "") == {"name": person.name + " Nasution"}
    settle(qtbot, page)
    assert page.status_label.text() == f"Data peserta {person.number} tersimpan."


def test_bad_fields_are_named_marked_and_nothing_is_saved(
    qtbot, open_page, db: Database, demo: SelectionInfo
) -> None:
    page = open_page(demo.id)
    person = list_participants(db, demo.id)[0]
    before = stored(db, person.number)
    dialog = double_click_number(qtbot, page, person.number)
    dialog.nik_edit.setText("12345")
    dialog.ipk_edit.setText("tiga")
    dialog.reason_edit.setText("koreksi")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    text = dialog.error_label.text()
    assert "NIK: NIK '12345' harus 16 angka" in text
    assert "IPK: 'tiga' bukan angka" in text
    assert "border" in dialog.nik_edit.styleSheet() and "border" in dialog.ipk_edit.styleSheet()
    assert dialog.name_edit.styleSheet() == ""
    assert stored(db, person.number) == before
    dialog.nik_edit.setText("")  # editing a field clears its mark
    assert dialog.nik_edit.styleSheet() == ""


def test_a_finalized_formation_opens_read_only(
    qtbot, open_page, db: Database, demo: SelectionInfo
) -> None:
    person = list_participants(db, demo.id)[0]
    finalize(db, ADMIN, demo.id, "SKD", [person.formation])
    page = open_page(demo.id)
    dialog = double_click_number(qtbot, page, person.number)
    assert dialog.locked_label.isVisible()
    assert "sudah final pada tahap SKD" in dialog.locked_label.text()
    assert dialog.name_edit.isReadOnly() and not dialog.formation_box.isEnabled()
    assert dialog.ok_button.isHidden() and dialog.close_button.text() == "Tutup"
    dialog.reject()
    assert not dialog.isVisible()


def test_an_assessor_reads_but_cannot_add_or_change(
    qtbot, open_page, db: Database, demo: SelectionInfo
) -> None:
    page = open_page(demo.id, role="penilai")
    assert not page.add_button.isVisible()
    assert page.open_add_dialog() is None
    assert page.open_button.text() == "Lihat data…"
    person = list_participants(db, demo.id)[0]
    dialog = double_click_number(qtbot, page, person.number)
    assert dialog.name_edit.isReadOnly() and dialog.ok_button.isHidden()


def test_closing_with_unsaved_edits_asks_first(
    qtbot, open_page, db: Database, demo: SelectionInfo, monkeypatch
) -> None:
    page = open_page(demo.id)
    person = list_participants(db, demo.id)[0]
    before = stored(db, person.number)
    dialog = double_click_number(qtbot, page, person.number)
    asked: list[str] = []
    answer = [STAY]

    def ask(_parent, _title, text):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(Dialogs, "ask_unsaved", staticmethod(ask))
    dialog.reject()  # nothing typed: closes without asking
    assert not dialog.isVisible() and asked == []

    dialog = double_click_number(qtbot, page, person.number)
    dialog.session_edit.setText("Sesi 4")
    dialog.close()  # the title bar's close button
    assert dialog.isVisible() and asked == ["Data peserta yang diketik belum disimpan."]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(asked) == 2
    answer[0] = DISCARD
    dialog.reject()
    assert not dialog.isVisible()
    assert stored(db, person.number) == before
