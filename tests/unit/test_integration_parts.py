"""The SKD and SKB parts printed beside an integrated final value (issue #11 §1).

Hand-computed from the CPNS preset (SKD out of 550, weighed 40 %), and a property: the two
printed parts always add up to the printed final value, and each is within rounding of the
part computed exactly.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from app.scoring.integration import Integration

CPNS = Integration(prior="SKD", weight=40, maximum=550)


def test_hand_computed_parts() -> None:
    # 370 × 40 ÷ 550 = 26,90909… → 26,909; 72,461 − 26,909 = 45,552
    assert CPNS.parts("370.000", "72.461") == ("26.909", "45.552")
    # 410 × 40 ÷ 550 = 29,81818… → 29,818
    assert CPNS.parts("410", "72.082") == ("29.818", "42.264")
    # a half rounds up: 11 × 40 ÷ 550 = 0,8 exactly; 1 × 40 ÷ 550 = 0,0727… → 0,073
    assert CPNS.parts("11", "1.000") == ("0.800", "0.200")
    assert CPNS.parts("1", "0.073") == ("0.073", "0.000")


def test_no_final_value_prints_no_parts() -> None:
    assert CPNS.parts("370.000", "") == ("", "")
    assert CPNS.parts("", "") == ("", "")
    assert CPNS.parts("TH", "50.000") == ("", "")


def _round(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


@given(
    total=st.integers(min_value=0, max_value=550),
    own=st.fractions(min_value=0, max_value=100, max_denominator=3000),
    weight=st.integers(min_value=1, max_value=99),
)
def test_parts_add_up_and_stay_within_rounding(total: int, own: Fraction, weight: int) -> None:
    rule = Integration(prior="SKD", weight=weight, maximum=550)
    prior_exact = Fraction(total * weight, 550)
    own_exact = own * Fraction(100 - weight, 100)
    final = _round(prior_exact + own_exact)  # as the engine rounds: once, after adding
    prior_text, own_text = rule.parts(str(total), str(final))
    assert Decimal(prior_text) + Decimal(own_text) == final
    assert Decimal(prior_text) == _round(prior_exact)
    assert abs(Decimal(own_text) - _round(own_exact)) <= Decimal("0.001")
