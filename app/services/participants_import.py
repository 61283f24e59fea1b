"""Importing formations and participants: all-or-nothing, every bad row reported.

A row for a formation or participant already stored changes only what the file says
differently, and only when the import may replace stored values (``replace`` with a
reason; ``app.services.replacing``); a column the file does not have leaves the stored field
as it is. Each replaced participant or formation is audited with old → new and the reason.
"""

from __future__ import annotations

import re
import sqlite3
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Final, cast

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
from .replacing import (
    Replacement,
    Replacements,
    allow_replacements,
    changed_meanwhile,
    check_reason,
)
from .revisions import insert_stamped, read_revisions
from .tabular import (
    FORMULA_STARTS,
    CellError,
    PackedRows,
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
#: Longest participant name (a real one has well under a hundred characters; issue #9).
MAX_NAME = 200
PARTICIPANT_OPTIONAL = (
    "nik",
    "pendidikan",
    "ipk",
    "kelompok_prioritas",
    "afirmasi_persen",
    "sesi",
)

# A participant number as test centres print them: letters, digits and - / . only.
_NUMBER = re.compile(r"[A-Za-z0-9./-]+", re.ASCII)
# Control and format characters (Unicode Cc and Cf): invisible in a list, able to reorder
# what is shown (U+202E) or to break a file that is exported later; a real name has none.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)


class _Keep:
    """A field whose column the file does not have: the stored value stays."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()

Record = tuple[object, ...]
"""One formation or participant as its stored columns in order (``KEEP`` where the file
has no column)."""


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did (or, for a dry run, would do).

    ``added`` rows or values are new, ``updated`` replaced stored ones, ``unchanged`` were in
    the file with the value already stored. ``replacements`` lists the stored values that
    were (would be) replaced, up to ``replacing.MAX_LISTED`` of ``replaced`` in all;
    ``basis`` is what a window's confirmation of them hands back to the import.
    """

    added: int
    updated: int
    changes: Changes = field(default=NO_CHANGES, compare=False)
    """Empty for a dry run: nothing was written."""
    unchanged: int = field(default=0, compare=False)
    replacements: tuple[Replacement, ...] = field(default=(), compare=False)
    replaced: int = field(default=0, compare=False)
    basis: str = field(default="", compare=False)

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
    sha256: str,
    added: int,
    updated: int,
    reason: str = "",
    *,
    detail: bytes | None = None,
) -> None:
    """One audit event per import: the file, the SHA-256 of the bytes that were parsed (not
    of the file as it is now: it may have been replaced meanwhile) and what it did; ``detail``
    holds the values written, for the audit replay (``replay.imported_values_detail``)."""
    record(
        connection,
        actor,
        f"import.{kind}",
        selection_id=selection_id,
        entity=kind,
        key=path.name,
        new={"file": path.name, "sha256": sha256, "added": added, "updated": updated},
        reason=reason if updated else "",
        detail=detail,
    )


def _renamed(table: Table, mapping: dict[str, str]) -> Table:
    """Apply the wizard's mapping; a column mapped to ``""`` is left out altogether."""
    kept = {h: mapping.get(h, h) for h in table.headers if mapping.get(h, h)}
    if isinstance(table.rows, PackedRows):
        names: list[str | None] = []
        for header in table.headers:
            names.append(kept.get(header))
        rows: Sequence[tuple[int, dict[str, str]]] = table.rows.renamed(
            _positional(table.rows, names)
        )
    else:
        rows = [
            (number, {kept[k]: v for k, v in cells.items() if k in kept})
            for number, cells in table.rows
        ]
    return Table(path=table.path, headers=list(kept.values()), rows=rows, sha256=table.sha256)


def _positional(rows: PackedRows, renamed: list[str | None]) -> list[str | None]:
    """The new name of every column position: unnamed positions stay unnamed (their cells
    are extras), named ones take their header's new name, or None when left out."""
    names: list[str | None] = []
    headers = iter(renamed)
    for name in rows._names:
        names.append(next(headers) if name else name)
    return names


def text_problem(text: str, row: int, column: str) -> CellError | None:
    """A control or format character anywhere in a stored text field."""
    if _CONTROL.search(text) is None:
        return None
    return CellError(row, column, "import.control_character", {})


def name_problems(name: str, row: int, column: str) -> list[CellError]:
    """A person's name: no control characters, not too long, and not starting like a
    spreadsheet formula (a real name never starts with = + - @, and such a name would run
    as a formula in every spreadsheet that opens an export)."""
    problems = []
    control = text_problem(name, row, column)
    if control is not None:
        problems.append(control)
    if len(name) > MAX_NAME:
        problems.append(CellError(row, column, "import.too_long", {"max": MAX_NAME}))
    if name.startswith(FORMULA_STARTS):
        problems.append(
            CellError(row, column, "import.formula_start", {"value": name[:40], "char": name[0]})
        )
    return problems


# --- formations ------------------------------------------------------------------------------

# (stored column, file column); the first is the key.
_FORMATION_FIELDS = (
    ("code", "kode_formasi"),
    ("position_title", "jabatan"),
    ("unit", "unit_kerja"),
    ("education", "pendidikan"),
    ("quota", "kebutuhan"),
)
_FORMATION_COLUMNS_SQL = ", ".join(column for column, _ in _FORMATION_FIELDS)
# The keys of a ``formation.saved`` event, as the formation editor writes them.
_FORMATION_EVENT_KEYS = ("code", "title", "unit", "education", "quota")


@collector_paused()
def import_formations(
    db: Database,
    actor: Actor,
    selection_id: int,
    path: Path,
    *,
    columns: Mapping[str, str] | None = None,
    dry_run: bool = False,
    replace: bool = False,
    reason: str = "",
    expected: str | None = None,
) -> ImportSummary:
    """Add formations by ``kode_formasi`` and change known ones where the file differs.

    A stored field is changed only with ``replace`` and a ``reason`` (``expected``: the
    ``basis`` of the dry run the user confirmed); ``dry_run`` checks without writing.
    """
    permit(db, actor, Action.EDIT_FORMATIONS, selection_id)
    check_reason(replace, reason)
    if not dry_run:
        automatic_backup(db, "impor-formasi")  # DESIGN §6: a copy before every import
    with db.reading() as snapshot:
        # The snapshot begins before the file is read: what it holds is what the import
        # may replace, and anything saved later is found in the write lock (issue #9).
        stamps = read_revisions(snapshot, selection_id)
        table = open_table(path, FORMATION_REQUIRED, columns)
        records, rows = _formation_records(table)
        stored = _stored_formations(snapshot, selection_id)
    found = Replacements(table.sha256)
    new: list[Record] = []
    changed: list[Record] = []
    for entry, row in zip(records, rows, strict=True):
        before = stored.get(str(entry[0]))
        if before is None:
            new.append(entry)
            continue
        differences = _differences(before[1:], entry)
        if differences:
            changed.append(entry)
        for index in differences:
            found.add(_formation_replacement(row, entry[0], index, before[1 + index], entry[index]))
    summary = ImportSummary(
        added=len(new),
        updated=len(changed),
        unchanged=len(records) - len(new) - len(changed),
        replacements=tuple(found.listed),
        replaced=found.count,
        basis=found.basis,
    )
    if dry_run:
        return summary
    allow_replacements(path.name, found, replace=replace, expected=expected)
    with write(db, actor, Action.EDIT_FORMATIONS, selection_id, kinds=[FORMATIONS]) as action:
        connection = action.connection
        current = stored
        if read_revisions(connection, selection_id) != stamps:
            # Few rows: the formations as they are now, compared with the snapshot in full;
            # the fields the file lacks are then kept as they are now.
            current = _stored_formations(connection, selection_id)
            moved = _formations_moved(records, rows, stored, current)
            if moved:
                raise changed_meanwhile(path.name, moved, len(moved))
        _write_formations(connection, selection_id, new, changed, current)
        for entry in changed:
            old = current[str(entry[0])][1:]
            differences = _differences(old, entry)
            action.audit(
                "formation.saved",
                entity="formation",
                key=str(entry[0]),
                # Named as formations.save_formation names them; the code stays the same.
                old={_FORMATION_EVENT_KEYS[i]: old[i] for i in differences},
                new={
                    "code": str(entry[0]),
                    "previous_code": str(entry[0]),
                    **{_FORMATION_EVENT_KEYS[i]: entry[i] for i in differences},
                },
                reason=reason,
            )
        action.touch_formations(*(str(r[0]) for r in new), *(str(r[0]) for r in changed))
        record_import(
            connection,
            actor,
            selection_id,
            "formations",
            path,
            table.sha256,
            len(new),
            len(changed),
            reason,
        )
    return _with_changes(summary, action.changes)


def _formations_moved(
    records: list[Record], rows: array, then: dict[str, Record], now: dict[str, Record]
) -> list[Replacement]:
    """The fields the file writes that another writer changed since the snapshot, and the
    formations of the file added or removed meanwhile (by their code)."""
    moved = []
    for entry, row in zip(records, rows, strict=True):
        code = str(entry[0])
        before, after = then.get(code), now.get(code)
        if before == after:
            continue
        if before is None or after is None:
            moved.append(
                _formation_replacement(
                    row, code, 0, "" if before is None else code, "" if after is None else code
                )
            )
            continue
        for index, value in enumerate(entry):
            if value is not KEEP and not same_value(before[1 + index], after[1 + index]):
                moved.append(
                    _formation_replacement(row, code, index, before[1 + index], after[1 + index])
                )
    return moved


def _with_changes(summary: ImportSummary, changes: Changes) -> ImportSummary:
    return ImportSummary(
        added=summary.added,
        updated=summary.updated,
        changes=changes,
        unchanged=summary.unchanged,
        replacements=summary.replacements,
        replaced=summary.replaced,
        basis=summary.basis,
    )


def _formation_records(table: Table) -> tuple[list[Record], array]:
    """Every row as the stored columns (``KEEP`` for a column the file lacks), or the file
    rejected with every bad row."""
    errors: list[CellError] = []
    seen: dict[str, int] = {}
    records: list[Record] = []
    rows = array("l")
    has = set(table.headers)
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
        unit = cells.get("unit_kerja", "").strip() if "unit_kerja" in has else KEEP
        education = cells.get("pendidikan", "").strip() if "pendidikan" in has else KEEP
        for column, value in (
            ("kode_formasi", code),
            ("jabatan", title),
            ("unit_kerja", unit),
            ("pendidikan", education),
        ):
            if isinstance(value, str):
                problem = text_problem(value, row_number, column)
                if problem is not None:
                    errors.append(problem)
        records.append((code, title, unit, education, quota))
        rows.append(row_number)
    if not table.rows:
        errors.append(CellError(0, "", "import.no_rows", {}))
    if errors:
        raise ImportRejected(table.path.name, errors)
    return records, rows


def _stored_formations(connection: sqlite3.Connection, selection_id: int) -> dict[str, Record]:
    """code → (id, code, title, unit, education, quota) of the selection's formations."""
    return {
        row[1]: tuple(row)
        for row in connection.execute(
            f"SELECT id, {_FORMATION_COLUMNS_SQL} FROM formation WHERE selection_id = ?",
            (selection_id,),
        )
    }


def _formation_replacement(
    row: int, code: object, index: int, old: object, new: object
) -> Replacement:
    column = _FORMATION_FIELDS[index][1]
    return Replacement(row, column, str(code), column, _shown(old), _shown(new), True)


def _write_formations(
    connection: sqlite3.Connection,
    selection_id: int,
    new: list[Record],
    changed: list[Record],
    stored: dict[str, Record],
) -> None:
    """New formations are added; known ones get the fields the file has."""
    columns = [column for column, _ in _FORMATION_FIELDS]
    if new:
        connection.executemany(
            f"INSERT INTO formation (selection_id, {', '.join(columns)})"
            f" VALUES (?, {', '.join('?' * len(columns))})",
            [
                [selection_id, *("" if value is KEEP else value for value in record)]
                for record in new
            ],
        )
    if changed:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        connection.executemany(
            f"UPDATE formation SET {assignments} WHERE id = ?",
            [
                [*_merged(entry, stored[str(entry[0])][1:]), stored[str(entry[0])][0]]
                for entry in changed
            ],
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


# --- comparing with what is stored -----------------------------------------------------------


def same_value(stored: object, new: object) -> bool:
    """Equal as the stored column means it: decimals by value (``3.750`` is ``3.75``, and a
    number the column's affinity stored as REAL equals its text)."""
    if stored == new:
        return True
    if isinstance(stored, str | int | float) and isinstance(new, str):
        try:
            return Decimal(str(stored)) == Decimal(new)
        except ArithmeticError:
            return False
    return False


def _differences(
    stored: Sequence[object], record: Sequence[object], *, every: bool = False
) -> list[int]:
    """Positions where ``record`` would change ``stored`` (``KEEP`` changes nothing); with
    ``every`` two stored rows are compared, ``KEEP`` not being possible there."""
    return [
        index
        for index, (old, new) in enumerate(zip(stored, record, strict=True))
        if (every or new is not KEEP) and not same_value(old, new)
    ]


def _merged(record: Sequence[object], stored: Sequence[object]) -> list[object]:
    return [old if new is KEEP else new for new, old in zip(record, stored, strict=True)]


def _shown(value: object) -> str:
    return "" if value is None or value is KEEP else str(value)


# --- participants ----------------------------------------------------------------------------

_HUNDRED = Decimal(100)

# (stored column, file column), in the order of a record; the first is the key.
PARTICIPANT_FIELDS = (
    ("number", "nomor_peserta"),
    ("name", "nama"),
    ("birth_date", "tanggal_lahir"),
    ("formation_id", "kode_formasi"),
    ("nik", "nik"),
    ("education", "pendidikan"),
    ("ipk", "ipk"),
    ("priority_group", "kelompok_prioritas"),
    ("affirmation_percent", "afirmasi_persen"),
    ("session", "sesi"),
)
PARTICIPANT_COLUMNS_SQL = ", ".join(column for column, _ in PARTICIPANT_FIELDS)
# What a new participant gets for a column the file does not have.
_PARTICIPANT_DEFAULTS: tuple[object, ...] = ("", "", "", None, "", "", None, None, None, "")


@dataclass(slots=True)
class _ParticipantFile:
    """The checked rows of a participants file: records (stored columns, ``KEEP`` where the
    file has no column) with their row numbers, and the index of each number."""

    records: list[Record]
    rows: array
    index_of: dict[str, int]


@collector_paused()
def import_participants(
    db: Database,
    actor: Actor,
    selection_id: int,
    path: Path,
    *,
    columns: Mapping[str, str] | None = None,
    dry_run: bool = False,
    replace: bool = False,
    reason: str = "",
    expected: str | None = None,
) -> ImportSummary:
    """Add participants by ``nomor_peserta`` and change known ones where the file differs.

    A stored field is changed only with ``replace`` and a ``reason`` (``expected``: the
    ``basis`` of the dry run the user confirmed); ``dry_run`` checks without writing.
    """
    permit(db, actor, Action.IMPORT_PARTICIPANTS, selection_id)
    check_reason(replace, reason)
    if not dry_run:
        automatic_backup(db, "impor-peserta")  # DESIGN §6: a copy before every import
    with db.reading() as snapshot:
        # The snapshot begins before the file is read (issue #9): see import_formations.
        stamps = read_revisions(snapshot, selection_id)
        table = open_table(path, PARTICIPANT_REQUIRED, columns)
        formations = dict(
            snapshot.execute(
                "SELECT code, id FROM formation WHERE selection_id = ?", (selection_id,)
            ).fetchall()
        )
        if not formations:
            raise UserError("import.no_formations")
        checked = _participant_records(table, formations)
        sha256 = table.sha256
        del table  # the records hold what is needed: the packed rows can go
        codes = {formation_id: code for code, formation_id in formations.items()}
        found = Replacements(sha256)
        existing: dict[str, int] = {}
        changed: dict[int, Record] = {}  # participant id → stored row, for those that change
        unchanged = 0
        for participant_id, stored in _stored_participants(snapshot, selection_id):
            index = checked.index_of.get(str(stored[0]))
            if index is None:
                continue
            existing[str(stored[0])] = participant_id
            record = checked.records[index]
            differences = _differences(stored, record)
            if not differences:
                unchanged += 1
                continue
            changed[participant_id] = stored
            for position in differences:
                found.add(
                    _participant_replacement(
                        checked.rows[index],
                        record[0],
                        position,
                        stored[position],
                        record[position],
                        codes,
                    )
                )
    added = len(checked.records) - len(existing)
    summary = ImportSummary(
        added=added,
        updated=len(changed),
        unchanged=unchanged,
        replacements=tuple(found.listed),
        replaced=found.count,
        basis=found.basis,
    )
    if dry_run:
        return summary
    allow_replacements(path.name, found, replace=replace, expected=expected)
    with write(db, actor, Action.IMPORT_PARTICIPANTS, selection_id, kinds=[PARTICIPANTS]) as action:
        connection = action.connection
        current = changed
        if read_revisions(connection, selection_id) != stamps:
            moved, current = _participants_moved(
                connection, selection_id, checked, existing, changed, codes
            )
            if moved:
                raise changed_meanwhile(path.name, moved, len(moved))
        _write_participants(connection, selection_id, checked, existing, current)
        for held in current.values():
            record = checked.records[checked.index_of[str(held[0])]]
            differences = _differences(held, record)
            action.audit(
                "participant.updated",
                entity="participant",
                key=str(record[0]),
                participant=str(record[0]),
                old={PARTICIPANT_FIELDS[i][0]: shown_field(i, held[i], codes) for i in differences},
                new={
                    PARTICIPANT_FIELDS[i][0]: shown_field(i, record[i], codes) for i in differences
                },
                reason=reason,
            )
        action.touch_all_formations()  # participants may also have moved between formations
        record_import(
            connection,
            actor,
            selection_id,
            "participants",
            path,
            sha256,
            added,
            len(changed),
            reason,
        )
    return _with_changes(summary, action.changes)


def _participant_records(table: Table, formations: dict[str, int]) -> _ParticipantFile:
    """Every row checked and turned into its stored columns, or the file rejected with every
    bad row named."""
    errors: list[CellError] = []
    index_of: dict[str, int] = {}
    records: list[Record] = []
    rows = array("l")
    today = date.today()
    has = set(table.headers)
    optional = {column: column in has for column in PARTICIPANT_OPTIONAL}
    for row_number, cells in table.rows:
        # The row's own problems follow a duplicated number, which is named first (as a
        # problem with the number itself would be).
        row_errors: list[CellError] = []
        record = participant_record(cells, row_number, formations, today, optional, row_errors)
        number = record[0]
        if isinstance(number, str) and _NUMBER.fullmatch(number):
            if number in index_of:
                errors.append(
                    CellError(
                        row_number,
                        "nomor_peserta",
                        "import.duplicate",
                        {"row": rows[index_of[number]]},
                    )
                )
            else:
                index_of[number] = len(records)
        errors.extend(row_errors)
        records.append(record)
        rows.append(row_number)
    if not table.rows:
        errors.append(CellError(0, "", "import.no_rows", {}))
    if errors:
        raise ImportRejected(table.path.name, errors)
    return _ParticipantFile(records, rows, index_of)


def participant_record(
    cells: Mapping[str, str],
    row_number: int,
    formations: Mapping[str, int],
    today: date,
    optional: Mapping[str, bool],
    errors: list[CellError],
) -> Record:
    """One participant's cells (by file column) checked and turned into stored columns.

    Each problem is appended to ``errors`` naming the column; a column ``optional`` says is
    absent becomes ``KEEP``. The same checks serve a file row and a participant typed into
    the window (``participant_edit``), so both refuse exactly the same things. Whether the
    number is already taken is the caller's question.
    """
    number = cells.get("nomor_peserta", "")
    name = " ".join(cells.get("nama", "").split())
    if not number:
        errors.append(CellError(row_number, "nomor_peserta", "import.required", {}))
    elif not _NUMBER.fullmatch(number):
        errors.append(
            CellError(row_number, "nomor_peserta", "import.bad_number", {"value": number[:40]})
        )
    if not name:
        errors.append(CellError(row_number, "nama", "import.required", {}))
    else:
        errors.extend(name_problems(name, row_number, "nama"))
    birth = _birth_date(cells.get("tanggal_lahir", ""), row_number, today, errors)
    formation_code = cells.get("kode_formasi", "").upper()
    formation_id = formations.get(formation_code)
    if formation_id is None:
        errors.append(
            CellError(
                row_number,
                "kode_formasi",
                "import.unknown_formation",
                {"value": formation_code[:40]},
            )
            if formation_code
            else CellError(row_number, "kode_formasi", "import.required", {})
        )
    nik: object = KEEP
    if optional["nik"]:
        nik = cells.get("nik", "")
        if nik and not (len(nik) == 16 and nik.isdigit() and nik.isascii()):
            errors.append(CellError(row_number, "nik", "import.bad_nik", {"value": nik[:40]}))
    texts: dict[str, object] = {}
    for column in ("pendidikan", "sesi"):
        texts[column] = cells.get(column, "") if optional[column] else KEEP
        value = texts[column]
        if isinstance(value, str):
            problem = text_problem(value, row_number, column)
            if problem is not None:
                errors.append(problem)
    ipk = _optional_decimal(cells, "ipk", row_number, _HUNDRED, errors) if optional["ipk"] else KEEP
    affirmation = (
        _optional_decimal(cells, "afirmasi_persen", row_number, _HUNDRED, errors)
        if optional["afirmasi_persen"]
        else KEEP
    )
    return (
        number,
        name,
        birth,
        formation_id,
        nik,
        texts["pendidikan"],
        ipk,
        _priority(cells, row_number, errors) if optional["kelompok_prioritas"] else KEEP,
        affirmation,
        texts["sesi"],
    )


def _stored_participants(
    connection: sqlite3.Connection, selection_id: int
) -> Iterator[tuple[int, Record]]:
    """(id, the stored columns in record order) of every participant of the selection."""
    for row in connection.execute(
        f"SELECT id, {PARTICIPANT_COLUMNS_SQL} FROM participant WHERE selection_id = ?",
        (selection_id,),
    ):
        yield row[0], tuple(row[1:])


def _participant_replacement(
    row: int,
    number: object,
    position: int,
    old: object,
    new: object,
    codes: dict[int, str],
) -> Replacement:
    column = PARTICIPANT_FIELDS[position][1]
    return Replacement(
        row,
        column,
        str(number),
        column,
        shown_field(position, old, codes),
        shown_field(position, new, codes),
    )


def shown_field(position: int, value: object, codes: dict[int, str]) -> str:
    """A stored column as the file writes it: a formation by its code."""
    if position == 3 and isinstance(value, int):
        return codes.get(value, str(value))
    return _shown(value)


def _participants_moved(
    connection: sqlite3.Connection,
    selection_id: int,
    checked: _ParticipantFile,
    existing: dict[str, int],
    changed: dict[int, Record],
    codes: dict[int, str],
) -> tuple[list[Replacement], dict[int, Record]]:
    """What another writer saved, since the snapshot, over a participant this file writes:
    a field the file gives that no longer holds what the snapshot held, a participant added
    or removed meanwhile. Also the stored rows of the participants that change, as they are
    now (the fields the file lacks are kept as they are now, not as they were)."""
    moved: list[Replacement] = []
    current: dict[int, Record] = {}
    present: set[str] = set()
    for participant_id, now in _stored_participants(connection, selection_id):
        number = str(now[0])
        index = checked.index_of.get(number)
        if index is None:
            continue
        present.add(number)
        row = checked.rows[index]
        record = checked.records[index]
        if existing.get(number) != participant_id:
            moved.append(Replacement(row, "nomor_peserta", number, "nomor_peserta", "", number))
            continue
        seen = changed.get(participant_id, record)
        for position, (then, value) in enumerate(zip(seen, now, strict=True)):
            if record[position] is not KEEP and not same_value(then, value):
                moved.append(_participant_replacement(row, number, position, then, value, codes))
        if participant_id in changed:
            current[participant_id] = now
    for number in existing.keys() - present:
        index = checked.index_of[number]
        moved.append(
            Replacement(checked.rows[index], "nomor_peserta", number, "nomor_peserta", number, "")
        )
    return moved, current


def _write_participants(
    connection: sqlite3.Connection,
    selection_id: int,
    checked: _ParticipantFile,
    existing: dict[str, int],
    changed: dict[int, Record],
) -> None:
    """Plain SQL: 100k ORM objects would cost seconds and hundreds of megabytes; the new
    rows go in a thousand a statement (``revisions.insert_stamped``).

    Participants not ``existing`` are inserted into ``selection_id``; the ``changed`` ones
    (id → stored row) get the file's fields, keeping those the file does not have.
    """
    columns = [column for column, _ in PARTICIPANT_FIELDS]
    now = utc_now().isoformat(sep=" ")
    new = [record for record in checked.records if record[0] not in existing]
    insert_stamped(
        connection,
        "participant",
        ["selection_id", "created_at", *columns],
        ((selection_id, now, *_merged(record, _PARTICIPANT_DEFAULTS)) for record in new),
        # A record's fourth field is its formation's id (a row without one was refused).
        [cast(int, record[3]) for record in new],
    )
    if changed:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        connection.executemany(
            f"UPDATE participant SET {assignments} WHERE id = ?",
            (
                [
                    *_merged(checked.records[checked.index_of[str(stored[0])]], stored),
                    participant_id,
                ]
                for participant_id, stored in changed.items()
            ),
        )


def _birth_date(text: str, row_number: int, today: date, errors: list[CellError]) -> str | None:
    """The ISO text of a birth date (``None`` when it cannot be read), problems to ``errors``."""
    birth, problem = _birth_outcome(text, today)
    if problem is not None:
        params: dict[str, object] = {} if problem == "import.required" else {"value": text}
        if problem == "import.bad_date":
            params["value"] = text[:40]
        errors.append(CellError(row_number, "tanggal_lahir", problem, params))
    return birth


@lru_cache(maxsize=1 << 16)
def _birth_outcome(text: str, today: date) -> tuple[str | None, str | None]:
    """(ISO date, problem's message key) of a birth date's text: 100k participants were born
    on a few thousand days, so each text is read once."""
    if not text:
        return None, "import.required"
    try:
        birth = parse_date(text)
    except ValueError:
        return None, "import.bad_date"
    age = today.year - birth.year
    return birth.isoformat(), None if 15 <= age <= 80 else "import.implausible_birth"


def _optional_decimal(
    cells: Mapping[str, str], field: str, row_number: int, maximum: Decimal, errors: list[CellError]
) -> str | None:
    """A decimal as stored (``str`` of the exact value), ``None`` for an empty cell."""
    text = cells.get(field, "")
    if not text:
        return None
    value, problem = _decimal_outcome(text, maximum)
    if problem == "import.not_number":
        errors.append(CellError(row_number, field, problem, {"value": text[:40]}))
    elif problem is not None:
        errors.append(
            CellError(row_number, field, problem, {"value": text, "min": 0, "max": maximum})
        )
    return value


@lru_cache(maxsize=1 << 16)
def _decimal_outcome(text: str, maximum: Decimal) -> tuple[str | None, str | None]:
    """(the value as stored, problem's message key) of a decimal's text, read once each."""
    try:
        value = parse_decimal(text)
    except ValueError:
        return None, "import.not_number"
    return str(value), None if 0 <= value <= maximum else "import.range"


def _priority(cells: Mapping[str, str], row_number: int, errors: list[CellError]) -> int | None:
    text = cells.get("kelompok_prioritas", "")
    if not text:
        return None
    try:
        group = parse_int(text)
    except ValueError:
        errors.append(
            CellError(
                row_number, "kelompok_prioritas", "import.not_whole_number", {"value": text[:40]}
            )
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
