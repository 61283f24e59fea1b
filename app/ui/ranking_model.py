"""Table model over a stage's ranking: the services' rows as display text, coloured by meaning.

``build_view`` prepares what every row needs at once (its meaning, its search text, the counts)
as plain lists, on a worker thread next to ``compute_ranking``. The cell text is the CLI's
own (``result_record``), made the first time a row is painted and then kept: formatting 100k
rows up front would cost as much as ranking them, and only a screenful is ever looked at.
``data()`` stays O(1), so 100k rows scroll as smoothly as 100.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.numbers import fixed_places
from app.scoring import ResultRow, StageCodes
from app.scoring.scheme import NOTE_INCOMPLETE
from app.scoring.status import Status
from app.services.ranking import Ranking, result_header, result_record

from .numbers import cell_text

Index = QModelIndex | QPersistentModelIndex

# Columns shown left-aligned as text; every other column is a rank or a score.
TEXT_COLUMNS = frozenset({"tahap", "kode_formasi", "nomor_peserta", "nama", "kode", "catatan"})


class RowKind(IntEnum):
    """What a row means to the committee; its colour follows the meaning, not the code text,
    because each regulation spells its codes differently (``P/L``, ``L``; ``TL`` is "outside
    the quota" in one preset and "below a threshold" in another)."""

    PASSED = 0
    OUTSIDE = 1
    ABSENT = 2
    ELIMINATED = 3
    TIE = 4
    INCOMPLETE = 5


# Light fills under dark text: readable on any style, also printed in grey.
KIND_COLOURS: dict[RowKind, str] = {
    RowKind.PASSED: "#d5efd9",
    RowKind.OUTSIDE: "#fff1c7",
    RowKind.ABSENT: "#e3e5e9",
    RowKind.ELIMINATED: "#f7d4d7",
    RowKind.TIE: "#e2d5f6",
    RowKind.INCOMPLETE: "#d6e8f7",
}
TEXT_COLOUR = "#1b1c1e"
KIND_NAMES = {kind: kind.name.lower() for kind in RowKind}


# The colour of each status; a preset may print two of them alike (``TL`` is "outside the
# quota" and "below a threshold" in PPPK), the colour still tells them apart.
STATUS_KINDS: dict[Status, RowKind] = {
    Status.WITHIN_QUOTA: RowKind.PASSED,
    Status.OUTSIDE_QUOTA: RowKind.OUTSIDE,
    Status.ABSENT: RowKind.ABSENT,
    Status.INCOMPLETE: RowKind.INCOMPLETE,
    Status.BELOW_THRESHOLD: RowKind.ELIMINATED,
    Status.REQUIREMENT_FAILED: RowKind.ELIMINATED,
    Status.WITHDRAWN: RowKind.ELIMINATED,
    Status.DISQUALIFIED: RowKind.ELIMINATED,
}


def row_kind(row: ResultRow) -> RowKind:
    """The meaning of one result row, read from its status (never from the printed code)."""
    if row.tie:
        return RowKind.TIE
    return STATUS_KINDS[row.status]


@dataclass(slots=True)
class CodeCounts:
    """How many rows carry each code (the stage's own codes first), plus the notes that the
    committee must act on: ``ties`` (SERI, also counted under their code) and ``incomplete``."""

    codes: dict[str, int] = field(default_factory=dict)
    ties: int = 0
    incomplete: int = 0
    total: int = 0


def count_codes(rows: Sequence[ResultRow], codes: StageCodes) -> CodeCounts:
    """Rows per status, then printed under each status's code (shared codes add up)."""
    statuses = dict.fromkeys(Status, 0)
    ties = 0
    for row in rows:
        statuses[row.status] += 1
        if row.tie:
            ties += 1
    counts = CodeCounts(codes=dict.fromkeys(codes.all(), 0), total=len(rows), ties=ties)
    counts.incomplete = statuses.pop(Status.INCOMPLETE)
    for status, count in statuses.items():
        code = codes.code_for(status)
        if code is not None:
            counts.codes[code] = counts.codes.get(code, 0) + count
    return counts


@dataclass(slots=True)
class RankingView:
    """A ranking ready to display, built off the GUI thread.

    ``rows`` are the services' result rows in the published order; ``kinds`` and ``search``
    (the lower-cased number and name the text filter looks in) run parallel to them.
    """

    ranking: Ranking | None = None
    header: list[str] = field(default_factory=list)
    rows: list[ResultRow] = field(default_factory=list)
    kinds: list[RowKind] = field(default_factory=list)
    search: list[str] = field(default_factory=list)
    counts: CodeCounts = field(default_factory=CodeCounts)
    fixed: Mapping[str, int] = field(default_factory=dict)
    """The stage's ``fixed_places``: SKD 415, nilai akhir 79,430."""

    def cells(self, index: int) -> list[str]:
        """Row ``index`` as the CSV writes it, column for column (``header``)."""
        ranking = self.ranking
        assert ranking is not None
        record = result_record(self.rows[index], ranking.columns)
        return [record[key] for key in self.header]


def build_view(ranking: Ranking | None) -> RankingView:
    """Everything the table needs before painting; safe to call on a worker thread."""
    if ranking is None:
        return RankingView()
    codes = ranking.stage.codes
    rows = ranking.rows
    return RankingView(
        ranking=ranking,
        header=result_header(ranking.columns),
        rows=rows,
        kinds=[row_kind(row) for row in rows],
        search=[f"{row.number}\t{row.name}".casefold() for row in rows],
        counts=count_codes(rows, codes),
        fixed=fixed_places(ranking.stage.plain_sum),
    )


class RankingTableModel(QAbstractTableModel):
    """Read-only; ``set_view`` swaps the whole result in one reset, ``set_filter`` narrows it.

    The filter keeps a list of visible source rows (a ``range`` when nothing is filtered), so
    ``data()`` stays O(1) and no proxy model walks 100k rows through Python on every change.
    """

    KindRole = Qt.ItemDataRole.UserRole + 1
    KeyRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._view = RankingView()
        self._texts: list[list[str] | None] = []
        self._shown: list[list[str] | None] = []
        self._visible: Sequence[int] = range(0)
        self._filter = ""
        self._alignments: list[int] = []
        self._code_column = -1
        self._tooltips: dict[str, str] = {}
        self._number_rows: dict[str, int] | None = None
        self._backgrounds = {kind: QBrush(QColor(colour)) for kind, colour in KIND_COLOURS.items()}
        self._foreground = QBrush(QColor(TEXT_COLOUR))
        self._bold = QFont()
        self._bold.setBold(True)

    # -- filling -------------------------------------------------------------------------

    def set_ranking(self, ranking: Ranking | None) -> None:
        """Build and show a ranking at once (on the GUI thread; small selections, tests)."""
        self.set_view(build_view(ranking))

    def set_view(self, view: RankingView) -> None:
        self.beginResetModel()
        self._view = view
        self._texts = [None] * len(view.rows)
        self._shown = [None] * len(view.rows)
        self._number_rows = None
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._alignments = [left if key in TEXT_COLUMNS else right for key in view.header]
        self._code_column = view.header.index("kode") if "kode" in view.header else -1
        self._visible = self._matching(self._filter)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only rows whose number or name contains ``text`` (case-insensitive)."""
        text = text.strip().casefold()
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        self._visible = self._matching(text)
        self.endResetModel()

    def set_code_descriptions(self, descriptions: dict[str, str]) -> None:
        """Tooltips for the code column, so a code explains itself where it is read."""
        self._tooltips = dict(descriptions)

    def _matching(self, text: str) -> Sequence[int]:
        if not text:
            return range(len(self._view.rows))
        return [i for i, haystack in enumerate(self._view.search) if text in haystack]

    # -- reading -------------------------------------------------------------------------

    @property
    def view(self) -> RankingView:
        return self._view

    @property
    def header(self) -> list[str]:
        return self._view.header

    def total_rows(self) -> int:
        """Rows of the ranking, whether or not the text filter shows them."""
        return len(self._view.rows)

    def key(self, column: int) -> str:
        return self._view.header[column]

    def column_of(self, key: str) -> int:
        return self._view.header.index(key)

    def record(self, row: int) -> dict[str, str]:
        """The visible row ``row`` as the CSV record it was made from."""
        return dict(zip(self._view.header, self._text(self._visible[row]), strict=True))

    def _text(self, source: int) -> list[str]:
        texts = self._texts[source]
        if texts is None:
            texts = self._texts[source] = self._view.cells(source)
        return texts

    def shown(self, row: int) -> list[str]:
        """The visible row ``row`` as the window shows it: numbers with a decimal comma,
        integers without decimals (``record`` keeps the machine text)."""
        return self._shown_text(self._visible[row])

    def _shown_text(self, source: int) -> list[str]:
        shown = self._shown[source]
        if shown is None:
            header = self._view.header
            shown = self._shown[source] = [
                text if key in TEXT_COLUMNS else cell_text(key, text, self._view.fixed)
                for key, text in zip(header, self._text(source), strict=True)
            ]
        return shown

    def kind(self, row: int) -> str:
        return KIND_NAMES[self._view.kinds[self._visible[row]]]

    def row_of_number(self, number: str) -> int | None:
        """The visible row of a participant, to keep them selected across refreshes."""
        if self._number_rows is None:
            rows = self._view.rows
            self._number_rows = {rows[source].number: i for i, source in enumerate(self._visible)}
        return self._number_rows.get(number)

    # -- Qt's model contract ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view.header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown_text(self._visible[row])[column]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._backgrounds[self._view.kinds[self._visible[row]]]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignments[column]
        if role == Qt.ItemDataRole.FontRole and column == self._code_column:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == self._code_column:
            code = self._text(self._visible[row])[column]
            return self._tooltips.get(code) if code else self._tooltips.get(NOTE_INCOMPLETE)
        if role == self.KindRole:
            return KIND_NAMES[self._view.kinds[self._visible[row]]]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._visible):
                return section + 1
            return None
        if not 0 <= section < len(self._view.header):
            return None
        key = self._view.header[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._column_title(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_tooltip(key)
        if role == self.KeyRole:
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignments[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- titles ----------------------------------------------------------------------------

    def _column_title(self, key: str) -> str:
        titles = {
            "tahap": self.tr("Tahap"),
            "kode_formasi": self.tr("Formasi"),
            "peringkat": self.tr("Peringkat"),
            "nomor_peserta": self.tr("Nomor peserta"),
            "nama": self.tr("Nama"),
            "nilai_akhir": self.tr("Nilai akhir"),
            "kode": self.tr("Kode"),
            "catatan": self.tr("Catatan"),
        }
        return titles.get(key, key)

    def _column_tooltip(self, key: str) -> str | None:
        ranking = self._view.ranking
        if ranking is None or key in TEXT_COLUMNS or key in ("peringkat", "nilai_akhir"):
            return None
        stage = ranking.stage
        if stage.integrates == key:
            return self.tr("Nilai akhir tahap {stage}").format(stage=key)
        for component in stage.components:
            if component.code == key:
                return component.name
        return None
