"""How long the window's big views take to show a 100k-participant selection (issue #3).

Builds (or reuses) a CPNS demo database of the given size, then, offscreen, times from
creating each page until its table holds every row, and one full repaint of the visible
rows while scrolling to the middle.

    QT_QPA_PLATFORM=offscreen python -m bench.gui [--participants 100000] [--db FILE]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

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
        page.close()
        page.deleteLater()
        application.processEvents()
    db.close()


if __name__ == "__main__":
    main()
