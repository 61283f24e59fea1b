"""The Forms page draws, previews, saves and prints the day's forms (issue #10 §4).

Every test works on its own copy of one demo database and drives the real page: it picks the
kind and the formation in the widgets, presses the buttons, waits for the background work,
and reads the saved PDF back. File choosers and the print dialog are answered by
monkeypatching ``Dialogs`` and the page's print-dialog method, so no modal window waits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton

from app.services.actor import Actor
from app.services.changes import SCORES, Changes
from app.services.database import Database
from app.services.demo import create_demo
from app.services.documents import stage_takers
from app.services.participants import list_participants
from app.services.progress import Progress
from app.services.ranking import compute_ranking
from app.services.score_entry import score_sheet
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.main_window import PAGES, visible_pages
from app.ui.pages.forms import FormsPage
from app.ui.pages.forms_request import FormKind
from app.ui.workers import pending_tasks

ADMIN = Actor("ketua", "admin")
ASSESSOR = Actor("budi", "penilai")
SCHEME = "binjai-kompetensi"
PARTICIPANTS = 60
SEED = 8
TIMEOUT_MS = 20_000


# -- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def forms_template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("formulir") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, SCHEME, participants=PARTICIPANTS, seed=SEED)
    database.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path,
    forms_template: tuple[Path, int],
    copy_database: Callable[[Path, Path], Database],
) -> Iterator[tuple[Database, int]]:
    template, selection_id = forms_template
    database = copy_database(template, tmp_path / "seleksi.db")
    yield database, selection_id
    database.close()


@pytest.fixture
def context(demo: tuple[Database, int]) -> AppContext:
    database, selection_id = demo
    return AppContext(database, ADMIN, selection_id)


@pytest.fixture
def open_page(qtbot: Any, context: AppContext) -> Callable[..., FormsPage]:
    def make(for_context: AppContext | None = None) -> FormsPage:
        page = FormsPage(for_context or context)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        return page

    return make


@pytest.fixture(autouse=True)
def no_stray_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        Dialogs,
        "error",
        staticmethod(lambda _p, title, text, details="": shown.append((title, text))),
    )
    monkeypatch.setattr(
        Dialogs, "info", staticmethod(lambda _p, title, text: shown.append((title, text)))
    )
    return shown


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """``Dialogs.save_file`` answers ``path``; the proposed names are recorded."""
    proposed: list[str] = []

    def save_file(_parent: Any, _title: str, _filters: str, name: str = "") -> Path | None:
        proposed.append(name)
        return path

    monkeypatch.setattr(Dialogs, "save_file", staticmethod(save_file))
    return proposed


def wait_idle(qtbot: Any, page: FormsPage) -> None:
    qtbot.waitUntil(lambda: pending_tasks() == 0 and page.task is None, timeout=TIMEOUT_MS)


def click(qtbot: Any, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_kind(page: FormsPage, kind: FormKind) -> None:
    page.kind_buttons[kind].click()


def choose_formation(page: FormsPage, code: str) -> None:
    index = page.formation_box.findData(code)
    assert index >= 0, code
    page.formation_box.setCurrentIndex(index)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def busiest_formation(database: Database, selection_id: int) -> tuple[str, list[str]]:
    """The formation with the most participants in the stage, and their numbers in order."""
    by_formation: dict[str, list[str]] = {}
    for row in compute_ranking(database, selection_id).rows:
        by_formation.setdefault(row.formation, []).append(row.number)
    code = max(by_formation, key=lambda f: (len(by_formation[f]), f))
    return code, sorted(by_formation[code])


# -- the page in the window -----------------------------------------------------------------


def test_every_role_that_may_print_sees_the_page() -> None:
    entry = next(p for p in PAGES if p[0] == "formulir")
    assert entry[1] == "Formulir"
    assert entry[2].target == "app.ui.pages.forms:FormsPage"
    for role in ("admin", "operator", "penilai"):  # as the CLI: every logged-in user
        assert "formulir" in [key for key, _t, _f in visible_pages(role)]
    keys = [key for key, _t, _f in visible_pages("admin")]
    assert keys.index("formulir") == keys.index("pengumuman") + 1  # beside the documents


# -- score sheets ---------------------------------------------------------------------------


def test_a_score_sheet_is_previewed_and_saved_as_pdf(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, selection_id = context.database, context.selection_id
    assert selection_id is not None
    page = open_page()
    assert page.kind() is FormKind.SCORE_SHEET
    assert page.component_box.currentData() == "PRAKTIK"  # the one assessed on paper
    assert not page.preview.page_count()
    choose_formation(page, "BNJ-02")
    page.assessor_edit.setText("Dr. Sari Dewi")
    click(qtbot, page.preview_button)
    wait_idle(qtbot, page)
    assert page.preview.page_count() >= 1
    assert page.status_label.text().startswith("Blanko penilaian PRAKTIK BNJ-02: ")

    target = tmp_path / "keluar" / "blanko.pdf"
    target.parent.mkdir()
    proposed = answer_save(monkeypatch, target)
    assert page.save_pdf() is None  # the preview shows this very form: nothing drawn again
    assert proposed == ["Blanko penilaian PRAKTIK BNJ-02.pdf"]
    text = pdf_text(target)
    assert "BLANKO PENILAIAN" in text and "Dr. Sari Dewi" in text
    assert "(bobot 40 %)" in text and ": 35 %" in text
    numbers = [
        row.number for row in score_sheet(database, selection_id, "PRAKTIK", "x", "BNJ-02").rows
    ]
    positions = [text.index(number) for number in numbers]
    assert numbers and positions == sorted(positions)  # the entry grid's order
    assert str(target) in page.status_label.text()
    assert list(target.parent.iterdir()) == [target]  # no temporary file left beside it
    # Saved, the form is registered: the file verifies against the record (issue #11 §3).
    from app.services.announcements import verify_announcement

    result = verify_announcement(database, target)
    assert result.ok and "berkas sama persis dengan yang dicetak" in result.findings


def test_a_cancelled_file_dialog_writes_nothing(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    proposed = answer_save(monkeypatch, None)
    task = page.save_pdf()
    assert task is not None  # nothing shown yet: drawn first
    wait_idle(qtbot, page)
    assert proposed == ["Blanko penilaian PRAKTIK BNJ-01.pdf"]
    assert page.preview.page_count() >= 1
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith((".pdf", ".tmp"))]


# -- attendance lists and minutes -----------------------------------------------------------


def test_an_attendance_list_is_drawn_when_saved_without_a_preview(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert context.selection_id is not None
    page = open_page()
    choose_kind(page, FormKind.ATTENDANCE)
    # The stage chooses who is listed (issue #11 §5); no component.
    assert page.stage_box.isVisible() and not page.component_box.isVisible()
    assert page.place_edit.isVisible() and page.date_edit.isVisible()
    assert not page.session_box.isVisible()  # the demo's participants have no ``sesi``
    page.stage_box.setCurrentIndex(0)
    choose_formation(page, "BNJ-03")
    page.place_edit.setText("  Aula   Kantor Wali Kota ")
    target = tmp_path / "hadir.pdf"
    proposed = answer_save(monkeypatch, target)
    click(qtbot, page.save_button)
    wait_idle(qtbot, page)
    day = page.date_edit.date().toPython()
    assert proposed == [f"Daftar hadir BNJ-03 {day.isoformat()}.pdf"]
    text = pdf_text(target)
    assert "DAFTAR HADIR" in text and "Aula Kantor Wali Kota" in text
    taking = stage_takers(
        context.database, context.selection_id, page.stage_box.currentData(), "BNJ-03"
    )
    people = [
        p.number
        for p in list_participants(context.database, context.selection_id)
        if p.formation == "BNJ-03" and p.number in taking
    ]
    assert people and all(number in text for number in people)
    assert f"{len(people)} orang" in text


def test_minutes_need_one_formation_and_their_number_makes_no_folder(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    choose_formation(page, "")  # "Semua formasi" for the sheet
    choose_kind(page, FormKind.MINUTES)
    model = page.formation_box.model()
    assert isinstance(model, QStandardItemModel)
    assert not model.item(0).isEnabled()  # minutes are made per formation
    assert page.formation_box.currentData() == "BNJ-01"
    assert page.number_edit.isVisible()
    choose_formation(page, "BNJ-02")
    page.number_edit.setText("012/BA/PANSELDA/2024")
    target = tmp_path / "ba.pdf"
    proposed = answer_save(monkeypatch, target)
    page.save_pdf()
    wait_idle(qtbot, page)
    assert proposed == ["Berita acara AKHIR BNJ-02 012-BA-PANSELDA-2024.pdf"]
    text = pdf_text(target)
    assert "BERITA ACARA" in text and "012/BA/PANSELDA/2024" in text and "BNJ-02" in text


# -- slips ----------------------------------------------------------------------------------


def test_one_participants_slip_from_the_number_typed(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert context.selection_id is not None
    row = compute_ranking(context.database, context.selection_id).rows[0]
    page = open_page()
    choose_kind(page, FormKind.SLIP)
    assert page.one_button.isChecked() and page.participant_edit.isVisible()
    assert not page.formation_box.isVisible()
    qtbot.keyClicks(page.participant_edit, f" {row.number} ")
    qtbot.keyClick(page.participant_edit, Qt.Key.Key_Return)  # Enter draws the preview
    wait_idle(qtbot, page)
    assert page.preview.page_count() == 1
    target = tmp_path / "slip.pdf"
    proposed = answer_save(monkeypatch, target)
    page.save_pdf()
    assert proposed == [f"Slip hasil AKHIR {row.number}.pdf"]
    text = pdf_text(target)
    assert row.number in text and "SLIP HASIL SELEKSI" in text
    assert row.final is not None and f"{row.final:.3f}".replace(".", ",") in text


def test_a_slip_without_a_number_names_the_field_and_draws_nothing(
    qtbot: Any, open_page: Callable[..., FormsPage]
) -> None:
    page = open_page()
    choose_kind(page, FormKind.SLIP)
    assert page.show_preview() is None
    assert pending_tasks() == 0 and page.task is None
    assert "nomor peserta" in page.status_label.text().lower()
    assert page.focusWidget() is page.participant_edit  # the field to put right
    assert not page.preview.page_count()


def test_an_unknown_participant_is_refused_and_nothing_is_saved(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_stray_dialogs: list[tuple[str, str]],
) -> None:
    page = open_page()
    choose_kind(page, FormKind.SLIP)
    page.participant_edit.setText("99999999999999")
    proposed = answer_save(monkeypatch, tmp_path / "slip.pdf")
    page.save_pdf()
    wait_idle(qtbot, page)
    assert proposed == []  # never asked where to save
    assert "99999999999999" in page.status_label.text()
    assert not (tmp_path / "slip.pdf").exists()
    assert no_stray_dialogs == []  # said beside the form, not in a box


def test_a_formations_slips_report_progress_and_are_saved_in_one_pdf(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert context.selection_id is not None
    formation, numbers = busiest_formation(context.database, context.selection_id)
    steps: list[tuple[int, int]] = []
    original = Progress.report

    def report(progress: Progress, done: int, total: int = 0) -> None:
        steps.append((done, total))
        original(progress, done, total)

    monkeypatch.setattr(Progress, "report", report)
    page = open_page()
    choose_kind(page, FormKind.SLIP)
    page.all_button.click()
    assert page.formation_box.isVisible() and not page.participant_edit.isVisible()
    choose_formation(page, formation)
    target = tmp_path / "slip-formasi.pdf"
    proposed = answer_save(monkeypatch, target)
    task = page.save_pdf()
    assert task is not None and task.progress is not None  # with a bar and Cancel
    wait_idle(qtbot, page)
    assert steps[-1] == (len(numbers), len(numbers))  # the bar reached its end
    assert proposed == [f"Slip hasil AKHIR {formation}.pdf"]
    reader = PdfReader(target)
    assert len(reader.pages) == len(numbers) == page.preview.page_count()
    for number, sheet in zip(numbers, reader.pages, strict=True):
        assert number in sheet.extract_text()


def test_cancel_stops_a_batch_and_writes_no_file(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_stray_dialogs: list[tuple[str, str]],
) -> None:
    assert context.selection_id is not None
    formation, numbers = busiest_formation(context.database, context.selection_id)
    assert len(numbers) > 3
    reached, go_on = threading.Event(), threading.Event()
    original = Progress.report

    def report(progress: Progress, done: int, total: int = 0) -> None:
        if done == 2:  # hold the worker at the third slip until the test has pressed Cancel
            reached.set()
            go_on.wait(TIMEOUT_MS / 1000)
        original(progress, done, total)

    monkeypatch.setattr(Progress, "report", report)
    page = open_page()
    click(qtbot, page.preview_button)  # a score sheet stays in the preview meanwhile
    wait_idle(qtbot, page)
    shown = page.shown
    choose_kind(page, FormKind.SLIP)
    page.all_button.click()
    choose_formation(page, formation)
    target = tmp_path / "slip-formasi.pdf"
    proposed = answer_save(monkeypatch, target)
    page.save_pdf()
    qtbot.waitUntil(reached.is_set, timeout=TIMEOUT_MS)
    dialogs = [d for d in page.findChildren(QProgressDialog) if d.maximum() == len(numbers)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.value() == 1, timeout=TIMEOUT_MS)  # the steps reach it
    buttons = dialog.findChildren(QPushButton)
    assert [b.text() for b in buttons] == ["Batal"]
    buttons[0].click()
    go_on.set()
    wait_idle(qtbot, page)
    assert proposed == [] and not target.exists()
    assert "Dibatalkan" in page.status_label.text()
    assert page.shown is shown  # the score sheet is still what the preview shows
    assert no_stray_dialogs == []
    assert page.preview_button.isEnabled() and page.fields_box.isEnabled()


# -- printing -------------------------------------------------------------------------------


def test_printing_sends_every_page_with_a_file_name_without_slashes(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    choose_kind(page, FormKind.MINUTES)
    page.number_edit.setText("007/BA/PANSELDA/2024")
    printed_to = tmp_path / "cetak.pdf"
    names: list[str] = []

    def accept(printer: QPrinter, page_count: int) -> bool:
        names.append(printer.docName())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_to))
        printer.setResolution(72)  # small images: the test checks pages, not sharpness
        return True

    monkeypatch.setattr(page, "ask_print_settings", accept)
    assert page.print_document() is not None  # drawn first, then printed
    wait_idle(qtbot, page)
    assert names == ["Berita acara AKHIR BNJ-01 007-BA-PANSELDA-2024"]
    assert len(PdfReader(printed_to).pages) == page.preview.page_count()
    assert "halaman dikirim ke pencetak" in page.status_label.text()
    # What reached paper is registered, with the id its pages carry (issue #11 §3).
    shown = page.shown
    assert shown is not None
    from app.services.printed import find_printed

    found = find_printed(page.context.database, shown[1].records[0].document_id)
    assert found is not None and found.kind == "minutes"
    names.clear()
    assert page.print_document() is None  # the preview shows it: printed at once
    assert len(names) == 1


def test_printing_a_formations_slips_can_be_cancelled_between_pages(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert context.selection_id is not None
    formation, numbers = busiest_formation(context.database, context.selection_id)
    page = open_page()
    choose_kind(page, FormKind.SLIP)
    page.all_button.click()
    choose_formation(page, formation)
    click(qtbot, page.preview_button)
    wait_idle(qtbot, page)
    assert page.preview.page_count() == len(numbers) > 5
    printed_to = tmp_path / "cetak.pdf"

    def accept(printer: QPrinter, _page_count: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_to))
        printer.setResolution(36)
        return True

    monkeypatch.setattr(page, "ask_print_settings", accept)
    original = page._print_progress
    dialogs: list[QProgressDialog] = []

    def shown_at_once(count: int) -> QProgressDialog | None:
        dialog = original(count)
        assert dialog is not None  # a long job shows its progress
        dialog.setMinimumDuration(0)
        # Pressed while the pages are going out (the dialog keeps the events flowing).
        QTimer.singleShot(0, lambda: dialog.findChild(QPushButton).click())
        dialogs.append(dialog)
        return dialog

    monkeypatch.setattr(page, "_print_progress", shown_at_once)
    printed = page.print_document()
    assert printed is None  # printed at once: the preview showed these slips
    assert len(dialogs) == 1
    sent = len(PdfReader(printed_to).pages)
    assert 0 < sent < len(numbers)
    assert "dibatalkan" in page.status_label.text()
    assert f"{sent} halaman" in page.status_label.text()


# -- following the data ---------------------------------------------------------------------


def test_a_change_in_the_data_makes_the_preview_out_of_date(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    click(qtbot, page.preview_button)
    wait_idle(qtbot, page)
    assert page.preview_button.text().replace("&", "") == "Tampilkan pratinjau"
    change = Changes(kinds=frozenset({SCORES}), selection_id=context.selection_id)
    context.changes.changed.emit(change, None)
    assert page.preview_button.text().replace("&", "") == "Perbarui pratinjau"
    assert "Data berubah" in page.status_label.text()
    answer_save(monkeypatch, tmp_path / "baru.pdf")
    assert page.save_pdf() is not None  # drawn again before it is saved
    wait_idle(qtbot, page)
    assert (tmp_path / "baru.pdf").exists()
    assert page.preview_button.text().replace("&", "") == "Tampilkan pratinjau"


def test_an_assessor_prints_a_blank_sheet(
    qtbot: Any,
    open_page: Callable[..., FormsPage],
    demo: tuple[Database, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, selection_id = demo
    page = open_page(AppContext(database, ASSESSOR, selection_id))
    answer_save(monkeypatch, tmp_path / "blanko.pdf")
    page.save_pdf()
    wait_idle(qtbot, page)
    assert "BLANKO PENILAIAN" in pdf_text(tmp_path / "blanko.pdf")


def test_without_a_selection_the_page_says_so(
    qtbot: Any, open_page: Callable[..., FormsPage], demo: tuple[Database, int]
) -> None:
    database, _selection_id = demo
    page = open_page(AppContext(database, ADMIN, None))
    assert not page.preview_button.isEnabled()
    assert "Belum ada seleksi" in page.preview.placeholder.text()


def test_the_english_window_makes_indonesian_documents(
    qtbot: Any,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui.i18n import install_language, remove_translators

    install_language("en")
    try:
        page = FormsPage(context)
        qtbot.addWidget(page)
        page.show()
        assert page.kinds_box.title() == "Kind of form"
        assert page.kind_buttons[FormKind.SCORE_SHEET].text().replace("&", "") == "Score sheet"
        answer_save(monkeypatch, tmp_path / "blanko.pdf")
        page.save_pdf()
        wait_idle(qtbot, page)
        text = pdf_text(tmp_path / "blanko.pdf")
    finally:
        remove_translators()
    assert "BLANKO PENILAIAN" in text and "Rentang nilai" in text
    assert "SCORE SHEET" not in text
