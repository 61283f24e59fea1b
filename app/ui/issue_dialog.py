"""Issuing an announcement: the stage check first, then the number, date, signature and file.

An issued announcement can never be edited, only replaced by a new one that names it, so the
dialog checks the stage before anything is written: it computes the ranking (off the GUI
thread) and shows how many participants each code gets. Incomplete scores and results not yet
finalized block issuing (the service refuses them too, but the clerk should learn why, and
where to fix it, before choosing a file), and complete ties at the vacancy boundary (``SERI``)
are named formation by formation and must be confirmed: the committee decides those, and the
announcement prints them as they are.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.announcements import FAR_DAYS, AnnouncementInfo, issue_announcement
from app.services.errors import UserError
from app.services.progress import Cancelled
from app.services.scheme_edit import current_scheme

from .context import AppContext
from .dialogs import Dialogs
from .numbers import count_text
from .operations import Progress, QueryOp, ServiceOp
from .stage_readiness import StageReadiness, stage_readiness
from .widgets.path_row import path_row, with_suffix

# Formation codes listed in the stage check: per line (its label is not word-wrapped), and
# lines at most.
CODES_PER_LINE = 8
MAX_CODE_LINES = 4
ERROR_STYLE = "color: #b3261e;"
# (background, border, text) of the stage check's frame.
WARNING_STYLE = ("#fff4d6", "#e0b84f", "#4a3800")
BLOCKED_STYLE = ("#fde7e4", "#e2a59d", "#6b1410")
READY_STYLE = ("#e6f4ea", "#9fcdaa", "#17401f")


class IssueDialog(QDialog):
    """Issues one announcement through ``issue_announcement``.

    ``issued(info)`` fires (and the dialog accepts) once the PDF is written and stored;
    ``info`` is then also in ``self.issued_info``. ``readiness`` holds the last stage check
    (``None`` while it runs). A refusal (a wrong key password, a damaged key, a file that
    cannot be written) is shown with ``Dialogs.error`` and the dialog stays open.
    """

    issued = Signal(object)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, key_path: Path | None = None
    ) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.selection_id = context.selection_id
        self.readiness: StageReadiness | None = None
        self.issued_info: AnnouncementInfo | None = None
        self.busy = False
        self._checking: str | None = None
        self.setWindowTitle(self.tr("Terbitkan pengumuman"))
        self._build(key_path)
        self._fill_stages()
        self._sign_toggled(False)
        self.check_stage()

    # -- building --------------------------------------------------------------------------

    def _build(self, key_path: Path | None) -> None:
        intro = QLabel(
            self.tr(
                "Pengumuman yang sudah diterbitkan tidak dapat diubah.\nKoreksi dilakukan"
                " dengan menerbitkan pengumuman baru yang menggantikannya."
            )
        )

        self.stage_box = QComboBox()
        # No label of this dialog is word-wrapped; lines are broken by hand. With a wrapped
        # label in it, Qt sizes the dialog from minimum sizes but lays it out by height for
        # width, and squeezes the stage check's frame below its height when its answer arrives.
        self.readiness_label = QLabel()
        self.readiness_label.setTextFormat(Qt.TextFormat.RichText)
        self.readiness_frame = QFrame()
        self.readiness_frame.setObjectName("readiness")
        frame_layout = QVBoxLayout(self.readiness_frame)
        frame_layout.setContentsMargins(8, 6, 8, 6)
        frame_layout.addWidget(self.readiness_label)

        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(
            self.tr("Kosongkan agar nomor urut diberikan otomatis (mis. 001/PANSELDA/2024)")
        )
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setCalendarPopup(True)
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(
            self.tr("Kosongkan untuk judul baku: HASIL <tahap> <nama seleksi>")
        )

        document = QGroupBox(self.tr("Dokumen"))
        # On a child, not the dialog: a minimum size set on the dialog itself would keep its
        # layout from growing it when the stage check's answer needs more lines.
        document.setMinimumWidth(600)
        grid = QGridLayout(document)
        grid.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("&Tahap:"), self.stage_box),
            ("", self.readiness_frame),
            (self.tr("&Nomor:"), self.number_edit),
            (self.tr("T&anggal:"), self.date_edit),
            (self.tr("&Perihal:"), self.subject_edit),
        ]
        for row, (text, field) in enumerate(rows):
            if text:
                label = QLabel(text)
                label.setBuddy(field)
                grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)

        self.sign_box = QCheckBox(self.tr("Tandatangani secara &elektronik"))
        self.key_edit = QLineEdit(str(key_path) if key_path else "")
        self.key_edit.setPlaceholderText(self.tr("Berkas kunci panitia (.p12)"))
        self.key_button = QPushButton(self.tr("Pilih…"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_hint = QLabel(
            self.tr(
                "Kunci panitia dibuat sekali lewat «Buat kunci panitia…».\nKata sandinya"
                " tidak disimpan oleh aplikasi."
            )
        )
        self.key_hint.setStyleSheet("color: #5a6170;")
        signing = QGroupBox(self.tr("Tanda tangan"))
        sign_form = QFormLayout(signing)
        sign_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        sign_form.addRow(self.sign_box)
        self.key_label = QLabel(self.tr("&Kunci:"))
        self.key_label.setBuddy(self.key_edit)
        sign_form.addRow(self.key_label, path_row(self.key_edit, self.key_button))
        self.password_label = QLabel(self.tr("Kata &sandi:"))
        self.password_label.setBuddy(self.password_edit)
        sign_form.addRow(self.password_label, self.password_edit)
        sign_form.addRow("", self.key_hint)

        self.output_edit = QLineEdit()
        self.output_edit.setPlaceholderText(self.tr("Pilih tempat menyimpan berkas PDF"))
        self.output_button = QPushButton(self.tr("Pilih…"))
        output = QGroupBox(self.tr("Simpan ke"))
        output_form = QFormLayout(output)
        output_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        output_form.addRow(self.tr("&Berkas PDF:"), path_row(self.output_edit, self.output_button))

        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()

        self.buttons = QDialogButtonBox()
        self.issue_button = self.buttons.addButton(
            self.tr("&Terbitkan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.issue_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Batal"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(document)
        layout.addWidget(signing)
        layout.addWidget(output)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.stage_box.activated.connect(lambda _index: self.check_stage())
        self.sign_box.toggled.connect(self._sign_toggled)
        self.key_button.clicked.connect(self.choose_key)
        self.output_button.clicked.connect(self.choose_output)
        self.issue_button.clicked.connect(self.issue)
        self.cancel_button.clicked.connect(self.reject)

    def _fill_stages(self) -> None:
        scheme = current_scheme(self.context.database, self.selection_id)
        for stage in scheme.stages:
            self.stage_box.addItem(f"{stage.code} — {stage.name}", stage.code)
        # The final stage is the one announced most, and last in the scheme.
        self.stage_box.setCurrentIndex(self.stage_box.count() - 1)

    # -- the stage check -------------------------------------------------------------------

    def stage_code(self) -> str:
        return self.stage_box.currentData() or ""

    def check_stage(self) -> None:
        """Compute the chosen stage's ranking off the GUI thread and show what it holds."""
        code = self.stage_code()
        if not code or self._checking == code:
            return
        self.readiness = None
        self._checking = code
        self._set_readiness_style("")
        self.readiness_label.setText(self.tr("Memeriksa hasil tahap {stage}…").format(stage=code))
        self._update_buttons()
        database, selection_id = self.context.database, self.selection_id

        def shown(readiness: StageReadiness) -> None:
            self._show_readiness(readiness, code)

        def failed(error: Exception) -> None:
            self._readiness_failed(error, code)

        QueryOp(self, lambda: stage_readiness(database, selection_id, code)).saying(
            self.tr("Menghitung peringkat tahap {stage}…").format(stage=code)
        ).success(shown).failure(failed).run_in_background(self.tr("Memeriksa hasil"))

    def _code_lines(self, codes: tuple[str, ...]) -> list[str]:
        """Formation codes, a few per line (the label is not word-wrapped), at most
        ``MAX_CODE_LINES`` lines: a province may have hundreds of formations."""
        lines = [
            escape(", ".join(codes[i : i + CODES_PER_LINE]))
            for i in range(0, len(codes), CODES_PER_LINE)
        ]
        if len(lines) > MAX_CODE_LINES:
            rest = len(codes) - CODES_PER_LINE * (MAX_CODE_LINES - 1)
            lines = [
                *lines[: MAX_CODE_LINES - 1],
                self.tr("dan {count} formasi lainnya").format(count=count_text(rest)),
            ]
        return lines

    def _set_readiness_style(self, colours: tuple[str, str, str] | str) -> None:
        if isinstance(colours, str):  # "" for no frame colour
            self.readiness_frame.setStyleSheet("")
            return
        background, border, text = colours
        self.readiness_frame.setStyleSheet(
            f"#readiness {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} #readiness QLabel {{ color: {text}; }}"
        )

    def _show_readiness(self, readiness: StageReadiness, code: str) -> None:
        if code != self._checking:
            return  # the user chose another stage meanwhile; its check is on its way
        self._checking = None
        self.readiness = readiness
        counts = " · ".join(f"{code} {count_text(count)}" for code, count in readiness.counts)
        summary = self.tr("{total} peserta: {counts}").format(
            total=count_text(readiness.total), counts=escape(counts) or "—"
        )
        if readiness.incomplete:
            self._set_readiness_style(BLOCKED_STYLE)
            lines = [
                summary,
                "<b>"
                + self.tr(
                    "Nilai {count} peserta belum lengkap; pengumuman belum dapat diterbitkan."
                ).format(count=count_text(readiness.incomplete))
                + "</b>",
                self.tr("Lengkapi nilainya di halaman Input nilai, atau tandai yang tidak hadir."),
            ]
        elif readiness.tie_formations:
            self._set_readiness_style(BLOCKED_STYLE)
            lines = [
                summary,
                "<b>"
                + self.tr(
                    "Nilai sama persis (SERI) di batas kebutuhan belum diputuskan pada formasi:"
                )
                + "</b>",
                *self._code_lines(readiness.tie_formations),
                self.tr(
                    "Panitia memutuskan siapa yang mengisi kursi di halaman Peringkat dengan tombol"
                    " «Putuskan SERI…»; pengumuman tidak boleh memuat lebih banyak yang lulus"
                    " daripada kebutuhan."
                ),
            ]
        elif readiness.not_final:
            self._set_readiness_style(BLOCKED_STYLE)
            lines = [
                summary,
                "<b>"
                + self.tr("Hasil tahap ini belum final untuk {count} dari {total} formasi:").format(
                    count=count_text(len(readiness.not_final)),
                    total=count_text(readiness.formations),
                )
                + "</b>",
                *self._code_lines(readiness.not_final),
                self.tr("Pengumuman hanya dapat diterbitkan dari hasil yang sudah final."),
                self.tr("Finalisasi hasilnya di halaman Peringkat dengan tombol «Finalisasi…»."),
            ]
        else:
            self._set_readiness_style(READY_STYLE)
            lines = [summary, self.tr("Semua nilai lengkap; pengumuman siap diterbitkan.")]
        self.readiness_label.setText("<br>".join(lines))
        self._update_buttons()

    def _readiness_failed(self, error: Exception, code: str) -> None:
        if code != self._checking:
            return
        self._checking = None
        self.readiness = None
        text = error.text() if isinstance(error, UserError) else str(error)
        self._set_readiness_style(BLOCKED_STYLE)
        self.readiness_label.setText(
            self.tr("Hasil tahap ini tidak dapat dihitung: {reason}").format(reason=escape(text))
        )
        self._update_buttons()

    # -- fields ----------------------------------------------------------------------------

    def _sign_toggled(self, checked: bool) -> None:
        for widget in (
            self.key_label,
            self.key_edit,
            self.key_button,
            self.password_label,
            self.password_edit,
            self.key_hint,
        ):
            widget.setEnabled(checked)

    def choose_key(self) -> None:
        path = Dialogs.open_file(
            self, self.tr("Pilih kunci panitia"), self.tr("Kunci PKCS#12 (*.p12 *.pfx)")
        )
        if path is not None:
            self.key_edit.setText(str(path))
            self.password_edit.setFocus()

    def suggested_file_name(self) -> str:
        date = self.date_edit.date().toString("yyyy-MM-dd")
        return f"Pengumuman-{self.stage_code()}-{date}.pdf"

    def choose_output(self) -> Path | None:
        path = Dialogs.save_file(
            self,
            self.tr("Simpan pengumuman"),
            self.tr("Dokumen PDF (*.pdf)"),
            self.output_edit.text().strip() or self.suggested_file_name(),
        )
        if path is None:
            return None
        path = with_suffix(str(path), ".pdf")
        self.output_edit.setText(str(path))
        return path

    def _update_buttons(self) -> None:
        ready = self.readiness is not None and not self.readiness.blocked
        self.issue_button.setEnabled(ready and not self.busy)
        self.stage_box.setEnabled(not self.busy)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # -- issuing ---------------------------------------------------------------------------

    def issue(self) -> None:
        """Check the fields, confirm SERI ties, then issue on a worker thread."""
        readiness = self.readiness
        if readiness is None or readiness.blocked or self.busy:
            return
        key: tuple[Path, str] | None = None
        if self.sign_box.isChecked():
            if not self.key_edit.text().strip():
                self._show_error(self.tr("Pilih berkas kunci panitia (.p12) untuk menandatangani."))
                self.key_edit.setFocus()
                return
            if not self.password_edit.text():
                self._show_error(self.tr("Isi kata sandi kunci panitia."))
                self.password_edit.setFocus()
                return
            key = (Path(self.key_edit.text().strip()).expanduser(), self.password_edit.text())
        self._show_error("")
        issued_on = self.issued_on()
        far = issued_on > dt.date.today() + dt.timedelta(days=FAR_DAYS)
        if far and not Dialogs.confirm(
            self,
            self.tr("Tanggal jauh ke depan"),
            self.tr(
                "Tanggal pengumuman {date} lebih dari {days} hari ke depan. Pengumuman yang"
                " sudah terbit tidak dapat diubah. Terbitkan dengan tanggal ini?"
            ).format(date=issued_on.strftime("%d-%m-%Y"), days=FAR_DAYS),
        ):
            self.date_edit.setFocus()
            return
        if self.output_edit.text().strip():
            out = with_suffix(self.output_edit.text(), ".pdf")
        else:
            chosen = self.choose_output()
            if chosen is None:
                return
            out = chosen
        self.busy = True
        self._update_buttons()
        database, actor, selection_id = self.context.database, self.context.actor, self.selection_id
        number = self.number_edit.text().strip() or None
        subject = self.subject_edit.text().strip() or None

        def issue(progress: Progress) -> AnnouncementInfo:
            # Cancel stops the rendering at its next page: nothing is written or stored.
            return issue_announcement(
                database,
                actor,
                selection_id,
                readiness.stage,
                out,
                number=number,
                issued_on=issued_on,
                subject=subject,
                key=key,
                progress=lambda page: progress.report(page, readiness.total),
                confirm_date=far,
            )

        ServiceOp(self, self.context, issue).saying(
            self.tr("Menyusun dan menyimpan pengumuman…")
        ).with_progress(cancellable=True).success(self._issued).failure(
            self._issue_failed
        ).run_in_background(self.tr("Terbitkan pengumuman"))

    def issued_on(self) -> dt.date:
        date = self.date_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    def _issued(self, info: AnnouncementInfo) -> None:
        self.busy = False
        self.issued_info = info
        self.issued.emit(info)
        self.accept()

    def _issue_failed(self, error: Exception) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(error, Cancelled):
            return  # the user stopped it; the dialog stays open as it was
        text = error.text() if isinstance(error, UserError) else str(error)
        Dialogs.error(self, self.tr("Pengumuman tidak diterbitkan"), text)
        if isinstance(error, UserError) and error.message.startswith("sign."):
            self.password_edit.selectAll()
            self.password_edit.setFocus()

    def reject(self) -> None:
        if not self.busy:  # the PDF is half-written: closing now would hide the outcome
            super().reject()
