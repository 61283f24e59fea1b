"""The stored form of the models' column types, for SQL on the driver's connection.

``app/models`` declares every column's type once; services write and read the rows with SQL
(docs/data-access.md), so these helpers give exactly what those types store: ``JsonText`` is
``json.dumps`` with ``ensure_ascii=False, sort_keys=True``, ``DecimalText`` the decimal's exact
text, ``DateTime`` naive UTC as ``YYYY-MM-DD HH:MM:SS.ffffff``. Booleans need no helper (the
driver stores ``True`` as 1) and neither do dates (``date.isoformat()``). Reading back is
``json.loads``, ``Decimal(text)``, ``datetime.fromisoformat`` and ``bool(value)``.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from app.clock import utc_now


def json_text(value: Any) -> str | None:
    """A ``JsonText`` column's value (``None`` stays NULL)."""
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def decimal_text(value: Decimal | None) -> str | None:
    """A ``DecimalText`` column's value: the exact digits, never a float."""
    return None if value is None else str(value)


def time_text(value: datetime) -> str:
    """A ``DateTime`` column's value, in the format SQLAlchemy's SQLite dialect writes."""
    return value.isoformat(sep=" ", timespec="microseconds")


def now_text() -> str:
    """The current time for a ``created_at``-like column (the models' ``default=utc_now``)."""
    return time_text(utc_now())
