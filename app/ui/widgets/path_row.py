"""A file path field with its chooser button, and reading the path typed into it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget


def path_row(edit: QLineEdit, button: QPushButton) -> QWidget:
    """A file path field with its chooser button beside it."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row


def with_suffix(text: str, suffix: str) -> Path:
    """A typed file name, given ``suffix`` when the user left it out."""
    path = Path(text.strip()).expanduser()
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
