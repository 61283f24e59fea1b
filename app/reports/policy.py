"""The Laporan Penyusunan Kebijakan (issue #14 §2): a draft scheme, the FGD behind its weights
and what it would have changed on this selection, for the discussion before it is adopted.

The first page is the whole story: the draft, what it answers, the stage it weighs, today's
weights beside the draft's (and the FGD's proposal), the FGD in one paragraph (who was heard,
who was inconsistent and whether they were left out, the group's consistency and consensus),
the simulation in one paragraph (outcomes changed and by which rule, seats gained and lost,
Kendall's tau-b) and whether the draft can be adopted, else every rule it breaks in words.
The details follow: the respondents, the group weights per level with their spread, the
simulation per formation, the changed participants side by side, the effective weights and
the fairness impact ratios under both schemes.

The renderer only draws what it is given: the FGD's result (``app.scoring.ahp``, none when
nobody has been heard yet) and the simulation (``services.simulation.SimulationReport``,
seen here through ``SimulationFacts``; none when it could not run, with the reasons in
``PolicyFacts.simulation_problems``). Indonesian, whatever the window's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO, Protocol

from reportlab.lib.units import mm

from app.messages import translate
from app.messages.figures import fixed_text, percent_text
from app.messages.findings import group_text, level_text
from app.numbers import count_for_people, value_for_people
from app.reports.blocks import draw_fields
from app.reports.fonts import BOLD
from app.reports.layout import markup
from app.reports.monev import LANGUAGE, ReportFacts
from app.reports.monev_charts import weight_chart
from app.reports.sections import Sections, report_flow
from app.reports.wording import long_date
from app.scoring.ahp import CR_LIMIT, TOP, FgdResult, LevelResult, Priorities
from app.scoring.monev.fairness import FOUR_FIFTHS, Fairness
from app.scoring.problems import Problem
from app.scoring.simulation import ComponentWeight, Outcome, Simulation


@dataclass(frozen=True, slots=True)
class WeightLine:
    """One criterion's weight in percent: ``today`` in the selection's scheme, ``draft`` in
    the draft's, ``fgd`` as the FGD proposes it (``None``: not there). ``component`` is set
    for a rubric aspect (the component it belongs to)."""

    code: str
    name: str
    today: Decimal | None
    draft: Decimal | None
    fgd: int | None = None
    component: str = ""


@dataclass(frozen=True, slots=True)
class PolicyFacts:
    """What the report says of the draft besides the FGD and the simulation."""

    report: ReportFacts
    draft_id: int
    draft_name: str
    stage_code: str
    stage_name: str
    answers: str = ""
    fgd_date: str = ""
    adopted_file: str = ""
    """The scheme file the draft became (empty: not adopted)."""
    weights: tuple[WeightLine, ...] = ()
    problems: tuple[Problem, ...] = ()
    """Every rule of the scheme validator the draft breaks."""
    exclude_inconsistent: bool = False
    formations: Mapping[str, str] | None = None
    """Each formation's position title, by code."""
    simulation_problems: tuple[Problem, ...] = ()
    """Why the simulation could not run (none: it ran, or the draft's own problems say)."""


class SchemeSideFacts(Protocol):
    """One side of the simulation (``services.simulation.SchemeSide``)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def weights(self) -> tuple[ComponentWeight, ...]: ...
    @property
    def fairness(self) -> Mapping[str, Fairness]: ...


class SimulationFacts(Protocol):
    """The simulation of the draft (``services.simulation.SimulationReport``)."""

    @property
    def stage(self) -> str: ...
    @property
    def local_code(self) -> str: ...
    @property
    def current(self) -> SchemeSideFacts: ...
    @property
    def draft(self) -> SchemeSideFacts: ...
    @property
    def simulation(self) -> Simulation: ...


def _t(key: str, /, **fields: Any) -> str:
    return translate(LANGUAGE, key, fields)


def render_policy_report(
    facts: PolicyFacts,
    fgd: FgdResult | None,
    simulation: SimulationFacts | None,
    out: BinaryIO,
) -> int:
    """Write the report as PDF to ``out``; returns the number of pages."""
    common = facts.report
    title = _t("policy.report.title")
    flow = report_flow(
        out,
        title=f"{title} — {facts.draft_name}",
        running=_t("policy.report.running", title=title, draft=facts.draft_name),
        subject=_t("policy.report.subject"),
        author=common.instansi,
        document_id=common.document_id,
        letterhead=common.letterhead,
    )
    report = _PolicyReport(flow, facts, fgd, simulation)
    report.summary()
    flow.new_page()
    report.fgd_details()
    report.simulation_details()
    flow.finish()
    return flow.canvas.write()


def _percent(value: Decimal | int | None) -> str:
    return "-" if value is None else f"{value_for_people(value)} %"


def _short(criterion: str) -> str:
    """``PRAKTIK.TEKNIS`` → ``TEKNIS``: an aspect among the aspects of its component."""
    return criterion.rpartition(".")[2]


def _level_label(level: LevelResult) -> str:
    if level.key == TOP:
        return _t("policy.report.level_top")
    return _t("policy.report.level_aspects", component=level.key)


def _outcome(outcome: Outcome) -> str:
    code = outcome.code or "-"
    if outcome.rank is None:
        return code
    return _t("policy.report.code_rank", code=code, rank=count_for_people(outcome.rank))


def _final(outcome: Outcome) -> str:
    return "-" if outcome.final is None else value_for_people(outcome.final, 3)


def _tau(value: float | None) -> str:
    return "-" if value is None else fixed_text(value, 3)


class _PolicyReport(Sections):
    def __init__(
        self,
        flow: Any,
        facts: PolicyFacts,
        fgd: FgdResult | None,
        simulation: SimulationFacts | None,
    ) -> None:
        super().__init__(flow)
        self.facts = facts
        self.fgd = fgd
        self.sim = simulation
        self.formations: Mapping[str, str] = facts.formations or {}

    # -- page 1 -------------------------------------------------------------------------------

    def summary(self) -> None:
        flow, facts, common = self.flow, self.facts, self.facts.report
        flow.centered_lines([_t("policy.report.title").upper()], BOLD, 13, 16)
        flow.centered_lines([f"{common.selection_name} — {common.year}"], BOLD, 11, 14)
        flow.space(3 * mm)
        draw_fields(
            flow,
            (
                (_t("policy.report.draft"), f"{facts.draft_name} ({facts.draft_id})"),
                (_t("policy.report.answers"), facts.answers or _t("policy.report.answers_none")),
                (_t("policy.report.stage"), f"{facts.stage_code} ({facts.stage_name})"),
                (_t("policy.report.fgd_date"), facts.fgd_date or "-"),
                (
                    _t("policy.report.local_code"),
                    common.local_code or _t("policy.report.local_code_none"),
                ),
                (_t("policy.report.printed_at"), long_date(common.printed_at)),
            ),
            size=9.5,
        )
        self.heading(_t("policy.report.weights"), 2, room=40)
        self.weight_table()
        self.heading(_t("policy.report.fgd"), 2, room=30)
        self.text(markup(self.fgd_paragraph()), small=True)
        self.heading(_t("policy.report.simulation"), 2, room=30)
        self.text(markup(self.simulation_paragraph()), small=True)
        self.heading(_t("policy.report.adoption"), 2, room=30)
        self.adoption()

    def weight_table(self) -> None:
        lines = self.facts.weights
        with_fgd = any(line.fgd is not None for line in lines)
        labels = [
            _t("policy.report.criterion"),
            _t("policy.report.today"),
            _t("policy.report.draft_weight"),
        ]
        if with_fgd:
            labels.append(_t("policy.report.fgd_weight"))
        rows = []
        for line in lines:
            name = (
                f"{line.code} — {line.name}" if line.name and line.name != line.code else line.code
            )
            label = _t("policy.report.aspect_of", aspect=name) if line.component else name
            row = [label, _percent(line.today), _percent(line.draft)]
            if with_fgd:
                row.append(_percent(line.fgd))
            rows.append(row)
        if not rows:
            self.text(markup(_t("policy.report.no_weights")), small=True)
            return
        self.table(labels, rows, numeric=frozenset(range(1, len(labels))), width=150 * mm)

    def fgd_paragraph(self) -> str:
        fgd = self.fgd
        if fgd is None or fgd.top is None:
            return _t("policy.report.fgd_none")
        groups: dict[str, int] = {}
        for respondent in fgd.respondents:
            groups[respondent.group] = groups.get(respondent.group, 0) + 1
        inconsistent = sorted(
            {name for level in fgd.levels for name in level.inconsistent},
            key=[r.name for r in fgd.respondents].index,
        )
        said = [
            _t(
                "policy.report.fgd_heard",
                respondents=count_for_people(len(fgd.respondents)),
                groups=count_for_people(len(groups)),
                by_group=", ".join(f"{g} {count_for_people(n)}" for g, n in groups.items()),
            )
        ]
        if not inconsistent:
            said.append(_t("policy.report.fgd_all_consistent", limit=fixed_text(CR_LIMIT, 2)))
        else:
            key = (
                "policy.report.fgd_left_out"
                if fgd.exclude_inconsistent
                else "policy.report.fgd_kept"
            )
            said.append(
                _t(
                    key,
                    count=count_for_people(len(inconsistent)),
                    names=", ".join(inconsistent),
                    limit=fixed_text(CR_LIMIT, 2),
                )
            )
        for level in fgd.levels:
            said.append(self.level_sentence(level))
        return " ".join(said)

    def level_sentence(self, level: LevelResult) -> str:
        percent = ", ".join(f"{_short(c)} {p} %" for c, p in level.percent_of().items())
        if level.consensus is None:
            return _t(
                "policy.report.fgd_level_alone",
                level=_level_label(level),
                cr=fixed_text(level.group.cr, 3),
                percent=percent,
            )
        return _t(
            "policy.report.fgd_level",
            level=_level_label(level),
            cr=fixed_text(level.group.cr, 3),
            consensus=percent_text(level.consensus, 1),
            band=translate(LANGUAGE, f"fgd.band.{level.consensus_band}"),
            percent=percent,
        )

    def simulation_paragraph(self) -> str:
        found = self.sim
        if found is None:
            return _t("policy.report.simulation_none")
        sim = found.simulation
        by_rule = ", ".join(
            f"{self.rule(rule)} {count_for_people(n)}"
            for rule, n in sim.changed_by_rule().items()
            if n
        )
        lowest = sim.kendall_tau_lowest
        said = [
            _t(
                "policy.report.simulation_changed",
                stage=found.stage,
                changed=count_for_people(len(sim.changed)),
                participants=count_for_people(sim.participants),
                formations=count_for_people(sim.formations_changed),
                all=count_for_people(len(sim.formations)),
            )
        ]
        if sim.changed:
            said.append(_t("policy.report.simulation_by_rule", rules=by_rule or "-"))
        said.append(
            _t(
                "policy.report.simulation_seats",
                gained=count_for_people(sim.seats_gained),
                lost=count_for_people(sim.seats_lost),
            )
        )
        if sim.kendall_tau_mean is not None and lowest is not None:
            said.append(
                _t(
                    "policy.report.simulation_tau",
                    mean=_tau(sim.kendall_tau_mean),
                    lowest=_tau(lowest.kendall_tau),
                    formation=lowest.formation,
                )
            )
        return " ".join(said)

    def rule(self, rule: str | None) -> str:
        return "-" if rule is None else translate(LANGUAGE, f"simulation.rule.{rule}")

    def adoption(self) -> None:
        facts = self.facts
        if facts.adopted_file:
            self.text(markup(_t("policy.report.adopted", file=facts.adopted_file)), small=True)
            return
        if not facts.problems:
            self.text(markup(_t("policy.report.adoptable")), small=True)
            return
        self.text(
            markup(_t("policy.report.not_adoptable", count=count_for_people(len(facts.problems)))),
            small=True,
        )
        self.problem_list(facts.problems)

    def problem_list(self, problems: Sequence[Problem]) -> None:
        for problem in problems:
            where = f"<b>{markup(problem.key)}</b>: " if problem.key else ""
            self.flow.paragraph(
                where + markup(translate(LANGUAGE, problem.message, problem.params)),
                self.small["list"],
                bullet="•",
            )
        self.flow.space(1.5 * mm)

    # -- the FGD ------------------------------------------------------------------------------

    def fgd_details(self) -> None:
        fgd = self.fgd
        self.heading(_t("policy.report.respondents"), 1)
        if fgd is None or fgd.top is None:
            self.text(markup(_t("policy.report.fgd_none")))
            return
        self.text(
            markup(_t("policy.report.respondents_note", limit=fixed_text(CR_LIMIT, 2))),
            small=True,
        )
        levels = fgd.levels
        labels = [
            _t("policy.report.number"),
            _t("policy.report.respondent"),
            _t("policy.report.group"),
            _t("policy.report.group_weight"),
            *(_t("policy.report.cr_of", level=_level_label(level)) for level in levels),
            _t("policy.report.remark"),
        ]
        rows = []
        for number, respondent in enumerate(fgd.respondents, start=1):
            crs = []
            remarks = []
            for level in levels:
                found = level.respondents.get(respondent.name)
                crs.append("-" if found is None else fixed_text(found.cr, 3))
                if found is not None and not found.consistent:
                    remarks.append(self.ask_again(found, level, respondent.name))
            rows.append(
                [
                    count_for_people(number),
                    respondent.name,
                    respondent.group,
                    fixed_text(respondent.group_weight, 2),
                    *crs,
                    "; ".join(remarks) or _t("policy.report.consistent"),
                ]
            )
        self.table(labels, rows, numeric=frozenset({0, *range(3, 4 + len(levels))}))
        for level in levels:
            self.level_details(level)

    def ask_again(self, found: Priorities, level: LevelResult, name: str) -> str:
        pair = found.most_inconsistent
        left_out = name in level.excluded
        if pair is None:
            text = _t("policy.report.inconsistent")
        else:
            text = _t("policy.report.ask_again", a=_short(pair.a), b=_short(pair.b))
        return _t("policy.report.left_out", text=text) if left_out else text

    def level_details(self, level: LevelResult) -> None:
        rows_room = (len(level.criteria) + 2) * 15 + len(level.criteria) * 13 + 60
        self.heading(
            _t("policy.report.level_weights", level=_level_label(level)), 2, room=rows_room
        )
        consensus = (
            "-"
            if level.consensus is None
            else f"{percent_text(level.consensus, 1)} "
            f"({translate(LANGUAGE, f'fgd.band.{level.consensus_band}')})"
        )
        self.text(
            markup(
                _t(
                    "policy.report.level_note",
                    cr=fixed_text(level.group.cr, 3),
                    consensus=consensus,
                    heard=count_for_people(len(level.respondents) - len(level.excluded)),
                )
            ),
            small=True,
        )
        bars = [
            (_short(name), weight, (spread.minimum, spread.maximum))
            for name, weight, spread in zip(
                level.criteria, level.group.weights, level.spread, strict=True
            )
        ]
        self.bars(bars, lambda part: weight_chart(part, self.flow.width))
        self.table(
            [
                _t("policy.report.criterion"),
                _t("policy.report.group_result"),
                _t("policy.report.percent"),
                _t("policy.report.lowest"),
                "Q1",
                _t("policy.report.mean"),
                "Q3",
                _t("policy.report.highest"),
                "SD",
            ],
            [
                [
                    _short(name),
                    percent_text(weight, 1),
                    f"{percent} %",
                    percent_text(spread.minimum, 1),
                    percent_text(spread.q1, 1),
                    percent_text(spread.mean, 1),
                    percent_text(spread.q3, 1),
                    percent_text(spread.maximum, 1),
                    "-" if spread.sd is None else percent_text(spread.sd, 1),
                ]
                for name, weight, percent, spread in zip(
                    level.criteria, level.group.weights, level.percent, level.spread, strict=True
                )
            ],
            numeric=frozenset(range(1, 9)),
        )

    # -- the simulation -----------------------------------------------------------------------

    def simulation_details(self) -> None:
        self.flow.new_page()
        self.heading(_t("policy.report.simulation_formations"), 1)
        found = self.sim
        if found is None:
            self.text(markup(_t("policy.report.simulation_none")))
            if self.facts.simulation_problems:
                self.problem_list(self.facts.simulation_problems)
            return
        sim = found.simulation
        self.text(markup(_t("policy.report.formations_note")), small=True)
        self.table(
            [
                _t("policy.report.formation"),
                _t("policy.report.position"),
                _t("policy.report.quota"),
                _t("policy.report.participants"),
                _t("policy.report.ranked_both"),
                "tau-b",
                _t("policy.report.changed"),
                _t("policy.report.seats_gained"),
                _t("policy.report.seats_lost"),
            ],
            [
                [
                    f.formation,
                    self.formations.get(f.formation, ""),
                    count_for_people(f.quota),
                    count_for_people(f.participants),
                    count_for_people(f.ranked_both),
                    _tau(f.kendall_tau),
                    count_for_people(len(f.changed)),
                    count_for_people(len(f.gained)),
                    count_for_people(len(f.lost)),
                ]
                for f in sim.formations
            ],
            numeric=frozenset(range(2, 9)),
        )
        self.heading(_t("policy.report.changed_people"), 2)
        if not sim.changed:
            self.text(markup(_t("policy.report.nobody_changed")), small=True)
        else:
            self.text(markup(_t("policy.report.changed_note")), small=True)
            self.table(
                [
                    _t("policy.report.number"),
                    _t("policy.report.participant_number"),
                    _t("policy.report.name"),
                    _t("policy.report.formation"),
                    _t("policy.report.today_outcome"),
                    _t("policy.report.draft_outcome"),
                    _t("policy.report.final_scores"),
                    _t("policy.report.rule"),
                ],
                [
                    [
                        count_for_people(index),
                        row.number,
                        row.name,
                        row.formation,
                        _outcome(row.before),
                        _outcome(row.after),
                        f"{_final(row.before)} → {_final(row.after)}",
                        self.rule(row.rule),
                    ]
                    for index, row in enumerate(sim.changed, start=1)
                ],
                numeric=frozenset({0}),
            )
        self.effective_weights(found)
        self.fairness(found)

    def effective_weights(self, found: SimulationFacts) -> None:
        self.heading(_t("policy.report.effective_weights"), 2, room=100)
        self.text(markup(_t("policy.report.effective_note")), small=True)
        drafted = {w.code: w for w in found.draft.weights}
        rows = []
        for today in found.current.weights:
            draft = drafted.get(today.code)
            rows.append(
                [
                    today.code,
                    _percent(today.stated),
                    "-" if today.pearson is None else fixed_text(today.pearson, 2),
                    "-" if draft is None else _percent(draft.stated),
                    "-" if draft is None or draft.pearson is None else fixed_text(draft.pearson, 2),
                    count_for_people(today.n),
                ]
            )
        self.table(
            [
                _t("policy.report.component"),
                _t("policy.report.stated_today"),
                _t("policy.report.r_today"),
                _t("policy.report.stated_draft"),
                _t("policy.report.r_draft"),
                "n",
            ],
            rows,
            numeric=frozenset(range(1, 6)),
            width=140 * mm,
        )

    def fairness(self, found: SimulationFacts) -> None:
        self.heading(_t("policy.report.fairness"), 2, room=120)
        self.text(
            markup(_t("policy.report.fairness_note", limit=fixed_text(FOUR_FIFTHS, 1))),
            small=True,
        )
        rows = []
        for group, today in found.current.fairness.items():
            draft = found.draft.fairness.get(group)
            rows.append(
                [
                    group_text(group, LANGUAGE),
                    self.ratio(group, today),
                    "-" if draft is None else self.ratio(group, draft),
                ]
            )
        self.table(
            [
                _t("policy.report.fairness_group"),
                _t("policy.report.ratio_today"),
                _t("policy.report.ratio_draft"),
            ],
            rows,
        )
        rows = []
        for group, today in found.current.fairness.items():
            drafted = (
                {g.group: g for g in found.draft.fairness[group].groups}
                if group in (found.draft.fairness)
                else {}
            )
            for level in today.groups:
                other = drafted.get(level.group)
                rows.append(
                    [
                        group_text(group, LANGUAGE),
                        level_text(group, level.group, LANGUAGE),
                        count_for_people(level.applicants),
                        count_for_people(level.selected),
                        "-" if level.rate is None else percent_text(level.rate, 1),
                        "-" if other is None else count_for_people(other.selected),
                        "-" if other is None or other.rate is None else percent_text(other.rate, 1),
                    ]
                )
        self.heading(_t("policy.report.selected_by_level"), 3, room=60)
        self.table(
            [
                _t("policy.report.fairness_group"),
                _t("policy.report.level"),
                _t("policy.report.applicants"),
                _t("policy.report.selected_today"),
                _t("policy.report.rate_today"),
                _t("policy.report.selected_draft"),
                _t("policy.report.rate_draft"),
            ],
            rows,
            numeric=frozenset(range(2, 7)),
        )

    def ratio(self, group: str, found: Fairness) -> str:
        if found.impact_ratio is None or found.lowest is None or found.highest is None:
            return _t("policy.report.ratio_none")
        return _t(
            "policy.report.ratio",
            ratio=fixed_text(found.impact_ratio, 2),
            lowest=level_text(group, found.lowest, LANGUAGE),
            highest=level_text(group, found.highest, LANGUAGE),
        )
