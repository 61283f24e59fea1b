"""``seleksi simulate``: a draft scheme applied to this selection's stored scores (issue #14 §2).

    seleksi simulate --scheme RANCANGAN.toml [--stage TAHAP] [--json hasil.json]
                     [--xlsx tabel.xlsx] [--local-code 1275]

Nothing of the selection changes (``services.simulation``). The terminal gets a summary a
person reads, numbers as they read them (a decimal comma in Indonesian): per formation the
outcomes that change, Kendall's tau-b and the seats gained and lost, then the whole
selection, the effective weights and the impact ratios under both schemes. Formations where
nothing changes and the order stays the same are counted in one line, not listed. The JSON
(decimal points, for scripts) and the workbook carry every figure. It reads every score, so
it needs a login, as ``evaluate`` does; the roles that read the evaluation may run it.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_files import write_json
from app.messages import language, t
from app.numbers import NumberStyle, count_for_people, style_for, value_for_people

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.database import Database
    from app.services.simulation import SimulationReport

COMMANDS = ("simulate",)


def add_simulation_commands(commands: Any) -> None:
    """Register ``simulate`` on the main parser's subcommands."""
    simulate = commands.add_parser("simulate", help=t("cli.help.simulate"))
    simulate.add_argument(
        "--scheme", required=True, metavar="RANCANGAN.toml", help=t("cli.help.simulate_scheme")
    )
    simulate.add_argument("--stage", metavar="TAHAP", help=t("cli.help.simulate_stage"))
    simulate.add_argument("--json", type=Path, metavar="HASIL.json")
    simulate.add_argument("--xlsx", type=Path, metavar="TABEL.xlsx")
    simulate.add_argument("--local-code", default="", metavar="KODE", help=t("cli.help.local"))


def run_simulation_command(
    args: argparse.Namespace, db: Database, actor: Actor, selection_id: int
) -> int:
    """Run ``simulate``; errors are ``UserError`` (a rejected draft: ``SchemeRejected``,
    listed one problem a line) for ``cli.main`` to print."""
    from app.services.simulation import load_draft_file, simulate_draft, simulation_figures

    draft = load_draft_file(args.scheme)
    report = simulate_draft(
        db,
        actor,
        selection_id,
        draft,
        stage=args.stage,
        local_code=args.local_code.strip(),
        source=args.scheme,
    )
    print(summary_text(report, style_for(language())), end="")
    if args.json is None and args.xlsx is None:
        return 0
    figures = simulation_figures(report)
    if args.json is not None:
        write_json(args.json, figures)
        print(t("cli.simulated", path=args.json))
    if args.xlsx is not None:
        from app.services.simulation_tables import write_simulation_tables

        print(t("cli.simulated", path=write_simulation_tables(figures, args.xlsx)))
    return 0


def summary_text(report: SimulationReport, style: NumberStyle) -> str:
    """What the terminal shows: the title, the rules, one table, the figures below it."""
    simulation = report.simulation
    lines = [
        t(
            "simulation.title",
            draft=report.draft.code,
            selection=report.selection_id,
            name=report.selection_name,
            stage=report.stage,
        )
    ]
    if not simulation.rules:
        lines.append(t("simulation.no_rules"))
    else:
        names = [t(f"simulation.rule.{rule}") for rule in simulation.rules]
        lines.append(t("simulation.rules", rules=", ".join(names)))
    lines.append("")
    header = [
        t(f"simulation.col.{key}")
        for key in ("formation", "quota", "participants", "changed", "tau", "gained", "lost")
    ]
    shown = [f for f in simulation.formations if f.changed or f.kendall_tau not in (1.0, None)]
    rows = [
        [
            f.formation,
            count_for_people(f.quota, style),
            count_for_people(f.participants, style),
            count_for_people(len(f.changed), style),
            _figure(f.kendall_tau, style),
            count_for_people(len(f.gained), style),
            count_for_people(len(f.lost), style),
        ]
        for f in shown
    ]
    overall = [
        t("simulation.overall"),
        count_for_people(sum(f.quota for f in simulation.formations), style),
        count_for_people(simulation.participants, style),
        count_for_people(len(simulation.changed), style),
        _figure(simulation.kendall_tau_mean, style),
        count_for_people(simulation.seats_gained, style),
        count_for_people(simulation.seats_lost, style),
    ]
    lines += _table(header, rows, overall)
    hidden = len(simulation.formations) - len(shown)
    if hidden:
        lines.append(t("simulation.unchanged_formations", count=count_for_people(hidden, style)))
    lowest = simulation.kendall_tau_lowest
    if lowest is not None:
        lines.append(
            t(
                "simulation.tau_note",
                lowest=_figure(lowest.kendall_tau, style),
                formation=lowest.formation,
            )
        )
    lines.append("")
    if simulation.rules:
        counts = ", ".join(
            f"{t(f'simulation.rule.{rule}')} {count_for_people(count, style)}"
            for rule, count in simulation.changed_by_rule().items()
        )
        lines.append(t("simulation.by_rule", counts=counts))
    before, after = report.current.flow, report.draft.flow
    lines.append(
        t(
            "simulation.pass_rate",
            before=count_for_people(len(before.selected), style),
            registered_before=count_for_people(before.registered, style),
            rate_before=_percent(before.pass_rate, style),
            after=count_for_people(len(after.selected), style),
            registered_after=count_for_people(after.registered, style),
            rate_after=_percent(after.pass_rate, style),
        )
    )
    lines.append(t("simulation.weights_title"))
    drafted = {w.code: w for w in report.draft.weights}
    width = max((len(w.code) for w in report.current.weights), default=0)
    for weight in report.current.weights:
        other = drafted.get(weight.code)
        line = t(
            "simulation.weight_line",
            stated_before=_stated(weight.stated, style),
            stated_after=_stated(None if other is None else other.stated, style),
            r_before=_figure(weight.pearson, style),
            r_after=_figure(None if other is None else other.pearson, style),
        )
        lines.append(f"  {weight.code:<{width}}  {line}")
    groups = [g for g in report.current.fairness if g in report.draft.fairness]
    if groups:
        lines.append(t("simulation.fairness_title"))
        width = max(len(t(f"simulation.group.{g}")) for g in groups)
        for group in groups:
            old, new = report.current.fairness[group], report.draft.fairness[group]
            line = t(
                "simulation.fairness_line",
                before=_figure(old.impact_ratio, style)
                + (t("simulation.adverse") if old.adverse else ""),
                after=_figure(new.impact_ratio, style)
                + (t("simulation.adverse") if new.adverse else ""),
            )
            lines.append(f"  {t(f'simulation.group.{group}'):<{width}}  {line}")
    return "\n".join(lines) + "\n"


def _table(header: list[str], rows: list[list[str]], overall: list[str]) -> list[str]:
    """Columns aligned: the first to the left, numbers to the right; the overall row last,
    under a rule."""
    everything = [header, *rows, overall]
    widths = [max(len(row[i]) for row in everything) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(widths[i]) for i, cell in enumerate(row) if i]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [line(header), rule, *(line(row) for row in rows), rule, line(overall)]


def _figure(value: float | None, style: NumberStyle) -> str:
    """A correlation or a ratio with three decimals (``0,873``); ``-`` where there is none."""
    if value is None:
        return "-"
    return value_for_people(Decimal(f"{value:.3f}"), 3, style)


def _percent(value: float | None, style: NumberStyle) -> str:
    if value is None:
        return "-"
    return value_for_people(Decimal(f"{value * 100:.1f}"), 1, style) + " %"


def _stated(value: Decimal | None, style: NumberStyle) -> str:
    return "-" if value is None else value_for_people(value, None, style)
