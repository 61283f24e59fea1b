"""An announcement's snapshot and PDF become the last columns of its row (issue #8).

An announcement is stored by reserving its snapshot and PDF as zero-filled values of their
exact size in the INSERT and writing them from their files afterwards (blob I/O). SQLite
keeps such a reservation as a bare count only when nothing but reservations follows it in
the row; with the hashes, the flags and the dates after them, the INSERT built the whole
row in memory: 47 MB at the peak of a signed 100k-row announcement. The table is rebuilt
with the same columns, constraints and triggers, the two contents at the end, and every
row copied as it is.

The copy follows SQLite's own recipe for rebuilding a table, in this one transaction and
with foreign keys kept on: the old table is renamed away first (its self-reference to the
replaced announcement moves with it), the new one created under the real name, the rows
copied in id order (a correction always comes after what it replaces), the old table
dropped. Column order means nothing to PostgreSQL, where this does nothing.

Revision ID: 0012_announcement_contents_last
Revises: 0011_printed_documents
"""

from __future__ import annotations

from alembic import op

from app.migrations.guards import GUARDS

revision = "0012_announcement_contents_last"
down_revision = "0011_printed_documents"
branch_labels = None
depends_on = None

LEADING = (
    "id INTEGER NOT NULL",
    "selection_id INTEGER NOT NULL",
    "stage_id INTEGER NOT NULL",
    "document_id VARCHAR NOT NULL",
    "number VARCHAR NOT NULL",
    "issued_on DATE NOT NULL",
    "subject TEXT NOT NULL",
    "signatory TEXT NOT NULL",
)
HASHES = ("snapshot_sha256 VARCHAR NOT NULL", "pdf_sha256 VARCHAR NOT NULL")
TRAILING = (
    "signed BOOLEAN NOT NULL",
    "replaces_id INTEGER",
    "created_by VARCHAR NOT NULL",
    "created_at DATETIME NOT NULL",
)
CONTENTS = ("snapshot TEXT NOT NULL", "pdf BLOB NOT NULL")
CONSTRAINTS = (
    "CONSTRAINT pk_announcement PRIMARY KEY (id)",
    "CONSTRAINT fk_announcement_replaces_id_announcement FOREIGN KEY(replaces_id)"
    " REFERENCES announcement (id)",
    "CONSTRAINT fk_announcement_selection_id_selection FOREIGN KEY(selection_id)"
    " REFERENCES selection (id) ON DELETE CASCADE",
    "CONSTRAINT fk_announcement_stage_id_stage FOREIGN KEY(stage_id) REFERENCES stage (id)",
    "CONSTRAINT uq_announcement_document_id UNIQUE (document_id)",
)

CONTENTS_LAST = (*LEADING, *HASHES, *TRAILING, *CONTENTS)
"""The order from this revision on."""

AS_CREATED = (
    *LEADING,
    CONTENTS[0],
    HASHES[0],
    CONTENTS[1],
    HASHES[1],
    *TRAILING,
)
"""The order of revision 0003, for the downgrade."""


def _rebuild(columns: tuple[str, ...]) -> None:
    """Rebuild ``announcement`` with ``columns`` in this order, rows and triggers kept."""
    if op.get_bind().dialect.name != "sqlite":
        return
    names = ", ".join(column.split()[0] for column in columns)
    for action in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS announcement_no_{action}")
    op.execute("ALTER TABLE announcement RENAME TO announcement_before_0012")
    body = ",\n\t".join((*columns, *CONSTRAINTS))
    op.execute(f"CREATE TABLE announcement (\n\t{body}\n)")
    op.execute(
        f"INSERT INTO announcement ({names})"
        f" SELECT {names} FROM announcement_before_0012 ORDER BY id"
    )
    op.execute("DROP TABLE announcement_before_0012")
    # As revision 0003 made them: an issued announcement is never edited nor removed.
    for guard in GUARDS:
        if guard.name.startswith("announcement_"):
            op.execute(guard.sql)


def upgrade() -> None:
    _rebuild(CONTENTS_LAST)


def downgrade() -> None:
    _rebuild(AS_CREATED)
