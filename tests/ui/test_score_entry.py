"""Score entry by keyboard only: values land in the database under the right user and assessor.

Keys are sent where a user's keys go: to the focused widget (the open cell editor, else the
grid). The database is read back with plain SQL, independent of the code under test.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app.services.actor import Actor
from app.services.audit import audit_log
from app.services.changes import Changes
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import PermissionDenied
from app.services.opening import open_database
from app.services.schemes import PRESETS_DIR
from app.services.score_entry import save_score
from app.services.sheets import score_sheet
from app.services.users import add_user
from app.ui.context import SCORES, AppContext
from app.ui.dialogs import Dialogs
from app.ui.pages.score_entry import ScoreEditor, ScoreEntryPage
from app.ui.pages.score_entry import page as page_module
from app.ui.score_sheet_model import FIXED_COLUMNS, ScoreSheetModel

OPERATOR = Actor("ratna", "operator", "Ratna Sari")
PENILAI = Actor("uji", "penilai", "Penilai Uji")
ASPECTS = ("TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI")
REASON = "salah baca blanko"
TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def reasons(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Replacing a stored value asks for a reason: answered here, each question recorded."""
    asked: list[tuple[str, str]] = []

    def ask_text(_parent: QWidget | None, title: str, label: str, text: str = "") -> str:
        asked.append((title, label))
        return REASON

    monkeypatch.setattr(Dialogs, "ask_text", staticmethod(ask_text))
    return asked


@pytest.fixture
def demo(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> Iterator[tuple[Database, int]]:
    db = new_database(tmp_path / "seleksi.db")
    info = create_demo(db, Actor("admin", "admin"), "binjai-kompetensi", participants=60, seed=5)
    add_user(db, Actor("admin", "admin"), "uji", "penilai", "rahasia-uji", "Penilai Uji")
    yield db, info.id
    db.close()


def open_page(qtbot, db: Database, selection_id: int | None, actor: Actor) -> ScoreEntryPage:
    context = AppContext(db, actor, selection_id)
    page = ScoreEntryPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    settle(qtbot, page)
    return page


def settle(qtbot, page: ScoreEntryPage) -> None:
    """The sheet is read off the GUI thread: wait until it is on screen."""
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=TIMEOUT_MS)


def focused(page: ScoreEntryPage) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot, page: ScoreEntryPage, text: str) -> None:
    for char in text:
        qtbot.keyClick(focused(page), char)


def press(qtbot, page: ScoreEntryPage, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(page), key, modifier)


def open_editor(page: ScoreEntryPage) -> ScoreEditor | None:
    editors = [e for e in page.table.viewport().findChildren(ScoreEditor) if e.isVisible()]
    return editors[0] if editors else None


def choose(qtbot, page: ScoreEntryPage, box, data: object) -> None:
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)
    settle(qtbot, page)


def stored(db: Database, component: str, assessor: str = "") -> dict[tuple[str, str], tuple]:
    """(participant number, aspect) -> (value_milli, absent, entered_by), straight from SQL."""
    connection = sqlite3.connect(db.path)
    try:
        rows = connection.execute(
            "SELECT p.number, s.aspect, s.value_milli, s.absent, s.entered_by FROM score s"
            " JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id WHERE c.code = ? AND s.assessor = ?",
            (component, assessor),
        ).fetchall()
    finally:
        connection.close()
    return {
        (number, aspect): (milli, bool(absent), by) for number, aspect, milli, absent, by in rows
    }


def go_to_first_value(qtbot, page: ScoreEntryPage) -> None:
    """Ctrl+Home, then Tab: the first participant's first typed column."""
    page.table.setFocus()
    press(qtbot, page, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, page, Qt.Key.Key_Tab)
    assert page.table.currentIndex().row() == 0
    assert page.table.currentIndex().column() == FIXED_COLUMNS


def test_keyboard_only_session_fills_a_sheet_and_four_aspects(qtbot, demo) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    announced: list[frozenset[str]] = []  # the kinds of each broadcast change
    page.context.changes.changed.connect(lambda changes, _who: announced.append(changes.kinds))

    # PENGETAHUAN, formation BNJ-02 chosen with the arrow key in the formation box.
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    assert not page.assessor_box.isVisible()  # one assessor: nobody to pick
    page.formation_box.setFocus()
    press(qtbot, page, Qt.Key.Key_Down)  # "Semua formasi" -> BNJ-01
    press(qtbot, page, Qt.Key.Key_Down)  # -> BNJ-02
    assert page.formation_box.currentData() == "BNJ-02"
    settle(qtbot, page)
    sheet = score_sheet(db, selection_id, "PENGETAHUAN", formation="BNJ-02")
    numbers = [row.number for row in sheet.rows]
    assert page.model.rowCount() == len(numbers) >= 3

    go_to_first_value(qtbot, page)
    typed = [str(41 + i) for i in range(len(numbers))]
    for value in typed:
        type_text(qtbot, page, value)
        press(qtbot, page, Qt.Key.Key_Return)
    assert open_editor(page) is None
    assert page.table.currentIndex().row() == len(numbers) - 1  # stays on the last row

    values = stored(db, "PENGETAHUAN")
    for number, value in zip(numbers, typed, strict=True):
        assert values[(number, "")] == (int(value) * 1000, False, "ratna")
        assert page.model.index(page.model.row_of(number), FIXED_COLUMNS).data() == value
    total = len(numbers)
    assert page.progress_label.text() == f"{total} / {total} diisi"
    assert page.progress_bar.value() == total
    assert announced and all(kinds == frozenset({SCORES}) for kinds in announced)

    # PRAKTIK: the operator types the assessor's name from the paper sheet, Enter, then scores.
    choose(qtbot, page, page.component_box, "PRAKTIK")
    assert page.assessor_box.isVisible()
    assert page.model.rowCount() == 0  # no sheet until the assessor is named
    page.assessor_box.setFocus()
    type_text(qtbot, page, "Penilai Uji")
    press(qtbot, page, Qt.Key.Key_Return)
    assert page.table.hasFocus()  # at once, while the sheet is read
    settle(qtbot, page)
    assert page.model.rowCount() == len(numbers)
    assert page.model.columnCount() == FIXED_COLUMNS + 4 + 1

    go_to_first_value(qtbot, page)
    first = ["80", "75", "70", "85"]
    second = ["60", "65", "72", "90"]
    for value in first:  # Tab after the last aspect goes to the next participant
        type_text(qtbot, page, value)
        press(qtbot, page, Qt.Key.Key_Tab)
    assert page.table.currentIndex().row() == 1
    assert page.table.currentIndex().column() == FIXED_COLUMNS
    for value in second[:-1]:
        type_text(qtbot, page, value)
        press(qtbot, page, Qt.Key.Key_Tab)
    type_text(qtbot, page, second[-1])
    press(qtbot, page, Qt.Key.Key_Return)
    # Enter on the last aspect goes on to the first aspect of the next participant (#10 §6).
    assert page.table.currentIndex().row() == 2
    assert page.table.currentIndex().column() == FIXED_COLUMNS

    values = stored(db, "PRAKTIK", "Penilai Uji")
    assert len(values) == 8
    for number, entered in ((numbers[0], first), (numbers[1], second)):
        for aspect, value in zip(ASPECTS, entered, strict=True):
            assert values[(number, aspect)] == (int(value) * 1000, False, "ratna")
    assert page.model.index(0, page.model.status_column).data() == "Lengkap"
    assert page.progress_label.text() == f"2 / {total} diisi"


def test_decimal_comma_is_accepted(
    qtbot, tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    preset = (PRESETS_DIR / "binjai-kompetensi.toml").read_text(encoding="utf-8")
    scheme_file = tmp_path / "setengah.toml"
    scheme_file.write_text(preset.replace("step = 1", "step = 0.5", 1), encoding="utf-8")
    db = new_database(tmp_path / "seleksi.db")
    info = create_demo(db, Actor("admin", "admin"), str(scheme_file), participants=20, seed=2)
    page = open_page(qtbot, db, info.id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    type_text(qtbot, page, "72,5")
    press(qtbot, page, Qt.Key.Key_Return)
    assert stored(db, "PENGETAHUAN")[(number, "")][0] == 72_500
    assert page.model.index(0, FIXED_COLUMNS).data() == "72,5"  # shown back with a comma
    db.close()


def test_invalid_values_are_refused_in_place_and_not_stored(qtbot, demo) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    before = stored(db, "PENGETAHUAN")[(number, "")]

    type_text(qtbot, page, "101")
    press(qtbot, page, Qt.Key.Key_Return)
    editor = open_editor(page)
    assert editor is not None and editor.text() == "101"  # still open, text kept
    assert "di luar rentang 0–100" in page.message_label.text()
    assert "di luar rentang 0–100" in editor.toolTip()
    assert page.model.refused(0, FIXED_COLUMNS) == "di luar rentang 0–100"
    assert page.model.index(0, FIXED_COLUMNS).data(Qt.ItemDataRole.ToolTipRole) == (
        "di luar rentang 0–100"
    )
    assert page.table.currentIndex().row() == 0  # the cursor did not move on

    type_text(qtbot, page, "72.5")  # the refused text is selected: typing replaces it
    press(qtbot, page, Qt.Key.Key_Tab)
    assert open_editor(page) is not None and open_editor(page).text() == "72.5"
    assert "harus bilangan bulat" in page.message_label.text()
    # The column's tooltip says the same in words, not "kelipatan 1" (issue #10 §4).
    assert page.model.headerData(
        FIXED_COLUMNS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    ) == ("Tes Pengetahuan (CAT) (rentang 0–100, bilangan bulat)")

    press(qtbot, page, Qt.Key.Key_Escape)
    assert open_editor(page) is None
    assert page.model.refused(0, FIXED_COLUMNS) is None
    assert stored(db, "PENGETAHUAN")[(number, "")] == before
    assert not page.undo_stack.canUndo()


def test_t_then_enter_records_absent_for_the_whole_component(qtbot, demo) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, PENILAI)
    choose(qtbot, page, page.component_box, "PRAKTIK")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    type_text(qtbot, page, "90")
    press(qtbot, page, Qt.Key.Key_Tab)  # one aspect first: TH must replace it
    type_text(qtbot, page, "T")
    press(qtbot, page, Qt.Key.Key_Return)

    assert stored(db, "PRAKTIK", "Penilai Uji") == {(number, ""): (None, True, "uji")}
    for column in page.model.value_columns:
        assert page.model.index(0, column).data() == "TH"
    assert page.model.index(0, page.model.status_column).data() == "TH (tidak hadir)"
    assert page.table.currentIndex().row() == 1

    # "TH" typed in full on a one-value component works the same way.
    choose(qtbot, page, page.component_box, "PSIKOTES")
    go_to_first_value(qtbot, page)
    first = page.model.sheet_row(0).number
    type_text(qtbot, page, "th")
    press(qtbot, page, Qt.Key.Key_Return)
    assert stored(db, "PSIKOTES")[(first, "")] == (None, True, "uji")


def test_undo_and_redo_are_saved(qtbot, demo, monkeypatch) -> None:
    db, selection_id = demo
    calls: list[bool] = []
    real_restore = page_module.restore_scores

    def counting_restore(*args, **kwargs):
        calls.append(kwargs["undo"])
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(page_module, "restore_scores", counting_restore)
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    old_milli = stored(db, "PENGETAHUAN")[(number, "")][0]
    old_text = page.model.index(0, FIXED_COLUMNS).data()
    new = "55" if old_text != "55" else "56"

    type_text(qtbot, page, new)
    press(qtbot, page, Qt.Key.Key_Return)
    assert stored(db, "PENGETAHUAN")[(number, "")][0] == int(new) * 1000
    assert page.undo_stack.count() == 1
    assert calls == []  # pushing the command did not save a second time

    press(qtbot, page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert calls == [True]
    assert stored(db, "PENGETAHUAN")[(number, "")] == (old_milli, False, "ratna")
    assert page.model.index(0, FIXED_COLUMNS).data() == old_text
    assert page.table.currentIndex().row() == 0  # the cursor goes back to the undone cell

    press(qtbot, page, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert calls == [True, False]
    assert stored(db, "PENGETAHUAN")[(number, "")][0] == int(new) * 1000
    assert page.model.index(0, FIXED_COLUMNS).data() == new


def test_empty_value_or_delete_clears_a_cell_and_undo_brings_it_back(qtbot, demo) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    numbers = [page.model.sheet_row(i).number for i in range(2)]
    filled = page.model.filled

    press(qtbot, page, Qt.Key.Key_F2)
    press(qtbot, page, Qt.Key.Key_Backspace)  # the old value is selected: erase it
    press(qtbot, page, Qt.Key.Key_Return)
    press(qtbot, page, Qt.Key.Key_Delete)  # second row, without opening the cell
    values = stored(db, "PENGETAHUAN")
    assert all((number, "") not in values for number in numbers)
    assert page.model.filled == filled - 2
    assert page.model.index(1, page.model.status_column).data() == "Belum diisi"

    press(qtbot, page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (numbers[1], "") in stored(db, "PENGETAHUAN")
    assert (numbers[0], "") not in stored(db, "PENGETAHUAN")


def test_leaving_an_open_cell_saves_it(qtbot, demo) -> None:
    """A mouse user who clicks elsewhere keeps what they typed (Qt's commit on focus-out)."""
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    type_text(qtbot, page, "64")
    page.formation_box.setFocus()
    qtbot.waitUntil(lambda: open_editor(page) is None)
    assert stored(db, "PENGETAHUAN")[(number, "")] == (64_000, False, "ratna")
    assert page.undo_stack.count() == 1


def test_penilai_scores_under_their_own_name_only(qtbot, demo) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, PENILAI)
    choose(qtbot, page, page.component_box, "PRAKTIK")
    assert not page.assessor_box.isVisible()
    assert page.assessor_name_label.isVisible()
    assert page.assessor_name_label.text() == "Penilai Uji"
    assert page.model.rowCount() > 0  # their sheet opens at once

    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    type_text(qtbot, page, "77")
    press(qtbot, page, Qt.Key.Key_Return)
    assert stored(db, "PRAKTIK", "Penilai Uji")[(number, "TEKNIS")] == (77_000, False, "uji")

    # The service refuses another name for a penilai too; the page never offers one.
    with pytest.raises(PermissionDenied) as refused:
        save_score(db, PENILAI, selection_id, number, "PRAKTIK", "60", assessor="Orang Lain")
    assert "atas namanya sendiri" in refused.value.text()
    assert not page.assessor_box.isVisibleTo(page)


def test_a_change_elsewhere_reloads_the_sheet(qtbot, demo) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    page.table.go_to(page.model.index(2, FIXED_COLUMNS))
    number = page.model.sheet_row(0).number
    save_score(db, Actor("admin", "admin"), selection_id, number, "PENGETAHUAN", "13", reason="x")
    page.context.changes.broadcast(Changes(frozenset({SCORES})))
    assert page.model.index(0, FIXED_COLUMNS).data() != "13"  # read off the GUI thread
    qtbot.waitUntil(lambda: page.model.index(0, FIXED_COLUMNS).data() == "13")
    assert page.table.currentIndex().row() == 2  # the cursor stays where it was

    # A hidden page (another page is on screen) reloads when it is shown again.
    page.hide()
    save_score(db, Actor("admin", "admin"), selection_id, number, "PENGETAHUAN", "14", reason="x")
    page.context.changes.broadcast(Changes(frozenset({SCORES})))
    assert not page.is_loading()  # hidden: nothing is read until it is shown
    assert page.model.index(0, FIXED_COLUMNS).data() == "13"
    page.show()
    qtbot.waitUntil(lambda: page.model.index(0, FIXED_COLUMNS).data() == "14")


def test_page_without_a_selection_shows_a_hint(
    qtbot, tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    db = new_database(tmp_path / "kosong.db")
    page = open_page(qtbot, db, None, OPERATOR)
    assert page.model.rowCount() == 0
    assert "Belum ada seleksi" in page.message_label.text()
    assert not page.table.isEnabled()
    db.close()


def test_models_pass_the_qt_model_tester(qtmodeltester, demo) -> None:
    db, selection_id = demo
    empty = ScoreSheetModel()
    qtmodeltester.check(empty)
    for component, assessor in (("PENGETAHUAN", ""), ("PRAKTIK", "Penilai Uji")):
        model = ScoreSheetModel()
        model.set_sheet(score_sheet(db, selection_id, component, assessor))
        qtmodeltester.check(model)
        assert model.rowCount() > 0
        number_index = model.index(0, 0)
        assert number_index.data() == model.sheet_row(0).number
        assert not model.flags(number_index) & Qt.ItemFlag.ItemIsEditable
        assert model.flags(model.index(0, FIXED_COLUMNS)) & Qt.ItemFlag.ItemIsEditable
        alignment = model.index(0, FIXED_COLUMNS).data(Qt.ItemDataRole.TextAlignmentRole)
        assert alignment & Qt.AlignmentFlag.AlignRight


class _English(QTranslator):
    """Two words of English, enough to see the page retranslate itself."""

    WORDS: ClassVar[dict[str, str]] = {
        "%1 / %2 diisi": "%1 / %2 filled",
        "Nama": "Name",
        "&Komponen:": "&Component:",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self.WORDS.get(source, "")

    def isEmpty(self) -> bool:  # Qt asks before it consults a translator
        return False


def test_language_switch_keeps_the_page_and_its_undo_history(qtbot, demo) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    type_text(qtbot, page, "50")
    press(qtbot, page, Qt.Key.Key_Return)
    translator = _English()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: page.progress_label.text().endswith("filled"))
        assert page.component_label.text() == "&Component:"
        assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Name"
        assert page.undo_stack.canUndo()
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: page.progress_label.text().endswith("diisi"))


def test_switching_selection_starts_a_fresh_history(qtbot, demo) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    go_to_first_value(qtbot, page)
    type_text(qtbot, page, "50")
    press(qtbot, page, Qt.Key.Key_Return)
    assert page.undo_stack.canUndo()
    other = create_demo(db, Actor("admin", "admin"), "binjai-kompetensi", participants=10, seed=9)
    page.context.switch_selection(other.id)
    qtbot.waitUntil(lambda: page.model.rowCount() == 10)
    assert not page.undo_stack.canUndo()


def _events(db: Database, number: str) -> list[tuple[str, str, str]]:
    """(action, actor, reason) of the participant's score events, oldest first."""
    return [
        (e.action, e.actor, e.reason)
        for e in audit_log(db, participant=number)
        if e.entity == "score"
    ]


def _save_on_another_laptop(db: Database, selection_id: int, number: str, value: str) -> None:
    """budi's window on the same file: its own connection, no signal reaches this window."""
    other = open_database(db.path)
    try:
        budi = Actor("budi", "operator")
        save_score(other, budi, selection_id, number, "PENGETAHUAN", value, reason="susulan")
    finally:
        other.close()


def test_replacing_a_stored_value_asks_for_a_reason_and_records_it(
    qtbot, demo, reasons: list[tuple[str, str]]
) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    row = page.model.sheet_row(0)
    number = row.number
    old = page.model.index(0, FIXED_COLUMNS).data()
    new = "55" if old != "55" else "56"

    type_text(qtbot, page, new)
    press(qtbot, page, Qt.Key.Key_Return)
    # The question names who, what and old → new (issue #10 §5).
    assert [title for title, _label in reasons] == ["Alasan perubahan"]
    lines = reasons[0][1].splitlines()
    assert lines[0] == f"Peserta: {number} {row.name}"
    assert lines[1].startswith("Komponen: ") and len(lines[1]) > len("Komponen: ")
    assert lines[2:] == [
        f"Nilai: {old} → {new}",
        "",
        "Nilai ini sudah pernah diisi. Tulis alasan perubahan:",
    ]
    assert stored(db, "PENGETAHUAN")[(number, "")] == (int(new) * 1000, False, "ratna")
    assert _events(db, number)[-1] == ("score.replaced", "ratna", REASON)

    # Undo needs no reason: it is recorded as an undo of the change above.
    press(qtbot, page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(reasons) == 1
    assert _events(db, number)[-1] == ("score.undone", "ratna", "")


def test_a_first_entry_is_saved_without_asking(qtbot, demo, reasons: list[tuple[str, str]]) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, PENILAI)  # a new assessor: an empty sheet
    choose(qtbot, page, page.component_box, "PRAKTIK")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    for value in ("80", "75"):  # filling a second aspect replaces nothing either
        type_text(qtbot, page, value)
        press(qtbot, page, Qt.Key.Key_Tab)
    assert reasons == []
    assert stored(db, "PRAKTIK", "Penilai Uji")[(number, "KETEPATAN")] == (75_000, False, "uji")


def test_cancelling_the_reason_saves_nothing_and_keeps_the_typing(
    qtbot, demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, selection_id = demo
    monkeypatch.setattr(Dialogs, "ask_text", staticmethod(lambda *_args, **_kw: None))
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    before = stored(db, "PENGETAHUAN")[(number, "")]
    events = _events(db, number)
    new = "55" if page.model.index(0, FIXED_COLUMNS).data() != "55" else "56"

    type_text(qtbot, page, new)
    press(qtbot, page, Qt.Key.Key_Return)
    editor = open_editor(page)
    assert editor is not None and editor.text() == new  # still open, nothing lost
    assert page.table.currentIndex().row() == 0
    assert "Tidak disimpan" in page.message_label.text()
    press(qtbot, page, Qt.Key.Key_Escape)
    press(qtbot, page, Qt.Key.Key_Delete)  # clearing is a change too: cancelled as well
    assert stored(db, "PENGETAHUAN")[(number, "")] == before
    assert _events(db, number) == events
    assert not page.undo_stack.canUndo()


def test_the_reason_dialog_taking_the_focus_saves_once(
    qtbot, demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real dialog takes the keyboard focus from the cell editor; Qt would then commit the
    editor (a second save, a second question) and close it. Here a real window does that."""
    db, selection_id = demo
    asked: list[str] = []

    def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str:
        asked.append(title)
        box = QLineEdit()
        qtbot.addWidget(box)
        box.show()
        box.activateWindow()
        box.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
        box.close()
        return REASON

    monkeypatch.setattr(Dialogs, "ask_text", staticmethod(ask_text))
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    events = len(_events(db, number))
    new = "55" if page.model.index(0, FIXED_COLUMNS).data() != "55" else "56"

    type_text(qtbot, page, new)
    press(qtbot, page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: open_editor(page) is None)
    assert asked == ["Alasan perubahan"]
    assert len(_events(db, number)) == events + 1
    assert page.undo_stack.count() == 1
    assert page.table.currentIndex().row() == 1  # saved, so Enter moved on


def test_a_value_saved_on_another_laptop_is_not_overwritten(
    qtbot, demo, reasons: list[tuple[str, str]]
) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    shown = page.model.index(0, FIXED_COLUMNS).data()
    theirs = "31" if shown != "31" else "32"
    _save_on_another_laptop(db, selection_id, number, theirs)
    assert page.model.index(0, FIXED_COLUMNS).data() == shown  # this window does not know

    type_text(qtbot, page, "77")
    press(qtbot, page, Qt.Key.Key_Return)
    editor = open_editor(page)
    assert editor is not None and editor.text() == "77"  # the typing survives the reload
    assert "diubah oleh budi" in page.message_label.text()
    assert "muat ulang" in page.message_label.text()
    assert stored(db, "PENGETAHUAN")[(number, "")] == (int(theirs) * 1000, False, "budi")
    assert page.model.index(0, FIXED_COLUMNS).data() == theirs  # the row shows theirs now
    assert not page.undo_stack.canUndo()

    reasons.clear()
    press(qtbot, page, Qt.Key.Key_Return)  # now seen: saving over it is a normal change
    assert open_editor(page) is None
    assert len(reasons) == 1
    assert stored(db, "PENGETAHUAN")[(number, "")] == (77_000, False, "ratna")


def test_undo_does_not_wipe_a_value_saved_elsewhere(qtbot, demo) -> None:
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    type_text(qtbot, page, "0")
    press(qtbot, page, Qt.Key.Key_Return)
    _save_on_another_laptop(db, selection_id, number, "99")
    index_before = page.undo_stack.index()
    press(qtbot, page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "diubah oleh budi" in page.message_label.text()
    assert stored(db, "PENGETAHUAN")[(number, "")] == (99_000, False, "budi")
    assert page.model.index(0, FIXED_COLUMNS).data() == "99"
    # A refused undo leaves the stack where it was (issue #10 §5), and saved nothing more.
    qtbot.waitUntil(lambda: page.undo_stack.index() == index_before)
    assert page.undo_stack.canUndo() and not page.undo_stack.canRedo()
    assert stored(db, "PENGETAHUAN")[(number, "")] == (99_000, False, "budi")


def test_a_reload_while_typing_keeps_the_open_cell_and_its_text(qtbot, demo) -> None:
    """Someone else's change reloads the sheet off the GUI thread; the half-typed value and
    the cell it belongs to survive, and Enter then saves it."""
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    press(qtbot, page, Qt.Key.Key_Down)  # the second participant
    mine = page.model.sheet_row(1).number
    theirs = page.model.sheet_row(0).number
    type_text(qtbot, page, "4")
    save_score(db, Actor("admin", "admin"), selection_id, theirs, "PENGETAHUAN", "13", reason="x")
    page.context.changes.broadcast(Changes(frozenset({SCORES})))
    qtbot.waitUntil(lambda: page.model.index(0, FIXED_COLUMNS).data() == "13")
    settle(qtbot, page)
    editor = open_editor(page)
    assert editor is not None and editor.text() == "4"
    assert page.table.currentIndex().row() == 1
    type_text(qtbot, page, "2")
    press(qtbot, page, Qt.Key.Key_Return)
    assert stored(db, "PENGETAHUAN")[(mine, "")] == (42_000, False, "ratna")


def test_ctrl_f_finds_a_participant_and_enter_types_into_their_row(qtbot, demo) -> None:
    """Issue #10 §4: a paper sheet comes in out of order; the clerk finds its participant."""
    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    go_to_first_value(qtbot, page)
    target = page.model.sheet_row(page.model.rowCount() - 1)
    press(qtbot, page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.find_edit.hasFocus()
    type_text(qtbot, page, target.number)
    assert page.table.currentIndex().row() == page.model.row_of(target.number)
    press(qtbot, page, Qt.Key.Key_Return)
    assert page.table.hasFocus()
    type_text(qtbot, page, "77")
    press(qtbot, page, Qt.Key.Key_Return)
    assert stored(db, "PENGETAHUAN")[(target.number, "")][0] == 77_000
    # A part of a name finds too.
    page.find_edit.clear()
    page.find_edit.setFocus()
    first = page.model.sheet_row(0)
    type_text(qtbot, page, first.name.split()[-1].lower())
    assert page.model.sheet_row(page.table.currentIndex().row()).name == first.name or (
        first.name.split()[-1].lower()
        in page.model.sheet_row(page.table.currentIndex().row()).name.lower()
    )


def test_a_blank_reason_is_asked_again_saying_why(
    qtbot, demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, selection_id = demo
    answers = iter(["  ", "koreksi lembar"])
    asked: list[str] = []

    def ask_text(_parent: QWidget | None, title: str, label: str, text: str = "") -> str:
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(Dialogs, "ask_text", staticmethod(ask_text))
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    choose(qtbot, page, page.formation_box, "BNJ-01")
    go_to_first_value(qtbot, page)
    number = page.model.sheet_row(0).number
    new = "55" if page.model.index(0, FIXED_COLUMNS).data() != "55" else "56"
    type_text(qtbot, page, new)
    press(qtbot, page, Qt.Key.Key_Return)
    assert len(asked) == 2
    assert "tidak boleh kosong" not in asked[0] and "tidak boleh kosong" in asked[1]
    assert stored(db, "PENGETAHUAN")[(number, "")][0] == int(new) * 1000
    assert _events(db, number)[-1] == ("score.replaced", "ratna", "koreksi lembar")


def test_double_click_on_a_name_opens_the_participant_not_an_editor(qtbot, demo) -> None:
    """Issue #10 §4: the name opens the person; a value cell still opens its editor."""
    from app.ui.participant_dialog import ParticipantDialog

    db, selection_id = demo
    page = open_page(qtbot, db, selection_id, OPERATOR)
    choose(qtbot, page, page.component_box, "PENGETAHUAN")
    row = page.model.sheet_row(0)
    viewport = page.table.viewport()
    name_cell = page.table.visualRect(page.model.index(0, 1)).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=name_cell)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=name_cell)
    dialogs = [d for d in page.findChildren(ParticipantDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.number_edit.text() == row.number and dialog.name_edit.text() == row.name
    assert open_editor(page) is None
    dialog.reject()
    assert not dialog.isVisible()
