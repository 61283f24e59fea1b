"""Year to year (issue #13 §1): several selections side by side.

The tim monev asks whether the policy improves from one selection to the next: pass rates,
how many each threshold stops, how well assessors agree, the fairness ratios and validity.
The selections may live in this file or in other files (last year's database). Another file
is never opened for writing: it is copied first (SQLite's online backup, from a read-only
connection) and the copy is what is opened, upgraded if it is older, and read; the original
keeps every byte, its time stamp and its schema version.

Every figure comes from ``evaluation.evaluation``, so the comparison can never disagree with
the evaluation of each selection on its own.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .database import Database
from .errors import UserError
from .evaluation import evaluation
from .selections import SelectionInfo, list_selections


@dataclass(frozen=True, slots=True)
class ComparedSelection:
    """One column of the comparison: which selection, from which file."""

    name: str
    year: int
    scheme_code: str
    source: str
    """``""`` for the open file, else the other file's name."""


@contextmanager
def read_only_copy(path: Path) -> Iterator[Database]:
    """``path`` as a database the program can read without touching the original."""
    from .opening import open_database

    path = Path(path)
    if not path.is_file():
        raise UserError("compare.no_file", path=path)
    with tempfile.TemporaryDirectory(prefix="seleksi-banding-") as folder:
        copy = Path(folder) / "salinan.db"
        try:
            source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                target = sqlite3.connect(copy)
                try:
                    source.backup(target)
                finally:
                    target.close()
            finally:
                source.close()
        except sqlite3.DatabaseError as error:
            raise UserError("compare.not_database", path=path, detail=str(error)) from error
        database = open_database(copy, full_check=False)
        try:
            yield database
        finally:
            database.close()


def compare_selections(
    db: Database,
    *,
    selection_ids: Sequence[int] | None = None,
    other_files: Sequence[Path] = (),
    local_code: str = "",
) -> dict[str, Any]:
    """The comparison: ``selections`` (oldest year first) and, per selection, ``stages``
    with the figures the issue names. ``selection_ids`` limits this file's selections
    (default: every one)."""
    columns: list[tuple[ComparedSelection, dict[str, Any]]] = []
    mine = list_selections(db)
    if selection_ids is not None:
        wanted = set(selection_ids)
        unknown = wanted - {s.id for s in mine}
        if unknown:
            raise UserError("compare.unknown_selection", id=min(unknown))
        mine = [s for s in mine if s.id in wanted]
    for info in mine:
        columns.append((_label(info, ""), _summary(db, info, local_code)))
    for path in other_files:
        with read_only_copy(path) as other:
            for info in list_selections(other):
                columns.append((_label(info, Path(path).name), _summary(other, info, local_code)))
    columns.sort(key=lambda item: (item[0].year, item[0].source != "", item[0].name))
    return {
        "selections": [
            {
                "name": label.name,
                "year": label.year,
                "scheme": label.scheme_code,
                "source": label.source,
                "stages": figures,
            }
            for label, figures in columns
        ]
    }


def _label(info: SelectionInfo, source: str) -> ComparedSelection:
    return ComparedSelection(info.name, info.year, info.scheme_code, source)


def _summary(db: Database, info: SelectionInfo, local_code: str) -> dict[str, Any]:
    figures = evaluation(db, info.id, local_code=local_code)
    validity = {
        code: {"rho": found["rho"], "n": found["n"], "ci95": found["ci95"]}
        for code, found in figures.get("validity", {}).items()
    }
    stages: dict[str, Any] = {}
    for code, stage in figures["stages"].items():
        flow = stage["flow"]
        present = flow["present"]
        selected = flow["seats"]["within_quota"]
        stages[code] = {
            "registered": flow["registered"],
            "present": present,
            "selected": selected,
            "kebutuhan": flow["seats"]["kebutuhan"],
            "pass_rate": _share(selected, present),
            # What each threshold did: the share of those present it stopped.
            "stopped_by_threshold": {
                component: _share(present - passed, present)
                for component, passed in flow["passed_threshold"].items()
            },
            "empty_formations": len(flow["empty_formations"]),
            "icc2_1": {
                component: found["icc2_1"] for component, found in stage["components"].items()
            },
            "impact_ratio": {
                group: found["impact_ratio"] for group, found in stage["fairness"].items()
            },
        }
    last = list(stages)[-1] if stages else None
    if last is not None and validity:
        stages[last]["validity"] = validity
    return stages


def _share(part: int, whole: int) -> float | None:
    return None if whole <= 0 else round(part / whole, 4)
