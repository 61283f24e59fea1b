"""Drafts of a new policy (rancangan kebijakan), their FGD judgments, and adoption (issue #14).

A draft starts as a copy of a selection's scheme, kept as the TOML a scheme file is, so that
it can say anything a scheme can (weights, thresholds, tie-break order, rubric aspects) and
can never touch the selection it came from: the selection's own scheme stays in its tables,
and a scheme of a selection that already has scores is never changed by a draft.

The FGD behind a draft is stored as the FGD file's rows (respondent, stakeholder group, the
group's weight, two criteria, the value), one transaction per respondent's form, so the
weights can be computed again at any time from what people said.

"Jadikan skema" (``adopt_draft``): a draft that passes every rule of the scheme validator is
written as a scheme file whose ``source`` names where it came from (the draft, the FGD date,
the stakeholder groups heard, the evaluation it answers), and the draft records the file and
its SHA-256. A draft that breaks a rule says which and cannot be adopted. Every write is
audited; adopting is the admin's (``Action.ADOPT_POLICY``).
"""

from __future__ import annotations

import hashlib
import sqlite3
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from app.clock import utc_now
from app.scoring import Scheme, SchemeInvalid, scheme_from_mapping, validate_scheme
from app.scoring.problems import Problem

from .actor import Actor
from .changes import NO_CHANGES, POLICY, Changes
from .database import Database
from .document_settings import ADOPTED_MARK
from .door import WriteAction, permit, write
from .errors import UserError
from .permissions import Action
from .scheme_edit import SchemeProblems, current_scheme, scheme_as_toml

MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class DraftInfo:
    id: int
    selection_id: int
    name: str
    stage_code: str
    fgd_date: str | None
    answers: str | None
    created_by: str
    created_at: datetime
    adopted_at: datetime | None
    adopted_file: str | None
    adopted_sha256: str | None
    scheme_toml: str
    changes: Changes = field(default=NO_CHANGES, compare=False)

    @property
    def scheme(self) -> Scheme:
        return scheme_from_mapping(tomllib.loads(self.scheme_toml), validate=False)

    @property
    def adopted(self) -> bool:
        return self.adopted_at is not None


@dataclass(frozen=True, slots=True)
class Judgment:
    """One row of the FGD: ``value`` > 1 means ``criterion_a`` matters more."""

    respondent: str
    group: str
    group_weight: str
    criterion_a: str
    criterion_b: str
    value: str


@dataclass(frozen=True, slots=True)
class AdoptedScheme:
    path: Path
    sha256: str
    changes: Changes = field(default=NO_CHANGES, compare=False)


def create_draft(
    db: Database,
    actor: Actor,
    selection_id: int,
    name: str,
    stage_code: str | None = None,
    *,
    answers: str = "",
) -> DraftInfo:
    """A new draft from the selection's scheme as it stands; ``stage_code`` (default: the
    last stage) is the stage whose components the FGD weighs."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError("policy.name_required")
    if len(cleaned) > MAX_NAME:
        raise UserError("policy.name_too_long", maximum=MAX_NAME)
    scheme = current_scheme(db, selection_id)
    codes = [s.code for s in scheme.stages]
    stage = stage_code or codes[-1]
    if stage not in codes:
        raise UserError("stage.not_found", value=stage, choices=codes)
    toml = scheme_as_toml(scheme)
    now = utc_now()
    with write(db, actor, Action.DRAFT_POLICY, selection_id, kinds=[POLICY]) as action:
        cursor = action.connection.execute(
            "INSERT INTO policy_draft (selection_id, name, stage_code, scheme_toml, answers,"
            " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (selection_id, cleaned, stage, toml, answers.strip() or None, actor.name,
             now.isoformat(sep=" ")),
        )  # fmt: skip
        draft_id = int(cursor.lastrowid or 0)
        action.audit(
            "policy.draft_created",
            entity="policy_draft",
            key=str(draft_id),
            new={"name": cleaned, "stage": stage, "scheme": scheme.code},
        )
    return _replace_changes(load_draft(db, draft_id), action.changes)


def list_drafts(db: Database, selection_id: int) -> list[DraftInfo]:
    with db.reading() as connection:
        rows = connection.execute(
            f"SELECT {_COLUMNS} FROM policy_draft WHERE selection_id = ? ORDER BY id",
            (selection_id,),
        ).fetchall()
    return [_info(row) for row in rows]


def load_draft(db: Database, draft_id: int) -> DraftInfo:
    with db.reading() as connection:
        return _one(connection, draft_id)


def save_draft_scheme(db: Database, actor: Actor, draft_id: int, scheme: Scheme) -> DraftInfo:
    """Replace the draft's scheme (weights proposed by the FGD, a threshold, a tie-break
    order…). It is kept even when it breaks a rule (``draft_problems`` says which): a draft
    is work in progress; only adoption requires it to be valid."""
    toml = scheme_as_toml(scheme)
    with db.reading() as connection:
        found = _one(connection, draft_id)
    _not_adopted(found)
    with write(db, actor, Action.DRAFT_POLICY, found.selection_id, kinds=[POLICY]) as action:
        _store_scheme(action, found, toml)
    return _replace_changes(load_draft(db, draft_id), action.changes)


def _store_scheme(action: WriteAction, found: DraftInfo, toml: str) -> None:
    """The draft's new scheme, with the old and the new in the audit trail."""
    action.connection.execute(
        "UPDATE policy_draft SET scheme_toml = ? WHERE id = ? AND adopted_at IS NULL",
        (toml, found.id),
    )
    action.audit(
        "policy.draft_changed",
        entity="policy_draft",
        key=str(found.id),
        old={"scheme": found.scheme_toml},
        new={"scheme": toml},
    )


def draft_problems(draft: DraftInfo) -> list[Problem]:
    """What stops the draft from being adopted: every rule of the scheme validator."""
    return validate_scheme(draft.scheme)


def judgments(db: Database, draft_id: int) -> list[Judgment]:
    """The FGD's rows, respondent by respondent in the order they were entered."""
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT respondent, stakeholder_group, group_weight, criterion_a, criterion_b, value"
            " FROM fgd_judgment WHERE draft_id = ? ORDER BY id",
            (draft_id,),
        ).fetchall()
    return [Judgment(*(str(v) for v in row)) for row in rows]


def save_respondent(
    db: Database,
    actor: Actor,
    draft_id: int,
    respondent: str,
    rows: Sequence[Judgment],
) -> Changes:
    """Store one respondent's form: their rows replace whatever they said before, in one
    transaction (a form saved twice is the second form, never a mixture)."""
    name = " ".join(respondent.split())
    if not name:
        raise UserError("policy.respondent_required")
    if any(" ".join(r.respondent.split()) != name for r in rows):
        raise UserError("policy.respondent_mixed", respondent=name)
    pairs = [(r.criterion_a, r.criterion_b) for r in rows]
    twice = {p for p in pairs if pairs.count(p) > 1 or (p[1], p[0]) in pairs}
    if twice:
        a, b = sorted(twice)[0]
        raise UserError("policy.pair_twice", a=a, b=b, respondent=name)
    with db.reading() as connection:
        found = _one(connection, draft_id)
    _not_adopted(found)
    now = utc_now().isoformat(sep=" ")
    with write(db, actor, Action.DRAFT_POLICY, found.selection_id, kinds=[POLICY]) as action:
        connection = action.connection
        before = connection.execute(
            "SELECT count(*) FROM fgd_judgment WHERE draft_id = ? AND respondent = ?",
            (draft_id, name),
        ).fetchone()[0]
        connection.execute(
            "DELETE FROM fgd_judgment WHERE draft_id = ? AND respondent = ?", (draft_id, name)
        )
        connection.executemany(
            "INSERT INTO fgd_judgment (draft_id, respondent, stakeholder_group, group_weight,"
            " criterion_a, criterion_b, value, entered_by, entered_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (draft_id, name, " ".join(r.group.split()), r.group_weight.strip(),
                 r.criterion_a, r.criterion_b, r.value.strip(), actor.name, now)
                for r in rows
            ],
        )  # fmt: skip
        action.audit(
            "policy.respondent_saved",
            entity="policy_draft",
            key=str(draft_id),
            old={"respondent": name, "rows": before},
            new={
                "respondent": name,
                "rows": len(rows),
                "judgments": [[r.criterion_a, r.criterion_b, r.value.strip()] for r in rows],
            },
        )
    return action.changes


def draft_weights(db: Database, draft_id: int, *, exclude_inconsistent: bool = False) -> Any:
    """The FGD's weights from the draft's stored judgments (``fgd.FgdWeights``), proposed
    into the draft's own scheme and stage (``.draft``: the scheme with those weights and the
    rules it would break). Reads only."""
    from .fgd import weigh_rows

    with db.reading() as connection:
        found = _one(connection, draft_id)
    rows = [
        (
            index,
            {
                "responden": j.respondent,
                "kelompok": j.group,
                "bobot_kelompok": j.group_weight,
                "kriteria_a": j.criterion_a,
                "kriteria_b": j.criterion_b,
                "nilai": j.value,
            },
        )
        for index, j in enumerate(judgments(db, draft_id), start=1)
    ]
    if not rows:
        raise UserError("policy.no_judgments", name=found.name)
    return weigh_rows(
        rows,
        source=found.name,
        exclude_inconsistent=exclude_inconsistent,
        scheme=found.scheme,
        stage=found.stage_code,
    )


def propose_fgd_weights(
    db: Database, actor: Actor, draft_id: int, *, exclude_inconsistent: bool = False
) -> DraftInfo:
    """Put the FGD's weights (whole percentages summing to 100) into the draft's scheme;
    the choice to leave inconsistent respondents out is part of the record."""
    weighed = draft_weights(db, draft_id, exclude_inconsistent=exclude_inconsistent)
    proposal = weighed.draft
    assert proposal is not None
    found = load_draft(db, draft_id)
    _not_adopted(found)
    toml = scheme_as_toml(proposal.scheme)
    # One action: the weights and why (who was left out) are stored together or not at all.
    with write(db, actor, Action.DRAFT_POLICY, found.selection_id, kinds=[POLICY]) as action:
        _store_scheme(action, found, toml)
        action.audit(
            "policy.fgd_weights",
            entity="policy_draft",
            key=str(draft_id),
            new={
                "exclude_inconsistent": exclude_inconsistent,
                "excluded": [e.respondent for e in weighed.result.excluded],
                "group_cr": weighed.result.top.group.cr,
                "percent": {k: int(v) for k, v in proposal.components.items()},
            },
        )
    return replace(load_draft(db, draft_id), changes=action.changes)


def import_fgd_file(db: Database, actor: Actor, draft_id: int, path: Path) -> Changes:
    """Every respondent of an FGD file into the draft, in one transaction: checked first as
    ``seleksi fgd weights`` checks it (every bad row named, nothing stored); a respondent
    already in the draft is replaced by the file's rows."""
    from .fgd import COLUMNS, weigh_rows
    from .participants_import import open_table

    with db.reading() as connection:
        found = _one(connection, draft_id)
    _not_adopted(found)
    table = open_table(Path(path), COLUMNS)
    weigh_rows(table.rows, source=Path(path).name, scheme=found.scheme, stage=found.stage_code)
    rows = [cells for _row, cells in table.rows if (cells.get("nilai") or "").strip()]
    people = sorted({" ".join(c["responden"].split()) for c in rows})
    now = utc_now().isoformat(sep=" ")
    with write(db, actor, Action.DRAFT_POLICY, found.selection_id, kinds=[POLICY]) as action:
        connection = action.connection
        connection.executemany(
            "DELETE FROM fgd_judgment WHERE draft_id = ? AND respondent = ?",
            [(draft_id, name) for name in people],
        )
        connection.executemany(
            "INSERT INTO fgd_judgment (draft_id, respondent, stakeholder_group, group_weight,"
            " criterion_a, criterion_b, value, entered_by, entered_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (draft_id, " ".join(c["responden"].split()), " ".join(c["kelompok"].split()),
                 c["bobot_kelompok"].strip(), c["kriteria_a"].strip().upper(),
                 c["kriteria_b"].strip().upper(), c["nilai"].strip(), actor.name, now)
                for c in rows
            ],
        )  # fmt: skip
        action.audit(
            "policy.fgd_imported",
            entity="policy_draft",
            key=str(draft_id),
            new={"file": Path(path).name, "sha256": table.sha256, "respondents": people,
                 "rows": len(rows)},
        )  # fmt: skip
    return action.changes


def adopt_draft(
    db: Database,
    actor: Actor,
    draft_id: int,
    out: Path,
    *,
    fgd_date: str = "",
    groups: Sequence[str] = (),
    group_cr: float | None = None,
) -> AdoptedScheme:
    """Write the draft as a scheme file (refused whole when any rule is broken), with its
    sources in ``source``; the draft records the file and its SHA-256."""
    from .announcements import write_atomically

    permit(db, actor, Action.ADOPT_POLICY)
    with db.reading() as connection:
        found = _one(connection, draft_id)
    _not_adopted(found)
    scheme = found.scheme
    problems = validate_scheme(scheme)
    if problems:
        raise SchemeProblems(SchemeInvalid(problems))
    sources = [scheme.source] if scheme.source else []
    said = [f"{ADOPTED_MARK}{found.name}»"]
    if fgd_date:
        said.append(f"FGD {fgd_date}")
    if groups:
        said.append("pemangku kepentingan: " + ", ".join(groups))
    if group_cr is not None:
        said.append(f"CR kelompok {group_cr:.3f}".replace(".", ","))
    if found.answers:
        said.append(f"menjawab: {found.answers}")
    sources.append("; ".join(said))
    adopted = replace(scheme, source=" — ".join(sources))
    text = scheme_as_toml(adopted)
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    try:
        write_atomically(Path(out), data)
    except OSError as error:
        raise UserError("cli.cannot_write", path=out, detail=error.strerror) from error
    now = utc_now().isoformat(sep=" ")
    with write(db, actor, Action.ADOPT_POLICY, found.selection_id, kinds=[POLICY]) as action:
        action.connection.execute(
            "UPDATE policy_draft SET adopted_at = ?, adopted_by = ?, adopted_file = ?,"
            " adopted_sha256 = ?, fgd_date = ? WHERE id = ?",
            (now, actor.name, str(out), digest, fgd_date or found.fgd_date, draft_id),
        )
        action.audit(
            "policy.adopted",
            entity="policy_draft",
            key=str(draft_id),
            new={"file": Path(out).name, "sha256": digest, "source": adopted.source},
        )
    return AdoptedScheme(Path(out), digest, action.changes)


# -- reading rows ----------------------------------------------------------------------------

_COLUMNS = (
    "id, selection_id, name, stage_code, fgd_date, answers, created_by, created_at,"
    " adopted_at, adopted_file, adopted_sha256, scheme_toml"
)


def _one(connection: sqlite3.Connection, draft_id: int) -> DraftInfo:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM policy_draft WHERE id = ?", (draft_id,)
    ).fetchone()
    if row is None:
        raise UserError("policy.not_found", id=draft_id)
    return _info(row)


def _moment(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _info(row: Sequence[object]) -> DraftInfo:
    created = _moment(row[7])
    assert created is not None
    return DraftInfo(
        id=int(str(row[0])),
        selection_id=int(str(row[1])),
        name=str(row[2]),
        stage_code=str(row[3]),
        fgd_date=None if row[4] is None else str(row[4]),
        answers=None if row[5] is None else str(row[5]),
        created_by=str(row[6]),
        created_at=created,
        adopted_at=_moment(row[8]),
        adopted_file=None if row[9] is None else str(row[9]),
        adopted_sha256=None if row[10] is None else str(row[10]),
        scheme_toml=str(row[11]),
    )


def _not_adopted(draft: DraftInfo) -> None:
    # Adopted is on the record with its file's fingerprint: a later edit would make the
    # record say something the file does not.
    if draft.adopted:
        raise UserError("policy.adopted_already", name=draft.name, file=draft.adopted_file)


def _replace_changes(draft: DraftInfo, changes: Changes) -> DraftInfo:
    return replace(draft, changes=changes)
