"""Loading participants and their entries as the rules' ``Candidate`` objects.

This is the hot path of every ranking (100k participants, 300k+ values), so it reads with
plain SQL tuples instead of ORM objects; it only reads.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from app.scoring import ABSENT, Candidate, Scheme, from_milli

from .schemes import SchemeIds


def load_quotas(session: Session, selection_id: int) -> dict[str, int]:
    rows = session.connection().exec_driver_sql(
        "SELECT code, quota FROM formation WHERE selection_id = ?", (selection_id,)
    )
    return dict(rows.all())


def load_candidates(
    session: Session,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    upto_stage: str,
    formation: str | None = None,
) -> list[Candidate]:
    """Participants (of one formation, if given) with entries of stages up to ``upto_stage``."""
    connection = session.connection()
    stage_ids = {
        ids.stages[stage.code]: stage.code
        for stage in scheme.stages[: scheme.stage_index(upto_stage) + 1]
    }
    component_codes = {
        ids.components[component.code]: component.code
        for stage in scheme.stages
        if ids.stages[stage.code] in stage_ids
        for component in stage.components
    }
    where = "p.selection_id = ?"
    params: tuple = (selection_id,)
    if formation is not None:
        where += " AND f.code = ?"
        params += (formation,)
    people = connection.exec_driver_sql(
        "SELECT p.id, p.number, p.name, f.code, p.birth_date, p.ipk, p.priority_group,"
        " p.affirmation_percent FROM participant p JOIN formation f ON f.id = p.formation_id"
        f" WHERE {where}",
        params,
    ).all()
    candidates: dict[int, Candidate] = {}
    fromiso = date.fromisoformat
    for pid, number, name, code, birth, ipk, group, affirmation in people:
        candidates[pid] = Candidate(
            number=number,
            name=name,
            formation=code,
            birth_date=fromiso(birth),
            ipk=Decimal(ipk) if ipk is not None else None,
            priority_group=group,
            affirmation_percent=Decimal(affirmation) if affirmation is not None else None,
            marks=[],
            entries={},
        )
    marks = connection.exec_driver_sql(
        "SELECT m.participant_id, m.kind, m.stage_id FROM participant_mark m"
        " JOIN participant p ON p.id = m.participant_id WHERE p.selection_id = ?",
        (selection_id,),
    )
    all_stage_codes = {ids.stages[s.code]: s.code for s in scheme.stages}
    for pid, kind, stage_id in marks:
        candidate = candidates.get(pid)
        if candidate is not None:
            candidate.marks.append((kind, all_stage_codes[stage_id]))  # type: ignore[attr-defined]
    if not component_codes:
        return list(candidates.values())
    placeholders = ",".join("?" * len(component_codes))
    scores = connection.exec_driver_sql(
        "SELECT participant_id, component_id, assessor, aspect, value_milli, value_text, absent"
        f" FROM score WHERE component_id IN ({placeholders})",
        tuple(component_codes),
    )
    aspects: dict[tuple[int, str, str], dict] = defaultdict(dict)
    get = candidates.get
    for pid, component_id, assessor, aspect, milli, text, absent in scores:
        candidate = get(pid)
        if candidate is None:
            continue
        code = component_codes[component_id]
        if aspect:
            aspects[(pid, code, assessor)][aspect] = from_milli(milli)
            continue
        if absent:
            value = ABSENT
        elif text is not None:
            value = text
        else:
            value = from_milli(milli)
        entries = candidate.entries
        if code in entries:
            entries[code].append(value)  # type: ignore[attr-defined]
        else:
            entries[code] = [value]  # type: ignore[index]
    for (pid, code, _assessor), values in aspects.items():
        entries = candidates[pid].entries
        entries.setdefault(code, []).append(values)  # type: ignore[attr-defined]
    return list(candidates.values())
