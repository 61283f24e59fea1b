"""The three kinds of file the wizard imports, the service for each, and reading a preview."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale

from app.services.import_preview import KINDS as PREVIEW_KINDS
from app.services.import_preview import Preview, preview_file
from app.services.participants_import import (
    ImportSummary,
    import_formations,
    import_participants,
)
from app.services.scores_import import import_scores

PARTICIPANTS_KIND = "participants"
FORMATIONS_KIND = "formations"
SCORES_KIND = "scores"
KINDS = (PARTICIPANTS_KIND, FORMATIONS_KIND, SCORES_KIND)

IMPORTERS: dict[str, Callable[..., ImportSummary]] = {
    PARTICIPANTS_KIND: import_participants,
    FORMATIONS_KIND: import_formations,
    SCORES_KIND: import_scores,
}

# What an ignored column is renamed to for the importer. The service keeps the own name of a
# header that is not in ``columns``, so a file column called e.g. ``nik`` that the user chose
# to ignore would still be imported; a name no importer reads makes "(abaikan)" true.
IGNORED_PREFIX = "~abaikan~"

ERROR_STYLE = "color: #9b1c1c;"
OK_STYLE = "color: #1e6b34;"


def load_preview(path: Path, kind: str) -> Preview:
    """The file's columns and first rows (runs off the GUI thread).

    ``preview_file`` has no ``scores`` kind: score files have no fixed column list (long form,
    or one column per component code). Reading is the same for every kind, so score files are
    read as formations and the guessed mapping is dropped.
    """
    if kind in PREVIEW_KINDS:
        return preview_file(path, kind)
    preview = preview_file(path, FORMATIONS_KIND)
    return dataclasses.replace(preview, required=(), expected=(), mapping={})


def number_text(value: int) -> str:
    """Indonesian digit grouping (1.234), whatever the interface language."""
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia).toString(value)
