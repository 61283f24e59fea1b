"""The two levels of a stage's weights: its components, and below each its rubric aspects.

A criterion is named ``PRAKTIK`` (a component) or ``PRAKTIK.TEKNIS`` (aspect ``TEKNIS`` of
component ``PRAKTIK``). Judgments between components give the top level's weights; judgments
between aspects of one component give that component's local aspect weights; a pair across
levels or across components compares what the hierarchy never compares and is refused
(Saaty 1980: elements are compared only with respect to their common parent).

The global weight of an aspect is its component's weight times its local weight (Saaty 1980,
hierarchic composition); a component without judged aspects keeps its own weight, so the
global weights sum to 1 like each level's.
"""

from __future__ import annotations

from collections.abc import Mapping

TOP = ""
"""The level key of the components (an aspect level's key is its component's code)."""

SEPARATOR = "."


def normalize_criterion(text: str) -> str:
    """``" praktik . teknis "`` → ``"PRAKTIK.TEKNIS"``: codes are upper case, as in schemes."""
    parts = [" ".join(part.split()).upper() for part in text.split(SEPARATOR)]
    return SEPARATOR.join(parts)


def split_criterion(name: str) -> tuple[str, str | None]:
    """``"PRAKTIK.TEKNIS"`` → ``("PRAKTIK", "TEKNIS")``; ``"PRAKTIK"`` → ``("PRAKTIK", None)``.
    ``ValueError`` for an empty part or more than one separator."""
    parts = name.split(SEPARATOR)
    if len(parts) > 2 or not all(parts):
        raise ValueError(name)
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0], None)


def level_of(name: str) -> str:
    """The level a criterion is judged on: ``TOP`` for a component, else its component."""
    component, aspect = split_criterion(name)
    return TOP if aspect is None else component


def global_weights(
    top: Mapping[str, float], local: Mapping[str, Mapping[str, float]]
) -> dict[str, float]:
    """Component weight × local aspect weight for the components with judged aspects
    (``COMPONENT.ASPECT``), the component's own weight for the others, in ``top``'s order."""
    found: dict[str, float] = {}
    for component, weight in top.items():
        aspects = local.get(component)
        if not aspects:
            found[component] = weight
            continue
        for name, share in aspects.items():
            _, aspect = split_criterion(name)
            found[f"{component}{SEPARATOR}{aspect or name}"] = weight * share
    return found
