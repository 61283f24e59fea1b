"""PPPK 2024 (preset ``pppk-2024``): a plain sum, no thresholds. Every number by hand.

    total = TEKNIS (0–450) + MANSOSKUL (0–180) + WAWANCARA (0–40)      (0–670)
Priority group first (1 before 2 before none), then the total, TEKNIS, MANSOSKUL, WAWANCARA,
the older participant. Affirmation adds a percentage of 450 to TEKNIS, capped at 450.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from app.scoring.presets import load_scheme_file
from app.scoring.ranking import ABSENT, Candidate, Entry, ResultRow, rank_selection

PRESETS = Path(__file__).resolve().parents[2] / "resources" / "schemes"
PPPK = load_scheme_file(PRESETS / "pppk-2024.toml")
BORN = date(1990, 3, 1)


def pppk(
    number: str,
    teknis: Entry | None,
    mansoskul: Entry | None,
    wawancara: Entry | None,
    *,
    formation: str = "F1",
    born: date = BORN,
    group: int | None = None,
    afirmasi: str | None = None,
    marks: Sequence[tuple[str, str]] = (),
) -> Candidate:
    scores = {"TEKNIS": teknis, "MANSOSKUL": mansoskul, "WAWANCARA": wawancara}
    return Candidate(
        number=number,
        name=f"Peserta {number}",
        formation=formation,
        birth_date=born,
        priority_group=group,
        affirmation_percent=Decimal(afirmasi) if afirmasi is not None else None,
        marks=marks,
        entries={code: [value] for code, value in scores.items() if value is not None},
    )


def rank(quotas: Mapping[str, int], candidates: Sequence[Candidate]) -> dict[str, ResultRow]:
    results = rank_selection(PPPK, quotas, candidates)
    assert list(results) == ["AKHIR"]
    return results["AKHIR"].by_number()


def summary(row: ResultRow) -> tuple[int | None, str | None, str]:
    return (row.rank, row.code, row.note)


def test_sum_total() -> None:
    rows = rank(
        {"F1": 3},
        [
            pppk("01", 400, 150, 35),  # 400 + 150 + 35 = 585
            pppk("02", 450, 180, 40),  # the maximum: 450 + 180 + 40 = 670
            pppk("03", 0, 0, 0),  # the minimum: 0, still ranked (no threshold in 2024)
        ],
    )
    assert rows["01"].final == Decimal("585.000")
    assert rows["02"].final == Decimal("670.000")
    assert rows["03"].final == Decimal("0.000")
    assert [summary(rows[n]) for n in ("02", "01", "03")] == [
        (1, "L", ""),
        (2, "L", ""),
        (3, "L", ""),
    ]


def test_every_code_and_priority_groups() -> None:
    # kebutuhan 2. Group 1: 03 → 1; group 2: 04 (430) → 2, 05 (370) → 3;
    # no group: 01 (585) → 4, 02 (540) → 5.
    people = [
        pppk("01", 400, 150, 35),  # 400 + 150 + 35 = 585, no group → 4, TL
        pppk("02", 350, 160, 30),  # 350 + 160 + 30 = 540, no group → 5, TL
        pppk("03", 300, 120, 20, group=1),  # 440, group 1 → 1, L (group before total)
        pppk("04", 310, 100, 20, group=2),  # 430, group 2 → 2, L
        pppk("05", 250, 100, 20, group=2),  # 370, group 2 → 3, TL
        pppk("06", ABSENT, 150, 30),  # absent at TEKNIS → TH
        pppk("07", 450, 180, 40, marks=[("APS", "AKHIR")]),  # withdrew → APS
        pppk("08", 450, 180, None),  # WAWANCARA not entered → incomplete
    ]
    rows = rank({"F1": 2}, people)
    assert {n: summary(r) for n, r in rows.items()} == {
        "03": (1, "L", ""),
        "04": (2, "L", ""),
        "05": (3, "TL", ""),
        "01": (4, "TL", ""),
        "02": (5, "TL", ""),
        "06": (None, "TH", ""),
        "07": (None, "APS", ""),
        "08": (None, None, "BELUM LENGKAP"),
    }
    assert rows["06"].cells["TEKNIS"] == "TH"
    assert rows["06"].final is None


def test_affirmation() -> None:
    people = [
        # TEKNIS 300 + 10 % × 450 = 300 + 45 = 345; total 345 + 100 + 20 = 465
        pppk("01", 300, 100, 20, afirmasi="10"),
        # TEKNIS 440 + 45 = 485 → capped at 450; total 450 + 100 + 20 = 570
        pppk("02", 440, 100, 20, afirmasi="10"),
        # TEKNIS 300 + 2.5 % × 450 = 300 + 11.25 = 311.25; total 431.25
        pppk("03", 300, 100, 20, afirmasi="2.5"),
        # 0 % changes nothing: 300 + 100 + 20 = 420
        pppk("04", 300, 100, 20, afirmasi="0"),
        # 100 % of 450 → capped at 450 even from 0: 450 + 100 + 20 = 570 (ties 02)
        pppk("05", 0, 100, 20, afirmasi="100"),
    ]
    rows = rank({"F1": 5}, people)
    assert rows["01"].exact["TEKNIS"] == 345
    assert rows["01"].cells["TEKNIS"] == Decimal("345.000")
    assert rows["01"].final == Decimal("465.000")
    assert rows["02"].exact["TEKNIS"] == 450
    assert rows["02"].final == Decimal("570.000")
    assert rows["03"].exact["TEKNIS"] == Fraction("311.25")
    assert rows["03"].final == Decimal("431.250")
    assert rows["04"].final == Decimal("420.000")
    assert rows["05"].exact["TEKNIS"] == 450
    # 02 and 05 equal on everything (570, TEKNIS 450, 100, 20, same birth date) → 1, 1
    # kebutuhan 5 holds them both: no SERI.  01 (465) → 3, 03 (431.25) → 4, 04 (420) → 5.
    assert {n: summary(r) for n, r in rows.items()} == {
        "02": (1, "L", ""),
        "05": (1, "L", ""),
        "01": (3, "L", ""),
        "03": (4, "L", ""),
        "04": (5, "L", ""),
    }


def test_affirmation_only_for_the_affirmation_component() -> None:
    # MANSOSKUL has no affirmation: 300 + 100 + 20 with 10 % → TEKNIS 345, MANSOSKUL stays 100.
    rows = rank({"F1": 1}, [pppk("01", 300, 100, 20, afirmasi="10")])
    assert rows["01"].exact == {"TEKNIS": 345, "MANSOSKUL": 100, "WAWANCARA": 20}


def test_tie_break_teknis_mansoskul_wawancara_age() -> None:
    # Every total is 480. WAWANCARA can never decide alone: equal total, TEKNIS and MANSOSKUL
    # force an equal WAWANCARA.
    people = [
        pppk("01", 300, 150, 30),  # TEKNIS 300, MANSOSKUL 150, born 1990-03-01 → 4
        pppk("02", 305, 145, 30),  # TEKNIS 305 → 1 (TEKNIS decides first)
        pppk("03", 300, 151, 29),  # TEKNIS 300, MANSOSKUL 151 → 2
        pppk("04", 300, 150, 30, born=date(1989, 12, 31)),  # as 01 but older → 3
        pppk("05", 295, 180, 5, born=date(1950, 1, 1)),  # 480 with TEKNIS 295 → 5
    ]
    rows = rank({"F1": 3}, people)
    assert {n: summary(r) for n, r in rows.items()} == {
        # 02|03 by TEKNIS, 03|04 by MANSOSKUL, 04|01 by age, 01|05 by TEKNIS (issue #10 §3)
        "02": (1, "L", "nilai sama — menurut TEKNIS"),
        "03": (2, "L", "nilai sama — menurut TEKNIS dan MANSOSKUL"),
        "04": (3, "L", "nilai sama — menurut MANSOSKUL dan usia"),
        "01": (4, "TL", "nilai sama — menurut TEKNIS dan usia"),
        "05": (5, "TL", "nilai sama — menurut TEKNIS"),
    }


def test_affirmation_counts_in_the_teknis_tie_break() -> None:
    # 01: TEKNIS 300 + 10 % × 450 = 345, + 100 + 20 = 465
    # 02: TEKNIS 345 + 100 + 20 = 465 without affirmation: equal on everything → 1, 1, SERI
    #     at kebutuhan 1.
    rows = rank({"F1": 1}, [pppk("01", 300, 100, 20, afirmasi="10"), pppk("02", 345, 100, 20)])
    assert {n: summary(r) for n, r in rows.items()} == {
        "01": (1, "SERI", "menunggu keputusan panitia"),
        "02": (1, "SERI", "menunggu keputusan panitia"),
    }


def test_priority_group_comes_before_the_total() -> None:
    people = [
        pppk("01", 450, 180, 40),  # 670, no group → 3
        pppk("02", 0, 0, 0, group=2),  # 0, group 2 → 2
        pppk("03", 5, 0, 0, group=1),  # 5, group 1 → 1
    ]
    rows = rank({"F1": 1}, people)
    assert {n: summary(r) for n, r in rows.items()} == {
        "03": (1, "L", ""),
        "02": (2, "TL", ""),
        "01": (3, "TL", ""),
    }


def test_formations_are_ranked_apart() -> None:
    people = [
        pppk("01", 400, 150, 35, formation="GURU"),  # 585 → 1 in GURU
        pppk("02", 300, 150, 35, formation="GURU"),  # 485 → 2 in GURU, kebutuhan 1 → TL
        pppk("03", 100, 100, 10, formation="NAKES"),  # 210 → 1 in NAKES
    ]
    rows = rank({"GURU": 1, "NAKES": 1}, people)
    assert {n: summary(r) for n, r in rows.items()} == {
        "01": (1, "L", ""),
        "02": (2, "TL", ""),
        "03": (1, "L", ""),
    }
