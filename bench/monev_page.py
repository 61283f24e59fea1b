"""The Monev page after the evaluation, and the report (issue #13: the page opens ≤ 1 s after
the evaluation).

The benchmark's CPNS selection (``bench.run``'s files, 100 participants a formation) is
imported through the commands, untimed. Then, in one process and offscreen: the page's load
(``report_figures`` and the findings, what runs off the GUI thread), the page filled from it
on the GUI thread (every tab: charts and tables), a switch of the stage shown, and the
Laporan Monitoring dan Evaluasi rendered from the same figures.

    QT_QPA_PLATFORM=offscreen python -m bench.monev_page [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.run import apply_marks, prepare, run

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bench_size(participants: int) -> tuple[float, float, float, float, int]:
    from app.services.actor import Actor
    from app.services.opening import open_database
    from app.ui.app import create_application
    from app.ui.context import AppContext
    from app.ui.pages.monev import MonevPage
    from app.ui.pages.monev.loading import MonevRequest, export_report, load_evaluation

    folder = Path(tempfile.mkdtemp(prefix=f"seleksi-bench-monev-{participants}-"))
    try:
        files = prepare(folder, participants, max(10, participants // 100))
        db_path = folder / "bench.db"
        for command in (
            ["init", "--scheme", "cpns-2024", "--name", "Bench"],
            ["import", "formations", str(files["formations"])],
            ["import", "participants", str(files["participants"])],
        ):
            run(["--db", str(db_path), *command])
        apply_marks(db_path, files["marks"])
        for name in ("skd", "akhir"):
            run(["--db", str(db_path), "import", "scores", str(files[name])])
        create_application()
        db = open_database(db_path, full_check=False)
        try:
            selection_id = 1
            started = time.perf_counter()
            loaded = load_evaluation(db, MonevRequest(0, selection_id, None, None, "1275"))
            computed = time.perf_counter() - started
            page = MonevPage(AppContext(db, Actor("admin", "admin"), selection_id))
            page.resize(1366, 700)
            started = time.perf_counter()
            page._loaded(loaded)  # what the page does on the GUI thread when the load reports
            filled = time.perf_counter() - started
            started = time.perf_counter()
            page.choose(stage="SKD")
            switched = time.perf_counter() - started
            started = time.perf_counter()
            _path, pages = export_report(db, loaded, "", folder / "laporan.pdf")
            report = time.perf_counter() - started
            page.deleteLater()
        finally:
            db.close()
        return computed, filled, switched, report, pages
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    print(
        f"Seleksi ASN Monev page and report, {date.today().isoformat()}, {platform.machine()},"
        f" {os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print("| participants | load (worker) | page filled | stage switch | report PDF |")
    print("|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        computed, filled, switched, report, pages = bench_size(size)
        print(
            f"| {size:,} | {computed:.2f} s | {filled * 1000:.0f} ms | {switched * 1000:.0f} ms"
            f" | {report:.2f} s ({pages} pages) |"
        )


if __name__ == "__main__":
    main()
