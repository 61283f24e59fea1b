"""Computed results per formation, kept while their revision stamp holds.

A ranking is computed per formation, independently (quota, SKD cut and admission never look
at another formation), and triggers advance a formation's stamp on every change that can move
one of its ranks (migration 0006). So the rows of (database, selection, stage, formation)
computed at stamp ``r`` are the rows a fresh computation gives for as long as the stamp is
``r``; after one saved score only that formation is computed again.

One cache serves the whole process: the window, its worker threads and every service that
ranks (documents, finalization, announcements) share it. Memory stays bounded: the stages of
selections not used for the longest time are dropped whole once more than ``max_rows`` rows
are kept (the one in use always stays, however large). Behind it, a cache may have a
``ResultsStore`` (``results_store``): a file beside the database that keeps the same blocks
for the next process, so a command run after one changed score ranks one formation too.

A formation's rows are kept as one ``ResultBlock`` (columns; its ``ResultRow`` objects are
made once, when first read). Blocks are shared between callers, which only read them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.scoring import Stage
from app.scoring.blocks import ResultBlock

from .results_store import ResultsStore

# The SKD and final stages of a selection of 100k participants, and room for another
# selection's: a row costs ~150 bytes in its block, ~500 more once its ``ResultRow`` is made.
DEFAULT_MAX_ROWS = 250_000

# (database file, selection id, stage code): the unit that is kept and dropped whole.
StageKey = tuple[str, int, str]


# What is kept of a formation: its block, or ``None`` when nobody of it is in the stage.
Kept = ResultBlock | None


@dataclass(slots=True)
class _Stage:
    """One stage of one selection: formation code → (stamp, its block)."""

    formations: dict[str, tuple[int, Kept]] = field(default_factory=dict)
    rows: int = 0


class RankingCache:
    """Result blocks by (database, selection, stage, formation), each valid at one stamp.

    ``store`` (a callable giving the ``ResultsStore`` of a database file, or ``None``) keeps
    them for the next process too.
    """

    def __init__(
        self,
        max_rows: int = DEFAULT_MAX_ROWS,
        store: Callable[[Path], ResultsStore | None] | None = None,
    ):
        self.max_rows = max_rows
        self.store = store
        self._stages: OrderedDict[StageKey, _Stage] = OrderedDict()
        self._rows = 0
        self._lock = threading.Lock()

    def stage_blocks(
        self,
        database: Path | str,
        selection_id: int,
        stage: Stage,
        columns: tuple[str, ...],
        revisions: Mapping[str, int],
        wanted: Collection[str],
        compute: Callable[[set[str]], Iterable[ResultBlock]],
        *,
        keep: bool = True,
        persist: bool = True,
    ) -> list[ResultBlock]:
        """The blocks of the ``wanted`` formations, by formation code (published order).

        ``revisions`` are the stamps read in the same snapshot as the data ``compute`` reads.
        ``compute(stale)`` ranks the formations whose kept blocks are missing or older (in
        the process, then in the store); it runs outside the lock, so a slow computation
        never holds up a reader of another selection. ``keep=False`` keeps what was read
        from the store or computed in the store only, not in the process; ``persist=False``
        does not write what was computed into the store.
        """
        # One key per file, however its path was spelled (a command, the window, a service).
        on_file = isinstance(database, Path)
        path = Path(database).resolve() if on_file else Path()
        key = (str(path) if on_file else str(database), selection_id, stage.code)
        held: dict[str, Kept] = {}
        with self._lock:
            entry = self._stages.get(key)
            if entry is not None:
                self._stages.move_to_end(key)
                for code in wanted:
                    kept = entry.formations.get(code)
                    if kept is not None and kept[0] == revisions.get(code):
                        held[code] = kept[1]
        stale = {code for code in wanted if code not in held}
        store = self.store(path) if self.store is not None and stale and on_file else None
        if store is not None:
            stored = store.load(selection_id, stage, columns, revisions, stale, remember=keep)
            held.update(stored)
            if keep:
                self._keep(key, revisions, stored)
            stale.difference_update(stored)
        if stale:
            computed: dict[str, Kept] = dict.fromkeys(stale)
            for block in compute(stale):
                if block.formation in computed:
                    computed[block.formation] = block
            held.update(computed)
            if keep:
                self._keep(key, revisions, computed)
            if store is not None and persist:
                store.save(selection_id, stage, columns, revisions, computed, remember=keep)
        ordered = [held[code] for code in sorted(wanted)]
        return [kept for kept in ordered if kept is not None]

    def _keep(
        self, key: StageKey, revisions: Mapping[str, int], computed: Mapping[str, Kept]
    ) -> None:
        with self._lock:
            entry = self._stages.get(key)
            if entry is None:
                entry = self._stages[key] = _Stage()
            self._stages.move_to_end(key)
            for code in [c for c in entry.formations if c not in revisions]:  # deleted
                self._forget(entry, code)
            for code, block in computed.items():
                stamp = revisions.get(code)
                if stamp is None:
                    continue
                kept = entry.formations.get(code)
                if kept is not None and kept[0] > stamp:
                    continue  # another thread already kept a later state
                self._forget(entry, code)
                entry.formations[code] = (stamp, block)
                size = len(block) if block is not None else 0
                entry.rows += size
                self._rows += size
            while self._rows > self.max_rows and len(self._stages) > 1:
                _key, oldest = self._stages.popitem(last=False)
                self._rows -= oldest.rows

    def _forget(self, entry: _Stage, code: str) -> None:
        kept = entry.formations.pop(code, None)
        if kept is not None and kept[1] is not None:
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


RESULTS = RankingCache(store=ResultsStore.beside)
"""The process's cache, with a store beside each database; ``compute_ranking`` reads it at
every call."""


@contextmanager
def isolated(cache: RankingCache | None = None) -> Iterator[RankingCache]:
    """Rank with another cache (by default an empty one, without a store) for a while: a fresh
    computation to compare the cached one with, in tests and benchmarks. Not for use beside
    other threads."""
    global RESULTS
    previous = RESULTS
    RESULTS = cache if cache is not None else RankingCache()
    try:
        yield RESULTS
    finally:
        RESULTS = previous


__all__ = ["DEFAULT_MAX_ROWS", "RESULTS", "RankingCache", "isolated"]
