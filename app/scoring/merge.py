"""How one sheet row is decided when field laptops' packages are merged (issue #12 §1).

Pure on purpose: the property that makes merging safe (any order of packages, and any
package again, gives the same table) is a property of this function, and is tested as such
(``tests/unit/test_merge_properties.py``). A value is the canonical text of a sheet row's
values (``"[]"``: none); a source is a device's name, or ``MAIN`` for the main laptop.

Each source's latest value is its **claim**. The main laptop has a claim when the row held a
value no package brought (typed or imported there before the first package touched it), or
when the row was changed there after the merge last wrote it (a correction, also a
clearing). Then:

* all claims agree → that value;
* an admin decided between exactly the claims there are now → the decision;
* the main laptop has a claim → its value stays (never overwritten by a package);
* otherwise (devices disagree) → no value, until an admin decides.

The second, third and fourth cases leave the row in conflict except after a decision.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

MAIN = ""
"""The source name of the main laptop among a row's claims."""
EMPTY = "[]"
"""A row without values."""


@dataclass(frozen=True, slots=True)
class RowRecord:
    """What the merge remembers of a sheet row: what it last wrote, the main laptop's own
    claim and who made it, and an admin's decision with the claims it decided between."""

    merged: str
    main_claim: str | None = None
    main_by: str | None = None
    resolved: str | None = None
    resolved_for: str | None = None


@dataclass(frozen=True, slots=True)
class RowDecision:
    """One row after a package: its value, every source's claim, the record to keep."""

    result: str
    claims: dict[str, str]
    record: RowRecord
    conflict: bool


def fingerprint(claims: dict[str, str]) -> str:
    """The claims a decision is taken between, as one hash (stored with the decision)."""
    return hashlib.sha256(json.dumps(sorted(claims.items())).encode()).hexdigest()


def decide(claims: dict[str, str], resolved: str | None, resolved_for: str | None) -> str:
    """The row's value from its claims (see the module text)."""
    values = set(claims.values())
    if len(values) == 1:
        return next(iter(values))
    if resolved is not None and resolved_for == fingerprint(claims):
        return resolved
    if MAIN in claims:
        return claims[MAIN]
    return EMPTY


def in_conflict(claims: dict[str, str], resolved: str | None, resolved_for: str | None) -> bool:
    return len(set(claims.values())) > 1 and not (
        resolved is not None and resolved_for == fingerprint(claims)
    )


def merge_row(
    current: str,
    current_by: str | None,
    record: RowRecord | None,
    device_claims: dict[str, str],
    device: str,
    incoming: str,
) -> RowDecision:
    """Row ``current`` (as the table holds it now, typed by ``current_by``) after ``device``
    says ``incoming``; ``device_claims`` are the devices' claims so far."""
    if record is None:
        main_claim, main_by = (current, current_by) if current != EMPTY else (None, None)
        resolved = resolved_for = None
    else:
        main_claim, main_by = record.main_claim, record.main_by
        if current != record.merged:  # changed here since the merge wrote it
            main_claim, main_by = current, current_by
        resolved, resolved_for = record.resolved, record.resolved_for
    claims = {**device_claims, device: incoming}
    claims.pop(MAIN, None)
    if main_claim is not None:
        claims[MAIN] = main_claim
    result = decide(claims, resolved, resolved_for)
    return RowDecision(
        result,
        claims,
        RowRecord(result, main_claim, main_by, resolved, resolved_for),
        in_conflict(claims, resolved, resolved_for),
    )
