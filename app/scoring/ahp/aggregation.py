"""The group's judgments: each respondent's weight, and the weighted geometric mean (AIJ).

**Aggregation of individual judgments** (Forman & Peniwati 1998, "Aggregating individual
judgments and priorities with the analytic hierarchy process", EJOR 108(1):165–169). When
the respondents act together as one decision maker (an FGD drafting one policy), their
judgments are aggregated entry by entry with the weighted geometric mean,
``a_ij = Π_k a_ij,k ^ r_k`` with ``Σ r_k = 1``: the only mean that keeps the aggregate
reciprocal (Aczél & Saaty 1983), and the group's weights are the eigenvector of that
matrix.

**A respondent's weight.** Each stakeholder group (Pemda, akademisi/ahli, DPRD,
masyarakat, …) has a weight; a respondent weighs the group's weight divided by the number
of the group's respondents, so a group that sends more people does not weigh more. The group
weights are normalised over the groups that take part (35/25/20/20 and 0.35/0.25/0.2/0.2
mean the same); a group none of whose respondents take part drops out and the others keep
their proportions.

**Missing judgments.** A pair judged by only some respondents is aggregated over those,
with their weights normalised to sum 1 for that pair; a pair nobody judged stays missing and
is completed as for one respondent (``priorities``, Harker 1987).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .errors import AhpError


@dataclass(frozen=True, slots=True)
class Respondent:
    """One FGD participant: ``name``, stakeholder ``group`` and that group's ``group_weight``
    (any positive scale; normalised over the groups present)."""

    name: str
    group: str
    group_weight: float


def respondent_weights(respondents: Sequence[Respondent]) -> dict[str, float]:
    """Each respondent's share in the group result: group weight ÷ respondents of the group,
    normalised so the shares sum to 1 (Forman & Peniwati 1998, weighted AIJ)."""
    if not respondents:
        return {}
    groups: dict[str, float] = {}
    members: dict[str, int] = {}
    for respondent in respondents:
        if not respondent.group_weight > 0:
            raise AhpError("fgd.group_weight_positive", group=respondent.group)
        known = groups.setdefault(respondent.group, respondent.group_weight)
        if abs(known - respondent.group_weight) > 1e-12 * max(1.0, known):
            raise AhpError(
                "fgd.group_weight_differs",
                group=respondent.group,
                first=known,
                value=respondent.group_weight,
            )
        members[respondent.group] = members.get(respondent.group, 0) + 1
    total = sum(groups.values())
    return {r.name: groups[r.group] / members[r.group] / total for r in respondents}


def aggregate_judgments(
    matrices: Mapping[str, np.ndarray], weights: Mapping[str, float]
) -> np.ndarray:
    """The weighted geometric mean of reciprocal matrices of the same criteria, entry by
    entry over the respondents who judged the pair (``nan``: missing for them)."""
    if not matrices:
        raise AhpError("fgd.no_respondents")
    names = list(matrices)
    stack = np.stack([matrices[name] for name in names])
    shares = np.array([weights[name] for name in names], dtype=float)
    present = ~np.isnan(stack)
    logs = np.where(present, np.log(np.where(present, stack, 1.0)), 0.0)
    mass = np.tensordot(shares, present.astype(float), axes=1)
    weighted = np.tensordot(shares, logs, axes=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        aggregate = np.exp(weighted / mass)
    aggregate[mass <= 0] = np.nan
    np.fill_diagonal(aggregate, 1.0)
    return aggregate
