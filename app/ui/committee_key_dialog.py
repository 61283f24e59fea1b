"""Creating the committee's signing key (a PKCS#12 file) and the certificate to hand out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.document_settings import document_settings
from app.services.errors import UserError
from app.services.signing import create_committee_key

from .context import AppContext
from .dialogs import Dialogs
from .widgets.path_row import path_row, with_suffix
from .workers import run_in_background

MIN_KEY_PASSWORD = 8
ERROR_STYLE = "color: #b3261e;"


def write_committee_key(
    p12_path: Path, cert_path: Path, password: str, common_name: str, organization: str
) -> str:
    """``create_committee_key`` (the root's fingerprint back), with a file that cannot be
    written reported as the user's problem (a read-only folder is not a bug, and must not
    reach the crash handler)."""
    try:
        return create_committee_key(p12_path, cert_path, password, common_name, organization)
    except OSError as error:
        where = error.filename or p12_path
        raise UserError("cli.os_error", detail=f"{where}: {error.strerror}") from error


class CommitteeKeyDialog(QDialog):
    """Creates the committee's key (PKCS#12, password-protected) and its certificate (PEM).

    ``created(p12_path, cert_path, fingerprint)`` fires once both files are written; the
    fingerprint is the SHA-256 of the root certificate, which the committee publishes with it.
    Creating a key over an existing file destroys the old key, so that is confirmed first.
    """

    created = Signal(object, object, str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.busy = False
        self.result_paths: tuple[Path, Path] | None = None
        self.fingerprint = ""
        self.setWindowTitle(self.tr("Buat kunci panitia"))
        self.setMinimumWidth(600)
        settings = document_settings(context.database, context.selection_id)

        explanation = QLabel(
            self.tr(
                "Kunci ini adalah tanda tangan elektronik milik panitia sendiri, bukan tanda"
                " tangan elektronik tersertifikasi nasional (TTE BSrE), dan berkas sertifikat"
                " .pem-nya (sertifikat akar panitia) yang diberikan kepada pihak lain untuk"
                " memeriksa keaslian pengumuman, bersama sidik jari SHA-256-nya."
            )
        )
        explanation.setWordWrap(True)
        explanation.setFrameShape(QFrame.Shape.StyledPanel)
        explanation.setStyleSheet("padding: 6px;")

        self.name_edit = QLineEdit(settings.office.title() if settings.office else "")
        self.organization_edit = QLineEdit(settings.government)
        self.p12_edit = QLineEdit()
        self.p12_button = QPushButton(self.tr("Pilih…"))
        self.cert_edit = QLineEdit()
        self.cert_button = QPushButton(self.tr("Pilih…"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("Paling sedikit {count} karakter").format(count=MIN_KEY_PASSWORD)
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Nama &penanda tangan:"), self.name_edit)
        form.addRow(self.tr("&Instansi:"), self.organization_edit)
        form.addRow(self.tr("Berkas &kunci (.p12):"), path_row(self.p12_edit, self.p12_button))
        form.addRow(
            self.tr("Berkas &sertifikat (.pem):"), path_row(self.cert_edit, self.cert_button)
        )
        form.addRow(self.tr("Kata s&andi:"), self.password_edit)
        form.addRow(self.tr("&Ulangi kata sandi:"), self.repeat_edit)

        warning = QLabel(
            self.tr(
                "Simpan berkas kunci dan kata sandinya di tempat aman: siapa pun yang memegang"
                " keduanya dapat menandatangani atas nama panitia."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #5a6170;")

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()

        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("&Buat kunci"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Batal"))

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.p12_button.clicked.connect(self.choose_p12)
        self.cert_button.clicked.connect(self.choose_cert)
        self.create_button.clicked.connect(self.create_key)
        cancel.clicked.connect(self.reject)

    def choose_p12(self) -> None:
        path = Dialogs.save_file(
            self,
            self.tr("Simpan kunci panitia"),
            self.tr("Kunci PKCS#12 (*.p12)"),
            self.p12_edit.text().strip() or "kunci-panitia.p12",
        )
        if path is None:
            return
        path = with_suffix(str(path), ".p12")
        self.p12_edit.setText(str(path))
        if not self.cert_edit.text().strip():
            # The certificate usually travels next to the key; the user may move it.
            self.cert_edit.setText(str(path.with_name("sertifikat-panitia.pem")))

    def choose_cert(self) -> None:
        path = Dialogs.save_file(
            self,
            self.tr("Simpan sertifikat panitia"),
            self.tr("Sertifikat PEM (*.pem)"),
            self.cert_edit.text().strip() or "sertifikat-panitia.pem",
        )
        if path is not None:
            self.cert_edit.setText(str(with_suffix(str(path), ".pem")))

    def _problem(self) -> str:
        if not self.name_edit.text().strip():
            return self.tr("Isi nama penanda tangan yang tercantum pada sertifikat.")
        if not self.p12_edit.text().strip() or not self.cert_edit.text().strip():
            return self.tr("Pilih tempat menyimpan berkas kunci dan berkas sertifikat.")
        if with_suffix(self.p12_edit.text(), ".p12") == with_suffix(self.cert_edit.text(), ".pem"):
            return self.tr("Berkas kunci dan berkas sertifikat harus berbeda.")
        if len(self.password_edit.text()) < MIN_KEY_PASSWORD:
            return self.tr("Kata sandi paling sedikit {count} karakter.").format(
                count=MIN_KEY_PASSWORD
            )
        if self.password_edit.text() != self.repeat_edit.text():
            return self.tr("Kedua kata sandi tidak sama; ketik ulang.")
        return ""

    def create_key(self) -> None:
        """Validate, confirm overwriting, then create the key on a worker thread (never on
        the GUI thread: key generation and PKCS#12 encryption take a moment)."""
        if self.busy:
            return
        problem = self._problem()
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))
        if problem:
            return
        p12 = with_suffix(self.p12_edit.text(), ".p12")
        cert = with_suffix(self.cert_edit.text(), ".pem")
        existing = [str(path) for path in (p12, cert) if path.exists()]
        if existing and not Dialogs.confirm(
            self,
            self.tr("Timpa berkas?"),
            self.tr(
                "Berkas {files} sudah ada. Kunci lama di dalamnya akan hilang dan pengumuman"
                " yang ditandatangani dengannya hanya dapat diperiksa dengan sertifikat lama."
                " Timpa?"
            ).format(files=", ".join(existing)),
        ):
            return
        self.busy = True
        self.create_button.setEnabled(False)
        run_in_background(
            self,
            self.tr("Buat kunci panitia"),
            write_committee_key,
            p12,
            cert,
            self.password_edit.text(),
            self.name_edit.text().strip(),
            self.organization_edit.text().strip(),
            on_done=lambda fingerprint: self._created(p12, cert, fingerprint),
            on_error=self._failed,
            label=self.tr("Membuat kunci panitia…"),
        )

    def _created(self, p12: Path, cert: Path, fingerprint: str) -> None:
        self.busy = False
        self.result_paths = (p12, cert)
        self.fingerprint = fingerprint
        self.created.emit(p12, cert, fingerprint)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.create_button.setEnabled(True)
        text = error.text() if isinstance(error, UserError) else str(error)
        self.error_label.setText(text)
        self.error_label.show()

    def reject(self) -> None:
        if not self.busy:
            super().reject()
