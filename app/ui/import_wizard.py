"""The import wizard for participants, formations and scores: file, columns, check, import.

Committees receive spreadsheets from BKN, from schools and from other offices, each with its
own column names. The wizard shows what it understood before anything happens: the columns
as it mapped them (the user can re-map), the first rows, and then the complete check as a
dry run, listing every bad row at once so the file is fixed in one go. Only a file that
passed the check can be imported, and the import itself is all-or-nothing in the service.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.messages import t
from app.services.errors import ImportRejected, UserError
from app.services.import_preview import KINDS as PREVIEW_KINDS
from app.services.import_preview import Preview, preview_file
from app.services.participants_import import (
    ImportSummary,
    import_formations,
    import_participants,
)
from app.services.scores_import import import_scores

from .context import FORMATIONS, PARTICIPANTS, SCORES, AppContext
from .dialogs import Dialogs
from .workers import run_in_background

PARTICIPANTS_KIND = "participants"
FORMATIONS_KIND = "formations"
SCORES_KIND = "scores"
KINDS = (PARTICIPANTS_KIND, FORMATIONS_KIND, SCORES_KIND)

_IMPORTERS: dict[str, Callable[..., ImportSummary]] = {
    PARTICIPANTS_KIND: import_participants,
    FORMATIONS_KIND: import_formations,
    SCORES_KIND: import_scores,
}
_CHANGES = {PARTICIPANTS_KIND: PARTICIPANTS, FORMATIONS_KIND: FORMATIONS, SCORES_KIND: SCORES}

# What an ignored column is renamed to for the importer. The service keeps the own name of a
# header that is not in ``columns``, so a file column called e.g. ``nik`` that the user chose
# to ignore would still be imported; a name no importer reads makes "(abaikan)" true.
_IGNORED_PREFIX = "~abaikan~"

ERROR_STYLE = "color: #9b1c1c;"
OK_STYLE = "color: #1e6b34;"


def load_preview(path: Path, kind: str) -> Preview:
    """The file's columns and first rows (runs off the GUI thread).

    ``preview_file`` has no ``scores`` kind: score files have no fixed column list (long form,
    or one column per component code). Reading is the same for every kind, so score files are
    read as formations and the guessed mapping is dropped.
    """
    if kind in PREVIEW_KINDS:
        return preview_file(path, kind)
    preview = preview_file(path, FORMATIONS_KIND)
    return dataclasses.replace(preview, required=(), expected=(), mapping={})


def _number(value: int) -> str:
    """Indonesian digit grouping (1.234), whatever the interface language."""
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia).toString(value)


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
        }
        return labels.get(column, column)

    def import_arguments(self, *, dry_run: bool) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """What the service is called with, for the check and for the import alike."""
        assert self.path is not None and self.context.selection_id is not None
        args = (self.context.database, self.context.actor, self.context.selection_id, self.path)
        return args, {"columns": self.service_columns(), "dry_run": dry_run}

    def service_columns(self) -> dict[str, str] | None:
        """File header → expected column as the importer wants it; ``None`` for scores."""
        if self.kind == SCORES_KIND or self.preview is None:
            return None
        chosen = self.mapping_page.mapping()
        return {
            header: chosen.get(header) or f"{_IGNORED_PREFIX}{header}"
            for header in self.preview.headers
        }

    def importer(self) -> Callable[..., ImportSummary]:
        return _IMPORTERS[self.kind]

    def accept(self) -> None:
        """Finish starts the real import; the wizard closes only when it succeeded."""
        if self.summary is not None:
            super().accept()
        elif self.check_page.state == CheckPage.OK:
            self.check_page.start_import()

    def reject(self) -> None:
        if not self.check_page.busy():  # a running import cannot be stopped half-way
            super().reject()

    def import_finished(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.context.changes.announce(_CHANGES[self.kind])
        self.imported.emit(summary)
        super().accept()


class FilePage(QWizardPage):
    """Choose a .csv or .xlsx file; it is read (off the GUI thread) to show what it holds."""

    def __init__(self, wizard: ImportWizard) -> None:
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
                "Berkas CSV atau XLSX dengan satu baris judul kolom. Bentuk panjang: kolom "
                "nomor_peserta, komponen, nilai dan penilai. Bentuk lebar: nomor_peserta "
                "(dan penilai), lalu satu kolom per kode komponen."
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
        self.detail_label.setText(
            self.tr("{size} · {rows} baris data · {columns} kolom").format(
                size=size, rows=_number(preview.total_rows), columns=len(preview.headers)
            )
        )
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


class MappingPage(QWizardPage):
    """Which file column is which; a preview of the first rows under the mapped names.

    For scores there is nothing to map (the columns are component codes or the long form), so
    only the preview is shown.
    """

    IGNORE = ""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.combos: dict[str, QComboBox] = {}
        self._filled_for: Preview | None = None
        self.setTitle(self.tr("Kolom dan pratinjau"))
        layout = QVBoxLayout(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)

        mapping_box = QWidget()
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Kolom di berkas"), self.tr("Contoh isi"), self.tr("Dipetakan ke")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        mapping_layout.addWidget(self.mapping_table)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        mapping_layout.addWidget(self.status_label)
        self.splitter.addWidget(mapping_box)

        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        preview_layout.addWidget(self.preview_label)
        self.preview_table = QTableWidget()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setWordWrap(False)
        self.preview_table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        preview_layout.addWidget(self.preview_table)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter)

    def mapping_enabled(self) -> bool:
        return self.owner.kind != SCORES_KIND

    def initializePage(self) -> None:
        preview = self.owner.preview
        assert preview is not None
        if self.mapping_enabled():
            self.setSubTitle(
                self.tr(
                    "Periksa untuk setiap kolom berkas ke kolom mana isinya masuk. Kolom "
                    "bertanda * wajib ada; pilih (abaikan) untuk kolom yang tidak diimpor."
                )
            )
            self._fill_once(preview)
        else:
            self.combos = {}
            self.setSubTitle(
                self.tr(
                    "Nilai dibaca menurut judul kolom berkas apa adanya, tanpa pemetaan. "
                    "Periksa pratinjau di bawah, lalu lanjutkan untuk memeriksa seluruh isi."
                )
            )
        self.mapping_table.parentWidget().setVisible(self.mapping_enabled())
        self._fill_preview(preview)
        self._update()

    def _fill_once(self, preview: Preview) -> None:
        """Coming back to this page for the same file keeps the user's own choices."""
        if self._filled_for is not preview:
            self._filled_for = preview
            self._fill_mapping(preview)

    def _fill_mapping(self, preview: Preview) -> None:
        owner = self.owner
        self.combos = {}
        self.mapping_table.setRowCount(len(preview.headers))
        for row, header in enumerate(preview.headers):
            name = QTableWidgetItem(header)
            self.mapping_table.setItem(row, 0, name)
            sample = next((cells[row] for cells in preview.rows if cells[row]), "")
            example = QTableWidgetItem(sample)
            example.setForeground(self.palette().placeholderText())
            self.mapping_table.setItem(row, 1, example)
            combo = QComboBox()
            combo.addItem(self.tr("(abaikan)"), self.IGNORE)
            for column in preview.expected:
                star = " *" if column in preview.required else ""
                combo.addItem(f"{owner.column_label(column)} ({column}){star}", column)
            guessed = preview.mapping.get(header, self.IGNORE)
            combo.setCurrentIndex(max(combo.findData(guessed), 0))
            combo.currentIndexChanged.connect(self._update)
            self.combos[header] = combo
            self.mapping_table.setCellWidget(row, 2, combo)
        self.mapping_table.resizeColumnsToContents()
        self.mapping_table.resizeRowsToContents()

    def _fill_preview(self, preview: Preview) -> None:
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(preview.headers))
        table.setRowCount(len(preview.rows))
        for row, cells in enumerate(preview.rows):
            for column, value in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(value))
        shown = len(preview.rows)
        self.preview_label.setText(
            self.tr("Pratinjau {shown} baris pertama dari {total} baris:").format(
                shown=_number(shown), total=_number(preview.total_rows)
            )
        )

    def mapping(self) -> dict[str, str]:
        """File header → expected column, for the columns that are not ignored."""
        chosen = {header: str(combo.currentData()) for header, combo in self.combos.items()}
        return {header: column for header, column in chosen.items() if column != self.IGNORE}

    def problems(self) -> list[str]:
        """Why Next is disabled: required columns unmapped, a column chosen twice."""
        if not self.mapping_enabled() or self.owner.preview is None:
            return []
        label = self.owner.column_label
        mapped = list(self.mapping().values())
        problems = []
        missing = [c for c in self.owner.preview.required if c not in mapped]
        if missing:
            problems.append(
                self.tr("Kolom wajib belum dipetakan: {columns}.").format(
                    columns=", ".join(label(c) for c in missing)
                )
            )
        twice = sorted({c for c in mapped if mapped.count(c) > 1})
        if twice:
            problems.append(
                self.tr("Dipilih untuk lebih dari satu kolom berkas: {columns}.").format(
                    columns=", ".join(label(c) for c in twice)
                )
            )
        return problems

    def isComplete(self) -> bool:
        return self.owner.preview is not None and not self.problems()

    def _update(self) -> None:
        problems = self.problems()
        if problems:
            self.status_label.setText(" ".join(problems))
            self.status_label.setStyleSheet(ERROR_STYLE)
        else:
            self.status_label.setText(self.tr("Semua kolom wajib sudah dipetakan."))
            self.status_label.setStyleSheet(OK_STYLE)
        self._update_preview_headers()
        self.completeChanged.emit()

    def _update_preview_headers(self) -> None:
        preview = self.owner.preview
        if preview is None:
            return
        chosen = self.mapping()
        for column, header in enumerate(preview.headers):
            if not self.mapping_enabled():
                text = header
            elif header in chosen:
                text = f"{header}\n→ {self.owner.column_label(chosen[header])}"
            else:
                text = f"{header}\n{self.tr('(abaikan)')}"
            item = QTableWidgetItem(text)
            if self.mapping_enabled() and header not in chosen:
                item.setForeground(self.palette().placeholderText())
            self.preview_table.setHorizontalHeaderItem(column, item)
        self.preview_table.resizeColumnsToContents()


class ProblemModel(QAbstractTableModel):
    """Every bad row of a rejected file: row, column, what is wrong (and the full line).

    A model rather than a table widget: a file with 50k bad rows must still list at once.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []
        self._headers = (self.tr("Baris"), self.tr("Kolom"), self.tr("Masalah"))

    def set_error(
        self, error: ImportRejected | None, file_headers: dict[str, str] | None = None
    ) -> None:
        """``file_headers`` maps an expected column to the file's own header, so the user
        sees the name in their spreadsheet next to the service's name."""
        self.beginResetModel()
        self._rows = []
        names = file_headers or {}
        if error is not None:
            for problem, line in zip(error.problems, error.lines(), strict=True):
                field = problem.field
                if field and names.get(field, field) != field:
                    field = f"{names[field]} ({field})"
                self._rows.append(
                    (
                        str(problem.row) if problem.row else "–",
                        field or "–",
                        t(problem.message, problem.params),
                        line,
                    )
                )
        self.endResetModel()

    def lines(self) -> list[str]:
        return [row[3] for row in self._rows]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._rows[index.row()][3]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return super().headerData(section, orientation, role)


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

    def __init__(self, wizard: ImportWizard) -> None:
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
        run_in_background(
            self,
            owner.kind_title(),
            owner.importer(),
            *args,
            **kwargs,
            label=self.tr("Memeriksa seluruh isi berkas…")
            if dry_run
            else self.tr("Mengimpor ke database…"),
            on_done=lambda summary: self._done(generation, dry_run, summary),
            on_error=lambda error: self._failed(generation, error),
        )

    def _set_busy(self, busy: bool) -> None:
        self.completeChanged.emit()  # lets QWizard update its buttons first
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.owner.button(button).setEnabled(not busy)

    def _done(self, generation: int, dry_run: bool, summary: ImportSummary) -> None:
        if generation != self._generation:
            return
        text = self.tr("{added} baru, {updated} diperbarui").format(
            added=_number(summary.added), updated=_number(summary.updated)
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
                    ).format(count=_number(summary.updated))
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
                ).format(count=_number(count))
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
        file_headers = {
            column: header for header, column in self.owner.mapping_page.mapping().items()
        }
        self.problem_model.set_error(error, file_headers)
        has = error is not None
        self.problem_view.setVisible(has)
        self.copy_button.setVisible(has)

    def problem_lines(self) -> list[str]:
        """The service's own sentence for every bad row, as shown and copied."""
        return self.problem_model.lines()

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.problem_lines()))


def open_import_wizard(
    context: AppContext, kind: str, parent: QWidget | None = None
) -> ImportWizard:
    """Create and show the wizard without blocking (tests drive the returned object)."""
    wizard = ImportWizard(context, kind, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
