"""An account can be told to choose its own password at its next login.

An admin who resets a forgotten password, or creates an account for someone else, knows that
password; the holder of the account must replace it before working (issue 10 §4), so two
people never share a secret that signs scores. ``must_change_password`` is that flag; the
holder's own change clears it. Existing accounts start without it.

Revision ID: 0009_password_change
Revises: 0008_tie_decisions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_password_change"
down_revision = "0008_tie_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (batch mode needs no copy of the table for it), so no trigger of
    # app_user or of another table is dropped on the way.
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("must_change_password", sa.Boolean(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
