"""The system libraries Qt's platform plugin needs, found and installed before the app starts.

PySide6 from PyPI brings Qt itself but not the X11/xcb libraries of the machine: on a fresh
Debian or Ubuntu desktop ``make run`` stopped with Qt's "xcb-cursor0 or libxcb-cursor0 is
needed to load the Qt xcb platform plugin". This script asks the dynamic linker which
libraries the plugin cannot find (``ldd``), names their Debian packages, and installs them
with apt-get when it runs as root; otherwise it prints the one command to run and fails, so
the window never starts half-broken.

    python -m tools.system_libraries [--platform xcb|offscreen] [--check]

``make run`` checks the ``xcb`` plugin (a real screen), ``make test`` the ``offscreen`` one
the suite runs on, with ``--test-tools``: the programs the tests read documents back with
(poppler's ``pdftoppm``, ``pdftotext``, ``pdffonts`` and ``pdfsig``; NSS's ``certutil``, to trust
the committee root as a PDF reader would; PostgreSQL 15 or newer for the LAN tests, started by
``tools.pg_server``). ``--check`` only reports.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian package names that the soname rule below does not give.
PACKAGE_OF = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libpng16.so.16": "libpng16-16",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libz.so.1": "zlib1g",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
TEST_TOOLS = {
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdfsig": "poppler-utils",
    "certutil": "libnss3-tools",
}
"""Program → Debian package, for the tests that check documents with other software than
ours (issue #11: a page scanned at 150 dpi, embedded fonts, the signature as poppler sees it)."""

_MISSING = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)


def package_of(soname: str) -> str:
    """``libxcb-cursor.so.0`` → ``libxcb-cursor0``, ``libxkbcommon-x11.so.0`` →
    ``libxkbcommon-x11-0``, ``libEGL.so.1`` → ``libegl1``: Debian's rule for library
    packages (the name, then the soname version, with a hyphen when the name ends in a digit)."""
    if soname in PACKAGE_OF:
        return PACKAGE_OF[soname]
    name, _, version = soname.partition(".so.")
    version = version.split(".")[0]
    joiner = "-" if name[-1:].isdigit() else ""
    return f"{name}{joiner}{version}".lower()


def plugin_path(platform: str) -> Path:
    import PySide6

    root = Path(PySide6.__file__).resolve().parent
    return root / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"


def missing_libraries(plugin: Path) -> list[str]:
    """The sonames the plugin (and the Qt libraries it loads) cannot find on this machine."""
    if not sys.platform.startswith("linux") or not plugin.exists() or not shutil.which("ldd"):
        return []  # Windows and macOS wheels carry what they need
    done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False)
    return sorted(set(_MISSING.findall(done.stdout)))


def missing_tools() -> list[str]:
    """The packages of the test tools this machine lacks (none outside Linux: there the tests
    name the program they miss)."""
    if not sys.platform.startswith("linux"):
        return []
    from tools.pg_server import binaries

    missing = {package for tool, package in TEST_TOOLS.items() if not shutil.which(tool)}
    if binaries() is None:  # initdb and pg_ctl live outside PATH on Debian
        missing.add("postgresql")
    return sorted(missing)


def install(packages: list[str]) -> int:
    apt = shutil.which("apt-get")
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if apt is None or os.geteuid() != 0:
        prefix = "" if os.geteuid() == 0 else "sudo "
        print(
            "Seleksi ASN: pustaka sistem untuk Qt belum terpasang / system libraries for Qt are"
            f" missing. Jalankan / run:\n\n    {prefix}{' '.join(command)}\n",
            file=sys.stderr,
        )
        return 1
    print(f"Seleksi ASN: memasang / installing {' '.join(packages)}", file=sys.stderr)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    first = subprocess.run(command, env=environment, check=False)
    if first.returncode == 0:
        return 0
    # A fresh machine may not have read the package lists yet.
    subprocess.run(["apt-get", "update", "-q"], env=environment, check=False)
    return subprocess.run(command, env=environment, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", default="xcb", choices=("xcb", "offscreen"))
    parser.add_argument("--check", action="store_true", help="report only, install nothing")
    parser.add_argument(
        "--test-tools", action="store_true", help="also the programs the test suite uses"
    )
    args = parser.parse_args(argv)
    missing = missing_libraries(plugin_path(args.platform))
    tools = missing_tools() if args.test_tools else []
    if not missing and not tools:
        return 0
    packages = sorted({package_of(soname) for soname in missing} | set(tools))
    if args.check:
        print(" ".join(packages))
        return 1
    code = install(packages)
    still = missing_libraries(plugin_path(args.platform))
    if code == 0 and (still or (args.test_tools and missing_tools())):
        print("Seleksi ASN: pustaka masih kurang / still missing:", file=sys.stderr)
        print(" ".join(still + (missing_tools() if args.test_tools else [])), file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    raise SystemExit(main())
