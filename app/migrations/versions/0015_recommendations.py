"""The tim monev's recommendations for the policy revision (issue #13).

Revision ID: 0015_recommendations
Revises: 0014_performance
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_recommendations"
down_revision = "0014_performance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recommendation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("finding_key", sa.String(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("revised_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_by", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_recommendation_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation")),
    )


def downgrade() -> None:
    op.drop_table("recommendation")
