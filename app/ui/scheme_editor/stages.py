"""The stage panel: the list of stages and the form of the one being edited."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.scoring.scheme import SUM, WEIGHTED

from .draft import SchemeDraft, decimal_text
from .style import ERROR_COLOUR, mark, set_text, wrap_items


class StagePanel(QGroupBox):
    """Chooses the stage the other panels show and edits its own fields.

    It only reports what the user did: ``chosen(row)``, ``edited(changes)`` with the stage
    fields that changed, ``code_edited(text)`` and ``weight_edited(text)`` for the two
    fields whose text needs reading first; the editor applies them to the draft.
    """

    chosen = Signal(int)
    edited = Signal(dict)
    code_edited = Signal(str)
    weight_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tahap"))
        self._rendering = False
        layout = QVBoxLayout(self)
        self.stage_list = QListWidget()
        self.stage_list.setMaximumHeight(76)
        wrap_items(self.stage_list)
        layout.addWidget(self.stage_list)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah tahap"))
        self.remove_button = QPushButton(self.tr("Hapus tahap"))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.code_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.method_box = QComboBox()
        self.method_box.addItem(self.tr("Jumlah nilai"), SUM)
        self.method_box.addItem(self.tr("Berbobot (skala 0–100)"), WEIGHTED)
        self.multiplier_spin = QSpinBox()
        self.multiplier_spin.setRange(1, 99)
        self.multiplier_spin.setSuffix(self.tr(" × kebutuhan"))
        self.multiplier_spin.setToolTip(
            self.tr("Berapa kali kebutuhan yang lolos ke tahap berikutnya (SKD: 3 × kebutuhan).")
        )
        self.integrates_box = QComboBox()
        self.integrate_weight_edit = QLineEdit()
        self.integrate_weight_edit.setPlaceholderText(self.tr("mis. 40"))
        form.addRow(self.tr("Kode"), self.code_edit)
        form.addRow(self.tr("Nama"), self.name_edit)
        form.addRow(self.tr("Metode"), self.method_box)
        form.addRow(self.tr("Batas lolos"), self.multiplier_spin)
        form.addRow(self.tr("Integrasi"), self.integrates_box)
        form.addRow(self.tr("Bobot integrasi (%)"), self.integrate_weight_edit)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setMinimumWidth(236)
        self.setMaximumWidth(320)

        self.stage_list.currentRowChanged.connect(self._row_changed)
        self.code_edit.textEdited.connect(self._report(self.code_edited.emit))
        # Stripped only when the user leaves the field: stripping while typing would eat
        # the space between two words.
        self.name_edit.textEdited.connect(
            self._report(lambda text: self.edited.emit({"name": text}))
        )
        self.name_edit.editingFinished.connect(
            self._report(lambda: self.edited.emit({"name": self.name_edit.text().strip()}))
        )
        self.method_box.currentIndexChanged.connect(
            self._report(lambda _i: self.edited.emit({"method": self.method_box.currentData()}))
        )
        self.multiplier_spin.valueChanged.connect(
            self._report(lambda value: self.edited.emit({"quota_multiplier": value}))
        )
        self.integrates_box.currentIndexChanged.connect(
            self._report(
                lambda _i: self.edited.emit({"integrates": self.integrates_box.currentData()})
            )
        )
        self.integrate_weight_edit.textEdited.connect(self._report(self.weight_edited.emit))

    @property
    def fields(self) -> dict[str, QWidget]:
        """The form's widgets by the stage's key in problem paths."""
        return {
            "code": self.code_edit,
            "name": self.name_edit,
            "method": self.method_box,
            "quota_multiplier": self.multiplier_spin,
            "integrates": self.integrates_box,
            "integrate_weight": self.integrate_weight_edit,
        }

    def _report(self, slot: Any) -> Any:
        """``slot``, except while the panel itself sets the widgets' values."""

        def guarded(*args: Any) -> None:
            if not self._rendering:
                slot(*args)

        return guarded

    def _row_changed(self, row: int) -> None:
        if not self._rendering and row >= 0:
            self.chosen.emit(row)

    def show_code(self, code: str) -> None:
        """The code as the draft keeps it (upper case), the cursor where the user was."""
        if code != self.code_edit.text():
            position = self.code_edit.cursorPosition()
            self.code_edit.setText(code)
            self.code_edit.setCursorPosition(min(position, len(code)))

    def render_list(self, draft: SchemeDraft, rebuild: bool = False) -> None:
        """Each stage with the number of its problems; the current one selected."""
        stages = draft.scheme.stages if draft.scheme else ()
        was_rendering, self._rendering = self._rendering, True
        if rebuild or self.stage_list.count() != len(stages):
            self.stage_list.clear()
            for _stage in stages:
                self.stage_list.addItem(QListWidgetItem())
        for position, stage in enumerate(stages):
            item = self.stage_list.item(position)
            count = draft.marks.count_under(f"stages[{position}]")
            item.setText(f"{stage.code} — {stage.name}" + (f"  ⚠ {count}" if count else ""))
            item.setForeground(QBrush(QColor(ERROR_COLOUR)) if count else QBrush())
            tip = f"{stage.code} — {stage.name}"
            if count:
                tip += "\n" + self.tr("{count} masalah pada tahap ini.").format(count=count)
            item.setToolTip(tip)
        if stages and self.stage_list.currentRow() != draft.stage_row:
            self.stage_list.setCurrentRow(draft.stage_row)
        mark(self.stage_list, draft.marks.at("stages"))
        self._rendering = was_rendering

    def render_form(self, draft: SchemeDraft) -> None:
        """The current stage's fields, each outlined when a problem names it."""
        stage, prefix = draft.stage, draft.stage_prefix
        was_rendering, self._rendering = self._rendering, True
        try:
            set_text(self.code_edit, stage.code if stage else "")
            set_text(self.name_edit, stage.name if stage else "")
            self.method_box.setCurrentIndex(self.method_box.findData(stage.method) if stage else -1)
            self.multiplier_spin.setValue(stage.quota_multiplier if stage else 1)
            self.integrates_box.clear()
            self.integrates_box.addItem(self.tr("Tidak ada"), None)
            if stage and draft.scheme:
                for earlier in draft.earlier_stages:
                    self.integrates_box.addItem(earlier.code, earlier.code)
                if stage.integrates and self.integrates_box.findData(stage.integrates) < 0:
                    self.integrates_box.addItem(stage.integrates, stage.integrates)
                self.integrates_box.setCurrentIndex(self.integrates_box.findData(stage.integrates))
            weight_key = f"{prefix}.integrate_weight"
            if weight_key not in draft.input_errors:
                set_text(
                    self.integrate_weight_edit,
                    decimal_text(stage.integrate_weight) if stage and stage.integrates else "",
                )
            self.integrate_weight_edit.setEnabled(bool(stage and stage.integrates))
            for name, widget in self.fields.items():
                texts = draft.marks.at(f"{prefix}.{name}")
                if f"{prefix}.{name}" in draft.input_errors:
                    texts = [*texts, draft.input_errors[f"{prefix}.{name}"]]
                mark(widget, texts)
        finally:
            self._rendering = was_rendering

    def set_editable(self, editable: bool) -> None:
        for edit in (self.code_edit, self.name_edit, self.integrate_weight_edit):
            edit.setReadOnly(not editable)
        self.multiplier_spin.setReadOnly(not editable)
        self.multiplier_spin.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.UpDownArrows
            if editable
            else QAbstractSpinBox.ButtonSymbols.NoButtons
        )
        self.method_box.setEnabled(editable)
        self.integrates_box.setEnabled(editable)
