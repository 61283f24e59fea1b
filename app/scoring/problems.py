"""Rule violations as data: a key naming where, a message id and its parameters.

The scoring package speaks no human language; the message catalogue (``app.messages``)
turns a ``Problem`` into Indonesian or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    key: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)


class SchemeInvalid(Exception):
    """A scheme that breaks one or more rules; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.key}: {p.message}" for p in problems))
        self.problems = problems
