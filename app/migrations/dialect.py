"""One schema on two engines: the migrations' triggers on SQLite and on PostgreSQL (issue #12 §2).

The migrations write their triggers in SQLite's form (``CREATE TRIGGER name AFTER INSERT ON t
BEGIN …; END``): that is what the files of every committee hold and what the append-only
guards compare against (``guards.py``). On a PostgreSQL server the same trigger becomes a
PL/pgSQL function and a row-level trigger calling it, with the same statements: ``NEW`` and
``OLD`` mean the same there, SQLite's two-argument ``max`` is ``GREATEST``, its clock
expression is PostgreSQL's ``clock_timestamp()`` in the same unit (microseconds, counted in
whole milliseconds), and ``SELECT RAISE(ABORT, 'why')`` is ``RAISE EXCEPTION``. So a rule
written once holds on both, and a test runs every migration on a real server.
"""

from __future__ import annotations

import re
from typing import Any

SQLITE_NOW = "CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 1000"
"""SQLite's clock as the revision stamps use it: microseconds, in whole milliseconds."""
POSTGRES_NOW = "(floor(extract(epoch from clock_timestamp()) * 1000)::bigint * 1000)"

_TRIGGER = re.compile(
    r"^(?P<timing>BEFORE|AFTER)\s+(?P<event>INSERT|UPDATE|DELETE)"
    r"(?:\s+OF\s+(?P<columns>[\w\s,]+?))?\s+ON\s+(?P<table>\w+)\s+BEGIN\s+(?P<body>.*)\s*END$",
    re.DOTALL | re.IGNORECASE,
)
_RAISE = re.compile(r"SELECT\s+RAISE\(ABORT,\s*('(?:[^']|'')*')\)", re.IGNORECASE)


def _op() -> Any:
    """Alembic's ``op`` of the running migration (imported only by migrations: a server's
    opening reads the guards' translation here without paying for Alembic)."""
    from alembic import op

    return op


def is_sqlite() -> bool:
    return _op().get_bind().dialect.name == "sqlite"


def postgres_trigger(name: str, definition: str) -> tuple[str, str]:
    """The PostgreSQL function and trigger for SQLite's ``CREATE TRIGGER name definition``."""
    found = _TRIGGER.match(" ".join(definition.split()))
    if found is None:
        raise ValueError(f"trigger {name}: not a form this translation knows: {definition}")
    body = found["body"].replace(SQLITE_NOW, POSTGRES_NOW)
    body = re.sub(r"\bmax\(", "GREATEST(", body)
    body = _RAISE.sub(r"RAISE EXCEPTION \1", body)
    if not body.rstrip().endswith(";"):
        body += ";"
    if found["timing"].upper() == "AFTER":
        returned = "NULL"
    else:  # a BEFORE trigger lets the row through (the guards raise before that)
        returned = "NEW" if found["event"].upper() == "INSERT" else "OLD"
    function = (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$"
        f" BEGIN {body} RETURN {returned}; END $body$"
    )
    columns = f" OF {found['columns']}" if found["columns"] else ""
    trigger = (
        f"CREATE TRIGGER {name} {found['timing']} {found['event']}{columns} ON {found['table']}"
        f" FOR EACH ROW EXECUTE FUNCTION {name}()"
    )
    return function, trigger


def create_trigger(name: str, definition: str) -> None:
    """``CREATE TRIGGER name definition`` on SQLite, its twin on PostgreSQL."""
    if is_sqlite():
        _op().execute(f"CREATE TRIGGER {name} {definition}")
        return
    for statement in postgres_trigger(name, definition):
        _op().execute(statement)


def create_trigger_sql(sql: str) -> None:
    """A whole ``CREATE TRIGGER name …`` statement (the guards' form), on either engine."""
    found = re.match(r"^\s*CREATE\s+TRIGGER\s+(\w+)\s+(.*)$", sql, re.DOTALL | re.IGNORECASE)
    if found is None:
        raise ValueError(f"not a CREATE TRIGGER statement: {sql}")
    create_trigger(found[1], found[2])


def drop_trigger(name: str, table: str) -> None:
    if is_sqlite():
        _op().execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    _op().execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    _op().execute(f"DROP FUNCTION IF EXISTS {name}()")


def table_of(definition: str) -> str:
    """The table a trigger definition (or a whole ``CREATE TRIGGER``) is on."""
    found = re.search(r"\bON\s+(\w+)", definition, re.IGNORECASE)
    if found is None:
        raise ValueError(definition)
    return found[1]
