"""What a participant's result at a stage *is*, apart from how a regulation prints it.

The committee may edit the printed codes of a scheme (``P/L``, ``L``, ``TMS-1`` …), so no
decision may ever compare code strings: who goes on to the next stage, the colours of the
window, the counts, the exports and the legend all read the :class:`Status`. The printed
code is derived from it through the stage's :class:`~app.scoring.scheme.StageCodes`.
"""

from __future__ import annotations

from enum import Enum


class Status(Enum):
    """One participant's outcome at one stage; the value is the ``[stages.codes]`` TOML key.

    Precedence when several apply (DESIGN §4): withdrawn, disqualified, requirement failed,
    absent, incomplete, below a threshold, then the ranked outcomes.
    """

    WITHIN_QUOTA = "within_quota"
    OUTSIDE_QUOTA = "outside_quota"
    BELOW_THRESHOLD = "below_threshold"
    ABSENT = "absent"
    INCOMPLETE = "incomplete"
    WITHDRAWN = "withdrawn"
    DISQUALIFIED = "disqualified"
    REQUIREMENT_FAILED = "requirement_failed"
    TIED = "tied"
    """Equal on every ranking key across the last seat of the final stage: no seat until the
    committee decides (issue #10 §3); printed ``SERI``, a code no scheme can give another
    status."""

    # Members are singletons compared by identity, so identity may hash them too: ``Enum``
    # hashes the name in Python code, and 100k rows are counted by status in a dict.
    __hash__ = object.__hash__

    @property
    def ranked(self) -> bool:
        """Only participants who met every condition of the stage get a rank."""
        return self is Status.WITHIN_QUOTA or self is Status.OUTSIDE_QUOTA or self is Status.TIED

    @property
    def goes_on(self) -> bool:
        """Admitted to the next stage (or, at the final stage, given a seat)."""
        return self is Status.WITHIN_QUOTA

    @property
    def printed(self) -> bool:
        """Every status prints a code except an incomplete row, which waits for scores."""
        return self is not Status.INCOMPLETE


# The statuses a code may print, in the order a legend explains them.
PRINTED_STATUSES: tuple[Status, ...] = (
    Status.WITHIN_QUOTA,
    Status.OUTSIDE_QUOTA,
    Status.BELOW_THRESHOLD,
    Status.ABSENT,
    Status.REQUIREMENT_FAILED,
    Status.WITHDRAWN,
    Status.DISQUALIFIED,
)

# Statuses that may share one printed code: each means "did not pass", and the published
# announcements print one code for several of them (the codes are not in the regulations but
# in the announcements of the national selection committee, Panselnas: ``TMS-1`` for a failed
# requirement or an eliminating SKB test; PPPK prints ``TL`` for everyone not passed). Any
# other shared code would make two different outcomes read alike, above all a pass and a
# fail, so the scheme validator refuses it.
MAY_SHARE_CODE: frozenset[Status] = frozenset(
    {Status.OUTSIDE_QUOTA, Status.BELOW_THRESHOLD, Status.REQUIREMENT_FAILED}
)
