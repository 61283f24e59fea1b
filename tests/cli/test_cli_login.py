"""Every command that changes data or shows what is not final logs in (issue #9 §1).

Before, a command without ``--user`` ran as an admin named after the OS login: anyone with the
file could add an admin, finalize, reopen, restore or decide a mismatch. These tests run the
commands as a stranger at the terminal would, and as a script with its login in the
environment.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.cli import main
from app.services import users
from app.services.backups import list_backups

ADMIN, ADMIN_PASSWORD = "ketua", "rahasia-ketua"  # tests/cli/conftest.py

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``run(*args, stdin="")``: ``main`` in this process; returns (code, out, err)."""

    def call(*args: str, stdin: str = "") -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return call


@pytest.fixture
def demo(tmp_path: Path, run: Cli, monkeypatch: pytest.MonkeyPatch) -> str:
    """A demo file whose first admin is ketua; an operator opi and a penilai dewi added."""
    db = str(tmp_path / "seleksi.db")
    assert run("--db", db, "demo", "--participants", "30", "--seed", "3")[0] == 0
    for name, role in (("opi", "operator"), ("dewi", "penilai")):
        added = run(
            "--db",
            db,
            "user",
            "add",
            name,
            "--role",
            role,
            "--password-stdin",
            stdin=f"{name}-sandi-1\n",
        )
        assert added[0] == 0, added
    return db


def _stranger(monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone at the terminal with the file and no application login."""
    monkeypatch.delenv("SELEKSI_USER", raising=False)
    monkeypatch.delenv("SELEKSI_PASSWORD", raising=False)


def _events(db: str, action: str) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT actor, entity_key FROM audit_event WHERE action = ? ORDER BY id", (action,)
        ).fetchall()


def _count(db: str, sql: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchone()[0]


def _a_participant(db: str) -> str:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT number FROM participant ORDER BY number").fetchone()[0]


def test_without_a_login_nothing_changes_and_the_message_says_how(
    demo: str, run: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    backup = list_backups(Path(demo))[0].path
    _stranger(monkeypatch)
    number = _a_participant(demo)
    counts = {
        table: _count(demo, f"SELECT count(*) FROM {table}")
        for table in ("app_user", "participant_mark", "finalization", "selection")
    }
    refused = [
        ["user", "add", "penyusup", "--role", "admin", "--password-stdin"],
        ["mark", number, "DIS", "--reason", "x"],
        ["finalize", "--stage", "SKD"],
        ["reopen", "--stage", "SKD", "--reason", "x"],
        ["resolve", number, "SKD", "400", "--reason", "x"],
        ["review"],
        ["audit", "log"],
        ["sheet", "--component", "PRAKTIK", "--out", str(tmp_path / "lembar.pdf")],
        ["backup"],
        ["restore", str(backup)],
        ["init", "--scheme", "cpns-2024", "--name", "Lain"],
    ]
    for args in refused:
        code, out, err = run("--db", demo, *args, stdin="sandi-penyusup\n")
        assert (code, out) == (1, ""), args
        assert "memerlukan login" in err and "--user" in err, args
    assert counts == {table: _count(demo, f"SELECT count(*) FROM {table}") for table in counts}
    assert not (tmp_path / "lembar.pdf").exists()


def test_results_are_read_without_a_login(
    demo: str, run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stranger(monkeypatch)
    assert run("--db", demo, "rank", "--format", "csv")[0] == 0
    assert run("--db", demo, "selections")[0] == 0
    code, out, _err = run("--db", demo, "audit", "verify")
    assert code == 0 and "utuh" in out


def test_the_password_comes_from_a_file_the_environment_or_stdin(
    demo: str, run: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _stranger(monkeypatch)
    number = _a_participant(demo)
    secret = tmp_path / "sandi.txt"
    secret.write_text("opi-sandi-1\n", encoding="utf-8")
    as_opi = ["--db", demo, "--user", "opi"]
    assert (
        run(*as_opi, "--password-file", str(secret), "mark", number, "APS", "--reason", "a")[0] == 0
    )
    monkeypatch.setenv("SELEKSI_PASSWORD", "opi-sandi-1")
    assert run(*as_opi, "reopen", "--stage", "SKD", "--reason", "x")[2].count("hanya admin") == 1
    monkeypatch.delenv("SELEKSI_PASSWORD")
    monkeypatch.setenv("SELEKSI_USER", "opi")
    code, _out, err = run("--db", demo, "review", stdin="opi-sandi-1\n")
    assert (code, err) == (0, "")
    assert _events(demo, "participant.marked")[-1][0] == "opi"


def test_an_operator_is_refused_and_the_refusal_is_audited(
    demo: str, run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELEKSI_USER", "opi")
    monkeypatch.setenv("SELEKSI_PASSWORD", "opi-sandi-1")
    for args in (
        ["finalize", "--stage", "SKD"],
        ["user", "add", "kawan", "--role", "admin", "--password-stdin"],
    ):
        code, _out, err = run("--db", demo, *args, stdin="kawan-sandi-1\n")
        assert code == 1 and "hanya admin" in err
    assert _events(demo, "permission.refused") == [
        ("opi", "results.finalize"),
        ("opi", "users.manage"),
    ]
    assert _count(demo, "SELECT count(*) FROM app_user WHERE username = 'kawan'") == 0


def test_a_penilai_cannot_create_a_selection_and_nothing_is_left_behind(
    demo: str, run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELEKSI_USER", "dewi")
    monkeypatch.setenv("SELEKSI_PASSWORD", "dewi-sandi-1")
    for args in (
        ["demo", "--participants", "30"],
        ["init", "--scheme", "cpns-2024", "--name", "X"],
    ):
        code, _out, err = run("--db", demo, *args)
        assert code == 1 and "hanya admin" in err, args
    assert _count(demo, "SELECT count(*) FROM selection") == 1
    assert [key for _actor, key in _events(demo, "permission.refused")] == [
        "selection.create",
        "selection.create",
    ]


def test_a_new_file_gets_its_first_admin_from_init(
    tmp_path: Path, run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stranger(monkeypatch)
    db = str(tmp_path / "baru.db")
    code, _out, err = run("--db", db, "init", "--scheme", "cpns-2024", "--name", "CPNS")
    assert code == 1 and "--admin" in err
    code, _out, err = run("--db", db, "mark", "001", "APS", "--reason", "x")
    assert code == 1 and "belum punya pengguna" in err
    assert _count(db, "SELECT count(*) FROM selection") == 0
    # A scheme that cannot be loaded leaves no admin behind either.
    code, _out, _err = run(
        "--db", db, "init", "--admin", "ketua", "--scheme", "tidak-ada", "--name", "X", stdin="x\n"
    )
    assert code == 1
    assert _count(db, "SELECT count(*) FROM app_user") == 0
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-baru")
    code, out, err = run(
        "--db", db, "init", "--admin", "ketua", "--scheme", "cpns-2024", "--name", "CPNS"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "admin pertama 'ketua' dibuat"
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT username, role FROM app_user").fetchall() == [
            ("ketua", "admin")
        ]
        assert connection.execute(
            "SELECT actor FROM audit_event WHERE action = 'selection.created'"
        ).fetchall() == [("ketua",)]
    # --admin is only for a file without users; afterwards one logs in.
    code, _out, err = run(
        "--db", db, "init", "--admin", "lain", "--scheme", "cpns-2024", "--name", "Y"
    )
    assert code == 1 and "sudah punya pengguna" in err


def test_unknown_wrong_and_locked_logins_read_the_same(
    demo: str, run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELEKSI_USER", "opi")
    monkeypatch.setenv("SELEKSI_PASSWORD", "salah-sekali")
    wrong = run("--db", demo, "review")
    for _ in range(4):
        run("--db", demo, "review")  # the fifth wrong password locks opi
    monkeypatch.setenv("SELEKSI_PASSWORD", "opi-sandi-1")
    locked = run("--db", demo, "review")
    monkeypatch.setenv("SELEKSI_USER", "tidak-ada")
    unknown = run("--db", demo, "review")
    assert wrong == locked == unknown
    assert wrong[0] == 1 and "kata sandi salah" in wrong[2]
    assert [action for action in ("user.locked", "login.refused_locked") if _events(demo, action)]


def test_every_login_failure_costs_one_verification(
    demo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Time must not tell which names exist: an unknown name, a wrong password and a locked
    account each verify exactly one argon2 hash, and the dummy hash is as costly as a real
    one (the hasher's own parameters)."""
    from app.services.opening import open_database
    from app.services.users import MAX_FAILED_LOGINS, authenticate

    assert not PasswordHasher().check_needs_rehash(users.DUMMY_HASH)
    assert not users._hasher.check_needs_rehash(users.DUMMY_HASH)
    calls: list[str] = []
    real_verify = PasswordHasher.verify

    def counting(self: PasswordHasher, stored: str | bytes, password: str | bytes) -> bool:
        calls.append("verify")
        return real_verify(self, stored, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    monkeypatch.setattr(PasswordHasher, "hash", lambda *_a, **_k: pytest.fail("hashed at login"))
    db = open_database(demo)
    try:
        for name, password in [
            ("tidak-ada", "x"),
            *[("opi", "salah")] * MAX_FAILED_LOGINS,
            ("opi", "opi-sandi-1"),
        ]:
            calls.clear()
            with pytest.raises(users.UserError) as refused:
                authenticate(db, name, password)
            assert refused.value.message == "user.bad_login"
            assert calls == ["verify"], (name, password)
    finally:
        db.close()


def test_restore_over_a_damaged_file_is_decided_by_the_backup_accounts(
    demo: str, run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = list_backups(Path(demo))[0].path
    with open(demo, "r+b") as handle:
        handle.truncate(Path(demo).stat().st_size // 2)
    monkeypatch.setenv("SELEKSI_USER", "opi")
    monkeypatch.setenv("SELEKSI_PASSWORD", "opi-sandi-1")
    code, _out, err = run("--db", demo, "restore", str(good))
    assert code == 1 and "hanya admin" in err
    monkeypatch.setenv("SELEKSI_USER", ADMIN)
    monkeypatch.setenv("SELEKSI_PASSWORD", "salah")
    assert run("--db", demo, "restore", str(good))[0] == 1
    monkeypatch.setenv("SELEKSI_PASSWORD", ADMIN_PASSWORD)
    code, _out, err = run("--db", demo, "restore", str(good))
    assert (code, err) == (0, "")
    assert _events(demo, "backup.restored")[-1][0] == ADMIN
