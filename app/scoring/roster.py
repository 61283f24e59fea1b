"""The participants of a ranking as columns: what the fast engine reads, and nothing more.

A ranking of 100k participants reads, for every one of them, the formation, the number, the
marks and the entries of the first stage's components; names, birth dates, IPK and priority
groups are read only for the rows that are shown or for the ties that need them (the age
and IPK keys decide among a few thousand finalists, not among everyone who sat the SKD).
Building a :class:`~app.scoring.ranking.Candidate` per participant first costs as much as
the ranking itself, so the engine takes this column form; a list of candidates is turned
into it by :meth:`Roster.of_candidates`, and a loader fills it straight from its source.

Participants are addressed by their position in the roster (0 … ``len - 1``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from .numbers import Score
from .ranking import Candidate, Entry

# What a roster holds for one participant and component, as ``Candidate.entries`` does: the
# entries of all assessors, a bare number for one plain entry, or ``None`` for none at all.
Entries = Sequence[Entry] | Score | None

DETAILS = ("name", "birth_date", "ipk", "priority_group", "affirmation_percent")
"""The per-participant facts read only where a rule or a shown row needs them."""

Detail = str | date | Decimal | int | None
# (detail names, positions or None for everyone) → per name, the values at those positions.
Fetch = Callable[[tuple[str, ...], Sequence[int] | None], Mapping[str, Sequence[Detail]]]


class Roster:
    """Participants as columns.

    ``numbers`` and ``formations`` hold every participant's number and formation code;
    ``entries`` maps a component code to one column of :data:`Entries` (a component absent
    from it has no entries at all); ``marks`` holds the (kind, stage code) marks of the
    participants that have any. The :data:`DETAILS` come from ``fetch`` when first asked
    for, and are kept.
    """

    __slots__ = ("_all", "_fetch", "_known", "entries", "formations", "marks", "numbers")

    def __init__(
        self,
        numbers: Sequence[str],
        formations: Sequence[str],
        entries: Mapping[str, Sequence[Entries]],
        marks: Mapping[int, Sequence[tuple[str, str]]],
        fetch: Fetch,
    ):
        self.numbers = numbers
        self.formations = formations
        self.entries = entries
        self.marks = marks
        self._fetch: Fetch | None = fetch
        self._all: dict[str, Sequence[Detail]] = {}
        self._known: dict[str, dict[int, Detail]] = {}

    @classmethod
    def of_candidates(cls, candidates: Sequence[Candidate]) -> Roster:
        """The roster of plain candidates (tests, and callers that already hold them)."""
        codes = {code for c in candidates for code in c.entries}
        entries = {code: [c.entries.get(code) for c in candidates] for code in sorted(codes)}
        marks = {i: c.marks for i, c in enumerate(candidates) if c.marks}

        def fetch(
            names: tuple[str, ...], positions: Sequence[int] | None
        ) -> dict[str, list[Detail]]:
            chosen = candidates if positions is None else [candidates[i] for i in positions]
            return {name: [getattr(c, name) for c in chosen] for name in names}

        return cls(
            [c.number for c in candidates], [c.formation for c in candidates], entries, marks, fetch
        )

    def __len__(self) -> int:
        return len(self.numbers)

    def details(self, name: str, positions: Sequence[int]) -> list[Detail]:
        """``name`` (one of :data:`DETAILS`) of the participants at ``positions``."""
        self.prefetch((name,), positions)
        every = self._all.get(name)
        if every is not None:
            return [every[i] for i in positions]
        known = self._known[name]
        return [known[i] for i in positions]

    def prefetch(self, names: tuple[str, ...], positions: Sequence[int]) -> None:
        """Read the ``names`` of ``positions`` now, in one go, where they are not known yet.

        More than a quarter of the roster is read for everyone at once: one pass over the
        source is cheaper than looking that many participants up one by one.
        """
        wanted = [name for name in names if name not in self._all]
        if not wanted:
            return
        if len(positions) * 4 > len(self.numbers):
            for name, values in self._fetch_now(tuple(wanted), None).items():
                self._all[name] = values
                self._known.pop(name, None)
            return
        known = [self._known.setdefault(name, {}) for name in wanted]
        missing = [i for i in positions if any(i not in k for k in known)]
        if missing:
            fetched = self._fetch_now(tuple(wanted), missing)
            for name, kept in zip(wanted, known, strict=True):
                kept.update(zip(missing, fetched[name], strict=True))

    def _fetch_now(
        self, names: tuple[str, ...], positions: Sequence[int] | None
    ) -> Mapping[str, Sequence[Detail]]:
        if self._fetch is None:
            raise RuntimeError("the roster's source is closed; ask for details before closing")
        return self._fetch(names, positions)

    def close(self) -> None:
        """Forget the source: details read later would come from another moment's data."""
        self._fetch = None


__all__ = ["DETAILS", "Detail", "Entries", "Fetch", "Roster"]
