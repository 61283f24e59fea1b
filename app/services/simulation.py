"""A draft scheme simulated on a past selection before anyone adopts it (issue #14 §2).

The drafting team (tim penyusun kebijakan) loads a draft scheme file and asks what it would
have changed on a selection whose scores are stored, finalized or not. This module reads, in
one snapshot, the selection's scheme, quotas, stored scores (as a roster, the way every
ranking reads them: ``candidates.load_roster``) and the committee's tie decisions, and hands
them to the rules (``app.scoring.simulation``), which rank them with the program's engine
under both schemes. Nothing of the selection is written: no score, no result kept beside the
file, no audit event (a simulation is a read, like the evaluation); a refused role is
recorded as every refusal is.

The draft is refused, each problem under its TOML key, when it breaks a rule of the scheme
validator, or when the stored scores cannot answer it (a component without scores, another
scale, another stage: ``simulation.draft_problems``).

Pass rates and fairness are the evaluation's own figures (``evaluation.fairness_counts``,
the four-fifths rule of ``scoring.monev.fairness``), computed for who entered the stage and
who is within the quota under each scheme. ``simulation_figures`` shapes everything with the
stable keys of ``seleksi simulate --json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.bulk import collector_paused
from app.scoring import Scheme, SchemeInvalid, validate_scheme

from .actor import Actor
from .database import Database
from .door import permit
from .permissions import Action
from .schemes import (
    SchemeIds,
    SchemeRejected,
    chosen_stage,
    load_preset_or_file,
    scheme_of_selection,
)

if TYPE_CHECKING:
    import sqlite3

    from app.scoring.monev.fairness import Fairness
    from app.scoring.simulation import (
        ComponentWeight,
        FormationSimulation,
        SideBySide,
        Simulation,
        StageFlow,
    )

    from .evaluation import People


@dataclass(frozen=True, slots=True)
class SchemeSide:
    """One side of the comparison: the scheme, who entered the stage and who is within the
    quota under it (``flow``), its components' effective weights, and its fairness by group
    (``sex``, ``age``, ``education``, ``local``; the evaluation's groups)."""

    code: str
    name: str
    flow: StageFlow
    weights: tuple[ComponentWeight, ...]
    fairness: dict[str, Fairness]


@dataclass(frozen=True, slots=True)
class SimulationReport:
    """What ``simulate_draft`` found: ``current`` is the selection's scheme, ``draft`` the
    draft; ``simulation`` holds the formations side by side (``formations``, each with its
    ``rows``, ``changed``, ``gained``, ``lost`` and ``kendall_tau``) and the overall counts.
    ``source`` names where the draft came from (its file)."""

    selection_id: int
    selection_name: str
    stage: str
    final_stage: bool
    source: str
    local_code: str
    current: SchemeSide
    draft: SchemeSide
    simulation: Simulation

    @property
    def formations(self) -> tuple[FormationSimulation, ...]:
        return self.simulation.formations

    @property
    def changed(self) -> tuple[SideBySide, ...]:
        return self.simulation.changed


def load_draft_file(source: str | Path) -> Scheme:
    """A draft scheme file (or a preset by name), validated as every scheme is; a file that
    breaks a rule is refused with every problem under its TOML key (``SchemeRejected``)."""
    return load_preset_or_file(str(source))


def simulate_draft(
    db: Database,
    actor: Actor,
    selection_id: int,
    draft: Scheme,
    *,
    stage: str | None = None,
    local_code: str = "",
    source: str = "",
) -> SimulationReport:
    """Apply ``draft`` to the stored scores of ``selection_id`` at ``stage`` (default: the
    last) and compare it with the selection's own scheme. Read only; the roles that read the
    evaluation may run it. ``local_code``: the regency or city code that makes a participant
    local by their NIK (``1275``: Kota Binjai). ``source``: the draft's file, for messages.
    """
    from app.scoring.simulation import draft_problems, simulate

    from .candidates import load_quotas, load_roster
    from .evaluation import participant_facts
    from .tie_store import read_decisions

    permit(db, actor, Action.SEE_EVALUATION, selection_id)
    origin = source or draft.code
    problems = validate_scheme(draft)
    if problems:
        raise SchemeRejected(origin, SchemeInvalid(problems))
    with db.reading() as connection, collector_paused():
        current, ids = scheme_of_selection(connection, selection_id)
        chosen = chosen_stage(current, stage)
        problems = draft_problems(current, draft, _scored(connection, ids), chosen.code)
        if problems:
            raise SchemeRejected(origin, SchemeInvalid(problems))
        name = connection.execute(
            "SELECT name FROM selection WHERE id = ?", (selection_id,)
        ).fetchone()[0]
        quotas = load_quotas(connection, selection_id)
        # The committee's tie decisions, read in the same snapshot as the scores they settle.
        decisions = read_decisions(connection, selection_id, current.last_stage.code)
        roster = load_roster(connection, selection_id, current, ids, chosen.code)
        try:
            found = simulate(current, draft, quotas, roster, chosen.code, decisions)
        finally:
            roster.close()  # every name the rows show was read in this snapshot
        del roster
    people = participant_facts(db, selection_id)
    return SimulationReport(
        selection_id=selection_id,
        selection_name=name,
        stage=chosen.code,
        final_stage=current.is_final(chosen),
        source=origin,
        local_code=local_code,
        current=_side(current, found.flow_before, found.weights_before, people, local_code),
        draft=_side(draft, found.flow_after, found.weights_after, people, local_code),
        simulation=found,
    )


def _scored(connection: sqlite3.Connection, ids: SchemeIds) -> set[str]:
    """The components with at least one stored score (one index probe each)."""
    return {
        code
        for code, component_id in ids.components.items()
        if connection.execute(
            "SELECT EXISTS (SELECT 1 FROM score WHERE component_id = ?)", (component_id,)
        ).fetchone()[0]
    }


def _side(
    scheme: Scheme,
    flow: StageFlow,
    weights: tuple[ComponentWeight, ...],
    people: People,
    local_code: str,
) -> SchemeSide:
    from app.scoring.monev.fairness import fairness

    from .evaluation import fairness_counts

    counts = fairness_counts(flow.numbers, flow.selected, people, local_code)
    return SchemeSide(
        code=scheme.code,
        name=scheme.name,
        flow=flow,
        weights=weights,
        fairness={group: fairness(levels) for group, levels in counts.items()},
    )


# -- the figures of ``seleksi simulate --json`` ------------------------------------------------


def simulation_figures(report: SimulationReport) -> dict[str, Any]:
    """The report with stable keys, numbers with decimal points (for scripts).

    ``selection``, ``stage`` (``final_stage``: whether it is the last one), ``schemes``
    (``current`` and ``draft``: code, name; the draft's ``source``), ``rules`` (those the
    draft changes, in the order applied), ``overall``, ``formations.<CODE>``
    (``kebutuhan``, ``participants``, ``ranked_both``, ``kendall_tau``; ``changed``:
    ``nomor_peserta``, ``old_code``, ``new_code``, ``rule`` and both sides' stage, rank and
    final score; ``seats_gained``, ``seats_lost``), and ``effective_weights``, ``flow`` and
    ``fairness``, each with ``current`` and ``draft``.
    """
    from .evaluation import fairness_entry

    simulation = report.simulation
    lowest = simulation.kendall_tau_lowest
    sides = {"current": report.current, "draft": report.draft}
    return {
        "selection": report.selection_id,
        "selection_name": report.selection_name,
        "stage": report.stage,
        "final_stage": report.final_stage,
        "schemes": {
            "current": {"code": report.current.code, "name": report.current.name},
            "draft": {
                "code": report.draft.code,
                "name": report.draft.name,
                "source": report.source,
            },
        },
        "rules": list(simulation.rules),
        "overall": {
            "participants": simulation.participants,
            "changed": len(simulation.changed),
            "changed_by_rule": simulation.changed_by_rule(),
            "seats_gained": simulation.seats_gained,
            "seats_lost": simulation.seats_lost,
            "formations": len(simulation.formations),
            "formations_changed": simulation.formations_changed,
            "kendall_tau_mean": _rounded(simulation.kendall_tau_mean),
            "kendall_tau_lowest": None
            if lowest is None
            else {"formation": lowest.formation, "kendall_tau": _rounded(lowest.kendall_tau)},
        },
        "formations": {f.formation: _formation(f) for f in simulation.formations},
        "effective_weights": {
            name: {
                w.code: {
                    "stated": None if w.stated is None else float(w.stated),
                    "pearson": _rounded(w.pearson),
                    "n": w.n,
                }
                for w in side.weights
            }
            for name, side in sides.items()
        },
        "flow": {name: _flow(side.flow) for name, side in sides.items()},
        "fairness": {
            name: {group: fairness_entry(found) for group, found in side.fairness.items()}
            for name, side in sides.items()
        },
    }


def _formation(formation: FormationSimulation) -> dict[str, Any]:
    return {
        "kebutuhan": formation.quota,
        "participants": formation.participants,
        "ranked_both": formation.ranked_both,
        "kendall_tau": _rounded(formation.kendall_tau),
        "changed": [
            {
                "nomor_peserta": row.number,
                "old_code": row.before.code,
                "new_code": row.after.code,
                "rule": row.rule,
                "old_stage": row.before.stage,
                "new_stage": row.after.stage,
                "old_rank": row.before.rank,
                "new_rank": row.after.rank,
                "old_final": None if row.before.final is None else float(row.before.final),
                "new_final": None if row.after.final is None else float(row.after.final),
            }
            for row in formation.changed
        ],
        "seats_gained": [row.number for row in formation.gained],
        "seats_lost": [row.number for row in formation.lost],
    }


def _flow(flow: StageFlow) -> dict[str, Any]:
    return {
        "registered": flow.registered,
        "within_quota": len(flow.selected),
        "kebutuhan": flow.kebutuhan,
        "pass_rate": flow.pass_rate,
        "statuses": {s.value: n for s, n in sorted(flow.statuses.items(), key=_by_value)},
    }


def _by_value(item: tuple[Any, int]) -> str:
    return str(item[0].value)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


__all__ = [
    "SchemeSide",
    "SimulationReport",
    "load_draft_file",
    "simulate_draft",
    "simulation_figures",
]
