"""The rubric panel: the aspects of the current component, weighted into one score."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .draft import SchemeDraft
from .records import CODE, DECIMAL, TEXT, Column, RecordTableModel, record_table, set_table_editable
from .style import NOTE_COLOUR, message_label, show_messages


class AspectPanel(QGroupBox):
    """The rubric of one component; without aspects an assessor types a single value.

    Edits arrive as ``model.edited(row, aspect)`` for the component the editor passes to
    ``render``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Aspek rubrik"))
        layout = QVBoxLayout(self)
        self.model = RecordTableModel(
            [
                Column("code", "code", self.tr("Kode"), CODE),
                Column("name", "name", self.tr("Nama"), TEXT),
                Column("weight", "weight", self.tr("Bobot (%)"), DECIMAL),
                Column("description", "description", self.tr("Deskripsi"), TEXT),
            ],
            self,
        )
        self.table = record_table(self.model)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = message_label()
        layout.addWidget(self.message)
        self.hint = QLabel(
            self.tr("Tanpa rubrik: penilai memasukkan satu nilai untuk komponen ini.")
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {NOTE_COLOUR};")
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah aspek"))
        self.remove_button = QPushButton(self.tr("Hapus aspek"))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def select(self, row: int, column: int = 0) -> None:
        self.table.setCurrentIndex(self.model.index(row, column))

    def show_draft(self, draft: SchemeDraft, component_row: int) -> None:
        """The aspects of the component at ``component_row`` of the draft's stage."""
        component = draft.component(component_row)
        prefix = f"{draft.stage_prefix}.components[{component_row}]"
        self.model.set_records(
            component.aspects if component else (),
            draft.marks.items_under(prefix, "aspects", self.model.keys) if component else {},
        )
        if component is None:
            self.setTitle(self.tr("Aspek rubrik"))
        else:
            self.setTitle(self.tr("Aspek rubrik {code}").format(code=component.code))
        self.hint.setVisible(component is not None and not component.aspects)
        texts = draft.marks.at(f"{prefix}.aspects") if component else []
        show_messages(self.table, self.message, texts)

    def set_editable(self, editable: bool) -> None:
        set_table_editable(self.model, self.table, editable)
