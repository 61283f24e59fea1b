"""The schema on a real PostgreSQL 15 (issue #12 §2): every migration, the same tables as the
models, the append-only guards and the revision stamps, as on SQLite."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import psycopg
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from app.migrations import HEAD, MIGRATIONS_DIR
from app.migrations.runner import server_engine, upgrade_server_to_head
from app.models import Base
from app.services.errors import UserError
from app.services.opening import server_revision


def _row(url: str, sql: str, *params: object) -> tuple:
    with psycopg.connect(url) as connection:
        found = connection.execute(sql, params).fetchone()
    assert found is not None
    return found


def test_every_migration_runs_and_the_schema_is_the_models(server_db: str) -> None:
    upgrade_server_to_head(server_db)
    assert _row(server_db, "SELECT version_num FROM alembic_version") == (HEAD,)
    engine = server_engine(server_db)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
    # The identity a backup and a package name the database by.
    assert len(_row(server_db, "SELECT uuid FROM database_identity WHERE id = 1")[0]) == 36
    upgrade_server_to_head(server_db)  # already at HEAD: nothing to do


def test_history_cannot_be_edited_on_the_server_either(server_db: str) -> None:
    upgrade_server_to_head(server_db)
    with psycopg.connect(server_db, autocommit=True) as connection:
        connection.execute(
            "INSERT INTO audit_event (at, actor, action, entity, entity_key, participant,"
            " reason, prev_hash, hash) VALUES ('2026-12-04', 'ketua', 'login', '', '', '', '',"
            " %s, %s)",
            ("0" * 64, "1" * 64),
        )
        for statement in ("UPDATE audit_event SET actor = 'x'", "DELETE FROM audit_event"):
            with pytest.raises(psycopg.errors.RaiseException, match="jejak audit tidak dapat"):
                connection.execute(statement)
        with pytest.raises(psycopg.errors.RaiseException, match="identitas database"):
            connection.execute("DELETE FROM database_identity")


def test_a_score_moves_its_formations_stamp_and_no_other(server_db: str) -> None:
    """The revision triggers, translated from SQLite's: a participant and then a score of
    formation A1 advance A1's stamp (microseconds), never B1's."""
    upgrade_server_to_head(server_db)
    tables = Base.metadata.tables
    engine = server_engine(server_db)
    try:
        with engine.begin() as connection:

            def insert(table: str, **values: object) -> int:
                found = connection.execute(
                    tables[table].insert().values(**values).returning(tables[table].c.id)
                ).scalar_one()
                return int(found)

            def stamps() -> dict[str, int]:
                formation = tables["formation"]
                rows = connection.execute(sa.select(formation.c.code, formation.c.revision))
                return {code: revision for code, revision in rows}

            selection = insert(
                "selection",
                name="Uji",
                year=2024,
                kind="cpns",
                scheme_code="cpns-2024",
                scheme_name="CPNS",
            )
            a1, _b1 = (
                insert(
                    "formation",
                    selection_id=selection,
                    code=code,
                    position_title="Perawat",
                    unit="RSUD",
                    education="D-3",
                    quota=1,
                )
                for code in ("A1", "B1")
            )
            stage = insert(
                "stage",
                selection_id=selection,
                position=0,
                code="AKHIR",
                name="Akhir",
                method="weighted",
                ranking=[],
                codes={},
            )
            limits = {"minimum": Decimal(0), "maximum": Decimal(100), "step": Decimal(1)}
            component = insert(
                "component",
                stage_id=stage,
                position=0,
                code="CAT",
                name="CAT",
                kind="number",
                category="cat",
                weight=Decimal(100),
                **limits,
            )
            before = stamps()
            person = insert(
                "participant",
                selection_id=selection,
                formation_id=a1,
                number="24001",
                name="Rina",
                birth_date=date(1995, 1, 1),
            )
            middle = stamps()
            insert(
                "score",
                participant_id=person,
                component_id=component,
                value_milli=80000,
                entered_by="ketua",
            )
            after = stamps()
    finally:
        engine.dispose()
    assert before["A1"] > 10**15  # microseconds since 1970
    assert middle["A1"] > before["A1"] and after["A1"] > middle["A1"]
    assert after["B1"] == middle["B1"] == before["B1"]


def test_the_migrations_go_down_and_up_again(server_db: str) -> None:
    upgrade_server_to_head(server_db)
    engine = server_engine(server_db)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
    finally:
        engine.dispose()
    with psycopg.connect(server_db) as connection:
        left = connection.execute(
            "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"
        ).fetchone()
    assert left == (0,)
    upgrade_server_to_head(server_db)
    assert _row(server_db, "SELECT version_num FROM alembic_version") == (HEAD,)


def test_the_connect_dialogs_check_reads_the_revision_and_writes_nothing(
    server_db: str, pg_url: str
) -> None:
    """``server_revision``: ``None`` on a database not prepared yet (and it stays empty), the
    head once opened; a database that does not exist is refused as an opening refuses it."""
    assert server_revision(server_db) is None
    assert _row(server_db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == (0,)
    upgrade_server_to_head(server_db)
    assert server_revision(server_db) == HEAD
    missing = pg_url.rsplit("/", 1)[0] + "/tidak_ada_basis_data_ini"
    with pytest.raises(UserError) as refused:
        server_revision(missing)
    assert refused.value.message == "db.server_unreachable"
    assert "tidak_ada_basis_data_ini" in str(refused.value.params["detail"])
