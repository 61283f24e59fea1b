"""One demo generation run: applicants, assessor panels, every stage's scores, and ties.

Stages are scored in order, each for the participants who reached it by the very ranking
function the importer uses to refuse scores for a stage a participant has not reached; ties
are then placed where they matter most, at the quota boundary.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from random import Random

from app.bulk import collector_paused
from app.scoring import (
    ABSENT,
    Candidate,
    Entry,
    ResultRow,
    Scheme,
    Stage,
    StageResult,
    rank_selection,
)
from app.scoring.scheme import KEY_PRIORITY, MARK_WITHDRAWN

from .formations import build_formations, default_formation_count, load_formation_rows
from .names import NameMaker
from .people import Applicants
from .scores import (
    ABILITY_WEIGHT,
    ASPECT_SD,
    ASSESSOR_SD,
    LENIENCY_SD,
    LENIENT_POINTS,
    NOISE_WEIGHT,
    NORMAL_TABLE_SIZE,
    Scorer,
    categorical,
    normal_table,
    score_text,
)

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
# Rubric aspects for about half the sheets: some committees enter the aspects, some the total.
ASPECT_SHARE = 0.5

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
    abilities: dict[str, float] = field(default_factory=dict)
    """Each participant's general ability (a standard-normal draw) by number: what the
    demo's later performance follows, as a real selection's tests hope to."""

    def stage_rows(
        self, scheme: Scheme, stage_code: str
    ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        """The ``scores`` and ``aspect_scores`` rows of one stage, to import stage by stage."""
        codes = {c.code for c in scheme.stage(stage_code).components}
        scores = [row for row in self.scores if row["komponen"] in codes]
        aspects = [row for row in self.aspect_scores if row["komponen"].partition(".")[0] in codes]
        return scores, aspects


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
        self.scorers = {c.code: Scorer(c) for s in scheme.stages for c in s.components}
        self.withdrawn: list[tuple[str, str, str]] = []
        self.panels: dict[tuple[str, str], tuple[str, ...]] = {}
        self.leniency: dict[str, float] = {}
        self.table = normal_table()
        self.uses_priority = scheme.kind == "PPPK" or any(
            KEY_PRIORITY in s.ranking for s in scheme.stages
        )
        self.uses_affirmation = scheme.kind == "PPPK" or any(
            c.affirmation for s in scheme.stages for c in s.components
        )
        self.applicants = Applicants(
            rng,
            self.table,
            formations,
            uses_priority=self.uses_priority,
            uses_affirmation=self.uses_affirmation,
        )
        # The applicants' lists under the names the stages and ties use (the same lists).
        self.people = self.applicants.people
        self.by_formation = self.applicants.by_formation
        self.ability = self.applicants.ability
        self.female = self.applicants.female
        self.kecamatan = self.applicants.kecamatan
        self.nik = self.applicants.nik
        self.ipk_text = self.applicants.ipk_text

    def normal(self) -> float:
        """A standard-normal draw (see ``NORMAL_TABLE_SIZE``)."""
        return self.table[int(self.rng.random() * NORMAL_TABLE_SIZE)]

    # participants ------------------------------------------------------------------------

    def make_people(self, total: int) -> None:
        self.applicants.make_people(total)

    def make_panels(self) -> None:
        """Assessor panels: a pool shared by formations, so consistency can be compared."""
        multi = [c for s in self.scheme.stages for c in s.components if c.assessors >= 2]
        if not multi:
            return
        size = max(4, min(24, 2 * math.ceil(len(self.formations) / 4)))
        names = NameMaker(self.rng)
        pool: list[str] = []
        while len(pool) < size:
            name = names.make(self.rng.random() < 0.5)
            # A one-word name is fine for an applicant but too vague to sign a score sheet.
            if " " in name and name not in pool:
                pool.append(name)
                self.leniency[name] = LENIENCY_SD * self.normal()
        self.leniency[pool[0]] += LENIENT_POINTS
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
            entries = writable_entries(person)
            if draw < ABSENT_SHARE:
                for scorer in scorers:
                    entries[scorer.component.code] = [ABSENT] * scorer.assessors
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
                    entries[code] = [lo + k * step]
                continue
            for scorer in scorers:
                z = a + NOISE_WEIGHT * self.normal()
                entries[scorer.component.code] = self._entries(person, scorer, z)

    def _entries(self, person: Candidate, scorer: Scorer, z: float) -> list:
        component = scorer.component
        rng = self.rng
        if not component.is_numeric:
            # Assessors of a categorical result agree: it is one observed fact (MS or TMS).
            return [categorical(component, z, rng)] * scorer.assessors
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
                (rank, i)
                for i in self.by_formation[code]
                if (rank := rows[self.people[i].number].rank) is not None
            )
            inside = [pair for pair in ranked if pair[0] <= quota]
            outside = [pair for pair in ranked if pair[0] > quota]
            if not inside or not outside:
                continue
            last = self.people[inside[-1][1]]
            first_out = self.people[outside[0][1]]
            for component in codes:
                writable_entries(first_out)[component] = entries_of(last, component)
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
            ranked = sorted(
                (row.rank, row.number, row)
                for row in before[final.code].rows
                if row.rank is not None
            )
            vacancies = self.quotas[code]
            inside = [(rank, row) for rank, _, row in ranked if rank <= vacancies]
            if not inside:
                continue
            anchor_rank, anchor = inside[-1]
            later = [row for rank, _, row in ranked if rank > anchor_rank][:3]
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
        target.entries = {code: entries_of(source, code) for code in source.entries}
        target.priority_group = source.priority_group
        target.affirmation_percent = source.affirmation_percent
        if complete:
            target.birth_date = source.birth_date
            target.ipk = source.ipk
            self.ipk_text[ib] = self.ipk_text[ia]
            self.nik[ib] = self.applicants.new_nik(
                self.female[ib],
                self.kecamatan[ib],
                source.birth_date,
                self.applicants.regency[ib],
            )
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
        return self.applicants.participant_rows()

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
                    if code not in entries:
                        continue
                    values = entries_of(person, code)
                    if not values:
                        continue
                    if component.assessors <= 1:
                        for value in values:
                            scores.append(
                                {
                                    "nomor_peserta": number,
                                    "komponen": code,
                                    "nilai": score_text(value),
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
                                        "nilai": score_text(part),
                                        "penilai": assessor,
                                    }
                                )
                        else:
                            scores.append(
                                {
                                    "nomor_peserta": number,
                                    "komponen": code,
                                    "nilai": score_text(value),
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
            abilities={
                person.number: ability
                for person, ability in zip(generator.people, generator.ability, strict=True)
            },
        )


def entries_of(candidate: Candidate, code: str) -> list[Entry]:
    """A component's entries as a fresh list (the rules also accept one bare number)."""
    value = candidate.entries[code]
    if isinstance(value, (int, Fraction)):
        return [value]
    return list(value)


def writable_entries(candidate: Candidate) -> dict[str, Sequence[Entry] | int | Fraction]:
    """The generator's own dict behind a candidate's entries (the rules only read them)."""
    entries = candidate.entries
    assert isinstance(entries, dict)  # every candidate here is built with a dict
    return entries
