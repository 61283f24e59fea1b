"""The window on a LAN server (issue #12 §2), against the suite's real PostgreSQL: the connect
dialog and the login lead to the server database's window; a refusal says what to check and
keeps the form; a score saved on one window reaches another window's open ranking; the
Cadangan page writes a SQLite copy that opens as a file with the same participants.

Each test gets a database of its own on the server (``server_db``). The dialogs' ``exec`` are
answered by typing into the real dialogs and pressing their buttons; the suite's server trusts
its one role, so any password typed is accepted (and must then appear nowhere).
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from argon2 import PasswordHasher
from PySide6.QtCore import QSettings

from app.services import users
from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.services.opening import open_database, server_revision
from app.services.participants import list_participants
from app.services.ranking import compute_ranking
from app.services.score_entry import save_score
from app.services.selections import SelectionInfo
from app.services.users import add_user
from app.ui.app import Launcher, create_application
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.location import ServerAddress
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.pages.backups import BackupsPage
from app.ui.pages.rankings import RankingsPage
from app.ui.recent import RecentFiles
from app.ui.server_dialog import LAST_SERVER_KEY, ServerDialog
from app.ui.settings_page import SettingsPage
from app.ui.watcher import FileWatcher

ADMIN = Actor("ketua", "admin")
PG_PASSWORD = "sandi-pg-rahasia"
TIMEOUT_MS = 20_000


@pytest.fixture(autouse=True)
def own_settings(qapp, tmp_path: Path) -> Iterator[Path]:
    """QSettings in a throw-away INI file (the test reads it for a stray password)."""
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().clear()
    yield tmp_path


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def server(server_db: str) -> Iterator[tuple[Database, SelectionInfo]]:
    """The server database with the demo selection (30 participants) and ketua (admin)."""
    database = open_database(server_db)
    selection = create_demo(database, ADMIN, "binjai-kompetensi", participants=30, seed=3)
    add_user(database, ADMIN, "ketua", "admin", "rahasia-ketua", "Ketua Panitia")
    yield database, selection
    database.close()


def _type_address(dialog: ServerDialog, url: str, password: str = "") -> None:
    address = ServerAddress.from_url(url)
    dialog.host_edit.setText(address.host)
    dialog.port_box.setValue(address.port)
    dialog.database_edit.setText(address.dbname)
    dialog.user_edit.setText(address.user)
    dialog.password_edit.setText(password)


def _settled(qtbot: Any, dialog: ServerDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT_MS)


def _free_port() -> int:
    """A port of this machine nothing listens on (taken and given back at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- the connect dialog and the launcher ----------------------------------------------------


def test_connecting_opens_the_server_databases_window_and_keeps_no_password(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    server: tuple[Database, SelectionInfo],
    server_db: str,
    own_settings: Path,
) -> None:
    _database, selection = server
    address = ServerAddress.from_url(server_db)

    def connect(dialog: ServerDialog) -> int:
        _type_address(dialog, server_db, PG_PASSWORD)
        dialog.connect_button.click()
        _settled(qtbot, dialog)
        return dialog.result()

    def login(dialog: LoginDialog) -> int:
        # The login names the server database, never with its password.
        where = f"server {address.host}:{address.port}/{address.dbname}"
        assert dialog.database_label.text() == f"Basis data: {where}"
        assert dialog.database_label.toolTip() == f"{where} (pengguna {address.user})"
        dialog.user_edit.setText("ketua")
        dialog.password_edit.setText("rahasia-ketua")
        dialog.login_button.click()
        return dialog.result()

    monkeypatch.setattr(ServerDialog, "exec", connect)
    monkeypatch.setattr(LoginDialog, "exec", login)
    launcher = Launcher()
    try:
        assert launcher.connect_server() is True
        window = launcher.window
        assert window is not None
        qtbot.addWidget(window)
        where = f"server {address.host}:{address.port}/{address.dbname}"
        assert window.windowTitle() == f"Seleksi ASN — {selection.name} — {where}"
        assert window.selection_box.count() == 1
        assert window.selection_box.currentData() == selection.id
        assert window.summary_label.text().endswith(" · 30 peserta")
        assert (window.context.actor.name, window.context.actor.role) == ("ketua", "admin")
        # Remembered for the next time, without the password.
        public = f"postgresql://{address.user}@{address.host}:{address.port}/{address.dbname}"
        assert RecentFiles().paths() == [public]
        assert QSettings().value(LAST_SERVER_KEY) == public
        window.recent_menu.aboutToShow.emit()
        entry = next(a for a in window.recent_menu.actions() if a.text().startswith("&1"))
        assert entry.text() == f"&1  {where}  —  pengguna {address.user}"
        assert not entry.isEnabled()  # the database already open
        # A field laptop is prepared from a server too (from its SQLite copy).
        assert window.prepare_laptop_action.isEnabled()
        QSettings().sync()
        stored = "".join(p.read_text(encoding="utf-8") for p in own_settings.rglob("*.ini"))
        shown = [window.windowTitle(), window.summary_label.text(), window.user_label.text()]
        assert PG_PASSWORD not in stored and not any(PG_PASSWORD in text for text in shown)
    finally:
        window = launcher.window
        if window is not None and shiboken6.isValid(window):
            window.close()
        launcher.close()


def test_a_refused_connection_says_what_to_check_and_keeps_the_form(
    qtbot: Any, server_db: str, pg_url: str
) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    address = ServerAddress.from_url(server_db)
    missing = pg_url.rsplit("/", 1)[0] + "/belum_dibuat"
    _type_address(dialog, missing, PG_PASSWORD)
    dialog.connect_button.click()
    _settled(qtbot, dialog)
    assert dialog.opened is None and dialog.result() == 0
    message = dialog.message_label.text()
    assert message.startswith(
        f"Basis data belum_dibuat tidak ada di server {address.host}:{address.port}."
    )
    assert "Keterangan teknis:" in message and PG_PASSWORD not in message
    assert dialog.address() == ServerAddress(address.host, address.port, "belum_dibuat", "seleksi")
    assert dialog.password_edit.text() == PG_PASSWORD  # nothing typed is lost
    # Nobody listens on that port: the server "does not answer", the address is to check.
    port = _free_port()
    dialog.port_box.setValue(port)
    dialog.connect_button.click()
    _settled(qtbot, dialog)
    assert dialog.message_label.text().startswith(
        f"Server {address.host}:{port} tidak menjawab. Periksa alamat server dan port"
    )
    assert dialog.opened is None and dialog.database_edit.text() == "belum_dibuat"
    # An empty piece is named before anything is asked of the server.
    dialog.database_edit.clear()
    dialog.connect_button.click()
    assert not dialog.busy and dialog.message_label.text() == "Isi nama basis data."


def test_testing_the_connection_reads_and_writes_nothing(qtbot: Any, server_db: str) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    _type_address(dialog, server_db)
    dialog.test_button.click()
    _settled(qtbot, dialog)
    address = ServerAddress.from_url(server_db)
    assert dialog.message_label.text() == (
        f"Tersambung ke server {address.host}:{address.port}/{address.dbname}. Basis data ini"
        " masih kosong; disiapkan untuk Seleksi ASN saat disambungkan."
    )
    assert server_revision(server_db) is None  # still empty: the test only read
    assert dialog.opened is None


def test_the_last_server_fills_the_dialog_in_without_its_password(server_db: str) -> None:
    public = ServerAddress.from_url(server_db).public_url()
    QSettings().setValue(LAST_SERVER_KEY, public)
    dialog = ServerDialog()
    try:
        assert dialog.address() == ServerAddress.from_url(server_db)
        assert dialog.password_edit.text() == ""
    finally:
        dialog.deleteLater()


def test_the_address_pieces_make_one_url_and_come_back_from_it() -> None:
    """Characters that mean something in a URL are quoted: a password ``p@ss:w/rd`` and a
    database name with a space survive the trip; the kept URL never holds the password."""
    address = ServerAddress("192.168.1.10", 5433, "seleksi 2024", "panitia", "p@ss:w/rd")
    url = address.url()
    assert url == (
        "postgresql://panitia:p%40ss%3Aw%2Frd@192.168.1.10:5433/seleksi%202024?connect_timeout=10"
    )
    back = ServerAddress.from_url(url)
    assert (back, back.password) == (address, "p@ss:w/rd")
    assert address.public_url() == "postgresql://panitia@192.168.1.10:5433/seleksi%202024"
    assert address.display() == "server 192.168.1.10:5433/seleksi 2024"
    assert ServerAddress("db.kantor", 5432, "seleksi", "x").display() == "server db.kantor/seleksi"


# -- two windows on one server --------------------------------------------------------------


def test_a_correction_on_one_window_reaches_the_ranking_open_on_another(
    qtbot: Any, server: tuple[Database, SelectionInfo], server_db: str
) -> None:
    """Two laptops, two windows, one server database: the score the first saves shows in
    the second's open ranking, by the second's own watcher, within 2 s."""
    _database, selection = server
    first = AppContext(open_database(server_db), ADMIN, selection.id)
    second = AppContext(open_database(server_db), ADMIN, selection.id)
    page = RankingsPage(second)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.is_busy() and bool(page.model.header), timeout=TIMEOUT_MS)
    watcher = FileWatcher(second, page)
    ranking = compute_ranking(first.database, selection.id)
    target = next(row for row in ranking.rows if row.rank is not None)
    assert _shown(page, target.number, "PSIKOTES") != "61.000"
    save_score(
        first.database,
        first.actor,
        selection.id,
        target.number,
        "PSIKOTES",
        "61",
        reason="salah ketik, dikoreksi",
    )
    saved = time.monotonic()
    qtbot.waitUntil(lambda: _shown(page, target.number, "PSIKOTES") == "61.000", timeout=2_000)
    assert time.monotonic() - saved < 2.0
    watcher.stop()


def _shown(page: RankingsPage, number: str, column: str) -> str:
    row = page.model.row_of_number(number)
    return "" if row is None else str(page.model.record(row).get(column, ""))


# -- the Cadangan page on a server ----------------------------------------------------------


def test_the_backups_page_saves_a_sqlite_copy_that_opens_as_a_file(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    server: tuple[Database, SelectionInfo],
    tmp_path: Path,
) -> None:
    database, selection = server
    page = BackupsPage(AppContext(database, ADMIN, selection.id))
    qtbot.addWidget(page)
    page.show()
    # The list of backups beside a file cannot apply; the copy is offered instead.
    assert page.copy_button.isVisible()
    assert not any(
        button.isVisible()
        for button in (page.create_button, page.restore_button, page.folder_button)
    )
    assert not page.table.isVisible() and "pengelola server" in page.intro_label.text()
    monkeypatch.setattr(Dialogs, "save_file", staticmethod(lambda *_a: tmp_path / "arsip"))
    page.copy_button.click()
    qtbot.waitUntil(lambda: page.copied is not None, timeout=TIMEOUT_MS)
    copy_path = tmp_path / "arsip.db"
    assert page.copied == copy_path
    assert page.status_label.text() == f"Salinan SQLite disimpan: {copy_path}"
    copy = open_database(copy_path)
    try:
        numbers = [p.number for p in list_participants(copy, selection.id)]
        assert numbers == [p.number for p in list_participants(database, selection.id)]
        assert len(numbers) == 30
    finally:
        copy.close()


def test_a_window_on_a_server_names_it_in_settings(
    qtbot: Any, server: tuple[Database, SelectionInfo], server_db: str
) -> None:
    database, selection = server
    window = MainWindow(AppContext(database, ADMIN, selection.id))
    qtbot.addWidget(window)
    page = window.show_page("pengaturan")
    address = ServerAddress.from_url(server_db)
    assert isinstance(page, SettingsPage)
    assert page.path_caption.text() == "Server:"
    assert page.path_value.text() == (
        f"server {address.host}:{address.port}/{address.dbname} (pengguna {address.user})"
    )
    window.watcher.stop()


def test_a_server_in_the_recent_list_opens_the_filled_in_connect_dialog(
    qtbot: Any, tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    """From a file's window: the server's entry asks for the connect dialog with its URL
    (the password is typed there again), not for a file of that name."""
    public = "postgresql://panitia@192.168.1.10:5432/seleksi_2025"
    RecentFiles().add(public + "?connect_timeout=10")  # kept as its public URL
    assert RecentFiles().paths() == [public]
    database = new_database(tmp_path / "seleksi.db")
    window = MainWindow(AppContext(database, ADMIN))
    qtbot.addWidget(window)
    window.recent_menu.aboutToShow.emit()
    entry = next(a for a in window.recent_menu.actions() if a.text().startswith("&1"))
    assert entry.text() == "&1  server 192.168.1.10/seleksi_2025  —  pengguna panitia"
    assert entry.isEnabled() and entry.statusTip() == public
    with qtbot.waitSignal(window.connect_requested) as asked:
        entry.trigger()
    assert asked.args == [public]
    window.watcher.stop()
    database.close()
