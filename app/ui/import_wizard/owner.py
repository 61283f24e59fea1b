"""What the wizard's pages ask of the wizard they sit in.

A protocol, so each page names what it needs without importing the wizard module that
builds it (and imports them): the pages stay below the wizard in the import graph.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import QAbstractButton, QWizard

from app.services.import_preview import Preview
from app.services.participants_import import ImportSummary

from ..context import AppContext


class ImportOwner(Protocol):
    context: AppContext
    kind: str
    path: Path | None
    preview: Preview | None

    def kind_title(self) -> str: ...

    def column_label(self, column: str) -> str: ...

    def chosen_mapping(self) -> dict[str, str]: ...

    def import_arguments(self, *, dry_run: bool) -> tuple[tuple[Any, ...], dict[str, Any]]: ...

    def importer(self) -> Callable[..., ImportSummary]: ...

    def import_finished(self, summary: ImportSummary) -> None: ...

    def button(self, which: QWizard.WizardButton) -> QAbstractButton | None: ...
