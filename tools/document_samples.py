"""A page of every document kind of every preset, as PNG in ``docs/samples/`` (issue #11).

For each preset a throw-away database gets the demo selection; its stages are finalized and
announced through the real commands, and for the first formation the score sheet, the
attendance list, the berita acara and a participant's slip are printed. Each PDF's first
page (and the announcement's lampiran) is rendered with poppler's ``pdftoppm`` at 60 dpi:
what the README shows, looked at before every change to a document.

    python -m tools.document_samples [--out docs/samples]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import redirect_stdout
from pathlib import Path

from app.cli import main as seleksi

PRESETS = ("cpns-2024", "pppk-2024", "binjai-kompetensi")
ADMIN, PASSWORD = "ketua", "rahasia-contoh-1"


def _run(database: Path, *arguments: str) -> str:
    """One command of the CLI in this process; its output (stops on a refusal)."""
    out = io.StringIO()
    with redirect_stdout(out):
        code = seleksi(["--db", str(database), *arguments])
    if code != 0:
        raise SystemExit(f"seleksi {' '.join(arguments)}: exit {code}\n{out.getvalue()}")
    return out.getvalue()


def _page(pdf: Path, page: int, png: Path) -> None:
    """Page ``page`` (1-based) of ``pdf`` as ``png``, 60 dpi."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed")
    stem = png.with_suffix("")
    subprocess.run(
        [tool, "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page),
         str(pdf), str(stem)],
        check=True,
    )  # fmt: skip


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def samples(preset: str, work: Path, out: Path) -> list[Path]:
    database = work / f"{preset}.db"
    _run(database, "demo", "--scheme", preset, "--participants", "60", "--admin", ADMIN)
    ranking = list(csv.DictReader(io.StringIO(_run(database, "rank", "--format", "csv"))))
    stages = list(dict.fromkeys(row["tahap"] for row in ranking))
    first = ranking[0]
    formation, number = first["kode_formasi"], first["nomor_peserta"]
    columns = list(first)
    component = columns[columns.index("nilai_akhir") - 1]  # a component of the last stage
    made: list[Path] = []

    def keep(kind: str, pdf: Path, page: int = 1) -> None:
        png = out / f"{preset}-{kind}.png"
        _page(pdf, page, png)
        made.append(png)

    sheet = work / f"{preset}-sheet.pdf"
    _run(database, "sheet", "--component", component, "--formation", formation,
         "--out", str(sheet))  # fmt: skip
    keep("blanko", sheet)
    attendance = work / f"{preset}-attendance.pdf"
    _run(database, "attendance", "--formation", formation, "--out", str(attendance))
    keep("daftar-hadir", attendance)
    for stage in stages:
        _run(database, "finalize", "--stage", stage)
    announcement = work / f"{preset}-announcement.pdf"
    _run(database, "announce", "--out", str(announcement))
    keep("pengumuman", announcement)
    keep("pengumuman-lampiran", announcement, _pages(announcement))
    minutes = work / f"{preset}-minutes.pdf"
    _run(database, "minutes", "--formation", formation, "--out", str(minutes))
    keep("berita-acara", minutes)
    slip = work / f"{preset}-slip.pdf"
    _run(database, "slip", number, "--out", str(slip))
    keep("slip", slip)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/samples"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.update(SELEKSI_USER=ADMIN, SELEKSI_PASSWORD=PASSWORD)
    with tempfile.TemporaryDirectory() as work:
        for preset in PRESETS:
            for png in samples(preset, Path(work), args.out):
                print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
