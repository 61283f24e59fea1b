"""How the Monev page says its figures: numbers in the interface language's convention, and
the evaluation's keys (groups, levels, bands, reference validities) in words.

The service speaks machine keys (``perempuan``, ``excellent``, ``work_sample``) so that the
CLI's JSON stays stable; a committee member reads "sangat baik" in Indonesian and "excellent"
in English. Every number a person reads here goes through ``app.ui.numbers`` (decimal comma
in Indonesian, point in English), and the charts get the same convention from
``chart_locale`` (QtCharts localizes its axis and bar labels with it).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from ...i18n import QT_TRANSLATE_NOOP, current_language
from ...numbers import count_text, value_text

CONTEXT = "Monev"
DASH = "—"

GROUPS = {
    "sex": QT_TRANSLATE_NOOP("Monev", "Jenis kelamin"),
    "age": QT_TRANSLATE_NOOP("Monev", "Usia"),
    "education": QT_TRANSLATE_NOOP("Monev", "Pendidikan"),
    "local": QT_TRANSLATE_NOOP("Monev", "Asal daerah"),
}
"""The fairness groups, in the order the page shows them."""

LEVELS = {
    "perempuan": QT_TRANSLATE_NOOP("Monev", "perempuan"),
    "laki-laki": QT_TRANSLATE_NOOP("Monev", "laki-laki"),
    "lokal": QT_TRANSLATE_NOOP("Monev", "lokal"),
    "luar daerah": QT_TRANSLATE_NOOP("Monev", "luar daerah"),
    "<25": QT_TRANSLATE_NOOP("Monev", "di bawah 25 tahun"),
    "25-29": QT_TRANSLATE_NOOP("Monev", "25–29 tahun"),
    "30-34": QT_TRANSLATE_NOOP("Monev", "30–34 tahun"),
    "35+": QT_TRANSLATE_NOOP("Monev", "35 tahun ke atas"),
    "-": QT_TRANSLATE_NOOP("Monev", "(tidak diisi)"),
}
"""Levels the evaluation names itself; an education level is shown as it was imported."""

BANDS = {
    "poor": QT_TRANSLATE_NOOP("Monev", "buruk"),
    "moderate": QT_TRANSLATE_NOOP("Monev", "sedang"),
    "good": QT_TRANSLATE_NOOP("Monev", "baik"),
    "excellent": QT_TRANSLATE_NOOP("Monev", "sangat baik"),
}
"""Koo & Li (2016)'s bands of an ICC."""

REFERENCES = {
    "job_knowledge": QT_TRANSLATE_NOOP("Monev", "Tes pengetahuan kerja"),
    "work_sample": QT_TRANSLATE_NOOP("Monev", "Sampel kerja (tes praktik)"),
    "structured_interview": QT_TRANSLATE_NOOP("Monev", "Wawancara terstruktur"),
    "cognitive_ability": QT_TRANSLATE_NOOP("Monev", "Kemampuan kognitif umum"),
}
"""Sackett, Zhang, Berry & Lievens (2022): what each reference validity is of."""


def word(table: dict[str, str], key: str) -> str:
    """``key`` in words from one of the tables above; an unknown key as it is."""
    text = table.get(key)
    return QCoreApplication.translate(CONTEXT, text) if text else key


def fixed(value: float | None, places: int = 3) -> str:
    """``0.96472`` → ``0,965`` (Indonesian) or ``0.965``; ``None`` → a dash."""
    if value is None:
        return DASH
    rounded = round(float(value), places)
    if rounded == 0:
        rounded = 0.0  # never "-0,000"
    return value_text(Decimal(f"{rounded:.{places}f}"), places)


def signed(value: float | None, places: int = 2) -> str:
    """A deviation with its sign: ``+2,58``, ``−3,94``, ``0,00``."""
    if value is None:
        return DASH
    text = fixed(abs(value), places)
    if round(value, places) > 0:
        return "+" + text
    if round(value, places) < 0:
        return "−" + text
    return text


def percent(share: float | None, places: int = 1) -> str:
    """A share of one as a percentage: ``0.2558`` → ``25,6%``."""
    return DASH if share is None else fixed(share * 100, places) + "%"


def p_value(p: float | None) -> str:
    """Fisher's or Spearman's p: three decimals, and "< 0,001" below that."""
    if p is None:
        return DASH
    if p < 0.001:
        return "< " + fixed(0.001, 3)
    return fixed(p, 3)


def interval(bounds: Sequence[float] | None, places: int = 3) -> str:
    """A 95 % interval as ``0,897 – 0,988``."""
    if not bounds:
        return DASH
    low, high = bounds
    return f"{fixed(low, places)} – {fixed(high, places)}"


def signed_interval(bounds: Sequence[float] | None, places: int = 2) -> str:
    if not bounds:
        return DASH
    low, high = bounds
    return f"{signed(low, places)} – {signed(high, places)}"


def count(value: int) -> str:
    return count_text(value)


def chart_locale() -> QLocale:
    """The locale the charts format their numbers in: the interface language's."""
    if current_language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
