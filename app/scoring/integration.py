"""The two parts of an integrated final value, as an announcement prints them.

PermenPANRB 6/2024 Pasal 45(3): the final value of a CPNS selection integrates the SKD and
the SKB, SKD 40 % and SKB 60 %, each on a scale of 100. An announcement that prints only the
SKD total and the final value leaves a reader unable to check the sum (issue #11 §1), so it
prints both parts beside it:

- the SKD part is the SKD total × weight ÷ the SKD maximum (``370 × 40 ÷ 550 = 26,909``),
  rounded half-up to thousandths as every value is (DESIGN §4.1);
- the SKB part is the final value less the SKD part, i.e. the SKB on a scale of 100 × 60 %,
  rounded so that the two printed parts add up to the printed final value exactly. The
  engine rounds once, after adding the unrounded parts; deriving the second part keeps the
  printed sum true, at most one thousandth from the SKB part rounded on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .numbers import half_up

_MILLI = Decimal(1000)


@dataclass(frozen=True, slots=True)
class Integration:
    """An integrating stage's rule: ``prior`` (the earlier stage's code) weighs ``weight`` %
    of the final value, its total out of ``maximum``."""

    prior: str
    weight: int
    maximum: int

    def parts(self, prior_total: str, final: str) -> tuple[str, str]:
        """The (prior, own) parts as machine texts with three decimals (``"26.909"``), or
        ``("", "")`` where the final value is not known (absent, incomplete)."""
        try:
            total = Decimal(prior_total)
            value = Decimal(final)
        except (InvalidOperation, ValueError):
            return "", ""
        if not (total.is_finite() and value.is_finite()):
            return "", ""
        # Thousandths in integers: total × weight ÷ maximum, halves up.
        total_milli = int(total * _MILLI)
        prior_milli = half_up(total_milli * self.weight, self.maximum)
        own_milli = int(value * _MILLI) - prior_milli
        return _text(prior_milli), _text(own_milli)


def _text(milli: int) -> str:
    return f"{Decimal(milli) / _MILLI:.3f}"
