"""What a write changed: the value every write returns, and that views subscribe to.

The idea is Anki's ``OpChanges``: the service that made a change says what kinds of data it
touched (and which formations), so each view decides for itself whether to refresh, instead
of widgets calling each other. The same value describes a change another process made to the
file, with ``external`` set and every kind marked, since nobody can say what it touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# Kinds of data a change may touch.
SCORES = "scores"
PARTICIPANTS = "participants"
FORMATIONS = "formations"
SCHEME = "scheme"
SELECTION = "selection"
MARKS = "marks"
FINALIZATION = "finalization"
ANNOUNCEMENTS = "announcements"
DOCUMENT_SETTINGS = "document_settings"
USERS = "users"
BACKUPS = "backups"
PRINTED = "printed"
DEVICES = "devices"
RECOMMENDATIONS = "recommendations"
POLICY = "policy"
"""Policy drafts and their FGD judgments (issue #14): no rank moves."""
PERFORMANCE = "performance"
"""Later performance imported for the evaluation (issue #13): moves validity, not a rank."""
# Everything a view may depend on; a restored backup or another process touches all of it.
ALL = frozenset(
    {
        SCORES,
        PARTICIPANTS,
        FORMATIONS,
        SCHEME,
        SELECTION,
        MARKS,
        FINALIZATION,
        ANNOUNCEMENTS,
        DOCUMENT_SETTINGS,
        USERS,
        BACKUPS,
        PRINTED,
        DEVICES,
        RECOMMENDATIONS,
        POLICY,
        PERFORMANCE,
    }
)
# Kinds of change that can move a rank.
RANKING_INPUTS = frozenset({SCORES, PARTICIPANTS, FORMATIONS, SCHEME, SELECTION, MARKS})


@dataclass(frozen=True, slots=True)
class Changes:
    """``kinds`` touched in ``selection_id``; ``formations`` names the formations whose
    results may have moved (empty: not known, treat as all of them). ``actor`` is who made
    the change, ``external`` that it came from another process or laptop."""

    kinds: frozenset[str] = frozenset()
    selection_id: int | None = None
    formations: frozenset[str] = frozenset()
    actor: str = ""
    external: bool = False

    def touches(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def moves_ranking(self) -> bool:
        return self.touches(*RANKING_INPUTS)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    @classmethod
    def from_elsewhere(cls) -> Changes:
        """A change written by another process: anything may have changed."""
        return cls(kinds=ALL, external=True)

    def merged(self, other: Changes) -> Changes:
        """Two changes seen together (a view coalescing several before it refreshes)."""
        formations = (
            frozenset()
            if not self.formations or not other.formations
            else self.formations | other.formations
        )
        same = self.selection_id == other.selection_id
        return Changes(
            kinds=self.kinds | other.kinds,
            selection_id=self.selection_id if same else None,
            formations=formations,
            actor=self.actor if self.actor == other.actor else "",
            external=self.external or other.external,
        )


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What a write hands back when its result is not an outcome of its own: the value for
    the caller, and what changed for the views."""

    value: T
    changes: Changes


NO_CHANGES = Changes()
"""What a read, or a write that found nothing to do, changed (shared: it is frozen)."""
