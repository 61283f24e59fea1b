"""Which criteria an incomplete set of judgments leaves unconnected.

Weights from an incomplete matrix are defined only when the graph of the judged pairs is
connected: otherwise nothing relates one part of the criteria to the other (Harker 1987;
Bozóki, Fülöp & Rónyai 2010 show that the optimal completion is unique exactly when the
graph is connected). The facilitator is told which criteria are cut off, so the missing
comparisons can be asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def connected_parts(criteria: Sequence[str], pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The connected components of the judged pairs, each in the order of ``criteria``,
    largest first (equal sizes: the one holding the earlier criterion first)."""
    parent = {name: name for name in criteria}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for a, b in pairs:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    parts: dict[str, list[str]] = {}
    for name in criteria:
        parts.setdefault(root(name), []).append(name)
    order = {name: i for i, name in enumerate(criteria)}
    return sorted(parts.values(), key=lambda part: (-len(part), order[part[0]]))


def cut_off(criteria: Sequence[str], pairs: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """The criteria outside the largest connected part (empty: every criterion connected),
    in the order of ``criteria``."""
    parts = connected_parts(criteria, pairs)
    if len(parts) <= 1:
        return ()
    order = {name: i for i, name in enumerate(criteria)}
    return tuple(sorted((name for part in parts[1:] for name in part), key=order.__getitem__))
