"""``seleksi fgd weights FILE [--json out.json] [--exclude-inconsistent] [--stage S]``
(issue #14 §1): the table for people in Indonesian numbers, the JSON for scripts with
decimal points, no login and no database unless the selection's scheme is asked for."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from app.cli import main
from app.demo.fgd import fgd_rows
from app.services.fgd import COLUMNS

BINJAI_CRITERIA = [
    "PENGETAHUAN",
    "PRAKTIK",
    "PSIKOTES",
    "PRAKTIK.TEKNIS",
    "PRAKTIK.KETEPATAN",
    "PRAKTIK.SIKAP",
    "PRAKTIK.KOMUNIKASI",
]


def demo_file(path: Path, seed: int = 1) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(fgd_rows(BINJAI_CRITERIA, seed))
    return path


@pytest.fixture
def no_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SELEKSI_USER", raising=False)
    monkeypatch.delenv("SELEKSI_PASSWORD", raising=False)


def test_weights_without_a_database_table_and_json(tmp_path: Path, capsys, no_login) -> None:
    database = tmp_path / "seleksi.db"
    out = tmp_path / "bobot.json"
    code = main(["--db", str(database), "fgd", "weights", str(demo_file(tmp_path / "fgd.csv")),
                 "--json", str(out)])  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0
    assert not database.exists()  # the file alone was read
    assert printed.startswith("Pembobotan FGD (AHP): fgd.csv, 12 responden, 107 penilaian")
    assert "Bobot tingkat komponen" in printed and "Bobot aspek PRAKTIK" in printed
    assert printed.count("TIDAK KONSISTEN") == 2
    assert printed.count("tanyakan lagi") == 2
    assert re.search(r"CR kelompok 0,\d{3}; konsensus 0,\d\d \(", printed)
    assert "Usulan bobot (%)" in printed
    assert f"hasil ditulis ke {out}" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures["weights"]) == {"PENGETAHUAN", "PRAKTIK", "PSIKOTES"}
    assert sum(figures["weights"].values()) == pytest.approx(1, abs=1e-5)
    assert sum(figures["percent"].values()) == 100
    assert isinstance(figures["group_cr"], float)
    respondent = figures["respondents"]["Sekretaris Daerah"]
    assert set(respondent["weights"]) == {"PENGETAHUAN", "PRAKTIK", "PSIKOTES"}
    assert isinstance(respondent["cr"], float)
    assert set(respondent["aspects"]["PRAKTIK"]["weights"]) == {
        "TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI"}  # fmt: skip
    assert sum(figures["aspects"]["PRAKTIK"]["percent"].values()) == 100
    assert figures["excluded"] == [] and figures["exclude_inconsistent"] is False
    # Machine text: decimal points, never commas, in the JSON.
    assert "," not in json.dumps(figures["weights"]).replace(", ", "")


def test_exclude_inconsistent_is_recorded(tmp_path: Path, capsys, no_login) -> None:
    out = tmp_path / "bobot.json"
    path = demo_file(tmp_path / "fgd.csv")
    assert main(["fgd", "weights", str(path), "--exclude-inconsistent", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Dikeluarkan dari hasil kelompok (CR > 0,10):" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert len(figures["excluded"]) == 2
    assert all(e["cr"] > 0.10 and e["level"] is None for e in figures["excluded"])
    assert all(
        figures["respondents"][e["respondent"]]["share"] is None for e in figures["excluded"]
    )


def test_stage_of_the_selection_in_the_database_needs_no_login(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    database = str(tmp_path / "seleksi.db")
    assert main(["--db", database, "init", "--scheme", "binjai-kompetensi",
                 "--name", "Seleksi 2025", "--year", "2025"]) == 0  # fmt: skip
    capsys.readouterr()
    monkeypatch.delenv("SELEKSI_USER")
    monkeypatch.delenv("SELEKSI_PASSWORD")
    out = tmp_path / "bobot.json"
    path = demo_file(tmp_path / "fgd.csv")
    assert (
        main(
            ["--db", database, "fgd", "weights", str(path), "--stage", "AKHIR", "--json", str(out)]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "Rancangan bobot tahap AKHIR (sekarang → usulan): PENGETAHUAN 40 → " in printed
    assert "Rancangan memenuhi semua aturan skema dan dapat dijadikan skema." in printed
    draft = json.loads(out.read_text(encoding="utf-8"))["draft"]
    assert draft["stage"] == "AKHIR" and draft["adoptable"] is True
    assert draft["current_weights"] == {"PENGETAHUAN": 40, "PRAKTIK": 35, "PSIKOTES": 25}
    assert sum(draft["weights"].values()) == 100


def test_a_draft_against_the_cpns_rule_is_not_adoptable(tmp_path: Path, capsys, no_login) -> None:
    path = tmp_path / "cpns.csv"
    path.write_text(
        "responden;kelompok;bobot_kelompok;kriteria_a;kriteria_b;nilai\n"
        "Ani;Pemda;0,5;PRAKTIK;CAT_SKB;3\n"
        "Budi;DPRD;0,5;PRAKTIK;CAT_SKB;2\n",
        encoding="utf-8",
    )
    assert main(["fgd", "weights", str(path), "--scheme", "cpns-2024", "--stage", "AKHIR"]) == 0
    printed = capsys.readouterr().out
    assert "Rancangan TIDAK dapat dijadikan skema: 2 aturan dilanggar:" in printed
    assert (
        "stages[1].components[0].weight: bobot CAT SKB instansi daerah paling sedikit 60 %"
        in printed
    )


def test_a_bad_file_names_every_row_and_exits_1(tmp_path: Path, capsys, no_login) -> None:
    path = tmp_path / "buruk.csv"
    path.write_text(
        "responden,kelompok,bobot_kelompok,kriteria_a,kriteria_b,nilai\n"
        "Ani,Pemda,1,A,B,11\n"
        "Ani,Pemda,1,B,C,1/3\n"
        "Ani,Pemda,1,A,A,1\n",
        encoding="utf-8",
    )
    assert main(["fgd", "weights", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "buruk.csv: 2 masalah; bobot tidak dihitung:",
        "buruk.csv: baris 2, kolom nilai: nilai 11 di luar skala Saaty 1/9 sampai 9",
        "buruk.csv: baris 4, kolom kriteria_b: kriteria A dibandingkan dengan dirinya sendiri",
    ]


def test_an_unknown_stage_and_an_unreadable_json_path(tmp_path: Path, capsys, no_login) -> None:
    path = demo_file(tmp_path / "fgd.csv")
    assert (
        main(["fgd", "weights", str(path), "--scheme", "binjai-kompetensi", "--stage", "SKD"]) == 1
    )
    assert "tahap 'SKD' tidak ada (pilihan: AKHIR)" in capsys.readouterr().err
    blocked = tmp_path / "folder"
    blocked.mkdir()
    assert main(["fgd", "weights", str(path), "--json", str(blocked)]) == 1
    assert f"tidak dapat menulis {blocked}" in capsys.readouterr().err


def test_english_numbers_follow_the_language(tmp_path: Path, capsys, no_login, monkeypatch) -> None:
    from app.messages import language, set_language

    before = language()
    set_language("en")
    try:
        assert main(["fgd", "weights", str(demo_file(tmp_path / "fgd.csv"))]) == 0
    finally:
        set_language(before)
    printed = capsys.readouterr().out
    assert printed.startswith("FGD weighting (AHP): fgd.csv, 12 respondents")
    assert re.search(r"group CR 0\.\d{3}; consensus 0\.\d\d", printed)
