"""``seleksi backup`` and ``seleksi restore``, and the backup after every command that wrote."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.services.backups import list_backups


def _count(path: Path, sql: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def _rows(path: Path, table: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        connection.close()


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "seleksi.db"
    assert main(["--db", str(path), "demo", "--participants", "30", "--seed", "4"]) == 0
    capsys.readouterr()
    return path


def test_commands_that_write_leave_a_backup_behind(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert list_backups(db)[0].reason == "keluar"  # the demo itself wrote
    count = len(list_backups(db))
    assert main(["--db", str(db), "rank", "--format", "csv"]) == 0  # reads only
    assert len(list_backups(db)) == count
    number = sqlite3.connect(db).execute("SELECT number FROM participant").fetchone()[0]
    assert main(["--db", str(db), "mark", number, "APS", "--reason", "mundur"]) == 0
    assert len(list_backups(db)) == count + 1
    marks = _count(db, "SELECT count(*) FROM participant_mark")
    assert _count(list_backups(db)[0].path, "SELECT count(*) FROM participant_mark") == marks


def test_backup_prints_the_copy_it_made(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "backup"]) == 0
    out = capsys.readouterr().out.strip()
    newest = list_backups(db)[0]
    assert newest.reason == "manual" and out == f"cadangan dibuat: {newest.path}"
    assert _rows(newest.path, "participant") == _rows(db, "participant")


def test_backup_out_writes_the_file_and_refuses_to_overwrite(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "flashdisk.db"
    assert main(["--db", str(db), "backup", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert _rows(out, "score") == _rows(db, "score")
    before = out.read_bytes()
    assert main(["--db", str(db), "backup", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sudah ada" in err
    assert out.read_bytes() == before


def test_restore_backs_up_first_then_puts_the_copy_back(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "backup"]) == 0
    good = list_backups(db)[0].path
    marks = _count(good, "SELECT count(*) FROM participant_mark")
    number = sqlite3.connect(db).execute("SELECT number FROM participant").fetchone()[0]
    assert main(["--db", str(db), "mark", number, "DIS", "--reason", "keliru"]) == 0
    capsys.readouterr()

    assert main(["--db", str(db), "restore", str(good)]) == 0

    out = capsys.readouterr().out
    safety = next(info.path for info in list_backups(db) if info.reason == "sebelum-pulih")
    assert str(safety) in out and str(good) in out
    assert _count(db, "SELECT count(*) FROM participant_mark") == marks
    assert _count(safety, "SELECT count(*) FROM participant_mark") == marks + 1
    assert main(["--db", str(db), "audit", "verify"]) == 0


def test_restore_errors_are_one_line_and_change_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dump: Callable[[Path], str]
) -> None:
    before = data_dump(db)
    text = tmp_path / "catatan.db"
    text.write_text("bukan cadangan\n", encoding="utf-8")
    for bad in (tmp_path / "tidak-ada.db", text):
        assert main(["--db", str(db), "restore", str(bad)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("seleksi: ") and err.count("\n") == 1
    assert data_dump(db) == before  # only the admin's login was recorded


def test_restore_works_on_a_file_that_no_longer_opens(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "backup"]) == 0
    good = list_backups(db)[0].path
    with db.open("r+b") as handle:
        handle.truncate(db.stat().st_size // 2)
    damaged = db.read_bytes()
    assert main(["--db", str(db), "rank"]) == 1
    err = capsys.readouterr().err
    assert "terpotong" in err and good.name in err  # names the backup to restore
    assert main(["--db", str(db), "restore", str(good)]) == 0
    aside = next(tmp_path.glob("seleksi.db.rusak-????????-??????"))
    assert aside.read_bytes() == damaged
    assert main(["--db", str(db), "rank", "--format", "csv"]) == 0


def test_roles_apply_to_backup_and_restore_with_a_user(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-operator\n"))
    args = ["--db", str(db), "user", "add", "ops", "--role", "operator", "--password-stdin"]
    assert main(args) == 0
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-operator")
    assert main(["--db", str(db), "--user", "ops", "backup"]) == 0
    good = list_backups(db)[0].path
    count = len(list_backups(db))
    assert main(["--db", str(db), "--user", "ops", "restore", str(good)]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert len(list_backups(db)) == count  # refused before anything was copied
    events = _rows(db, "audit_event")
    assert "backup.created" in {row[3] for row in events}
    assert "backup.restored" not in {row[3] for row in events}
