"""Rendering time of the result announcement at 10,000 and 100,000 rows.

Synthetic, already formatted rows (8 columns by default, as the services hand them over) in
about 1,000 formations are fed to ``render_announcement`` through a generator, the way a large
snapshot is read. Each size runs in a fresh interpreter so the peak resident set
(``resource.getrusage``) belongs to that size alone; each is timed ``--repeat`` times and the
best and median are shown. Only rendering is timed: reading, ranking and signing are the
lead's part of the issue's budget (2.5 s for 10k, 25 s for 100k in total).

``--name-length N`` gives the first participant a name of N characters in one word, the worst
case for wrapping (issue #9: a 5,000-character name made a 31-row announcement take 69 s):

    python -m bench.documents --sizes 31 10000 --name-length 5000

    python -m bench.documents [--sizes 10000 100000] [--columns 8] [--repeat 3] [--keep DIR]
        [--name-length N]
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from app.reports.announcement import render_announcement
from app.reports.model import Announcement, FormationBlock, Letterhead, ResultTable, Signatory

FIRST = ("SITI", "BUDI", "RINA", "ANDI", "DEWI", "RIZKY", "NUR", "PUTRI", "FAJAR", "MUHAMMAD")
MIDDLE = ("", "AULIA ", "RAHMAT ", "SARI ", "ADITYA ", "")
LAST = ("NASUTION", "SIREGAR", "LUBIS", "HARAHAP", "SEMBIRING", "GINTING", "TARIGAN", "POHAN")
CODES = ("P/L", "P/TL", "P/TH", "TMS-1", "APS")
ALL_COLUMNS = (
    "No.",
    "Nomor Peserta",
    "Nama",
    "SKD",
    "SKB",
    "Nilai Akhir",
    "Kode",
    "Keterangan",
    "Praktik",
)


def formations(
    rows: int, count: int, columns: int, name_length: int = 0
) -> Iterator[FormationBlock]:
    """``rows`` participants spread over ``count`` formations, generated formation by formation;
    with ``name_length`` the first one's name is that many letters without a space."""
    labels = ALL_COLUMNS[:columns]
    numeric = frozenset(i for i in (0, 3, 4, 5, 8) if i < columns)
    centered = frozenset(i for i in (6,) if i < columns)
    number = 0
    for index in range(count):
        size = rows // count + (1 if index < rows % count else 0)
        quota = 1 + index % 3
        table_rows = []
        for rank in range(1, size + 1):
            number += 1
            code = "P/L" if rank <= quota else ("P/TL" if rank < size else "P/TH")
            name = f"{FIRST[number % 10]} {MIDDLE[number % 6]}{LAST[number % 8]}"
            if number == 1 and name_length:
                name = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * (name_length // 26 + 1))[:name_length]
            cells = (
                str(rank),
                f"24300{number:09d}",
                name,
                f"{500 - rank * 0.5:.0f}",
                f"{92.5 - rank * 0.05:.2f}",
                f"{88.125 - rank * 0.031:.3f}",
                code,
                "Tidak hadir SKB" if code == "P/TH" else "",
                f"{80 - rank * 0.01:.2f}",
            )
            table_rows.append(cells[:columns])
        yield FormationBlock(
            code=f"{index + 1:04d}",
            position_title="Pranata Komputer Ahli Pertama",
            unit="Dinas Komunikasi dan Informatika",
            quota=quota,
            counts={"P/L": min(quota, size), "P/TL": max(0, size - quota - 1), "P/TH": 1},
            registered=size,
            present=size - 1,
            table=ResultTable(labels, table_rows, numeric=numeric, centered=centered),
        )


def announcement(rows: int, columns: int, name_length: int = 0) -> Announcement:
    return Announcement(
        letterhead=Letterhead(address="Jalan Jenderal Sudirman No. 6, Binjai"),
        number="800/1/PANSELDA/2024",
        date=datetime.date(2024, 12, 5),
        title="PENGUMUMAN",
        subject="Hasil akhir seleksi CPNS Pemerintah Kota Binjai tahun anggaran 2024",
        opening="Dengan ini diumumkan hasil akhir seleksi sebagai berikut.",
        legal_basis=("Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",),
        stage_name="Seleksi Akhir",
        formations=formations(rows, max(1, min(1000, rows // 10)), columns, name_length),
        recap_codes=CODES,
        legend=tuple((code, code) for code in CODES),
        closing_place="Binjai",
        signatory=Signatory(title="Ketua Panitia Seleksi Daerah", name="NAMA KETUA", nip="1"),
        document_id="BENCH-0001",
        verification_payload="SELEKSI-ASN|BENCH-0001|" + "0" * 64,
    )


def run_one(rows: int, columns: int, keep: Path | None, name_length: int = 0) -> dict[str, float]:
    """Render once in this process; the caller runs this in a fresh interpreter."""
    out: io.BufferedIOBase
    out = io.BytesIO() if keep is None else (keep / f"announcement-{rows}.pdf").open("wb")
    start = time.perf_counter()
    with out:
        pages = render_announcement(announcement(rows, columns, name_length), out)
        size = out.tell()
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "rows": rows,
        "pages": pages,
        "seconds": seconds,
        "rss_mib": peak_kib / 1024,
        "pdf_mib": size / 2**20,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--columns", type=int, default=8, choices=range(3, 10))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the PDFs into this folder")
    parser.add_argument(
        "--name-length", type=int, default=0, help="the first name's length, in one word"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.columns, args.keep, args.name_length)))
        return 0
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    print(
        f"{'rows':>8} {'pages':>6} {'best s':>7} {'median s':>8} {'peak RSS MiB':>12} "
        f"{'PDF MiB':>8}"
    )
    for rows in args.sizes:
        runs = []
        for _ in range(args.repeat):
            command = [
                sys.executable,
                "-m",
                "bench.documents",
                "--one",
                str(rows),
                "--columns",
                str(args.columns),
                "--name-length",
                str(args.name_length),
            ]
            if args.keep:
                command += ["--keep", str(args.keep)]
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            runs.append(json.loads(done.stdout))
        times = [r["seconds"] for r in runs]
        last = runs[-1]
        print(
            f"{rows:>8} {last['pages']:>6} {min(times):>7.2f} {statistics.median(times):>8.2f} "
            f"{max(r['rss_mib'] for r in runs):>12.0f} {last['pdf_mib']:>8.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
