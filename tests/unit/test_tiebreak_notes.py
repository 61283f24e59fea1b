"""``catatan`` names the tie-break key that ordered equal scores (issue #10 §3).

A participant who loses a seat on an equal final value reads why: ``usia``, ``IPK``, ``TKP``…
Both engines say the same (the property test in ``test_engine_properties`` compares notes);
here the rule itself, by hand and as properties.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.scoring.engine import rank_selection_fast
from app.scoring.presets import load_scheme_file
from app.scoring.ranking import Candidate, rank_selection
from app.scoring.ties import separated_note, separating_keys, tiebreak_start

PRESETS = Path(__file__).resolve().parents[2] / "resources" / "schemes"
CPNS = load_scheme_file(PRESETS / "cpns-2024.toml")
PPPK = load_scheme_file(PRESETS / "pppk-2024.toml")
AKHIR = ("NILAI_AKHIR", "SKD", "TKP", "TIU", "TWK", "IPK", "USIA")


def test_the_first_key_after_the_final_value_starts_the_tie_breaks() -> None:
    assert tiebreak_start(AKHIR) == 1
    assert tiebreak_start(("KELOMPOK_PRIORITAS", "NILAI_AKHIR", "TEKNIS", "USIA")) == 2
    assert tiebreak_start(("PRAKTIK", "USIA")) == 1  # no NILAI_AKHIR: the first key scores


def test_by_hand_runs_and_boundaries() -> None:
    ranking = ("NILAI_AKHIR", "TKP", "USIA")
    keys = [
        (-80, -200, 1),  # 0: alone on 80
        (-70, -190, 5),  # 1 ┐ 70: TKP orders 1 before 2 and 3
        (-70, -180, 3),  # 2 ┤ 2 and 3 equal on every key: one rank, both ordered by age
        (-70, -180, 3),  # 3 ┤   against 4
        (-70, -180, 4),  # 4 ┘
        (-60, -100, 1),  # 5: alone
    ]
    assert separating_keys(ranking, keys) == {
        1: "TKP",
        2: "TKP dan usia",
        3: "TKP dan usia",
        4: "usia",
    }


def test_a_key_before_the_final_value_is_not_a_tie_break() -> None:
    # KELOMPOK_PRIORITAS orders before the final value: equal finals in different groups are
    # not "equal scores ordered by a tie-break".
    ranking = ("KELOMPOK_PRIORITAS", "NILAI_AKHIR", "TEKNIS")
    keys = [((0, 1), -480, -300), ((1, 0), -480, -305)]
    assert separating_keys(ranking, keys) == {}


def test_flattened_parts_name_their_key() -> None:
    # The fast engine flattens IPK into two parts, (known, -ipk): the part belongs to IPK.
    ranking = ("NILAI_AKHIR", "IPK", "USIA")
    keys = [(-80, 0, -362, 5), (-80, 0, -350, 2)]
    assert separating_keys(ranking, keys, owners=[0, 1, 1, 2]) == {0: "IPK", 1: "IPK"}


def test_the_note_has_no_comma_for_the_csv_contract() -> None:
    assert separated_note("TKP dan usia") == "nilai sama — menurut TKP dan usia"
    assert "," not in separated_note("TKP dan usia")


def _cpns(number: str, ipk: str | None, born: date) -> Candidate:
    return Candidate(
        number=number,
        name=f"Peserta {number}",
        formation="F1",
        birth_date=born,
        ipk=Decimal(ipk) if ipk is not None else None,
        entries={"TWK": [100], "TIU": [100], "TKP": [200], "CAT_SKB": [400], "PRAKTIK": [80, 80]},
    )


def test_ipk_decides_and_says_so_in_both_engines() -> None:
    # Equal on NA, SKD and its parts; IPK 3,62 before 3,50 before an unknown IPK.
    people = [
        _cpns("01", "3.50", date(1990, 1, 1)),
        _cpns("02", "3.62", date(1999, 1, 1)),
        _cpns("03", None, date(1980, 1, 1)),
    ]
    for results in (
        rank_selection(CPNS, {"F1": 1}, people),
        rank_selection_fast(CPNS, {"F1": 1}, people),
    ):
        rows = {row.number: (row.rank, row.code, row.note) for row in results["AKHIR"].rows}
        assert rows == {
            "02": (1, "P/L", "nilai sama — menurut IPK"),
            "01": (2, "P/TL", "nilai sama — menurut IPK"),
            "03": (3, "P/TL", "nilai sama — menurut IPK"),
        }


def test_a_priority_group_is_not_named_but_teknis_is() -> None:
    def pppk(number: str, teknis: int, mansoskul: int, group: int | None) -> Candidate:
        return Candidate(
            number=number,
            name=number,
            formation="F1",
            birth_date=date(1990, 1, 1),
            priority_group=group,
            entries={"TEKNIS": [teknis], "MANSOSKUL": [mansoskul], "WAWANCARA": [30]},
        )

    # 01 (a priority group) before 02 and 03 on the group, not on a score; 02 and 03 are
    # equal on the total (480) and ordered by TEKNIS.
    people = [pppk("01", 300, 150, 1), pppk("02", 305, 145, None), pppk("03", 300, 150, None)]
    rows = rank_selection(PPPK, {"F1": 1}, people)["AKHIR"].by_number()
    assert rows["01"].note == ""
    assert rows["02"].note == rows["03"].note == "nilai sama — menurut TEKNIS"


KEYS = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 2)), max_size=12
).map(sorted)


@given(KEYS)
def test_only_equal_scores_with_different_ranks_get_a_note(keys: list) -> None:
    ranking = ("NILAI_AKHIR", "TKP", "USIA")
    notes = separating_keys(ranking, keys)
    for position, key in enumerate(keys):
        same_score = [k for k in keys if k[0] == key[0]]
        ordered = any(k != key for k in same_score)
        # A note exactly where someone with the same final value has another rank.
        assert (position in notes) == ordered
        if ordered:
            assert set(notes[position].split(" dan ")) <= {"TKP", "usia"}
            # The names come from the keys that differ within the same score.
            if all(k[1] == key[1] for k in same_score):
                assert notes[position] == "usia"


def test_a_stage_ranked_only_for_its_cut_can_skip_the_notes() -> None:
    people = [_cpns(f"{n:02d}", "3.50", date(1990, 1, n)) for n in range(1, 6)]
    for n, person in enumerate(people, start=1):  # SKD 400 each, ordered by TIU
        person.entries = {**person.entries, "TWK": [100 + n], "TIU": [100 - n]}
    full = rank_selection_fast(CPNS, {"F1": 1}, people)
    asked = rank_selection_fast(CPNS, {"F1": 1}, people, explain=("AKHIR",))
    assert [r.separated for r in asked["AKHIR"].rows] == [r.separated for r in full["AKHIR"].rows]
    assert all(r.separated == "TIU" for r in full["SKD"].rows)  # equal SKD totals
    assert not any(r.separated for r in asked["SKD"].rows)
    # Only the notes are spared: ranks and statuses are the same.
    for code in ("SKD", "AKHIR"):
        assert [(r.number, r.rank, r.status) for r in asked[code].rows] == [
            (r.number, r.rank, r.status) for r in full[code].rows
        ]
