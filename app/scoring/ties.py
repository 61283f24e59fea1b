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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from .scheme import NOTE_TIE
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
