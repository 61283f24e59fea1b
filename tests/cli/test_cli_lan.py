"""Every command with ``--db postgresql://…`` (issue #12 §2): the same output as on a file,
the server's SQLite copy, and what a server cannot do said in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_selection_on_the_server_from_the_terminal(
    server_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(tmp_path / "seleksi.db")
    for database in (server_db, file):
        demo = ["demo", "--scheme", "cpns-2024", "--participants", "120", "--seed", "9"]
        code, _out, err = _run(capsys, "--db", database, *demo)
        assert (code, err) == (0, "")
    for stage in ("SKD", "AKHIR"):
        on_server = _run(capsys, "--db", server_db, "rank", "--stage", stage, "--format", "csv")
        on_file = _run(capsys, "--db", file, "rank", "--stage", stage, "--format", "csv")
        assert on_server[0] == 0 and on_server[1] == on_file[1] and on_server[1].count("\n") > 1
    code, out, _err = _run(capsys, "--db", server_db, "audit", "verify")
    assert code == 0 and "isi tabel sesuai jejak audit" in out

    copy = tmp_path / "salinan.db"
    code, out, _err = _run(capsys, "--db", server_db, "backup", "--out", str(copy))
    assert (code, out.strip()) == (0, f"cadangan dibuat: {copy}")
    code, out, _err = _run(capsys, "--db", str(copy), "rank", "--format", "csv")
    assert out == _run(capsys, "--db", server_db, "rank", "--format", "csv")[1]
    assert _run(capsys, "--db", str(copy), "audit", "verify")[0] == 0

    code, _out, err = _run(capsys, "--db", server_db, "restore", str(copy))
    assert code == 1 and "tidak dipulihkan ke server" in err
    code, _out, err = _run(capsys, "--db", server_db, "backup")
    assert code == 1 and "--out" in err


def test_an_unreachable_server_is_said_in_words_without_its_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql://ketua:rahasia@127.0.0.1:1/tidakada"
    code, _out, err = _run(capsys, "--db", url, "rank")
    assert code == 1 and "tidak dapat dibuka" in err
    assert "rahasia" not in err and "ketua:***@127.0.0.1" in err
