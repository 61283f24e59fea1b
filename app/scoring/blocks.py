"""A stage's results for one formation, as columns: what is cached, exported and stored.

A formation is the unit a ranking is computed in (quota, cut and admission never look at
another formation), so it is also the unit results are kept in: in the process
(``services.ranking_cache``) and on disk (``services.results_store``). Kept as columns, a
block costs a fraction of its ``ResultRow`` objects, turns into the export's text cells
without them (a 100k-row CSV of the SKD spends most of its time making rows otherwise), and
is plain lists to write down and read back. :meth:`ResultBlock.rows` builds the rows the
window and the documents read, once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from itertools import repeat
from typing import Any

from .numbers import Score, milli_decimal, score_text
from .ranking import ResultRow
from .scheme import StageCodes
from .status import Status
from .ties import decided_note, separated_note

# A cell of a block: an exact number, TH or a categorical value, the integrated stage's
# rounded final value, or nothing yet.
BlockValue = Score | str | Decimal | None


class ResultBlock:
    """The rows of one stage for one formation, in the published order (rank, number).

    ``values[k][i]`` is row ``i``'s value of ``columns[k]`` (``columns_of`` the stage);
    ``finals`` are in thousandths (``None`` while incomplete). Blocks are shared between
    callers and never changed.
    """

    __slots__ = (
        "_rows",
        "codes",
        "columns",
        "decision",
        "finals",
        "formation",
        "names",
        "numbers",
        "ranks",
        "separated",
        "stage",
        "statuses",
        "ties",
        "values",
    )

    def __init__(
        self,
        stage: str,
        formation: str,
        codes: StageCodes,
        columns: tuple[str, ...],
        numbers: Sequence[str],
        names: Sequence[str],
        values: Sequence[Sequence[BlockValue]],
        finals: Sequence[int | None],
        ranks: Sequence[int | None],
        statuses: Sequence[Status],
        ties: Sequence[bool],
        decision: str = "",
        separated: Mapping[int, str] | None = None,
    ):
        self.stage = stage
        self.formation = formation
        self.codes = codes
        self.columns = columns
        self.numbers = numbers
        self.names = names
        self.values = values
        self.finals = finals
        self.ranks = ranks
        self.statuses = statuses
        self.ties = ties
        self.decision = decision
        """The reference of the committee's decision on this formation's tie, if one applies."""
        self.separated: Mapping[int, str] = separated or {}
        """Row to the tie-break keys that ordered its equal final value (few rows have one)."""
        self._rows: tuple[ResultRow, ...] | None = None

    def __len__(self) -> int:
        return len(self.numbers)

    def rows(self) -> tuple[ResultRow, ...]:
        """The block as ``ResultRow`` objects, built on the first call and kept."""
        rows = self._rows
        if rows is None:
            rows = self._rows = tuple(self.iter_rows())
        return rows

    def iter_rows(self) -> Sequence[ResultRow]:
        """The rows without keeping them (a document that prints 100k rows once)."""
        if self._rows is not None:
            return self._rows
        stage, formation, codes, columns = self.stage, self.formation, self.codes, self.columns
        count = len(self.numbers)
        cells = zip(*self.values, strict=True) if self.values else repeat((), count)
        separated = self.separated
        notes = (separated.get(i, "") for i in range(count)) if separated else repeat("", count)
        return [
            ResultRow(
                stage,
                formation,
                number,
                name,
                dict(zip(columns, row_values, strict=True)),
                None if milli is None else milli_decimal(milli),
                rank,
                status,
                codes,
                tie,
                self.decision if tie else "",
                note,
            )
            for number, name, row_values, milli, rank, status, tie, note in zip(
                self.numbers,
                self.names,
                cells,
                self.finals,
                self.ranks,
                self.statuses,
                self.ties,
                notes,
                strict=True,
            )
        ]

    def texts(self) -> list[tuple[str, ...]]:
        """The export's cells of each row (see :func:`texts_of`)."""
        return texts_of([self])


def texts_of(blocks: Sequence[ResultBlock]) -> list[tuple[str, ...]]:
    """The export's cells per row of ``blocks`` (of one stage): stage, formation, rank,
    number, name, the columns, the final value, the code and the note, as ``result_record``
    prints them."""
    return list(zip(*text_columns(blocks), strict=True))


def text_columns(blocks: Sequence[ResultBlock]) -> list[list[str]]:
    """``texts_of`` column by column (one list per printed column), over all the blocks at
    once: a final stage has a thousand blocks of five rows, an SKD export 100k rows."""
    if not blocks:
        return []
    first = blocks[0]
    formations: list[str] = []
    ranks: list[int | None] = []
    numbers: list[str] = []
    names: list[str] = []
    values: list[list[BlockValue]] = [[] for _ in first.columns]
    finals: list[int | None] = []
    statuses: list[Status] = []
    ties: list[bool] = []
    decided: dict[int, str] = {}  # row → the decision's reference, for the decided ties
    separated: dict[int, str] = {}  # row → the tie-break keys that ordered it
    for block in blocks:
        if block.separated:
            start = len(numbers)
            for offset, keys in block.separated.items():
                if not block.ties[offset]:
                    separated[start + offset] = keys
        if block.decision:
            start = len(numbers)
            for offset, tie in enumerate(block.ties):
                if tie:
                    decided[start + offset] = block.decision
        formations.extend(repeat(block.formation, len(block.numbers)))
        ranks.extend(block.ranks)
        numbers.extend(block.numbers)
        names.extend(block.names)
        for column, cells in zip(values, block.values, strict=True):
            column.extend(cells)
        finals.extend(block.finals)
        statuses.extend(block.statuses)
        ties.extend(block.ties)
    untied, tied = _printed(first.codes)
    if any(ties):
        pairs = [
            (tied if tie else untied)[status] for tie, status in zip(ties, statuses, strict=True)
        ]
    else:
        pairs = list(map(untied.__getitem__, statuses))
    for index, keys in separated.items():
        pairs[index] = (pairs[index][0], separated_note(keys))
    for index, reference in decided.items():  # a handful of rows, each its own note
        pairs[index] = (pairs[index][0], decided_note(reference))
    return [
        [first.stage] * len(numbers),
        formations,
        _texts(ranks, _rank_text),
        numbers,
        names,
        *[_texts(column, score_text) for column in values],
        _texts(finals, final_text),
        [pair[0] for pair in pairs],
        [pair[1] for pair in pairs],
    ]


def _rank_text(rank: int | None) -> str:
    return "" if rank is None else str(rank)


_CHEAP_TO_HASH = frozenset({int, str, type(None), Decimal})


def _texts(column: Sequence[Any], text: Callable[[Any], str]) -> list[str]:
    """``text`` of every cell; each distinct value once where values hash in C (a 100k-row
    column of whole scores holds a few hundred values). A Fraction hashes in Python code,
    slower than formatting it: such a column is formatted cell by cell."""
    if _CHEAP_TO_HASH.issuperset(map(type, column)):
        known = {value: text(value) for value in set(column)}
        return list(map(known.__getitem__, column))
    return list(map(text, column))


_PRINTED: dict[StageCodes, tuple[dict[Status, tuple[str, str]], dict[Status, tuple[str, str]]]] = {}


def _printed(
    codes: StageCodes,
) -> tuple[dict[Status, tuple[str, str]], dict[Status, tuple[str, str]]]:
    """For a code table: (without a tie, with one) → status → (code, note), from a row's own
    properties, so the texts cannot drift from what a row prints."""
    known = _PRINTED.get(codes)
    if known is None:
        tables = []
        for tie in (False, True):
            table = {}
            for status in Status:
                row = ResultRow("", "", "", "", {}, None, None, status, codes, tie)
                table[status] = (row.code or "", row.note)
            tables.append(table)
        known = (tables[0], tables[1])
        if len(_PRINTED) < 1000:
            _PRINTED[codes] = known
    return known


def final_text(milli: int | None) -> str:
    """A final value in thousandths as the export prints it: ``score_text`` of its Decimal
    (``milli_decimal``), which for thousandths is exactly these digits."""
    if milli is None:
        return ""
    sign = "-" if milli < 0 else ""
    milli = abs(milli)
    return f"{sign}{milli // 1000}.{milli % 1000:03d}"


__all__ = ["BlockValue", "ResultBlock", "final_text", "text_columns", "texts_of"]
