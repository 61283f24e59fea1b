"""Starting a policy draft (rancangan kebijakan) from the selection's scheme (issue #14)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import UserError
from app.services.policy_drafts import DraftInfo, create_draft

from ...context import AppContext
from ...dialog_parts import error_label, ok_cancel
from ...operations import ServiceOp


class NewDraftDialog(QDialog):
    """Name, the stage whose criteria the FGD weighs, and what the draft answers. ``saved``
    holds the stored draft once accepted; a refusal stays in the dialog. Attributes tests
    use: ``name_edit``, ``stage_box``, ``answers_edit``, ``ok_button``, ``error_label``."""

    def __init__(
        self,
        context: AppContext,
        stages: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: DraftInfo | None = None
        self.setWindowTitle(self.tr("Rancangan kebijakan baru"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Rancangan dimulai dari salinan skema seleksi ini. Skema seleksi sendiri tidak"
                " berubah; rancangan menjadi skema baru hanya bila dijadikan skema."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("mis. Revisi bobot seleksi kompetensi 2025"))
        form.addRow(self.tr("&Nama rancangan:"), self.name_edit)
        self.stage_box = QComboBox()
        for code, name in stages:
            self.stage_box.addItem(f"{code} — {name}" if name else code, code)
        self.stage_box.setCurrentIndex(self.stage_box.count() - 1)
        form.addRow(self.tr("&Tahap yang dibobot:"), self.stage_box)
        self.answers_edit = QLineEdit()
        self.answers_edit.setPlaceholderText(
            self.tr("mis. Laporan Monev 2024: kesepakatan penilai praktik rendah")
        )
        form.addRow(self.tr("&Menjawab:"), self.answers_edit)
        layout.addLayout(form)
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons, self.ok_button = ok_cancel(self, self.tr("Buat rancangan"))
        layout.addWidget(buttons)
        self.name_edit.textChanged.connect(self._update)
        self.name_edit.textChanged.connect(self.error_label.hide)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.name_edit.text().strip()))

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        selection_id = self.context.selection_id
        assert selection_id is not None
        database, actor = self.context.database, self.context.actor
        name, stage = self.name_edit.text(), str(self.stage_box.currentData())
        answers = self.answers_edit.text()
        try:
            self.saved = ServiceOp(
                self,
                self.context,
                lambda: create_draft(database, actor, selection_id, name, stage, answers=answers),
            ).run_now()
        except UserError as error:
            self.error_label.setText(error.text())
            self.error_label.show()
            return
        super().accept()
