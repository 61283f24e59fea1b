"""``seleksi review`` and ``seleksi resolve``: the Verifikasi page for the terminal.

``review`` prints the double-entry mismatch queue, the assessor-spread flags and the
conflicts between field laptops' packages, tab separated, one line each. Entries are shown
to an admin (who decides them); to anyone else the queue names the values but hides them, so
an operator cannot learn the other round and retype to match it. ``resolve`` decides one
mismatch or package conflict (admin, with a reason; for a conflict the value names a laptop,
"laptop utama", or a value as shown). Kept apart from ``cli.py`` so the trust commands stay
in one place; nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.messages import t

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.database import Database

COMMANDS = ("review", "resolve")


def add_review_commands(commands: Any) -> None:
    """Register ``review`` and ``resolve`` on the main parser's subcommands."""
    review = commands.add_parser("review", help=t("cli.help.review"))
    review.add_argument("--stage")
    review.add_argument("--component")

    resolve = commands.add_parser("resolve", help=t("cli.help.resolve"))
    resolve.add_argument("participant", metavar="NOMOR")
    resolve.add_argument("component", metavar="KOMPONEN")
    resolve.add_argument("value", metavar="NILAI")
    resolve.add_argument("--reason", required=True)
    resolve.add_argument("--assessor", default="")
    resolve.add_argument("--aspect", default="")


def run_review_command(
    args: argparse.Namespace, db: Database, actor: Actor, selection_id: int
) -> int:
    """Run ``review`` or ``resolve``; errors are ``UserError`` for ``cli.main`` to print."""
    if args.command == "resolve":
        return _resolve(args, db, actor, selection_id)
    return _review(args, db, actor, selection_id)


def warn_pending(db: Database, selection_id: int, stage_code: str | None) -> None:
    """One line on stderr when values still wait for their second entry or a decision, so
    ``seleksi rank`` keeps stdout exactly the CSV/JSON while the reader still learns it."""
    with db.reading() as connection:
        # From the drafts to their participants (CROSS JOIN keeps that order): without
        # drafts this asks nothing of the selection's 100k participants.
        drafts = connection.execute(
            "SELECT 1 FROM score_draft d CROSS JOIN participant p ON p.id = d.participant_id"
            " WHERE p.selection_id = ? LIMIT 1",
            (selection_id,),
        ).fetchone()
    if drafts is None:
        return  # the common case, without loading the double-entry machinery (start-up time)
    from app.services.double_entry import pending_count

    count = pending_count(db, selection_id, stage_code)
    if count:
        print(f"seleksi: {t('double.pending_notice', count=count)}", file=sys.stderr)


def _review(args: argparse.Namespace, db: Database, actor: Actor, selection_id: int) -> int:
    from app.services.double_entry import mismatch_queue, pending_count
    from app.services.spread import spread_flags

    queue = mismatch_queue(db, selection_id, args.component)
    if args.stage is not None:
        deciding = _deciding_components(db, selection_id, args.stage)
        queue = [m for m in queue if m.component in deciding]
    from app.services.permissions import Action, allowed

    shown = allowed(actor.role, Action.SEE_OTHER_ROUND)
    print(t("double.heading", count=len(queue)))
    for m in queue:
        first = m.first if shown else t("double.hidden")
        second = m.second if shown else t("double.hidden")
        print(
            "\t".join(
                (
                    m.participant,
                    m.name,
                    m.component,
                    m.assessor or "-",
                    m.aspect or "-",
                    f"{first} ({m.first_by})",
                    f"{second} ({m.second_by})",
                )
            )
        )
    print(t("double.pending_line", count=pending_count(db, selection_id, args.stage)))
    flags = [
        f
        for f in spread_flags(db, selection_id, args.stage)
        if args.component is None or f.component == args.component.strip().upper()
    ]
    print(t("spread.heading", count=len(flags)))
    for flag in flags:
        values = "; ".join(
            f"{name} {_number(value)}" for name, value in flag.values_by_assessor.items()
        )
        spread = t("spread.line_spread", spread=_number(flag.spread), limit=_number(flag.limit))
        print("\t".join((flag.participant, flag.name, flag.formation, flag.component, values)))
        print(f"\t{spread}")
    _print_package_conflicts(db, selection_id, args, shown)
    return 0


def _print_package_conflicts(
    db: Database, selection_id: int, args: argparse.Namespace, shown: bool
) -> None:
    """Sheet rows on which field laptops (or a laptop and this one) disagree (issue #12);
    a selection without field laptops prints nothing more than before."""
    from app.services.devices import list_devices
    from app.services.packages import package_conflicts

    if not list_devices(db, selection_id):
        return
    conflicts = package_conflicts(db, selection_id)
    if args.component is not None:
        conflicts = [c for c in conflicts if c.component == args.component.strip().upper()]
    if args.stage is not None:
        deciding = _deciding_components(db, selection_id, args.stage)
        conflicts = [c for c in conflicts if c.component in deciding]
    print(t("package.conflict_heading", count=len(conflicts)))
    for conflict in conflicts:
        claims = [
            f"{claim.source}: {claim.value if shown else t('double.hidden')} ({claim.by})"
            for claim in conflict.claims
        ]
        print(
            "\t".join(
                [
                    conflict.participant,
                    conflict.name,
                    conflict.component,
                    conflict.assessor or "-",
                    *claims,
                ]
            )
        )


def _deciding_components(db: Database, selection_id: int, stage_code: str) -> set[str]:
    """Components of the stage and of the earlier ones (their cut decides who enters it): the
    same reading of ``--stage`` as ``pending_count`` and ``spread_flags``."""
    from app.services.errors import UserError
    from app.services.scheme_edit import current_scheme

    scheme = current_scheme(db, selection_id)
    try:
        index = scheme.stage_index(stage_code.strip().upper())
    except KeyError:
        raise UserError(
            "stage.not_found", value=stage_code, choices=[s.code for s in scheme.stages]
        ) from None
    return {c.code for stage in scheme.stages[: index + 1] for c in stage.components}


def _resolve(args: argparse.Namespace, db: Database, actor: Actor, selection_id: int) -> int:
    from app.scoring.score_rows import display
    from app.services.double_entry import resolve_mismatch
    from app.services.packages import package_conflicts, resolve_package_conflict

    component = args.component.strip().upper()
    if any(
        (c.participant, c.component, c.assessor)
        == (args.participant.strip(), component, args.assessor.strip())
        for c in package_conflicts(db, selection_id)
    ):
        resolve_package_conflict(
            db,
            actor,
            selection_id,
            args.participant,
            component,
            args.assessor,
            args.value,
            args.reason,
        )
        where = t("double.where_assessor", assessor=args.assessor) if args.assessor else ""
        print(
            t(
                "package.resolved",
                participant=args.participant,
                component=component,
                where=where,
                value=args.value,
            )
        )
        return 0

    change = resolve_mismatch(
        db,
        actor,
        selection_id,
        args.participant,
        args.component,
        args.assessor,
        args.aspect,
        args.value,
        args.reason,
    )
    aspect = args.aspect.strip().upper()
    where = ""
    if change.assessor:
        where += t("double.where_assessor", assessor=change.assessor)
    if aspect:
        where += t("double.where_aspect", aspect=aspect)
    decided = [r for r in change.after if r.aspect == aspect] or list(change.after)
    value = "; ".join(
        f"{r.aspect} {display(r)}" if r.aspect and not aspect else display(r) for r in decided
    )
    print(
        t(
            "double.resolved",
            participant=change.participant_no,
            component=change.component,
            where=where,
            value=value or args.value,
        )
    )
    return 0


def _number(value: Decimal) -> str:
    """A value as the sheets print it: ``66.6``, not ``66.600``."""
    from app.scoring import format_score

    text = format_score(value)
    return text.rstrip("0").rstrip(".") if "." in text else text
