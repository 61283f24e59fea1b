"""``seleksi draft``: policy drafts from the terminal (issue #14).

``draft create NAME [--stage S]`` copies the selection's scheme into a new draft; ``draft
list``; ``draft export ID --out FILE.toml`` writes the draft's scheme to edit (thresholds,
tie-break order, aspects) and ``draft scheme ID FILE.toml`` takes it back, kept even when it
breaks a rule, which is then named; ``draft adopt ID --out SKEMA.toml`` ("Jadikan skema",
admin) writes a valid draft as the scheme file a new selection uses; ``draft report ID --out
LAPORAN.pdf [--exclude-inconsistent] [--local-code KODE]`` writes the Laporan Penyusunan
Kebijakan (read only). Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.messages import t

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.database import Database

COMMANDS = ("draft",)


def add_draft_commands(commands: Any) -> None:
    draft = commands.add_parser("draft", help=t("cli.help.draft"))
    actions = draft.add_subparsers(dest="draft_command", required=True)
    create = actions.add_parser("create")
    create.add_argument("name", metavar="NAMA")
    create.add_argument("--stage")
    create.add_argument("--answers", default="", metavar="TEKS")
    actions.add_parser("list")
    export = actions.add_parser("export")
    export.add_argument("id", type=int, metavar="NOMOR")
    export.add_argument("--out", type=Path, required=True, metavar="RANCANGAN.toml")
    scheme = actions.add_parser("scheme")
    scheme.add_argument("id", type=int, metavar="NOMOR")
    scheme.add_argument("file", type=Path, metavar="RANCANGAN.toml")
    fgd = actions.add_parser("fgd")
    fgd.add_argument("id", type=int, metavar="NOMOR")
    fgd.add_argument("file", type=Path, metavar="FGD.xlsx|csv")
    weights = actions.add_parser("weights")
    weights.add_argument("id", type=int, metavar="NOMOR")
    weights.add_argument("--exclude-inconsistent", action="store_true")
    adopt = actions.add_parser("adopt")
    adopt.add_argument("id", type=int, metavar="NOMOR")
    adopt.add_argument("--out", type=Path, required=True, metavar="SKEMA.toml")
    adopt.add_argument("--fgd-date", default="", metavar="TANGGAL")
    adopt.add_argument("--groups", nargs="+", default=[], metavar="KELOMPOK")
    report = actions.add_parser("report")
    report.add_argument("id", type=int, metavar="NOMOR")
    report.add_argument("--out", type=Path, required=True, metavar="LAPORAN.pdf")
    report.add_argument("--exclude-inconsistent", action="store_true")
    report.add_argument("--local-code", default="", metavar="KODE")


def writes(args: argparse.Namespace) -> bool:
    return args.command == "draft" and args.draft_command in (
        "create",
        "scheme",
        "fgd",
        "weights",
        "adopt",
    )


def run_draft_command(
    args: argparse.Namespace, db: Database, actor: Actor, selection_id: int
) -> int:
    from app.services import policy_drafts as drafts
    from app.services.errors import UserError

    command = args.draft_command
    if command == "create":
        info = drafts.create_draft(
            db, actor, selection_id, args.name, args.stage, answers=args.answers
        )
        print(t("cli.draft_created", id=info.id, name=info.name, stage=info.stage_code))
    elif command == "list":
        found = drafts.list_drafts(db, selection_id)
        if not found:
            print(t("cli.drafts_none"))
        for info in found:
            state = t("cli.draft_adopted", file=info.adopted_file) if info.adopted else "-"
            broken = len(drafts.draft_problems(info))
            print(f"{info.id}\t{info.name}\t{info.stage_code}\t{broken}\t{state}")
    elif command == "export":
        from app.services.announcements import write_atomically

        info = drafts.load_draft(db, args.id)
        try:
            write_atomically(args.out, info.scheme_toml.encode("utf-8"))
        except OSError as error:
            raise UserError("cli.cannot_write", path=args.out, detail=error.strerror) from error
        print(t("cli.draft_exported", id=info.id, path=args.out))
    elif command == "scheme":
        import tomllib

        from app.scoring import scheme_from_mapping

        try:
            data = tomllib.loads(args.file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            detail = getattr(error, "strerror", None) or error
            raise UserError("cli.cannot_read", path=args.file, detail=detail) from error
        except tomllib.TOMLDecodeError as error:
            raise UserError("scheme.toml_syntax", detail=str(error)) from error
        info = drafts.save_draft_scheme(
            db, actor, args.id, scheme_from_mapping(data, validate=False)
        )
        problems = drafts.draft_problems(info)
        print(t("cli.draft_saved", id=info.id, count=len(problems)))
        _print_problems(problems)
    elif command == "fgd":
        drafts.import_fgd_file(db, actor, args.id, args.file)
        stored = drafts.judgments(db, args.id)
        people = len({j.respondent for j in stored})
        print(t("cli.draft_fgd_imported", id=args.id, respondents=people, rows=len(stored)))
    elif command == "weights":
        info = drafts.propose_fgd_weights(
            db, actor, args.id, exclude_inconsistent=args.exclude_inconsistent
        )
        stage = next(s for s in info.scheme.stages if s.code == info.stage_code)
        shares = ", ".join(f"{c.code} {c.weight} %" for c in stage.components if c.is_numeric)
        problems = drafts.draft_problems(info)
        print(t("cli.draft_weights", id=info.id, shares=shares, count=len(problems)))
        _print_problems(problems)
    elif command == "report":
        from app.services.policy_report import policy_report_pdf

        document = policy_report_pdf(
            db,
            actor,
            args.id,
            exclude_inconsistent=args.exclude_inconsistent,
            local_code=args.local_code,
        )
        try:
            pages = document.save(args.out)
        except OSError as error:
            raise UserError("cli.cannot_write", path=args.out, detail=error.strerror) from error
        print(t("cli.draft_report_written", id=args.id, path=args.out, pages=pages))
    else:
        from app.services.scheme_edit import SchemeProblems

        try:
            adopted = drafts.adopt_draft(
                db, actor, args.id, args.out, fgd_date=args.fgd_date, groups=args.groups
            )
        except SchemeProblems as refused:
            _print_problems(refused.problems)
            raise
        print(t("cli.draft_adopted_now", id=args.id, path=adopted.path, sha=adopted.sha256))
    return 0


def _print_problems(problems: Any) -> None:
    """Each rule a draft breaks, with the TOML key that breaks it (stderr)."""
    for problem in problems:
        where = f"{problem.key}: " if problem.key else ""
        print(f"  {where}{t(problem.message, problem.params)}", file=sys.stderr)
