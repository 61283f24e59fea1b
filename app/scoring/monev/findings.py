"""Findings: every flag of an evaluation as a statement the tim monev can act on (issue #13).

``findings(figures)`` reads the dictionary of ``seleksi evaluate --json`` (per stage ``flow``,
``distributions``, ``fairness``, ``components``; ``validity`` when later performance exists;
and, when present, ``scheme``: the names, thresholds and scales of the stages, components and
formations) and returns one ``Finding`` per flag, each with a stable dotted ``key`` that a
recommendation can be attached to, and the numbers behind it. The words are elsewhere
(``app.messages.findings``); this module only decides what is worth saying.

The flags and why each bound:

- ``icc.<STAGE>.<CODE>[.<ASPECT>]``: ICC(2,1) below 0.75, the lower bound of "good" in Koo &
  Li (2016). A warning when the whole 95 % interval lies below 0.75, a note when it reaches it
  (the panel may simply be too small to tell).
- ``assessor.<STAGE>.<CODE>.<NAME>``: an assessor whose mean deviation from the others on the
  same participants is beyond ±5 points of the component's scale (the tim monev's bound). A
  warning when the 95 % interval excludes zero (the leniency or harshness is not chance), a
  note otherwise.
- ``fairness.<STAGE>.<group>``: an impact ratio below four fifths (29 CFR 1607.4(D)). A
  warning when Fisher's exact test of the lowest against the highest group gives p < 0.05, a
  note otherwise: the Uniform Guidelines themselves ask for statistical significance before a
  small difference is read as adverse impact.
- ``small_group.<STAGE>.<group>``: levels with fewer than 30 applicants, shown but not judged
  (``app.scoring.monev.fairness.SMALL_GROUP``); a note.
- ``pileup.<STAGE>.<CODE>``: scores crowding within ±2 points of the threshold (see
  ``pileup``); a warning.
- ``empty.<STAGE>``: one finding listing the formations where nobody is within the quota, with
  why (everyone absent, below a threshold, …); a warning.
- ``validity.<CODE>``: a predictive validity whose whole 95 % interval lies below the
  published reference for its kind of test (Sackett, Zhang, Berry & Lievens 2022): a warning;
  or whose interval includes zero: a note (with the few selected, often inconclusive).
- ``range_restriction``: whenever validity exists, the note that only those selected have
  performance data, so every coefficient understates the test's validity among applicants.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from .distribution import NEAR_THRESHOLD
from .fairness import FOUR_FIFTHS, SMALL_GROUP

Severity = Literal["warning", "note"]

ICC_GOOD = 0.75
"""Koo & Li (2016): an ICC below 0.75 is at best "moderate"."""
DEVIATION_LIMIT = 5.0
"""Points of the component's scale an assessor may sit from the others before it is said."""
SIGNIFICANT = 0.05
"""Fisher's p below which a ratio under four fifths is a warning, not a note."""

WINDOW_POINTS = 2 * NEAR_THRESHOLD + 1
"""The window threshold ± 2 counted in whole points: five values of an integer scale, one of a
scale in steps of five (TWK: 63–67 holds only 65, as 60–75 holds 60, 65, 70). On a finer scale
(a mean of assessors) the window is really four points wide, so the expectation drawn from it
is a little too high: the test errs towards silence."""
PILEUP_CONTEXT = 2 * WINDOW_POINTS
"""Points of the scale beside the window, at least, from which its expected share is read."""
PILEUP_RATIO = 2.0
"""The window's density must be at least twice the density around it…"""
PILEUP_P = 0.01
"""…and so improbable under an even spread (one-sided binomial) that chance is ruled out."""

FINAL = "NILAI_AKHIR"
"""The final score's code among the validities."""

REFERENCE_KIND = {
    "PENGETAHUAN": "job_knowledge",
    "CAT_SKB": "job_knowledge",
    "TEKNIS": "job_knowledge",
    "PRAKTIK": "work_sample",
    "WAWANCARA": "structured_interview",
    "TIU": "cognitive_ability",
}
"""The kind of test of the presets' components, for the reference validity beside them
(Sackett et al. 2022, Table 3). A scheme of its own names the kind in
``scheme.components.<CODE>.reference``; a component of no listed kind (TWK, TKP, a
psychotest, the final score) is compared with zero only."""

CATEGORY_KIND = {"praktik": "work_sample", "wawancara": "structured_interview"}
"""The kind of a component of a scheme's own, by its category when its code is not listed."""


def reference_kind(code: str, category: str = "") -> str | None:
    """The reference validity's kind of a component (``None``: none applies)."""
    return REFERENCE_KIND.get(code) or CATEGORY_KIND.get(category)


@dataclass(frozen=True, slots=True)
class Finding:
    """One flag: ``key`` (stable, dotted; recommendations are attached to it), ``severity``,
    ``message`` (a catalogue id of ``app.messages.catalog_monev``) and ``params``, the numbers
    behind it as numbers (``app.messages.findings.finding_text`` formats them for people)."""

    key: str
    severity: Severity
    message: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)


def findings(figures: Mapping[str, Any]) -> list[Finding]:
    """Every finding of ``figures``: per stage in order (empty formations, agreement, assessors,
    pile-ups, fairness, small groups), then validity and the range-restriction note."""
    labels = _Labels(figures.get("scheme") or {})
    found: list[Finding] = []
    stages = figures.get("stages") or {}
    for stage_code, stage in stages.items():
        where = {"stage": stage_code, "stage_name": labels.stage(stage_code)}
        found.extend(_empty(stage_code, stage.get("flow") or {}, where, labels))
        for code, figure in (stage.get("components") or {}).items():
            named = {**where, "component": code, "name": labels.component(code)}
            found.extend(_agreement(f"icc.{stage_code}.{code}", figure, named))
            for aspect, inner in (figure.get("aspects") or {}).items():
                aspect_named = {
                    **named,
                    "aspect": aspect,
                    "aspect_name": labels.aspect(code, aspect),
                }
                found.extend(_agreement(f"icc.{stage_code}.{code}.{aspect}", inner, aspect_named))
            found.extend(_assessors(f"assessor.{stage_code}.{code}", figure, named))
        for code, figure in (stage.get("distributions") or {}).items():
            threshold = figure.get("threshold", labels.threshold(code))
            if threshold is None:
                continue
            named = {**where, "component": code, "name": labels.component(code)}
            flag = pileup(figure, float(threshold))
            if flag is not None:
                found.append(
                    Finding(f"pileup.{stage_code}.{code}", "warning", "monev.finding.pileup",
                            {**named, **flag})
                )  # fmt: skip
        for group, figure in (stage.get("fairness") or {}).items():
            found.extend(_fairness(stage_code, group, figure, where))
    validity = figures.get("validity") or {}
    if validity:
        reference = figures.get("validity_reference") or {}
        for code, figure in validity.items():
            found.extend(_validity(code, figure, reference, labels))
        first: Mapping[str, Any] = next(iter(stages.values()), {})
        found.append(
            Finding(
                "range_restriction",
                "note",
                "monev.finding.range_restriction",
                {
                    "n": max(int(v.get("n", 0)) for v in validity.values()),
                    "registered": int((first.get("flow") or {}).get("registered", 0)),
                },
            )
        )
    return found


class _Labels:
    """Names and scales from ``figures["scheme"]``; a code stands for itself when absent."""

    def __init__(self, scheme: Mapping[str, Any]) -> None:
        self.stages = scheme.get("stages") or {}
        self.components = scheme.get("components") or {}
        self.formations = scheme.get("formations") or {}

    def stage(self, code: str) -> str:
        return str((self.stages.get(code) or {}).get("name") or code)

    def component(self, code: str) -> str:
        return str((self.components.get(code) or {}).get("name") or code)

    def aspect(self, code: str, aspect: str) -> str:
        aspects = (self.components.get(code) or {}).get("aspects") or {}
        return str(aspects.get(aspect) or aspect)

    def threshold(self, code: str) -> float | None:
        value = (self.components.get(code) or {}).get("threshold")
        return None if value is None else float(value)

    def reference(self, code: str) -> str | None:
        kind = (self.components.get(code) or {}).get("reference")
        return str(kind) if kind else REFERENCE_KIND.get(code)

    def measure(self, code: str) -> str:
        """What a validity is of: a component, a stage's total (``SKD``), or the final score
        (``NILAI_AKHIR``: empty, the words say "nilai akhir")."""
        if code == FINAL:
            return ""
        if code in self.components:
            return self.component(code)
        return self.stage(code)

    def position(self, formation: str) -> str:
        return str((self.formations.get(formation) or {}).get("position") or "")


def _empty(
    stage: str, flow: Mapping[str, Any], where: dict[str, Any], labels: _Labels
) -> list[Finding]:
    empty = flow.get("empty_formations") or []
    if not empty:
        return []
    listed = [
        {
            "formation": e["formation"],
            "position": labels.position(e["formation"]),
            "statuses": dict(e.get("statuses") or {}),
        }
        for e in empty
    ]
    return [
        Finding(
            f"empty.{stage}",
            "warning",
            "monev.finding.empty",
            {**where, "count": len(listed), "formations": listed},
        )
    ]


def _agreement(key: str, figure: Mapping[str, Any], named: dict[str, Any]) -> list[Finding]:
    icc = figure.get("icc2_1")
    if icc is None or icc >= ICC_GOOD:
        return []
    ci = figure.get("ci95")
    clearly = ci is None or ci[1] < ICC_GOOD
    panel = figure.get("panel") or {}
    params = {
        **named,
        "icc": float(icc),
        "ci95": None if ci is None else (float(ci[0]), float(ci[1])),
        "band": figure.get("band") or "",
        "limit": ICC_GOOD,
        "n": int(panel.get("n") or figure.get("n_participants") or 0),
        "k": len(panel.get("assessors") or ()),
        "alpha": figure.get("krippendorff_alpha"),
    }
    message = "monev.finding.icc_aspect" if "aspect" in named else "monev.finding.icc"
    return [Finding(key, "warning" if clearly else "note", message, params)]


def _assessors(key: str, figure: Mapping[str, Any], named: dict[str, Any]) -> list[Finding]:
    found = []
    for name, assessor in (figure.get("assessors") or {}).items():
        deviation = float(assessor["deviation"])
        if abs(deviation) <= DEVIATION_LIMIT:
            continue
        ci = assessor.get("ci95")
        real = ci is not None and (ci[0] > 0 if deviation > 0 else ci[1] < 0)
        lenient = deviation > 0
        found.append(
            Finding(
                f"{key}.{name}",
                "warning" if real else "note",
                "monev.finding.assessor_lenient" if lenient else "monev.finding.assessor_harsh",
                {
                    **named,
                    "assessor": name,
                    "deviation": deviation,
                    "ci95": None if ci is None else (float(ci[0]), float(ci[1])),
                    "n": int(assessor.get("n", 0)),
                    "limit": DEVIATION_LIMIT,
                },
            )
        )
    return found


def judged_extremes(
    levels: Mapping[str, Mapping[str, Any]], too_small: Sequence[str]
) -> tuple[str, str] | None:
    """The lowest and the highest level by selection rate among those large enough to judge,
    chosen as ``app.scoring.monev.fairness.fairness`` chooses them (ties by name)."""
    judged = [
        (float(v["rate"]), level)
        for level, v in levels.items()
        if level not in too_small and v.get("applicants") and v.get("rate") is not None
    ]
    if len(judged) < 2:
        return None
    return min(judged)[1], max(judged)[1]


def _fairness(
    stage: str, group: str, figure: Mapping[str, Any], where: dict[str, Any]
) -> list[Finding]:
    found = []
    levels = figure.get("levels") or {}
    small = list(figure.get("too_small") or ())
    ratio = figure.get("impact_ratio")
    extremes = judged_extremes(levels, small)
    if ratio is not None and extremes is not None and _below_four_fifths(levels, *extremes):
        lowest, highest = extremes
        p = figure.get("fisher_p")
        found.append(
            Finding(
                f"fairness.{stage}.{group}",
                "warning" if p is not None and p < SIGNIFICANT else "note",
                "monev.finding.fairness",
                {
                    **where,
                    "group": group,
                    "ratio": float(ratio),
                    "limit": FOUR_FIFTHS,
                    "lowest": lowest,
                    "lowest_rate": float(levels[lowest]["rate"]),
                    "highest": highest,
                    "highest_rate": float(levels[highest]["rate"]),
                    "fisher_p": None if p is None else float(p),
                },
            )
        )
    if small:
        found.append(
            Finding(
                f"small_group.{stage}.{group}",
                "note",
                "monev.finding.small_group",
                {
                    **where,
                    "group": group,
                    "limit": SMALL_GROUP,
                    "levels": [(level, int(levels[level]["applicants"])) for level in small],
                },
            )
        )
    return found


def _below_four_fifths(levels: Mapping[str, Mapping[str, Any]], lowest: str, highest: str) -> bool:
    """The four-fifths test on the counts, in exact fractions: 32 of 100 against 40 of 100 is
    exactly four fifths (the float 0.32 / 0.4 is 0.7999…, which would flag it)."""
    low, high = levels[lowest], levels[highest]
    if not high["selected"]:
        return False
    ratio = Fraction(int(low["selected"]), int(low["applicants"])) / Fraction(
        int(high["selected"]), int(high["applicants"])
    )
    return ratio < Fraction(FOUR_FIFTHS).limit_denominator(100)


def pileup(figure: Mapping[str, Any], threshold: float) -> dict[str, Any] | None:
    """The figures of a pile-up at ``threshold``, or ``None`` when the scores do not crowd there.

    A smooth spread of scores puts about as many people in the window threshold ± 2 as in any
    other five points around it; scores nudged up to pass (or left just short) crowd the
    window. The criterion is local and uses only the distribution's figures: the histogram
    bins touching the window, widened by a bin on each side until they give at least
    ``PILEUP_CONTEXT`` points beside the window, hold N people over W points; the window holds
    k of them (``near_threshold`` × n). Under an even spread inside those bins the window's
    chance is q = 5 / W. A pile-up is said when the window's density is at least
    ``PILEUP_RATIO`` times the density beside it, (k / 5) ≥ 2 · (N − k) / (W − 5), and a
    one-sided binomial test of k among N at q gives p < ``PILEUP_P``. Local bins keep the
    curvature of the spread (a threshold at its peak) from passing for a pile-up; the ratio
    keeps a large selection's tiny bumps from it.
    """
    from scipy import stats

    near = figure.get("near_threshold")
    histogram = figure.get("histogram") or {}
    edges = [float(e) for e in histogram.get("edges") or ()]
    counts = [int(c) for c in histogram.get("counts") or ()]
    n = int(figure.get("n") or 0)
    if near is None or not n or len(edges) != len(counts) + 1 or not counts:
        return None
    low, high = threshold - NEAR_THRESHOLD, threshold + NEAR_THRESHOLD
    touching = [j for j in range(len(counts)) if edges[j + 1] > low and edges[j] <= high]
    if not touching:
        return None
    first, last = touching[0], touching[-1]
    while edges[last + 1] - edges[first] - WINDOW_POINTS < PILEUP_CONTEXT and (
        first > 0 or last < len(counts) - 1
    ):
        first, last = max(0, first - 1), min(len(counts) - 1, last + 1)
    width = edges[last + 1] - edges[first]
    people = sum(counts[first : last + 1])
    inside = round(float(near) * n)
    beside = width - WINDOW_POINTS
    if beside <= 0 or inside == 0:
        return None
    density_beside = (people - inside) / beside
    ratio = (inside / WINDOW_POINTS) / density_beside if density_beside else float("inf")
    chance = WINDOW_POINTS / width
    p = float(stats.binom.sf(inside - 1, people, chance))
    if ratio < PILEUP_RATIO or p >= PILEUP_P:
        return None
    below = figure.get("just_below_threshold")
    return {
        "threshold": threshold,
        "share": inside / n,
        "expected_share": density_beside * WINDOW_POINTS / n,
        "ratio": ratio,
        "p": p,
        "just_below": None if below is None else float(below),
        "n": n,
    }


def _validity(
    code: str, figure: Mapping[str, Any], reference: Mapping[str, float], labels: _Labels
) -> list[Finding]:
    ci = figure.get("ci95")
    if ci is None:
        return []
    low, high = float(ci[0]), float(ci[1])
    kind = labels.reference(code)
    expected = reference.get(kind) if kind else None
    below = expected is not None and high < expected
    zero = low <= 0 <= high
    if not (below or zero):
        return []
    message = (
        "monev.finding.validity_low_zero"
        if below and zero
        else "monev.finding.validity_low"
        if below
        else "monev.finding.validity_zero"
    )
    return [
        Finding(
            f"validity.{code}",
            "warning" if below else "note",
            message,
            {
                "component": code,
                "name": labels.measure(code),
                "rho": float(figure["rho"]),
                "ci95": (low, high),
                "n": int(figure.get("n", 0)),
                "kind": kind or "",
                "reference": expected,
            },
        )
    ]
