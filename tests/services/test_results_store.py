"""Results kept beside the database: the next process ranks only what changed, and never
takes a block that no longer holds.

A "new process" here is a new ``RankingCache`` with the store (nothing in memory, the file
beside the database as the last process left it); the command-line tests start real ones.
Every ranking taken from the file is compared with one computed without any cache.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.services import ranking
from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.services.participants import list_participants
from app.services.ranking import Ranking, compute_ranking
from app.services.ranking_cache import RankingCache, isolated
from app.services.ranking_export import render_ranking
from app.services.results_store import FOLDER_SUFFIX, ResultsStore
from app.services.score_entry import save_score

ADMIN = Actor("ketua", "admin")
REASON = "koreksi uji"
ROOT = Path(__file__).resolve().parents[2]


def _new_process() -> RankingCache:
    return RankingCache(store=ResultsStore.beside)


def _fresh(db: Database, selection_id: int, stage: str | None = None) -> Ranking:
    with isolated():  # no memory, no file
        return compute_ranking(db, selection_id, stage)


def _assert_same(kept: Ranking, fresh: Ranking) -> None:
    assert kept.rows == fresh.rows
    for form in ("csv", "json", "table"):
        assert render_ranking(kept, form) == render_ranking(fresh, form)


def _folder(db: Database) -> Path:
    return db.path.with_name(db.path.name + FOLDER_SUFFIX)


@pytest.fixture(params=["cpns-2024", "pppk-2024", "binjai-kompetensi"])
def demo(
    request: pytest.FixtureRequest, tmp_path: Path, new_database: Callable[[Path], Database]
) -> tuple[Database, int]:
    db = new_database(tmp_path / "seleksi.db")
    request.addfinalizer(db.close)
    info = create_demo(db, ADMIN, request.param, participants=160, seed=3)
    # The demo ranks once to find whom its later performance is for; these tests start from a
    # file nobody has ranked yet.
    shutil.rmtree(_folder(db), ignore_errors=True)
    return db, info.id


def test_blocks_read_back_from_the_file_are_the_blocks_computed(demo: tuple[Database, int]) -> None:
    db, selection_id = demo
    with db.reading() as connection:
        stages = [row[0] for row in connection.execute("SELECT code FROM stage ORDER BY position")]
    separated = 0
    for stage in stages:
        with isolated(_new_process()):
            compute_ranking(db, selection_id, stage)  # computes, and writes the file
        with isolated(_new_process()):
            kept = compute_ranking(db, selection_id, stage)  # reads it back
        _assert_same(kept, _fresh(db, selection_id, stage))
        separated += sum(1 for row in kept.rows if row.separated)
    assert separated  # the tie-break notes (issue #10 §3) come back too
    kept_files = sorted(p.name for p in _folder(db).iterdir())
    assert kept_files == sorted(f"peringkat-{selection_id}-{stage}.txt" for stage in stages)


def test_a_new_process_after_one_saved_score_ranks_only_that_formation(
    demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, selection_id = demo
    original = ranking._rank_formations

    def ranked_in_a_new_process() -> tuple[Ranking, list[set[str] | None]]:
        """The final stage in a new process, and the formations it computed (``None``: all)."""
        asked: list[set[str] | None] = []

        def recording(*args: object) -> object:
            asked.append(args[-1])  # type: ignore[arg-type]
            return original(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(ranking, "_rank_formations", recording)
        try:
            with isolated(_new_process()):
                return compute_ranking(db, selection_id), asked
        finally:
            monkeypatch.setattr(ranking, "_rank_formations", original)

    assert ranked_in_a_new_process()[1] == [None]
    assert ranked_in_a_new_process()[1] == []  # everything from the file
    person = list_participants(db, selection_id)[0]
    with db.reading() as connection:
        component = connection.execute(
            "SELECT c.code FROM component c JOIN stage s ON s.id = c.stage_id"
            " WHERE s.selection_id = ? ORDER BY s.position, c.position LIMIT 1",
            (selection_id,),
        ).fetchone()[0]
    save_score(db, ADMIN, selection_id, person.number, component, "TH", reason=REASON)
    kept, asked = ranked_in_a_new_process()
    assert asked == [{person.formation}]
    _assert_same(kept, _fresh(db, selection_id))
    again, asked = ranked_in_a_new_process()
    assert asked == []  # that formation was kept too
    _assert_same(again, _fresh(db, selection_id))


def test_a_damaged_foreign_or_older_file_is_never_taken(demo: tuple[Database, int]) -> None:
    db, selection_id = demo
    with isolated(_new_process()):
        compute_ranking(db, selection_id)
    (path,) = _folder(db).iterdir()
    good = path.read_text(encoding="utf-8")
    head, _newline, body = good.partition("\n")
    first, _newline, rest = body.partition("\n")
    # A name changed inside a line (its CRC no longer holds), a cut-off file, another
    # program's header, and plain rubbish.
    changed = first.replace('"a":["', '"a":["X', 1)
    assert changed != first
    for text in (
        f"{head}\n{changed}\n{rest}",
        good[: len(good) // 2],
        good.replace('"program":"', '"program":"0', 1),
        "\x00\x01 bukan berkas hasil\n",
    ):
        path.write_text(text, encoding="utf-8")
        with isolated(_new_process()):
            kept = compute_ranking(db, selection_id)
        _assert_same(kept, _fresh(db, selection_id))
    assert path.read_text(encoding="utf-8") == good  # rewritten from a fresh computation


def test_a_restored_backup_is_ranked_from_its_own_data(demo: tuple[Database, int]) -> None:
    db, selection_id = demo
    with isolated(_new_process()):
        compute_ranking(db, selection_id)
    backup = db.path.with_name("salinan.db")
    with sqlite3.connect(db.path) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    person = list_participants(db, selection_id)[0]
    with db.reading() as connection:
        component = connection.execute(
            "SELECT c.code FROM component c JOIN stage s ON s.id = c.stage_id"
            " WHERE s.selection_id = ? ORDER BY s.position, c.position LIMIT 1",
            (selection_id,),
        ).fetchone()[0]
    save_score(db, ADMIN, selection_id, person.number, component, "TH", reason=REASON)
    with isolated(_new_process()):
        compute_ranking(db, selection_id)  # the file now holds the changed formation
    with sqlite3.connect(backup) as source, sqlite3.connect(db.path) as target:
        source.backup(target)  # the earlier data back in place, the file beside it kept
    with isolated(_new_process()):
        kept = compute_ranking(db, selection_id)
    _assert_same(kept, _fresh(db, selection_id))


def test_a_folder_that_cannot_be_written_only_costs_time(demo: tuple[Database, int]) -> None:
    db, selection_id = demo
    _folder(db).write_text("a file where the folder would be", encoding="utf-8")
    with isolated(_new_process()):
        kept = compute_ranking(db, selection_id)
    _assert_same(kept, _fresh(db, selection_id))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_rank_command_leaves_the_database_alone_and_keeps_its_file_private(
    demo: tuple[Database, int], dump: Callable[[Path], str]
) -> None:
    db, selection_id = demo
    path = db.path
    before = dump(path)
    shutil.rmtree(_folder(db), ignore_errors=True)
    outputs = []
    for _run in range(2):  # the first writes the file, the second reads it
        result = subprocess.run(
            [sys.executable, "main.py", "--db", str(path), "rank", "--format", "csv"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == render_ranking(_fresh(db, selection_id), "csv")
    assert dump(path) == before
    folder = _folder(db)
    assert folder.stat().st_mode & 0o777 == 0o700
    for kept in folder.iterdir():
        assert kept.stat().st_mode & 0o777 == 0o600


def test_a_formation_ranked_anew_is_appended_and_the_file_stays_bounded(
    demo: tuple[Database, int],
) -> None:
    db, selection_id = demo
    with isolated(_new_process()):
        compute_ranking(db, selection_id)
    (path,) = _folder(db).iterdir()

    def lines() -> int:
        return sum(1 for line in path.read_text(encoding="utf-8").splitlines()[1:] if line)

    formations = lines()
    person = list_participants(db, selection_id)[0]
    with db.reading() as connection:
        component = connection.execute(
            "SELECT c.code FROM component c JOIN stage s ON s.id = c.stage_id"
            " WHERE s.selection_id = ? ORDER BY s.position, c.position LIMIT 1",
            (selection_id,),
        ).fetchone()[0]
    for run in range(2 * formations + 20):
        value = "TH" if run % 2 else ""  # TH, then no value at all: both valid
        save_score(db, ADMIN, selection_id, person.number, component, value, reason=REASON)
        with isolated(_new_process()):
            kept = compute_ranking(db, selection_id)
        if run == 0:
            assert lines() == formations + 1  # one block appended, nothing rewritten
        assert lines() <= 3 * formations + 16
        if run % 7 == 0:
            _assert_same(kept, _fresh(db, selection_id))
    _assert_same(kept, _fresh(db, selection_id))


def test_any_formation_code_comes_back_as_it_was_written() -> None:
    from app.services import results_store

    header = {"format": 1}
    codes = ["BNJ-01", 'A"B', "C\\D", "É-1", "tab\there", "", "x\ny"]
    text = "\n".join(
        [json.dumps(header), *(results_store._line(code, 7, "null") for code in codes)]
    )
    kept = results_store._parse(text, header)
    assert sorted(kept.lines) == sorted((code, 7) for code in codes)
