"""The figures of monitoring and evaluation, read from a selection (issue #13).

This first part answers the assessors' question for every component scored by more than one
assessor: how well do they agree (ICC(2,1), ICC(2,k) with 95 % intervals on the largest
panel, Krippendorff's alpha on every score), per component (each assessor's total over the
rubric aspects, or the whole value) and per rubric aspect, and how far each assessor sits
from the others on the same participants. The rules are ``app.scoring.monev``; this module
only reads the scores (one snapshot) and shapes the figures with the stable keys of
``seleksi evaluate --json``.

Flags, as the tim monev asks: an ICC(2,1) below ``ICC_FLAG`` (Koo & Li's "good"), an
assessor whose mean deviation is beyond ``DEVIATION_FLAG`` points.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .database import Database
from .schemes import scheme_of_selection

ICC_FLAG = 0.75
DEVIATION_FLAG = 5.0


def assessor_figures(db: Database, selection_id: int) -> dict[str, Any]:
    """``components.<CODE>`` of every multi-assessor component, by stage code."""
    from app.scoring.monev.reliability import (
        deviations,
        krippendorff_interval,
        panel_icc,
    )

    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
        stages: dict[str, Any] = {}
        for stage in scheme.stages:
            components: dict[str, Any] = {}
            for component in stage.components:
                if component.assessors < 2 or not component.is_numeric:
                    continue
                rows = connection.execute(
                    "SELECT p.number, s.assessor, s.aspect, s.value_milli FROM score s"
                    " JOIN participant p ON p.id = s.participant_id"
                    " WHERE s.component_id = ? AND p.selection_id = ?"
                    " AND s.value_milli IS NOT NULL AND NOT s.absent AND s.assessor != ''",
                    (ids.components[component.code], selection_id),
                ).fetchall()
                by_aspect: dict[str, dict[str, dict[str, float]]] = defaultdict(
                    lambda: defaultdict(dict)
                )
                for number, assessor, aspect, milli in rows:
                    by_aspect[aspect][number][assessor] = milli / 1000
                whole = _whole(by_aspect, [a.code for a in component.aspects])
                figures = _figures(whole, panel_icc, krippendorff_interval, deviations)
                figures["aspects"] = {
                    aspect.code: _figures(
                        by_aspect.get(aspect.code, {}), panel_icc, krippendorff_interval, deviations
                    )
                    for aspect in component.aspects
                }
                components[component.code] = figures
            if components:
                stages[stage.code] = {"components": components}
    return stages


def _whole(
    by_aspect: dict[str, dict[str, dict[str, float]]], aspects: list[str]
) -> dict[str, dict[str, float]]:
    """Each assessor's score of a participant: the whole value (typed as one number), or the
    mean over the rubric aspects when the assessor scored every one of them."""
    if not aspects:
        return by_aspect.get("", {})
    whole: dict[str, dict[str, float]] = defaultdict(dict)
    for number, given in by_aspect.get("", {}).items():
        whole[number].update(given)
    numbers = {n for aspect in aspects for n in by_aspect.get(aspect, {})}
    for number in numbers:
        assessors = set.intersection(
            *(set(by_aspect.get(aspect, {}).get(number, {})) for aspect in aspects)
        )
        for assessor in assessors:
            total = sum(by_aspect[aspect][number][assessor] for aspect in aspects)
            whole[number][assessor] = total / len(aspects)
    return whole


def _figures(
    scores: dict[str, dict[str, float]], panel_icc: Any, alpha: Any, deviations: Any
) -> dict[str, Any]:
    icc = panel_icc(scores) if scores else None
    found = {
        "n_participants": sum(1 for s in scores.values() if len(s) >= 2),
        "n_assessors": len({a for s in scores.values() for a in s}),
        "icc2_1": None if icc is None else round(icc.icc2_1, 4),
        "icc2_k": None if icc is None else round(icc.icc2_k, 4),
        "ci95": None if icc is None else [round(v, 4) for v in icc.ci95],
        "ci95_k": None if icc is None else [round(v, 4) for v in icc.ci95_k],
        "band": None if icc is None else icc.band,
        "panel": None if icc is None else {"assessors": list(icc.panel), "n": icc.n},
        "krippendorff_alpha": None if not scores else _rounded(alpha(scores)),
        "assessors": {
            d.assessor: {
                "deviation": round(d.mean, 3),
                "ci95": None if d.ci95 is None else [round(v, 3) for v in d.ci95],
                "n": d.n,
                "flag": abs(d.mean) > DEVIATION_FLAG,
            }
            for d in (deviations(scores) if scores else [])
        },
    }
    found["flag"] = icc is not None and icc.icc2_1 < ICC_FLAG
    return found


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
