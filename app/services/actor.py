"""Who is acting: every write records it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """``name`` is the logged-in user stored as the author of a change; ``role`` decides
    what they may do (``permissions.py``). Every actor comes from a login (issue #9)."""

    name: str
    role: str = "admin"
    full_name: str = ""

    @property
    def assessor_name(self) -> str:
        """The name a penilai scores under: their full name, else their user name."""
        return self.full_name or self.name
