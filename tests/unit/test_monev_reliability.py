"""Assessor reliability (issue #13): against pingouin and the krippendorff package on the same
data, hand-computed cases, and properties."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pingouin
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scoring.monev.reliability import (
    deviations,
    icc2,
    koo_li,
    krippendorff_interval,
    largest_panel,
    panel_icc,
)

# pingouin (the independent implementation) warns of its own pandas use.
pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword:Warning")

# Shrout & Fleiss (1979), Table 2: six targets, four judges. Their ICC(2,1) = .29, ICC(2,4) = .62.
SHROUT_FLEISS = np.array(
    [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]],
    dtype=float,
)


def _pingouin(table: np.ndarray) -> pd.DataFrame:
    n, k = table.shape
    long = pd.DataFrame(
        [(i, j, table[i, j]) for i in range(n) for j in range(k)],
        columns=["participant", "assessor", "score"],
    )
    found = pingouin.intraclass_corr(long, "participant", "assessor", "score")
    return found.set_index("Type")


def test_shrout_and_fleiss_table_2() -> None:
    found = icc2(SHROUT_FLEISS)
    assert round(found.icc2_1, 2) == 0.29 and round(found.icc2_k, 2) == 0.62
    assert (found.n, found.k) == (6, 4) and found.band == "poor"
    expected = _pingouin(SHROUT_FLEISS)
    assert found.icc2_1 == pytest.approx(expected.loc["ICC(A,1)", "ICC"], abs=1e-12)
    assert found.icc2_k == pytest.approx(expected.loc["ICC(A,k)", "ICC"], abs=1e-12)
    low, high = expected.loc["ICC(A,1)", "CI95"]
    assert found.ci95 == pytest.approx((low, high), abs=0.01)  # pingouin rounds to 2 places
    low, high = expected.loc["ICC(A,k)", "CI95"]
    assert found.ci95_k == pytest.approx((low, high), abs=0.01)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(3, 30).flatmap(
        lambda n: st.lists(
            st.lists(st.integers(0, 100), min_size=n, max_size=n), min_size=2, max_size=4
        )
    )
)
def test_the_same_as_pingouin_on_any_table(columns: list[list[int]]) -> None:
    table = np.array(columns, dtype=float).T
    if table.std() == 0 or np.allclose(table, table.mean(axis=1, keepdims=True)):
        return  # no variance, or perfect agreement: the F ratios are not defined
    found = icc2(table)
    expected = _pingouin(table)
    assert found.icc2_1 == pytest.approx(expected.loc["ICC(A,1)", "ICC"], abs=1e-9)
    assert found.icc2_k == pytest.approx(expected.loc["ICC(A,k)", "ICC"], abs=1e-9)


def test_a_lenient_assessor_lowers_absolute_agreement_and_is_named() -> None:
    rng = np.random.default_rng(4)
    truth = rng.normal(70, 10, 40)
    scores = {
        f"P{i}": {"Budi": t + rng.normal(0, 2), "Sari": t + rng.normal(0, 2),
                  "Yusuf": t + 8 + rng.normal(0, 2)}
        for i, t in enumerate(truth)
    }  # fmt: skip
    by_name = {d.assessor: d for d in deviations(scores)}
    assert by_name["Yusuf"].mean == pytest.approx(8, abs=1.5) and by_name["Yusuf"].n == 40
    low, high = by_name["Yusuf"].ci95 or (0, 0)
    assert low < by_name["Yusuf"].mean < high and high > 5  # the flag's threshold is inside
    assert by_name["Budi"].mean < 0 and by_name["Sari"].mean < 0  # beside a lenient one
    fair = panel_icc({p: {a: v for a, v in s.items() if a != "Yusuf"} for p, s in scores.items()})
    biased = panel_icc(scores)
    assert fair is not None and biased is not None and biased.icc2_1 < fair.icc2_1


def test_perfect_agreement_and_no_variance() -> None:
    same = np.array([[70, 70], [80, 80], [60, 60]], dtype=float)
    found = icc2(same)
    assert (found.icc2_1, found.icc2_k, found.ci95) == (1.0, 1.0, (1.0, 1.0))
    with pytest.raises(ValueError, match="variance"):
        icc2(np.full((3, 2), 50.0))


def test_deviation_by_hand() -> None:
    scores = {"P1": {"A": 80.0, "B": 70.0}, "P2": {"A": 60.0, "B": 58.0}, "P3": {"A": 75.0}}
    found = {d.assessor: d for d in deviations(scores)}
    assert (found["A"].mean, found["A"].n) == (6.0, 2)  # (10 + 2) / 2; P3 has no other score
    assert found["B"].mean == -6.0
    # t(0.975, 1) = 12.706; sd of (10, 2) = 5.657; half width 12.706 * 5.657 / sqrt(2) = 50.82
    assert found["A"].ci95 == pytest.approx((6 - 50.82, 6 + 50.82), abs=0.01)


def test_krippendorff_alpha_against_the_package_with_missing_scores() -> None:
    rng = np.random.default_rng(7)
    names = ["Budi", "Sari", "Yusuf", "Dewi"]
    scores: dict[str, dict[str, float]] = {}
    for i in range(30):
        truth = rng.normal(70, 12)
        chosen = rng.choice(names, size=int(rng.integers(1, 4)), replace=False)
        scores[f"P{i}"] = {str(a): float(round(truth + rng.normal(0, 4))) for a in chosen}
    matrix = np.array(
        [[scores[p].get(a, np.nan) for p in sorted(scores)] for a in names], dtype=float
    )
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="interval")
    assert krippendorff_interval(scores) == pytest.approx(expected, abs=1e-9)


def test_the_largest_panel_and_its_method() -> None:
    scores = {
        "P1": {"A": 1.0, "B": 2.0}, "P2": {"A": 3.0, "B": 3.0}, "P3": {"A": 5.0, "B": 6.0},
        "P4": {"C": 1.0, "D": 2.0}, "P5": {"C": 2.0, "D": 2.0}, "P6": {"A": 4.0},
    }  # fmt: skip
    assert largest_panel(scores) == (("A", "B"), ["P1", "P2", "P3"])
    found = panel_icc(scores)
    assert found is not None and found.panel == ("A", "B") and found.n == 3


@pytest.mark.parametrize(
    ("value", "band"),
    [(0.2, "poor"), (0.5, "moderate"), (0.74, "moderate"), (0.75, "good"), (0.95, "excellent")],
)
def test_koo_and_li_bands(value: float, band: str) -> None:
    assert koo_li(value) == band
