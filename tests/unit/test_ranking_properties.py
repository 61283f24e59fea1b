"""Properties of the one ranking function, over random selections of every preset.

Scores come from small sets of values so that ties, quota boundaries, thresholds, absences and
incomplete sheets happen in most examples.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.scoring.numbers import Score, round_half_up
from app.scoring.presets import load_scheme_file
from app.scoring.ranking import ABSENT, Candidate, Entry, ResultRow, StageResult, rank_selection
from app.scoring.scheme import MARK_KINDS, NOTE_INCOMPLETE, NOTE_TIE, Component, Scheme
from app.scoring.status import Status

PRESETS = Path(__file__).resolve().parents[2] / "resources" / "schemes"
SCHEMES: dict[str, Scheme] = {
    name: load_scheme_file(PRESETS / f"{name}.toml")
    for name in ("cpns-2024", "pppk-2024", "binjai-kompetensi")
}
FORMATIONS = ("F1", "F2", "F3")

# Every value strictly below its component's maximum (so a strictly better participant exists)
# and around the thresholds, mostly passing ones (repeated values make ties likely). PPPK TEKNIS
# stays ≤ 400 so that the largest affirmation (10 % of 450 = 45) keeps it below 450.
VALUES: dict[str, tuple[int, ...]] = {
    "TWK": (60, 65, 100, 100, 145),
    "TIU": (75, 80, 120, 120, 170),
    "TKP": (160, 166, 200, 200, 224),
    "CAT_SKB": (300, 400, 400, 401, 499),
    "PRAKTIK": (59, 60, 80, 80, 99),
    "TEKNIS": (300, 305, 400),
    "MANSOSKUL": (100, 150, 179),
    "WAWANCARA": (20, 30, 39),
    "PENGETAHUAN": (55, 60, 80, 80, 99),
    "PSIKOTES": (59, 60, 90, 90, 99),
}
ASPECT_VALUES = (55, 60, 80, 99)

EXAMPLES = settings(max_examples=120, deadline=None)


@st.composite
def component_entries(draw: st.DrawFn, component: Component) -> list[Entry] | None:
    """The entries of all assessors of one component; ``None`` when nothing was entered."""
    kind = draw(st.sampled_from(["ok"] * 24 + ["absent", "missing", "partial"]))
    if kind == "missing":
        return None
    if kind == "absent":
        return [ABSENT]
    value: st.SearchStrategy[Entry] = st.sampled_from(VALUES[component.code])
    if component.aspects:
        aspects = st.fixed_dictionaries(
            {a.code: st.sampled_from(ASPECT_VALUES) for a in component.aspects}
        )
        value = st.one_of(value, aspects)
    if kind == "partial":
        # fewer assessors than required (for a single-assessor component: nothing yet)
        return [draw(value)] if component.assessors > 1 else None
    # sometimes one assessor more than the minimum: the mean of all of them counts
    count = 1
    if component.assessors > 1:
        count = draw(st.integers(component.assessors, component.assessors + 1))
    return [draw(value) for _ in range(count)]


@st.composite
def candidate(draw: st.DrawFn, scheme: Scheme, number: str) -> Candidate:
    entries: dict[str, list[Entry]] = {}
    for stage in scheme.stages:
        for component in stage.components:
            drawn = draw(component_entries(component))
            if drawn is not None:
                entries[component.code] = drawn
    marks: list[tuple[str, str]] = []
    if draw(st.integers(0, 7)) == 0:
        stages = [stage.code for stage in scheme.stages]
        marks = draw(
            st.lists(st.tuples(st.sampled_from(MARK_KINDS), st.sampled_from(stages)), max_size=2)
        )
    return Candidate(
        number=number,
        name=f"Peserta {number}",
        formation=draw(st.sampled_from(FORMATIONS)),
        birth_date=draw(st.sampled_from([date(1985, 5, 5), date(1990, 1, 1), date(1990, 1, 2)])),
        ipk=draw(st.sampled_from([None, Decimal("3.00"), Decimal("3.50")])),
        priority_group=draw(st.sampled_from([None, None, 1, 2])),
        affirmation_percent=draw(st.sampled_from([None, None, Decimal("2.5"), Decimal(10)])),
        marks=marks,
        entries=entries,
    )


@st.composite
def selections(draw: st.DrawFn) -> tuple[str, dict[str, int], list[Candidate]]:
    name = draw(st.sampled_from(sorted(SCHEMES)))
    scheme = SCHEMES[name]
    size = draw(st.integers(0, 14))
    candidates: list[Candidate] = []
    for index in range(size):
        number = f"{index:03d}"
        if candidates and draw(st.integers(0, 2)) == 0:
            # a twin of an earlier participant: equal on everything, so complete ties happen
            twin = draw(st.sampled_from(candidates))
            candidates.append(replace(twin, number=number, name=f"Peserta {number}"))
        else:
            candidates.append(draw(candidate(scheme, number)))
    # F3 sometimes has no quota at all (nobody within it).
    quotas = {"F1": draw(st.integers(0, 3)), "F2": draw(st.integers(1, 3))}
    if draw(st.booleans()):
        quotas["F3"] = draw(st.integers(1, 2))
    return name, quotas, candidates


# --- (1) the input order does not matter ---------------------------------------------------


@EXAMPLES
@given(selections(), st.data())
def test_ranking_does_not_depend_on_input_order(
    selection: tuple[str, dict[str, int], list[Candidate]], data: st.DataObject
) -> None:
    name, quotas, candidates = selection
    shuffled = data.draw(st.permutations(candidates))
    first = rank_selection(SCHEMES[name], quotas, candidates)
    again = rank_selection(SCHEMES[name], quotas, shuffled)
    assert list(first) == list(again)
    for stage in first:
        assert first[stage].rows == again[stage].rows


# --- (2) never more winners than kebutuhan, unless flagged SERI ----------------------------


@EXAMPLES
@given(selections())
def test_quota_is_kept(selection: tuple[str, dict[str, int], list[Candidate]]) -> None:
    name, quotas, candidates = selection
    scheme = SCHEMES[name]
    results = rank_selection(scheme, quotas, candidates)
    for stage_code, result in results.items():
        stage = scheme.stage(stage_code)
        within = stage.codes.within_quota
        by_formation: dict[str, list[ResultRow]] = defaultdict(list)
        for row in result.rows:
            by_formation[row.formation].append(row)
        for formation, rows in by_formation.items():
            vacancies = quotas.get(formation, 0)
            cut = vacancies * stage.quota_multiplier
            ranked = [r for r in rows if r.rank is not None]
            winners = [r for r in rows if r.status is Status.WITHIN_QUOTA]
            tied = [r for r in rows if r.tie]
            assert all(r.rank is not None for r in winners)
            assert all(r.code == within for r in winners)
            # Within the cut exactly when the rank is inside it (ties at the cut go on),
            # except a complete tie at the last seat, which waits for the committee.
            assert all(
                (r.status is Status.WITHIN_QUOTA) == (r.rank <= cut and not r.tie)  # type: ignore[operator]
                for r in ranked
            )
            # The places are filled (or held for the committee) when there are enough.
            assert len(winners) + len(tied) >= min(cut, len(ranked))
            if scheme.is_final(stage):
                # Never more winners than seats (issue #10 §3).
                assert len(winners) <= vacancies
                # SERI only on one group sharing one rank, every one of them TIED, which
                # would have overfilled the seats.
                assert all(r.status is Status.TIED and r.code == NOTE_TIE for r in tied)
                assert len({r.rank for r in tied}) <= 1
                assert not tied or len(winners) + len(tied) > vacancies
            else:
                assert not tied


# --- (3) a better participant never improves anyone else's rank ----------------------------


def _best_candidate(scheme: Scheme, number: str, formation: str, born: date) -> Candidate:
    """Strictly higher than any generated value on every component of the first stage."""
    entries: dict[str, list[Entry]] = {}
    for component in scheme.first_stage.components:
        maximum = int(component.maximum)
        entries[component.code] = [maximum] * component.assessors
    return Candidate(
        number=number, name="Terbaik", formation=formation, birth_date=born, entries=entries
    )


@EXAMPLES
@given(
    selections(),
    st.sampled_from(FORMATIONS),
    st.sampled_from([date(1960, 1, 1), date(1990, 1, 1), date(2005, 1, 1)]),
)
def test_a_better_participant_never_improves_anyone_else(
    selection: tuple[str, dict[str, int], list[Candidate]], formation: str, born: date
) -> None:
    name, quotas, candidates = selection
    scheme = SCHEMES[name]
    # The first stage only. At a later stage the property does not hold, by the rules: a
    # newcomer at SKD may push a whole tied group out of the 3 × kebutuhan cut, and someone
    # those people outscored at AKHIR then moves up.
    first = scheme.first_stage.code
    before = rank_selection(scheme, quotas, candidates, upto=first)[first].by_number()
    best = _best_candidate(scheme, "999", formation, born)
    after = rank_selection(scheme, quotas, [*candidates, best], upto=first)[first].by_number()
    outside = scheme.first_stage.codes.outside_quota
    assert set(after) == set(before) | {"999"}
    for number, old in before.items():
        new = after[number]
        if old.rank is None:
            assert new.rank is None
            assert new.code == old.code  # an unranked code depends on the participant alone
        else:
            assert new.rank is not None
            assert old.rank <= new.rank <= old.rank + 1
            if old.code == outside:
                assert new.code == outside


# --- (4) competition ranks, by the rules as DESIGN §4 states them --------------------------


def _design_key(
    name: str, stage: str, row: ResultRow, who: Candidate, results: Mapping[str, StageResult]
) -> tuple[Any, ...]:
    """The tie-break chain of DESIGN §4, written out independently of the scheme file."""
    e = row.exact
    if name == "cpns-2024" and stage == "SKD":
        return (-(e["TWK"] + e["TIU"] + e["TKP"]), -e["TKP"], -e["TIU"], -e["TWK"])
    if name == "cpns-2024":
        s = results["SKD"].by_number()[row.number].exact
        ipk = (0, -who.ipk) if who.ipk is not None else (1, 0)
        skd = s["TWK"] + s["TIU"] + s["TKP"]
        return (
            -_design_final(name, stage, row, results),
            -skd,
            -s["TKP"],
            -s["TIU"],
            -s["TWK"],
            ipk,
            who.birth_date,
        )
    if name == "pppk-2024":
        group = (0, who.priority_group) if who.priority_group is not None else (1, 0)
        total = e["TEKNIS"] + e["MANSOSKUL"] + e["WAWANCARA"]
        return (group, -total, -e["TEKNIS"], -e["MANSOSKUL"], -e["WAWANCARA"], who.birth_date)
    return (
        -_design_final(name, stage, row, results),
        -e["PRAKTIK"],
        -e["PENGETAHUAN"],
        -e["PSIKOTES"],
        who.birth_date,
    )


def _design_final(
    name: str, stage: str, row: ResultRow, results: Mapping[str, StageResult]
) -> Decimal:
    e = row.exact
    value: Score
    if name == "cpns-2024" and stage == "SKD":
        value = e["TWK"] + e["TIU"] + e["TKP"]
    elif name == "cpns-2024":
        s = results["SKD"].by_number()[row.number].exact
        skd = s["TWK"] + s["TIU"] + s["TKP"]
        skb = Fraction(e["CAT_SKB"], 500) * 100 * Fraction(60, 100) + e["PRAKTIK"] * Fraction(
            40, 100
        )
        value = Fraction(skd, 550) * 100 * Fraction(40, 100) + skb * Fraction(60, 100)
    elif name == "pppk-2024":
        value = e["TEKNIS"] + e["MANSOSKUL"] + e["WAWANCARA"]
    else:
        value = (
            e["PENGETAHUAN"] * Fraction(40, 100)
            + e["PRAKTIK"] * Fraction(35, 100)
            + e["PSIKOTES"] * Fraction(25, 100)
        )
    return round_half_up(value)


@EXAMPLES
@given(selections())
def test_competition_ranks_follow_the_design(
    selection: tuple[str, dict[str, int], list[Candidate]],
) -> None:
    name, quotas, candidates = selection
    scheme = SCHEMES[name]
    who = {c.number: c for c in candidates}
    results = rank_selection(scheme, quotas, candidates)
    for stage_code, result in results.items():
        codes = scheme.stage(stage_code).codes
        groups: dict[str, list[ResultRow]] = defaultdict(list)
        for row in result.rows:
            if row.final is not None:
                assert row.final == _design_final(name, stage_code, row, results)
            ranked_code = row.code in (codes.within_quota, codes.outside_quota, NOTE_TIE)
            assert (row.rank is not None) == ranked_code
            assert (row.code is None) == (row.note == NOTE_INCOMPLETE)
            if row.rank is not None:
                groups[row.formation].append(row)
        for rows in groups.values():
            keys = {
                row.number: _design_key(name, stage_code, row, who[row.number], results)
                for row in rows
            }
            for row in rows:
                ahead = sum(1 for other in rows if keys[other.number] < keys[row.number])
                assert row.rank == 1 + ahead, (row.number, keys)
            # 1, 2, 2, 4: a rank is taken by as many participants as are tied on it
            ranks = sorted(row.rank for row in rows)  # type: ignore[type-var]
            for position, value in enumerate(ranks, start=1):
                assert value <= position
                assert value == position or value == ranks[position - 2]


# --- (5) every entrant appears exactly once per stage --------------------------------------


@EXAMPLES
@given(selections())
def test_every_entrant_appears_once_per_stage(
    selection: tuple[str, dict[str, int], list[Candidate]],
) -> None:
    name, quotas, candidates = selection
    scheme = SCHEMES[name]
    results = rank_selection(scheme, quotas, candidates)
    assert list(results) == [stage.code for stage in scheme.stages]
    entrants = Counter(c.number for c in candidates)
    for stage in scheme.stages:
        rows = results[stage.code].rows
        assert Counter(row.number for row in rows) == entrants
        assert all(row.stage == stage.code for row in rows)
        formation = {c.number: c.formation for c in candidates}
        assert all(row.formation == formation[row.number] for row in rows)
        passed = stage.codes.within_quota
        entrants = Counter(row.number for row in rows if row.code == passed)


@EXAMPLES
@given(selections())
def test_rows_are_ordered(selection: tuple[str, dict[str, int], list[Candidate]]) -> None:
    name, quotas, candidates = selection
    for result in rank_selection(SCHEMES[name], quotas, candidates).values():
        order = [(r.formation, r.rank is None, r.rank or 0, r.number) for r in result.rows]
        assert order == sorted(order)


def test_best_candidate_is_strictly_better_than_every_generated_value() -> None:
    # Guards property (3): the generated values must stay below every maximum, also with the
    # largest affirmation (10 % of 450 = 45 on TEKNIS ≤ 400).
    for scheme in SCHEMES.values():
        for stage in scheme.stages:
            for component in stage.components:
                assert max(VALUES[component.code]) < component.maximum
                if component.aspects:
                    assert max(ASPECT_VALUES) < component.maximum
                if component.affirmation:
                    assert max(VALUES[component.code]) + component.maximum / 10 < component.maximum
    assert _best_candidate(SCHEMES["pppk-2024"], "1", "F1", date(1990, 1, 1)).entries == {
        "TEKNIS": [450],
        "MANSOSKUL": [180],
        "WAWANCARA": [40],
    }
