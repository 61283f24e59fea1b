"""The hash-chained audit trail, and failed-login counting for account lockout (issue 5).

Revision ID: 0004_audit
Revises: 0003_documents
Create Date: 2026-11-30 00:55:02.754473
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.dialect import create_trigger, drop_trigger

revision = "0004_audit"
down_revision = "0003_documents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=True),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_key", sa.String(), nullable=False),
        sa.Column("participant", sa.String(), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(), nullable=False),
        sa.Column("hash", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_actor"), ["actor"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_event_participant"), ["participant"], unique=False
        )

    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))

    # Append-only: the database itself refuses to edit or remove an event.
    for action in ("UPDATE", "DELETE"):
        create_trigger(
            f"audit_event_no_{action.lower()}",
            f"BEFORE {action} ON audit_event"
            " BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat diubah'); END",
        )


def downgrade() -> None:
    drop_trigger("audit_event_no_update", "audit_event")
    drop_trigger("audit_event_no_delete", "audit_event")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_logins")

    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_participant"))
        batch_op.drop_index(batch_op.f("ix_audit_event_actor"))

    op.drop_table("audit_event")
