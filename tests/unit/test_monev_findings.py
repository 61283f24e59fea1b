"""The findings of an evaluation (issue #13): each flag appears exactly when its bound is
crossed, on figures written by hand, and reads the same in Indonesian and English."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from scipy import stats

from app.messages import known
from app.messages.findings import finding_text
from app.scoring.monev.fairness import fairness
from app.scoring.monev.findings import Finding, findings, pileup


def _stage(**parts: Any) -> dict[str, Any]:
    flow = {
        "registered": 120,
        "present": 110,
        "absent": 10,
        "marked": {"APS": 0, "TMS": 0, "DIS": 0},
        "passed_threshold": {},
        "statuses": {"within_quota": 5, "absent": 10, "below_threshold": 105},
        "seats": {"kebutuhan": 5, "within_quota": 5},
        "empty_formations": [],
        "competition": {},
        "units": {},
    }
    return {
        "stage": "AKHIR",
        "flow": flow,
        "distributions": {},
        "fairness": {},
        "components": {},
        **parts,
    }


SCHEME = {
    "stages": {"AKHIR": {"name": "Seleksi Kompetensi", "components": ["PRAKTIK", "CAT"]}},
    "components": {
        "PRAKTIK": {
            "name": "Praktik Kerja",
            "stage": "AKHIR",
            "threshold": 60.0,
            "reference": "work_sample",
            "aspects": {"TEKNIS": "Keterampilan teknis"},
        },
        "CAT": {"name": "Tes Pengetahuan", "stage": "AKHIR", "threshold": None},
    },
    "formations": {"A1": {"position": "Analis"}},
}


def _figures(stage: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"selection": 1, "stages": {"AKHIR": stage}, "scheme": SCHEME, **top}


def _agreement(icc: float, ci: tuple[float, float], **more: Any) -> dict[str, Any]:
    return {
        "icc2_1": icc,
        "icc2_k": 0.8,
        "ci95": list(ci),
        "band": "moderate" if icc < 0.75 else "good",
        "panel": {"assessors": ["Ani", "Budi"], "n": 40},
        "n_participants": 44,
        "krippendorff_alpha": 0.6,
        "assessors": {},
        "aspects": {},
        **more,
    }


def _keys(found: list[Finding]) -> list[str]:
    return [f.key for f in found]


# -- assessors' agreement ------------------------------------------------------------------------


def test_an_icc_below_075_is_a_finding_with_its_band_and_interval() -> None:
    stage = _stage(components={"PRAKTIK": _agreement(0.62, (0.48, 0.74))})
    (found,) = findings(_figures(stage))
    assert found.key == "icc.AKHIR.PRAKTIK"
    assert found.severity == "warning"  # the whole interval lies below 0.75
    assert found.message == "monev.finding.icc"
    assert finding_text(found, "id") == (
        "Kesepakatan penilai komponen Praktik Kerja rendah: ICC(2,1) 0,62 (IK 95 % 0,48–0,74),"
        " di bawah 0,75; kategori sedang menurut Koo & Li (2016), 40 peserta × 2 penilai."
    )
    assert finding_text(found, "en") == (
        "Low agreement between the assessors of Praktik Kerja: ICC(2,1) 0.62 (95 % CI"
        " 0.48–0.74), below 0.75; moderate by Koo & Li (2016), 40 participants × 2 assessors."
    )
    assert finding_text(found, "id", with_stage=True).startswith("Tahap AKHIR: Kesepakatan")
    assert finding_text(found, "en", with_stage=True).startswith("Stage AKHIR: Low agreement")


def test_an_icc_of_075_is_good_enough_and_an_interval_reaching_it_makes_a_note() -> None:
    at_bound = _stage(components={"PRAKTIK": _agreement(0.75, (0.6, 0.85))})
    assert findings(_figures(at_bound)) == []
    unsure = _stage(components={"PRAKTIK": _agreement(0.7499, (0.5, 0.75))})
    (found,) = findings(_figures(unsure))
    assert found.severity == "note"  # the interval reaches 0.75: the panel cannot tell
    assert "0,75" in finding_text(found, "id")


def test_a_rubric_aspect_has_its_own_key_and_the_aspect_named() -> None:
    aspect = _agreement(0.40, (-0.1, 0.7), band="poor")
    stage = _stage(components={"PRAKTIK": _agreement(0.9, (0.8, 0.95), aspects={"TEKNIS": aspect})})
    (found,) = findings(_figures(stage))
    assert found.key == "icc.AKHIR.PRAKTIK.TEKNIS"
    text = finding_text(found, "id")
    assert "aspek Keterampilan teknis" in text and "kategori buruk" in text
    # A negative bound is written with "s.d.", so its minus does not read as a dash.
    assert "(IK 95 % -0,10 s.d. 0,70)" in text
    assert "(95 % CI -0.10 to 0.70)" in finding_text(found, "en")


def test_an_assessor_beyond_five_points_is_lenient_or_harsh() -> None:
    assessors = {
        "Ani": {"deviation": 5.0, "ci95": [3.0, 7.0], "n": 30},  # on the bound: not said
        "Budi": {"deviation": 5.01, "ci95": [2.0, 8.0], "n": 30},
        "Citra": {"deviation": -6.0, "ci95": [-9.5, 1.0], "n": 12},
        "Dedi": {"deviation": -12.5, "ci95": None, "n": 1},
    }
    stage = _stage(components={"PRAKTIK": _agreement(0.9, (0.8, 0.95), assessors=assessors)})
    found = findings(_figures(stage))
    assert _keys(found) == [
        "assessor.AKHIR.PRAKTIK.Budi",
        "assessor.AKHIR.PRAKTIK.Citra",
        "assessor.AKHIR.PRAKTIK.Dedi",
    ]
    budi, citra, dedi = found
    assert (budi.message, budi.severity) == ("monev.finding.assessor_lenient", "warning")
    assert (citra.message, citra.severity) == ("monev.finding.assessor_harsh", "note")
    assert dedi.severity == "note"  # one participant: no interval, no certainty
    assert finding_text(citra, "id") == (
        "Penilai Citra pada komponen Praktik Kerja cenderung ketat: rata-rata 6,0 poin di bawah"
        " penilai lain pada peserta yang sama (IK 95 % -9,5 s.d. 1,0; 12 peserta), melewati"
        " batas ±5 poin."
    )
    assert "(1 participants)" in finding_text(dedi, "en")
    assert "IK 95 %" not in finding_text(dedi, "id")


# -- fairness -------------------------------------------------------------------------------------


def _fair(counts: dict[str, tuple[int, int]]) -> dict[str, Any]:
    """The fairness figures as the evaluation writes them, from the rule itself."""
    found = fairness(counts)
    return {
        "levels": {
            g.group: {"applicants": g.applicants, "selected": g.selected, "rate": g.rate}
            for g in found.groups
        },
        "impact_ratio": found.impact_ratio,
        "fisher_p": found.fisher_p,
        "adverse": found.adverse,
        "too_small": list(found.too_small),
    }


def test_an_impact_ratio_below_four_fifths_is_a_finding() -> None:
    # 31 of 100 women against 40 of 100 men: 0.31 / 0.40 = 0.775 < 0.8.
    figure = _fair({"perempuan": (100, 31), "laki-laki": (100, 40)})
    assert figure["impact_ratio"] == pytest.approx(0.775)
    (found,) = findings(_figures(_stage(fairness={"sex": figure})))
    assert found.key == "fairness.AKHIR.sex"
    assert found.params["lowest"] == "perempuan" and found.params["highest"] == "laki-laki"
    p = stats.fisher_exact([[31, 69], [40, 60]]).pvalue
    assert found.params["fisher_p"] == pytest.approx(p) and p > 0.05
    assert found.severity == "note"  # not significant: shown, not yet a warning
    written = f"{p:.3f}".replace(".", ",")
    assert finding_text(found, "id") == (
        "Tingkat keterpilihan menurut jenis kelamin tidak seimbang: rasio dampak 0,78"
        " (perempuan: 31,0 %, dibanding laki-laki: 40,0 %), di bawah 0,8 (aturan empat perlima,"
        f" 29 CFR 1607.4(D)); uji eksak Fisher p = {written}."
    )


def test_a_ratio_of_exactly_four_fifths_passes_and_a_significant_gap_warns() -> None:
    at_bound = _fair({"perempuan": (100, 32), "laki-laki": (100, 40)})
    assert at_bound["impact_ratio"] == pytest.approx(0.8)
    assert findings(_figures(_stage(fairness={"sex": at_bound}))) == []
    wide = _fair({"perempuan": (200, 20), "laki-laki": (200, 60)})
    (found,) = findings(_figures(_stage(fairness={"sex": wide})))
    assert found.severity == "warning" and found.params["fisher_p"] < 0.001
    assert "uji eksak Fisher p < 0,001" in finding_text(found, "id")
    assert "Fisher's exact test p < 0.001" in finding_text(found, "en")
    # The levels the evaluation names itself read in English too; typed ones stay as typed.
    assert "(women: 10.0 %, against men: 30.0 %)" in finding_text(found, "en")


def test_groups_too_small_to_judge_are_one_note_per_grouping() -> None:
    # 29 applicants is too small, 30 is not (29 CFR 1607.4(B): small numbers say little).
    figure = _fair({"<25": (29, 3), "25-29": (30, 6), "30-34": (60, 12)})
    found = findings(_figures(_stage(fairness={"age": figure})))
    assert _keys(found) == ["small_group.AKHIR.age"]  # 0.2 / 0.2: no impact
    assert found[0].params["levels"] == [("<25", 29)]
    assert finding_text(found[0], "id") == (
        "Terlalu kecil untuk dinilai menurut kelompok usia (kurang dari 30 pelamar): usia <25 (29)."
    )


def test_a_long_list_of_small_groups_names_eight_and_counts_the_rest() -> None:
    counts = {f"S-1 Jurusan {i:02d}": (5, 1) for i in range(11)}
    found = findings(_figures(_stage(fairness={"education": _fair(counts)})))
    assert finding_text(found[0], "id").endswith("S-1 Jurusan 07 (5), dan 3 lainnya.")
    assert finding_text(found[0], "en").endswith("S-1 Jurusan 07 (5), and 3 more.")


# -- a pile-up at the threshold -------------------------------------------------------------------

EDGES = [float(e) for e in range(0, 101, 10)]


def _distribution(counts: list[int], window: int, n: int | None = None) -> dict[str, Any]:
    n = n if n is not None else sum(counts)
    return {
        "n": n,
        "mean": 60.0,
        "sd": 10.0,
        "quartiles": [55.0, 60.0, 65.0],
        "histogram": {"edges": EDGES, "counts": counts},
        "near_threshold": window / n,
        "just_below_threshold": 0.01,
        "at_maximum": 0.0,
    }


# Threshold 60 between the bins 50–60 (20) and 60–70 (70): the window 58–62 touches both,
# 20 points holding 90 people, 15 of them beside the window.
COUNTS = [0, 0, 0, 5, 20, 20, 70, 45, 30, 10]


def test_a_pile_up_is_twice_the_density_beside_the_window_and_beyond_chance() -> None:
    # k = 36: 36 / 5 = 7.2 per point in the window, (90 − 36) / 15 = 3.6 beside: twice.
    flag = pileup(_distribution(COUNTS, 36), 60.0)
    assert flag is not None
    assert flag["ratio"] == pytest.approx(2.0)
    assert flag["expected_share"] == pytest.approx(3.6 * 5 / 200)
    assert flag["p"] == pytest.approx(stats.binom.sf(35, 90, 5 / 20)) and flag["p"] < 0.01
    # k = 35: 7 per point against 55 / 15 = 3.67: 1.91 times, not a pile-up.
    assert pileup(_distribution(COUNTS, 35), 60.0) is None


def test_a_pile_up_in_few_people_is_not_told_from_chance() -> None:
    # 6 people in the window's bins, 4 of them in it: six times the density beside, but
    # P(X ≥ 4 | 6, 1/4) = 15·(1/4)^4·(3/4)^2 + 6·(1/4)^5·(3/4) + (1/4)^6 = 0.0376.
    figure = _distribution([0, 0, 0, 0, 2, 0, 6, 2, 0, 0], 4)
    assert stats.binom.sf(3, 6, 0.25) == pytest.approx(0.0376, abs=1e-4)
    assert pileup(figure, 60.0) is None


def test_narrow_bins_are_widened_until_ten_points_lie_beside_the_window() -> None:
    # A 0–40 scale in bins of 4: the window 18–22 touches 16–20 and 20–24 (8 points, 3
    # beside), so the bins 12–16 and 24–28 join: 16 points, 60 people, 30 in the window.
    figure = {
        "n": 100,
        "histogram": {
            "edges": [float(e) for e in range(0, 41, 4)],
            "counts": [0, 5, 10, 10, 10, 30, 10, 10, 10, 5],
        },
        "near_threshold": 0.30,
        "just_below_threshold": 0.05,
    }
    flag = pileup(figure, 20.0)
    assert flag is not None
    assert flag["expected_share"] == pytest.approx(30 / 11 * 5 / 100)
    assert flag["ratio"] == pytest.approx((30 / 5) / (30 / 11))
    assert flag["p"] == pytest.approx(stats.binom.sf(29, 60, 5 / 16))


def test_the_pile_up_finding_needs_the_threshold_and_names_it() -> None:
    stage = _stage(
        distributions={"PRAKTIK": _distribution(COUNTS, 40), "CAT": _distribution(COUNTS, 40)}
    )
    (found,) = findings(_figures(stage))  # CAT has no threshold: nothing to pile up at
    assert found.key == "pileup.AKHIR.PRAKTIK" and found.severity == "warning"
    text = finding_text(found, "id")
    assert text.startswith(
        "Nilai Praktik Kerja menumpuk di sekitar ambang batas 60: 20,0 % peserta dalam ±2 poin"
        " dari ambang, padahal sebaran di sekitarnya hanya memperkirakan 8,3 % (2,4 kali;"
    )
    assert text.endswith("1,0 % tepat di bawah ambang.")
    unlabelled = _figures(stage)
    del unlabelled["scheme"]
    assert findings(unlabelled) == []
    stage["distributions"]["CAT"]["threshold"] = 60.0  # a threshold in the figures counts too
    assert _keys(findings(unlabelled)) == ["pileup.AKHIR.CAT"]


# -- formations left empty ------------------------------------------------------------------------


def test_formations_left_empty_are_one_finding_with_why() -> None:
    stage = _stage()
    stage["flow"]["empty_formations"] = [
        {"formation": "A1", "statuses": {"below_threshold": 5, "absent": 1}},
        {"formation": "B7", "statuses": {"absent": 2}},
    ]
    (found,) = findings(_figures(stage))
    assert found.key == "empty.AKHIR" and found.params["count"] == 2
    assert finding_text(found, "id") == (
        "Formasi tanpa peserta dalam kuota: 2. A1 Analis (5 di bawah ambang, 1 tidak hadir),"
        " B7 (2 tidak hadir)."
    )
    assert finding_text(found, "en") == (
        "Formations without anyone within the quota: 2. A1 Analis (5 below a threshold, 1"
        " absent), B7 (2 absent)."
    )


# -- predictive validity ---------------------------------------------------------------------------

REFERENCE = {"job_knowledge": 0.40, "work_sample": 0.33}


def _validity(**entries: tuple[float, tuple[float, float] | None]) -> dict[str, Any]:
    return {
        code: {"rho": rho, "n": 60, "ci95": None if ci is None else list(ci), "p": 0.01}
        for code, (rho, ci) in entries.items()
    }


@pytest.mark.parametrize(
    ("ci", "message", "severity"),
    [
        ((0.05, 0.30), "monev.finding.validity_low", "warning"),
        ((0.05, 0.33), None, None),  # the upper bound reaches the reference
        ((-0.02, 0.40), "monev.finding.validity_zero", "note"),
        ((0.0, 0.40), "monev.finding.validity_zero", "note"),  # zero is inside
        ((-0.10, 0.20), "monev.finding.validity_low_zero", "warning"),
    ],
)
def test_a_validity_below_its_reference_or_not_told_from_zero(ci, message, severity) -> None:
    figures = _figures(
        _stage(), validity=_validity(PRAKTIK=(0.18, ci)), validity_reference=REFERENCE
    )
    found = [f for f in findings(figures) if f.key.startswith("validity.")]
    if message is None:
        assert found == []
        return
    (finding,) = found
    assert (finding.key, finding.message, finding.severity) == (
        "validity.PRAKTIK",
        message,
        severity,
    )


def test_validity_texts_name_the_reference_and_the_final_score() -> None:
    validity = _validity(PRAKTIK=(0.12, (0.02, 0.25)), NILAI_AKHIR=(0.05, (-0.2, 0.3)),
                         CAT=(0.2, (0.05, 0.35)))  # fmt: skip
    figures = _figures(_stage(), validity=validity, validity_reference=REFERENCE)
    found = {f.key: f for f in findings(figures)}
    # CAT has no kind of test named: compared with zero only, and zero is outside.
    assert set(found) == {"validity.PRAKTIK", "validity.NILAI_AKHIR", "range_restriction"}
    assert finding_text(found["validity.PRAKTIK"], "id") == (
        "Validitas prediktif nilai Praktik Kerja di bawah acuan: rho Spearman 0,12 (IK 95 %"
        " 0,02–0,25; n = 60); batas atas intervalnya pun di bawah 0,33, validitas tes sampel"
        " kerja menurut Sackett dkk. (2022)."
    )
    assert finding_text(found["validity.NILAI_AKHIR"], "en") == (
        "The predictive validity of the final score cannot be told from zero yet: Spearman's rho"
        " 0.05 (95 % CI -0.20 to 0.30; n = 60)."
    )


def test_the_range_restriction_note_comes_with_any_validity_and_only_then() -> None:
    assert "range_restriction" not in _keys(findings(_figures(_stage())))
    figures = _figures(_stage(), validity=_validity(CAT=(0.5, (0.3, 0.7))),
                       validity_reference=REFERENCE)  # fmt: skip
    (note,) = findings(figures)
    assert (note.key, note.severity) == ("range_restriction", "note")
    assert note.params == {"n": 60, "registered": 120}
    assert finding_text(note, "id").startswith("Hanya 60 dari 120 pelamar, yaitu mereka yang")
    # A validity without an interval (three pairs) says nothing but the note.
    figures["validity"] = _validity(CAT=(0.5, None))
    assert _keys(findings(figures)) == ["range_restriction"]


# -- every message --------------------------------------------------------------------------------


def test_every_finding_of_a_full_figure_set_reads_whole_in_both_languages() -> None:
    stage = _stage(
        components={
            "PRAKTIK": _agreement(
                0.5,
                (0.3, 0.7),
                assessors={"Ani": {"deviation": 7.0, "ci95": [5.5, 8.5], "n": 20}},
                aspects={"TEKNIS": _agreement(0.3, (0.1, 0.5), band="poor")},
            )
        },
        distributions={"PRAKTIK": _distribution(COUNTS, 40)},
        fairness={"sex": _fair({"perempuan": (200, 20), "laki-laki": (200, 60), "x": (3, 1)})},
    )
    stage["flow"]["empty_formations"] = [{"formation": "A1", "statuses": {"absent": 3}}]
    figures = _figures(stage, validity=_validity(PRAKTIK=(0.1, (-0.1, 0.3))),
                       validity_reference=REFERENCE)  # fmt: skip
    before = copy.deepcopy(figures)
    found = findings(figures)
    assert figures == before  # the rule reads, never writes
    assert {f.key.split(".")[0] for f in found} == {
        "empty", "icc", "assessor", "pileup", "fairness", "small_group", "validity",
        "range_restriction",
    }  # fmt: skip
    assert len(set(_keys(found))) == len(found)
    for finding in found:
        assert known(finding.message)
        for language in ("id", "en"):
            text = finding_text(finding, language)
            assert "{" not in text and "}" not in text, text
            assert "monev." not in text, text
        assert finding_text(finding, "id") != finding_text(finding, "en")


def test_every_monev_message_has_the_same_fields_in_both_languages() -> None:
    from string import Formatter

    from app.messages.catalog_monev import MESSAGES

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(template) if name}

    for key, (indonesian, english) in MESSAGES.items():
        assert fields(indonesian) == fields(english), key
