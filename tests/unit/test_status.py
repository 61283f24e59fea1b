"""A status is data, not a printed code: renaming codes never changes who goes on.

The committee may edit a stage's codes. Before statuses existed, admission compared printed
codes, so setting the SKD ``below_threshold`` code of cpns-2024 to ``P/L`` let a participant
with TWK 10 into AKHIR, where they ranked first and pushed a qualified participant out.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_ranking_properties import SCHEMES, selections

from app.scoring.legend import legend
from app.scoring.presets import load_scheme_file
from app.scoring.problems import SchemeInvalid
from app.scoring.ranking import Candidate, rank_selection
from app.scoring.scheme import NOTE_INCOMPLETE, NOTE_TIE, Scheme, StageCodes
from app.scoring.scheme_file import CODE_FIELDS, scheme_from_mapping, scheme_to_mapping
from app.scoring.status import MAY_SHARE_CODE, PRINTED_STATUSES, Status

PRESETS = Path(__file__).resolve().parents[2] / "resources" / "schemes"
CPNS = load_scheme_file(PRESETS / "cpns-2024.toml")
PPPK = load_scheme_file(PRESETS / "pppk-2024.toml")


def _with_codes(scheme: Scheme, stage_index: int, **codes: str) -> Scheme:
    """The scheme with some codes of one stage renamed, bypassing the validator."""
    stages = list(scheme.stages)
    stage = stages[stage_index]
    stages[stage_index] = dataclasses.replace(
        stage, codes=dataclasses.replace(stage.codes, **codes)
    )
    return dataclasses.replace(scheme, stages=tuple(stages))


def _participant(number: str, twk: int, cat: int) -> Candidate:
    return Candidate(
        number=number,
        name=f"Peserta {number}",
        formation="F1",
        birth_date=date(1995, 1, 1),
        entries={"TWK": [twk], "TIU": [120], "TKP": [200], "CAT_SKB": [cat], "PRAKTIK": [80, 80]},
    )


def test_a_below_threshold_code_that_reads_like_a_pass_admits_nobody() -> None:
    # TWK 10 is below the threshold 65 whatever the code says; with one vacancy and the SKD
    # cut at 3, both qualified participants go on, the unqualified one does not.
    scheme = _with_codes(CPNS, 0, below_threshold="P/L")
    people = [_participant("001", 10, 500), _participant("002", 100, 400)]
    people.append(_participant("003", 100, 300))
    results = rank_selection(scheme, {"F1": 1}, people)
    skd = results["SKD"].by_number()
    assert skd["001"].status is Status.BELOW_THRESHOLD
    assert skd["001"].code == "P/L"  # printed as the committee wrote it …
    assert skd["001"].rank is None  # … but neither ranked …
    akhir = results["AKHIR"].by_number()
    assert set(akhir) == {"002", "003"}  # … nor admitted to AKHIR
    assert (akhir["002"].rank, akhir["002"].status) == (1, Status.WITHIN_QUOTA)
    assert (akhir["003"].rank, akhir["003"].status) == (2, Status.OUTSIDE_QUOTA)
    assert akhir["002"].code == "P/L"


def test_the_validator_refuses_a_pass_code_on_another_status() -> None:
    mapping = scheme_to_mapping(CPNS)
    mapping["stages"][0]["codes"]["below_threshold"] = "P/L"
    with pytest.raises(SchemeInvalid) as raised:
        scheme_from_mapping(mapping)
    problems = {(p.key, p.message) for p in raised.value.problems}
    assert ("stages[0].codes.below_threshold", "scheme.code_shared") in problems


@pytest.mark.parametrize(
    ("field", "code", "refused"),
    [
        ("absent", "P/L", True),  # an absentee would read as passed
        ("withdrawn", "TH", True),  # withdrawn and absent are different facts
        ("disqualified", "P", True),  # P is "qualified, outside the cut" at SKD
        ("requirement_failed", "TL", False),  # TL and TMS both mean "did not pass"
        ("outside_quota", "TL", False),
        ("absent", "SERI", True),  # a note, not a code
        ("absent", "belum lengkap", True),
    ],
)
def test_shared_codes(field: str, code: str, refused: bool) -> None:
    mapping = scheme_to_mapping(CPNS)
    mapping["stages"][0]["codes"][field] = code
    if not refused:
        scheme_from_mapping(mapping)
        return
    with pytest.raises(SchemeInvalid) as raised:
        scheme_from_mapping(mapping)
    paths = [p.key for p in raised.value.problems]
    # the problem names the TOML key of one of the two statuses printed alike
    assert any(path.startswith("stages[0].codes.") for path in paths)


def test_every_preset_passes_its_own_code_rules() -> None:
    for scheme in SCHEMES.values():
        scheme_from_mapping(scheme_to_mapping(scheme))


def test_no_preset_prints_outside_quota_and_below_threshold_alike() -> None:
    """Issue #11 §1: a ranked participant beyond the vacancies and one below a threshold are
    two outcomes; PPPK printed both as TL."""
    for scheme in SCHEMES.values():
        for stage in scheme.stages:
            codes = stage.codes
            outside = codes.code_for(Status.OUTSIDE_QUOTA)
            assert outside != codes.code_for(Status.BELOW_THRESHOLD), (scheme.code, stage.code)
            assert codes.statuses_of(outside or "") == (Status.OUTSIDE_QUOTA,)


def test_code_for_and_statuses_of() -> None:
    akhir = CPNS.stage("AKHIR").codes
    assert akhir.code_for(Status.WITHIN_QUOTA) == "P/L"
    assert akhir.code_for(Status.ABSENT) == "P/TH"
    assert akhir.code_for(Status.INCOMPLETE) is None
    assert akhir.statuses_of("TMS-1") == (Status.BELOW_THRESHOLD, Status.REQUIREMENT_FAILED)
    # every printed status is a field of StageCodes, in the TOML's spelling
    assert {s.value for s in PRINTED_STATUSES} == set(CODE_FIELDS)
    assert set(PRINTED_STATUSES) >= MAY_SHARE_CODE


def test_legend_of_the_final_cpns_stage() -> None:
    entries = legend(CPNS.stage("AKHIR"), final=True)
    assert [(e.code, e.meanings) for e in entries] == [
        ("P/L", ("within_final",)),
        ("P/TL", ("outside_final",)),
        # AKHIR has no threshold, so TMS-1 means only a failed requirement or gate here
        ("P/TH", ("absent",)),
        ("TMS-1", ("requirement_failed",)),
        ("APS", ("withdrawn",)),
        ("DIS", ("disqualified",)),
        (NOTE_TIE, ("tie",)),
        (NOTE_INCOMPLETE, ("incomplete",)),
    ]


def test_legend_of_a_cut_without_incomplete_rows() -> None:
    entries = legend(CPNS.stage("SKD"), final=False, incomplete=False)
    assert [e.code for e in entries] == ["P/L", "P", "TL", "TH", "TMS", "APS", "DIS"]
    assert entries[0].meanings == ("within_cut",)
    assert not any(e.is_tie or e.is_incomplete for e in entries)


def test_legend_leaves_out_thresholds_a_stage_does_not_have() -> None:
    # PPPK 2024 has no passing threshold: nobody can be "below a threshold".
    (stage,) = PPPK.stages
    entries = legend(stage, final=True)
    assert all(Status.BELOW_THRESHOLD not in e.statuses for e in entries)
    assert entries[0].statuses == (Status.WITHIN_QUOTA,)


# -- the property: codes are printing only ------------------------------------------------

_CODE_TEXT = st.text(alphabet="ABCDLPST/-0123456789", min_size=1, max_size=5)


@st.composite
def _renamed(draw: st.DrawFn, scheme: Scheme) -> Scheme:
    """Every stage's codes replaced by arbitrary ones, even ones that a validator refuses."""
    stages = []
    for stage in scheme.stages:
        codes = StageCodes(**{name: draw(_CODE_TEXT) for name in CODE_FIELDS})
        stages.append(dataclasses.replace(stage, codes=codes))
    return dataclasses.replace(scheme, stages=tuple(stages))


@settings(max_examples=80, deadline=None)
@given(selections(), st.data())
def test_renaming_codes_never_changes_ranks_statuses_or_ties(
    selection: tuple[str, dict[str, int], list[Candidate]], data: st.DataObject
) -> None:
    name, quotas, candidates = selection
    scheme = SCHEMES[name]
    renamed = data.draw(_renamed(scheme))
    before = rank_selection(scheme, quotas, candidates)
    after = rank_selection(renamed, quotas, candidates)
    for stage in scheme.stages:
        old = before[stage.code].rows
        new = after[stage.code].rows
        assert [(r.number, r.rank, r.status, r.tie, r.final) for r in old] == [
            (r.number, r.rank, r.status, r.tie, r.final) for r in new
        ]
        codes = renamed.stage(stage.code).codes
        assert all(r.code == codes.code_for(r.status) for r in new)
