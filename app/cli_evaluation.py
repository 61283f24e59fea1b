"""``seleksi recommend`` and ``seleksi compare``: the tim monev's commands beside ``evaluate``.

``recommend add|list|revise|withdraw`` keeps the team's recommendations for the policy
revision (stored and audited by ``services.recommendations``); ``compare`` sets this file's
selections, and other files' opened read-only, side by side
(``services.evaluation_years``). Output for scripts (``--format csv/json``) keeps decimal
points, as every other command's does. Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_files import write_json
from app.messages import t

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.database import Database

COMMANDS = ("recommend", "compare")


def add_evaluation_commands(commands: Any) -> None:
    """Register ``recommend`` and ``compare`` on the main parser's subcommands."""
    recommend = commands.add_parser("recommend", help=t("cli.help.recommend"))
    actions = recommend.add_subparsers(dest="recommend_command", required=True)
    add = actions.add_parser("add")
    add.add_argument("text", metavar="TEKS")
    add.add_argument("--finding", metavar="KUNCI", default=None)
    listing = actions.add_parser("list")
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")
    listing.add_argument("--all", action="store_true", dest="include_withdrawn")
    revise = actions.add_parser("revise")
    revise.add_argument("id", type=int, metavar="NOMOR")
    revise.add_argument("text", metavar="TEKS")
    withdraw = actions.add_parser("withdraw")
    withdraw.add_argument("id", type=int, metavar="NOMOR")

    compare = commands.add_parser("compare", help=t("cli.help.compare"))
    compare.add_argument("--with", dest="other_files", type=Path, nargs="+", default=[])
    compare.add_argument("--only", dest="selection_ids", type=int, nargs="+", default=None)
    compare.add_argument("--format", choices=("table", "csv", "json"), default="table")
    compare.add_argument("--json", type=Path, metavar="BANDING.json")
    compare.add_argument("--local-code", default="", metavar="KODE", help=t("cli.help.local"))


def writes(args: argparse.Namespace) -> bool:
    """Whether the command changed the file (a backup follows it)."""
    return args.command == "recommend" and args.recommend_command != "list"


def run_evaluation_command(
    args: argparse.Namespace, db: Database, actor: Actor, selection_id: int
) -> int:
    """Run ``recommend`` or ``compare``; errors are ``UserError`` for ``cli.main`` to print."""
    from app.services.permissions import Action, require

    require(actor, Action.SEE_EVALUATION)
    if args.command == "compare":
        return _compare(args, db)
    return _recommend(args, db, actor, selection_id)


def _recommend(args: argparse.Namespace, db: Database, actor: Actor, selection_id: int) -> int:
    from app.services import recommendations as store

    command = args.recommend_command
    if command == "add":
        info = store.add_recommendation(db, actor, selection_id, args.text, args.finding)
        print(t("cli.recommendation_added", id=info.id))
    elif command == "revise":
        info = store.revise_recommendation(db, actor, selection_id, args.id, args.text)
        print(t("cli.recommendation_revised", id=info.id))
    elif command == "withdraw":
        store.withdraw_recommendation(db, actor, selection_id, args.id)
        print(t("cli.recommendation_withdrawn", id=args.id))
    else:
        found = store.list_recommendations(
            db, selection_id, include_withdrawn=args.include_withdrawn
        )
        rows = [
            {
                "id": r.id,
                "finding": r.finding_key or "",
                "author": r.author,
                "written_at": r.written_at.isoformat(sep=" ", timespec="seconds"),
                "revised_at": ""
                if r.revised_at is None
                else r.revised_at.isoformat(sep=" ", timespec="seconds"),
                "withdrawn_at": ""
                if r.withdrawn_at is None
                else r.withdrawn_at.isoformat(sep=" ", timespec="seconds"),
                "text": r.text,
            }
            for r in found
        ]
        if args.format == "json":
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        elif args.format == "csv":
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(ROW_FIELDS), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            sys.stdout.write(out.getvalue())
        elif not rows:
            print(t("cli.recommendations_none"))
        else:
            for row in rows:
                text = str(row["text"]).replace("\n", " ")
                print(f"{row['id']}\t{row['finding'] or '-'}\t{row['author']}\t{text}")
    return 0


ROW_FIELDS = ("id", "finding", "author", "written_at", "revised_at", "withdrawn_at", "text")


def _compare(args: argparse.Namespace, db: Database) -> int:
    from app.services.evaluation_years import compare_selections

    found = compare_selections(
        db,
        selection_ids=args.selection_ids,
        other_files=args.other_files,
        local_code=args.local_code.strip(),
    )
    if args.json is not None:
        write_json(args.json, found)
        print(t("cli.compare_written", path=args.json))
        return 0
    if args.format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    header, lines = comparison_table(found)
    if args.format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(lines)
        sys.stdout.write(out.getvalue())
    else:
        print("\t".join(header))
        for line in lines:
            print("\t".join(line))
    return 0


def comparison_table(found: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """One row per figure (``AKHIR.pass_rate``, ``AKHIR.icc2_1.PRAKTIK``…), one column per
    selection; an empty cell where a selection has no such figure."""
    selections = found["selections"]
    header = ["ukuran"] + [
        f"{s['year']} {s['name']}" + (f" [{s['source']}]" if s["source"] else "")
        for s in selections
    ]
    columns = [_flatten(s["stages"]) for s in selections]
    names: list[str] = []
    for column in columns:
        names.extend(name for name in column if name not in names)
    lines = [[name] + [column.get(name, "") for column in columns] for name in names]
    return header, lines


def _flatten(value: Any, prefix: str = "") -> dict[str, str]:
    if isinstance(value, dict):
        flat: dict[str, str] = {}
        for key, inner in value.items():
            flat.update(_flatten(inner, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(value, list):
        return {prefix: "–".join("" if v is None else str(v) for v in value)}
    return {prefix: "" if value is None else str(value)}
