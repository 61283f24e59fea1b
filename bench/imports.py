"""Import timings at 1k, 10k and 100k participants: each import in a fresh interpreter.

Two imports are timed through the real command line, as a clerk runs them, start-up, login,
the automatic backups and the opening checks included:

- ``import participants`` of the generated participant file into a selection that has its
  formations and no participant yet;
- ``import scores`` of the SKD in wide form (``nomor_peserta,TWK,TIU,TKP``: three values a
  participant) into that selection with its participants and no score yet.

Every run starts from a fresh copy of the prepared database (made with SQLite's backup API,
untimed), so each one is the first import of its kind, as in a real selection. Each figure is
the wall time with the CPU time (user + system) of the process in brackets and the process's
own peak memory (``bench.peak``); ``--repeat`` runs each, the range and the median printed.

Beside them, when pandas is installed, a peer: the same CSV read with ``pandas.read_csv`` and
written to a new SQLite table with ``DataFrame.to_sql``, in a fresh interpreter too. It checks
nothing and keeps no audit trail, backup or revision: it is the floor of "read a CSV, write a
table" in Python, not an equivalent program.

    python -m bench.imports [--sizes 1000 10000 100000] [--repeat 3] [--keep]
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bench.run import ROOT, pandas_available, prepare, run, run_timed

Timing = tuple[float, float, int]


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a closed or open WAL database (the backup API, as backups do)."""
    target.unlink(missing_ok=True)
    shutil.rmtree(target.with_name(target.name + ".cadangan"), ignore_errors=True)
    origin = sqlite3.connect(source)
    copy = sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        copy.close()
        origin.close()


def count(db: Path, sql: str) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


@dataclass
class Result:
    participants: int
    formations: int
    stored_people: int = 0
    stored_scores: int = 0
    people: list[Timing] = field(default_factory=list)
    skd: list[Timing] = field(default_factory=list)
    peer_people: list[Timing] = field(default_factory=list)
    peer_skd: list[Timing] = field(default_factory=list)


def bench_size(participants: int, repeat: int, keep: bool) -> Result:
    formations = max(10, participants // 100)
    folder = Path(tempfile.mkdtemp(prefix=f"seleksi-imports-{participants}-"))
    try:
        files = prepare(folder, participants, formations)
        empty = folder / "formations.db"
        run(["--db", str(empty), "init", "--scheme", "cpns-2024", "--name", "Bench"])
        run(["--db", str(empty), "import", "formations", str(files["formations"])])
        with_people = folder / "participants.db"
        copy_database(empty, with_people)
        run(["--db", str(with_people), "import", "participants", str(files["participants"])])
        work = folder / "run.db"
        result = Result(participants, formations)
        peer = pandas_available()
        for _ in range(repeat):
            copy_database(empty, work)
            result.people.append(
                run_timed(["--db", str(work), "import", "participants", str(files["participants"])])
            )
            result.stored_people = count(work, "SELECT count(*) FROM participant")
            copy_database(with_people, work)
            result.skd.append(run_timed(["--db", str(work), "import", "scores", str(files["skd"])]))
            result.stored_scores = count(work, "SELECT count(*) FROM score")
            if peer:
                for path, timings in (
                    (files["participants"], result.peer_people),
                    (files["skd"], result.peer_skd),
                ):
                    out = folder / "peer.db"
                    out.unlink(missing_ok=True)
                    timings.append(
                        run_timed(["--peer", str(path), str(out)], module="bench.imports")
                    )
        return result
    finally:
        if keep:
            print(f"kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def describe(runs: list[Timing]) -> str:
    """``median s (CPU median), range low–high s, peak MB`` of a series of runs."""
    if not runs:
        return "pandas not installed"
    walls = [r[0] for r in runs]
    cpus = [r[1] for r in runs]
    text = f"{statistics.median(walls):.2f} s ({statistics.median(cpus):.2f})"
    if len(runs) > 1:
        text += f", {min(walls):.2f}–{max(walls):.2f} s"
    return f"{text}, {max(r[2] for r in runs)} MB"


def peer_import(csv_path: Path, db_path: Path) -> None:
    """The pandas peer: every cell as text, written to one new table."""
    import pandas as pd

    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    connection = sqlite3.connect(db_path)
    try:
        frame.to_sql("imported", connection, index=False, chunksize=10_000)
        connection.commit()
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each import")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--peer", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer:
        peer_import(*args.peer)
        return
    for package in ("app", "bench"):
        compileall.compile_dir(ROOT / package, quiet=1)
    results = [bench_size(size, args.repeat, args.keep) for size in args.sizes]
    print(
        f"Seleksi ASN import benchmark, {date.today()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print()
    print("Wall time median (CPU median), wall range, largest own peak memory.")
    print()
    print(
        "| participants | formations | import participants | rows stored "
        "| pandas read_csv + to_sql | import SKD scores (wide) | values stored "
        "| pandas read_csv + to_sql |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r.participants:,} | {r.formations:,} | {describe(r.people)} "
            f"| {r.stored_people:,} | {describe(r.peer_people)} "
            f"| {describe(r.skd)} | {r.stored_scores:,} | {describe(r.peer_skd)} |"
        )


if __name__ == "__main__":
    main()
