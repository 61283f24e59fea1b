"""The committee's tie decisions as the ranking rules take them (``services/ties.py`` writes
them). Apart from that module so the ranking reads them without importing the writer."""

from __future__ import annotations

import json
import sqlite3

from app.scoring.ties import TieDecision


def read_decisions(
    connection: sqlite3.Connection, selection_id: int, stage_code: str
) -> dict[str, TieDecision]:
    """The decisions of a stage by formation code, as the ranking rules take them."""
    rows = connection.execute(
        "SELECT f.code, d.tied, d.winners, d.reference FROM tie_decision d"
        " JOIN stage s ON s.id = d.stage_id JOIN formation f ON f.id = d.formation_id"
        " WHERE s.selection_id = ? AND s.code = ?",
        (selection_id, stage_code),
    ).fetchall()
    return {
        code: TieDecision(
            tied=frozenset(json.loads(tied)),
            winners=frozenset(json.loads(winners)),
            reference=reference,
        )
        for code, tied, winners, reference in rows
    }
