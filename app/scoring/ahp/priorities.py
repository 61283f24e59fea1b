"""One respondent's weights: the principal eigenvector, for complete and incomplete matrices.

**Eigenvector method** (Saaty 1977, 1980). The weights are the principal right eigenvector
of the reciprocal matrix, normalised to sum 1; its eigenvalue is λmax. A positive matrix has
one real, simple, largest eigenvalue with a positive eigenvector (Perron–Frobenius), which
numpy's dense eigensolver finds exactly enough for the ≤ 15 criteria of a hierarchy level.

**Incomplete matrices: Harker's method** (Harker 1987, "Incomplete pairwise comparisons in
the analytic hierarchy process", Mathematical Modelling 9(11):837–848). A missing ``a_ij``
is replaced by 0 and each diagonal entry by ``1 + m_i``, ``m_i`` the missing entries of row
``i``; the principal eigenvector of that matrix is the weight vector. It is the vector that
satisfies the eigen-equation of the matrix completed with ``a_ij = w_i / w_j`` for every
missing pair, with the same eigenvalue: the completed matrix is what ``Priorities.matrix``
holds, and its λmax, CI and CR (with Saaty's random index of order ``n``) are the
respondent's. It needs the judged pairs to connect every criterion
(``connectivity.cut_off``); a respondent who judged a spanning tree only (n − 1 pairs) is
perfectly consistent by construction.

(ahpy completes an incomplete matrix by minimising λmax instead, Bozóki, Fülöp & Rónyai
2010; both give the same weights when the judgments are consistent, and Harker's λmax is
never below the minimum.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .connectivity import cut_off
from .consistency import (
    CR_LIMIT,
    InconsistentPair,
    consistency_index,
    consistency_ratio,
    most_inconsistent_pair,
    random_index,
)
from .errors import AhpError
from .matrix import Judgment, comparison_matrix, given_pairs


@dataclass(frozen=True, slots=True)
class Priorities:
    """The weights of one matrix (a respondent's, or the group's aggregate) and its consistency.

    ``matrix`` is the matrix the weights are the eigenvector of, completed where pairs were
    missing (``missing`` of the n(n − 1)/2 pairs); ``given`` marks the judged entries.
    ``consistent``: ``cr ≤ CR_LIMIT``. ``most_inconsistent``: the judgment to ask about again
    (``None`` when n ≤ 2 or every judgment agrees with the weights).
    """

    criteria: tuple[str, ...]
    weights: tuple[float, ...]
    lambda_max: float
    ci: float
    cr: float
    random_index: float
    matrix: tuple[tuple[float, ...], ...]
    given: tuple[tuple[bool, ...], ...]
    missing: int
    most_inconsistent: InconsistentPair | None

    @property
    def consistent(self) -> bool:
        return self.cr <= CR_LIMIT

    def weight(self, criterion: str) -> float:
        return self.weights[self.criteria.index(criterion)]

    def as_dict(self) -> dict[str, float]:
        return dict(zip(self.criteria, self.weights, strict=True))


def principal_eigenvector(matrix: np.ndarray) -> tuple[np.ndarray, float]:
    """The principal right eigenvector of a nonnegative irreducible matrix, summing to 1, and
    its eigenvalue (the Perron root)."""
    values, vectors = np.linalg.eig(matrix)
    index = int(np.argmax(values.real))
    vector = np.abs(vectors[:, index].real)
    total = vector.sum()
    if not np.isfinite(total) or total <= 0:
        raise AhpError("fgd.no_eigenvector")
    return vector / total, float(values[index].real)


def harker_matrix(matrix: np.ndarray) -> np.ndarray:
    """Harker's (1987) matrix of an incomplete reciprocal matrix (``nan`` where missing)."""
    missing = np.isnan(matrix)
    harker = np.where(missing, 0.0, matrix)
    np.fill_diagonal(harker, 1.0 + missing.sum(axis=1))
    return harker


def priorities_of_matrix(criteria: Sequence[str], matrix: np.ndarray) -> Priorities:
    """Weights and consistency of a (possibly incomplete, ``nan``-marked) reciprocal matrix
    over ``criteria``; ``AhpError`` when its judged pairs leave a criterion cut off."""
    names = tuple(criteria)
    n = len(names)
    random = random_index(n)
    pairs = given_pairs(matrix)
    isolated = cut_off(names, [(names[i], names[j]) for i, j in pairs])
    if isolated:
        raise AhpError("fgd.cut_off", criteria=list(isolated))
    given = ~np.isnan(matrix)
    missing = int((~given).sum()) // 2
    weights, lambda_max = principal_eigenvector(harker_matrix(matrix) if missing else matrix)
    completed = np.where(given, matrix, np.outer(weights, 1.0 / weights))
    if missing:
        # The completed matrix has the same Perron pair; its own eigenvalue avoids the
        # rounding of the Harker matrix's diagonal shift.
        lambda_max = float(np.max(np.linalg.eigvals(completed).real))
    return Priorities(
        criteria=names,
        weights=tuple(float(w) for w in weights),
        lambda_max=lambda_max if n > 2 else float(n),
        ci=consistency_index(lambda_max, n),
        cr=consistency_ratio(lambda_max, n),
        random_index=random,
        matrix=tuple(tuple(float(v) for v in row) for row in completed),
        given=tuple(tuple(bool(v) for v in row) for row in given),
        missing=missing,
        most_inconsistent=most_inconsistent_pair(names, matrix, weights),
    )


def priorities(criteria: Sequence[str], judgments: Iterable[Judgment]) -> Priorities:
    """One respondent's weights from their judgments over ``criteria``: what a form shows
    live while the respondent answers (``AhpError`` for a bad or unconnected set)."""
    return priorities_of_matrix(criteria, comparison_matrix(criteria, judgments))
