"""Application users and their passwords (argon2id): logging in, and managing accounts.

An admin adds accounts, sets roles, resets a forgotten password (the holder replaces it at the
next login), deactivates and reactivates an account and unlocks one that wrong passwords
locked; everyone changes their own password with the old one (issue 10 §4). Each is one write
through the door with its audit event (old → new; a reason where a decision is made), and the
file always keeps an active admin: nobody deactivates or demotes the last one, or themself.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.clock import utc_now

from .actor import Actor
from .audit import record
from .changes import NO_CHANGES, USERS, Changes
from .columns import now_text, time_text
from .database import Database
from .door import permit, record_refusal, write
from .errors import PermissionDenied, UserError
from .permissions import ADMIN, ROLES, Action, require

MIN_PASSWORD_LENGTH = 8
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 5
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: datetime | None = None
    """Until when wrong passwords keep the account shut (UTC); past or ``None``: open."""
    must_change_password: bool = False
    """Someone else chose the password (an admin's reset): the holder replaces it at login."""
    changes: Changes = field(default=NO_CHANGES, compare=False)

    def is_locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utc_now())

    @property
    def actor(self) -> Actor:
        """Who acts once this account has logged in (a penilai scores under the full name)."""
        return Actor(self.username, self.role, self.full_name)


_INFO = "id, username, full_name, role, active, locked_until, must_change_password"
# What every file version has: a backup made before migration 0007 must still log in.
_LOGIN_INFO = "id, username, full_name, role, active"


def _info(row: Sequence[Any]) -> UserInfo:
    user_id, username, full_name, role, active, locked, must_change = row
    locked_until = None if locked is None else datetime.fromisoformat(locked)
    return UserInfo(
        user_id, username, full_name, role, bool(active), locked_until, bool(must_change)
    )


def add_user(
    db: Database,
    actor: Actor,
    username: str,
    role: str,
    password: str,
    full_name: str = "",
    *,
    must_change_password: bool = False,
) -> UserInfo:
    """A new account; only an admin adds users, except the very first account of a file.

    ``must_change_password``: the admin chose the first password for someone else, who
    replaces it at their first login."""
    username = username.strip()
    if not username or any(c.isspace() for c in username):
        raise UserError("user.bad_name")
    if role not in ROLES:
        raise UserError("user.bad_role", value=role, choices=ROLES)
    # Whether the file has users is read under the write lock; a refusal inside is recorded
    # by the door after the rollback.
    with write(db, actor, Action.ADD_FIRST_USER, kinds=[USERS]) as action:
        connection = action.connection
        has_users = connection.execute("SELECT 1 FROM app_user LIMIT 1").fetchone() is not None
        if has_users:
            require(actor, Action.MANAGE_USERS)
            _require_active(connection, actor, Action.MANAGE_USERS)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise UserError("user.short_password", min=MIN_PASSWORD_LENGTH)
        taken = connection.execute("SELECT 1 FROM app_user WHERE username = ?", (username,))
        if taken.fetchone() is not None:
            raise UserError("user.exists", value=username)
        full_name = full_name.strip()
        user_id = connection.execute(
            "INSERT INTO app_user (username, full_name, role, password_hash, active,"
            " failed_logins, locked_until, must_change_password, created_at)"
            " VALUES (?, ?, ?, ?, TRUE, 0, NULL, ?, ?)",
            (
                username,
                full_name,
                role,
                _hasher.hash(password),
                bool(must_change_password),
                now_text(),
            ),
        ).lastrowid
        assert user_id is not None
        added: dict[str, object] = {"username": username, "role": role, "full_name": full_name}
        if must_change_password:
            added["must_change_password"] = True
        action.audit("user.added", entity="user", key=username, new=added)
    return UserInfo(
        user_id,
        username,
        full_name,
        role,
        True,
        must_change_password=must_change_password,
        changes=action.changes,
    )


# -- managing accounts (admin) -----------------------------------------------------------------


def set_role(db: Database, actor: Actor, username: str, role: str, reason: str) -> UserInfo:
    """Give ``username`` another role, with the reason on the record.

    Refused for one's own account (an admin who demotes themself loses the page they are on;
    another admin decides) and for the last active admin, so the file always keeps someone
    who can manage it."""
    with write(db, actor, Action.MANAGE_USERS, kinds=[USERS]) as action:
        connection = action.connection
        _require_active(connection, actor, Action.MANAGE_USERS)
        if role not in ROLES:
            raise UserError("user.bad_role", value=role, choices=ROLES)
        target = _target(connection, username)
        if target.username == actor.name:
            raise UserError("user.own_role")
        if target.role == role:
            raise UserError("user.same_role", value=target.username, role=role)
        reason = _reason(reason)
        if target.role == ADMIN and target.active and _other_active_admins(connection, target) == 0:
            raise UserError("user.last_admin", value=target.username)
        connection.execute("UPDATE app_user SET role = ? WHERE id = ?", (role, target.id))
        action.audit(
            "user.changed",
            entity="user",
            key=target.username,
            old={"role": target.role},
            new={"role": role},
            reason=reason,
        )
    return replace(target, role=role, changes=action.changes)


def reset_password(
    db: Database, actor: Actor, username: str, new_password: str, reason: str = ""
) -> UserInfo:
    """An admin gives a forgotten password a new one; the holder must replace it at the next
    login. It also opens a locked account, so that login can happen now.

    The audit names who reset whose password, never the password or its hash. One's own
    password is changed with the old one (``change_own_password``), like everyone's."""
    with write(db, actor, Action.MANAGE_USERS, kinds=[USERS]) as action:
        connection = action.connection
        _require_active(connection, actor, Action.MANAGE_USERS)
        if len(new_password) < MIN_PASSWORD_LENGTH:
            raise UserError("user.short_password", min=MIN_PASSWORD_LENGTH)
        target = _target(connection, username)
        if target.username == actor.name:
            raise UserError("user.own_reset")
        connection.execute(
            "UPDATE app_user SET password_hash = ?, must_change_password = TRUE,"
            " failed_logins = 0, locked_until = NULL WHERE id = ?",
            (_hasher.hash(new_password), target.id),
        )
        locked = _lock_text(target)
        action.audit(
            "user.password_reset",
            entity="user",
            key=target.username,
            old={"locked_until": locked} if locked else None,
            new={"must_change_password": True},
            reason=reason.strip(),
        )
    return replace(target, locked_until=None, must_change_password=True, changes=action.changes)


def set_active(
    db: Database, actor: Actor, username: str, active: bool, reason: str = ""
) -> UserInfo:
    """Deactivate an account (it no longer logs in; its name stays on everything it wrote)
    or bring it back. Deactivating needs a reason and is refused for one's own account and
    for the last active admin."""
    with write(db, actor, Action.MANAGE_USERS, kinds=[USERS]) as action:
        connection = action.connection
        _require_active(connection, actor, Action.MANAGE_USERS)
        target = _target(connection, username)
        if target.active == active:
            raise UserError(
                "user.already_active" if active else "user.already_inactive",
                value=target.username,
            )
        if not active:
            if target.username == actor.name:
                raise UserError("user.own_deactivate")
            reason = _reason(reason)
            if target.role == ADMIN and _other_active_admins(connection, target) == 0:
                raise UserError("user.last_admin", value=target.username)
        connection.execute("UPDATE app_user SET active = ? WHERE id = ?", (bool(active), target.id))
        action.audit(
            "user.reactivated" if active else "user.deactivated",
            entity="user",
            key=target.username,
            old={"active": target.active},
            new={"active": active},
            reason=reason.strip(),
        )
    return replace(target, active=active, changes=action.changes)


def unlock(db: Database, actor: Actor, username: str) -> UserInfo:
    """Open an account that wrong passwords locked, before its minutes are up (the holder
    is at the desk and the admin has seen who it is)."""
    with write(db, actor, Action.MANAGE_USERS, kinds=[USERS]) as action:
        connection = action.connection
        _require_active(connection, actor, Action.MANAGE_USERS)
        target = _target(connection, username)
        if not target.is_locked():
            raise UserError("user.not_locked", value=target.username)
        connection.execute(
            "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?",
            (target.id,),
        )
        action.audit(
            "user.unlocked",
            entity="user",
            key=target.username,
            old={"locked_until": _lock_text(target)},
            new={"locked_until": None},
        )
    return replace(target, locked_until=None, changes=action.changes)


# -- one's own password ------------------------------------------------------------------------


def change_own_password(
    db: Database, actor: Actor, old_password: str, new_password: str
) -> UserInfo:
    """The logged-in user replaces their password, proving the old one first.

    A wrong old password counts like a wrong login (``MAX_FAILED_LOGINS`` lock the account
    for ``LOCK_MINUTES``): someone at an unattended laptop must not be able to try passwords
    without limit. Clears the request to change a password an admin has reset."""
    permit(db, actor, Action.CHANGE_OWN_PASSWORD)
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise UserError("user.short_password", min=MIN_PASSWORD_LENGTH)
    if new_password == old_password:
        raise UserError("user.same_password")
    proven = _prove_own_password(db, actor, old_password)
    with write(db, actor, Action.CHANGE_OWN_PASSWORD, kinds=[USERS]) as action:
        connection = action.connection
        row = connection.execute(
            f"SELECT {_INFO}, password_hash FROM app_user WHERE username = ?", (actor.name,)
        ).fetchone()
        if row is None or row[7] != proven:
            # Reset or changed between the proof and now: the old password proved nothing.
            raise UserError("user.wrong_password")
        target = _info(row[:7])
        connection.execute(
            "UPDATE app_user SET password_hash = ?, must_change_password = FALSE,"
            " failed_logins = 0, locked_until = NULL WHERE id = ?",
            (_hasher.hash(new_password), target.id),
        )
        action.audit(
            "user.password_changed",
            entity="user",
            key=target.username,
            old={"must_change_password": True} if target.must_change_password else None,
        )
    return replace(target, must_change_password=False, changes=action.changes)


def _prove_own_password(db: Database, actor: Actor, password: str) -> str:
    """The stored hash ``password`` matches; a wrong one is counted (committed) and refused."""
    now = utc_now()
    refusal: UserError | None = None
    with db.writing() as connection:
        row = connection.execute(
            "SELECT id, active, password_hash, failed_logins, locked_until FROM app_user"
            " WHERE username = ?",
            (actor.name,),
        ).fetchone()
        if row is None:
            raise UserError("user.not_found", value=actor.name)
        user_id, active, stored, failed, locked = row
        if not active:
            refusal = _inactive(actor, Action.CHANGE_OWN_PASSWORD)
        elif locked is not None and datetime.fromisoformat(locked) > now:
            raise UserError("user.try_later", minutes=LOCK_MINUTES)
        elif _password_matches(stored, password):
            return str(stored)
        else:
            _count_failure(
                connection, actor.name, user_id, failed, now, "user.password_change_refused"
            )
            refusal = UserError("user.wrong_password")
    if isinstance(refusal, PermissionDenied):
        record_refusal(db, actor, refusal.action)
    raise refusal


# -- helpers -----------------------------------------------------------------------------------


def _target(connection: sqlite3.Connection, username: str) -> UserInfo:
    row = connection.execute(
        f"SELECT {_INFO} FROM app_user WHERE username = ?", (username.strip(),)
    ).fetchone()
    if row is None:
        raise UserError("user.not_found", value=username.strip())
    return _info(row)


def _require_active(connection: sqlite3.Connection, actor: Actor, action: Action) -> None:
    """A window opened before its account was deactivated acts no more (the door, which
    records the refusal, knows the role only)."""
    row = connection.execute(
        "SELECT active FROM app_user WHERE username = ?", (actor.name,)
    ).fetchone()
    if row is not None and not row[0]:
        raise _inactive(actor, action)


def _inactive(actor: Actor, action: Action) -> PermissionDenied:
    refusal = PermissionDenied("user.inactive", value=actor.name)
    refusal.action = action.value
    return refusal


def _lock_text(info: UserInfo) -> str | None:
    """Until when the account is locked, as stored; ``None`` when it is open now."""
    if info.locked_until is None or not info.is_locked():
        return None
    return time_text(info.locked_until)


def _other_active_admins(connection: sqlite3.Connection, target: UserInfo) -> int:
    row = connection.execute(
        "SELECT count(*) FROM app_user WHERE role = ? AND active AND id != ?",
        (ADMIN, target.id),
    ).fetchone()
    return int(row[0])


def _reason(reason: str) -> str:
    """A role change and a deactivation are explained on the record (issue 10 §4)."""
    reason = reason.strip()
    if not reason:
        raise UserError("user.reason_required")
    return reason


def _count_failure(
    connection: sqlite3.Connection,
    username: str,
    user_id: int,
    failed: int,
    now: datetime,
    event: str,
) -> None:
    """One more wrong password; the ``MAX_FAILED_LOGINS``-th locks the account (issue #5)."""
    if failed + 1 >= MAX_FAILED_LOGINS:
        connection.execute(
            "UPDATE app_user SET failed_logins = 0, locked_until = ? WHERE id = ?",
            (time_text(now + timedelta(minutes=LOCK_MINUTES)), user_id),
        )
        event = "user.locked"
    else:
        connection.execute(
            "UPDATE app_user SET failed_logins = ? WHERE id = ?", (failed + 1, user_id)
        )
    record(connection, username, event, entity="user", key=username)


def authenticate(db: Database, username: str, password: str) -> UserInfo:
    """The user, if the password is right; else one message, whatever went wrong.

    Every attempt is audited. After ``MAX_FAILED_LOGINS`` wrong passwords in a row the account
    is locked for ``LOCK_MINUTES``, even for the right password (issue #5). An unknown name, a
    wrong password, a disabled and a locked account get the same words and cost the same one
    argon2 verification, so neither the message nor the time tells a guesser which names
    exist (issue #9).
    """
    username = username.strip()
    now = utc_now()
    # Not through the door: nobody acts yet. The attempt is written whatever its outcome.
    with db.writing() as connection:
        row = connection.execute(
            f"SELECT {_INFO}, password_hash, failed_logins FROM app_user WHERE username = ?",
            (username,),
        ).fetchone()
        if row is None or not row[4]:
            _hasher_dummy_verify(password)
            record(connection, username or "?", "login.failed", entity="user", key=username)
            outcome: UserInfo | UserError = UserError("user.bad_login", minutes=LOCK_MINUTES)
        else:
            info = _info(row[:7])
            stored: str = row[7]
            failed: int = row[8]
            if info.is_locked(now):
                _hasher_dummy_verify(password)  # the same cost as a real attempt
                record(connection, username, "login.refused_locked", entity="user", key=username)
                outcome = UserError("user.bad_login", minutes=LOCK_MINUTES)
            elif _password_matches(stored, password):
                if _hasher.check_needs_rehash(stored):
                    stored = _hasher.hash(password)
                connection.execute(
                    "UPDATE app_user SET password_hash = ?, failed_logins = 0,"
                    " locked_until = NULL WHERE id = ?",
                    (stored, info.id),
                )
                record(connection, username, "login", entity="user", key=username)
                outcome = replace(info, locked_until=None)
            else:
                _count_failure(connection, username, info.id, failed, now, "login.failed")
                outcome = UserError("user.bad_login", minutes=LOCK_MINUTES)
    # The failed attempt is committed above before the refusal is raised.
    if isinstance(outcome, UserError):
        raise outcome
    return outcome


def _password_matches(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$ZoZSr85ncGjCnmn7IItnIg"
    "$2pTcBN0Rq3zpGFPIsoG7mlXMQmTzBZSNuSlUB5yXfeI"
)
"""Verified instead of a real hash when there is none to check. Precomputed, with the hasher's
own parameters (a test keeps them equal): hashing it on the first unknown name would make
that first attempt twice as slow, and the difference would tell."""


def _hasher_dummy_verify(password: str) -> None:
    """Spend the same time for unknown users, so timing does not reveal who exists."""
    with contextlib.suppress(VerificationError):
        _hasher.verify(DUMMY_HASH, password)


def list_users(db: Database) -> list[UserInfo]:
    with db.reading() as connection:
        rows = connection.execute(f"SELECT {_INFO} FROM app_user ORDER BY username").fetchall()
    return [_info(row) for row in rows]


def find_user(db: Database, username: str) -> UserInfo | None:
    with db.reading() as connection:
        row = connection.execute(
            f"SELECT {_INFO} FROM app_user WHERE username = ?", (username,)
        ).fetchone()
    return None if row is None else _info(row)


def count_users(db: Database) -> int:
    return len(list_users(db))


def authenticate_in_copy(path: Path, username: str, password: str) -> UserInfo:
    """Check a login against the accounts of a file without writing to it (a backup).

    Restoring over a file that no longer opens must still be possible, and only by an admin:
    then the backup's own accounts decide. Nothing is recorded in the copy and no lockout
    counts there (the restored file records the restore); the answer costs one verification
    and uses the same words whatever is wrong, as ``authenticate``.
    """
    refusal = UserError("user.bad_login", minutes=LOCK_MINUTES)
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        _hasher_dummy_verify(password)
        raise refusal from None
    try:
        row = connection.execute(
            f"SELECT {_LOGIN_INFO}, password_hash FROM app_user WHERE username = ?",
            (username.strip(),),
        ).fetchone()
    except sqlite3.Error:
        row = None
    finally:
        connection.close()
    if row is None or not row[4]:
        _hasher_dummy_verify(password)
        raise refusal
    if not _password_matches(row[5], password):
        raise refusal
    user_id, name, full_name, role, active = row[:5]
    return UserInfo(user_id, name, full_name, role, bool(active))
