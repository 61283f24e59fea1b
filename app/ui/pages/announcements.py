"""The Announcements page: issued announcements of a selection, previewed, printed, verified.

An announcement is what the public reads and what a participant contests, so the page shows
the stored PDF itself (the bytes kept in the database when it was issued), never a
re-rendering: what the clerk previews, prints or saves a copy of is exactly what was issued
and what ``seleksi verify`` checks. Issuing, the committee key and the document settings are
the administrator's; operators preview, print, save copies and verify.

The page refreshes when a change touches ``ANNOUNCEMENTS`` (one was issued, here or
elsewhere) or the selection; issuing and saving settings go through the services' door, which
tells every page.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.announcements import AnnouncementInfo, list_announcements, stored_pdf
from app.services.errors import UserError
from app.services.permissions import Action

from ..announcement_model import AnnouncementTableModel, local_time
from ..committee_key_dialog import CommitteeKeyDialog
from ..context import ANNOUNCEMENTS, SELECTION, AppContext, Changes
from ..dialogs import Dialogs
from ..document_settings_dialog import DocumentSettingsDialog
from ..issue_dialog import IssueDialog
from ..numbers import count_text
from ..verify_dialog import VerifyDialog
from ..widgets.pdf_preview import PdfPreview
from ..widgets.pdf_print import print_pdf


class AnnouncementsPage(QWidget):
    """The issued announcements of the current selection, and what one does with them.

    ``model`` lists them newest first; ``preview`` shows the selected one's stored PDF.
    ``open_*_dialog()`` open the dialogs window-modally and return them (tests fill them);
    ``save_copy()`` and ``print_selected()`` act on the selected announcement. Printing asks
    for the printer through ``ask_print_settings`` (tests replace it).
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = AnnouncementTableModel(self)
        self._shown_id: int | None = None
        self._key_path: Path | None = None
        self._build()
        self._retranslate()
        context.changes.changed.connect(self._data_changed)
        context.changes.selection_switched.connect(self._selection_switched)
        self.refresh()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.issue_button = QPushButton()
        self.verify_button = QPushButton()
        self.settings_button = QPushButton()
        self.key_button = QPushButton()
        admin = self.context.may(Action.ISSUE_ANNOUNCEMENT)
        for button in (self.issue_button, self.settings_button, self.key_button):
            button.setVisible(admin)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.issue_button)
        actions.addWidget(self.verify_button)
        actions.addStretch(1)
        actions.addWidget(self.settings_button)
        actions.addWidget(self.key_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setObjectName("announcementDetails")
        self.details.setStyleSheet(
            "#announcementDetails { background: #eef2f7; border: 1px solid #c9d3e0;"
            " border-radius: 4px; padding: 8px; color: #1b1c1e; }"
        )

        self.save_button = QPushButton()
        self.print_button = QPushButton()
        file_actions = QHBoxLayout()
        file_actions.addWidget(self.save_button)
        file_actions.addWidget(self.print_button)
        file_actions.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.details)
        left_layout.addLayout(file_actions)

        self.preview = PdfPreview()
        self.signature_note = QLabel()
        self.signature_note.setWordWrap(True)
        self.signature_note.setStyleSheet("color: #3d4452;")
        self.signature_note.hide()
        right = QFrame()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(4)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.signature_note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([500, 600])

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status_label)

        self.issue_button.clicked.connect(self.open_issue_dialog)
        self.verify_button.clicked.connect(self.open_verify_dialog)
        self.settings_button.clicked.connect(self.open_settings_dialog)
        self.key_button.clicked.connect(self.open_key_dialog)
        self.save_button.clicked.connect(self.save_copy)
        self.print_button.clicked.connect(self.print_selected)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_chosen(current.row())
        )

    def _retranslate(self) -> None:
        self.issue_button.setText(self.tr("&Terbitkan pengumuman…"))
        self.issue_button.setToolTip(
            self.tr("Susun, simpan, dan (bila dipilih) tandatangani pengumuman suatu tahap.")
        )
        self.verify_button.setText(self.tr("&Periksa berkas…"))
        self.verify_button.setToolTip(
            self.tr("Periksa apakah sebuah berkas PDF sama dengan pengumuman yang diterbitkan.")
        )
        self.settings_button.setText(self.tr("Pengaturan &dokumen…"))
        self.settings_button.setToolTip(
            self.tr("Kop surat, isi pengumuman, penanda tangan, dan anggota panitia.")
        )
        self.key_button.setText(self.tr("Buat &kunci panitia…"))
        self.key_button.setToolTip(
            self.tr("Buat kunci tanda tangan elektronik panitia dan sertifikatnya.")
        )
        self.save_button.setText(self.tr("&Simpan salinan…"))
        self.print_button.setText(self.tr("&Cetak…"))
        # QtPdf draws no form fields, and the visible signature is one: say so, so that nobody
        # takes its absence on screen or paper for a missing signature.
        self.signature_note.setText(
            self.tr(
                "Ditandatangani secara elektronik. Cap tanda tangannya tidak tampil di pratinjau"
                " dan cetakan; keaslian diperiksa lewat kode QR atau «Periksa berkas…»."
            )
        )

    # -- loading ---------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Reload the list; keep (or move to ``select``) the selected announcement."""
        selection_id = self.context.selection_id
        wanted = select if select is not None else self._shown_id
        self.issue_button.setEnabled(selection_id is not None)
        self.settings_button.setEnabled(selection_id is not None)
        self.key_button.setEnabled(selection_id is not None)
        if selection_id is None:
            self.model.set_announcements([])
            self._show_nothing(self.tr("Belum ada seleksi. Buat atau buka seleksi terlebih dulu."))
            return
        try:
            announcements = list_announcements(self.context.database, selection_id)
        except UserError as error:
            self.model.set_announcements([])
            self._show_nothing(error.text())
            return
        self.model.set_announcements(announcements)
        self._fit_columns()
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is None and self.model.rowCount():
            row = 0  # the newest
        if row is None:
            self._show_nothing(self._empty_text())
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self._row_chosen(row)

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, header.sectionSize(column) + 12)

    def _empty_text(self) -> str:
        if self.context.may(Action.ISSUE_ANNOUNCEMENT):
            return self.tr(
                "Belum ada pengumuman yang diterbitkan untuk seleksi ini. Tekan «Terbitkan"
                " pengumuman…» untuk menerbitkan yang pertama."
            )
        return self.tr(
            "Belum ada pengumuman yang diterbitkan untuk seleksi ini. Pengumuman diterbitkan"
            " oleh administrator panitia."
        )

    def _show_nothing(self, message: str) -> None:
        self._shown_id = None
        self.preview.clear(message)
        self.details.clear()
        self.details.hide()
        self.signature_note.hide()
        self._update_buttons()

    def _row_chosen(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        info = self.model.info(row)
        self._show_details(info)
        if info.id == self._shown_id and self.preview.page_count():
            self._update_buttons()
            return
        try:
            data = stored_pdf(self.context.database, info.id)
        except UserError as error:
            self._shown_id = None
            self.preview.clear(error.text())
            self._update_buttons()
            return
        self._shown_id = info.id
        self.preview.show_pdf(data)
        self.signature_note.setVisible(info.signed)
        self._update_buttons()

    def _show_details(self, info: AnnouncementInfo) -> None:
        lines = [
            f"<b>{escape(info.subject)}</b>",
            self.tr("Nomor {number}, tanggal {date}, tahap {stage}, {rows} baris hasil.").format(
                number=escape(info.number),
                date=info.issued_on.strftime("%d-%m-%Y"),
                stage=escape(info.stage),
                rows=info.rows,
            ),
            self.tr("Diterbitkan {time} oleh {user}; ID dokumen {id}.").format(
                time=local_time(info.created_at),
                user=escape(info.created_by),
                id=escape(info.document_id),
            ),
        ]
        if info.replaces:
            lines.append(
                self.tr("Menggantikan Pengumuman Nomor {number}.").format(
                    number=escape(info.replaces)
                )
            )
        lines.append(
            self.tr("SHA-256 berkas: {hash}").format(
                hash=f"<span style='font-family: monospace'>{info.pdf_sha256[:16]}…</span>"
            )
        )
        self.details.setText("<br>".join(lines))
        self.details.setToolTip(info.pdf_sha256)
        self.details.show()

    def selected_info(self) -> AnnouncementInfo | None:
        row = self.model.row_of(self._shown_id) if self._shown_id is not None else None
        return self.model.info(row) if row is not None else None

    def _update_buttons(self) -> None:
        shown = self._shown_id is not None and self.preview.page_count() > 0
        self.save_button.setEnabled(shown)
        self.print_button.setEnabled(shown)

    def _selection_switched(self, _selection_id: int | None) -> None:
        self._shown_id = None
        self.status_label.clear()
        self.refresh()

    def _data_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        if kinds & {ANNOUNCEMENTS, SELECTION}:
            self.refresh()

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)

    # -- issuing ---------------------------------------------------------------------------

    def open_issue_dialog(self) -> IssueDialog | None:
        if not self.context.may(Action.ISSUE_ANNOUNCEMENT) or self.context.selection_id is None:
            return None
        try:
            dialog = IssueDialog(self.context, self, key_path=self._key_path)
        except UserError as error:
            Dialogs.error(self, self.tr("Terbitkan pengumuman"), error.text())
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.issued.connect(self._announcement_issued)
        dialog.open()
        return dialog

    def _announcement_issued(self, info: AnnouncementInfo) -> None:
        self.refresh(select=info.id)
        self._show_status(
            self.tr("Pengumuman Nomor {number} diterbitkan ({rows} baris hasil{signed}).").format(
                number=info.number,
                rows=info.rows,
                signed=self.tr(", ditandatangani secara elektronik") if info.signed else "",
            )
        )

    # -- saving and printing ---------------------------------------------------------------

    def save_copy(self) -> Path | None:
        """Write the stored bytes of the selected announcement to a file the user chooses."""
        info = self.selected_info()
        if info is None:
            return None
        suggested = (
            file_name_part(
                f"Pengumuman-{info.stage}-{info.issued_on.isoformat()}-{info.document_id}"
            )
            + ".pdf"
        )
        path = Dialogs.save_file(
            self, self.tr("Simpan salinan pengumuman"), self.tr("Dokumen PDF (*.pdf)"), suggested
        )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(stored_pdf(self.context.database, info.id))
        except UserError as error:
            Dialogs.error(self, self.tr("Salinan tidak disimpan"), error.text())
            return None
        except OSError as error:
            Dialogs.error(
                self,
                self.tr("Salinan tidak disimpan"),
                self.tr("Berkas {path} tidak dapat ditulis: {reason}").format(
                    path=path, reason=error.strerror or str(error)
                ),
            )
            return None
        self._show_status(
            self.tr("Salinan Pengumuman Nomor {number} disimpan ke {path}.").format(
                number=info.number, path=path
            )
        )
        return path

    def ask_print_settings(self, printer: QPrinter, page_count: int) -> bool:
        """Let the user choose printer, copies and pages; ``False`` when cancelled.

        A method of its own so tests can answer it without a modal dialog.
        """
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak pengumuman"))
        dialog.setMinMax(1, page_count)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_selected(self) -> int:
        """Print the selected announcement; the number of pages sent to the printer."""
        info = self.selected_info()
        count = self.preview.page_count()
        if info is None or not count:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        # The print dialog proposes the document name as the file of "print to file": the
        # number's slashes (001/PANSELDA/2024) would make it a path into folders that do
        # not exist.
        printer.setDocName(
            file_name_part(self.tr("Pengumuman {number}").format(number=info.number))
        )
        printer.setFromTo(1, count)
        printer.setPrintRange(QPrinter.PrintRange.AllPages)
        if not self.ask_print_settings(printer, count):
            return 0
        if printer.printRange() == QPrinter.PrintRange.AllPages:
            printer.setFromTo(0, 0)

        def report(done: int, total: int) -> bool:
            # Every 25th page only: PySide6 6.12 loses a reference to None on each
            # processEvents() call, and a few thousand calls (a 2,400-page announcement)
            # would bring the interpreter down.
            if done % 25 == 0 or done + 1 == total:
                self._show_status(
                    self.tr("Mencetak halaman {page} dari {count}…").format(
                        page=count_text(done + 1), count=count_text(total)
                    )
                )
                QApplication.processEvents()
            return True

        # Pages are drawn on the GUI thread (QPdfDocument belongs to it) with the events kept
        # flowing for the progress text; the page is disabled so that no click can replace
        # the document being printed.
        self.setEnabled(False)
        try:
            printed = print_pdf(self.preview.document, printer, report)
        except OSError:
            Dialogs.error(
                self,
                self.tr("Tidak dapat mencetak"),
                self.tr(
                    "Pencetak tidak dapat dipakai. Periksa sambungan pencetak, lalu coba lagi."
                ),
            )
            self._show_status("")
            return 0
        finally:
            self.setEnabled(True)
        self._show_status(
            self.tr("Pengumuman Nomor {number}: {count} halaman dikirim ke pencetak.").format(
                number=info.number, count=count_text(printed)
            )
        )
        return printed

    # -- verifying, settings, key ----------------------------------------------------------

    def open_verify_dialog(self) -> VerifyDialog:
        dialog = VerifyDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings_dialog(self) -> DocumentSettingsDialog | None:
        if not self.context.may(Action.EDIT_DOCUMENT_SETTINGS) or self.context.selection_id is None:
            return None
        dialog = DocumentSettingsDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._settings_saved)
        dialog.open()
        return dialog

    def _settings_saved(self, _info: object) -> None:
        self._show_status(
            self.tr(
                "Pengaturan dokumen disimpan; dipakai untuk pengumuman yang diterbitkan berikutnya."
            )
        )

    def open_key_dialog(self) -> CommitteeKeyDialog | None:
        if not self.context.may(Action.ISSUE_ANNOUNCEMENT) or self.context.selection_id is None:
            return None
        dialog = CommitteeKeyDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._key_created)
        dialog.open()
        return dialog

    def _key_created(self, p12: Path, cert: Path, fingerprint: str) -> None:
        self._key_path = p12
        self._show_status(
            self.tr(
                "Kunci panitia disimpan di {key}. Berikan sertifikat akar {cert} kepada siapa"
                " pun yang perlu memeriksa pengumuman, dan umumkan sidik jari SHA-256-nya:"
                " {fingerprint}"
            ).format(key=p12, cert=cert, fingerprint=fingerprint)
        )


def file_name_part(text: str) -> str:
    """``Pengumuman 001/PANSELDA/2024`` → ``Pengumuman 001-PANSELDA-2024``: a name every
    file system takes (no folder separators, no characters Windows refuses)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", text).strip(" .-")
    return cleaned or "dokumen"
