"""A realistic selection as the rows of its import files, for the demo command and benchmarks.

Why rows and not database objects: the demo and the benchmarks must go through the same
validated importers a committee uses, so a generated selection exercises the real code path
(and a generator bug shows up as an import error, not as silently impossible data).

The data is shaped after a Binjai round (DESIGN §1, §4): a city government's formations with
1–3 vacancies, applicants spread unevenly over them, scores on each component's grid, a few
absent (TH) and withdrawn (APS) participants, and deliberate ties near the quota boundary,
because ties and cut-offs are where the rules are hardest and a demo must show them.

Only the standard library and ``app.scoring``: the generator must run where no database or Qt
exists (benchmarks, tests), and it computes the first stage's cut with the very ranking function
the importer uses to refuse scores for a stage a participant has not reached.
"""

from __future__ import annotations

import csv
import math
import tomllib
from bisect import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache
from itertools import accumulate
from pathlib import Path
from random import Random
from statistics import NormalDist

from app.scoring import (
    ABSENT,
    ABSENT_TEXT,
    Candidate,
    Component,
    ResultRow,
    Scheme,
    Stage,
    StageResult,
    rank_selection,
)
from app.scoring.scheme import KEY_PRIORITY, MARK_WITHDRAWN

from .bulk import collector_paused

DEMO_DIR = Path(__file__).resolve().parents[2] / "resources" / "demo"
FORMATIONS_FILE = DEMO_DIR / "formasi_binjai.csv"
NAMES_FILE = DEMO_DIR / "names.toml"

FORMATION_COLUMNS = ("kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan")

# A Binjai round has ~20 applicants per formation (DESIGN §1: 1,000–3,000 for 50–250 posts).
PARTICIPANTS_PER_FORMATION = 20
# Shares of participants; a few absent and withdrawn in every round, as in real announcements.
ABSENT_SHARE = 0.03
WITHDRAWN_SHARE = 0.01
# Withdrawals are more frequent after the first stage (accepted elsewhere in the meantime).
LATER_WITHDRAWN_SHARE = 0.02
# In a selection of several stages some withdraw only after sitting the first test (to take
# another post before SKB): half of them have scores there. In a one-stage selection a
# withdrawal leaves no scores.
WITHDRAWN_WITH_SCORES = 0.5
TIE_EVERY = 5
PRIORITY_SHARE = 0.10
AFFIRMATION_SHARE = 0.05
AFFIRMATION_PERCENT = 10
# Rubric aspects for about half the sheets: some committees enter the aspects, some the total.
ASPECT_SHARE = 0.5
# Synthesized formations: most posts of a city government have one to three vacancies.
SYNTH_QUOTAS = (1, 2, 3, 4, 5)
SYNTH_QUOTA_WEIGHTS = (50, 28, 15, 4, 3)

# Ages 20–35 in 2024 (the CPNS age limit is 35 for most posts).
BIRTH_FIRST = date(1989, 1, 1).toordinal()
BIRTH_LAST = date(2004, 12, 31).toordinal()
# IPK in hundredths: mean 3.35, clipped to 2.75–4.00 (2.75 is a common minimum to apply).
IPK_MEAN, IPK_SD, IPK_MIN, IPK_MAX = 335, 25, 275, 400

# NIK: province 12 (Sumatera Utara), city 75 (Binjai), one of its five kecamatan, the birth date
# (day + 40 for women, as Dukcapil writes it) and a serial.
NIK_PREFIX = "1275"
KECAMATAN = ("Binjai Kota", "Binjai Utara", "Binjai Barat", "Binjai Timur", "Binjai Selatan")
# Participant numbers: year, Binjai's code, then a running number (sequential per formation).
NUMBER_PREFIX = "241275"

# Plausible score distributions in points: (mean, standard deviation). The CPNS SKD ones make
# about 45 % meet all three thresholds, so both the thresholds and the 3 × kebutuhan cut bite.
SCORE_PROFILES: dict[str, tuple[float, float]] = {
    "TWK": (85.0, 15.0),
    "TIU": (95.0, 20.0),
    "TKP": (167.0, 14.0),
}
# Otherwise: mean at 70 % of the range, sd 12 % (Binjai: ~70 ± 12, so some fall below 60).
DEFAULT_MEAN_SHARE = 0.70
DEFAULT_SD_SHARE = 0.12
# A participant's components correlate: strong candidates are strong on most tests.
ABILITY_WEIGHT = 0.5
NOISE_WEIGHT = math.sqrt(1 - ABILITY_WEIGHT**2)
# Two assessors of the same sheet differ by a few points; each has a mild personal leniency.
ASSESSOR_SD = 2.5
LENIENCY_SD = 1.5
ASPECT_SD = 5.0

# Normal draws come from a table of equiprobable quantiles: a uniform index into it is a normal
# draw at a fraction of ``random.gauss``'s cost, which matters at 100k participants.
NORMAL_TABLE_SIZE = 8192

WITHDRAWAL_REASONS = (
    "Mengundurkan diri atas permintaan sendiri",
    "Mengundurkan diri karena diterima di instansi lain",
    "Mengundurkan diri karena alasan keluarga",
    "Mengundurkan diri karena melanjutkan pendidikan",
    "Mengundurkan diri karena alasan kesehatan",
    "Pindah domisili ke luar daerah",
)


@dataclass(slots=True)
class DemoData:
    """Rows of the import files, in the order they should be imported.

    ``scores`` and ``aspect_scores`` are ordered stage by stage; a stage's rows must be imported
    only after the earlier stages' scores *and* ``withdrawn`` marks of those stages, because the
    importer recomputes the earlier cut to decide who may receive later scores.
    """

    formations: list[dict[str, str]]
    participants: list[dict[str, str]]
    scores: list[dict[str, str]]
    aspect_scores: list[dict[str, str]]
    withdrawn: list[tuple[str, str, str]]

    def stage_rows(
        self, scheme: Scheme, stage_code: str
    ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        """The ``scores`` and ``aspect_scores`` rows of one stage, to import stage by stage."""
        codes = {c.code for c in scheme.stage(stage_code).components}
        scores = [row for row in self.scores if row["komponen"] in codes]
        aspects = [row for row in self.aspect_scores if row["komponen"].partition(".")[0] in codes]
        return scores, aspects


# --- formations ----------------------------------------------------------------------------


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


def _allocate(rng: Random, total: int, formations: list[dict[str, str]]) -> list[int]:
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


# --- names ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _NameGroup:
    """One family tradition; ``male``/``female`` pair every given name with its pool, so a
    second given name comes from the same tradition as the first (no "Ruth Siti")."""

    weight: float
    male: tuple[tuple[str, tuple[str, ...]], ...]
    female: tuple[tuple[str, tuple[str, ...]], ...]
    second_chance: float
    second_male: tuple[str, ...]
    second_female: tuple[str, ...]
    surnames: tuple[str, ...]
    surname_chance: float
    female_marker: str
    prefixes: tuple[str, ...]
    prefix_chance: float


@cache
def _name_groups(path: Path = NAMES_FILE) -> tuple[_NameGroup, ...]:
    """The name lists, parsed once per process (the file is data; see its header)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    pools = data["pools"]
    groups = []
    for group in data["groups"]:
        given = group["given"]
        second = group.get("second", "")
        groups.append(
            _NameGroup(
                weight=float(group["weight"]),
                male=_with_pool(pools[pool]["male"] for pool in given),
                female=_with_pool(pools[pool]["female"] for pool in given),
                second_chance=float(group.get("second_chance", 0.0)),
                second_male=tuple(pools[second]["male"]) if second else (),
                second_female=tuple(pools[second]["female"]) if second else (),
                surnames=tuple(group.get("surnames", ())),
                surname_chance=float(group.get("surname_chance", 0.0)),
                female_marker=group.get("female_marker", ""),
                prefixes=tuple(group.get("prefixes", ())),
                prefix_chance=float(group.get("prefix_chance", 0.0)),
            )
        )
    return tuple(groups)


def _with_pool(pools: Iterable[list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    pairs = []
    for names in pools:
        pool = tuple(names)
        pairs.extend((name, pool) for name in pool)
    return tuple(pairs)


class _NameMaker:
    """Full names the way they appear on Binjai applicant lists."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.groups = _name_groups()
        self.cumulative = list(accumulate(g.weight for g in self.groups))

    def make(self, female: bool) -> str:
        rng = self.rng
        random = rng.random
        group = self.groups[bisect(self.cumulative, random() * self.cumulative[-1])]
        given = group.female if female else group.male
        first, pool = given[int(random() * len(given))]
        words = [first]
        if group.prefixes and random() < group.prefix_chance:
            words.insert(0, group.prefixes[int(random() * len(group.prefixes))])
        if random() < group.second_chance:
            seconds = (group.second_female if female else group.second_male) or pool
            second = seconds[int(random() * len(seconds))]
            if second != words[-1]:
                words.append(second)
        if group.surnames and random() < group.surname_chance:
            if female and group.female_marker:
                words.append(group.female_marker)
            words.append(group.surnames[int(random() * len(group.surnames))])
        return " ".join(words)


# --- scores --------------------------------------------------------------------------------


class _Scorer:
    """Draws one component's values on its grid (minimum + k × step, within the range)."""

    __slots__ = (
        "aspects",
        "assessors",
        "component",
        "integral",
        "k_max",
        "k_mean",
        "k_sd",
        "lo",
        "step",
    )

    def __init__(self, component: Component):
        self.component = component
        self.assessors = max(1, component.assessors)
        self.aspects = tuple(a.code for a in component.aspects)
        lo = Fraction(component.minimum)
        hi = Fraction(component.maximum)
        step = Fraction(component.step) if component.step > 0 else Fraction(1, 1000)
        self.lo: int | Fraction = lo.numerator if lo.denominator == 1 else lo
        self.step: int | Fraction = step.numerator if step.denominator == 1 else step
        self.integral = lo.denominator == 1 and step.denominator == 1
        self.k_max = math.floor((hi - lo) / step)
        span = float(hi - lo)
        mean, sd = SCORE_PROFILES.get(
            component.code,
            (float(lo) + DEFAULT_MEAN_SHARE * span, DEFAULT_SD_SHARE * span),
        )
        self.k_mean = (mean - float(lo)) / float(step)
        self.k_sd = sd / float(step)

    def level(self, z: float) -> float:
        """A position on the grid, in steps, for a standard-normal draw ``z``."""
        return self.k_mean + self.k_sd * z

    def points(self, points: float) -> float:
        """A shift in points, in steps."""
        return points / float(self.step)

    def at(self, level: float) -> int | Fraction:
        k = round(level)
        if k < 0:
            k = 0
        elif k > self.k_max:
            k = self.k_max
        value = self.lo + k * self.step
        if self.integral:
            return value
        if value.denominator == 1:  # type: ignore[union-attr]
            return value.numerator
        return value


def _categorical(component: Component, z: float, rng: Random) -> str:
    """A categorical result (e.g. psikotes MS/TMS): the weakest few fail a gate."""
    if component.passing:
        failing = [v for v in component.values if v not in component.passing]
        if failing and z < -1.75:
            return failing[0]
        return component.passing[0]
    return rng.choice(component.values)


def _text(value: object) -> str:
    if type(value) is int:
        return str(value)
    if value is ABSENT:
        return ABSENT_TEXT
    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return f"{exact.normalize():f}"
    return str(value)


@cache
def _normal_table() -> tuple[float, ...]:
    normal = NormalDist()
    return tuple(normal.inv_cdf((i + 0.5) / NORMAL_TABLE_SIZE) for i in range(NORMAL_TABLE_SIZE))


# --- the generator -------------------------------------------------------------------------


class _Generator:
    """One generation run; every random draw comes from ``rng`` in a fixed order.

    Iteration is always over lists in participant order, never over sets: string hashing
    differs between processes and would make the output depend on more than the seed.
    """

    def __init__(self, scheme: Scheme, rng: Random, formations: list[dict[str, str]]):
        self.scheme = scheme
        self.rng = rng
        self.formations = formations
        self.quotas = {f["kode_formasi"]: int(f["kebutuhan"]) for f in formations}
        self.scorers = {c.code: _Scorer(c) for s in scheme.stages for c in s.components}
        self.people: list[Candidate] = []
        self.by_formation: dict[str, list[int]] = {}
        self.ability: list[float] = []
        self.female: list[bool] = []
        self.kecamatan: list[int] = []
        self.nik: list[str] = []
        self.nik_serials: dict[str, int] = {}
        self.ipk_text: list[str] = []
        self.withdrawn: list[tuple[str, str, str]] = []
        self.panels: dict[tuple[str, str], tuple[str, ...]] = {}
        self.leniency: dict[str, float] = {}
        self.table = _normal_table()
        self.uses_priority = scheme.kind == "PPPK" or any(
            KEY_PRIORITY in s.ranking for s in scheme.stages
        )
        self.uses_affirmation = scheme.kind == "PPPK" or any(
            c.affirmation for s in scheme.stages for c in s.components
        )

    def normal(self) -> float:
        """A standard-normal draw (see ``NORMAL_TABLE_SIZE``)."""
        return self.table[int(self.rng.random() * NORMAL_TABLE_SIZE)]

    # participants ------------------------------------------------------------------------

    def make_people(self, total: int) -> None:
        rng = self.rng
        random = rng.random
        table = self.table
        names = _NameMaker(rng)
        fromordinal = date.fromordinal
        birth_span = BIRTH_LAST - BIRTH_FIRST + 1
        counts = _allocate(rng, total, self.formations)
        running = 0
        for formation, count in zip(self.formations, counts, strict=True):
            code = formation["kode_formasi"]
            indices = self.by_formation.setdefault(code, [])
            for _ in range(count):
                running += 1
                female = random() < 0.5
                ability = table[int(random() * NORMAL_TABLE_SIZE)]
                birth = fromordinal(BIRTH_FIRST + int(random() * birth_span))
                hundredths = round(
                    IPK_MEAN
                    + IPK_SD * (0.3 * ability + 0.95 * table[int(random() * NORMAL_TABLE_SIZE)])
                )
                hundredths = min(IPK_MAX, max(IPK_MIN, hundredths))
                ipk = f"{hundredths // 100}.{hundredths % 100:02d}"
                priority: int | None = None
                affirmation: Decimal | None = None
                if self.uses_priority and random() < PRIORITY_SHARE:
                    priority = rng.randint(1, 4)
                if self.uses_affirmation and random() < AFFIRMATION_SHARE:
                    affirmation = Decimal(AFFIRMATION_PERCENT)
                kecamatan = int(random() * len(KECAMATAN))
                indices.append(len(self.people))
                self.people.append(
                    Candidate(
                        number=f"{NUMBER_PREFIX}{running:08d}",
                        name=names.make(female),
                        formation=code,
                        birth_date=birth,
                        ipk=Decimal(ipk),
                        priority_group=priority,
                        affirmation_percent=affirmation,
                        marks=(),
                        entries={},
                    )
                )
                self.ability.append(ability)
                self.female.append(female)
                self.kecamatan.append(kecamatan)
                self.ipk_text.append(ipk)
                self.nik.append(self._new_nik(female, kecamatan, birth))

    def _new_nik(self, female: bool, kecamatan: int, birth: date) -> str:
        day = birth.day + 40 if female else birth.day
        head = f"{NIK_PREFIX}{kecamatan + 1:02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}"
        serial = self.nik_serials.get(head, 0) + 1
        self.nik_serials[head] = serial
        return f"{head}{serial:04d}"

    def make_panels(self) -> None:
        """Assessor panels: a pool shared by formations, so consistency can be compared."""
        multi = [c for s in self.scheme.stages for c in s.components if c.assessors >= 2]
        if not multi:
            return
        size = max(4, min(24, 2 * math.ceil(len(self.formations) / 4)))
        names = _NameMaker(self.rng)
        pool: list[str] = []
        while len(pool) < size:
            name = names.make(self.rng.random() < 0.5)
            # A one-word name is fine for an applicant but too vague to sign a score sheet.
            if " " in name and name not in pool:
                pool.append(name)
                self.leniency[name] = LENIENCY_SD * self.normal()
        for formation in self.formations:
            for component in multi:
                count = min(component.assessors, len(pool))
                panel = tuple(self.rng.sample(pool, count))
                self.panels[(formation["kode_formasi"], component.code)] = panel

    # stages --------------------------------------------------------------------------------

    def score_stage(self, stage: Stage, entrants: list[int], first: bool) -> None:
        """Scores of one stage for the entrants; a few absent (TH) and withdrawn (APS)."""
        rng = self.rng
        random = rng.random
        table = self.table
        people = self.people
        ability = self.ability
        scorers = [self.scorers[c.code] for c in stage.components]
        withdrawn_share = WITHDRAWN_SHARE if first else LATER_WITHDRAWN_SHARE
        later_stages = len(self.scheme.stages) > 1
        fast = [
            (s.component.code, s.k_mean, s.k_sd, s.k_max, s.lo, s.step)
            for s in scorers
            if s.assessors == 1 and s.component.is_numeric and s.integral
        ]
        if len(fast) < len(scorers):
            fast = []
        for index in entrants:
            person = people[index]
            draw = random()
            entries = person.entries
            if draw < ABSENT_SHARE:
                for scorer in scorers:
                    entries[scorer.component.code] = [ABSENT] * scorer.assessors  # type: ignore[index]
                continue
            if draw < ABSENT_SHARE + withdrawn_share:
                person.marks = ((MARK_WITHDRAWN, stage.code),)
                reason = WITHDRAWAL_REASONS[int(random() * len(WITHDRAWAL_REASONS))]
                self.withdrawn.append((person.number, stage.code, reason))
                if not (first and later_stages and random() < WITHDRAWN_WITH_SCORES):
                    continue
            a = ability[index] * ABILITY_WEIGHT
            if fast:
                # The common case (CAT results) inlined: whole grid, one value, no assessor.
                for code, k_mean, k_sd, k_max, lo, step in fast:
                    z = a + NOISE_WEIGHT * table[int(random() * NORMAL_TABLE_SIZE)]
                    k = round(k_mean + k_sd * z)
                    if k < 0:
                        k = 0
                    elif k > k_max:
                        k = k_max
                    entries[code] = [lo + k * step]  # type: ignore[index]
                continue
            for scorer in scorers:
                z = a + NOISE_WEIGHT * self.normal()
                entries[scorer.component.code] = self._entries(person, scorer, z)  # type: ignore[index]

    def _entries(self, person: Candidate, scorer: _Scorer, z: float) -> list:
        component = scorer.component
        rng = self.rng
        if not component.is_numeric:
            # Assessors of a categorical result agree: it is one observed fact (MS or TMS).
            return [_categorical(component, z, rng)] * scorer.assessors
        level = scorer.level(z)
        if scorer.assessors == 1:
            return [scorer.at(level)]
        panel = self.panels[(person.formation, component.code)]
        with_aspects = bool(scorer.aspects) and rng.random() < ASPECT_SHARE
        entries: list = []
        for assessor in panel:
            shift = scorer.points(self.leniency[assessor] + ASSESSOR_SD * self.normal())
            own = level + shift
            if with_aspects:
                spread = scorer.points(ASPECT_SD)
                entries.append(
                    {code: scorer.at(own + spread * self.normal()) for code in scorer.aspects}
                )
            else:
                entries.append(scorer.at(own))
        return entries

    def entrants_after(
        self,
        index: int,
        stage_filter: Callable[[str, set[str]], set[str]] | None,
    ) -> list[int]:
        """Who reached stage ``index``: those the previous stage let through (e.g. SKD P/L)."""
        scheme = self.scheme
        previous = scheme.stages[index - 1]
        results = rank_selection(scheme, self.quotas, self.people, upto=previous.code)
        passed = {row.number for row in results[previous.code].rows if row.status.goes_on}
        if index == 1 and len(scheme.stages) > 1:
            passed |= self.cut_ties(results[previous.code].by_number())
        if stage_filter is not None:
            passed = set(stage_filter(scheme.stages[index].code, set(passed)))
        return [i for i, person in enumerate(self.people) if person.number in passed]

    # ties ----------------------------------------------------------------------------------

    def cut_ties(self, rows: dict[str, ResultRow]) -> set[str]:
        """In every 5th formation, tie the first one outside the cut with its last member.

        The regulation sends everyone tied with the last of the 3 × kebutuhan to SKB too
        (DESIGN §4.1), so the tied participant joins; no one else's code changes, because they
        were next in line and now equal a key already inside the cut.
        """
        stage = self.scheme.first_stage
        codes = [c.code for c in stage.components]
        joined: set[str] = set()
        for position, formation in enumerate(self.formations):
            if position % TIE_EVERY != 2:
                continue
            code = formation["kode_formasi"]
            quota = self.quotas[code] * stage.quota_multiplier
            ranked = sorted(
                (
                    (rows[self.people[i].number].rank, i)
                    for i in self.by_formation[code]
                    if rows[self.people[i].number].rank is not None
                ),
            )
            inside = [pair for pair in ranked if pair[0] <= quota]
            outside = [pair for pair in ranked if pair[0] > quota]
            if not inside or not outside:
                continue
            last = self.people[inside[-1][1]]
            first_out = self.people[outside[0][1]]
            for component in codes:
                first_out.entries[component] = list(last.entries[component])  # type: ignore[index]
            joined.add(first_out.number)
        return joined

    def final_ties(self) -> None:
        """In every 5th formation, two participants with identical scores at the vacancy line.

        Alternately a complete tie (same birth date and IPK too: the ranking flags SERI for the
        committee) and a score tie that the rest of the tie-break chain decides (IPK, age).
        """
        scheme = self.scheme
        final = scheme.last_stage
        made = 0
        for position, formation in enumerate(self.formations):
            if position % TIE_EVERY != TIE_EVERY - 1:
                continue
            code = formation["kode_formasi"]
            members = [self.people[i] for i in self.by_formation[code]]
            if len(members) < 2:
                continue
            before = rank_selection(scheme, self.quotas, members)
            rows = sorted(
                (row for row in before[final.code].rows if row.rank is not None),
                key=lambda row: (row.rank, row.number),
            )
            vacancies = self.quotas[code]
            inside = [row for row in rows if row.rank <= vacancies]  # type: ignore[operator]
            if not inside:
                continue
            anchor = inside[-1]
            later = [row for row in rows if row.rank > anchor.rank][:3]  # type: ignore[operator]
            complete = made % 2 == 0
            for row in later:
                if self._tie(members, before, anchor.number, row.number, complete):
                    made += 1
                    break

    def _tie(
        self,
        members: list[Candidate],
        before: dict[str, StageResult],
        a: str,
        b: str,
        complete: bool,
    ) -> bool:
        """Copy A's scores (and for a complete tie birth date and IPK) to B, unless that would
        change an earlier stage's cut, which would invalidate scores already generated."""
        index = {self.people[i].number: i for i in self.by_formation[members[0].formation]}
        ia, ib = index[a], index[b]
        source, target = self.people[ia], self.people[ib]
        saved = (
            dict(target.entries),
            target.priority_group,
            target.affirmation_percent,
            target.birth_date,
            target.ipk,
            self.ipk_text[ib],
            self.nik[ib],
        )
        target.entries = {code: list(values) for code, values in source.entries.items()}
        target.priority_group = source.priority_group
        target.affirmation_percent = source.affirmation_percent
        if complete:
            target.birth_date = source.birth_date
            target.ipk = source.ipk
            self.ipk_text[ib] = self.ipk_text[ia]
            self.nik[ib] = self._new_nik(self.female[ib], self.kecamatan[ib], source.birth_date)
        if len(self.scheme.stages) == 1 or self._cuts_unchanged(members, before):
            return True
        (
            target.entries,
            target.priority_group,
            target.affirmation_percent,
            target.birth_date,
            target.ipk,
            self.ipk_text[ib],
            self.nik[ib],
        ) = saved
        return False

    def _cuts_unchanged(self, members: list[Candidate], before: dict[str, StageResult]) -> bool:
        after = rank_selection(self.scheme, self.quotas, members, upto=self.scheme.stages[-2].code)
        for stage in self.scheme.stages[:-1]:
            old = {row.number for row in before[stage.code].rows if row.status.goes_on}
            new = {row.number for row in after[stage.code].rows if row.status.goes_on}
            if old != new:
                return False
        return True

    # output --------------------------------------------------------------------------------

    def participant_rows(self) -> list[dict[str, str]]:
        pppk = self.uses_priority or self.uses_affirmation
        education = {f["kode_formasi"]: f["pendidikan"] for f in self.formations}
        rows = []
        for i, person in enumerate(self.people):
            row = {
                "nomor_peserta": person.number,
                "nama": person.name,
                "tanggal_lahir": person.birth_date.isoformat(),
                "kode_formasi": person.formation,
                "nik": self.nik[i],
                "pendidikan": education[person.formation],
                "ipk": self.ipk_text[i],
            }
            if pppk:
                group = person.priority_group
                bonus = person.affirmation_percent
                row["kelompok_prioritas"] = "" if group is None else str(group)
                row["afirmasi_persen"] = "" if bonus is None else str(bonus)
            rows.append(row)
        return rows

    def score_rows(self) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        scores: list[dict[str, str]] = []
        aspects: list[dict[str, str]] = []
        for stage in self.scheme.stages:
            components = stage.components
            for person in self.people:
                entries = person.entries
                number = person.number
                for component in components:
                    code = component.code
                    values = entries.get(code)
                    if not values:
                        continue
                    if component.assessors <= 1:
                        for value in values:
                            scores.append(
                                {
                                    "nomor_peserta": number,
                                    "komponen": code,
                                    "nilai": _text(value),
                                    "penilai": "",
                                }
                            )
                        continue
                    panel = self.panels[(person.formation, code)]
                    for assessor, value in zip(panel, values, strict=True):
                        if isinstance(value, dict):
                            for aspect, part in value.items():
                                aspects.append(
                                    {
                                        "nomor_peserta": number,
                                        "komponen": f"{code}.{aspect}",
                                        "nilai": _text(part),
                                        "penilai": assessor,
                                    }
                                )
                        else:
                            scores.append(
                                {
                                    "nomor_peserta": number,
                                    "komponen": code,
                                    "nilai": _text(value),
                                    "penilai": assessor,
                                }
                            )
        return scores, aspects


def generate_demo(
    scheme: Scheme,
    participants: int = 600,
    seed: int = 1,
    formations: int | None = None,
    *,
    formation_rows: list[dict[str, str]] | None = None,
    stage_filter: Callable[[str, set[str]], set[str]] | None = None,
) -> DemoData:
    """A whole selection for ``scheme`` as import rows; the same seed gives the same rows.

    ``formations``: how many (default ~20 participants each, at most the base rows); more than
    the base rows are synthesized. ``formation_rows``: the base rows instead of the Binjai file.
    ``stage_filter(stage_code, numbers)``: called for every stage after the first with the
    numbers that reached it (the previous stage's within-quota code, ties included); the numbers
    it returns receive that stage's scores. Default: exactly those numbers.
    """
    if participants < 0:
        raise ValueError("participants must not be negative")
    rng = Random(seed)
    base = load_formation_rows() if formation_rows is None else list(formation_rows)
    if formations is None:
        formations = (
            default_formation_count(participants, len(base))
            if formation_rows is None
            else len(base)
        )
    with collector_paused():
        generator = _Generator(scheme, rng, build_formations(rng, base, max(1, formations)))
        generator.make_people(participants)
        generator.make_panels()
        everyone = list(range(len(generator.people)))
        for index, stage in enumerate(scheme.stages):
            entrants = everyone if index == 0 else generator.entrants_after(index, stage_filter)
            generator.score_stage(stage, entrants, first=index == 0)
        generator.final_ties()
        scores, aspect_scores = generator.score_rows()
        return DemoData(
            formations=generator.formations,
            participants=generator.participant_rows(),
            scores=scores,
            aspect_scores=aspect_scores,
            withdrawn=generator.withdrawn,
        )
