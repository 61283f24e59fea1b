"""The Paket page and the field-laptop dialogs (issue #12 §1), on real files: a main laptop's
database, field laptops prepared from it through the dialog, packages exported through a
field laptop's window and merged back through the preview, and a conflict decided on the
Verifikasi page. What reached each file is read back with plain SQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool

from app.services.actor import Actor
from app.services.database import Database
from app.services.devices import list_devices, prepare_laptop
from app.services.opening import open_database
from app.services.packages import export_package
from app.services.participants_import import import_formations, import_participants
from app.services.schemes import load_preset_or_file
from app.services.score_entry import save_score
from app.services.selections import create_selection
from app.ui import package_dialogs
from app.ui.app import create_application
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.main_window import MainWindow
from app.ui.package_dialogs import ImportPreviewDialog, PrepareLaptopDialog, file_stem
from app.ui.pages.packages import COL_LAST, COL_SUMMARY, PackagesPage
from app.ui.pages.review import HIDDEN, ReviewPage
from app.ui.workers import pending_tasks

ADMIN = Actor("ketua", "admin")
RINA = Actor("rina", "operator")
ANDI = Actor("andi", "operator")
TIMEOUT_MS = 10_000
ASPECTS = ("TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI")
FORMATIONS = [
    ["A1", "Perawat Terampil", "RSUD Djoelham", "D-3 Keperawatan", 1],
    ["B1", "Guru Ahli Pertama", "Dinas Pendidikan", "S-1 Pendidikan", 2],
]
PEOPLE = [
    [f"24{i:03d}", f"Peserta {i}", "1995-01-01", "A1" if i < 4 else "B1"] for i in range(1, 8)
]


@pytest.fixture(autouse=True)
def own_settings(qapp: Any, tmp_path: Path) -> Iterator[None]:
    """The window remembers things in QSettings: keep them in a throw-away INI file."""
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


@pytest.fixture
def main(tmp_path: Path, write_csv: Callable[..., Path]) -> tuple[Database, int]:
    """The secretary's laptop: Binjai with two formations and seven participants, no scores."""
    db = open_database(tmp_path / "utama.db")
    info = create_selection(
        db, ADMIN, load_preset_or_file("binjai-kompetensi"), "Seleksi uji", 2024, "Kota Binjai"
    )
    header = ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"]
    import_formations(db, ADMIN, info.id, write_csv(tmp_path / "formasi.csv", header, FORMATIONS))
    people = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"]
    import_participants(db, ADMIN, info.id, write_csv(tmp_path / "peserta.csv", people, PEOPLE))
    return db, info.id


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list[Any]]:
    """Message boxes recorded instead of shown; file choosers answer from ``answers``."""
    said: dict[str, list[Any]] = {"info": [], "error": [], "save": [], "open": []}
    monkeypatch.setattr(
        Dialogs, "info", staticmethod(lambda _p, title, text: said["info"].append((title, text)))
    )
    monkeypatch.setattr(
        Dialogs, "error", staticmethod(lambda _p, title, text, *_a: said["error"].append(text))
    )

    def save_file(_parent: Any, title: str, filters: str, suggested: str = "") -> Path | None:
        said["save"].append((title, filters, suggested))
        return said["save_answer"].pop(0) if said.get("save_answer") else None

    def open_file(_parent: Any, title: str, filters: str) -> Path | None:
        said["open"].append((title, filters))
        return said["open_answer"].pop(0)

    monkeypatch.setattr(Dialogs, "save_file", staticmethod(save_file))
    monkeypatch.setattr(Dialogs, "open_file", staticmethod(open_file))
    # Files are proposed next to the test, not on whatever disk the machine has plugged in.
    monkeypatch.setattr(package_dialogs, "suggested_folder", lambda: tmp_path)
    monkeypatch.setattr("app.ui.pages.packages.suggested_folder", lambda: tmp_path)
    return said


def idle() -> bool:
    return pending_tasks() == 0 and QThreadPool.globalInstance().activeThreadCount() == 0


def open_page(qtbot: Any, db: Database, sid: int, actor: Actor = ADMIN) -> PackagesPage:
    page = PackagesPage(AppContext(db, actor, sid))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitUntil(lambda: idle() and (page.loaded or page.field is not None), timeout=TIMEOUT_MS)
    return page


def cells(page: PackagesPage, row: int) -> list[str]:
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def check(widget: Any, code: str) -> None:
    for row in range(widget.count()):
        item = widget.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(code)


def practical(db: Database, actor: Actor, sid: int, number: str, base: int) -> None:
    for offset, aspect in enumerate(ASPECTS):
        save_score(
            db, actor, sid, number, "PRAKTIK", str(base + offset), assessor="Budi", aspect=aspect
        )


def practical_scores(db: Database, number: str) -> list[tuple[str, int, str]]:
    with sqlite3.connect(db.path) as connection:
        return connection.execute(
            "SELECT s.aspect, s.value_milli, s.entered_by FROM score s"
            " JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id"
            " WHERE p.number = ? AND c.code = 'PRAKTIK' ORDER BY s.aspect",
            (number,),
        ).fetchall()


def test_file_names_follow_the_laptop_name() -> None:
    assert file_stem(" Ruang 2 ") == "ruang-2"
    assert file_stem("Lab. Komputer / B") == "lab-komputer-b"
    assert file_stem("***") == "laptop-lapangan"


def test_a_laptop_is_prepared_through_the_dialog_and_listed(
    qtbot: Any, main: tuple[Database, int], tmp_path: Path, answers: dict[str, list[Any]]
) -> None:
    db, sid = main
    page = open_page(qtbot, db, sid)
    assert page.prepare_button.isVisible() and page.import_button.isVisible()
    assert not page.export_button.isVisible()
    assert page.empty_label.isVisible() and not page.table.isVisible()

    dialog = page.open_prepare_dialog()
    assert isinstance(dialog, PrepareLaptopDialog)
    assert not dialog.ok_button.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name_edit, "Ruang 2")
    assert dialog.file_edit.text() == str(tmp_path / "ruang-2.db")
    check(dialog.formation_list, "A1")
    check(dialog.component_list, "PRAKTIK")
    # Chosen by hand, without the suffix: the suffix is added and the name no longer moves it.
    answers["save_answer"] = [tmp_path / "ruang2"]
    dialog.choose_file()
    assert answers["save"][-1][2] == str(tmp_path / "ruang-2.db")
    assert dialog.file_edit.text() == str(tmp_path / "ruang2.db")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.device is not None and idle(), timeout=TIMEOUT_MS)

    (device,) = list_devices(db, sid)
    assert (device.name, device.formations, device.components) == ("Ruang 2", ("A1",), ("PRAKTIK",))
    assert dialog.fingerprint_label.text() == device.fingerprint
    assert str(tmp_path / "ruang2.db") in dialog.result_label.text()
    assert not dialog.ok_button.isVisible() and dialog.cancel_button.text() == "Tutup"
    with sqlite3.connect(tmp_path / "ruang2.db") as connection:
        assert connection.execute("SELECT name FROM device_self").fetchone() == ("Ruang 2",)
        numbers = [r[0] for r in connection.execute("SELECT number FROM participant ORDER BY 1")]
    assert numbers == ["24001", "24002", "24003"]
    # The page follows the broadcast of the write.
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and idle(), timeout=TIMEOUT_MS)
    assert cells(page, 0) == [
        "Ruang 2", "A1", "PRAKTIK", "3", device.fingerprint, "belum ada paket", "0", "—",
    ]  # fmt: skip
    dialog.accept()  # Tutup

    # A refused name is said inside the dialog, which keeps what was typed; cancelled, the
    # dialog comes back as it was left.
    again = page.open_prepare_dialog()
    assert again is not None and again is not dialog
    qtbot.keyClicks(again.name_edit, "Ruang  2")
    again.accept()
    qtbot.waitUntil(lambda: again.error_label.isVisible() and idle(), timeout=TIMEOUT_MS)
    assert "Ruang 2" in again.error_label.text() and again.isVisible()
    assert not (tmp_path / "ruang-2.db").exists()
    again.reject()
    assert page.open_prepare_dialog() is again and again.name_edit.text() == "Ruang  2"
    again.reject()
    assert len(list_devices(db, sid)) == 1


def test_a_package_travels_from_the_field_window_to_the_main_one_and_its_conflict_is_decided(
    qtbot: Any, main: tuple[Database, int], tmp_path: Path, answers: dict[str, list[Any]]
) -> None:
    db, sid = main
    for name in ("Ruang 2", "Ruang 3"):
        prepare_laptop(db, ADMIN, sid, tmp_path / f"{file_stem(name)}.db", name, formations=["A1"])
    ruang2, ruang3 = open_database(tmp_path / "ruang-2.db"), open_database(tmp_path / "ruang-3.db")
    practical(ruang2, RINA, sid, "24001", 60)
    practical(ruang2, RINA, sid, "24002", 70)
    practical(ruang3, ANDI, sid, "24001", 60)
    save_score(ruang3, ANDI, sid, "24001", "PRAKTIK", "99", assessor="Budi", aspect="SIKAP",
               reason="nilai dari lembar")  # fmt: skip
    export_package(ruang3, ANDI, tmp_path / "ruang-3.paket")

    # The field laptop's window: it knows which laptop it is, and offers only the export.
    field_window = MainWindow(AppContext(ruang2, RINA))
    qtbot.addWidget(field_window)
    field_window.show()
    assert field_window.export_package_action.isVisible()
    assert not field_window.prepare_laptop_action.isVisible()
    assert not field_window.import_package_action.isVisible()
    out = tmp_path / "dari-ruang-2.paket"
    answers["save_answer"] = [out.with_suffix("")]
    field_window.export_package_action.trigger()
    field_page = field_window.page("paket")
    assert isinstance(field_page, PackagesPage) and field_page.isVisible()
    qtbot.waitUntil(lambda: field_page.last_export is not None and idle(), timeout=TIMEOUT_MS)
    assert field_page.identity_label.text().startswith("Laptop ini: Ruang 2, disiapkan ")
    assert "formasi A1, komponen semua." in field_page.identity_label.text()
    assert not field_page.prepare_button.isVisible() and not field_page.import_button.isVisible()
    assert answers["save"][-1][2].endswith(".paket")
    assert Path(answers["save"][-1][2]).name.startswith("ruang-2-")
    info = field_page.last_export
    assert info is not None and out.exists() and info.path == out
    assert (info.rows, info.drafts, info.marks) == (2, 0, 0)
    (title, text) = answers["info"][-1]
    assert title == "Ekspor paket" and info.sha256 in text and "2 baris nilai" in text
    field_window.close()

    # The main window: Berkas › Impor paket…, the preview, Gabungkan.
    window = MainWindow(AppContext(db, ADMIN, sid))
    qtbot.addWidget(window)
    window.show()
    assert window.prepare_laptop_action.isVisible() and window.import_package_action.isVisible()
    assert not window.export_package_action.isVisible()
    answers["open_answer"] = [out]
    window.import_package_action.trigger()
    page = window.page("paket")
    assert isinstance(page, PackagesPage)
    qtbot.waitUntil(lambda: page.preview_dialog is not None and idle(), timeout=TIMEOUT_MS)
    preview = page.preview_dialog
    assert isinstance(preview, ImportPreviewDialog) and preview.merge_button is not None
    counts = {key: label.text() for key, label in preview.count_labels.items()}
    assert counts == {
        "added": "2", "replaced": "0", "conflicts": "0", "unchanged": "0", "marks_added": "0",
        "drafts_added": "0", "events": str(info.events),
    }  # fmt: skip
    assert practical_scores(db, "24001") == []  # a preview writes nothing
    preview.merge_button.click()
    qtbot.waitUntil(lambda: preview.merged_plan is not None and idle(), timeout=TIMEOUT_MS)
    assert [v for _a, v, _b in practical_scores(db, "24002")] == [71000, 73000, 72000, 70000]
    assert {b for _a, _v, b in practical_scores(db, "24002")} == {"rina"}
    qtbot.waitUntil(
        lambda: page.table.rowCount() == 2 and "(ketua)" in cells(page, 0)[COL_LAST],
        timeout=TIMEOUT_MS,
    )
    assert cells(page, 0)[0] == "Ruang 2" and cells(page, 0)[COL_LAST].startswith("#")
    assert cells(page, 0)[COL_SUMMARY] == "2 nilai baru · 0 berselisih"
    assert cells(page, 1)[COL_LAST] == "belum ada paket"

    # The same package again: it says so and offers no merge.
    answers["open_answer"] = [out]
    page.choose_package()
    qtbot.waitUntil(lambda: page.preview_dialog is not preview and idle(), timeout=TIMEOUT_MS)
    same = page.preview_dialog
    assert same is not None and same.merge_button is None
    assert "sudah ada di laptop utama" in same.status_label.text()
    same.reject()

    # Ruang 3 disagrees on 24001: held, listed in the preview.
    answers["open_answer"] = [tmp_path / "ruang-3.paket"]
    page.choose_package()
    qtbot.waitUntil(lambda: page.preview_dialog is not same and idle(), timeout=TIMEOUT_MS)
    held = page.preview_dialog
    assert held is not None and held.merge_button is not None
    assert held.count_labels["conflicts"].text() == "1"
    assert held.conflict_table is not None
    assert [held.conflict_table.item(0, c).text() for c in range(3)] == ["24001", "PRAKTIK", "Budi"]
    held.merge_button.click()
    qtbot.waitUntil(lambda: held.merged_plan is not None and idle(), timeout=TIMEOUT_MS)
    assert practical_scores(db, "24001") == []  # nobody's value until an admin decides
    qtbot.waitUntil(
        lambda: cells(page, 1)[COL_SUMMARY] == "0 nilai baru · 1 berselisih", timeout=TIMEOUT_MS
    )
    window.close()

    # Verifikasi: an operator sees that the laptops disagree, not their values.
    clerk_review = ReviewPage(AppContext(db, RINA, sid))
    qtbot.addWidget(clerk_review)
    clerk_review.show()
    qtbot.waitUntil(lambda: clerk_review.data is not None and idle(), timeout=TIMEOUT_MS)
    (row,) = clerk_review.conflict_model.rows
    assert row[:5] == ("24001", "Peserta 1", "PRAKTIK", "Budi", HIDDEN)
    assert row[5] == f"Ruang 2: {HIDDEN} (rina) · Ruang 3: {HIDDEN} (andi)"
    assert not clerk_review.conflict_button.isVisible()

    # The admin decides for Ruang 2's sheet.
    review = ReviewPage(AppContext(db, ADMIN, sid))
    qtbot.addWidget(review)
    review.show()
    qtbot.waitUntil(lambda: review.data is not None and idle(), timeout=TIMEOUT_MS)
    (row,) = review.conflict_model.rows
    assert row[5] == (
        "Ruang 2: KETEPATAN 61; KOMUNIKASI 63; SIKAP 62; TEKNIS 60 (rina) · "
        "Ruang 3: KETEPATAN 61; KOMUNIKASI 63; SIKAP 99; TEKNIS 60 (andi)"
    )
    assert "1 selisih antar-laptop" in review.summary_label.text()
    assert not review.conflict_button.isEnabled()
    review.select_conflict(0)
    dialog = review.open_conflict_dialog()
    assert dialog is not None and len(dialog.claim_buttons) == 2
    assert dialog.claim_buttons[0].text().startswith("Ruang 2: KETEPATAN 61;")
    dialog.claim_buttons[0].click()
    assert not dialog.ok_button.isEnabled()  # a reason is required
    dialog.reason_edit.setText("lembar asli diperiksa")
    dialog.ok_button.click()
    assert dialog.saved is not None
    assert practical_scores(db, "24001") == [
        ("KETEPATAN", 61000, "rina"), ("KOMUNIKASI", 63000, "rina"),
        ("SIKAP", 62000, "rina"), ("TEKNIS", 60000, "rina"),
    ]  # fmt: skip
    with sqlite3.connect(db.path) as connection:
        event = connection.execute(
            "SELECT actor, participant, reason FROM audit_event WHERE action = 'package.resolved'"
        ).fetchall()
    assert event == [("ketua", "24001", "lembar asli diperiksa")]
    qtbot.waitUntil(lambda: not review.conflict_model.rows and idle(), timeout=TIMEOUT_MS)
    assert review.message_label.text() == "Diputuskan: 24001 Budi PRAKTIK = nilai Ruang 2."


def test_a_refused_package_is_said_in_words(
    qtbot: Any, main: tuple[Database, int], tmp_path: Path, answers: dict[str, list[Any]]
) -> None:
    db, sid = main
    page = open_page(qtbot, db, sid)
    bad = tmp_path / "bukan.paket"
    bad.write_text("nomor_peserta\n24001\n", encoding="utf-8")
    answers["open_answer"] = [bad]
    page.choose_package()
    qtbot.waitUntil(lambda: bool(answers["error"]) and idle(), timeout=TIMEOUT_MS)
    assert page.preview_dialog is None
    assert (
        answers["error"][-1] == page.status_label.text()
        and "bukan.paket" in page.status_label.text()
    )
    assert answers["open"][-1][1] == "Paket laptop (*.paket)"


def test_corrections_and_marks_travel_back_to_a_field_laptop_from_the_window(
    qtbot: Any,
    main: tuple[Database, int],
    tmp_path: Path,
    answers: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services.marks import mark_participant

    db, sid = main
    prepare_laptop(db, ADMIN, sid, tmp_path / "ruang-2.db", "Ruang 2", formations=["A1"])
    mark_participant(db, ADMIN, sid, PEOPLE[0][0], "APS", "mengundurkan diri")
    page = open_page(qtbot, db, sid)
    assert page.send_button.isVisible() and not page.send_button.isEnabled()
    page.table.selectRow(0)
    assert page.send_button.isEnabled()
    back = tmp_path / "untuk-ruang-2.paket"
    answers["save_answer"] = [back]
    page.send_to_laptop()
    qtbot.waitUntil(lambda: bool(answers["info"]) and idle(), timeout=TIMEOUT_MS)
    assert back.exists() and "untuk-ruang-2-" in answers["save"][-1][2]
    assert "1 tanda" in answers["info"][-1][1]

    field = open_database(tmp_path / "ruang-2.db")
    field_page = open_page(qtbot, field, sid, Actor("rina", "operator"))
    assert field_page.receive_button.isVisible() and not field_page.send_button.isVisible()
    asked: list[str] = []
    monkeypatch.setattr(
        Dialogs, "confirm", staticmethod(lambda _p, _t, text: asked.append(text) or True)
    )
    answers["open_answer"] = [back]
    field_page.receive_from_main()
    qtbot.waitUntil(lambda: field_page.last_received is not None and idle(), timeout=TIMEOUT_MS)
    assert "1 tanda baru" in asked[-1] and "tidak disentuh" in asked[-1]
    with sqlite3.connect(field.path) as connection:
        marks = connection.execute(
            "SELECT p.number, m.kind FROM participant_mark m"
            " JOIN participant p ON p.id = m.participant_id"
        ).fetchall()
    assert marks == [(PEOPLE[0][0], "APS")]
    # The same package again: said, nothing asked, nothing changed.
    answers["open_answer"] = [back]
    field_page.receive_from_main()
    qtbot.waitUntil(lambda: len(answers["info"]) == 2 and idle(), timeout=TIMEOUT_MS)
    assert "sudah diterima" in answers["info"][-1][1] and len(asked) == 1
