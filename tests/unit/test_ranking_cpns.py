"""CPNS 2024 (preset ``cpns-2024``): SKD, then AKHIR integrating SKD. Every number by hand.

Formulas (DESIGN §4.1):
    SKD  = TWK + TIU + TKP                                   (0–550)
    SKB  = CAT_SKB / 500 × 100 × 60 % + PRAKTIK × 40 %       (0–100)
    NA   = SKD / 550 × 100 × 40 % + SKB × 60 %, half-up to 3 decimals
so   NA  = SKD × 4/55 + CAT_SKB × 0.072 + PRAKTIK × 0.24.
PRAKTIK = exact mean of the assessors; an assessor gives a whole value or rubric aspects,
weighted TEKNIS 40, KETEPATAN 20, SIKAP 20, KOMUNIKASI 20.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from app.scoring.numbers import Score
from app.scoring.presets import load_scheme_file
from app.scoring.ranking import ABSENT, Candidate, Entry, ResultRow, StageResult, rank_selection
from app.scoring.scheme import Scheme
from app.scoring.scheme_file import scheme_from_mapping, scheme_to_mapping

PRESETS = Path(__file__).resolve().parents[2] / "resources" / "schemes"
CPNS = load_scheme_file(PRESETS / "cpns-2024.toml")
BORN = date(1995, 6, 1)


def cpns(
    number: str,
    skd: tuple[Entry, Entry, Entry] | None,
    cat: Entry | None = None,
    praktik: Sequence[Entry] | None = None,
    *,
    formation: str = "F1",
    born: date = BORN,
    ipk: str | None = None,
    marks: Sequence[tuple[str, str]] = (),
    **more: Sequence[Entry],
) -> Candidate:
    """A CPNS participant; ``None`` leaves a score unentered."""
    entries: dict[str, Sequence[Entry]] = {}
    if skd is not None:
        entries |= {"TWK": [skd[0]], "TIU": [skd[1]], "TKP": [skd[2]]}
    if cat is not None:
        entries["CAT_SKB"] = [cat]
    if praktik is not None:
        entries["PRAKTIK"] = list(praktik)
    entries |= more
    return Candidate(
        number=number,
        name=f"Peserta {number}",
        formation=formation,
        birth_date=born,
        ipk=Decimal(ipk) if ipk is not None else None,
        marks=marks,
        entries=entries,
    )


def rubric(teknis: Score, ketepatan: Score, sikap: Score, komunikasi: Score) -> Mapping[str, Score]:
    return {"TEKNIS": teknis, "KETEPATAN": ketepatan, "SIKAP": sikap, "KOMUNIKASI": komunikasi}


def rank(
    quotas: Mapping[str, int], candidates: Sequence[Candidate], scheme: Scheme = CPNS
) -> dict[str, dict[str, ResultRow]]:
    results = rank_selection(scheme, quotas, candidates)
    return {stage: result.by_number() for stage, result in results.items()}


def summary(row: ResultRow) -> tuple[int | None, str | None, str]:
    return (row.rank, row.code, row.note)


# --- SKD -----------------------------------------------------------------------------------


def test_skd_every_code() -> None:
    # kebutuhan 1 → the best 3 × 1 = 3 go on to SKB. Thresholds TWK 65, TIU 80, TKP 166.
    people = [
        cpns("01", (120, 150, 200)),  # 470, all thresholds met → rank 1, P/L
        cpns("02", (100, 120, 190)),  # 410 → rank 2, P/L
        cpns("03", (90, 100, 180)),  # 370 → rank 3, P/L
        cpns("04", (65, 80, 166)),  # 311, exactly on every threshold (≥) → rank 4, P
        cpns("05", (60, 170, 220)),  # TWK 60 < 65 → TL, although 450 is a high total
        cpns("06", (100, 75, 200)),  # TIU 75 < 80 → TL
        cpns("07", (100, 100, 165)),  # TKP 165 < 166 → TL
        cpns("08", (ABSENT, 100, 200)),  # absent at TWK → TH
        cpns("09", (120, 150, 200), marks=[("DIS", "SKD")]),  # DIS, scores do not matter
        cpns("10", (120, 150, 200), marks=[("APS", "SKD")]),  # withdrew → APS
        cpns("11", (120, 150, 200), marks=[("TMS", "SKD")]),  # requirement failed → TMS
        cpns("12", None, TKP=[200]),  # TKP only: not yet complete
    ]
    skd = rank({"F1": 1}, people)["SKD"]
    assert {n: summary(r) for n, r in skd.items()} == {
        "01": (1, "P/L", ""),
        "02": (2, "P/L", ""),
        "03": (3, "P/L", ""),
        "04": (4, "P", ""),
        "05": (None, "TL", ""),
        "06": (None, "TL", ""),
        "07": (None, "TL", ""),
        "08": (None, "TH", ""),
        "09": (None, "DIS", ""),
        "10": (None, "APS", ""),
        "11": (None, "TMS", ""),
        "12": (None, None, "BELUM LENGKAP"),
    }
    # The total is shown even below a threshold: 60 + 170 + 220 = 450.
    assert skd["05"].final == Decimal("450.000")
    assert skd["01"].final == Decimal("470.000")  # 120 + 150 + 200
    assert skd["01"].cells == {
        "TWK": Decimal("120.000"),
        "TIU": Decimal("150.000"),
        "TKP": Decimal("200.000"),
    }
    # Absent: TH in its cell, no total.
    assert skd["08"].cells["TWK"] == "TH"
    assert skd["08"].final is None
    # Not entered: an empty cell, no total.
    assert skd["12"].cells == {"TWK": None, "TIU": None, "TKP": Decimal("200.000")}
    assert skd["12"].final is None


def test_skd_cut_keeps_everyone_tied_with_the_last() -> None:
    # kebutuhan 1 → cut at 3; 03 and 04 are tied on all four values (380, TKP 180, TIU 100,
    # TWK 100) at rank 3, so four participants go on.
    people = [
        cpns("01", (120, 150, 200)),  # 470 → 1
        cpns("02", (100, 120, 190)),  # 410 → 2
        cpns("03", (100, 100, 180)),  # 380, TKP 180, TIU 100 → 3
        cpns("04", (100, 100, 180)),  # the same → 3
        cpns("05", (105, 100, 175)),  # 380, TKP 175 < 180 → 6
        cpns("06", (105, 95, 180)),  # 380, TKP 180, TIU 95 < 100 → 5
    ]
    results = rank({"F1": 1}, people)
    assert {n: summary(r) for n, r in results["SKD"].items()} == {
        "01": (1, "P/L", ""),
        "02": (2, "P/L", ""),
        # 380 each: 03 and 04 before 06 by TIU, 06 before 05 by TKP (issue #10 §3)
        "03": (3, "P/L", "nilai sama — menurut TIU"),
        "04": (3, "P/L", "nilai sama — menurut TIU"),
        "05": (6, "P", "nilai sama — menurut TKP"),
        "06": (5, "P", "nilai sama — menurut TKP dan TIU"),
    }
    # SKD never prints SERI: the tie is resolved by letting everyone tied go on.
    assert set(results["AKHIR"]) == {"01", "02", "03", "04"}


def test_skd_tie_broken_by_tkp_then_tiu_then_twk() -> None:
    # Every total is 400. TWK can never decide alone: equal total, TKP and TIU force equal TWK.
    people = [
        cpns("01", (110, 95, 195)),  # TKP 195, TIU 95 → 4
        cpns("02", (95, 110, 195)),  # TKP 195, TIU 110 → 3 (TIU decides before TWK 95 < 110)
        cpns("03", (100, 100, 200)),  # TKP 200 → 1 (TKP decides before TIU)
        cpns("04", (100, 100, 200)),  # the same on all four → 1 as well
        cpns("05", (65, 110, 224)),  # 399 with the best TKP → still last: the total first
    ]
    skd = rank({"F1": 10}, people)["SKD"]
    assert {n: r.rank for n, r in skd.items()} == {"01": 4, "02": 3, "03": 1, "04": 1, "05": 5}
    assert {r.code for r in skd.values()} == {"P/L"}  # 5 ≤ 3 × 10


def test_skd_without_quota_everyone_ranked_outside() -> None:
    skd = rank({}, [cpns("01", (120, 150, 200))])["SKD"]
    assert summary(skd["01"]) == (1, "P", "")


# --- AKHIR: the final score ----------------------------------------------------------------


def test_final_score_arithmetic() -> None:
    people = [
        # SKD 100 + 100 + 200 = 400 → 400/550 × 100 × 40 % = 29.090909…
        # CAT 400 → 400/500 × 100 × 60 % = 48; PRAKTIK (80 + 80)/2 = 80 → 80 × 40 % = 32
        # SKB = 48 + 32 = 80 → × 60 % = 48.   NA = 77.090909… → 77.091
        cpns("01", (100, 100, 200), 400, [80, 80]),
        # PRAKTIK: assessor 1 by rubric 0.4×90 + 0.2×70 + 0.2×80 + 0.2×75 = 36+14+16+15 = 81,
        # assessor 2 a whole 78 → exact mean (81 + 78)/2 = 79.5
        # SKB = 48 + 79.5 × 0.4 = 48 + 31.8 = 79.8 → × 0.6 = 47.88
        # NA = 29.090909… + 47.88 = 76.970909… → 76.971
        cpns("02", (100, 100, 200), 400, [rubric(90, 70, 80, 75), 78]),
        # SKD 110 + 95 + 200 = 405 → 405 × 4/55 = 29.454545…; SKB part 48 (as 01)
        # NA = 77.454545…: the 4th decimal is 5 (and more follows) → 77.455, not 77.454
        cpns("03", (110, 95, 200), 400, [80, 80]),
        # SKD 400; CAT 350 → 350 × 0.072 = 25.2; PRAKTIK (79 + 80)/2 = 79.5 → 19.08
        # NA = 29.090909… + 25.2 + 19.08 = 73.370909… → 73.371
        cpns("04", (100, 100, 200), 350, [79, 80]),
    ]
    akhir = rank({"F1": 2}, people)["AKHIR"]
    assert akhir["01"].final == Decimal("77.091")
    assert akhir["02"].final == Decimal("76.971")
    assert akhir["03"].final == Decimal("77.455")
    assert akhir["04"].final == Decimal("73.371")
    assert akhir["02"].exact["PRAKTIK"] == Fraction(159, 2)
    assert akhir["02"].cells == {
        "SKD": Decimal("400.000"),
        "CAT_SKB": Decimal("400.000"),
        "PRAKTIK": Decimal("79.500"),
    }
    # 03 (77.455) > 01 (77.091) > 02 (76.971) > 04 (73.371)
    assert {n: summary(r) for n, r in akhir.items()} == {
        "03": (1, "P/L", ""),
        "01": (2, "P/L", ""),
        "02": (3, "P/TL", ""),
        "04": (4, "P/TL", ""),
    }


def test_praktik_exact_mean_is_not_rounded_before_weighting() -> None:
    # PRAKTIK (80 + 81 + 81)/3 = 80.666… (three assessors, more than the minimum of two)
    # × 0.24 = 19.36 exactly (242/3 × 6/25 = 1452/75 = 19.36); SKD 400 → 29.090909…; CAT 400 → 28.8
    # NA = 77.250909… → 77.251.  (Rounding the mean first, 80.667 × 0.24 = 19.36008, would also
    # give 77.251, so the exact mean is checked directly.)
    akhir = rank({"F1": 1}, [cpns("01", (100, 100, 200), 400, [80, 81, 81])])["AKHIR"]
    assert akhir["01"].exact["PRAKTIK"] == Fraction(242, 3)
    assert akhir["01"].cells["PRAKTIK"] == Decimal("80.667")
    assert akhir["01"].final == Decimal("77.251")


def test_final_score_exact_half_rounds_up() -> None:
    # With CAT SKB over 0–500 and two assessors giving whole values, the exact NA never ends in
    # a bare 5 at the 4th decimal (SKD × 4/55 terminates only for SKD a multiple of 11, and then
    # NA has ≤ 3 decimals), so use the CAT SKB maximum setting: 0–320.
    # CAT/320 × 100 × 60 % × 60 % = CAT × 0.1125.
    data = scheme_to_mapping(CPNS)
    data["stages"][1]["components"][0]["max"] = "320"
    scheme = scheme_from_mapping(data)
    # SKD 100 + 140 + 200 = 440 → 440 × 4/55 = 32; CAT 301 × 0.1125 = 33.8625; PRAKTIK 80 × 0.24
    # = 19.2.  NA = 85.0625 exactly → half-up 85.063 (half-even would give 85.062).
    akhir = rank({"F1": 1}, [cpns("01", (100, 140, 200), 301, [80, 80])], scheme)["AKHIR"]
    assert akhir["01"].final == Decimal("85.063")


# --- AKHIR: codes ---------------------------------------------------------------------------


def test_akhir_lists_only_those_who_passed_skd() -> None:
    people = [
        cpns("01", (100, 100, 200), 400, [80, 80]),  # SKD 400 → P/L
        cpns("02", (100, 100, 190), 400, [80, 80]),  # SKD 390 → P/L (rank 2 ≤ 3)
        cpns("03", (100, 100, 180), 400, [80, 80]),  # SKD 380 → P/L (rank 3 ≤ 3)
        cpns("04", (100, 100, 170), 400, [80, 80]),  # SKD 370 → rank 4 → P
        cpns("05", (60, 100, 200), 400, [80, 80]),  # TWK below 65 → TL
        cpns("06", (ABSENT, 100, 200), 400, [80, 80]),  # TH at SKD
    ]
    results = rank({"F1": 1}, people)
    assert results["SKD"]["04"].code == "P"
    assert set(results["AKHIR"]) == {"01", "02", "03"}


def test_akhir_every_code() -> None:
    # kebutuhan 2 → SKD cut 6; the seven below all have SKD 400 (100/100/200) except 08.
    people = [
        # NA 77.091 (see test_final_score_arithmetic) → 1, P/L
        cpns("01", (100, 100, 200), 400, [80, 80]),
        # CAT 350 → 25.2; PRAKTIK 80 → 19.2; NA = 29.090909… + 44.4 = 73.490909… → 73.491 → 2
        cpns("02", (100, 100, 200), 350, [80, 80]),
        # CAT 300 → 21.6; PRAKTIK 70 → 16.8; NA = 29.090909… + 38.4 = 67.490909… → 67.491 → 3,
        # outside kebutuhan 2 → P/TL
        cpns("03", (100, 100, 200), 300, [70, 70]),
        # absent at CAT SKB → P/TH
        cpns("04", (100, 100, 200), ABSENT, [80, 80]),
        # TMS mark from AKHIR: SKD shows P/L, AKHIR TMS-1, although NA would be the best
        cpns("05", (100, 100, 200), 450, [90, 90], marks=[("TMS", "AKHIR")]),
        # withdrew after SKD: SKD P/L, AKHIR APS
        cpns("06", (100, 100, 200), 450, [90, 90], marks=[("APS", "AKHIR")]),
        # disqualified at AKHIR
        cpns("07", (100, 100, 200), 450, [90, 90], marks=[("DIS", "AKHIR")]),
        # SKD 65 + 80 + 166 = 311 → SKD rank 8 > 6 → P, not at AKHIR
        cpns("08", (65, 80, 166), 500, [100, 100]),
    ]
    results = rank({"F1": 2}, people)
    skd, akhir = results["SKD"], results["AKHIR"]
    assert {n: r.code for n, r in skd.items()} == {
        "01": "P/L",
        "02": "P/L",
        "03": "P/L",
        "04": "P/L",
        "05": "P/L",
        "06": "P/L",
        "07": "P/L",
        "08": "P",
    }
    assert {n: summary(r) for n, r in akhir.items()} == {
        "01": (1, "P/L", ""),
        "02": (2, "P/L", ""),
        "03": (3, "P/TL", ""),
        "04": (None, "P/TH", ""),
        "05": (None, "TMS-1", ""),
        "06": (None, "APS", ""),
        "07": (None, "DIS", ""),
    }
    assert akhir["01"].final == Decimal("77.091")
    assert akhir["02"].final == Decimal("73.491")
    assert akhir["03"].final == Decimal("67.491")
    assert akhir["04"].cells == {
        "SKD": Decimal("400.000"),
        "CAT_SKB": "TH",
        "PRAKTIK": Decimal("80.000"),
    }
    assert akhir["04"].final is None
    # A marked participant with complete scores still sees the value:
    # 29.090909… + 450 × 0.072 + 90 × 0.24 = 29.090909… + 32.4 + 21.6 = 83.090909… → 83.091
    assert akhir["05"].final == Decimal("83.091")


def test_absent_at_one_praktik_assessor_is_p_th() -> None:
    akhir = rank({"F1": 1}, [cpns("01", (100, 100, 200), 400, [80, ABSENT])])["AKHIR"]
    assert summary(akhir["01"]) == (None, "P/TH", "")
    assert akhir["01"].cells["PRAKTIK"] == "TH"


def test_incomplete_scores_get_no_code_and_no_rank() -> None:
    people = [
        cpns("01", (100, 100, 200), 400, [80, 80]),  # complete → 1, P/L
        cpns("02", (100, 100, 200), None, [80, 80]),  # CAT SKB not entered yet
        cpns("03", (100, 100, 200), 400, [80]),  # PRAKTIK: one of two assessors
        # PRAKTIK: the second assessor's rubric lacks KOMUNIKASI → only one assessor complete
        cpns("04", (100, 100, 200), 400, [80, {"TEKNIS": 80, "KETEPATAN": 80, "SIKAP": 80}]),
        cpns("05", (100, 100, 200), 400, [rubric(80, 80, 80, 80)]),  # one rubric of two
        cpns("06", (100, 100, 200), 400, []),  # no assessor at all
    ]
    akhir = rank({"F1": 1}, people)["AKHIR"]
    assert summary(akhir["01"]) == (1, "P/L", "")
    for number in ("02", "03", "04", "05", "06"):
        assert summary(akhir[number]) == (None, None, "BELUM LENGKAP"), number
        assert akhir[number].final is None
    assert akhir["03"].cells["PRAKTIK"] is None
    assert akhir["02"].cells["CAT_SKB"] is None


def test_incomplete_participant_does_not_take_a_place() -> None:
    # kebutuhan 1: the incomplete 01 (who might end up best) is not ranked; 02 is first.
    people = [
        cpns("01", (120, 150, 200), None, [100, 100]),
        cpns("02", (100, 100, 200), 400, [80, 80]),
    ]
    akhir = rank({"F1": 1}, people)["AKHIR"]
    assert summary(akhir["01"]) == (None, None, "BELUM LENGKAP")
    assert summary(akhir["02"]) == (1, "P/L", "")


# --- AKHIR: the tie-break chain -------------------------------------------------------------


def test_tie_break_chain_na_skd_tkp_tiu_twk_ipk_age() -> None:
    young = date(2000, 1, 1)
    people = [
        # SKD 400, CAT 401 → 401 × 0.072 = 28.872; NA = 29.090909… + 28.872 + 19.2
        # = 77.162909… → 77.163: the best NA → 1
        cpns("A", (100, 100, 200), 401, [80, 80], born=young, ipk="2.00"),
        # SKD 110 + 125 + 198 = 433 → 433 × 4/55 = 31.490909…; CAT 400 → 28.8; PRAKTIK 70 → 16.8
        # NA = 77.090909… → 77.091, the same as the 400/400/80 participants below; SKD 433 > 400
        # → 2 (SKD decides before anything else; its IPK and age are the worst)
        cpns("B", (110, 125, 198), 400, [70, 70], born=young, ipk="2.00"),
        # The rest: NA 77.091 and SKD 400.
        # TKP 200, TIU 105 (TWK 95) → 3: TIU decides after TKP
        cpns("C", (95, 105, 200), 400, [80, 80], born=young, ipk="2.00"),
        # TKP 200, TIU 100, TWK 100, IPK 3.50, born 1990 → 4
        cpns("D", (100, 100, 200), 400, [80, 80], born=date(1990, 1, 1), ipk="3.50"),
        # the same but born 1991 (younger) → 5: the older participant first
        cpns("E", (100, 100, 200), 400, [80, 80], born=date(1991, 1, 1), ipk="3.50"),
        # IPK 3.20 < 3.50 → 6 although the oldest: IPK decides before age
        cpns("F", (100, 100, 200), 400, [80, 80], born=date(1980, 1, 1), ipk="3.20"),
        # no IPK → after every participant with an IPK → 7
        cpns("G", (100, 100, 200), 400, [80, 80], born=date(1980, 1, 1)),
        # TKP 195 (TWK 100, TIU 105) → 8: TKP decides before TIU, IPK and age
        cpns("H", (100, 105, 195), 400, [80, 80], born=date(1970, 1, 1), ipk="4.00"),
    ]
    results = rank({"F1": 10}, people)
    akhir = results["AKHIR"]
    assert akhir["A"].final == Decimal("77.163")
    assert {akhir[n].final for n in "BCDEFGH"} == {Decimal("77.091")}
    assert {n: r.rank for n, r in akhir.items()} == {
        "A": 1,
        "B": 2,
        "C": 3,
        "D": 4,
        "E": 5,
        "F": 6,
        "G": 7,
        "H": 8,
    }
    assert {r.code for r in akhir.values()} == {"P/L"}  # 8 ≤ kebutuhan 10
    assert [r.number for r in rank_selection(CPNS, {"F1": 10}, people)["AKHIR"].rows] == list(
        "ABCDEFGH"
    )


def test_the_rounded_final_score_is_ranked() -> None:
    people = [
        # SKD 100 + 100 + 202 = 402 → 402 × 4/55 = 29.236363…; CAT 400 → 28.8; PRAKTIK 80 → 19.2
        # NA = 77.236363… → 77.236
        cpns("01", (100, 100, 202), 400, [80, 80]),
        # SKD 110 + 125 + 199 = 434 → 434 × 4/55 = 31.563636…; CAT 371 × 0.072 = 26.712;
        # PRAKTIK 79 × 0.24 = 18.96.  NA = 77.235636… → 77.236
        # Exactly 02 is lower (by 0.000727…), but the rounded values are equal, and 434 > 402.
        cpns("02", (110, 125, 199), 371, [79, 79]),
    ]
    akhir = rank({"F1": 1}, people)["AKHIR"]
    assert akhir["01"].final == akhir["02"].final == Decimal("77.236")
    assert summary(akhir["02"]) == (1, "P/L", "nilai sama — menurut SKD")
    assert summary(akhir["01"]) == (2, "P/TL", "nilai sama — menurut SKD")


def test_a_thousandth_of_the_final_score_decides() -> None:
    people = [
        # SKD 100 + 100 + 201 = 401 → 401 × 4/55 = 29.163636…; CAT 399 × 0.072 = 28.728;
        # PRAKTIK 80 × 0.24 = 19.2.  NA = 77.091636… → 77.092
        cpns("01", (100, 100, 201), 399, [80, 80]),
        # SKD 433 → 31.490909…; CAT 400 → 28.8; PRAKTIK 70 → 16.8.  NA = 77.090909… → 77.091
        cpns("02", (110, 125, 198), 400, [70, 70]),
    ]
    akhir = rank({"F1": 1}, people)["AKHIR"]
    assert akhir["01"].final == Decimal("77.092")
    assert akhir["02"].final == Decimal("77.091")
    # 0.001 ahead wins, although 02 has the higher SKD
    assert summary(akhir["01"]) == (1, "P/L", "")
    assert summary(akhir["02"]) == (2, "P/TL", "")


def test_complete_tie_across_the_boundary_is_seri() -> None:
    # kebutuhan 1. 01 and 02 are equal on everything (NA 77.091, SKD 400/200/100/100, IPK, birth
    # date): both rank 1, both SERI: no seat until the committee decides (issue #10 §3).
    # 03: CAT 350 → NA 73.491 → 3, P/TL.
    people = [
        cpns("01", (100, 100, 200), 400, [80, 80], ipk="3.00"),
        cpns("02", (100, 100, 200), 400, [rubric(80, 80, 80, 80), 80], ipk="3.00"),
        cpns("03", (100, 100, 200), 350, [80, 80], ipk="3.00"),
    ]
    akhir = rank({"F1": 1}, people)["AKHIR"]
    assert {n: summary(r) for n, r in akhir.items()} == {
        "01": (1, "SERI", "menunggu keputusan panitia"),
        "02": (1, "SERI", "menunggu keputusan panitia"),
        "03": (3, "P/TL", ""),
    }


def test_complete_tie_below_a_clear_winner_is_seri() -> None:
    # kebutuhan 2: 01 is first (NA 77.163: CAT 401); 02 and 03 tie for the last place (77.091).
    people = [
        cpns("01", (100, 100, 200), 401, [80, 80]),
        cpns("02", (100, 100, 200), 400, [80, 80]),
        cpns("03", (100, 100, 200), 400, [80, 80]),
    ]
    akhir = rank({"F1": 2}, people)["AKHIR"]
    assert {n: summary(r) for n, r in akhir.items()} == {
        "01": (1, "P/L", ""),
        "02": (2, "SERI", "menunggu keputusan panitia"),
        "03": (2, "SERI", "menunggu keputusan panitia"),
    }


def test_complete_tie_inside_the_quota_is_not_seri() -> None:
    # kebutuhan 2: 01 and 02 tie at rank 1 and both fit; 03 (NA 73.491) is 3rd, P/TL.
    people = [
        cpns("01", (100, 100, 200), 400, [80, 80]),
        cpns("02", (100, 100, 200), 400, [80, 80]),
        cpns("03", (100, 100, 200), 350, [80, 80]),
    ]
    akhir = rank({"F1": 2}, people)["AKHIR"]
    assert {n: summary(r) for n, r in akhir.items()} == {
        "01": (1, "P/L", ""),
        "02": (1, "P/L", ""),
        "03": (3, "P/TL", ""),
    }


def test_tie_differing_only_by_birth_date_is_not_seri() -> None:
    # Same NA, SKD and parts, IPK; 02 is older → 02 first, 01 second and outside kebutuhan 1.
    people = [
        cpns("01", (100, 100, 200), 400, [80, 80], born=date(1995, 6, 2)),
        cpns("02", (100, 100, 200), 400, [80, 80], born=date(1995, 6, 1)),
    ]
    akhir = rank({"F1": 1}, people)["AKHIR"]
    # catatan tells 01 why an equal score lost (issue #10 §3).
    assert summary(akhir["02"]) == (1, "P/L", "nilai sama — menurut usia")
    assert summary(akhir["01"]) == (2, "P/TL", "nilai sama — menurut usia")


# --- marks ---------------------------------------------------------------------------------


def test_mark_precedence_aps_over_dis_over_tms() -> None:
    full = ((100, 100, 200), 400, [80, 80])
    people = [
        cpns("01", *full, marks=[("TMS", "AKHIR"), ("DIS", "AKHIR")]),  # DIS over TMS
        cpns("02", *full, marks=[("DIS", "AKHIR"), ("TMS", "AKHIR")]),  # in any order
        cpns("03", *full, marks=[("TMS", "AKHIR"), ("APS", "AKHIR"), ("DIS", "AKHIR")]),  # APS
        cpns("04", *full, marks=[("DIS", "AKHIR"), ("APS", "AKHIR")]),  # APS over DIS
        # a mark wins over a score status: TMS over an absence, APS over missing scores
        cpns("05", (100, 100, 200), ABSENT, [80, 80], marks=[("TMS", "AKHIR")]),
        cpns("06", (100, 100, 200), None, None, marks=[("APS", "AKHIR")]),
    ]
    akhir = rank({"F1": 5}, people)["AKHIR"]
    assert {n: summary(r) for n, r in akhir.items()} == {
        "01": (None, "DIS", ""),
        "02": (None, "DIS", ""),
        "03": (None, "APS", ""),
        "04": (None, "APS", ""),
        "05": (None, "TMS-1", ""),
        "06": (None, "APS", ""),
    }


def test_a_mark_applies_from_its_stage_onwards() -> None:
    full = ((100, 100, 200), 400, [80, 80])
    people = [
        cpns("01", *full, marks=[("APS", "AKHIR")]),  # SKD normal, AKHIR APS
        cpns("02", *full, marks=[("DIS", "SKD")]),  # DIS at SKD, so never at AKHIR
        # TMS from AKHIR and DIS from SKD: at SKD only DIS applies
        cpns("03", *full, marks=[("TMS", "AKHIR"), ("DIS", "SKD")]),
        # APS at AKHIR, TMS at SKD: SKD shows TMS (APS does not reach back)
        cpns("04", *full, marks=[("APS", "AKHIR"), ("TMS", "SKD")]),
        cpns("05", *full),
    ]
    results = rank({"F1": 2}, people)
    assert {n: summary(r) for n, r in results["SKD"].items()} == {
        "01": (1, "P/L", ""),
        "05": (1, "P/L", ""),
        "02": (None, "DIS", ""),
        "03": (None, "DIS", ""),
        "04": (None, "TMS", ""),
    }
    assert {n: summary(r) for n, r in results["AKHIR"].items()} == {
        "01": (None, "APS", ""),
        "05": (1, "P/L", ""),
    }


# --- a custom scheme with an eliminating psychotest gate ------------------------------------


def _with_psikotes_gate() -> Scheme:
    data = scheme_to_mapping(CPNS)
    data["stages"][1]["components"].append(
        {
            "code": "PSIKOTES",
            "name": "Psikotes",
            "kind": "categorical",
            "category": "psikotes",
            "values": ["MS", "TMS"],
            "passing": ["MS"],
            "weight": 0,
        }
    )
    return scheme_from_mapping(data)


def test_psikotes_gate() -> None:
    scheme = _with_psikotes_gate()
    people = [
        # MS passes; the gate weighs nothing: NA 77.091 as without it → 1, P/L
        cpns("01", (100, 100, 200), 400, [80, 80], PSIKOTES=["MS"]),
        # TMS eliminates → TMS-1, though the NA would be the best (83.091)
        cpns("02", (100, 100, 200), 450, [90, 90], PSIKOTES=["TMS"]),
        # TMS at the gate outranks being absent at CAT SKB → TMS-1, not P/TH
        cpns("03", (100, 100, 200), ABSENT, [80, 80], PSIKOTES=["TMS"]),
        # absent at the gate → P/TH
        cpns("04", (100, 100, 200), 400, [80, 80], PSIKOTES=[ABSENT]),
        # gate not entered yet → incomplete
        cpns("05", (100, 100, 200), 400, [80, 80]),
        # TMS at the gate outranks missing scores too
        cpns("06", (100, 100, 200), None, None, PSIKOTES=["TMS"]),
    ]
    akhir = rank({"F1": 2}, people, scheme)["AKHIR"]
    assert {n: summary(r) for n, r in akhir.items()} == {
        "01": (1, "P/L", ""),
        "02": (None, "TMS-1", ""),
        "03": (None, "TMS-1", ""),
        "04": (None, "P/TH", ""),
        "05": (None, None, "BELUM LENGKAP"),
        "06": (None, "TMS-1", ""),
    }
    assert akhir["01"].final == Decimal("77.091")
    assert akhir["01"].cells["PSIKOTES"] == "MS"
    assert akhir["02"].cells["PSIKOTES"] == "TMS"
    assert akhir["02"].final == Decimal("83.091")  # shown, not ranked


# --- row order -------------------------------------------------------------------------------


def test_row_order() -> None:
    people = [
        cpns("09", (100, 100, 200), 400, [80, 80], formation="F2"),  # F2: NA 77.091 → 1
        cpns("01", (100, 100, 200), 350, [80, 80], formation="F2"),  # F2: NA 73.491 → 2
        cpns("05", (100, 100, 200), 400, [80, 80], formation="F1"),  # F1: 77.091 → 1 (tie)
        cpns("04", (100, 100, 200), 400, [80, 80], formation="F1"),  # F1: 77.091 → 1 (tie)
        cpns("03", (100, 100, 200), 300, [70, 70], formation="F1"),  # F1: 67.491 → 3
        cpns("08", (100, 100, 200), ABSENT, [80, 80], formation="F1"),  # F1: P/TH
        cpns("02", (100, 100, 200), 400, [80, 80], formation="F1", marks=[("APS", "AKHIR")]),
        cpns("07", (100, 100, 200), None, [80, 80], formation="F1"),  # F1: incomplete
        cpns("06", (100, 100, 200), 400, [80, 80], formation="F2", marks=[("DIS", "AKHIR")]),
    ]
    results: dict[str, StageResult] = rank_selection(CPNS, {"F1": 2, "F2": 1}, people)
    # by formation; ranked rows by rank then number; then the rest by number
    assert [(r.formation, r.number) for r in results["AKHIR"].rows] == [
        ("F1", "04"),
        ("F1", "05"),
        ("F1", "03"),
        ("F1", "02"),
        ("F1", "07"),
        ("F1", "08"),
        ("F2", "09"),
        ("F2", "01"),
        ("F2", "06"),
    ]
    assert [r.rank for r in results["AKHIR"].rows] == [1, 1, 3, None, None, None, 1, 2, None]
    assert results["AKHIR"].columns == ("SKD", "CAT_SKB", "PRAKTIK")
    assert results["SKD"].columns == ("TWK", "TIU", "TKP")


def test_upto_stops_after_the_named_stage() -> None:
    results = rank_selection(CPNS, {"F1": 1}, [cpns("01", (100, 100, 200), 400, [80, 80])], "SKD")
    assert list(results) == ["SKD"]
