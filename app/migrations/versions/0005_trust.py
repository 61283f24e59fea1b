"""Finalization per stage and formation, double-entry drafts, assessor spread (issue 5).

Revision ID: 0005_trust
Revises: 0004_audit
Create Date: 2026-11-30 00:58:18.336344
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_trust"
down_revision = "0004_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "finalization",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("formation_id", sa.Integer(), nullable=False),
        sa.Column("finalized_by", sa.String(), nullable=False),
        sa.Column("finalized_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["formation_id"],
            ["formation.id"],
            name=op.f("fk_finalization_formation_id_formation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["stage.id"],
            name=op.f("fk_finalization_stage_id_stage"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finalization")),
        sa.UniqueConstraint(
            "stage_id", "formation_id", name=op.f("uq_finalization_stage_id_formation_id")
        ),
    )
    op.create_table(
        "score_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("assessor", sa.String(), nullable=False),
        sa.Column("aspect", sa.String(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("value_milli", sa.Integer(), nullable=True),
        sa.Column("value_text", sa.String(), nullable=True),
        sa.Column("absent", sa.Boolean(), nullable=False),
        sa.Column("entered_by", sa.String(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"], ["component.id"], name=op.f("fk_score_draft_component_id_component")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_score_draft_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_draft")),
        sa.UniqueConstraint(
            "participant_id",
            "component_id",
            "assessor",
            "aspect",
            "round",
            name=op.f("uq_score_draft_participant_id_component_id_assessor_aspect_round"),
        ),
    )
    with op.batch_alter_table("score_draft", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_score_draft_participant_id"), ["participant_id"], unique=False
        )

    with op.batch_alter_table("component", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("double_entry", sa.Boolean(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "max_spread",
                sa.String(length=40),
                server_default="20",
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("component", schema=None) as batch_op:
        batch_op.drop_column("max_spread")
        batch_op.drop_column("double_entry")

    with op.batch_alter_table("score_draft", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_score_draft_participant_id"))

    op.drop_table("score_draft")
    op.drop_table("finalization")
