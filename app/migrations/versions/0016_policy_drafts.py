"""Drafts of a new policy and the FGD judgments behind them (issue #14).

Revision ID: 0016_policy_drafts
Revises: 0015_recommendations
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_policy_drafts"
down_revision = "0015_recommendations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "policy_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("stage_code", sa.String(), nullable=False),
        sa.Column("scheme_toml", sa.Text(), nullable=False),
        sa.Column("fgd_date", sa.String(), nullable=True),
        sa.Column("answers", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("adopted_at", sa.DateTime(), nullable=True),
        sa.Column("adopted_by", sa.String(), nullable=True),
        sa.Column("adopted_file", sa.String(), nullable=True),
        sa.Column("adopted_sha256", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_policy_draft_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_draft")),
    )
    op.create_table(
        "fgd_judgment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("respondent", sa.String(), nullable=False),
        sa.Column("stakeholder_group", sa.String(), nullable=False),
        sa.Column("group_weight", sa.String(), nullable=False),
        sa.Column("criterion_a", sa.String(), nullable=False),
        sa.Column("criterion_b", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("entered_by", sa.String(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["draft_id"],
            ["policy_draft.id"],
            name=op.f("fk_fgd_judgment_draft_id_policy_draft"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fgd_judgment")),
        sa.UniqueConstraint(
            "draft_id",
            "respondent",
            "criterion_a",
            "criterion_b",
            name=op.f("uq_fgd_judgment_draft_id_respondent_criterion_a_criterion_b"),
        ),
    )


def downgrade() -> None:
    op.drop_table("fgd_judgment")
    op.drop_table("policy_draft")
