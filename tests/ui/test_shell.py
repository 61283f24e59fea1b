"""The shell: first-run wizard, login, navigation by role, language switch, recent files.

Real widgets on real SQLite files; every message box and file chooser is answered by
monkeypatching ``Dialogs``; settings go to a per-test INI file, never the user's own.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget, QWizard

from app.messages import t
from app.services.actor import Actor
from app.services.database import Database
from app.services.document_settings import document_settings
from app.services.selections import list_selections
from app.services.users import add_user, authenticate, list_users
from app.ui import i18n, main_window
from app.ui.app import Launcher, create_application
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.first_run import FirstRunWizard
from app.ui.login import LoginDialog
from app.ui.main_window import ALL_ROLES, PAGES, MainWindow, page_class
from app.ui.recent import MAX_RECENT, DatabasePreferences, RecentFiles
from app.ui.settings_page import SettingsPage
from app.ui.workers import pending_tasks

PASSWORD = "rahasia-panitia"
LEFT = Qt.MouseButton.LeftButton


class StubPage(QWidget):
    """A page that counts how often the window asks it to refresh."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.refreshed = 0
        QVBoxLayout(self).addWidget(QLabel("stub"))

    def refresh(self) -> None:
        self.refreshed += 1


STUB_PAGES = [
    ("peringkat", QT_TRANSLATE_NOOP("MainWindow", "Peringkat"), StubPage, ALL_ROLES),
    ("skema", "Skema", StubPage, ("admin",)),
    ("nilai", "Nilai", StubPage, ("admin", "penilai")),
    ("pengaturan", QT_TRANSLATE_NOOP("MainWindow", "Pengaturan"), SettingsPage, ALL_ROLES),
]


@pytest.fixture(autouse=True)
def own_settings(qapp, tmp_path: Path) -> Iterator[None]:
    """QSettings in a throw-away INI file; no translator left installed after a test."""
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().clear()
    yield
    i18n.remove_translators()  # later tests, of other pages too, start untranslated


@pytest.fixture
def stub_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "PAGES", STUB_PAGES)


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every committed ``.ts`` compiled to ``.qm``, whether or not ``make translations`` ran."""
    folder = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for source in i18n.TRANSLATIONS_DIR.glob("*.ts"):
        target = folder / source.with_suffix(".qm").name
        subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(target)], check=True)
    return folder


def _window(qtbot, db: Database, actor: Actor, selection_id: int | None = None) -> MainWindow:
    window = MainWindow(AppContext(db, actor, selection_id))
    qtbot.addWidget(window)
    window.show()
    return window


# -- first run ------------------------------------------------------------------------------


def _fill_account_and_agency(qtbot, wizard: FirstRunWizard) -> None:
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username_edit, "ketua")
    qtbot.keyClicks(admin.full_name_edit, "Ketua Panitia")
    qtbot.keyClicks(admin.password_edit, PASSWORD)
    qtbot.keyClicks(admin.repeat_edit, PASSWORD)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    assert wizard.currentPage() is wizard.instansi_page
    qtbot.keyClicks(wizard.instansi_page.instansi_edit, "Pemerintah Kota Binjai")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    assert wizard.currentPage() is wizard.selection_page


def test_wizard_creates_admin_agency_and_selection(
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    image.save(str(logo))
    monkeypatch.setattr(Dialogs, "open_file", staticmethod(lambda *_args: logo))
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username_edit, "ketua")
    qtbot.keyClicks(admin.full_name_edit, "Ketua Panitia")
    qtbot.keyClicks(admin.password_edit, PASSWORD)
    qtbot.keyClicks(admin.repeat_edit, PASSWORD)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    page = wizard.instansi_page
    qtbot.keyClicks(page.instansi_edit, "Pemerintah Kota Binjai")
    qtbot.mouseClick(page.choose_button, LEFT)
    assert page.logo == logo
    assert page.preview.isVisible() and not page.preview.pixmap().isNull()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    selection_page = wizard.selection_page
    selection_page.scheme_box.setCurrentIndex(selection_page.scheme_box.findData("cpns-2024"))
    assert "SKD" in selection_page.scheme_note.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # a new selection needs a name
    qtbot.keyClicks(selection_page.name_edit, "Seleksi CPNS Kota Binjai 2025")
    qtbot.mouseClick(finish, LEFT)

    assert wizard.result() == QDialog.DialogCode.Accepted
    [user] = list_users(db)
    assert (user.username, user.full_name, user.role) == ("ketua", "Ketua Panitia", "admin")
    assert authenticate(db, "ketua", PASSWORD).role == "admin"
    with sqlite3.connect(db.path) as connection:
        [(stored,)] = connection.execute("SELECT password_hash FROM app_user").fetchall()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    [selection] = list_selections(db)
    assert (selection.name, selection.scheme_code) == ("Seleksi CPNS Kota Binjai 2025", "cpns-2024")
    assert selection.year == selection_page.year_box.value()
    assert selection.instansi == "Pemerintah Kota Binjai"
    result = wizard.result_info
    assert result is not None and result.selection == selection
    assert result.actor == Actor("ketua", "admin")
    preferences = DatabasePreferences(db.path)
    assert (preferences.instansi, preferences.logo) == ("Pemerintah Kota Binjai", logo)
    assert preferences.last_selection == selection.id
    # Issue #10 §6: the logo reaches the documents, not only this computer's preferences.
    assert document_settings(db, selection.id).logo == logo.read_bytes()


def test_wizard_demo_runs_in_the_background(qtbot, db: Database) -> None:
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_account_and_agency(qtbot, wizard)
    demo = wizard.selection_page.demo_radio
    qtbot.mouseClick(demo, LEFT, pos=QPoint(8, demo.height() // 2))  # on the indicator
    assert demo.isChecked()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    assert pending_tasks() == 1
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    wizard.reject()  # Esc while the demo is written: the file must stay open, so no
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: pending_tasks() == 0 and wizard.result_info is not None, timeout=20000)
    assert wizard.result() == QDialog.DialogCode.Accepted
    [selection] = list_selections(db)
    assert selection.participants == 600
    assert wizard.result_info.selection.id == selection.id


def test_wizard_refuses_short_or_mismatched_passwords(qtbot, db: Database) -> None:
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username_edit, "ketua panitia")  # the space is refused as typed
    assert admin.username_edit.text() == "ketuapanitia"
    qtbot.keyClicks(admin.password_edit, "pendek")
    qtbot.keyClicks(admin.repeat_edit, "pendek")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, LEFT)
    assert wizard.currentPage() is admin
    assert "minimal 8" in admin.error_label.text()
    admin.password_edit.clear()
    qtbot.keyClicks(admin.password_edit, PASSWORD)
    qtbot.keyClicks(admin.repeat_edit, "lain-sekali")
    qtbot.mouseClick(next_button, LEFT)
    assert wizard.currentPage() is admin
    assert admin.error_label.text() == "Kedua kata sandi tidak sama."
    wizard.reject()
    assert list_users(db) == []  # cancelling writes nothing


# -- login ----------------------------------------------------------------------------------


def test_login_refuses_a_wrong_password_and_accepts_the_right_one(
    qtbot, db: Database, actor: Actor
) -> None:
    add_user(db, actor, "operator1", "operator", PASSWORD, "Operator Satu")
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.user_edit, "operator1")
    qtbot.keyClicks(dialog.password_edit, "salah-sandi")
    qtbot.mouseClick(dialog.login_button, LEFT)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message_label.isVisible()
    assert dialog.message_label.text() == (
        "Nama pengguna atau kata sandi salah (setelah lima kali salah, akun dikunci 5 menit)"
    )
    assert dialog.password_edit.text() == ""
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None
    assert (dialog.user.username, dialog.user.role) == ("operator1", "operator")


# -- window ---------------------------------------------------------------------------------


def test_navigation_hides_pages_the_role_may_not_open(
    qtbot, db: Database, actor: Actor, stub_pages: None
) -> None:
    add_user(db, actor, "budi", "penilai", PASSWORD, "Budi Santoso")
    assessor = _window(qtbot, db, Actor("budi", "penilai"))
    assert assessor.nav_keys() == ["peringkat", "nilai", "pengaturan"]
    assert assessor.user_label.text() == "Budi Santoso (Penilai)"
    operator = _window(qtbot, db, Actor("ani", "operator"))
    assert operator.nav_keys() == ["peringkat", "pengaturan"]
    assert operator.user_label.text() == "ani (Operator)"
    admin = _window(qtbot, db, Actor("ketua", "admin"))
    assert admin.nav_keys() == ["peringkat", "skema", "nilai", "pengaturan"]
    assert [a.text() for a in admin.page_actions] == admin.nav_texts()


def test_selection_switcher_title_and_reload(
    qtbot, db: Database, make_selection, stub_pages: None
) -> None:
    first = make_selection("cpns-2024", "Seleksi CPNS 2024")
    second = make_selection("binjai-kompetensi", "Seleksi Kompetensi 2025", 2025)
    window = _window(qtbot, db, Actor("ketua", "admin"))
    assert window.context.selection_id == second.id  # the newest
    assert window.windowTitle() == f"Seleksi ASN — Seleksi Kompetensi 2025 — {db.path.name}"
    assert window.selection_box.currentText() == "Seleksi Kompetensi 2025 (2025)"
    assert "0 peserta" in window.summary_label.text()
    switched: list[object] = []
    window.context.changes.selection_switched.connect(switched.append)
    window.selection_box.setCurrentIndex(window.selection_box.findData(first.id))
    assert switched == [first.id]
    assert window.context.selection_id == first.id
    assert window.windowTitle() == f"Seleksi ASN — Seleksi CPNS 2024 — {db.path.name}"
    # A page elsewhere switches the selection: the switcher follows without switching again.
    window.context.switch_selection(second.id)
    assert switched == [first.id, second.id]
    assert window.selection_box.currentData() == second.id
    # The choice is remembered for the next start.
    assert DatabasePreferences(db.path).last_selection == second.id
    again = _window(qtbot, db, Actor("ketua", "admin"))
    assert again.context.selection_id == second.id
    # F5 reloads the page on screen, and only when asked.
    rankings = window.page("peringkat")
    assert isinstance(rankings, StubPage) and rankings.refreshed == 0
    assert window.reload_action.shortcut().toString() == "F5"
    window.reload_action.trigger()
    assert rankings.refreshed == 1


def test_empty_database_says_so(qtbot, db: Database, stub_pages: None) -> None:
    window = _window(qtbot, db, Actor("ketua", "admin"))
    assert window.context.selection_id is None
    assert not window.selection_box.isEnabled()
    assert window.windowTitle() == f"Seleksi ASN — (belum ada seleksi) — {db.path.name}"
    assert window.summary_label.text() == "Berkas ini belum berisi seleksi."


def test_language_switch_retranslates_the_open_window(
    qtbot,
    db: Database,
    compiled_translations: Path,
    monkeypatch: pytest.MonkeyPatch,
    stub_pages: None,
) -> None:
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", compiled_translations)
    window = _window(qtbot, db, Actor("ketua", "admin"))
    assert window.nav_texts()[0] == "Peringkat"
    assert window.file_menu.title() == "&Berkas"
    stub_before = window.page("peringkat")
    settings = window.show_page("pengaturan")
    assert isinstance(settings, SettingsPage)
    assert settings.language_group.title() == "Bahasa antarmuka"
    settings.language_box.setCurrentIndex(settings.language_box.findData("en"))
    qtbot.waitUntil(lambda: window.nav_texts()[0] == "Rankings")
    assert window.nav_texts()[-1] == "Settings"
    assert window.file_menu.title() == "&File"
    assert settings.language_group.title() == "Interface language"
    assert window.user_label.text() == "ketua (Administrator)"
    assert QSettings().value(i18n.SETTINGS_KEY) == "en"
    assert i18n.saved_language() == "en"
    # The page that cannot retranslate itself is rebuilt on its next visit; Settings stays.
    qtbot.waitUntil(lambda: window.page("peringkat") is None)
    assert window.page("pengaturan") is settings
    rebuilt = window.show_page("peringkat")
    assert isinstance(rebuilt, StubPage) and rebuilt is not stub_before
    # Services' messages and Qt's own buttons follow the interface.
    assert t("user.bad_login", minutes=5).startswith("wrong user name or password")
    assert _cancel_text() == "Cancel"
    settings.language_box.setCurrentIndex(settings.language_box.findData("id"))
    qtbot.waitUntil(lambda: window.nav_texts()[0] == "Peringkat")
    assert window.file_menu.title() == "&Berkas"
    assert t("user.bad_login", minutes=5).startswith("nama pengguna atau kata sandi salah")
    assert _cancel_text() == "Batal"  # Qt has no Indonesian; qtbase_id.ts is ours


def _cancel_text() -> str:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return buttons.buttons()[0].text()


def test_every_registered_page_can_be_imported() -> None:
    for key, title, factory, roles in PAGES:
        assert key and title and set(roles) <= set(ALL_ROLES)
        target = getattr(factory, "target", None)
        assert target, f"{key}: register pages with page_class('module:Class')"
        module, _, name = target.partition(":")
        page_type = getattr(__import__(module, fromlist=[name]), name)
        assert callable(getattr(page_type, "refresh", None)), f"{key}: refresh() missing"


def test_page_class_imports_only_when_built(db: Database, qtbot) -> None:
    factory = page_class("app.ui.settings_page:SettingsPage")
    page = factory(AppContext(db, Actor("ketua", "admin")))
    qtbot.addWidget(page)
    assert isinstance(page, SettingsPage)
    assert page.path_value.text() == str(db.path)


# -- files ----------------------------------------------------------------------------------


def test_recent_files_keep_the_newest_eight_without_duplicates(tmp_path: Path) -> None:
    recent = RecentFiles()
    paths = [tmp_path / f"seleksi-{n}.db" for n in range(10)]
    for path in paths:
        recent.add(path)
    recent.add(paths[5])
    listed = recent.paths()
    assert len(listed) == MAX_RECENT
    assert listed[0] == paths[5].resolve()
    assert listed[1] == paths[9].resolve()
    assert paths[0].resolve() not in listed and paths[1].resolve() not in listed
    assert len(set(listed)) == MAX_RECENT
    recent.remove(paths[9])
    assert paths[9].resolve() not in RecentFiles().paths()  # kept in QSettings
    recent.clear()
    assert RecentFiles().paths() == []


def test_recent_menu_opens_a_file_and_drops_a_vanished_one(
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stub_pages: None
) -> None:
    other = tmp_path / "lain.db"
    other.write_bytes(b"")
    gone = tmp_path / "hilang.db"
    recent = RecentFiles()
    for path in (gone, other, db.path):
        recent.add(path)
    errors: list[str] = []
    monkeypatch.setattr(Dialogs, "error", staticmethod(lambda _p, title, *_a: errors.append(title)))
    window = _window(qtbot, db, Actor("ketua", "admin"))
    window.recent_menu.aboutToShow.emit()
    actions = [a for a in window.recent_menu.actions() if a.text().startswith("&")]
    assert [a.statusTip() for a in actions[:3]] == [
        str(db.path.resolve()),
        str(other.resolve()),
        str(gone.resolve()),
    ]
    assert not actions[0].isEnabled()  # the file already open
    with qtbot.waitSignal(window.open_requested) as opened:
        actions[1].trigger()
    assert opened.args == [other.resolve()]
    actions[2].trigger()
    assert errors == ["Berkas tidak ditemukan"]
    assert gone.resolve() not in RecentFiles().paths()


def test_launcher_offers_another_file_when_one_is_refused(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stub_pages: None
) -> None:
    bad = tmp_path / "bukan.db"
    bad.write_text("ini bukan basis data", encoding="utf-8")
    good = tmp_path / "baik.db"
    errors: list[str] = []
    monkeypatch.setattr(
        Dialogs, "error", staticmethod(lambda _p, _t, text, *_a: errors.append(text))
    )
    monkeypatch.setattr(Dialogs, "open_file", staticmethod(lambda *_args: good))
    launcher = Launcher()
    assert launcher.start(bad, actor=Actor("ketua", "admin")) == "open"
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert len(errors) == 1 and "bukan.db" in errors[0]
    assert launcher.window.context.database.path == good
    assert RecentFiles().paths() == [good.resolve()]
    # "New" on a file that holds data refuses, and the window stays.
    window = launcher.window
    assert launcher.open_file(good, new=True) is False
    assert launcher.window is window
    assert "sudah ada" in errors[-1]
    launcher.close()


def test_menu_new_and_open_ask_the_launcher(
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stub_pages: None
) -> None:
    window = _window(qtbot, db, Actor("ketua", "admin"))
    monkeypatch.setattr(Dialogs, "save_file", staticmethod(lambda *_a: tmp_path / "baru"))
    with qtbot.waitSignal(window.new_requested) as made:
        window.new_action.trigger()
    assert made.args == [tmp_path / "baru.db"]
    monkeypatch.setattr(Dialogs, "open_file", staticmethod(lambda *_a: tmp_path / "ada.db"))
    with qtbot.waitSignal(window.open_requested) as opened:
        window.open_action.trigger()
    assert opened.args == [tmp_path / "ada.db"]


def test_f1_opens_the_manual_with_its_pictures(qtbot, db: Database, stub_pages: None) -> None:
    """Issue #10 §4: a manual in Indonesian inside the app, the selection day with screenshots."""
    from PySide6.QtGui import QTextDocument

    from app.ui.manual import MANUAL_DIR, ManualDialog

    window = _window(qtbot, db, Actor("ketua", "admin"))
    assert window.manual_action.shortcut().toString() == "F1"
    assert window.manual_action.text() == "&Panduan"
    window.manual_action.trigger()
    [manual] = [w for w in window.findChildren(ManualDialog) if w.isVisible()]
    text = manual.browser.toPlainText()
    assert text.startswith("Panduan Seleksi ASN")
    for step in ("Memulai", "Entri nilai", "Peringkat dan finalisasi", "Pengumuman"):
        assert step in text
    document = manual.browser.document()
    pictures = [
        name
        for name in ("nilai.png", "peringkat.png", "pengumuman.png")
        if not document.resource(QTextDocument.ResourceType.ImageResource, name).isNull()
    ]
    assert pictures == ["nilai.png", "peringkat.png", "pengumuman.png"]
    manual.load("en")
    assert manual.browser.toPlainText().startswith("Seleksi ASN manual")
    assert (MANUAL_DIR / "panduan.en.md").exists()
