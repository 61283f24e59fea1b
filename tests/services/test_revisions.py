"""Revision stamps: every change that can move a rank advances its formation's stamp only."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from app.migrations import MIGRATIONS_DIR
from app.scoring import Scheme
from app.services.actor import Actor
from app.services.database import Database
from app.services.formations import delete_formation, list_formations, save_formation
from app.services.marks import mark_participant
from app.services.opening import open_database
from app.services.participants_import import import_formations, import_participants
from app.services.revisions import Revisions, read_revisions, selection_revisions
from app.services.scheme_edit import current_scheme, save_scheme
from app.services.score_entry import save_score
from app.services.selections import SelectionInfo

FIX = "salah ketik dari blanko"
HEADER = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"]
PEOPLE = [
    ["001", "Rina Ginting", "1995-03-12", "BNJ-02"],
    ["002", "Andi Siregar", "1994-07-01", "BNJ-02"],
    ["003", "Budi Tarigan", "1996-01-01", "BNJ-03"],
]
WATCHED = ("score", "participant_mark", "participant", "formation", "stage", "component")


@pytest.fixture
def binjai(
    db: Database,
    actor: Actor,
    make_selection: Callable[..., SelectionInfo],
    write_csv: Callable[..., Path],
    tmp_path: Path,
) -> SelectionInfo:
    info = make_selection("binjai-kompetensi")
    import_formations(db, actor, info.id, Path("resources/demo/formasi_binjai.csv"))
    import_participants(db, actor, info.id, write_csv(tmp_path / "peserta.csv", HEADER, PEOPLE))
    return info


def _changed(before: Revisions, after: Revisions) -> set[str]:
    """Formations whose stamp moved; every stamp only ever grows."""
    for code, stamp in after.formations.items():
        assert stamp >= before.formations.get(code, 0)
    return {
        code for code, stamp in after.formations.items() if before.formations.get(code) != stamp
    }


def _step(db: Database, selection: int, change: Callable[[], object]) -> tuple[set[str], bool]:
    """Which formations a change moved, and whether the selection's stamp moved."""
    before = selection_revisions(db, selection)
    change()
    after = selection_revisions(db, selection)
    assert after.selection >= max(after.formations.values())
    return _changed(before, after), after.selection > before.selection


def test_a_selection_without_formations_has_a_stamp_and_no_formations(
    db: Database, make_selection: Callable[..., SelectionInfo]
) -> None:
    info = make_selection("cpns-2024")
    revisions = selection_revisions(db, info.id)
    assert revisions.formations == {} and revisions.selection > 0


def test_a_typed_cleared_and_replaced_score_moves_only_its_formation(
    db: Database, actor: Actor, binjai: SelectionInfo
) -> None:
    enter = lambda: save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "70")  # noqa: E731
    assert _step(db, binjai.id, enter) == ({"BNJ-02"}, True)
    replace = lambda: save_score(db, actor, binjai.id, "003", "PSIKOTES", "61")  # noqa: E731
    assert _step(db, binjai.id, replace) == ({"BNJ-03"}, True)
    clear = lambda: save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "", reason=FIX)  # noqa: E731
    assert _step(db, binjai.id, clear) == ({"BNJ-02"}, True)


def test_a_mark_moves_its_formation(db: Database, actor: Actor, binjai: SelectionInfo) -> None:
    withdraw = lambda: mark_participant(db, actor, binjai.id, "003", "APS", "mengundurkan diri")  # noqa: E731
    assert _step(db, binjai.id, withdraw) == ({"BNJ-03"}, True)


def test_moving_a_participant_moves_both_formations(
    db: Database,
    actor: Actor,
    binjai: SelectionInfo,
    write_csv: Callable[..., Path],
    tmp_path: Path,
) -> None:
    moved = write_csv(tmp_path / "pindah.csv", HEADER, [[*PEOPLE[0][:3], "BNJ-05"]])
    changed, _ = _step(
        db,
        binjai.id,
        lambda: import_participants(db, actor, binjai.id, moved, replace=True, reason="pindah"),
    )
    assert changed == {"BNJ-02", "BNJ-05"}
    added = write_csv(
        tmp_path / "baru.csv", HEADER, [["004", "Sari Sembiring", "1993-05-05", "BNJ-07"]]
    )
    changed, _ = _step(db, binjai.id, lambda: import_participants(db, actor, binjai.id, added))
    assert changed == {"BNJ-07"}


def test_a_quota_change_moves_its_formation(
    db: Database, actor: Actor, binjai: SelectionInfo
) -> None:
    row = next(f for f in list_formations(db, binjai.id) if f.code == "BNJ-03")

    def change_quota() -> None:
        save_formation(
            db, actor, binjai.id, row.code, row.position_title, row.unit, row.education,
            row.quota + 1, formation_id=row.id,
        )  # fmt: skip

    assert _step(db, binjai.id, change_quota) == ({"BNJ-03"}, True)


def test_a_scheme_change_moves_every_formation(
    db: Database, actor: Actor, binjai: SelectionInfo
) -> None:
    scheme = current_scheme(db, binjai.id)
    edited = _with_threshold(scheme, "PSIKOTES")
    changed, selection_moved = _step(
        db, binjai.id, lambda: save_scheme(db, actor, binjai.id, edited)
    )
    assert changed == {f.code for f in list_formations(db, binjai.id)}
    assert selection_moved


def _with_threshold(scheme: Scheme, code: str) -> Scheme:
    """The scheme with one component's passing threshold one point higher."""
    stages = []
    for stage in scheme.stages:
        components = tuple(
            dataclasses.replace(c, threshold=(c.threshold or 0) + 1) if c.code == code else c
            for c in stage.components
        )
        stages.append(dataclasses.replace(stage, components=components))
    return dataclasses.replace(scheme, stages=tuple(stages))


def test_a_name_change_of_the_selection_moves_nothing(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    def rename() -> None:
        with sqlite3.connect(db_path) as connection:
            connection.execute("UPDATE selection SET name = 'Nama baru' WHERE id = ?", (binjai.id,))

    assert _step(db, binjai.id, rename) == (set(), False)


def test_a_formation_made_again_under_the_same_code_never_reuses_a_stamp(
    db: Database, actor: Actor, binjai: SelectionInfo
) -> None:
    empty = next(f for f in list_formations(db, binjai.id) if f.code == "BNJ-09")
    old = selection_revisions(db, binjai.id)
    changed, selection_moved = _step(
        db, binjai.id, lambda: delete_formation(db, actor, binjai.id, empty.id)
    )
    assert changed == set() and selection_moved
    assert "BNJ-09" not in selection_revisions(db, binjai.id).formations
    changed, selection_moved = _step(
        db, binjai.id, lambda: save_formation(db, actor, binjai.id, "BNJ-09", "Baru", "", "", 2)
    )
    assert changed == {"BNJ-09"} and selection_moved
    assert selection_revisions(db, binjai.id).formations["BNJ-09"] > old.formations["BNJ-09"]


def test_writes_outside_the_services_are_seen_too(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    def direct_edit() -> None:
        with sqlite3.connect(db_path) as connection:
            connection.execute(
                "UPDATE component SET weight = '0.5' WHERE code = 'PSIKOTES' AND stage_id IN"
                " (SELECT id FROM stage WHERE selection_id = ?)",
                (binjai.id,),
            )

    changed, selection_moved = _step(db, binjai.id, direct_edit)
    assert changed == {f.code for f in list_formations(db, binjai.id)} and selection_moved


def test_every_watched_table_has_its_three_triggers(db: Database, db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        triggers = {
            (table, name)
            for name, table in connection.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'revision_%'"
            )
        }
    for table in WATCHED:
        for event in ("insert", "update", "delete"):
            assert (table, f"revision_{table}_{event}") in triggers
    assert ("selection", "revision_selection_scheme") in triggers


def test_an_older_file_with_data_upgrades_with_a_stamp_for_every_formation(
    tmp_path: Path,
    write_csv: Callable[..., Path],
) -> None:
    path = tmp_path / "lama.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, "0005_trust")
    engine.dispose()
    # Data written by the previous version of the program.
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO selection (id, name, year, kind, instansi, scheme_code, scheme_name,"
            " scheme_source, regional, created_at) VALUES"
            " (1, 'Lama', 2023, 'lokal', '', 'x', 'x', '', 0, '2023-01-01 00:00:00')"
        )
        raw.executemany(
            "INSERT INTO formation (selection_id, code, position_title, unit, education, quota)"
            " VALUES (1, ?, 'Jabatan', '', '', 1)",
            [("A-1",), ("A-2",)],
        )
    database = open_database(path)
    try:
        with database.reading() as connection:
            revisions = read_revisions(connection, 1)
        assert set(revisions.formations) == {"A-1", "A-2"}
        assert len(set(revisions.formations.values())) == 1
        assert all(stamp > 0 for stamp in revisions.formations.values())
        actor = Actor("tester", "admin")
        save_formation(database, actor, 1, "A-3", "Jabatan", "", "", 1)
        after = selection_revisions(database, 1)
        assert after.formations["A-3"] > revisions.selection
        assert after.formations["A-1"] == revisions.formations["A-1"]
    finally:
        database.close()
