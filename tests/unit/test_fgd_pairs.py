"""Which pairs an FGD respondent compares (issue #14 §1)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.scoring.fgd_pairs import comparison_parts
from app.services.schemes import load_preset_or_file


def test_the_binjai_final_stage_by_hand() -> None:
    stage = load_preset_or_file("binjai-kompetensi").stages[-1]
    parts = comparison_parts(stage)
    top, aspects = parts
    assert top.parent is None
    assert [c.code for c in top.criteria] == ["PENGETAHUAN", "PRAKTIK", "PSIKOTES"]
    assert [(a.code, b.code) for a, b in top.pairs] == [
        ("PENGETAHUAN", "PRAKTIK"),
        ("PENGETAHUAN", "PSIKOTES"),
        ("PRAKTIK", "PSIKOTES"),
    ]
    assert aspects.parent is not None and aspects.parent.code == "PRAKTIK"
    assert [c.code for c in aspects.criteria] == [
        "PRAKTIK.TEKNIS",
        "PRAKTIK.KETEPATAN",
        "PRAKTIK.SIKAP",
        "PRAKTIK.KOMUNIKASI",
    ]
    assert len(aspects.pairs) == 6 and all(c.parent == "PRAKTIK" for c in aspects.criteria)


@given(st.integers(min_value=2, max_value=12))
def test_every_two_criteria_once(n: int) -> None:
    from dataclasses import replace

    stage = load_preset_or_file("binjai-kompetensi").stages[-1]
    template = stage.components[0]
    components = tuple(
        replace(template, code=f"K{i}", name=f"Kriteria {i}", weight=Decimal(1)) for i in range(n)
    )
    (top,) = [p for p in comparison_parts(replace(stage, components=components)) if not p.parent]
    pairs = [(a.code, b.code) for a, b in top.pairs]
    assert len(pairs) == n * (n - 1) // 2 == len({frozenset(p) for p in pairs})
