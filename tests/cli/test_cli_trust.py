"""The command line with a logged-in user, and the audit commands."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from app.cli import main


def _run(monkeypatch: pytest.MonkeyPatch, stdin: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(list(args))


def test_roles_apply_to_commands_run_with_a_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "seleksi.db")
    assert main(["--db", db, "demo", "--participants", "40", "--seed", "2"]) == 0  # ketua: admin
    assert (
        _run(
            monkeypatch,
            "rahasia-nilai\n",
            "--db",
            db,
            "user",
            "add",
            "dewi",
            "--role",
            "penilai",
            "--password-stdin",
        )
        == 0
    )
    capsys.readouterr()
    number = sqlite3.connect(db).execute("SELECT number FROM participant LIMIT 1").fetchone()[0]
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-nilai")
    code = _run(
        monkeypatch, "", "--db", db, "--user", "dewi", "mark", number, "DIS", "--reason", "x"
    )
    assert code == 1
    assert "peran Anda tidak mengizinkan" in capsys.readouterr().err
    monkeypatch.setenv("SELEKSI_PASSWORD", "salah")
    assert _run(monkeypatch, "", "--db", db, "--user", "dewi", "review") == 1
    assert "kata sandi salah" in capsys.readouterr().err
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-ketua")
    args = ["--db", db, "--user", "ketua", "mark", number, "DIS", "--reason", "curang"]
    assert _run(monkeypatch, "", *args) == 0
    capsys.readouterr()
    assert main(["--db", db, "audit", "log", "--participant", number]) == 0
    log = capsys.readouterr().out
    assert "ketua\tparticipant.marked" in log and "curang" in log


def test_audit_verify_reports_a_broken_chain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "seleksi.db")
    assert main(["--db", db, "demo", "--participants", "40"]) == 0
    assert main(["--db", db, "audit", "verify"]) == 0
    assert "jejak audit utuh" in capsys.readouterr().out
    with sqlite3.connect(db) as connection:
        connection.execute("DROP TRIGGER audit_event_no_update")
        connection.execute("UPDATE audit_event SET actor = 'orang lain' WHERE id = 2")
    assert main(["--db", db, "audit", "verify"]) == 1
    assert "RUSAK mulai kejadian #2" in capsys.readouterr().err
