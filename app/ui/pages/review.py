"""The Verifikasi page: what stands between typed scores and a ranking the committee can sign.

Three lists. *Selisih entri ganda*: values of a double-entry component whose two entries differ;
an admin decides each from the paper sheet (``ResolveDialog``, with a reason). Operators see
that a mismatch exists and who typed it, not the values, so nobody can retype to match the
other entry. *Selisih antar-penilai*: participants whose assessors lie further apart than the
component allows, for the committee to look at. *Selisih antar-laptop* (issue #12 §1): sheet
rows on which field laptops' packages (or a package and this laptop) disagree; the row holds no
new value until an admin picks one source's (``PackageConflictDialog``). A line on top counts
the values still waiting for their second entry; rankings leave all of them out until they
are confirmed.

The lists are read on a worker thread (``run_in_background``) and re-read when scores change;
while the page is hidden it only remembers that it is out of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.scoring import format_score
from app.services.changes import DEVICES
from app.services.database import Database
from app.services.devices import list_devices
from app.services.double_entry import Mismatch, mismatch_queue, pending_count
from app.services.packages import PackageConflict, package_conflicts
from app.services.permissions import Action
from app.services.spread import SpreadFlag, spread_flags

from ..context import FORMATIONS, PARTICIPANTS, SCHEME, SCORES, SELECTION, AppContext, Changes
from ..numbers import value_text
from ..package_dialogs import shown_value
from ..resolve_dialog import PackageConflictDialog, ResolveDialog
from ..workers import run_in_background

Index = QModelIndex | QPersistentModelIndex
WATCHED = frozenset({SCORES, PARTICIPANTS, FORMATIONS, SCHEME, SELECTION, DEVICES})
HIDDEN = "•••"
SUMMARY_STYLE = "QLabel { color: #1b1c1e; font-weight: 600; padding: 2px 0; }"
WAITING_STYLE = (
    "QLabel { color: #7a4b00; background: #fff4e0; border: 1px solid #f0c98a;"
    " border-radius: 3px; padding: 6px 10px; font-weight: 600; }"
)
CLEAR_STYLE = (
    "QLabel { color: #1e4620; background: #e6f4ea; border: 1px solid #a8d5b5;"
    " border-radius: 3px; padding: 6px 10px; font-weight: 600; }"
)


@dataclass(frozen=True, slots=True)
class ReviewData:
    """What the page shows, read in one go on a worker thread."""

    selection_id: int
    mismatches: list[Mismatch]
    pending: int
    flags: list[SpreadFlag]
    conflicts: list[PackageConflict]
    field_laptops: bool = False
    """Whether the selection has field laptops: without them the laptops' box stays hidden."""


def load_review(db: Database, selection_id: int) -> ReviewData:
    return ReviewData(
        selection_id,
        mismatch_queue(db, selection_id),
        pending_count(db, selection_id),
        spread_flags(db, selection_id),
        package_conflicts(db, selection_id),
        bool(list_devices(db, selection_id)),
    )


def number_text(value: Any) -> str:
    """``66,6`` rather than ``66.600``: the way the score sheets show a value."""
    return value_text(format_score(value))


class RowsModel(QAbstractTableModel):
    """Plain rows of text under translated titles; ``items`` keeps the record of each row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.titles: list[str] = []
        self.rows: list[tuple[str, ...]] = []
        self.items: list[Any] = []
        self.numeric: set[int] = set()

    def set_rows(self, titles: list[str], rows: list[tuple[str, ...]], items: list[Any]) -> None:
        self.beginResetModel()
        self.titles, self.rows, self.items = titles, rows, items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.titles)
        ):
            return self.titles[section]
        return None


class ReviewPage(QWidget):
    """Mismatches (admin decides) and assessor spread; ``refresh()`` re-reads both.

    ``data`` is what is shown (``None`` before the first read); ``task`` the read in flight.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: ReviewData | None = None
        self.task: Any = None
        self._generation = 0
        self._stale = False
        self._build()
        context.changes.changed.connect(self._data_changed)
        context.changes.selection_switched.connect(lambda _id: self._data_changed(Changes(WATCHED)))
        self.refresh()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mismatch_box = QGroupBox(self.tr("Selisih entri ganda"))
        self.mismatch_model = RowsModel(self)
        self.mismatch_table = self._table(self.mismatch_model)
        self.mismatch_empty = self._empty_label()
        self.mismatch_note = QLabel()
        self.mismatch_note.setWordWrap(True)
        self.mismatch_note.setStyleSheet("color: #3d4452;")
        self.resolve_button = QPushButton(self.tr("Putuskan…"))
        self.resolve_button.setToolTip(
            self.tr(
                "Pilih entri yang benar menurut lembar asli, atau tulis nilai lain, dengan alasan."
            )
        )
        self.resolve_button.setVisible(self.context.may(Action.RESOLVE_MISMATCH))
        self.resolve_button.clicked.connect(self.open_resolve_dialog)
        self.mismatch_table.doubleClicked.connect(lambda _index: self.open_resolve_dialog())
        self.mismatch_table.selectionModel().selectionChanged.connect(
            lambda *_args: self._update_buttons()
        )
        actions = QHBoxLayout()
        actions.addWidget(self.mismatch_note, 1)
        actions.addWidget(self.resolve_button)
        box = QVBoxLayout(self.mismatch_box)
        box.addWidget(self.mismatch_table, 1)
        box.addWidget(self.mismatch_empty, 1)
        box.addLayout(actions)

        self.conflict_box = QGroupBox(self.tr("Selisih antar-laptop"))
        self.conflict_model = RowsModel(self)
        self.conflict_table = self._table(self.conflict_model)
        self.conflict_empty = self._empty_label()
        self.conflict_note = QLabel()
        self.conflict_note.setWordWrap(True)
        self.conflict_note.setStyleSheet("color: #3d4452;")
        self.conflict_button = QPushButton(self.tr("Putuskan…"))
        self.conflict_button.setToolTip(
            self.tr("Pilih nilai laptop yang benar menurut lembar asli, dengan alasan.")
        )
        self.conflict_button.setVisible(self.context.may(Action.RESOLVE_MISMATCH))
        self.conflict_button.clicked.connect(self.open_conflict_dialog)
        self.conflict_table.doubleClicked.connect(lambda _index: self.open_conflict_dialog())
        self.conflict_table.selectionModel().selectionChanged.connect(
            lambda *_args: self._update_buttons()
        )
        actions = QHBoxLayout()
        actions.addWidget(self.conflict_note, 1)
        actions.addWidget(self.conflict_button)
        box = QVBoxLayout(self.conflict_box)
        box.addWidget(self.conflict_table, 1)
        box.addWidget(self.conflict_empty, 1)
        box.addLayout(actions)

        self.spread_box = QGroupBox(self.tr("Selisih antar-penilai"))
        self.spread_model = RowsModel(self)
        self.spread_model.numeric = {4, 5}
        self.spread_table = self._table(self.spread_model)
        self.spread_empty = self._empty_label()
        spread_note = QLabel(
            self.tr(
                "Peserta yang nilai para penilainya berjarak lebih dari batas komponen "
                "(bawaan 20 poin). Nilai tetap dihitung; periksa bersama para penilai."
            )
        )
        spread_note.setWordWrap(True)
        spread_note.setStyleSheet("color: #3d4452;")
        box = QVBoxLayout(self.spread_box)
        box.addWidget(self.spread_table, 1)
        box.addWidget(self.spread_empty, 1)
        box.addWidget(spread_note)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.mismatch_box, 3)
        layout.addWidget(self.conflict_box, 2)
        layout.addWidget(self.spread_box, 2)
        layout.addWidget(self.message_label)
        self._show(None)

    def _table(self, model: RowsModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        return table

    @staticmethod
    def _empty_label() -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet("color: #3d4452; padding: 12px;")
        return label

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read both lists (on a worker thread); a read overtaken by a newer one is
        dropped when it arrives."""
        self._stale = False
        self._generation += 1
        selection_id = self.context.selection_id
        if selection_id is None:
            self._show(None)
            return
        generation = self._generation
        self.task = run_in_background(
            self,
            self.tr("Memuat verifikasi"),
            load_review,
            self.context.database,
            selection_id,
            on_done=lambda data: self._loaded(generation, data),
            on_error=lambda error: self._failed(generation, error),
        )

    def _loaded(self, generation: int, data: ReviewData) -> None:
        if generation == self._generation:
            self._show(data)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            text = error.text() if hasattr(error, "text") else str(error)
            self._say(self.tr("Data verifikasi tidak dapat dimuat: {reason}").format(reason=text))

    def _data_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        if not kinds & WATCHED:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._generation += 1  # a read in flight is outdated
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- showing ---------------------------------------------------------------------------

    def _show(self, data: ReviewData | None) -> None:
        self.data = data
        admin = self.context.may(Action.SEE_OTHER_ROUND)
        mismatches = data.mismatches if data else []
        flags = data.flags if data else []
        conflicts = data.conflicts if data else []
        self.mismatch_model.set_rows(
            [
                self.tr("Nomor"),
                self.tr("Nama"),
                self.tr("Komponen"),
                self.tr("Penilai"),
                self.tr("Aspek"),
                self.tr("Entri 1"),
                self.tr("Oleh"),
                self.tr("Entri 2"),
                self.tr("Oleh"),
            ],
            [
                (
                    m.participant,
                    m.name,
                    m.component,
                    m.assessor or "—",
                    m.aspect or self.tr("(nilai utuh)"),
                    m.first if admin else HIDDEN,
                    m.first_by,
                    m.second if admin else HIDDEN,
                    m.second_by,
                )
                for m in mismatches
            ],
            list(mismatches),
        )
        self.spread_model.set_rows(
            [
                self.tr("Nomor"),
                self.tr("Nama"),
                self.tr("Formasi"),
                self.tr("Komponen"),
                self.tr("Selisih"),
                self.tr("Batas"),
                self.tr("Nilai per penilai"),
            ],
            [
                (
                    f.participant,
                    f.name,
                    f.formation,
                    f.component,
                    number_text(f.spread),
                    number_text(f.limit),
                    " · ".join(
                        f"{name} {number_text(value)}"
                        for name, value in f.values_by_assessor.items()
                    ),
                )
                for f in flags
            ],
            list(flags),
        )
        self.conflict_model.set_rows(
            [
                self.tr("Nomor"),
                self.tr("Nama"),
                self.tr("Komponen"),
                self.tr("Penilai"),
                self.tr("Nilai sekarang"),
                self.tr("Nilai per laptop"),
            ],
            [
                (
                    c.participant,
                    c.name,
                    c.component,
                    c.assessor or "—",
                    shown_value(c.holding) if admin else HIDDEN,
                    " · ".join(
                        self.tr("{source}: {value} ({user})").format(
                            source=claim.source,
                            value=shown_value(claim.value) if admin else HIDDEN,
                            user=claim.by,
                        )
                        for claim in c.claims
                    ),
                )
                for c in conflicts
            ],
            list(conflicts),
        )
        for table, model in (
            (self.mismatch_table, self.mismatch_model),
            (self.conflict_table, self.conflict_model),
            (self.spread_table, self.spread_model),
        ):
            if model.rowCount():
                table.resizeColumnsToContents()
                header = table.horizontalHeader()
                for column in range(model.columnCount() - 1):
                    header.resizeSection(column, header.sectionSize(column) + 14)
        self.mismatch_table.setVisible(bool(mismatches))
        self.mismatch_empty.setVisible(not mismatches)
        self.conflict_table.setVisible(bool(conflicts))
        self.conflict_empty.setVisible(not conflicts)
        self.conflict_box.setVisible(bool(conflicts) or bool(data and data.field_laptops))
        self.spread_table.setVisible(bool(flags))
        self.spread_empty.setVisible(not flags)
        if self.context.selection_id is None:
            nothing = self.tr("Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.")
            self.mismatch_empty.setText(nothing)
            self.conflict_empty.setText("")
            self.spread_empty.setText("")
        else:
            self.mismatch_empty.setText(self.tr("Tidak ada selisih entri ganda."))
            self.conflict_empty.setText(self.tr("Tidak ada selisih antara paket laptop lapangan."))
            self.spread_empty.setText(self.tr("Tidak ada peserta dengan selisih antar-penilai."))
        self.mismatch_note.setText(
            self.tr("Admin memutuskan setiap selisih dari lembar nilai asli, dengan alasan.")
            if admin
            else self.tr(
                "Nilai kedua entri disembunyikan agar entri tetap independen; "
                "admin yang memutuskan."
            )
        )
        self.conflict_note.setText(
            self.tr(
                "Selama berselisih, nilai laptop utama tetap berlaku; selisih antar-laptop "
                "tidak dihitung. Admin memilih salah satu nilai, dengan alasan."
            )
            if admin
            else self.tr("Nilai tiap laptop disembunyikan; admin yang memutuskan.")
        )
        self._show_summary()
        self._update_buttons()

    def summary_text(self) -> str:
        data = self.data
        if data is None:
            return ""
        text = self.tr(
            "{pending} nilai menunggu verifikasi entri ganda · {mismatches} selisih entri ganda"
            " · {flags} peserta dengan selisih antar-penilai"
        ).format(pending=data.pending, mismatches=len(data.mismatches), flags=len(data.flags))
        if data.conflicts:
            text += self.tr(" · {count} selisih antar-laptop").format(count=len(data.conflicts))
        return text

    def _show_summary(self) -> None:
        data = self.data
        self.summary_label.setText(self.summary_text())
        waiting = data is not None and (data.pending or data.flags or data.conflicts)
        self.summary_label.setStyleSheet(WAITING_STYLE if waiting else CLEAR_STYLE)
        self.summary_label.setVisible(data is not None)

    def _update_buttons(self) -> None:
        self.resolve_button.setEnabled(self.selected_mismatch() is not None)
        self.conflict_button.setEnabled(self.selected_conflict() is not None)

    def _say(self, text: str) -> None:
        self.message_label.setText(text)

    # -- deciding --------------------------------------------------------------------------

    def selected_mismatch(self) -> Mismatch | None:
        index = self.mismatch_table.currentIndex()
        rows = self.mismatch_table.selectionModel().selectedRows()
        if not rows or not index.isValid() or index.row() >= len(self.mismatch_model.items):
            return None
        return self.mismatch_model.items[index.row()]

    def select_mismatch(self, row: int) -> None:
        self.mismatch_table.selectRow(row)

    def open_resolve_dialog(self) -> ResolveDialog | None:
        """Open the decision dialog for the selected mismatch (admin only, non-blocking)."""
        mismatch = self.selected_mismatch()
        if mismatch is None or not self.context.may(Action.RESOLVE_MISMATCH):
            return None
        dialog = ResolveDialog(self.context, mismatch, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._resolved(dialog))
        dialog.open()
        return dialog

    def _resolved(self, dialog: ResolveDialog) -> None:
        m = dialog.mismatch
        where = m.participant + (f" {m.assessor}" if m.assessor else "")
        where += f" {m.component}" + (f".{m.aspect}" if m.aspect else "")
        self._say(
            self.tr("Diputuskan: {where} = {value}. Nilai ini kini masuk peringkat.").format(
                where=where, value=dialog.value()
            )
        )
        if not self.isVisible():
            self.refresh()

    def selected_conflict(self) -> PackageConflict | None:
        index = self.conflict_table.currentIndex()
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows or not index.isValid() or index.row() >= len(self.conflict_model.items):
            return None
        return self.conflict_model.items[index.row()]

    def select_conflict(self, row: int) -> None:
        self.conflict_table.selectRow(row)

    def open_conflict_dialog(self) -> PackageConflictDialog | None:
        """Open the decision dialog for the selected conflict (admin only, non-blocking)."""
        conflict = self.selected_conflict()
        if conflict is None or not self.context.may(Action.RESOLVE_MISMATCH):
            return None
        dialog = PackageConflictDialog(self.context, conflict, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._conflict_resolved(dialog))
        dialog.open()
        return dialog

    def _conflict_resolved(self, dialog: PackageConflictDialog) -> None:
        c = dialog.conflict
        claim = dialog.choice()
        where = c.participant + (f" {c.assessor}" if c.assessor else "") + f" {c.component}"
        self._say(
            self.tr("Diputuskan: {where} = nilai {source}.").format(
                where=where, source=claim.source if claim else "?"
            )
        )
        if not self.isVisible():
            self.refresh()
