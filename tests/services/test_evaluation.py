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
