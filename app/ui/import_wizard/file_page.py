"""The first page: choose a file and see what it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from app.services.errors import ImportRejected, UserError
from app.services.import_preview import KINDS as PREVIEW_KINDS
from app.services.import_preview import Preview

from ..dialogs import Dialogs
from ..workers import run_in_background
from .kinds import (
    ERROR_STYLE,
    SCORES_KIND,
    load_preview,
    number_text,
)
from .owner import ImportOwner


class FilePage(QWizardPage):
    """Choose a .csv or .xlsx file; it is read (off the GUI thread) to show what it holds."""

    def __init__(self, wizard: ImportOwner) -> None:
        super().__init__()
        self.owner = wizard
        self.loading = False
        self.setTitle(self.tr("Pilih berkas"))
        self.setSubTitle(self._explanation())

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Pilih berkas…"))
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.file_label = QLabel(self.tr("Belum ada berkas yang dipilih."))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)
        self.detail_label = QLabel()
        layout.addWidget(self.detail_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def _explanation(self) -> str:
        owner = self.owner
        if owner.kind == SCORES_KIND:
            return self.tr(
                "Berkas CSV atau XLSX dengan satu baris judul kolom. Bentuk lebar: nomor "
                "peserta (dan penilai), lalu satu kolom per komponen. Bentuk panjang: nomor "
                "peserta, komponen, nilai dan penilai. Judul kolom boleh lain; pada langkah "
                "berikut ditentukan kolom mana yang mana."
            )
        required, expected = PREVIEW_KINDS[owner.kind]
        return self.tr(
            "Berkas CSV atau XLSX dengan satu baris judul kolom. Kolom wajib: {required}. "
            "Kolom lain yang dikenal: {optional}."
        ).format(
            required=", ".join(owner.column_label(c) for c in required),
            optional=", ".join(owner.column_label(c) for c in expected if c not in required),
        )

    def isComplete(self) -> bool:
        return self.owner.preview is not None and not self.loading

    def choose_file(self) -> None:
        path = Dialogs.open_file(
            self,
            self.tr("Pilih berkas untuk diimpor"),
            self.tr("Tabel (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)"),
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read ``path`` in the background; the page completes when the preview arrives."""
        self.owner.path = path
        self.owner.preview = None
        self.loading = True
        self.choose_button.setEnabled(False)
        self.file_label.setText(f"<b>{path.name}</b>")
        self.detail_label.setText(self.tr("Membaca berkas…"))
        self.error_label.clear()
        self.completeChanged.emit()
        run_in_background(
            self,
            self.owner.kind_title(),
            load_preview,
            path,
            self.owner.kind,
            self.owner.context.database,
            self.owner.context.selection_id,
            label=self.tr("Membaca {name}…").format(name=path.name),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, preview: Preview) -> None:
        self.loading = False
        self.choose_button.setEnabled(True)
        self.owner.preview = preview
        path = self.owner.path
        assert path is not None
        try:
            size = QLocale(QLocale.Language.Indonesian).formattedDataSize(path.stat().st_size)
        except OSError:
            size = "?"
        detail = self.tr("{size} · {rows} baris data · {columns} kolom").format(
            size=size, rows=number_text(preview.total_rows), columns=len(preview.headers)
        )
        if preview.encoding != "utf-8":
            detail += "\n" + self.tr(
                "Catatan: berkas ini bukan UTF-8; dibaca sebagai Windows-1252 (CSV dari Excel)."
                " Periksa huruf seperti é atau ü pada pratinjau."
            )
        self.detail_label.setText(detail)
        self.completeChanged.emit()

    def _failed(self, error: Exception) -> None:
        self.loading = False
        self.choose_button.setEnabled(True)
        self.detail_label.clear()
        if isinstance(error, ImportRejected):
            self.error_label.setText("\n".join(error.lines()))
        elif isinstance(error, UserError):
            self.error_label.setText(error.text())
        else:
            self.error_label.setText(
                self.tr("Berkas tidak dapat dibaca: {error}").format(error=error)
            )
        self.completeChanged.emit()
