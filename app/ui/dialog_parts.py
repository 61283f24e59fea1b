"""What the window's form dialogs are made of: the refusal line, OK / Batal, and the guard
that never drops typed work.

A form dialog stores through a service when OK is pressed and stays open on a refusal, which
it shows in red under the form (``error_label``). ``TypedWorkDialog`` asks before Escape, Batal
or the close button throws away what was typed: save it, drop it on purpose, or stay.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton

from .dialogs import DISCARD, SAVE, Dialogs

ERROR_COLOUR = "#9b1c1c"


def error_label() -> QLabel:
    """The red line under a form that says why the service refused (hidden until then)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def ok_cancel(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (named ``ok_text``) and Batal, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialogs", "Batal")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok_button


class TypedWorkDialog(QDialog):
    """A dialog whose typed work is never lost by closing it.

    Subclasses say what is typed and not stored (``unsaved``) and in which words
    (``unsaved_text``); ``accept`` stores and then calls ``closed_on_purpose`` before
    closing, so the guard does not ask again.
    """

    _closing_checked = False

    def unsaved(self) -> bool:
        return False

    def unsaved_text(self) -> str:
        return ""

    def closed_on_purpose(self) -> None:
        self._closing_checked = True

    def reject(self) -> None:
        """Escape, Batal or the close button: typed work is stored or dropped on purpose."""
        if not self._closing_checked and self.unsaved():
            answer = Dialogs.ask_unsaved(self, self.windowTitle(), self.unsaved_text())
            if answer == SAVE:
                self.accept()
                return
            if answer != DISCARD:
                return
        self._closing_checked = True
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_checked and self.unsaved():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
