"""Checking whether a PDF is an announcement the committee issued, unchanged.

A participant who contests a result brings a file; the clerk chooses it here (and, for a
signed announcement, the committee certificate) and reads one verdict in large letters, SAH
or TIDAK SAH, with every finding of ``verify_announcement`` below it, so the answer can be
explained sentence by sentence. The check runs off the GUI thread: a signature validation and
a row-by-row comparison of a long file take a moment.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.announcements import Verification, verify_announcement
from app.services.errors import UserError
from app.services.picture_check import (
    is_document_id,
    is_picture,
    verify_document_id,
    verify_picture,
)

from .context import AppContext
from .dialogs import Dialogs
from .widgets.path_row import path_row
from .workers import run_in_background

VALID_STYLE = (
    "#verdict { background: #e6f4ea; border: 2px solid #2e7d32; border-radius: 6px; }"
    " #verdict QLabel { color: #17401f; }"
)
INVALID_STYLE = (
    "#verdict { background: #fde7e4; border: 2px solid #b3261e; border-radius: 6px; }"
    " #verdict QLabel { color: #6b1410; }"
)


def sentence(text: str) -> str:
    """A finding as a sentence: the catalogue writes them for the CLI, in lower case."""
    text = text.strip()
    return text[:1].upper() + text[1:]


class VerifyDialog(QDialog):
    """Chooses a PDF and optionally a certificate, runs the check, shows the verdict.

    ``verification`` holds the last ``Verification`` (``None`` before the first check);
    ``verified(result)`` fires when a check has finished. ``verdict_text()`` is what the
    banner says ("SAH" or "TIDAK SAH").
    """

    verified = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.verification: Verification | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Periksa keaslian pengumuman"))
        self.setMinimumSize(640, 460)

        intro = QLabel(
            self.tr(
                "Pilih berkas PDF pengumuman yang hendak diperiksa. Untuk pengumuman yang"
                " ditandatangani secara elektronik, pilih juga sertifikat panitia (.pem) agar"
                " penanda tangannya ikut diperiksa."
            )
        )
        intro.setWordWrap(True)

        self.pdf_edit = QLineEdit()
        self.pdf_edit.setPlaceholderText(
            self.tr("Berkas pengumuman (.pdf), foto halaman (.png, .jpg), atau ID dokumen")
        )
        self.pdf_button = QPushButton(self.tr("Pilih…"))
        self.cert_edit = QLineEdit()
        self.cert_edit.setPlaceholderText(self.tr("Opsional: sertifikat panitia (.pem)"))
        self.cert_button = QPushButton(self.tr("Pilih…"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Berkas PDF:"), path_row(self.pdf_edit, self.pdf_button))
        form.addRow(self.tr("&Sertifikat:"), path_row(self.cert_edit, self.cert_button))

        self.verdict = QFrame()
        self.verdict.setObjectName("verdict")
        self.verdict_label = QLabel()
        font = self.verdict_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.verdict_label.setFont(font)
        self.verdict_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict_detail = QLabel()
        self.verdict_detail.setWordWrap(True)
        self.verdict_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner = QVBoxLayout(self.verdict)
        banner.setContentsMargins(12, 10, 12, 10)
        banner.addWidget(self.verdict_label)
        banner.addWidget(self.verdict_detail)
        self.verdict.hide()

        self.findings_title = QLabel(self.tr("Temuan:"))
        self.findings_title.setStyleSheet("font-weight: 600;")
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.findings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.findings_title.hide()
        self.findings.hide()

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()

        buttons = QDialogButtonBox()
        self.check_button = buttons.addButton(
            self.tr("&Periksa"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.check_button.setDefault(True)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.findings_title)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.error_label)
        layout.addStretch(0)
        layout.addWidget(buttons)

        self.pdf_button.clicked.connect(self.choose_pdf)
        self.cert_button.clicked.connect(self.choose_certificate)
        self.check_button.clicked.connect(self.check)
        close.clicked.connect(self.reject)

    # -- choosing --------------------------------------------------------------------------

    def choose_pdf(self) -> None:
        """Choose the file and check it at once: that is why the user chose it."""
        path = Dialogs.open_file(
            self,
            self.tr("Pilih berkas pengumuman"),
            self.tr(
                "Pengumuman (*.pdf *.png *.jpg *.jpeg);;Dokumen PDF (*.pdf);;"
                "Foto atau pindaian halaman (*.png *.jpg *.jpeg)"
            ),
        )
        if path is not None:
            self.pdf_edit.setText(str(path))
            self.check()

    def choose_certificate(self) -> None:
        path = Dialogs.open_file(
            self,
            self.tr("Pilih sertifikat panitia"),
            self.tr("Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)"),
        )
        if path is not None:
            self.cert_edit.setText(str(path))
            if self.pdf_edit.text().strip():
                self.check()

    # -- checking --------------------------------------------------------------------------

    def check(self) -> None:
        if self.busy:
            return
        pdf_text = self.pdf_edit.text().strip()
        if not pdf_text:
            self._show_error(
                self.tr("Pilih dulu berkas PDF atau foto halaman, atau ketik ID dokumennya.")
            )
            return
        cert_text = self.cert_edit.text().strip()
        self._show_error("")
        self.busy = True
        self.check_button.setEnabled(False)
        path = Path(pdf_text).expanduser()
        # A photo or scan of a page is checked by its QR code (issue #11 §3).
        work = (
            (verify_picture, self.context.database, path)
            if is_picture(path)
            else (verify_document_id, self.context.database, pdf_text)
            if is_document_id(pdf_text) and not path.exists()
            else (
                verify_announcement,
                self.context.database,
                path,
                Path(cert_text).expanduser() if cert_text else None,
            )
        )
        run_in_background(
            self,
            self.tr("Periksa keaslian pengumuman"),
            *work,
            on_done=self._show_result,
            on_error=self._failed,
            label=self.tr("Memeriksa berkas…"),
        )

    def _show_result(self, result: Verification) -> None:
        self.busy = False
        self.check_button.setEnabled(True)
        self.verification = result
        self.verdict_label.setText(self.verdict_text())
        if result.ok and result.printed:
            self.verdict.setStyleSheet(VALID_STYLE)
            detail = self.tr(
                "Dokumen {id} sesuai dengan {title} yang dicetak dan didaftarkan panitia."
            ).format(id=result.document_id, title=result.printed)
        elif result.ok:
            self.verdict.setStyleSheet(VALID_STYLE)
            detail = self.tr(
                "Dokumen {id} (Nomor {number}) sesuai dengan pengumuman yang diterbitkan panitia."
            ).format(id=result.document_id, number=result.number)
        elif result.replaced_by:
            self.verdict.setStyleSheet(INVALID_STYLE)
            detail = self.tr(
                "Pengumuman Nomor {number} ({id}) telah diganti oleh Pengumuman Nomor {later};"
                " yang berlaku adalah pengganti itu."
            ).format(id=result.document_id, number=result.number, later=result.replaced_by)
        elif result.document_id:
            self.verdict.setStyleSheet(INVALID_STYLE)
            detail = self.tr(
                "Berkas ini tidak sesuai dengan dokumen {id} yang tercatat; lihat temuan di bawah."
            ).format(id=result.document_id)
        else:
            self.verdict.setStyleSheet(INVALID_STYLE)
            detail = self.tr("Berkas ini tidak dikenali sebagai pengumuman Seleksi ASN.")
        self.verdict_detail.setText(detail)
        self.verdict.show()
        self.findings.clear()
        for finding in result.findings:
            QListWidgetItem("•  " + sentence(finding), self.findings)
        for line in result.page_rows:  # the rows the photographed page must show
            QListWidgetItem("      " + line, self.findings)
        self.findings_title.show()
        self.findings.show()
        self.verified.emit(result)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.check_button.setEnabled(True)
        self.verification = None
        self.verdict.hide()
        self.findings_title.hide()
        self.findings.hide()
        text = error.text() if isinstance(error, UserError) else str(error)
        self._show_error(self.tr("Berkas tidak dapat diperiksa: {reason}").format(reason=text))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def verdict_text(self) -> str:
        if self.verification is None:
            return ""
        if self.verification.replaced_by:
            return self.tr("TIDAK BERLAKU")
        return self.tr("SAH") if self.verification.ok else self.tr("TIDAK SAH")

    def findings_texts(self) -> list[str]:
        return [self.findings.item(row).text() for row in range(self.findings.count())]

    def reject(self) -> None:
        if not self.busy:
            super().reject()
