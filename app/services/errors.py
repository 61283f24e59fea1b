"""Errors a user can act on; each carries a catalogue message id, never a traceback."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.messages import t


class UserError(Exception):
    """Something the user asked for cannot be done; ``text()`` says why in their language."""

    def __init__(self, message: str, **params: Any):
        super().__init__(message)
        self.message = message
        self.params = params

    def text(self) -> str:
        return t(self.message, self.params)


class PermissionDenied(UserError):
    """A role's refusal; ``action`` names what was refused, for the audit trail (the value
    of ``permissions.Action``; empty when a rule other than the table refused)."""

    action: str = ""


class ImportRejected(UserError):
    """A file with bad rows: nothing was written; ``lines()`` lists every problem."""

    def __init__(self, file: str, problems: Sequence[Any]):
        super().__init__("import.rejected", file=file, count=len(problems))
        self.file = file
        self.problems = list(problems)

    def lines(self) -> list[str]:
        lines = []
        for problem in self.problems:
            where = t("import.where_row", row=problem.row) if problem.row else ""
            if problem.field:
                where = (where + ", " if where else "") + t(
                    "import.where_field", field=problem.field
                )
            prefix = f"{self.file}: {where}: " if where else f"{self.file}: "
            lines.append(prefix + t(problem.message, problem.params))
        return lines
