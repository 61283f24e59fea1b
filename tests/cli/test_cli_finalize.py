"""``seleksi finalize`` and ``seleksi reopen``: the same rules as the services, with --user."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from app.cli import main


def _run(monkeypatch: pytest.MonkeyPatch, stdin: str, *args: str) -> int:
    """``main(args)`` with ``stdin``: a new user's password, or with ``--user`` the login's."""
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    with monkeypatch.context() as login:
        if "--user" in args:
            login.setenv("SELEKSI_PASSWORD", stdin.strip())
        return main(list(args))


def _formations(db: str) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        return [
            code
            for (code,) in connection.execute(
                "SELECT DISTINCT f.code FROM participant p JOIN formation f"
                " ON f.id = p.formation_id ORDER BY f.code"
            )
        ]
    finally:
        connection.close()


def _participant_of(db: str, formation: str) -> str:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(
            "SELECT p.number FROM participant p JOIN formation f ON f.id = p.formation_id"
            " WHERE f.code = ? ORDER BY p.number LIMIT 1",
            (formation,),
        ).fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "seleksi.db")
    assert main(["--db", path, "demo", "--scheme", "cpns-2024", "--participants", "60"]) == 0
    return path


def test_finalize_locks_scores_and_unlocks_the_announcement_rank_unchanged(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, *others = _formations(db)
    capsys.readouterr()
    assert main(["--db", db, "rank", "--stage", "SKD", "--format", "csv"]) == 0
    ranked = capsys.readouterr().out

    assert main(["--db", db, "finalize", "--stage", "SKD", "--formation", first]) == 0
    assert capsys.readouterr().out.strip() == f"tahap SKD: 1 formasi difinalisasi ({first})"
    assert main(["--db", db, "rank", "--stage", "SKD", "--format", "csv"]) == 0
    assert capsys.readouterr().out == ranked  # the ranking itself does not change

    # The announcement waits for every formation.
    out = tmp_path / "skd.pdf"
    assert main(["--db", db, "announce", "--stage", "SKD", "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert f"{len(others)} dari {len(others) + 1} formasi belum difinalisasi" in error
    assert not out.exists()

    # Scores of the finalized formation cannot be imported.
    number = _participant_of(db, first)
    scores = tmp_path / "nilai.csv"
    scores.write_text(f"nomor_peserta,komponen,nilai\n{number},TWK,100\n", encoding="utf-8")
    assert main(["--db", db, "import", "scores", str(scores)]) == 1
    error = capsys.readouterr().err
    assert "baris 2" in error and f"formasi {first} sudah final pada tahap SKD" in error

    assert main(["--db", db, "finalize", "--stage", "SKD"]) == 0
    printed = capsys.readouterr().out
    assert f"{len(others)} formasi difinalisasi" in printed
    assert f"1 formasi sudah final sebelumnya ({first})" in printed
    assert main(["--db", db, "announce", "--stage", "SKD", "--out", str(out)]) == 0
    assert out.exists()


def test_reopen_needs_a_reason_and_is_audited(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    first, second, *_ = _formations(db)
    assert main(["--db", db, "finalize", "--stage", "SKD", "--formation", first, second]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:  # argparse: a usage error, exit 1
        main(["--db", db, "reopen", "--stage", "SKD", "--formation", first])
    assert usage.value.code == 1 and "--reason" in capsys.readouterr().err
    assert main(["--db", db, "reopen", "--stage", "SKD", "--reason", "  "]) == 1
    assert "memerlukan alasan" in capsys.readouterr().err
    assert (
        main(["--db", db, "reopen", "--stage", "SKD", "--formation", first, "--reason", "sanggah"])
        == 0
    )
    assert capsys.readouterr().out.strip() == (
        f"tahap SKD: 1 formasi dibuka kembali ({first}); alasan: sanggah"
    )
    assert main(["--db", db, "audit", "log"]) == 0
    log = capsys.readouterr().out.splitlines()
    assert any("stage.finalized" in line and second in line for line in log)
    assert any("stage.reopened" in line and "(sanggah)" in line for line in log)
    assert main(["--db", db, "finalize", "--stage", "SKD", "--formation", "XX-99"]) == 1
    assert "formasi 'XX-99' tidak ada" in capsys.readouterr().err


def test_only_an_admin_user_may_finalize_or_reopen(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # ketua is the demo's first admin (tests/cli/conftest.py); opi is added by ketua.
    args = ["--db", db, "user", "add", "opi", "--role", "operator", "--password-stdin"]
    assert _run(monkeypatch, "sandi-opi-2024\n", *args) == 0
    first = _formations(db)[0]
    capsys.readouterr()
    as_operator = ["--db", db, "--user", "opi"]
    assert _run(monkeypatch, "sandi-opi-2024\n", *as_operator, "finalize", "--stage", "SKD") == 1
    assert "hanya admin yang boleh" in capsys.readouterr().err
    as_admin = ["--db", db, "--user", "ketua"]
    finalizing = [*as_admin, "finalize", "--stage", "SKD", "--formation", first]
    assert _run(monkeypatch, "rahasia-ketua\n", *finalizing) == 0
    reopening = [*as_operator, "reopen", "--stage", "SKD", "--reason", "x"]
    assert _run(monkeypatch, "sandi-opi-2024\n", *reopening) == 1
    assert "hanya admin yang boleh" in capsys.readouterr().err
    connection = sqlite3.connect(db)
    try:
        actors = connection.execute(
            "SELECT actor FROM audit_event WHERE action = 'stage.finalized'"
        ).fetchall()
        finalized_by = connection.execute("SELECT finalized_by FROM finalization").fetchall()
    finally:
        connection.close()
    assert actors == [("ketua",)] and finalized_by == [("ketua",)]


def test_verify_says_a_replaced_announcement_is_no_longer_in_force(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #11 §2: the first file, genuine but replaced, is TIDAK BERLAKU with exit 1."""
    assert main(["--db", db, "finalize", "--stage", "SKD"]) == 0
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    assert (
        main(["--db", db, "announce", "--stage", "SKD", "--out", str(first), "--number", "1/A"])
        == 0
    )
    assert (
        main(["--db", db, "announce", "--stage", "SKD", "--out", str(second), "--number", "2/A"])
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db, "verify", str(first)]) == 1
    out = capsys.readouterr().out
    assert "TIDAK BERLAKU: 1.pdf" in out and "diganti oleh Pengumuman Nomor 2/A" in out
    assert main(["--db", db, "verify", str(second)]) == 0
    assert "SAH: 2.pdf adalah pengumuman Nomor 2/A" in capsys.readouterr().out
