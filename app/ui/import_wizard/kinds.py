"""The three kinds of file the wizard imports, the service for each, and reading a preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale

from app.services.database import Database
from app.services.import_preview import Preview, preview_file, preview_scores
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
# to ignore would still be imported; a name no importer reads makes "(abaikan)" true. A score
# file's ignored column is left out instead (renamed to ""): in the wide form the importer
# reads every other column as a component.
IGNORED_PREFIX = "~abaikan~"

ERROR_STYLE = "color: #9b1c1c;"
OK_STYLE = "color: #1e6b34;"


def load_preview(path: Path, kind: str, database: Database, selection_id: int) -> Preview:
    """The file's columns, first rows and guessed mapping (runs off the GUI thread).

    A score file's columns are the components of the selection's scheme, read from the
    database with it.
    """
    if kind == SCORES_KIND:
        return preview_scores(database, selection_id, path)
    return preview_file(path, kind)


def number_text(value: int) -> str:
    """Indonesian digit grouping (1.234), whatever the interface language."""
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia).toString(value)
