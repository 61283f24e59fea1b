"""A complete tie across the last seat, and the committee's decision on it (issue #10 §3).

PermenPANRB 6/2024 orders equal final scores by its tie-break chain (Pasal 45(4), 47(3)); when
participants are equal on every key of the chain across the last vacancy, the rules give no
order, and handing each of them a seat would announce more winners than there are seats. The
committee decides who takes the remaining seat(s). Until then the group's status is
``Status.TIED`` (printed ``SERI``, no seat); a decision that still matches the group turns its
chosen members into winners and the others into those outside the quota, each row carrying
the decision's reference for its ``catatan``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import eq, itemgetter
from typing import Protocol

from .scheme import KEY_AGE, KEY_FINAL, KEY_IPK, KEY_PRIORITY, NOTE_TIE
from .status import Status


@dataclass(frozen=True, slots=True)
class TieDecision:
    """``tied``: the group decided on; ``winners``: those given the remaining seats;
    ``reference``: the minutes of the meeting (berita acara number and date)."""

    tied: frozenset[str]
    winners: frozenset[str]
    reference: str


class _TiedRow(Protocol):
    number: str
    status: Status
    tie: bool
    decision: str


def settle_tie(group: Iterable[_TiedRow], seats: int, decision: TieDecision | None) -> None:
    """Give the boundary group its statuses: decided, or ``TIED`` while it is not.

    ``group`` are the rows tied across the last seat (``tie`` already set), ``seats`` the seats
    left for them. A decision applies only to exactly the group it was made for and only with
    as many winners as seats: never more winners than the formation's vacancies.
    """
    rows = list(group)
    applied = applying(frozenset(row.number for row in rows), seats, decision)
    for row in rows:
        row.status = tie_status(row.number, applied)
        row.decision = "" if applied is None else applied.reference


def applying(
    numbers: frozenset[str], seats: int, decision: TieDecision | None
) -> TieDecision | None:
    """``decision`` when it decides exactly this group, with as many winners as seats."""
    if (
        decision is not None
        and decision.tied == numbers
        and len(decision.winners) == seats
        and decision.winners <= numbers
    ):
        return decision
    return None


def tie_status(number: str, applied: TieDecision | None) -> Status:
    """A tied participant's status: TIED while undecided, else the decision's answer."""
    if applied is None:
        return Status.TIED
    return Status.WITHIN_QUOTA if number in applied.winners else Status.OUTSIDE_QUOTA


def decision_for(decisions: Mapping[str, TieDecision] | None, formation: str) -> TieDecision | None:
    return None if decisions is None else decisions.get(formation)


def decided_note(reference: str) -> str:
    """The ``catatan`` of a tie the committee decided: ``SERI — keputusan panitia <ref>``, on
    screen, in the exports and on the announcement."""
    return f"{NOTE_TIE} — keputusan panitia {reference}"


# What a participant reads in ``catatan`` for each tie-break key that is not a score code.
_KEY_WORDS = {KEY_IPK: "IPK", KEY_AGE: "usia", KEY_PRIORITY: "kelompok prioritas"}


def tiebreak_start(ranking: Sequence[str]) -> int:
    """The index of the first key after the final value: the keys from here on only order
    participants whose scores are equal (PermenPANRB 6/2024 Pasal 45(4), 47(3)). Without a
    ``NILAI_AKHIR`` key the first key is the score and the rest break its ties."""
    return ranking.index(KEY_FINAL) + 1 if KEY_FINAL in ranking else 1


def separating_keys(
    ranking: Sequence[str],
    keys: Sequence[Sequence[object]],
    owners: Sequence[int] | None = None,
) -> dict[int, str]:
    """Which tie-break keys ordered equal scores, for the ``catatan`` (issue #10 §3).

    ``keys`` are one formation's ranking keys in ranked order; part ``p`` of a key belongs to
    ``ranking[owners[p]]`` (default: one part per key). Two neighbours equal on the final
    value and every key before it, but not on all keys, were put in order by the first key on
    which they differ; both are told its name, so one who lost a seat on an equal score can
    see why. Returns the position in ``keys`` to the key names (in ``ranking`` order, joined
    by " dan ": a row has at most two boundaries, above and below); positions separated by
    nothing are absent. The note holds no comma, so the CSV contract's cells stay unquoted.
    """
    start_key = tiebreak_start(ranking)
    owner = list(owners) if owners is not None else list(range(len(ranking)))
    start = next((p for p, k in enumerate(owner) if k >= start_key), len(owner))
    parts = range(start, len(owner))
    count = len(keys)
    heads = list(map(itemgetter(0), keys)) if start == 1 else [tuple(k[:start]) for k in keys]
    # Each boundary between neighbours of the same score but not the same rank, and the key
    # that decided it; a 100k-row stage has tens of thousands, so they are found in one pass.
    same_score = list(compress(range(count), map(eq, heads, heads[1:])))
    deciding: dict[int, int] = {}  # position → a bit per deciding key
    for above in same_score:
        upper, lower = keys[above], keys[above + 1]
        if upper == lower:
            continue  # one rank: a complete tie, nothing separated them
        bit = 1 << owner[next(p for p in parts if upper[p] != lower[p])]
        # Everyone in the run of equal keys above and below is told (01 and 05, equal on all
        # keys, both lose to an older 04: both read "usia").
        top = above
        while top > 0 and keys[top - 1] == upper:
            top -= 1
        bottom = above + 1
        while bottom + 1 < count and keys[bottom + 1] == lower:
            bottom += 1
        for position in range(top, bottom + 1):
            deciding[position] = deciding.get(position, 0) | bit
    words: dict[int, str] = {}  # the note of each set of keys, made once
    for bits in set(deciding.values()):
        words[bits] = " dan ".join(
            _KEY_WORDS.get(ranking[k], ranking[k]) for k in range(len(ranking)) if bits >> k & 1
        )
    return {position: words[bits] for position, bits in deciding.items()}


def separated_note(keys: str) -> str:
    """The ``catatan`` of a participant whose equal score was ordered by a tie-break key."""
    return f"nilai sama — menurut {keys}"
