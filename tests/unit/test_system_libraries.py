"""``make run`` names and installs the system libraries Qt's xcb plugin lacks (issue #10 §1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import pg_server, system_libraries
from tools.system_libraries import package_of


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),  # Qt's own message names this one
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_a_missing_library_is_named_by_its_debian_package(soname: str, package: str) -> None:
    assert package_of(soname) == package


def test_the_libraries_ldd_cannot_find_are_listed(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    output = (
        "\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x1)\n"
        "\tlibxcb-cursor.so.0 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-cursor.so.0 => not found\n"
    )

    class Done:
        stdout = output

    monkeypatch.setattr(system_libraries.subprocess, "run", lambda *_a, **_k: Done())
    monkeypatch.setattr(system_libraries.shutil, "which", lambda _name: "/usr/bin/ldd")
    monkeypatch.setattr(system_libraries.sys, "platform", "linux")
    assert system_libraries.missing_libraries(plugin) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]


def test_without_root_the_one_command_is_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(system_libraries.os, "geteuid", lambda: 1000)
    assert system_libraries.install(["libxcb-cursor0", "libxcb-icccm4"]) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install -y --no-install-recommends libxcb-cursor0 libxcb-icccm4" in err


def test_this_machine_has_what_the_offscreen_plugin_needs() -> None:
    # The suite itself runs on it: what make test checks before starting pytest.
    assert system_libraries.main(["--platform", "offscreen", "--check"]) == 0


def test_the_test_tools_are_named_by_their_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    present = {"pdftoppm", "pdftotext"}
    monkeypatch.setattr(
        system_libraries.shutil,
        "which",
        lambda name: f"/usr/bin/{name}" if name in present else None,
    )
    monkeypatch.setattr(system_libraries.sys, "platform", "linux")
    server = [Path("/usr/lib/postgresql/15/bin")]
    monkeypatch.setattr(pg_server, "binaries", lambda: server[0] if server else None)
    # pdffonts and pdfsig are poppler's too; certutil is NSS's.
    assert system_libraries.missing_tools() == ["libnss3-tools", "poppler-utils"]
    present.update(system_libraries.TEST_TOOLS)
    assert system_libraries.missing_tools() == []
    server.clear()  # no initdb of PostgreSQL 15 or newer: Debian's package brings it
    assert system_libraries.missing_tools() == ["postgresql"]


def test_this_machine_has_the_tools_the_suite_reads_documents_with() -> None:
    # make test installs them first (--test-tools); the tests fail, never skip, without them.
    assert system_libraries.missing_tools() == []
