"""Assessor reliability read from a selection (issue #13): what ``seleksi evaluate --json``
reports per component and rubric aspect, checked against pingouin on the same scores."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pingouin
import pytest

from app.cli import main
from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.services.evaluation import assessor_figures

pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword:Warning")

ADMIN = Actor("ketua", "admin")


def _practical(db: Database, sid: int) -> pd.DataFrame:
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT p.number, s.assessor, s.aspect, s.value_milli FROM score s"
            " JOIN participant p ON p.id = s.participant_id JOIN component c"
            " ON c.id = s.component_id WHERE c.code = 'PRAKTIK' AND p.selection_id = ?",
            (sid,),
        ).fetchall()
    return pd.DataFrame(rows, columns=["number", "assessor", "aspect", "milli"])


def test_each_component_and_aspect_of_the_demo_against_pingouin(db: Database) -> None:
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=80, seed=3)
    figures = assessor_figures(db, info.id)
    practical = figures["AKHIR"]["components"]["PRAKTIK"]
    frame = _practical(db, info.id)
    # The service's rule, in pandas: a whole value as it is, else the mean of a complete rubric.
    frame = frame[frame.milli.notna() & (frame.assessor != "")]
    grouped = frame.groupby(["number", "assessor"])
    means = grouped.milli.mean().div(1000)
    complete = (grouped.aspect.count() == 4) | grouped.aspect.apply(lambda a: (a == "").all())
    everyone = means[complete].reset_index()
    # The demo's rooms have two panels of two assessors: the ICC is the larger panel's.
    panel = practical["panel"]["assessors"]
    whole = everyone[everyone.assessor.isin(panel)]
    whole = whole[whole.groupby("number").assessor.transform("count") == len(panel)]
    assert practical["panel"]["n"] == whole.number.nunique() > 5
    expected = pingouin.intraclass_corr(whole, "number", "assessor", "milli").set_index("Type")
    assert practical["icc2_1"] == pytest.approx(expected.loc["ICC(A,1)", "ICC"], abs=1e-4)
    assert practical["icc2_k"] == pytest.approx(expected.loc["ICC(A,k)", "ICC"], abs=1e-4)
    assert practical["n_assessors"] == everyone.assessor.nunique()
    assert set(practical["aspects"]) == {"TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI"}
    # Each assessor's deviation, by hand from the table: their score minus the other's.
    table = whole.pivot(index="number", columns="assessor", values="milli")
    first = table.columns[0]
    by_hand = float(np.mean(table[first] - table.drop(columns=first).mean(axis=1)))
    assert practical["assessors"][first]["deviation"] == pytest.approx(by_hand, abs=1e-3)


def test_evaluate_writes_the_figures_as_json(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SELEKSI_USER", "ketua")
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-ketua")
    database = str(tmp_path / "seleksi.db")
    assert main(["--db", database, "demo", "--participants", "60", "--seed", "2"]) == 0
    out = tmp_path / "hasil.json"
    assert main(["--db", database, "evaluate", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    practical = data["stages"]["AKHIR"]["components"]["PRAKTIK"]
    assert set(practical) >= {"icc2_1", "icc2_k", "ci95", "n_participants", "n_assessors",
                              "assessors"}  # fmt: skip
    assert all("deviation" in a for a in practical["assessors"].values())
    assert "evaluasi" in capsys.readouterr().out
    # The same figures as a workbook, numbers as numbers.
    from openpyxl import load_workbook

    workbook = tmp_path / "tabel.xlsx"
    assert main(["--db", database, "evaluate", "--xlsx", str(workbook)]) == 0
    book = load_workbook(workbook)
    assert book.sheetnames == ["Alur", "Sebaran", "Keadilan", "Penilai", "Validitas"]
    rows = list(book["Penilai"].iter_rows(min_row=2, values_only=True))
    whole = next(r for r in rows if r[1] == "PRAKTIK" and r[2] == "(seluruh komponen)" and not r[3])
    assert whole[4] == pytest.approx(practical["icc2_1"])
    assert book["Alur"]["B2"].value == "Terdaftar" and book["Alur"]["C2"].value == 60
    assert main(["--db", database, "evaluate"]) == 1


def test_flow_distribution_and_fairness_by_hand(db, make_selection, write_csv, tmp_path) -> None:
    """Six applicants for one seat of CPNS 2024 (SKD cut: 3 × 1): counted by hand."""
    from app.services.evaluation import stage_figures
    from app.services.marks import mark_participant
    from app.services.participants_import import import_formations, import_participants
    from app.services.scores_import import import_scores

    info = make_selection("cpns-2024")
    header = ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"]
    formation = write_csv(tmp_path / "f.csv", header, [["A1", "Analis", "BKPSDM", "S-1", 1]])
    import_formations(db, ADMIN, info.id, formation)
    # NIK: 1275 (Kota Binjai) or 1271 (Medan); day + 40 for a woman; born 1995.
    people = [
        ["01", "Rina", "1995-01-15", "A1", "1275015501950001"],  # woman, local
        ["02", "Andi", "1995-01-15", "A1", "1275011501950002"],  # man, local
        ["03", "Sari", "1995-01-15", "A1", "1271015501950003"],  # woman
        ["04", "Budi", "1995-01-15", "A1", "1271011501950004"],  # man
        ["05", "Dewi", "1995-01-15", "A1", "1271015501950005"],  # woman, below threshold
        ["06", "Yusuf", "1995-01-15", "A1", "1271011501950006"],  # man, withdrawn
    ]
    participants = write_csv(
        tmp_path / "p.csv", ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi", "nik"],
        people,
    )  # fmt: skip
    import_participants(db, ADMIN, info.id, participants)
    mark_participant(db, ADMIN, info.id, "06", "APS", "mengundurkan diri", "SKD")
    scores = write_csv(
        tmp_path / "n.csv", ["nomor_peserta", "TWK", "TIU", "TKP"],
        [["01", 100, 120, 200], ["02", 95, 115, 195], ["03", 90, 110, 190],
         ["04", 85, 105, 185], ["05", 60, 100, 180], ["06", 100, 100, 180]],
    )  # fmt: skip
    import_scores(db, ADMIN, info.id, scores)
    found = stage_figures(db, info.id, "SKD", local_code="1275")
    flow = found["flow"]
    assert (flow["registered"], flow["present"], flow["absent"]) == (6, 6, 0)
    assert flow["marked"] == {"APS": 1, "TMS": 0, "DIS": 0}
    assert flow["passed_threshold"] == {"TWK": 5, "TIU": 6, "TKP": 6}  # Dewi's TWK 60 < 65
    assert flow["statuses"] == {"below_threshold": 1, "outside_quota": 1, "withdrawn": 1,
                                "within_quota": 3}  # fmt: skip
    assert flow["seats"] == {"kebutuhan": 1, "within_quota": 3}
    assert flow["competition"] == {"A1": 6.0}
    twk = found["distributions"]["TWK"]
    assert twk["n"] == 6 and twk["mean"] == pytest.approx(530 / 6, abs=1e-3)
    sex = found["fairness"]["sex"]["levels"]
    # Within quota: Rina, Andi, Sari (the three best SKD); women 2 of 3, men 1 of 3.
    assert sex["perempuan"] == {"applicants": 3, "selected": 2, "rate": pytest.approx(2 / 3)}
    assert sex["laki-laki"] == {"applicants": 3, "selected": 1, "rate": pytest.approx(1 / 3)}
    assert found["fairness"]["sex"]["too_small"] == ["laki-laki", "perempuan"]
    assert found["fairness"]["sex"]["impact_ratio"] is None  # too small to judge
    local = found["fairness"]["local"]["levels"]
    assert local["lokal"]["selected"] == 2 and local["luar daerah"]["selected"] == 1


def test_later_performance_is_imported_and_set_beside_the_scores(db, tmp_path, write_csv) -> None:
    from scipy import stats

    from app.services.errors import ImportRejected
    from app.services.evaluation import evaluation
    from app.services.performance import import_performance
    from app.services.ranking import compute_ranking

    info = create_demo(db, ADMIN, "cpns-2024", participants=300, seed=5, performance=False)
    rows = [r for r in compute_ranking(db, info.id).rows if r.final is not None][:40]
    ladder = ["Sangat Kurang", "Kurang", "Butuh Perbaikan", "Baik", "Sangat Baik"]
    # Performance that follows the final score, with some noise: rank by final, then predikat.
    ordered = sorted(rows, key=lambda r: r.final)
    lines = [[r.number, 2025, ladder[min(4, i * 5 // len(ordered))]] for i, r in enumerate(ordered)]
    path = write_csv(tmp_path / "skp.csv", ["nomor_peserta", "tahun", "predikat"], lines)
    done = import_performance(db, ADMIN, info.id, path)
    assert (done.added, done.unchanged) == (40, 0)
    again = import_performance(db, ADMIN, info.id, path)
    assert (again.added, again.unchanged) == (0, 40)
    figures = evaluation(db, info.id)
    final = figures["validity"]["NILAI_AKHIR"]
    ranks = {"Sangat Kurang": 1, "Kurang": 2, "Butuh Perbaikan": 3, "Baik": 4, "Sangat Baik": 5}
    expected = stats.spearmanr([float(r.final) for r in ordered], [ranks[x[2]] for x in lines])
    assert final["n"] == 40 and final["rho"] == pytest.approx(expected.statistic, abs=1e-4)
    assert final["rho"] > 0.9 and figures["validity_reference"]["work_sample"] == 0.33
    # A different value for a stored year, an unknown participant, a bad predikat: all named.
    bad = write_csv(
        tmp_path / "skp2.csv", ["nomor_peserta", "tahun", "predikat"],
        [[lines[0][0], 2025, "Baik" if lines[0][2] != "Baik" else "Kurang"],
         ["999", 2025, "Baik"], [lines[1][0], 2026, "Cukup"]],
    )  # fmt: skip
    with pytest.raises(ImportRejected) as refused:
        import_performance(db, ADMIN, info.id, bad)
    assert [p.message for p in refused.value.problems] == [
        "performance.differs", "participant.not_found", "performance.bad_predikat",
    ]  # fmt: skip


def test_the_demo_fills_every_figure_a_newcomer_looks_at(db) -> None:
    """Issue #13 §3: a lenient assessor, both sexes, local and not, later performance."""
    from app.services.evaluation import evaluation

    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=600, seed=1)
    figures = evaluation(db, info.id, local_code="1275")
    final = figures["stages"]["AKHIR"]
    deviations = {
        name: found["deviation"]
        for name, found in final["components"]["PRAKTIK"]["assessors"].items()
    }
    # The demo's lenient assessor: the one most above the others, beyond the ±5 flag.
    lenient = max(deviations, key=lambda name: deviations[name])
    assert deviations[lenient] > 5.0
    assert final["components"]["PRAKTIK"]["assessors"][lenient]["flag"]
    assert set(final["fairness"]["sex"]["levels"]) == {"laki-laki", "perempuan"}
    local = final["fairness"]["local"]["levels"]
    assert set(local) == {"lokal", "luar daerah"}
    assert local["luar daerah"]["applicants"] == 600 // 5
    chosen = final["flow"]["seats"]["within_quota"]
    assert figures["validity"]["NILAI_AKHIR"]["n"] == chosen > 30
