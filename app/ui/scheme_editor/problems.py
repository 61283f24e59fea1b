"""The problem list under the editor: every problem with its key, a way to reach it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .style import ERROR_COLOUR


class ProblemPanel(QWidget):
    """``go_to(key)`` when the user activates a problem, so the editor can show its field."""

    go_to = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        layout.addWidget(self.title)
        self.problem_list = QListWidget()
        self.problem_list.setFixedHeight(78)
        self.problem_list.hide()
        self.problem_list.setToolTip(self.tr("Klik dua kali untuk menuju bagian yang bermasalah."))
        layout.addWidget(self.problem_list)
        self.problem_list.itemActivated.connect(
            lambda item: self.go_to.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def show_problems(
        self,
        problems: Sequence[tuple[str, str]],
        editable: bool,
        place: Callable[[str], str] = str,
    ) -> None:
        """The problems, or (to an editor) that there are none; ``place`` says where a key is
        in words (component and aspect names), the key itself stays the item's data."""
        self.problem_list.clear()
        if problems:
            self.title.setText(
                self.tr("Masalah ({count}); skema belum dapat disimpan:").format(
                    count=len(problems)
                )
            )
            self.title.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
            for key, text in problems:
                item = QListWidgetItem(f"{place(key)}: {text}")
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setToolTip(key)  # the TOML key, for whoever edits the file by hand
                self.problem_list.addItem(item)
            self.problem_list.setCurrentRow(-1)
        else:
            self.title.setText(self.tr("Masalah: tidak ada."))
            self.title.setStyleSheet("")
        self.problem_list.setVisible(bool(problems))
        self.title.setVisible(bool(problems) or editable)
