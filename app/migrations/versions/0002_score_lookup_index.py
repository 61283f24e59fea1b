"""Covering index for reading scores per participant.

A ranking reads each participant's plain values through the unique key; with the value
columns in the index SQLite answers from the index alone (a quarter faster at 100k).

Revision ID: 0002_score_lookup
Revises: 0001_initial
"""

from __future__ import annotations

from alembic import op

revision = "0002_score_lookup"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_score_lookup",
        "score",
        [
            "participant_id",
            "component_id",
            "assessor",
            "aspect",
            "absent",
            "value_text",
            "value_milli",
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_score_lookup", table_name="score")
