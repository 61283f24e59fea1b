"""How the services' SQLite SQL is read by a PostgreSQL server (``server_database.to_postgres``)."""

from __future__ import annotations

import pytest

from app.services.server_database import to_postgres


@pytest.mark.parametrize(
    ("sqlite", "postgres"),
    [
        ("SELECT id FROM t WHERE a = ? AND b = ?", "SELECT id FROM t WHERE a = %s AND b = %s"),
        # A question mark or a percent sign inside a literal is text, not a parameter.
        ("SELECT '?' || ? FROM t WHERE x LIKE 'a%'", "SELECT '?' || %s FROM t WHERE x LIKE 'a%'"),
        ("SELECT value_milli % 1000 FROM score", "SELECT value_milli %% 1000 FROM score"),
        (
            "SELECT value FROM json_each(?)",
            "SELECT value FROM json_array_elements_text(CAST(%s AS json)) AS json_each(value)",
        ),
        (
            "SELECT json_group_array(p.id), json_group_array(json_array(a, b)) FROM p",
            "SELECT COALESCE(CAST(json_agg(p.id) AS text), '[]'),"
            " COALESCE(CAST(json_agg(json_build_array(a, b)) AS text), '[]') FROM p",
        ),
        (
            "SELECT json_array_length(a.snapshot, '$.rows') FROM announcement a",
            "SELECT json_array_length(CAST(a.snapshot AS json) -> 'rows') FROM announcement a",
        ),
        (
            "INSERT OR IGNORE INTO t (a) VALUES (?)",
            "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING",
        ),
        (
            "SELECT 1 FROM score_draft d CROSS JOIN participant p ON p.id = d.participant_id",
            "SELECT 1 FROM score_draft d JOIN participant p ON p.id = d.participant_id",
        ),
    ],
)
def test_sqlite_idioms_become_postgres_ones(sqlite: str, postgres: str) -> None:
    assert to_postgres(sqlite) == postgres
