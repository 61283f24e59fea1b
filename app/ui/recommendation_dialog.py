"""Writing or revising one recommendation of the tim monev (issue #13 §1).

A recommendation answers a finding of the evaluation (chosen from the list, with the number
behind it) or the evaluation as a whole. The dialog stores it through the service, so the
audit trail holds who wrote what; a refusal (an empty text, someone else's recommendation)
is shown inside the dialog, which stays open. What was typed is never dropped by closing:
the dialog asks first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import UserError
from app.services.recommendations import (
    MAX_TEXT,
    RecommendationInfo,
    add_recommendation,
    revise_recommendation,
)

from .context import AppContext
from .dialog_parts import TypedWorkDialog, error_label, ok_cancel
from .operations import ServiceOp

FindingChoice = tuple[str, str]
"""A finding as the dialog offers it: its stable key and its sentence."""


class RecommendationDialog(TypedWorkDialog):
    """Adds a recommendation (``existing`` is ``None``) or revises ``existing``'s text.

    ``findings`` are offered to answer; ``finding_key`` is preselected. ``saved`` holds the
    stored recommendation once the dialog accepted. Attributes tests use: ``finding_box``,
    ``text_edit``, ``ok_button``, ``error_label``.
    """

    def __init__(
        self,
        context: AppContext,
        findings: Sequence[FindingChoice],
        *,
        existing: RecommendationInfo | None = None,
        finding_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.existing = existing
        self.saved: RecommendationInfo | None = None
        self.setWindowTitle(
            self.tr("Ubah rekomendasi") if existing else self.tr("Tambah rekomendasi")
        )
        self.setMinimumWidth(620)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Rekomendasi tim monev untuk revisi kebijakan. Setiap rekomendasi tersimpan"
                " dengan nama penulisnya dan tercatat di jejak audit; laporan monev"
                " mencantumkannya di bagian Rekomendasi."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.finding_box = QComboBox()
        self.finding_box.addItem(self.tr("(evaluasi secara keseluruhan)"), None)
        keys = [key for key, _ in findings]
        for key, text in findings:
            self.finding_box.addItem(text, key)
            self.finding_box.setItemData(self.finding_box.count() - 1, text, 3)  # tooltip
        wanted = existing.finding_key if existing else finding_key
        if wanted is not None and wanted not in keys:
            # A finding the data no longer shows (scores corrected since): kept, by its key.
            self.finding_box.addItem(wanted, wanted)
        if wanted is not None:
            self.finding_box.setCurrentIndex(self.finding_box.findData(wanted))
        # The finding a recommendation answers is part of the record: revising changes the text.
        self.finding_box.setEnabled(existing is None)
        form.addRow(self.tr("Menjawab temuan:"), self.finding_box)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(
            self.tr(
                "Misalnya: Penilai praktik kerja dilatih ulang dengan rubrik yang sama sebelum"
                " seleksi berikutnya, dan setiap peserta dinilai oleh dua penilai."
            )
        )
        if existing is not None:
            self.text_edit.setPlainText(existing.text)
        form.addRow(self.tr("Rekomendasi:"), self.text_edit)
        layout.addLayout(form)

        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555a60;")
        layout.addWidget(self.count_label)
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        self.buttons, self.ok_button = ok_cancel(self, self.tr("Simpan rekomendasi"))
        layout.addWidget(self.buttons)

        self.text_edit.textChanged.connect(self._update)
        self.text_edit.textChanged.connect(self.error_label.hide)
        self._update()
        self.text_edit.setFocus()

    def _typed(self) -> str:
        return self.text_edit.toPlainText()

    def _update(self) -> None:
        length = len(self._typed().strip())
        self.count_label.setText(
            self.tr("{length} dari {maximum} karakter").format(length=length, maximum=MAX_TEXT)
        )
        self.ok_button.setEnabled(0 < length <= MAX_TEXT)

    def unsaved(self) -> bool:
        """Something typed that is not stored yet."""
        typed = self._typed().strip()
        if self.existing is not None:
            return typed != self.existing.text
        return bool(typed)

    def accept(self) -> None:
        """Store first; close only when the service stored it."""
        if not self.ok_button.isEnabled():
            return
        selection_id = self.context.selection_id
        assert selection_id is not None
        database, actor, text = self.context.database, self.context.actor, self._typed()
        existing = self.existing
        key = self.finding_box.currentData()
        try:
            if existing is None:
                self.saved = ServiceOp(
                    self,
                    self.context,
                    lambda: add_recommendation(database, actor, selection_id, text, key),
                ).run_now()
            else:
                self.saved = ServiceOp(
                    self,
                    self.context,
                    lambda: revise_recommendation(database, actor, selection_id, existing.id, text),
                ).run_now()
        except UserError as error:
            self.error_label.setText(error.text())
            self.error_label.show()
            return
        self.closed_on_purpose()
        super().accept()

    def unsaved_text(self) -> str:
        return self.tr("Rekomendasi yang diketik belum disimpan.")
