"""Field laptops and their packages (issue #12 §1).

A field laptop's file is prepared from the main laptop's (``device`` on the main laptop,
``device_self`` in the field file); what it sends back is merged sheet row by sheet row
(``device_claim``, ``merged_row``), and its audit events are kept as they were chained on
the device (``device_event``, never edited nor removed, like the audit trail itself).

Revision ID: 0013_devices
Revises: 0012_announcement_contents_last
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.dialect import create_trigger_sql, drop_trigger, table_of
from app.migrations.guards import GUARDS

revision = "0013_devices"
down_revision = "0012_announcement_contents_last"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("return_key", sa.Text(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("base_event_id", sa.Integer(), nullable=False),
        sa.Column("base_hash", sa.String(), nullable=False),
        sa.Column("prepared_by", sa.String(), nullable=False),
        sa.Column("prepared_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_device_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
        sa.UniqueConstraint("selection_id", "name", name=op.f("uq_device_selection_id_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_device_uuid")),
    )
    op.create_table(
        "device_self",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("private_key", sa.Text(), nullable=False),
        sa.Column("return_public_key", sa.Text(), nullable=False),
        sa.Column("received_head", sa.Integer(), nullable=False),
        sa.Column("main_identity", sa.String(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("base_event_id", sa.Integer(), nullable=False),
        sa.Column("base_hash", sa.String(), nullable=False),
        sa.Column("prepared_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_self")),
    )
    op.create_table(
        "device_package",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("head", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("exported_at", sa.String(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("received_by", sa.String(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["device.id"],
            name=op.f("fk_device_package_device_id_device"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_package")),
    )
    op.create_table(
        "device_claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("assessor", sa.String(), nullable=False),
        sa.Column("rows", sa.Text(), nullable=False),
        sa.Column("entered_by", sa.String(), nullable=False),
        sa.Column("entered_at", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"], ["component.id"], name=op.f("fk_device_claim_component_id_component")
        ),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["device.id"],
            name=op.f("fk_device_claim_device_id_device"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_device_claim_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_claim")),
        sa.UniqueConstraint(
            "device_id",
            "participant_id",
            "component_id",
            "assessor",
            name=op.f("uq_device_claim_device_id_participant_id_component_id_assessor"),
        ),
    )
    op.create_index(
        op.f("ix_device_claim_participant_id"), "device_claim", ["participant_id"], unique=False
    )
    op.create_table(
        "merged_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("assessor", sa.String(), nullable=False),
        sa.Column("merged", sa.Text(), nullable=False),
        sa.Column("main_claim", sa.Text(), nullable=True),
        sa.Column("main_by", sa.String(), nullable=True),
        sa.Column("resolved", sa.Text(), nullable=True),
        sa.Column("resolved_for", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["component_id"], ["component.id"], name=op.f("fk_merged_row_component_id_component")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_merged_row_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merged_row")),
        sa.UniqueConstraint(
            "participant_id",
            "component_id",
            "assessor",
            name=op.f("uq_merged_row_participant_id_component_id_assessor"),
        ),
    )
    op.create_table(
        "device_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
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
        sa.Column("detail", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_device_event_device_id_device")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_event")),
        sa.UniqueConstraint("device_id", "seq", name=op.f("uq_device_event_device_id_seq")),
    )
    for guard in GUARDS:
        if guard.since == revision:
            create_trigger_sql(guard.sql)


def downgrade() -> None:
    for guard in GUARDS:
        if guard.since == revision:
            drop_trigger(guard.name, table_of(guard.sql))
    op.drop_table("device_event")
    op.drop_table("merged_row")
    op.drop_index(op.f("ix_device_claim_participant_id"), table_name="device_claim")
    op.drop_table("device_claim")
    op.drop_table("device_package")
    op.drop_table("device_self")
    op.drop_table("device")
