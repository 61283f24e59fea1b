"""The closing provisions of an announcement: objection period, next steps, tembusan.

An official pengumuman (Permendagri 1/2023 on tata naskah dinas; BKN and KemenPANRB practice)
ends with numbered provisions: when and where an objection (sanggah) may be filed, what the
successful participants must do next (pemberkasan, or the SKB schedule after SKD), the
standard statements (data proved false cancels the result, no fees, the committee's decision
is final), and the copies (Tembusan). Issue #11 §1 makes them part of each selection's
document settings, editable in the window; existing settings start with the standard
statements and no objection period.

Revision ID: 0010_closing_provisions
Revises: 0009_password_change
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_closing_provisions"
down_revision = "0009_password_change"
branch_labels = None
depends_on = None


def _columns() -> list[sa.Column]:
    return [
        sa.Column("objection_from", sa.Date(), nullable=True),
        sa.Column("objection_to", sa.Date(), nullable=True),
        sa.Column("objection_place", sa.String(), server_default="", nullable=False),
        sa.Column("next_steps", sa.Text(), server_default="", nullable=False),
        # NULL: the standard statements (the program's wording); a list: the committee's.
        sa.Column("closing", sa.Text(), nullable=True),
        sa.Column("copies_to", sa.Text(), server_default="[]", nullable=False),
    ]


def upgrade() -> None:
    # Plain ADD COLUMNs: no copy of the table, no trigger dropped on the way.
    with op.batch_alter_table("document_settings", schema=None) as batch_op:
        for column in _columns():
            batch_op.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table("document_settings", schema=None) as batch_op:
        for column in reversed(_columns()):
            batch_op.drop_column(column.name)
