"""How the scheme editor shows a problem: colours, a red outline, messages under a part."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QWidget

PROBLEM_BACKGROUND = QColor("#f8d7da")
PROBLEM_STYLE = "*[problem=true] { border: 2px solid #c0392b; border-radius: 3px; }"
ERROR_COLOUR = "#b3261e"
OK_COLOUR = "#1e6b34"
NOTE_COLOUR = "#5f6368"


def mark(widget: QWidget, texts: Sequence[str]) -> None:
    """A red outline and the messages as tooltip; the widget's own tip otherwise."""
    problem = bool(texts)
    if widget.property("problem") != problem:
        widget.setProperty("problem", problem)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    if problem:
        if widget.property("plainTip") is None:
            widget.setProperty("plainTip", widget.toolTip())
        widget.setToolTip("\n".join(texts))
    elif widget.property("plainTip") is not None:
        widget.setToolTip(widget.property("plainTip"))
        widget.setProperty("plainTip", None)


def show_messages(widget: QWidget, label: QLabel, texts: Sequence[str]) -> None:
    """Mark ``widget`` and spell its problems out in ``label`` below it."""
    mark(widget, texts)
    label.setText("\n".join(texts))
    label.setVisible(bool(texts))


def message_label() -> QLabel:
    """The red, hidden-while-empty line under a table or list."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def wrap_items(view: QListWidget) -> None:
    """Long names wrap onto a second line instead of a horizontal scroll or a clipped
    "…" (issue #10 §6: no clipped stage names or tie-break texts at 1366 px)."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setWordWrap(True)


def set_text(edit: QLineEdit, text: str) -> None:
    """Only when different: resetting the text would move the cursor of a user typing."""
    if edit.text() != text:
        edit.setText(text)
        if not edit.hasFocus():
            edit.setCursorPosition(0)  # show the start of a long name, not its end
