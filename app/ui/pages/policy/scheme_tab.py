"""The draft's scheme beside today's (issue #14 §1–2): weights, thresholds, tie-break order.

One row per component of the weighed stage and, indented below it, one per rubric aspect;
today's value (the selection's scheme) beside the draft's, which is typed here. Saving keeps
the draft even when it breaks a rule of the scheme validator: the rules it breaks are listed
in words under the table, and the draft cannot be adopted until none is left.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import t
from app.scoring import Scheme, Stage
from app.services.policy_drafts import DraftInfo, draft_problems

from ...numbers import value_text

COL_CODE, COL_NAME, COL_WEIGHT_NOW, COL_WEIGHT, COL_THRESHOLD_NOW, COL_THRESHOLD = range(6)


class SchemeTab(QWidget):
    """``table`` (spin boxes in the draft's columns), ``ranking_edit``, ``save_button``,
    ``problems_label``; ``save_requested(scheme)`` asks the page to store the typed scheme."""

    save_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: DraftInfo | None = None
        self.today: Scheme | None = None
        self._rows: list[tuple[str, str | None]] = []  # (component, aspect or None)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kode"),
                self.tr("Komponen / aspek"),
                self.tr("Bobot sekarang (%)"),
                self.tr("Bobot rancangan (%)"),
                self.tr("Ambang sekarang"),
                self.tr("Ambang rancangan"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.ranking_edit = QLineEdit()
        self.ranking_edit.setToolTip(
            self.tr(
                "Urutan penentu peringkat bila nilai sama, dipisahkan koma (mis. NILAI_AKHIR,"
                " PRAKTIK, PENGETAHUAN, USIA)"
            )
        )
        self.save_button = QPushButton(self.tr("Simpan rancangan"))
        self.save_button.clicked.connect(self._save)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)

        ranking = QHBoxLayout()
        ranking.addWidget(QLabel(self.tr("Urutan penentu peringkat:")))
        ranking.addWidget(self.ranking_edit, 1)
        ranking.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(ranking)
        layout.addWidget(self.problems_label)

    def stage_of(self, scheme: Scheme) -> Stage | None:
        if self.draft is None:
            return None
        return next((s for s in scheme.stages if s.code == self.draft.stage_code), None)

    def show_draft(self, draft: DraftInfo | None, today: Scheme | None) -> None:
        self.draft, self.today = draft, today
        self.table.setRowCount(0)
        self._rows = []
        editable = draft is not None and not draft.adopted
        self.save_button.setEnabled(editable)
        self.ranking_edit.setEnabled(editable)
        if draft is None or today is None:
            self.state_label.setText(self.tr("Pilih atau buat rancangan kebijakan."))
            self.problems_label.clear()
            self.ranking_edit.clear()
            return
        scheme = draft.scheme
        stage, now = self.stage_of(scheme), self.stage_of(today)
        if stage is None:
            return
        self.state_label.setText(
            self.tr("Dijadikan skema: %1 (SHA-256 %2).")
            .replace("%1", draft.adopted_file or "")
            .replace("%2", (draft.adopted_sha256 or "")[:16] + "…")
            if draft.adopted
            else self.tr("Tahap %1: ketik bobot dan ambang rancangan, lalu simpan.").replace(
                "%1", stage.code
            )
        )
        for component in stage.components:
            before = None
            if now is not None:
                before = next((c for c in now.components if c.code == component.code), None)
            self._add_row(
                component.code,
                component.name,
                before.weight if before else None,
                component.weight,
                before.threshold if before else None,
                component.threshold,
                (component.code, None),
                editable,
                step=component.step,
                maximum=component.maximum,
            )
            for aspect in component.aspects:
                old = None
                if before is not None:
                    old = next((a for a in before.aspects if a.code == aspect.code), None)
                self._add_row(
                    f"{component.code}.{aspect.code}",
                    "    " + aspect.name,
                    old.weight if old else None,
                    aspect.weight,
                    None,
                    None,
                    (component.code, aspect.code),
                    editable,
                )
        self.ranking_edit.setText(", ".join(stage.ranking))
        self._show_problems(draft)

    def _add_row(
        self,
        code: str,
        name: str,
        weight_now: Decimal | None,
        weight: Decimal,
        threshold_now: Decimal | None,
        threshold: Decimal | None,
        key: tuple[str, str | None],
        editable: bool,
        *,
        step: Decimal = Decimal(1),
        maximum: Decimal = Decimal(100),
    ) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._rows.append(key)
        for column, text in (
            (COL_CODE, code),
            (COL_NAME, name),
            (COL_WEIGHT_NOW, value_text(weight_now)),
            (COL_THRESHOLD_NOW, value_text(threshold_now)),
        ):
            self.table.setItem(row, column, QTableWidgetItem(text))
        box = QSpinBox()
        box.setRange(0, 100)
        box.setValue(int(weight))
        box.setSuffix(" %")
        box.setEnabled(editable)
        self.table.setCellWidget(row, COL_WEIGHT, box)
        if key[1] is None:
            limit = QDoubleSpinBox()
            limit.setDecimals(0 if step == step.to_integral_value() else 2)
            limit.setRange(0, float(maximum))
            limit.setSingleStep(float(step))
            limit.setSpecialValueText(self.tr("tanpa ambang"))
            limit.setValue(float(threshold) if threshold is not None else 0)
            limit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
            limit.setEnabled(editable)
            self.table.setCellWidget(row, COL_THRESHOLD, limit)

    def typed_scheme(self) -> Scheme | None:
        """The draft's scheme with what is typed in the table and the tie-break line."""
        draft = self.draft
        if draft is None:
            return None
        scheme = draft.scheme
        weights: dict[tuple[str, str | None], Decimal] = {}
        thresholds: dict[str, Decimal | None] = {}
        for row, key in enumerate(self._rows):
            box = self.table.cellWidget(row, COL_WEIGHT)
            assert isinstance(box, QSpinBox)
            weights[key] = Decimal(box.value())
            limit = self.table.cellWidget(row, COL_THRESHOLD)
            if isinstance(limit, QDoubleSpinBox):
                value = Decimal(str(round(limit.value(), limit.decimals())))
                thresholds[key[0]] = None if value == 0 else value.normalize()
        stages = []
        for stage in scheme.stages:
            if stage.code != draft.stage_code:
                stages.append(stage)
                continue
            components = []
            for component in stage.components:
                aspects = tuple(
                    replace(a, weight=weights.get((component.code, a.code), a.weight))
                    for a in component.aspects
                )
                components.append(
                    replace(
                        component,
                        weight=weights.get((component.code, None), component.weight),
                        threshold=thresholds.get(component.code, component.threshold),
                        aspects=aspects,
                    )
                )
            order = tuple(
                code.strip().upper() for code in self.ranking_edit.text().split(",") if code.strip()
            )
            stages.append(replace(stage, components=tuple(components), ranking=order))
        return replace(scheme, stages=tuple(stages))

    def _save(self) -> None:
        scheme = self.typed_scheme()
        if scheme is not None:
            self.save_requested.emit(scheme)

    def _show_problems(self, draft: DraftInfo) -> None:
        problems = draft_problems(draft)
        if not problems:
            self.problems_label.setStyleSheet("color: #1b5e20;")
            self.problems_label.setText(
                self.tr("Rancangan memenuhi setiap aturan skema: dapat dijadikan skema.")
            )
            return
        lines = [f"• {problem.key}: {t(problem.message, problem.params)}" for problem in problems]
        self.problems_label.setStyleSheet("color: #9b1c1c;")
        self.problems_label.setText(
            self.tr("Rancangan melanggar %1 aturan dan belum dapat dijadikan skema:").replace(
                "%1", str(len(problems))
            )
            + "\n"
            + "\n".join(lines)
        )
