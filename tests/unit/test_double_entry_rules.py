"""Double entry's comparison rules, without a database: hand-computed cases and properties."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.scoring import Aspect, Component, Scheme, load_scheme_file
from app.scoring.double_entry import (
    Round,
    compare_rounds,
    double_entry_components,
    free_round,
    own_round,
    round_summary,
    same_value,
    with_chosen,
)
from app.scoring.scheme import CATEGORICAL
from app.scoring.score_rows import StoredRow, display

SCHEMES = Path(__file__).resolve().parents[2] / "resources" / "schemes"

WHOLE = Component("PENGETAHUAN", "Pengetahuan")
RUBRIC = Component(
    "PRAKTIK",
    "Praktik kerja",
    aspects=(
        Aspect("TEKNIS", "Keterampilan teknis", Decimal("0.4")),
        Aspect("SIKAP", "Sikap & etika", Decimal("0.3")),
        Aspect("KOMUNIKASI", "Komunikasi", Decimal("0.3")),
    ),
)
PSIKOTES = Component("PSIKOTES", "Psikotes", kind=CATEGORICAL, values=("MS", "TMS"))


def value(milli: int, aspect: str = "") -> StoredRow:
    return StoredRow(aspect, milli, None, False)


ABSENT = StoredRow("", None, None, True)


def typed(by: str, *rows: StoredRow) -> Round:
    return Round(by, {row.aspect: row for row in rows})


# -- hand-computed cases ----------------------------------------------------------------------


def test_a_value_typed_once_waits_for_the_second_round():
    outcome = compare_rounds(WHOLE, {1: typed("ratna", value(72000))})
    assert outcome.agreed == {} and outcome.mismatched == [] and outcome.pending == 1
    assert outcome.confirmed() == ()


def test_equal_whole_values_are_confirmed():
    outcome = compare_rounds(
        WHOLE, {1: typed("ratna", value(72000)), 2: typed("dewi", value(72000))}
    )
    assert outcome.confirmed() == (value(72000),)
    assert outcome.mismatched == [] and outcome.pending == 0


def test_a_swapped_digit_is_a_mismatch_shown_as_typed():
    outcome = compare_rounds(
        WHOLE, {1: typed("ratna", value(72000)), 2: typed("dewi", value(27500))}
    )
    assert outcome.agreed == {}
    assert outcome.mismatched == [("", "72", "27.5")]
    assert outcome.pending == 1


def test_aspects_are_compared_one_by_one():
    # TEKNIS agrees, SIKAP differs, KOMUNIKASI is only in the second round: one confirmed,
    # one mismatch, and two of the three typed values still wait.
    first = typed("ratna", value(70000, "TEKNIS"), value(80000, "SIKAP"))
    second = typed(
        "dewi", value(70000, "TEKNIS"), value(85000, "SIKAP"), value(60000, "KOMUNIKASI")
    )
    outcome = compare_rounds(RUBRIC, {1: first, 2: second})
    assert outcome.confirmed() == (value(70000, "TEKNIS"),)
    assert outcome.mismatched == [("SIKAP", "80", "85")]
    assert outcome.pending == 2


def test_absent_against_aspects_is_one_mismatch_in_rubric_order():
    first = typed("ratna", ABSENT)
    second = typed("dewi", value(80000, "SIKAP"), value(70000, "TEKNIS"))
    outcome = compare_rounds(RUBRIC, {1: first, 2: second})
    assert outcome.agreed == {}
    assert outcome.mismatched == [("", "TH", "TEKNIS 70; SIKAP 80")]
    assert outcome.pending == 3  # the whole TH and both aspects


def test_categories_agree_only_when_equal():
    ms, tms = StoredRow("", None, "MS", False), StoredRow("", None, "TMS", False)
    assert compare_rounds(PSIKOTES, {1: typed("a", ms), 2: typed("b", ms)}).confirmed() == (ms,)
    assert compare_rounds(PSIKOTES, {1: typed("a", ms), 2: typed("b", tms)}).mismatched == [
        ("", "MS", "TMS")
    ]


def test_same_value_ignores_who_typed_it_and_compares_number_category_and_absence():
    assert same_value(value(72000), value(72000))
    assert not same_value(value(72000), value(72001))
    assert not same_value(value(0), StoredRow("", 0, None, True))
    assert not same_value(StoredRow("", None, "MS", False), StoredRow("", None, "TMS", False))


def test_rounds_go_to_the_first_two_people_in_order():
    assert free_round({}) == 1
    rounds = {1: typed("ratna", value(72000))}
    assert own_round(rounds, "ratna") == 1 and own_round(rounds, "dewi") is None
    assert free_round(rounds) == 2
    rounds[2] = typed("dewi", value(72000))
    assert free_round(rounds) is None  # a third person is refused
    rounds[1] = Round("ratna")  # an emptied round is free again
    assert free_round(rounds) == 1


def test_a_decided_whole_value_replaces_every_aspect_and_aspects_replace_a_whole_value():
    entry = typed("ratna", value(70000, "TEKNIS"), value(80000, "SIKAP"))
    assert with_chosen(entry, (ABSENT,)) == (ABSENT,)
    assert with_chosen(entry, (value(85000, "SIKAP"),)) == (
        value(85000, "SIKAP"),
        value(70000, "TEKNIS"),
    )
    assert with_chosen(typed("ratna", ABSENT), (value(85000, "SIKAP"),)) == (value(85000, "SIKAP"),)


def test_a_round_summary_is_the_whole_value_or_the_aspects_in_rubric_order():
    assert round_summary(RUBRIC, typed("a", ABSENT)) == "TH"
    entry = typed("a", value(60000, "KOMUNIKASI"), value(70500, "TEKNIS"))
    assert round_summary(RUBRIC, entry) == "TEKNIS 70.5; KOMUNIKASI 60"


def test_display_shows_the_shortest_number():
    assert [display(value(m)) for m in (72000, 72500, 72125, 0)] == ["72", "72.5", "72.125", "0"]
    assert display(ABSENT) == "TH"
    assert display(StoredRow("", None, "MS", False)) == "MS"


def _cpns_with_double_entry(*codes: str) -> Scheme:
    scheme = load_scheme_file(SCHEMES / "cpns-2024.toml")
    stages = tuple(
        replace(
            stage,
            components=tuple(
                replace(c, double_entry=True) if c.code in codes else c for c in stage.components
            ),
        )
        for stage in scheme.stages
    )
    return replace(scheme, stages=stages)


def test_the_double_entry_components_of_a_stage_include_the_earlier_stages():
    scheme = _cpns_with_double_entry("TWK", "PRAKTIK")
    assert list(double_entry_components(scheme)) == ["TWK", "PRAKTIK"]
    assert list(double_entry_components(scheme, "skd")) == ["TWK"]
    assert list(double_entry_components(scheme, "AKHIR")) == ["TWK", "PRAKTIK"]
    with pytest.raises(KeyError):
        double_entry_components(scheme, "SKB")


# -- properties -------------------------------------------------------------------------------

ASPECTS = [a.code for a in RUBRIC.aspects]
millis = st.integers(min_value=0, max_value=100).map(lambda n: n * 1000)


@st.composite
def rounds_of_one_row(draw: st.DrawFn) -> Round:
    """A person's round of a rubric row: a whole value, TH, or some aspects (maybe none)."""
    kind = draw(st.sampled_from(["whole", "absent", "aspects"]))
    if kind == "whole":
        return typed("x", value(draw(millis)))
    if kind == "absent":
        return typed("x", ABSENT)
    chosen = draw(st.lists(st.sampled_from(ASPECTS), unique=True))
    return typed("x", *(value(draw(millis), aspect) for aspect in chosen))


@given(rounds_of_one_row(), rounds_of_one_row())
def test_the_comparison_does_not_depend_on_which_round_came_first(first: Round, second: Round):
    forward = compare_rounds(RUBRIC, {1: first, 2: second})
    backward = compare_rounds(RUBRIC, {1: second, 2: first})
    assert forward.confirmed() == backward.confirmed()
    assert forward.pending == backward.pending
    assert forward.mismatched == [(a, y, x) for a, x, y in backward.mismatched]


@given(rounds_of_one_row(), rounds_of_one_row())
def test_every_typed_value_is_confirmed_or_waiting_and_confirmed_ones_agree(
    first: Round, second: Round
):
    outcome = compare_rounds(RUBRIC, {1: first, 2: second})
    typed_keys = set(first.rows) | set(second.rows)
    assert outcome.pending == len(typed_keys) - len(outcome.agreed)
    for aspect, row in outcome.agreed.items():
        assert same_value(first.rows[aspect], second.rows[aspect]) and row == first.rows[aspect]
    assert not set(outcome.agreed) & {aspect for aspect, _a, _b in outcome.mismatched}
    if first.rows == second.rows and first.rows:
        assert outcome.mismatched == [] and outcome.pending == 0
        assert outcome.confirmed() == first.stored()
