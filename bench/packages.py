"""Merging field laptops' packages (issue #12 §3): 10 packages, twice.

A Binjai selection with 10 formations of 1,000 participants each; one field laptop per
formation, prepared through the service, takes the practical test's scores of its 1,000
participants from two assessors on four rubric aspects (8,000 values, imported there from a
CSV as a CAT or practical-test laptop does) and exports its package. Untimed, all of it.

Timed, each in a fresh interpreter under ``bench.peak`` (wall, CPU in brackets, own peak):

- **merge**: the 10 packages imported one after another into the main laptop's file, as the
  window does it (one process, one login; each import shows its preview first and merges in
  one transaction, with the backup before it);
- **re-import**: the same 10 packages again, the same way: each preview says it was already
  received, so nothing is merged (checked: no package changed anything, and the score table
  is the same before and after);
- **one package from the terminal**: ``seleksi package import`` of one more package in a
  new process, start-up and login included.

    python -m bench.packages [--packages 10] [--participants 1000] [--keep]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.run import LOGIN, ROOT, run_timed, write_csv

ASPECTS = ("TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI")
ASSESSORS = ("Budi Santoso", "Sari Lubis")


def prepare(folder: Path, packages: int, participants: int) -> tuple[Path, list[Path]]:
    """The main laptop's file and ``packages`` exported packages (one more for the CLI)."""
    from app.services.actor import Actor
    from app.services.devices import prepare_laptop
    from app.services.opening import open_database
    from app.services.packages import export_package
    from app.services.participants_import import import_formations, import_participants
    from app.services.schemes import load_preset_or_file
    from app.services.scores_import import import_scores
    from app.services.selections import create_selection
    from app.services.users import add_user

    admin = Actor(LOGIN["SELEKSI_USER"], "admin")
    clerk = Actor("operator-lapangan", "operator")
    db = open_database(folder / "utama.db")
    add_user(db, admin, LOGIN["SELEKSI_USER"], "admin", LOGIN["SELEKSI_PASSWORD"])
    info = create_selection(
        db, admin, load_preset_or_file("binjai-kompetensi"), "Bench", 2024, "Kota Binjai"
    )
    codes = [f"F{k:02d}" for k in range(1, packages + 2)]
    import_formations(
        db,
        admin,
        info.id,
        write_csv(
            folder / "formasi.csv",
            ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"],
            [[code, f"Jabatan {code}", "Unit", "S-1", "5"] for code in codes],
        ),
    )
    people = [
        [f"{k:02d}{i:05d}", f"Peserta {k}-{i}", "1995-01-01", code]
        for k, code in enumerate(codes, 1)
        for i in range(participants)
    ]
    import_participants(
        db,
        admin,
        info.id,
        write_csv(
            folder / "peserta.csv",
            ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
            people,
        ),
    )
    made = []
    for k, code in enumerate(codes, 1):
        field_path = folder / f"ruang-{k}.db"
        prepare_laptop(
            db, admin, info.id, field_path, f"Ruang {k}", formations=[code], components=["PRAKTIK"]
        )
        field = open_database(field_path)
        rows = [
            [number, assessor, *(str(50 + (i * 7 + a * 3 + j) % 50) for j in range(4))]
            for i, (number, *_rest) in enumerate(p for p in people if p[3] == code)
            for a, assessor in enumerate(ASSESSORS)
        ]
        values = write_csv(
            folder / f"praktik-{k}.csv",
            ["nomor_peserta", "penilai", *(f"PRAKTIK.{aspect}" for aspect in ASPECTS)],
            rows,
        )
        import_scores(field, clerk, info.id, values)
        package = folder / f"ruang-{k}.paket"
        export_package(field, clerk, package)
        made.append(package)
        field_path.unlink()
    return folder / "utama.db", made


def merge(db_path: Path, packages: list[Path]) -> None:
    """What the window does with a stack of flash disks: preview, then merge, each one."""
    from app.services.opening import open_database
    from app.services.packages import import_package, preview_package
    from app.services.selections import resolve_selection
    from app.services.users import authenticate

    db = open_database(db_path)
    actor = authenticate(db, LOGIN["SELEKSI_USER"], LOGIN["SELEKSI_PASSWORD"]).actor
    sid = resolve_selection(db, None).id
    changed = 0
    for package in packages:
        preview = preview_package(db, actor, sid, package)
        if preview.changed:  # as the window and ``seleksi package import``: else said, and done
            plan = import_package(db, actor, sid, package, previewed=preview)
            changed += int(plan.changed)
    print(changed)


def scores_dump(db: Path) -> list[tuple]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT * FROM score ORDER BY id").fetchall()
    finally:
        connection.close()


def _child(db: Path, packages: list[Path]) -> tuple[float, float, int, int]:
    """The merge in a fresh interpreter: wall, CPU, peak MB, packages that changed it."""
    with tempfile.TemporaryDirectory(prefix="seleksi-merge-") as folder:
        out = Path(folder) / "changed.txt"
        seconds, cpu, memory = run_timed(
            ["--merge", str(db), str(out), *map(str, packages)], module="bench.packages"
        )
        changed = int(out.read_text(encoding="ascii") or 0)
    return seconds, cpu, memory, changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--packages", type=int, default=10)
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--merge", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.merge:
        db, out, *packages = args.merge
        import contextlib
        import io

        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            merge(Path(db), [Path(p) for p in packages])
        Path(out).write_text(captured.getvalue().strip(), encoding="ascii")
        return
    folder = Path(tempfile.mkdtemp(prefix="seleksi-paket-"))
    try:
        started = time.perf_counter()
        db, packages = prepare(folder, args.packages, args.participants)
        setup = time.perf_counter() - started
        first = _child(db, packages[:-1])
        before = scores_dump(db)
        again = _child(db, packages[:-1])
        same = scores_dump(db) == before
        one = run_timed(["--db", str(db), "package", "import", str(packages[-1])])
        values = len(before)
        print(
            f"Seleksi ASN package merge, {date.today().isoformat()}, {platform.machine()},"
            f" {os.cpu_count()} cores, Python {platform.python_version()}"
            f" (set-up untimed: {setup:.0f} s)\n"
        )
        print(
            "| packages | participants each | values merged | merge | peak | packages that"
            " changed | re-import | peak | changes | scores the same | one more from the"
            " terminal |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|")
        print(
            f"| {args.packages} | {args.participants:,} | {values:,}"
            f" | {first[0]:.2f} s ({first[1]:.2f}) | {first[2]} MB | {first[3]}"
            f" | {again[0]:.2f} s ({again[1]:.2f}) | {again[2]} MB | {again[3]}"
            f" | {'yes' if same else 'NO'} | {one[0]:.2f} s ({one[1]:.2f}) |"
        )
    finally:
        if args.keep:
            print(f"\nkept: {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    del ROOT
    main()
