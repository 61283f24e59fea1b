"""The wizard: one for the three kinds of file, its pages in order, the import at Finish."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QWidget,
    QWizard,
)

from app.services.import_preview import Preview
from app.services.participants_import import (
    ImportSummary,
)

from ..context import AppContext
from .check_page import CheckPage
from .file_page import FilePage
from .kinds import (
    FORMATIONS_KIND,
    IGNORED_PREFIX,
    IMPORTERS,
    KINDS,
    PARTICIPANTS_KIND,
    SCORES_KIND,
)
from .mapping_page import MappingPage


class ImportWizard(QWizard):
    """One wizard for the three kinds of file: ``participants``, ``formations``, ``scores``.

    Attributes: ``path`` and ``preview`` of the chosen file, ``summary`` of the finished import
    (``None`` until then). ``imported(summary)`` is emitted after the real import succeeded and
    the change was announced on ``context.changes``.
    """

    FILE_PAGE = 0
    MAPPING_PAGE = 1
    CHECK_PAGE = 2

    imported = Signal(object)

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(kind)
        assert context.selection_id is not None
        self.context = context
        self.kind = kind
        self.path: Path | None = None
        self.preview: Preview | None = None
        self.summary: ImportSummary | None = None
        self.setWindowTitle(self.kind_title())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Impor"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.MAPPING_PAGE, self.mapping_page)
        self.setPage(self.CHECK_PAGE, self.check_page)
        self.resize(900, 620)

    def kind_title(self) -> str:
        return {
            PARTICIPANTS_KIND: self.tr("Impor peserta"),
            FORMATIONS_KIND: self.tr("Impor formasi"),
            SCORES_KIND: self.tr("Impor nilai"),
        }[self.kind]

    def column_label(self, column: str) -> str:
        """The expected column in words; the service's own name stays visible in brackets."""
        labels = {
            "nomor_peserta": self.tr("Nomor peserta"),
            "nama": self.tr("Nama"),
            "tanggal_lahir": self.tr("Tanggal lahir"),
            "kode_formasi": self.tr("Kode formasi"),
            "nik": self.tr("NIK"),
            "pendidikan": self.tr("Pendidikan"),
            "ipk": self.tr("IPK / rata-rata ijazah"),
            "kelompok_prioritas": self.tr("Kelompok prioritas"),
            "afirmasi_persen": self.tr("Afirmasi (%)"),
            "sesi": self.tr("Sesi ujian"),
            "jabatan": self.tr("Jabatan"),
            "unit_kerja": self.tr("Unit kerja"),
            "kebutuhan": self.tr("Kebutuhan"),
            "komponen": self.tr("Komponen"),
            "nilai": self.tr("Nilai"),
            "penilai": self.tr("Penilai"),
        }
        if column in labels:
            return labels[column]
        # A score file's component or aspect: the scheme's own name for it.
        return self.preview.labels.get(column, column) if self.preview is not None else column

    def import_arguments(self, *, dry_run: bool) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """What the service is called with, for the check and for the import alike."""
        assert self.path is not None and self.context.selection_id is not None
        args = (self.context.database, self.context.actor, self.context.selection_id, self.path)
        return args, {"columns": self.service_columns(), "dry_run": dry_run}

    def service_columns(self) -> dict[str, str] | None:
        """File header → expected column as the importer wants it, every header named.

        An ignored column of a score file is left out (``""``): the importer reads every
        other column of a wide file as a component. Elsewhere it gets a name no importer
        reads (``IGNORED_PREFIX``).
        """
        if self.preview is None:
            return None
        chosen = self.mapping_page.mapping()
        if self.kind == SCORES_KIND:
            return {header: chosen.get(header, "") for header in self.preview.headers}
        return {
            header: chosen.get(header) or f"{IGNORED_PREFIX}{header}"
            for header in self.preview.headers
        }

    def chosen_mapping(self) -> dict[str, str]:
        return self.mapping_page.mapping()

    def importer(self) -> Callable[..., ImportSummary]:
        return IMPORTERS[self.kind]

    def accept(self) -> None:
        """Finish starts the real import; the wizard closes only when it succeeded."""
        if self.summary is not None:
            super().accept()
        elif self.check_page.isComplete():  # a clean check, and a reason if it replaces
            self.check_page.start_import()

    def reject(self) -> None:
        if not self.check_page.busy():  # a running import cannot be stopped half-way
            super().reject()

    def import_finished(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.imported.emit(summary)
        super().accept()


def open_import_wizard(
    context: AppContext, kind: str, parent: QWidget | None = None
) -> ImportWizard:
    """Create and show the wizard without blocking (tests drive the returned object)."""
    wizard = ImportWizard(context, kind, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
