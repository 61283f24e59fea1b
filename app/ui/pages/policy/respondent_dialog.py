"""One FGD respondent's pairwise comparisons, typed in the window (issue #14 §1).

A row per pair, a slider from "jauh lebih penting" on the left criterion's side through "sama
penting" to "jauh lebih penting" on the right's: Saaty's 1–9 scale and its reciprocals, one
step per value. Under each part the weights those answers imply and their consistency ratio
are shown as the respondent answers (``scoring.ahp.priorities``), with the pair that disagrees
most with the others named, so the facilitator can ask again at once. Saving stores the whole
form in one transaction (``policy_drafts.save_respondent``); closing with answers not saved
asks first.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.messages import t
from app.scoring.ahp import AhpError, priorities
from app.scoring.ahp import Judgment as AhpJudgment
from app.scoring.fgd_pairs import ComparisonPart
from app.services.errors import UserError
from app.services.fgd import judgment_value
from app.services.policy_drafts import Judgment, save_respondent

from ...context import AppContext
from ...dialog_parts import TypedWorkDialog, error_label, ok_cancel
from ...numbers import value_text
from ...operations import ServiceOp

STEPS = 8
"""Slider positions either side of "equal": Saaty's 2…9."""
GROUPS = ("Pemda", "Akademisi/ahli", "DPRD", "Masyarakat", "ASN pengguna")


def value_of(position: int) -> Fraction:
    """Slider position (−8 … 8) → how many times the left criterion matters more."""
    if position <= 0:
        return Fraction(1 - position)
    return Fraction(1, 1 + position)


def position_of(value: Fraction) -> int:
    """The slider position of a stored value (``3`` → −2, ``1/3`` → 2), to the nearest step."""
    if value >= 1:
        return -min(STEPS, round(value) - 1)
    return min(STEPS, round(1 / value) - 1)


def written(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"1/{value.denominator}"


class RespondentDialog(TypedWorkDialog):
    """``name_edit``, ``group_box``, ``weight_box``, ``sliders`` (by pair of codes),
    ``part_labels`` (the live weights and CR under each part), ``ok_button``,
    ``error_label``; ``saved`` once stored."""

    def __init__(
        self,
        context: AppContext,
        draft_id: int,
        parts: list[ComparisonPart],
        existing: list[Judgment] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.draft_id = draft_id
        self.parts = parts
        self.saved = False
        self.setWindowTitle(self.tr("Formulir responden FGD"))
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.group_box = QComboBox()
        self.group_box.setEditable(True)
        self.group_box.addItems(GROUPS)
        self.weight_box = QDoubleSpinBox()
        self.weight_box.setRange(0.01, 1.0)
        self.weight_box.setDecimals(2)
        self.weight_box.setSingleStep(0.05)
        self.weight_box.setValue(0.25)
        self.weight_box.setToolTip(
            self.tr("Bobot kelompok pemangku kepentingan; sama untuk setiap anggota kelompok.")
        )
        form.addRow(self.tr("&Responden:"), self.name_edit)
        form.addRow(self.tr("&Kelompok:"), self.group_box)
        form.addRow(self.tr("&Bobot kelompok:"), self.weight_box)
        layout.addLayout(form)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        self.sliders: dict[tuple[str, str], QSlider] = {}
        self.part_labels: list[QLabel] = []
        for part in parts:
            title = (
                self.tr("Antarkomponen")
                if part.parent is None
                else self.tr("Antaraspek %1").replace("%1", part.parent.name)
            )
            box = QGroupBox(title)
            grid = QGridLayout(box)
            grid.addWidget(QLabel(self.tr("◄ jauh lebih penting")), 0, 1)
            right_end = QLabel(self.tr("jauh lebih penting ►"))
            right_end.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(right_end, 0, 1, Qt.AlignmentFlag.AlignRight)
            for row, (left, right) in enumerate(part.pairs, start=1):
                slider = QSlider(Qt.Orientation.Horizontal)
                slider.setRange(-STEPS, STEPS)
                slider.setTickPosition(QSlider.TickPosition.TicksBelow)
                slider.setTickInterval(1)
                slider.setPageStep(1)
                slider.setMinimumWidth(320)
                said = QLabel()
                said.setMinimumWidth(150)
                slider.valueChanged.connect(
                    lambda _v, s=slider, w=said, a=left.name, b=right.name: self._said(s, w, a, b)
                )
                slider.valueChanged.connect(self._update)
                grid.addWidget(QLabel(left.name), row, 0)
                grid.addWidget(slider, row, 1)
                grid.addWidget(QLabel(right.name), row, 2)
                grid.addWidget(said, row, 3)
                self.sliders[(left.code, right.code)] = slider
                self._said(slider, said, left.name, right.name)
            result = QLabel()
            result.setWordWrap(True)
            grid.addWidget(result, len(part.pairs) + 1, 0, 1, 4)
            self.part_labels.append(result)
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons, self.ok_button = ok_cancel(self, self.tr("Simpan jawaban"))
        layout.addWidget(buttons)
        self.name_edit.textChanged.connect(self._update)

        self._initial: tuple[object, ...] = ()
        if existing:
            first = existing[0]
            self.name_edit.setText(first.respondent)
            # A respondent's form is theirs: another name would be another respondent's form.
            self.name_edit.setReadOnly(True)
            self.group_box.setCurrentText(first.group)
            self.weight_box.setValue(float(first.group_weight.replace(",", ".")))
            for judgment in existing:
                value = judgment_value(judgment.value)
                pair = (judgment.criterion_a, judgment.criterion_b)
                forward, backward = self.sliders.get(pair), self.sliders.get(pair[::-1])
                if forward is not None and value:
                    forward.setValue(position_of(value))
                elif backward is not None and value:
                    backward.setValue(position_of(1 / value))  # judged the other way round
        self._initial = self._state()
        self._update()

    # -- what the respondent says ---------------------------------------------------------------

    def _said(self, slider: QSlider, label: QLabel, left: str, right: str) -> None:
        position = slider.value()
        if position == 0:
            label.setText(self.tr("sama penting"))
            label.setToolTip("")
        elif position < 0:
            label.setText(self.tr("◄ %1× lebih penting").replace("%1", str(1 - position)))
            label.setToolTip(left)
        else:
            label.setText(self.tr("%1× lebih penting ►").replace("%1", str(1 + position)))
            label.setToolTip(right)

    def rows(self) -> list[Judgment]:
        name = " ".join(self.name_edit.text().split())
        group = " ".join(self.group_box.currentText().split())
        weight = f"{self.weight_box.value():.2f}"
        return [
            Judgment(name, group, weight, a, b, written(value_of(slider.value())))
            for (a, b), slider in self.sliders.items()
        ]

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.name_edit.text().strip()) and bool(self.sliders))
        for part, label in zip(self.parts, self.part_labels, strict=True):
            codes = [c.code for c in part.criteria]
            names = {c.code: c.name for c in part.criteria}
            judged = [
                AhpJudgment(a, b, float(value_of(self.sliders[(a, b)].value())))
                for a, b in ((first.code, second.code) for first, second in part.pairs)
            ]
            try:
                found = priorities(codes, judged)
            except AhpError as error:
                label.setText(t(error.message, error.params))
                continue
            shares = ", ".join(
                f"{names[c]} {value_text(round(100 * w, 1), 1)} %"
                for c, w in zip(found.criteria, found.weights, strict=True)
            )
            cr = value_text(round(found.cr, 3), 3)
            if found.consistent:
                label.setStyleSheet("color: #1b5e20;")
                label.setText(
                    self.tr("Bobot: %1. CR %2: konsisten.").replace("%1", shares).replace("%2", cr)
                )
                continue
            label.setStyleSheet("color: #9b1c1c;")
            worst = found.most_inconsistent
            ask = (
                ""
                if worst is None
                else self.tr(" Tanyakan lagi: %1 dibanding %2.")
                .replace("%1", names.get(worst.a, worst.a))
                .replace("%2", names.get(worst.b, worst.b))
            )
            label.setText(
                self.tr("Bobot: %1. CR %2 di atas 0,10: tidak konsisten.")
                .replace("%1", shares)
                .replace("%2", cr)
                + ask
            )

    def _state(self) -> tuple[object, ...]:
        return (
            self.name_edit.text(),
            self.group_box.currentText(),
            self.weight_box.value(),
            tuple(s.value() for s in self.sliders.values()),
        )

    def unsaved(self) -> bool:
        return self._state() != self._initial and bool(self.name_edit.text().strip())

    # -- saving and closing ---------------------------------------------------------------------

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        database, actor, draft_id = self.context.database, self.context.actor, self.draft_id
        name, rows = self.name_edit.text(), self.rows()
        try:
            ServiceOp(
                self,
                self.context,
                lambda: save_respondent(database, actor, draft_id, name, rows),
            ).run_now()
        except UserError as error:
            self.error_label.setText(error.text())
            self.error_label.show()
            return
        self.saved = True
        self.closed_on_purpose()
        super().accept()

    def unsaved_text(self) -> str:
        return self.tr("Jawaban responden ini belum disimpan.")
