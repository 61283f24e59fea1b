"""The status code panel: the letters a stage's result list prints for each outcome."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from .draft import SchemeDraft
from .style import mark, set_text


class CodesPanel(QWidget):
    """One short field per outcome; ``edited(name, text)`` names the ``StageCodes`` field."""

    edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setVerticalSpacing(4)
        labels = {
            "within_quota": self.tr("Dalam kebutuhan"),
            "outside_quota": self.tr("Di luar kebutuhan"),
            "below_threshold": self.tr("Di bawah ambang"),
            "absent": self.tr("Tidak hadir"),
            "requirement_failed": self.tr("Tidak memenuhi syarat"),
            "withdrawn": self.tr("Mengundurkan diri"),
            "disqualified": self.tr("Diskualifikasi"),
        }
        self.code_edits: dict[str, QLineEdit] = {}
        for name, label in labels.items():
            edit = QLineEdit()
            edit.setMaxLength(12)
            edit.setFixedWidth(72)
            form.addRow(label, edit)
            self.code_edits[name] = edit
            edit.textEdited.connect(lambda text, name=name: self.edited.emit(name, text))

    def show_draft(self, draft: SchemeDraft) -> None:
        stage, prefix = draft.stage, draft.stage_prefix
        for name, edit in self.code_edits.items():
            set_text(edit, getattr(stage.codes, name) if stage else "")
            mark(edit, draft.marks.at(f"{prefix}.codes.{name}"))

    def set_editable(self, editable: bool) -> None:
        for edit in self.code_edits.values():
            edit.setReadOnly(not editable)
