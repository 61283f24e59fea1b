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

Every figure can be narrowed to one formation or one agency (unit kerja), keyword-only
``formation`` and ``unit``: the tim monev asks whether a single agency's selection was fair
and consistent, not only the city's. Narrowed, each figure is computed over that agency's
participants alone (a rank is still the formation's own, so nothing else moves); without a
filter the output is the CLI's, key for key. ``filter_choices`` lists what can be chosen.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from .database import Database
from .errors import UserError
from .performance import result_number
from .schemes import scheme_of_selection

if TYPE_CHECKING:
    from app.scoring.monev.fairness import Fairness

ICC_FLAG = 0.75
DEVIATION_FLAG = 5.0


@dataclass(frozen=True, slots=True)
class FilterFormation:
    code: str
    position_title: str
    unit: str


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the evaluation can be narrowed to: the selection's formations (by code) and
    its agencies (each unit kerja once, sorted; formations without one are not offered)."""

    formations: tuple[FilterFormation, ...]
    units: tuple[str, ...]


def filter_choices(db: Database, selection_id: int) -> FilterChoices:
    """The formations and units ``evaluation(..., formation=, unit=)`` accepts."""
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT code, position_title, unit FROM formation WHERE selection_id = ? ORDER BY code",
            (selection_id,),
        ).fetchall()
    formations = tuple(FilterFormation(code, title or "", unit or "") for code, title, unit in rows)
    units = tuple(sorted({f.unit for f in formations if f.unit}, key=str.casefold))
    return FilterChoices(formations, units)


def _formations_kept(
    connection: sqlite3.Connection, selection_id: int, formation: str | None, unit: str | None
) -> frozenset[str] | None:
    """The formation codes a filter keeps (``None``: no filter, every formation). A formation
    that is not in the selection is refused by name; a unit nobody works in keeps nothing."""
    if formation is None and unit is None:
        return None
    rows = connection.execute(
        "SELECT code, unit FROM formation WHERE selection_id = ?", (selection_id,)
    ).fetchall()
    if formation is not None:
        formation = formation.strip().upper()
        if formation not in {code for code, _unit in rows}:
            raise UserError("formation.not_found", value=formation)
    return frozenset(
        code
        for code, found_unit in rows
        if (formation is None or code == formation) and (unit is None or found_unit == unit)
    )


def evaluation(
    db: Database,
    selection_id: int,
    *,
    local_code: str = "",
    formation: str | None = None,
    unit: str | None = None,
) -> dict[str, Any]:
    """Every figure so far, per stage: ``flow``, ``distributions``, ``fairness`` and, for
    stages with multi-assessor components, ``components``; ``validity`` once later
    performance was imported. ``formation`` / ``unit``: only that formation's or agency's
    participants count (see the module text)."""
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
        kept = _formations_kept(connection, selection_id, formation, unit)
    assessors = _assessor_figures(db, selection_id, kept)
    people = participant_facts(db, selection_id)  # read once for every stage
    stages = {}
    for stage in scheme.stages:
        figures = _stage_figures(db, selection_id, stage.code, local_code, kept, people)
        figures["components"] = assessors.get(stage.code, {}).get("components", {})
        stages[stage.code] = figures
    from .performance import validity

    found: dict[str, Any] = {"selection": selection_id, "stages": stages}
    later = validity(db, selection_id, formations=kept)
    if later:
        found["validity"] = later["components"]
        found["validity_reference"] = later["reference"]
    return found


def assessor_figures(
    db: Database, selection_id: int, *, formation: str | None = None, unit: str | None = None
) -> dict[str, Any]:
    """``components.<CODE>`` of every multi-assessor component, by stage code; with
    ``formation`` / ``unit``, over the scores of that formation's or agency's participants."""
    with db.reading() as connection:
        kept = _formations_kept(connection, selection_id, formation, unit)
    return _assessor_figures(db, selection_id, kept)


def _assessor_figures(
    db: Database, selection_id: int, kept: frozenset[str] | None
) -> dict[str, Any]:
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
                query = (
                    "SELECT p.number, s.assessor, s.aspect, s.value_milli FROM score s"
                    " JOIN participant p ON p.id = s.participant_id"
                    " WHERE s.component_id = ? AND p.selection_id = ?"
                    " AND s.value_milli IS NOT NULL AND NOT s.absent AND s.assessor != ''"
                )
                arguments: tuple[Any, ...] = (ids.components[component.code], selection_id)
                if kept is not None:
                    query += (
                        " AND p.formation_id IN (SELECT f.id FROM formation f"
                        " WHERE f.selection_id = ? AND f.code IN (SELECT value FROM json_each(?)))"
                    )
                    arguments += (selection_id, json.dumps(sorted(kept)))
                rows = connection.execute(query, arguments).fetchall()
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


# -- flow, distributions and fairness of a stage ------------------------------------------------

MARK_STATUSES = {"withdrawn": "APS", "requirement_failed": "TMS", "disqualified": "DIS"}


def stage_figures(
    db: Database,
    selection_id: int,
    stage_code: str | None = None,
    *,
    local_code: str = "",
    formation: str | None = None,
    unit: str | None = None,
) -> dict[str, Any]:
    """``flow``, ``distributions`` and ``fairness`` of a stage (default: the last), from
    the ranking as the committee sees it. ``local_code``: the agency's regency or city code
    (``1275`` for Kota Binjai) that makes an applicant local by their NIK. ``formation`` /
    ``unit``: only the rows of that formation or agency count."""
    with db.reading() as connection:
        kept = _formations_kept(connection, selection_id, formation, unit)
    return _stage_figures(db, selection_id, stage_code, local_code, kept)


People = Mapping[str, tuple[str, str | None, str]]
"""Each participant's NIK, birth date (ISO text) and education, by number."""


def participant_facts(db: Database, selection_id: int) -> dict[str, tuple[str, str | None, str]]:
    """Each participant's NIK, birth date and education, by number: what fairness groups."""
    with db.reading() as connection:
        return {
            number: (nik, birth, education)
            for number, nik, birth, education in connection.execute(
                "SELECT number, nik, birth_date, education FROM participant WHERE selection_id = ?",
                (selection_id,),
            )
        }


def _stage_figures(
    db: Database,
    selection_id: int,
    stage_code: str | None,
    local_code: str,
    kept: frozenset[str] | None,
    people: People | None = None,
) -> dict[str, Any]:
    from app.scoring.monev.distribution import distribution
    from app.scoring.monev.fairness import education_level, fairness

    from .ranking import compute_ranking

    # One formation is ranked alone (its ranks are its own); an agency's are picked out.
    only = next(iter(kept)) if kept is not None and len(kept) == 1 else None
    ranking = compute_ranking(db, selection_id, stage_code, only)
    stage = ranking.stage
    rows = [row for row in ranking.rows if kept is None or row.formation in kept]
    if people is None:
        people = participant_facts(db, selection_id)
    with db.reading() as connection:
        units = dict(
            connection.execute(
                "SELECT code, unit FROM formation WHERE selection_id = ?", (selection_id,)
            ).fetchall()
        )
    statuses: dict[str, int] = defaultdict(int)
    per_formation: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        statuses[row.status.value] += 1
        per_formation[row.formation][row.status.value] += 1
    selected = {row.number for row in rows if row.status.value == "within_quota"}
    quotas = ranking.quotas
    # Each value read once: 100k rows × components is where the evaluation spends its time.
    values_of: dict[str, list[float]] = {c.code: [] for c in stage.components}
    for row in rows:
        cells = row.values
        for code, numbers in values_of.items():
            value = result_number(cells.get(code))
            if value is not None:
                numbers.append(value)
    passed_threshold = {
        component.code: sum(
            1 for value in values_of[component.code] if value >= float(component.threshold)
        )
        for component in stage.components
        if component.threshold is not None
    }
    empty = [
        {"formation": code, "statuses": dict(counts)}
        for code, counts in sorted(per_formation.items())
        if not counts.get("within_quota")
    ]
    by_unit: dict[str, dict[str, int]] = defaultdict(lambda: {"registered": 0, "selected": 0})
    by_level: dict[str, dict[str, int]] = defaultdict(lambda: {"registered": 0, "selected": 0})
    for row in rows:
        unit = units.get(row.formation, "") or "-"
        by_unit[unit]["registered"] += 1
        by_unit[unit]["selected"] += row.number in selected
        level = education_level(people.get(row.number, ("", None, ""))[2] or "")
        by_level[level]["registered"] += 1
        by_level[level]["selected"] += row.number in selected
    flow = {
        "registered": len(rows),
        "absent": statuses.get("absent", 0),
        "present": len(rows) - statuses.get("absent", 0),
        "marked": {mark: statuses.get(status, 0) for status, mark in MARK_STATUSES.items()},
        "passed_threshold": passed_threshold,
        "statuses": dict(sorted(statuses.items())),
        # At the final stage the seats are the kebutuhan; at an earlier one, its cut.
        "seats": {
            "kebutuhan": sum(quotas.get(code, 0) for code in per_formation),
            "within_quota": len(selected),
        },
        "empty_formations": empty,
        "competition": {
            code: round(sum(counts.values()) / quotas[code], 3)
            for code, counts in sorted(per_formation.items())
            if quotas.get(code)
        },
        "units": dict(sorted(by_unit.items())),
        # Jenjang pendidikan (S-1/D-IV, D-III, SMA/SMK…), as the flow asks per level.
        "education": dict(sorted(by_level.items())),
    }
    distributions = {}
    for component in stage.components:
        values = values_of.get(component.code)
        if not values or not component.is_numeric:
            continue
        found = distribution(
            values,
            float(component.minimum),
            float(component.maximum),
            threshold=None if component.threshold is None else float(component.threshold),
        )
        distributions[component.code] = {
            "n": found.n,
            "mean": round(found.mean, 3),
            "sd": None if found.sd is None else round(found.sd, 3),
            "quartiles": [round(q, 3) for q in found.quartiles],
            "histogram": {"edges": list(found.edges), "counts": list(found.counts)},
            "near_threshold": found.near_threshold,
            "just_below_threshold": found.just_below,
            "at_maximum": found.at_maximum,
        }
    fairness_figures = {
        name: fairness_entry(fairness(counts))
        for name, counts in fairness_counts(
            [row.number for row in rows], selected, people, local_code
        ).items()
    }
    return {
        "stage": stage.code,
        "flow": flow,
        "distributions": distributions,
        "fairness": fairness_figures,
    }


def fairness_counts(
    numbers: Iterable[str],
    selected: Collection[str],
    people: People,
    local_code: str,
    today: date | None = None,
) -> dict[str, dict[str, tuple[int, int]]]:
    """(applicants, selected) per level of each fairness group, the groups in the order
    ``sex``, ``age``, ``education``, ``local``, a group without anyone in it left out.

    The groups come from what a participant's NIK says (sex; with ``local_code``, the
    agency's regency or city code, whether it was issued there), the birth date on record
    (the age band on ``today``) and the education's level. ``numbers`` are the participants
    counted, ``selected`` those among them within the quota. Shared by the evaluation and
    the simulation of a draft scheme, so both group alike.
    """
    from app.scoring.monev.fairness import age_band, education_level
    from app.scoring.monev.nik import read_nik

    groups: dict[str, dict[str, list[int]]] = {
        "sex": defaultdict(lambda: [0, 0]),
        "age": defaultdict(lambda: [0, 0]),
        "education": defaultdict(lambda: [0, 0]),
        "local": defaultdict(lambda: [0, 0]),
    }
    today = today or date.today()
    for number in numbers:
        nik, birth_text, education = people.get(number, ("", None, ""))
        birth = date.fromisoformat(str(birth_text)) if birth_text else None
        facts = read_nik(nik or "", known_birth=birth, today=today)
        chosen = int(number in selected)
        keys = {"education": education_level(education or "")}
        if facts is not None:
            keys["sex"] = "perempuan" if facts.female else "laki-laki"
            if local_code:
                keys["local"] = "lokal" if facts.regency == local_code else "luar daerah"
        if birth is not None:
            age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
            keys["age"] = age_band(age)
        for name, group in keys.items():
            groups[name][group][0] += 1
            groups[name][group][1] += chosen
    return {
        name: {group: (a, s) for group, (a, s) in counts.items()}
        for name, counts in groups.items()
        if counts
    }


def fairness_entry(found: Fairness) -> dict[str, Any]:
    """One group's fairness figures as ``seleksi evaluate --json`` writes them."""
    return {
        "levels": {
            g.group: {"applicants": g.applicants, "selected": g.selected, "rate": g.rate}
            for g in found.groups
        },
        "impact_ratio": found.impact_ratio,
        "fisher_p": found.fisher_p,
        "adverse": found.adverse,
        "too_small": list(found.too_small),
    }
