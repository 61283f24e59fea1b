"""The evaluation of a selection at 1k/10k/100k (issue #13: the whole evaluation ≤ 5 s).

The benchmark's CPNS selection (``bench.run``'s files, 100 participants a formation) is
imported through the commands, untimed; then ``seleksi evaluate --json`` in a fresh process
(start-up, the rankings of both stages cold, every figure), and the same again with the
results kept beside the file.

    python -m bench.evaluation [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
from datetime import date
from pathlib import Path

from bench.run import apply_marks, forget_kept_results, prepare, run, run_timed


def bench_size(participants: int) -> tuple[tuple[float, float, int], tuple[float, float, int]]:
    folder = Path(tempfile.mkdtemp(prefix=f"seleksi-bench-evaluation-{participants}-"))
    try:
        files = prepare(folder, participants, max(10, participants // 100))
        db = str(folder / "bench.db")
        for command in (
            ["init", "--scheme", "cpns-2024", "--name", "Bench"],
            ["import", "formations", str(files["formations"])],
            ["import", "participants", str(files["participants"])],
        ):
            run(["--db", db, *command])
        apply_marks(Path(db), files["marks"])
        for name in ("skd", "akhir"):
            run(["--db", db, "import", "scores", str(files[name])])
        out = str(folder / "hasil.json")
        forget_kept_results(Path(db))
        cold = run_timed(["--db", db, "evaluate", "--json", out, "--local-code", "1275"])
        warm = run_timed(["--db", db, "evaluate", "--json", out, "--local-code", "1275"])
        return cold, warm
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    print(
        f"Seleksi ASN evaluation, {date.today().isoformat()}, {platform.machine()},"
        f" {os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print("| participants | evaluate, cold | evaluate, results kept |")
    print("|---:|---:|---:|")
    for size in args.sizes:
        cold, warm = bench_size(size)
        print(
            f"| {size:,} | {cold[0]:.2f} s ({cold[1]:.2f}), {cold[2]} MB"
            f" | {warm[0]:.2f} s ({warm[1]:.2f}), {warm[2]} MB |"
        )


if __name__ == "__main__":
    main()
