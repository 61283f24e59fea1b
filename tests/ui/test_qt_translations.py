"""Qt's own dialogs speak the interface language: the file, print, colour and message dialogs.

Qt ships no Indonesian ``qtbase_id.qm``; ``resources/translations/qtbase_id.ts`` is ours and
``i18n.install_language("id")`` loads it. These tests read Qt's real widgets (the widget-based
file dialog Linux uses, the print dialog with its options open, the colour dialog, a message
box) and look for any of Qt's English texts among what they show.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)

from app.ui import i18n
from app.ui.app import create_application

TS_FILE = i18n.TRANSLATIONS_DIR / "qtbase_id.ts"

# One or more texts of each context, as Qt 6.12 asks for them, and what Indonesian shows.
SAMPLES = [
    ("QFileDialog", "&Look in:", "", "&Lihat di:"),
    ("QFileDialog", "Files of &type:", "", "&Jenis berkas:"),
    ("QFileDialog", "File &name:", "", "&Nama berkas:"),
    ("QFileDialog", "Directory:", "", "Folder:"),
    ("QFileSystemModel", "Name", "", "Nama"),
    ("QFileSystemModel", "Computer", "", "Komputer"),
    ("QFileSystemModel", "Type", "All other platforms", "Jenis"),
    ("QAbstractFileIconProvider", "Unknown", "", "Tidak diketahui"),
    ("QPrintWidget", "Printer", "", "Pencetak"),
    ("QPrintWidget", "P&roperties", "", "P&roperti"),
    ("QPrintWidget", "Output &file:", "", "&Berkas keluaran:"),
    ("QPrintDialog", "&Options >>", "", "&Opsi >>"),
    ("QPrintDialog", "Write PDF file", "", "Tulis berkas PDF"),
    ("QPrintDialog", "Print to File (PDF)", "", "Cetak ke Berkas (PDF)"),
    ("QPrintSettingsOutput", "Print range", "", "Rentang halaman"),
    ("QPrintSettingsOutput", "Grayscale", "", "Skala abu-abu"),
    ("QPageSetupWidget", "Page size:", "", "Ukuran kertas:"),
    ("QPageSetupWidget", "Landscape", "", "Mendatar"),
    ("QPrintPropertiesDialog", "Printer Properties", "", "Properti Pencetak"),
    ("QPrintPropertiesWidget", "Advanced", "", "Lanjutan"),
    ("QCupsJobWidget", "&Start:", "Banner page at start", "&Awal:"),
    ("QCupsJobWidget", "Top Secret", "CUPS Banner page", "Sangat Rahasia"),
    ("QCupsPrinterSupport", "Password:", "", "Kata sandi:"),
    ("QPPDOptionsModel", "Value", "", "Nilai"),
    ("QPrintPreviewDialog", "Print Preview", "", "Pratinjau Cetak"),
    ("QPageSize", "Envelope DL", "", "Amplop DL"),
    ("QPageSize", "Executive (7.25 x 10.5 in)", "", "Executive (7,25 x 10,5 in)"),
    ("Print Device Input Slot", "Automatic", "", "Otomatis"),
    ("QColorDialog", "&Basic colors", "", "Warna &dasar"),
    (
        "QColorDialog",
        "Cursor at %1, %2\nPress ESC to cancel",
        "",
        "Kursor di %1, %2\nTekan ESC untuk membatalkan",
    ),
    ("QMessageBox", "Show Details...", "", "Tampilkan Rincian..."),
    ("QPlatformTheme", "Discard", "", "Buang"),
    ("QGnomeTheme", "Close without Saving", "", "Tutup tanpa Menyimpan"),
    ("QDialogButtonBox", "&Cancel", "", "&Batal"),
    ("QInputDialog", "Enter a value:", "", "Masukkan nilai:"),
    ("QProgressDialog", "Cancel", "", "Batal"),
    ("QWizard", "&Finish", "", "&Selesai"),
    ("QLineEdit", "&Paste", "", "T&empel"),
    ("QWidgetTextControl", "Copy &Link Location", "", "Salin L&okasi Tautan"),
    ("QAbstractSpinBox", "Step &down", "", "&Turun"),
    ("QScrollBar", "Scroll here", "", "Gulir ke sini"),
    ("QUnicodeControlCharacterMenu", "ZWSP Zero width space", "", "ZWSP Spasi lebar nol"),
]

# Qt's English texts of the dialogs below; none may show in Indonesian.
ENGLISH_FILE_DIALOG = {
    "&Look in:", "Look in:", "Files of &type:", "Files of type:", "File &name:", "Directory:",
    "Name", "Size", "Type", "Date Modified", "Computer", "&Open", "&Save", "&Choose", "Cancel",
    "Back", "Forward", "Parent Directory", "Create New Folder", "List View", "Detail View",
}  # fmt: skip
ENGLISH_PRINT_DIALOG = {
    "Print", "Printer", "&Name:", "P&roperties", "Location:", "Type:", "Output &file:",
    "Preview", "&Options >>", "&Options <<", "&Print", "Cancel", "Local file", "Write PDF file",
    "Print to File (PDF)", "Copies", "Options", "Print range", "Print all", "Pages from", "to",
    "Pages", "Current Page", "Selection", "Page &Set:", "All Pages", "Odd Pages", "Even Pages",
    "Output Settings", "Copies:", "Collate", "Reverse", "Double Sided Printing", "Off",
    "Long side binding", "Short side binding", "Color Mode", "Color", "Grayscale",
}  # fmt: skip
ENGLISH_COLOUR_DIALOG = {
    "Select Color", "&Basic colors", "&Custom colors", "&Add to Custom Colors",
    "&Pick Screen Color", "Hu&e:", "&Sat:", "&Val:", "&Red:", "&Green:", "Bl&ue:",
    "A&lpha channel:", "Cancel",
}  # fmt: skip


@pytest.fixture(autouse=True)
def no_translator_left(qapp) -> Iterator[None]:
    create_application()
    yield
    i18n.remove_translators()  # later tests start untranslated


def _ts_messages() -> list[tuple[str, str, str, str]]:
    messages = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, (
                f"{name}: {message.findtext('source')!r} is not finished"
            )
            messages.append(
                (
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    translation.text or "",
                )
            )
    return messages


def _texts(widget: QWidget) -> set[str]:
    """Every text of ``widget`` and its children (also on tabs not in front): titles, labels,
    buttons, tabs, list items, column headers."""
    texts = {widget.windowTitle()}
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QAbstractButton):
            texts.add(child.text())
            texts.add(child.toolTip())
        elif isinstance(child, QGroupBox):
            texts.add(child.title())
        elif isinstance(child, QTabWidget):
            texts.update(child.tabText(index) for index in range(child.count()))
        if isinstance(child, QComboBox):
            texts.update(child.itemText(index) for index in range(child.count()))
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model, root = child.model(), child.rootIndex()
            horizontal = Qt.Orientation.Horizontal
            texts.update(
                str(model.headerData(c, horizontal)) for c in range(model.columnCount(root))
            )
            if model.rowCount(root) <= 20:  # the sidebar's places, not a folder's files
                texts.update(
                    str(model.index(r, 0, root).data()) for r in range(model.rowCount(root))
                )
    return {text for text in texts if text}


def _english_left(texts: set[str]) -> set[str]:
    """The texts that are an English source of qtbase_id.ts with a different Indonesian."""
    english = {source for _, source, _, translation in _ts_messages() if translation != source}
    return texts & english


def _file_dialog(qtbot, mode: QFileDialog.AcceptMode, tmp_path) -> QFileDialog:
    (tmp_path / "pengumuman.pdf").write_bytes(b"%PDF-1.4\n")
    dialog = QFileDialog(None, "Simpan pengumuman", str(tmp_path), "PDF (*.pdf);;CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _print_dialog(qtbot, printer: QPrinter) -> QPrintDialog:
    """The print dialog with its options (copies, range, duplex, colour) opened.

    The caller keeps ``printer``: the dialog does not own it, and a collected printer
    leaves the dialog pointing at freed memory.
    """
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    (options,) = [b for b in dialog.findChildren(QPushButton) if ">>" in b.text()]
    options.click()
    qtbot.waitUntil(lambda: bool(dialog.findChildren(QTabWidget)[0].isVisible()))
    return dialog


def test_every_indonesian_qt_text_reaches_qt() -> None:
    """The compiled .qm is the .ts: each finished entry comes back from Qt, placeholders kept."""
    i18n.install_language("id")
    messages = _ts_messages()
    assert len(messages) > 400
    for context, source, comment, translation in messages:
        assert QCoreApplication.translate(context, source, comment or None) == translation
        for marker in ("%1", "%2", "%3"):
            assert (marker in source) == (marker in translation), (context, source)
        assert ("&" in source) == ("&" in translation), (context, source)


@pytest.mark.parametrize(("context", "source", "comment", "indonesian"), SAMPLES)
def test_qt_texts_follow_the_interface_language(
    context: str, source: str, comment: str, indonesian: str
) -> None:
    i18n.install_language("id")
    assert QCoreApplication.translate(context, source, comment or None) == indonesian
    i18n.install_language("en")
    assert QCoreApplication.translate(context, source, comment or None) == source


@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen]
)
def test_the_file_dialog_speaks_indonesian(qtbot, tmp_path, mode) -> None:
    i18n.install_language("id")
    texts = _texts(_file_dialog(qtbot, mode, tmp_path))
    assert not texts & ENGLISH_FILE_DIALOG
    assert not _english_left(texts)
    assert {"&Lihat di:", "&Nama berkas:", "&Jenis berkas:", "Nama", "Komputer", "Batal"} <= texts
    assert ("&Simpan" if mode == QFileDialog.AcceptMode.AcceptSave else "&Buka") in texts

    i18n.install_language("en")
    texts = _texts(_file_dialog(qtbot, mode, tmp_path))
    assert {"&Look in:", "File &name:", "Files of &type:", "Name", "Computer", "Cancel"} <= texts


def test_the_print_dialog_speaks_indonesian(qtbot) -> None:
    printer = QPrinter()
    i18n.install_language("id")
    texts = _texts(_print_dialog(qtbot, printer))
    assert not texts & ENGLISH_PRINT_DIALOG
    assert not _english_left(texts)
    assert {
        "Cetak", "Pencetak", "&Nama:", "P&roperti", "Lokasi:", "Jenis:", "&Berkas keluaran:",
        "&Opsi <<", "&Cetak", "Batal", "Salinan", "Opsi", "Rentang halaman", "Cetak Dua Sisi",
        "Mode Warna", "Skala abu-abu", "Ke&lompok halaman:", "Semua Halaman",
    } <= texts  # fmt: skip

    i18n.install_language("en")
    texts = _texts(_print_dialog(qtbot, printer))
    assert {"Printer", "&Name:", "P&roperties", "Copies", "Print range", "Color Mode"} <= texts


def test_the_colour_dialog_and_message_box_speak_indonesian(qtbot) -> None:
    i18n.install_language("id")
    colours = QColorDialog()
    colours.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog, True)
    qtbot.addWidget(colours)
    colours.show()
    texts = _texts(colours)
    assert not texts & ENGLISH_COLOUR_DIALOG
    assert not _english_left(texts)
    assert {"Pilih Warna", "Warna &dasar", "&Merah:", "&Biru:", "Batal"} <= texts

    buttons = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box = QMessageBox(QMessageBox.Icon.Warning, "Perubahan", "Simpan perubahan?", buttons)
    box.setDetailedText("rincian")
    qtbot.addWidget(box)
    box.show()
    texts = {button.text() for button in box.findChildren(QPushButton)}
    assert {"Simpan", "Buang", "Batal", "Tampilkan Rincian..."} <= texts
    assert not texts & {"Save", "Discard", "Cancel", "Show Details..."}


def test_the_calendar_and_qt_numbers_follow_the_interface_language() -> None:
    """The calendar popup's month and day names and the print dialog's sizes come from the
    default locale, which follows the interface language."""
    from PySide6.QtCore import QLocale

    i18n.install_language("id")
    assert QLocale().monthName(12) == "Desember"
    assert QLocale().toString(3.53, "f", 2) == "3,53"
    i18n.install_language("en")
    assert QLocale().monthName(12) == "December"
    assert QLocale().toString(3.53, "f", 2) == "3.53"
    i18n.install_language("id")
