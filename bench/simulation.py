"""A draft scheme simulated on a selection at 1k/10k/100k (issue #14 §2).

The benchmark's CPNS selection (``bench.run``'s files, 100 participants a formation) is
imported through the commands, untimed; then ``seleksi simulate --json`` runs in a fresh
process (start-up, the login, reading every score, both rankings of both stages, every
figure) with two drafts of the CPNS preset:

- **weights**: CAT SKB 70 % and the practical test 30 % instead of 60/40, so the engine ranks
  twice (today's scheme and the draft);
- **four rules**: the same weights, TKP threshold 170 instead of 166 (some no longer reach
  the SKB), rubric aspects 30/20/30/20 instead of 40/20/20/20, and TIU before TKP among equal
  scores, so it ranks five times (today, then one ranking per rule, the last being the draft).

The last column is the four-rule draft again with ``--xlsx`` as well. Each figure is the wall
time with the CPU time (user + system) of the process in brackets, and its own peak memory.

    python -m bench.simulation [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
from datetime import date
from pathlib import Path

from app.services.schemes import PRESETS_DIR
from bench.run import apply_marks, prepare, run, run_timed

WEIGHTS = {
    "max = 500\nstep = 1\nweight = 60": "max = 500\nstep = 1\nweight = 70",
    "weight = 40\nassessors = 2": "weight = 30\nassessors = 2",
}
FOUR_RULES = {
    **WEIGHTS,
    "threshold = 166": "threshold = 170",
    'name = "Keterampilan teknis"\nweight = 40': 'name = "Keterampilan teknis"\nweight = 30',
    'name = "Sikap & etika"\nweight = 20': 'name = "Sikap & etika"\nweight = 30',
    '"SKD", "TKP", "TIU", "TWK", "IPK", "USIA"]': '"SKD", "TIU", "TKP", "TWK", "IPK", "USIA"]',
}


def draft(folder: Path, name: str, replacements: dict[str, str]) -> Path:
    text = (PRESETS_DIR / "cpns-2024.toml").read_text(encoding="utf-8")
    text = text.replace('code = "cpns-2024"', f'code = "cpns-rancangan-{name}"', 1)
    for old, new in replacements.items():
        if old not in text:
            raise SystemExit(f"the CPNS preset no longer has {old!r}")
        text = text.replace(old, new, 1)
    path = folder / f"rancangan-{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def bench_size(participants: int) -> list[tuple[tuple[float, float, int], dict[str, object]]]:
    folder = Path(tempfile.mkdtemp(prefix=f"seleksi-bench-simulation-{participants}-"))
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
        out = folder / "hasil.json"
        found = []
        for name, replacements, extra in (
            ("bobot", WEIGHTS, []),
            ("empat", FOUR_RULES, []),
            ("empat", FOUR_RULES, ["--xlsx", str(folder / "tabel.xlsx")]),
        ):
            scheme = draft(folder, name, replacements)
            timed = run_timed(["--db", db, "simulate", "--scheme", str(scheme),
                               "--json", str(out), *extra])  # fmt: skip
            overall = json.loads(out.read_text(encoding="utf-8"))["overall"]
            found.append((timed, overall))
        return found
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _cell(timed: tuple[float, float, int]) -> str:
    return f"{timed[0]:.2f} s ({timed[1]:.2f}), {timed[2]} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    print(
        f"Seleksi ASN simulation, {date.today().isoformat()}, {platform.machine()},"
        f" {os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print("| participants | weights (2 rankings) | four rules (5 rankings) | four rules + xlsx"
          " | changed: weights / four rules |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        (weights, first), (rules, second), (book, _third) = bench_size(size)
        print(
            f"| {size:,} | {_cell(weights)} | {_cell(rules)} | {_cell(book)}"
            f" | {first['changed']:,} / {second['changed']:,} |"
        )


if __name__ == "__main__":
    main()
