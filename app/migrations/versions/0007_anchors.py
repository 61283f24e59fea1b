"""A database identity, and room for what an audit event carries beyond its summary (issue 9).

``database_identity`` holds one random UUID made when the file is created (or upgraded to this
revision): a backup is a copy of the same database exactly when it carries the same identity,
so a restore can tell a copy of this file from a copy of another committee's file. Neither it
nor its row ever changes (triggers below, checked again whenever a file is opened).

``audit_event.detail`` holds, compressed, the values an event wrote when they are too many for
its ``new`` column (an import of 300,000 scores): the audit replay (``audit verify``) needs
them to compare the tables with what the trail says, and the window's audit page need not
show them. The event's hash covers the detail's SHA-256, so it is chained like the rest.

Revision ID: 0007_anchors
Revises: 0006_revisions
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from app.clock import utc_now
from app.migrations.dialect import create_trigger_sql, drop_trigger, table_of
from app.migrations.guards import GUARDS

revision = "0007_anchors"
down_revision = "0006_revisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "database_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_identity")),
    )
    op.execute(
        sa.text(
            "INSERT INTO database_identity (id, uuid, created_at) VALUES (1, :uuid, :at)"
        ).bindparams(
            sa.bindparam("uuid", str(uuid.uuid4())),
            # As a timestamp: SQLite stores SQLAlchemy's "YYYY-MM-DD HH:MM:SS.ffffff", a
            # server its own timestamp type.
            sa.bindparam("at", utc_now(), type_=sa.DateTime()),
        )
    )
    # A plain ALTER TABLE: a batch copy of audit_event would drop its append-only triggers.
    op.add_column("audit_event", sa.Column("detail", sa.LargeBinary(), nullable=True))
    for guard in GUARDS:
        if guard.since == revision:
            create_trigger_sql(guard.sql)


def downgrade() -> None:
    for guard in GUARDS:
        if guard.since == revision:
            drop_trigger(guard.name, table_of(guard.sql))
    op.drop_column("audit_event", "detail")  # not a batch copy: the triggers stay
    op.drop_table("database_identity")
