"""The Participants page, its import wizard and the mark dialog, on a real SQLite file.

No modal dialog is ever executed: the wizard and the mark dialog are opened non-blocking and
driven through their objects, file choosing is answered by monkeypatching ``Dialogs``, and
background work is awaited with ``qtbot.waitUntil``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from app.services.actor import Actor
from app.services.changes import Changes
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import UserError
from app.services.participants import ParticipantRow, list_participants, participant_marks
from app.services.participants_import import import_formations, import_participants
from app.services.selections import SelectionInfo
from app.ui import workers
from app.ui.context import MARKS, PARTICIPANTS, SCORES, AppContext
from app.ui.dialogs import Dialogs
from app.ui.import_wizard.check_page import CheckPage
from app.ui.import_wizard.wizard import ImportWizard
from app.ui.mark_dialog import MarkDialog
from app.ui.pages.participants import ParticipantsPage
from app.ui.participant_model import (
    COL_BIRTH,
    COL_FORMATION,
    COL_MARKS,
    COL_NAME,
    COL_NIK,
    COL_NUMBER,
    ParticipantTableModel,
)

ADMIN = Actor("admin", "admin")
FORMATIONS = [
    ["BNJ-01", "Dokter Ahli Pertama", "Puskesmas Binjai Kota", "S-1 Kedokteran", 2],
    ["BNJ-02", "Perawat Ahli Pertama", "RSUD Dr. RM Djoelham", "S-1 Keperawatan", 3],
]


@pytest.fixture
def demo(db: Database) -> SelectionInfo:
    return create_demo(db, ADMIN, "binjai-kompetensi", participants=80, seed=4)


def settle(qtbot, page: ParticipantsPage) -> None:
    """The list is read off the GUI thread: wait until it is shown."""
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=15_000)


@pytest.fixture
def open_page(qtbot, db: Database) -> Callable[..., ParticipantsPage]:
    def open_page(selection_id: int | None, role: str = "admin") -> ParticipantsPage:
        context = AppContext(db, Actor(f"user-{role}", role), selection_id)
        page = ParticipantsPage(context)
        qtbot.addWidget(page)
        page.resize(1300, 700)
        page.show()
        settle(qtbot, page)
        return page

    return open_page


@pytest.fixture
def selection_with_formations(
    db: Database, make_selection, tmp_path: Path, write_csv
) -> SelectionInfo:
    info = make_selection("binjai-kompetensi")
    path = write_csv(
        tmp_path / "formasi.csv",
        ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"],
        FORMATIONS,
    )
    import_formations(db, ADMIN, info.id, path)
    return info


def shown(page: ParticipantsPage, column: int) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(Dialogs, "open_file", staticmethod(lambda *_args: path))


def open_wizard_on(qtbot, page: ParticipantsPage, kind: str, monkeypatch, path: Path):
    choose_file(monkeypatch, path)
    wizard = page.open_import(kind)
    assert isinstance(wizard, ImportWizard)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=10_000)
    return wizard


def run_check(qtbot, wizard: ImportWizard) -> CheckPage:
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK_PAGE
    page = wizard.check_page
    qtbot.waitUntil(lambda: not page.busy(), timeout=10_000)
    return page


def select_number(qtbot, page: ParticipantsPage, number: str) -> None:
    page.search_edit.setText(number)
    page.apply_search()
    assert page.proxy.rowCount() == 1
    page.table.selectRow(0)
    assert page.selected_participant() is not None


# --- the table ---------------------------------------------------------------------------


def test_table_shows_every_participant(open_page, db: Database, demo: SelectionInfo) -> None:
    page = open_page(demo.id)
    expected = list_participants(db, demo.id)
    assert page.model.rowCount() == len(expected) == 80
    assert page.proxy.rowCount() == 80
    assert shown(page, COL_NUMBER) == [row.number for row in expected]
    first = expected[0]
    birth = first.birth_date
    assert page.proxy.index(0, COL_BIRTH).data() == f"{birth:%d-%m-%Y}"
    assert page.proxy.index(0, COL_NIK).data() == first.nik
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(10)]
    assert headers == [
        "Nomor peserta", "Nama", "NIK", "Tanggal lahir", "Formasi",
        "Jabatan", "Pendidikan", "IPK", "Sesi", "Tanda",
    ]  # fmt: skip
    assert page.count_label.text() == "80 peserta"
    assert page.search_edit.placeholderText() == "Cari nama, nomor peserta atau NIK…"


def test_text_filter_narrows_by_name_number_and_nik_as_one_types(
    qtbot, open_page, db: Database, demo: SelectionInfo
) -> None:
    page = open_page(demo.id)
    rows = list_participants(db, demo.id)
    target = rows[17]
    surname = target.name.split()[-1]
    qtbot.keyClicks(page.search_edit, surname.upper())  # case does not matter
    assert page.proxy.rowCount() == 80  # debounced: nothing happens on every key
    qtbot.waitUntil(lambda: page.proxy.rowCount() < 80, timeout=2_000)
    expected = [r.number for r in rows if surname.casefold() in r.name.casefold()]
    assert sorted(shown(page, COL_NUMBER)) == sorted(expected)
    assert page.count_label.text() == f"{len(expected)} dari 80 peserta"

    page.search_edit.setText(target.nik)
    page.apply_search()
    assert shown(page, COL_NUMBER) == [target.number]
    page.search_edit.setText(target.number[-5:])
    page.apply_search()
    assert target.number in shown(page, COL_NUMBER)
    page.search_edit.clear()
    page.apply_search()
    assert page.proxy.rowCount() == 80


def test_formation_filter_and_text_filter_combine(
    open_page, db: Database, demo: SelectionInfo
) -> None:
    page = open_page(demo.id)
    rows = list_participants(db, demo.id)
    assert page.formation_box.itemText(0) == "Semua formasi"
    code = rows[-1].formation
    page.formation_box.setCurrentIndex(page.formation_box.findData(code))
    in_formation = [r for r in rows if r.formation == code]
    assert page.proxy.rowCount() == len(in_formation) < 80
    assert set(shown(page, COL_FORMATION)) == {code}
    page.search_edit.setText(in_formation[0].name)
    page.apply_search()
    assert shown(page, COL_NUMBER) == [
        r.number for r in in_formation if in_formation[0].name.casefold() in r.name.casefold()
    ]
    page.formation_box.setCurrentIndex(0)
    page.search_edit.clear()
    page.apply_search()
    assert page.proxy.rowCount() == 80


def test_sorting_by_clicking_headers(qtbot, open_page, db: Database, demo: SelectionInfo) -> None:
    page = open_page(demo.id)
    rows = list_participants(db, demo.id)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(COL_NAME) + 5, 5),
    )
    names = shown(page, COL_NAME)
    assert header.sortIndicatorSection() == COL_NAME
    expected = sorted((r.name for r in rows), key=str.casefold)
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        expected.reverse()
    assert names == expected

    page.table.sortByColumn(COL_BIRTH, Qt.SortOrder.DescendingOrder)
    births = [r.birth_date for r in sorted(rows, key=lambda r: r.birth_date, reverse=True)]
    assert shown(page, COL_BIRTH) == [f"{b:%d-%m-%Y}" for b in births]

    # Filtering keeps the order; clearing the sort restores the service's order.
    page.search_edit.setText("a")
    page.apply_search()
    shown_births = [date(*reversed([int(p) for p in s.split("-")])) for s in shown(page, COL_BIRTH)]
    assert shown_births == sorted(shown_births, reverse=True)
    page.search_edit.clear()
    page.apply_search()
    page.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert shown(page, COL_NUMBER) == [r.number for r in rows]


def test_selection_survives_sorting_and_refresh(
    qtbot, open_page, db: Database, demo: SelectionInfo
) -> None:
    page = open_page(demo.id)
    page.table.selectRow(5)
    chosen = page.selected_participant()
    assert chosen is not None
    page.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert page.selected_participant() == chosen
    page.refresh()
    settle(qtbot, page)
    assert page.selected_participant() == chosen


def test_models_pass_the_qt_model_tester(qtmodeltester, open_page, demo: SelectionInfo) -> None:
    page = open_page(demo.id)
    qtmodeltester.check(page.model)
    page.formation_box.setCurrentIndex(1)
    page.search_edit.setText("a")
    page.apply_search()
    qtmodeltester.check(page.proxy)


def test_count_uses_indonesian_digit_grouping(open_page, demo: SelectionInfo) -> None:
    page = open_page(demo.id)
    many = [
        ParticipantRow(i, f"{i:06d}", f"Peserta {i}", "", date(1990, 1, 1), "F", "", "", "", "", "")
        for i in range(1234)
    ]
    page.model.set_rows(many)
    page.apply_search()
    assert page.count_label.text() == "1.234 peserta"


def test_page_follows_changes_announced_elsewhere(
    qtbot,
    open_page,
    db: Database,
    selection_with_formations: SelectionInfo,
    tmp_path: Path,
    write_csv,
) -> None:
    info = selection_with_formations
    page = open_page(info.id)
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert "Impor formasi" in page.empty_label.text()
    assert page.formation_box.count() == 3
    path = write_csv(
        tmp_path / "p.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [["001", "Siti Aminah", "1990-05-01", "BNJ-01"]],
    )
    import_participants(db, ADMIN, info.id, path)
    page.context.changes.broadcast(
        Changes(frozenset({SCORES}))
    )  # not about participants: no reload needed
    assert not page.is_busy()
    page.context.changes.broadcast(Changes(frozenset({PARTICIPANTS})))
    assert page.model.rowCount() == 0  # read off the GUI thread
    settle(qtbot, page)
    assert page.model.rowCount() == 1
    assert page.table.isVisible() and not page.empty_label.isVisible()


def test_no_selection_shows_a_hint(open_page) -> None:
    page = open_page(None)
    assert page.empty_label.isVisible()
    assert "Belum ada seleksi" in page.empty_label.text()
    assert not page.import_participants_button.isEnabled()


def test_penilai_sees_the_list_read_only(open_page, demo: SelectionInfo) -> None:
    page = open_page(demo.id, role="penilai")
    assert page.model.rowCount() == 80
    for button in (
        page.import_participants_button,
        page.import_formations_button,
        page.import_scores_button,
        page.mark_button,
    ):
        assert not button.isVisible()
    page.table.selectRow(0)
    assert page.open_import("participants") is None
    assert page.open_mark_dialog() is None


def test_operator_may_import_and_mark(open_page, demo: SelectionInfo) -> None:
    page = open_page(demo.id, role="operator")
    assert page.import_participants_button.isVisible()
    assert page.mark_button.isVisible()
    assert not page.mark_button.isEnabled()  # nobody selected yet
    page.table.selectRow(0)
    assert page.mark_button.isEnabled()


# --- the import wizard ---------------------------------------------------------------------


def test_wizard_guesses_other_headers_checks_and_imports(
    qtbot,
    monkeypatch,
    open_page,
    db: Database,
    selection_with_formations: SelectionInfo,
    tmp_path: Path,
    write_csv,
) -> None:
    info = selection_with_formations
    page = open_page(info.id)
    path = write_csv(
        tmp_path / "peserta dari BKN.csv",
        ["No Peserta", "Nama Lengkap", "Tgl Lahir", "Formasi", "NIK", "Keterangan"],
        [
            ["2412001", "Siti Aminah", "01-05-1990", "BNJ-01", "1275010105900001", "x"],
            ["2412002", "Budi Santoso", "1992-11-30", "bnj-02", "", ""],
            ["2412003", "Rina Sembiring", "12/03/1995", "BNJ-02", "1275015203950002", ""],
        ],
    )
    announced: list[frozenset[str]] = []  # the kinds of each broadcast change
    page.context.changes.changed.connect(lambda changes, _who: announced.append(changes.kinds))
    wizard = open_wizard_on(qtbot, page, "participants", monkeypatch, path)
    assert "peserta dari BKN.csv" in wizard.file_page.file_label.text()
    assert "3 baris data" in wizard.file_page.detail_label.text()

    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.mapping() == {
        "no_peserta": "nomor_peserta",
        "nama_lengkap": "nama",
        "tgl_lahir": "tanggal_lahir",
        "formasi": "kode_formasi",
        "nik": "nik",
    }
    assert mapping.combos["keterangan"].currentText() == "(abaikan)"
    assert "Nomor peserta (nomor_peserta) *" in [
        mapping.combos["no_peserta"].itemText(i)
        for i in range(mapping.combos["no_peserta"].count())
    ]
    assert mapping.isComplete()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert mapping.preview_table.rowCount() == 3
    assert mapping.preview_table.horizontalHeaderItem(1).text() == "nama_lengkap\n→ Nama"
    assert "(abaikan)" in mapping.preview_table.horizontalHeaderItem(5).text()

    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK
    assert "3 baru, 0 diperbarui" in check.result_label.text()
    assert list_participants(db, info.id) == []  # the check wrote nothing
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    settle(qtbot, page)  # the page reads its list again
    stored = {row.number: row for row in list_participants(db, info.id)}
    assert set(stored) == {"2412001", "2412002", "2412003"}
    assert stored["2412002"].formation == "BNJ-02"
    assert stored["2412003"].birth_date == date(1995, 3, 12)
    assert frozenset({PARTICIPANTS}) in announced
    assert page.model.rowCount() == 3
    assert "3 baru, 0 diperbarui" in page.status_label.text()


def test_wizard_lists_every_bad_row_and_writes_nothing(
    qtbot, monkeypatch, open_page, db: Database, demo: SelectionInfo, tmp_path: Path, write_csv
) -> None:
    page = open_page(demo.id)
    before = list_participants(db, demo.id)
    path = write_csv(
        tmp_path / "peserta.csv",
        ["nomor_peserta", "nama", "Tgl Lahir", "kode_formasi"],
        [
            ["9000001", "Baik Sekali", "1990-01-01", before[0].formation],
            ["9000002", "Tanggal Salah", "31-02-1990", before[0].formation],
            ["9000003", "Formasi Asing", "1991-01-01", "XXX-99"],
        ],
    )
    wizard = open_wizard_on(qtbot, page, "participants", monkeypatch, path)
    wizard.next()
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.REJECTED
    lines = check.problem_lines()
    assert len(lines) == 2
    assert "baris 3" in lines[0] and "tanggal_lahir" in lines[0]
    assert "baris 4" in lines[1] and "kode_formasi" in lines[1] and "XXX-99" in lines[1]
    model = check.problem_model
    assert model.rowCount() == 2
    assert [model.index(r, 0).data() for r in range(2)] == ["3", "4"]
    # The column as the file names it, and as the service does.
    assert [model.index(r, 1).data() for r in range(2)] == [
        "tgl_lahir (tanggal_lahir)",
        "kode_formasi",
    ]
    assert check.problem_view.isVisible()
    assert "2 masalah" in check.result_label.text()
    assert not check.isComplete()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.accept()  # Finish is refused without a clean check
    assert wizard.summary is None and workers.pending_tasks() == 0

    qtbot.mouseClick(check.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "\n".join(lines)
    assert list_participants(db, demo.id) == before


def test_wizard_blocks_next_until_required_columns_are_mapped(
    qtbot,
    monkeypatch,
    open_page,
    db: Database,
    selection_with_formations: SelectionInfo,
    tmp_path: Path,
    write_csv,
) -> None:
    page = open_page(selection_with_formations.id)
    path = write_csv(
        tmp_path / "p.csv",
        ["nomor_peserta", "nama", "lahir pada", "kode_formasi"],
        [["001", "Siti Aminah", "1990-05-01", "BNJ-01"]],
    )
    wizard = open_wizard_on(qtbot, page, "participants", monkeypatch, path)
    wizard.next()
    mapping = wizard.mapping_page
    assert not mapping.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "Tanggal lahir" in mapping.status_label.text()

    combo = mapping.combos["lahir_pada"]
    combo.setCurrentIndex(combo.findData("tanggal_lahir"))
    assert mapping.isComplete()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    wizard.back()  # going back and forth keeps the user's own choice
    wizard.next()
    assert mapping.mapping()["lahir_pada"] == "tanggal_lahir"

    other = mapping.combos["nama"]
    other.setCurrentIndex(other.findData("nomor_peserta"))  # the same column twice
    assert not mapping.isComplete()
    assert "Nomor peserta" in mapping.status_label.text()


def test_an_ignored_column_is_not_imported_even_with_an_expected_name(
    qtbot,
    monkeypatch,
    open_page,
    db: Database,
    selection_with_formations: SelectionInfo,
    tmp_path: Path,
    write_csv,
) -> None:
    info = selection_with_formations
    page = open_page(info.id)
    path = write_csv(
        tmp_path / "p.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi", "nik"],
        [["001", "Siti Aminah", "1990-05-01", "BNJ-01", "123"]],  # a bad NIK, ignored
    )
    wizard = open_wizard_on(qtbot, page, "participants", monkeypatch, path)
    wizard.next()
    wizard.mapping_page.combos["nik"].setCurrentIndex(0)
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK, check.problem_lines()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    settle(qtbot, page)  # the page reads its list again
    assert [row.nik for row in list_participants(db, info.id)] == [""]


def test_wizard_imports_formations(
    qtbot, monkeypatch, open_page, db: Database, make_selection, tmp_path: Path, write_csv
) -> None:
    info = make_selection("binjai-kompetensi")
    page = open_page(info.id)
    path = write_csv(
        tmp_path / "formasi.csv",
        ["Kode Formasi", "Nama Jabatan", "Unit", "Kuota"],
        [["BNJ-10", "Pranata Komputer Ahli Pertama", "Diskominfo", "1"]],
    )
    wizard = open_wizard_on(qtbot, page, "formations", monkeypatch, path)
    wizard.next()
    assert wizard.mapping_page.mapping() == {
        "kode_formasi": "kode_formasi",
        "nama_jabatan": "jabatan",
        "unit": "unit_kerja",
        "kuota": "kebutuhan",
    }
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK
    assert "1 baru, 0 diperbarui" in check.result_label.text()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    settle(qtbot, page)  # the page reads its list again
    assert page.formation_box.findData("BNJ-10") > 0


def test_unreadable_file_is_reported_on_the_first_page(
    qtbot, monkeypatch, open_page, demo: SelectionInfo, tmp_path: Path
) -> None:
    page = open_page(demo.id)
    path = tmp_path / "kosong.csv"
    path.write_text("", encoding="utf-8")
    choose_file(monkeypatch, path)
    wizard = page.open_import("participants")
    assert wizard is not None
    wizard.file_page.choose_file()
    qtbot.waitUntil(lambda: bool(wizard.file_page.error_label.text()), timeout=10_000)
    assert "kosong" in wizard.file_page.error_label.text()
    assert not wizard.file_page.isComplete()


# --- marks ---------------------------------------------------------------------------------


def test_marking_aps_through_the_dialog(
    qtbot, open_page, db: Database, demo: SelectionInfo
) -> None:
    page = open_page(demo.id)
    unmarked = next(r for r in list_participants(db, demo.id) if not r.marks)
    select_number(qtbot, page, unmarked.number)
    dialog = page.open_mark_dialog()
    assert isinstance(dialog, MarkDialog)
    assert dialog.kind() == "APS"
    assert dialog.stage_box.currentData() == "AKHIR"
    assert dialog.no_marks_label.isVisible()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Surat pengunduran diri 12-08-2024")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(page.context.changes.changed) as signal:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].kinds == {MARKS}
    settle(qtbot, page)  # the page reads its list again on the change
    marks = participant_marks(db, demo.id, unmarked.number)
    assert [(m.kind, m.stage, m.reason, m.created_by) for m in marks] == [
        ("APS", "AKHIR", "Surat pengunduran diri 12-08-2024", "user-admin")
    ]
    assert page.selected_participant() is not None
    assert page.proxy.index(0, COL_MARKS).data() == "APS (AKHIR)"
    assert "APS" in page.status_label.text()


def test_mark_needs_a_reason_and_shows_earlier_marks(
    qtbot, open_page, db: Database, demo: SelectionInfo
) -> None:
    page = open_page(demo.id)
    marked = next(r for r in list_participants(db, demo.id) if r.marks)
    select_number(qtbot, page, marked.number)
    dialog = page.open_mark_dialog()
    assert dialog is not None
    assert dialog.marks_view.topLevelItemCount() == len(
        participant_marks(db, demo.id, marked.number)
    )
    assert not dialog.no_marks_label.isVisible()
    dialog.reason_edit.setText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # Enter with an empty reason changes nothing
    assert dialog.isVisible()
    # The same mark twice is refused by the service; the dialog says why and stays open.
    dialog.reason_edit.setText("sekali lagi")
    existing = participant_marks(db, demo.id, marked.number)[0]
    dialog.kind_buttons[existing.kind].setChecked(True)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible() and "sudah bertanda" in dialog.error_label.text()
    dialog.kind_buttons["TMS" if existing.kind != "TMS" else "DIS"].setChecked(True)
    dialog.accept()
    assert not dialog.isVisible()


def test_mark_dialog_preselects_the_first_stage(
    qtbot, open_page, db: Database, make_selection, tmp_path: Path, write_csv
) -> None:
    info = make_selection("cpns-2024")
    formations = write_csv(
        tmp_path / "f.csv", ["kode_formasi", "jabatan", "kebutuhan"], [["A-1", "Analis", "1"]]
    )
    import_formations(db, ADMIN, info.id, formations)
    people = write_csv(
        tmp_path / "p.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [["001", "Siti Aminah", "1990-05-01", "A-1"]],
    )
    import_participants(db, ADMIN, info.id, people)
    page = open_page(info.id)
    page.table.selectRow(0)
    dialog = page.open_mark_dialog()
    assert dialog is not None
    stages = [dialog.stage_box.itemData(i) for i in range(dialog.stage_box.count())]
    assert stages[0] == "SKD" and len(stages) > 1
    assert dialog.stage() == "SKD"


# --- the background helper -----------------------------------------------------------------


def test_run_in_background_delivers_on_the_gui_thread(qtbot) -> None:
    threads: list[str] = []

    def work(a: int, b: int, *, times: int) -> int:
        threads.append(threading.current_thread().name)
        return (a + b) * times

    results: list[int] = []
    delivered_on: list[bool] = []

    def done(value: int) -> None:
        results.append(value)
        delivered_on.append(threading.current_thread() is threading.main_thread())

    task = workers.run_in_background(None, "uji", work, 2, 3, times=4, on_done=done)
    qtbot.waitUntil(lambda: not task.running, timeout=5_000)
    assert results == [20] and delivered_on == [True]
    assert threads and threads[0] != threading.main_thread().name

    errors: list[Exception] = []

    def refuse() -> None:
        raise UserError("mark.reason_required")

    with qtbot.waitSignal(
        workers.run_in_background(None, "uji", refuse, on_error=errors.append).failed
    ):
        pass
    assert [e.text() for e in errors if isinstance(e, UserError)] == ["alasan wajib diisi"]


def test_run_in_background_reports_a_bug_and_still_calls_on_error(qtbot) -> None:
    def broken() -> None:
        raise ValueError("bug")

    errors: list[Exception] = []
    with qtbot.capture_exceptions() as caught:
        task = workers.run_in_background(None, "uji", broken, on_error=errors.append)
        qtbot.waitUntil(lambda: not task.running, timeout=5_000)
    assert [type(e) for e in errors] == [ValueError]
    assert [str(exception[1]) for exception in caught] == ["bug"]


def test_source_model_row_role_gives_the_participant(open_page, demo: SelectionInfo) -> None:
    page = open_page(demo.id)
    index = page.model.index(0, COL_NAME)
    row = index.data(ParticipantTableModel.ParticipantRole)
    assert isinstance(row, ParticipantRow) and row.name == index.data()


ENGLISH = {"Impor peserta…": "Import participants…", "Nama": "Name", "Semua formasi": "All"}


class _English(QTranslator):
    """A stand-in for seleksi_en.qm: enough words to see the page retranslate itself."""

    def isEmpty(self) -> bool:
        return False  # Qt skips empty translators without asking them

    def translate(self, context, source, disambiguation=None, n=-1):
        return ENGLISH.get(source)


def test_page_follows_a_language_switch(qtbot, open_page, demo: SelectionInfo) -> None:
    page = open_page(demo.id)
    english = _English()
    QCoreApplication.installTranslator(english)
    try:
        qtbot.waitUntil(lambda: page.import_participants_button.text() == "Import participants…")
        assert page.proxy.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Name"
        assert page.formation_box.itemText(0) == "All"
    finally:
        QCoreApplication.removeTranslator(english)
    qtbot.waitUntil(lambda: page.import_participants_button.text() == "Impor peserta…")


def test_wizard_reads_xlsx_files(
    qtbot, monkeypatch, open_page, db: Database, make_selection, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    info = make_selection("binjai-kompetensi")
    page = open_page(info.id)
    book = Workbook()
    sheet = book.active
    sheet.append(["Kode Formasi", "Jabatan", "Kebutuhan"])
    sheet.append(["BNJ-20", "Analis Kebijakan Ahli Pertama", 2])
    path = tmp_path / "formasi.xlsx"
    book.save(path)
    wizard = open_wizard_on(qtbot, page, "formations", monkeypatch, path)
    wizard.next()
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK, check.problem_lines()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    settle(qtbot, page)  # the page reads its list again
    assert page.formation_box.findData("BNJ-20") > 0
