"""The Laporan Penyusunan Kebijakan of a draft (issue #14 §2), gathered and drawn in memory.

Everything it reports exists already: the draft and the rules it breaks
(``policy_drafts``), the weights its FGD gives (``policy_drafts.draft_weights``; a draft
nobody has been heard on yet says so), and its simulation on the selection's stored scores
(``simulation.simulate_draft``: read only, for the roles that read the evaluation). A
draft the stored scores cannot answer, or one that breaks a rule, is still reported: the
simulation's part says why it could not run. Nothing is written or registered as printed:
the report is a working paper for the discussion, not a decision.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import TYPE_CHECKING

from .actor import Actor
from .database import Database
from .documents import RenderedDocument, file_name
from .evaluation_report import report_facts
from .formations import list_formations
from .policy_drafts import DraftInfo, draft_problems, draft_weights, judgments, load_draft
from .scheme_edit import current_scheme
from .schemes import SchemeRejected
from .simulation import simulate_draft

if TYPE_CHECKING:
    from app.reports.policy import WeightLine
    from app.scoring import Scheme, Stage
    from app.scoring.ahp import WeightDraft
    from app.scoring.problems import Problem


def policy_report_pdf(
    db: Database,
    actor: Actor,
    draft_id: int,
    *,
    exclude_inconsistent: bool = False,
    local_code: str = "",
    today: dt.date | None = None,
) -> RenderedDocument:
    """The report of draft ``draft_id``; ``exclude_inconsistent`` leaves the respondents
    above the consistency limit out of the group's weights (as ``draft weights`` may),
    ``local_code`` (``1275``: Kota Binjai) makes a participant local by NIK for fairness."""
    from app.reports.policy import PolicyFacts, render_policy_report

    draft = load_draft(db, draft_id)
    selection_id = draft.selection_id
    simulation = None
    refused: tuple[Problem, ...] = ()
    try:
        simulation = simulate_draft(
            db,
            actor,
            selection_id,
            draft.scheme,
            stage=draft.stage_code,
            local_code=local_code,
            source=draft.name,
        )
    except SchemeRejected as rejected:
        refused = tuple(rejected.problems)
    fgd = (
        draft_weights(db, draft_id, exclude_inconsistent=exclude_inconsistent)
        if judgments(db, draft_id)
        else None
    )
    today_scheme = current_scheme(db, selection_id)
    problems = tuple(draft_problems(draft))
    facts = PolicyFacts(
        report=report_facts(db, selection_id, local_code=local_code, today=today),
        draft_id=draft.id,
        draft_name=draft.name,
        stage_code=draft.stage_code,
        stage_name=_stage_name(draft, today_scheme),
        answers=draft.answers or "",
        fgd_date=draft.fgd_date or "",
        adopted_file=draft.adopted_file or "",
        weights=weight_lines(today_scheme, draft, None if fgd is None else fgd.draft),
        problems=problems,
        exclude_inconsistent=exclude_inconsistent,
        formations={f.code: f.position_title for f in list_formations(db, selection_id)},
        # The draft's own problems are already on the first page: only other reasons here.
        simulation_problems=tuple(p for p in refused if p not in problems),
    )
    buffer = BytesIO()
    pages = render_policy_report(facts, None if fgd is None else fgd.result, simulation, buffer)
    name = file_name(f"Laporan penyusunan kebijakan {draft.name}")
    return RenderedDocument(buffer.getvalue(), pages, name)


def weight_lines(
    today: Scheme, draft: DraftInfo, proposal: WeightDraft | None
) -> tuple[WeightLine, ...]:
    """The weighed stage's numeric components (and below each its rubric aspects) with
    their weight today, in the draft and as the FGD proposes it."""
    from app.reports.policy import WeightLine

    drafted = _stage(draft.scheme, draft.stage_code)
    current = _stage(today, draft.stage_code)
    before = {c.code: c for c in current.components} if current is not None else {}
    lines: list[WeightLine] = []
    if drafted is None:
        return ()
    for component in drafted.components:
        if not component.is_numeric:
            continue
        old = before.get(component.code)
        lines.append(
            WeightLine(
                code=component.code,
                name=component.name,
                today=None if old is None else old.weight,
                draft=component.weight,
                fgd=None if proposal is None else proposal.components.get(component.code),
            )
        )
        old_aspects = {a.code: a.weight for a in old.aspects} if old is not None else {}
        proposed = {} if proposal is None else proposal.aspects.get(component.code, {})
        for aspect in component.aspects:
            lines.append(
                WeightLine(
                    code=aspect.code,
                    name=aspect.name,
                    today=old_aspects.get(aspect.code),
                    draft=aspect.weight,
                    fgd=proposed.get(aspect.code),
                    component=component.code,
                )
            )
    return tuple(lines)


def _stage(scheme: Scheme, code: str) -> Stage | None:
    return next((s for s in scheme.stages if s.code == code), None)


def _stage_name(draft: DraftInfo, today: Scheme) -> str:
    for scheme in (draft.scheme, today):
        stage = _stage(scheme, draft.stage_code)
        if stage is not None:
            return stage.name
    return draft.stage_code


__all__ = ["policy_report_pdf", "weight_lines"]
