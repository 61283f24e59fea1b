"""Computed results per formation, kept in the process while their revision stamp holds.

A ranking is computed per formation, independently (quota, SKD cut and admission never look
at another formation), and triggers advance a formation's stamp on every change that can move
one of its ranks (migration 0006). So the rows of (database, selection, stage, formation)
computed at stamp ``r`` are the rows a fresh computation gives for as long as the stamp is
``r``; after one saved score only that formation is computed again.

One cache serves the whole process: the window, its worker threads and every service that
ranks (documents, finalization, announcements) share it. Memory stays bounded: the stages of
selections not used for the longest time are dropped whole once more than ``max_rows`` rows
are kept (the one in use always stays, however large).

Cached rows are shared between callers, which only read them (no service or view changes a
``ResultRow``; the rules build new ones every time).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.scoring import ResultRow

# About 120 MB (a row with its values is ~500 bytes): the SKD and final stages of a selection
# of 100k participants, and room for another selection's.
DEFAULT_MAX_ROWS = 250_000

# (database file, selection id, stage code): the unit that is kept and dropped whole.
StageKey = tuple[str, int, str]


@dataclass(slots=True)
class _Stage:
    """One stage of one selection: formation code → (stamp, rows in published order)."""

    formations: dict[str, tuple[int, tuple[ResultRow, ...]]] = field(default_factory=dict)
    rows: int = 0


class RankingCache:
    """Result rows by (database, selection, stage, formation), each valid at one stamp."""

    def __init__(self, max_rows: int = DEFAULT_MAX_ROWS):
        self.max_rows = max_rows
        self._stages: OrderedDict[StageKey, _Stage] = OrderedDict()
        self._rows = 0
        self._lock = threading.Lock()

    def stage_rows(
        self,
        database: Path | str,
        selection_id: int,
        stage: str,
        revisions: Mapping[str, int],
        wanted: Collection[str],
        compute: Callable[[set[str]], Iterable[ResultRow]],
    ) -> list[ResultRow]:
        """The rows of the ``wanted`` formations in published order (formation, rank, number).

        ``revisions`` are the stamps read in the same snapshot as the data ``compute`` reads.
        ``compute(stale)`` ranks the formations whose cached rows are missing or older and
        returns their rows in published order; it runs outside the lock, so a slow
        computation never holds up a reader of another selection.
        """
        # One key per file, however its path was spelled (a command, the window, a service).
        key = (str(Path(database).resolve()), selection_id, stage)
        held: dict[str, tuple[ResultRow, ...]] = {}
        with self._lock:
            entry = self._stages.get(key)
            if entry is not None:
                self._stages.move_to_end(key)
                for code in wanted:
                    kept = entry.formations.get(code)
                    if kept is not None and kept[0] == revisions.get(code):
                        held[code] = kept[1]
        stale = {code for code in wanted if code not in held}
        if stale:
            fresh: dict[str, list[ResultRow]] = {code: [] for code in stale}
            for row in compute(stale):
                rows = fresh.get(row.formation)
                if rows is not None:
                    rows.append(row)
            computed = {code: tuple(rows) for code, rows in fresh.items()}
            held.update(computed)
            self._keep(key, revisions, computed)
        ordered: list[ResultRow] = []
        for code in sorted(wanted):
            ordered.extend(held[code])
        return ordered

    def _keep(
        self, key: StageKey, revisions: Mapping[str, int], computed: dict[str, tuple]
    ) -> None:
        with self._lock:
            entry = self._stages.get(key)
            if entry is None:
                entry = self._stages[key] = _Stage()
            self._stages.move_to_end(key)
            for code in [c for c in entry.formations if c not in revisions]:  # deleted
                self._forget(entry, code)
            for code, rows in computed.items():
                stamp = revisions.get(code)
                if stamp is None:
                    continue
                kept = entry.formations.get(code)
                if kept is not None and kept[0] > stamp:
                    continue  # another thread already kept a later state
                self._forget(entry, code)
                entry.formations[code] = (stamp, rows)
                entry.rows += len(rows)
                self._rows += len(rows)
            while self._rows > self.max_rows and len(self._stages) > 1:
                _key, oldest = self._stages.popitem(last=False)
                self._rows -= oldest.rows

    def _forget(self, entry: _Stage, code: str) -> None:
        kept = entry.formations.pop(code, None)
        if kept is not None:
            entry.rows -= len(kept[1])
            self._rows -= len(kept[1])

    def clear(self) -> None:
        with self._lock:
            self._stages.clear()
            self._rows = 0

    @property
    def rows(self) -> int:
        """How many result rows are kept now."""
        return self._rows


RESULTS = RankingCache()
"""The process's cache; ``compute_ranking`` reads it at every call."""


@contextmanager
def isolated(cache: RankingCache | None = None) -> Iterator[RankingCache]:
    """Rank with another cache (by default an empty one) for a while: a fresh computation to
    compare the cached one with, in tests and benchmarks. Not for use beside other threads."""
    global RESULTS
    previous = RESULTS
    RESULTS = cache if cache is not None else RankingCache()
    try:
        yield RESULTS
    finally:
        RESULTS = previous


__all__ = ["DEFAULT_MAX_ROWS", "RESULTS", "RankingCache", "isolated"]
