"""The LAN mode on a local PostgreSQL 15 (issue #12 §3): ranking at scale, a typed score.

A throw-away server (``tools.pg_server``) gets the benchmark's CPNS selection (``bench.run``'s
files, 100 participants a formation) through the commands, untimed, and so does a SQLite
file; then:

- ``seleksi --db … rank --stage AKHIR --format csv`` in a fresh process (start-up, login-free
  read, the whole ranking; a server keeps no results file, so every process ranks cold), the
  output checked byte for byte against the file's;
- one SKB score typed as the window saves it (``save_score``, a new value each time), the
  round trip on the GUI thread, median of 20.

    python -m bench.server [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.run import ROOT, run_timed


def _ranking(database: str) -> tuple[float, float, int, bytes]:
    seconds, cpu, memory = run_timed(["--db", database, "rank", "--stage", "AKHIR", "--format",
                                      "csv", "--out", os.devnull])  # fmt: skip
    output = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", database, "rank", "--stage", "AKHIR",
         "--format", "csv"],
        capture_output=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip
    return seconds, cpu, memory, output


def _typing(database: str, selection_id: int) -> float:
    """Median milliseconds of one typed CAT SKB score, as the window saves it."""
    from app.services.actor import Actor
    from app.services.opening import open_database
    from app.services.ranking import compute_ranking
    from app.services.score_entry import save_score

    db = open_database(database)
    actor = Actor("bench", "admin")
    ranking = compute_ranking(db, selection_id, "AKHIR")
    numbers = [row.number for row in ranking.rows][:20]
    times = []
    for index, number in enumerate(numbers):
        started = time.perf_counter()
        save_score(db, actor, selection_id, number, "CAT_SKB", str(300 + index), reason="bench")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


@dataclass(frozen=True)
class Result:
    participants: int
    load: float
    server: tuple[float, float, int]
    file: tuple[float, float, int]
    same: bool
    typing_server: float
    typing_file: float


def bench_size(participants: int, url: str, folder: Path) -> Result:
    """The benchmark's selection (``bench.run``'s files: 100 participants a formation),
    imported through the commands into the server and into a file, untimed."""
    import psycopg

    from bench.run import apply_marks, prepare, run

    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    server = url.rsplit("/", 1)[0] + f"/{name}"
    file = str(folder / f"seleksi-{participants}.db")
    files = prepare(folder, participants, max(10, participants // 100))
    started = time.perf_counter()
    load = 0.0
    for database in (server, file):
        for command in (
            ["init", "--scheme", "cpns-2024", "--name", "Bench"],
            ["import", "formations", str(files["formations"])],
            ["import", "participants", str(files["participants"])],
            ["import", "scores", str(files["skd"])],
            ["import", "scores", str(files["akhir"])],
        ):
            if command[-1] == str(files["skd"]):
                apply_marks(database, files["marks"])  # the SKD cut must see the withdrawals
            run(["--db", database, *command])
        if database == server:
            load = time.perf_counter() - started
    on_server = _ranking(server)
    on_file = _ranking(file)
    return Result(
        participants,
        load,
        on_server[:3],
        on_file[:3],
        on_server[3] == on_file[3],
        _typing(server, 1),
        _typing(file, 1),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    from tools import pg_server

    folder = Path(tempfile.mkdtemp(prefix="seleksi-bench-server-"))
    server_folder = Path(tempfile.gettempdir()) / f"seleksi-pg-{uuid.uuid4().hex[:8]}"
    url = pg_server.start(server_folder)
    try:
        results = [bench_size(size, url, folder) for size in args.sizes]
    finally:
        pg_server.stop(server_folder)
        shutil.rmtree(folder, ignore_errors=True)
    print(
        f"Seleksi ASN on a local PostgreSQL, {date.today().isoformat()}, {platform.machine()},"
        f" {os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print(
        "| participants | imports into the server (untimed) | rank AKHIR, server | rank"
        " AKHIR, file | same bytes | typed score, server | typed score, file |"
    )
    print("|---:|---:|---:|---:|:---:|---:|---:|")
    for r in results:
        s, f = r.server, r.file
        print(
            f"| {r.participants:,} | {r.load:.1f} s | {s[0]:.2f} s ({s[1]:.2f}), {s[2]} MB"
            f" | {f[0]:.2f} s ({f[1]:.2f}), {f[2]} MB | {'yes' if r.same else 'NO'}"
            f" | {r.typing_server:.1f} ms | {r.typing_file:.1f} ms |"
        )


if __name__ == "__main__":
    main()
