"""The models and the migrations describe the same schema, and old files upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, create_engine

from app.migrations import HEAD, MIGRATIONS_DIR, REVISIONS
from app.migrations.runner import migration_engine
from app.models import Base
from app.services.opening import open_database


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    db = open_database(tmp_path / "seleksi.db")
    engine = migration_engine(db.path)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_a_first_revision_file_upgrades_and_keeps_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "lama.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(_config(connection), REVISIONS[0])
    engine.dispose()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == REVISIONS[0]

    open_database(path).close()

    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        indexes = {row[1] for row in raw.execute("PRAGMA index_list('score')")}
    assert "ix_score_lookup" in indexes
    assert (tmp_path / f"lama.db.sebelum-{REVISIONS[0]}.bak").exists()
