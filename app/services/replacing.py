"""What an import would change of what is stored, and the rules for letting it (issue #9).

An import never overwrites silently: a file whose rows would change a stored value (a score,
a participant's or a formation's field) is refused with every such value listed, old → new,
unless the import is told to replace them and given a reason, as a typed correction is. Each
replaced value is then audited like a typed correction, per participant.

Nor does an import overwrite what someone saved while it was running: the importers read the
stored values in one snapshot taken before the file is read, and inside the write lock they
compare what is stored now with that snapshot (only when the revision stamps say something
changed at all). A difference stops the import, names the values and changes nothing. Between
the window's check and its import the user confirms a list; ``basis`` fingerprints that list
(and the file), so an import whose list is no longer the one confirmed is refused as well.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .errors import ImportRejected, UserError
from .tabular import CellError

#: How many replaced values a refusal or a confirmation lists one by one; the rest is counted.
MAX_LISTED = 1_000


@dataclass(frozen=True, slots=True)
class Replacement:
    """One stored value the file would change: the file's row and column, whose value it is
    (a participant's number, or a formation's code), what it is, and old → new as text."""

    row: int
    field: str
    owner: str
    subject: str
    old: str
    new: str
    formation: bool = False
    """``owner`` is a formation's code, not a participant's number."""


class Replacements:
    """The replacements of one import in file order: the first ``MAX_LISTED`` kept, all
    counted, all fingerprinted."""

    def __init__(self, file_sha256: str) -> None:
        self.listed: list[Replacement] = []
        self.count = 0
        self._digest = hashlib.sha256(file_sha256.encode("ascii"))

    def add(self, replacement: Replacement) -> None:
        self.count += 1
        if len(self.listed) < MAX_LISTED:
            self.listed.append(replacement)
        key = (replacement.owner, replacement.subject, replacement.old)
        self._digest.update(repr(key).encode("utf-8"))

    @property
    def basis(self) -> str:
        """What a confirmation of exactly these replacements of exactly this file vouches for."""
        return self._digest.hexdigest()


def check_reason(replace: bool, reason: str) -> None:
    """Replacing stored values needs a reason, as a typed correction does (before any work)."""
    if replace and not reason.strip():
        raise UserError("import.reason_required")


def allow_replacements(
    file: str,
    found: Replacements,
    *,
    replace: bool,
    expected: str | None,
) -> None:
    """Refuse the import unless it may replace what it found.

    ``expected`` is the ``basis`` the user confirmed in the window; ``None`` from the command
    line, where ``--replace`` stands for the confirmation.
    """
    if expected is not None and expected != found.basis:
        raise UserError("import.changed_since_check")
    if found.count and not replace:
        problems = [_problem(r, "would_replace") for r in found.listed]
        if found.count > len(found.listed):
            problems.append(
                CellError(0, "", "import.more_replacements", {"count": found.count - MAX_LISTED})
            )
        problems.append(CellError(0, "", "import.replace_hint", {}))
        raise ImportRejected(file, problems)


def changed_meanwhile(file: str, changed: list[Replacement], count: int) -> ImportRejected:
    """The refusal of an import whose targets were saved by someone else while it ran:
    ``old`` is what the import read, ``new`` what is stored now."""
    problems = [_problem(r, "changed_meanwhile") for r in changed[:MAX_LISTED]]
    if count > MAX_LISTED:
        problems.append(CellError(0, "", "import.more_changed", {"count": count - MAX_LISTED}))
    return ImportRejected(file, problems)


def _problem(replacement: Replacement, kind: str) -> CellError:
    suffix = "_formation" if replacement.formation else ""
    return CellError(
        replacement.row,
        replacement.field,
        f"import.{kind}{suffix}",
        {
            "owner": replacement.owner,
            "subject": replacement.subject,
            "old": replacement.old or "-",
            "new": replacement.new or "-",
        },
    )


__all__ = [
    "MAX_LISTED",
    "Replacement",
    "Replacements",
    "allow_replacements",
    "changed_meanwhile",
    "check_reason",
]
