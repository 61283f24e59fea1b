"""A status code (``P/L``, ``TMS``) as a small coloured label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ..ranking_model import KIND_COLOURS, TEXT_COLOUR, RowKind


class CodeChip(QLabel):
    """A code in the colour of its meaning; the code is text, so colour is never the only cue."""

    def __init__(self, text: str, kind: RowKind, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.kind = kind
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            f"background-color: {KIND_COLOURS[kind]}; color: {TEXT_COLOUR};"
            " border: 1px solid rgba(0, 0, 0, 60); border-radius: 3px;"
            " padding: 1px 6px; font-weight: 600;"
        )
        self.setMinimumWidth(44)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
