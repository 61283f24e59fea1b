"""Every service call the window still makes on the GUI thread, timed at 100k participants.

The window's rule: a call that runs on the GUI thread (``ServiceOp.run_now()`` for one typed
score, one formation row, one mark; the few small reads pages make while building) must stay
below 50 ms, or typing stutters. Everything slower goes through ``QueryOp``/``LiveQuery``.
This builds (or reuses) a CPNS demo selection with the demo generator, times each such call
a few times and prints the median with a verdict; the reads that moved off the GUI thread are
timed too, for reference.

    python -m bench.gui_thread [--participants 100000] [--runs 5] [--db FILE]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.services.actor import Actor
from app.services.announcements import list_announcements
from app.services.database import Database
from app.services.demo import create_demo
from app.services.document_settings import document_settings, save_document_settings
from app.services.errors import UserError
from app.services.finalization import finalization_status, locked_formations
from app.services.formations import list_formations, save_formation
from app.services.marks import mark_participant
from app.services.opening import open_database
from app.services.participants import list_participants
from app.services.ranking import compute_ranking
from app.services.scheme_edit import current_scheme, scheme_locked
from app.services.score_entry import known_assessors, restore_scores, save_score, stored_rows
from app.services.selections import list_selections, resolve_selection, update_selection
from app.services.sheets import score_sheet
from app.services.users import list_users

LIMIT_MS = 50.0
# Two valid values per component (TWK counts in fives), alternated run by run.
VALUES = {"TWK": ("60", "65"), "CAT_SKB": ("300", "301"), "PRAKTIK": ("70", "71")}
ADMIN = Actor("bench", "admin")


def median_ms(
    call: Callable[[int], Any], runs: int, prepare: Callable[[int], Any] | None = None
) -> float:
    """``call(run)`` ``runs`` times (after one warm-up), the median in milliseconds;
    ``prepare(run)`` runs before each call, untimed."""
    times = []
    for run in range(-1, runs):  # run -1 warms up: it pays for what later runs share
        if prepare is not None:
            prepare(run)
        started = time.perf_counter()
        call(run)
        if run >= 0:
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def build(path: Path, participants: int) -> None:
    db = open_database(path)
    try:
        started = time.perf_counter()
        create_demo(db, ADMIN, "cpns-2024", participants=participants, seed=5)
        seconds = time.perf_counter() - started
        print(f"demo of {participants:,} participants built in {seconds:.1f} s")
    finally:
        db.close()


class Calls:
    """The calls, each as the window makes it, on one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sid = resolve_selection(db, None).id
        self.selection = next(s for s in list_selections(db) if s.id == self.sid)
        scheme = current_scheme(db, self.sid)
        self.last_stage = scheme.stages[-1].code
        formation = list_formations(db, self.sid)[0]
        self.formation = formation
        # A participant who reached the last stage: SKB scores are accepted only for them.
        skb = score_sheet(db, self.sid, "CAT_SKB", formation=formation.code)
        self.skb_number = skb.rows[0].number
        praktik = next(c for s in scheme.stages for c in s.components if c.code == "PRAKTIK")
        self.assessor = known_assessors(db, self.sid, "PRAKTIK")[0]
        sheet = score_sheet(db, self.sid, "PRAKTIK", self.assessor, formation.code)
        self.praktik_number = sheet.rows[1].number
        self.praktik_aspect = sheet.columns[0].key
        self.praktik = praktik
        self.skd_number = score_sheet(db, self.sid, "TWK", formation=formation.code).rows[0].number
        others = [r.number for r in sheet.rows[2:] if not r.absent]
        self.to_mark = iter(others)
        self.settings = document_settings(db, self.sid)
        self.last_change: Any = None

    def save(self, number: str, component: str, run: int, **extra: Any) -> None:
        value = VALUES[component][run % 2]  # alternates, so every run really writes
        self.last_change = save_score(
            self.db, ADMIN, self.sid, number, component, value, reason="bench", **extra
        )

    def table(self, runs: int) -> list[tuple[str, str, float]]:
        db, sid, f = self.db, self.sid, self.formation
        writes: list[tuple[str, Callable[[int], Any]]] = [
            ("save_score (SKD cell, TWK)", lambda r: self.save(self.skd_number, "TWK", r)),
            ("save_score (SKB cell, CAT_SKB)", lambda r: self.save(self.skb_number, "CAT_SKB", r)),
            (
                "save_score (PRAKTIK aspect)",
                lambda r: self.save(
                    self.praktik_number,
                    "PRAKTIK",
                    r,
                    assessor=self.assessor,
                    aspect=self.praktik_aspect,
                ),
            ),
            (
                "mark_participant (APS, last stage)",
                lambda r: mark_participant(
                    db, ADMIN, sid, next(self.to_mark), "APS", "bench", self.last_stage
                ),
            ),
            (
                "update_selection",
                lambda r: update_selection(
                    db, ADMIN, sid, f"{self.selection.name} {r % 2}", 2024, "Bench"
                ),
            ),
            (
                "save_formation",
                lambda r: save_formation(
                    db,
                    ADMIN,
                    sid,
                    f.code,
                    f"{f.position_title} {r % 2}",
                    f.unit,
                    f.education,
                    f.quota,
                    formation_id=f.id,
                ),
            ),
            (
                "save_document_settings",
                lambda r: save_document_settings(db, ADMIN, sid, self.settings),
            ),
        ]
        reads: list[tuple[str, Callable[[int], Any]]] = [
            ("scheme_locked", lambda r: scheme_locked(db, sid)),
            ("current_scheme", lambda r: current_scheme(db, sid)),
            ("list_formations", lambda r: list_formations(db, sid)),
            ("resolve_selection", lambda r: resolve_selection(db, sid)),
            ("list_selections", lambda r: list_selections(db)),
            ("list_users", lambda r: list_users(db)),
            ("document_settings", lambda r: document_settings(db, sid)),
            ("list_announcements", lambda r: list_announcements(db, sid)),
            ("known_assessors (PRAKTIK)", lambda r: known_assessors(db, sid, "PRAKTIK")),
            (
                "stored_rows (one participant)",
                lambda r: stored_rows(db, sid, self.skd_number, "TWK", ""),
            ),
            ("finalization_status (SKD)", lambda r: finalization_status(db, sid, "SKD")),
            ("locked_formations (SKD)", lambda r: locked_formations(db, sid, "SKD")),
        ]
        background: list[tuple[str, Callable[[int], Any]]] = [
            ("score_sheet('TWK')", lambda r: score_sheet(db, sid, "TWK")),
            ("list_participants", lambda r: list_participants(db, sid)),
            ("compute_ranking (last stage)", lambda r: compute_ranking(db, sid)),
        ]
        rows = []
        for where, calls in (("GUI thread", writes), ("GUI thread", reads)):
            for name, call in calls:
                rows.append((where, name, median_ms(call, runs)))
            if calls is writes:
                # Ctrl+Z right after Enter: each undo undoes a fresh save (untimed).
                undo = median_ms(
                    lambda r: restore_scores(db, ADMIN, self.last_change, undo=True),
                    runs,
                    prepare=lambda r: self.save(self.skd_number, "TWK", r),
                )
                rows.append((where, "restore_scores (undo of a TWK save)", undo))
        for name, call in background:
            rows.append(("off the GUI thread", name, median_ms(call, runs)))
        return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database file")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="seleksi-gui-thread-")) / "bench.db"
    if not path.exists():
        build(path, args.participants)
    db = open_database(path)
    try:
        calls = Calls(db)
        print(f"{calls.selection.participants:,} participants, median of {args.runs} runs")
        print("| where | call | median | ≤ 50 ms |")
        print("|---|---|---:|:---:|")
        for where, name, ms in calls.table(args.runs):
            verdict = "yes" if ms <= LIMIT_MS else "NO"
            if where != "GUI thread":
                verdict = "(background)"
            print(f"| {where} | {name} | {ms:.1f} ms | {verdict} |")
    except UserError as error:
        raise SystemExit(error.text()) from error
    finally:
        db.close()


if __name__ == "__main__":
    main()
