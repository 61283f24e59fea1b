"""Later performance of the people selected (issue #13): imported, then set beside the scores.

``seleksi import performance FILE``: one row per participant and year, the participant named
by ``nomor_peserta`` or ``nik``, with ``tahun`` and either ``predikat`` (the SKP's Sangat Baik,
Baik, Butuh Perbaikan, Kurang, Sangat Kurang) or ``nilai`` (a number). All or nothing, every bad
row named; a year already stored with another value is refused, never overwritten silently.

``validity`` sets each component's value (and the final score) of the last stage's ranking
beside the latest year's performance and gives Spearman's rho (``app.scoring.monev.validity``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from app.clock import utc_now

from .actor import Actor
from .backups import automatic_backup
from .changes import NO_CHANGES, PERFORMANCE, Changes
from .database import Database
from .door import permit, write
from .errors import ImportRejected
from .participants_import import open_table
from .permissions import Action
from .tabular import CellError, parse_decimal, parse_int

YEARS = range(2000, 2101)


@dataclass(frozen=True, slots=True)
class PerformanceSummary:
    added: int
    unchanged: int
    changes: Changes = field(default=NO_CHANGES, compare=False)
    """For the window: validity moved (``PERFORMANCE``); no rank did."""


def import_performance(
    db: Database, actor: Actor, selection_id: int, path: Path
) -> PerformanceSummary:
    """Add the file's performance rows (see the module text); refused whole on any bad row."""
    from app.scoring.monev.validity import predikat_rank

    permit(db, actor, Action.IMPORT_PERFORMANCE, selection_id)
    table = open_table(Path(path), ("tahun",))
    errors: list[CellError] = []
    if "nomor_peserta" not in table.headers and "nik" not in table.headers:
        raise ImportRejected(
            Path(path).name, [CellError(1, "nomor_peserta", "import.missing_column", {})]
        )
    automatic_backup(db, "impor-kinerja")
    with write(db, actor, Action.IMPORT_PERFORMANCE, selection_id, kinds=[PERFORMANCE]) as action:
        connection = action.connection
        by_number: dict[str, int] = {}
        by_nik: dict[str, int] = {}
        for pid, number, nik in connection.execute(
            "SELECT id, number, nik FROM participant WHERE selection_id = ?", (selection_id,)
        ):
            by_number[str(number)] = pid
            if nik:
                by_nik[str(nik)] = pid
        stored = {
            (pid, year): (predikat, score)
            for pid, year, predikat, score in connection.execute(
                "SELECT f.participant_id, f.year, f.predikat, f.score FROM performance f"
                " JOIN participant p ON p.id = f.participant_id WHERE p.selection_id = ?",
                (selection_id,),
            )
        }
        new: list[tuple[Any, ...]] = []
        unchanged = 0
        seen: set[tuple[int, int]] = set()
        for row, cells in table.rows:
            number = cells.get("nomor_peserta", "").strip()
            nik = cells.get("nik", "").strip()
            pid = by_number.get(number) if number else by_nik.get(nik)
            if pid is None:
                field = "nomor_peserta" if number else "nik"
                errors.append(
                    CellError(row, field, "participant.not_found", {"value": number or nik})
                )
                continue
            try:
                year = parse_int(cells.get("tahun", ""))
                if year not in YEARS:
                    raise ValueError(year)
            except ValueError:
                errors.append(
                    CellError(row, "tahun", "performance.bad_year", {"value": cells["tahun"]})
                )
                continue
            text = " ".join(cells.get("predikat", "").split())
            predikat: str | None = None
            score: Decimal | None = None
            if text:
                if predikat_rank(text) is None:
                    errors.append(
                        CellError(row, "predikat", "performance.bad_predikat", {"value": text})
                    )
                    continue
                predikat = text.upper()
            elif cells.get("nilai", "").strip():
                try:
                    score = parse_decimal(cells["nilai"])
                except ValueError:
                    errors.append(
                        CellError(row, "nilai", "import.bad_number", {"value": cells["nilai"]})
                    )
                    continue
            else:
                errors.append(CellError(row, "predikat", "performance.missing", {}))
                continue
            key = (pid, year)
            if key in seen:
                errors.append(CellError(row, "tahun", "performance.twice", {"value": year}))
                continue
            seen.add(key)
            value = (predikat, None if score is None else str(score))
            if key in stored:
                if tuple(stored[key]) == value:
                    unchanged += 1
                    continue
                errors.append(
                    CellError(
                        row,
                        "predikat" if predikat else "nilai",
                        "performance.differs",
                        {"old": stored[key][0] or stored[key][1], "new": predikat or score},
                    )
                )
                continue
            new.append((pid, year, *value, actor.name, utc_now().isoformat(sep=" ")))
        if errors:
            raise ImportRejected(Path(path).name, errors)
        connection.executemany(
            "INSERT INTO performance (participant_id, year, predikat, score, imported_by,"
            " imported_at) VALUES (?, ?, ?, ?, ?, ?)",
            new,
        )
        action.audit(
            "import.performance",
            entity="performance",
            key=Path(path).name,
            new={"added": len(new), "unchanged": unchanged, "sha256": table.sha256},
        )
    return PerformanceSummary(len(new), unchanged, action.changes)


def validity(
    db: Database, selection_id: int, *, formations: Collection[str] | None = None
) -> dict[str, Any]:
    """``validity.<CODE>`` (and ``NILAI_AKHIR``): Spearman's rho of the last stage's values
    with each participant's latest performance (predikat as ranks, else the score).
    ``formations``: only the participants of these formations (one agency's, say)."""
    from app.scoring.monev.validity import REFERENCE, predikat_rank, spearman

    from .ranking import compute_ranking

    with db.reading() as connection:
        latest: dict[str, float] = {}
        for number, _year, predikat, score in connection.execute(
            "SELECT p.number, f.year, f.predikat, f.score FROM performance f"
            " JOIN participant p ON p.id = f.participant_id WHERE p.selection_id = ?"
            " ORDER BY f.year",
            (selection_id,),
        ):
            value = predikat_rank(predikat) if predikat else float(Decimal(str(score)))
            if value is not None:
                latest[str(number)] = float(value)
    if not latest:
        return {}
    ranking = compute_ranking(db, selection_id)
    columns: dict[str, tuple[list[float], list[float]]] = {}
    for row in ranking.rows:
        performance = latest.get(row.number)
        if performance is None or (formations is not None and row.formation not in formations):
            continue
        for code, cell in [*row.values.items(), ("NILAI_AKHIR", row.final)]:
            number = result_number(cell)
            if number is None:
                continue
            scores, later = columns.setdefault(code, ([], []))
            scores.append(number)
            later.append(performance)
    found: dict[str, Any] = {}
    for code, (scores, later) in sorted(columns.items()):
        result = spearman(scores, later)
        if result is not None:
            found[code] = {
                "rho": round(result.rho, 4),
                "n": result.n,
                "ci95": None if result.ci95 is None else [round(v, 4) for v in result.ci95],
                "p": result.p,
            }
    return {"components": found, "reference": REFERENCE}


_NUMBERS = (int, float, Fraction, Decimal)


def result_number(value: object) -> float | None:
    """A ranking result's value as a float (``None``: a category, an absence, nothing)."""
    kind = type(value)
    if kind is int or kind is Fraction:  # the engine's results: the common case, first
        return float(value)  # type: ignore[arg-type]
    if kind is bool or not isinstance(value, _NUMBERS):
        return None
    return float(value)
