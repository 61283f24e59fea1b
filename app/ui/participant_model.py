"""The participant table: a plain list of rows, display text computed once, sorting in Python.

A province has up to 100k participants. Everything a view asks for per cell is therefore a
list lookup, and the expensive work happens once, in plain Python lists, never per cell:

* display strings and a lower-case search haystack are built when the rows arrive;
* sorting computes a permutation of the rows from sort keys cached per column
  (``QSortFilterProxyModel`` would call ``lessThan`` through Python about two million times);
* filtering evaluates the search over all haystacks in one list comprehension, so the proxy's
  ``filterAcceptsRow`` is a single list lookup per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.services.participants import ParticipantRow

from .numbers import value_text

Index = QModelIndex | QPersistentModelIndex

COL_NUMBER = 0
COL_NAME = 1
COL_NIK = 2
COL_BIRTH = 3
COL_FORMATION = 4
COL_POSITION = 5
COL_EDUCATION = 6
COL_IPK = 7
COL_SESSION = 8
COL_MARKS = 9
COLUMN_COUNT = 10

# Marked participants (APS, TMS, DIS) leave the ranking; the colour keeps that visible.
MARK_COLOUR = QColor("#9b1c1c")

# Separates the searchable fields, so a search cannot match across the end of one field and
# the start of the next.
_SEPARATOR = "\x1f"


def _display_rows(rows: Sequence[ParticipantRow]) -> list[tuple[str, ...]]:
    """Display strings for every row; dates are formatted once per distinct date."""
    births = {row.birth_date for row in rows}
    birth_text = {b: f"{b.day:02d}-{b.month:02d}-{b.year:04d}" for b in births}
    return [
        (
            r.number,
            r.name,
            r.nik,
            birth_text[r.birth_date],
            r.formation,
            r.position_title,
            r.education,
            value_text(r.ipk, 2),  # 3,62; 3,20 as an IPK is written
            r.session,
            r.marks,
        )
        for r in rows
    ]


def _ipk_key(row: ParticipantRow) -> tuple[int, Decimal]:
    """Empty IPKs sort before every value; text is compared as a number, not as letters."""
    try:
        return (1, Decimal(row.ipk))
    except (InvalidOperation, ValueError):
        return (0, Decimal(0))


_SORT_KEYS: dict[int, Callable[[ParticipantRow], Any]] = {
    COL_NUMBER: lambda r: (len(r.number), r.number),  # 9 before 10 when numbers vary in length
    COL_NAME: lambda r: r.name.casefold(),
    COL_NIK: lambda r: r.nik,
    COL_BIRTH: lambda r: r.birth_date,
    COL_FORMATION: lambda r: r.formation.casefold(),
    COL_POSITION: lambda r: r.position_title.casefold(),
    COL_EDUCATION: lambda r: r.education.casefold(),
    COL_IPK: _ipk_key,
    COL_SESSION: lambda r: r.session.casefold(),
    COL_MARKS: lambda r: r.marks,
}


class ParticipantTableModel(QAbstractTableModel):
    """Read-only table over ``list_participants`` rows.

    The rows and everything derived from them (``_cells`` display strings, ``_haystacks``,
    ``_formations``, cached sort keys, ``_accepted`` filter results) stay in the service's
    order (formation, number); ``_order`` maps a table row to that position, so sorting only
    replaces ``_order``. The filter (words typed, formation) lives here too, next to the data it
    reads, and ``ParticipantFilterProxy`` asks ``accepts(row)``. ``ParticipantRole`` gives the
    ``ParticipantRow`` itself (for the mark dialog).
    """

    ParticipantRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ParticipantRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._haystacks: list[str] = []
        self._formations: list[str] = []
        self._keys: dict[int, list[Any]] = {}
        self._order: list[int] = []
        self._accepted: list[bool] = []
        # ``_accepted`` in table-row order, for the proxy's per-row lookup. Updated in place
        # (never rebound) so the proxy can keep a reference to the very list.
        self.row_accepted: list[bool] = []
        self._words: tuple[str, ...] = ()
        self._formation = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._headers: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        """Column titles in the current interface language."""
        self._headers = (
            self.tr("Nomor peserta"),
            self.tr("Nama"),
            self.tr("NIK"),
            self.tr("Tanggal lahir"),
            self.tr("Formasi"),
            self.tr("Jabatan"),
            self.tr("Pendidikan"),
            self.tr("IPK"),
            self.tr("Sesi"),
            self.tr("Tanda"),
        )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    # --- the rows ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ParticipantRow]) -> None:
        """Replace every row in one reset, keeping the user's sort order and filter."""
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = _display_rows(self._rows)
        sep = _SEPARATOR
        self._haystacks = [f"{r.number}{sep}{r.name}{sep}{r.nik}".casefold() for r in self._rows]
        self._formations = [row.formation for row in self._rows]
        self._keys = {}
        self._order = self._sorted_order(self._sort_column, self._sort_order)
        self._accepted = self._evaluate_filter()
        self._update_row_accepted()
        self.endResetModel()

    def _update_row_accepted(self) -> None:
        accepted = self._accepted
        self.row_accepted[:] = [accepted[position] for position in self._order]

    def participant(self, row: int) -> ParticipantRow:
        return self._rows[self._order[row]]

    def id_of(self, number: str) -> int | None:
        """The id of the participant with this number, if listed."""
        return next((row.id for row in self._rows if row.number == number), None)

    def row_of(self, participant_id: int) -> int | None:
        """The current row of a participant, to select them again after a refresh."""
        for position, participant in enumerate(self._rows):
            if participant.id == participant_id:
                return self._order.index(position)
        return None

    # --- filtering ---------------------------------------------------------------------

    def set_filter(self, text: str | None = None, formation: str | None = None) -> bool:
        """Change the words searched for and/or the formation (``""``: all); ``True`` when
        the result may differ. The proxy then re-reads ``accepts`` for every row."""
        words = self._words if text is None else tuple(text.casefold().split())
        formation = self._formation if formation is None else formation
        if (words, formation) == (self._words, self._formation):
            return False
        self._words, self._formation = words, formation
        self._accepted = self._evaluate_filter()
        self._update_row_accepted()
        return True

    def is_filtered(self) -> bool:
        return bool(self._words or self._formation)

    def accepts(self, row: int) -> bool:
        return self.row_accepted[row]

    def _evaluate_filter(self) -> list[bool]:
        words, formation = self._words, self._formation
        haystacks = self._haystacks
        if not words and not formation:
            return [True] * len(haystacks)
        if formation:
            in_formation = [code == formation for code in self._formations]
        else:
            in_formation = [True] * len(haystacks)
        if not words:
            return in_formation
        if len(words) == 1:  # the usual case, and twice as fast as the general one
            word = words[0]
            return [ok and word in hay for ok, hay in zip(in_formation, haystacks, strict=True)]
        return [
            ok and all(word in hay for word in words)
            for ok, hay in zip(in_formation, haystacks, strict=True)
        ]

    # --- sorting -----------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Put the rows in a new order; stable, so the previous order breaks ties.

        Column ``-1`` (the header's sort indicator cleared) restores the service's order.
        """
        if column >= COLUMN_COUNT:
            return
        column = max(column, -1)
        if column == self._sort_column and (column == -1 or order == self._sort_order):
            return  # QTableView asks twice: once itself, once via the header's indicator
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        self._order = self._sorted_order(column, order, old_order)
        self._update_row_accepted()
        self._move_persistent_indexes(old_order)
        self.layoutChanged.emit()

    def _sorted_order(
        self, column: int, order: Qt.SortOrder, previous: list[int] | None = None
    ) -> list[int]:
        count = len(self._rows)
        if column < 0:
            return list(range(count))
        keys = self._keys.get(column)
        if keys is None:
            key = _SORT_KEYS[column]
            keys = self._keys[column] = [key(row) for row in self._rows]
        return sorted(
            previous if previous is not None and len(previous) == count else range(count),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def _move_persistent_indexes(self, old_order: list[int]) -> None:
        """Views keep their selection and current cell on the same participant."""
        persistent = self.persistentIndexList()
        if not persistent:
            return
        new_row = [0] * len(self._order)
        for row, position in enumerate(self._order):
            new_row[position] = row
        moved = [self.index(new_row[old_order[i.row()]], i.column()) for i in persistent]
        self.changePersistentIndexList(persistent, moved)

    # --- Qt's model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position, column = self._order[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[position][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_IPK:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_MARKS and self._cells[position][COL_MARKS]:
                return QBrush(MARK_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (COL_POSITION, COL_EDUCATION, COL_MARKS, COL_SESSION):
                return self._cells[position][column] or None
            return None
        if role == self.ParticipantRole:
            return self._rows[position]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < COLUMN_COUNT
        ):
            return self._headers[section]
        return super().headerData(section, orientation, role)


class ParticipantFilterProxy(QSortFilterProxyModel):
    """Shows the rows the source model accepts (formation, words typed in number/name/NIK).

    The source evaluates the filter for all rows at once, in Python; ``filterAcceptsRow`` is
    then one lookup. Sorting is passed on to the source, which sorts its own list far faster
    than this proxy could through ``lessThan``.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._row_accepted: list[bool] = []

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, ParticipantTableModel)
        # Held directly (the model updates this list in place): filterAcceptsRow runs 100k
        # times per filter change, and a method call per row would double its cost.
        self._row_accepted = model.row_accepted
        super().setSourceModel(model)

    def source(self) -> ParticipantTableModel:
        model = self.sourceModel()
        assert isinstance(model, ParticipantTableModel)
        return model

    def set_text(self, text: str) -> None:
        """Each word must occur in the participant's number, name or NIK (any case)."""
        self._refilter(text=text)

    def set_formation(self, code: str) -> None:
        """``""`` shows every formation."""
        self._refilter(formation=code)

    def _refilter(self, **criteria: str) -> None:
        # invalidate() re-maps all rows under one layout change. endFilterChange() would
        # instead emit one rowsRemoved/rowsInserted per run of hidden rows: tens of thousands
        # of signals when a single letter is typed on 100k participants.
        if self.source().set_filter(**criteria):
            self.invalidate()

    def is_filtered(self) -> bool:
        return self.source().is_filtered()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self._row_accepted[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)
