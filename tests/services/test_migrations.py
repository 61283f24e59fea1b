"""The models and the migrations describe the same schema, and old files upgrade."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, create_engine

from app.migrations import HEAD, MIGRATIONS_DIR, REVISIONS
from app.migrations.runner import migration_engine
from app.models import Base
from app.services.actor import Actor
from app.services.announcements import issue_announcement
from app.services.demo import create_demo
from app.services.finalization import finalize
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


def _announcement_table(path: Path) -> tuple[list[str], list[tuple], set[str]]:
    """Column order, every row (columns by name, in one fixed order) and the triggers."""
    with sqlite3.connect(path) as raw:
        order = [row[1] for row in raw.execute("PRAGMA table_info('announcement')")]
        rows = raw.execute(f"SELECT {', '.join(sorted(order))} FROM announcement ORDER BY id")
        triggers = {
            row[0]
            for row in raw.execute(
                "SELECT name FROM sqlite_master"
                " WHERE type = 'trigger' AND tbl_name = 'announcement'"
            )
        }
        return order, rows.fetchall(), triggers


def _refuses_changes(path: Path) -> None:
    with sqlite3.connect(path) as raw:
        for statement in ("UPDATE announcement SET number = 'X'", "DELETE FROM announcement"):
            with pytest.raises(sqlite3.IntegrityError, match="tidak dapat diubah"):
                raw.execute(statement)
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []


def test_announcements_keep_every_byte_when_their_contents_move_last(tmp_path: Path) -> None:
    """Migration 0012 rebuilds the table; downgrading and upgrading again keep every row, the
    correction's reference to what it replaces, and the triggers that forbid changes."""
    admin = Actor("ketua", "admin")
    db = open_database(tmp_path / "seleksi.db")
    info = create_demo(db, admin, "binjai-kompetensi", participants=12, seed=3)
    finalize(db, admin, info.id, "AKHIR")
    for number in ("001/PANSELDA/2024", "002/PANSELDA/2024"):
        issue_announcement(
            db, admin, info.id, None, tmp_path / f"{number[:3]}.pdf", number=number,
            issued_on=dt.date(2024, 12, 5),
        )  # fmt: skip
    db.close()
    order, rows, triggers = _announcement_table(db.path)
    assert order[-2:] == ["snapshot", "pdf"]
    assert len(rows) == 2 and triggers == {"announcement_no_update", "announcement_no_delete"}
    replaces = sorted(order).index("replaces_id")
    assert rows[1][replaces] == rows[0][sorted(order).index("id")]

    engine = migration_engine(db.path)
    try:
        with engine.begin() as connection:
            command.downgrade(_config(connection), "0011_printed_documents")
    finally:
        engine.dispose()
    old_order, old_rows, old_triggers = _announcement_table(db.path)
    assert old_order.index("snapshot") < old_order.index("snapshot_sha256")
    assert old_order.index("pdf") < old_order.index("pdf_sha256")
    assert sorted(old_order) == sorted(order)
    assert (old_rows, old_triggers) == (rows, triggers)
    _refuses_changes(db.path)

    open_database(db.path).close()  # upgrades to HEAD again, as a user's old file would
    assert _announcement_table(db.path) == (order, rows, triggers)
    _refuses_changes(db.path)
