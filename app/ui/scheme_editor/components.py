"""The component panel: the current stage's score components as an editable table."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout, QWidget

from app.scoring.scheme import CATEGORICAL, NUMERIC

from .draft import SchemeDraft
from .records import (
    CHOICE,
    CODE,
    DECIMAL,
    FLAG,
    INTEGER,
    OPTIONAL_DECIMAL,
    TEXT,
    WORDS,
    Column,
    RecordTableModel,
    record_table,
    set_table_editable,
)
from .style import message_label, show_messages


class ComponentPanel(QGroupBox):
    """One row per component, one column per field of the scheme file's component table.

    Edits arrive as ``model.edited(row, component)``; the current row chooses the rubric
    the aspect panel shows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Komponen"))
        layout = QVBoxLayout(self)
        self.model = RecordTableModel(self._columns(), self)
        self.table = record_table(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = message_label()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah komponen"))
        self.remove_button = QPushButton(self.tr("Hapus komponen"))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _columns(self) -> list[Column]:
        return [
            Column("code", "code", self.tr("Kode"), CODE),
            Column("name", "name", self.tr("Nama"), TEXT),
            Column(
                "kind",
                "kind",
                self.tr("Jenis"),
                CHOICE,
                ((NUMERIC, self.tr("angka")), (CATEGORICAL, self.tr("kategori"))),
            ),
            Column(
                "category",
                "category",
                self.tr("Kategori"),
                CHOICE,
                (
                    ("cat", "CAT"),
                    ("praktik", self.tr("praktik")),
                    ("wawancara", self.tr("wawancara")),
                    ("psikotes", self.tr("psikotes")),
                    ("lainnya", self.tr("lainnya")),
                ),
            ),
            Column("minimum", "min", self.tr("Min"), DECIMAL),
            Column("maximum", "max", self.tr("Maks"), DECIMAL),
            Column("step", "step", self.tr("Langkah"), DECIMAL, tip=self.tr("Kelipatan nilai.")),
            # Two-line headers leave the names room at 1366 px (issue #10 §6).
            Column("weight", "weight", self.tr("Bobot\n(%)"), DECIMAL),
            Column(
                "threshold",
                "threshold",
                self.tr("Ambang"),
                OPTIONAL_DECIMAL,
                tip=self.tr("Nilai ambang batas; kosong berarti tidak menggugurkan."),
            ),
            Column(
                "assessors",
                "assessors",
                self.tr("Penilai"),
                INTEGER,
                low=1,
                high=20,
                tip=self.tr("Jumlah penilai paling sedikit; nilainya rata-rata semua penilai."),
            ),
            Column(
                "affirmation",
                "affirmation",
                self.tr("Afirmasi"),
                FLAG,
                tip=self.tr("Ditambah poin afirmasi peserta (PPPK)."),
            ),
            Column(
                "double_entry",
                "double_entry",
                self.tr("Entri\nganda"),
                FLAG,
                tip=self.tr(
                    "Dua operator mengetik setiap nilai tanpa melihat entri yang lain; hanya "
                    "nilai yang cocok dihitung, selisih diputuskan admin."
                ),
            ),
            Column(
                "max_spread",
                "max_spread",
                self.tr("Batas\nselisih"),
                OPTIONAL_DECIMAL,
                tip=self.tr(
                    "Peserta yang nilai para penilainya berjarak lebih dari ini ditandai "
                    "untuk diperiksa; kosong berarti tidak diperiksa."
                ),
            ),
            Column(
                "values",
                "values",
                self.tr("Nilai kategori"),
                WORDS,
                tip=self.tr("Untuk jenis kategori: nilai yang diizinkan, dipisah koma (MS, TMS)."),
            ),
            Column(
                "passing",
                "passing",
                self.tr("Nilai lulus"),
                WORDS,
                tip=self.tr("Untuk jenis kategori: nilai yang meluluskan, dipisah koma (MS)."),
            ),
        ]

    def current_row(self, draft: SchemeDraft) -> int:
        """The row of the current component of the draft's stage, ``-1`` if none."""
        row = self.table.currentIndex().row()
        return row if draft.component(row) is not None else -1

    def select(self, row: int, column: int = 0) -> None:
        self.table.setCurrentIndex(self.model.index(row, column))

    def show_draft(self, draft: SchemeDraft, new_stage: bool) -> None:
        """The stage's components with their problems; a new stage starts at its first."""
        stage, prefix = draft.stage, draft.stage_prefix
        component_row = self.current_row(draft)
        self.model.set_records(
            stage.components if stage else (),
            draft.marks.items_under(prefix, "components", self.model.keys),
        )
        # The allowed and passing values matter only to a categorical component (a
        # psychotest scored MS/TMS); without one the columns would only take room.
        categorical = stage is not None and any(c.kind == CATEGORICAL for c in stage.components)
        for key in ("values", "passing"):
            self.table.setColumnHidden(self.model.column_of(key), not categorical)
        if stage and stage.components:
            if new_stage or component_row < 0:
                component_row = 0
            if self.table.currentIndex().row() != component_row:
                self.select(component_row)
        show_messages(self.table, self.message, draft.marks.at(f"{prefix}.components"))
        self.setTitle(
            self.tr("Komponen tahap {code}").format(code=stage.code)
            if stage
            else self.tr("Komponen")
        )

    def set_editable(self, editable: bool) -> None:
        set_table_editable(self.model, self.table, editable)
