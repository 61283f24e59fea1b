"""The manual inside the program (F1, Bantuan › Panduan): the selection day, with pictures.

The text lives in ``resources/manual/panduan.<language>.md`` (Indonesian and English) and the
pictures are the README's screenshots, so one ``make screenshots`` keeps both current. It is
shown with Qt's own Markdown support in a ``QTextBrowser``: no web engine, nothing online.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .i18n import current_language

ROOT = Path(__file__).resolve().parents[2]
MANUAL_DIR = ROOT / "resources" / "manual"
PICTURES_DIR = ROOT / "docs" / "screenshots"
PICTURE_WIDTH = 720


def manual_path(language: str) -> Path:
    path = MANUAL_DIR / f"panduan.{language}.md"
    return path if path.exists() else MANUAL_DIR / "panduan.id.md"


class ManualDialog(QDialog):
    """A non-modal window beside the work: the user reads and types at the same time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Panduan Seleksi ASN"))
        self.resize(900, 680)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(MANUAL_DIR), str(PICTURES_DIR)])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.load(current_language())

    def load(self, language: str) -> None:
        path = manual_path(language)
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(PICTURES_DIR) + "/"))
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        self._fit_pictures(PICTURE_WIDTH)

    def _fit_pictures(self, width: int) -> None:
        """Screenshots are taken at 1366 px: shown at ``width``, in proportion, so the text
        beside them never needs a horizontal scroll bar."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                image = fragment.charFormat().toImageFormat()
                if fragment.isValid() and image.isValid():
                    picture = QImage(str(PICTURES_DIR / Path(image.name()).name))
                    if not picture.isNull() and picture.width() > width:
                        image.setWidth(width)
                        image.setHeight(picture.height() * width / picture.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                        )
                        cursor.setCharFormat(image)
                iterator += 1
            block = block.next()
