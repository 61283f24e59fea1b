"""The Laporan Monitoring dan Evaluasi (issue #13): was the selection strict, consistent and fair,
and do its tests predict who performs well?

A document a Kepala BKPSDM hands to the Wali Kota, so the first page is the whole story on one
page: the selection, the key numbers per stage (registered, present, meeting every threshold,
within the quota against the kebutuhan, the assessors' lowest agreement, the lowest impact
ratio), the predictive validity when later performance exists, and the findings in plain
Indonesian. The details follow for the tim monev: per stage the pass-rate funnel, each
component's histogram with its threshold, the assessors' agreement and deviations, the
selection rates and impact ratios per group; the validity beside the published references
(Sackett, Zhang, Berry & Lievens 2022) with the note on range restriction; every finding with
its key; and the recommendations written against them.

The renderer only draws ``figures`` as ``app.services.evaluation`` gives them (with their
``scheme`` labels when present) and the findings ``app.scoring.monev.findings`` reads from
them. Tables split over pages with their header repeated, long names wrap, a long list of
bars becomes several charts: 250 formations or 20 assessors fit as well as 3.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from app.messages import translate
from app.messages.figures import (
    fixed_text,
    interval_column,
    interval_text,
    p_text,
    percent_text,
    plain_number,
    short_number,
)
from app.messages.findings import (
    band_text,
    finding_text,
    group_text,
    kind_text,
    level_text,
    measure_text,
    p_clause,
    reasons_text,
)
from app.numbers import count_for_people
from app.reports.blocks import draw_fields
from app.reports.fonts import BOLD
from app.reports.layout import Flow, markup
from app.reports.model import Letterhead
from app.reports.monev_charts import (
    MOST_ROWS,
    ROW,
    deviation_chart,
    funnel_chart,
    histogram_chart,
    ratio_chart,
)
from app.reports.sections import Sections, report_flow
from app.reports.wording import long_date
from app.scoring.monev.fairness import FOUR_FIFTHS
from app.scoring.monev.findings import (
    DEVIATION_LIMIT,
    FINAL,
    ICC_GOOD,
    Finding,
    findings,
    judged_extremes,
)

LANGUAGE = "id"
"""Official documents are Indonesian, also when printed from the English window."""


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What the report says of its selection besides the figures."""

    selection_name: str
    instansi: str
    year: int
    printed_at: datetime.date
    local_code: str = ""
    """The regency or city code that made an applicant local (empty: not judged)."""
    document_id: str = ""
    letterhead: Letterhead | None = None
    scope: str = ""
    """What the figures were narrowed to (``Formasi BNJ-01 — …``); empty: the selection."""
    """The kop surat of the first page; none: the title stands alone."""


@dataclass(frozen=True, slots=True)
class RecommendationLine:
    """A recommendation of the tim monev: on a finding (its ``key``) or on the whole
    (``None``), in the author's words, with who wrote it and when (as it is to be printed)."""

    finding_key: str | None
    text: str
    author: str
    written_at: str


def _t(key: str, /, **fields: Any) -> str:
    return translate(LANGUAGE, key, fields)


def render_evaluation_report(
    figures: Mapping[str, Any],
    facts: ReportFacts,
    recommendations: Sequence[RecommendationLine],
    out: BinaryIO,
) -> int:
    """Write the report as PDF to ``out``; returns the number of pages."""
    title = _t("monev.report.title")
    flow = report_flow(
        out,
        title=f"{title} — {facts.selection_name}",
        running=_t(
            "monev.report.running", title=title, selection=facts.selection_name, year=facts.year
        ),
        subject=_t("monev.report.subject"),
        author=facts.instansi,
        document_id=facts.document_id,
        letterhead=facts.letterhead,
    )
    found = findings(figures)
    report = _Report(flow, figures, facts, found)
    report.summary()
    flow.new_page()
    report.finding_list()
    for code, stage in (figures.get("stages") or {}).items():
        report.stage(code, stage)
    if figures.get("validity"):
        report.validity()
    report.recommendations(recommendations)
    flow.finish()
    return flow.canvas.write()


class _Report(Sections):
    """The sections, drawn one after the other on ``flow``."""

    def __init__(
        self,
        flow: Flow,
        figures: Mapping[str, Any],
        facts: ReportFacts,
        found: list[Finding],
    ) -> None:
        super().__init__(flow)
        self.figures = figures
        self.facts = facts
        self.found = found
        scheme = figures.get("scheme") or {}
        self.stage_labels: Mapping[str, Any] = scheme.get("stages") or {}
        self.components: Mapping[str, Any] = scheme.get("components") or {}
        self.formations: Mapping[str, Any] = scheme.get("formations") or {}
        self.several_stages = len(figures.get("stages") or {}) > 1

    # -- labels -------------------------------------------------------------------------------

    def stage_name(self, code: str) -> str:
        return str((self.stage_labels.get(code) or {}).get("name") or code)

    def component_name(self, code: str) -> str:
        return str((self.components.get(code) or {}).get("name") or code)

    def aspect_name(self, code: str, aspect: str) -> str:
        aspects = (self.components.get(code) or {}).get("aspects") or {}
        return str(aspects.get(aspect) or aspect)

    def threshold(self, code: str, figure: Mapping[str, Any]) -> float | None:
        value = figure.get("threshold", (self.components.get(code) or {}).get("threshold"))
        return None if value is None else float(value)

    # -- page 1 -------------------------------------------------------------------------------

    def summary(self) -> None:
        flow, facts = self.flow, self.facts
        flow.centered_lines([_t("monev.report.title").upper()], BOLD, 13, 16)
        flow.centered_lines([f"{facts.selection_name} — {facts.year}"], BOLD, 11, 14)
        flow.space(3 * mm)
        stages = list((self.figures.get("stages") or {}).keys())
        draw_fields(
            flow,
            (
                (_t("monev.report.instansi"), facts.instansi or "-"),
                (_t("monev.report.year"), str(facts.year)),
                (_t("monev.report.scope"), facts.scope or _t("monev.report.scope_all")),
                (
                    _t("monev.report.stages"),
                    ", ".join(f"{code} ({self.stage_name(code)})" for code in stages) or "-",
                ),
                (
                    _t("monev.report.local_code"),
                    facts.local_code or _t("monev.report.local_code_none"),
                ),
                (_t("monev.report.printed_at"), long_date(facts.printed_at)),
            ),
            size=9.5,
        )
        self.heading(_t("monev.report.key_numbers"), 2, room=40)
        self.key_numbers(stages)
        validity = self.figures.get("validity") or {}
        if validity:
            code = FINAL if FINAL in validity else next(iter(validity))
            self.text(
                markup(
                    _t(
                        "monev.report.validity_line",
                        measure=measure_text(self.validity_name(code), LANGUAGE),
                        **self.rho_fields(validity[code]),
                    )
                ),
                small=True,
            )
        self.summary_findings()

    def key_numbers(self, stages: Sequence[str]) -> None:
        figures = self.figures["stages"]
        rows: list[list[str]] = []

        def row(label: str, cells: Sequence[str]) -> None:
            rows.append([label, *cells])

        flows = [figures[code]["flow"] for code in stages]
        row(_t("monev.report.registered"), [count_for_people(f["registered"]) for f in flows])
        row(_t("monev.report.present"), [count_for_people(f["present"]) for f in flows])
        row(_t("monev.report.met_all"), [count_for_people(_met_all(f)) for f in flows])
        row(
            _t("monev.report.within_quota"),
            [
                _t(
                    "monev.report.of",
                    part=count_for_people(f["seats"]["within_quota"]),
                    whole=count_for_people(f["seats"]["kebutuhan"]),
                )
                for f in flows
            ],
        )
        row(
            _t("monev.report.empty_count"),
            [count_for_people(len(f["empty_formations"])) for f in flows],
        )
        row(
            _t("monev.report.lowest_icc"),
            [self.lowest_icc(figures[code].get("components") or {}) for code in stages],
        )
        row(
            _t("monev.report.lowest_ratio"),
            [self.lowest_ratio(figures[code].get("fairness") or {}) for code in stages],
        )
        labels = [_t("monev.report.measure"), *stages]
        self.table(
            labels,
            rows,
            numeric=frozenset(range(1, len(labels))),
            width=(75 + 35 * len(stages)) * mm,
        )
        self.text(markup(_t("monev.report.key_numbers_note")), small=True)

    def lowest_icc(self, components: Mapping[str, Any]) -> str:
        known = [
            (c["icc2_1"], code) for code, c in components.items() if c.get("icc2_1") is not None
        ]
        if not known:
            return "-"
        value, code = min(known)
        return f"{fixed_text(value, 2)} ({code})"

    def lowest_ratio(self, fairness: Mapping[str, Any]) -> str:
        known = [
            (g["impact_ratio"], name)
            for name, g in fairness.items()
            if g.get("impact_ratio") is not None
        ]
        if not known:
            return "-"
        value, name = min(known)
        return f"{fixed_text(value, 2)} ({group_text(name, LANGUAGE)})"

    def summary_findings(self) -> None:
        """The findings, warnings first, as many as the page holds; the rest are counted and
        sent to the list in the details (the summary stays one page)."""
        flow = self.flow
        self.heading(_t("monev.report.findings"), 2, room=30)
        if not self.found:
            self.text(markup(_t("monev.report.no_findings")), small=True)
            return
        ordered = [f for f in self.found if f.severity == "warning"] + [
            f for f in self.found if f.severity == "note"
        ]
        style = self.small["list"]
        more_height = 2 * style.leading + 4
        for index, finding in enumerate(ordered):
            source = self.finding_markup(finding)
            para = Paragraph(source, style, bulletText="•")
            _, height = para.wrap(flow.width, flow.room)
            rest = len(ordered) - index - 1
            needed = height + (more_height if rest else 0) + 2
            if needed > flow.room:
                self.text(
                    markup(
                        _t(
                            "monev.report.more_findings",
                            count=count_for_people(len(ordered) - index),
                        )
                    ),
                    small=True,
                )
                return
            para.drawOn(flow.canvas, flow.x, flow.y - height)
            flow.y -= height + 2

    def finding_markup(self, finding: Finding) -> str:
        label = _t(f"monev.report.severity.{finding.severity}")
        sentence = finding_text(finding, LANGUAGE, with_stage=self.several_stages)
        return f"<b>{markup(label)}</b> {markup(sentence)}"

    # -- details ------------------------------------------------------------------------------

    def finding_list(self) -> None:
        self.heading(_t("monev.report.finding_list"), 1)
        if not self.found:
            self.text(markup(_t("monev.report.no_findings")))
            return
        self.text(markup(_t("monev.report.finding_list_note")), small=True)
        for number, finding in enumerate(self.found, start=1):
            key = markup(_t("monev.report.key", key=finding.key))
            self.flow.paragraph(
                f"{self.finding_markup(finding)} <font size=7.5 color='#555555'>{key}</font>",
                self.small["list"],
                bullet=f"{number}.",
            )
            self.flow.space(1.2 * mm)

    def stage(self, code: str, stage: Mapping[str, Any]) -> None:
        self.flow.new_page()
        self.heading(_t("monev.report.stage", code=code, name=self.stage_name(code)), 1)
        self.flow_section(code, stage["flow"])
        self.distributions(code, stage.get("distributions") or {})
        if stage.get("components"):
            self.agreement(stage["components"])
        if stage.get("fairness"):
            self.fairness(stage["fairness"])

    def flow_section(self, code: str, flow: Mapping[str, Any]) -> None:
        self.heading(_t("monev.report.flow"), 2, room=ROW_ROOM * 5)
        steps = [
            (_t("monev.report.registered"), flow["registered"]),
            (_t("monev.report.present"), flow["present"]),
        ]
        for component, count in flow.get("passed_threshold", {}).items():
            steps.append((_t("monev.report.passed", name=self.component_name(component)), count))
        steps.append((_t("monev.report.met_all"), _met_all(flow)))
        steps.append((_t("monev.report.within_quota_short"), flow["seats"]["within_quota"]))
        self.drawing(funnel_chart(steps, self.flow.width))
        marked = flow.get("marked") or {}
        self.table(
            [_t("monev.report.measure"), _t("monev.report.count")],
            [
                [_t("monev.report.absent"), count_for_people(flow["absent"])],
                *(
                    [_t("monev.report.marked", mark=mark), count_for_people(count)]
                    for mark, count in marked.items()
                ),
                [_t("monev.report.kebutuhan"), count_for_people(flow["seats"]["kebutuhan"])],
                [
                    _t("monev.report.within_quota_short"),
                    count_for_people(flow["seats"]["within_quota"]),
                ],
                [_t("monev.report.empty_count"), count_for_people(len(flow["empty_formations"]))],
            ],
            numeric=frozenset({1}),
            width=100 * mm,
        )
        empty = flow.get("empty_formations") or []
        if empty:
            self.heading(_t("monev.report.empty_title"), 3)
            self.table(
                [
                    _t("monev.report.formation"),
                    _t("monev.report.position"),
                    _t("monev.report.reason"),
                ],
                [
                    [
                        e["formation"],
                        str((self.formations.get(e["formation"]) or {}).get("position") or "-"),
                        reasons_text(e.get("statuses") or {}, LANGUAGE),
                    ]
                    for e in empty
                ],
            )
        units = flow.get("units") or {}
        if units:
            self.heading(_t("monev.report.units"), 3)
            self.table(
                [
                    _t("monev.report.unit"),
                    _t("monev.report.registered"),
                    _t("monev.report.within_quota_short"),
                    _t("monev.report.rate"),
                ],
                [
                    [
                        unit,
                        count_for_people(u["registered"]),
                        count_for_people(u["selected"]),
                        percent_text(u["selected"] / u["registered"], 1)
                        if u["registered"]
                        else "-",
                    ]
                    for unit, u in units.items()
                ],
                numeric=frozenset({1, 2, 3}),
            )

    def distributions(self, stage: str, distributions: Mapping[str, Any]) -> None:
        if not distributions:
            return
        self.heading(_t("monev.report.distributions"), 2, room=150)
        for code, figure in distributions.items():
            threshold = self.threshold(code, figure)
            self.heading(self.component_name(code), 3, room=150)
            self.drawing(
                histogram_chart(
                    figure["histogram"]["edges"],
                    figure["histogram"]["counts"],
                    threshold,
                    self.flow.width,
                )
            )
            q1, q2, q3 = figure["quartiles"]
            near = figure.get("near_threshold")
            below = figure.get("just_below_threshold")
            self.table(
                [
                    "n",
                    _t("monev.report.mean"),
                    "SD",
                    "Q1",
                    _t("monev.report.median"),
                    "Q3",
                    _t("monev.report.threshold"),
                    _t("monev.report.near"),
                    _t("monev.report.just_below"),
                    _t("monev.report.at_maximum"),
                ],
                [
                    [
                        count_for_people(figure["n"]),
                        fixed_text(figure["mean"], 2),
                        "-" if figure.get("sd") is None else fixed_text(figure["sd"], 2),
                        short_number(q1),
                        short_number(q2),
                        short_number(q3),
                        "-" if threshold is None else plain_number(threshold),
                        "-" if near is None else percent_text(near, 1),
                        "-" if below is None else percent_text(below, 1),
                        percent_text(figure["at_maximum"], 1),
                    ]
                ],
                numeric=frozenset(range(10)),
            )

    def agreement(self, components: Mapping[str, Any]) -> None:
        first = next(iter(components.values()))
        icc_table = (2 + len(first.get("aspects") or ())) * TABLE_ROW
        self.heading(_t("monev.report.agreement"), 2, room=NOTE + HEADING + icc_table)
        self.text(
            markup(_t("monev.report.agreement_note", limit=fixed_text(ICC_GOOD, 2),
                      deviation=plain_number(DEVIATION_LIMIT))),
            small=True,
        )  # fmt: skip
        for code, figure in components.items():
            rows_here = 2 + len(figure.get("aspects") or ())
            self.heading(self.component_name(code), 3, room=rows_here * TABLE_ROW)
            parts = [(_t("monev.report.whole"), figure)] + [
                (self.aspect_name(code, aspect), inner)
                for aspect, inner in (figure.get("aspects") or {}).items()
            ]
            rows = [self.icc_row(label, inner) for label, inner in parts]
            for column, key in ((2, "ci95"), (4, "ci95_k")):
                texts = interval_column([inner.get(key) for _, inner in parts], 2)
                for row, text in zip(rows, texts, strict=True):
                    row[column] = text
            self.table(
                [
                    _t("monev.report.aspect"),
                    "ICC(2,1)",
                    _t("monev.report.ci"),
                    "ICC(2,k)",
                    _t("monev.report.ci"),
                    _t("monev.report.band"),
                    "Alpha",
                    _t("monev.report.n_panel"),
                    _t("monev.report.n_scored"),
                ],
                rows,
                numeric=frozenset({1, 2, 3, 4, 6, 7, 8}),
                centered=frozenset({5}),
            )
            panel = figure.get("panel") or {}
            if panel.get("assessors"):
                self.text(
                    markup(
                        _t(
                            "monev.report.panel",
                            assessors=", ".join(panel["assessors"]),
                            n=count_for_people(int(panel.get("n") or 0)),
                        )
                    ),
                    small=True,
                )
            assessors = figure.get("assessors") or {}
            if not assessors:
                continue
            bars = [
                (
                    name,
                    float(a["deviation"]),
                    None if a.get("ci95") is None else (float(a["ci95"][0]), float(a["ci95"][1])),
                    abs(float(a["deviation"])) > DEVIATION_LIMIT,
                )
                for name, a in assessors.items()
            ]
            self.heading(_t("monev.report.deviations", name=self.component_name(code)), 3,
                         room=min(len(bars), MOST_ROWS) * 13 + 30)  # fmt: skip
            self.bars(bars, lambda part: deviation_chart(part, DEVIATION_LIMIT, self.flow.width))
            self.table(
                [
                    _t("monev.report.assessor"),
                    _t("monev.report.deviation"),
                    _t("monev.report.ci"),
                    "n",
                    _t("monev.report.reading"),
                ],
                [
                    [
                        name,
                        fixed_text(a["deviation"], 2),
                        interval,
                        count_for_people(int(a["n"])),
                        _deviation_reading(float(a["deviation"])),
                    ]
                    for (name, a), interval in zip(
                        assessors.items(),
                        interval_column([a.get("ci95") for a in assessors.values()], 2),
                        strict=True,
                    )
                ],
                numeric=frozenset({1, 2, 3}),
            )

    def icc_row(self, label: str, figure: Mapping[str, Any]) -> list[str]:
        def number(key: str) -> str:
            value = figure.get(key)
            return "-" if value is None else fixed_text(value, 2)

        panel = figure.get("panel") or {}
        return [
            label,
            number("icc2_1"),
            interval_text(figure.get("ci95"), 2),
            number("icc2_k"),
            interval_text(figure.get("ci95_k"), 2),
            band_text(str(figure.get("band") or ""), LANGUAGE),
            number("krippendorff_alpha"),
            count_for_people(int(panel.get("n") or 0)) if panel else "-",
            count_for_people(int(figure.get("n_participants") or 0)),
        ]

    def fairness(self, fairness: Mapping[str, Any]) -> None:
        first_levels = (next(iter(fairness.values())).get("levels")) or {}
        self.heading(
            _t("monev.report.fairness"), 2, room=NOTE + HEADING + _group_room(first_levels)
        )
        self.text(
            markup(_t("monev.report.fairness_note", limit=fixed_text(FOUR_FIFTHS, 1))), small=True
        )
        for group, figure in fairness.items():
            levels: Mapping[str, Any] = figure.get("levels") or {}
            small = set(figure.get("too_small") or ())
            order = _level_order(group, levels)
            self.heading(
                _t("monev.report.by_group", group=group_text(group, LANGUAGE)),
                3,
                room=_group_room(levels),
            )
            ratio = figure.get("impact_ratio")
            extremes = judged_extremes(levels, sorted(small))
            if ratio is not None and extremes is not None:
                self.text(
                    markup(
                        _t(
                            "monev.report.ratio_line",
                            ratio=fixed_text(ratio, 2),
                            lowest=level_text(group, extremes[0], LANGUAGE),
                            highest=level_text(group, extremes[1], LANGUAGE),
                            p=p_clause(figure.get("fisher_p"), LANGUAGE),
                        )
                    ),
                    small=True,
                )
            else:
                self.text(markup(_t("monev.report.ratio_none")), small=True)
            best = [
                float(v["rate"])
                for level, v in levels.items()
                if v.get("rate") is not None and (level not in small or extremes is None)
            ]
            highest = max(best, default=0.0)
            shares = {
                level: (
                    float(v["rate"]) / highest if highest and v.get("rate") is not None else 0.0
                )
                for level, v in levels.items()
            }
            if len(levels) >= 2:
                bars = [(level_text(group, level, LANGUAGE), shares[level], level in small)
                        for level in order]  # fmt: skip
                self.bars(bars, lambda part: ratio_chart(part, FOUR_FIFTHS, self.flow.width))
            self.table(
                [
                    _t("monev.report.level"),
                    _t("monev.report.applicants"),
                    _t("monev.report.selected"),
                    _t("monev.report.rate"),
                    _t("monev.report.to_highest"),
                    _t("monev.report.remark"),
                ],
                [
                    [
                        level_text(group, level, LANGUAGE),
                        count_for_people(int(v["applicants"])),
                        count_for_people(int(v["selected"])),
                        "-" if v.get("rate") is None else percent_text(v["rate"], 1),
                        fixed_text(shares[level], 2),
                        _t("monev.report.too_small") if level in small else "",
                    ]
                    for level, v in ((level, levels[level]) for level in order)
                ],
                numeric=frozenset({1, 2, 3, 4}),
            )

    def validity_name(self, code: str) -> str:
        if code == FINAL:
            return ""
        if code in self.components:
            return self.component_name(code)
        return self.stage_name(code)

    def rho_fields(self, figure: Mapping[str, Any]) -> dict[str, str]:
        return {
            "rho": fixed_text(figure["rho"], 2),
            "ci": interval_text(figure.get("ci95"), 2),
            "n": count_for_people(int(figure["n"])),
        }

    def validity(self) -> None:
        from app.scoring.monev.findings import reference_kind

        self.flow.new_page()
        self.heading(_t("monev.report.validity"), 1)
        self.text(markup(_t("monev.report.validity_note")), small=True)
        reference: Mapping[str, float] = self.figures.get("validity_reference") or {}
        rows = []
        validity = self.figures.get("validity") or {}
        intervals = interval_column([v.get("ci95") for v in validity.values()], 2)
        for (code, figure), interval in zip(validity.items(), intervals, strict=True):
            kind = (self.components.get(code) or {}).get("reference") or reference_kind(code)
            name = self.validity_name(code) or _t("monev.final_score")
            rows.append(
                [
                    f"{name} ({code})" if name != code else code,
                    fixed_text(figure["rho"], 2),
                    interval,
                    count_for_people(int(figure["n"])),
                    p_text(figure.get("p")),
                    kind_text(kind, LANGUAGE) if kind else "-",
                    fixed_text(reference[kind], 2) if kind and kind in reference else "-",
                ]
            )
        self.table(
            [
                _t("monev.report.measure_of"),
                "rho",
                _t("monev.report.ci"),
                "n",
                "p",
                _t("monev.report.reference_kind"),
                _t("monev.report.reference"),
            ],
            rows,
            numeric=frozenset({1, 2, 3, 4, 6}),
        )
        self.heading(_t("monev.report.references"), 3, room=60)
        self.table(
            [_t("monev.report.reference_kind"), _t("monev.report.reference")],
            [
                [kind_text(kind, LANGUAGE), fixed_text(value, 2)]
                for kind, value in reference.items()
            ],
            numeric=frozenset({1}),
            width=100 * mm,
        )
        for finding in self.found:
            if finding.key == "range_restriction":
                self.heading(_t("monev.report.range_restriction"), 3, room=40)
                self.text(markup(finding_text(finding, LANGUAGE)))

    def recommendations(self, lines: Sequence[RecommendationLine]) -> None:
        self.flow.new_page()
        self.heading(_t("monev.report.recommendations"), 1)
        if not lines:
            self.text(markup(_t("monev.report.no_recommendations")))
            return
        by_key = {f.key: f for f in self.found}
        for number, line in enumerate(lines, start=1):
            if line.finding_key is None:
                about = _t("monev.report.on_the_whole")
            elif line.finding_key in by_key:
                about = finding_text(
                    by_key[line.finding_key], LANGUAGE, with_stage=self.several_stages
                )
            else:
                about = _t("monev.report.key", key=line.finding_key)
            signed = _t("monev.report.written_by", author=line.author, at=line.written_at)
            self.flow.paragraph(
                f"<i>{markup(about)}</i><br/>{markup(line.text)}<br/>"
                f"<font size=8 color='#555555'>{markup(signed)}</font>",
                self.styles["list"],
                bullet=f"{number}.",
            )
            self.flow.space(2.5 * mm)


ROW_ROOM = ROW
"""A bar's row in the horizontal charts."""
TABLE_ROW = 15.0
"""A one-line row of a table, ruled, about."""
SHORT_TABLE = 8
"""Rows of a table short enough to be kept on the page of its chart."""


NOTE = 45.0
"""A section's explanatory note, three small lines, about."""
HEADING = 20.0
"""A level-3 heading and its space."""


def _group_room(levels: Mapping[str, Any]) -> float:
    """What a fairness group needs below its heading to begin on the same page: its ratio
    line, its chart, and its table when short (a long one at least starts there)."""
    chart_rows = min(len(levels), MOST_ROWS) if len(levels) >= 2 else 0
    table_rows = len(levels) if len(levels) <= SHORT_TABLE else 3
    return 20 + (chart_rows + 2) * ROW_ROOM + (table_rows + 2) * TABLE_ROW


def _met_all(flow: Mapping[str, Any]) -> int:
    """Those who met every condition of the stage: ranked within or outside the quota, or
    tied across its last seat."""
    statuses = flow.get("statuses") or {}
    return int(sum(statuses.get(s, 0) for s in ("within_quota", "outside_quota", "tied")))


AGE_ORDER = ("<25", "25-29", "30-34", "35+")
"""The age bands youngest first (``app.scoring.monev.fairness.age_band``)."""


def _level_order(group: str, levels: Mapping[str, Any]) -> list[str]:
    """Age bands youngest first; other groups largest first, then by name."""
    if group == "age":
        return sorted(levels, key=lambda level: (AGE_ORDER.index(level) if level in AGE_ORDER
                                                 else len(AGE_ORDER), level))  # fmt: skip
    return sorted(levels, key=lambda level: (-int(levels[level]["applicants"]), level))


def _deviation_reading(deviation: float) -> str:
    if deviation > DEVIATION_LIMIT:
        return _t("monev.report.lenient")
    if deviation < -DEVIATION_LIMIT:
        return _t("monev.report.harsh")
    return ""
