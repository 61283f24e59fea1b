"""The first-run wizard: an empty database becomes one with an admin and a selection.

Three short pages (admin account, agency, first selection) and nothing is written until the
last page is confirmed, so *Cancel* leaves the file as empty as it was. The demo selection
takes a moment to generate and import, so it runs off the GUI thread through
``workers.run_in_background`` and the wizard closes itself when it is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QRegularExpression,
    Qt,
)
from PySide6.QtGui import QImageReader, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.services.document_settings import set_letterhead_logo
from app.services.errors import UserError
from app.services.schemes import load_preset_or_file, preset_names
from app.services.selections import SelectionInfo, create_selection, list_selections
from app.services.users import MIN_PASSWORD_LENGTH, UserInfo, add_user

from .dialogs import Dialogs
from .icons import icon
from .location import location_key
from .recent import DatabasePreferences
from .workers import run_in_background

DEMO_PARTICIPANTS = 600
DEMO_SCHEME = "binjai-kompetensi"
ERROR_STYLE = "color: #b3261e;"


def preset_description(name: str) -> str:
    """One line that tells a committee member which rules a preset applies."""
    texts = {
        "cpns-2024": QCoreApplication.translate(
            "Presets", "CPNS: SKD (TWK, TIU, TKP) lalu SKB, nilai akhir terintegrasi 40:60."
        ),
        "pppk-2024": QCoreApplication.translate(
            "Presets", "PPPK: kompetensi teknis, manajerial dan sosio-kultural, wawancara."
        ),
        "binjai-kompetensi": QCoreApplication.translate(
            "Presets", "Seleksi kompetensi Kota Binjai: pengetahuan, praktik kerja, psikotes."
        ),
    }
    return texts.get(name, "")


@dataclass(frozen=True, slots=True)
class FirstRunResult:
    """What the wizard made; ``selection`` is the one to show first (None if none exists)."""

    user: UserInfo
    instansi: str
    logo: Path | None
    selection: SelectionInfo | None

    @property
    def actor(self) -> Actor:
        return Actor(name=self.user.username, role=self.user.role)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text[:1].upper() + text[1:])
    label.setVisible(bool(text))


class AdminAccountPage(QWizardPage):
    """The first account, always an admin: whoever sets up the file runs the committee."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Akun administrator"))
        self.setSubTitle(
            self.tr(
                "Akun ini dipakai Ketua atau Sekretaris Panitia untuk menyiapkan seleksi, "
                "mengelola pengguna, dan menetapkan hasil."
            )
        )
        self.username_edit = QLineEdit()
        # A user name is one word; refusing spaces while typing beats an error afterwards.
        self.username_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\S+"), self.username_edit)
        )
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setPlaceholderText(self.tr("mis. Ketua Panitia Seleksi"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("minimal %n karakter", "", MIN_PASSWORD_LENGTH)
        )
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = _error_label()

        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna:"), self.username_edit)
        form.addRow(self.tr("Nama &lengkap:"), self.full_name_edit)
        form.addRow(self.tr("&Kata sandi:"), self.password_edit)
        form.addRow(self.tr("&Ulangi kata sandi:"), self.repeat_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        self.registerField("username*", self.username_edit)
        self.registerField("full_name", self.full_name_edit)
        self.registerField("password*", self.password_edit)
        self.registerField("password_again*", self.repeat_edit)

    def validatePage(self) -> bool:
        """Typing mistakes are caught here; the account itself is checked by the service."""
        password = self.password_edit.text()
        if len(password) < MIN_PASSWORD_LENGTH:
            _show_error(
                self.error_label,
                self.tr("Kata sandi minimal %n karakter.", "", MIN_PASSWORD_LENGTH),
            )
            self.password_edit.setFocus()
            return False
        if password != self.repeat_edit.text():
            _show_error(self.error_label, self.tr("Kedua kata sandi tidak sama."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return False
        _show_error(self.error_label, "")
        return True

    def lock(self) -> None:
        """Once the account exists, changing these fields would change nothing."""
        for edit in (self.username_edit, self.full_name_edit, self.password_edit):
            edit.setReadOnly(True)
        self.repeat_edit.setReadOnly(True)


class InstansiPage(QWizardPage):
    """The agency whose name and logo head every document of its selections."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logo: Path | None = None
        self.setTitle(self.tr("Instansi"))
        self.setSubTitle(
            self.tr("Nama instansi dan logo kop surat dicetak pada pengumuman dan dokumen.")
        )
        self.instansi_edit = QLineEdit()
        self.instansi_edit.setPlaceholderText(self.tr("mis. Pemerintah Kota Binjai"))
        self.logo_edit = QLineEdit()
        self.logo_edit.setReadOnly(True)
        self.logo_edit.setPlaceholderText(self.tr("(tanpa logo)"))
        self.choose_button = QPushButton(self.tr("&Pilih…"))
        self.clear_button = QPushButton(self.tr("&Hapus"))
        self.clear_button.setEnabled(False)
        self.preview = QLabel()
        self.preview.setFixedSize(72, 72)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid palette(mid); background: palette(base);")
        self.error_label = _error_label()

        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_edit, 1)
        logo_row.addWidget(self.choose_button)
        logo_row.addWidget(self.clear_button)
        form = QFormLayout()
        form.addRow(self.tr("Nama &instansi:"), self.instansi_edit)
        logo_label = QLabel(self.tr("&Logo kop surat:"))
        logo_label.setBuddy(self.choose_button)  # a row holding a layout gets no buddy itself
        form.addRow(logo_label, logo_row)
        form.addRow("", self.preview)
        form.setRowVisible(self.preview, False)
        self._form = form
        note = QLabel(self.tr("Logo boleh dilewati dan dipilih nanti."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        self.registerField("instansi*", self.instansi_edit)
        self.choose_button.clicked.connect(self._choose_logo)
        self.clear_button.clicked.connect(lambda: self.set_logo(None))

    def _choose_logo(self) -> None:
        path = Dialogs.open_file(
            self,
            self.tr("Pilih logo kop surat"),
            self.tr("Gambar (*.png *.jpg *.jpeg *.svg);;Semua berkas (*)"),
        )
        if path is not None:
            self.set_logo(path)

    def set_logo(self, path: Path | None) -> None:
        """Accept only a file Qt can read as an image, so the letterhead never breaks later."""
        if path is not None and not QImageReader(str(path)).canRead():
            _show_error(
                self.error_label,
                self.tr("Berkas %1 bukan gambar yang dapat dibaca.").replace("%1", path.name),
            )
            return
        _show_error(self.error_label, "")
        self.logo = path
        self.logo_edit.setText(str(path) if path else "")
        self.clear_button.setEnabled(path is not None)
        self._form.setRowVisible(self.preview, path is not None)
        if path is None:
            self.preview.clear()
        else:
            pixmap = QPixmap(str(path))
            self.preview.setPixmap(
                pixmap.scaled(
                    64,
                    64,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )


class FirstSelectionPage(QWizardPage):
    """A real selection from a preset, the demo to try the program, or (for a file made on
    the command line) the selections it already holds."""

    NEW, DEMO, EXISTING = 0, 1, 2

    def __init__(self, existing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Seleksi pertama"))
        self.setSubTitle(
            self.tr("Pilih skema penilaian, lalu buat seleksi baru atau coba seleksi contoh.")
        )
        self.scheme_box = QComboBox()
        for name in preset_names():
            # The scheme's own name ("CPNS 2024 (instansi daerah)"), its file name as data.
            try:
                title = load_preset_or_file(name).name
            except UserError:
                title = name
            self.scheme_box.addItem(title, name)
        self.scheme_box.setCurrentIndex(max(0, self.scheme_box.findData(DEMO_SCHEME)))
        self.scheme_note = QLabel()
        self.scheme_note.setWordWrap(True)

        self.new_radio = QRadioButton(self.tr("Seleksi &baru"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("mis. Seleksi Kompetensi Kota Binjai 2025"))
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(date.today().year)
        self.demo_radio = QRadioButton(self.tr("Seleksi &contoh untuk mencoba program"))
        self.demo_note = QLabel(
            self.tr(
                "%n peserta Kota Binjai (data rekaan) dengan formasi dan nilai lengkap.",
                "",
                DEMO_PARTICIPANTS,
            )
        )
        self.demo_note.setWordWrap(True)
        self.existing_radio = QRadioButton(
            self.tr("&Pakai seleksi yang sudah ada di berkas ini (%n)", "", existing)
        )
        self.existing_radio.setVisible(existing > 0)
        self.choice = QButtonGroup(self)
        for button, key in (
            (self.new_radio, self.NEW),
            (self.demo_radio, self.DEMO),
            (self.existing_radio, self.EXISTING),
        ):
            self.choice.addButton(button, key)
        (self.existing_radio if existing else self.new_radio).setChecked(True)
        self.error_label = _error_label()

        scheme_form = QFormLayout()
        scheme_form.addRow(self.tr("&Skema penilaian:"), self.scheme_box)
        scheme_form.addRow("", self.scheme_note)
        grid = QGridLayout()
        grid.setColumnMinimumWidth(0, 24)
        grid.setColumnStretch(2, 1)
        grid.addWidget(self.new_radio, 0, 0, 1, 3)
        self.name_label = QLabel(self.tr("&Nama seleksi:"))
        self.name_label.setBuddy(self.name_edit)
        self.year_label = QLabel(self.tr("&Tahun:"))
        self.year_label.setBuddy(self.year_box)
        grid.addWidget(self.name_label, 1, 1)
        grid.addWidget(self.name_edit, 1, 2)
        grid.addWidget(self.year_label, 2, 1)
        grid.addWidget(self.year_box, 2, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.demo_radio, 3, 0, 1, 3)
        grid.addWidget(self.demo_note, 4, 1, 1, 2)
        grid.addWidget(self.existing_radio, 5, 0, 1, 3)
        grid.setVerticalSpacing(8)
        layout = QVBoxLayout(self)
        layout.addLayout(scheme_form)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        self.scheme_box.currentIndexChanged.connect(self._scheme_changed)
        self.choice.idToggled.connect(self._choice_changed)
        self.name_edit.textChanged.connect(self.completeChanged)
        self._scheme_changed()
        self._choice_changed()

    @property
    def kind(self) -> int:
        return self.choice.checkedId()

    @property
    def scheme(self) -> str:
        return str(self.scheme_box.currentData())

    def _scheme_changed(self) -> None:
        self.scheme_note.setText(preset_description(self.scheme))

    def _choice_changed(self, *_args: Any) -> None:
        new = self.kind == self.NEW
        for widget in (self.name_label, self.name_edit, self.year_label, self.year_box):
            widget.setEnabled(new)
        self.scheme_box.setEnabled(self.kind != self.EXISTING)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.kind != self.NEW or bool(self.name_edit.text().strip())

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return wizard.finish_setup()

    def show_error(self, text: str) -> None:
        _show_error(self.error_label, text)


class FirstRunWizard(QWizard):
    """Drives the three pages and does the writing when the last one is confirmed.

    ``result_info`` holds what was made once the wizard is accepted.
    """

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.result_info: FirstRunResult | None = None
        self._user: UserInfo | None = None
        self._busy = False
        self._existing = list_selections(database)
        self.setWindowTitle(self.tr("Mulai menggunakan Seleksi ASN"))
        self.setWindowIcon(icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon("app").pixmap(48, 48))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Qt has no Indonesian texts for its own wizard buttons; name them ourselves.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Lanjut >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.setMinimumSize(640, 480)

        self.admin_page = AdminAccountPage()
        self.instansi_page = InstansiPage()
        self.selection_page = FirstSelectionPage(len(self._existing))
        for page in (self.admin_page, self.instansi_page, self.selection_page):
            self.addPage(page)

    def finish_setup(self) -> bool:
        """Write the account and the selection; on a refusal, say why on the page and stay.

        The demo is made in the background: this returns False while it runs, and the wizard
        closes itself once it is there.
        """
        if self.result_info is not None:
            return True
        page = self.selection_page
        page.show_error("")
        try:
            if self._user is None:
                self._user = add_user(
                    self.database,
                    Actor(name=self.field("username"), role="admin"),
                    self.field("username"),
                    "admin",
                    self.field("password"),
                    self.field("full_name"),
                )
                self.admin_page.lock()
            actor = Actor(name=self._user.username, role=self._user.role)
            if page.kind == page.DEMO:
                self._start_demo(actor, page.scheme)
                return False
            selection = self._make_selection(actor)
        except UserError as error:
            page.show_error(error.text())
            return False
        self._complete(selection)
        return True

    def _make_selection(self, actor: Actor) -> SelectionInfo | None:
        page = self.selection_page
        if page.kind == page.EXISTING:
            return self._existing[-1] if self._existing else None
        scheme = load_preset_or_file(page.scheme)
        return create_selection(
            self.database,
            actor,
            scheme,
            page.name_edit.text(),
            page.year_box.value(),
            str(self.field("instansi")),
        )

    def _start_demo(self, actor: Actor, scheme: str) -> None:
        self._set_busy(True)
        self.demo_task = run_in_background(
            self,
            self.tr("Seleksi contoh"),
            create_demo,
            self.database,
            actor,
            scheme,
            DEMO_PARTICIPANTS,
            label=self.tr("Membuat seleksi contoh dengan %n peserta…", "", DEMO_PARTICIPANTS),
            on_done=self._demo_made,
            on_error=self._demo_failed,
        )

    def _demo_made(self, selection: SelectionInfo) -> None:
        self._set_busy(False)
        self._complete(selection)
        self.accept()

    def _demo_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, UserError):
            self.selection_page.show_error(error.text())
        else:
            self.selection_page.show_error(
                self.tr("Seleksi contoh tidak dapat dibuat: %1").replace("%1", str(error))
            )

    def reject(self) -> None:
        """Not while the demo is being written: its database must stay open until it is done."""
        if not self._busy:
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(button).setEnabled(not busy)

    def _complete(self, selection: SelectionInfo | None) -> None:
        """Remember what this computer keeps about the file, and what the wizard made; the
        chosen logo goes into the new selection's documents."""
        assert self._user is not None
        logo = self.instansi_page.logo
        made = self.selection_page.kind != self.selection_page.EXISTING
        if selection is not None and logo is not None and made:
            actor = Actor(name=self._user.username, role=self._user.role)
            try:
                set_letterhead_logo(self.database, actor, selection.id, logo.read_bytes())
            except (OSError, UserError) as error:
                detail = error.text() if isinstance(error, UserError) else str(error)
                Dialogs.error(
                    self,
                    self.tr("Logo kop surat"),
                    self.tr(
                        "Logo tidak dapat dipakai (%1). Pilih lagi di Pengumuman › Pengaturan"
                        " dokumen."
                    ).replace("%1", detail),
                )
        instansi = str(self.field("instansi")).strip()
        preferences = DatabasePreferences(location_key(self.database))
        preferences.instansi = instansi
        preferences.logo = self.instansi_page.logo
        if selection is not None:
            preferences.last_selection = selection.id
        self.result_info = FirstRunResult(self._user, instansi, self.instansi_page.logo, selection)
