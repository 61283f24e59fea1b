"""AHP rules (issue #14 §1) on published worked examples and hand-computed cases."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from app.scoring.ahp import (
    CR_LIMIT,
    RANDOM_INDEX,
    TOP,
    AhpError,
    Judgment,
    Respondent,
    aggregate_judgments,
    ahp_consensus,
    comparison_matrix,
    consensus_band,
    consistent_matrix,
    cut_off,
    global_weights,
    harker_matrix,
    in_scale,
    judgment_of_decimal,
    largest_remainder,
    level_of,
    normalize_criterion,
    priorities,
    priorities_of_matrix,
    random_index,
    respondent_weights,
    split_criterion,
    weight_spread,
)

# Saaty (1977), "A scaling method for priorities in hierarchical structures", J. Math.
# Psychology 15:234–281: the relative wealth of seven nations (US, USSR, China, France, UK,
# Japan, West Germany). Published eigenvector .427 .230 .021 .052 .052 .123 .094, λmax 7.61.
NATIONS = ["US", "USSR", "CHINA", "FRANCE", "UK", "JAPAN", "WGERMANY"]
WEALTH = [
    ["1", "4", "9", "6", "6", "5", "5"],
    ["1/4", "1", "7", "5", "5", "3", "4"],
    ["1/9", "1/7", "1", "1/5", "1/5", "1/7", "1/5"],
    ["1/6", "1/5", "5", "1", "1", "1/3", "1/3"],
    ["1/6", "1/5", "5", "1", "1", "1/3", "1/3"],
    ["1/5", "1/3", "7", "3", "3", "1", "2"],
    ["1/5", "1/4", "5", "3", "3", "1/2", "1"],
]
WEALTH_WEIGHTS = (0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094)


def _judgments(names: list[str], table: list[list[str]]) -> list[Judgment]:
    return [
        Judgment(a, names[j], float(Fraction(table[i][j])))
        for i, a in enumerate(names)
        for j in range(i + 1, len(names))
    ]


def test_saaty_1977_wealth_of_nations():
    found = priorities(NATIONS, _judgments(NATIONS, WEALTH))
    assert found.weights == pytest.approx(WEALTH_WEIGHTS, abs=0.0006)
    assert round(found.lambda_max, 2) == 7.61
    # CI = (7.6077 - 7) / 6; CR = CI / RI(7) = CI / 1.32 (Saaty 1980)
    assert found.ci == pytest.approx((found.lambda_max - 7) / 6)
    assert found.cr == pytest.approx(found.ci / 1.32)
    assert round(found.cr, 3) == 0.077
    assert found.consistent
    assert found.missing == 0


def test_three_criteria_by_hand():
    # For n = 3 the eigenvector is the normalised geometric mean of the rows and
    # λmax = 1 + x + 1/x with x = (a13 / (a12 a23))^(1/3) (Crawford & Williams 1985).
    found = priorities(
        ["A", "B", "C"], [Judgment("A", "B", 3), Judgment("A", "C", 5), Judgment("B", "C", 3)]
    )
    rows = [15 ** (1 / 3), 1.0, (1 / 15) ** (1 / 3)]
    assert found.weights == pytest.approx([r / sum(rows) for r in rows], abs=1e-12)
    assert found.weights == pytest.approx((0.637, 0.258, 0.105), abs=0.0005)
    x = (5 / 9) ** (1 / 3)
    assert found.lambda_max == pytest.approx(1 + x + 1 / x, abs=1e-12)
    assert found.cr == pytest.approx((1 + x + 1 / x - 3) / 2 / 0.58, abs=1e-12)
    assert round(found.cr, 3) == 0.033
    # With three criteria every judgment deviates alike: the first pair is named.
    pair = found.most_inconsistent
    assert pair is not None and (pair.a, pair.b) == ("A", "B")
    assert pair.deviation == pytest.approx(1 / x)
    assert pair.equally == (("A", "C"), ("B", "C"))


def test_random_index_is_saatys_classic_table():
    assert RANDOM_INDEX[:10] == (0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)
    assert RANDOM_INDEX[10:] == (1.51, 1.48, 1.56, 1.57, 1.59)
    assert random_index(3) == 0.58
    with pytest.raises(AhpError) as refused:
        random_index(16)
    assert refused.value.message == "fgd.too_many_criteria"


def test_two_criteria_are_always_consistent():
    found = priorities(["A", "B"], [Judgment("A", "B", 9)])
    assert found.weights == pytest.approx((0.9, 0.1))
    assert found.cr == 0 and found.lambda_max == 2 and found.most_inconsistent is None


def test_most_inconsistent_pair_is_the_changed_judgment():
    # Consistent with w = (4, 2, 1, 1), then A over C turned round: 1/4 instead of 4.
    names = ["A", "B", "C", "D"]
    matrix = consistent_matrix([4, 2, 1, 1])
    matrix[0, 2], matrix[2, 0] = 1 / 4, 4
    found = priorities_of_matrix(names, matrix)
    assert found.cr > CR_LIMIT
    pair = found.most_inconsistent
    assert pair is not None and (pair.a, pair.b) == ("A", "C")
    assert pair.equally == ()
    assert pair.given == 0.25
    assert 0.25 < pair.implied < 4  # the other judgments pull it back towards 4
    assert pair.implied == pytest.approx(found.weight("A") / found.weight("C"))


def test_harker_completes_a_spanning_tree_consistently():
    # A over B 2, B over C 3: the completed A over C is 6, weights 6:3:1, CR 0.
    found = priorities(["A", "B", "C"], [Judgment("A", "B", 2), Judgment("B", "C", 3)])
    assert found.weights == pytest.approx((0.6, 0.3, 0.1), abs=1e-12)
    assert found.matrix[0][2] == pytest.approx(6)
    assert found.given[0][2] is False and found.missing == 1
    assert found.cr == pytest.approx(0, abs=1e-12)
    assert found.most_inconsistent is None


def test_harker_matrix_by_hand():
    matrix = np.array([[1, 2, np.nan], [0.5, 1, 3], [np.nan, 1 / 3, 1]])
    expected = np.array([[2, 2, 0], [0.5, 1, 3], [0, 1 / 3, 2]])
    assert np.allclose(harker_matrix(matrix), expected)


def test_harker_weights_solve_the_completed_matrix():
    # An inconsistent incomplete matrix: Harker's vector is the eigenvector of the matrix
    # completed with w_i / w_j, at the same eigenvalue.
    names = ["A", "B", "C", "D"]
    judgments = [
        Judgment("A", "B", 3),
        Judgment("B", "C", 4),
        Judgment("A", "C", 1 / 2),
        Judgment("C", "D", 2),
    ]
    found = priorities(names, judgments)
    completed = np.array(found.matrix)
    w = np.array(found.weights)
    assert np.allclose(completed @ w, found.lambda_max * w)
    assert found.missing == 2 and found.cr > CR_LIMIT


def test_a_criterion_cut_off_is_named():
    with pytest.raises(AhpError) as refused:
        priorities(["A", "B", "C", "D"], [Judgment("A", "B", 3), Judgment("C", "D", 2)])
    assert refused.value.message == "fgd.cut_off"
    assert refused.value.params["criteria"] == ["C", "D"]
    assert cut_off(["A", "B", "C"], [("A", "B")]) == ("C",)
    assert cut_off(["A", "B", "C"], [("C", "B")]) == ("A",)
    assert cut_off(["A", "B", "C"], [("A", "B"), ("B", "C")]) == ()


def test_the_matrix_refuses_what_the_reader_names():
    with pytest.raises(AhpError, match=r"fgd\.pair_twice"):
        comparison_matrix(["A", "B"], [Judgment("A", "B", 3), Judgment("B", "A", 1 / 3)])
    with pytest.raises(AhpError, match=r"fgd\.out_of_scale"):
        comparison_matrix(["A", "B"], [Judgment("A", "B", 10)])
    with pytest.raises(AhpError, match=r"fgd\.same_criterion"):
        comparison_matrix(["A", "B"], [Judgment("A", "A", 1)])
    with pytest.raises(AhpError, match=r"fgd\.unknown_criterion"):
        comparison_matrix(["A", "B"], [Judgment("A", "X", 1)])


def test_scale_and_written_reciprocals():
    assert in_scale(9) and in_scale(Fraction(1, 9)) and in_scale(1)
    assert not in_scale(9.5) and not in_scale(0.1)
    assert judgment_of_decimal(Decimal("0.333")) == Fraction(1, 3)
    assert judgment_of_decimal(Decimal("0.33")) == Fraction(1, 3)
    assert judgment_of_decimal(Decimal("0.14")) == Fraction(1, 7)
    assert judgment_of_decimal(Decimal("0.12")) == Fraction(1, 8)
    assert judgment_of_decimal(Decimal("0.13")) == Fraction(1, 8)
    assert judgment_of_decimal(Decimal("0.11")) == Fraction(1, 9)
    assert judgment_of_decimal(Decimal("0.2")) == Fraction(1, 5)
    # One decimal, or far from any 1/k: as written.
    assert judgment_of_decimal(Decimal("0.3")) == Fraction(3, 10)
    assert judgment_of_decimal(Decimal("0.15")) == Fraction(15, 100)
    assert judgment_of_decimal(Decimal("3")) == 3
    assert judgment_of_decimal(Decimal("2.5")) == Fraction(5, 2)
    assert not in_scale(judgment_of_decimal(Decimal("0.1")))


def test_respondent_weights_divide_each_group_weight():
    respondents = [
        Respondent("a", "Pemda", 35),
        Respondent("b", "Pemda", 35),
        Respondent("c", "DPRD", 20),
        Respondent("d", "Masyarakat", 20),
        Respondent("e", "Masyarakat", 20),
        Respondent("f", "Masyarakat", 20),
    ]
    shares = respondent_weights(respondents)
    # 35 + 20 + 20 = 75: Pemda 35/75 over two, DPRD 20/75, Masyarakat 20/75 over three.
    assert shares["a"] == pytest.approx(35 / 75 / 2)
    assert shares["c"] == pytest.approx(20 / 75)
    assert shares["f"] == pytest.approx(20 / 75 / 3)
    assert sum(shares.values()) == pytest.approx(1)
    with pytest.raises(AhpError, match=r"fgd\.group_weight_differs"):
        respondent_weights([Respondent("a", "G", 1), Respondent("b", "G", 2)])


def test_weighted_geometric_mean_by_hand():
    # Shares 3/4 and 1/4 of 4 and 1/4: 4^(3/4) · (1/4)^(1/4) = 4^(1/2) = 2.
    one = comparison_matrix(["A", "B"], [Judgment("A", "B", 4)])
    two = comparison_matrix(["A", "B"], [Judgment("A", "B", 1 / 4)])
    aggregate = aggregate_judgments({"x": one, "y": two}, {"x": 0.75, "y": 0.25})
    assert aggregate[0, 1] == pytest.approx(2) and aggregate[1, 0] == pytest.approx(0.5)
    # A pair judged by one of them only is that one's judgment.
    three = comparison_matrix(["A", "B", "C"], [Judgment("A", "B", 4), Judgment("B", "C", 2)])
    four = comparison_matrix(["A", "B", "C"], [Judgment("A", "B", 1), Judgment("A", "C", 3)])
    aggregate = aggregate_judgments({"x": three, "y": four}, {"x": 0.5, "y": 0.5})
    assert aggregate[0, 1] == pytest.approx(2)
    assert aggregate[1, 2] == pytest.approx(2) and aggregate[0, 2] == pytest.approx(3)


def test_consensus_extremes_by_hand():
    # Identical priorities: full consensus.
    assert ahp_consensus([[0.5, 0.3, 0.2]] * 4) == pytest.approx(1)
    # Three respondents, each putting a different criterion 9 times above the others:
    # H_alpha is the minimum the scale allows and H_gamma = ln 3, so S* = 0 (Goepel 2013).
    extreme = [[9 / 11 if i == k else 1 / 11 for i in range(3)] for k in range(3)]
    assert ahp_consensus(extreme) == pytest.approx(0, abs=1e-12)
    # Two opposite but mild views by hand: H_beta = H(mean) - mean(H).
    views = [[0.6, 0.4], [0.4, 0.6]]
    h = -(0.6 * math.log(0.6) + 0.4 * math.log(0.4))
    beta = math.log(2) - h
    s = 10.0
    alpha_min = -(9 / s) * math.log(9 / s) - (1 / s) * math.log(1 / s)
    c = math.exp(math.log(2) - alpha_min)
    expected = (math.exp(-beta) - 1 / c) / (1 - 1 / c)
    assert ahp_consensus(views) == pytest.approx(expected, abs=1e-12)
    assert ahp_consensus([[0.5, 0.5]]) is None
    assert consensus_band(0.49) == "very_low" and consensus_band(0.9) == "very_high"
    assert consensus_band(0.7) == "moderate"


def test_spread_of_weights():
    (first, second) = weight_spread([[0.6, 0.4], [0.5, 0.5], [0.7, 0.3]])
    assert (first.minimum, first.maximum, first.mean) == pytest.approx((0.5, 0.7, 0.6))
    assert first.sd == pytest.approx(0.1)
    assert (first.q1, first.q3) == pytest.approx((0.55, 0.65))
    assert second.iqr == pytest.approx(0.1)
    (alone,) = weight_spread([[1.0]])
    assert alone.sd is None


def test_largest_remainder_by_hand():
    # Quotas 63.699, 25.828, 10.473: floors 63 + 25 + 10 = 98; the two largest remainders
    # (.828 and .699) get one more each.
    assert largest_remainder([0.63699, 0.25828, 0.10473]) == (64, 26, 10)
    # Three equal thirds: the tie goes to the first.
    assert largest_remainder([1, 1, 1]) == (34, 33, 33)
    # Quotas 12.5, 37.5, 12.5, 37.5: floors give 98 and every remainder is .5; the larger
    # quotas (the more important criteria) take the two left.
    quarters = [Fraction(1, 8), Fraction(3, 8), Fraction(1, 8), Fraction(3, 8)]
    assert largest_remainder(quarters) == (12, 38, 12, 38)
    # Six equal sixths (16.67): four left over go to the first four.
    assert largest_remainder([1] * 6) == (17, 17, 17, 17, 16, 16)
    assert largest_remainder([0.2, 0.2, 0.2, 0.2, 0.2]) == (20, 20, 20, 20, 20)
    assert largest_remainder([1, 0]) == (100, 0)
    with pytest.raises(AhpError):
        largest_remainder([0, 0])


def test_two_level_names_and_global_weights():
    assert normalize_criterion(" praktik . teknis ") == "PRAKTIK.TEKNIS"
    assert split_criterion("PRAKTIK.TEKNIS") == ("PRAKTIK", "TEKNIS")
    assert split_criterion("PRAKTIK") == ("PRAKTIK", None)
    with pytest.raises(ValueError):
        split_criterion("A.B.C")
    assert level_of("PRAKTIK") == TOP and level_of("PRAKTIK.SIKAP") == "PRAKTIK"
    found = global_weights(
        {"PENGETAHUAN": 0.4, "PRAKTIK": 0.5, "PSIKOTES": 0.1},
        {"PRAKTIK": {"PRAKTIK.TEKNIS": 0.6, "PRAKTIK.SIKAP": 0.4}},
    )
    assert found == pytest.approx(
        {"PENGETAHUAN": 0.4, "PRAKTIK.TEKNIS": 0.3, "PRAKTIK.SIKAP": 0.2, "PSIKOTES": 0.1}
    )
    assert list(found) == ["PENGETAHUAN", "PRAKTIK.TEKNIS", "PRAKTIK.SIKAP", "PSIKOTES"]
