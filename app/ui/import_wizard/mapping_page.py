"""The second page: which file column is which expected column, and the first rows."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.services.import_preview import (
    ALL_STAGES,
    LONG_FORM,
    WIDE_FORM,
    Preview,
    ScoreLayout,
)

from .kinds import (
    ERROR_STYLE,
    OK_STYLE,
    number_text,
)
from .owner import ImportOwner


class MappingPage(QWizardPage):
    """Which file column is which; a preview of the first rows under the mapped names.

    For scores the page first asks the file's form (wide: one column per component; long:
    columns ``komponen`` and ``nilai``) and, for the wide form, the stage, whose components
    (and rubric aspects) are then the choices of every column; both are guessed from the
    headers, and choosing another guesses the columns again (issue #10 §4).
    """

    IGNORE = ""

    def __init__(self, wizard: ImportOwner) -> None:
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
        self.score_row = QWidget()
        score_layout = QHBoxLayout(self.score_row)
        score_layout.setContentsMargins(0, 0, 0, 0)
        form_label = QLabel(self.tr("&Bentuk berkas:"))
        self.form_box = QComboBox()
        self.form_box.addItem(self.tr("Lebar: satu kolom per komponen"), WIDE_FORM)
        self.form_box.addItem(self.tr("Panjang: kolom komponen dan nilai"), LONG_FORM)
        form_label.setBuddy(self.form_box)
        self.stage_label = QLabel(self.tr("&Tahap:"))
        self.stage_box = QComboBox()
        self.stage_label.setBuddy(self.stage_box)
        score_layout.addWidget(form_label)
        score_layout.addWidget(self.form_box)
        score_layout.addSpacing(16)
        score_layout.addWidget(self.stage_label)
        score_layout.addWidget(self.stage_box)
        score_layout.addStretch(1)
        self.form_box.currentIndexChanged.connect(self._score_columns_changed)
        self.stage_box.currentIndexChanged.connect(self._score_columns_changed)
        mapping_layout.addWidget(self.score_row)
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

    def scores(self) -> ScoreLayout | None:
        """What a score file's columns may be; ``None`` for the other kinds."""
        preview = self.owner.preview
        return preview.scores if preview is not None else None

    def form(self) -> str:
        return str(self.form_box.currentData())

    def stage(self) -> str:
        return str(self.stage_box.currentData()) if self.form() == WIDE_FORM else ALL_STAGES

    def columns(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(required, expected) columns as the page offers them now."""
        preview = self.owner.preview
        assert preview is not None
        layout = preview.scores
        if layout is None:
            return preview.required, preview.expected
        return layout.columns(self.form(), self.stage())

    def initializePage(self) -> None:
        preview = self.owner.preview
        assert preview is not None
        if preview.scores is not None:
            self.setSubTitle(
                self.tr(
                    "Pilih bentuk berkas dan tahapnya, lalu periksa untuk setiap kolom berkas "
                    "ke komponen mana isinya masuk. Kolom bertanda * wajib ada; pilih "
                    "(abaikan) untuk kolom yang tidak diimpor."
                )
            )
        else:
            self.setSubTitle(
                self.tr(
                    "Periksa untuk setiap kolom berkas ke kolom mana isinya masuk. Kolom "
                    "bertanda * wajib ada; pilih (abaikan) untuk kolom yang tidak diimpor."
                )
            )
        self.score_row.setVisible(preview.scores is not None)
        self._fill_once(preview)
        self._fill_preview(preview)
        self._update()

    def _fill_once(self, preview: Preview) -> None:
        """Coming back to this page for the same file keeps the user's own choices."""
        if self._filled_for is not preview:
            self._filled_for = preview
            if preview.scores is not None:
                self._fill_score_choices(preview)
            self._fill_mapping(preview, preview.mapping)

    def _fill_score_choices(self, preview: Preview) -> None:
        """The stages of the scheme, and the guessed form and stage of the file."""
        layout = preview.scores
        assert layout is not None
        with QSignalBlocker(self.form_box), QSignalBlocker(self.stage_box):
            self.form_box.setCurrentIndex(max(self.form_box.findData(preview.form), 0))
            self.stage_box.clear()
            for code, name in layout.stages:
                self.stage_box.addItem(f"{code} – {name}", code)
            if len(layout.stages) > 1:
                self.stage_box.addItem(self.tr("(semua tahap)"), ALL_STAGES)
            self.stage_box.setCurrentIndex(max(self.stage_box.findData(preview.stage), 0))
        self._enable_stage()

    def _enable_stage(self) -> None:
        wide = self.form() == WIDE_FORM
        self.stage_box.setEnabled(wide)
        self.stage_label.setEnabled(wide)

    def _score_columns_changed(self) -> None:
        """Another form or stage: other choices, so the columns are guessed again."""
        preview = self.owner.preview
        layout = self.scores()
        if preview is None or layout is None:
            return
        self._enable_stage()
        self._fill_mapping(preview, layout.guess(preview.headers, self.form(), self.stage()))
        self._update()

    def _fill_mapping(self, preview: Preview, guessed: dict[str, str]) -> None:
        owner = self.owner
        required, expected = self.columns()
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
            for column in expected:
                star = " *" if column in required else ""
                combo.addItem(f"{owner.column_label(column)} ({column}){star}", column)
            combo.setCurrentIndex(max(combo.findData(guessed.get(header, self.IGNORE)), 0))
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
        text = self.tr("Pratinjau {shown} baris pertama dari {total} baris:").format(
            shown=number_text(shown), total=number_text(preview.total_rows)
        )
        if preview.encoding != "utf-8":
            text = (
                self.tr(
                    "Catatan: berkas ini bukan UTF-8; dibaca sebagai Windows-1252 (CSV dari "
                    "Excel). Periksa huruf seperti é atau ü di bawah."
                )
                + "<br>"
                + text
            )
        self.preview_label.setText(text)

    def mapping(self) -> dict[str, str]:
        """File header → expected column, for the columns that are not ignored."""
        chosen = {header: str(combo.currentData()) for header, combo in self.combos.items()}
        return {header: column for header, column in chosen.items() if column != self.IGNORE}

    def problems(self) -> list[str]:
        """Why Next is disabled: required columns unmapped, a column chosen twice, a wide
        score file with no component column."""
        if self.owner.preview is None:
            return []
        label = self.owner.column_label
        required, _expected = self.columns()
        mapped = list(self.mapping().values())
        problems = []
        missing = [c for c in required if c not in mapped]
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
                    columns=", ".join(f"{label(c)} ({c})" for c in twice)
                )
            )
        if self.scores() is not None and self.form() == WIDE_FORM and not self.component_columns():
            problems.append(self.tr("Belum ada kolom berkas yang dipetakan ke komponen nilai."))
        return problems

    def component_columns(self) -> list[str]:
        """The file headers mapped to a component or aspect (a wide score file)."""
        layout = self.scores()
        if layout is None:
            return []
        names = layout.components()
        return [header for header, column in self.mapping().items() if column in names]

    def isComplete(self) -> bool:
        return self.owner.preview is not None and not self.problems()

    def validatePage(self) -> bool:
        """Next is disabled while a problem is shown; this also holds ``QWizard.next()``."""
        return self.isComplete()

    def _update(self) -> None:
        problems = self.problems()
        if problems:
            self.status_label.setText(" ".join(problems))
            self.status_label.setStyleSheet(ERROR_STYLE)
        elif self.scores() is not None and self.form() == WIDE_FORM:
            self.status_label.setText(
                self.tr("Semua kolom wajib sudah dipetakan; {count} kolom nilai komponen.").format(
                    count=number_text(len(self.component_columns()))
                )
            )
            self.status_label.setStyleSheet(OK_STYLE)
        else:
            self.status_label.setText(self.tr("Semua kolom wajib sudah dipetakan."))
            self.status_label.setStyleSheet(OK_STYLE)
        self._update_preview_headers()
        self.completeChanged.emit()

    def _update_preview_headers(self) -> None:
        """Each column of the preview under its file header and what it is mapped to: a
        component by its code (its name in the tooltip), another column in words."""
        preview = self.owner.preview
        if preview is None:
            return
        chosen = self.mapping()
        for column, header in enumerate(preview.headers):
            target = chosen.get(header)
            if target is None:
                text = f"{header}\n{self.tr('(abaikan)')}"
            elif target in preview.labels:
                text = f"{header}\n→ {target}"
            else:
                text = f"{header}\n→ {self.owner.column_label(target)}"
            item = QTableWidgetItem(text)
            if target is None:
                item.setForeground(self.palette().placeholderText())
            elif target in preview.labels:
                item.setToolTip(preview.labels[target])
            self.preview_table.setHorizontalHeaderItem(column, item)
        self.preview_table.resizeColumnsToContents()
