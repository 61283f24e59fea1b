"""The AHP rules against the ``ahpy`` package (issue #14 §4) on random matrices.

What is comparable, and how:

- **Weights** of complete matrices: both take the principal eigenvector (ahpy by squaring
  the matrix until the rounded vector stops changing; asked here for 10 decimals).
- **Consistency**: ahpy's CR divides by another random index (``random_index="saaty"`` is
  Saaty 2005's table, 0.52, 0.89, …; its default is Donegan & Dodd 1991), ours by Saaty
  1980's classic 0.58, 0.90, …. The consistency *index* CI = (λmax − n)/(n − 1) does not
  depend on the table, so ahpy's CR × its RI is compared with our CI, and our CR is checked
  to be our CI ÷ Saaty 1980's RI.
- **Incomplete matrices**: ahpy completes by minimising λmax (Bozóki, Fülöp & Rónyai 2010),
  we by Harker's (1987) eigenvector method. On consistent judgments both recover the same
  weights; on inconsistent ones they differ, and Harker's completion is one of the
  completions ahpy minimises over, so our λmax is never below ahpy's.
"""

from __future__ import annotations

import warnings

import ahpy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.scoring.ahp import (
    RANDOM_INDEX,
    Judgment,
    consistent_matrix,
    priorities,
    priorities_of_matrix,
)

SAATY_2005 = {3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.40, 9: 1.45, 10: 1.49}
"""ahpy's ``random_index="saaty"`` table (its source: Saaty 2005, p. 31)."""

SCALE = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9]
PRECISION = 10


def _names(n: int) -> list[str]:
    return [f"k{i}" for i in range(n)]


def _ahpy(matrix: np.ndarray) -> ahpy.Compare:
    names = _names(len(matrix))
    comparisons = {
        (names[i], names[j]): float(matrix[i, j])
        for i in range(len(names))
        for j in range(i + 1, len(names))
        if not np.isnan(matrix[i, j])
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ahpy.Compare("c", comparisons, precision=PRECISION, random_index="saaty")


@st.composite
def matrices(draw: st.DrawFn, low: int = 3, high: int = 9) -> np.ndarray:
    n = draw(st.integers(low, high))
    matrix = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            value = draw(st.sampled_from(SCALE))
            matrix[i, j], matrix[j, i] = value, 1 / value
    return matrix


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices())
def test_complete_matrices_give_ahpys_weights_and_consistency_index(matrix):
    n = len(matrix)
    ours = priorities_of_matrix(_names(n), matrix)
    theirs = _ahpy(matrix)
    assert [ours.weight(k) for k in _names(n)] == pytest.approx(
        [theirs.local_weights[k] for k in _names(n)], abs=1e-8
    )
    assert ours.ci == pytest.approx(theirs.consistency_ratio * SAATY_2005[n], abs=1e-8)
    assert ours.cr == pytest.approx(ours.ci / RANDOM_INDEX[n - 1])


@st.composite
def consistent_incomplete(draw: st.DrawFn) -> tuple[np.ndarray, list[float]]:
    n = draw(st.integers(3, 7))
    vector = draw(st.lists(st.sampled_from([1.0, 2.0, 3.0]), min_size=n, max_size=n))
    matrix = consistent_matrix(vector)
    # Drop some pairs, keeping a path k0–k1–…–k(n−1) so every criterion stays connected.
    for i in range(n):
        for j in range(i + 2, n):
            if draw(st.booleans()):
                matrix[i, j] = matrix[j, i] = np.nan
    return matrix, vector


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_incomplete())
def test_consistent_incomplete_matrices_give_the_same_weights(case):
    matrix, vector = case
    n = len(matrix)
    ours = priorities_of_matrix(_names(n), matrix)
    theirs = _ahpy(matrix)
    expected = np.array(vector) / sum(vector)
    assert [ours.weight(k) for k in _names(n)] == pytest.approx(expected, abs=1e-9)
    assert [theirs.local_weights[k] for k in _names(n)] == pytest.approx(expected, abs=1e-4)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices(low=4, high=6), st.data())
def test_harkers_lambda_is_never_below_ahpys_optimal_completion(matrix, data):
    n = len(matrix)
    holed = matrix.copy()
    for i in range(n):
        for j in range(i + 2, n):
            if data.draw(st.booleans()):
                holed[i, j] = holed[j, i] = np.nan
    ours = priorities_of_matrix(_names(n), holed)
    theirs = _ahpy(holed)
    their_lambda = theirs.consistency_ratio * SAATY_2005[n] * (n - 1) + n
    assert ours.lambda_max >= their_lambda - 1e-6


def test_the_hand_computed_example_through_ahpy_too():
    # The 3 × 3 example of tests/unit/test_ahp_rules.py: .637, .258, .105 both ways.
    names = _names(3)
    judgments = [
        Judgment(names[0], names[1], 3),
        Judgment(names[0], names[2], 5),
        Judgment(names[1], names[2], 3),
    ]
    ours = priorities(names, judgments)
    theirs = ahpy.Compare(
        "c", {(j.a, j.b): j.value for j in judgments}, precision=PRECISION, random_index="saaty"
    )
    assert [ours.weight(k) for k in names] == pytest.approx(
        [theirs.local_weights[k] for k in names], abs=1e-8
    )
