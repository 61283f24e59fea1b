"""Revision stamps per formation and per selection, kept by triggers (rankings cache).

A ranking is computed per formation, independently: its quota, the SKD cut and the
admission to the next stage never look at another formation. So a formation's results can
only move when one of the rows a ranking reads for it changes: its own row (quota), a
participant in it (also one moving in or out), a participant's marks or confirmed scores, or
the scheme of its selection (stages, components, the selection's scheme columns). Every such
change now advances ``formation.revision``; a reader that kept the results of a formation
together with its revision knows they still hold while the revision is the same.

Triggers, not the services, keep the stamps: imports, typed scores, undo, double-entry
confirmation, finalization-safe edits and any future writer pass through them, and a writer
cannot forget. ``score_draft`` rows are not watched: rankings read confirmed scores only, and
a confirmation writes the ``score`` row that is. Finalizations are not watched either: they
do not change results, and the announcement checks them itself.

The stamps are not plain counts. Each bump takes ``max(revision + 1, now in microseconds)``
(the clock is SQLite's, in milliseconds, times 1000), so stamps only grow, and one that a
reader may have seen is never given to different contents again: not after a formation is
deleted and made again under the same code (the selection keeps the last stamp of what it
lost, and a new or renamed formation starts above it), and not after a backup is restored
into an open file (the restored stamps belong to that same earlier content, and the next
change is stamped with the present time, above everything the file had handed out). Existing
formations start at the time of this upgrade for the same reason: two old files that both
started at 0 could otherwise pass for each other.

``selection.revision`` changes when a formation is added, changed or deleted and when the
scheme changes; the selection as a whole has changed exactly when the largest of its own and
its formations' stamps has (``app.services.revisions``).

A later migration that recreates one of these tables (batch mode's move and copy) drops the
table's triggers with it and must create them again; a test lists them at the head revision.

On PostgreSQL (issue #12 §2) the same triggers run as row-level PL/pgSQL triggers with the
same statements and the same clock (``app.migrations.dialect``), and the stamps are BIGINT.
Should the row-by-row bumps ever cost too much there, the same stamps could come from
``AFTER … FOR EACH STATEMENT`` triggers with transition tables (``REFERENCING NEW TABLE AS
new_rows``) updating each touched formation once per statement.

Revision ID: 0006_revisions
Revises: 0005_trust
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.dialect import (
    POSTGRES_NOW,
    SQLITE_NOW,
    create_trigger,
    drop_trigger,
    is_sqlite,
    table_of,
)

revision = "0006_revisions"
down_revision = "0005_trust"
branch_labels = None
depends_on = None

# SQLite's clock in whole milliseconds since 1970, as microseconds.
NOW = SQLITE_NOW
STAMP = f"max(revision + 1, {NOW})"

# The columns of ``selection`` that make up the scheme the rules see (name, year and the
# letterhead do not move a rank).
SELECTION_SCHEME_COLUMNS = "kind, scheme_code, scheme_name, scheme_source, regional"
# Every column of ``formation`` but the stamp itself, so the stamp's own update does not
# fire the trigger again.
FORMATION_COLUMNS = "selection_id, code, position_title, unit, education, quota"


def _formations(where: str) -> str:
    return f"UPDATE formation SET revision = {STAMP} WHERE {where};"


def _whole_selection(selection: str) -> str:
    """Every formation of the selection(s) ``selection`` (an SQL list), and the selection."""
    return (
        f"UPDATE selection SET revision = {STAMP} WHERE id IN ({selection});"
        f" UPDATE formation SET revision = {STAMP} WHERE selection_id IN ({selection});"
    )


def _by_participant(table: str) -> dict[str, str]:
    """Triggers of a table whose rows belong to a participant (scores, marks)."""
    return {
        f"{table}_insert": f"AFTER INSERT ON {table} BEGIN "
        + _formations("id = (SELECT formation_id FROM participant WHERE id = NEW.participant_id)")
        + " END",
        f"{table}_update": f"AFTER UPDATE ON {table} BEGIN "
        + _formations(
            "id IN (SELECT formation_id FROM participant"
            " WHERE id IN (OLD.participant_id, NEW.participant_id))"
        )
        + " END",
        f"{table}_delete": f"AFTER DELETE ON {table} BEGIN "
        + _formations("id = (SELECT formation_id FROM participant WHERE id = OLD.participant_id)")
        + " END",
    }


def _formation_stamp(row: str) -> str:
    """A formation's own row changed: above its old stamp and above the selection's."""
    return (
        f"UPDATE formation SET revision = max(revision + 1, {NOW},"
        f" coalesce((SELECT s.revision + 1 FROM selection s WHERE s.id = {row}.selection_id), 0))"
        f" WHERE id = {row}.id;"
    )


def _selection_keeps(row: str) -> str:
    """The selection remembers the stamp of a formation row that goes (or changes code)."""
    return (
        f"UPDATE selection SET revision = max(revision + 1, {NOW}, {row}.revision + 1)"
        f" WHERE id = {row}.selection_id;"
    )


TRIGGERS: dict[str, str] = {
    **_by_participant("score"),
    **_by_participant("participant_mark"),
    "participant_insert": "AFTER INSERT ON participant BEGIN "
    + _formations("id = NEW.formation_id")
    + " END",
    "participant_update": "AFTER UPDATE ON participant BEGIN "
    + _formations("id IN (OLD.formation_id, NEW.formation_id)")
    + " END",
    "participant_delete": "AFTER DELETE ON participant BEGIN "
    + _formations("id = OLD.formation_id")
    + " END",
    "formation_insert": "AFTER INSERT ON formation BEGIN "
    + f"UPDATE selection SET revision = {STAMP} WHERE id = NEW.selection_id; "
    + _formation_stamp("NEW")
    + " END",
    "formation_update": f"AFTER UPDATE OF {FORMATION_COLUMNS} ON formation BEGIN "
    + _selection_keeps("OLD")
    + " "
    + _formation_stamp("NEW")
    + " END",
    "formation_delete": "AFTER DELETE ON formation BEGIN " + _selection_keeps("OLD") + " END",
    "stage_insert": "AFTER INSERT ON stage BEGIN " + _whole_selection("NEW.selection_id") + " END",
    "stage_update": "AFTER UPDATE ON stage BEGIN "
    + _whole_selection("OLD.selection_id, NEW.selection_id")
    + " END",
    "stage_delete": "AFTER DELETE ON stage BEGIN " + _whole_selection("OLD.selection_id") + " END",
    "component_insert": "AFTER INSERT ON component BEGIN "
    + _whole_selection("SELECT selection_id FROM stage WHERE id = NEW.stage_id")
    + " END",
    "component_update": "AFTER UPDATE ON component BEGIN "
    + _whole_selection("SELECT selection_id FROM stage WHERE id IN (OLD.stage_id, NEW.stage_id)")
    + " END",
    "component_delete": "AFTER DELETE ON component BEGIN "
    + _whole_selection("SELECT selection_id FROM stage WHERE id = OLD.stage_id")
    + " END",
    "selection_scheme": f"AFTER UPDATE OF {SELECTION_SCHEME_COLUMNS} ON selection BEGIN "
    + _whole_selection("NEW.id")
    + " END",
}


def upgrade() -> None:
    # Microseconds since 1970 need 64 bits: SQLite's INTEGER has them, PostgreSQL's is BIGINT.
    stamp = sa.Integer() if is_sqlite() else sa.BigInteger()
    with op.batch_alter_table("selection", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", stamp, server_default="0", nullable=False))
    with op.batch_alter_table("formation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", stamp, server_default="0", nullable=False))
    # Before the triggers exist: existing rows start at the time of the upgrade.
    now = NOW if is_sqlite() else POSTGRES_NOW
    op.execute(f"UPDATE selection SET revision = {now}")
    op.execute(f"UPDATE formation SET revision = {now}")
    for name, body in TRIGGERS.items():
        create_trigger(f"revision_{name}", body)


def downgrade() -> None:
    for name, body in TRIGGERS.items():
        drop_trigger(f"revision_{name}", table_of(body))
    with op.batch_alter_table("formation", schema=None) as batch_op:
        batch_op.drop_column("revision")
    with op.batch_alter_table("selection", schema=None) as batch_op:
        batch_op.drop_column("revision")
