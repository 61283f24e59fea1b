"""Application users and their passwords (argon2id)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from app.models import ROLES, User

from .actor import Actor
from .database import Database
from .errors import UserError

MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.full_name, user.role, user.active)


def add_user(
    db: Database, actor: Actor, username: str, role: str, password: str, full_name: str = ""
) -> UserInfo:
    username = username.strip()
    if not username or any(c.isspace() for c in username):
        raise UserError("user.bad_name")
    if role not in ROLES:
        raise UserError("user.bad_role", value=role, choices=ROLES)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError("user.short_password", min=MIN_PASSWORD_LENGTH)
    with db.session() as session:
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
        return _info(user)


def authenticate(db: Database, username: str, password: str) -> UserInfo:
    """The user, if the password is right; the same message for an unknown name or password."""
    with db.session() as session:
        user = session.scalars(select(User).where(User.username == username.strip())).first()
        if user is None or not user.active:
            _hasher_dummy_verify(password)
            raise UserError("user.bad_login")
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError) as error:
            raise UserError("user.bad_login") from error
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        return _info(user)


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
