"""``seleksi laptop`` and ``seleksi package``: field laptops from the terminal (issue #12 §1).

``laptop prepare`` writes a field laptop's database, ``laptop list`` names the laptops and
what was last received from each; ``package export`` (on the field laptop) writes its
package, ``package import`` (on the main laptop) shows what it will add, then merges it
(``--dry-run``: only shows). The way back: ``package export --for-device NAME`` on the main
laptop, ``package import`` of that file on the field laptop. Kept apart from ``cli.py``
like the review commands; nothing here imports Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.messages import t

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.database import Database
    from app.services.packages import PackagePlan

COMMANDS = ("laptop", "package")


def add_package_commands(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``laptop`` and ``package`` on the main parser's subcommands."""
    laptop = commands.add_parser("laptop", help=t("cli.help.laptop"))
    laptop_commands = laptop.add_subparsers(
        dest="laptop_command", required=True, parser_class=parser_class
    )
    prepare = laptop_commands.add_parser("prepare")
    prepare.add_argument("--out", type=Path, required=True, metavar="BERKAS.db")
    prepare.add_argument("--name", required=True)
    prepare.add_argument("--formation", nargs="+", action="extend", metavar="KODE", default=[])
    prepare.add_argument("--component", nargs="+", action="extend", metavar="KODE", default=[])
    laptop_commands.add_parser("list")

    package = commands.add_parser("package", help=t("cli.help.package"))
    package_commands = package.add_subparsers(
        dest="package_command", required=True, parser_class=parser_class
    )
    export = package_commands.add_parser("export")
    export.add_argument("--out", type=Path, required=True, metavar="BERKAS.paket")
    export.add_argument("--for-device", metavar="NAMA", help=t("cli.help.for_device"))
    importer = package_commands.add_parser("import")
    importer.add_argument("file", type=Path, metavar="BERKAS.paket")
    importer.add_argument("--dry-run", action="store_true", help=t("cli.help.dry_run"))


def writes(args: argparse.Namespace) -> bool:
    """Whether the command changed the file (a backup follows it)."""
    return getattr(args, "laptop_command", None) == "prepare" or (
        getattr(args, "package_command", None) == "import" and not args.dry_run
    )


def run_package_command(
    args: argparse.Namespace, db: Database, actor: Actor, selection_id: int | None
) -> int:
    """Run ``laptop …`` or ``package …``; errors are ``UserError`` for ``cli.main`` to print."""
    if args.command == "laptop":
        return _laptop(args, db, actor, _selection(db, selection_id))
    if args.package_command == "export" and args.for_device:
        from app.services.way_back import export_for_device

        back = export_for_device(db, actor, _selection(db, selection_id), args.for_device, args.out)
        print(
            t(
                "package.for_device_exported",
                device=back.device,
                path=back.path,
                participants=back.participants,
                marks=back.marks,
                sha256=back.sha256,
            )
        )
        return 0
    if args.package_command == "export":
        from app.services.packages import export_package

        info = export_package(db, actor, args.out)
        print(
            t(
                "package.exported",
                device=info.device,
                path=info.path,
                rows=info.rows,
                drafts=info.drafts,
                marks=info.marks,
                events=info.events,
                sha256=info.sha256,
            )
        )
        return 0
    from app.services.package_file import read_package
    from app.services.packages import import_package, preview_package
    from app.services.way_back import is_from_main

    if is_from_main(read_package(args.file)):
        return _receive(args, db, actor)
    selection = _selection(db, selection_id)
    plan = preview_package(db, actor, selection, args.file)
    _print_plan(plan)
    if args.dry_run or plan.status == "older" or not plan.changed:
        if args.dry_run and plan.changed:
            print(t("package.dry_run"))
        return 0
    done = import_package(db, actor, selection, args.file, previewed=plan)
    if done.summary() != plan.summary():  # something changed between preview and import
        _print_plan(done)
    print(t("package.imported"))
    return 0


def _receive(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    """On a field laptop: the main laptop's corrections and marks, never its own scores."""
    from app.services.way_back import preview_from_main, receive_from_main

    plan = preview_from_main(db, actor, args.file)
    if not plan.changed:
        key = "package.older" if plan.status == "older" else "package.same"
        print(t(key, device=t("package.main_source"), head=plan.head))
        return 0
    if not args.dry_run:
        plan = receive_from_main(db, actor, args.file)
    print(
        t(
            "package.received",
            head=plan.head,
            updated=len(plan.updated),
            added=len(plan.added),
            marks=plan.marks_added,
        )
    )
    if args.dry_run:
        print(t("package.dry_run"))
    return 0


def _selection(db: Database, selection_id: int | None) -> int:
    from app.services.selections import resolve_selection

    return resolve_selection(db, selection_id).id


def _print_plan(plan: PackagePlan) -> None:
    if plan.status == "older":
        print(t("package.older", device=plan.device, head=plan.head))
        return
    if not plan.changed:
        print(t("package.same", device=plan.device))
        return
    print(
        t(
            "package.preview",
            device=plan.device,
            head=plan.head,
            added=plan.added,
            replaced=plan.replaced,
            conflicts=len(plan.conflicts),
            withdrawn=plan.withdrawn,
            unchanged=plan.unchanged,
            marks=plan.marks_added,
            drafts=plan.drafts_added,
            events=plan.events_new,
        )
    )
    if plan.conflicts:
        print(t("package.conflicts", count=len(plan.conflicts)))
        for number, component, assessor in plan.conflicts:
            print("\t".join((number, component, assessor or "-")))
    if plan.draft_conflicts:
        named = ", ".join(f"{n} {c} {a or '-'} #{r}" for n, c, a, r in plan.draft_conflicts[:10])
        print(t("package.draft_conflicts", count=len(plan.draft_conflicts), value=named))


def _laptop(args: argparse.Namespace, db: Database, actor: Actor, selection_id: int) -> int:
    from app.services.devices import list_devices, prepare_laptop

    if args.laptop_command == "prepare":
        device = prepare_laptop(
            db,
            actor,
            selection_id,
            args.out,
            args.name,
            formations=args.formation,
            components=args.component,
        ).value
        print(
            t(
                "device.prepared",
                name=device.name,
                path=args.out,
                participants=device.participants,
                fingerprint=device.fingerprint,
            )
        )
        return 0
    devices = list_devices(db, selection_id)
    print(t("device.heading", count=len(devices)))
    for device in devices:
        received = (
            t("device.never_received")
            if device.last_received_at is None
            else f"#{device.last_head} {device.last_received_at[:16]} ({device.last_received_by})"
        )
        print(
            "\t".join(
                (
                    device.name,
                    ",".join(device.formations) or "*",
                    ",".join(device.components) or "*",
                    str(device.participants),
                    device.fingerprint,
                    received,
                )
            )
        )
    return 0
