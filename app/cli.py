"""The command line: the same use cases as the window, for scripts and the terminal.

``python main.py`` opens the window; ``python main.py [--db PATH] [--selection ID] COMMAND``
runs a command. Exit 0 on success, 1 on a user error with a message on stderr naming file,
row and field. Qt is never imported here, so commands start fast.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from app.cli_drafts import COMMANDS as DRAFT_COMMANDS
from app.cli_drafts import add_draft_commands, run_draft_command
from app.cli_drafts import writes as draft_writes
from app.cli_evaluation import COMMANDS as EVALUATION_COMMANDS
from app.cli_evaluation import add_evaluation_commands, run_evaluation_command
from app.cli_evaluation import writes as evaluation_writes
from app.cli_files import write_json
from app.cli_login import add_login_options, ask_password, log_in, log_in_to_copy, needs_login
from app.cli_packages import COMMANDS as PACKAGE_COMMANDS
from app.cli_packages import add_package_commands, run_package_command
from app.cli_packages import writes as package_writes
from app.cli_policy import COMMANDS as POLICY_COMMANDS
from app.cli_policy import add_policy_commands, run_policy_command
from app.cli_review import COMMANDS as REVIEW_COMMANDS
from app.cli_review import add_review_commands, run_review_command, warn_pending
from app.cli_simulate import COMMANDS as SIMULATION_COMMANDS
from app.cli_simulate import add_simulation_commands, run_simulation_command
from app.cli_ties import add_tie_commands, run_tie_command
from app.messages import t
from app.services.permissions import ROLES
from app.services.ranking_export import render_ranking

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.database import Database

EXIT_OK = 0
EXIT_USER_ERROR = 1


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a usage error; the contract says 1, with one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {t('cli.usage_error')}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="seleksi", description=t("cli.description"))
    parser.add_argument("--db", type=_database_location, help=t("cli.help.db"))
    parser.add_argument("--selection", type=int, help=t("cli.help.selection"))
    add_login_options(parser)  # --user, --password-file (cli_login.py)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    init = commands.add_parser("init", help=t("cli.help.init"))
    init.add_argument("--scheme", required=True, help=t("cli.help.scheme"))
    init.add_argument("--name", required=True)
    init.add_argument("--year", type=int)
    init.add_argument("--instansi", default="")
    init.add_argument("--admin", metavar="NAMA", help=t("cli.help.first_admin"))

    importer = commands.add_parser("import", help=t("cli.help.import"))
    importer.add_argument("kind", choices=("formations", "participants", "scores", "performance"))
    importer.add_argument("file", type=Path)
    importer.add_argument("--replace", action="store_true", help=t("cli.help.import_replace"))
    importer.add_argument("--reason", default="", help=t("cli.help.import_reason"))

    mark = commands.add_parser("mark", help=t("cli.help.mark"))
    mark.add_argument("participant")
    mark.add_argument("kind", choices=("APS", "TMS", "DIS"), type=str.upper)
    mark.add_argument("--reason", required=True)
    mark.add_argument("--stage")

    rank = commands.add_parser("rank", help=t("cli.help.rank"))
    rank.add_argument("--stage")
    rank.add_argument("--formation")
    rank.add_argument("--format", choices=("table", "csv", "json"), default="table")
    rank.add_argument("--out", type=Path)

    demo = commands.add_parser("demo", help=t("cli.help.demo"))
    demo.add_argument("--scheme", default="binjai-kompetensi")
    demo.add_argument("--participants", type=int, default=600)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--admin", metavar="NAMA", help=t("cli.help.first_admin"))

    user = commands.add_parser("user", help=t("cli.help.user"))
    user_commands = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    add = user_commands.add_parser("add")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--full-name", default="")
    add.add_argument("--password-stdin", action="store_true")
    user_commands.add_parser("list")

    commands.add_parser("selections", help=t("cli.help.selections"))

    announce = commands.add_parser("announce", help=t("cli.help.announce"))
    announce.add_argument("--stage")
    announce.add_argument("--out", type=Path, required=True)
    announce.add_argument("--number")
    announce.add_argument("--date", type=_iso_date)
    announce.add_argument("--subject")
    announce.add_argument("--sign", type=Path, metavar="FILE.p12")
    announce.add_argument("--password-file", type=Path)
    announce.add_argument("--confirm-date", action="store_true", help=t("cli.help.confirm_date"))

    finalize = commands.add_parser("finalize", help=t("cli.help.finalize"))
    finalize.add_argument("--stage", required=True)
    finalize.add_argument("--formation", nargs="+", action="extend", metavar="KODE")

    reopen = commands.add_parser("reopen", help=t("cli.help.reopen"))
    reopen.add_argument("--stage", required=True)
    reopen.add_argument("--formation", nargs="+", action="extend", metavar="KODE")
    reopen.add_argument("--reason", required=True)

    verify = commands.add_parser("verify", help=t("cli.help.verify"))
    verify.add_argument("file", type=Path)
    verify.add_argument("--cert", type=Path)

    sheet = commands.add_parser("sheet", help=t("cli.help.sheet"))
    sheet.add_argument("--component", required=True)
    sheet.add_argument("--formation")
    sheet.add_argument("--assessor", default="")
    sheet.add_argument("--out", type=Path, required=True)

    attendance = commands.add_parser("attendance", help=t("cli.help.attendance"))
    attendance.add_argument("--session")
    attendance.add_argument("--formation")
    attendance.add_argument("--stage")
    attendance.add_argument("--place", default="")
    attendance.add_argument("--date", type=_iso_date)
    attendance.add_argument("--out", type=Path, required=True)

    minutes = commands.add_parser("minutes", help=t("cli.help.minutes"))
    minutes.add_argument("--formation", required=True)
    minutes.add_argument("--stage")
    minutes.add_argument("--number", default="")
    minutes.add_argument("--date", type=_iso_date)
    minutes.add_argument("--out", type=Path, required=True)

    slip = commands.add_parser("slip", help=t("cli.help.slip"))
    slip.add_argument("participant")
    slip.add_argument("--stage")
    slip.add_argument("--out", type=Path, required=True)

    audit = commands.add_parser("audit", help=t("cli.help.audit"))
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    audit_verify = audit_commands.add_parser("verify")
    audit_verify.add_argument(
        "--against", type=Path, metavar="FILE", help=t("cli.help.audit_against")
    )
    log = audit_commands.add_parser("log")
    log.add_argument("--participant")
    log.add_argument("--user", dest="audit_user")
    log.add_argument("--since", type=_iso_date)
    log.add_argument("--limit", type=int)

    key = commands.add_parser("key", help=t("cli.help.key"))
    key_commands = key.add_subparsers(dest="key_command", required=True, parser_class=_Parser)
    create = key_commands.add_parser("create")
    create.add_argument("--p12", type=Path, required=True)
    create.add_argument("--cert", type=Path, required=True)
    create.add_argument("--name", default="Panitia Seleksi Daerah")
    create.add_argument("--organization", default="Pemerintah Kota Binjai")
    create.add_argument("--password-file", type=Path)

    backup = commands.add_parser("backup", help=t("cli.help.backup"))
    backup.add_argument("--out", type=Path, help=t("cli.help.backup_out"))
    restore = commands.add_parser("restore", help=t("cli.help.restore"))
    restore.add_argument("file", type=Path)
    restore.add_argument("--other-database", action="store_true", help=t("cli.help.other_database"))
    evaluate = commands.add_parser("evaluate", help=t("cli.help.evaluate"))
    evaluate.add_argument(
        "--out", type=Path, metavar="LAPORAN.pdf", help=t("cli.help.evaluate_out")
    )
    evaluate.add_argument("--stage", metavar="TAHAP", help=t("cli.help.evaluate_stage"))
    evaluate.add_argument("--json", type=Path, metavar="HASIL.json")
    evaluate.add_argument("--xlsx", type=Path, metavar="TABEL.xlsx")
    evaluate.add_argument("--local-code", default="", metavar="KODE", help=t("cli.help.local"))
    add_review_commands(commands)  # review, resolve (cli_review.py)
    add_tie_commands(commands)  # tie list, tie decide (cli_ties.py)
    add_evaluation_commands(commands)  # recommend, compare (cli_evaluation.py)
    add_draft_commands(commands)  # draft create|list|export|scheme|adopt (cli_drafts.py)
    add_simulation_commands(commands)  # simulate (cli_simulate.py)
    add_package_commands(commands, _Parser)  # laptop, package (cli_packages.py)
    add_policy_commands(commands)  # fgd weights (cli_policy.py)
    return parser


def _database_location(text: str) -> Path | str:
    """A file's path, or a server's URL (``postgresql://user@host/dbname``) as given."""
    if text.startswith(("postgresql://", "postgres://")):
        return text
    return Path(text)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_date", value=text)) from None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from app.ui.app import run_gui

        return run_gui(args.db)
    from app.services.errors import ImportRejected, UserError

    try:
        return _run(args)
    except ImportRejected as rejected:
        print(
            t("cli.import_rejected", file=rejected.file, count=len(rejected.problems)),
            file=sys.stderr,
        )
        for line in rejected.lines():
            print(line, file=sys.stderr)
        return EXIT_USER_ERROR
    except UserError as error:
        if not _reported_scheme(error):
            print(f"seleksi: {error.text()}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return EXIT_USER_ERROR
    except sqlite3.OperationalError as error:
        # A locked, read-only or full database: the transaction was rolled back.
        print(f"seleksi: {t('cli.database_error', detail=error)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as error:
        print(f"seleksi: {t('cli.os_error', detail=error)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as error:
        log = _write_crash_log()
        print(f"seleksi: {t('cli.unexpected', detail=error, log=log)}", file=sys.stderr)
        return EXIT_USER_ERROR


def _reported_scheme(error: Exception) -> bool:
    """A rejected scheme file, listed one problem a line with its TOML key. The schemes module
    is looked up, not imported: only a command that loaded it can have raised its error, and
    the others keep their start-up time."""
    schemes = sys.modules.get("app.services.schemes")
    if schemes is None or not isinstance(error, schemes.SchemeRejected):
        return False
    print(t("cli.scheme_rejected", source=error.source), file=sys.stderr)
    for problem in error.problems:
        where = f"{problem.key}: " if problem.key else ""
        print(f"{error.source}: {where}{t(problem.message, problem.params)}", file=sys.stderr)
    return True


def _write_crash_log() -> str:
    """Keep the traceback for the developers in a file; the user sees one line."""
    import tempfile
    import traceback

    try:
        from platformdirs import user_log_path

        folder = user_log_path("seleksi-asn", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    path = folder / "seleksi-error.log"
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
            handle.write("\n")
    except OSError:
        return "-"
    return str(path)


READ_ONLY_COMMANDS = frozenset({"rank", "selections", "verify"})


def _open(args: argparse.Namespace) -> Database:
    from app.services.database import default_database_path
    from app.services.opening import open_database

    # Writing commands walk the whole file first; reading ones rely on SQLite's own checks.
    full_check = args.command not in READ_ONLY_COMMANDS
    return open_database(args.db or default_database_path(), full_check=full_check)


# Commands that change the file: each successful one is followed by a backup (DESIGN §6).
WRITE_COMMANDS = frozenset(
    {"init", "import", "mark", "demo", "announce", "finalize", "reopen", "resolve"}
)


def _run(args: argparse.Namespace) -> int:
    if args.command in ("backup", "restore"):
        return _backups(args)  # before opening: a damaged file must still be restorable
    if args.command in POLICY_COMMANDS:
        return run_policy_command(args)  # reads a file; opens the database only for --stage
    db = _open(args)
    try:
        code = _dispatch(args, db, _login(args, db) if needs_login(args) else None)
        if code == EXIT_OK and (
            args.command in WRITE_COMMANDS
            or getattr(args, "user_command", None) == "add"
            or getattr(args, "tie_command", None) == "decide"
            or (args.command in PACKAGE_COMMANDS and package_writes(args))
            or (args.command in EVALUATION_COMMANDS and evaluation_writes(args))
            or (args.command in DRAFT_COMMANDS and draft_writes(args))
        ):
            from app.services.backups import ON_EXIT, automatic_backup

            automatic_backup(db, ON_EXIT)
        return code
    finally:
        db.close()


def _login(args: argparse.Namespace, db: Database) -> Actor:
    """The same rules as the window: log in, and the role decides what is allowed. A scheme
    that ``init`` or ``demo`` cannot load is refused first, so a refused command never leaves
    a first admin behind."""
    if args.command in ("init", "demo"):
        from app.services.schemes import load_preset_or_file

        load_preset_or_file(args.scheme)
    return log_in(args, db)


def _backups(args: argparse.Namespace) -> int:
    """``backup`` and ``restore``, which work on the file itself rather than inside it.

    Both log in and the role decides, as for every other command. A restore over a file that
    does not open (or holds no account) is decided by the accounts of the backup itself: a
    damaged file must still be restorable, and only by an admin.
    """
    from app.services.backups import MANUAL, create_backup, restore_backup
    from app.services.database import default_database_path

    if isinstance(args.db, str):  # a server
        return _server_backup(args)
    path = Path(args.db or default_database_path()).expanduser()
    if args.command == "backup":
        db = _open(args)
        try:
            actor = log_in(args, db)
        finally:
            db.close()
    else:
        actor = _restorer(args, path)
    if args.command == "backup":
        print(t("cli.backup_done", path=create_backup(path, MANUAL, actor=actor, out=args.out)))
        return EXIT_OK
    safety = restore_backup(args.file, path, actor=actor, other_database=args.other_database)
    if safety is None:
        print(t("cli.restored_fresh", target=path, backup=args.file))
    else:
        print(t("cli.restored", target=path, backup=args.file, safety=safety))
    return EXIT_OK


def _server_backup(args: argparse.Namespace) -> int:
    """``backup --out FILE.db`` of a server: a complete SQLite copy (issue #12 §2). A
    restore goes the other way only through the committee's server tools."""
    from app.services.errors import UserError
    from app.services.server_backup import copy_server

    if args.command == "restore":
        raise UserError("server.no_restore")
    if args.out is None:
        raise UserError("server.backup_needs_out")
    db = _open(args)
    try:
        actor = log_in(args, db)
        print(t("cli.backup_done", path=copy_server(db, actor, args.out)))
    finally:
        db.close()
    return EXIT_OK


def _restorer(args: argparse.Namespace, path: Path) -> Actor:
    """Who restores: a login on the live file if it opens and has accounts, else on the copy."""
    from app.services.errors import UserError

    if path.is_file() and path.stat().st_size > 0:
        try:
            db = _open(args)
        except UserError:
            db = None  # damaged, truncated, not ours: the backup's accounts decide
        if db is not None:
            try:
                from app.services.users import count_users

                if count_users(db):
                    return log_in(args, db)
            finally:
                db.close()
    return log_in_to_copy(args, args.file)


def _dispatch(args: argparse.Namespace, db: Database, actor: Actor | None) -> int:
    """Run the command; ``actor`` is ``None`` exactly for the commands without a login."""
    from app.services.selections import resolve_selection

    command = args.command
    if actor is None:
        return _read_only(args, db)
    if command == "init":
        from app.services.schemes import load_preset_or_file
        from app.services.selections import create_selection

        scheme = load_preset_or_file(args.scheme)
        created = create_selection(db, actor, scheme, args.name, args.year, args.instansi)
        print(
            t("cli.created_selection", id=created.id, name=created.name, scheme=created.scheme_code)
        )
        return EXIT_OK
    if command == "demo":
        from app.services.demo import create_demo

        demo = create_demo(db, actor, args.scheme, args.participants, args.seed)
        print(t("cli.created_demo", id=demo.id, name=demo.name, participants=args.participants))
        return EXIT_OK
    if command == "user":
        return _user(args, db, actor)
    if command == "audit":
        return _audit(args, db)
    if command in PACKAGE_COMMANDS:
        return run_package_command(args, db, actor, args.selection)

    selection = resolve_selection(db, args.selection)
    if command == "import" and args.kind == "performance":
        from app.services.performance import import_performance

        done = import_performance(db, actor, selection.id, args.file)
        print(t("cli.imported.performance", added=done.added, unchanged=done.unchanged))
        return EXIT_OK
    if command == "import":
        from app.services.participants_import import import_formations, import_participants
        from app.services.scores_import import import_scores

        function = {
            "formations": import_formations,
            "participants": import_participants,
            "scores": import_scores,
        }[args.kind]
        summary = function(
            db, actor, selection.id, args.file, replace=args.replace, reason=args.reason
        )
        print(t(f"cli.imported.{args.kind}", added=summary.added, updated=summary.updated))
        return EXIT_OK
    if command == "mark":
        from app.services.marks import mark_participant

        mark = mark_participant(
            db,
            actor,
            selection.id,
            args.participant,
            args.kind,
            args.reason,
            args.stage,
        )
        print(t("cli.marked", number=mark.participant_no, kind=mark.kind, stage=mark.stage))
        return EXIT_OK
    if command == "announce":
        from app.services.announcements import issue_announcement

        key = (args.sign, _password(args.password_file)) if args.sign else None
        announced = issue_announcement(
            db,
            actor,
            selection.id,
            args.stage,
            args.out,
            number=args.number,
            issued_on=args.date,
            subject=args.subject,
            key=key,
            confirm_date=args.confirm_date,
        )
        for warning in announced.warnings:
            print(f"seleksi: {warning}", file=sys.stderr)
        print(
            t(
                "cli.announced",
                number=announced.number,
                id=announced.document_id,
                rows=announced.rows,
                out=args.out,
                sha=announced.pdf_sha256,
            )
        )
        return EXIT_OK
    if command in ("finalize", "reopen"):
        return _finalization(args, db, actor, selection.id)
    if command in REVIEW_COMMANDS:
        return run_review_command(args, db, actor, selection.id)
    if command == "tie":
        return run_tie_command(args, db, actor, selection.id)
    if command in EVALUATION_COMMANDS:
        return run_evaluation_command(args, db, actor, selection.id)
    if command in DRAFT_COMMANDS:
        return run_draft_command(args, db, actor, selection.id)
    if command in SIMULATION_COMMANDS:
        return run_simulation_command(args, db, actor, selection.id)
    if command in ("sheet", "attendance", "minutes", "slip"):
        return _document(args, db, actor, selection.id)
    if command == "evaluate":
        return _evaluate(args, db, actor, selection.id)
    raise AssertionError(command)


def _evaluate(args: argparse.Namespace, db: Database, actor: Actor, selection_id: int) -> int:
    """Monitoring and evaluation (issue #13): the Laporan Monitoring dan Evaluasi as PDF
    (``--out``), the figures as JSON (flow, distributions, fairness, the assessors' agreement,
    validity, per stage) and the tables as XLSX; ``--stage`` keeps one stage in all three."""

    from app.services.errors import UserError
    from app.services.evaluation_report import report_figures
    from app.services.permissions import Action, require

    require(actor, Action.SEE_EVALUATION)
    if args.json is None and args.xlsx is None and args.out is None:
        raise UserError("cli.evaluate_needs_out")
    local_code = args.local_code.strip()
    stage = args.stage.strip() if args.stage else None
    figures = report_figures(db, selection_id, stage=stage, local_code=local_code)
    if args.json is not None:
        write_json(args.json, figures)
        print(t("cli.evaluated", path=args.json))
    if args.xlsx is not None:
        from app.services.evaluation_tables import write_tables

        print(t("cli.evaluated", path=write_tables(figures, args.xlsx)))
    if args.out is not None:
        from app.services.evaluation_report import evaluation_report_pdf

        # The tim monev's standing recommendations close the report (``seleksi recommend``).
        report = evaluation_report_pdf(db, selection_id, figures, local_code=local_code)
        pages = report.save(args.out)
        print(t("cli.evaluation_report_written", path=args.out, pages=pages))
    return EXIT_OK


def _read_only(args: argparse.Namespace, db: Database) -> int:
    """The commands anyone who can read the file may run, without a login."""
    command = args.command
    if command == "verify":
        return _verify(args, db)
    if command == "audit":
        return _audit(args, db)
    if command == "key":
        from app.services.signing import create_committee_key

        password = _password(args.password_file)
        root = create_committee_key(args.p12, args.cert, password, args.name, args.organization)
        print(t("cli.key_created", p12=args.p12, cert=args.cert))
        print(t("cli.key_fingerprint", fingerprint=root))
        return EXIT_OK
    if command == "tie":
        from app.services.selections import resolve_selection

        return run_tie_command(args, db, None, resolve_selection(db, args.selection).id)
    if command == "selections":
        from app.services.selections import list_selections

        for info in list_selections(db):
            print(
                f"{info.id}\t{info.name}\t{info.year}\t{info.scheme_code}\t"
                f"{t('cli.counts', formations=info.formations, participants=info.participants)}"
            )
        return EXIT_OK
    if command == "rank":
        from app.services.ranking import compute_ranking
        from app.services.selections import resolve_selection

        selection = resolve_selection(db, args.selection)

        ranking = compute_ranking(db, selection.id, args.stage, args.formation)
        text = render_ranking(ranking, args.format)
        warn_pending(db, selection.id, ranking.stage.code)  # stderr: stdout stays the file
        if args.out is None:
            sys.stdout.write(text)
        else:
            try:
                args.out.write_text(text, encoding="utf-8", newline="")
            except OSError as error:
                from app.services.errors import UserError

                raise UserError("cli.cannot_write", path=args.out, detail=error.strerror) from error
        return EXIT_OK
    raise AssertionError(command)


def _finalization(args: argparse.Namespace, db: Database, actor: Actor, selection_id: int) -> int:
    """``finalize`` / ``reopen``: say which formations changed and which already were so."""
    from app.services.finalization import finalize, reopen

    if args.command == "finalize":
        result = finalize(db, actor, selection_id, args.stage, args.formation)
        done, other = "cli.finalized", "cli.already_final"
    else:
        result = reopen(db, actor, selection_id, args.stage, args.formation, args.reason)
        done, other = "cli.reopened", "cli.not_final"
    if result.changed or not result.unchanged:
        print(
            t(
                done,
                stage=result.stage,
                count=len(result.changed),
                formations=", ".join(result.changed) or "-",
                reason=" ".join(args.reason.split()) if args.command == "reopen" else "",
            )
        )
    if result.announced:
        print(t("cli.reopened_announced", numbers=", ".join(result.announced)))
    if result.unchanged:
        print(
            t(
                other,
                stage=result.stage,
                count=len(result.unchanged),
                formations=", ".join(result.unchanged),
            )
        )
    return EXIT_OK


def _document(args: argparse.Namespace, db: Database, actor: Actor, selection_id: int) -> int:
    from app.services import documents

    if args.command == "sheet":
        pages = documents.write_score_sheet(
            db,
            selection_id,
            args.component,
            args.out,
            actor=actor,
            formation=args.formation,
            assessor=args.assessor,
        )
    elif args.command == "attendance":
        pages = documents.write_attendance(
            db,
            selection_id,
            args.out,
            actor=actor,
            session=args.session,
            formation=args.formation,
            place=args.place,
            day=args.date,
            stage_code=args.stage,
        )
    elif args.command == "minutes":
        pages = documents.write_minutes(
            db,
            selection_id,
            args.formation,
            args.out,
            actor=actor,
            stage_code=args.stage,
            number=args.number,
            day=args.date,
        )
    else:
        pages = documents.write_slip(
            db, selection_id, args.participant, args.out, actor=actor, stage_code=args.stage
        )
    print(t("cli.document_written", out=args.out, pages=pages))
    return EXIT_OK


def _audit(args: argparse.Namespace, db: Database) -> int:
    from app.services.audit import audit_log

    if args.audit_command == "verify":
        return _audit_verify(args, db)
    for entry in audit_log(
        db,
        participant=args.participant,
        user=args.audit_user,
        since=args.since,
        limit=args.limit,
    ):
        change = f"{entry.old or '-'} -> {entry.new or '-'}"
        reason = f" ({entry.reason})" if entry.reason else ""
        subject = " ".join(part for part in (entry.participant, entry.entity_key) if part)
        actor = f"{entry.actor}@{entry.device}" if entry.device else entry.actor
        print(f"{entry.at[:19]}\t{actor}\t{entry.action}\t{subject}\t{change}{reason}")
    return EXIT_OK


# ``audit verify`` names at most this many differences; the count is always complete.
SHOWN_DIFFERENCES = 50


def _audit_verify(args: argparse.Namespace, db: Database) -> int:
    """The chain, the triggers, the tables against the trail, the backups and ``--against``:
    what holds on stdout, what does not on stderr (exit 1)."""
    from app.services.backups import backup_folder
    from app.services.history import verify_history

    report = verify_history(db, args.against)
    chain = report.chain
    if chain.ok:
        print(t("cli.audit_ok", count=chain.events))
    else:
        reason = t(chain.problem)
        print(t("cli.audit_broken", id=chain.first_broken, reason=reason), file=sys.stderr)
    print(t("cli.audit_head", short=report.head.short, hash=report.head.hash))
    if report.missing_guards:
        print(t("cli.audit_guards_missing", triggers=report.missing_guards), file=sys.stderr)
    for event in report.tampered:
        print(t("cli.audit_tampered_before", at=event.at[:19], id=event.id), file=sys.stderr)
    replayed = report.replay
    if replayed.ok:
        checked = replayed.checked
        print(
            t(
                "cli.audit_replay_ok",
                scores=checked.get("score", 0),
                marks=checked.get("mark", 0),
                finals=checked.get("finalization", 0),
                users=checked.get("user", 0),
            )
        )
    else:
        print(t("cli.audit_replay_broken", count=replayed.count), file=sys.stderr)
        for difference in replayed.differences[:SHOWN_DIFFERENCES]:
            print(f"- {difference.text()}", file=sys.stderr)
        if replayed.count > SHOWN_DIFFERENCES:
            print(t("cli.audit_more", count=replayed.count - SHOWN_DIFFERENCES), file=sys.stderr)
    for what in replayed.unchecked:
        print(t("cli.audit_unchecked", what=what))
    for device in report.devices:
        chain_report = device.report
        if chain_report.ok:
            print(t("package.chain_ok", device=device.device, events=chain_report.events))
        else:
            print(
                t(
                    "package.chain_bad",
                    device=device.device,
                    event=chain_report.first_broken,
                    problem=t(chain_report.problem),
                ),
                file=sys.stderr,
            )
    problems = [check for check in report.backups if not check.ok]
    if report.backups and not problems:
        print(t("cli.audit_backups", count=len(report.backups), folder=backup_folder(db)))
    for check in problems:
        print(f"- {check.text()}", file=sys.stderr)
    if report.against is not None:
        print(report.against.text(), file=sys.stdout if report.against.ok else sys.stderr)
    return EXIT_OK if report.ok else EXIT_USER_ERROR


def _password(path: Path | None) -> str:
    """From a file (first line) for scripts, else asked without echo."""
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
        except OSError as error:
            from app.services.errors import UserError

            raise UserError("cli.cannot_read", path=path, detail=error.strerror) from error
    return ask_password("cli.key_password_prompt", option="--password-file")


def _verify(args: argparse.Namespace, db: Database) -> int:
    from app.services.announcements import verify_announcement
    from app.services.picture_check import (
        is_document_id,
        is_picture,
        verify_document_id,
        verify_picture,
    )

    # A photographed or scanned page is checked by its QR code (issue #11 §3).
    if is_picture(args.file):
        result = verify_picture(db, args.file)
    elif not args.file.exists() and is_document_id(str(args.file)):
        result = verify_document_id(db, str(args.file))  # read off a page's footer
    else:
        result = verify_announcement(db, args.file, args.cert)
    for finding in result.findings:
        print(f"- {finding}")
    for line in result.page_rows:  # what the photographed page must show, to compare
        print(f"    {line}")
    verdict = "cli.verify_valid" if result.ok else "cli.verify_invalid"
    if result.ok and result.printed:
        verdict = "cli.verify_valid_printed"
    if result.replaced_by:
        verdict = "cli.verify_replaced"
    print(
        t(
            verdict,
            file=args.file.name,
            id=result.document_id or "-",
            number=result.number,
            replaced_by=result.replaced_by,
            title=result.printed,
        )
    )
    return EXIT_OK if result.ok else EXIT_USER_ERROR


def _user(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    from app.services.users import add_user, list_users

    if args.user_command == "list":
        for user in list_users(db):
            print(f"{user.username}\t{user.role}\t{user.full_name}")
        return EXIT_OK
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = ask_password("cli.password_prompt", confirm=True, option="--password-stdin")
    info = add_user(db, actor, args.name, args.role, password, args.full_name)
    print(t("cli.user_added", name=info.username, role=info.role))
    return EXIT_OK
