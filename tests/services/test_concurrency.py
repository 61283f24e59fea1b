"""Two laptops on one file (issue 5): no lost write, no "database is locked", no silent overwrite.

Two real processes (``tests/helpers/score_writer.py``) enter scores into the same file at the
same time for a few seconds; every save either of them reported is in the file afterwards
and neither saw SQLite's "database is locked". Two ``Database`` objects on one file stand for
two windows: the second save of the same score, made on what that window showed before the
first one, is refused with a message naming who changed it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.services import database
from app.services.actor import Actor
from app.services.database import Database
from app.services.errors import UserError
from app.services.opening import open_database
from app.services.participants_import import import_formations, import_participants
from app.services.schemes import load_preset_or_file
from app.services.score_entry import save_score, score_sheet, stored_rows
from app.services.selections import create_selection

WRITER = Path(__file__).parents[1] / "helpers" / "score_writer.py"
PROJECT = Path(__file__).parents[2]
SECONDS = 4.0
PARTICIPANTS = 20
TIMEOUT = 120.0


def _prepare(db: Database) -> int:
    """Formations and participants in the new ``db``, which is then closed; the selection id."""
    path = db.path
    actor = Actor("admin", "admin")
    try:
        info = create_selection(
            db, actor, load_preset_or_file("binjai-kompetensi"), "Uji dua laptop", 2024, "Binjai"
        )
        import_formations(db, actor, info.id, PROJECT / "resources/demo/formasi_binjai.csv")
        people = path.with_name("peserta.csv")
        people.write_text(
            "nomor_peserta,nama,tanggal_lahir,kode_formasi\n"
            + "".join(
                f"{7000 + i},Peserta {i},1995-01-01,BNJ-0{1 + i % 4}\n" for i in range(PARTICIPANTS)
            ),
            encoding="utf-8",
        )
        import_participants(db, actor, info.id, people)
    finally:
        db.close()
    return info.id


@pytest.mark.slow  # two writer processes for seconds
def test_two_processes_lose_no_write_and_never_see_locked(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    path = tmp_path / "seleksi.db"
    selection_id = _prepare(new_database(path))
    command = [sys.executable, str(WRITER), str(path), str(selection_id)]
    command += ["--seconds", str(SECONDS), "--wait-go"]
    writers = [
        subprocess.Popen(
            [*command, "--part", f"{part}/2"],
            cwd=PROJECT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in (0, 1)
    ]
    for writer in writers:  # both open and ready before either starts: they really overlap
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [writer.communicate(timeout=TIMEOUT) for writer in writers]

    reported: dict[tuple[str, str], int] = {}
    spans = []
    for writer, (out, err) in zip(writers, results, strict=True):
        assert "locked" not in (out + err).lower(), err
        assert writer.returncode == 0, err
        lines = out.splitlines()
        saved = [line.split()[1:] for line in lines if line.startswith("saved ")]
        count, first, last = lines[-1].split()[1:]
        assert lines[-1].startswith("done ") and int(count) == len(saved) > 20
        spans.append((float(first), float(last)))
        for number, component, value in saved:
            reported[(number, component)] = int(value) * 1000
    # Both wrote during most of the same seconds (each waited for the other's lock).
    overlap = min(s[1] for s in spans) - max(s[0] for s in spans)
    assert overlap > SECONDS / 2, spans

    db = open_database(path)
    try:
        with db.reading() as connection:
            held = {
                (number, code): milli
                for number, code, milli in connection.execute(
                    "SELECT p.number, c.code, s.value_milli FROM score s"
                    " JOIN participant p ON p.id = s.participant_id"
                    " JOIN component c ON c.id = s.component_id"
                )
            }
            events = connection.execute(
                "SELECT count(*) FROM audit_event WHERE entity = 'score'"
            ).fetchone()[0]
            check = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        db.close()
    assert check == [("ok",)]
    assert held == reported  # every last reported value, and nothing else
    total = sum(int(out.splitlines()[-1].split()[1]) for out, _err in results)
    assert events == total  # one audit event per save, none lost between the two


@pytest.fixture
def two_windows(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> Iterator[tuple[Database, Database, int]]:
    """Two laptops' windows on one file: separate ``Database`` objects, separate connections."""
    path = tmp_path / "bersama.db"
    selection_id = _prepare(new_database(path))
    first, second = open_database(path), open_database(path)
    yield first, second, selection_id
    first.close()
    second.close()


def test_the_second_save_of_a_score_both_windows_showed_is_refused(
    two_windows: tuple[Database, Database, int],
) -> None:
    ani_db, budi_db, selection_id = two_windows
    ani, budi = Actor("ani", "operator"), Actor("budi", "operator")
    save_score(ani_db, ani, selection_id, "7000", "PENGETAHUAN", "70")
    # Both windows show the sheet with 70.
    ani_row = score_sheet(ani_db, selection_id, "PENGETAHUAN").rows[0]
    budi_row = score_sheet(budi_db, selection_id, "PENGETAHUAN").rows[0]
    assert ani_row.number == budi_row.number == "7000"
    assert ani_row.stored == budi_row.stored

    save_score(
        ani_db, ani, selection_id, "7000", "PENGETAHUAN", "75",
        reason="salah baca", expected=ani_row.stored,
    )  # fmt: skip
    with pytest.raises(UserError) as refused:
        save_score(
            budi_db, budi, selection_id, "7000", "PENGETAHUAN", "80",
            reason="salah ketik", expected=budi_row.stored,
        )  # fmt: skip
    assert refused.value.message == "entry.changed_elsewhere"
    assert refused.value.text().startswith("nilai ini baru saja diubah oleh ani pada ")
    assert refused.value.text().endswith("; muat ulang lalu coba lagi")
    assert stored_rows(budi_db, selection_id, "7000", "PENGETAHUAN")[0].milli == 75_000

    # Reloaded, budi sees 75 and may replace it knowingly.
    fresh = stored_rows(budi_db, selection_id, "7000", "PENGETAHUAN")
    save_score(
        budi_db, budi, selection_id, "7000", "PENGETAHUAN", "80",
        reason="salah ketik", expected=fresh,
    )  # fmt: skip
    assert stored_rows(ani_db, selection_id, "7000", "PENGETAHUAN")[0].milli == 80_000


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> float:
    """A busy timeout of half a second (15 s in use), so waiting past it takes little time."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 500)
    return 0.5


def _hold_write_lock(path: Path, seconds: float) -> threading.Thread:
    """Another process's long write (a big import): the write lock, held for ``seconds``."""
    taken = threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            taken.set()
            time.sleep(seconds)
            connection.execute("ROLLBACK")
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(10)
    return thread


def test_a_writer_busy_past_the_timeout_is_waited_for_once_more(
    tmp_path: Path, short_timeout: float, new_database: Callable[[Path], Database]
) -> None:
    path = tmp_path / "seleksi.db"
    selection_id = _prepare(new_database(path))
    db = open_database(path)
    try:
        holder = _hold_write_lock(path, short_timeout * 1.5)
        save_score(db, Actor("ani", "operator"), selection_id, "7000", "PENGETAHUAN", "70")
        holder.join()
        assert stored_rows(db, selection_id, "7000", "PENGETAHUAN")[0].milli == 70_000
    finally:
        db.close()


def test_a_file_locked_for_too_long_gives_a_clear_message_and_changes_nothing(
    tmp_path: Path,
    short_timeout: float,
    dump: Callable[[Path], str],
    new_database: Callable[[Path], Database],
) -> None:
    path = tmp_path / "seleksi.db"
    selection_id = _prepare(new_database(path))
    before = dump(path)
    db = open_database(path)
    try:
        # Longer than every attempt together (each waits the timeout, plus a short pause).
        holder = _hold_write_lock(path, short_timeout * (database.BUSY_RETRIES + 1) + 1.0)
        with pytest.raises(UserError) as refused:
            save_score(db, Actor("ani", "operator"), selection_id, "7000", "PENGETAHUAN", "70")
        holder.join()
    finally:
        db.close()
    assert refused.value.message == "db.busy"
    assert "database is locked" not in refused.value.text()
    assert "sedang dipakai" in refused.value.text()
    assert dump(path) == before
