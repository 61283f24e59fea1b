"""What a NIK says of its holder: sex, date of birth, and the regency or city that issued it.

The 16 digits of a Nomor Induk Kependudukan (Permendagri 72/2019 on the NIK's structure;
UU 24/2013 Administrasi Kependudukan): two of the province, two of the regency or city (so the
first four name it: 1275 is Kota Binjai in Sumatera Utara), two of the district, then the date
of birth as DDMMYY with **40 added to the day for a woman**, then four of the serial number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FEMALE_OFFSET = 40


@dataclass(frozen=True, slots=True)
class NikFacts:
    female: bool
    regency: str
    birth: date | None


def read_nik(
    nik: str, *, known_birth: date | None = None, today: date | None = None
) -> NikFacts | None:
    """The facts of a well-formed NIK (``None`` otherwise). The year has two digits; the
    century is the one that makes the holder at most 100 years old, or the one of
    ``known_birth`` when the participant's date of birth is on record."""
    digits = nik.strip()
    if len(digits) != 16 or not digits.isdigit():
        return None
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    female = day > FEMALE_OFFSET
    if female:
        day -= FEMALE_OFFSET
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    birth = None
    for century in (known_birth.year // 100,) if known_birth else (20, 19):
        try:
            candidate = date(century * 100 + year, month, day)
        except ValueError:
            continue
        if candidate <= (today or date.today()):
            birth = candidate
            break
    return NikFacts(female, digits[:4], birth)
