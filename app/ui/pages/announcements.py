"""The Announcements page: issued announcements of a selection, previewed, printed, verified.

An announcement is what the public reads and what a participant contests, so the page shows
the stored PDF itself (the bytes kept in the database when it was issued), never a
re-rendering: what the clerk previews, prints or saves a copy of is exactly what was issued
and what ``seleksi verify`` checks. Issuing, the committee key and the document settings are
the administrator's; operators preview, print, save copies and verify.

Kinds of change this page announces on ``AppContext.changes`` (and listens to):

* ``"announcements"`` (``ANNOUNCEMENTS``): an announcement was issued;
* ``"documents"`` (``DOCUMENT_SETTINGS``): the letterhead, wording or signatory changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
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
    QStackedWidget,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.announcements import AnnouncementInfo, list_announcements, stored_pdf
from app.services.errors import UserError

from ..context import SELECTION, AppContext
from ..dialogs import Dialogs
from ..document_settings_dialog import DocumentSettingsDialog
from ..issue_dialog import CommitteeKeyDialog, IssueDialog
from ..verify_dialog import VerifyDialog

Index = QModelIndex | QPersistentModelIndex

ANNOUNCEMENTS = "announcements"
DOCUMENT_SETTINGS = "documents"
# Pages are printed as pictures; 300 dpi is sharp on paper, and an A4 page at the 1200 dpi of
# a high-resolution QPrinter would be a 550 MB image.
MAX_PRINT_DPI = 300
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


def local_time(stored: str) -> str:
    """``created_at`` is stored in UTC; the committee reads its own clock."""
    try:
        moment = dt.datetime.fromisoformat(stored)
    except ValueError:
        return stored
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d-%m-%Y %H.%M")


def print_pdf(
    document: QPdfDocument,
    printer: QPrinter,
    on_page: Callable[[int, int], bool] | None = None,
) -> int:
    """Print ``document`` on ``printer``, each page drawn 1:1 on the whole sheet; the pages
    printed.

    The page range chosen in the print dialog is honoured. ``on_page(done, total)`` is called
    before each page; returning ``False`` stops (the user cancelled). Annotations are drawn
    too, so what the preview shows is what comes out of the printer.
    """
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0:
        first, last = 1, count
    pages = list(range(first - 1, min(last, count)))
    if not pages:
        return 0
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.Annotations)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setPageOrientation(_orientation(document, pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(printer.outputFileName() or printer.printerName())
    printed = 0
    try:
        for position, page in enumerate(pages):
            if on_page is not None and not on_page(position, len(pages)):
                break
            if position:
                # Landscape pages (stages with many columns) turn the sheet for that page.
                printer.setPageOrientation(_orientation(document, page))
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = _on_white(document.render(page, size, options))
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(_fitted(sheet, image.width(), image.height()), image)
            printed += 1
    finally:
        painter.end()
    return printed


def _orientation(document: QPdfDocument, page: int) -> QPageLayout.Orientation:
    size = document.pagePointSize(page)
    if size.width() > size.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def _on_white(image: QImage) -> QImage:
    """PDFium renders on a transparent ground; a printer wants opaque white paper."""
    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet


def _fitted(area: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle of ``width``:``height`` centred in ``area``."""
    scale = min(area.width() / width, area.height() / height)
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


# -- the list of issued announcements -------------------------------------------------------


class AnnouncementTableModel(QAbstractTableModel):
    """Issued announcements, newest first; ``info(row)`` gives the service's record."""

    COLUMNS = ("number", "date", "stage", "rows", "signed", "replaces", "by", "document")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AnnouncementInfo] = []

    def set_announcements(self, announcements: list[AnnouncementInfo]) -> None:
        self.beginResetModel()
        self._rows = sorted(announcements, key=lambda a: a.id, reverse=True)
        self.endResetModel()

    def info(self, row: int) -> AnnouncementInfo:
        return self._rows[row]

    def row_of(self, announcement_id: int) -> int | None:
        return next((r for r, a in enumerate(self._rows) if a.id == announcement_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "number": self.tr("Nomor"),
            "date": self.tr("Tanggal"),
            "stage": self.tr("Tahap"),
            "rows": self.tr("Baris"),
            "signed": self.tr("Bertanda tangan"),
            "replaces": self.tr("Menggantikan"),
            "by": self.tr("Diterbitkan oleh"),
            "document": self.tr("ID dokumen"),
        }
        return titles[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{subject}\nDibuat {time} oleh {user}").format(
                subject=info.subject, time=local_time(info.created_at), user=info.created_by
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == "rows":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == "signed":
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        return None

    def cell_text(self, info: AnnouncementInfo, column: str) -> str:
        if column == "number":
            return info.number
        if column == "date":
            return info.issued_on.strftime("%d-%m-%Y")
        if column == "stage":
            return info.stage
        if column == "rows":
            return str(info.rows)
        if column == "signed":
            return self.tr("Ya") if info.signed else self.tr("Tidak")
        if column == "replaces":
            return info.replaces or "—"
        if column == "by":
            return info.created_by
        return info.document_id


# -- the preview ----------------------------------------------------------------------------


class PdfPreview(QWidget):
    """A PDF shown from bytes: page navigation, zoom, fit to width.

    ``document`` reads from ``_buffer``; QPdfDocument does not copy what it reads, so the
    buffer lives exactly as long as the document uses it (replaced only after the document
    has let go of it).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None

        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(8)
        self.view.setStyleSheet("QPdfView { background: #8a8f98; }")
        self.navigator = self.view.pageNavigator()

        style = self.style()
        self.previous_button = QToolButton()
        self.previous_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.next_button = QToolButton()
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(120)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fit_button = QToolButton()
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        tools = QHBoxLayout()
        tools.setSpacing(4)
        tools.addWidget(self.previous_button)
        tools.addWidget(self.page_label)
        tools.addWidget(self.next_button)
        tools.addStretch(1)
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_label)
        tools.addWidget(self.zoom_in_button)
        tools.addSpacing(6)
        tools.addWidget(self.fit_button)

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #3d4452; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)

        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.fit_button.toggled.connect(self._fit_toggled)
        self.navigator.currentPageChanged.connect(lambda _page: self._update_tools())
        self.view.zoomFactorChanged.connect(lambda _factor: self._update_tools())
        self.view.zoomModeChanged.connect(lambda _mode: self._update_tools())
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.previous_button.setToolTip(self.tr("Halaman sebelumnya"))
        self.next_button.setToolTip(self.tr("Halaman berikutnya"))
        self.zoom_out_button.setToolTip(self.tr("Perkecil"))
        self.zoom_in_button.setToolTip(self.tr("Perbesar"))
        self.fit_button.setText(self.tr("Sesuai lebar"))
        self.fit_button.setToolTip(self.tr("Sesuaikan lebar halaman dengan lebar panel"))

    # -- content ---------------------------------------------------------------------------

    def show_pdf(self, data: bytes) -> bool:
        """Show ``data``; ``False`` when QtPdf cannot read it (the placeholder says so)."""
        previous = self._buffer
        self.document.close()  # let go of the old buffer before it goes
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        if previous is not None:
            previous.close()
            previous.deleteLater()
        if self.document.status() != QPdfDocument.Status.Ready or not self.page_count():
            self.clear(self.tr("Berkas PDF ini tidak dapat ditampilkan."))
            return False
        self.stack.setCurrentWidget(self.view)
        self.go_to_page(0)
        self._update_tools()
        return True

    def clear(self, message: str = "") -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self.placeholder.setText(message)
        self.stack.setCurrentWidget(self.placeholder)
        self._update_tools()

    def page_count(self) -> int:
        return self.document.pageCount() if self._buffer is not None else 0

    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
            self._update_tools()

    # -- zoom ------------------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        current = self._effective_zoom()
        low, high = ZOOM_RANGE
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, low), high))
        self.fit_button.setChecked(False)

    def _effective_zoom(self) -> float:
        """The zoom on screen; in fit-width mode it follows from the panel's width."""
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or not self.page_count():
            return self.view.zoomFactor()
        points = self.document.pagePointSize(max(self.current_page(), 0))
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        # QPdfView lays pages out at screen resolution: one point is dpi/72 pixels.
        pixels = points.width() * self.logicalDpiX() / 72
        return usable / pixels if pixels else 1.0

    def _fit_toggled(self, checked: bool) -> None:
        if checked:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            self.view.setZoomFactor(self._effective_zoom())
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self._update_tools()

    def _update_tools(self) -> None:
        count = self.page_count()
        page = self.current_page()
        loaded = count > 0
        self.page_label.setText(
            self.tr("Halaman {page} dari {count}").format(page=page + 1, count=count)
            if loaded
            else ""
        )
        self.previous_button.setEnabled(loaded and page > 0)
        self.next_button.setEnabled(loaded and page < count - 1)
        for widget in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            widget.setEnabled(loaded)
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)} %" if loaded else "")


# -- the page -------------------------------------------------------------------------------


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
        admin = self.context.can("admin")
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
        if self.context.can("admin"):
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

    def _data_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {ANNOUNCEMENTS, SELECTION}:
            self.refresh()

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)

    # -- issuing ---------------------------------------------------------------------------

    def open_issue_dialog(self) -> IssueDialog | None:
        if not self.context.can("admin") or self.context.selection_id is None:
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
        self.context.changes.announce(ANNOUNCEMENTS)

    # -- saving and printing ---------------------------------------------------------------

    def save_copy(self) -> Path | None:
        """Write the stored bytes of the selected announcement to a file the user chooses."""
        info = self.selected_info()
        if info is None:
            return None
        suggested = f"Pengumuman-{info.stage}-{info.issued_on.isoformat()}-{info.document_id}.pdf"
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
        printer.setDocName(self.tr("Pengumuman {number}").format(number=info.number))
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
                        page=done + 1, count=total
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
                number=info.number, count=printed
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
        if not self.context.can("admin") or self.context.selection_id is None:
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
        self.context.changes.announce(DOCUMENT_SETTINGS)

    def open_key_dialog(self) -> CommitteeKeyDialog | None:
        if not self.context.can("admin") or self.context.selection_id is None:
            return None
        dialog = CommitteeKeyDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._key_created)
        dialog.open()
        return dialog

    def _key_created(self, p12: Path, cert: Path) -> None:
        self._key_path = p12
        self._show_status(
            self.tr(
                "Kunci panitia disimpan di {key}. Berikan sertifikat {cert} kepada siapa pun"
                " yang perlu memeriksa pengumuman."
            ).format(key=p12, cert=cert)
        )
