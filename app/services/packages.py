"""Packages from field laptops: exported there, merged here (issue #12 §1).

A package is a **full statement** of what one field laptop entered since it was prepared:
the current values of every sheet row (participant × component × assessor) it touched, its
double-entry rounds, its marks, and its audit events as they are chained there. Exporting
again says everything again, so a lost flash disk costs nothing.

The merge keeps, per sheet row, each source's latest value: each device's (``device_claim``)
and the main laptop's own (``merged_row.main_claim``), and decides the row from those values
alone, never from the order they came in (``app.scoring.merge``: agreeing values stand; a
decision holds while its claims are unchanged; else the main laptop's own value stays, or,
between devices only, no value counts until an admin decides).

So importing the same package again changes nothing, two laptops' packages give the same
scores in either order, and a conflict is never settled silently. An older package than the
last one received from its device (its chain's head is lower) changes nothing either.

Marks only add (a mark is never removed), so a device's marks are added where missing.
Double-entry rounds are added where the main laptop has no such round; a different round
already here is listed and left as it is; the rounds then settle as when typed.

Refused whole, nothing changed: not a package, cut short, one changed byte, another
selection's or database's package, an unknown device, a bad signature, a device chain that
does not continue the one already received, participants or components this selection does
not know, and changes to finalized formations (listed).
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.clock import utc_now
from app.messages import t
from app.scoring import Scheme
from app.scoring.merge import EMPTY, MAIN, RowRecord, fingerprint, in_conflict, merge_row
from app.scoring.score_rows import StoredRow, display

from .actor import Actor
from .audit import _FIELDS, _digest, database_identity, pack_detail, unpack_detail
from .backups import automatic_backup
from .changes import DEVICES, MARKS, NO_CHANGES, SCORES, Changes
from .database import Database
from .devices import field_identity
from .door import permit, write
from .errors import PermissionDenied, UserError
from .package_file import Package, read_package, signed_by, write_package
from .permissions import Action
from .schemes import SchemeIds, scheme_of_selection
from .sheets import rows_as_json, score_key

NAMED = 10
"""At most this many participants or formations named in a refusal."""

SheetKey = tuple[int, int, str]  # participant id, component id, assessor


# -- values as they travel and are compared --------------------------------------------------


def rows_text(rows: Iterable[StoredRow]) -> str:
    """A sheet row's values as canonical JSON (sorted by aspect): compared and stored."""
    return json.dumps(
        sorted([r.aspect, r.milli, r.text, bool(r.absent)] for r in rows),
        separators=(",", ":"),
        ensure_ascii=False,
    )


def _canonical(values: list[list[Any]]) -> str:
    """``rows_text`` of rows as a package carries them (``[aspect, milli, text, absent]``);
    the package is signed by the exporter that wrote them this way."""
    return json.dumps(sorted(values), separators=(",", ":"), ensure_ascii=False)


def rows_from(text: str) -> tuple[StoredRow, ...]:
    return tuple(
        StoredRow(str(a), None if m is None else int(m), None if x is None else str(x), bool(b))
        for a, m, x, b in json.loads(text)
    )


def shown(text: str | None) -> str:
    """A value as people read it: ``80``, ``TH``, ``A1 80; A2 75``, or "(kosong)"."""
    if text is None:
        return t("package.none")
    rows = rows_from(text)
    if not rows:
        return t("replay.empty")
    if len(rows) == 1 and not rows[0].aspect:
        return display(rows[0])
    return "; ".join(f"{r.aspect} {display(r)}" if r.aspect else display(r) for r in rows)


# -- export (on the field laptop) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportInfo:
    path: Path
    device: str
    rows: int
    drafts: int
    marks: int
    events: int
    head: int
    sha256: str


EVENT_COLUMNS = ("id", *_FIELDS, "hash", "detail")


def export_package(db: Database, actor: Actor, out: Path) -> ExportInfo:
    """Write everything this field laptop entered since it was prepared into ``out``."""
    permit(db, actor, Action.EXPORT_PACKAGE)
    with db.reading() as connection:
        me = field_identity(connection)
        if me is None:
            raise UserError("package.not_field")
        content = _statement(connection, me.selection_id, me.base_event_id)
        content.update(
            {
                "format": 1,
                "kind": "device",
                "main": me.main_identity,
                "device": {"uuid": me.uuid, "name": me.name},
                "base_hash": me.base_hash,
                "exported_at": utc_now().isoformat(sep=" "),
                "exported_by": actor.name,
            }
        )
        private = connection.execute("SELECT private_key FROM device_self WHERE id = 1").fetchone()
    sha256 = write_package(Path(out), me.uuid, private[0], content)
    return ExportInfo(
        Path(out),
        me.name,
        len(content["rows"]),
        len(content["drafts"]),
        len(content["marks"]),
        len(content["events"]),
        content["head"],
        sha256,
    )


def _statement(connection: sqlite3.Connection, selection_id: int, base: int) -> dict[str, Any]:
    """The device's entries since event ``base``: touched rows' current values, rounds,
    marks, and the events themselves."""
    name_row = connection.execute(
        "SELECT name FROM selection WHERE id = ?", (selection_id,)
    ).fetchone()
    events = connection.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM audit_event WHERE id > ? ORDER BY id", (base,)
    ).fetchall()
    scored: dict[tuple[str, str, str], tuple[str, str]] = {}
    drafted: dict[tuple[str, str, str], tuple[str, str]] = {}
    marked: set[str] = set()
    for event in events:
        values = dict(zip(EVENT_COLUMNS, event, strict=True))
        if values["selection_id"] != selection_id:
            continue
        component, _, assessor = str(values["entity_key"]).partition("|")
        key = (str(values["participant"]), component, assessor)
        if values["entity"] == "score":
            scored[key] = (values["actor"], values["at"])
        elif values["entity"] == "score_draft":
            drafted[key] = (values["actor"], values["at"])
        elif values["entity"] == "mark":
            marked.add(str(values["participant"]))
        elif values["action"] == "import.scores" and values["detail"] is not None:
            detail = unpack_detail(values["detail"])
            if isinstance(detail, dict):
                for number, code, who in zip(
                    detail.get("participant", []),
                    detail.get("component", []),
                    detail.get("assessor", []),
                    strict=False,
                ):
                    scored[(str(number), str(code), str(who))] = (values["actor"], values["at"])
    rows = [
        [number, code, assessor, json.loads(text), by, at]
        for (number, code, assessor), (text, by, at) in sorted(
            _current_rows(connection, selection_id, scored).items()
        )
    ]
    drafts = _current_drafts(connection, selection_id, drafted)
    marks = [
        list(row)
        for row in connection.execute(
            "SELECT p.number, m.kind, s.code, m.reason, m.created_by, m.created_at"
            " FROM participant_mark m JOIN participant p ON p.id = m.participant_id"
            " JOIN stage s ON s.id = m.stage_id WHERE p.selection_id = ?"
            " ORDER BY p.number, s.position, m.kind",
            (selection_id,),
        )
        if row[0] in marked
    ]
    return {
        "selection": {"id": selection_id, "name": name_row[0] if name_row else ""},
        "head": events[-1][0] if events else base,
        "rows": rows,
        "drafts": drafts,
        "marks": [[*m[:5], str(m[5])] for m in marks],
        "events": [
            [*event[:-1], None if event[-1] is None else base64.b64encode(event[-1]).decode()]
            for event in events
        ],
    }


def _current_rows(
    connection: sqlite3.Connection,
    selection_id: int,
    touched: dict[tuple[str, str, str], tuple[str, str]],
) -> dict[tuple[str, str, str], tuple[str, str, str]]:
    """Each touched sheet row's confirmed values now (``[]`` once cleared), who and when."""
    found: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    latest: dict[tuple[str, str, str], tuple[str, str]] = {}
    numbers = sorted({key[0] for key in touched})
    for number, code, assessor, aspect, milli, text, absent, by, at in connection.execute(
        "SELECT p.number, c.code, s.assessor, s.aspect, s.value_milli, s.value_text, s.absent,"
        " s.entered_by, s.entered_at FROM score s JOIN participant p ON p.id = s.participant_id"
        " JOIN component c ON c.id = s.component_id"
        " WHERE p.selection_id = ? AND p.number IN (SELECT value FROM json_each(?))",
        (selection_id, json.dumps(numbers)),
    ):
        key = (number, code, assessor)
        if key not in touched:
            continue
        found[key].append(StoredRow(aspect, milli, text, bool(absent)))
        if key not in latest or str(at) > latest[key][1]:
            latest[key] = (by, str(at))
    return {key: (rows_text(found.get(key, ())), *latest.get(key, touched[key])) for key in touched}


def _current_drafts(
    connection: sqlite3.Connection,
    selection_id: int,
    touched: dict[tuple[str, str, str], tuple[str, str]],
) -> list[list[Any]]:
    rounds: dict[tuple[str, str, str, int], list[StoredRow]] = defaultdict(list)
    who: dict[tuple[str, str, str, int], tuple[str, str]] = {}
    numbers = sorted({key[0] for key in touched})
    for number, code, assessor, round_, aspect, milli, text, absent, by, at in connection.execute(
        "SELECT p.number, c.code, d.assessor, d.round, d.aspect, d.value_milli, d.value_text,"
        " d.absent, d.entered_by, d.entered_at FROM score_draft d"
        " JOIN participant p ON p.id = d.participant_id JOIN component c ON c.id = d.component_id"
        " WHERE p.selection_id = ? AND p.number IN (SELECT value FROM json_each(?))",
        (selection_id, json.dumps(numbers)),
    ):
        if (number, code, assessor) not in touched:
            continue
        key = (number, code, assessor, round_)
        rounds[key].append(StoredRow(aspect, milli, text, bool(absent)))
        who[key] = (by, str(at))
    return [
        [number, code, assessor, round_, json.loads(rows_text(rows)), *who[key]]
        for key, rows in sorted(rounds.items())
        for number, code, assessor, round_ in [key]
    ]


# -- import (on the main laptop) --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimView:
    """One source's value of a sheet row in conflict: the device (or the main laptop)."""

    source: str
    value: str
    by: str
    at: str


@dataclass(frozen=True, slots=True)
class PackageConflict:
    """A sheet row whose sources disagree, waiting for an admin."""

    participant: str
    name: str
    component: str
    assessor: str
    holding: str
    claims: tuple[ClaimView, ...]


@dataclass(slots=True)
class PackagePlan:
    """What a package adds, or added: the preview and the result are the same value."""

    device: str
    head: int
    status: str  # "new", "same" (nothing new), "older" (refused as older, nothing changed)
    added: int = 0
    replaced: int = 0
    withdrawn: int = 0
    unchanged: int = 0
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    marks_added: int = 0
    drafts_added: int = 0
    draft_conflicts: list[tuple[str, str, str, int]] = field(default_factory=list)
    events_new: int = 0
    written: list[list[Any]] = field(default_factory=list)
    marks_written: list[list[str]] = field(default_factory=list)
    changes: Changes | None = None

    @property
    def changed(self) -> bool:
        return bool(
            self.added
            or self.replaced
            or self.withdrawn
            or self.marks_added
            or self.drafts_added
            or self.events_new
        )

    def summary(self) -> dict[str, int]:
        return {
            "added": self.added,
            "replaced": self.replaced,
            "withdrawn": self.withdrawn,
            "unchanged": self.unchanged,
            "conflicts": len(self.conflicts),
            "marks_added": self.marks_added,
            "drafts_added": self.drafts_added,
            "draft_conflicts": len(self.draft_conflicts),
            "events": self.events_new,
        }


@dataclass(frozen=True, slots=True)
class _Device:
    id: int
    name: str
    public_key: str
    base_hash: str


def preview_package(db: Database, actor: Actor, selection_id: int, path: Path) -> PackagePlan:
    """What importing ``path`` would do, computed on a snapshot; nothing is written."""
    permit(db, actor, Action.IMPORT_PACKAGE, selection_id)
    package = read_package(Path(path))
    with db.reading() as connection:
        device = _checked(connection, selection_id, package)
        return _merge(connection, actor, selection_id, package, device, apply=False)


def import_package(
    db: Database,
    actor: Actor,
    selection_id: int,
    path: Path,
    *,
    previewed: PackagePlan | None = None,
) -> PackagePlan:
    """Merge ``path`` in one transaction (checked again under the write lock).

    ``previewed``: the preview the user just confirmed; when it adds something, the merge
    goes straight to the backup and the write (the merge itself is computed again under the
    lock, so what is written is what the file holds now)."""
    permit(db, actor, Action.IMPORT_PACKAGE, selection_id)
    package = read_package(Path(path))
    if previewed is None or not previewed.changed:
        with db.reading() as connection:
            device = _checked(connection, selection_id, package)
            plan = _merge(connection, actor, selection_id, package, device, apply=False)
        if not plan.changed:
            plan.changes = NO_CHANGES
            return plan  # the same or an older package: nothing to write, not even an event
    automatic_backup(db, "impor-paket")  # DESIGN §6: a copy before every import
    with write(
        db, actor, Action.IMPORT_PACKAGE, selection_id, kinds=[SCORES, MARKS, DEVICES]
    ) as action:
        device = _checked(action.connection, selection_id, package)
        plan = _merge(action.connection, actor, selection_id, package, device, apply=True)
        if plan.changed:
            action.connection.execute(
                "INSERT INTO device_package (device_id, head, sha256, exported_at, summary,"
                " received_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    device.id,
                    plan.head,
                    package.sha256,
                    str(package.content.get("exported_at", "")),
                    json.dumps(plan.summary()),
                    actor.name,
                    utc_now().isoformat(sep=" "),
                ),
            )
            action.audit(
                "package.imported",
                entity="device",
                key=device.name,
                new={**plan.summary(), "head": plan.head, "sha256": package.sha256},
                detail=pack_detail({"rows": plan.written, "marks": plan.marks_written}),
            )
            action.touch_all_formations()
    plan.changes = action.changes
    return plan


def _checked(connection: sqlite3.Connection, selection_id: int, package: Package) -> _Device:
    """The device the package claims to be, if everything about it holds."""
    if field_identity(connection) is not None:
        raise UserError("package.main_only")
    content = package.content
    identity = database_identity(connection)
    selection = content.get("selection", {})
    if content.get("main") != identity or selection.get("id") != selection_id:
        raise UserError("package.other_selection", name=selection.get("name", "?"))
    row = connection.execute(
        "SELECT id, name, public_key, base_hash FROM device WHERE uuid = ? AND selection_id = ?",
        (package.device, selection_id),
    ).fetchone()
    if row is None:
        name = content.get("device", {}).get("name", "?")
        raise UserError("package.unknown_device", name=name)
    device = _Device(*row)
    if not signed_by(package, device.public_key):
        raise UserError("package.bad_signature", name=device.name)
    if content.get("base_hash") != device.base_hash:
        raise UserError("package.other_chain", name=device.name)
    _check_chain(connection, device, content.get("events", []))
    return device


def _check_chain(connection: sqlite3.Connection, device: _Device, events: list[Any]) -> None:
    """The package's events continue the device's chain from its base, and agree with the
    events already received from it."""
    previous = device.base_hash
    stored = dict(
        connection.execute(
            "SELECT seq, hash FROM device_event WHERE device_id = ?", (device.id,)
        ).fetchall()
    )
    last_seq = 0
    for event in events:
        if not isinstance(event, list) or len(event) != len(EVENT_COLUMNS):
            raise UserError("package.chain_broken", name=device.name, event="?")
        values = dict(zip(EVENT_COLUMNS, event, strict=True))
        seq = int(values["id"])
        detail = None if values["detail"] is None else base64.b64decode(values["detail"])
        digest = _digest(values, None if detail is None else hashlib.sha256(detail).hexdigest())
        if seq <= last_seq or values["prev_hash"] != previous or digest != values["hash"]:
            raise UserError("package.chain_broken", name=device.name, event=seq)
        if seq in stored and stored[seq] != values["hash"]:
            raise UserError("package.chain_rewritten", name=device.name, event=seq)
        previous, last_seq = values["hash"], seq


def _merge(
    connection: sqlite3.Connection,
    actor: Actor,
    selection_id: int,
    package: Package,
    device: _Device,
    *,
    apply: bool,
) -> PackagePlan:
    content = package.content
    head = int(content.get("head", 0))
    last = connection.execute(
        "SELECT max(head) FROM device_package WHERE device_id = ?", (device.id,)
    ).fetchone()[0]
    if last is not None and head < last:
        return PackagePlan(device.name, head, "older")
    plan = PackagePlan(device.name, head, "new" if last is None or head > last else "same")
    scheme, ids = scheme_of_selection(connection, selection_id)
    participants = _participants(connection, selection_id, content)
    double = {c.code for stage in scheme.stages for c in stage.components if c.double_entry}
    stage_of = {c.code: stage.code for stage in scheme.stages for c in stage.components}
    locked = _locked(connection, selection_id)
    refused: set[str] = set()

    def check_unlocked(number: str, stage: str) -> None:
        formation = participants[number][1]
        if (formation, stage) in locked:
            refused.add(formation)

    # Sheet rows of single-entry components: the claims.
    rows = [r for r in content.get("rows", []) if r[1] not in double]
    for item in [*content.get("rows", []), *content.get("drafts", [])]:
        if item[1] not in ids.components:
            raise UserError("package.unknown_component", name=device.name, value=item[1])
    for mark in content.get("marks", []):
        if mark[2] not in ids.stages:
            raise UserError("package.unknown_component", name=device.name, value=mark[2])
    keys = [(participants[r[0]][0], ids.components[r[1]], str(r[2])) for r in rows]
    state = _row_state(connection, [k[0] for k in keys])
    writes: list[tuple[SheetKey, str, str, str]] = []
    claim_writes: list[tuple[Any, ...]] = []
    merged_writes: list[tuple[Any, ...]] = []
    for (number, code, assessor, values, by, at), key in zip(rows, keys, strict=True):
        incoming = _canonical(values)
        device_claims = state.claims.get(key, {})
        current = state.current.get(key, EMPTY)
        merged = state.merged.get(key)
        decision = merge_row(
            current,
            state.current_by.get(key, "?"),
            None if merged is None else RowRecord(*merged),
            device_claims,
            device.name,
            incoming,
        )
        claims, result = decision.claims, decision.result
        # Disjoint counts: new, replaced by the same laptop, in conflict, the same.
        if decision.conflict:
            plan.conflicts.append((number, code, assessor))
            plan.withdrawn += result != current  # taken out of the ranking until decided
        elif result == current:
            plan.unchanged += 1
        elif current == EMPTY:
            plan.added += 1
        else:
            plan.replaced += 1
        if result != current:
            check_unlocked(number, stage_of[code])
            winner = next((s for s, v in sorted(claims.items()) if v == result), device.name)
            who = (by, at) if winner == device.name else state.who(key, winner, actor.name)
            writes.append((key, result, *who))
            plan.written.append(
                [number, code, assessor, [[r.aspect, display(r)] for r in rows_from(result)]]
            )
        if device_claims.get(device.name) != incoming:
            claim_writes.append((device.id, *key, incoming, by, str(at)))
        record = decision.record
        new_merged = (
            record.merged,
            record.main_claim,
            record.main_by,
            record.resolved,
            record.resolved_for,
        )
        if merged is None or tuple(merged) != new_merged:
            merged_writes.append((*key, *new_merged))
    marks = _new_marks(connection, selection_id, content, participants, check_unlocked)
    plan.marks_added = len(marks)
    drafts, plan.draft_conflicts = _new_drafts(
        connection, content, participants, ids, double, stage_of, check_unlocked
    )
    plan.drafts_added = len(drafts)
    new_events = [e for e in content.get("events", []) if e[0] not in state.events(device.id)]
    plan.events_new = len(new_events)
    if refused:
        names = sorted(refused)
        raise UserError(
            "package.finalized",
            name=device.name,
            formations=", ".join(names[:NAMED]) + (", …" if len(names) > NAMED else ""),
        )
    plan.marks_written = [[m[1], m[2], m[3]] for m in marks]
    if not apply:
        return plan
    _write_rows(connection, writes)
    connection.executemany(
        "INSERT INTO device_claim (device_id, participant_id, component_id, assessor, rows,"
        " entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (device_id, participant_id, component_id, assessor) DO UPDATE SET"
        " rows = excluded.rows, entered_by = excluded.entered_by,"
        " entered_at = excluded.entered_at",
        claim_writes,
    )
    connection.executemany(
        "INSERT INTO merged_row (participant_id, component_id, assessor, merged, main_claim,"
        " main_by, resolved, resolved_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (participant_id, component_id, assessor) DO UPDATE SET"
        " merged = excluded.merged, main_claim = excluded.main_claim,"
        " main_by = excluded.main_by, resolved = excluded.resolved,"
        " resolved_for = excluded.resolved_for",
        merged_writes,
    )
    connection.executemany(
        "INSERT INTO participant_mark (participant_id, stage_id, kind, reason, created_by,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [(p, ids.stages[stage], kind, why, by, at) for p, _n, kind, stage, why, by, at in marks],
    )
    _write_drafts(connection, actor, selection_id, scheme, ids, drafts, plan)
    connection.executemany(
        "INSERT INTO device_event (device_id, seq, at, actor, action, selection_id, entity,"
        " entity_key, participant, old, new, reason, prev_hash, hash, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (device.id, *e[:-1], None if e[-1] is None else base64.b64decode(e[-1]))
            for e in new_events
        ],
    )
    return plan


def _participants(
    connection: sqlite3.Connection, selection_id: int, content: dict[str, Any]
) -> dict[str, tuple[int, str]]:
    """Number → (id, formation code) of every participant the package names; refused when
    one is unknown here (added on the field laptop: add it here first, then import again)."""
    wanted = sorted(
        {str(item[0]) for part in ("rows", "drafts", "marks") for item in content.get(part, [])}
    )
    found = {
        number: (pid, formation)
        for pid, number, formation in connection.execute(
            "SELECT p.id, p.number, f.code FROM participant p JOIN formation f"
            " ON f.id = p.formation_id WHERE p.selection_id = ?"
            " AND p.number IN (SELECT value FROM json_each(?))",
            (selection_id, json.dumps(wanted)),
        )
    }
    unknown = [number for number in wanted if number not in found]
    if unknown:
        raise UserError(
            "package.unknown_participant",
            name=content.get("device", {}).get("name", "?"),
            count=len(unknown),
            value=", ".join(unknown[:NAMED]) + (", …" if len(unknown) > NAMED else ""),
        )
    return found


def _locked(connection: sqlite3.Connection, selection_id: int) -> set[tuple[str, str]]:
    """(formation, stage) pairs that are read-only: final at that stage or a later one."""
    stages = connection.execute(
        "SELECT code, position FROM stage WHERE selection_id = ? ORDER BY position",
        (selection_id,),
    ).fetchall()
    finals = connection.execute(
        "SELECT f.code, s.position FROM finalization z JOIN stage s ON s.id = z.stage_id"
        " JOIN formation f ON f.id = z.formation_id WHERE s.selection_id = ?",
        (selection_id,),
    ).fetchall()
    return {
        (formation, code)
        for formation, final_position in finals
        for code, position in stages
        if position <= final_position
    }


@dataclass(slots=True)
class _RowState:
    current: dict[SheetKey, str]
    current_by: dict[SheetKey, str]
    current_at: dict[SheetKey, str]
    claims: dict[SheetKey, dict[str, str]]
    claim_who: dict[tuple[SheetKey, str], tuple[str, str]]
    merged: dict[SheetKey, tuple[Any, ...]]
    connection: sqlite3.Connection

    def who(self, key: SheetKey, source: str, fallback: str) -> tuple[str, str]:
        if source == MAIN:
            return (
                self.current_by.get(key, fallback),
                self.current_at.get(key, utc_now().isoformat(sep=" ")),
            )
        return self.claim_who.get((key, source), (fallback, utc_now().isoformat(sep=" ")))

    def events(self, device_id: int) -> set[int]:
        return {
            seq
            for (seq,) in self.connection.execute(
                "SELECT seq FROM device_event WHERE device_id = ?", (device_id,)
            )
        }


def _row_state(connection: sqlite3.Connection, participant_ids: list[int]) -> _RowState:
    """Current scores, every device's claims and the merge's record for these participants."""
    chosen = json.dumps(sorted(set(participant_ids)))
    found: dict[SheetKey, list[StoredRow]] = defaultdict(list)
    by: dict[SheetKey, str] = {}
    at: dict[SheetKey, str] = {}
    for pid, cid, assessor, aspect, milli, text, absent, who, when in connection.execute(
        "SELECT participant_id, component_id, assessor, aspect, value_milli, value_text,"
        " absent, entered_by, entered_at FROM score"
        " WHERE participant_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
        (chosen,),
    ):
        key = (pid, cid, assessor)
        found[key].append(StoredRow(aspect, milli, text, bool(absent)))
        if key not in at or str(when) > at[key]:
            by[key], at[key] = who, str(when)
    claims: dict[SheetKey, dict[str, str]] = defaultdict(dict)
    claim_who: dict[tuple[SheetKey, str], tuple[str, str]] = {}
    for name, pid, cid, assessor, rows, who, when in connection.execute(
        "SELECT d.name, c.participant_id, c.component_id, c.assessor, c.rows, c.entered_by,"
        " c.entered_at FROM device_claim c JOIN device d ON d.id = c.device_id"
        " WHERE c.participant_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
        (chosen,),
    ):
        claims[(pid, cid, assessor)][name] = rows
        claim_who[((pid, cid, assessor), name)] = (who, str(when))
    merged = {
        (pid, cid, assessor): rest
        for pid, cid, assessor, *rest in connection.execute(
            "SELECT participant_id, component_id, assessor, merged, main_claim, main_by,"
            " resolved, resolved_for FROM merged_row"
            " WHERE participant_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
            (chosen,),
        )
    }
    return _RowState(
        {key: rows_text(rows) for key, rows in found.items()},
        by,
        at,
        claims,
        claim_who,
        {key: tuple(value) for key, value in merged.items()},
        connection,
    )


def _write_rows(
    connection: sqlite3.Connection, writes: list[tuple[SheetKey, str, str, str]]
) -> None:
    """Make each sheet row exactly its decided values, with who typed them and when."""
    connection.executemany(
        "DELETE FROM score WHERE participant_id = ? AND component_id = ? AND assessor = ?",
        [key for key, *_ in writes],
    )
    connection.executemany(
        "INSERT INTO score (participant_id, component_id, assessor, aspect, value_milli,"
        " value_text, absent, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (*key, r.aspect, r.milli, r.text, r.absent, by, at)
            for key, result, by, at in writes
            for r in rows_from(result)
        ],
    )


def _new_marks(
    connection: sqlite3.Connection,
    selection_id: int,
    content: dict[str, Any],
    participants: dict[str, tuple[int, str]],
    check_unlocked: Any,
) -> list[tuple[int, str, str, str, str, str, str]]:
    """The package's marks this database does not hold yet (marks only ever add)."""
    held = {
        (pid, kind, stage)
        for pid, kind, stage in connection.execute(
            "SELECT m.participant_id, m.kind, s.code FROM participant_mark m"
            " JOIN stage s ON s.id = m.stage_id WHERE s.selection_id = ?",
            (selection_id,),
        )
    }
    new = []
    for number, kind, stage, reason, by, at in content.get("marks", []):
        pid = participants[number][0]
        if (pid, kind, stage) in held:
            continue
        check_unlocked(number, stage)
        held.add((pid, kind, stage))
        new.append((pid, number, kind, stage, reason, by, at))
    return new


def _new_drafts(
    connection: sqlite3.Connection,
    content: dict[str, Any],
    participants: dict[str, tuple[int, str]],
    ids: SchemeIds,
    double: set[str],
    stage_of: dict[str, str],
    check_unlocked: Any,
) -> tuple[list[tuple[Any, ...]], list[tuple[str, str, str, int]]]:
    """Rounds this database has not got; a different round already here is listed."""
    drafts = [d for d in content.get("drafts", []) if d[1] in double]
    pids = sorted({participants[d[0]][0] for d in drafts})
    held: dict[tuple[int, int, str, int], list[StoredRow]] = defaultdict(list)
    for pid, cid, assessor, round_, aspect, milli, text, absent in connection.execute(
        "SELECT participant_id, component_id, assessor, round, aspect, value_milli, value_text,"
        " absent FROM score_draft"
        " WHERE participant_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
        (json.dumps(pids),),
    ):
        held[(pid, cid, assessor, round_)].append(StoredRow(aspect, milli, text, bool(absent)))
    new, conflicts = [], []
    for number, code, assessor, round_, values, by, at in drafts:
        key = (participants[number][0], ids.components[code], str(assessor), int(round_))
        incoming = _canonical(values)
        if key in held:
            if rows_text(held[key]) != incoming:
                conflicts.append((number, code, str(assessor), int(round_)))
            continue
        check_unlocked(number, stage_of[code])
        new.append((key, number, code, incoming, by, at))
    return new, conflicts


def _write_drafts(
    connection: sqlite3.Connection,
    actor: Actor,
    selection_id: int,
    scheme: Scheme,
    ids: SchemeIds,
    drafts: list[tuple[Any, ...]],
    plan: PackagePlan,
) -> None:
    """Add the rounds, then settle each sheet row as typing would."""
    from .draft_rounds import settle
    from .entering import ScoreTarget
    from .sheets import find_component

    connection.executemany(
        "INSERT INTO score_draft (participant_id, component_id, assessor, aspect, round,"
        " value_milli, value_text, absent, entered_by, entered_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (key[0], key[1], key[2], r.aspect, key[3], r.milli, r.text, r.absent, by, at)
            for key, _number, _code, values, by, at in drafts
            for r in rows_from(values)
        ],
    )
    settled = {(key[0], key[1], key[2], number, code) for key, number, code, *_ in drafts}
    for pid, cid, assessor, number, code in sorted(settled):
        _stage, component = find_component(scheme, code)
        target = ScoreTarget(selection_id, number, pid, component, cid, assessor)
        before, after, _outcome, _rounds = settle(connection, actor, target)
        if before != after:
            plan.written.append([number, code, assessor, [[r.aspect, display(r)] for r in after]])


# -- the queue and the admin's decision --------------------------------------------------------


def package_conflicts(db: Database, selection_id: int) -> list[PackageConflict]:
    """Sheet rows whose sources disagree and no admin has decided between these values."""
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT m.participant_id, m.component_id, m.assessor, m.merged, m.main_claim,"
            " m.main_by, m.resolved, m.resolved_for, p.number, p.name, c.code"
            " FROM merged_row m JOIN participant p ON p.id = m.participant_id"
            " JOIN component c ON c.id = m.component_id WHERE p.selection_id = ?"
            " ORDER BY c.id, p.number, m.assessor",
            (selection_id,),
        ).fetchall()
        state = _row_state(connection, [r[0] for r in rows])
    found = []
    for pid, cid, assessor, _merged, main_claim, main_by, resolved, resolved_for, *names in rows:
        key = (pid, cid, assessor)
        claims = dict(state.claims.get(key, {}))
        if main_claim is not None:
            claims[MAIN] = main_claim
        if not in_conflict(claims, resolved, resolved_for):
            continue
        views = []
        for source, value in sorted(claims.items()):
            by, at = (main_by or "?", "") if source == MAIN else state.claim_who[(key, source)]
            label = t("package.main_source") if source == MAIN else source
            views.append(ClaimView(label, shown(value), by, at))
        number, name, code = names
        found.append(
            PackageConflict(
                number, name, code, assessor, shown(state.current.get(key, EMPTY)), tuple(views)
            )
        )
    return found


def resolve_package_conflict(
    db: Database,
    actor: Actor,
    selection_id: int,
    participant: str,
    component: str,
    assessor: str,
    choice: str,
    reason: str,
) -> Changes:
    """Decide a conflict: ``choice`` names a source (a device, or the main laptop) or a
    value as the queue shows it. Admin only, with a reason, never by one who typed a value."""
    permit(db, actor, Action.RESOLVE_MISMATCH, selection_id)
    reason = " ".join(reason.split())
    if not reason:
        raise UserError("double.reason_required")
    code = component.strip().upper()
    with write(db, actor, Action.RESOLVE_MISMATCH, selection_id, kinds=[SCORES]) as action:
        connection = action.connection
        row = connection.execute(
            "SELECT m.participant_id, m.component_id, m.main_claim, m.main_by, m.resolved,"
            " m.resolved_for FROM merged_row m JOIN participant p ON p.id = m.participant_id"
            " JOIN component c ON c.id = m.component_id"
            " WHERE p.selection_id = ? AND p.number = ? AND c.code = ? AND m.assessor = ?",
            (selection_id, participant.strip(), code, assessor.strip()),
        ).fetchone()
        if row is None:
            raise UserError("package.no_conflict", participant=participant, component=code)
        pid, cid, main_claim, main_by, resolved, resolved_for = row
        key = (pid, cid, assessor.strip())
        state = _row_state(connection, [pid])
        claims = dict(state.claims.get(key, {}))
        if main_claim is not None:
            claims[MAIN] = main_claim
        if not in_conflict(claims, resolved, resolved_for):
            raise UserError("package.no_conflict", participant=participant, component=code)
        authors = {state.claim_who[(key, s)][0] for s in claims if s != MAIN}
        if main_claim is not None and main_by:
            authors.add(main_by)
        if actor.name in authors:
            raise PermissionDenied("double.own_entry")
        wanted = choice.strip().casefold()
        main_label = t("package.main_source").casefold()
        chosen = next(
            (
                v
                for s, v in sorted(claims.items())
                if wanted in {(main_label if s == MAIN else s.casefold()), shown(v).casefold()}
            ),
            None,
        )
        if chosen is None:
            raise UserError(
                "package.bad_choice",
                value=choice,
                choices="; ".join(
                    f"{t('package.main_source') if s == MAIN else s}: {shown(v)}"
                    for s, v in sorted(claims.items())
                ),
            )
        by, at = next(
            state.who(key, s, actor.name) for s, v in sorted(claims.items()) if v == chosen
        )
        _write_rows(connection, [(key, chosen, by, at)])
        connection.execute(
            "UPDATE merged_row SET merged = ?, resolved = ?, resolved_for = ?"
            " WHERE participant_id = ? AND component_id = ? AND assessor = ?",
            (chosen, chosen, fingerprint(claims), *key),
        )
        action.touch_participant(participant.strip())
        action.audit(
            "package.resolved",
            entity="score",
            key=score_key(code, key[2]),
            participant=participant.strip(),
            old={
                (t("package.main_source") if s == MAIN else s): shown(v)
                for s, v in sorted(claims.items())
            },
            new={"confirmed": rows_as_json(rows_from(chosen))},
            reason=reason,
        )
    return action.changes
