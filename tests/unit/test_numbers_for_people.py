"""Numbers for people (issue #10 §2): a decimal comma, integers without decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.numbers import (
    ENGLISH,
    column_for_people,
    count_for_people,
    fixed_places,
    machine_number,
    score_for_people,
    value_for_people,
)


@pytest.mark.parametrize(
    ("column", "machine", "shown"),
    [
        ("SKD", "415.000", "415"),  # an integer reads as one, not as 415 thousand
        ("CAT_SKB", "383.000", "383"),
        ("nilai_akhir", "79.430", "79,430"),  # the rules round to thousandths: all three shown
        ("nilai_akhir", "80.000", "80,000"),
        ("PRAKTIK", "92.800", "92,8"),  # a mean of assessors as it is
        ("PRAKTIK", "92.750", "92,75"),
        ("IPK", "3.62", "3,62"),
        ("TWK", "TH", "TH"),
        ("PSIKOTES", "MS", "MS"),
        ("kode", "P/L", "P/L"),
        ("peringkat", "12", "12"),
        ("nilai_akhir", "", ""),
        ("nama", "Budi 1.5", "Budi 1.5"),  # text is never touched
    ],
)
def test_a_cell_reads_the_indonesian_way(column: str, machine: str, shown: str) -> None:
    assert column_for_people(column, machine) == shown


def test_a_plain_sum_final_is_whole_and_a_weighted_one_keeps_three_decimals() -> None:
    from pathlib import Path

    from app.scoring.presets import load_scheme_file

    schemes = Path(__file__).resolve().parents[2] / "resources" / "schemes"
    cpns = load_scheme_file(schemes / "cpns-2024.toml")
    pppk = load_scheme_file(schemes / "pppk-2024.toml")
    binjai = load_scheme_file(schemes / "binjai-kompetensi.toml")
    # SKD = TWK + TIU + TKP and the PPPK total are sums; AKHIR integrates SKD; Binjai weighs.
    assert [s.plain_sum for s in cpns.stages] == [True, False]
    assert [s.plain_sum for s in pppk.stages] == [True]
    assert [s.plain_sum for s in binjai.stages] == [False]
    skd = fixed_places(cpns.stages[0].plain_sum)
    akhir = fixed_places(cpns.stages[1].plain_sum)
    assert column_for_people("nilai_akhir", "397.000", fixed=skd) == "397"  # not 397 thousand
    assert column_for_people("nilai_akhir", "480.500", fixed=skd) == "480,5"  # a mean, as it is
    assert column_for_people("nilai_akhir", "80.000", fixed=akhir) == "80,000"
    assert column_for_people("nilai_akhir", "79.430", fixed=akhir) == "79,430"


def test_counts_are_grouped_by_thousands() -> None:
    assert count_for_people(1250) == "1.250"
    assert count_for_people(999) == "999"
    assert count_for_people(1_000_000) == "1.000.000"
    assert count_for_people(1250, ENGLISH) == "1,250"


def test_values_and_the_english_interface() -> None:
    assert value_for_people(Decimal("66.600")) == "66,6"
    assert value_for_people(3) == "3"
    assert value_for_people(None) == ""
    assert score_for_people("92.750", style=ENGLISH) == "92.75"
    assert machine_number(" 92,75 ") == "92.75"
    assert machine_number("TH") == "TH"


@given(st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False))
def test_the_shown_text_is_the_same_number(value: Decimal) -> None:
    machine = f"{value:.3f}"
    shown = score_for_people(machine)
    assert Decimal(machine_number(shown)) == value
    assert "." not in shown  # no point a reader could take for a thousands separator
    if value == value.to_integral_value():
        assert "," not in shown
    fixed = score_for_people(machine, places=3)
    assert fixed.partition(",")[2] == machine.partition(".")[2]
