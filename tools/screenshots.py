"""``make screenshots``: each main screen on demo data, as a PNG in ``docs/screenshots/``.

A throw-away database gets the CPNS demo selection (600 participants) and an admin; the
window starts already logged in through ``Launcher.start(..., actor=...)`` (a parameter of
the code, not a switch of the product) and each page the admin sees is grabbed with
``QWidget.grab()``, as are the login dialog and the first-run wizard on an empty file.
Settings go to the temporary folder, so the user's own recent files and language stay as
they were.

    python -m tools.screenshots [--out DIR] [--language id|en]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from app.services.actor import Actor
from app.services.demo import DEMO_INSTANSI, create_demo
from app.services.opening import open_database
from app.services.users import add_user
from app.ui import i18n
from app.ui.app import Launcher, create_application
from app.ui.first_run import FirstRunWizard
from app.ui.icons import icon
from app.ui.login import LoginDialog
from app.ui.recent import DatabasePreferences
from app.ui.workers import pending_tasks

ROOT = Path(__file__).resolve().parents[1]
# A maximized window on the usual 1366×768 committee laptop, less taskbar and title bar.
WIDTH, HEIGHT = 1366, 700
ADMIN = Actor("ketua", "admin")
SETTLE_SECONDS = 0.4
MAX_WAIT_SECONDS = 20.0


def settle(application: QApplication) -> None:
    """Let pages finish their background loads and paint before a grab."""
    start = time.monotonic()
    quiet_since: float | None = None
    while time.monotonic() - start < MAX_WAIT_SECONDS:
        application.processEvents()
        busy = pending_tasks() > 0 or QThreadPool.globalInstance().activeThreadCount() > 0
        now = time.monotonic()
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= SETTLE_SECONDS:
            return
        time.sleep(0.02)


def save(widget: QWidget, application: QApplication, path: Path) -> None:
    settle(application)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"cannot write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def make_demo_database(path: Path) -> None:
    database = open_database(path)
    try:
        create_demo(database, ADMIN, "cpns-2024", participants=600)
        add_user(database, ADMIN, ADMIN.name, "admin", "rahasia-panitia", "Ketua Panitia Seleksi")
    finally:
        database.close()
    DatabasePreferences(path).instansi = DEMO_INSTANSI


def shoot_start_screens(application: QApplication, folder: Path, out: Path) -> None:
    """The login dialog on the demo file, and each wizard page on an empty file."""
    database = open_database(folder / "seleksi-demo.db")
    login = LoginDialog(database)
    login.user_edit.setText(ADMIN.name)
    login.show()
    save(login, application, out / "masuk.png")
    login.close()
    database.close()

    empty = open_database(folder / "kosong.db")
    wizard = FirstRunWizard(empty)
    wizard.admin_page.username_edit.setText(ADMIN.name)
    wizard.admin_page.full_name_edit.setText("Ketua Panitia Seleksi")
    wizard.show()
    save(wizard, application, out / "mulai-1-akun.png")
    wizard.admin_page.password_edit.setText("rahasia-panitia")
    wizard.admin_page.repeat_edit.setText("rahasia-panitia")
    wizard.next()
    wizard.instansi_page.instansi_edit.setText(DEMO_INSTANSI)
    logo = folder / "logo.png"
    icon("app").pixmap(128, 128).save(str(logo))
    wizard.instansi_page.set_logo(logo)
    save(wizard, application, out / "mulai-2-instansi.png")
    wizard.next()
    save(wizard, application, out / "mulai-3-seleksi.png")
    wizard.button(QWizard.WizardButton.CancelButton).click()
    empty.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=i18n.LANGUAGES, default="id")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="seleksi-shots-") as name:
        folder = Path(name)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        application = create_application()
        if not i18n.install_language(args.language):
            return 1
        make_demo_database(folder / "seleksi-demo.db")
        shoot_start_screens(application, folder, out)

        launcher = Launcher()
        if launcher.start(folder / "seleksi-demo.db", actor=ADMIN) != "open":
            return 1
        window = launcher.window
        assert window is not None
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(WIDTH, HEIGHT)
        for key in window.nav_keys():
            window.show_page(key)
            save(window, application, out / f"{key}.png")
        manual = window.show_manual()  # F1
        manual.resize(1000, 700)
        save(manual, application, out / "panduan.png")
        manual.close()
        window.close()
        launcher.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
