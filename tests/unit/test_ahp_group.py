"""A whole FGD in the rules (issue #14 §1): group results by hand, problems named, the draft
of a stage's weights checked by the scheme validator, and the demo's respondents."""

from __future__ import annotations

import pytest

from app.demo.fgd import RESPONDENTS, fgd_rows
from app.scoring.ahp import (
    TOP,
    AhpError,
    FgdInvalid,
    Judgment,
    Respondent,
    Response,
    analyse_fgd,
    propose_weights,
    response_problems,
    stage_criteria,
)
from app.scoring.presets import load_scheme_text
from app.services.schemes import load_preset_or_file


def _response(name: str, group: str, weight: float, *judgments: tuple[str, str, float]) -> Response:
    return Response(
        Respondent(name, group, weight), tuple(Judgment(a, b, v) for a, b, v in judgments)
    )


def test_group_weights_by_hand():
    # Pemda (weight 3) says A is 4 times B, Warga (weight 1) says B is 4 times A:
    # shares 3/4 and 1/4, AIJ 4^(3/4) · (1/4)^(1/4) = 2, weights 2/3 and 1/3.
    result = analyse_fgd(
        [
            _response("p", "Pemda", 3, ("A", "B", 4)),
            _response("w", "Warga", 1, ("A", "B", 1 / 4)),
        ]
    )
    top = result.top
    assert top is not None and top.key == TOP
    assert top.shares == pytest.approx({"p": 0.75, "w": 0.25})
    assert top.group.weights == pytest.approx((2 / 3, 1 / 3))
    assert top.percent == (67, 33)
    assert top.group.cr == 0
    assert top.respondents["p"].weights == pytest.approx((0.8, 0.2))
    spread_a = top.spread[0]
    assert (spread_a.minimum, spread_a.maximum) == pytest.approx((0.2, 0.8))
    assert top.consensus is not None and 0 <= top.consensus < 1
    assert result.global_weights == pytest.approx({"A": 2 / 3, "B": 1 / 3})


def test_two_groups_of_different_sizes_weigh_as_their_groups():
    # Two Pemda respondents and one Warga, groups equal: the Warga respondent weighs as
    # much as both Pemda respondents together.
    result = analyse_fgd(
        [
            _response("p1", "Pemda", 1, ("A", "B", 9)),
            _response("p2", "Pemda", 1, ("A", "B", 9)),
            _response("w", "Warga", 1, ("A", "B", 1 / 9)),
        ]
    )
    top = result.top
    assert top is not None
    assert top.shares == pytest.approx({"p1": 0.25, "p2": 0.25, "w": 0.5})
    assert top.group.weights == pytest.approx((0.5, 0.5))
    assert top.percent == (50, 50)


def _inconsistent() -> tuple[tuple[str, str, float], ...]:
    return (("A", "B", 5), ("B", "C", 5), ("A", "C", 1 / 5))


def _consistent() -> tuple[tuple[str, str, float], ...]:
    return (("A", "B", 2), ("B", "C", 2), ("A", "C", 4))


def test_inconsistent_respondents_are_counted_unless_excluded_and_the_exclusion_is_recorded():
    responses = [
        _response("x", "Pemda", 1, *_consistent()),
        _response("y", "Pemda", 1, *_consistent()),
        _response("z", "Warga", 1, *_inconsistent()),
    ]
    counted = analyse_fgd(responses)
    top = counted.top
    assert top is not None
    assert top.inconsistent == ("z",) and top.excluded == () and counted.excluded == ()
    assert set(top.shares) == {"x", "y", "z"}
    left_out = analyse_fgd(responses, exclude_inconsistent=True)
    top = left_out.top
    assert top is not None
    assert top.excluded == ("z",) and set(top.shares) == {"x", "y"}
    (exclusion,) = left_out.excluded
    assert (exclusion.respondent, exclusion.level) == ("z", TOP)
    assert exclusion.cr == pytest.approx(counted.top.respondents["z"].cr)  # type: ignore[union-attr]
    # The consistent pair's weights, exactly: 4 : 2 : 1.
    assert top.group.weights == pytest.approx((4 / 7, 2 / 7, 1 / 7))
    # Every respondent of a level left out: nothing to weigh, said so.
    with pytest.raises(AhpError) as refused:
        analyse_fgd([responses[2]], exclude_inconsistent=True)
    assert refused.value.message == "fgd.all_inconsistent"


def test_every_problem_is_named_at_once():
    responses = [
        _response(
            "x",
            "Pemda",
            0.35,
            ("A", "B", 3),
            ("A", "A", 1),  # itself
            ("B", "A", 1 / 3),  # the pair again
            ("A", "PRAKTIK.TEKNIS", 2),  # across levels
            ("C", "D", 12),  # outside the scale
        ),
        _response("y", "Pemda", 0.25, ("A", "B", 3), ("C", "D", 1)),  # group weight; cut off
        _response("z", "Warga", 0, ("A", "B", 3), ("B", "C", 1), ("C", "D", 1)),  # weight 0
    ]
    found = [(p.respondent, p.judgment, p.field, p.message) for p in response_problems(responses)]
    assert found == [
        (0, 1, "b", "fgd.same_criterion"),
        (0, 2, "b", "fgd.pair_twice"),
        (0, 3, "b", "fgd.cross_level"),
        (0, 4, "value", "fgd.out_of_scale"),
        (1, None, "group_weight", "fgd.group_weight_differs"),
        (1, None, "a", "fgd.cut_off"),
        (2, None, "group_weight", "fgd.group_weight_positive"),
    ]
    cut = response_problems(responses)[5]
    assert cut.params == {"level": TOP, "criteria": ["C", "D"]}
    with pytest.raises(FgdInvalid) as invalid:
        analyse_fgd(responses)
    assert len(invalid.value.problems) == 7


def test_an_incomplete_but_connected_respondent_is_completed():
    result = analyse_fgd([_response("x", "Pemda", 1, ("A", "B", 2), ("B", "C", 3))])
    top = result.top
    assert top is not None
    found = top.respondents["x"]
    assert found.missing == 1 and found.weights == pytest.approx((0.6, 0.3, 0.1))
    assert top.consensus is None  # one respondent


BINJAI = load_preset_or_file("binjai-kompetensi")
CPNS = load_preset_or_file("cpns-2024")


def test_stage_criteria_of_the_binjai_final_stage():
    assert stage_criteria(BINJAI.last_stage) == {
        TOP: ("PENGETAHUAN", "PRAKTIK", "PSIKOTES"),
        "PRAKTIK": ("PRAKTIK.TEKNIS", "PRAKTIK.KETEPATAN", "PRAKTIK.SIKAP", "PRAKTIK.KOMUNIKASI"),
    }
    with pytest.raises(AhpError) as refused:
        stage_criteria(CPNS.stage("SKD"))
    assert refused.value.message == "fgd.stage_not_weighted"


def test_a_categorical_gate_is_no_criterion():
    scheme = load_scheme_text(
        """
code = "uji"
name = "Uji"
kind = "LOKAL"
[[stages]]
code = "AKHIR"
name = "Akhir"
method = "weighted"
ranking = ["NILAI_AKHIR"]
[stages.codes]
within_quota = "L"
outside_quota = "TL"
below_threshold = "TMS"
absent = "TH"
requirement_failed = "TMS"
[[stages.components]]
code = "CAT"
name = "CAT"
category = "cat"
weight = 50
[[stages.components]]
code = "WAWANCARA"
name = "Wawancara"
category = "wawancara"
weight = 50
[[stages.components]]
code = "PSI"
name = "Psikotes"
kind = "categorical"
category = "psikotes"
values = ["MS", "TMS"]
passing = ["MS"]
"""
    )
    criteria = stage_criteria(scheme.last_stage)
    assert criteria == {TOP: ("CAT", "WAWANCARA")}
    problems = response_problems([_response("x", "G", 1, ("CAT", "PSI", 2))], criteria)
    assert [(p.field, p.message, p.params["value"]) for p in problems] == [
        ("b", "fgd.unknown_criterion", "PSI")
    ]


def test_the_draft_takes_the_percentages_and_is_validated():
    criteria = stage_criteria(BINJAI.last_stage)
    responses = [
        _response(
            "x",
            "Pemda",
            1,
            ("PENGETAHUAN", "PRAKTIK", 1),
            ("PENGETAHUAN", "PSIKOTES", 2),
            ("PRAKTIK", "PSIKOTES", 2),
            ("PRAKTIK.TEKNIS", "PRAKTIK.KETEPATAN", 2),
            ("PRAKTIK.TEKNIS", "PRAKTIK.SIKAP", 2),
            ("PRAKTIK.TEKNIS", "PRAKTIK.KOMUNIKASI", 2),
        )
    ]
    result = analyse_fgd(responses, criteria=criteria)
    draft = propose_weights(BINJAI, "AKHIR", result)
    assert draft.components == {"PENGETAHUAN": 40, "PRAKTIK": 40, "PSIKOTES": 20}
    # TEKNIS twice each of the other three, which are equal (a spanning tree): 2 : 1 : 1 : 1.
    assert draft.aspects == {
        "PRAKTIK": {"TEKNIS": 40, "KETEPATAN": 20, "SIKAP": 20, "KOMUNIKASI": 20}
    }
    assert draft.current_components == {"PENGETAHUAN": 40, "PRAKTIK": 35, "PSIKOTES": 25}
    assert draft.adoptable and draft.problems == ()
    stage = draft.scheme.stage("AKHIR")
    assert [c.weight for c in stage.components] == [40, 40, 20]
    assert BINJAI.last_stage.component("PRAKTIK").weight == 35  # the scheme itself unchanged
    # global weights: PRAKTIK 0.4 × TEKNIS 0.4
    assert result.global_weights["PRAKTIK.TEKNIS"] == pytest.approx(0.16)


def test_a_draft_that_breaks_the_regional_cpns_rule_says_which_and_is_not_adoptable():
    criteria = stage_criteria(CPNS.stage("AKHIR"))
    assert criteria[TOP] == ("CAT_SKB", "PRAKTIK")
    result = analyse_fgd([_response("x", "Pemda", 1, ("PRAKTIK", "CAT_SKB", 3))], criteria=criteria)
    draft = propose_weights(CPNS, "AKHIR", result)
    assert draft.components == {"CAT_SKB": 25, "PRAKTIK": 75}
    assert not draft.adoptable
    keys = {(p.key, p.message) for p in draft.problems}
    assert ("stages[1].components[0].weight", "scheme.regional_cat_weight") in keys
    assert ("stages[1].components[1].weight", "scheme.regional_extra_weight") in keys


def _demo_responses(seed: int) -> list[Response]:
    from decimal import Decimal
    from fractions import Fraction

    from app.scoring.ahp import judgment_of_decimal

    found: dict[str, tuple[str, float, list[Judgment]]] = {}
    for row in fgd_rows(
        [n for names in stage_criteria(BINJAI.last_stage).values() for n in names], seed
    ):
        entry = found.setdefault(
            row["responden"], (row["kelompok"], float(row["bobot_kelompok"]), [])
        )
        text = row["nilai"].replace(",", ".")
        if not text:
            continue
        value = Fraction(text) if "/" in text else judgment_of_decimal(Decimal(text))
        entry[2].append(Judgment(row["kriteria_a"], row["kriteria_b"], float(value)))
    return [Response(Respondent(n, g, w), tuple(j)) for n, (g, w, j) in found.items()]


@pytest.mark.parametrize("seed", [1, 2, 3, 7, 11])
def test_the_demo_fgd_has_twelve_respondents_in_four_groups_two_of_them_inconsistent(seed):
    responses = _demo_responses(seed)
    assert len(responses) == len(RESPONDENTS) == 12
    groups = {r.respondent.group: r.respondent.group_weight for r in responses}
    assert groups == {"Pemda": 0.35, "Akademisi/Ahli": 0.25, "DPRD": 0.2, "Masyarakat": 0.2}
    result = analyse_fgd(responses, criteria=stage_criteria(BINJAI.last_stage))
    inconsistent = {name for level in result.levels for name in level.inconsistent}
    assert len(inconsistent) == 2
    assert [level.key for level in result.levels] == [TOP, "PRAKTIK"]
    assert sum(found.missing for found in result.levels[1].respondents.values()) == 1
    assert propose_weights(BINJAI, "AKHIR", result).adoptable


def test_the_demo_is_the_same_for_the_same_seed():
    names = ["PENGETAHUAN", "PRAKTIK", "PSIKOTES"]
    assert fgd_rows(names, 4) == fgd_rows(names, 4)
    assert fgd_rows(names, 4) != fgd_rows(names, 5)
    with pytest.raises(ValueError):
        fgd_rows(["A", "B"], 1)
