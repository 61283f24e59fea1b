"""The demo's later performance: SKP predikat of those a selection chose (issue #13).

A year after appointment each new civil servant receives an SKP predikat. The demo draws it
from the same general ability the test scores follow, weakly (``VALIDITY``), plus noise, and
cuts it at shares a city's performance records show (most Baik, some Sangat Baik, few below),
so the evaluation's validity tab shows modest positive correlations, narrowed by range
restriction, as the published studies find. Its own random stream: the rest of the demo is
the same with or without it.
"""

from __future__ import annotations

import math
from random import Random
from statistics import NormalDist

VALIDITY = 0.45
"""The correlation of later performance with the latent ability, before range restriction."""

# Cumulative shares from the worst predikat up: Sangat Kurang 1 %, Kurang 4 %, Butuh
# Perbaikan 15 %, Baik 62 %, Sangat Baik 18 %.
PREDIKAT_CUTS = (
    (0.01, "Sangat Kurang"),
    (0.05, "Kurang"),
    (0.20, "Butuh Perbaikan"),
    (0.82, "Baik"),
    (1.00, "Sangat Baik"),
)
YEAR_AFTER = 1


def performance_rows(
    abilities: dict[str, float], numbers: list[str], selection_year: int, seed: int
) -> list[dict[str, str]]:
    """One row (``nomor_peserta``, ``tahun``, ``predikat``) per chosen participant."""
    rng = Random(f"kinerja-{seed}")
    normal = NormalDist()
    noise = math.sqrt(1 - VALIDITY**2)
    rows = []
    for number in sorted(numbers):
        z = VALIDITY * abilities.get(number, 0.0) + noise * rng.gauss(0.0, 1.0)
        share = normal.cdf(z)
        predikat = next(name for cut, name in PREDIKAT_CUTS if share <= cut)
        rows.append(
            {
                "nomor_peserta": number,
                "tahun": str(selection_year + YEAR_AFTER),
                "predikat": predikat,
            }
        )
    return rows
