"""A throw-away PostgreSQL server for the test suite: started in a temporary folder, stopped after.

The LAN mode (issue #12 §2) is tested against a real PostgreSQL, never a mock. This starts
one from the machine's own binaries (Debian's ``postgresql`` package puts them in
``/usr/lib/postgresql/<version>/bin``; ``make test`` installs it when it is missing), as an
unprivileged user (``initdb`` refuses root: as root the server runs as ``postgres``), on a
free port of 127.0.0.1 and a socket in the folder, with trust authentication for the one
role ``seleksi``. Nothing outside the folder is touched, and ``stop`` removes it.

    python -m tools.pg_server start --dir DIR     # prints the server's URL, also in DIR/url
    python -m tools.pg_server stop --dir DIR

``DIR`` should not exist yet and its parent be reachable by every user (``/tmp``): as root,
the tool creates it and hands it to the server's user.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

MINIMUM = 15
"""The oldest server the program supports (issue #12: PostgreSQL 15)."""
ROLE = "seleksi"
SERVICE_USER = "postgres"


def binaries() -> Path | None:
    """The folder of the newest ``initdb``/``pg_ctl`` of at least ``MINIMUM``."""
    found: list[tuple[int, Path]] = []
    for folder in Path("/usr/lib/postgresql").glob("*/bin"):
        if folder.parent.name.isdigit() and (folder / "initdb").exists():
            found.append((int(folder.parent.name), folder))
    on_path = shutil.which("initdb")
    if on_path:
        version = subprocess.run(
            [on_path, "--version"], capture_output=True, text=True, check=False
        ).stdout
        match = re.search(r"(\d+)\.", version)
        if match:
            found.append((int(match.group(1)), Path(on_path).resolve().parent))
    usable = sorted((v, f) for v, f in found if v >= MINIMUM)
    return usable[-1][1] if usable else None


def _as_service_user() -> list[str]:
    """The prefix that runs a command as an unprivileged user (nothing when not root)."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise SystemExit("pg_server: runuser is needed to start PostgreSQL as root")
    return [runuser, "-u", SERVICE_USER, "--"]


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(folder: Path) -> str:
    """Initialise and start a server in ``folder``; returns its URL (also in ``folder/url``)."""
    bin_folder = binaries()
    if bin_folder is None:
        raise SystemExit(
            f"pg_server: PostgreSQL {MINIMUM} or newer not found (Debian: apt-get install"
            " postgresql)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    prefix = _as_service_user()
    if prefix:
        user = pwd.getpwnam(SERVICE_USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
    data = folder / "data"
    subprocess.run(
        [*prefix, str(bin_folder / "initdb"), "-D", str(data), "-U", ROLE, "--auth=trust",
         "--encoding=UTF8", "--locale=C.UTF-8"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    port = _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*prefix, str(bin_folder / "pg_ctl"), "-D", str(data), "-o", options,
         "-l", str(folder / "server.log"), "-w", "start"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"postgresql://{ROLE}@127.0.0.1:{port}/postgres"
    (folder / "url").write_text(url, encoding="ascii")
    return url


def stop(folder: Path) -> None:
    """Stop the server of ``folder`` (if it runs) and remove the folder."""
    bin_folder = binaries()
    data = folder / "data"
    if bin_folder is not None and (data / "postmaster.pid").exists():
        subprocess.run(
            [*_as_service_user(), str(bin_folder / "pg_ctl"), "-D", str(data), "-m", "fast",
             "-w", "stop"],
            check=False, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "stop"))
    parser.add_argument("--dir", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.action == "start":
        try:
            print(start(args.dir))
        except subprocess.CalledProcessError as error:
            detail = error.stderr.decode(errors="replace") if error.stderr else ""
            log = args.dir / "server.log"
            if log.exists():
                detail += log.read_text(errors="replace")
            print(f"pg_server: {error}\n{detail}", file=sys.stderr)
            stop(args.dir)
            return 1
        return 0
    stop(args.dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
