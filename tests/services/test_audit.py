"""The audit trail: every change is recorded, chained, append-only; logins are counted."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.services.actor import Actor
from app.services.audit import audit_log, verify_chain
from app.services.database import Database
from app.services.errors import PermissionDenied, UserError
from app.services.marks import mark_participant
from app.services.participants_import import import_formations, import_participants
from app.services.score_entry import restore_scores, save_score
from app.services.users import LOCK_MINUTES, add_user, authenticate

FORMATIONS = Path("resources/demo/formasi_binjai.csv")


@pytest.fixture
def selection(
    db: Database, actor: Actor, make_selection: Callable, write_csv: Callable, tmp_path: Path
) -> int:
    info = make_selection("binjai-kompetensi")
    import_formations(db, actor, info.id, FORMATIONS)
    people = write_csv(
        tmp_path / "p.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [["001", "Rina", "1995-01-01", "BNJ-02"], ["002", "Andi", "1994-01-01", "BNJ-02"]],
    )
    import_participants(db, actor, info.id, people)
    return info.id


def test_score_changes_are_recorded_with_old_new_and_reason(
    db: Database, actor: Actor, selection: int
) -> None:
    save_score(db, actor, selection, "001", "PENGETAHUAN", "70")
    change = save_score(
        db, actor, selection, "001", "PENGETAHUAN", "75", reason="salah ketik dari blanko"
    )
    restore_scores(db, actor, change)
    events = [e for e in audit_log(db, participant="001") if e.entity == "score"]
    assert [e.action for e in events] == ["score.entered", "score.replaced", "score.undone"]
    assert events[1].reason == "salah ketik dari blanko"
    assert '"70"' in (events[1].old or "") and '"75"' in (events[1].new or "")
    assert events[2].new is not None and '"70"' in events[2].new
    mark_participant(db, actor, selection, "002", "APS", "mengundurkan diri")
    assert audit_log(db, participant="002")[-1].action == "participant.marked"
    kinds = {e.action for e in audit_log(db, user="tester")}
    assert {"selection.created", "import.formations", "import.participants"} <= kinds
    assert verify_chain(db).ok


def test_the_chain_names_the_first_broken_event(
    db: Database, db_path: Path, actor: Actor, selection: int
) -> None:
    for value in ("60", "61", "62"):
        save_score(db, actor, selection, "001", "PSIKOTES", value, reason="koreksi")
    report = verify_chain(db)
    assert report.ok
    target = audit_log(db, participant="001")[1].id
    with sqlite3.connect(db_path) as connection:
        with pytest.raises(sqlite3.DatabaseError):  # append-only, enforced by the database
            connection.execute("UPDATE audit_event SET reason = 'x' WHERE id = ?", (target,))
        connection.execute("DROP TRIGGER audit_event_no_update")
        connection.execute("UPDATE audit_event SET new = '\"99\"' WHERE id = ?", (target,))
    broken = verify_chain(db)
    assert not broken.ok
    assert broken.first_broken == target
    assert broken.problem == "audit.chain_content"


def test_removing_an_event_breaks_the_link(
    db: Database, db_path: Path, actor: Actor, selection: int
) -> None:
    for value in ("60", "61", "62"):
        save_score(db, actor, selection, "001", "PSIKOTES", value, reason="koreksi")
    events = audit_log(db, participant="001")
    with sqlite3.connect(db_path) as connection:
        connection.execute("DROP TRIGGER audit_event_no_delete")
        connection.execute("DELETE FROM audit_event WHERE id = ?", (events[1].id,))
    broken = verify_chain(db)
    assert (broken.ok, broken.first_broken, broken.problem) == (
        False,
        events[2].id,
        "audit.chain_link",
    )


def test_five_wrong_passwords_lock_the_account(db: Database, actor: Actor) -> None:
    add_user(db, actor, "ratna", "operator", "rahasia-ratna")
    for _ in range(5):
        with pytest.raises(UserError) as wrong:
            authenticate(db, "ratna", "salah")
        assert wrong.value.message == "user.bad_login"
    with pytest.raises(UserError) as locked:
        authenticate(db, "ratna", "rahasia-ratna")
    # Locked, yet the same words as a wrong password: they must not reveal that ratna exists.
    assert locked.value.text() == wrong.value.text()
    assert locked.value.params["minutes"] == LOCK_MINUTES
    actions = [e.action for e in audit_log(db, user="ratna")]
    assert actions.count("login.failed") == 4
    assert "user.locked" in actions and "login.refused_locked" in actions


@pytest.mark.slow  # a dozen deliberately slow password hashes
def test_a_right_password_resets_the_count_and_only_admins_add_users(
    db: Database, actor: Actor
) -> None:
    add_user(db, actor, "budi", "operator", "rahasia-budi")
    for _ in range(4):
        with pytest.raises(UserError):
            authenticate(db, "budi", "salah")
    assert authenticate(db, "budi", "rahasia-budi").role == "operator"
    for _ in range(4):
        with pytest.raises(UserError):
            authenticate(db, "budi", "salah")
    assert authenticate(db, "budi", "rahasia-budi").username == "budi"
    with pytest.raises(PermissionDenied):
        add_user(db, Actor("budi", "operator"), "baru", "admin", "rahasia-baru")
    with pytest.raises(UserError) as short:
        add_user(db, actor, "pendek", "operator", "1234567")
    assert short.value.message == "user.short_password"
