"""``seleksi review``, ``seleksi resolve`` and the pending line of ``seleksi rank``."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.services.actor import Actor
from app.services.double_entry import save_draft
from app.services.opening import open_database
from app.services.score_entry import save_score

Cli = Callable[..., tuple[int, str, str]]
PRESET = Path("resources/schemes/binjai-kompetensi.toml")


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``cli(*args, stdin=..., password=...)`` runs ``main`` here; ``password`` is the login
    password of a ``--user`` other than the admin of tests/cli/conftest.py."""

    def run(*args: str, stdin: str = "", password: str | None = None) -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        with monkeypatch.context() as login:
            if password is not None:
                login.setenv("SELEKSI_PASSWORD", password)
            code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def selection(cli: Cli, db_path: Path, tmp_path: Path, write_csv: Callable[..., Path]) -> None:
    """Binjai with PENGETAHUAN typed twice; 001 agreed, 002 differs, 003 waits for round 2;
    Budi and Sari scored PRAKTIK of 001 30 points apart."""
    scheme = tmp_path / "skema.toml"
    text = PRESET.read_text(encoding="utf-8")
    scheme.write_text(
        text.replace('code = "PENGETAHUAN"\n', 'code = "PENGETAHUAN"\ndouble_entry = true\n'),
        encoding="utf-8",
    )
    assert cli("init", "--scheme", str(scheme), "--name", "Uji")[0] == 0
    assert cli("import", "formations", "resources/demo/formasi_binjai.csv")[0] == 0
    people = write_csv(
        tmp_path / "peserta.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [
            ["001", "Rina Ginting", "1995-03-12", "BNJ-02"],
            ["002", "Andi Siregar", "1994-07-01", "BNJ-02"],
            ["003", "Budi Tarigan", "1996-01-01", "BNJ-02"],
        ],
    )
    assert cli("import", "participants", str(people))[0] == 0
    added = cli(
        "user", "add", "dewi", "--role", "operator", "--password-stdin", stdin="rahasia-dewi\n"
    )
    assert added[0] == 0
    db = open_database(db_path)
    try:
        ratna, dewi = Actor("ratna", "operator"), Actor("dewi", "operator")
        for number, first, second in (("001", "80", "80"), ("002", "72", "27"), ("003", "65", "")):
            save_draft(db, ratna, 1, number, "PENGETAHUAN", first)
            if second:
                save_draft(db, dewi, 1, number, "PENGETAHUAN", second)
        admin = Actor("ketua", "admin")
        save_score(db, admin, 1, "001", "PRAKTIK", "90", assessor="Budi")
        save_score(db, admin, 1, "001", "PRAKTIK", "60", assessor="Sari")
    finally:
        db.close()


def test_rank_keeps_stdout_the_exact_csv_and_says_on_stderr_what_waits(
    cli: Cli, selection: None
) -> None:
    code, out, err = cli("rank", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["nomor_peserta"] for r in rows] == ["001", "002", "003"]
    assert {r["nomor_peserta"]: r["PENGETAHUAN"] for r in rows} == {
        "001": "80.000",
        "002": "",
        "003": "",
    }
    assert (
        err
        == "seleksi: 2 nilai menunggu verifikasi entri ganda dan belum dihitung dalam peringkat\n"
    )


def test_review_lists_mismatches_and_spread_and_resolve_decides(
    cli: Cli, selection: None, db_path: Path
) -> None:
    code, out, err = cli("review")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Selisih entri ganda: 1"
    assert lines[1] == "002\tAndi Siregar\tPENGETAHUAN\t-\t-\t72 (ratna)\t27 (dewi)"
    assert lines[2] == "Menunggu entri kedua atau keputusan: 2 nilai"
    assert lines[3] == "Selisih antar-penilai: 1"
    assert lines[4] == "001\tRina Ginting\tBNJ-02\tPRAKTIK\tBudi 90; Sari 60"
    assert lines[5] == "\tselisih 30 (batas 20)"

    # An operator sees that a mismatch exists, not the values.
    code, out, _err = cli("--user", "dewi", "review", password="rahasia-dewi")
    assert code == 0
    assert "002\tAndi Siregar\tPENGETAHUAN\t-\t-\t(tersembunyi) (ratna)" in out
    assert "72" not in out and "27" not in out
    # ... and may not decide it.
    code, _out, err = cli(
        "--user",
        "dewi",
        "resolve",
        "002",
        "PENGETAHUAN",
        "72",
        "--reason",
        "x",
        password="rahasia-dewi",
    )
    assert code == 1 and "hanya admin" in err

    code, out, err = cli("resolve", "002", "pengetahuan", "72", "--reason", "lembar asli")
    assert (code, err) == (0, "")
    assert out == "selisih diputuskan: 002 PENGETAHUAN = 72\n"
    with sqlite3.connect(db_path) as connection:
        assert connection.execute(
            "SELECT reason FROM audit_event WHERE action = 'score.resolved'"
        ).fetchall() == [("lembar asli",)]
    code, out, err = cli("rank", "--format", "csv")
    assert "002,Andi Siregar,72.000" in out
    assert "1 nilai menunggu" in err  # 003 still waits for its second entry
    assert cli("review")[1].splitlines()[0] == "Selisih entri ganda: 0"


def test_resolve_needs_a_reason_and_a_mismatch(
    cli: Cli, selection: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as usage:
        cli("resolve", "002", "PENGETAHUAN", "72")
    assert usage.value.code == 1 and "--reason" in capsys.readouterr().err
    code, _out, err = cli("resolve", "003", "PENGETAHUAN", "65", "--reason", "x")
    assert code == 1
    assert err == (
        "seleksi: tidak ada selisih entri ganda untuk peserta 003, komponen PENGETAHUAN\n"
    )
