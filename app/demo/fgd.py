"""The demo's focus group: twelve stakeholders weigh a stage's components (issue #14 §1).

The Binjai policy is drafted with the city government, experts, the council and citizens
(DESIGN §1). The demo FGD has 12 respondents in those 4 groups, with the group weights a
drafting team might agree on (Pemda 0.35, akademisi/ahli 0.25, DPRD 0.20, masyarakat 0.20),
each giving every pairwise comparison of each level as the file of ``seleksi fgd weights``
holds them (``responden, kelompok, bobot_kelompok, kriteria_a, kriteria_b, nilai``).

Each respondent's judgments scatter around a plausible consensus for the Binjai final stage
(practice a little ahead of knowledge, the psychotest behind; among the practical aspects
technical skill first, attitude next), tilted by their group's view (citizens weigh attitude
and communication, experts technical skill, the city government knowledge) and rounded to
Saaty's scale a little more strongly than the ratio (``EMPHASIS``), as people answer. Ten
are consistent (CR ≤ 0.10 on every level); two, drawn by the seed, reverse one strong
judgment of the top level, as a respondent who misreads a row of the questionnaire does,
and are inconsistent (CR > 0.10): the facilitator's case.
Some write a reciprocal as ``1/3``, others as ``0,33``; one leaves a pair of the aspects blank
(an incomplete but connected matrix).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from random import Random

from app.scoring.ahp import SCALE_MAX, TOP, Judgment, level_of, priorities

RESPONDENTS: tuple[tuple[str, str], ...] = (
    ("Sekretaris Daerah", "Pemda"),
    ("Kepala BKPSDM", "Pemda"),
    ("Kepala Bagian Organisasi", "Pemda"),
    ("Inspektur Daerah", "Pemda"),
    ("Psikolog (HIMPSI)", "Akademisi/Ahli"),
    ("Dosen Administrasi Publik", "Akademisi/Ahli"),
    ("Dosen Manajemen SDM", "Akademisi/Ahli"),
    ("Ketua Komisi I DPRD", "DPRD"),
    ("Anggota Komisi I DPRD", "DPRD"),
    ("Tokoh Masyarakat", "Masyarakat"),
    ("Perwakilan LSM", "Masyarakat"),
    ("Perwakilan Organisasi Pemuda", "Masyarakat"),
)
GROUP_WEIGHTS: Mapping[str, str] = {
    "Pemda": "0.35",
    "Akademisi/Ahli": "0.25",
    "DPRD": "0.20",
    "Masyarakat": "0.20",
}
CONSENSUS: Mapping[str, float] = {
    "PENGETAHUAN": 0.36,
    "PRAKTIK": 0.42,
    "PSIKOTES": 0.22,
    "PRAKTIK.TEKNIS": 0.38,
    "PRAKTIK.KETEPATAN": 0.18,
    "PRAKTIK.SIKAP": 0.24,
    "PRAKTIK.KOMUNIKASI": 0.20,
}
"""A plausible consensus for the Binjai preset's final stage; other criteria weigh alike."""

TILTS: Mapping[str, Mapping[str, float]] = {
    "Pemda": {"PENGETAHUAN": 1.2},
    "Akademisi/Ahli": {"PRAKTIK": 1.1, "PRAKTIK.TEKNIS": 1.25},
    "DPRD": {"PRAKTIK.SIKAP": 1.2},
    "Masyarakat": {"PRAKTIK.SIKAP": 1.3, "PRAKTIK.KOMUNIKASI": 1.3, "PENGETAHUAN": 0.85},
}
INCONSISTENT = 2
PERSONAL_SPREAD = 0.18
"""Log-normal scatter of a respondent's own weights around their group's view."""
ANSWER_NOISE = 0.12
"""Log-normal scatter of one answer around the respondent's own ratio."""
EMPHASIS = 1.5
"""People answer the verbal scale more strongly than the ratio of their weights ("a little
more important" is ticked as 3): the ratio is raised to this power before rounding."""
_TRIES = 200


def fgd_rows(
    criteria: Sequence[str], seed: int = 1, consensus: Mapping[str, float] | None = None
) -> list[dict[str, str]]:
    """The rows of the demo FGD's file over ``criteria`` (components, and ``COMPONENT.ASPECT``
    names for their aspects). ``ValueError`` if no level has three criteria (two criteria
    cannot be inconsistent)."""
    rng = Random(f"fgd-{seed}")
    centre = dict(CONSENSUS if consensus is None else consensus)
    levels: dict[str, list[str]] = {}
    for name in criteria:
        levels.setdefault(level_of(name), []).append(name)
    ordered = sorted(levels, key=lambda key: key != TOP)
    shaky = next((key for key in ordered if len(levels[key]) >= 3), None)
    if shaky is None:
        raise ValueError("no level with three criteria")
    inconsistent = set(rng.sample(range(len(RESPONDENTS)), INCONSISTENT))
    aspect_levels = [key for key in ordered if key != TOP and len(levels[key]) >= 3]
    blank = next(i for i in range(len(RESPONDENTS)) if i not in inconsistent)
    decimal_writers = {i for i in range(len(RESPONDENTS)) if rng.random() < 0.3}
    rows: list[dict[str, str]] = []
    for index, (name, group) in enumerate(RESPONDENTS):
        tilt = TILTS.get(group, {})
        for key in ordered:
            names = levels[key]
            judgments = _consistent_answers(rng, names, centre, tilt)
            if index in inconsistent and key == shaky:
                judgments = _misread(names, judgments)
            skipped = (
                (names[0], names[-1])
                if index == blank and aspect_levels and key == aspect_levels[0]
                else None
            )
            for (a, b), value in judgments.items():
                rows.append(
                    {
                        "responden": name,
                        "kelompok": group,
                        "bobot_kelompok": GROUP_WEIGHTS[group],
                        "kriteria_a": a,
                        "kriteria_b": b,
                        "nilai": ""
                        if (a, b) == skipped
                        else _written(value, index in decimal_writers),
                    }
                )
    return rows


def _consistent_answers(
    rng: Random, names: Sequence[str], centre: Mapping[str, float], tilt: Mapping[str, float]
) -> dict[tuple[str, str], int]:
    """Answers on the scale (a positive int k: a over b is k; a negative: b over a is −k)
    with CR ≤ 0.10, redrawn until they are (the noise-free answers if never)."""
    for attempt in range(_TRIES + 1):
        spread = 0.0 if attempt == _TRIES else 1.0
        own = {
            n: centre.get(n, 1.0)
            * tilt.get(n, 1.0)
            * math.exp(spread * rng.gauss(0, PERSONAL_SPREAD))
            for n in names
        }
        answers = {
            (a, b): _on_scale(
                (own[a] / own[b]) ** EMPHASIS * math.exp(spread * rng.gauss(0, ANSWER_NOISE))
            )
            for i, a in enumerate(names)
            for b in names[i + 1 :]
        }
        if _cr(names, answers) <= 0.10:
            return answers
    raise AssertionError("noise-free answers are consistent")


def _misread(
    names: Sequence[str], answers: dict[tuple[str, str], int]
) -> dict[tuple[str, str], int]:
    """The strongest answer turned round (then the next, …) until the CR exceeds 0.10."""
    order = sorted(answers, key=lambda pair: (-abs(answers[pair]), list(answers).index(pair)))
    changed = dict(answers)
    for pair in order:
        value = changed[pair]
        changed[pair] = -value if abs(value) > 1 else 5
        if _cr(names, changed) > 0.10:
            return changed
    raise ValueError("answers that cannot be made inconsistent")


def _on_scale(ratio: float) -> int:
    if ratio >= 1:
        return min(SCALE_MAX, max(1, round(ratio)))
    k = min(SCALE_MAX, max(1, round(1 / ratio)))
    return 1 if k == 1 else -k


def _value(answer: int) -> float:
    return float(answer) if answer > 0 else 1.0 / -answer


def _written(answer: int, as_decimal: bool) -> str:
    if answer > 0:
        return str(answer)
    if as_decimal:
        return f"{1 / -answer:.2f}".replace(".", ",")
    return f"1/{-answer}"


def _cr(names: Sequence[str], answers: Mapping[tuple[str, str], int]) -> float:
    found = priorities(names, [Judgment(a, b, _value(v)) for (a, b), v in answers.items()])
    return found.cr
