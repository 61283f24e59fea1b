"""Starting the window: the application object, the language, the database, who logs in.

``Launcher`` owns the open database and its window. Opening another file (File menu) goes
through the same steps as start-up: open the file, run the first-run wizard on a file without
users or ask for a login, then swap the window; if anything is refused or cancelled the old
window stays as it was.

Logging out (File › Keluar / ganti pengguna) hides the window once its pages have left and
asks for a login on the same file; the next user gets a new window, built for their role, on
the selection that was on screen. Cancelling that login ends the program: the previous
user's window never comes back to someone else.

A database on a LAN server (issue #12 §2: File › Sambungkan ke server…, a server in the recent
list, or ``seleksi --db postgresql://…``) takes the same steps once the connect dialog
(``server_dialog``) has opened it: the login against that database's accounts, then its
window.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.services.actor import Actor
from app.services.backups import recover_from_backup
from app.services.database import Database, default_database_path
from app.services.errors import UserError
from app.services.opening import OpenedFile, is_server_url, open_database_checked
from app.services.users import count_users

from . import i18n
from .context import AppContext
from .dialogs import Dialogs
from .first_run import FirstRunWizard
from .icons import icon
from .location import ServerAddress, location_key
from .login import LoginDialog
from .main_window import DATABASE_FILTER, MainWindow
from .recent import RecentFiles
from .server_dialog import ServerDialog

APPLICATION_NAME = "Seleksi ASN"
ORGANIZATION_NAME = "seleksi-asn"

Outcome = Literal["open", "cancelled", "refused"]


def create_application() -> QApplication:
    """The one QApplication, named so QSettings finds this program's settings."""
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    application.setApplicationName(APPLICATION_NAME)
    application.setOrganizationName(ORGANIZATION_NAME)
    application.setWindowIcon(icon("app"))
    return application


class Launcher(QObject):
    """Holds the open database and its window; swaps both when another file is opened."""

    def __init__(self) -> None:
        super().__init__()
        self.database: Database | None = None
        self.window: MainWindow | None = None
        self.recent = RecentFiles()

    def start(self, path: Path | str, actor: Actor | None = None) -> Outcome:
        """Open ``path`` at program start; a refused file is reported and another offered.

        A server's URL opens through the connect dialog, filled in with it, when the server
        refuses it at once (the password may be missing, or the server not up yet).

        ``actor`` skips the login: the screenshot script starts an already logged-in window
        through this parameter. The program itself always passes None.
        """
        if isinstance(path, str) and is_server_url(path):
            return self._start_server(path, actor)
        path = Path(path)
        while True:
            try:
                opened = open_database_checked(path)
                break
            except UserError as error:
                recovered = self._recover(None, path, error)
                if recovered is not None:
                    path = recovered
                    continue
                if "backup" not in error.params:  # else the offer already said what is wrong
                    Dialogs.error(
                        None,
                        self.tr("Berkas tidak dapat dibuka"),
                        error.text(),
                    )
                chosen = Dialogs.open_file(
                    None,
                    self.tr("Pilih berkas basis data lain"),
                    QCoreApplication.translate("MainWindow", DATABASE_FILTER),
                )
                if chosen is None:
                    return "refused"
                path = chosen
        entered = self._enter(opened.database, actor, None, opened.warnings)
        return "open" if entered else "cancelled"

    def _start_server(self, url: str, actor: Actor | None) -> Outcome:
        try:
            opened = open_database_checked(url)
        except UserError:
            dialog = ServerDialog(None, ServerAddress.from_url(url))
            dialog.test_connection()  # says at once why it was refused
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.opened is None:
                return "refused"
            opened = dialog.opened
        entered = self._enter(opened.database, actor, None, opened.warnings)
        return "open" if entered else "cancelled"

    def connect_server(self, address: str | None = None) -> bool:
        """File › Sambungkan ke server… (or a server of the recent list, ``address`` its URL
        without password): the connect dialog, then the login; True once its window is on
        screen. Cancelled or refused, the window that was there stays."""
        parent = self.window
        if parent is not None and not parent.leave_pages():
            return False
        prefilled = ServerAddress.from_url(address) if address else None
        dialog = ServerDialog(parent, prefilled)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        opened = dialog.opened
        dialog.deleteLater()
        if not accepted or opened is None:
            return False
        return self.enter_opened(opened, parent)

    def enter_opened(self, opened: OpenedFile, parent: QWidget | None = None) -> bool:
        """A database opened elsewhere (the connect dialog): the login, then its window."""
        return self._enter(opened.database, None, parent, opened.warnings)

    def open_file(self, path: Path, new: bool = False) -> bool:
        """Switch to ``path`` from the File menu; True once its window is on screen."""
        parent = self.window
        if parent is not None and not parent.leave_pages():
            return False  # typed work the user chose to keep: this window stays
        if new and path.exists() and path.stat().st_size > 0:
            # "New" never touches a file that holds something: that data may be a selection.
            Dialogs.error(
                parent,
                self.tr("Berkas sudah ada"),
                self.tr(
                    "Berkas %1 sudah ada. Pilih nama lain, atau buka berkas itu dengan Buka.",
                ).replace("%1", str(path)),
            )
            return False
        try:
            opened = open_database_checked(path)
        except UserError as error:
            recovered = self._recover(parent, path, error)
            if recovered is not None:
                return self.open_file(recovered)
            if "backup" not in error.params:  # else the offer already said what is wrong
                Dialogs.error(
                    parent,
                    self.tr("Berkas tidak dapat dibuka"),
                    error.text(),
                )
            return False
        return self._enter(opened.database, None, parent, opened.warnings)

    def _recover(self, parent: QWidget | None, path: Path, error: UserError) -> Path | None:
        """A damaged file with a good backup (issue 5): offer that backup, restored into a
        new file beside the damaged one, which is never touched. The new file, or None."""
        if "backup" not in error.params:
            return None
        question = self.tr(
            "%1\n\nBuka salinan cadangan terbaru (%2)? Cadangan itu dipulihkan ke berkas baru "
            "di folder yang sama; berkas yang rusak tidak diubah."
        )
        backup = Path(error.params["backup"]).name
        text = question.replace("%1", error.text()).replace("%2", backup)
        if not Dialogs.confirm(parent, self.tr("Berkas rusak"), text):
            return None
        try:
            return recover_from_backup(path)
        except UserError as failure:
            Dialogs.error(parent, self.tr("Pemulihan gagal"), failure.text())
            return None

    def _enter(
        self,
        database: Database,
        actor: Actor | None,
        parent: QWidget | None,
        warnings: tuple[str, ...] = (),
    ) -> bool:
        """Who works in ``database`` (wizard or login), then its window; False if cancelled.

        ``warnings`` are what opening the file found (triggers that had to be put back): the
        window shows them in its warning bar, without stopping anyone from working."""
        selection_id = None
        if actor is None:
            if count_users(database) == 0:
                wizard = FirstRunWizard(database, parent)
                accepted = wizard.exec() == QDialog.DialogCode.Accepted
                result = wizard.result_info
                if not accepted or result is None:
                    database.close()
                    return False
                actor = result.actor
                selection_id = result.selection.id if result.selection else None
            else:
                login = LoginDialog(database, parent)
                if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
                    database.close()
                    return False
                actor = login.user.actor
        window = self.show_window(AppContext(database, actor, selection_id))
        window.add_warnings(warnings)
        return True

    def show_window(self, context: AppContext) -> MainWindow:
        """Put ``context``'s window on screen and retire the previous one and its database."""
        old_window, old_database = self.window, self.database
        window = MainWindow(context)
        window.open_requested.connect(self.open_file)
        window.new_requested.connect(lambda path: self.open_file(path, new=True))
        window.connect_requested.connect(self.connect_server)
        window.logout_requested.connect(self.log_out)
        _fit_to_screen(window)
        window.show()
        self.window, self.database = window, context.database
        self.recent.add(location_key(context.database))
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_database is not None and old_database is not context.database:
            old_database.close()
        return window

    def log_out(self) -> bool:
        """The login on the same file for the next user; True once their window is on screen.

        The window is hidden, not closed, while the login is asked: closing the last window
        would end the program, and nothing of the previous user's must stay visible."""
        window, database = self.window, self.database
        if window is None or database is None:
            return False
        application = QApplication.instance()
        quits = isinstance(application, QApplication) and application.quitOnLastWindowClosed()
        if isinstance(application, QApplication):
            application.setQuitOnLastWindowClosed(False)
        window.hide()
        try:
            login = LoginDialog(database)
            accepted = login.exec() == QDialog.DialogCode.Accepted and login.user is not None
        finally:
            if isinstance(application, QApplication):
                application.setQuitOnLastWindowClosed(quits)
        if not accepted or login.user is None:
            # The program ends, as when the first login is cancelled; closing a hidden window
            # does not count as the last one closed, so the quit is asked for as well.
            window.close()
            if quits and isinstance(application, QApplication):
                application.quit()
            return False
        context = window.context
        following = self.show_window(AppContext(database, login.user.actor, context.selection_id))
        following.add_warnings(window.warnings)  # what the file's opening found still holds
        return True

    def close(self) -> None:
        if self.database is not None:
            self.database.close()
            self.database = None


def _fit_to_screen(window: QWidget) -> None:
    """Maximized on a small screen (the usual 1366×768 committee laptop), else 1280×800."""
    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else None
    if available is not None and (available.width() < 1440 or available.height() < 900):
        window.resize(min(1280, available.width()), min(800, available.height()))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.resize(1280, 800)


def run_gui(db_path: Path | str | None = None, *, actor: Actor | None = None) -> int:
    """The program with a window; exit status 1 when no database could be opened.

    ``db_path`` is a file, or a server's URL (``seleksi --db postgresql://…``)."""
    application = create_application()
    i18n.install_language(i18n.saved_language())
    launcher = Launcher()
    location: Path | str = db_path if db_path else default_database_path()
    if not (isinstance(location, str) and is_server_url(location)):
        location = Path(location)
    outcome = launcher.start(location, actor)
    if outcome != "open":
        return 1 if outcome == "refused" else 0
    code = application.exec()
    launcher.close()
    return code
