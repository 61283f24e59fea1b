"""The icons the program ships: simple SVG files in ``resources/icons``, nothing fetched.

An icon is named by its file stem; a page's icon is named by the page key (``peringkat``,
``peserta`` …), so a new page gets its icon by dropping ``<key>.svg`` next to the others, and
falls back to a plain sheet of paper until someone draws one.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"
FALLBACK = "page"


def icon_path(name: str) -> Path:
    """The SVG file for ``name``, or the fallback's when no such icon was drawn."""
    path = ICONS_DIR / f"{name}.svg"
    return path if path.exists() else ICONS_DIR / f"{FALLBACK}.svg"


@cache
def icon(name: str) -> QIcon:
    """A cached ``QIcon``; SVG renders crisp at every size the style asks for."""
    return QIcon(str(icon_path(name)))
