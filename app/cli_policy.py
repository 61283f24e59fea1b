"""``seleksi fgd weights FILE``: the policy drafting team's FGD weights (issue #14 §1).

Reads one file of pairwise judgments (``app.services.fgd``) and prints, for people, each
respondent's weights and consistency ratio with a flag and the pair to ask again, the
group's weights as percentages, its CR and consensus, in Indonesian number format; with
``--json`` every figure goes to a file with decimal points, for scripts.

**No login.** The command reads the given file and stores nothing. With ``--stage`` it also
reads a selection's scheme, which every announcement prints anyway, as ``rank`` reads
results without a login (``cli_login``); with ``--scheme`` (a preset or a TOML file) it
does not open a database at all. It therefore runs before the database is opened
(``cli._run``) and opens it, to read only, when the selection's scheme is needed.
Nothing here imports Qt or numpy before the command runs.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_files import write_json
from app.messages import language, t
from app.numbers import style_for, value_for_people

if TYPE_CHECKING:
    from app.scoring.ahp import LevelResult
    from app.services.fgd import FgdWeights

COMMANDS = ("fgd",)


def add_policy_commands(commands: Any) -> None:
    """Register ``fgd weights`` on the main parser's subcommands."""
    fgd = commands.add_parser("fgd", help=t("cli.help.fgd"))
    actions = fgd.add_subparsers(dest="fgd_command", required=True)
    weights = actions.add_parser("weights", help=t("cli.help.fgd_weights"))
    weights.add_argument("file", type=Path, metavar="FILE.xlsx|csv")
    weights.add_argument("--json", type=Path, metavar="HASIL.json", help=t("cli.help.fgd_json"))
    weights.add_argument(
        "--exclude-inconsistent", action="store_true", help=t("cli.help.fgd_exclude")
    )
    weights.add_argument("--stage", metavar="TAHAP", help=t("cli.help.fgd_stage"))
    weights.add_argument("--scheme", metavar="PRESET|FILE.toml", help=t("cli.help.fgd_scheme"))
    sheet = actions.add_parser("questionnaire", help=t("cli.help.fgd_questionnaire"))
    sheet.add_argument("--stage", metavar="TAHAP", help=t("cli.help.fgd_stage"))
    sheet.add_argument("--out", type=Path, metavar="KUESIONER.pdf")
    sheet.add_argument("--xlsx", type=Path, metavar="KUESIONER.xlsx")
    sheet.add_argument("--respondents", type=int, default=12, metavar="N")


def run_policy_command(args: argparse.Namespace) -> int:
    """Run ``fgd weights``; a bad file is listed row by row on stderr (exit 1)."""
    import sys

    if args.fgd_command == "questionnaire":
        return _questionnaire(args)

    from app.services.errors import ImportRejected

    try:
        found = _weigh(args)
    except ImportRejected as rejected:
        print(
            t("fgd.file_rejected", file=rejected.file, count=len(rejected.problems)),
            file=sys.stderr,
        )
        for line in rejected.lines():
            print(line, file=sys.stderr)
        return 1
    from app.services.fgd import fgd_figures

    if args.json is not None:
        figures = fgd_figures(found)
        write_json(args.json, figures)
    print("\n".join(fgd_report(found)))
    if args.json is not None:
        print(t("fgd.json_written", path=args.json))
    return 0


def _weigh(args: argparse.Namespace) -> FgdWeights:
    from app.services.fgd import fgd_weights, fgd_weights_for_selection

    if args.scheme is not None:
        from app.services.schemes import load_preset_or_file

        return fgd_weights(
            args.file,
            exclude_inconsistent=args.exclude_inconsistent,
            scheme=load_preset_or_file(args.scheme),
            stage=args.stage,
        )
    if args.stage is None:
        return fgd_weights(args.file, exclude_inconsistent=args.exclude_inconsistent)
    from app.services.database import default_database_path
    from app.services.opening import open_database
    from app.services.selections import resolve_selection

    db = open_database(args.db or default_database_path(), full_check=False)
    try:
        selection = resolve_selection(db, args.selection)
        return fgd_weights_for_selection(
            db,
            selection.id,
            args.file,
            stage=args.stage,
            exclude_inconsistent=args.exclude_inconsistent,
        )
    finally:
        db.close()


# --- the table for people ------------------------------------------------------------------


def fgd_report(found: FgdWeights) -> list[str]:
    """The lines ``fgd weights`` prints: per level a table of respondents (share, CR, flag,
    weights in %), the pair to ask each inconsistent respondent again, the group's row and
    proposal, its CR, consensus and spread; the global weights; the draft, if any."""
    result = found.result
    lines = [
        t(
            "fgd.title",
            file=found.file,
            respondents=len(result.respondents),
            judgments=found.judgments,
        )
    ]
    if found.unanswered:
        lines.append(t("fgd.unanswered", count=found.unanswered))
    groups = {r.name: r.group for r in result.respondents}
    for level in result.levels:
        lines.append("")
        lines.extend(_level_lines(level, groups))
    if len(result.levels) > 1 and result.global_weights:
        lines.append("")
        lines.append(t("fgd.global"))
        lines.append(
            "  "
            + "; ".join(
                f"{name} {_percent(weight)} %" for name, weight in result.global_weights.items()
            )
        )
    if found.draft is not None:
        draft = found.draft
        lines.append("")
        changes = ", ".join(
            f"{code} {_plain(draft.current_components[code])} → {share}"
            for code, share in draft.components.items()
        )
        lines.append(t("fgd.draft", stage=draft.stage, changes=changes or "-"))
        for component, shares in draft.aspects.items():
            now = draft.current_aspects.get(component, {})
            changes = ", ".join(
                f"{code} {_plain(now.get(code, Decimal(0)))} → {share}"
                for code, share in shares.items()
            )
            lines.append(t("fgd.draft_aspects", component=component, changes=changes))
        if draft.adoptable:
            lines.append(t("fgd.draft_adoptable"))
        else:
            lines.append(t("fgd.draft_not_adoptable", count=len(draft.problems)))
            lines.extend(f"  {p.key}: {t(p.message, p.params)}" for p in draft.problems)
    return lines


def _level_lines(level: LevelResult, groups: dict[str, str]) -> list[str]:
    from app.services.fgd import level_name

    short = [name.rpartition(".")[2] for name in level.criteria]
    header = [
        t("fgd.column.respondent"),
        t("fgd.column.group"),
        t("fgd.column.share"),
        t("fgd.column.cr"),
    ]
    rows: list[list[str]] = []
    asks: list[str] = []
    for name, found in level.respondents.items():
        share = level.shares.get(name)
        flag = "" if found.consistent else t("fgd.flag.inconsistent")
        if name in level.excluded:
            flag += f" ({t('fgd.flag.excluded')})"
        rows.append(
            [
                name,
                groups.get(name, ""),
                "-" if share is None else _number(share, 3),
                _number(found.cr, 3),
                *(_percent(w) for w in found.weights),
                flag,
            ]
        )
        pair = found.most_inconsistent
        if not found.consistent and pair is not None:
            asks.append(
                t(
                    "fgd.ask_again",
                    respondent=name,
                    a=pair.a,
                    b=pair.b,
                    given=_judgment(pair.given),
                    implied=_judgment(pair.implied),
                )
            )
            if pair.equally:
                pairs = ", ".join(f"{a}–{b}" for a, b in pair.equally)
                asks.append(t("fgd.ask_equally", pairs=pairs))
    rows.append(
        [
            t("fgd.group_row"),
            "",
            "",
            _number(level.group.cr, 3),
            *(_percent(w) for w in level.group.weights),
            "",
        ]
    )
    rows.append([t("fgd.group_percent"), "", "", "", *(str(p) for p in level.percent), ""])
    table = [[*header, *short, ""], *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = [t("fgd.heading.level", level=level_name(level.key))]
    for row in table:
        cells = [
            cell.ljust(widths[i]) if i < 2 or i == len(row) - 1 else cell.rjust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    lines.extend(asks)
    if level.consensus is None:
        lines.append(t("fgd.group_summary_alone", cr=_number(level.group.cr, 3)))
    else:
        lines.append(
            t(
                "fgd.group_summary",
                cr=_number(level.group.cr, 3),
                consensus=_number(level.consensus, 2),
                band=t(f"fgd.band.{level.consensus_band}"),
            )
        )
    if len(level.respondents) > 1 and level.spread:
        lines.append(t("fgd.spread"))
        for name, spread in zip(short, level.spread, strict=True):
            lines.append(
                t(
                    "fgd.spread_line",
                    criterion=name,
                    minimum=_percent(spread.minimum),
                    maximum=_percent(spread.maximum),
                    sd=_percent(spread.sd or 0.0),
                )
            )
    if level.excluded:
        lines.append(t("fgd.excluded", names=", ".join(level.excluded)))
    elif level.inconsistent:
        lines.append(t("fgd.included_inconsistent", names=", ".join(level.inconsistent)))
    return lines


def _number(value: float, places: int) -> str:
    """``0.0461`` → ``0,046`` (Indonesian; a point in English) with ``places`` decimals."""
    return value_for_people(Decimal(f"{value:.{places}f}"), places, _style())


def _percent(weight: float) -> str:
    """A weight as a percentage with one decimal: ``0.3521`` → ``35,2``."""
    return value_for_people(Decimal(f"{100 * weight:.1f}"), 1, _style())


def _judgment(value: float) -> str:
    """A judgment as a facilitator reads it: ``3``, ``2,4``, ``1/3``, ``1/2,4``."""
    if value >= 1:
        return value_for_people(Decimal(f"{value:.1f}").normalize(), None, _style())
    return "1/" + value_for_people(Decimal(f"{1 / value:.1f}").normalize(), None, _style())


def _plain(value: Decimal) -> str:
    return value_for_people(value, None, _style())


def _style() -> Any:
    return style_for(language())


def _questionnaire(args: argparse.Namespace) -> int:
    """``fgd questionnaire``: the paper form of a stage's pairs (``--out``) and the workbook
    to type the answers into (``--xlsx``), which ``fgd weights`` reads back. It reads the
    selection's scheme only, as ``--stage`` of ``fgd weights`` does: no login."""
    from app.services.database import default_database_path
    from app.services.errors import UserError
    from app.services.fgd_questionnaire import questionnaire_pdf, questionnaire_workbook
    from app.services.opening import open_database
    from app.services.selections import resolve_selection

    if args.out is None and args.xlsx is None:
        raise UserError("fgd.questionnaire_needs_out")
    db = open_database(args.db or default_database_path(), full_check=False)
    try:
        selection = resolve_selection(db, args.selection)
        if args.out is not None:
            document = questionnaire_pdf(db, selection.id, args.stage)
            pages = document.save(args.out)
            print(t("fgd.questionnaire_written", path=args.out, pages=pages))
        if args.xlsx is not None:
            questionnaire_workbook(
                db, selection.id, args.xlsx, args.stage, respondents=args.respondents
            )
            print(t("fgd.workbook_written", path=args.xlsx, count=args.respondents))
    finally:
        db.close()
    return 0
