"""End-to-end CLI timings at 1k, 10k and 100k participants (CPNS preset, two PRAKTIK assessors).

Each step runs the real command in a fresh interpreter, as a clerk would, so start-up time is
included. Peak memory is the largest resident set of any step's process. The printed tables
are what the README's performance section shows.

The second table sets the ranking beside a peer: ``bench.pandas_peer`` computes the same AKHIR
table with pandas straight from the CSV files the steps imported, also in a fresh interpreter
(the median of ``--repeat`` runs each, alternating), and its output must be byte for byte
ours. ``rank --stage SKD`` writes every participant's row (100k rows at 100k). Our compared
runs are cold: the results kept beside the database (``<db>.cache``) are removed first.
Each figure is the wall time with the CPU time (user + system) of the process in brackets,
steadier on a shared machine.

The last column is a fresh ``rank`` after one changed score: one TWK value is saved through
the score-entry service (untimed), then the command runs in a new process with what the
previous one kept; its output is checked against a cold run.

The program's modules are compiled to bytecode first, as an installed program ships them
(with ``PYTHONDONTWRITEBYTECODE`` set every command would otherwise compile its 70 modules
again, while pandas and numpy come compiled with their wheels).

    python -m bench.run [--sizes 1000 10000 100000] [--repeat 3] [--keep]
"""

from __future__ import annotations

import argparse
import compileall
import csv
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from app.demo import generate_demo
from app.services.schemes import load_preset_or_file

ROOT = Path(__file__).resolve().parents[1]
SKD = ("TWK", "TIU", "TKP")


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def prepare(folder: Path, participants: int, formations: int) -> dict[str, Path]:
    scheme = load_preset_or_file("cpns-2024")
    data = generate_demo(scheme, participants=participants, seed=7, formations=formations)
    formation_header = ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"]
    participant_header = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi", "nik", "ipk"]
    # SKD in wide form (one column per component), as CAT results arrive.
    skd: dict[str, dict[str, str]] = {}
    later: list[list[str]] = []
    for row in [*data.scores, *data.aspect_scores]:
        code = row["komponen"]
        if code in SKD:
            skd.setdefault(row["nomor_peserta"], {})[code] = row["nilai"]
        else:
            later.append([row["nomor_peserta"], code, row["nilai"], row["penilai"]])
    return {
        "formations": write_csv(
            folder / "formasi.csv",
            formation_header,
            [[r[k] for k in formation_header] for r in data.formations],
        ),
        "participants": write_csv(
            folder / "peserta.csv",
            participant_header,
            [[r.get(k, "") for k in participant_header] for r in data.participants],
        ),
        "skd": write_csv(
            folder / "nilai_skd.csv",
            ["nomor_peserta", *SKD],
            [[number, *(values.get(c, "") for c in SKD)] for number, values in skd.items()],
        ),
        "akhir": write_csv(
            folder / "nilai_skb.csv", ["nomor_peserta", "komponen", "nilai", "penilai"], later
        ),
        "values": Path(str(sum(len(v) for v in skd.values()))),
        "marks": write_csv(
            folder / "aps.csv",
            ["nomor_peserta", "tahap", "alasan"],
            [list(item) for item in data.withdrawn],
        ),
    }


# Commands log in as a script does (the first ``init`` makes this the file's first admin);
# the login's one argon2 verification is part of every timed writing command.
LOGIN = {"SELEKSI_USER": "bench", "SELEKSI_PASSWORD": "bench-password"}


def run(args: list[str], module: str | None = None) -> tuple[float, int]:
    """Seconds and peak resident memory (MB) of one CLI command in a fresh interpreter."""
    seconds, _cpu, memory = run_timed(args, module)
    return seconds, memory


def run_timed(args: list[str], module: str | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak memory (MB) of one command.

    The command runs under ``bench.peak``, which reports the peak of its own memory map:
    ``wait4``'s ``ru_maxrss`` would count this process's memory at the fork too.
    """
    with tempfile.NamedTemporaryFile(prefix="seleksi-peak-", suffix=".txt") as peak:
        target = ["-m", module] if module else [str(ROOT / "main.py")]
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "bench.peak", peak.name, *target, *args],
            cwd=ROOT,
            env={**os.environ, **LOGIN},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        stderr = process.stderr.read().decode() if process.stderr else ""
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{stderr}")
        memory = int(Path(peak.name).read_text(encoding="ascii") or 0) // 1024
    return elapsed, usage.ru_utime + usage.ru_stime, memory


def forget_kept_results(db: Path) -> None:
    """Remove what earlier commands kept beside the database: the next ``rank`` is cold."""
    shutil.rmtree(db.with_name(db.name + ".cache"), ignore_errors=True)


def change_one_score(db: Path, run: int) -> None:
    """Save one CAT_SKB value through the score-entry service, alternating between two values
    (the SKD is finalized by then, as in a real selection while SKB scores are typed)."""
    from app.services.actor import Actor
    from app.services.opening import open_database
    from app.services.score_entry import save_score
    from app.services.selections import resolve_selection

    database = open_database(db, full_check=False)
    try:
        selection = resolve_selection(database, None)
        with database.reading() as connection:
            number = connection.execute(
                "SELECT p.number FROM score s JOIN participant p ON p.id = s.participant_id"
                " JOIN component c ON c.id = s.component_id WHERE p.selection_id = ?"
                " AND c.code = 'CAT_SKB' AND s.value_milli IS NOT NULL"
                " ORDER BY p.number LIMIT 1",
                (selection.id,),
            ).fetchone()[0]
        value = ("300", "301")[run % 2]
        save_score(
            database,
            Actor("bench", "admin"),
            selection.id,
            number,
            "CAT_SKB",
            value,
            reason="bench",
        )
    finally:
        database.close()


def apply_marks(db: Path, marks: Path) -> None:
    """Withdrawals (APS) before the SKD scores, untimed: the SKD cut must already see them."""
    from app.services.actor import Actor
    from app.services.marks import mark_participant
    from app.services.opening import open_database
    from app.services.selections import resolve_selection

    database = open_database(db)
    try:
        selection = resolve_selection(database, None)
        with marks.open(encoding="utf-8") as handle:
            for number, stage, reason in list(csv.reader(handle))[1:]:
                mark_participant(
                    database, Actor("bench"), selection.id, number, "APS", reason, stage
                )
    finally:
        database.close()


def name_signatory(db: Path) -> None:
    """Untimed: an announcement is refused without a signatory's name and NIP (issue #11)."""
    import dataclasses

    from app.services.actor import Actor
    from app.services.demo import DEMO_SIGNATORY
    from app.services.document_settings import document_settings, save_document_settings
    from app.services.opening import open_database
    from app.services.selections import resolve_selection

    database = open_database(db)
    try:
        selection = resolve_selection(database, None)
        settings = dataclasses.replace(
            document_settings(database, selection.id),
            signatory_name=DEMO_SIGNATORY[0],
            signatory_nip=DEMO_SIGNATORY[1],
        )
        save_document_settings(database, Actor("bench"), selection.id, settings)
    finally:
        database.close()


def pandas_available() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def compare_ranking(folder: Path, base: list[str], repeat: int) -> dict[str, Any]:
    """Our cold ``rank`` (AKHIR, SKD) and the pandas peer, alternating; then ``rank`` after
    one changed score. Medians of ``repeat`` runs, (wall, CPU) seconds each."""
    db = Path(base[1])
    ours, peer, skd, after = [], [], [], []
    peer_out = folder / "rank-pandas.csv"
    with_peer = pandas_available()
    akhir = ["rank", "--stage", "AKHIR", "--format", "csv", "--out"]
    for _ in range(repeat):
        forget_kept_results(db)
        ours.append(run_timed([*base, *akhir, str(folder / "a.csv")]))
        if with_peer:
            peer.append(
                run_timed([str(folder), "--out", str(peer_out)], module="bench.pandas_peer")
            )
        forget_kept_results(db)
        skd.append(
            run_timed(
                [*base, "rank", "--stage", "SKD", "--format", "csv", "--out", str(folder / "s.csv")]
            )
        )
    same = with_peer and (folder / "a.csv").read_bytes() == peer_out.read_bytes()
    with (folder / "s.csv").open(encoding="utf-8") as handle:
        skd_rows = sum(1 for _ in handle) - 1
    forget_kept_results(db)
    run([*base, *akhir, str(folder / "a.csv")])  # cold, keeps its results for the next
    for attempt in range(repeat):
        change_one_score(db, attempt)
        after.append(run_timed([*base, *akhir, str(folder / "after.csv")]))
    forget_kept_results(db)
    run([*base, *akhir, str(folder / "a.csv")])
    after_same = (folder / "after.csv").read_bytes() == (folder / "a.csv").read_bytes()
    return {
        "t_rank_akhir": _medians(ours),
        "t_peer": _medians(peer) if peer else None,
        "peer_same": same,
        "t_rank_skd": _medians(skd),
        "skd_rows": skd_rows,
        "t_after_one": _medians(after),
        "after_same": after_same,
    }


def _medians(runs: list[tuple[float, float, int]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def _timed(pair: tuple[float, float]) -> str:
    seconds, cpu = pair
    return f"{seconds:.2f} s ({cpu:.2f})"


def bench_size(participants: int, keep: bool, repeat: int = 3) -> dict[str, Any]:
    formations = max(10, participants // 100)
    folder = Path(tempfile.mkdtemp(prefix=f"seleksi-bench-{participants}-"))
    try:
        files = prepare(folder, participants, formations)
        db = str(folder / "bench.db")
        password = folder / "sandi.txt"
        password.write_text("kunci-bench-2024\n", encoding="utf-8")
        base = ["--db", db]
        peak = 0
        announce_peak = 0
        timings: dict[str, float] = {}
        steps = [
            ("init", ["init", "--scheme", "cpns-2024", "--name", "Bench"]),
            ("formations", ["import", "formations", str(files["formations"])]),
            ("participants", ["import", "participants", str(files["participants"])]),
            ("skd", ["import", "scores", str(files["skd"])]),
            ("akhir", ["import", "scores", str(files["akhir"])]),
            ("rank", ["rank", "--format", "csv", "--out", str(folder / "rank.csv")]),
            (
                "announce",
                [
                    "announce",
                    "--stage",
                    "SKD",
                    "--out",
                    str(folder / "skd.pdf"),
                    "--sign",
                    str(folder / "panitia.p12"),
                    "--password-file",
                    str(password),
                ],
            ),
        ]
        for name, command in steps:
            if name == "rank":
                forget_kept_results(Path(db))
            if name == "skd":
                apply_marks(Path(db), files["marks"])
            if name == "announce":
                # Untimed: announcements are issued from finalized results only (issue 5).
                run([*base, "finalize", "--stage", "SKD"])
                name_signatory(Path(db))
                run(
                    [
                        *base,
                        "key",
                        "create",
                        "--p12",
                        str(folder / "panitia.p12"),
                        "--cert",
                        str(folder / "panitia.pem"),
                        "--password-file",
                        str(password),
                    ]
                )
            seconds, memory = run(base + command)
            timings[f"t_{name}"] = seconds
            if name == "announce":
                announce_peak = memory
            else:
                peak = max(peak, memory)
        comparison = compare_ranking(folder, base, repeat)
        with (folder / "rank.csv").open(encoding="utf-8") as handle:
            ranked_rows = sum(1 for _ in handle) - 1
        return {
            "participants": participants,
            "formations": formations,
            "skd_values": int(str(files["values"])),
            "ranked_rows": ranked_rows,
            **timings,
            "peak_mb": peak,
            "announce_mb": announce_peak,
            **comparison,
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
    parser.add_argument("--repeat", type=int, default=3, help="runs of each compared ranking")
    args = parser.parse_args()
    for package in ("app", "bench"):
        compileall.compile_dir(ROOT / package, quiet=1)
    results = [bench_size(size, args.keep, args.repeat) for size in args.sizes]
    print(
        f"Seleksi ASN benchmark, {date.today()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print(
        "| participants | formations | SKD values | import participants | import SKD scores "
        "| import SKB scores | rank final stage (csv) | rows ranked "
        "| signed SKD announcement | peak memory (imports, rank) | peak memory (announcement) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['participants']:,} | {r['formations']:,} | {r['skd_values']:,} "
            f"| {r['t_participants']:.2f} s | {r['t_skd']:.2f} s | {r['t_akhir']:.2f} s "
            f"| {r['t_rank']:.2f} s | {r['ranked_rows']:,} | {r['t_announce']:.2f} s "
            f"| {r['peak_mb']} MB | {r['announce_mb']} MB |"
        )

    print()
    print("Wall time, CPU time (user + system) in brackets; medians.")
    print()
    print(
        "| participants | rank AKHIR (csv), ours, cold | same ranking in pandas from CSV "
        "| same bytes | rank SKD (csv), ours, cold | SKD rows out "
        "| rank AKHIR after one changed score | same bytes as cold |"
    )
    print("|---:|---:|---:|:---:|---:|---:|---:|:---:|")
    for r in results:
        peer = _timed(r["t_peer"]) if r["t_peer"] is not None else "pandas not installed"
        same = "yes" if r["peer_same"] else "NO" if r["t_peer"] is not None else "-"
        print(
            f"| {r['participants']:,} | {_timed(r['t_rank_akhir'])} | {peer} "
            f"| {same} | {_timed(r['t_rank_skd'])} | {r['skd_rows']:,} "
            f"| {_timed(r['t_after_one'])} | {'yes' if r['after_same'] else 'NO'} |"
        )


if __name__ == "__main__":
    main()
