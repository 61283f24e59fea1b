"""Running the migrations: the one place where the program itself uses SQLAlchemy.

Services read and write with SQL on the driver's connection (docs/data-access.md); Alembic
needs an engine, made here only when a file must be created or upgraded, so that opening an
up-to-date file never imports SQLAlchemy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.services.database import configure_connection

from . import MIGRATIONS_DIR

if TYPE_CHECKING:
    from sqlalchemy import Engine


def _begin_immediate(connection: Any) -> None:
    # An upgrade takes the write lock at the start: a deferred transaction that reads first
    # and writes later cannot wait for another writer (SQLite answers "database is locked" at
    # once); an immediate one waits up to the busy timeout.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def migration_engine(path: Path) -> Engine:
    """An engine on ``path`` whose connections carry the pragmas every connection gets."""
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", configure_connection)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def upgrade_to_head(path: Path) -> None:
    """Create or upgrade the schema of ``path`` to ``HEAD`` in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = migration_engine(path)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def server_engine(url: str) -> Engine:
    """An engine on a PostgreSQL server (``postgresql://…``), through psycopg."""
    from sqlalchemy import create_engine

    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url)


def upgrade_server_to_head(url: str) -> None:
    """Create or upgrade the schema of a server database to ``HEAD`` in one transaction.

    PostgreSQL's DDL is transactional, so a failed upgrade leaves the schema as it was; an
    advisory lock keeps two laptops that open the same new server from migrating at once."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = server_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(5341534)"))
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()
