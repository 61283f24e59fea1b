"""Managing accounts through the services (issue 10 §4): roles, resets, deactivation, one's
own password, unlocking. Every change is one audited write through the door; every refusal
leaves the accounts as they were, and a refusal by role is on the record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple
from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.clock import utc_now
from app.services import users
from app.services.actor import Actor
from app.services.audit import audit_log, verify_chain
from app.services.changes import USERS
from app.services.database import Database
from app.services.errors import PermissionDenied, UserError
from app.services.users import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    add_user,
    authenticate,
    change_own_password,
    list_users,
    reset_password,
    set_active,
    set_role,
    unlock,
)

ADMIN = Actor("ketua", "admin", "Ketua Panitia")
PASSWORD = "rahasia-ketua"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with the smallest parameters: these tests are about who may change what, and
    the real parameters cost a sixth of a second per hash (tests/services/test_audit.py keeps
    the real ones)."""
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def accounts(db: Database) -> Database:
    """ketua (admin), rina (operator), budi (penilai)."""
    add_user(db, ADMIN, "ketua", "admin", PASSWORD, "Ketua Panitia")
    add_user(db, ADMIN, "rina", "operator", "rahasia-rina", "Rina Operator")
    add_user(db, ADMIN, "budi", "penilai", "rahasia-budi", "Budi Santoso")
    return db


def _user(db: Database, name: str) -> users.UserInfo:
    return next(u for u in list_users(db) if u.username == name)


def _events(db: Database, action: str) -> list:
    return [e for e in audit_log(db) if e.action == action]


def _refused(
    db: Database, dump: Callable[[Path], str], call: Callable[[], object], message: str
) -> None:
    """``call`` raises ``message`` and changes nothing at all (no event either)."""
    before = dump(db.path)
    with pytest.raises(UserError) as refusal:
        call()
    assert refusal.value.message == message
    assert dump(db.path) == before


# -- roles ----------------------------------------------------------------------------------


def test_an_admin_sets_a_role_with_a_reason_on_the_record(accounts: Database) -> None:
    info = set_role(accounts, ADMIN, "budi", "operator", "membantu input nilai kertas")
    assert (info.username, info.role) == ("budi", "operator")
    assert USERS in info.changes.kinds
    assert _user(accounts, "budi").role == "operator"
    [event] = _events(accounts, "user.changed")
    assert (event.actor, event.entity, event.entity_key) == ("ketua", "user", "budi")
    assert (event.old, event.new) == ('{"role": "penilai"}', '{"role": "operator"}')
    assert event.reason == "membantu input nilai kertas"
    assert verify_chain(accounts).ok


def test_setting_a_role_is_refused_with_the_reason_and_changes_nothing(
    accounts: Database, dump: Callable[[Path], str]
) -> None:
    _refused(
        accounts, dump, lambda: set_role(accounts, ADMIN, "budi", "ketua", "x"), "user.bad_role"
    )
    _refused(
        accounts, dump, lambda: set_role(accounts, ADMIN, "siapa", "admin", "x"), "user.not_found"
    )
    _refused(
        accounts,
        dump,
        lambda: set_role(accounts, ADMIN, "budi", "admin", " "),
        "user.reason_required",
    )
    _refused(
        accounts, dump, lambda: set_role(accounts, ADMIN, "budi", "penilai", "x"), "user.same_role"
    )
    # Your own role is another admin's decision: you would lock yourself out mid-session.
    _refused(
        accounts, dump, lambda: set_role(accounts, ADMIN, "ketua", "operator", "x"), "user.own_role"
    )


def test_the_last_active_admin_keeps_the_role(accounts: Database) -> None:
    second = Actor("rina", "admin")
    set_role(accounts, ADMIN, "rina", "admin", "wakil ketua")
    set_active(accounts, second, "ketua", False, "pindah tugas")
    with pytest.raises(UserError) as refusal:
        set_role(accounts, ADMIN, "rina", "operator", "x")  # from ketua's window, still open
    assert refusal.value.message == "user.inactive"
    set_active(accounts, second, "ketua", True, "kembali")
    set_active(accounts, ADMIN, "rina", False, "cuti")
    # Now ketua is the only active admin: nobody may take that role away or deactivate it.
    with pytest.raises(UserError) as last:
        set_role(accounts, Actor("cadangan", "admin"), "ketua", "operator", "x")
    assert last.value.message == "user.last_admin"
    with pytest.raises(UserError) as last_active:
        set_active(accounts, Actor("cadangan", "admin"), "ketua", False, "x")
    assert last_active.value.message == "user.last_admin"
    assert _user(accounts, "ketua").role == "admin" and _user(accounts, "ketua").active


def test_only_an_admin_manages_accounts_and_the_refusal_is_recorded(
    accounts: Database, data_dump: Callable[[Path], str]
) -> None:
    operator = Actor("rina", "operator")
    before = data_dump(accounts.path)
    attempts: list[Callable[[], object]] = [
        lambda: set_role(accounts, operator, "budi", "admin", "x"),
        lambda: reset_password(accounts, operator, "budi", "sandi-baru-budi"),
        lambda: set_active(accounts, operator, "budi", False, "x"),
        lambda: unlock(accounts, operator, "budi"),
        lambda: add_user(accounts, operator, "baru", "admin", "rahasia-baru"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as refusal:
            attempt()
        assert refusal.value.message == "permission.admin_only"
    assert data_dump(accounts.path) == before
    refusals = _events(accounts, "permission.refused")
    assert [(e.actor, e.entity_key) for e in refusals] == [("rina", "users.manage")] * 5


# -- resetting a password -------------------------------------------------------------------


def test_a_reset_names_who_reset_whose_password_and_asks_for_a_change(
    accounts: Database,
) -> None:
    info = reset_password(accounts, ADMIN, "budi", "sementara-123", "lupa kata sandi")
    assert info.must_change_password
    [event] = _events(accounts, "user.password_reset")
    assert (event.actor, event.entity_key, event.reason) == ("ketua", "budi", "lupa kata sandi")
    stored = " ".join(str(value) for value in astuple(event))
    assert "sementara-123" not in stored  # never the password, not even its hash
    assert "$argon2" not in stored
    with pytest.raises(UserError):
        authenticate(accounts, "budi", "rahasia-budi")  # the old one no longer opens
    logged_in = authenticate(accounts, "budi", "sementara-123")
    assert logged_in.must_change_password
    changed = change_own_password(accounts, logged_in.actor, "sementara-123", "milik-budi-sendiri")
    assert not changed.must_change_password
    assert not authenticate(accounts, "budi", "milik-budi-sendiri").must_change_password
    [own] = _events(accounts, "user.password_changed")
    assert (own.actor, own.entity_key) == ("budi", "budi")


def test_a_reset_opens_a_locked_account(accounts: Database) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(UserError):
            authenticate(accounts, "rina", "salah")
    assert _user(accounts, "rina").locked_until is not None
    reset_password(accounts, ADMIN, "rina", "sementara-456")
    assert authenticate(accounts, "rina", "sementara-456").username == "rina"


def test_a_reset_is_refused_with_the_reason_and_changes_nothing(
    accounts: Database, dump: Callable[[Path], str]
) -> None:
    _refused(
        accounts,
        dump,
        lambda: reset_password(accounts, ADMIN, "budi", "pendek"),
        "user.short_password",
    )
    _refused(
        accounts,
        dump,
        lambda: reset_password(accounts, ADMIN, "tidakada", "panjang-sekali"),
        "user.not_found",
    )
    # An admin's own password is changed with the old one, like everyone's.
    _refused(
        accounts,
        dump,
        lambda: reset_password(accounts, ADMIN, "ketua", "panjang-sekali"),
        "user.own_reset",
    )


# -- deactivating ---------------------------------------------------------------------------


def test_a_deactivated_account_no_longer_logs_in_and_comes_back(accounts: Database) -> None:
    info = set_active(accounts, ADMIN, "budi", False, "tidak bertugas lagi")
    assert not info.active
    [event] = _events(accounts, "user.deactivated")
    assert (event.actor, event.entity_key, event.reason) == ("ketua", "budi", "tidak bertugas lagi")
    assert (event.old, event.new) == ('{"active": true}', '{"active": false}')
    with pytest.raises(UserError) as refused:
        authenticate(accounts, "budi", "rahasia-budi")
    assert refused.value.message == "user.bad_login"
    assert set_active(accounts, ADMIN, "budi", True).active
    [back] = _events(accounts, "user.reactivated")
    assert (back.old, back.new) == ('{"active": false}', '{"active": true}')
    assert authenticate(accounts, "budi", "rahasia-budi").username == "budi"


def test_deactivation_refusals(accounts: Database, dump: Callable[[Path], str]) -> None:
    _refused(
        accounts,
        dump,
        lambda: set_active(accounts, ADMIN, "ketua", False, "x"),
        "user.own_deactivate",
    )
    _refused(
        accounts,
        dump,
        lambda: set_active(accounts, ADMIN, "budi", False, ""),
        "user.reason_required",
    )
    _refused(
        accounts, dump, lambda: set_active(accounts, ADMIN, "budi", True), "user.already_active"
    )
    _refused(
        accounts, dump, lambda: set_active(accounts, ADMIN, "siapa", False, "x"), "user.not_found"
    )


def test_a_deactivated_session_can_no_longer_manage_or_change_its_password(
    accounts: Database, data_dump: Callable[[Path], str]
) -> None:
    set_role(accounts, ADMIN, "rina", "admin", "wakil ketua")
    set_active(accounts, ADMIN, "rina", False, "pindah tugas")
    rina = Actor("rina", "admin")  # a window opened before the deactivation
    # Refused, and the refusal is on the record (data_dump leaves refusals out).
    _refused(
        accounts, data_dump, lambda: set_role(accounts, rina, "budi", "admin", "x"), "user.inactive"
    )
    _refused(
        accounts,
        data_dump,
        lambda: change_own_password(accounts, rina, "rahasia-rina", "baru-sekali-ya"),
        "user.inactive",
    )
    refusals = _events(accounts, "permission.refused")
    assert [(e.actor, e.entity_key) for e in refusals] == [
        ("rina", "users.manage"),
        ("rina", "users.change_own_password"),
    ]


# -- one's own password ---------------------------------------------------------------------


def test_everyone_changes_their_own_password_with_the_old_one(accounts: Database) -> None:
    budi = authenticate(accounts, "budi", "rahasia-budi").actor
    assert budi == Actor("budi", "penilai", "Budi Santoso")
    info = change_own_password(accounts, budi, "rahasia-budi", "sandi-baru-budi")
    assert USERS in info.changes.kinds
    assert authenticate(accounts, "budi", "sandi-baru-budi").username == "budi"
    with pytest.raises(UserError):
        authenticate(accounts, "budi", "rahasia-budi")


def test_changing_ones_own_password_refuses_with_the_reason(
    accounts: Database, dump: Callable[[Path], str]
) -> None:
    budi = Actor("budi", "penilai")
    _refused(
        accounts,
        dump,
        lambda: change_own_password(accounts, budi, "rahasia-budi", "pendek"),
        "user.short_password",
    )
    _refused(
        accounts,
        dump,
        lambda: change_own_password(accounts, budi, "rahasia-budi", "rahasia-budi"),
        "user.same_password",
    )
    _refused(
        accounts,
        dump,
        lambda: change_own_password(accounts, Actor("hantu", "admin"), "a", "panjang-sekali"),
        "user.not_found",
    )


def test_a_wrong_old_password_is_counted_like_a_wrong_login(accounts: Database) -> None:
    """Someone at an unattended laptop must not be able to try passwords without limit."""
    budi = Actor("budi", "penilai")
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(UserError) as wrong:
            change_own_password(accounts, budi, "tebakan", "sandi-baru-budi")
        assert wrong.value.message == "user.wrong_password"
    assert len(_events(accounts, "user.password_change_refused")) == MAX_FAILED_LOGINS - 1
    assert len(_events(accounts, "user.locked")) == 1
    locked = _user(accounts, "budi").locked_until
    assert locked is not None and locked > utc_now() + timedelta(minutes=LOCK_MINUTES - 1)
    with pytest.raises(UserError):
        authenticate(accounts, "budi", "rahasia-budi")
    # While locked even the right old password waits; the holder is told how long.
    with pytest.raises(UserError) as later:
        change_own_password(accounts, budi, "rahasia-budi", "sandi-baru-budi")
    assert later.value.message == "user.try_later"
    assert later.value.params["minutes"] == LOCK_MINUTES


# -- unlocking ------------------------------------------------------------------------------


def test_an_admin_unlocks_a_locked_account(accounts: Database, dump) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(UserError):
            authenticate(accounts, "budi", "salah")
    info = _user(accounts, "budi")
    assert info.locked_until is not None and info.is_locked()
    assert not unlock(accounts, ADMIN, "budi").is_locked()
    [event] = _events(accounts, "user.unlocked")
    assert (event.actor, event.entity_key) == ("ketua", "budi")
    assert event.new == '{"locked_until": null}'
    assert authenticate(accounts, "budi", "rahasia-budi").username == "budi"
    _refused(accounts, dump, lambda: unlock(accounts, ADMIN, "budi"), "user.not_locked")


def test_an_account_added_by_an_admin_may_have_to_change_its_password(
    accounts: Database,
) -> None:
    info = add_user(
        accounts, ADMIN, "sari", "penilai", "awal-sari-1", "Sari", must_change_password=True
    )
    assert info.must_change_password and _user(accounts, "sari").must_change_password
    [event] = [e for e in _events(accounts, "user.added") if e.entity_key == "sari"]
    assert '"must_change_password": true' in (event.new or "")
