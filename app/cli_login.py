"""Who runs a command: the command line logs in as the window does (issue #9).

Every command that changes data, and every one that shows what is not final yet or who did
what, runs as an application user: ``--user NAME`` or ``SELEKSI_USER``, with the password
from ``--password-file FILE``, ``SELEKSI_PASSWORD`` (for scripts, like ``PGPASSWORD``), or
the terminal (a line of stdin when there is none). The login is ``users.authenticate``
itself, so its lockout and its one message for every failure apply here too.

Reading results needs no login (``rank``, ``selections``, ``verify``, ``audit verify``,
``tie list``):
whoever can read the file can read those anyway, and scripts stay fast. Neither does
``key create``, which writes a key file and touches no database.

A file without any user yet gets its first admin from ``init`` or ``demo`` (``--admin NAME``
or the login name, password as above), as the window's first-run wizard does, or from
``user add``; every other command is refused on such a file.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.messages import t

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.database import Database

USER_VARIABLE = "SELEKSI_USER"
PASSWORD_VARIABLE = "SELEKSI_PASSWORD"
NO_LOGIN_COMMANDS = frozenset({"rank", "selections", "verify", "key", "fgd"})
FIRST_ADMIN_COMMANDS = frozenset({"init", "demo"})


def add_login_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", help=t("cli.help.user_login"))
    parser.add_argument(
        "--password-file",
        dest="login_password_file",
        type=Path,
        metavar="FILE",
        help=t("cli.help.login_password_file"),
    )


def needs_login(args: argparse.Namespace) -> bool:
    if args.command in NO_LOGIN_COMMANDS:
        return False
    if args.command == "tie":
        return args.tie_command == "decide"  # the list shows results, as rank does
    return not (args.command == "audit" and args.audit_command == "verify")


def login_name(args: argparse.Namespace) -> str | None:
    name = (args.user or os.environ.get(USER_VARIABLE) or "").strip()
    return name or None


def login_password(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The password from the first source given: file, environment, terminal, stdin."""
    path: Path | None = args.login_password_file
    if path is not None:
        from app.services.errors import UserError

        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            detail = getattr(error, "strerror", None) or error
            raise UserError("cli.cannot_read", path=path, detail=detail) from error
        lines = text.splitlines()
        return lines[0] if lines else ""
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment is not None:
        return from_environment
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return ask_password("cli.password_prompt", confirm=confirm, option="--password-file")


def ask_password(prompt: str, *, confirm: bool = False, option: str) -> str:
    """A password typed at the terminal without echo (twice with ``confirm``).

    Without a terminal, ``getpass`` would read the pipe with a warning and fail on its end
    with a bare ``EOFError``; a script is told instead which option gives the password
    (``option``), and nothing is changed.
    """
    from app.services.errors import UserError

    if not sys.stdin.isatty():
        raise UserError("cli.password_needs_terminal", option=option)
    import getpass

    try:
        password = getpass.getpass(t(prompt))
        if confirm and getpass.getpass(t("cli.password_again")) != password:
            raise UserError("user.password_mismatch")
    except EOFError as error:  # Ctrl+D at the prompt
        raise UserError("cli.password_needs_terminal", option=option) from error
    return password


def log_in(args: argparse.Namespace, db: Database) -> Actor:
    """The actor of this command, or a ``UserError`` saying how to log in."""
    from app.services.actor import Actor
    from app.services.errors import UserError
    from app.services.users import authenticate, count_users

    first_admin = getattr(args, "admin", None)
    if count_users(db) == 0:
        if args.command in FIRST_ADMIN_COMMANDS:
            return _create_first_admin(args, db)
        if args.command == "user" and args.user_command == "add":
            # The first account of a file, as the first-run wizard makes it: it acts itself.
            return Actor(args.name.strip(), args.role, args.full_name.strip())
        raise UserError("cli.no_user_yet")
    if first_admin:
        raise UserError("cli.admin_exists", name=first_admin)
    name = login_name(args)
    if name is None:
        raise UserError("cli.login_required", command=args.command)
    info = authenticate(db, name, login_password(args))
    return Actor(info.username, info.role, info.full_name)


def log_in_to_copy(args: argparse.Namespace, copy: Path) -> Actor:
    """For a restore over a file that does not open: the backup's own accounts decide."""
    from app.services.actor import Actor
    from app.services.errors import UserError
    from app.services.users import authenticate_in_copy

    name = login_name(args)
    if name is None:
        raise UserError("cli.login_required", command=args.command)
    info = authenticate_in_copy(copy, name, login_password(args))
    return Actor(info.username, info.role, info.full_name)


def _create_first_admin(args: argparse.Namespace, db: Database) -> Actor:
    from app.services.actor import Actor
    from app.services.errors import UserError
    from app.services.users import add_user

    name = (getattr(args, "admin", None) or login_name(args) or "").strip()
    if not name:
        raise UserError("cli.first_admin_required", command=args.command)
    first = Actor(name, "admin")
    info = add_user(db, first, name, "admin", login_password(args, confirm=True))
    print(t("cli.first_admin_created", name=info.username))
    return Actor(info.username, info.role, info.full_name)
