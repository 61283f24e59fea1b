"""Every service call the window still makes on the GUI thread, timed at 100k participants.

The window's rule: a call that runs on the GUI thread (``ServiceOp.run_now()`` for one typed
score, one formation row, one mark; the few small reads pages make while building) must stay
below 50 ms, or typing stutters. Everything slower goes through ``QueryOp``/``LiveQuery``.
This builds (or reuses) a CPNS demo selection with the demo generator, times each such call
a few times and prints the median with a verdict; the reads that moved off the GUI thread are
timed too, for reference.

Two more selections of as many participants serve the calls that need another state: the
scheme editor saves a scheme only before any score exists (``save_scheme`` on a selection
with its participants imported and nothing scored), and the review page decides a value two
people typed differently (``resolve_mismatch`` on a selection whose TWK is typed twice). Both
run on the GUI thread (``ServiceOp.run_now``).

    python -m bench.gui_thread [--participants 100000] [--runs 5] [--db FILE]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import statistics
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.demo import generate_demo
from app.scoring import Scheme
from app.services.actor import Actor
from app.services.announcements import list_announcements
from app.services.database import Database
from app.services.demo import create_demo
from app.services.document_settings import document_settings, save_document_settings
from app.services.double_entry import resolve_mismatch
from app.services.errors import UserError
from app.services.finalization import finalization_status, locked_formations
from app.services.formations import list_formations, save_formation
from app.services.marks import mark_participant
from app.services.opening import open_database
from app.services.participants import list_participants
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import compute_ranking
from app.services.scheme_edit import current_scheme, save_scheme, scheme_locked
from app.services.schemes import load_preset_or_file
from app.services.score_entry import known_assessors, restore_scores, save_score, stored_rows
from app.services.selections import (
    create_selection,
    list_selections,
    resolve_selection,
    update_selection,
)
from app.services.sheets import score_sheet
from app.services.users import list_users

LIMIT_MS = 50.0
# Two valid values per component (TWK counts in fives), alternated run by run.
VALUES = {"TWK": ("60", "65"), "CAT_SKB": ("300", "301"), "PRAKTIK": ("70", "71")}
ADMIN = Actor("bench", "admin")
# The two people who type a double-entry value, each their own round.
TYPISTS = (Actor("entri-1", "operator"), Actor("entri-2", "operator"))
SCHEME_SELECTION = "Bench: skema sebelum nilai"
DOUBLE_SELECTION = "Bench: entri ganda TWK"


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


def _twice(scheme: Scheme, code: str) -> Scheme:
    """The scheme with component ``code`` typed twice (double entry)."""
    stages = tuple(
        dataclasses.replace(
            stage,
            components=tuple(
                dataclasses.replace(c, double_entry=True) if c.code == code else c
                for c in stage.components
            ),
        )
        for stage in scheme.stages
    )
    return dataclasses.replace(scheme, stages=stages)


def ensure_unscored(db: Database, name: str, scheme: Scheme, participants: int) -> int:
    """A selection called ``name``: formations and participants imported, nothing scored."""
    found = next((s for s in list_selections(db) if s.name == name), None)
    if found is not None:
        return found.id
    started = time.perf_counter()
    info = create_selection(db, ADMIN, scheme, name, 2024, "Bench")
    data = generate_demo(scheme, participants=participants, seed=9)
    with tempfile.TemporaryDirectory() as folder:
        for kind, rows, load in (
            ("formasi", data.formations, import_formations),
            ("peserta", data.participants, import_participants),
        ):
            path = Path(folder) / f"{kind}.csv"
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            load(db, ADMIN, info.id, path)
    seconds = time.perf_counter() - started
    print(f"{name}: {participants:,} participants imported in {seconds:.1f} s")
    return info.id


class Calls:
    """The calls, each as the window makes it, on one open database."""

    def __init__(self, db: Database, participants: int) -> None:
        self.db = db
        # The demo selection: the first one made (the others are named for this bench).
        self.selection = min(
            (s for s in list_selections(db) if s.name not in (SCHEME_SELECTION, DOUBLE_SELECTION)),
            key=lambda s: s.id,
        )
        self.sid = self.selection.id
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
        # Finalists not marked yet (a reused database keeps the marks of earlier runs).
        marked = {p.number for p in list_participants(db, self.sid) if p.marks}
        skip = {r.number for r in sheet.rows[:2]} | marked
        # Lists of numbers only: 100k rows kept alive would slow every timed call down (the
        # collector walks them), which the window does not pay.
        finalists = [r.number for r in compute_ranking(db, self.sid).rows if r.number not in skip]
        self.to_mark = iter(finalists)
        self.settings = document_settings(db, self.sid)
        self.last_change: Any = None
        cpns = load_preset_or_file("cpns-2024")
        self.scheme_sid = ensure_unscored(db, SCHEME_SELECTION, cpns, participants)
        self.scheme = current_scheme(db, self.scheme_sid)
        self.double_sid = ensure_unscored(db, DOUBLE_SELECTION, _twice(cpns, "TWK"), participants)
        with db.reading() as connection:  # not typed yet (a reused database has some)
            typed = {
                number
                for (number,) in connection.execute(
                    "SELECT DISTINCT p.number FROM score_draft d JOIN participant p"
                    " ON p.id = d.participant_id WHERE p.selection_id = ?",
                    (self.double_sid,),
                )
            }
        undecided = [r.number for r in list_participants(db, self.double_sid)]
        self.undecided = iter([number for number in undecided if number not in typed])
        self.mismatch = ""

    def save_scheme(self, run: int) -> None:
        """The TIU threshold moved by 5 and back, run by run: every save really writes."""
        tiu = 80 + 5 * (run % 2)
        stages = tuple(
            dataclasses.replace(
                stage,
                components=tuple(
                    dataclasses.replace(c, threshold=Decimal(tiu)) if c.code == "TIU" else c
                    for c in stage.components
                ),
            )
            for stage in self.scheme.stages
        )
        save_scheme(
            self.db, ADMIN, self.scheme_sid, dataclasses.replace(self.scheme, stages=stages)
        )

    def type_twice_apart(self, _run: int) -> None:
        """Untimed: two people type one participant's TWK differently (a mismatch)."""
        self.mismatch = next(self.undecided)
        for typist, value in zip(TYPISTS, ("60", "65"), strict=True):
            save_score(self.db, typist, self.double_sid, self.mismatch, "TWK", value)

    def resolve(self, _run: int) -> None:
        resolve_mismatch(
            self.db, ADMIN, self.double_sid, self.mismatch, "TWK", "", "", "60", "bench"
        )

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
                rows.append(
                    (
                        where,
                        "save_scheme (before scores, TIU threshold)",
                        median_ms(self.save_scheme, runs),
                    )
                )
                rows.append(
                    (
                        where,
                        "resolve_mismatch (TWK typed twice apart)",
                        median_ms(self.resolve, runs, prepare=self.type_twice_apart),
                    )
                )
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
        calls = Calls(db, args.participants)
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
