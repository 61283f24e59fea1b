"""``seleksi import`` refuses to replace stored values unless told so with a reason (issue #9)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main

WriteCsv = Callable[..., Path]


def run(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_replaces_stored_scores_only_with_replace_and_a_reason(
    db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, write_csv: WriteCsv
) -> None:
    assert run(db_path, capsys, "init", "--scheme", "cpns-2024", "--name", "Uji")[0] == 0
    files = {
        "formations": write_csv(
            tmp_path / "f.csv", ["kode_formasi", "jabatan", "kebutuhan"], [["C1", "Analis", 1]]
        ),
        "participants": write_csv(
            tmp_path / "p.csv",
            ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
            [
                ["101", "Peserta 101", "1995-05-05", "C1"],
                ["102", "Peserta 102", "1995-05-05", "C1"],
            ],
        ),
        "scores": write_csv(
            tmp_path / "skd.csv", ["nomor_peserta", "TWK"], [["101", 100], ["102", 90]]
        ),
    }
    for kind, path in files.items():
        assert run(db_path, capsys, "import", kind, str(path))[0] == 0
    again = write_csv(tmp_path / "skd2.csv", ["nomor_peserta", "TWK"], [["101", 105], ["102", 90]])

    code, out, err = run(db_path, capsys, "import", "scores", str(again))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[1] == (
        "skd2.csv: baris 2, kolom twk: peserta 101, TWK: nilai tersimpan '100' akan diganti '105'"
    )
    assert "--replace --reason" in lines[2]

    code, _, err = run(db_path, capsys, "import", "scores", str(again), "--replace")
    assert code == 1 and "membutuhkan alasan" in err

    code, out, err = run(
        db_path, capsys, "import", "scores", str(again), "--replace", "--reason", "TWK salah ketik"
    )
    assert (code, err) == (0, "")
    assert out == "nilai: 0 baru, 1 diganti\n"
    code, out, _ = run(db_path, capsys, "audit", "log", "--participant", "101")
    assert code == 0
    [line] = [line for line in out.splitlines() if "score.replaced" in line]
    assert "TWK salah ketik" in line and "100" in line and "105" in line
    code, out, _ = run(db_path, capsys, "audit", "log", "--participant", "102")
    assert "score.replaced" not in out  # 102's value was the same: nothing replaced
