"""A draft scheme on stored scores, computed by hand (issue #14 §2).

One selection, four formations of one vacancy each, and a draft that changes every rule at
once: a higher threshold for B, weights 40/60 instead of 50/50, rubric aspects 80/20 instead
of 50/50, and IPK before age among equals. Each formation is built so that exactly one rule
moves its seat, and the simulation must name that rule:

- F1: P11 scores B = 68, below the new threshold 70 (its seat goes to P12);
- F2: P22's stronger B wins once B weighs 60 %;
- F3: P31 and P32 are equal on every score; today the older P32 wins, the draft asks IPK first;
- F4: P42's technical aspect outweighs P41's once it weighs 80 % of B.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from scipy import stats

from app.scoring.presets import load_scheme_file
from app.scoring.ranking import Candidate
from app.scoring.roster import Roster
from app.scoring.scheme import Scheme
from app.scoring.scheme_file import scheme_from_mapping
from app.scoring.simulation import (
    RULE_ASPECTS,
    RULE_THRESHOLD,
    RULE_TIE_BREAK,
    RULE_WEIGHT,
    draft_problems,
    rule_steps,
    simulate,
)
from app.scoring.simulation.compare import kendall_tau_b
from app.scoring.simulation.weights import pearson, stated_weights
from app.scoring.status import Status

CODES = {
    "within_quota": "L",
    "outside_quota": "TL",
    "below_threshold": "TMS",
    "absent": "TH",
    "requirement_failed": "TMS",
    "withdrawn": "APS",
    "disqualified": "DIS",
}
PRESETS = Path(__file__).resolve().parents[2] / "resources" / "schemes"
QUOTAS = {"F1": 1, "F2": 1, "F3": 1, "F4": 1}


def mapping(
    weights: tuple[int, int] = (50, 50),
    threshold_b: int = 60,
    aspects: tuple[int, int] = (50, 50),
    ranking: tuple[str, ...] = ("NILAI_AKHIR", "A", "B", "USIA"),
) -> dict[str, Any]:
    return {
        "code": "uji",
        "name": "Uji",
        "kind": "LOKAL",
        "stages": [
            {
                "code": "AKHIR",
                "name": "Akhir",
                "method": "weighted",
                "ranking": list(ranking),
                "codes": CODES,
                "components": [
                    {"code": "A", "name": "A", "max": 100, "weight": weights[0], "threshold": 60},
                    {
                        "code": "B",
                        "name": "B",
                        "max": 100,
                        "weight": weights[1],
                        "threshold": threshold_b,
                        "aspects": [
                            {"code": "T", "name": "Teknis", "weight": aspects[0]},
                            {"code": "S", "name": "Sikap", "weight": aspects[1]},
                        ],
                    },
                ],
            }
        ],
    }


TODAY = scheme_from_mapping(mapping())
DRAFT = scheme_from_mapping(
    mapping(
        weights=(40, 60),
        threshold_b=70,
        aspects=(80, 20),
        ranking=("NILAI_AKHIR", "B", "A", "IPK", "USIA"),
    )
)


def person(
    number: str,
    formation: str,
    a: int,
    technical: int,
    attitude: int,
    born: date = date(1990, 1, 1),
    ipk: str = "3.50",
) -> Candidate:
    return Candidate(
        number=number,
        name=f"Peserta {number}",
        formation=formation,
        birth_date=born,
        ipk=Decimal(ipk),
        entries={"A": a, "B": [{"T": technical, "S": attitude}]},
    )


PEOPLE = [
    person("P11", "F1", 100, 68, 68),  # today 84, L; B 68 < 70 under the draft
    person("P12", "F1", 70, 80, 80),  # today 75, TL
    person("P13", "F1", 62, 72, 72),  # today 67, TL
    person("P21", "F2", 90, 74, 74),  # today 82, L; draft 80.4
    person("P22", "F2", 76, 86, 86),  # today 81, TL; draft 82
    person("P23", "F2", 60, 70, 70),  # today 65; draft 66
    person("P31", "F3", 80, 80, 80, born=date(1990, 1, 1), ipk="3.90"),
    person("P32", "F3", 80, 80, 80, born=date(1985, 1, 1), ipk="3.10"),  # older
    person("P41", "F4", 80, 70, 100),  # B 85 today, 76 under 80/20
    person("P42", "F4", 80, 84, 76),  # B 80 today, 82.4 under 80/20
]


def run(draft: Scheme = DRAFT, people: list[Candidate] = PEOPLE, quotas: dict[str, int] = QUOTAS):
    return simulate(TODAY, draft, quotas, Roster.of_candidates(people))


def changes(simulation: Any) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {r.number: (r.before.code, r.after.code, r.rule) for r in simulation.changed}


def test_every_changed_outcome_is_attributed_to_the_rule_that_moved_it() -> None:
    found = run()
    assert found.rules == (RULE_THRESHOLD, RULE_WEIGHT, RULE_ASPECTS, RULE_TIE_BREAK)
    assert changes(found) == {
        "P11": ("L", "TMS", RULE_THRESHOLD),
        "P12": ("TL", "L", RULE_THRESHOLD),
        "P21": ("L", "TL", RULE_WEIGHT),
        "P22": ("TL", "L", RULE_WEIGHT),
        "P31": ("TL", "L", RULE_TIE_BREAK),
        "P32": ("L", "TL", RULE_TIE_BREAK),
        "P41": ("L", "TL", RULE_ASPECTS),
        "P42": ("TL", "L", RULE_ASPECTS),
    }
    assert found.changed_by_rule() == {
        RULE_THRESHOLD: 2,
        RULE_WEIGHT: 2,
        RULE_ASPECTS: 2,
        RULE_TIE_BREAK: 2,
    }
    assert (found.seats_gained, found.seats_lost) == (4, 4)
    assert found.formations_changed == 4
    by_code = {f.formation: f for f in found.formations}
    assert [r.number for r in by_code["F1"].gained] == ["P12"]
    assert [r.number for r in by_code["F1"].lost] == ["P11"]


def test_final_values_and_ranks_on_both_sides_are_the_hand_computed_ones() -> None:
    rows = {r.number: r for f in run().formations for r in f.rows}
    # F2: 0.5 * 90 + 0.5 * 74 = 82 today; 0.4 * 90 + 0.6 * 74 = 80.4 under the draft.
    assert (rows["P21"].before.final, rows["P21"].after.final) == (Decimal(82), Decimal("80.4"))
    assert (rows["P22"].before.final, rows["P22"].after.final) == (Decimal(81), Decimal(82))
    assert (rows["P21"].before.rank, rows["P21"].after.rank) == (1, 2)
    # F4: B = 0.8 * 70 + 0.2 * 100 = 76, final 0.4 * 80 + 0.6 * 76 = 77.6.
    assert rows["P41"].after.final == Decimal("77.6")
    assert rows["P42"].after.final == Decimal("81.44")
    # F1: below the threshold there is no rank, and the seat is P12's.
    assert rows["P11"].after.status is Status.BELOW_THRESHOLD
    assert rows["P11"].after.rank is None
    assert rows["P12"].after.seat and not rows["P12"].before.seat
    # Unchanged outcomes carry no rule, whatever their ranks do.
    assert rows["P13"].rule is None and (rows["P13"].before.rank, rows["P13"].after.rank) == (3, 2)
    assert rows["P23"].rule is None


def test_kendall_tau_b_per_formation_over_those_ranked_under_both() -> None:
    taus = {f.formation: (f.ranked_both, f.kendall_tau) for f in run().formations}
    # F1: P12 and P13 keep their order (P11 is not ranked under the draft).
    assert taus["F1"] == (2, 1.0)
    # F2: (1, 2, 3) against (2, 1, 3): two concordant pairs, one discordant: 1/3.
    assert taus["F2"][0] == 3
    assert taus["F2"][1] == pytest.approx(1 / 3)
    assert taus["F3"] == (2, -1.0)
    assert taus["F4"] == (2, -1.0)
    found = run()
    assert found.kendall_tau_mean == pytest.approx((1 + 1 / 3 - 1 - 1) / 4)
    lowest = found.kendall_tau_lowest
    assert lowest is not None and lowest.formation == "F3"


@pytest.mark.parametrize(
    ("draft", "rule", "formation"),
    [
        (mapping(threshold_b=70), RULE_THRESHOLD, "F1"),
        (mapping(weights=(40, 60)), RULE_WEIGHT, "F2"),
        (mapping(ranking=("NILAI_AKHIR", "B", "A", "IPK", "USIA")), RULE_TIE_BREAK, "F3"),
        (mapping(aspects=(80, 20)), RULE_ASPECTS, "F4"),
    ],
)
def test_a_draft_changing_one_rule_moves_only_its_formation(
    draft: dict[str, Any], rule: str, formation: str
) -> None:
    found = run(scheme_from_mapping(draft))
    assert found.rules == (rule,)
    assert {r.formation for r in found.changed} == {formation}
    assert {r.rule for r in found.changed} == {rule}
    assert len(found.changed) == 2


def test_the_selections_own_scheme_changes_nothing() -> None:
    found = run(TODAY)
    assert found.rules == ()
    assert found.changed == ()
    assert [f.kendall_tau for f in found.formations] == [1.0, 1.0, 1.0, 1.0]
    assert found.flow_before == found.flow_after


def test_printed_codes_are_each_schemes_own_and_a_renamed_code_changes_nothing() -> None:
    data = mapping()
    data["stages"][0]["codes"] = {**CODES, "within_quota": "LULUS"}
    found = run(scheme_from_mapping(data))
    assert found.changed == ()
    row = next(r for f in found.formations for r in f.rows if r.number == "P11")
    assert (row.before.code, row.after.code) == ("L", "LULUS")


def test_flow_and_effective_weights_on_both_sides() -> None:
    found = run()
    assert found.flow_before.registered == found.flow_after.registered == 10
    assert found.flow_before.selected == {"P11", "P21", "P32", "P41"}
    assert found.flow_after.selected == {"P12", "P22", "P31", "P42"}
    assert found.flow_after.statuses[Status.BELOW_THRESHOLD] == 1
    assert found.flow_before.pass_rate == pytest.approx(0.4)
    assert found.flow_before.kebutuhan == 4
    before = {w.code: w for w in found.weights_before}
    after = {w.code: w for w in found.weights_after}
    assert (before["A"].stated, before["B"].stated) == (Decimal(50), Decimal(50))
    assert (after["A"].stated, after["B"].stated) == (Decimal(40), Decimal(60))
    assert before["A"].n == after["B"].n == 10
    # The draft's final scores and its own values of B (aspects 80/20), by scipy.
    rows = sorted((r for f in found.formations for r in f.rows), key=lambda r: r.number)
    finals = [float(r.after.final) for r in rows if r.after.final is not None]
    b_values = [0.8 * p.entries["B"][0]["T"] + 0.2 * p.entries["B"][0]["S"] for p in PEOPLE]
    ordered = [b for _p, b in sorted(zip([p.number for p in PEOPLE], b_values, strict=True))]
    expected = stats.pearsonr(ordered, finals).statistic
    assert after["B"].pearson == pytest.approx(expected, abs=1e-12)


def test_a_participant_who_stops_at_an_earlier_stage_under_the_draft() -> None:
    # T1 sums X and Z and sends two per vacancy on; T2 integrates T1 at 50 % (of 200).
    def two_stages(threshold: int) -> Scheme:
        return scheme_from_mapping(
            {
                "code": "dua",
                "name": "Dua tahap",
                "kind": "LOKAL",
                "stages": [
                    {
                        "code": "T1",
                        "name": "Satu",
                        "method": "sum",
                        "quota_multiplier": 2,
                        "ranking": ["NILAI_AKHIR"],
                        "codes": {**CODES, "within_quota": "P/L", "outside_quota": "P"},
                        "components": [
                            {"code": "X", "name": "X", "max": 100, "threshold": threshold},
                            {"code": "Z", "name": "Z", "max": 100},
                        ],
                    },
                    {
                        "code": "T2",
                        "name": "Dua",
                        "method": "weighted",
                        "integrates": "T1",
                        "integrate_weight": 50,
                        "ranking": ["NILAI_AKHIR", "T1", "USIA"],
                        "codes": CODES,
                        "components": [{"code": "Y", "name": "Y", "max": 100, "weight": 100}],
                    },
                ],
            }
        )

    def entrant(number: str, x: int, z: int, y: int) -> Candidate:
        return Candidate(number, number, "F", date(1990, 1, 1), entries={"X": x, "Z": z, "Y": y})

    people = [entrant("Q1", 55, 40, 90), entrant("Q2", 80, 20, 50), entrant("Q3", 60, 30, 40)]
    today, draft = two_stages(50), two_stages(58)
    found = simulate(today, draft, {"F": 1}, Roster.of_candidates(people))
    rows = {r.number: r for r in found.formations[0].rows}
    # Today T1 is Q2 100, Q1 95, Q3 90: Q2 and Q1 go on, and Q1 wins T2 with
    # 95 / 200 * 50 + 90 * 0.5 = 68.75 against Q2's 25 + 25 = 50.
    assert (rows["Q1"].before.stage, rows["Q1"].before.code) == ("T2", "L")
    assert rows["Q1"].before.final == Decimal("68.75")
    # Draft: Q1's X = 55 is below 58, so Q1 stops at T1; Q3 takes the cut and scores
    # 90 / 200 * 50 + 40 * 0.5 = 42.5, behind Q2.
    assert (rows["Q1"].after.stage, rows["Q1"].after.code) == ("T1", "TMS")
    assert (rows["Q3"].before.stage, rows["Q3"].before.code) == ("T1", "P")
    assert (rows["Q3"].after.stage, rows["Q3"].after.code, rows["Q3"].after.rank) == ("T2", "TL", 2)
    assert rows["Q3"].after.final == Decimal("42.5")
    assert changes(found) == {
        "Q1": ("L", "TMS", RULE_THRESHOLD),
        "Q2": ("TL", "L", RULE_THRESHOLD),
        "Q3": ("P", "TL", RULE_THRESHOLD),
    }
    assert [r.number for r in found.formations[0].gained] == ["Q2"]
    assert [r.number for r in found.formations[0].lost] == ["Q1"]
    # Only Q2 is ranked at T2 under both: no order to compare.
    assert (found.formations[0].ranked_both, found.formations[0].kendall_tau) == (1, None)
    assert found.flow_before.registered == found.flow_after.registered == 2
    weights = {w.code: w for w in found.weights_before}
    assert list(weights) == ["T1", "Y"]
    assert (weights["T1"].stated, weights["Y"].stated) == (Decimal(50), Decimal(50))


# --- which drafts the stored scores can answer --------------------------------------------


def test_a_draft_naming_a_component_without_scores_is_refused_by_name() -> None:
    data = mapping(weights=(40, 40))
    data["stages"][0]["components"].append(
        {"code": "WAWANCARA", "name": "Wawancara", "max": 100, "weight": 20}
    )
    draft = scheme_from_mapping(data)
    [problem] = draft_problems(TODAY, draft, {"A", "B"})
    assert problem.key == "stages[0].components[2].code"
    assert problem.message == "simulation.component_not_scored"
    assert problem.params["value"] == "WAWANCARA"
    # A component of the scheme that nobody has a score for yet is refused the same way.
    [unscored] = draft_problems(TODAY, TODAY, {"A"})
    assert (unscored.key, unscored.params["value"]) == ("stages[0].components[1].code", "B")


def test_what_the_stored_scores_are_cannot_change() -> None:
    data = mapping()
    data["stages"][0]["components"][0] |= {"max": 50, "threshold": 30}
    data["stages"][0]["components"][1]["aspects"][0]["code"] = "BARU"
    data["stages"][0]["components"][1]["assessors"] = 2
    problems = draft_problems(TODAY, scheme_from_mapping(data), {"A", "B"})
    assert [(p.key, p.message) for p in problems] == [
        ("stages[0].components[0].max", "simulation.field_fixed"),
        ("stages[0].components[1].assessors", "simulation.field_fixed"),
        ("stages[0].components[1].aspects[0].code", "simulation.aspect_not_stored"),
    ]
    assert problems[0].params == {"owner": "A", "field": "max", "value": 50, "current": 100}


def test_a_draft_may_drop_a_component_but_not_every_aspect_of_one() -> None:
    data = mapping(ranking=("NILAI_AKHIR", "A", "USIA"))
    data["stages"][0]["components"] = [
        {"code": "A", "name": "A", "max": 100, "weight": 100, "threshold": 60}
    ]
    dropped = scheme_from_mapping(data)
    assert draft_problems(TODAY, dropped, {"A", "B"}) == []
    # Dropping B removes its threshold first, then its weight with its ranking key.
    steps = rule_steps(TODAY, dropped)
    assert [s.rule for s in steps] == [RULE_THRESHOLD, RULE_WEIGHT]
    assert [c.code for c in steps[0].scheme.stages[0].components] == ["A", "B"]
    assert steps[0].scheme.stages[0].component("B").threshold is None
    no_aspects = mapping()
    del no_aspects["stages"][0]["components"][1]["aspects"]
    [problem] = draft_problems(TODAY, scheme_from_mapping(no_aspects), {"A", "B"})
    assert (problem.key, problem.message) == (
        "stages[0].components[1].aspects",
        "simulation.aspects_dropped",
    )


def test_other_stages_are_refused_whole() -> None:
    data = mapping()
    data["stages"][0]["code"] = "SKB"
    [problem] = draft_problems(TODAY, scheme_from_mapping(data), {"A", "B"})
    assert problem.message == "simulation.stages_differ"
    assert problem.params == {"draft": ["SKB"], "current": ["AKHIR"]}


def test_the_last_step_is_the_draft_itself() -> None:
    steps = rule_steps(TODAY, DRAFT)
    assert [s.rule for s in steps] == list(
        (RULE_THRESHOLD, RULE_WEIGHT, RULE_ASPECTS, RULE_TIE_BREAK)
    )
    assert steps[-1].scheme is DRAFT
    first = steps[0].scheme.stages[0]
    # The threshold step changes the threshold and nothing else.
    assert first.component("B").threshold == Decimal(70)
    assert first.component("B").weight == Decimal(50)
    assert first.ranking == TODAY.stages[0].ranking
    renamed = replace(TODAY, name="Nama lain")
    assert rule_steps(TODAY, renamed) == ()


# --- the two measures ------------------------------------------------------------------------


def test_pearson_by_hand_and_where_it_says_nothing() -> None:
    # x = 1, 2, 3 and y = 1, 2, 4: Sxy = 3, Sxx = 2, Syy = 14/3, r = 3 / sqrt(28/3).
    assert pearson([1, 2, 3], [1, 2, 4]) == pytest.approx(3 / (28 / 3) ** 0.5)
    assert pearson([1, 2], [1, 2]) is None
    assert pearson([5, 5, 5], [1, 2, 3]) is None


def test_kendall_tau_b_by_hand_with_ties() -> None:
    # Ranks (1, 1, 3) against (1, 2, 3): pairs (a,b) tied in x, (a,c) and (b,c) concordant;
    # tau-b = (2 - 0) / sqrt((3 - 1) * (3 - 0)) = 2 / sqrt(6).
    assert kendall_tau_b([1, 1, 3], [1, 2, 3]) == pytest.approx(2 / 6**0.5)
    assert kendall_tau_b([1], [1]) is None
    assert kendall_tau_b([1, 1], [1, 2]) is None  # one order has a single rank


def test_stated_weights_of_the_presets() -> None:
    cpns = load_scheme_file(PRESETS / "cpns-2024.toml")
    skd, akhir = cpns.stages
    # CPNS: SKD 40 % of the final score; CAT SKB 60 % of the SKB's 60 %.
    final = stated_weights(akhir, skd)
    assert final["SKD"] == Decimal(40)
    assert final["CAT_SKB"] == Decimal(36)
    assert sum(final.values()) == 100
    # A sum stage: each test's maximum's share of 550.
    assert stated_weights(skd, None) == {
        "TWK": Decimal("27.273"),
        "TIU": Decimal("31.818"),
        "TKP": Decimal("40.909"),
    }


def test_every_simulation_message_has_the_same_fields_in_both_languages() -> None:
    from string import Formatter

    from app.messages import known
    from app.messages.catalog_policy_sim import MESSAGES

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(template) if name}

    for key, (indonesian, english) in MESSAGES.items():
        assert fields(indonesian) == fields(english), key
    # Every problem the rules report, and every rule they name, can be said.
    for message in ("stages_differ", "component_not_scored", "component_moved",
                    "field_fixed", "aspects_dropped", "aspect_not_stored"):  # fmt: skip
        assert known(f"simulation.{message}")
    for rule in (RULE_THRESHOLD, RULE_WEIGHT, RULE_ASPECTS, RULE_TIE_BREAK):
        assert known(f"simulation.rule.{rule}")
