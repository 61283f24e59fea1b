"""The committee's decisions on complete ties at the vacancy boundary (issue #10 §3).

When participants of a formation are equal on every ranking key across the last seat of the
final stage, no rule of PermenPANRB 6/2024 separates them any more: the committee decides, in
a meeting with its minutes (berita acara), who takes the remaining seat(s). ``tie_decision``
keeps that decision per stage and formation: the tied ``group`` it was made for, the
``winners``, the ``reason`` and the meeting's ``reference``. A decision applies only while
the tie it decided is still the same group (a corrected score can dissolve or change it).

A decision moves results, so its rows stamp the formation's revision like scores do (0006):
the rankings cache and the announcement guard see it.

Revision ID: 0008_tie_decisions
Revises: 0007_anchors
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.dialect import SQLITE_NOW, create_trigger, drop_trigger, table_of

revision = "0008_tie_decisions"
down_revision = "0007_anchors"
branch_labels = None
depends_on = None

NOW = SQLITE_NOW
STAMP = f"max(revision + 1, {NOW})"

TRIGGERS: dict[str, str] = {
    "tie_decision_insert": "AFTER INSERT ON tie_decision BEGIN"
    f" UPDATE formation SET revision = {STAMP} WHERE id = NEW.formation_id; END",
    "tie_decision_update": "AFTER UPDATE ON tie_decision BEGIN"
    f" UPDATE formation SET revision = {STAMP} WHERE id IN (OLD.formation_id, NEW.formation_id);"
    " END",
    "tie_decision_delete": "AFTER DELETE ON tie_decision BEGIN"
    f" UPDATE formation SET revision = {STAMP} WHERE id = OLD.formation_id; END",
}


def upgrade() -> None:
    op.create_table(
        "tie_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("formation_id", sa.Integer(), nullable=False),
        sa.Column("tied", sa.Text(), nullable=False),
        sa.Column("winners", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(), nullable=False),
        sa.Column("decided_by", sa.String(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["formation_id"],
            ["formation.id"],
            name=op.f("fk_tie_decision_formation_id_formation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["stage.id"],
            name=op.f("fk_tie_decision_stage_id_stage"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tie_decision")),
        sa.UniqueConstraint(
            "stage_id", "formation_id", name=op.f("uq_tie_decision_stage_id_formation_id")
        ),
    )
    for name, body in TRIGGERS.items():
        create_trigger(f"revision_{name}", body)


def downgrade() -> None:
    for name, body in TRIGGERS.items():
        drop_trigger(f"revision_{name}", table_of(body))
    op.drop_table("tie_decision")
