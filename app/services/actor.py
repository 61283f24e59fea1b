"""Who is acting: every write records it."""

from __future__ import annotations

import getpass
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """``name`` is what is stored as the author of a change (a user name or ``cli:<login>``)."""

    name: str
    role: str = "admin"
    full_name: str = ""

    @property
    def assessor_name(self) -> str:
        """The name a penilai scores under: their full name, else their user name."""
        return self.full_name or self.name

    @classmethod
    def from_os_login(cls) -> Actor:
        """The person at the terminal, for commands run without an application login."""
        try:
            login = getpass.getuser()
        except (KeyError, OSError):
            login = "unknown"
        return cls(name=f"cli:{login}", role="admin")
