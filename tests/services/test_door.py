"""The one door for writes: one permission table, one transaction, and what changed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.services.actor import Actor
from app.services.changes import (
    ALL,
    MARKS,
    NO_CHANGES,
    SCORES,
    Changes,
    Outcome,
)
from app.services.database import Database
from app.services.door import write
from app.services.errors import PermissionDenied, UserError
from app.services.marks import mark_participant
from app.services.participants_import import import_formations, import_participants
from app.services.permissions import PERMISSIONS, ROLES, Action, allowed, require
from app.services.scores_import import import_scores
from app.services.selections import SelectionInfo

ADMIN = Actor("ketua", "admin")
OPERATOR = Actor("opi", "operator")
ASSESSOR = Actor("budi", "penilai")


def _events(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def selection(
    make_selection: Callable[..., SelectionInfo],
    db: Database,
    write_csv: Callable[..., Path],
    tmp_path: Path,
) -> SelectionInfo:
    info = make_selection("binjai-kompetensi")
    formations = write_csv(
        tmp_path / "f.csv",
        ["kode_formasi", "jabatan", "kebutuhan"],
        [["BNJ-01", "Perawat", "1"], ["BNJ-02", "Dokter", "1"]],
    )
    import_formations(db, ADMIN, info.id, formations)
    people = write_csv(
        tmp_path / "p.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [["001", "Rina", "1995-01-01", "BNJ-01"], ["002", "Sari", "1996-02-02", "BNJ-02"]],
    )
    import_participants(db, ADMIN, info.id, people)
    return info


def test_every_action_has_roles_and_only_known_roles() -> None:
    assert set(PERMISSIONS) == set(Action)
    for roles in PERMISSIONS.values():
        assert roles and roles <= set(ROLES)
    # what the committee agreed: only the admin decides, finalizes, publishes and restores
    for action in (
        Action.FINALIZE,
        Action.REOPEN,
        Action.ISSUE_ANNOUNCEMENT,
        Action.RESOLVE_MISMATCH,
        Action.SEE_OTHER_ROUND,
        Action.RESTORE_BACKUP,
        Action.EDIT_SCHEME,
        Action.MANAGE_USERS,
    ):
        assert PERMISSIONS[action] == {"admin"}, action
    assert allowed("penilai", Action.ENTER_SCORE)
    assert not allowed("penilai", Action.IMPORT_SCORES)
    assert allowed("operator", Action.IMPORT_SCORES)


def test_refusals_say_whether_only_an_admin_may() -> None:
    with pytest.raises(PermissionDenied) as admin_only:
        require(OPERATOR, Action.FINALIZE)
    assert admin_only.value.message == "permission.admin_only"
    with pytest.raises(PermissionDenied) as denied:
        require(ASSESSOR, Action.MARK_PARTICIPANT)
    assert denied.value.message == "permission.denied"
    require(ADMIN, Action.FINALIZE)  # no exception


def test_a_refused_write_runs_nothing_and_leaves_a_trace(db: Database, db_path: Path) -> None:
    before = _events(db_path)
    with pytest.raises(PermissionDenied), write(db, ASSESSOR, Action.MARK_PARTICIPANT, 1):
        raise AssertionError("the block must not run")
    # Who tried what is part of the history (issue #9): one event, nothing else.
    assert _events(db_path) == before + 1
    with sqlite3.connect(db_path) as connection:
        last = connection.execute(
            "SELECT actor, action, entity_key, selection_id FROM audit_event"
            " ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert last == (ASSESSOR.name, "permission.refused", "participants.mark", 1)


def test_a_failing_write_keeps_neither_change_nor_audit_event(
    db: Database, db_path: Path, selection: SelectionInfo
) -> None:
    before = _events(db_path)
    with pytest.raises(UserError), write(db, ADMIN, Action.EDIT_FORMATIONS, selection.id) as act:
        act.connection.execute("UPDATE formation SET quota = 9")
        act.audit("formation.saved", entity="formation", key="BNJ-01")
        raise UserError("formation.not_found", value="X")
    assert _events(db_path) == before
    connection = sqlite3.connect(db_path)
    assert connection.execute("SELECT max(quota) FROM formation").fetchone()[0] == 1
    connection.close()


def test_changes_are_known_only_after_the_commit(db: Database, selection: SelectionInfo) -> None:
    with write(db, ADMIN, Action.EDIT_FORMATIONS, selection.id, kinds=["formations"]) as act:
        act.touch_formations("BNJ-02", "")
        with pytest.raises(RuntimeError):
            _ = act.changes
    changes = act.changes
    assert changes == Changes(
        kinds=frozenset({"formations"}),
        selection_id=selection.id,
        formations=frozenset({"BNJ-02"}),
        actor="ketua",
    )


def test_a_mark_changes_its_formation_only(db: Database, selection: SelectionInfo) -> None:
    info = mark_participant(db, OPERATOR, selection.id, "002", "APS", "mengundurkan diri")
    assert info.changes.kinds == {MARKS}
    assert info.changes.formations == {"BNJ-02"}
    assert info.changes.moves_ranking() and not info.changes.external


def test_a_score_file_changes_the_formations_it_scores(
    db: Database, selection: SelectionInfo, write_csv: Callable[..., Path], tmp_path: Path
) -> None:
    scores = write_csv(tmp_path / "s.csv", ["nomor_peserta", "PENGETAHUAN"], [["001", "80"]])
    dry = import_scores(db, OPERATOR, selection.id, scores, dry_run=True)
    assert dry.changes is NO_CHANGES and not dry.changes  # a dry run changes nothing
    done = import_scores(db, OPERATOR, selection.id, scores)
    assert done.changes.kinds == {SCORES}
    assert done.changes.formations == {"BNJ-01"}


def test_merging_changes_widens_to_all_formations_when_one_is_unknown() -> None:
    one = Changes(frozenset({SCORES}), 1, frozenset({"A"}), "x")
    two = Changes(frozenset({MARKS}), 1, frozenset({"B"}), "x")
    assert one.merged(two).formations == {"A", "B"}
    assert one.merged(Changes(frozenset({SCORES}), 1)).formations == frozenset()
    assert Changes.from_elsewhere().kinds == ALL and Changes.from_elsewhere().external
    assert one.merged(Changes.from_elsewhere()).external


def test_outcome_carries_value_and_changes() -> None:
    outcome = Outcome(3, Changes(frozenset({SCORES})))
    assert outcome.value == 3 and outcome.changes.touches(SCORES, MARKS)
