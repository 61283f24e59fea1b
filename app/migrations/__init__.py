"""Alembic environment and versions; a database is upgraded to ``HEAD`` when it is opened.

``REVISIONS`` lists every revision in order so opening an up-to-date file does not have to
import Alembic (CLI start-up time); a test keeps it equal to Alembic's own view.
"""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent
REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_score_lookup",
    "0003_documents",
    "0004_audit",
    "0005_trust",
    "0006_revisions",
    "0007_anchors",
    "0008_tie_decisions",
    "0009_password_change",
    "0010_closing_provisions",
    "0011_printed_documents",
    "0012_announcement_contents_last",
    "0013_devices",
    "0014_performance",
    "0015_recommendations",
    "0016_policy_drafts",
)
HEAD = REVISIONS[-1]
