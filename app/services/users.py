"""Application users and their passwords (argon2id)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from app.clock import utc_now
from app.models import ROLES, User

from .actor import Actor
from .audit import record
from .changes import NO_CHANGES, USERS, Changes
from .database import Database, raw_connection
from .door import write
from .errors import UserError
from .permissions import Action, require

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


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.full_name, user.role, user.active)


def add_user(
    db: Database, actor: Actor, username: str, role: str, password: str, full_name: str = ""
) -> UserInfo:
    """A new account; only an admin adds users, except the very first account of a file."""
    username = username.strip()
    if not username or any(c.isspace() for c in username):
        raise UserError("user.bad_name")
    if role not in ROLES:
        raise UserError("user.bad_role", value=role, choices=ROLES)
    with write(db, actor, Action.ADD_FIRST_USER, kinds=[USERS]) as action:
        session = action.session
        has_users = session.scalars(select(User.id).limit(1)).first() is not None
        if has_users:
            require(actor, Action.MANAGE_USERS)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise UserError("user.short_password", min=MIN_PASSWORD_LENGTH)
        if session.scalars(select(User).where(User.username == username)).first() is not None:
            raise UserError("user.exists", value=username)
        user = User(
            username=username,
            full_name=full_name.strip(),
            role=role,
            password_hash=_hasher.hash(password),
        )
        session.add(user)
        session.flush()
        action.audit(
            "user.added",
            entity="user",
            key=username,
            new={"username": username, "role": role, "full_name": user.full_name},
        )
        info = _info(user)
    return replace(info, changes=action.changes)


def authenticate(db: Database, username: str, password: str) -> UserInfo:
    """The user, if the password is right; the same message for an unknown name or password.

    Every attempt is audited. After ``MAX_FAILED_LOGINS`` wrong passwords in a row the account
    is locked for ``LOCK_MINUTES``, even for the right password (issue #5).
    """
    username = username.strip()
    now = utc_now()
    with db.session() as session:
        connection = raw_connection(session)
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None or not user.active:
            _hasher_dummy_verify(password)
            record(connection, username or "?", "login.failed", entity="user", key=username)
            outcome: UserInfo | UserError = UserError("user.bad_login")
        elif user.locked_until is not None and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            record(connection, username, "login.refused_locked", entity="user", key=username)
            outcome = UserError("user.locked", minutes=minutes)
        elif _password_matches(user.password_hash, password):
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            user.failed_logins = 0
            user.locked_until = None
            record(connection, username, "login", entity="user", key=username)
            outcome = _info(user)
        else:
            user.failed_logins += 1
            action = "login.failed"
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.failed_logins = 0
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                action = "user.locked"
            record(connection, username, action, entity="user", key=username)
            outcome = UserError("user.bad_login")
    # The failed attempt is committed above before the refusal is raised.
    if isinstance(outcome, UserError):
        raise outcome
    return outcome


def _password_matches(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    return _hasher.hash("not a real password")


def _hasher_dummy_verify(password: str) -> None:
    """Spend the same time for unknown users, so timing does not reveal who exists."""
    with contextlib.suppress(VerificationError):
        _hasher.verify(_dummy_hash(), password)


def list_users(db: Database) -> list[UserInfo]:
    with db.session() as session:
        return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def count_users(db: Database) -> int:
    return len(list_users(db))
