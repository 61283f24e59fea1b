"""One participant, added by hand or corrected, with the reason on the record.

Clerks open it from the Peserta page (Tambah peserta…, Ubah data…, a double-click on a row).
The fields are those of a participants file, checked by the same service rules; a refusal
names each field in words, marks it, and keeps everything typed. A formation with a final
stage is shown read-only with the reason, for everyone; an assessor sees the data without
the means to change it. Closing with unsaved edits asks first (issue #10 §5).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import UserError
from app.services.formations import list_formations
from app.services.participant_edit import (
    ParticipantDetails,
    ParticipantEntry,
    ParticipantRejected,
    ParticipantSaved,
    add_participant,
    correct_participant,
)
from app.services.permissions import Action

from .context import AppContext
from .dialogs import DISCARD, SAVE, Dialogs
from .numbers import count_text, value_text
from .operations import ServiceOp

# A field with a problem, until it is edited again.
_PROBLEM_STYLE = "border: 1px solid #b42318; background: #fff4f2;"
# A date a participant is not born on: QDateEdit needs a date, so a new participant starts
# here and the field reads "pilih tanggal" until one is chosen.
_NO_DATE = QDate(1900, 1, 1)


def _decimal_text(value: Decimal | None) -> str:
    """As the committee types it: ``3,62`` in Indonesian, exactly the stored decimals."""
    return "" if value is None else value_text(value, max(0, -int(value.as_tuple().exponent)))


class ParticipantDialog(QDialog):
    """Adds (``details`` is None) or corrects one participant through the services.

    ``saved`` holds the outcome once accepted. Attributes the tests drive: the field edits
    (``number_edit`` … ``session_edit``, ``birth_edit``, ``formation_box``), ``reason_edit``,
    ``error_label``, ``locked_label`` and ``ok_button``.
    """

    def __init__(
        self,
        context: AppContext,
        details: ParticipantDetails | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.details = details
        self.saved: ParticipantSaved | None = None
        self.editable = context.may(Action.EDIT_PARTICIPANT) and not (
            details is not None and details.locked
        )
        self.setWindowTitle(
            self.tr("Tambah peserta")
            if details is None
            else self.tr("Peserta {number}").format(number=details.number)
        )
        self.setMinimumWidth(600)

        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.locked_label = QLabel()
        self.locked_label.setWordWrap(True)
        self.locked_label.setStyleSheet(
            "color: #7a1c14; background: #fde8e4; padding: 6px; border-radius: 3px;"
        )
        self.locked_label.hide()
        layout.addWidget(self.locked_label)

        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(40)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.birth_edit = QDateEdit()
        self.birth_edit.setDisplayFormat("dd-MM-yyyy")
        self.birth_edit.setCalendarPopup(True)
        self.birth_edit.setMinimumDate(_NO_DATE)
        self.birth_edit.setSpecialValueText(self.tr("pilih tanggal"))
        self.formation_box = QComboBox()
        self.formation_box.setMinimumContentsLength(30)
        self.formation_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for formation in list_formations(context.database, context.selection_id):
            self.formation_box.addItem(
                f"{formation.code} — {formation.position_title}", formation.code
            )
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(16)
        self.nik_edit.setPlaceholderText(self.tr("16 angka"))
        self.education_edit = QLineEdit()
        self.ipk_edit = QLineEdit()
        self.ipk_edit.setPlaceholderText(self.tr("misalnya 3,62"))
        self.priority_edit = QLineEdit()
        self.priority_edit.setPlaceholderText(self.tr("kosong bila tidak ada"))
        self.affirmation_edit = QLineEdit()
        self.affirmation_edit.setPlaceholderText(self.tr("kosong bila tidak ada"))
        self.session_edit = QLineEdit()
        # Each field by the file column the service names in its problems.
        self.fields: dict[str, QWidget] = {
            "nomor_peserta": self.number_edit,
            "nama": self.name_edit,
            "tanggal_lahir": self.birth_edit,
            "kode_formasi": self.formation_box,
            "nik": self.nik_edit,
            "pendidikan": self.education_edit,
            "ipk": self.ipk_edit,
            "kelompok_prioritas": self.priority_edit,
            "afirmasi_persen": self.affirmation_edit,
            "sesi": self.session_edit,
        }

        data = QGroupBox(self.tr("Data peserta"))
        form = QFormLayout(data)
        form.addRow(self.tr("Nomor peserta:"), self.number_edit)
        form.addRow(self.tr("Nama:"), self.name_edit)
        form.addRow(self.tr("Tanggal lahir:"), self.birth_edit)
        form.addRow(self.tr("Formasi:"), self.formation_box)
        form.addRow(self.tr("NIK:"), self.nik_edit)
        form.addRow(self.tr("Pendidikan:"), self.education_edit)
        form.addRow(self.tr("IPK / nilai ijazah:"), self.ipk_edit)
        form.addRow(self.tr("Kelompok prioritas:"), self.priority_edit)
        form.addRow(self.tr("Afirmasi (%):"), self.affirmation_edit)
        form.addRow(self.tr("Sesi:"), self.session_edit)
        layout.addWidget(data)

        reasons = QFormLayout()
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("Misalnya: peserta susulan, surat BKN nomor …")
            if details is None
            else self.tr("Misalnya: salah ketik nama, sesuai KTP")
        )
        reasons.addRow(self.tr("Alasan (wajib):"), self.reason_edit)
        layout.addLayout(reasons)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #9b1c1c;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("Tambahkan") if details is None else self.tr("Simpan perubahan"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.close_button = self.buttons.addButton(
            self.tr("Batal") if self.editable else self.tr("Tutup"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._fill(details)
        self._initial = self.entry()
        self._show_summary()
        if not self.editable:
            self._make_read_only()
        for widget in self.fields.values():
            signal = (
                widget.currentIndexChanged
                if isinstance(widget, QComboBox)
                else widget.dateChanged
                if isinstance(widget, QDateEdit)
                else widget.textChanged  # type: ignore[attr-defined]
            )
            signal.connect(lambda *_args, field=widget: self._edited(field))
        self.reason_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        (self.number_edit if details is None else self.name_edit).setFocus()

    # --- filling and reading ---------------------------------------------------------------

    def _fill(self, details: ParticipantDetails | None) -> None:
        if details is None:
            self.birth_edit.setDate(_NO_DATE)
            return
        self.number_edit.setText(details.number)
        self.name_edit.setText(details.name)
        birth = details.birth_date
        self.birth_edit.setDate(QDate(birth.year, birth.month, birth.day))
        index = self.formation_box.findData(details.formation)
        self.formation_box.setCurrentIndex(index)
        self.nik_edit.setText(details.nik)
        self.education_edit.setText(details.education)
        self.ipk_edit.setText(_decimal_text(details.ipk))
        self.priority_edit.setText(
            "" if details.priority_group is None else str(details.priority_group)
        )
        self.affirmation_edit.setText(_decimal_text(details.affirmation_percent))
        self.session_edit.setText(details.session)

    def entry(self) -> ParticipantEntry:
        """What the fields hold, as the service reads it."""
        birth = self.birth_edit.date()
        return ParticipantEntry(
            number=self.number_edit.text(),
            name=self.name_edit.text(),
            birth_date="" if birth == _NO_DATE else birth.toString("yyyy-MM-dd"),
            formation=str(self.formation_box.currentData() or ""),
            nik=self.nik_edit.text(),
            education=self.education_edit.text(),
            ipk=self.ipk_edit.text(),
            priority_group=self.priority_edit.text(),
            affirmation_percent=self.affirmation_edit.text(),
            session=self.session_edit.text(),
        )

    def is_dirty(self) -> bool:
        """Whether anything was typed that is not saved."""
        return self.editable and (
            self.entry().cells() != self._initial.cells() or bool(self.reason_edit.text().strip())
        )

    def _show_summary(self) -> None:
        details = self.details
        if details is None:
            self.summary_label.setText(
                self.tr(
                    "Peserta yang tidak ada dalam berkas impor (misalnya peserta susulan). "
                    "Data diperiksa seperti baris berkas peserta; penambahan dicatat dalam "
                    "jejak audit bersama alasannya."
                )
            )
            return
        marks = ", ".join(details.marks) or self.tr("tidak ada")
        self.summary_label.setText(
            self.tr("<b>{number}</b> — {name}<br>{scores} nilai tersimpan · Tanda: {marks}").format(
                number=escape(details.number),
                name=escape(details.name),
                scores=count_text(details.scores),
                marks=escape(marks),
            )
        )
        if details.locked:
            self.locked_label.setText(
                self.tr(
                    "Formasi {formation} sudah final pada tahap {stage}: data peserta ini "
                    "tidak dapat diubah sampai tahap itu dibuka kembali (halaman Peringkat, "
                    "«Buka kembali…»)."
                ).format(formation=escape(details.formation), stage=escape(details.locked))
            )
            self.locked_label.show()

    def _make_read_only(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        self.reason_edit.setEnabled(False)
        self.ok_button.hide()
        self.close_button.setText(self.tr("Tutup"))

    # --- editing ---------------------------------------------------------------------------

    def _edited(self, widget: QWidget) -> None:
        widget.setStyleSheet("")
        self.error_label.hide()
        self._update_ok()

    def _update_ok(self) -> None:
        changed = self.details is None or self.entry().cells() != self._initial.cells()
        self.ok_button.setEnabled(
            self.editable and changed and bool(self.reason_edit.text().strip())
        )
        if not self.reason_edit.text().strip():
            self.ok_button.setToolTip(self.tr("Isi alasan dahulu: perubahan dicatat."))
        elif not changed:
            self.ok_button.setToolTip(self.tr("Belum ada yang diubah."))
        else:
            self.ok_button.setToolTip("")

    def accept(self) -> None:
        """Save first; close only when the service stored the participant."""
        if not self.ok_button.isEnabled() or self.ok_button.isHidden():
            return
        selection_id = self.context.selection_id
        assert selection_id is not None
        database, actor = self.context.database, self.context.actor
        entry, reason, details = self.entry(), self.reason_edit.text(), self.details
        try:
            # One row: on the GUI thread, through the door that tells every page.
            self.saved = ServiceOp(
                self,
                self.context,
                lambda: (
                    add_participant(database, actor, selection_id, entry, reason)
                    if details is None
                    else correct_participant(
                        database, actor, selection_id, details.number, entry, reason, seen=details
                    )
                ),
            ).run_now()
        except ParticipantRejected as rejected:
            self._show_problems(rejected)
            return
        except UserError as error:
            self.error_label.setText(error.text())
            self.error_label.show()
            return
        super().accept()

    def _show_problems(self, rejected: ParticipantRejected) -> None:
        self.error_label.setText(rejected.text())
        self.error_label.show()
        first: QWidget | None = None
        for name in rejected.fields:
            widget = self.fields.get(name)
            if widget is None:
                continue
            widget.setStyleSheet(_PROBLEM_STYLE)
            first = first or widget
        if first is not None:
            first.setFocus()

    # --- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape, Batal or the window's close button: typed data is never dropped silently."""
        if self.is_dirty():
            answer = Dialogs.ask_unsaved(
                self,
                self.windowTitle(),
                self.tr("Data peserta yang diketik belum disimpan."),
            )
            if answer == SAVE:
                self.accept()
                return
            if answer != DISCARD:
                return
        self.discard()

    def discard(self) -> None:
        """Close and drop what was typed: the user chose to (or nothing was typed)."""
        super().reject()
