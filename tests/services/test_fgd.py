"""The FGD file service (issue #14 §1): CSV and XLSX read as the importers read them, every bad
row named, the weights checked by hand, and the draft proposed into a selection's scheme."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.demo.fgd import fgd_rows
from app.messages import known, t
from app.scoring.ahp import stage_criteria
from app.services.errors import ImportRejected, UserError
from app.services.fgd import COLUMNS, fgd_figures, fgd_weights, fgd_weights_for_selection
from app.services.schemes import load_preset_or_file

BINJAI = load_preset_or_file("binjai-kompetensi")


def _csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def demo_file(path: Path, seed: int = 1) -> Path:
    names = [n for level in stage_criteria(BINJAI.last_stage).values() for n in level]
    rows = fgd_rows(names, seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_hand_computed_file_with_every_way_of_writing_a_reciprocal(tmp_path: Path):
    # Respondent Ani (Pemda, 0,75): A over B 3, A over C 5, B over C 3: weights .637 .258 .105.
    # Budi (Warga, 0,25) writes the reciprocals of the same judgments: 1/3, 0,2, 0.333.
    path = _csv(
        tmp_path / "fgd.csv",
        [
            ["Ani", "Pemda", "0,75", "a", "b", "3"],
            ["Ani", "Pemda", "0,75", "A", "C", "5"],
            ["Ani", "Pemda", "0,75", "B", "C", "3"],
            ["Budi", "Warga", "0.25", "B", "A", "1/3"],
            ["Budi", "Warga", "0.25", "C", "A", "0,2"],
            ["Budi", "Warga", "0.25", "C", "B", "0.333"],
        ],
        delimiter=";",
    )
    found = fgd_weights(path)
    top = found.result.top
    assert top is not None
    assert top.respondents["Ani"].weights == pytest.approx((0.6370, 0.2583, 0.1047), abs=1e-4)
    # Budi says the same as Ani (0.333 is read as 1/3): the group result is theirs.
    assert top.respondents["Budi"].weights == pytest.approx(top.respondents["Ani"].weights)
    assert top.group.weights == pytest.approx(top.respondents["Ani"].weights)
    assert top.shares == pytest.approx({"Ani": 0.75, "Budi": 0.25})
    assert top.percent == (64, 26, 10)
    assert round(top.group.cr, 3) == 0.033
    assert found.judgments == 6 and found.unanswered == 0 and found.draft is None


def test_an_xlsx_file_with_numbers_and_fractions_as_text(tmp_path: Path):
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    sheet.append(["Ani", "Pemda", 0.35, "PENGETAHUAN", "PRAKTIK", 1 / 3])  # a formula's value
    sheet.append(["Ani", "Pemda", 0.35, "PRAKTIK", "PSIKOTES", 2])
    sheet.append(["Ani", "Pemda", 0.35, "PENGETAHUAN", "PSIKOTES", "1/2"])  # text
    path = tmp_path / "fgd.xlsx"
    book.save(path)
    found = fgd_weights(path, scheme=BINJAI)
    top = found.result.top
    assert top is not None
    # 1/3 · 2 = 2/3 but 1/2 given: a 3-cycle; with n = 3 the weights are the row geometric means.
    rows = [(1 / 3 * 1 / 2) ** (1 / 3), (3 * 2) ** (1 / 3), (2 * 1 / 2) ** (1 / 3)]
    assert top.group.weights == pytest.approx([r / sum(rows) for r in rows])
    assert found.stage == "AKHIR" and found.draft is not None
    assert found.draft.aspects == {}  # no aspect judged: the rubric keeps its weights


def _problems(path: Path, **options: object) -> list[tuple[int, str, str]]:
    with pytest.raises(ImportRejected) as rejected:
        fgd_weights(path, **options)  # type: ignore[arg-type]
    for problem in rejected.value.problems:
        assert known(problem.message), problem.message
        text = t(problem.message, problem.params)
        assert not re.search(r"\{[a-z_]+\}", text), text
    return [(p.row, p.field, p.message) for p in rejected.value.problems]


def test_every_bad_row_is_named(tmp_path: Path):
    path = _csv(
        tmp_path / "buruk.csv",
        [
            ["Ani", "Pemda", "0,35", "A", "B", "3"],  # 2
            ["Ani", "Pemda", "0,35", "A", "C", "10"],  # 3 outside the scale
            ["Ani", "Pemda", "0,35", "B", "C", "tiga"],  # 4 not a number
            ["Ani", "Pemda", "0,35", "C", "C", "1"],  # 5 itself
            ["Ani", "Pemda", "0,35", "B", "A", "1/3"],  # 6 the pair of row 2 again
            ["Ani", "Pemda", "0,30", "B", "C", "2"],  # 7 another group weight
            ["Ani", "DPRD", "0,35", "B", "C", "2"],  # 8 another group
            ["Ani", "Pemda", "0,35", "A", "C.X", "2"],  # 9 across levels
            ["", "Pemda", "0,35", "A", "B", "2"],  # 10 no respondent
            ["Budi", "Pemda", "0,25", "A", "B", "2"],  # 11 Pemda weighs 0,35 for Ani
            ["Budi", "Pemda", "0,25", "B", "C", "2"],  # 12
            ["Cici", "Warga", "0", "A", "B", "2"],  # 13 weight zero
            ["Dedi", "Warga", "0,2", "A", "B", "1/0"],  # 14 division by zero
        ],
    )
    found = _problems(path)
    assert found == [
        (3, "nilai", "fgd.out_of_scale"),
        (4, "nilai", "fgd.bad_number"),
        (5, "kriteria_b", "fgd.same_criterion"),
        (6, "kriteria_b", "fgd.pair_twice"),
        (7, "bobot_kelompok", "fgd.respondent_weight_differs"),
        (8, "kelompok", "fgd.respondent_group_differs"),
        (9, "kriteria_b", "fgd.cross_level"),
        (10, "responden", "import.required"),
        (11, "bobot_kelompok", "fgd.group_weight_differs"),
        (13, "bobot_kelompok", "fgd.group_weight_positive"),
        (14, "nilai", "fgd.bad_number"),
    ]


def test_the_pair_judged_twice_names_the_first_row(tmp_path: Path):
    path = _csv(
        tmp_path / "dua.csv",
        [["Ani", "Pemda", "1", "A", "B", "3"], ["Ani", "Pemda", "1", "B", "A", "1/3"]],
    )
    with pytest.raises(ImportRejected) as rejected:
        fgd_weights(path)
    (line,) = rejected.value.lines()
    assert (
        line
        == "dua.csv: baris 3, kolom kriteria_b: pasangan B–A sudah dinilai responden ini di baris 2"
    )


def test_a_cut_off_criterion_and_an_unknown_one_against_the_scheme(tmp_path: Path):
    path = _csv(
        tmp_path / "putus.csv",
        [
            ["Ani", "Pemda", "1", "PENGETAHUAN", "PRAKTIK", "2"],  # PSIKOTES never compared
            ["Budi", "Warga", "1", "PENGETAHUAN", "WAWANCARA", "2"],
        ],
    )
    with pytest.raises(ImportRejected) as rejected:
        fgd_weights(path, scheme=BINJAI)
    lines = rejected.value.lines()
    assert lines[0] == (
        "putus.csv: baris 2, kolom kriteria_a: penilaian responden ini pada tingkat komponen"
        " tidak menghubungkan PSIKOTES dengan kriteria lain;"
        " tambahkan perbandingan yang menyebutnya"
    )
    assert lines[1].startswith("putus.csv: baris 3, kolom kriteria_b: kriteria WAWANCARA tidak ada")
    assert "PRAKTIK.KOMUNIKASI" in lines[1]


def test_a_blank_value_is_a_pair_left_unanswered(tmp_path: Path):
    path = _csv(
        tmp_path / "kosong.csv",
        [
            ["Ani", "Pemda", "1", "A", "B", "2"],
            ["Ani", "Pemda", "1", "B", "C", "3"],
            ["Ani", "Pemda", "1", "A", "C", ""],
        ],
    )
    found = fgd_weights(path)
    assert found.unanswered == 1 and found.judgments == 2
    top = found.result.top
    assert top is not None and top.respondents["Ani"].missing == 1
    assert top.group.weights == pytest.approx((0.6, 0.3, 0.1))


def test_the_demo_file_gives_a_draft_of_the_binjai_scheme(tmp_path: Path):
    found = fgd_weights(demo_file(tmp_path / "demo.csv"), scheme=BINJAI, stage="akhir")
    draft = found.draft
    assert draft is not None and draft.adoptable
    assert sum(draft.components.values()) == 100
    assert sum(draft.aspects["PRAKTIK"].values()) == 100
    figures = fgd_figures(found)
    assert set(figures) >= {"weights", "respondents", "group_cr", "percent", "consensus"}
    assert sum(figures["percent"].values()) == 100
    assert sum(figures["weights"].values()) == pytest.approx(1, abs=1e-5)
    inconsistent = [n for n, r in figures["respondents"].items() if r["cr"] > 0.10]
    assert len(inconsistent) == 2
    for name in inconsistent:
        assert figures["respondents"][name]["most_inconsistent_pair"] is not None
    assert figures["draft"]["adoptable"] is True
    left_out = fgd_figures(fgd_weights(tmp_path / "demo.csv", exclude_inconsistent=True))
    assert sorted(e["respondent"] for e in left_out["excluded"]) == sorted(inconsistent)
    assert left_out["exclude_inconsistent"] is True


def test_a_cpns_draft_below_the_cat_minimum_says_which_rule(tmp_path: Path):
    path = _csv(
        tmp_path / "cpns.csv",
        [
            ["Ani", "Pemda", "1", "PRAKTIK", "CAT_SKB", "2"],
            ["Ani", "Pemda", "1", "PRAKTIK.TEKNIS", "PRAKTIK.SIKAP", "1"],
            ["Ani", "Pemda", "1", "PRAKTIK.SIKAP", "PRAKTIK.KETEPATAN", "1"],
            ["Ani", "Pemda", "1", "PRAKTIK.KETEPATAN", "PRAKTIK.KOMUNIKASI", "1"],
        ],
    )
    found = fgd_weights(path, scheme=load_preset_or_file("cpns-2024"), stage="AKHIR")
    draft = found.draft
    assert draft is not None and not draft.adoptable
    assert draft.components == {"CAT_SKB": 33, "PRAKTIK": 67}
    assert draft.aspects == {
        "PRAKTIK": {"TEKNIS": 25, "KETEPATAN": 25, "SIKAP": 25, "KOMUNIKASI": 25}
    }
    problems = fgd_figures(found)["draft"]["problems"]
    assert {
        "key": "stages[1].components[0].weight",
        "message": "scheme.regional_cat_weight",
        "text": "bobot CAT SKB instansi daerah paling sedikit 60 %",
    } in problems


def test_a_stage_without_weights_and_an_unknown_stage_are_refused(tmp_path: Path):
    path = _csv(tmp_path / "skd.csv", [["Ani", "Pemda", "1", "TWK", "TIU", "2"]])
    cpns = load_preset_or_file("cpns-2024")
    with pytest.raises(UserError) as refused:
        fgd_weights(path, scheme=cpns, stage="SKD")
    assert refused.value.text() == "nilai tahap SKD adalah jumlah biasa; komponennya tidak berbobot"
    with pytest.raises(UserError) as refused:
        fgd_weights(path, scheme=cpns, stage="SKB")
    assert refused.value.message == "stage.not_found"


def test_the_selections_scheme_from_the_database(db, make_selection, tmp_path: Path, dump, db_path):
    selection = make_selection("binjai-kompetensi")
    before = dump(db_path)
    found = fgd_weights_for_selection(db, selection.id, demo_file(tmp_path / "demo.csv"))
    assert found.stage == "AKHIR" and found.draft is not None
    same = fgd_weights(tmp_path / "demo.csv", scheme=BINJAI)
    assert found.draft.components == same.draft.components  # type: ignore[union-attr]
    assert dump(db_path) == before  # nothing stored


def test_a_missing_column_and_a_missing_file(tmp_path: Path):
    path = tmp_path / "kolom.csv"
    path.write_text(
        "responden,kelompok,kriteria_a,kriteria_b,nilai\nAni,Pemda,A,B,2\n", encoding="utf-8"
    )
    assert _problems(path) == [(1, "bobot_kelompok", "import.missing_column")]
    with pytest.raises(ImportRejected):
        fgd_weights(tmp_path / "tidak-ada.csv")
