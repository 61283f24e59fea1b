"""Rankings of a stage, and the one table layout shared by the CLI, exports and the GUI."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.bulk import collector_paused
from app.scoring import (
    ABSENT_TEXT,
    Cell,
    ResultRow,
    Scheme,
    Stage,
    columns_of,
    format_score,
    rank_selection_fast,
)
from app.scoring.blocks import ResultBlock, texts_of
from app.scoring.numbers import score_text

from . import ranking_cache
from .candidates import load_quotas, load_roster
from .database import Database
from .errors import UserError
from .revisions import read_revisions
from .schemes import SchemeIds, chosen_stage, scheme_of_selection
from .tie_store import read_decisions


@dataclass(slots=True)
class Ranking:
    """A stage's results, one block per formation: ``rows`` in the contract's order
    (formation, rank, number), made from the blocks when first read."""

    scheme: Scheme
    stage: Stage
    columns: tuple[str, ...]
    blocks: list[ResultBlock]
    quotas: dict[str, int]
    _rows: list[ResultRow] | None = field(default=None, repr=False, compare=False)

    @property
    def rows(self) -> list[ResultRow]:
        if self._rows is None:
            self._rows = [row for block in self.blocks for row in block.rows()]
        return self._rows

    def header(self) -> list[str]:
        return result_header(self.columns)

    def lines(self) -> Iterator[tuple[str, ...]]:
        """Each row's cells as text, in ``header()`` order (what ``result_record`` gives),
        made from the blocks' columns without building rows."""
        yield from texts_of(self.blocks)

    def records(self) -> list[dict[str, str]]:
        header = self.header()
        return [dict(zip(header, line, strict=True)) for line in self.lines()]


def compute_ranking(
    db: Database,
    selection_id: int,
    stage_code: str | None = None,
    formation: str | None = None,
    *,
    keep: bool = True,
) -> Ranking:
    """Rank ``stage_code`` (default: the last stage), with every earlier cut applied.

    Formations whose data did not change since they were last ranked come from
    ``ranking_cache`` (their revision stamps, read in the same snapshot, say so); only the
    others are loaded and ranked. ``keep=False``: what is computed is not kept in the
    process (a document printed once), only in the file beside the database.
    """
    with db.reading() as connection, collector_paused():
        scheme, ids = scheme_of_selection(connection, selection_id)
        stage = chosen_stage(scheme, stage_code)
        quotas = load_quotas(connection, selection_id)
        if formation is not None:
            formation = formation.strip().upper()
            if formation not in quotas:
                raise UserError("formation.not_found", value=formation)
        blocks = cached_blocks(
            connection,
            db.path or db.key,
            selection_id,
            scheme,
            ids,
            stage,
            quotas,
            formation,
            keep=keep,
        )
    return Ranking(scheme, stage, columns_of(scheme, stage), blocks, quotas)


def admitted_numbers(
    connection: sqlite3.Connection,
    path: Path | str,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    stage: Stage,
    quotas: dict[str, int],
    formation: str | None = None,
) -> set[str]:
    """Numbers that go on from ``stage`` (of one formation, or all), from the cache.

    A typed score of a later stage asks this inside its write: what is computed is kept in
    the process only, not written beside the database while the write lock is held, and no
    ``ResultRow`` is made for it.
    """
    blocks = cached_blocks(
        connection, path, selection_id, scheme, ids, stage, quotas, formation, persist=False
    )
    return {
        number
        for block in blocks
        for number, status in zip(block.numbers, block.statuses, strict=True)
        if status.goes_on
    }


def cached_blocks(
    connection: sqlite3.Connection,
    path: Path | str,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    stage: Stage,
    quotas: dict[str, int],
    formation: str | None = None,
    *,
    keep: bool = True,
    persist: bool = True,
) -> list[ResultBlock]:
    """The blocks of ``stage`` for one formation (``None``: all) as ``connection`` sees the
    data.

    Only on committed data: a connection that has written in its transaction would key the
    cache by stamps that a rollback takes back. Callers inside a write ask before writing.
    """
    revisions = read_revisions(connection, selection_id).formations

    def rank_stale(stale: set[str]) -> list[ResultBlock]:
        every = stale.issuperset(quotas)  # then one pass over the selection is cheaper
        return _rank_formations(
            connection, selection_id, scheme, ids, stage, quotas, None if every else stale
        )

    return ranking_cache.RESULTS.stage_blocks(
        path,
        selection_id,
        stage,
        columns_of(scheme, stage),
        revisions,
        quotas if formation is None else (formation,),
        rank_stale,
        keep=keep,
        persist=persist,
    )


def _rank_formations(
    connection: sqlite3.Connection,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    stage: Stage,
    quotas: dict[str, int],
    formations: set[str] | None,
) -> list[ResultBlock]:
    """Blocks of ``stage`` for some formations (``None``: all), computed from the database."""
    roster = load_roster(connection, selection_id, scheme, ids, stage.code, formations)
    # The committee's tie decisions, read in the same snapshot as the scores they settle.
    decisions = read_decisions(connection, selection_id, scheme.last_stage.code)
    try:
        result = rank_selection_fast(
            scheme, quotas, roster, upto=stage.code, decisions=decisions, explain=(stage.code,)
        )[stage.code]
        blocks = result.blocks()
    finally:
        roster.close()  # every name the blocks print was read in this snapshot
    # Release the earlier stages' columns while the collector is still paused; waking it
    # with them alive would make it walk them all once more.
    del roster, result
    return blocks


def result_header(columns: tuple[str, ...]) -> list[str]:
    """``tahap,kode_formasi,peringkat,nomor_peserta,nama,<columns>,nilai_akhir,kode,catatan``."""
    return [
        "tahap",
        "kode_formasi",
        "peringkat",
        "nomor_peserta",
        "nama",
        *columns,
        "nilai_akhir",
        "kode",
        "catatan",
    ]


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return format_score(value)


def result_record(row: ResultRow, columns: tuple[str, ...]) -> dict[str, str]:
    record = {
        "tahap": row.stage,
        "kode_formasi": row.formation,
        "peringkat": "" if row.rank is None else str(row.rank),
        "nomor_peserta": row.number,
        "nama": row.name,
    }
    # score_text(value) is cell_text(display_value(value)), without the Decimal in between.
    values = row.values
    for column in columns:
        record[column] = score_text(values.get(column))
    record["nilai_akhir"] = score_text(row.final)
    record["kode"] = row.code or ""
    record["catatan"] = row.note
    return record


__all__ = [
    "ABSENT_TEXT",
    "Ranking",
    "compute_ranking",
    "result_header",
    "result_record",
]
