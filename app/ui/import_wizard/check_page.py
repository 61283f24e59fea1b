"""The last page: the whole file checked as a dry run, then the import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.services.errors import ImportRejected, UserError
from app.services.participants_import import (
    ImportSummary,
)

from ..operations import ServiceOp
from .kinds import (
    ERROR_STYLE,
    OK_STYLE,
    number_text,
)
from .owner import ImportOwner
from .problem_model import ProblemModel


class CheckPage(QWizardPage):
    """The whole file checked as a dry run; Finish (Impor) only after a clean check.

    ``state`` is one of the class constants; ``last_error`` the rejection being shown.
    """

    IDLE = "idle"
    CHECKING = "checking"
    OK = "ok"
    REJECTED = "rejected"
    IMPORTING = "importing"
    DONE = "done"

    def __init__(self, wizard: ImportOwner) -> None:
        super().__init__()
        self.owner = wizard
        self.state = self.IDLE
        self.last_error: Exception | None = None
        self._generation = 0  # a check started before going back must not report later
        self.setTitle(self.tr("Pemeriksaan"))
        self.setSubTitle(
            self.tr("Seluruh isi berkas diperiksa lebih dulu; belum ada data yang disimpan.")
        )
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.result_label)
        self.problem_model = ProblemModel(self)
        self.problem_view = QTableView()
        self.problem_view.setModel(self.problem_model)
        self.problem_view.verticalHeader().setVisible(False)
        self.problem_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problem_view.setWordWrap(False)
        header = self.problem_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.problem_view, 1)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Salin daftar masalah"))
        self.copy_button.setToolTip(
            self.tr("Salin semua baris bermasalah ke papan klip, untuk dikirim ke pengirim berkas.")
        )
        self.copy_button.clicked.connect(self.copy_problems)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(0)  # keeps the result at the top while no problems are listed
        self._show_problems(None)

    def busy(self) -> bool:
        return self.state in (self.CHECKING, self.IMPORTING)

    def isComplete(self) -> bool:
        return self.state == self.OK

    def initializePage(self) -> None:
        self._run(dry_run=True)

    def cleanupPage(self) -> None:
        self._generation += 1
        self.state = self.IDLE
        self._show_problems(None)

    def start_import(self) -> None:
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        owner = self.owner
        self._generation += 1
        generation = self._generation
        self.state = self.CHECKING if dry_run else self.IMPORTING
        self.last_error = None
        self._show_problems(None)
        self.result_label.setStyleSheet("")
        self.result_label.setText(
            self.tr("Memeriksa berkas…") if dry_run else self.tr("Mengimpor…")
        )
        self._set_busy(True)
        args, kwargs = owner.import_arguments(dry_run=dry_run)
        importer = owner.importer()
        label = (
            self.tr("Memeriksa seluruh isi berkas…")
            if dry_run
            else self.tr("Mengimpor ke database…")
        )
        # A dry run changes nothing (its summary says so); the import's changes reach every
        # view through the door.
        ServiceOp(self, owner.context, lambda: importer(*args, **kwargs)).saying(label).success(
            lambda summary: self._done(generation, dry_run, summary)
        ).failure(lambda error: self._failed(generation, error)).run_in_background(
            owner.kind_title()
        )

    def _set_busy(self, busy: bool) -> None:
        self.completeChanged.emit()  # lets QWizard update its buttons first
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            button = self.owner.button(which)
            if button is not None:
                button.setEnabled(not busy)

    def _done(self, generation: int, dry_run: bool, summary: ImportSummary) -> None:
        if generation != self._generation:
            return
        text = self.tr("{added} baru, {updated} diperbarui").format(
            added=number_text(summary.added), updated=number_text(summary.updated)
        )
        if dry_run:
            self.state = self.OK
            lines = [
                self.tr("<b>Berkas lolos pemeriksaan: {summary}.</b>").format(summary=text),
            ]
            if summary.updated:
                lines.append(
                    self.tr(
                        "Data yang sudah ada akan diganti dengan isi berkas untuk {count} baris."
                    ).format(count=number_text(summary.updated))
                )
            lines.append(self.tr("Tekan Impor untuk menyimpan."))
            self.result_label.setText("<br>".join(lines))
            self.result_label.setStyleSheet(OK_STYLE)
            self._set_busy(False)
            return
        self.state = self.DONE
        self.result_label.setText(self.tr("Impor selesai: {summary}.").format(summary=text))
        self._set_busy(False)
        self.owner.import_finished(summary)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.state = self.REJECTED
        self.last_error = error
        self.result_label.setStyleSheet(ERROR_STYLE)
        if isinstance(error, ImportRejected):
            count = len(error.problems)
            self.result_label.setText(
                self.tr(
                    "Berkas ditolak: {count} masalah. Tidak ada data yang disimpan. Perbaiki "
                    "berkas, lalu kembali dan pilih berkas itu lagi."
                ).format(count=number_text(count))
            )
            self._show_problems(error)
        elif isinstance(error, UserError):
            self.result_label.setText(error.text())
        else:
            self.result_label.setText(
                self.tr(
                    "Terjadi kesalahan tak terduga; tidak ada data yang disimpan: {error}"
                ).format(error=error)
            )
        self._set_busy(False)

    def _show_problems(self, error: ImportRejected | None) -> None:
        file_headers = {column: header for header, column in self.owner.chosen_mapping().items()}
        self.problem_model.set_error(error, file_headers)
        has = error is not None
        self.problem_view.setVisible(has)
        self.copy_button.setVisible(has)

    def problem_lines(self) -> list[str]:
        """The service's own sentence for every bad row, as shown and copied."""
        return self.problem_model.lines()

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.problem_lines()))
