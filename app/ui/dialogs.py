"""Every message box and file chooser goes through here, so tests can answer them.

Tests replace ``Dialogs`` methods (monkeypatch) instead of clicking modal windows that would
block an offscreen run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

SAVE, DISCARD, STAY = "save", "discard", "stay"


class Dialogs:
    @staticmethod
    def info(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    @staticmethod
    def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent
        )
        if details:
            box.setDetailedText(details)
        box.exec()

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def ask_unsaved(parent: QWidget | None, title: str, text: str) -> str:
        """Typed work is not saved: ``SAVE`` it, ``DISCARD`` it, or ``STAY`` (Escape)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        save = box.addButton(
            QCoreApplication.translate("Dialogs", "Simpan"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            QCoreApplication.translate("Dialogs", "Buang perubahan"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        stay = box.addButton(
            QCoreApplication.translate("Dialogs", "Batal"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(save)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        return SAVE if clicked is save else DISCARD if clicked is discard else STAY

    @staticmethod
    def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok else None

    @staticmethod
    def open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    @staticmethod
    def save_file(
        parent: QWidget | None, title: str, filters: str, suggested: str = ""
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(name) if name else None


dialogs = Dialogs()
