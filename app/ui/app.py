"""Starting the window: the application object, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.database import Database, default_database_path, open_database
from app.services.errors import UserError

from .main_window import MainWindow


def run_gui(db_path: Path | None = None) -> int:
    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName("Seleksi ASN")
    application.setOrganizationName("seleksi-asn")
    path = Path(db_path) if db_path else default_database_path()
    try:
        database: Database = open_database(path)
    except UserError as error:
        QMessageBox.critical(None, "Seleksi ASN", error.text())
        return 1
    window = MainWindow(database)
    window.show()
    code = application.exec()
    database.close()
    return code
