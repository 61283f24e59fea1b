"""The window's door: writes off the GUI thread broadcast what they changed, with who started
them; reads broadcast nothing; cancelled work keeps nothing; changes written into the file by
another process (the command line) reach an open ranking."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.actor import Actor
from app.services.changes import MARKS, SCORES, Changes
from app.services.database import Database
from app.services.demo import create_demo
from app.services.door import write
from app.services.marks import mark_participant
from app.services.participants import list_participants
from app.services.permissions import Action
from app.services.progress import Cancelled, Progress
from app.services.ranking import compute_ranking
from app.services.selections import SelectionInfo
from app.services.users import add_user
from app.ui.context import AppContext
from app.ui.operations import LiveQuery, QueryOp, ServiceOp
from app.ui.pages.rankings import RankingsPage
from app.ui.watcher import FileWatcher
from app.ui.workers import PROGRESS_DELAY_MS

ADMIN = Actor("ketua", "admin")
TIMEOUT_MS = 15_000
MAIN = Path(__file__).resolve().parents[2] / "main.py"


@pytest.fixture
def demo(db: Database) -> SelectionInfo:
    return create_demo(db, ADMIN, "binjai-kompetensi", participants=40, seed=4)


@pytest.fixture
def context(db: Database, demo: SelectionInfo) -> AppContext:
    return AppContext(db, ADMIN, demo.id)


def _heard(context: AppContext) -> list[tuple[Changes, object]]:
    heard: list[tuple[Changes, object]] = []
    context.changes.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    return heard


def test_a_write_in_the_background_tells_every_view_who_made_it(
    qtbot: Any, context: AppContext, demo: SelectionInfo
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    heard = _heard(context)
    number = list_participants(context.database, demo.id)[0].number
    results: list[object] = []
    task = (
        ServiceOp(
            page,
            context,
            lambda: mark_participant(context.database, ADMIN, demo.id, number, "APS", "mundur"),
        )
        .success(results.append)
        .run_in_background("Tandai")
    )
    qtbot.waitUntil(lambda: not task.running, timeout=TIMEOUT_MS)
    assert len(results) == 1
    ((changes, initiator),) = heard
    assert changes.kinds == {MARKS} and initiator is page
    assert changes.formations == {list_participants(context.database, demo.id)[0].formation}


def test_a_read_tells_nobody(qtbot: Any, context: AppContext, demo: SelectionInfo) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    heard = _heard(context)
    rows: list[int] = []
    task = (
        QueryOp(page, lambda: len(compute_ranking(context.database, demo.id).rows))
        .success(rows.append)
        .run_in_background("Peringkat")
    )
    qtbot.waitUntil(lambda: not task.running, timeout=TIMEOUT_MS)
    assert rows == [40] and heard == []


def test_a_quiet_read_shows_no_progress_dialog(
    qtbot: Any, context: AppContext, demo: SelectionInfo
) -> None:
    """A live view's read must never put a modal dialog over someone typing."""
    page = QWidget()
    qtbot.addWidget(page)
    release = threading.Event()
    task = (
        QueryOp(page, lambda: release.wait(TIMEOUT_MS / 1000) and "read")
        .quietly()
        .run_in_background("Peringkat")
    )
    qtbot.wait(PROGRESS_DELAY_MS + 200)  # longer than a dialog would wait to appear
    assert task.running
    assert page.findChildren(QProgressDialog) == []
    release.set()
    qtbot.waitUntil(lambda: not task.running, timeout=TIMEOUT_MS)
    assert task.result == "read"


def test_a_live_query_drops_an_overtaken_result(qtbot: Any) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    shown: list[str] = []
    overtaken: list[int] = []
    errors: list[Exception] = []
    release = threading.Event()

    def held(answer: str) -> str:
        release.wait(TIMEOUT_MS / 1000)
        return answer

    query = LiveQuery(page, "Uji", shown.append, errors.append, lambda: overtaken.append(1))
    assert query.start(lambda: held("old"))
    query.outdate()  # a newer request while the first one runs
    assert not query.start(lambda: held("ignored"))  # one read at a time
    release.set()
    qtbot.waitUntil(lambda: not query.running, timeout=TIMEOUT_MS)
    assert shown == [] and overtaken == [1]
    assert query.start(lambda: "new")
    qtbot.waitUntil(lambda: not query.running, timeout=TIMEOUT_MS)
    assert shown == ["new"] and errors == []


def test_a_write_refused_by_the_service_broadcasts_nothing(
    qtbot: Any, context: AppContext, demo: SelectionInfo
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    heard = _heard(context)
    with pytest.raises(Exception) as refused:
        ServiceOp(
            page,
            context,
            lambda: mark_participant(context.database, ADMIN, demo.id, "nobody", "APS", "x"),
        ).run_now()
    assert getattr(refused.value, "message", "") == "participant.not_found"
    assert heard == []


def test_cancelled_work_keeps_nothing(
    qtbot: Any, context: AppContext, demo: SelectionInfo, db_path: Path
) -> None:
    """The user presses Cancel while the work runs: its transaction rolls back."""
    page = QWidget()
    qtbot.addWidget(page)
    heard = _heard(context)

    def slow_write(progress: Progress) -> Changes:
        with write(context.database, ADMIN, Action.EDIT_FORMATIONS, demo.id) as action:
            action.connection.execute("UPDATE formation SET quota = quota + 100")
            for step in range(1, 2000):
                progress.report(step, 2000)  # raises Cancelled once the user cancelled
                progress_seen.append(step)
                if step == 3:
                    progress.cancel()  # what the dialog's Cancel button does
        return action.changes

    progress_seen: list[int] = []
    failures: list[Exception] = []
    task = (
        ServiceOp(page, context, slow_write)
        .with_progress(cancellable=True)
        .failure(failures.append)
        .run_in_background("Lama")
    )
    qtbot.waitUntil(lambda: not task.running, timeout=TIMEOUT_MS)
    assert [type(f) for f in failures] == [Cancelled]
    assert progress_seen == [1, 2, 3] and heard == []
    connection = sqlite3.connect(db_path)
    assert connection.execute("SELECT max(quota) FROM formation").fetchone()[0] < 100
    connection.close()


def test_the_watcher_hears_a_commit_from_another_connection(
    qtbot: Any, context: AppContext, db_path: Path
) -> None:
    watcher = FileWatcher(context)
    heard = _heard(context)
    assert watcher.poll() is False  # nothing happened yet
    other = sqlite3.connect(db_path)
    other.execute("UPDATE formation SET unit = unit || ' (baru)'")
    other.commit()
    other.close()
    assert watcher.poll() is True
    assert watcher.poll() is False  # once per batch of commits
    ((changes, initiator),) = heard
    assert changes.external and changes.touches(SCORES) and initiator is None
    watcher.stop()


def test_an_open_ranking_follows_scores_the_command_line_imports(
    qtbot: Any, context: AppContext, demo: SelectionInfo, db_path: Path, tmp_path: Path
) -> None:
    """The CLI (another process) writes into the same file; the open ranking follows by
    itself, without the user pressing anything."""
    page = RankingsPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.is_busy() and bool(page.model.header), timeout=TIMEOUT_MS)
    watcher = FileWatcher(context, page)
    ranking = compute_ranking(context.database, demo.id)
    target = next(row for row in ranking.rows if row.rank is not None)
    path = tmp_path / "nilai.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["nomor_peserta", "PSIKOTES"], [target.number, "61"]])
    before = _shown_value(page, target.number, "PSIKOTES")
    assert before != "61.000"
    add_user(context.database, context.actor, "ketua", "admin", "rahasia-ketua")
    done = subprocess.run(
        [
            *(sys.executable, str(MAIN), "--db", str(db_path)),
            *("import", "scores", str(path), "--replace", "--reason", "nilai dikoreksi"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SELEKSI_USER": "ketua", "SELEKSI_PASSWORD": "rahasia-ketua"},
    )
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(
        lambda: _shown_value(page, target.number, "PSIKOTES") == "61.000", timeout=TIMEOUT_MS
    )
    watcher.stop()


def _shown_value(page: RankingsPage, number: str, column: str) -> str:
    model = page.model
    row = model.row_of_number(number)
    if row is None:
        return ""
    return str(model.record(row).get(column, ""))


def test_may_reads_the_services_permission_table(db: Database) -> None:
    assessor = AppContext(db, Actor("budi", "penilai"))
    assert assessor.may(Action.ENTER_SCORE)
    assert not assessor.may(Action.IMPORT_SCORES)
    assert AppContext(db, ADMIN).may(Action.FINALIZE)
