"""The set-up page: selection details, formations edited in place, the scheme editor.

Real widgets on a real SQLite file; values are typed by keyboard where the committee would
type them, and every check reads the database back through the services.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget

from app.services.actor import Actor
from app.services.changes import Changes
from app.services.database import Database
from app.services.demo import create_demo
from app.services.formations import list_formations, save_formation
from app.services.participants_import import import_formations
from app.services.scheme_edit import current_scheme
from app.services.schemes import RESOURCES, load_preset_or_file
from app.services.selections import SelectionInfo, create_selection, resolve_selection
from app.ui.context import FORMATIONS, SCHEME, SELECTION, AppContext
from app.ui.dialogs import Dialogs
from app.ui.formation_model import CODE, QUOTA, TITLE, FormationTableModel
from app.ui.pages.setup import SetupPage

ADMIN = Actor("admin", "admin")


@pytest.fixture
def selection(db: Database) -> SelectionInfo:
    info = create_selection(db, ADMIN, load_preset_or_file("binjai-kompetensi"), "Uji")
    import_formations(db, ADMIN, info.id, RESOURCES / "demo" / "formasi_binjai.csv")
    return info


@pytest.fixture
def context(db: Database, selection: SelectionInfo) -> AppContext:
    return AppContext(db, ADMIN, selection.id)


@pytest.fixture
def page(qtbot, context: AppContext) -> SetupPage:
    page = SetupPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any dialog a test did not answer fails the test instead of blocking it."""

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:]}")

    for name in ("info", "error", "confirm", "ask_text", "open_file", "save_file"):
        monkeypatch.setattr(Dialogs, name, unexpected)


def type_into_cell(qtbot, table: QTableView, index: QModelIndex, text: str) -> None:
    """Select the cell, type over it and press Enter, as a user does."""
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClicks(table, text[0])  # the first key opens the editor and lands in it
    editor = QApplication.focusWidget()
    assert isinstance(editor, QWidget) and editor is not table
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop, as in the running program.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def formation_row(page: SetupPage, code: str) -> int:
    model = page.formation_tab.model
    for row in range(model.rowCount()):
        if model.index(row, CODE).data() == code:
            return row
    raise KeyError(code)


def stored(db: Database, selection_id: int, code: str):
    return next(f for f in list_formations(db, selection_id) if f.code == code)


# --- Seleksi ----------------------------------------------------------------------------


def test_selection_details_are_saved(qtbot, page: SetupPage, db, selection) -> None:
    tab = page.selection_tab
    assert tab.name_edit.text() == "Uji"
    assert tab.scheme_code_label.text() == "binjai-kompetensi"
    assert "Binjai" in tab.scheme_source_label.text()
    tab.name_edit.setText("Seleksi Kompetensi  Kota Binjai 2025")
    tab.year_spin.setValue(2025)
    tab.instansi_edit.setText("Pemerintah Kota Binjai")
    with qtbot.waitSignal(page.context.changes.changed) as signal:
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert SELECTION in signal.args[0].kinds
    info = resolve_selection(db, selection.id)
    assert (info.name, info.year, info.instansi) == (
        "Seleksi Kompetensi Kota Binjai 2025",
        2025,
        "Pemerintah Kota Binjai",
    )
    assert tab.name_edit.text() == info.name  # shown as stored
    assert tab.message_label.text() == "Data seleksi disimpan."


def test_a_refused_selection_edit_says_why_next_to_the_form(page: SetupPage, db, selection) -> None:
    tab = page.selection_tab
    tab.name_edit.setText("   ")
    tab.save_button.click()
    assert tab.message_label.text() == "nama seleksi wajib diisi"
    assert resolve_selection(db, selection.id).name == "Uji"


# --- Formasi ----------------------------------------------------------------------------


def test_quota_typed_into_the_table_is_stored(qtbot, page: SetupPage, db, selection) -> None:
    tab = page.formation_tab
    page.tabs.setCurrentWidget(tab)
    row = formation_row(page, "BNJ-01")
    assert stored(db, selection.id, "BNJ-01").quota == 3
    with qtbot.waitSignal(page.context.changes.changed) as signal:
        type_into_cell(qtbot, tab.table, tab.model.index(row, QUOTA), "7")
    assert FORMATIONS in signal.args[0].kinds
    assert stored(db, selection.id, "BNJ-01").quota == 7
    assert tab.model.index(row, QUOTA).data() == 7
    assert tab.message_label.text() == "Formasi BNJ-01 disimpan."
    assert tab.table.currentIndex().row() == row  # the user keeps their place


def test_a_duplicate_code_is_refused_and_the_cell_reverts(qtbot, page: SetupPage, db, selection):
    tab = page.formation_tab
    page.tabs.setCurrentWidget(tab)
    row = formation_row(page, "BNJ-02")
    type_into_cell(qtbot, tab.table, tab.model.index(row, CODE), "BNJ-01")
    assert tab.model.index(row, CODE).data() == "BNJ-02"
    assert tab.message_label.text() == "kode formasi BNJ-01 sudah dipakai"
    assert [f.code for f in list_formations(db, selection.id)].count("BNJ-01") == 1
    assert stored(db, selection.id, "BNJ-02").position_title == "Dokter Gigi Ahli Pertama"


def test_an_empty_title_is_refused(qtbot, page: SetupPage, db, selection) -> None:
    tab = page.formation_tab
    row = formation_row(page, "BNJ-03")
    assert not tab.model.setData(tab.model.index(row, TITLE), "  ")
    assert tab.message_label.text() == "jabatan wajib diisi"
    assert stored(db, selection.id, "BNJ-03").position_title == "Perawat Ahli Pertama"


def test_a_renamed_code_moves_the_row_into_order(qtbot, page: SetupPage, db, selection) -> None:
    tab = page.formation_tab
    row = formation_row(page, "BNJ-01")
    type_into_cell(qtbot, tab.table, tab.model.index(row, CODE), "bnj-99")
    codes = [f.code for f in list_formations(db, selection.id)]
    assert "BNJ-99" in codes and "BNJ-01" not in codes
    shown = [tab.model.index(r, CODE).data() for r in range(tab.model.rowCount())]
    assert shown == codes  # sorted by code, like the service
    assert tab.model.index(tab.table.currentIndex().row(), CODE).data() == "BNJ-99"


def test_a_new_formation_is_saved_once_code_and_title_are_typed(qtbot, page: SetupPage, db):
    tab = page.formation_tab
    page.tabs.setCurrentWidget(tab)
    before = tab.model.rowCount()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == before + 1
    # The add button opened the code cell of the new row for typing.
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "BNJ-77")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.table.state() != QAbstractItemView.State.EditingState)
    assert tab.model.index(before, CODE).data() == "BNJ-77"
    assert "BNJ-77" not in [f.code for f in list_formations(db, page.context.selection_id)]
    type_into_cell(qtbot, tab.table, tab.model.index(before, TITLE), "Penata Kelola Arsip")
    formation = stored(db, page.context.selection_id, "BNJ-77")
    assert (formation.position_title, formation.quota) == ("Penata Kelola Arsip", 1)
    assert tab.model.rowCount() == before + 1


def test_deleting_a_formation_with_participants_is_refused(
    qtbot, tmp_path: Path, monkeypatch, new_database: Callable[[Path], Database]
) -> None:
    db = new_database(tmp_path / "demo.db")
    info = create_demo(db, ADMIN, participants=60, seed=2)
    used = next(f for f in list_formations(db, info.id) if f.participants)
    empty = save_formation(db, ADMIN, info.id, "KOSONG-1", "Formasi tanpa peserta", "", "", 1).value
    page = SetupPage(AppContext(db, ADMIN, info.id))
    qtbot.addWidget(page)
    tab = page.formation_tab
    asked: list[str] = []

    def confirm(parent, title, text) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(Dialogs, "confirm", confirm)
    tab.table.setCurrentIndex(tab.model.index(formation_row(page, used.code), CODE))
    tab.delete_button.click()
    assert used.code in asked[-1]
    assert "masih memiliki" in tab.message_label.text()
    assert used.code in [f.code for f in list_formations(db, info.id)]

    monkeypatch.setattr(Dialogs, "confirm", lambda parent, title, text: False)
    tab.table.setCurrentIndex(tab.model.index(formation_row(page, empty.code), CODE))
    tab.delete_button.click()
    assert empty.code in [f.code for f in list_formations(db, info.id)]

    monkeypatch.setattr(Dialogs, "confirm", confirm)
    tab.delete_button.click()
    assert empty.code not in [f.code for f in list_formations(db, info.id)]
    assert empty.code not in [tab.model.index(r, CODE).data() for r in range(tab.model.rowCount())]
    db.close()


def test_the_formation_model_keeps_qt_s_contract(qtmodeltester, db, selection) -> None:
    model = FormationTableModel(lambda row: pytest.fail("nothing is saved here"))
    model.set_formations(list_formations(db, selection.id))
    model.set_editable(True)
    model.add_draft()
    qtmodeltester.check(model)


def test_each_role_edits_what_the_permission_table_allows(qtbot, db, selection) -> None:
    """One table for the services and the window: an operator keeps the formations (they
    import them too), only the admin the selection and its scheme; an assessor reads."""
    operator = SetupPage(AppContext(db, Actor("op", "operator"), selection.id))
    qtbot.addWidget(operator)
    tab = operator.formation_tab
    assert tab.model.flags(tab.model.index(0, QUOTA)) & Qt.ItemFlag.ItemIsEditable
    assert not tab.add_button.isHidden()
    assert operator.selection_tab.name_edit.isReadOnly()
    assert operator.selection_tab.save_button.isHidden()
    banner = "Hanya admin yang dapat mengubah skema penilaian."
    assert operator.scheme_editor.banner.text() == banner
    assessor = SetupPage(AppContext(db, Actor("budi", "penilai"), selection.id))
    qtbot.addWidget(assessor)
    tab = assessor.formation_tab
    assert not tab.model.flags(tab.model.index(0, QUOTA)) & Qt.ItemFlag.ItemIsEditable
    assert tab.add_button.isHidden() and tab.delete_button.isHidden()
    assert assessor.scheme_editor.banner.text() == banner


# --- Skema penilaian --------------------------------------------------------------------


def test_a_weight_that_breaks_the_sum_blocks_saving_until_fixed(
    qtbot, page: SetupPage, db, selection
) -> None:
    editor = page.scheme_editor
    page.tabs.setCurrentWidget(editor)
    model, table = editor.components.model, editor.components.table
    weight = model.column_of("weight")
    assert not editor.save_button.isEnabled()  # nothing to save yet

    type_into_cell(qtbot, table, model.index(0, weight), "45,5")
    assert ("stages[0].components", "jumlah bobot harus 100, sekarang 105,5") in editor.problems
    assert not editor.save_button.isEnabled()
    assert editor.components.message.text() == "jumlah bobot harus 100, sekarang 105,5"
    # In words, with the stage's name, not the TOML key (issue #10 §6); the key is the data.
    first = editor.problem_panel.problem_list.item(0)
    stage_name = current_scheme(db, selection.id).stages[0].name
    assert first.text() == f"Tahap {stage_name} › komponen: jumlah bobot harus 100, sekarang 105,5"
    assert first.data(Qt.ItemDataRole.UserRole) == "stages[0].components"
    assert table.property("problem") is True

    type_into_cell(qtbot, table, model.index(1, weight), "29.5")
    assert editor.problems == []
    assert editor.save_button.isEnabled()
    assert table.property("problem") is False

    with qtbot.waitSignal(page.context.changes.changed) as signal:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert SCHEME in signal.args[0].kinds
    components = current_scheme(db, selection.id).stages[0].components
    assert [c.weight for c in components] == [Decimal("45.5"), Decimal("29.5"), Decimal(25)]
    assert not editor.save_button.isEnabled()
    assert editor.status_label.text() == "Skema disimpan."


def test_text_that_is_not_a_number_is_refused_in_place(qtbot, page: SetupPage) -> None:
    editor = page.scheme_editor
    model = editor.components.model
    assert not model.setData(model.index(0, model.column_of("threshold")), "enam puluh")
    assert "bukan angka" in editor.status_label.text()
    assert model.index(0, model.column_of("threshold")).data() == "60"
    assert model.setData(model.index(0, model.column_of("threshold")), "")
    assert editor.draft.scheme.stages[0].components[0].threshold is None
    assert editor.problems == [] and editor.save_button.isEnabled()


def test_problems_show_at_the_cell_and_the_stage_field(qtbot, page: SetupPage) -> None:
    editor = page.scheme_editor
    model = editor.components.model
    model.setData(model.index(1, model.column_of("name")), "")
    model.setData(model.index(2, model.column_of("threshold")), "120")
    keys = [key for key, _text in editor.problems]
    assert "stages[0].components[1].name" in keys
    assert "stages[0].components[2].threshold" in keys
    cell = model.index(2, model.column_of("threshold"))
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "ambang batas 120 di luar rentang 0–100"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not editor.save_button.isEnabled()

    editor.stages.code_edit.setFocus()
    editor.stages.code_edit.selectAll()
    qtbot.keyClick(editor.stages.code_edit, Qt.Key.Key_Delete)
    assert "stages[0].code" in [key for key, _text in editor.problems]
    assert editor.stages.code_edit.property("problem") is True
    qtbot.keyClicks(editor.stages.code_edit, "akhir")
    assert editor.stages.code_edit.text() == "AKHIR"
    assert editor.stages.code_edit.property("problem") is False


def test_rubric_aspects_are_edited_with_their_component(qtbot, page: SetupPage, db, selection):
    editor = page.scheme_editor
    editor.components.table.setCurrentIndex(editor.components.model.index(1, 0))  # PRAKTIK
    aspects = editor.aspects.model
    assert aspects.rowCount() == 4
    editor.aspects.add_button.click()
    assert aspects.rowCount() == 5
    assert ("stages[0].components[1].aspects[4].weight", "bobot harus lebih dari 0") in (
        editor.problems
    )
    weight = aspects.index(4, aspects.column_of("weight"))
    assert weight.data(Qt.ItemDataRole.ToolTipRole) == "bobot harus lebih dari 0"
    # The component's row says that its rubric has a problem.
    assert editor.components.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "aspects[4].weight: bobot harus lebih dari 0"
    )
    aspects.setData(aspects.index(4, aspects.column_of("name")), "Kerapian")
    aspects.setData(weight, "10")
    assert editor.aspects.message.text() == "jumlah bobot harus 100, sekarang 110"
    assert not editor.aspects.message.isHidden()
    aspects.setData(aspects.index(0, aspects.column_of("weight")), "30")
    assert editor.aspects.message.isHidden()
    assert editor.problems == []
    editor.save_button.click()
    rubric = current_scheme(db, selection.id).stages[0].components[1].aspects
    assert [(a.name, a.weight) for a in rubric][::4] == [
        ("Keterampilan teknis", Decimal(30)),
        ("Kerapian", Decimal(10)),
    ]


def test_the_ranking_order_is_reordered_and_needs_the_final_score(
    qtbot, page: SetupPage, db, selection
) -> None:
    editor = page.scheme_editor
    ranking = editor.ranking.ranking_list
    keys = [ranking.item(i).data(Qt.ItemDataRole.UserRole) for i in range(ranking.count())]
    assert keys[:5] == ["NILAI_AKHIR", "PRAKTIK", "PENGETAHUAN", "PSIKOTES", "USIA"]
    assert {"IPK", "KELOMPOK_PRIORITAS"} <= set(keys)
    ranking.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert ("stages[0].ranking", "urutan peringkat harus memuat NILAI_AKHIR") in editor.problems
    assert not editor.save_button.isEnabled()
    ranking.item(0).setCheckState(Qt.CheckState.Checked)
    ranking.setCurrentRow(2)  # PENGETAHUAN before PRAKTIK
    editor.ranking.up_button.click()
    assert editor.problems == []
    editor.save_button.click()
    assert current_scheme(db, selection.id).stages[0].ranking == (
        "NILAI_AKHIR",
        "PENGETAHUAN",
        "PRAKTIK",
        "PSIKOTES",
        "USIA",
    )


def test_stages_and_components_are_added_and_removed(qtbot, page: SetupPage, db, selection):
    editor = page.scheme_editor
    editor.components.add_button.click()
    assert editor.components.model.rowCount() == 4
    assert "stages[0].components[3].weight" in [key for key, _ in editor.problems]
    editor.components.remove_button.click()
    assert editor.components.model.rowCount() == 3 and editor.problems == []
    editor.stages.add_button.click()
    assert editor.stages.stage_list.count() == 2 and editor.stages.stage_list.currentRow() == 1
    assert editor.problems == []
    editor.save_button.click()
    assert [s.code for s in current_scheme(db, selection.id).stages] == ["AKHIR", "TAHAP1"]


def test_the_scheme_is_exported_as_toml(qtbot, page: SetupPage, tmp_path, monkeypatch) -> None:
    target = tmp_path / "skema.toml"
    monkeypatch.setattr(Dialogs, "save_file", lambda *args: target)
    page.scheme_editor.export_button.click()
    assert load_preset_or_file(str(target)) == current_scheme(
        page.context.database, page.context.selection_id
    )


def test_the_scheme_is_read_only_once_a_score_exists(
    qtbot, tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    db = new_database(tmp_path / "demo.db")
    info = create_demo(db, ADMIN, participants=40, seed=5)
    page = SetupPage(AppContext(db, ADMIN, info.id))
    qtbot.addWidget(page)
    editor = page.scheme_editor
    page.tabs.setCurrentWidget(editor)
    assert editor.banner.isVisibleTo(page)
    assert editor.banner.text() == "Skema terkunci karena nilai sudah dimasukkan."
    index = editor.components.model.index(0, editor.components.model.column_of("weight"))
    assert not editor.components.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not editor.components.model.setData(index, "10")
    assert editor.stages.code_edit.isReadOnly()
    assert not editor.stages.method_box.isEnabled()
    for button in (editor.save_button, editor.components.add_button, editor.stages.add_button):
        assert not button.isVisibleTo(page)
    assert editor.export_button.isEnabled()
    db.close()


def test_the_scheme_tables_keep_qt_s_contract(qtmodeltester, page: SetupPage) -> None:
    editor = page.scheme_editor
    editor.components.table.setCurrentIndex(editor.components.model.index(1, 0))
    qtmodeltester.check(editor.components.model)
    qtmodeltester.check(editor.aspects.model)


def test_a_page_without_selection_says_so(qtbot, db: Database) -> None:
    page = SetupPage(AppContext(db, ADMIN, None))
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.empty_label


def test_the_first_score_entered_elsewhere_locks_the_open_editor(
    qtbot, page: SetupPage, db, selection, tmp_path: Path, write_csv
) -> None:
    from app.services.participants_import import import_participants
    from app.services.scores_import import import_scores
    from app.ui.context import SCORES

    editor = page.scheme_editor
    model = editor.components.model
    model.setData(model.index(0, model.column_of("name")), "Tes Pengetahuan")
    assert editor.dirty and editor.save_button.isEnabled()
    people = write_csv(
        tmp_path / "peserta.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [["24001", "Siti Aminah", "1998-04-02", "BNJ-01"]],
    )
    import_participants(db, ADMIN, selection.id, people)
    scores = write_csv(
        tmp_path / "nilai.csv",
        ["nomor_peserta", "komponen", "nilai", "penilai"],
        [["24001", "PENGETAHUAN", "71", "Penilai 1"]],
    )
    import_scores(db, ADMIN, selection.id, scores)
    page.context.changes.broadcast(Changes(frozenset({SCORES})))
    assert editor.banner.text() == "Skema terkunci karena nilai sudah dimasukkan."
    assert not editor.dirty  # an edit that can no longer be saved is not kept on screen
    assert model.index(0, model.column_of("name")).data() == "Tes Pengetahuan (CAT)"
    assert editor.save_button.isHidden()
