"""Editing what every document of a selection prints besides the results.

The letterhead, the opening paragraph, the legal basis, the signatory and the committee are
the parts an office changes most (a new head of the committee, a ``Plh.`` while the head is
away, a new address), so they are edited here rather than in a template file. Saving goes
through ``save_document_settings``, which owns the rules (the government's name is required,
images must be PNG or JPEG up to 2 MB); a refusal is shown inside the dialog, which stays open.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.document_settings import (
    SIGNATORY_PREFIXES,
    DocumentSettingsInfo,
    document_settings,
    save_document_settings,
)
from app.services.errors import UserError

from .context import AppContext
from .dialogs import Dialogs
from .operations import ServiceOp

THUMBNAIL = QSize(132, 88)
HINT_STYLE = "color: #5a6170;"


def text_box(text: str, lines: int) -> QPlainTextEdit:
    """A multi-line field about ``lines`` lines high: enough to read, small enough for 768 px."""
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height)
    return box


def with_hint(field: QWidget, text: str) -> QWidget:
    """A field with its explanation right under it, so the two read as one."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(3)
    layout.addWidget(field)
    layout.addWidget(hint(text))
    box.setFocusProxy(field)  # the label's mnemonic reaches the field
    return box


def date_edit(day: dt.date | None, default: QDate) -> QDateEdit:
    """A day in the Indonesian way (dd-MM-yyyy) with a calendar to pick it."""
    edit = QDateEdit(QDate(day.year, day.month, day.day) if day is not None else default)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def day_of(edit: QDateEdit) -> dt.date:
    date = edit.date()
    return dt.date(date.year(), date.month(), date.day())


def lines_of(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class ImageField(QWidget):
    """One optional picture (logo, scanned signature, stamp): a thumbnail, choose, remove.

    ``data`` is the file's bytes exactly as chosen (PNG or JPEG): the document embeds them as
    they are, so nothing is re-encoded here.
    """

    changed = Signal()

    def __init__(self, title: str, data: bytes | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.data: bytes | None = None
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet(
            "background: white; border: 1px solid #c9d3e0; border-radius: 3px; color: #5a6170;"
        )
        self.choose_button = QPushButton(self.tr("Pilih gambar…"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnail)
        row.addLayout(buttons)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.clear)
        self.set_data(data)

    def set_data(self, data: bytes | None) -> bool:
        """Show ``data``; ``False`` (and nothing changed) when it is not a picture Qt reads."""
        if data is not None:
            image = QImage.fromData(data)
            if image.isNull():
                self._show_error(self.tr("Berkas ini bukan gambar PNG atau JPEG yang terbaca."))
                return False
            pixmap = QPixmap.fromImage(image).scaled(
                THUMBNAIL - QSize(8, 8),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.thumbnail.setPixmap(pixmap)
        else:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("(tidak ada)"))
        self.data = data
        self.remove_button.setEnabled(data is not None)
        self._show_error("")
        self.changed.emit()
        return True

    def choose(self) -> None:
        path = Dialogs.open_file(
            self,
            self.tr("Pilih gambar: {title}").format(title=self.title),
            self.tr("Gambar PNG atau JPEG (*.png *.jpg *.jpeg)"),
        )
        if path is None:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            self._show_error(
                self.tr("Berkas tidak dapat dibaca: {reason}").format(
                    reason=error.strerror or str(error)
                )
            )
            return
        self.set_data(data)

    def clear(self) -> None:
        self.set_data(None)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))


class DocumentSettingsDialog(QDialog):
    """Edits a selection's ``DocumentSettingsInfo`` in four tabs and saves it.

    ``saved(info)`` fires with what the service stored (after its clean-up) and the dialog
    accepts; ``saved_info`` holds it too.
    """

    saved = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.selection_id = context.selection_id
        self.saved_info: DocumentSettingsInfo | None = None
        self.setWindowTitle(self.tr("Pengaturan dokumen"))
        self.setMinimumSize(720, 540)
        settings = document_settings(context.database, self.selection_id)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._letterhead_tab(settings), self.tr("&Kop surat"))
        self.tabs.addTab(self._wording_tab(settings), self.tr("&Isi pengumuman"))
        self.tabs.addTab(self._closing_tab(settings), self.tr("Pen&utup"))
        self.tabs.addTab(self._signatory_tab(settings), self.tr("Penanda &tangan"))
        self.tabs.addTab(self._committee_tab(settings), self.tr("Pa&nitia"))

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.error_label.hide()

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Batal"))

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Pengaturan ini dipakai untuk pengumuman yang diterbitkan berikutnya;"
                    " pengumuman yang sudah terbit tidak berubah."
                )
            )
        )
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

    # -- tabs ------------------------------------------------------------------------------

    def _form_page(self) -> tuple[QWidget, QFormLayout]:
        """A tab with a form at the top; spare height goes below it, not between rows."""
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return page, form

    def _letterhead_tab(self, settings: DocumentSettingsInfo) -> QWidget:
        page, form = self._form_page()
        self.government_edit = QLineEdit(settings.government)
        self.office_edit = QLineEdit(settings.office)
        self.address_edit = text_box(settings.address, 3)
        self.place_edit = QLineEdit(settings.place)
        self.logo_field = ImageField(self.tr("Logo"), settings.logo)
        form.addRow(self.tr("&Pemerintah daerah:"), self.government_edit)
        form.addRow(self.tr("&Kantor / panitia:"), self.office_edit)
        form.addRow(
            self.tr("&Alamat:"),
            with_hint(
                self.address_edit, self.tr("Alamat, telepon, dan surel; boleh beberapa baris.")
            ),
        )
        form.addRow(
            self.tr("&Tempat penetapan:"),
            with_hint(
                self.place_edit,
                self.tr("Dicetak sebagai «Ditetapkan di …» di atas tanda tangan."),
            ),
        )
        form.addRow(
            self.tr("&Logo:"),
            with_hint(
                self.logo_field,
                self.tr(
                    "Tanpa logo, kop memakai lambang netral bawaan; pasang lambang daerah"
                    " yang resmi di sini."
                ),
            ),
        )
        return page

    def _wording_tab(self, settings: DocumentSettingsInfo) -> QWidget:
        page, form = self._form_page()
        self.opening_edit = text_box(settings.opening, 6)
        self.basis_edit = text_box("\n".join(settings.legal_basis), 8)
        self.basis_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        form.addRow(
            self.tr("&Pembukaan:"),
            with_hint(
                self.opening_edit,
                self.tr(
                    "Tulisan {stage} diganti dengan nama tahap yang diumumkan, misalnya"
                    " «Seleksi Kompetensi»."
                ),
            ),
        )
        form.addRow(
            self.tr("&Dasar:"),
            with_hint(
                self.basis_edit,
                self.tr(
                    "Satu peraturan per baris; penomoran dibuat otomatis dalam urutan yang"
                    " ditulis di sini."
                ),
            ),
        )
        return page

    def _closing_tab(self, settings: DocumentSettingsInfo) -> QWidget:
        """The numbered closing provisions of an announcement (issue #11 §1)."""
        page, form = self._form_page()
        self.objection_box = QCheckBox(self.tr("Ada masa sanggah"))
        today = QDate.currentDate()
        self.objection_from_edit = date_edit(settings.objection_from, today)
        self.objection_to_edit = date_edit(settings.objection_to, today.addDays(2))
        self.objection_box.setChecked(settings.objection_from is not None)
        period = QHBoxLayout()
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.objection_box)
        period.addWidget(self.objection_from_edit)
        period.addWidget(QLabel(self.tr("s.d.")))
        period.addWidget(self.objection_to_edit)
        period.addStretch(1)
        period_row = QWidget()
        period_row.setLayout(period)
        self.objection_place_edit = QLineEdit(settings.objection_place)
        self.objection_place_edit.setPlaceholderText(
            self.tr("mis. Sekretariat Panitia, Kantor BKPSDM Kota Binjai, atau alamat surel")
        )
        self.next_steps_edit = text_box(settings.next_steps, 3)
        self.closing_edit = text_box("\n".join(settings.closing), 5)
        self.closing_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.copies_edit = text_box("\n".join(settings.copies_to), 3)
        form.addRow(self.tr("Masa &sanggah:"), period_row)
        form.addRow(self.tr("Tem&pat sanggah:"), self.objection_place_edit)
        form.addRow(
            self.tr("&Langkah berikutnya:"),
            with_hint(
                self.next_steps_edit,
                self.tr(
                    "Yang wajib dilakukan peserta yang lulus: pemberkasan atau daftar ulang"
                    " (dokumen, batas waktu, tempat); setelah SKD: jadwal SKB."
                ),
            ),
        )
        form.addRow(
            self.tr("&Ketentuan lain:"),
            with_hint(
                self.closing_edit,
                self.tr("Satu ketentuan per baris; dinomori setelah masa sanggah dan langkah."),
            ),
        )
        form.addRow(
            self.tr("T&embusan:"),
            with_hint(self.copies_edit, self.tr("Satu penerima per baris.")),
        )
        self.objection_box.toggled.connect(self._objection_toggled)
        self._objection_toggled(self.objection_box.isChecked())
        return page

    def _objection_toggled(self, on: bool) -> None:
        for widget in (self.objection_from_edit, self.objection_to_edit, self.objection_place_edit):
            widget.setEnabled(on)

    def _signatory_tab(self, settings: DocumentSettingsInfo) -> QWidget:
        page, form = self._form_page()
        self.prefix_box = QComboBox()
        for prefix in SIGNATORY_PREFIXES:
            self.prefix_box.addItem(prefix or self.tr("(tanpa awalan)"), prefix)
        self.prefix_box.setCurrentIndex(max(self.prefix_box.findData(settings.signatory_prefix), 0))
        self.title_edit = QLineEdit(settings.signatory_title)
        self.name_edit = QLineEdit(settings.signatory_name)
        self.nip_edit = QLineEdit(settings.signatory_nip)
        self.nip_edit.setPlaceholderText(self.tr("18 digit, tanpa spasi"))
        self.signature_field = ImageField(self.tr("Tanda tangan"), settings.signature_image)
        self.stamp_field = ImageField(self.tr("Stempel"), settings.stamp_image)
        form.addRow(
            self.tr("&Awalan:"),
            with_hint(
                self.prefix_box,
                self.tr(
                    "Plh. bila pejabatnya berhalangan sementara; Pj. bila jabatan itu kosong"
                    " atau pejabatnya berhalangan tetap."
                ),
            ),
        )
        form.addRow(self.tr("&Jabatan:"), self.title_edit)
        form.addRow(self.tr("&Nama:"), self.name_edit)
        form.addRow(self.tr("N&IP:"), self.nip_edit)
        form.addRow(self.tr("Pindaian tanda tangan:"), self.signature_field)
        form.addRow(self.tr("Stempel:"), self.stamp_field)
        return page

    def _committee_tab(self, settings: DocumentSettingsInfo) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            hint(
                self.tr(
                    "Anggota panitia yang menandatangani berita acara, dalam urutan yang dicetak."
                )
            )
        )
        self.committee_table = QTableWidget(0, 2)
        self.committee_table.setHorizontalHeaderLabels(
            [self.tr("Jabatan dalam panitia"), self.tr("Nama")]
        )
        self.committee_table.verticalHeader().setVisible(False)
        self.committee_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.committee_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 260)
        header.setStretchLastSection(True)
        for role, name in settings.committee:
            self.add_member(role, name)
        self.add_button = QPushButton(self.tr("&Tambah anggota"))
        self.remove_button = QPushButton(self.tr("&Hapus anggota"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.committee_table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_member)
        self.committee_table.itemSelectionChanged.connect(self._update_remove)
        self._update_remove()
        return page

    # -- committee -------------------------------------------------------------------------

    def add_member(self, role: str = "", name: str = "") -> int:
        row = self.committee_table.rowCount()
        self.committee_table.insertRow(row)
        self.committee_table.setItem(row, 0, QTableWidgetItem(role))
        self.committee_table.setItem(row, 1, QTableWidgetItem(name))
        return row

    def _add_clicked(self) -> None:
        row = self.add_member()
        self.committee_table.setCurrentCell(row, 0)
        item = self.committee_table.item(row, 0)
        if item is not None:  # add_member has just put it there
            self.committee_table.editItem(item)

    def remove_member(self) -> None:
        rows = sorted({index.row() for index in self.committee_table.selectedIndexes()})
        for row in reversed(rows):
            self.committee_table.removeRow(row)

    def _update_remove(self) -> None:
        self.remove_button.setEnabled(bool(self.committee_table.selectedIndexes()))

    def committee(self) -> tuple[tuple[str, str], ...]:
        members = []
        for row in range(self.committee_table.rowCount()):
            cells = [self.committee_table.item(row, column) for column in (0, 1)]
            role, name = (cell.text().strip() if cell is not None else "" for cell in cells)
            if role or name:
                members.append((role, name))
        return tuple(members)

    # -- saving ----------------------------------------------------------------------------

    def settings(self) -> DocumentSettingsInfo:
        """What the fields say now, as the service takes it."""
        return DocumentSettingsInfo(
            government=self.government_edit.text(),
            office=self.office_edit.text(),
            address=self.address_edit.toPlainText().strip(),
            place=self.place_edit.text(),
            opening=self.opening_edit.toPlainText(),
            legal_basis=tuple(
                line.strip() for line in self.basis_edit.toPlainText().splitlines() if line.strip()
            ),
            signatory_title=self.title_edit.text(),
            signatory_name=self.name_edit.text(),
            signatory_nip=self.nip_edit.text(),
            signatory_prefix=self.prefix_box.currentData() or "",
            committee=self.committee(),
            logo=self.logo_field.data,
            signature_image=self.signature_field.data,
            stamp_image=self.stamp_field.data,
            objection_from=day_of(self.objection_from_edit)
            if self.objection_box.isChecked()
            else None,
            objection_to=day_of(self.objection_to_edit) if self.objection_box.isChecked() else None,
            objection_place=self.objection_place_edit.text(),
            next_steps=self.next_steps_edit.toPlainText(),
            closing=lines_of(self.closing_edit),
            copies_to=lines_of(self.copies_edit),
        )

    def save(self) -> None:
        # Quick (one row): no worker thread needed; the door tells every page.
        database, actor, settings = self.context.database, self.context.actor, self.settings()
        selection_id = self.selection_id
        try:
            info = (
                ServiceOp(
                    self,
                    self.context,
                    lambda: save_document_settings(database, actor, selection_id, settings),
                )
                .run_now()
                .value
            )
        except UserError as error:
            self.error_label.setText(
                self.tr("Belum disimpan: {reason}").format(reason=error.text())
            )
            self.error_label.show()
            return
        self.error_label.hide()
        self.saved_info = info
        self.saved.emit(info)
        self.accept()
