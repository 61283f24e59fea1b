"""The last page: the whole file checked as a dry run, then the import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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
from .replacement_model import ReplacementModel


class CheckPage(QWizardPage):
    """The whole file checked as a dry run; Finish (Impor) only after a clean check.

    When the file would replace stored values, they are listed old → new and Finish waits
    for a reason, which the import records for every replaced value (issue #9); the import
    then replaces exactly what was listed, or refuses if that changed meanwhile.

    ``state`` is one of the class constants; ``last_error`` the rejection being shown;
    ``summary`` what the last check found.
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
        self.summary: ImportSummary | None = None
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
        self.replacement_model = ReplacementModel(self)
        self.replacement_view = QTableView()
        self.replacement_view.setModel(self.replacement_model)
        self.replacement_view.verticalHeader().setVisible(False)
        self.replacement_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.replacement_view.setWordWrap(False)
        self.replacement_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.replacement_view, 1)
        reason_row = QHBoxLayout()
        self.reason_label = QLabel(self.tr("Alasan penggantian:"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("wajib diisi; dicatat di jejak audit untuk setiap nilai yang diganti")
        )
        self.reason_label.setBuddy(self.reason_edit)
        self.reason_edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason_edit, 1)
        layout.addLayout(reason_row)
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
        self._show_replacements(None)

    def busy(self) -> bool:
        return self.state in (self.CHECKING, self.IMPORTING)

    def isComplete(self) -> bool:
        return self.state == self.OK and (not self.replaces() or bool(self.reason()))

    def replaces(self) -> bool:
        """The checked file would replace stored values (so the import needs a reason)."""
        return self.summary is not None and self.summary.replaced > 0

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def initializePage(self) -> None:
        self._run(dry_run=True)

    def cleanupPage(self) -> None:
        self._generation += 1
        self.state = self.IDLE
        self._show_problems(None)
        self._show_replacements(None)

    def start_import(self) -> None:
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        owner = self.owner
        self._generation += 1
        generation = self._generation
        self.state = self.CHECKING if dry_run else self.IMPORTING
        self.last_error = None
        checked = self.summary
        if dry_run:
            self.summary = None
            self._show_replacements(None)
        self._show_problems(None)
        self.result_label.setStyleSheet("")
        self.result_label.setText(
            self.tr("Memeriksa berkas…") if dry_run else self.tr("Mengimpor…")
        )
        self._set_busy(True)
        args, kwargs = owner.import_arguments(dry_run=dry_run)
        if not dry_run and checked is not None and checked.replaced:
            # Exactly what was listed, with the reason typed: the service refuses if the list
            # is no longer what the check found.
            kwargs.update(replace=True, reason=self.reason(), expected=checked.basis)
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
            self.summary = summary
            lines = [
                self.tr("<b>Berkas lolos pemeriksaan: {summary}.</b>").format(summary=text),
            ]
            if summary.unchanged:
                lines.append(
                    self.tr("{count} baris sama dengan yang tersimpan dan tidak diubah.").format(
                        count=number_text(summary.unchanged)
                    )
                )
            if summary.replaced:
                lines.append(
                    self.tr(
                        "<b>{count} nilai yang sudah tersimpan akan diganti</b> (daftar di "
                        "bawah). Isi alasan penggantian; alasan itu dicatat di jejak audit "
                        "untuk setiap nilai yang diganti."
                    ).format(count=number_text(summary.replaced))
                )
                if summary.replaced > len(summary.replacements):
                    lines.append(
                        self.tr("Daftar memuat {shown} yang pertama.").format(
                            shown=number_text(len(summary.replacements))
                        )
                    )
                lines.append(self.tr("Tekan Impor untuk menyimpan dan mengganti."))
            else:
                lines.append(self.tr("Tekan Impor untuk menyimpan."))
            self.result_label.setText("<br>".join(lines))
            self.result_label.setStyleSheet(OK_STYLE)
            self._show_replacements(summary)
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

    def _show_replacements(self, summary: ImportSummary | None) -> None:
        shown = summary is not None and summary.replaced > 0
        self.replacement_model.set_replacements(summary.replacements if summary else ())
        self.replacement_view.setVisible(shown)
        self.reason_label.setVisible(shown)
        self.reason_edit.setVisible(shown)
        if shown:
            self.replacement_view.resizeColumnsToContents()

    def problem_lines(self) -> list[str]:
        """The service's own sentence for every bad row, as shown and copied."""
        return self.problem_model.lines()

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.problem_lines()))
