"""Hypothesis properties of the AHP rules (issue #14 §1): every rule, on random judgments."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scoring.ahp import (
    Judgment,
    Respondent,
    aggregate_judgments,
    ahp_consensus,
    comparison_matrix,
    consistent_matrix,
    cut_off,
    global_weights,
    largest_remainder,
    priorities,
    priorities_of_matrix,
    respondent_weights,
)

SAATY = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9]


def _names(n: int) -> list[str]:
    return [f"K{i}" for i in range(n)]


@st.composite
def reciprocal_matrices(draw: st.DrawFn, low: int = 3, high: int = 9) -> np.ndarray:
    n = draw(st.integers(low, high))
    matrix = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            value = draw(st.sampled_from(SAATY))
            matrix[i, j], matrix[j, i] = value, 1 / value
    return matrix


vectors = st.lists(st.floats(1.0, 9.0), min_size=2, max_size=10)


@settings(max_examples=150, deadline=None)
@given(vectors)
def test_a_consistent_matrix_has_cr_zero_and_gives_back_its_vector(vector):
    found = priorities_of_matrix(_names(len(vector)), consistent_matrix(vector))
    assert found.cr < 1e-9
    assert np.allclose(found.weights, np.array(vector) / sum(vector), atol=1e-10)
    assert found.most_inconsistent is None


@settings(max_examples=150, deadline=None)
@given(reciprocal_matrices())
def test_weights_are_positive_sum_to_one_and_lambda_is_at_least_n(matrix):
    found = priorities_of_matrix(_names(len(matrix)), matrix)
    assert all(w > 0 for w in found.weights)
    assert math.isclose(sum(found.weights), 1.0, abs_tol=1e-12)
    assert found.lambda_max >= len(matrix) - 1e-9
    assert found.cr >= 0
    assert np.allclose(matrix @ np.array(found.weights), found.lambda_max * np.array(found.weights))


@settings(max_examples=100, deadline=None)
@given(reciprocal_matrices(), st.randoms(use_true_random=False))
def test_permuting_the_criteria_permutes_the_weights(matrix, rng):
    n = len(matrix)
    order = list(range(n))
    rng.shuffle(order)
    names = _names(n)
    first = priorities_of_matrix(names, matrix)
    permuted = priorities_of_matrix([names[i] for i in order], matrix[np.ix_(order, order)])
    assert np.allclose([permuted.weight(name) for name in names], first.weights, atol=1e-10)
    assert math.isclose(permuted.cr, first.cr, abs_tol=1e-10)


@settings(max_examples=100, deadline=None)
@given(reciprocal_matrices(low=3, high=3))
def test_three_criteria_eigenvector_is_the_row_geometric_mean(matrix):
    # Crawford & Williams (1985): for n = 3 both methods agree for every reciprocal matrix.
    rows = np.prod(matrix, axis=1) ** (1 / 3)
    found = priorities_of_matrix(_names(3), matrix)
    assert np.allclose(found.weights, rows / rows.sum(), atol=1e-12)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.floats(1.0, 9.0), min_size=4, max_size=9),
    st.sampled_from([1 / 20, 1 / 10, 10, 20]),
)
def test_one_changed_judgment_in_a_consistent_matrix_is_the_one_named(vector, factor):
    # Judgments consistent with ``vector``, then the first over the second told ``factor``
    # times too strongly: that pair is the one to ask again (Saaty 2003).
    matrix = consistent_matrix(vector)
    matrix[0, 1] *= factor
    matrix[1, 0] = 1 / matrix[0, 1]
    found = priorities_of_matrix(_names(len(vector)), matrix)
    pair = found.most_inconsistent
    assert pair is not None and (pair.a, pair.b) == ("K0", "K1")
    assert math.isclose(pair.given, matrix[0, 1])


@st.composite
def spanning_trees(draw: st.DrawFn) -> tuple[list[str], list[Judgment], list[float]]:
    n = draw(st.integers(2, 9))
    vector = draw(st.lists(st.floats(1.0, 3.0), min_size=n, max_size=n))
    names = _names(n)
    judgments = []
    for i in range(1, n):
        parent = draw(st.integers(0, i - 1))
        judgments.append(Judgment(names[i], names[parent], vector[i] / vector[parent]))
    return names, judgments, vector


@settings(max_examples=150, deadline=None)
@given(spanning_trees())
def test_harker_on_a_spanning_tree_is_consistent_and_exact(tree):
    names, judgments, vector = tree
    found = priorities(names, judgments)
    assert found.cr < 1e-9
    assert np.allclose(found.weights, np.array(vector) / sum(vector), atol=1e-10)
    assert found.missing == len(names) * (len(names) - 1) // 2 - (len(names) - 1)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(2, 8),
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=20),
)
def test_cut_off_names_exactly_the_criteria_outside_the_largest_part(n, edges):
    names = _names(n)
    pairs = [(names[a], names[b]) for a, b in edges if a < n and b < n and a != b]
    isolated = set(cut_off(names, pairs))
    kept = [name for name in names if name not in isolated]
    # No judged pair joins the kept part with a cut-off criterion, and the kept part is
    # connected: every kept criterion reaches the first kept one.
    assert not any((a in isolated) != (b in isolated) for a, b in pairs)
    reach = {kept[0]}
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            if (a in reach) != (b in reach):
                reach |= {a, b}
                changed = True
    assert reach == set(kept)
    assert len(kept) >= len(isolated) or len(kept) >= 1


@settings(max_examples=100, deadline=None)
@given(reciprocal_matrices(low=2, high=6), st.integers(2, 6))
def test_identical_respondents_aggregate_to_their_own_weights(matrix, k):
    names = _names(len(matrix))
    matrices = {f"R{i}": matrix for i in range(k)}
    shares = {f"R{i}": 1 / k for i in range(k)}
    aggregate = aggregate_judgments(matrices, shares)
    assert np.allclose(aggregate, matrix)
    assert np.allclose(
        priorities_of_matrix(names, aggregate).weights, priorities_of_matrix(names, matrix).weights
    )
    consensus = ahp_consensus([priorities_of_matrix(names, matrix).weights] * k)
    assert consensus is not None and math.isclose(consensus, 1.0, abs_tol=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.lists(reciprocal_matrices(low=4, high=4), min_size=2, max_size=6), st.data())
def test_the_aggregate_is_reciprocal_and_between_the_judgments(matrices, data):
    shares = data.draw(st.lists(st.floats(0.05, 1), min_size=len(matrices), max_size=len(matrices)))
    total = sum(shares)
    named = {f"R{i}": m for i, m in enumerate(matrices)}
    aggregate = aggregate_judgments(named, {f"R{i}": s / total for i, s in enumerate(shares)})
    assert np.allclose(aggregate * aggregate.T, 1)
    stack = np.stack(matrices)
    assert np.all(aggregate >= stack.min(axis=0) - 1e-12)
    assert np.all(aggregate <= stack.max(axis=0) + 1e-12)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["Pemda", "Ahli", "DPRD", "Warga"]), st.integers(1, 5)),
        min_size=1,
        max_size=12,
    )
)
def test_respondent_weights_sum_to_one_and_keep_group_proportions(members):
    weights = {"Pemda": 35, "Ahli": 25, "DPRD": 20, "Warga": 20}
    respondents = [
        Respondent(f"R{i}", group, weights[group]) for i, (group, _) in enumerate(members)
    ]
    shares = respondent_weights(respondents)
    assert math.isclose(sum(shares.values()), 1.0, abs_tol=1e-12)
    present = {r.group for r in respondents}
    total = sum(weights[g] for g in present)
    for group in present:
        got = sum(shares[r.name] for r in respondents if r.group == group)
        assert math.isclose(got, weights[group] / total, abs_tol=1e-12)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.floats(0, 1e6), st.fractions(0, 1000)), min_size=1, max_size=15).filter(
        lambda ws: sum(ws) > 0
    ),
    st.integers(0, 1000),
)
def test_apportionment_sums_to_the_total_and_each_share_is_floor_or_ceil(weights, total):
    shares = largest_remainder(weights, total)
    assert sum(shares) == total
    exact = [Fraction(w) if not isinstance(w, float) else Fraction(repr(w)) for w in weights]
    whole = sum(exact)
    for share, weight in zip(shares, exact, strict=True):
        quota = weight * total / whole
        assert math.floor(quota) <= share <= math.ceil(quota)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.01, 1), min_size=1, max_size=5), st.data())
def test_global_weights_sum_to_one(top, data):
    top_weights = {f"C{i}": w / sum(top) for i, w in enumerate(top)}
    local = {}
    for name in top_weights:
        if data.draw(st.booleans()):
            aspects = data.draw(st.lists(st.floats(0.01, 1), min_size=2, max_size=5))
            local[name] = {f"{name}.A{j}": a / sum(aspects) for j, a in enumerate(aspects)}
    found = global_weights(top_weights, local)
    assert math.isclose(sum(found.values()), 1.0, abs_tol=1e-9)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.floats(0.01, 1), min_size=3, max_size=3), min_size=2, max_size=8))
def test_consensus_lies_between_zero_and_one(raw):
    vectors = [[v / sum(row) for v in row] for row in raw]
    value = ahp_consensus(vectors)
    assert value is not None and 0 <= value <= 1


def test_comparison_matrix_is_reciprocal():
    names = _names(3)
    matrix = comparison_matrix(names, [Judgment("K0", "K1", 3), Judgment("K2", "K1", 1 / 5)])
    assert matrix[1, 0] == 1 / 3 and matrix[1, 2] == 5 and np.isnan(matrix[0, 2])


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 9), st.integers(2, 12))
def test_a_reciprocal_written_to_two_or_more_places_is_read_as_itself(k, places):
    from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

    from app.scoring.ahp import judgment_of_decimal

    exact = Decimal(1) / Decimal(k)
    step = Decimal(1).scaleb(-places)
    for rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN):
        assert judgment_of_decimal(exact.quantize(step, rounding=rounding)) == Fraction(1, k)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(reciprocal_matrices(low=3, high=3), min_size=2, max_size=5),
    st.randoms(use_true_random=False),
)
def test_the_group_result_does_not_depend_on_the_order_of_the_respondents(matrices, rng):
    from app.scoring.ahp import Response, analyse_fgd

    names = _names(3)
    responses = [
        Response(
            Respondent(f"R{r}", f"G{r % 2}", 1 + r % 2),
            tuple(
                Judgment(names[i], names[j], float(m[i, j]))
                for i in range(3)
                for j in range(i + 1, 3)
            ),
        )
        for r, m in enumerate(matrices)
    ]
    shuffled = list(responses)
    rng.shuffle(shuffled)
    first, second = analyse_fgd(responses).top, analyse_fgd(shuffled).top
    assert first is not None and second is not None
    assert np.allclose(first.group.weights, second.group.weights, atol=1e-12)
    assert first.percent == second.percent
    assert first.consensus == second.consensus or math.isclose(
        first.consensus or 0, second.consensus or 0, abs_tol=1e-12
    )
