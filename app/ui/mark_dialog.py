"""Marking one participant APS, TMS or DIS, with the stage it applies from and a reason.

A mark removes a participant from a ranking, so the dialog names the participant in full,
explains each kind in words, lists the marks already recorded, and refuses to save without a
reason (the reason goes into the minutes).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.scoring.scheme import MARK_DISQUALIFIED, MARK_REQUIREMENT, MARK_WITHDRAWN
from app.services.errors import UserError
from app.services.marks import MarkInfo, mark_participant
from app.services.participants import MarkRow, ParticipantRow, participant_marks

from .context import AppContext
from .dialog_parts import error_label, ok_cancel
from .operations import ServiceOp


def _local_time(text: str) -> str:
    """Marks are stored in UTC; the committee reads its own clock."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


class MarkDialog(QDialog):
    """Records one mark through ``mark_participant`` when OK is pressed.

    ``stages`` are ``(code, name)`` pairs in scheme order; the first is preselected because a
    mark applies from its stage on. ``saved`` holds the stored mark once the dialog accepted.
    A refusal from the service (e.g. the same mark exists) is shown inside the dialog, which
    stays open so the user can change the stage or kind.
    """

    def __init__(
        self,
        context: AppContext,
        participant: ParticipantRow,
        stages: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.participant = participant
        self.saved: MarkInfo | None = None
        self.setWindowTitle(self.tr("Tandai peserta"))
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        who = QLabel(
            self.tr("<b>{number}</b> — {name}<br>Formasi {formation}: {position}").format(
                number=escape(participant.number),
                name=escape(participant.name),
                formation=escape(participant.formation),
                position=escape(participant.position_title),
            )
        )
        who.setWordWrap(True)
        layout.addWidget(who)

        kinds = QGroupBox(self.tr("Jenis tanda"))
        kinds_layout = QVBoxLayout(kinds)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for code, meaning in (
            (MARK_WITHDRAWN, self.tr("APS — mengundurkan diri")),
            (MARK_REQUIREMENT, self.tr("TMS — tidak memenuhi syarat")),
            (MARK_DISQUALIFIED, self.tr("DIS — diskualifikasi")),
        ):
            button = QRadioButton(meaning)
            self.kind_group.addButton(button)
            self.kind_buttons[code] = button
            kinds_layout.addWidget(button)
        self.kind_buttons[MARK_WITHDRAWN].setChecked(True)
        layout.addWidget(kinds)

        form = QFormLayout()
        self.stage_box = QComboBox()
        for code, name in stages:
            self.stage_box.addItem(f"{code} — {name}" if name and name != code else code, code)
        form.addRow(self.tr("Berlaku mulai tahap:"), self.stage_box)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("Misalnya: surat pengunduran diri tanggal 12-08-2024")
        )
        form.addRow(self.tr("Alasan (wajib):"), self.reason_edit)
        layout.addLayout(form)

        self.error_label = error_label()
        layout.addWidget(self.error_label)

        layout.addWidget(QLabel(self.tr("Tanda yang sudah tercatat:")))
        self.marks_view = QTreeWidget()
        self.marks_view.setRootIsDecorated(False)
        self.marks_view.setHeaderLabels(
            [
                self.tr("Jenis"),
                self.tr("Tahap"),
                self.tr("Alasan"),
                self.tr("Oleh"),
                self.tr("Waktu"),
            ]
        )
        self.marks_view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.marks_view.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.marks_view.setMaximumHeight(120)
        self.no_marks_label = QLabel(self.tr("Belum ada tanda untuk peserta ini."))
        self.no_marks_label.setStyleSheet("color: #555a60;")
        layout.addWidget(self.marks_view)
        layout.addWidget(self.no_marks_label)

        self.buttons, self.ok_button = ok_cancel(self, self.tr("Simpan tanda"))
        layout.addWidget(self.buttons)

        self.reason_edit.textChanged.connect(self._update_ok)
        # An earlier refusal no longer applies once the user changes what to save.
        self.reason_edit.textChanged.connect(self.error_label.hide)
        self.kind_group.buttonClicked.connect(self.error_label.hide)
        self.stage_box.currentIndexChanged.connect(self.error_label.hide)
        self._update_ok()
        self._show_marks(
            participant_marks(context.database, context.selection_id, participant.number)
        )
        self.reason_edit.setFocus()

    def _show_marks(self, marks: Sequence[MarkRow]) -> None:
        self.marks_view.clear()
        for mark in marks:
            QTreeWidgetItem(
                self.marks_view,
                [mark.kind, mark.stage, mark.reason, mark.created_by, _local_time(mark.created_at)],
            )
        self.marks_view.setVisible(bool(marks))
        self.no_marks_label.setVisible(not marks)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason_edit.text().strip()))

    def kind(self) -> str:
        return next(code for code, button in self.kind_buttons.items() if button.isChecked())

    def stage(self) -> str:
        return str(self.stage_box.currentData())

    def accept(self) -> None:
        """Save first; close only when the service stored the mark."""
        if not self.ok_button.isEnabled():
            return
        selection_id = self.context.selection_id
        assert selection_id is not None
        database, actor = self.context.database, self.context.actor
        number, kind, reason, stage = (
            self.participant.number,
            self.kind(),
            self.reason_edit.text(),
            self.stage(),
        )
        try:
            # One row: on the GUI thread, through the door that tells every page.
            self.saved = ServiceOp(
                self,
                self.context,
                lambda: mark_participant(
                    database, actor, selection_id, number, kind, reason, stage
                ),
            ).run_now()
        except UserError as error:
            self.error_label.setText(error.text())
            self.error_label.show()
            return
        super().accept()
