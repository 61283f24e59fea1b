"""The one clock every stored time comes from: naive UTC, as SQLite stores it.

Kept apart from the ORM so code on every command's path can use it without importing
SQLAlchemy (CLI start-up time).
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
