"""Later performance of those selected (issue #13): the SKP predikat or a score, per year.

Revision ID: 0014_performance
Revises: 0013_devices
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_performance"
down_revision = "0013_devices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "performance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("predikat", sa.String(), nullable=True),
        sa.Column("score", sa.String(length=40), nullable=True),
        sa.Column("imported_by", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_performance_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performance")),
        sa.UniqueConstraint(
            "participant_id", "year", name=op.f("uq_performance_participant_id_year")
        ),
    )


def downgrade() -> None:
    op.drop_table("performance")
