"""The FGD of a draft (issue #14 §1): who was heard, how consistent, and the weights it gives.

Respondents come from the form in the window (``RespondentDialog``) or from the workbook of a
paper round (*Impor berkas FGD…*; the paper form and the workbook to type it into are printed
here too). The table shows each respondent's group, the group's weight and their consistency
ratio per part, flagged above 0.10 with the pair to ask again; below, the group's weights as
whole percentages (AIJ, Forman & Peniwati 1998), the group's CR, Goepel's consensus and the
spread across respondents. *Usulkan bobot ke rancangan* writes those percentages into the
draft's scheme, with or without the inconsistent respondents (the choice is recorded).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import t
from app.scoring.ahp import TOP
from app.scoring.fgd_pairs import ComparisonPart, comparison_parts
from app.services.errors import ImportRejected, UserError
from app.services.fgd_questionnaire import questionnaire_pdf, questionnaire_workbook
from app.services.policy_drafts import (
    DraftInfo,
    draft_weights,
    import_fgd_file,
    judgments,
    propose_fgd_weights,
)
from app.services.tabular import parse_decimal

from ...context import AppContext
from ...dialogs import Dialogs
from ...numbers import value_text
from ...operations import ServiceOp
from .respondent_dialog import RespondentDialog


def _item(text: str, colour: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if colour:
        from PySide6.QtGui import QBrush, QColor

        item.setForeground(QBrush(QColor(colour)))
    return item


def _number(text: str) -> str:
    """A group weight as typed (``0.35``, ``0,35``, ``35``) in the reader's convention."""
    try:
        return value_text(parse_decimal(text))
    except ValueError:
        return text


class FgdTab(QWidget):
    """``respondents_table``, ``weights_table``, ``summary_label``, the buttons
    (``add_button``, ``edit_button``, ``import_button``, ``paper_button``,
    ``workbook_button``, ``propose_button``), ``exclude_box``; ``weighed`` is the last
    result (``fgd.FgdWeights``) or ``None``. ``draft_changed`` after a proposal was stored."""

    draft_changed = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.draft: DraftInfo | None = None
        self.parts: list[ComparisonPart] = []
        self.weighed: Any = None
        self.add_button = QPushButton(self.tr("Tambah responden…"))
        self.edit_button = QPushButton(self.tr("Ubah jawaban…"))
        self.import_button = QPushButton(self.tr("Impor berkas FGD…"))
        self.paper_button = QPushButton(self.tr("Cetak kuesioner…"))
        self.workbook_button = QPushButton(self.tr("Buku kerja isian…"))
        self.exclude_box = QCheckBox(self.tr("Kecualikan responden yang tidak konsisten"))
        self.propose_button = QPushButton(self.tr("Usulkan bobot ke rancangan"))
        self.add_button.clicked.connect(lambda: self.open_form(None))
        self.edit_button.clicked.connect(self._edit_chosen)
        self.import_button.clicked.connect(self.import_file)
        self.paper_button.clicked.connect(self.save_paper)
        self.workbook_button.clicked.connect(self.save_workbook)
        self.exclude_box.toggled.connect(lambda _on: self.refresh())
        self.propose_button.clicked.connect(self.propose)

        self.respondents_table = QTableWidget(0, 5)
        self.respondents_table.setHorizontalHeaderLabels(
            [
                self.tr("Responden"),
                self.tr("Kelompok"),
                self.tr("Bobot kelompok"),
                self.tr("CR per bagian"),
                self.tr("Tanyakan lagi"),
            ]
        )
        header = self.respondents_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.respondents_table.verticalHeader().hide()
        self.respondents_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.respondents_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.respondents_table.itemSelectionChanged.connect(self._update_buttons)
        self.respondents_table.cellDoubleClicked.connect(lambda *_: self._edit_chosen())
        self.weights_table = QTableWidget(0, 4)
        self.weights_table.setHorizontalHeaderLabels(
            [
                self.tr("Kriteria"),
                self.tr("Bobot kelompok"),
                self.tr("Usulan (%)"),
                self.tr("Sebaran antarresponden"),
            ]
        )
        self.weights_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.weights_table.horizontalHeader().setStretchLastSection(True)
        self.weights_table.verticalHeader().hide()
        self.weights_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        top = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.import_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.paper_button)
        top.addWidget(self.workbook_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.exclude_box)
        bottom.addStretch(1)
        bottom.addWidget(self.propose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.respondents_table, 3)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.weights_table, 2)
        layout.addLayout(bottom)

    # -- showing --------------------------------------------------------------------------------

    def show_draft(self, draft: DraftInfo | None) -> None:
        self.draft = draft
        self.parts = []
        if draft is not None:
            stage = next((s for s in draft.scheme.stages if s.code == draft.stage_code), None)
            if stage is not None:
                try:
                    self.parts = comparison_parts(stage)
                except ValueError:
                    self.parts = []
        self.refresh()

    def refresh(self) -> None:
        draft = self.draft
        self.weighed = None
        self.respondents_table.setRowCount(0)
        self.weights_table.setRowCount(0)
        if draft is None:
            self.summary_label.clear()
            self._update_buttons()
            return
        stored = judgments(self.context.database, draft.id)
        if not stored:
            self.summary_label.setText(
                self.tr(
                    "Belum ada responden. Tambahkan dengan formulir, atau cetak kuesioner dan"
                    " impor buku kerja isiannya."
                )
            )
            self._update_buttons()
            return
        try:
            self.weighed = draft_weights(
                self.context.database, draft.id, exclude_inconsistent=self.exclude_box.isChecked()
            )
        except ImportRejected as rejected:
            self.summary_label.setText("\n".join([rejected.text(), *rejected.lines()[:5]]))
            self._update_buttons()
            return
        except UserError as error:
            self.summary_label.setText(error.text())
            self._update_buttons()
            return
        self._show_respondents(stored)
        self._show_weights()
        self._update_buttons()

    def _show_respondents(self, stored: list[Any]) -> None:
        result = self.weighed.result
        people: dict[str, Any] = {}
        for judgment in stored:
            people.setdefault(judgment.respondent, judgment)
        names = {c.code: c.name for part in self.parts for c in part.criteria}
        for row, (name, first) in enumerate(people.items()):
            self.respondents_table.insertRow(row)
            ratios, ask = [], []
            consistent = True
            for level in result.levels:
                found = level.respondents.get(name)
                if found is None:
                    continue
                ratios.append(value_text(round(found.cr, 3), 3))
                if not found.consistent:
                    consistent = False
                    worst = found.most_inconsistent
                    if worst is not None:
                        ask.append(f"{names.get(worst.a, worst.a)} – {names.get(worst.b, worst.b)}")
            colour = "" if consistent else "#9b1c1c"
            excluded = name in {e.respondent for e in result.excluded}
            label = name + (self.tr(" (dikecualikan)") if excluded else "")
            weight = _number(first.group_weight)
            for column, text in enumerate(
                (label, first.group, weight, " · ".join(ratios), "; ".join(ask))
            ):
                self.respondents_table.setItem(row, column, _item(text, colour))

    def _show_weights(self) -> None:
        result, draft = self.weighed.result, self.weighed.draft
        names = {c.code: c.name for part in self.parts for c in part.criteria}
        row = 0
        for level in result.levels:
            percent = dict(zip(level.criteria, level.percent, strict=True))
            spreads = dict(zip(level.criteria, level.spread, strict=True))
            for code, weight in zip(level.group.criteria, level.group.weights, strict=True):
                self.weights_table.insertRow(row)
                spread = spreads[code]
                indent = "" if level.key == TOP else "    "
                cells = (
                    indent + names.get(code, code),
                    value_text(round(100 * weight, 1), 1) + " %",
                    f"{percent[code]} %",
                    f"{value_text(round(100 * spread.minimum, 1), 1)}–"
                    f"{value_text(round(100 * spread.maximum, 1), 1)} %",
                )
                for column, text in enumerate(cells):
                    self.weights_table.setItem(row, column, _item(text))
                row += 1
        top = result.top
        problems = [] if draft is None else draft.problems
        summary = (
            self.tr("CR kelompok %1; konsensus %2. %3 responden tidak konsisten.")
            .replace("%1", value_text(round(top.group.cr, 3), 3))
            .replace(
                "%2",
                "-"
                if top.consensus is None
                else value_text(round(100 * top.consensus, 1), 1) + " %",
            )
            .replace("%3", str(len({n for level in result.levels for n in level.inconsistent})))
        )
        if problems:
            summary += " " + self.tr("Usulan ini melanggar: %1").replace(
                "%1", "; ".join(t(p.message, p.params) for p in problems)
            )
        self.summary_label.setText(summary)

    def _update_buttons(self) -> None:
        draft = self.draft
        open_draft = draft is not None and not draft.adopted
        for button in (self.add_button, self.import_button, self.paper_button):
            button.setEnabled(open_draft if button is not self.paper_button else draft is not None)
        self.workbook_button.setEnabled(draft is not None)
        self.add_button.setEnabled(open_draft and bool(self.parts))
        self.edit_button.setEnabled(open_draft and bool(self.respondents_table.selectedItems()))
        self.propose_button.setEnabled(open_draft and self.weighed is not None)

    # -- actions --------------------------------------------------------------------------------

    def open_form(self, respondent: str | None) -> RespondentDialog | None:
        draft = self.draft
        if draft is None or not self.parts:
            return None
        existing = None
        if respondent is not None:
            existing = [
                j for j in judgments(self.context.database, draft.id) if j.respondent == respondent
            ]
        dialog = RespondentDialog(self.context, draft.id, self.parts, existing, self)
        dialog.accepted.connect(self.refresh)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _edit_chosen(self) -> RespondentDialog | None:
        rows = {index.row() for index in self.respondents_table.selectedIndexes()}
        if not rows or self.draft is None:
            return None
        stored = judgments(self.context.database, self.draft.id)
        people = list(dict.fromkeys(j.respondent for j in stored))
        return self.open_form(people[min(rows)])

    def import_file(self) -> None:
        draft = self.draft
        if draft is None:
            return
        path = Dialogs.open_file(
            self,
            self.tr("Impor berkas FGD"),
            self.tr("Tabel (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path is None:
            return
        database, actor = self.context.database, self.context.actor
        try:
            ServiceOp(
                self, self.context, lambda: import_fgd_file(database, actor, draft.id, path)
            ).run_now()
        except ImportRejected as rejected:
            Dialogs.error(
                self, self.tr("Impor berkas FGD"), "\n".join([rejected.text(), *rejected.lines()])
            )
            return
        except UserError as error:
            Dialogs.error(self, self.tr("Impor berkas FGD"), error.text())
            return
        self.refresh()

    def save_paper(self) -> None:
        draft = self.draft
        if draft is None:
            return
        path = Dialogs.save_file(
            self, self.tr("Cetak kuesioner"), self.tr("Dokumen PDF (*.pdf)"), "kuesioner.pdf"
        )
        if path is None:
            return
        try:
            document = questionnaire_pdf(
                self.context.database, draft.selection_id, draft.stage_code
            )
            pages = document.save(path)
        except (UserError, OSError) as error:
            text = error.text() if isinstance(error, UserError) else str(error)
            Dialogs.error(self, self.tr("Cetak kuesioner"), text)
            return
        self.summary_label.setText(
            self.tr("Kuesioner ditulis: %1 (%2 halaman).")
            .replace("%1", str(path))
            .replace("%2", str(pages))
        )

    def save_workbook(self) -> None:
        draft = self.draft
        if draft is None:
            return
        path = Dialogs.save_file(
            self,
            self.tr("Buku kerja isian"),
            self.tr("Buku kerja Excel (*.xlsx)"),
            "kuesioner-isian.xlsx",
        )
        if path is None:
            return
        try:
            questionnaire_workbook(
                self.context.database, draft.selection_id, path, draft.stage_code
            )
        except UserError as error:
            Dialogs.error(self, self.tr("Buku kerja isian"), error.text())
            return
        self.summary_label.setText(
            self.tr("Buku kerja isian ditulis: %1.").replace("%1", str(path))
        )

    def propose(self) -> None:
        draft = self.draft
        if draft is None or self.weighed is None:
            return
        database, actor = self.context.database, self.context.actor
        exclude = self.exclude_box.isChecked()
        try:
            ServiceOp(
                self,
                self.context,
                lambda: propose_fgd_weights(
                    database, actor, draft.id, exclude_inconsistent=exclude
                ),
            ).run_now()
        except UserError as error:
            Dialogs.error(self, self.tr("Usulkan bobot ke rancangan"), error.text())
            return
        self.draft_changed.emit(draft.id)
