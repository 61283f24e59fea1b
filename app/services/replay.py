"""The audit replay: the state the events describe, compared with what the tables hold.

A hash chain proves that no event was edited, but not that the tables still hold what the
events say: an ``UPDATE score`` typed into the ``sqlite3`` shell writes no event at all. So
``audit verify`` replays the trail from the first event, building the confirmed scores, the
marks, the finalizations and the accounts that the events describe, and names every row where
the table and the trail disagree: which participant, component and assessor, the value stored
and the value audited, and the event that set the audited one.

What an event must carry for this: typed, undone, confirmed and decided scores carry the
sheet row's values after the change (``new``); an import carries every value it wrote in its
``detail`` (since migration 0007, ``imported_values_detail``); marks, finalizations, reopenings,
accounts and a renamed formation carry what they changed. Where the trail cannot say (a file
older than its audit trail, an import recorded before imports kept their values, an event this
version does not know how to replay) the rows concerned are listed as not checked, with the
reason, rather than reported as tampered.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any, Protocol

from app.messages import t
from app.scoring.score_rows import StoredRow, display

from .audit import has_detail_column, pack_detail, unpack_detail
from .database import Database

# Score events whose ``new`` is the sheet row's values after the change.
ROW_EVENTS = frozenset(
    {
        "score.entered",
        "score.replaced",
        "score.cleared",
        "score.undone",
        "score.redone",
        "score.confirmed",
        "score.unconfirmed",
    }
)
# Decisions whose ``new`` holds the confirmed rows under ``confirmed``.
RESOLVED_EVENTS = frozenset({"score.resolved", "package.resolved"})
# Events of accounts that change nothing the replay compares (role, active, existence).
USER_NEUTRAL = frozenset({"login", "login.failed", "login.refused_locked", "user.locked"})
# At most this many differences are kept (the count is exact): a file whose every score was
# changed must not fill the memory with their descriptions.
KEEP_DIFFERENCES = 1_000

ScoreKey = tuple[int, str, str, str]  # selection, participant number, component, assessor
Rows = tuple[tuple[str, str], ...]  # (aspect, value as the sheet shows it), by aspect


class _ImportedValue(Protocol):
    """What an importer's value gives (``scores_import.ScoreValue``), read-only."""

    @property
    def participant_id(self) -> int: ...
    @property
    def component_id(self) -> int: ...
    @property
    def assessor(self) -> str: ...
    @property
    def aspect(self) -> str: ...
    @property
    def milli(self) -> int | None: ...
    @property
    def text(self) -> str | None: ...
    @property
    def absent(self) -> bool: ...


# The columns of an import's detail, one list each (a list per column is built and turned
# into JSON in a third of the time one small list per value takes).
IMPORT_COLUMNS = ("participant", "component", "assessor", "aspect", "value")


def imported_values_detail(
    values: Sequence[_ImportedValue], numbers: Mapping[int, str], codes: Mapping[int, str]
) -> bytes:
    """The ``detail`` of an import event: every value it wrote, by participant number and
    component code (the ids of a file mean nothing to a reader of its trail), column by
    column. A value is the milli-points as an integer, the category as text, or ``null``
    for TH."""
    columns = {
        "participant": list(map(numbers.__getitem__, map(attrgetter("participant_id"), values))),
        "component": list(map(codes.__getitem__, map(attrgetter("component_id"), values))),
        "assessor": list(map(attrgetter("assessor"), values)),
        "aspect": list(map(attrgetter("aspect"), values)),
        "value": [None if v.absent else v.text if v.text is not None else v.milli for v in values],
    }
    return pack_detail(columns)


@dataclass(frozen=True, slots=True)
class Difference:
    """One row where the table and the trail disagree; ``stored``/``audited`` in words."""

    table: str  # "score", "mark", "finalization", "user"
    subject: str
    stored: str
    audited: str
    event_id: int | None

    def text(self) -> str:
        where = t("replay.event", id=self.event_id) if self.event_id else t("replay.no_event")
        return t(
            "replay.difference",
            subject=self.subject,
            stored=self.stored,
            audited=self.audited,
            where=where,
        )


@dataclass(slots=True)
class ReplayReport:
    """``differences`` (at most ``KEEP_DIFFERENCES``, ``count`` of all), rows compared per
    table (``checked``) and, in words, what could not be checked and why (``unchecked``)."""

    differences: list[Difference] = field(default_factory=list)
    count: int = 0
    checked: dict[str, int] = field(default_factory=dict)
    unchecked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.count == 0

    def add(self, difference: Difference) -> None:
        self.count += 1
        if len(self.differences) < KEEP_DIFFERENCES:
            self.differences.append(difference)


@dataclass(slots=True)
class _State:
    """What the events describe, built event by event."""

    selections: set[int] = field(default_factory=set)
    scores: dict[ScoreKey, tuple[Rows, int]] = field(default_factory=dict)
    unsure_scores: dict[ScoreKey, str] = field(default_factory=dict)
    legacy_imports: dict[int, list[int]] = field(default_factory=dict)
    marks: dict[tuple[int, str, str, str], int] = field(default_factory=dict)
    unsure_marks: set[tuple[int, str]] = field(default_factory=set)
    finals: dict[tuple[int, str, str], int] = field(default_factory=dict)
    unsure_finals: dict[int, str] = field(default_factory=dict)
    users: dict[str, tuple[str, bool, int]] = field(default_factory=dict)
    unsure_users: dict[str, str] = field(default_factory=dict)
    first_at: str | None = None


def replay(db: Database) -> ReplayReport:
    """Replay the trail of ``db`` and compare it with the tables (one read snapshot)."""
    with db.reading() as connection:
        return replay_on(connection)


def replay_on(connection: sqlite3.Connection) -> ReplayReport:
    state = _State()
    detail = "detail" if has_detail_column(connection) else "NULL"
    rows = connection.execute(
        "SELECT id, at, action, selection_id, entity, entity_key, participant, old, new,"
        f" {detail} FROM audit_event ORDER BY id"
    )
    for row in rows:
        _apply(state, *row)
    report = ReplayReport()
    _compare_scores(connection, state, report)
    _compare_marks(connection, state, report)
    _compare_finals(connection, state, report)
    _compare_users(connection, state, report)
    return report


# -- the events ------------------------------------------------------------------------------


def _load(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _rows(value: Any) -> Rows | None:
    """A score event's rows as the replay keeps them, or ``None`` if ``value`` is not rows."""
    if not isinstance(value, list):
        return None
    found = []
    for item in value:
        if not isinstance(item, dict) or "aspect" not in item or "value" not in item:
            return None
        found.append((str(item["aspect"]), str(item["value"])))
    return tuple(sorted(found))


def _apply(
    state: _State,
    event_id: int,
    at: str,
    action: str,
    selection_id: int | None,
    entity: str,
    key: str,
    participant: str,
    old_text: str | None,
    new_text: str | None,
    blob: bytes | None,
) -> None:
    if state.first_at is None:
        state.first_at = at
    sid = selection_id if selection_id is not None else 0
    if action == "selection.created":
        if key.isdigit():
            state.selections.add(int(key))
        return
    if entity == "score":
        component, _, assessor = key.partition("|")
        score_key = (sid, participant, component, assessor)
        new = _load(new_text)
        if action in RESOLVED_EVENTS and isinstance(new, dict):
            new = new.get("confirmed")
        rows = _rows(new) if action in ROW_EVENTS or action in RESOLVED_EVENTS else None
        if rows is None:
            state.scores.pop(score_key, None)
            state.unsure_scores[score_key] = action
        else:
            state.unsure_scores.pop(score_key, None)
            state.scores[score_key] = (rows, event_id)
        return
    if action == "import.scores":
        if blob is None:
            state.legacy_imports.setdefault(sid, []).append(event_id)
        else:
            _apply_import(state, sid, event_id, unpack_detail(blob))
        return
    if entity == "mark":
        new = _load(new_text)
        if action == "participant.marked" and isinstance(new, dict):
            mark = (sid, participant, str(new.get("kind")), str(new.get("stage")))
            state.marks[mark] = event_id
        else:
            state.unsure_marks.add((sid, participant))
        return
    if entity == "finalization":
        _apply_finalization(state, sid, event_id, action, _load(old_text), _load(new_text))
        return
    if action == "formation.saved":
        _apply_formation_saved(state, sid, event_id, _load(old_text), _load(new_text))
        return
    if action == "formation.deleted":
        for final in [f for f in state.finals if f[0] == sid and f[2] == key]:
            del state.finals[final]  # only an empty formation goes; its finalizations with it
        return
    if action == "scheme.edited":
        new = _load(new_text)
        if isinstance(new, dict) and isinstance(new.get("stages"), list):
            kept = {str(s.get("code")) for s in new["stages"] if isinstance(s, dict)}
            for final in [f for f in state.finals if f[0] == sid and f[1] not in kept]:
                del state.finals[final]  # a stage that goes takes its finalizations along
        return
    if action == "package.imported":
        _apply_package(state, sid, event_id, None if blob is None else unpack_detail(blob))
        return
    if action == "device.prepared" and blob is not None:
        _apply_prepared(state, sid, unpack_detail(blob))
        return
    if entity == "user":
        _apply_user(state, event_id, action, key, _load(new_text))


def _apply_package(state: _State, sid: int, event_id: int, detail: Any) -> None:
    """A merged package: every sheet row it wrote, as the rows after the merge, and the
    marks it added (``packages.import_package``)."""
    rows = detail.get("rows") if isinstance(detail, dict) else None
    marks = detail.get("marks") if isinstance(detail, dict) else None
    if not isinstance(rows, list) or not isinstance(marks, list):
        state.legacy_imports.setdefault(sid, []).append(event_id)
        return
    for number, component, assessor, values in rows:
        score_key = (sid, str(number), str(component), str(assessor))
        found = _rows([{"aspect": a, "value": v} for a, v in values])
        state.unsure_scores.pop(score_key, None)
        state.scores[score_key] = (found or (), event_id)
    for number, kind, stage in marks:
        state.marks[(sid, str(number), str(kind), str(stage))] = event_id


def _apply_prepared(state: _State, sid: int, detail: Any) -> None:
    """A field laptop's file was made from the main one keeping only some participants
    (``devices.prepare_laptop``): what the events said of the others is no longer here."""
    kept = detail.get("participants") if isinstance(detail, dict) else None
    if not isinstance(kept, list):
        return
    numbers = {str(number) for number in kept}

    def stays(key: tuple[Any, ...]) -> bool:
        return key[0] == sid and key[1] in numbers

    for table in (state.scores, state.unsure_scores):
        for score_key in [k for k in table if not stays(k)]:
            del table[score_key]
    for mark in [m for m in state.marks if not stays(m)]:
        del state.marks[mark]
    state.unsure_marks = {m for m in state.unsure_marks if stays(m)}


def _apply_import(state: _State, sid: int, event_id: int, detail: Any) -> None:
    """The import's values as ``store_scores`` writes them: a whole value (or TH) replaces
    the assessor's aspect values of that component, an aspect value replaces a whole one."""
    found = [detail.get(name) for name in IMPORT_COLUMNS] if isinstance(detail, dict) else []
    columns = [column for column in found if isinstance(column, list)]
    if len(columns) != len(IMPORT_COLUMNS) or len({len(c) for c in columns}) != 1:
        state.legacy_imports.setdefault(sid, []).append(event_id)  # a detail it cannot read
        return
    rows = zip(*columns, strict=True)
    for number, component, assessor, aspect, raw in rows:
        score_key = (sid, str(number), str(component), str(assessor))
        value = _value_text(str(aspect), raw)
        held, _ = state.scores.get(score_key, ((), 0))
        kept = [(a, v) for a, v in held if a and a != aspect] if aspect else []
        state.unsure_scores.pop(score_key, None)
        state.scores[score_key] = (tuple(sorted([*kept, (str(aspect), value)])), event_id)


def _value_text(aspect: str, raw: object) -> str:
    """An imported value as the sheet shows it (the events of typed values hold that text)."""
    if raw is None:
        return _shown(None, None, True)
    if isinstance(raw, str):
        return _shown(None, raw, False)
    return _shown(int(str(raw)), None, False)


@lru_cache(maxsize=1 << 16)
def _shown(milli: int | None, text: str | None, absent: bool) -> str:
    """``display`` of one value; the same few thousand values recur across 300k rows, so
    each is formatted once."""
    return display(StoredRow("", milli, text, absent))


def _apply_finalization(
    state: _State, sid: int, event_id: int, action: str, old: Any, new: Any
) -> None:
    if action == "stage.finalized" and isinstance(new, dict):
        for formation in new.get("formations") or ():
            state.finals[(sid, str(new.get("stage")), str(formation))] = event_id
    elif action == "stage.reopened" and isinstance(old, dict):
        for formation in old.get("formations") or ():
            state.finals.pop((sid, str(old.get("stage")), str(formation)), None)
    else:
        state.unsure_finals[sid] = action


def _apply_formation_saved(state: _State, sid: int, event_id: int, old: Any, new: Any) -> None:
    """A formation whose code changed keeps its finalizations under the new code."""
    del old, event_id
    if not isinstance(new, dict):
        return
    code = str(new.get("code"))
    if "previous_code" not in new:
        # Before formation events said which code they replaced, a rename cannot be followed.
        if any(f[0] == sid for f in state.finals):
            state.unsure_finals.setdefault(sid, "formation.saved")
        return
    previous = new["previous_code"]
    if previous is None or previous == code:
        return
    for final in [f for f in state.finals if f[0] == sid and f[2] == previous]:
        state.finals[(sid, final[1], code)] = state.finals.pop(final)


def _apply_user(state: _State, event_id: int, action: str, key: str, new: Any) -> None:
    if action in USER_NEUTRAL or action.startswith("login"):
        return
    if action == "user.added" and isinstance(new, dict):
        state.users[str(new.get("username", key))] = (str(new.get("role")), True, event_id)
        state.unsure_users.pop(key, None)
    else:
        state.unsure_users[key] = action


# -- the tables ------------------------------------------------------------------------------


def _rows_text(rows: Rows) -> str:
    if not rows:
        return t("replay.empty")
    if len(rows) == 1 and not rows[0][0]:
        return rows[0][1]
    return ", ".join(f"{aspect} {value}" if aspect else value for aspect, value in rows)


def _score_subject(key: ScoreKey) -> str:
    _sid, number, component, assessor = key
    who = t("replay.assessor", assessor=assessor) if assessor else ""
    return t("replay.score_subject", participant=number, component=component, assessor=who)


def _compare_scores(connection: sqlite3.Connection, state: _State, report: ReplayReport) -> None:
    live: dict[ScoreKey, list[tuple[str, str]]] = {}
    for sid, number, component, assessor, aspect, milli, text, absent in connection.execute(
        "SELECT p.selection_id, p.number, c.code, s.assessor, s.aspect, s.value_milli,"
        " s.value_text, s.absent FROM score s JOIN participant p ON p.id = s.participant_id"
        " JOIN component c ON c.id = s.component_id"
    ):
        value = _shown(milli, text, bool(absent))
        live.setdefault((sid, number, component, assessor), []).append((aspect, value))
    before_trail: dict[int, int] = {}
    from_legacy: dict[int, int] = {}
    unsure: dict[str, int] = {}
    checked = 0
    for key in sorted(set(live) | set(state.scores)):
        stored = tuple(sorted(live.get(key, ())))
        audited, event_id = state.scores.get(key, ((), 0))
        sid = key[0]
        if sid not in state.selections:
            before_trail[sid] = before_trail.get(sid, 0) + len(stored)
            continue
        if key in state.unsure_scores:
            action = state.unsure_scores[key]
            unsure[action] = unsure.get(action, 0) + 1
            continue
        legacy = state.legacy_imports.get(sid)
        if legacy and legacy[-1] > event_id:
            # An import recorded before imports kept their values may have written this row.
            if stored != audited:
                from_legacy[sid] = from_legacy.get(sid, 0) + 1
            continue
        checked += 1
        if stored != audited:
            report.add(
                Difference(
                    "score", _score_subject(key), _rows_text(stored), _rows_text(audited), event_id
                )
            )
    report.checked["score"] = checked
    for sid, count in sorted(before_trail.items()):
        if count:
            report.unchecked.append(t("replay.before_trail", selection=sid, count=count))
    for sid, count in sorted(from_legacy.items()):
        events = ", ".join(f"#{e}" for e in state.legacy_imports[sid])
        report.unchecked.append(
            t("replay.legacy_import", selection=sid, count=count, events=events)
        )
    for action, count in sorted(unsure.items()):
        report.unchecked.append(t("replay.unknown_event", action=action, count=count))


def _compare_marks(connection: sqlite3.Connection, state: _State, report: ReplayReport) -> None:
    live = {
        (sid, number, kind, stage)
        for sid, number, kind, stage in connection.execute(
            "SELECT p.selection_id, p.number, m.kind, st.code FROM participant_mark m"
            " JOIN participant p ON p.id = m.participant_id JOIN stage st ON st.id = m.stage_id"
        )
    }
    checked = 0
    for mark in sorted(live | set(state.marks)):
        sid, number, kind, stage = mark
        if sid not in state.selections or (sid, number) in state.unsure_marks:
            continue
        checked += 1
        present, audited = mark in live, mark in state.marks
        if present != audited:
            subject = t("replay.mark_subject", participant=number, kind=kind, stage=stage)
            report.add(
                Difference(
                    "mark",
                    subject,
                    t("replay.present" if present else "replay.absent"),
                    t("replay.present" if audited else "replay.absent"),
                    state.marks.get(mark),
                )
            )
    report.checked["mark"] = checked


def _compare_finals(connection: sqlite3.Connection, state: _State, report: ReplayReport) -> None:
    live = {
        (sid, stage, formation)
        for sid, stage, formation in connection.execute(
            "SELECT st.selection_id, st.code, f.code FROM finalization x"
            " JOIN stage st ON st.id = x.stage_id JOIN formation f ON f.id = x.formation_id"
        )
    }
    checked = 0
    for final in sorted(live | set(state.finals)):
        sid, stage, formation = final
        if sid not in state.selections:
            continue
        if sid in state.unsure_finals:
            continue
        checked += 1
        present, audited = final in live, final in state.finals
        if present != audited:
            subject = t("replay.final_subject", stage=stage, formation=formation)
            report.add(
                Difference(
                    "finalization",
                    subject,
                    t("replay.final" if present else "replay.not_final"),
                    t("replay.final" if audited else "replay.not_final"),
                    state.finals.get(final),
                )
            )
    report.checked["finalization"] = checked
    for sid, action in sorted(state.unsure_finals.items()):
        report.unchecked.append(t("replay.finals_unsure", selection=sid, action=action))


def _compare_users(connection: sqlite3.Connection, state: _State, report: ReplayReport) -> None:
    live = {
        name: (role, bool(active), created)
        for name, role, active, created in connection.execute(
            "SELECT username, role, active, created_at FROM app_user"
        )
    }
    checked = 0
    before: list[str] = []
    for name in sorted(set(live) | set(state.users)):
        if name in state.unsure_users:
            report.unchecked.append(
                t("replay.user_unsure", user=name, action=state.unsure_users[name])
            )
            continue
        role, active, created = live.get(name, ("", False, ""))
        audited = state.users.get(name)
        if audited is None and name in live and state.first_at and str(created) < state.first_at:
            before.append(name)  # made before the trail began
            continue
        checked += 1
        stored_text = _user_text(role, active) if name in live else t("replay.absent")
        audited_text = _user_text(audited[0], audited[1]) if audited else t("replay.absent")
        if stored_text != audited_text:
            report.add(
                Difference(
                    "user",
                    t("replay.user_subject", user=name),
                    stored_text,
                    audited_text,
                    audited[2] if audited else None,
                )
            )
    report.checked["user"] = checked
    if before:
        report.unchecked.append(t("replay.users_before_trail", users=before))


def _user_text(role: str, active: bool) -> str:
    return t("replay.user_state", role=role) if active else t("replay.user_inactive", role=role)
