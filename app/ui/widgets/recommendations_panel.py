"""Findings and the tim monev's recommendations, side by side (issue #13 §1).

The evaluation states its findings in plain words, each with the number behind it; the team
answers them here. The panel lists the findings (warnings first), how many recommendations
answer each, and the recommendations themselves; adding, revising and withdrawing go through
``services.recommendations`` (audited), offered only to the roles the permission table allows.
It follows the file: a recommendation stored on another laptop shows here too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import RECOMMENDATIONS, Changes
from app.services.permissions import Action
from app.services.recommendations import (
    RecommendationInfo,
    list_recommendations,
    withdraw_recommendation,
)

from ..context import AppContext
from ..dialogs import Dialogs
from ..operations import ServiceOp
from ..recommendation_dialog import RecommendationDialog

WARNING_COLOUR = "#9b1c1c"
NOTE_COLOUR = "#3d4452"


class FindingLine(NamedTuple):
    """One finding as the panel shows it: stable key, ``"warning"`` or ``"note"``, sentence."""

    key: str
    severity: str
    text: str


def _local(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


class RecommendationsPanel(QWidget):
    """Attributes tests use: ``findings_view``, ``recommendations_view``, ``add_button``,
    ``revise_button``, ``withdraw_button``, ``withdrawn_box``; ``recommendations`` is what
    the list shows. ``open_dialog`` returns the dialog it opened (tests drive it)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.findings: list[FindingLine] = []
        self.recommendations: list[RecommendationInfo] = []
        writer = context.may(Action.RECOMMEND)

        self.findings_view = QTreeWidget()
        self.findings_view.setRootIsDecorated(False)
        self.findings_view.setHeaderLabels([self.tr("Temuan"), self.tr("Rekomendasi")])
        self.findings_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.findings_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.findings_view.setWordWrap(True)
        self.findings_view.setUniformRowHeights(False)
        self.findings_view.itemDoubleClicked.connect(lambda *_: self.add())
        self.findings_view.itemSelectionChanged.connect(self._show_detail)
        # A finding is a sentence with its numbers: the list shows its start, this the whole.
        self.finding_detail = QLabel()
        self.finding_detail.setWordWrap(True)
        self.finding_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finding_detail.setStyleSheet("padding: 4px; background: palette(base);")
        self.no_findings_label = QLabel(
            self.tr("Tidak ada temuan: tidak satu pun angka melewati batas peringatan.")
        )
        self.no_findings_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.no_findings_label.hide()

        self.recommendations_view = QTreeWidget()
        self.recommendations_view.setRootIsDecorated(False)
        self.recommendations_view.setHeaderLabels(
            [
                self.tr("No."),
                self.tr("Menjawab temuan"),
                self.tr("Rekomendasi"),
                self.tr("Penulis"),
                self.tr("Waktu"),
            ]
        )
        header = self.recommendations_view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.recommendations_view.setWordWrap(True)
        self.recommendations_view.itemSelectionChanged.connect(self._update_buttons)
        self.recommendations_view.itemSelectionChanged.connect(self._show_detail)
        self.recommendations_view.header().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive
        )
        self.recommendations_view.setColumnWidth(1, 300)
        self.recommendation_detail = QLabel()
        self.recommendation_detail.setWordWrap(True)
        self.recommendation_detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.recommendations_view.itemDoubleClicked.connect(lambda *_: self.revise())

        self.add_button = QPushButton(self.tr("Tambah rekomendasi…"))
        self.revise_button = QPushButton(self.tr("Ubah…"))
        self.withdraw_button = QPushButton(self.tr("Tarik…"))
        self.withdrawn_box = QCheckBox(self.tr("Tampilkan yang ditarik"))
        self.add_button.clicked.connect(self.add)
        self.revise_button.clicked.connect(self.revise)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.withdrawn_box.toggled.connect(self.reload)
        for button in (self.add_button, self.revise_button, self.withdraw_button):
            button.setVisible(writer)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        hint = (
            self.tr("Klik dua kali sebuah temuan untuk menulis rekomendasi yang menjawabnya.")
            if writer
            else self.tr("Rekomendasi ditulis oleh administrator dan tim monev.")
        )
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        top_layout.addWidget(self.findings_view, 1)
        top_layout.addWidget(self.finding_detail)
        top_layout.addWidget(self.no_findings_label)
        top_layout.addWidget(hint_label)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.revise_button, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.withdrawn_box)
        bottom_layout.addLayout(buttons)
        bottom_layout.addWidget(self.recommendations_view, 1)
        bottom_layout.addWidget(self.recommendation_detail)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        context.changes.changed.connect(self._on_changes)
        context.changes.selection_switched.connect(lambda _id: self.reload())
        self.reload()

    # -- what is shown ----------------------------------------------------------------------

    def set_findings(self, findings: Sequence[FindingLine]) -> None:
        """The evaluation's findings, as computed for the filters in force."""
        order = {"warning": 0, "note": 1}
        self.findings = sorted(findings, key=lambda f: order.get(f.severity, 2))
        self._show_findings()

    def _show_findings(self) -> None:
        answered = Counter(r.finding_key for r in self.recommendations if r.standing)
        self.findings_view.clear()
        for finding in self.findings:
            item = QTreeWidgetItem(
                self.findings_view, [finding.text, str(answered.get(finding.key, 0) or "")]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, finding.key)
            item.setToolTip(0, finding.text)
            colour = WARNING_COLOUR if finding.severity == "warning" else NOTE_COLOUR
            item.setForeground(0, QBrush(QColor(colour)))
        self.findings_view.setVisible(bool(self.findings))
        self.no_findings_label.setVisible(not self.findings)
        self._show_detail()

    def reload(self) -> None:
        selection_id = self.context.selection_id
        self.recommendations = (
            []
            if selection_id is None
            else list_recommendations(
                self.context.database,
                selection_id,
                include_withdrawn=self.withdrawn_box.isChecked(),
            )
        )
        texts = {f.key: f.text for f in self.findings}
        self.recommendations_view.clear()
        for recommendation in self.recommendations:
            key = recommendation.finding_key
            answered = self.tr("(keseluruhan)") if key is None else texts.get(key, key)
            when = _local(recommendation.revised_at or recommendation.written_at)
            if recommendation.revised_at is not None:
                when = self.tr("{time} (diubah)").format(time=when)
            text = recommendation.text
            if not recommendation.standing:
                text = self.tr("[ditarik] {text}").format(text=text)
            item = QTreeWidgetItem(
                self.recommendations_view,
                [str(recommendation.id), answered, text, recommendation.author, when],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, recommendation.id)
            item.setToolTip(1, answered)
            item.setToolTip(2, recommendation.text)
            if not recommendation.standing:
                for column in range(5):
                    item.setForeground(column, QBrush(QColor("#8a8f98")))
        self._show_findings()
        self._update_buttons()
        self._show_detail()

    def _show_detail(self) -> None:
        items = self.findings_view.selectedItems()
        self.finding_detail.setText(items[0].toolTip(0) if items else "")
        self.finding_detail.setVisible(bool(items))
        chosen = self._chosen()
        if chosen is None:
            self.recommendation_detail.hide()
            return
        self.recommendation_detail.setText(chosen.text)
        self.recommendation_detail.show()

    def _chosen(self) -> RecommendationInfo | None:
        items = self.recommendations_view.selectedItems()
        if not items:
            return None
        wanted = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.recommendations if r.id == wanted), None)

    def _update_buttons(self) -> None:
        chosen = self._chosen()
        mine = (
            chosen is not None
            and chosen.standing
            and (self.context.role == "admin" or chosen.author == self.context.actor.name)
        )
        self.add_button.setEnabled(self.context.selection_id is not None)
        self.revise_button.setEnabled(mine)
        self.withdraw_button.setEnabled(mine)

    def _on_changes(self, changes: Changes, _initiator: QObject | None) -> None:
        if changes.touches(RECOMMENDATIONS):
            self.reload()

    # -- actions ------------------------------------------------------------------------------

    def open_dialog(
        self, existing: RecommendationInfo | None = None, finding_key: str | None = None
    ) -> RecommendationDialog:
        dialog = RecommendationDialog(
            self.context,
            [(f.key, f.text) for f in self.findings],
            existing=existing,
            finding_key=finding_key,
            parent=self,
        )
        dialog.setModal(True)
        dialog.show()
        return dialog

    def add(self) -> RecommendationDialog | None:
        if not self.context.may(Action.RECOMMEND) or self.context.selection_id is None:
            return None
        items = self.findings_view.selectedItems()
        key = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        return self.open_dialog(finding_key=key)

    def revise(self) -> RecommendationDialog | None:
        chosen = self._chosen()
        if chosen is None or not self.revise_button.isEnabled():
            return None
        return self.open_dialog(existing=chosen)

    def withdraw(self) -> None:
        chosen = self._chosen()
        selection_id = self.context.selection_id
        if chosen is None or selection_id is None or not self.withdraw_button.isEnabled():
            return
        if not Dialogs.confirm(
            self,
            self.tr("Tarik rekomendasi"),
            self.tr(
                "Tarik rekomendasi nomor {id} dari laporan? Isinya tetap tersimpan dan"
                " tercatat di jejak audit."
            ).format(id=chosen.id),
        ):
            return
        database, actor = self.context.database, self.context.actor
        ServiceOp(
            self,
            self.context,
            lambda: withdraw_recommendation(database, actor, selection_id, chosen.id),
        ).run_in_background(self.tr("Tarik rekomendasi"))
