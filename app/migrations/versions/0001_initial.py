"""Initial schema: selections with their scheme, formations, participants, scores, users.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-30 00:05:24.361474
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.dialect import is_sqlite

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

APPLICATION_ID = 0x5341534E  # 'SASN'


def upgrade() -> None:
    # Marks the file as a Seleksi ASN database, so opening a foreign file is refused.
    if is_sqlite():  # a server database is found by its URL, not recognised by its header
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("password_hash", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "selection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("instansi", sa.String(), nullable=False),
        sa.Column("scheme_code", sa.String(), nullable=False),
        sa.Column("scheme_name", sa.String(), nullable=False),
        sa.Column("scheme_source", sa.String(), nullable=False),
        sa.Column("regional", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selection")),
    )
    op.create_table(
        "formation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position_title", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("education", sa.String(), nullable=False),
        sa.Column("quota", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_formation_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_formation")),
        sa.UniqueConstraint("selection_id", "code", name=op.f("uq_formation_selection_id_code")),
    )
    op.create_table(
        "stage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("quota_multiplier", sa.Integer(), nullable=False),
        sa.Column("integrates", sa.String(), nullable=True),
        sa.Column("integrate_weight", sa.String(length=40), nullable=False),
        sa.Column("ranking", sa.Text(), nullable=False),
        sa.Column("codes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_stage_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage")),
        sa.UniqueConstraint("selection_id", "code", name=op.f("uq_stage_selection_id_code")),
    )
    op.create_table(
        "component",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("minimum", sa.String(length=40), nullable=False),
        sa.Column("maximum", sa.String(length=40), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.Column("weight", sa.String(length=40), nullable=False),
        sa.Column("threshold", sa.String(length=40), nullable=True),
        sa.Column("assessors", sa.Integer(), nullable=False),
        sa.Column("aspects", sa.Text(), nullable=False),
        sa.Column("allowed_values", sa.Text(), nullable=False),
        sa.Column("passing_values", sa.Text(), nullable=False),
        sa.Column("affirmation", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["stage_id"], ["stage.id"], name=op.f("fk_component_stage_id_stage"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_component")),
        sa.UniqueConstraint("stage_id", "code", name=op.f("uq_component_stage_id_code")),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("formation_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("nik", sa.String(), nullable=False),
        sa.Column("education", sa.String(), nullable=False),
        sa.Column("ipk", sa.String(length=40), nullable=True),
        sa.Column("priority_group", sa.Integer(), nullable=True),
        sa.Column("affirmation_percent", sa.String(length=40), nullable=True),
        sa.Column("session", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["formation_id"], ["formation.id"], name=op.f("fk_participant_formation_id_formation")
        ),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_participant_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
        sa.UniqueConstraint(
            "selection_id", "number", name=op.f("uq_participant_selection_id_number")
        ),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_formation_id"), ["formation_id"], unique=False
        )

    op.create_table(
        "participant_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_participant_mark_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"], ["stage.id"], name=op.f("fk_participant_mark_stage_id_stage")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant_mark")),
    )
    with op.batch_alter_table("participant_mark", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_mark_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("assessor", sa.String(), nullable=False),
        sa.Column("aspect", sa.String(), nullable=False),
        sa.Column("value_milli", sa.Integer(), nullable=True),
        sa.Column("value_text", sa.String(), nullable=True),
        sa.Column("absent", sa.Boolean(), nullable=False),
        sa.Column("entered_by", sa.String(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"], ["component.id"], name=op.f("fk_score_component_id_component")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_score_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score")),
        sa.UniqueConstraint(
            "participant_id",
            "component_id",
            "assessor",
            "aspect",
            name=op.f("uq_score_participant_id_component_id_assessor_aspect"),
        ),
    )
    with op.batch_alter_table("score", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_score_component_id"), ["component_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_score_component_id"))

    op.drop_table("score")
    with op.batch_alter_table("participant_mark", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_mark_participant_id"))

    op.drop_table("participant_mark")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_formation_id"))

    op.drop_table("participant")
    op.drop_table("component")
    op.drop_table("stage")
    op.drop_table("formation")
    op.drop_table("selection")
    op.drop_table("app_user")
