"""What the program remembers between starts, outside any database: recent files, and a few
things about each database file.

A database on a LAN server (issue #12 §2) is remembered by its URL without the password
(``location.normal_location``): the list and the preferences never hold a password.

Both live in ``QSettings`` (the platform's per-user settings store) because they belong to this
computer and this person, not to the selection data: a database copied to another laptop must
not carry someone's recent-files list.

``DatabasePreferences`` keeps the agency name and letterhead logo the first-run wizard asks
for, and the last selection shown. The logo is kept here only until a later issue stores the
letterhead in the database itself, where documents can reach it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings

from app.services.opening import is_server_url

from .location import Location, normal_location

MAX_RECENT = 8
RECENT_KEY = "recent/databases"


def _normal(location: Location) -> Location:
    """One spelling per database, so the same one never appears twice in the list."""
    return normal_location(location)


def _string_list(value: object) -> list[str]:
    """QSettings gives back a one-item list as a plain string in INI files; undo that."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if not isinstance(value, Iterable):
        raise TypeError(f"a list of strings expected, not {type(value).__name__}")
    return [str(item) for item in value]


class RecentFiles:
    """Databases opened lately, newest first, at most ``MAX_RECENT``: files as ``Path``,
    servers as their URL (a ``str``) without password."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def paths(self) -> list[Location]:
        return [
            text if is_server_url(text) else Path(text)
            for text in _string_list(self._settings.value(RECENT_KEY))
        ]

    def add(self, path: Location) -> None:
        """Move ``path`` to the top, dropping the oldest beyond the limit."""
        path = _normal(path)
        paths = [path, *(p for p in self.paths() if p != path)]
        self._store(paths[:MAX_RECENT])

    def remove(self, path: Location) -> None:
        path = _normal(path)
        self._store([p for p in self.paths() if p != path])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[Location]) -> None:
        self._settings.setValue(RECENT_KEY, [str(p) for p in paths])
        self._settings.sync()


class DatabasePreferences:
    """Per-database memory on this computer, keyed by the file's absolute path (a server's
    URL without password).

    The key is a hash of the path: QSettings treats ``/`` and ``\\`` in keys as group
    separators, so a raw path would scatter into nested groups.
    """

    def __init__(self, database_path: Location, settings: QSettings | None = None) -> None:
        self.path = _normal(database_path)
        self._settings = settings or QSettings()
        digest = hashlib.sha1(str(self.path).encode("utf-8")).hexdigest()[:16]
        self._group = f"databases/{digest}"

    def _get(self, name: str) -> str:
        value = self._settings.value(f"{self._group}/{name}", "")
        return str(value) if value is not None else ""

    def _set(self, name: str, value: str) -> None:
        self._settings.setValue(f"{self._group}/path", str(self.path))
        self._settings.setValue(f"{self._group}/{name}", value)
        self._settings.sync()

    @property
    def instansi(self) -> str:
        return self._get("instansi")

    @instansi.setter
    def instansi(self, value: str) -> None:
        self._set("instansi", value.strip())

    @property
    def logo(self) -> Path | None:
        text = self._get("logo")
        return Path(text) if text else None

    @logo.setter
    def logo(self, value: Path | None) -> None:
        self._set("logo", str(value) if value else "")

    @property
    def last_selection(self) -> int | None:
        text = self._get("last_selection")
        return int(text) if text.isdigit() else None

    @last_selection.setter
    def last_selection(self, value: int | None) -> None:
        self._set("last_selection", "" if value is None else str(value))
