"""Exact score arithmetic: half-up rounding, the 3-decimal format, thousandths, the step grid."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.scoring.numbers import (
    Score,
    format_score,
    from_milli,
    is_on_step,
    round_half_up,
    to_milli,
    to_score,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0.000"),
        (7, "7.000"),
        (-3, "-3.000"),
        (550, "550.000"),
        (Fraction(1, 3), "0.333"),  # 0.3333… → 0.333
        (Fraction(2, 3), "0.667"),  # 0.6666… → 0.667
        (Fraction(-2, 3), "-0.667"),
        (Fraction("77.0905"), "77.091"),  # exact half: up (half-even would give 77.090)
        (Fraction("77.0915"), "77.092"),  # exact half, odd digit: both rules agree
        (Fraction("-77.0905"), "-77.091"),  # halves go away from zero
        (Fraction("0.0005"), "0.001"),
        (Fraction("-0.0005"), "-0.001"),
        (Fraction("2.0004999"), "2.000"),  # just below the half
        (Fraction("1.2345"), "1.235"),  # half-even would give 1.234
        (Fraction(848, 11), "77.091"),  # 77.090909…
        (Fraction(852, 11), "77.455"),  # 77.454545…: 4th decimal 5, not a half, still up
        (Fraction(5, 2), "2.500"),
    ],
)
def test_round_half_up_to_three_decimals(value: int | Fraction, expected: str) -> None:
    result = round_half_up(value)
    assert result == Decimal(expected)
    assert str(result) == expected  # always exactly three decimals


def test_round_half_up_returns_decimal_even_for_int() -> None:
    assert isinstance(round_half_up(7), Decimal)
    assert isinstance(round_half_up(Fraction(1, 3)), Decimal)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(1, 2), 0, "1"),
        (Fraction(-1, 2), 0, "-1"),
        (Fraction(3, 2), 0, "2"),
        (Fraction(5, 2), 0, "3"),  # half-even would give 2
        (Fraction(25, 100), 1, "0.3"),  # half-even would give 0.2
        (Fraction(-1, 2000), 1, "0.0"),  # no negative zero
        (12, 2, "12.00"),
    ],
)
def test_round_half_up_other_places(value: int | Fraction, places: int, expected: str) -> None:
    assert str(round_half_up(value, places)) == expected


def test_round_half_up_differs_from_builtin_round_on_halves() -> None:
    # Python's round() is half-even: round(Fraction(5, 2)) == 2, the committees write 3.
    assert round(Fraction(5, 2)) == 2
    assert round_half_up(Fraction(5, 2), 0) == 3


@given(st.fractions(min_value=-10_000, max_value=10_000))
def test_round_half_up_is_nearest_with_halves_away_from_zero(value: Fraction) -> None:
    rounded = Fraction(round_half_up(value))
    distance = abs(rounded - value)
    assert distance <= Fraction(1, 2000)
    if distance == Fraction(1, 2000):
        assert abs(rounded) > abs(value)  # a half goes away from zero
    assert (rounded * 1000).denominator == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("77.091"), "77.091"),
        (Decimal(5), "5.000"),
        (Decimal("0"), "0.000"),
        (Decimal("2.5"), "2.500"),
        (Decimal("-1.25"), "-1.250"),
        (Decimal("100.000"), "100.000"),
        (Decimal("1E+2"), "100.000"),
        # More than three decimals (should not happen, but if it does): halves up, never even.
        (Decimal("77.0905"), "77.091"),
        (Decimal("1.0005"), "1.001"),
    ],
)
def test_format_score(value: Decimal, expected: str) -> None:
    assert format_score(value) == expected


def test_format_score_of_rounded_value() -> None:
    assert format_score(round_half_up(Fraction(2, 3))) == "0.667"
    assert format_score(round_half_up(400)) == "400.000"


@pytest.mark.parametrize(
    ("value", "milli"),
    [
        (Decimal("0"), 0),
        (Decimal("1"), 1000),
        (Decimal("1.5"), 1500),
        (Decimal("2.50"), 2500),
        (Decimal("77.091"), 77091),
        (Decimal("-1.5"), -1500),
        (Decimal("1E+2"), 100_000),
        (Decimal("0.001"), 1),
        (Decimal("1.2340"), 1234),  # a trailing zero is not a fourth decimal
    ],
)
def test_to_milli(value: Decimal, milli: int) -> None:
    assert to_milli(value) == milli
    assert isinstance(to_milli(value), int)


@pytest.mark.parametrize("value", ["1.2345", "0.0001", "-0.0005"])
def test_to_milli_refuses_a_fourth_decimal(value: str) -> None:
    with pytest.raises(ValueError):
        to_milli(Decimal(value))


@pytest.mark.parametrize(
    ("milli", "expected"),
    [
        (0, 0),
        (2000, 2),
        (-2000, -2),
        (1500, Fraction(3, 2)),
        (-1500, Fraction(-3, 2)),
        (77091, Fraction(77091, 1000)),
        (1, Fraction(1, 1000)),
    ],
)
def test_from_milli(milli: int, expected: int | Fraction) -> None:
    value = from_milli(milli)
    assert value == expected
    assert type(value) is type(expected)  # whole values stay int (the fast path)


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_milli_round_trip(milli: int) -> None:
    value = from_milli(milli)
    assert to_milli(Decimal(value.numerator) / Decimal(value.denominator)) == milli
    assert round_half_up(value) == Decimal(milli).scaleb(-3)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("3"), 3),
        (Decimal("3.000"), 3),
        (Decimal("2.5"), Fraction(5, 2)),
        ("0.125", Fraction(1, 8)),
        (Fraction(4, 2), 2),
        (7, 7),
    ],
)
def test_to_score_is_canonical(value: Decimal | str | int | Fraction, expected: Score) -> None:
    score = to_score(value)
    assert score == expected
    assert type(score) is type(expected)


@pytest.mark.parametrize(
    ("value", "minimum", "step", "expected"),
    [
        ("65", "0", "5", True),
        ("66", "0", "5", False),
        ("0", "0", "5", True),
        ("150", "0", "5", True),
        ("7", "2", "5", True),  # the grid starts at the minimum
        ("5", "2", "5", False),
        ("2.5", "0", "0.5", True),
        ("2.25", "0", "0.5", False),
        ("0.125", "0", "0.001", True),
        ("0.1255", "0", "0.001", False),
        ("81", "1", "1", True),
        ("81.5", "0", "1", False),
        ("3.7", "0", "0", True),  # no step: anything is on the grid
    ],
)
def test_is_on_step(value: str, minimum: str, step: str, expected: bool) -> None:
    assert is_on_step(Decimal(value), Decimal(minimum), Decimal(step)) is expected


def test_score_text_is_format_score_of_the_displayed_value() -> None:
    from app.scoring.numbers import score_text
    from app.scoring.ranking import display_value

    values: list[object] = [None, "TH", "MS", 0, 5, 550, -3, Decimal("85.200"), Decimal("0.0005")]
    values += [Fraction(n, d) for n in range(-25, 26) for d in (2, 3, 7, 8, 2000, 3000)]
    values += [Decimal(n).scaleb(-4) for n in range(-30, 31)]
    # equal values of different types share a cache entry and must print alike
    values += [Fraction(5, 1), Decimal(5), Decimal("5.000"), Fraction(1, 2000), Decimal("-0.000")]
    for value in values * 2:  # the second pass reads the remembered texts
        display = display_value(value)  # type: ignore[arg-type]
        expected = (
            ""
            if display is None
            else display
            if isinstance(display, str)
            else format_score(display)
        )
        assert score_text(value) == expected, value
