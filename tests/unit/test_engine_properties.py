"""The fast engine gives exactly what the reference ranking gives, on random schemes.

Schemes are generated, not only the presets: sum and weighted stages, random weights summing
to 100 (with decimals), thresholds, several assessors, rubric aspects with weights, categorical
gates, affirmation, ranking-key orders, quota multipliers, one to three stages with
integration. Scores come from a few values per component so that ties, twins, thresholds and
boundaries happen in most examples. The hand-computed cases below check the integer rounding
and a three-way tie at the boundary on their own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.scoring.engine import half_up, rank_selection_fast
from app.scoring.numbers import round_half_up, score_text, to_score
from app.scoring.presets import load_scheme_file
from app.scoring.ranking import ABSENT, Candidate, Entry, rank_selection
from app.scoring.scheme import (
    KEY_AGE,
    KEY_FINAL,
    KEY_IPK,
    KEY_PRIORITY,
    MARK_KINDS,
    Scheme,
)
from app.scoring.scheme_file import scheme_from_mapping
from app.scoring.status import Status

PRESETS = Path(__file__).resolve().parents[2] / "resources" / "schemes"
FORMATIONS = ("F1", "F2", "F3")
CODES = {
    "within_quota": "L",
    "outside_quota": "TL",
    "below_threshold": "BT",
    "absent": "TH",
    "requirement_failed": "TMS",
    "withdrawn": "APS",
    "disqualified": "DIS",
}

EXAMPLES = settings(max_examples=150, deadline=None)


# --- schemes ---------------------------------------------------------------------------


@st.composite
def weights(draw: st.DrawFn, count: int) -> list[Decimal]:
    """``count`` positive weights summing to exactly 100, sometimes with decimals."""
    unit = draw(st.sampled_from([Decimal(1), Decimal("0.5"), Decimal("0.125")]))
    steps = int(100 / unit)
    cuts = sorted(
        draw(
            st.lists(st.integers(1, steps - 1), min_size=count - 1, max_size=count - 1, unique=True)
        )
    )
    bounds = [0, *cuts, steps]
    return [(bounds[i + 1] - bounds[i]) * unit for i in range(count)]


@st.composite
def numeric_component(draw: st.DrawFn, code: str, weighted: bool) -> dict[str, Any]:
    step = draw(st.sampled_from(["1", "5", "0.5", "0.25", "0.001"]))
    multiples = draw(st.sampled_from([4, 10, 20, 30]))
    maximum = Decimal(step) * multiples
    data: dict[str, Any] = {
        "code": code,
        "name": code,
        "min": "0",
        "max": str(maximum),
        "step": step,
        "assessors": draw(st.sampled_from([1, 1, 1, 2, 3])),
    }
    if draw(st.booleans()):
        data["threshold"] = str(Decimal(step) * draw(st.integers(0, multiples)))
    if not weighted and draw(st.integers(0, 5)) == 0:
        data["weight"] = "0"
    if draw(st.integers(0, 4)) == 0:
        count = draw(st.integers(2, 4))
        data["aspects"] = [
            {"code": f"A{i}", "name": f"A{i}", "weight": str(w)}
            for i, w in enumerate(draw(weights(count)))
        ]
    elif draw(st.integers(0, 5)) == 0:
        data["affirmation"] = True
    return data


@st.composite
def categorical_component(draw: st.DrawFn, code: str) -> dict[str, Any]:
    values = draw(st.sampled_from([["MS", "TMS"], ["A", "B", "C"]]))
    passing = draw(st.lists(st.sampled_from(values), unique=True, max_size=len(values) - 1))
    return {
        "code": code,
        "name": code,
        "kind": "categorical",
        "values": values,
        "passing": passing,
        "assessors": draw(st.sampled_from([1, 1, 2])),
    }


@st.composite
def scheme_mappings(draw: st.DrawFn) -> dict[str, Any]:
    stages: list[dict[str, Any]] = []
    for s_index in range(draw(st.integers(1, 3))):
        weighted = draw(st.booleans())
        numeric_count = draw(st.integers(1, 3))
        components = [
            draw(numeric_component(f"S{s_index}C{i}", weighted)) for i in range(numeric_count)
        ]
        if weighted:
            for component, weight in zip(components, draw(weights(numeric_count)), strict=True):
                component["weight"] = str(weight)
        if draw(st.integers(0, 2)) == 0:
            components.append(draw(categorical_component(f"S{s_index}G")))
        stage: dict[str, Any] = {
            "code": f"T{s_index}",
            "name": f"Tahap {s_index}",
            "method": "weighted" if weighted else "sum",
            "quota_multiplier": draw(st.integers(1, 3)),
            "codes": CODES,
            "components": draw(st.permutations(components)),
        }
        keys = [c["code"] for c in components if c.get("kind") != "categorical"]
        if s_index and draw(st.booleans()):
            earlier = stages[draw(st.integers(0, s_index - 1))]
            stage["integrates"] = earlier["code"]
            stage["integrate_weight"] = draw(st.sampled_from(["40", "12.5", "50", "33.3"]))
            keys.append(earlier["code"])
            keys += [c["code"] for c in earlier["components"] if c.get("kind") != "categorical"]
        keys += [KEY_IPK, KEY_AGE, KEY_PRIORITY]
        chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
        position = draw(st.integers(0, len(chosen)))
        stage["ranking"] = [*chosen[:position], KEY_FINAL, *chosen[position:]]
        stages.append(stage)
    return {"code": "acak", "name": "Acak", "kind": "LOKAL", "stages": stages}


# --- participants ----------------------------------------------------------------------


def _grid(component: Any) -> list[Fraction | int]:
    """A few values on the component's grid: zero, around the threshold, the maximum."""
    step = component.step
    values = {Decimal(0), component.maximum, step * (int(component.maximum / step) // 2)}
    if component.threshold is not None:
        values |= {component.threshold, max(component.threshold - step, Decimal(0))}
    return sorted(to_score(v) for v in values)


@st.composite
def component_entries(draw: st.DrawFn, component: Any) -> Any:
    kind = draw(st.sampled_from(["ok"] * 12 + ["absent", "missing", "partial", "bare"]))
    if kind == "missing":
        return None
    if kind == "absent":
        # TH from one assessor outweighs the others' scores
        return draw(st.sampled_from([[ABSENT], [ABSENT, 0], [0, ABSENT]]))
    if component.is_numeric:
        value: st.SearchStrategy[Any] = st.sampled_from(_grid(component))
        if component.aspects:
            aspects = st.fixed_dictionaries(
                {a.code: st.sampled_from(_grid(component)) for a in component.aspects}
            )
            partial = st.fixed_dictionaries({component.aspects[0].code: value})
            value = st.one_of(value, aspects, aspects, partial)
    else:
        value = st.sampled_from(component.values)
    if kind == "bare":
        return draw(value) if component.is_numeric and not component.aspects else [draw(value)]
    if kind == "partial":
        return [draw(value)] if component.assessors > 1 else []
    count = draw(st.integers(component.assessors, component.assessors + 1))
    return [draw(value) for _ in range(count)]


@st.composite
def candidate(draw: st.DrawFn, scheme: Scheme, number: str) -> Candidate:
    entries: dict[str, Entry | list[Entry]] = {}
    for stage in scheme.stages:
        for component in stage.components:
            drawn = draw(component_entries(component))
            if drawn is not None:
                entries[component.code] = drawn
    marks: list[tuple[str, str]] = []
    if draw(st.integers(0, 7)) == 0:
        codes = [stage.code for stage in scheme.stages]
        marks = draw(
            st.lists(st.tuples(st.sampled_from(MARK_KINDS), st.sampled_from(codes)), max_size=2)
        )
    return Candidate(
        number=number,
        name=f"Peserta {number}",
        formation=draw(st.sampled_from(FORMATIONS)),
        birth_date=draw(st.sampled_from([date(1985, 5, 5), date(1990, 1, 1), date(1990, 1, 2)])),
        ipk=draw(st.sampled_from([None, Decimal("3.00"), Decimal("3.5"), Decimal("3.125")])),
        priority_group=draw(st.sampled_from([None, None, 1, 2])),
        affirmation_percent=draw(st.sampled_from([None, None, Decimal("2.5"), Decimal(10)])),
        marks=marks,
        entries=entries,
    )


@st.composite
def selections(draw: st.DrawFn) -> tuple[Scheme, dict[str, int], list[Candidate]]:
    if draw(st.integers(0, 3)) == 0:
        name = draw(st.sampled_from(["cpns-2024", "pppk-2024", "binjai-kompetensi"]))
        scheme = load_scheme_file(PRESETS / f"{name}.toml")
    else:
        scheme = scheme_from_mapping(draw(scheme_mappings()))
    candidates: list[Candidate] = []
    for index in range(draw(st.integers(0, 18))):
        number = f"{index:03d}"
        if candidates and draw(st.integers(0, 2)) == 0:
            # A twin: equal on everything, so complete ties happen at every stage.
            twin = replace(
                draw(st.sampled_from(candidates)), number=number, name=f"Peserta {number}"
            )
            # ... or equal on every score, differing only in what breaks the tie.
            personal = draw(st.sampled_from(["none", "ipk", "priority_group", "birth_date"]))
            if personal != "none":
                other = draw(candidate(scheme, number))
                twin = replace(twin, **{personal: getattr(other, personal)})
            candidates.append(twin)
        else:
            candidates.append(draw(candidate(scheme, number)))
    quotas = {"F1": draw(st.integers(0, 3)), "F2": draw(st.integers(1, 3))}
    if draw(st.booleans()):
        quotas["F3"] = draw(st.integers(1, 2))
    return scheme, quotas, candidates


# --- the property ----------------------------------------------------------------------


@EXAMPLES
@given(selections(), st.data())
def test_fast_engine_equals_the_reference(
    selection: tuple[Scheme, dict[str, int], list[Candidate]], data: st.DataObject
) -> None:
    scheme, quotas, candidates = selection
    upto = data.draw(st.sampled_from([None, *(s.code for s in scheme.stages)]))
    reference = rank_selection(scheme, quotas, candidates, upto=upto)
    fast = rank_selection_fast(scheme, quotas, candidates, upto=upto)
    assert list(fast) == list(reference)
    for code, expected in reference.items():
        table = fast[code]
        assert table.stage == expected.stage
        assert table.columns == expected.columns
        rows = table.rows
        # ranks, Status, tie flag, final values, values, order: all of ResultRow
        assert rows == expected.rows
        assert [row.cells for row in rows] == [row.cells for row in expected.rows]
        assert [(row.code, row.note) for row in rows] == [
            (row.code, row.note) for row in expected.rows
        ]
        assert table.admitted() == {r.number for r in expected.rows if r.status.goes_on}
        assert dict(table.by_number()) == expected.by_number()
        for formation in FORMATIONS:
            assert table.rows_of(formation) == [
                r for r in expected.rows if r.formation == formation
            ]
            assert sum(table.counts(formation).values()) == len(table.rows_of(formation))


@EXAMPLES
@given(selections())
def test_rows_asked_one_by_one_equal_the_whole_table(
    selection: tuple[Scheme, dict[str, int], list[Candidate]],
) -> None:
    scheme, quotas, candidates = selection
    fast = rank_selection_fast(scheme, quotas, candidates)
    again = rank_selection_fast(scheme, quotas, candidates)
    for code, table in fast.items():
        # Rows built lazily in any order are the rows of the whole table.
        singles = [table.row_of(number) for number in reversed(table.numbers)][::-1]
        assert singles == again[code].unordered_rows()
        assert table.counts() == {
            status: count
            for status, count in ((s, [r.status for r in table.rows].count(s)) for s in Status)
            if count
        }


@EXAMPLES
@given(selections())
def test_blocks_hold_the_rows_and_print_what_the_rows_print(
    selection: tuple[Scheme, dict[str, int], list[Candidate]],
) -> None:
    scheme, quotas, candidates = selection
    reference = rank_selection(scheme, quotas, candidates)
    for code, table in rank_selection_fast(scheme, quotas, candidates).items():
        expected = reference[code].rows
        blocks = table.blocks()
        assert [row for block in blocks for row in block.rows()] == expected
        assert [row for block in blocks for row in block.iter_rows()] == expected
        assert [block.formation for block in blocks] == sorted({r.formation for r in expected})
        printed = [
            (
                row.stage,
                row.formation,
                "" if row.rank is None else str(row.rank),
                row.number,
                row.name,
                *[score_text(row.values.get(column)) for column in table.columns],
                score_text(row.final),
                row.code or "",
                row.note,
            )
            for row in expected
        ]
        assert [line for block in blocks for line in block.texts()] == printed


# --- hand-computed cases -----------------------------------------------------------------


def test_integer_rounding_is_half_up_at_exactly_five_ten_thousandths() -> None:
    # 1.0005 in thousandths is 10005 / 10: exactly half, rounded up.
    assert half_up(10005, 10) == 1001
    assert half_up(10004, 10) == 1000
    assert half_up(10006, 10) == 1001
    assert half_up(5, 10) == 1  # 0.0005 -> 0.001
    assert half_up(4999, 10_000) == 0
    assert half_up(0, 7) == 0
    assert half_up(2, 3) == 1  # 0.000666... -> 0.001
    assert half_up(1, 3) == 0
    # Halves away from zero, as round_half_up does; scores are never negative anyway.
    assert half_up(-10005, 10) == -1001
    for numerator in range(-40, 41):
        for denominator in (1, 2, 3, 8, 10, 16):
            expected = round_half_up(Fraction(numerator, denominator * 1000))
            assert Decimal(half_up(numerator, denominator)).scaleb(-3) == expected


def _two_component_scheme(threshold: str | None = None) -> Scheme:
    component = {"min": "0", "max": "100", "step": "0.001", "weight": "50"}
    if threshold is not None:
        component["threshold"] = threshold
    return scheme_from_mapping(
        {
            "code": "uji",
            "name": "Uji",
            "kind": "LOKAL",
            "stages": [
                {
                    "code": "AKHIR",
                    "name": "Akhir",
                    "method": "weighted",
                    "ranking": [KEY_FINAL, KEY_AGE],
                    "codes": CODES,
                    "components": [
                        {"code": "A", "name": "A", **component},
                        {"code": "B", "name": "B", **component},
                    ],
                }
            ],
        }
    )


def _person(number: str, a: Fraction | int, b: Fraction | int, born: date) -> Candidate:
    return Candidate(number, number, "F1", born, entries={"A": [a], "B": [b]})


def test_a_final_value_of_exactly_half_a_thousandth_rounds_up() -> None:
    scheme = _two_component_scheme(threshold="0.001")
    people = [
        # (0.001 + 0) / 2 = 0.0005 -> 0.001, B is below its threshold
        _person("1", Fraction(1, 1000), 0, date(1990, 1, 1)),
        # (0.001 + 0.002) / 2 = 0.0015 -> 0.002
        _person("2", Fraction(1, 1000), Fraction(2, 1000), date(1990, 1, 1)),
        # (0.003 + 0.002) / 2 = 0.0025 -> 0.003 (half-even would give 0.002)
        _person("3", Fraction(3, 1000), Fraction(2, 1000), date(1990, 1, 1)),
    ]
    table = rank_selection_fast(scheme, {"F1": 1}, people)["AKHIR"]
    finals = {row.number: row.final for row in table.rows}
    assert finals == {"1": Decimal("0.001"), "2": Decimal("0.002"), "3": Decimal("0.003")}
    assert table.row_of("1").status is Status.BELOW_THRESHOLD
    assert [(r.number, r.rank) for r in table.rows] == [("3", 1), ("2", 2), ("1", None)]
    assert table.rows == rank_selection(scheme, {"F1": 1}, people)["AKHIR"].rows


def test_cpns_final_value_by_hand() -> None:
    """SKD 429 of 550, CAT SKB 485 of 500, PRAKTIK mean 79.5: 31.2 + 0.6 × (58.2 + 31.8)."""
    scheme = load_scheme_file(PRESETS / "cpns-2024.toml")
    person = Candidate(
        "1",
        "Wulan",
        "F1",
        date(1995, 3, 1),
        entries={"TWK": 120, "TIU": 130, "TKP": 179, "CAT_SKB": 485, "PRAKTIK": [79, 80]},
    )
    results = rank_selection_fast(scheme, {"F1": 1}, [person])
    row = results["AKHIR"].rows[0]
    assert row.values == {"SKD": Decimal("429.000"), "CAT_SKB": 485, "PRAKTIK": Fraction(159, 2)}
    assert row.final == Decimal("85.200")
    assert (row.rank, row.status, row.tie) == (1, Status.WITHIN_QUOTA, False)


def test_three_way_tie_at_the_final_boundary_is_flagged() -> None:
    scheme = _two_component_scheme()
    born = date(1990, 1, 1)
    people = [
        _person("10", 90, 90, born),
        _person("11", 80, 70, born),  # 75.000
        _person("12", 70, 80, born),  # 75.000
        _person("13", 75, 75, born),  # 75.000
        _person("14", 60, 60, born),
    ]
    table = rank_selection_fast(scheme, {"F1": 2}, people)["AKHIR"]
    got = [(r.number, r.rank, r.status, r.tie, r.note) for r in table.rows]
    within, outside = Status.WITHIN_QUOTA, Status.OUTSIDE_QUOTA
    assert got == [
        ("10", 1, within, False, ""),
        ("11", 2, Status.TIED, True, "menunggu keputusan panitia"),
        ("12", 2, Status.TIED, True, "menunggu keputusan panitia"),
        ("13", 2, Status.TIED, True, "menunggu keputusan panitia"),
        ("14", 5, outside, False, ""),
    ]
    assert table.rows == rank_selection(scheme, {"F1": 2}, people)["AKHIR"].rows


def test_three_way_tie_at_an_earlier_cut_all_go_on() -> None:
    """SKD: 3 × 1 vacancy, three tied on every key at rank 2: all four go on, no SERI."""
    scheme = load_scheme_file(PRESETS / "cpns-2024.toml")
    born = date(1990, 1, 1)
    scores = [(150, 175, 225), (100, 120, 200), (100, 120, 200), (100, 120, 200), (100, 120, 199)]
    people = [
        Candidate(str(i), str(i), "F1", born, entries={"TWK": a, "TIU": b, "TKP": c})
        for i, (a, b, c) in enumerate(scores)
    ]
    skd = rank_selection_fast(scheme, {"F1": 1}, people, upto="SKD")["SKD"]
    assert [(r.rank, r.status, r.tie) for r in skd.rows] == [
        (1, Status.WITHIN_QUOTA, False),
        (2, Status.WITHIN_QUOTA, False),
        (2, Status.WITHIN_QUOTA, False),
        (2, Status.WITHIN_QUOTA, False),
        (5, Status.OUTSIDE_QUOTA, False),
    ]
    assert skd.admitted() == {"0", "1", "2", "3"}
