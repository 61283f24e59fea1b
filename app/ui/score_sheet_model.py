"""Table model over one score sheet: a participant per row, a typed column per rubric aspect.

The model holds the service's plain ``SheetRow`` records in a list, so ``data()`` is a list
lookup and a 100k-row sheet scrolls as fast as a 100-row one. It never saves anything:
the page calls the service and then hands the model the row as stored.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.numbers import machine_number
from app.scoring.score_rows import StoredRow, display
from app.services.sheets import ABSENT_INPUTS, Sheet, SheetColumn, SheetRow

from .numbers import value_text

_PLACEHOLDER = re.compile(r"%([1-9])")

Index = QModelIndex | QPersistentModelIndex

# Number, name and formation come before the typed columns; the status column closes the row.
FIXED_COLUMNS = 3
ABSENT_TEXT = "TH"

REFUSED_BACKGROUND = QColor("#fdecea")
ABSENT_BACKGROUND = QColor("#eceef1")
COMPLETE_FOREGROUND = QColor("#1b5e20")
PARTIAL_FOREGROUND = QColor("#8a5a00")
MUTED_FOREGROUND = QColor("#5f6368")
LOCKED_BACKGROUND = QColor("#f1f3f4")  # a finalized formation: read-only

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


def row_as_stored(row: SheetRow, stored: tuple[StoredRow, ...]) -> SheetRow:
    """``row`` with the values a save or an undo left in the database.

    ``score_sheet`` builds rows the same way; redoing it here spares a reload of the whole
    sheet (a second at 100k participants) after every keystroke's save. ``stored`` is kept
    too: the next save of the row passes it as ``expected`` (optimistic concurrency).
    """
    values: dict[str, str] = {}
    absent = False
    for item in stored:
        if item.absent:
            absent = True
        else:
            values[item.aspect] = display(item)
    held = tuple(sorted(stored, key=lambda item: item.aspect))
    return SheetRow(row.participant_id, row.number, row.name, row.formation, values, absent, held)


class ScoreSheetModel(QAbstractTableModel):
    """The rows of one sheet.

    ``refused`` marks cells whose typed value the service refused (shown red, with the reason
    as tooltip) until that cell is saved, the edit is abandoned, or the sheet is reloaded.
    ``filled`` counts complete rows and is kept up to date row by row.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: list[SheetColumn] = []
        self._rows: list[SheetRow] = []
        self._row_of: dict[str, int] = {}
        self._refused: dict[tuple[int, int], str] = {}
        self._filled = 0
        self._editable = True
        self._locked: frozenset[str] = frozenset()  # finalized formations: rows read-only

    # -- loading -------------------------------------------------------------------------

    def set_sheet(
        self, sheet: Sheet | None, *, editable: bool = True, locked: Collection[str] = ()
    ) -> None:
        """``locked``: formations whose results are final; their rows cannot be edited."""
        self.beginResetModel()
        self._locked = frozenset(locked)
        self._columns = list(sheet.columns) if sheet else []
        self._rows = list(sheet.rows) if sheet else []
        self._row_of = {row.number: i for i, row in enumerate(self._rows)}
        self._refused.clear()
        self._filled = sheet.filled if sheet else 0
        self._editable = editable
        self.endResetModel()

    def replace_row(self, row_index: int, row: SheetRow) -> None:
        old = self._rows[row_index]
        self._filled += int(row.complete(self._columns)) - int(old.complete(self._columns))
        self._rows[row_index] = row
        self.dataChanged.emit(
            self.index(row_index, 0), self.index(row_index, self.columnCount() - 1)
        )

    def apply_stored(self, participant_no: str, stored: tuple[StoredRow, ...]) -> int | None:
        """Show what the database now holds for a participant; their row, if on this sheet."""
        row_index = self._row_of.get(participant_no)
        if row_index is None:
            return None
        self.replace_row(row_index, row_as_stored(self._rows[row_index], stored))
        return row_index

    def retranslate(self) -> None:
        """Headers and status texts in the language just installed."""
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            column = self.status_column
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    # -- questions the page asks ---------------------------------------------------------

    @property
    def filled(self) -> int:
        return self._filled

    @property
    def total(self) -> int:
        return len(self._rows)

    @property
    def value_columns(self) -> range:
        return range(FIXED_COLUMNS, FIXED_COLUMNS + len(self._columns))

    @property
    def status_column(self) -> int:
        return FIXED_COLUMNS + len(self._columns)

    def sheet_row(self, row_index: int) -> SheetRow:
        return self._rows[row_index]

    def sheet_column(self, column: int) -> SheetColumn | None:
        if column in self.value_columns:
            return self._columns[column - FIXED_COLUMNS]
        return None

    def find_row(self, text: str) -> int | None:
        """The first row whose participant number starts with ``text`` (typed digits jump to
        that participant), else whose name contains it, ignoring case."""
        wanted = text.strip().casefold()
        if not wanted:
            return None
        for index, row in enumerate(self._rows):
            if row.number.casefold().startswith(wanted):
                return index
        for index, row in enumerate(self._rows):
            if wanted in row.name.casefold():
                return index
        return None

    def row_of(self, participant_no: str) -> int | None:
        return self._row_of.get(participant_no)

    def column_of(self, aspect: str) -> int | None:
        for offset, column in enumerate(self._columns):
            if column.key == aspect:
                return FIXED_COLUMNS + offset
        return None

    def cell_text(self, row_index: int, column: int) -> str:
        """What the cell holds now, as the user would type it: ``72,5`` with the Indonesian
        interface (the services read a comma or a point)."""
        return value_text(self.stored_text(row_index, column))

    def stored_text(self, row_index: int, column: int) -> str:
        """What the cell holds now, as the services wrote it (``72.5``, ``TH``, ``MS``)."""
        sheet_column = self.sheet_column(column)
        if sheet_column is None:
            return ""
        row = self._rows[row_index]
        if row.absent:
            return ABSENT_TEXT
        # A whole value stored for a rubric component (an import without aspects) has the
        # key "" and shows in the status column, not under an aspect.
        return row.values.get(sheet_column.key, "")

    def is_unchanged(self, row_index: int, column: int, typed: str) -> bool:
        """True when saving ``typed`` would store what is already there (no audit noise)."""
        typed = typed.strip()
        current = self.stored_text(row_index, column)
        if typed.upper() in ABSENT_INPUTS:
            return current == ABSENT_TEXT
        return machine_number(typed) == current or typed == current

    def first_open_cell(self) -> QModelIndex:
        """Where an assessor resumes: the first empty cell of the first incomplete row."""
        for row_index, row in enumerate(self._rows):
            if row.complete(self._columns) or row.formation in self._locked:
                continue
            for column in self.value_columns:
                if not self.cell_text(row_index, column):
                    return self.index(row_index, column)
        if self._rows and self._columns:
            return self.index(0, FIXED_COLUMNS)
        return QModelIndex()

    def set_refused(self, row_index: int, column: int, reason: str) -> None:
        self._refused[(row_index, column)] = reason
        index = self.index(row_index, column)
        self.dataChanged.emit(index, index)

    def clear_refused(self, row_index: int, column: int) -> None:
        if self._refused.pop((row_index, column), None) is not None:
            index = self.index(row_index, column)
            self.dataChanged.emit(index, index)

    def refused(self, row_index: int, column: int) -> str | None:
        return self._refused.get((row_index, column))

    # -- Qt's model contract -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self._columns:
            return 0
        return FIXED_COLUMNS + len(self._columns) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (
            self._editable
            and index.column() in self.value_columns
            and self._rows[index.row()].formation not in self._locked
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row_index, column = index.row(), index.column()
        row = self._rows[row_index]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row_index, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in self.value_columns:
                return CENTER if row.absent else RIGHT
            return LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            if (row_index, column) in self._refused:
                return QBrush(REFUSED_BACKGROUND)
            if row.absent and column >= FIXED_COLUMNS:
                return QBrush(ABSENT_BACKGROUND)
            if row.formation in self._locked and column in self.value_columns:
                return QBrush(LOCKED_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.absent and column >= FIXED_COLUMNS:
                return QBrush(MUTED_FOREGROUND)
            if column == self.status_column:
                return QBrush(self._status_colour(row))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            reason = self._refused.get((row_index, column))
            if reason:
                return reason
            if row.formation in self._locked:
                return self.tr("Formasi ini sudah final; nilai tidak dapat diubah.")
            if column == self.status_column and self._whole_value(row) is not None:
                return self.tr(
                    "Penilai ini memberi satu nilai utuh tanpa aspek. Mengisi aspek akan"
                    " menggantikannya."
                )
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(row_index, column)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return section + 1
            return None
        if not 0 <= section < self.columnCount():
            return None
        sheet_column = self.sheet_column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Nomor peserta")
            if section == 1:
                return self.tr("Nama")
            if section == 2:
                return self.tr("Formasi")
            if section == self.status_column:
                return self.tr("Status")
            assert sheet_column is not None
            return sheet_column.title if sheet_column.key else self.tr("Nilai")
        if role == Qt.ItemDataRole.ToolTipRole and sheet_column is not None:
            if sheet_column.step == 1:  # "kelipatan 1" reads as a riddle (issue #10 §4)
                return fill(
                    self.tr("%1 (rentang %2–%3, bilangan bulat)"),
                    sheet_column.title,
                    _plain(sheet_column.minimum),
                    _plain(sheet_column.maximum),
                )
            return fill(
                self.tr("%1 (rentang %2–%3, kelipatan %4)"),
                sheet_column.title,
                _plain(sheet_column.minimum),
                _plain(sheet_column.maximum),
                _plain(sheet_column.step),
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if section in self.value_columns:
                return int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            return LEFT
        return None

    # -- helpers -------------------------------------------------------------------------

    def _text(self, row_index: int, column: int) -> str:
        row = self._rows[row_index]
        if column == 0:
            return row.number
        if column == 1:
            return row.name
        if column == 2:
            return row.formation
        if column == self.status_column:
            return self._status_text(row)
        return self.cell_text(row_index, column)

    def _whole_value(self, row: SheetRow) -> str | None:
        if len(self._columns) == 1 and not self._columns[0].key:
            return None
        return row.values.get("")

    def _status_text(self, row: SheetRow) -> str:
        if row.absent:
            return self.tr("TH (tidak hadir)")
        whole = self._whole_value(row)
        if whole is not None and not any(row.values.get(c.key) for c in self._columns):
            return fill(self.tr("Nilai utuh %1"), value_text(whole))
        if row.complete(self._columns):
            return self.tr("Lengkap")
        if any(row.values.get(c.key) for c in self._columns):
            return self.tr("Belum lengkap")
        return self.tr("Belum diisi")

    def _status_colour(self, row: SheetRow) -> QColor:
        if row.complete(self._columns):
            return COMPLETE_FOREGROUND
        if any(row.values.values()):
            return PARTIAL_FOREGROUND
        return MUTED_FOREGROUND


def fill(template: str, *values: object) -> str:
    """Qt's ``QString.arg`` for translated templates: ``%1``…``%9`` replaced in one pass, so a
    value that itself contains ``%2`` is never substituted twice."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values) else m[0],
        template,
    )


def _plain(number: Any) -> str:
    """A Decimal as a person writes it: ``0.5``, ``100``, never ``1E+2``."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
