"""``seleksi audit verify`` sees history changed outside the program; ``restore`` and
``backup`` say in words what they refuse (issue 9)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers.tamper import execute, last_event, rewrite_chain, without_triggers

from app.cli import main
from app.services import backups
from app.services.backups import list_backups


def _demo(path: Path, capsys: pytest.CaptureFixture[str], seed: int = 4) -> str:
    assert main(["--db", str(path), "demo", "--participants", "30", "--seed", str(seed)]) == 0
    capsys.readouterr()
    return str(path)


def _first_score(path: str) -> tuple[str, str, int]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT p.number, c.code, s.value_milli FROM score s"
            " JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id"
            " WHERE s.value_milli IS NOT NULL ORDER BY s.id LIMIT 1"
        ).fetchone()
    finally:
        connection.close()


def _data(path: str) -> list[str]:
    """Every row but the audit trail's (a command's login is recorded there)."""
    connection = sqlite3.connect(path)
    try:
        return [
            line
            for line in connection.iterdump()
            if not line.startswith('INSERT INTO "audit_event"')
        ]
    finally:
        connection.close()


def test_audit_verify_names_a_score_changed_with_sqlite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _demo(tmp_path / "seleksi.db", capsys)
    assert main(["--db", db, "audit", "verify"]) == 0
    assert "isi tabel sesuai jejak audit" in capsys.readouterr().out
    number, component, milli = _first_score(db)
    execute(Path(db), f"UPDATE score SET value_milli = 99000 WHERE value_milli = {milli}")
    assert main(["--db", db, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "TIDAK SESUAI JEJAK AUDIT" in err
    assert (
        f"nilai peserta {number}, komponen {component}: tersimpan 99,"
        f" menurut jejak audit {milli // 1000}"
    ) in err


def test_audit_verify_sees_the_newest_events_deleted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _demo(tmp_path / "seleksi.db", capsys)
    number, _component, _milli = _first_score(db)
    assert main(["--db", db, "mark", number, "DIS", "--reason", "curang"]) == 0
    marked, action, _hash = last_event(Path(db))
    assert action == "participant.marked"
    # The mark and its event removed, the triggers put back: the chain is a clean prefix.
    without_triggers(
        Path(db), "DELETE FROM participant_mark", f"DELETE FROM audit_event WHERE id >= {marked}"
    )
    capsys.readouterr()
    assert main(["--db", db, "audit", "verify"]) == 1
    captured = capsys.readouterr()
    assert "jejak audit utuh" in captured.out  # the chain itself is fine
    # The backup made after the mark holds a head the file no longer has.
    assert "RIWAYAT DIPOTONG" in captured.err and f"#{marked}" in captured.err


def test_audit_verify_against_a_document_or_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _demo(tmp_path / "seleksi.db", capsys)
    pdf = tmp_path / "pengumuman.pdf"
    assert main(["--db", db, "finalize", "--stage", "AKHIR"]) == 0
    assert main(["--db", db, "announce", "--stage", "AKHIR", "--out", str(pdf)]) == 0
    backup = list_backups(Path(db))[0].path
    capsys.readouterr()
    assert main(["--db", db, "audit", "verify", "--against", str(pdf)]) == 0
    assert "masih ada di jejak audit" in capsys.readouterr().out
    # An early event edited and every later hash computed again, triggers put back.
    rewrite_chain(Path(db), 2, actor="orang lain")
    assert main(["--db", db, "audit", "verify", "--against", str(pdf)]) == 1
    err = capsys.readouterr().err
    assert f"{pdf.name}: RIWAYAT DITULIS ULANG" in err
    assert main(["--db", db, "audit", "verify", "--against", str(backup)]) == 1
    err = capsys.readouterr().err
    assert f"{backup.name}: RIWAYAT DITULIS ULANG" in err and "#2)" in err


def test_restore_of_another_database_needs_other_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _demo(tmp_path / "seleksi.db", capsys)
    other = _demo(tmp_path / "lain" / "seleksi.db", capsys, seed=9)
    foreign = list_backups(Path(other))[0].path
    before = _data(db)
    assert main(["--db", db, "restore", str(foreign)]) == 1
    err = capsys.readouterr().err
    assert "cadangan database lain" in err and "--other-database" in err
    assert _data(db) == before  # only the login was recorded
    assert main(["--db", db, "restore", str(foreign), "--other-database"]) == 0
    assert "dipulihkan" in capsys.readouterr().out


def test_a_manual_backup_of_a_busy_file_says_so_in_indonesian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.cli

    db = _demo(tmp_path / "seleksi.db", capsys)
    count = len(list_backups(Path(db)))
    monkeypatch.setattr(backups, "MANUAL_LOCK_TIMEOUT_MS", 300, raising=False)
    monkeypatch.setattr(backups, "AUDIT_TIMEOUT_MS", 300)
    holder = sqlite3.connect(db, isolation_level=None)
    log_in = app.cli.log_in

    def logged_in_then_busy(*args: object, **kwargs: object) -> object:
        actor = log_in(*args, **kwargs)
        holder.execute("BEGIN IMMEDIATE")  # right after the login: another laptop's import
        return actor

    monkeypatch.setattr(app.cli, "log_in", logged_in_then_busy)
    try:
        assert main(["--db", db, "backup"]) == 1
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert "cadangan belum dibuat" in err and "sedang dipakai" in err
    assert "locked" not in err
    assert len(list_backups(Path(db))) == count
