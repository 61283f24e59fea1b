"""Binjai competency selection (preset ``binjai-kompetensi``). Every number by hand.

    NA = PENGETAHUAN × 40 % + PRAKTIK × 35 % + PSIKOTES × 25 %, half-up to 3 decimals
each 0–100 with threshold 60 (below → TMS). PRAKTIK = exact mean of ≥ 2 assessors, each a
whole value or rubric aspects TEKNIS 40, KETEPATAN 20, SIKAP 20, KOMUNIKASI 20.
Tie-break: PRAKTIK, PENGETAHUAN, PSIKOTES, the older participant.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from app.scoring.numbers import Score
from app.scoring.presets import load_scheme_file
from app.scoring.ranking import ABSENT, Candidate, Entry, ResultRow, rank_selection

PRESETS = Path(__file__).resolve().parents[2] / "resources" / "schemes"
BINJAI = load_scheme_file(PRESETS / "binjai-kompetensi.toml")
BORN = date(1998, 8, 17)


def binjai(
    number: str,
    pengetahuan: Entry | None,
    praktik: Sequence[Entry] | None,
    psikotes: Entry | None,
    *,
    formation: str = "F1",
    born: date = BORN,
    marks: Sequence[tuple[str, str]] = (),
) -> Candidate:
    entries: dict[str, Sequence[Entry]] = {}
    if pengetahuan is not None:
        entries["PENGETAHUAN"] = [pengetahuan]
    if praktik is not None:
        entries["PRAKTIK"] = list(praktik)
    if psikotes is not None:
        entries["PSIKOTES"] = [psikotes]
    return Candidate(
        number=number,
        name=f"Peserta {number}",
        formation=formation,
        birth_date=born,
        marks=marks,
        entries=entries,
    )


def rubric(teknis: Score, ketepatan: Score, sikap: Score, komunikasi: Score) -> Mapping[str, Score]:
    return {"TEKNIS": teknis, "KETEPATAN": ketepatan, "SIKAP": sikap, "KOMUNIKASI": komunikasi}


def rank(quotas: Mapping[str, int], candidates: Sequence[Candidate]) -> dict[str, ResultRow]:
    results = rank_selection(BINJAI, quotas, candidates)
    assert list(results) == ["AKHIR"]
    return results["AKHIR"].by_number()


def summary(row: ResultRow) -> tuple[int | None, str | None, str]:
    return (row.rank, row.code, row.note)


def test_every_code() -> None:
    # kebutuhan 1
    people = [
        # PRAKTIK (80 + 90)/2 = 85; NA = 0.4×80 + 0.35×85 + 0.25×70 = 32 + 29.75 + 17.5 = 79.25
        binjai("01", 80, [80, 90], 70),  # → 1, L
        # NA = 0.4×70 + 0.35×70 + 0.25×70 = 28 + 24.5 + 17.5 = 70 → 2, TL
        binjai("02", 70, [70, 70], 70),
        # exactly 60 everywhere passes (≥ 60): NA 60 → 3, TL
        binjai("03", 60, [60, 60], 60),
        # PENGETAHUAN 59 < 60 → TMS; NA shown: 23.6 + 0.35×90 + 0.25×90 = 23.6+31.5+22.5 = 77.6
        binjai("04", 59, [90, 90], 90),
        # PRAKTIK (59 + 60)/2 = 59.5 < 60 → TMS (the mean is compared, not each assessor)
        binjai("05", 90, [59, 60], 90),
        # PSIKOTES 59 → TMS
        binjai("06", 90, [90, 90], 59),
        # absent at PSIKOTES → TH
        binjai("07", 90, [90, 90], ABSENT),
        # withdrew → APS
        binjai("08", 90, [90, 90], 90, marks=[("APS", "AKHIR")]),
        # disqualified → DIS
        binjai("09", 90, [90, 90], 90, marks=[("DIS", "AKHIR")]),
        # failed a requirement → TMS
        binjai("10", 90, [90, 90], 90, marks=[("TMS", "AKHIR")]),
        # one PRAKTIK assessor of two → incomplete
        binjai("11", 90, [90], 90),
    ]
    rows = rank({"F1": 1}, people)
    assert {n: summary(r) for n, r in rows.items()} == {
        "01": (1, "L", ""),
        "02": (2, "TL", ""),
        "03": (3, "TL", ""),
        "04": (None, "TMS", ""),
        "05": (None, "TMS", ""),
        "06": (None, "TMS", ""),
        "07": (None, "TH", ""),
        "08": (None, "APS", ""),
        "09": (None, "DIS", ""),
        "10": (None, "TMS", ""),
        "11": (None, None, "BELUM LENGKAP"),
    }
    assert rows["01"].final == Decimal("79.250")
    assert rows["02"].final == Decimal("70.000")
    assert rows["03"].final == Decimal("60.000")
    assert rows["04"].final == Decimal("77.600")
    assert rows["05"].exact["PRAKTIK"] == Fraction(119, 2)
    assert rows["05"].cells["PRAKTIK"] == Decimal("59.500")
    assert rows["07"].final is None


def test_absence_outranks_a_threshold() -> None:
    # PENGETAHUAN 50 < 60, but absent at PSIKOTES: the precedence puts TH before TMS.
    rows = rank({"F1": 1}, [binjai("01", 50, [80, 80], ABSENT)])
    assert summary(rows["01"]) == (None, "TH", "")


def test_rubric_assessors() -> None:
    # assessor 1: 0.4×85 + 0.2×80 + 0.2×75 + 0.2×70 = 34 + 16 + 15 + 14 = 79
    # assessor 2: 0.4×90 + 0.2×90 + 0.2×85 + 0.2×95 = 36 + 18 + 17 + 19 = 90
    # PRAKTIK = (79 + 90)/2 = 84.5
    # NA = 0.4×80 + 0.35×84.5 + 0.25×70 = 32 + 29.575 + 17.5 = 79.075
    rows = rank({"F1": 1}, [binjai("01", 80, [rubric(85, 80, 75, 70), rubric(90, 90, 85, 95)], 70)])
    assert rows["01"].exact["PRAKTIK"] == Fraction(169, 2)
    assert rows["01"].final == Decimal("79.075")
    assert summary(rows["01"]) == (1, "L", "")


def test_rubric_with_fractional_assessor_score() -> None:
    # assessor 1: 0.4×81 + 0.2×(70 + 70 + 71) = 32.4 + 42.2 = 74.6
    # assessor 2: 0.4×80 + 0.2×(80 + 80 + 80) = 32 + 48 = 80
    # PRAKTIK = (74.6 + 80)/2 = 77.3
    # NA = 0.4×70 + 0.35×77.3 + 0.25×70 = 28 + 27.055 + 17.5 = 72.555
    rows = rank({"F1": 1}, [binjai("01", 70, [rubric(81, 70, 70, 71), rubric(80, 80, 80, 80)], 70)])
    assert rows["01"].exact["PRAKTIK"] == Fraction("77.3")
    assert rows["01"].final == Decimal("72.555")


def test_rubric_below_threshold_is_tms() -> None:
    # assessor 1: 0.4×50 + 0.2×(60 + 60 + 60) = 20 + 36 = 56; assessor 2: 62 → mean 59 < 60
    rows = rank({"F1": 1}, [binjai("01", 80, [rubric(50, 60, 60, 60), 62], 80)])
    assert rows["01"].exact["PRAKTIK"] == 59
    assert summary(rows["01"]) == (None, "TMS", "")


def test_final_score_exact_half_rounds_up() -> None:
    # Four assessors (more than the minimum two): PRAKTIK = (70 + 71 + 71 + 71)/4 = 283/4 = 70.75
    # NA = 0.4×70 + 0.35×70.75 + 0.25×70 = 28 + 24.7625 + 17.5 = 70.2625 exactly
    # → half-up 70.263 (half-even would give 70.262)
    # PRAKTIK = (70 + 70 + 70 + 71)/4 = 70.25 → NA = 28 + 24.5875 + 17.5 = 70.0875 → 70.088
    rows = rank(
        {"F1": 2}, [binjai("01", 70, [70, 71, 71, 71], 70), binjai("02", 70, [70, 70, 70, 71], 70)]
    )
    assert rows["01"].final == Decimal("70.263")
    assert rows["02"].final == Decimal("70.088")
    assert rows["01"].cells["PRAKTIK"] == Decimal("70.750")


def test_tie_break_praktik_pengetahuan_psikotes_age() -> None:
    # Every NA is 80.  PSIKOTES can never decide alone: equal NA, PRAKTIK and PENGETAHUAN
    # force an equal PSIKOTES.
    people = [
        # 0.4×80 + 0.35×80 + 0.25×80 = 32 + 28 + 20 = 80; born 1998-08-17 → 4
        binjai("01", 80, [80, 80], 80),
        # 0.4×73 + 0.35×88 + 0.25×80 = 29.2 + 30.8 + 20 = 80; PRAKTIK 88 → 1
        binjai("02", 73, [88, 88], 80),
        # 0.4×85 + 0.35×80 + 0.25×72 = 34 + 28 + 18 = 80; PRAKTIK 80, PENGETAHUAN 85 → 2
        binjai("03", 85, [80, 80], 72),
        # as 01 but older → 3
        binjai("04", 80, [80, 80], 80, born=date(1998, 8, 16)),
        # as 01, same birth date → 4 as well (a complete tie, inside kebutuhan 5: no SERI)
        binjai("05", 80, [80, 80], 80),
    ]
    rows = rank({"F1": 5}, people)
    assert {r.final for r in rows.values()} == {Decimal("80.000")}
    # catatan names the key that ordered each against an equal neighbour (issue #10 §3):
    # 02|03 by PRAKTIK, 03|04 by PENGETAHUAN, 04|01 and 04|05 by age.
    assert {n: summary(r) for n, r in rows.items()} == {
        "02": (1, "L", "nilai sama — menurut PRAKTIK"),
        "03": (2, "L", "nilai sama — menurut PRAKTIK dan PENGETAHUAN"),
        "04": (3, "L", "nilai sama — menurut PENGETAHUAN dan usia"),
        "01": (4, "L", "nilai sama — menurut usia"),
        "05": (4, "L", "nilai sama — menurut usia"),
    }


def test_the_final_score_decides_to_the_thousandth() -> None:
    # 01: 0.4×80 + 0.35×80 + 0.25×80 = 80.000
    # 02: PRAKTIK (80 + 81)/2 = 80.5; 0.4×77 + 0.35×80.5 + 0.25×84 = 30.8 + 28.175 + 21 = 79.975
    # 01 is ahead by 0.025 although 02 has the better PRAKTIK.
    rows = rank({"F1": 1}, [binjai("01", 80, [80, 80], 80), binjai("02", 77, [80, 81], 84)])
    assert rows["02"].final == Decimal("79.975")
    assert summary(rows["01"]) == (1, "L", "")
    assert summary(rows["02"]) == (2, "TL", "")


def test_complete_tie_at_the_boundary_is_seri() -> None:
    # kebutuhan 1: 01 and 02 equal on everything (NA 70, PRAKTIK 70 by different assessors,
    # same birth date) → both 1, L, SERI.  03: NA 60 → 3, TL.
    people = [
        binjai("01", 70, [70, 70], 70),
        binjai("02", 70, [60, 80], 70),
        binjai("03", 60, [60, 60], 60),
    ]
    rows = rank({"F1": 1}, people)
    assert {n: summary(r) for n, r in rows.items()} == {
        "01": (1, "SERI", "menunggu keputusan panitia"),
        "02": (1, "SERI", "menunggu keputusan panitia"),
        "03": (3, "TL", ""),
    }


def test_row_order() -> None:
    people = [
        binjai("05", 70, [70, 70], 70, formation="DINKES"),  # DINKES: 70 → 2
        binjai("02", 90, [90, 90], 90, formation="DINKES"),  # DINKES: 90 → 1
        binjai("01", 50, [90, 90], 90, formation="DINKES"),  # DINKES: TMS
        binjai("04", 70, [70, 70], 70, formation="BKPSDM"),  # BKPSDM: 70 → 1
        binjai("03", 80, [80, 80], ABSENT, formation="BKPSDM"),  # BKPSDM: TH
    ]
    result = rank_selection(BINJAI, {"DINKES": 1, "BKPSDM": 1}, people)["AKHIR"]
    assert [(r.formation, r.number, r.rank, r.code) for r in result.rows] == [
        ("BKPSDM", "04", 1, "L"),
        ("BKPSDM", "03", None, "TH"),
        ("DINKES", "02", 1, "L"),
        ("DINKES", "05", 2, "TL"),
        ("DINKES", "01", None, "TMS"),
    ]
    assert result.columns == ("PENGETAHUAN", "PRAKTIK", "PSIKOTES")
