"""Document settings per selection and issued announcements (issue 4).

Revision ID: 0003_documents
Revises: 0002_score_lookup
Create Date: 2026-11-30 00:32:05.802581
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.dialect import create_trigger, drop_trigger

revision = "0003_documents"
down_revision = "0002_score_lookup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_settings",
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("government", sa.String(), nullable=False),
        sa.Column("office", sa.String(), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("opening", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("signatory_title", sa.String(), nullable=False),
        sa.Column("signatory_name", sa.String(), nullable=False),
        sa.Column("signatory_nip", sa.String(), nullable=False),
        sa.Column("signatory_prefix", sa.String(), nullable=False),
        sa.Column("signature_image", sa.LargeBinary(), nullable=True),
        sa.Column("stamp_image", sa.LargeBinary(), nullable=True),
        sa.Column("committee", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_document_settings_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("selection_id", name=op.f("pk_document_settings")),
    )
    op.create_table(
        "announcement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("signatory", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("snapshot_sha256", sa.String(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(), nullable=False),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["announcement.id"],
            name=op.f("fk_announcement_replaces_id_announcement"),
        ),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_announcement_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"], ["stage.id"], name=op.f("fk_announcement_stage_id_stage")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcement")),
        sa.UniqueConstraint("document_id", name=op.f("uq_announcement_document_id")),
    )
    # An issued announcement is never edited nor removed: a correction is a new announcement
    # naming the one it replaces. The database itself refuses, whatever program writes to it.
    for action in ("UPDATE", "DELETE"):
        create_trigger(
            f"announcement_no_{action.lower()}",
            f"BEFORE {action} ON announcement"
            " BEGIN SELECT RAISE(ABORT, 'pengumuman yang sudah terbit tidak dapat diubah'); END",
        )


def downgrade() -> None:
    drop_trigger("announcement_no_update", "announcement")
    drop_trigger("announcement_no_delete", "announcement")
    op.drop_table("announcement")
    op.drop_table("document_settings")
