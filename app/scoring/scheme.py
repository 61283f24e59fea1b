"""The scoring scheme: stages, components and the ranking precedence, as plain data.

A scheme is copied from a preset into a selection and may then be edited until scores exist,
so every number here is data, never code. Rules that differ between regulations (which codes
a stage prints, which keys break ties) are named in the scheme and interpreted by one ranking
function, so every view, export and document ranks the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .status import Status

NUMERIC = "numeric"
CATEGORICAL = "categorical"
COMPONENT_KINDS = (NUMERIC, CATEGORICAL)

SUM = "sum"
WEIGHTED = "weighted"
STAGE_METHODS = (SUM, WEIGHTED)

CATEGORIES = ("cat", "praktik", "wawancara", "psikotes", "lainnya")
SCHEME_KINDS = ("CPNS", "PPPK", "LOKAL")

# Ranking keys that are not component or stage codes.
KEY_FINAL = "NILAI_AKHIR"
KEY_IPK = "IPK"
KEY_AGE = "USIA"
KEY_PRIORITY = "KELOMPOK_PRIORITAS"
SPECIAL_KEYS = (KEY_FINAL, KEY_IPK, KEY_AGE, KEY_PRIORITY)

# Notes printed in the `catatan` column.
NOTE_TIE = "SERI"
NOTE_TIE_WAITING = "menunggu keputusan panitia"
"""The ``catatan`` of a tied row before the committee decides (its code already says SERI)."""
NOTE_INCOMPLETE = "BELUM LENGKAP"

# Participant marks, in order of precedence.
MARK_WITHDRAWN = "APS"
MARK_DISQUALIFIED = "DIS"
MARK_REQUIREMENT = "TMS"
MARK_KINDS = (MARK_WITHDRAWN, MARK_DISQUALIFIED, MARK_REQUIREMENT)


@dataclass(frozen=True, slots=True)
class Aspect:
    """One rubric aspect; an assessor's score is the weighted mean of the aspects."""

    code: str
    name: str
    weight: Decimal
    description: str = ""


@dataclass(frozen=True, slots=True)
class Component:
    """A scored test.

    ``assessors`` is the minimum number of assessors; when more have scored, the component
    scores the exact mean of all of them. ``threshold`` (numeric) or ``passing`` (categorical)
    make the component eliminating (gugur). ``affirmation`` adds the participant's affirmation
    percentage of ``maximum`` (PPPK), capped at ``maximum``.
    """

    code: str
    name: str
    kind: str = NUMERIC
    category: str = "lainnya"
    minimum: Decimal = Decimal(0)
    maximum: Decimal = Decimal(100)
    step: Decimal = Decimal(1)
    weight: Decimal = Decimal(0)
    threshold: Decimal | None = None
    assessors: int = 1
    aspects: tuple[Aspect, ...] = ()
    values: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()
    affirmation: bool = False
    double_entry: bool = False
    """Two operators enter each value independently; only agreeing values count."""
    max_spread: Decimal | None = Decimal(20)
    """Assessors of one participant differing by more than this are flagged for review."""

    @property
    def eliminating(self) -> bool:
        return self.threshold is not None or bool(self.passing)

    @property
    def is_numeric(self) -> bool:
        return self.kind == NUMERIC


@dataclass(frozen=True, slots=True)
class StageCodes:
    """The status codes a stage prints; each regulation names them differently."""

    within_quota: str
    outside_quota: str
    below_threshold: str
    absent: str
    requirement_failed: str
    withdrawn: str = MARK_WITHDRAWN
    disqualified: str = MARK_DISQUALIFIED

    def code_for(self, status: Status) -> str | None:
        """The printed code of a status; an incomplete row has none yet."""
        if status is Status.INCOMPLETE:
            return None
        if status is Status.TIED:
            return NOTE_TIE  # never the scheme's: SERI is reserved (scheme.code_reserved)
        return getattr(self, status.value)  # the enum's values are this class's fields

    def statuses_of(self, code: str) -> tuple[Status, ...]:
        """Every status printed as ``code`` (more than one where the scheme shares a code)."""
        return tuple(
            s
            for s in Status
            if s is not Status.INCOMPLETE and s is not Status.TIED and self.code_for(s) == code
        )

    def all(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for code in (
            self.within_quota,
            self.outside_quota,
            self.absent,
            self.below_threshold,
            self.requirement_failed,
            self.withdrawn,
            self.disqualified,
        ):
            seen.setdefault(code, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage with its own ranking, codes and announcement.

    ``ranking`` is the precedence of keys: scores descending, ``USIA`` older first,
    ``KELOMPOK_PRIORITAS`` lower group first. ``quota_multiplier`` widens the cut of a
    stage that selects for the next one (SKD: three times the vacancies).
    """

    code: str
    name: str
    method: str
    components: tuple[Component, ...]
    ranking: tuple[str, ...]
    codes: StageCodes
    quota_multiplier: int = 1
    integrates: str | None = None
    integrate_weight: Decimal = Decimal(0)

    def component(self, code: str) -> Component:
        for component in self.components:
            if component.code == code:
                return component
        raise KeyError(code)

    @property
    def plain_sum(self) -> bool:
        """The final value is the plain sum of the scores (SKD, PPPK), not weighted nor
        integrated with an earlier stage: whole scores give a whole total."""
        return self.method == SUM and not self.integrates

    @property
    def maximum(self) -> Decimal:
        """The largest value this stage's own score can take (before integration)."""
        if self.method == SUM:
            return sum((c.maximum for c in self.components if c.is_numeric), Decimal(0))
        return Decimal(100)


@dataclass(frozen=True, slots=True)
class Scheme:
    code: str
    name: str
    kind: str
    stages: tuple[Stage, ...]
    regional: bool = False
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def stage(self, code: str) -> Stage:
        for stage in self.stages:
            if stage.code == code:
                return stage
        raise KeyError(code)

    def stage_index(self, code: str) -> int:
        for index, stage in enumerate(self.stages):
            if stage.code == code:
                return index
        raise KeyError(code)

    @property
    def first_stage(self) -> Stage:
        return self.stages[0]

    @property
    def last_stage(self) -> Stage:
        return self.stages[-1]

    def is_final(self, stage: Stage) -> bool:
        return stage is self.stages[-1] or stage.code == self.stages[-1].code

    def find_component(self, code: str) -> tuple[Stage, Component]:
        for stage in self.stages:
            for component in stage.components:
                if component.code == code:
                    return stage, component
        raise KeyError(code)
