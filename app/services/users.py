"""Application users and their passwords (argon2id)."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.clock import utc_now

from .actor import Actor
from .audit import record
from .changes import NO_CHANGES, USERS, Changes
from .columns import now_text, time_text
from .database import Database
from .door import write
from .errors import UserError
from .permissions import ROLES, Action, require

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
    changes: Changes = field(default=NO_CHANGES, compare=False)


_INFO = "id, username, full_name, role, active"


def _info(row: tuple) -> UserInfo:
    user_id, username, full_name, role, active = row
    return UserInfo(user_id, username, full_name, role, bool(active))


def add_user(
    db: Database, actor: Actor, username: str, role: str, password: str, full_name: str = ""
) -> UserInfo:
    """A new account; only an admin adds users, except the very first account of a file."""
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
        if len(password) < MIN_PASSWORD_LENGTH:
            raise UserError("user.short_password", min=MIN_PASSWORD_LENGTH)
        taken = connection.execute("SELECT 1 FROM app_user WHERE username = ?", (username,))
        if taken.fetchone() is not None:
            raise UserError("user.exists", value=username)
        full_name = full_name.strip()
        user_id = connection.execute(
            "INSERT INTO app_user (username, full_name, role, password_hash, active,"
            " failed_logins, locked_until, created_at) VALUES (?, ?, ?, ?, 1, 0, NULL, ?)",
            (username, full_name, role, _hasher.hash(password), now_text()),
        ).lastrowid
        assert user_id is not None
        action.audit(
            "user.added",
            entity="user",
            key=username,
            new={"username": username, "role": role, "full_name": full_name},
        )
    return UserInfo(user_id, username, full_name, role, True, action.changes)


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
            f"SELECT {_INFO}, password_hash, failed_logins, locked_until FROM app_user"
            " WHERE username = ?",
            (username,),
        ).fetchone()
        if row is None or not row[4]:
            _hasher_dummy_verify(password)
            record(connection, username or "?", "login.failed", entity="user", key=username)
            outcome: UserInfo | UserError = UserError("user.bad_login", minutes=LOCK_MINUTES)
        else:
            user_id: int = row[0]
            stored: str = row[5]
            failed: int = row[6]
            locked: str | None = row[7]
            locked_until = None if locked is None else datetime.fromisoformat(locked)
            if locked_until is not None and locked_until > now:
                _hasher_dummy_verify(password)  # the same cost as a real attempt
                record(connection, username, "login.refused_locked", entity="user", key=username)
                outcome = UserError("user.bad_login", minutes=LOCK_MINUTES)
            elif _password_matches(stored, password):
                if _hasher.check_needs_rehash(stored):
                    stored = _hasher.hash(password)
                connection.execute(
                    "UPDATE app_user SET password_hash = ?, failed_logins = 0,"
                    " locked_until = NULL WHERE id = ?",
                    (stored, user_id),
                )
                record(connection, username, "login", entity="user", key=username)
                outcome = _info(row[:5])
            else:
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
                    event = "login.failed"
                record(connection, username, event, entity="user", key=username)
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
            f"SELECT {_INFO}, password_hash FROM app_user WHERE username = ?",
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
    return _info(row[:5])
