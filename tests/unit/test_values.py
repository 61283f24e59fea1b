"""Whether one entered value fits its component: range, step, allowed values, decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.scoring.scheme import CATEGORICAL, Component
from app.scoring.values import ValueProblem, check_value

# CPNS SKD TWK: 30 questions × 5 → 0–150, step 5.
TWK = Component(code="TWK", name="TWK", minimum=Decimal(0), maximum=Decimal(150), step=Decimal(5))
# A component on a half-point grid from 10 to 20.
HALVES = Component(
    code="H", name="H", minimum=Decimal(10), maximum=Decimal(20), step=Decimal("0.5")
)
# Three decimals allowed.
FINE = Component(code="F", name="F", maximum=Decimal(100), step=Decimal("0.001"))
PSIKOTES = Component(
    code="PSIKOTES",
    name="Psikotes",
    kind=CATEGORICAL,
    category="psikotes",
    maximum=Decimal(0),
    values=("MS", "TMS"),
    passing=("MS",),
)


def problem_of(component: Component, value: Decimal | str) -> ValueProblem:
    with pytest.raises(ValueProblem) as caught:
        check_value(component, value)
    return caught.value


@pytest.mark.parametrize("value", ["0", "5", "65", "150", "150.000", "0.0"])
def test_numeric_value_accepted(value: str) -> None:
    assert check_value(TWK, Decimal(value)) == Decimal(value)


@pytest.mark.parametrize("value", ["10", "10.5", "19.5", "20"])
def test_grid_starts_at_the_minimum(value: str) -> None:
    assert check_value(HALVES, Decimal(value)) == Decimal(value)


@pytest.mark.parametrize(("component", "value"), [(TWK, "-5"), (TWK, "155"), (HALVES, "9.5")])
def test_out_of_range(component: Component, value: str) -> None:
    problem = problem_of(component, Decimal(value))
    assert problem.message == "value.out_of_range"
    assert problem.params == {"min": component.minimum, "max": component.maximum}


def test_just_above_the_maximum_is_out_of_range() -> None:
    assert problem_of(TWK, Decimal("150.001")).message == "value.out_of_range"


@pytest.mark.parametrize(("component", "value"), [(TWK, "66"), (TWK, "2.5"), (HALVES, "10.25")])
def test_off_step(component: Component, value: str) -> None:
    problem = problem_of(component, Decimal(value))
    assert problem.message == "value.off_step"
    assert problem.params == {"step": component.step}


@pytest.mark.parametrize("value", ["12.3456", "0.0001", "99.9995"])
def test_too_many_decimals(value: str) -> None:
    # Scores are stored in thousandths: a fourth decimal can never be kept, whatever the step.
    assert problem_of(FINE, Decimal(value)).message == "value.too_precise"
    assert problem_of(TWK, Decimal(value)).message == "value.too_precise"


@pytest.mark.parametrize("value", ["12.345", "12.3450", "12.34500000", "0.001"])
def test_three_decimals_are_enough(value: str) -> None:
    assert check_value(FINE, Decimal(value)) == Decimal(value)


@pytest.mark.parametrize("value", ["NaN", "sNaN", "Infinity", "-Infinity"])
def test_not_a_finite_number(value: str) -> None:
    assert problem_of(FINE, Decimal(value)).message == "value.not_number"


@pytest.mark.parametrize("value", ["85", 85, 85.0])
def test_numeric_needs_a_decimal(value: object) -> None:
    assert problem_of(TWK, value).message == "value.not_number"  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "canonical"), [("MS", "MS"), ("tms", "TMS"), (" ms ", "MS")])
def test_categorical_allowed_values(value: str, canonical: str) -> None:
    assert check_value(PSIKOTES, value) == canonical


@pytest.mark.parametrize("value", ["M", "LULUS", "", "85"])
def test_categorical_refuses_other_values(value: str) -> None:
    problem = problem_of(PSIKOTES, value)
    assert problem.message == "value.not_allowed"
    assert problem.params == {"allowed": "MS, TMS"}


def test_value_problem_is_a_value_error() -> None:
    assert isinstance(problem_of(TWK, Decimal(3)), ValueError)


def test_a_fraction_of_a_whole_step_says_whole_number() -> None:
    """Issue #10 §4: "harus kelipatan 1" becomes "harus bilangan bulat"."""
    from app.messages import t

    tkp = Component(code="TKP", name="TKP", minimum=Decimal(0), maximum=Decimal(225))
    assert tkp.step == 1
    problem = problem_of(tkp, Decimal("170.5"))
    assert problem.message == "value.not_whole"
    assert t(problem.message, problem.params) == "harus bilangan bulat"
