"""Printed forms registered for verification (issue #11 §3).

Score sheets, attendance lists, minutes and result slips carry a document id and a QR code,
but nothing recorded them, so a page held up by a participant could not be checked. Each one
printed or saved is now recorded: its id, the PDF's SHA-256 and what it shows. Like an issued
announcement, a record is never edited nor removed.

Revision ID: 0011_printed_documents
Revises: 0010_closing_provisions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.dialect import create_trigger, drop_trigger

revision = "0011_printed_documents"
down_revision = "0010_closing_provisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "printed_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("shows", sa.Text(), nullable=False),
        sa.Column("pdf_sha256", sa.String(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_printed_document_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printed_document")),
        sa.UniqueConstraint("document_id", name=op.f("uq_printed_document_document_id")),
    )
    for action in ("UPDATE", "DELETE"):
        create_trigger(
            f"printed_document_no_{action.lower()}",
            f"BEFORE {action} ON printed_document BEGIN SELECT RAISE(ABORT,"
            " 'dokumen tercetak yang sudah terdaftar tidak dapat diubah'); END",
        )


def downgrade() -> None:
    drop_trigger("printed_document_no_update", "printed_document")
    drop_trigger("printed_document_no_delete", "printed_document")
    op.drop_table("printed_document")
