"""``seleksi tie list`` and ``seleksi tie decide`` (issue #10 §3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def test_tie_list_and_decide(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "seleksi.db")
    assert (
        main(["--db", db, "demo", "--scheme", "cpns-2024", "--participants", "150", "--seed", "6"])
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db, "tie", "list"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    stage, formation, seats, people, state = line.split("\t")
    assert (stage, formation, seats, state) == (
        "AKHIR",
        "BNJ-05",
        "1 kursi untuk 2 peserta seri",
        "belum diputuskan",
    )
    first = people.split(" ")[0]
    assert main(["--db", db, "finalize", "--stage", "AKHIR", "--formation", "BNJ-05"]) == 1
    assert "belum diputuskan panitia" in capsys.readouterr().err
    args = ["--db", db, "tie", "decide", "--formation", "BNJ-05", "--winner", first]
    assert main([*args, "--reason", "undian", "--reference", "BA No. 7/2024"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"keputusan seri dicatat: formasi BNJ-05, kursi untuk {first} (BA No. 7/2024)"
    )
    assert main(["--db", db, "tie", "list"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(f"diputuskan: {first} (BA No. 7/2024)")
    assert main(["--db", db, "rank", "--formation", "BNJ-05", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert f",{first}," in out and "SERI — keputusan panitia BA No. 7/2024" in out
    assert main(["--db", db, "finalize", "--stage", "AKHIR", "--formation", "BNJ-05"]) == 0
