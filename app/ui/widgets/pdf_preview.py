"""A PDF shown from bytes, with page navigation and zoom."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..numbers import count_text

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


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
            self.tr("Halaman {page} dari {count}").format(
                page=count_text(page + 1), count=count_text(count)
            )
            if loaded
            else ""
        )
        self.previous_button.setEnabled(loaded and page > 0)
        self.next_button.setEnabled(loaded and page < count - 1)
        for widget in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            widget.setEnabled(loaded)
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)} %" if loaded else "")
