"""The second page: which file column is which expected column, and the first rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.services.import_preview import Preview

from .kinds import (
    ERROR_STYLE,
    OK_STYLE,
    SCORES_KIND,
    number_text,
)
from .owner import ImportOwner


class MappingPage(QWizardPage):
    """Which file column is which; a preview of the first rows under the mapped names.

    For scores there is nothing to map (the columns are component codes or the long form), so
    only the preview is shown.
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
        frame = self.mapping_table.parentWidget()
        if frame is not None:
            frame.setVisible(self.mapping_enabled())
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
                shown=number_text(shown), total=number_text(preview.total_rows)
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
