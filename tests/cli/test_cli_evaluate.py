"""``seleksi evaluate --out laporan.pdf --stage S`` (issue #13): the report alone, or with the
JSON and the workbook, of one stage or all; an unknown stage named with the valid ones."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_evaluate_out_and_stage(tmp_path: Path, capsys) -> None:
    database = str(tmp_path / "seleksi.db")
    assert main(["--db", database, "demo", "--scheme", "cpns-2024", "--participants", "120",
                 "--seed", "3"]) == 0  # fmt: skip
    capsys.readouterr()
    report = tmp_path / "laporan.pdf"
    assert main(["--db", database, "evaluate", "--out", str(report)]) == 0  # --out alone
    printed = capsys.readouterr().out
    pages = len(page_texts(report))
    assert f"laporan monitoring dan evaluasi ditulis: {report} ({pages} halaman)" in printed
    text = _flat(" ".join(page_texts(report)))
    assert "Tahap SKD" in text and "Tahap AKHIR" in text
    # --stage keeps that stage in the PDF, the JSON and the workbook.
    skd, figures, book = tmp_path / "skd.pdf", tmp_path / "skd.json", tmp_path / "skd.xlsx"
    assert main(["--db", database, "evaluate", "--stage", "SKD", "--out", str(skd),
                 "--json", str(figures), "--xlsx", str(book)]) == 0  # fmt: skip
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert list(data["stages"]) == ["SKD"]
    assert set(data["stages"]["SKD"]) >= {"flow", "distributions", "fairness", "components"}
    assert set(data["scheme"]["components"]) == {"TWK", "TIU", "TKP"}
    text = _flat(" ".join(page_texts(skd)))
    assert "Tahap SKD" in text and "Tahap AKHIR" not in text
    stages = {row[0] for row in load_workbook(book)["Alur"].iter_rows(min_row=2, values_only=True)}
    assert stages == {"SKD"}
    # An unknown stage is refused, naming the stages there are; nothing is written.
    capsys.readouterr()
    wrong = tmp_path / "salah.pdf"
    assert main(["--db", database, "evaluate", "--stage", "SKB", "--out", str(wrong)]) == 1
    assert "tahap 'SKB' tidak ada (pilihan: SKD, AKHIR)" in capsys.readouterr().err
    assert not wrong.exists()
    assert main(["--db", database, "evaluate", "--stage", "SKD"]) == 1
    assert "sebutkan --out LAPORAN.pdf" in capsys.readouterr().err


def test_the_report_ends_with_the_teams_standing_recommendations(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    import io

    database = str(tmp_path / "seleksi.db")
    assert main(["--db", database, "demo", "--participants", "60", "--seed", "4"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-sari-1\n"))
    assert main(["--db", database, "user", "add", "sari", "--role", "monev", "--password-stdin",
                 "--full-name", "Sari Lestari, S.Psi."]) == 0  # fmt: skip
    # The tim monev's own account writes them; it may not touch a score.
    monkeypatch.setenv("SELEKSI_USER", "sari")
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-sari-1")
    assert main(["--db", database, "recommend", "add", "Latih ulang penilai praktik kerja.",
                 "--finding", "range_restriction"]) == 0  # fmt: skip
    assert main(["--db", database, "recommend", "add", "Kalimat yang ditarik kembali."]) == 0
    assert main(["--db", database, "recommend", "withdraw", "2"]) == 0
    capsys.readouterr()
    assert main(["--db", database, "mark", "24127500000001", "APS", "--reason", "uji"]) == 1
    assert "peran Anda tidak mengizinkan tindakan ini" in capsys.readouterr().err
    report = tmp_path / "laporan.pdf"
    assert main(["--db", database, "evaluate", "--out", str(report)]) == 0
    text = _flat(" ".join(page_texts(report)))
    assert "Latih ulang penilai praktik kerja." in text and "Sari Lestari, S.Psi." in text
    assert "Kalimat yang ditarik kembali." not in text
