"""Importing formations and participants: all-or-nothing, every bad row reported."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypedDict

from app.bulk import collector_paused
from app.clock import utc_now

from .actor import Actor
from .audit import record
from .backups import automatic_backup
from .changes import FORMATIONS, NO_CHANGES, PARTICIPANTS, Changes
from .database import Database
from .door import permit, write
from .errors import ImportRejected, UserError
from .permissions import Action
from .tabular import (
    CellError,
    Table,
    TableError,
    normalize_header,
    parse_date,
    parse_decimal,
    parse_int,
    read_table,
)

FORMATION_COLUMNS = ("kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan")
FORMATION_REQUIRED = ("kode_formasi", "jabatan", "kebutuhan")
PARTICIPANT_REQUIRED = ("nomor_peserta", "nama", "tanggal_lahir", "kode_formasi")
#: Largest vacancy count or priority group a file may give.
MAX_WHOLE = 1_000_000
PARTICIPANT_OPTIONAL = (
    "nik",
    "pendidikan",
    "ipk",
    "kelompok_prioritas",
    "afirmasi_persen",
    "sesi",
)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did: rows added and rows that replaced earlier values."""

    added: int
    updated: int
    changes: Changes = field(default=NO_CHANGES, compare=False)
    """Empty for a dry run: nothing was written."""

    @property
    def total(self) -> int:
        return self.added + self.updated


def open_table(
    path: Path, required: tuple[str, ...], columns: Mapping[str, str] | None = None
) -> Table:
    """Read a file and insist on its required columns, or reject it whole.

    ``columns`` maps a file's (normalized) header to the column it stands for, as chosen in
    the import wizard; unmapped headers keep their own name.
    """
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportRejected(path.name, [CellError(0, "", error.message, error.params)]) from error
    if columns:
        table = _renamed(table, {normalize_header(k): v for k, v in columns.items()})
    missing = [c for c in required if c not in table.headers]
    if missing:
        raise ImportRejected(
            path.name,
            [CellError(1, column, "import.missing_column", {}) for column in missing],
        )
    return table


def record_import(
    connection: sqlite3.Connection,
    actor: Actor,
    selection_id: int,
    kind: str,
    path: Path,
    new: Sequence[object],
    changed: Sequence[object],
    *,
    detail: bytes | None = None,
) -> None:
    """One audit event per import: the file, its SHA-256 and what it did; ``detail`` holds the
    values written, for the audit replay (``replay.imported_values_detail``)."""
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = ""
    record(
        connection,
        actor,
        f"import.{kind}",
        selection_id=selection_id,
        entity=kind,
        key=path.name,
        new={"file": path.name, "sha256": digest, "added": len(new), "updated": len(changed)},
        detail=detail,
    )


def _renamed(table: Table, mapping: dict[str, str]) -> Table:
    """Apply the wizard's mapping; a column mapped to ``""`` is left out altogether."""
    kept = {h: mapping.get(h, h) for h in table.headers if mapping.get(h, h)}
    rows = [
        (number, {kept[k]: v for k, v in cells.items() if k in kept})
        for number, cells in table.rows
    ]
    return Table(path=table.path, headers=list(kept.values()), rows=rows)


class _ParticipantRecord(TypedDict):
    """One participant as read from the file: the columns ``_PARTICIPANT_FIELDS`` writes.

    ``None`` stands for a value the file left out or got wrong; such a file is rejected
    before anything is written, except for the optional ``ipk``, ``priority_group`` and
    ``affirmation_percent``.
    """

    number: str
    name: str
    birth_date: date | None
    formation_id: int | None
    nik: str
    education: str
    ipk: Decimal | None
    priority_group: int | None
    affirmation_percent: Decimal | None
    session: str


@collector_paused()
def import_formations(
    db: Database,
    actor: Actor,
    selection_id: int,
    path: Path,
    *,
    columns: Mapping[str, str] | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Add or update formations by ``kode_formasi``; ``dry_run`` checks without writing."""
    permit(db, actor, Action.EDIT_FORMATIONS, selection_id)
    if not dry_run:
        automatic_backup(db, "impor-formasi")  # DESIGN §6: a copy before every import
    table = open_table(path, FORMATION_REQUIRED, columns)
    errors: list[CellError] = []
    seen: dict[str, int] = {}
    records = []
    for row_number, cells in table.rows:
        code = cells.get("kode_formasi", "").strip().upper()
        title = cells.get("jabatan", "").strip()
        if not code:
            errors.append(CellError(row_number, "kode_formasi", "import.required", {}))
        elif code in seen:
            errors.append(
                CellError(row_number, "kode_formasi", "import.duplicate", {"row": seen[code]})
            )
        else:
            seen[code] = row_number
        if not title:
            errors.append(CellError(row_number, "jabatan", "import.required", {}))
        quota = _quota(cells.get("kebutuhan", ""), row_number, errors)
        records.append(
            {
                "code": code,
                "position_title": title,
                "unit": cells.get("unit_kerja", "").strip(),
                "education": cells.get("pendidikan", "").strip(),
                "quota": quota,
            }
        )
    if not table.rows:
        errors.append(CellError(0, "", "import.no_rows", {}))
    if errors:
        raise ImportRejected(path.name, errors)
    with write(db, actor, Action.EDIT_FORMATIONS, selection_id, kinds=[FORMATIONS]) as action:
        connection = action.connection
        existing = dict(
            connection.execute(
                "SELECT code, id FROM formation WHERE selection_id = ?", (selection_id,)
            ).fetchall()
        )
        new = [dict(r, selection_id=selection_id) for r in records if r["code"] not in existing]
        changed = [dict(r, id=existing[r["code"]]) for r in records if r["code"] in existing]
        if dry_run:
            return ImportSummary(added=len(new), updated=len(changed))
        _write_formations(connection, new, changed)
        action.touch_formations(*(str(r["code"]) for r in records))
        record_import(connection, actor, selection_id, "formations", path, new, changed)
    return ImportSummary(added=len(new), updated=len(changed), changes=action.changes)


_FORMATION_FIELDS = ("code", "position_title", "unit", "education", "quota")


def _write_formations(connection: sqlite3.Connection, new: list[dict], changed: list[dict]) -> None:
    """New formations are added; known codes get every column from the file again."""
    if new:
        connection.executemany(
            f"INSERT INTO formation (selection_id, {', '.join(_FORMATION_FIELDS)})"
            f" VALUES (?, {', '.join('?' * len(_FORMATION_FIELDS))})",
            [[r["selection_id"], *(r[field] for field in _FORMATION_FIELDS)] for r in new],
        )
    if changed:
        assignments = ", ".join(f"{field} = ?" for field in _FORMATION_FIELDS)
        connection.executemany(
            f"UPDATE formation SET {assignments} WHERE id = ?",
            [[*(r[field] for field in _FORMATION_FIELDS), r["id"]] for r in changed],
        )


def _quota(text: str, row_number: int, errors: list[CellError]) -> int:
    try:
        quota = parse_int(text)
    except ValueError:
        errors.append(
            CellError(row_number, "kebutuhan", "import.not_whole_number", {"value": text})
        )
        return 0
    if quota < 1:
        errors.append(CellError(row_number, "kebutuhan", "import.at_least_one", {}))
    elif quota > MAX_WHOLE:  # a typo, and past 2**63 SQLite cannot even store it
        errors.append(
            CellError(
                row_number, "kebutuhan", "import.range", {"value": text, "min": 1, "max": MAX_WHOLE}
            )
        )
    return quota


@collector_paused()
def import_participants(
    db: Database,
    actor: Actor,
    selection_id: int,
    path: Path,
    *,
    columns: Mapping[str, str] | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Add or update participants by ``nomor_peserta``; ``dry_run`` checks without writing."""
    permit(db, actor, Action.IMPORT_PARTICIPANTS, selection_id)
    if not dry_run:
        automatic_backup(db, "impor-peserta")  # DESIGN §6: a copy before every import
    table = open_table(path, PARTICIPANT_REQUIRED, columns)
    with db.reading() as connection:  # checking the file needs no write lock
        formations = dict(
            connection.execute(
                "SELECT code, id FROM formation WHERE selection_id = ?", (selection_id,)
            ).fetchall()
        )
    if not formations:
        raise UserError("import.no_formations")
    errors: list[CellError] = []
    seen: dict[str, int] = {}
    records: list[_ParticipantRecord] = []
    today = date.today()
    has = set(table.headers)
    for row_number, cells in table.rows:
        number = cells.get("nomor_peserta", "")
        name = " ".join(cells.get("nama", "").split())
        if not number:
            errors.append(CellError(row_number, "nomor_peserta", "import.required", {}))
        elif number in seen:
            errors.append(
                CellError(row_number, "nomor_peserta", "import.duplicate", {"row": seen[number]})
            )
        else:
            seen[number] = row_number
        if not name:
            errors.append(CellError(row_number, "nama", "import.required", {}))
        birth = _birth_date(cells.get("tanggal_lahir", ""), row_number, today, errors)
        formation_code = cells.get("kode_formasi", "").upper()
        formation_id = formations.get(formation_code)
        if formation_id is None:
            errors.append(
                CellError(
                    row_number,
                    "kode_formasi",
                    "import.unknown_formation",
                    {"value": formation_code},
                )
                if formation_code
                else CellError(row_number, "kode_formasi", "import.required", {})
            )
        nik = cells.get("nik", "") if "nik" in has else ""
        if nik and not (len(nik) == 16 and nik.isdigit()):
            errors.append(CellError(row_number, "nik", "import.bad_nik", {"value": nik}))
        records.append(
            {
                "number": number,
                "name": name,
                "birth_date": birth,
                "formation_id": formation_id,
                "nik": nik,
                "education": cells.get("pendidikan", ""),
                "ipk": _optional_decimal(cells, "ipk", row_number, Decimal(100), errors),
                "priority_group": _priority(cells, row_number, errors),
                "affirmation_percent": _optional_decimal(
                    cells, "afirmasi_persen", row_number, Decimal(100), errors
                ),
                "session": cells.get("sesi", ""),
            }
        )
    if not table.rows:
        errors.append(CellError(0, "", "import.no_rows", {}))
    if errors:
        raise ImportRejected(path.name, errors)
    with write(db, actor, Action.IMPORT_PARTICIPANTS, selection_id, kinds=[PARTICIPANTS]) as action:
        existing = dict(
            action.connection.execute(
                "SELECT number, id FROM participant WHERE selection_id = ?", (selection_id,)
            ).fetchall()
        )
        new: list[_ParticipantRecord] = []
        changed: list[tuple[int, _ParticipantRecord]] = []
        for record in records:
            participant_id = existing.get(record["number"])
            if participant_id is None:
                new.append(record)
            else:
                changed.append((participant_id, record))
        if dry_run:
            return ImportSummary(added=len(new), updated=len(changed))
        _write_participants(action.connection, selection_id, new, changed)
        action.touch_all_formations()  # participants may also have moved between formations
        record_import(action.connection, actor, selection_id, "participants", path, new, changed)
    return ImportSummary(added=len(new), updated=len(changed), changes=action.changes)


_PARTICIPANT_FIELDS = (
    "number",
    "name",
    "birth_date",
    "formation_id",
    "nik",
    "education",
    "ipk",
    "priority_group",
    "affirmation_percent",
    "session",
)


def _write_participants(
    connection: sqlite3.Connection,
    selection_id: int,
    new: list[_ParticipantRecord],
    changed: list[tuple[int, _ParticipantRecord]],
) -> None:
    """Plain ``executemany``: 100k ORM objects would cost seconds and hundreds of megabytes.

    ``new`` is inserted into ``selection_id``; ``changed`` pairs a stored participant's id
    with what the file says now.
    """

    def values(record: _ParticipantRecord) -> list[object]:
        """The record's columns in ``_PARTICIPANT_FIELDS`` order, as SQLite stores them."""
        birth = record["birth_date"]
        assert birth is not None  # a missing birth date has rejected the file already
        ipk, affirmation = record["ipk"], record["affirmation_percent"]
        return [
            record["number"],
            record["name"],
            birth.isoformat(),
            record["formation_id"],
            record["nik"],
            record["education"],
            None if ipk is None else str(ipk),
            record["priority_group"],
            None if affirmation is None else str(affirmation),
            record["session"],
        ]

    now = utc_now().isoformat(sep=" ")
    if new:
        connection.executemany(
            f"INSERT INTO participant (selection_id, created_at, {', '.join(_PARTICIPANT_FIELDS)})"
            f" VALUES (?, ?, {', '.join('?' * len(_PARTICIPANT_FIELDS))})",
            ([selection_id, now, *values(record)] for record in new),
        )
    if changed:
        assignments = ", ".join(f"{field} = ?" for field in _PARTICIPANT_FIELDS)
        connection.executemany(
            f"UPDATE participant SET {assignments} WHERE id = ?",
            ([*values(record), participant_id] for participant_id, record in changed),
        )


def _birth_date(text: str, row_number: int, today: date, errors: list[CellError]) -> date | None:
    if not text:
        errors.append(CellError(row_number, "tanggal_lahir", "import.required", {}))
        return None
    try:
        birth = parse_date(text)
    except ValueError:
        errors.append(CellError(row_number, "tanggal_lahir", "import.bad_date", {"value": text}))
        return None
    age = today.year - birth.year
    if not 15 <= age <= 80:
        errors.append(
            CellError(row_number, "tanggal_lahir", "import.implausible_birth", {"value": text})
        )
    return birth


def _optional_decimal(
    cells: dict[str, str], field: str, row_number: int, maximum: Decimal, errors: list[CellError]
) -> Decimal | None:
    text = cells.get(field, "")
    if not text:
        return None
    try:
        value = parse_decimal(text)
    except ValueError:
        errors.append(CellError(row_number, field, "import.not_number", {"value": text}))
        return None
    if not 0 <= value <= maximum:
        errors.append(
            CellError(row_number, field, "import.range", {"value": text, "min": 0, "max": maximum})
        )
    return value


def _priority(cells: dict[str, str], row_number: int, errors: list[CellError]) -> int | None:
    text = cells.get("kelompok_prioritas", "")
    if not text:
        return None
    try:
        group = parse_int(text)
    except ValueError:
        errors.append(
            CellError(row_number, "kelompok_prioritas", "import.not_whole_number", {"value": text})
        )
        return None
    if group < 1:
        errors.append(CellError(row_number, "kelompok_prioritas", "import.at_least_one", {}))
    elif group > MAX_WHOLE:
        errors.append(
            CellError(
                row_number,
                "kelompok_prioritas",
                "import.range",
                {"value": text, "min": 1, "max": MAX_WHOLE},
            )
        )
    return group
