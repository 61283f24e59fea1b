"""One stage of the evaluation (``seleksi evaluate --stage``): what each stage keeps of the
validities, its labels, and the refusal of a stage that does not exist."""

from __future__ import annotations

import pytest

from app.services.errors import UserError
from app.services.evaluation_report import restrict_to_stage

FIGURES = {
    "selection": 1,
    "stages": {"SKD": {"flow": {"registered": 10}}, "AKHIR": {"flow": {"registered": 4}}},
    "scheme": {
        "stages": {
            "SKD": {"name": "Seleksi Kompetensi Dasar", "components": ["TWK", "TIU", "TKP"]},
            "AKHIR": {"name": "SKB dan integrasi", "components": ["CAT_SKB", "PRAKTIK"]},
        },
        "components": {
            "TWK": {"stage": "SKD"},
            "TIU": {"stage": "SKD"},
            "TKP": {"stage": "SKD"},
            "CAT_SKB": {"stage": "AKHIR"},
            "PRAKTIK": {"stage": "AKHIR"},
        },
        "formations": {"A1": {"position": "Analis"}},
    },
    "validity": {
        code: {"rho": 0.3, "n": 40, "ci95": [0.0, 0.5], "p": 0.05}
        for code in ("SKD", "CAT_SKB", "PRAKTIK", "NILAI_AKHIR")
    },
    "validity_reference": {"work_sample": 0.33},
}


def test_the_last_stage_keeps_its_components_and_the_final_score() -> None:
    kept = restrict_to_stage(FIGURES, "AKHIR", last="AKHIR")
    assert list(kept["stages"]) == ["AKHIR"]
    assert set(kept["validity"]) == {"CAT_SKB", "PRAKTIK", "NILAI_AKHIR"}
    assert set(kept["scheme"]["components"]) == {"CAT_SKB", "PRAKTIK"}
    assert list(kept["scheme"]["stages"]) == ["AKHIR"]
    assert kept["scheme"]["formations"] == FIGURES["scheme"]["formations"]
    assert kept["validity_reference"] == {"work_sample": 0.33}


def test_an_earlier_stage_keeps_its_own_total_only() -> None:
    kept = restrict_to_stage(FIGURES, "SKD", last="AKHIR")
    assert list(kept["stages"]) == ["SKD"] and set(kept["validity"]) == {"SKD"}
    assert set(FIGURES["stages"]) == {"SKD", "AKHIR"}  # the figures given are not touched


def test_a_stage_without_validity_drops_the_references_too() -> None:
    figures = {**FIGURES, "validity": {"PRAKTIK": FIGURES["validity"]["PRAKTIK"]}}
    kept = restrict_to_stage(figures, "SKD", last="AKHIR")
    assert "validity" not in kept and "validity_reference" not in kept


def test_an_unknown_stage_is_refused_with_the_stages_there_are() -> None:
    with pytest.raises(UserError) as refused:
        restrict_to_stage(FIGURES, "SKB", last="AKHIR")
    assert refused.value.message == "stage.not_found"
    assert refused.value.params == {"value": "SKB", "choices": ["SKD", "AKHIR"]}
