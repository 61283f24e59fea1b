"""The results cache at 1k, 10k and 100k participants (CPNS preset, ~100 per formation).

In one process, as the window works: rank the final stage (nothing cached), rank it again
(everything cached), save one SKD score through the score-entry service, rank again (one
formation computed anew). The last ranking is checked against a computation without the
cache. The data is built in process through the same importers as ``bench.run``; building it
is not timed.

    python -m bench.cache [--sizes 1000 10000 100000] [--keep]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from app.services.actor import Actor
from app.services.database import Database
from app.services.opening import open_database
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import compute_ranking
from app.services.ranking_cache import isolated
from app.services.schemes import load_preset_or_file
from app.services.score_entry import save_score
from app.services.scores_import import import_scores
from app.services.selections import create_selection

from .run import apply_marks, prepare

ACTOR = Actor("bench", "admin")
STAGE = "AKHIR"
COMPONENT = "TWK"  # 0–150 in steps of 5 (cpns-2024)


def build(folder: Path, participants: int) -> tuple[Path, int, int]:
    """A scored selection on disk: its file, its id and how many formations it has."""
    formations = max(10, participants // 100)
    files = prepare(folder, participants, formations)
    path = folder / "bench.db"
    db = open_database(path)
    try:
        info = create_selection(db, ACTOR, load_preset_or_file("cpns-2024"), "Bench", 2024)
        import_formations(db, ACTOR, info.id, files["formations"])
        import_participants(db, ACTOR, info.id, files["participants"])
    finally:
        db.close()
    apply_marks(path, files["marks"])  # withdrawals before the SKD scores, as bench.run does
    db = open_database(path)
    try:
        import_scores(db, ACTOR, info.id, files["skd"])
        import_scores(db, ACTOR, info.id, files["akhir"])
    finally:
        db.close()
    return path, info.id, formations


def a_score_to_change(path: Path, selection_id: int) -> tuple[str, str]:
    """A participant's TWK value and another valid one (the bench only reads this way)."""
    with sqlite3.connect(path) as connection:
        number, milli = connection.execute(
            "SELECT p.number, s.value_milli FROM score s JOIN participant p"
            " ON p.id = s.participant_id JOIN component c ON c.id = s.component_id"
            " WHERE p.selection_id = ? AND c.code = ? AND s.value_milli IS NOT NULL"
            " ORDER BY p.number LIMIT 1",
            (selection_id, COMPONENT),
        ).fetchone()
    value = milli // 1000
    return number, str(value - 5 if value >= 5 else value + 5)


def timed(db: Database, selection_id: int) -> tuple[float, list]:
    started = time.perf_counter()
    ranking = compute_ranking(db, selection_id, STAGE)
    return time.perf_counter() - started, ranking.rows


def bench_size(participants: int, keep: bool) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix=f"seleksi-cache-{participants}-"))
    try:
        path, selection_id, formations = build(folder, participants)
        number, value = a_score_to_change(path, selection_id)
        db = open_database(path, full_check=False)
        try:
            with isolated():  # an empty cache, whatever ran before in this process
                cold, _rows = timed(db, selection_id)
                warm, _rows = timed(db, selection_id)
                started = time.perf_counter()
                save_score(
                    db, ACTOR, selection_id, number, COMPONENT, value, reason="bench: koreksi"
                )
                saved = time.perf_counter() - started
                after, rows = timed(db, selection_id)
            with isolated():
                fresh, fresh_rows = timed(db, selection_id)
        finally:
            db.close()
        return {
            "participants": participants,
            "formations": formations,
            "rows": len(rows),
            "cold": cold,
            "warm": warm,
            "save": saved,
            "after": after,
            "fresh": fresh,
            "same": rows == fresh_rows,
        }
    finally:
        if keep:
            print(f"kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()
    results = [bench_size(size, args.keep) for size in args.sizes]
    print(
        f"Seleksi ASN results cache, {date.today()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print(
        f"| participants | formations | {STAGE} rows | first ranking | again (cached) "
        "| save one score | ranking after it | without cache | same rows |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|:---:|")
    for r in results:
        print(
            f"| {r['participants']:,} | {r['formations']:,} | {r['rows']:,} "
            f"| {r['cold']:.3f} s | {r['warm']:.3f} s | {r['save']:.3f} s "
            f"| {r['after']:.3f} s | {r['fresh']:.3f} s | {'yes' if r['same'] else 'NO'} |"
        )
    if not all(r["same"] for r in results):
        raise SystemExit("the cached ranking differs from a fresh one")


if __name__ == "__main__":
    main()
