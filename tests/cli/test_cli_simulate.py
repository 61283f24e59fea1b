"""``seleksi simulate --scheme DRAFT.toml`` (issue #14 §2): the summary a person reads, the
JSON for scripts (decimal points), the workbook (numbers as numbers), a draft the stored
scores cannot answer refused by its TOML key, a login required, and the file unchanged."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.messages import set_language
from app.services.schemes import PRESETS_DIR


def draft_file(folder: Path, replacements: dict[str, str], name: str = "rancangan.toml") -> Path:
    """The Binjai preset with some of its lines replaced: a draft as a drafting team edits one."""
    text = (PRESETS_DIR / "binjai-kompetensi.toml").read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


REWEIGHTED = {
    'code = "binjai-kompetensi"': 'code = "binjai-rancangan"',
    "weight = 40\nthreshold = 60": "weight = 25\nthreshold = 60",  # PENGETAHUAN
    "weight = 35\nthreshold = 60": "weight = 50\nthreshold = 60",  # PRAKTIK
}


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    database = str(tmp_path / "seleksi.db")
    assert main(["--db", database, "demo", "--participants", "160", "--seed", "2"]) == 0
    capsys.readouterr()
    return database


def test_simulate_prints_a_summary_and_writes_json_and_xlsx(
    demo: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data_dump: Callable[[Path], str],
) -> None:
    draft = draft_file(tmp_path, REWEIGHTED)
    out, book = tmp_path / "hasil.json", tmp_path / "tabel.xlsx"
    before = data_dump(Path(demo))
    code = main(["--db", demo, "simulate", "--scheme", str(draft), "--json", str(out),
                 "--xlsx", str(book), "--local-code", "1275"])  # fmt: skip
    printed = capsys.readouterr()
    assert code == 0, printed.err
    text = printed.out
    assert "Simulasi rancangan binjai-rancangan pada seleksi 1" in text
    assert "tahap AKHIR" in text
    assert "Aturan yang diubah rancangan, menurut urutan penerapan: bobot" in text
    assert f"hasil simulasi ditulis: {out}" in text and f"hasil simulasi ditulis: {book}" in text
    data = json.loads(out.read_text(encoding="utf-8"))
    overall = data["overall"]
    assert data["stage"] == "AKHIR" and data["rules"] == ["weight"]
    assert overall["changed"] == sum(len(f["changed"]) for f in data["formations"].values()) > 0
    # The overall row of the table says the same, in Indonesian numbers.
    [line] = [row for row in text.splitlines() if row.startswith("Keseluruhan")]
    cells = line.split()
    assert cells[3] == str(overall["changed"])
    assert cells[4] == f"{overall['kendall_tau_mean']:.3f}".replace(".", ",")
    assert (cells[5], cells[6]) == (str(overall["seats_gained"]), str(overall["seats_lost"]))
    # Per formation: tau-b and every changed outcome with the rule behind it.
    for formation in data["formations"].values():
        assert set(formation) == {"kebutuhan", "participants", "ranked_both", "kendall_tau",
                                  "changed", "seats_gained", "seats_lost"}  # fmt: skip
        for change in formation["changed"]:
            assert change["rule"] == "weight"
            assert {"nomor_peserta", "old_code", "new_code"} <= set(change)
    weights = data["effective_weights"]
    assert weights["current"]["PRAKTIK"]["stated"] == 35.0
    assert weights["draft"]["PRAKTIK"]["stated"] == 50.0
    assert set(data["fairness"]["draft"]) == {"sex", "age", "education", "local"}
    # The workbook: the same changes, numbers kept as numbers.
    sheets = load_workbook(book)
    assert sheets.sheetnames == ["Ringkasan", "Formasi", "Perubahan", "Bobot efektif", "Keadilan"]
    changes = list(sheets["Perubahan"].iter_rows(min_row=2, values_only=True))
    assert len(changes) == overall["changed"]
    assert all(row[10] == "bobot" for row in changes)
    taus = [row[4] for row in sheets["Formasi"].iter_rows(min_row=2, values_only=True)]
    assert all(tau is None or isinstance(tau, (int, float)) for tau in taus)
    assert sheets["Formasi"].cell(row=2, column=5).number_format == "0.000"
    # Nothing of the selection changed (a login is recorded, as for every command).
    assert data_dump(Path(demo)) == before


def test_english_output_keeps_decimal_points_for_people_who_read_english(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = draft_file(tmp_path, REWEIGHTED)
    set_language("en")
    try:
        assert main(["--db", demo, "simulate", "--scheme", str(draft)]) == 0
    finally:
        set_language("id")
    text = capsys.readouterr().out
    assert "Rules the draft changes, in the order applied: weight" in text
    [line] = [row for row in text.splitlines() if row.startswith("Overall")]
    assert re.fullmatch(r"-?\d\.\d{3}", line.split()[4])


def test_a_draft_the_stored_scores_cannot_answer_is_refused_by_its_key(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = draft_file(tmp_path, {
        '"PSIKOTES", "USIA"]': '"WAWANCARA", "USIA"]',
        'code = "PSIKOTES"\nname = "Psikotes"': 'code = "WAWANCARA"\nname = "Wawancara"',
    })  # fmt: skip
    out = tmp_path / "hasil.json"
    assert main(["--db", demo, "simulate", "--scheme", str(draft), "--json", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"skema {draft} tidak valid:" in err
    assert (
        f"{draft}: stages[0].components[2].code: komponen WAWANCARA (tahap AKHIR) tidak punya"
        " nilai tersimpan pada seleksi ini" in err
    )
    assert not out.exists()


def test_an_invalid_draft_is_refused_as_every_scheme_file_is(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = draft_file(tmp_path, {"weight = 40\nthreshold = 60": "weight = 45\nthreshold = 60"})
    assert main(["--db", demo, "simulate", "--scheme", str(draft)]) == 1
    err = capsys.readouterr().err
    assert f"{draft}: stages[0].components:" in err and "105" in err


def test_simulate_needs_a_login(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SELEKSI_USER")
    draft = draft_file(tmp_path, REWEIGHTED)
    assert main(["--db", demo, "simulate", "--scheme", str(draft)]) == 1
    assert "simulate" in capsys.readouterr().err


def test_an_unknown_stage_is_named_with_the_stages_there_are(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = draft_file(tmp_path, REWEIGHTED)
    assert main(["--db", demo, "simulate", "--scheme", str(draft), "--stage", "SKD"]) == 1
    assert "tahap 'SKD' tidak ada (pilihan: AKHIR)" in capsys.readouterr().err
