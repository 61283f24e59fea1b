"""Problems of an FGD's judgments as data: a message id, its parameters, and where.

The rules speak no human language; ``app.messages`` (``catalog_policy_fgd``) words each
message. A file reader maps ``respondent`` and ``judgment`` back to the rows it read.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

A = "a"
B = "b"
VALUE = "value"
GROUP_WEIGHT = "group_weight"
RESPONDENT = "respondent"
FIELDS = (A, B, VALUE, GROUP_WEIGHT, RESPONDENT)
"""What a problem points at in one judgment: its criteria, its value, the respondent's
group weight, or the respondent as a whole."""


@dataclass(frozen=True, slots=True)
class ResponseProblem:
    """One problem of one response.

    ``respondent`` is the index of the response in the list given; ``judgment`` the index of
    the judgment in that response (``None``: the respondent as a whole, e.g. a criterion cut
    off from the others); ``field`` one of ``FIELDS``.
    """

    respondent: int
    judgment: int | None
    field: str
    message: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class AhpError(ValueError):
    """Judgments that cannot be weighed; ``message`` is a catalogue id."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params: dict[str, Any] = params


class FgdInvalid(AhpError):
    """Responses with problems; ``problems`` lists every one, so all are fixed in one pass."""

    def __init__(self, problems: list[ResponseProblem]) -> None:
        super().__init__("fgd.invalid", count=len(problems))
        self.problems = problems
