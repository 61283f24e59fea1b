"""What demo applicants and assessors are called: names as on Binjai applicant lists.

The name lists are data (``resources/demo/names.toml``, see its header): family traditions
with their given names, second names, surnames and prefixes, weighted by how common they are.
"""

from __future__ import annotations

import tomllib
from bisect import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from random import Random

from .formations import DEMO_DIR

NAMES_FILE = DEMO_DIR / "names.toml"


@dataclass(frozen=True, slots=True)
class NameGroup:
    """One family tradition; ``male``/``female`` pair every given name with its pool, so a
    second given name comes from the same tradition as the first (no "Ruth Siti")."""

    weight: float
    male: tuple[tuple[str, tuple[str, ...]], ...]
    female: tuple[tuple[str, tuple[str, ...]], ...]
    second_chance: float
    second_male: tuple[str, ...]
    second_female: tuple[str, ...]
    surnames: tuple[str, ...]
    surname_chance: float
    female_marker: str
    prefixes: tuple[str, ...]
    prefix_chance: float


@cache
def name_groups(path: Path = NAMES_FILE) -> tuple[NameGroup, ...]:
    """The name lists, parsed once per process (the file is data; see its header)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    pools = data["pools"]
    groups = []
    for group in data["groups"]:
        given = group["given"]
        second = group.get("second", "")
        groups.append(
            NameGroup(
                weight=float(group["weight"]),
                male=_with_pool(pools[pool]["male"] for pool in given),
                female=_with_pool(pools[pool]["female"] for pool in given),
                second_chance=float(group.get("second_chance", 0.0)),
                second_male=tuple(pools[second]["male"]) if second else (),
                second_female=tuple(pools[second]["female"]) if second else (),
                surnames=tuple(group.get("surnames", ())),
                surname_chance=float(group.get("surname_chance", 0.0)),
                female_marker=group.get("female_marker", ""),
                prefixes=tuple(group.get("prefixes", ())),
                prefix_chance=float(group.get("prefix_chance", 0.0)),
            )
        )
    return tuple(groups)


def _with_pool(pools: Iterable[list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for names in pools:
        pool = tuple(names)
        pairs.extend((name, pool) for name in pool)
    return tuple(pairs)


class NameMaker:
    """Full names the way they appear on Binjai applicant lists."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.groups = name_groups()
        self.cumulative = list(accumulate(g.weight for g in self.groups))

    def make(self, female: bool) -> str:
        rng = self.rng
        random = rng.random
        group = self.groups[bisect(self.cumulative, random() * self.cumulative[-1])]
        given = group.female if female else group.male
        first, pool = given[int(random() * len(given))]
        words = [first]
        if group.prefixes and random() < group.prefix_chance:
            words.insert(0, group.prefixes[int(random() * len(group.prefixes))])
        if random() < group.second_chance:
            seconds = (group.second_female if female else group.second_male) or pool
            second = seconds[int(random() * len(seconds))]
            if second != words[-1]:
                words.append(second)
        if group.surnames and random() < group.surname_chance:
            if female and group.female_marker:
                words.append(group.female_marker)
            words.append(group.surnames[int(random() * len(group.surnames))])
        return " ".join(words)
