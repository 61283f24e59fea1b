"""Fairness, NIK, score distributions and validity (issue #13): hand-computed cases, scipy and
numpy as the independent implementations, and properties."""

from __future__ import annotations

from datetime import date
from math import atanh, sqrt, tanh

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from app.scoring.monev.distribution import distribution
from app.scoring.monev.fairness import SMALL_GROUP, age_band, fairness
from app.scoring.monev.nik import read_nik
from app.scoring.monev.validity import predikat_rank, spearman


def test_the_four_fifths_rule_by_hand() -> None:
    # 48 of 120 men (40 %), 30 of 100 women (30 %): 30 / 40 = 0.75, below four fifths.
    found = fairness({"laki-laki": (120, 48), "perempuan": (100, 30)})
    assert found.impact_ratio == pytest.approx(0.75)
    assert (found.lowest, found.highest, found.adverse) == ("perempuan", "laki-laki", True)
    _odds, p = stats.fisher_exact([[30, 70], [48, 72]])
    assert found.fisher_p == pytest.approx(p)
    assert not fairness({"a": (100, 40), "b": (100, 36)}).adverse  # 0.9


def test_a_group_too_small_to_judge_is_named_and_left_out() -> None:
    found = fairness({"S1": (200, 50), "S2": (SMALL_GROUP - 1, 0), "D3": (90, 20)})
    assert found.too_small == ("S2",)
    assert found.impact_ratio == pytest.approx((20 / 90) / (50 / 200))
    assert fairness({"S1": (200, 50), "S2": (5, 1)}).impact_ratio is None


@given(st.dictionaries(st.sampled_from("ABCD"), st.integers(30, 300).flatmap(
    lambda a: st.tuples(st.just(a), st.integers(0, a))), min_size=2))  # fmt: skip
def test_the_impact_ratio_is_between_zero_and_one(counts: dict[str, tuple[int, int]]) -> None:
    found = fairness(counts)
    if found.impact_ratio is not None:
        assert 0 <= found.impact_ratio <= 1
        assert 0 <= (found.fisher_p or 0) <= 1


def test_a_nik_tells_sex_birth_and_regency() -> None:
    woman = read_nik("1275015507950003")  # day 55 = 15 + 40: a woman born 15-07-1995 in Binjai
    assert woman is not None
    assert (woman.female, woman.regency, woman.birth) == (True, "1275", date(1995, 7, 15))
    man = read_nik("1271011203010001")
    assert man is not None and (man.female, man.regency, man.birth) == (
        False,
        "1271",
        date(2001, 3, 12),
    )
    assert read_nik("127501550795") is None and read_nik("12750199079500x3") is None
    assert read_nik("1275019913950003") is None  # month 13


@pytest.mark.parametrize(("age", "band"), [(20, "<25"), (25, "25-29"), (34, "30-34"), (40, "35+")])
def test_age_bands(age: int, band: str) -> None:
    assert age_band(age) == band


def test_a_distribution_against_numpy_and_by_hand() -> None:
    values = [60, 61, 62, 65, 70, 75, 80, 95, 100, 100]
    found = distribution(values, 0, 100, threshold=62)
    assert found.n == 10 and found.mean == pytest.approx(76.8)
    assert found.sd == pytest.approx(np.std(values, ddof=1))
    assert found.quartiles == pytest.approx(tuple(np.percentile(values, [25, 50, 75])))
    assert sum(found.counts) == 10 and found.counts[-1] == 3  # 95, 100, 100 in [90, 100]
    assert found.near_threshold == pytest.approx(0.3)  # 60, 61, 62 within 62 ± 2
    assert found.just_below == pytest.approx(0.2)  # 60, 61: two points under the threshold
    assert found.at_maximum == pytest.approx(0.2)


def test_spearman_against_scipy_with_fiellers_interval() -> None:
    rng = np.random.default_rng(3)
    scores = rng.normal(70, 10, 60)
    performance = np.clip(np.round((scores - 70) / 8 + rng.normal(3, 1, 60)), 1, 5)
    found = spearman(list(scores), list(performance))
    assert found is not None and found.n == 60
    expected = stats.spearmanr(scores, performance)
    assert found.rho == pytest.approx(expected.statistic) and found.p == pytest.approx(
        expected.pvalue
    )
    half = 1.959963984540054 * sqrt(1.06 / 57)
    assert found.ci95 == pytest.approx(
        (tanh(atanh(found.rho) - half), tanh(atanh(found.rho) + half))
    )
    assert spearman([1, 2], [3, 4]) is None and spearman([1, 1, 1], [1, 2, 3]) is None


def test_the_skp_predikat_as_ranks() -> None:
    texts = ("Sangat Baik", "baik", "Butuh  Perbaikan", "Kurang", "SANGAT KURANG", "Cukup")
    assert [predikat_rank(t) for t in texts] == [5, 4, 3, 2, 1, None]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("S-1 Akuntansi", "S-1/D-IV"),
        ("S-1 Teknik Informatika/Sistem Informasi", "S-1/D-IV"),
        ("D-IV Keperawatan", "S-1/D-IV"),
        ("D-III Kebidanan", "D-III"),
        ("D-III semua jurusan", "D-III"),
        ("d3 keperawatan", "D-III"),
        ("SMA/sederajat", "SMA/SMK"),
        ("SMK Teknik Mesin", "SMA/SMK"),
        ("S-2 Manajemen", "S-2"),
        ("D-I Komputer", "D-I"),
        ("", "-"),
        ("  ", "-"),
        ("Profesi  Dokter", "Profesi Dokter"),
        ("DIPLOMA", "DIPLOMA"),  # no level named: kept as written, not guessed
    ],
)
def test_education_level(text: str, level: str) -> None:
    from app.scoring.monev.fairness import education_level

    assert education_level(text) == level


def test_exactly_four_fifths_is_not_adverse() -> None:
    # 32/100 against 40/100: the ratio is 4/5 exactly, which a float division misses.
    found = fairness({"a": (100, 32), "b": (100, 40)})
    assert not found.adverse
    assert fairness({"a": (100, 31), "b": (100, 40)}).adverse
