"""The pairwise comparison matrix of one respondent, from judgments and their reciprocals.

Saaty (1977, 1980): ``A = (a_ij)`` with ``a_ii = 1`` and ``a_ji = 1 / a_ij``. A pair nobody
judged is ``nan`` (an incomplete matrix, completed by ``priorities.harker_matrix``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .errors import AhpError
from .scale import in_scale


@dataclass(frozen=True, slots=True)
class Judgment:
    """``a`` is ``value`` times as important as ``b`` (a value below 1: ``b`` more important)."""

    a: str
    b: str
    value: float


def comparison_matrix(criteria: Sequence[str], judgments: Iterable[Judgment]) -> np.ndarray:
    """The ``n × n`` reciprocal matrix of ``judgments`` over ``criteria`` (in that order).

    Raises ``AhpError`` for a criterion not in ``criteria``, a criterion compared with
    itself, a pair judged twice (either way round) or a value outside Saaty's scale; a file
    reader reports these per row beforehand (``group.response_problems``).
    """
    index = {name: i for i, name in enumerate(criteria)}
    if len(index) != len(criteria):
        raise AhpError("fgd.duplicate_criterion")
    n = len(criteria)
    matrix = np.full((n, n), np.nan)
    np.fill_diagonal(matrix, 1.0)
    for judgment in judgments:
        for name in (judgment.a, judgment.b):
            if name not in index:
                raise AhpError("fgd.unknown_criterion", value=name, choices=list(criteria))
        i, j = index[judgment.a], index[judgment.b]
        if i == j:
            raise AhpError("fgd.same_criterion", value=judgment.a)
        if not np.isnan(matrix[i, j]):
            raise AhpError("fgd.pair_twice", a=judgment.a, b=judgment.b)
        if not in_scale(judgment.value):
            raise AhpError("fgd.out_of_scale", value=judgment.value)
        matrix[i, j] = judgment.value
        matrix[j, i] = 1.0 / judgment.value
    return matrix


def given_pairs(matrix: np.ndarray) -> list[tuple[int, int]]:
    """The judged pairs ``(i, j)`` with ``i < j``, row by row."""
    n = matrix.shape[0]
    return [(i, j) for i in range(n) for j in range(i + 1, n) if not np.isnan(matrix[i, j])]


def consistent_matrix(weights: Sequence[float]) -> np.ndarray:
    """``a_ij = w_i / w_j``: the matrix a perfectly consistent respondent gives (Saaty 1977)."""
    vector = np.asarray(weights, dtype=float)
    return np.outer(vector, 1.0 / vector)
