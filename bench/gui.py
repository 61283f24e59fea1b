"""How long the window's big views take to show a 100k-participant selection (issue #3).

Builds (or reuses) a CPNS demo database of the given size, then, offscreen, times from
creating each page until its table holds every row, and one full repaint of the visible
rows while scrolling to the middle.

The second table is the rankings view after one saved score (issue #8: at most 50 ms): a
CAT_SKB value is saved through the service, its ``Changes`` broadcast as the score-entry
page does, and the time is taken until the table shows the new ranking. The page waits
``COALESCE_MS`` on purpose before it asks (scores typed in a row make one refresh), so the
work is given apart: the ranking read off the GUI thread, and the table's update on it.

    QT_QPA_PLATFORM=offscreen python -m bench.gui [--participants 100000] [--db FILE]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.database import Database
    from app.ui.context import AppContext
    from app.ui.pages.rankings.loading import LoadedRanking, LoadRequest
    from app.ui.pages.rankings.page import RankingsPage

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(done: object, timeout: float = 60.0) -> None:
    """Run the event loop until ``done()``; a QEventLoop, not a processEvents() spin."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    timer = QTimer()
    timer.setInterval(5)

    def check() -> None:
        if done() or time.perf_counter() > deadline:  # type: ignore[operator]
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()

    from app.services.actor import Actor
    from app.services.demo import create_demo
    from app.services.opening import open_database
    from app.services.selections import list_selections, resolve_selection

    path = args.db or Path(tempfile.mkdtemp(prefix="seleksi-gui-bench-")) / "bench.db"
    fresh = not path.exists()
    db = open_database(path)
    admin = Actor("bench", "admin")
    if fresh:
        started = time.perf_counter()
        create_demo(db, admin, "cpns-2024", participants=args.participants, seed=5)
        seconds = time.perf_counter() - started
        print(f"demo of {args.participants:,} participants built in {seconds:.1f} s")
    selection = next(s for s in list_selections(db) if s.id == resolve_selection(db, None).id)

    from app.ui.app import create_application
    from app.ui.context import AppContext
    from app.ui.pages.participants import ParticipantsPage
    from app.ui.pages.rankings import RankingsPage

    application = create_application()
    context = AppContext(db, admin, selection.id)
    print("| view | rows | shown after | repaint while scrolling |")
    print("|---|---:|---:|---:|")
    for title, factory in (("Peserta", ParticipantsPage), ("Peringkat", RankingsPage)):
        started = time.perf_counter()
        page = factory(context)
        page.resize(1366, 700)
        page.show()
        model = page.model
        _wait(lambda m=model: m.rowCount() > 0)
        shown = time.perf_counter() - started
        table = page.table
        table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
        started = time.perf_counter()
        table.viewport().repaint()
        repaint = time.perf_counter() - started
        print(f"| {title} | {model.rowCount():,} | {shown:.2f} s | {repaint * 1000:.0f} ms |")
        if factory is RankingsPage and page.stage_box.count() > 1:
            # The first stage lists every participant: the heaviest ranking view.
            started = time.perf_counter()
            page.stage_box.setCurrentIndex(0)
            page.stage_box.activated.emit(0)  # as a user choosing it
            _wait(lambda m=model: m.rowCount() >= selection.participants * 0.9)
            shown = time.perf_counter() - started
            started = time.perf_counter()
            table.viewport().repaint()
            repaint = time.perf_counter() - started
            print(
                f"| {title} (SKD) | {model.rowCount():,} | {shown:.2f} s "
                f"| {repaint * 1000:.0f} ms |"
            )
        if isinstance(page, RankingsPage):
            _refresh_after_one_score(page, context, selection.id)
        page.close()
        page.deleteLater()
        application.processEvents()
    db.close()


def _refresh_after_one_score(
    page: RankingsPage, context: AppContext, selection_id: int, runs: int = 7
) -> None:
    """The final stage on screen; one saved score at a time, until the table shows it."""
    import statistics

    from app.services.actor import Actor
    from app.services.score_entry import save_score
    from app.ui.pages.rankings import loading
    from app.ui.pages.rankings.page import COALESCE_MS

    last = page.stage_box.count() - 1
    page.stage_box.setCurrentIndex(last)
    page.stage_box.activated.emit(last)
    _wait(lambda: not page.is_busy() and page.model.view.ranking is not None)
    row = next(r for r in page.model.view.rows if r.values.get("CAT_SKB") is not None)
    worker: list[float] = []
    applied: list[float] = []
    original_load = loading.load_ranking
    original_apply = page._apply

    def load(database: Database, request: LoadRequest) -> LoadedRanking:
        started = time.perf_counter()
        try:
            return original_load(database, request)
        finally:
            worker.append(time.perf_counter() - started)

    def apply(loaded: LoadedRanking) -> None:
        started = time.perf_counter()
        original_apply(loaded)
        applied.append(time.perf_counter() - started)

    loading.load_ranking = load  # the page looks it up at every load
    page._apply = apply
    shown: list[float] = []
    try:
        for run in range(runs):
            value = ("300", "301")[run % 2]
            change = save_score(
                context.database,
                Actor("bench", "admin"),
                selection_id,
                row.number,
                "CAT_SKB",
                value,
                reason="bench",
            )
            view = page.model.view
            started = time.perf_counter()
            context.changes.broadcast(change.changes)
            _wait(lambda v=view: page.model.view is not v and not page.is_busy())
            shown.append(time.perf_counter() - started)
    finally:
        loading.load_ranking = original_load
        page._apply = original_apply
    ms = [1000 * statistics.median(x) for x in (shown, worker[-runs:], applied[-runs:])]
    print()
    print(f"| after one saved score ({page.model.rowCount():,} rows, median of {runs}) | ms |")
    print("|---|---:|")
    print(f"| change → table shows it, with the {COALESCE_MS} ms wait | {ms[0]:.0f} |")
    print(f"| of which the ranking, off the GUI thread | {ms[1]:.0f} |")
    print(f"| of which the table's update, on the GUI thread | {ms[2]:.0f} |")
    print(f"| work (both) | {ms[1] + ms[2]:.0f} |")


if __name__ == "__main__":
    main()
