"""``seleksi tie list`` and ``seleksi tie decide``: the committee's decision on a complete tie.

A tie across the last seat of the final stage prints ``SERI`` and takes no seat until the
committee decides who does (issue #10 §3). ``list`` needs no login, like ``rank``: it shows
results. ``decide`` is an admin's, with a reason and the reference of the meeting's minutes,
and is audited. Kept apart from ``cli.py`` as ``cli_review.py`` is; nothing here imports Qt.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.messages import t
from app.numbers import value_for_people

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.database import Database


def add_tie_commands(commands: Any) -> None:
    tie = commands.add_parser("tie", help=t("cli.help.tie"))
    tie_commands = tie.add_subparsers(dest="tie_command", required=True, parser_class=type(tie))
    listing = tie_commands.add_parser("list", help=t("cli.help.tie_list"))
    listing.add_argument("--stage")
    decide = tie_commands.add_parser("decide", help=t("cli.help.tie_decide"))
    decide.add_argument("--stage")
    decide.add_argument("--formation", required=True, metavar="KODE")
    decide.add_argument(
        "--winner", required=True, action="append", metavar="NOMOR", help=t("cli.help.winner")
    )
    decide.add_argument("--reason", required=True)
    decide.add_argument("--reference", required=True, help=t("cli.help.reference"))


def needs_login(args: argparse.Namespace) -> bool:
    return args.tie_command == "decide"


def run_tie_command(
    args: argparse.Namespace, db: Database, actor: Actor | None, selection_id: int
) -> int:
    from app.services.ties import decide_tie, list_ties

    if args.tie_command == "decide":
        assert actor is not None
        info = decide_tie(
            db,
            actor,
            selection_id,
            args.stage,
            args.formation,
            args.winner,
            args.reason,
            args.reference,
        )
        print(
            t(
                "cli.tie_decided",
                formation=args.formation.strip().upper(),
                winners=", ".join(info.winners),
                reference=info.reference,
            )
        )
        return 0
    groups = list_ties(db, selection_id, args.stage)
    if not groups:
        print(t("cli.no_ties"))
        return 0
    for group in groups:
        people = "; ".join(
            f"{p.number} {p.name} ({value_for_people(p.final, group.final_places)})"
            for p in group.participants
        )
        if group.decided and group.decision is not None:
            state = t(
                "cli.tie_state_decided",
                winners=", ".join(group.decision.winners),
                reference=group.decision.reference,
            )
        elif group.decision is not None:
            state = t("cli.tie_state_stale", reference=group.decision.reference)
        else:
            state = t("cli.tie_state_open")
        print(
            "\t".join(
                (
                    group.stage,
                    group.formation,
                    t("cli.tie_seats", seats=group.seats, count=len(group.participants)),
                    people,
                    state,
                )
            )
        )
    return 0
