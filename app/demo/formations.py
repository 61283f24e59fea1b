"""Which posts a demo selection has, and how many applicants each one attracts.

The base rows are the real kinds of posts of a city government (``resources/demo``); more are
synthesized by cycling them with fresh codes, other kecamatan and varied vacancies.
"""

from __future__ import annotations

import csv
from pathlib import Path
from random import Random

DEMO_DIR = Path(__file__).resolve().parents[2] / "resources" / "demo"
FORMATIONS_FILE = DEMO_DIR / "formasi_binjai.csv"

FORMATION_COLUMNS = ("kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan")

# A Binjai round has ~20 applicants per formation (DESIGN §1: 1,000–3,000 for 50–250 posts).
PARTICIPANTS_PER_FORMATION = 20
# Synthesized formations: most posts of a city government have one to three vacancies.
SYNTH_QUOTAS = (1, 2, 3, 4, 5)
SYNTH_QUOTA_WEIGHTS = (50, 28, 15, 4, 3)
KECAMATAN = ("Binjai Kota", "Binjai Utara", "Binjai Barat", "Binjai Timur", "Binjai Selatan")


def load_formation_rows(path: Path = FORMATIONS_FILE) -> list[dict[str, str]]:
    """The real kinds of posts of a city government, as import rows."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {key: row[key].strip() for key in FORMATION_COLUMNS} for row in csv.DictReader(handle)
        ]


def default_formation_count(participants: int, available: int) -> int:
    """About 20 applicants per formation, but never more formations than the file has."""
    return max(1, min(available, round(participants / PARTICIPANTS_PER_FORMATION)))


def build_formations(rng: Random, base: list[dict[str, str]], count: int) -> list[dict[str, str]]:
    """The first ``count`` base rows, then synthesized ones cycling through the base.

    Benchmarks need 1,000 formations; real posts repeat across units, so cycling the kinds of
    posts with fresh codes, other kecamatan and varied vacancies stays plausible.
    """
    if not base:
        raise ValueError("no formation rows to build from")
    rows = [dict(row) for row in base[:count]]
    used = {row["kode_formasi"].upper() for row in base}
    first_code = base[0]["kode_formasi"]
    prefix = first_code.rstrip("0123456789") or "F-"
    serial = len(base)
    cycle = 0
    while len(rows) < count:
        template = base[(len(rows)) % len(base)]
        if len(rows) % len(base) == 0:
            cycle += 1
        serial += 1
        code = f"{prefix}{serial:03d}"
        while code.upper() in used:
            serial += 1
            code = f"{prefix}{serial:03d}"
        used.add(code.upper())
        quota = rng.choices(SYNTH_QUOTAS, SYNTH_QUOTA_WEIGHTS)[0]
        rows.append(
            {
                "kode_formasi": code,
                "jabatan": template["jabatan"],
                "unit_kerja": _other_kecamatan(template["unit_kerja"], cycle),
                "pendidikan": template["pendidikan"],
                "kebutuhan": str(quota),
            }
        )
    return rows


def _other_kecamatan(unit: str, shift: int) -> str:
    """A kecamatan office or puskesmas of another kecamatan; other units stay as they are."""
    for head in ("Puskesmas ", "Kecamatan "):
        if unit.startswith(head) and unit[len(head) :] in KECAMATAN:
            index = KECAMATAN.index(unit[len(head) :])
            return head + KECAMATAN[(index + shift) % len(KECAMATAN)]
    return unit


def _popularity(formation: dict[str, str]) -> float:
    """Posts open to many diplomas attract many applicants; specialist posts fewer."""
    education = formation["pendidikan"].lower()
    title = formation["jabatan"].lower()
    factor = 1.0
    if "sma" in education or "semua jurusan" in education:
        factor *= 2.0
    if title.startswith("guru") or "perawat" in title:
        factor *= 1.5
    if "dokter" in title or "apoteker" in title:
        factor *= 0.6
    return factor


def allocate_applicants(rng: Random, total: int, formations: list[dict[str, str]]) -> list[int]:
    """Uneven applicant counts summing to ``total``: lognormal popularity, largest remainder."""
    count = len(formations)
    weights = [
        rng.lognormvariate(0.0, 0.6) * _popularity(f) * (1 + 0.25 * (int(f["kebutuhan"]) - 1))
        for f in formations
    ]
    floor = 1 if total >= count else 0
    rest = total - floor * count
    scale = rest / sum(weights)
    raw = [w * scale for w in weights]
    counts = [int(r) for r in raw]
    short = rest - sum(counts)
    by_remainder = sorted(range(count), key=lambda i: counts[i] - raw[i])
    for index in by_remainder[:short]:
        counts[index] += 1
    return [floor + c for c in counts]
