"""Whether one entered value is acceptable for a component: range, step, allowed values."""

from __future__ import annotations

from decimal import Decimal

from .numbers import PLACES, decimal_places, is_on_step
from .scheme import Component


class ValueProblem(ValueError):
    """An entered value a component refuses; ``message`` is a catalogue id."""

    def __init__(self, message: str, **params: object):
        super().__init__(message)
        self.message = message
        self.params = params


def check_value(component: Component, value: Decimal | str) -> Decimal | str:
    """Return the value in canonical form, or raise ``ValueProblem`` saying why not."""
    if not component.is_numeric:
        text = str(value).strip().upper()
        if text not in component.values:
            raise ValueProblem("value.not_allowed", allowed=", ".join(component.values))
        return text
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValueProblem("value.not_number")
    if value < component.minimum or value > component.maximum:
        raise ValueProblem("value.out_of_range", min=component.minimum, max=component.maximum)
    # Before the step: a fourth decimal is off every valid grid, and this says why.
    if decimal_places(value) > PLACES and value != value.quantize(Decimal("0.001")):
        raise ValueProblem("value.too_precise")
    if not is_on_step(value, component.minimum, component.step):
        if component.step == 1:  # "harus kelipatan 1" reads as a riddle (issue #10 §4)
            raise ValueProblem("value.not_whole")
        raise ValueProblem("value.off_step", step=component.step)
    return value
