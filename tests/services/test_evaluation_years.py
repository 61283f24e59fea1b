"""Year to year (issue #13 §1): selections of this file and of another, side by side, the
other file read without a byte of it changing."""

from __future__ import annotations

import hashlib
import os

import pytest

from app.cli import main
from app.services.actor import Actor
from app.services.demo import create_demo
from app.services.errors import UserError
from app.services.evaluation import evaluation
from app.services.evaluation_years import compare_selections
from app.services.opening import open_database

ADMIN = Actor("ketua", "admin")


def test_two_files_side_by_side_and_the_other_file_untouched(db, tmp_path) -> None:
    this_year = create_demo(db, ADMIN, "binjai-kompetensi", participants=60, seed=4)
    other_path = tmp_path / "tahun-lalu.db"
    other = open_database(other_path)
    try:
        last_year = create_demo(other, ADMIN, "cpns-2024", participants=60, seed=5)
        expected_other = evaluation(other, last_year.id)
    finally:
        other.close()
    before = (hashlib.sha256(other_path.read_bytes()).hexdigest(), os.stat(other_path).st_mtime_ns)

    found = compare_selections(db, other_files=[other_path])

    assert (
        hashlib.sha256(other_path.read_bytes()).hexdigest(),
        os.stat(other_path).st_mtime_ns,
    ) == (before)
    names = [(s["name"], s["source"]) for s in found["selections"]]
    assert names == [  # same year: this file first
        (this_year.name, ""),
        (last_year.name, "tahun-lalu.db"),
    ]
    expected = evaluation(db, this_year.id)
    mine = found["selections"][0]["stages"]
    for code, stage in expected["stages"].items():
        flow = stage["flow"]
        assert mine[code]["registered"] == flow["registered"]
        assert mine[code]["selected"] == flow["seats"]["within_quota"]
        assert mine[code]["pass_rate"] == pytest.approx(
            flow["seats"]["within_quota"] / flow["present"], abs=1e-4
        )
        for component, passed in flow["passed_threshold"].items():
            assert mine[code]["stopped_by_threshold"][component] == pytest.approx(
                (flow["present"] - passed) / flow["present"], abs=1e-4
            )
        assert mine[code]["icc2_1"] == {c: f["icc2_1"] for c, f in stage["components"].items()}
        assert mine[code]["impact_ratio"] == {
            g: f["impact_ratio"] for g, f in stage["fairness"].items()
        }
    theirs = found["selections"][1]["stages"]
    assert list(theirs) == list(expected_other["stages"])
    skd = expected_other["stages"]["SKD"]["flow"]
    assert theirs["SKD"]["present"] == skd["present"]


def test_refusals_name_the_file_or_the_selection(db, tmp_path) -> None:
    info = create_demo(db, ADMIN, "cpns-2024", participants=30, seed=1)
    with pytest.raises(UserError) as refused:
        compare_selections(db, other_files=[tmp_path / "tidak-ada.db"])
    assert refused.value.message == "compare.no_file"
    junk = tmp_path / "bukan.db"
    junk.write_bytes(b"ini bukan basis data" * 100)
    with pytest.raises(UserError) as refused:
        compare_selections(db, other_files=[junk])
    assert refused.value.message == "compare.not_database" and "bukan.db" in refused.value.text()
    with pytest.raises(UserError) as refused:
        compare_selections(db, selection_ids=[info.id, 77])
    assert refused.value.message == "compare.unknown_selection"
    assert [s["name"] for s in compare_selections(db, selection_ids=[info.id])["selections"]] == [
        info.name
    ]


def test_recommend_and_compare_from_the_terminal(tmp_path, capsys, monkeypatch) -> None:
    import csv
    import io
    import json

    monkeypatch.setenv("SELEKSI_USER", "ketua")
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-ketua")
    database = str(tmp_path / "seleksi.db")
    assert main(["--db", database, "demo", "--participants", "40", "--seed", "2"]) == 0
    capsys.readouterr()
    assert main(["--db", database, "recommend", "add", "Latih ulang penilai praktik.",
                 "--finding", "icc.AKHIR.PRAKTIK"]) == 0  # fmt: skip
    assert "nomor 1" in capsys.readouterr().out
    assert main(["--db", database, "recommend", "add", "Tinjau ambang."]) == 0
    assert main(["--db", database, "recommend", "withdraw", "2"]) == 0
    capsys.readouterr()
    assert main(["--db", database, "recommend", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["finding"], r["author"]) for r in rows] == [
        (1, "icc.AKHIR.PRAKTIK", "ketua")
    ]
    assert main(["--db", database, "recommend", "list", "--all", "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in table] == ["1", "2"] and table[1]["withdrawn_at"]
    assert main(["--db", database, "recommend", "revise", "9", "Teks."]) == 1
    assert "nomor 9" in capsys.readouterr().err

    assert main(["--db", database, "compare", "--format", "csv"]) == 0
    lines = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert lines[0][0] == "ukuran" and lines[0][1].startswith("2024 ")
    rates = dict((r[0], r[1]) for r in lines[1:])
    assert float(rates["AKHIR.pass_rate"]) > 0  # a decimal point, for scripts
    assert "AKHIR.icc2_1.PRAKTIK" in rates
    out = tmp_path / "banding.json"
    assert main(["--db", database, "compare", "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["selections"][0]["year"] == 2024
