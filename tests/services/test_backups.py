"""Backups, restoring, and damaged files (issue 5, "Backups and recovery").

Each guarantee is checked on real files: a backup holds the same rows as its source, rotation
keeps exactly the newest 20 plus one per day, a restore keeps what it replaces, automatic
backups never raise, imports back up first, and a damaged file is refused with the newest good
backup named and is never written to.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.services import backups
from app.services.actor import Actor
from app.services.audit import audit_log, verify_chain
from app.services.backups import (
    automatic_backup,
    backup_folder,
    create_backup,
    list_backups,
    newest_good_backup,
    periodic_backup,
    recover_from_backup,
    restore_backup,
    rotate,
)
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import PermissionDenied, UserError
from app.services.marks import mark_participant
from app.services.opening import open_database
from app.services.participants_import import import_formations, import_participants
from app.services.score_entry import save_score
from app.services.scores_import import import_scores

ADMIN = Actor("ketua", "admin")
OPERATOR = Actor("operator", "operator")
PARTICIPANTS = 30
NOW = datetime(2024, 12, 5, 10, 15, 30)


def _dump(path: Path, *, audit: bool = True) -> list[str]:
    """Every row as SQL; without the audit trail when a restore's own event is not wanted."""
    connection = sqlite3.connect(path)
    try:
        lines = list(connection.iterdump())
    finally:
        connection.close()
    if not audit:
        lines = [line for line in lines if not line.startswith('INSERT INTO "audit_event"')]
    return lines


def _count(path: Path, sql: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def _first_participant(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT number FROM participant ORDER BY number").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    """One small demo database for the module; each test works on its own copy."""
    path = tmp_path_factory.mktemp("vorlage") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, "binjai-kompetensi", participants=PARTICIPANTS, seed=3)
    database.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path, template: tuple[Path, int], copy_database: Callable[[Path, Path], Database]
) -> Iterator[tuple[Database, int]]:
    database = copy_database(template[0], tmp_path / "seleksi.db")
    yield database, template[1]
    database.close()


# -- making a backup -----------------------------------------------------------------------


def test_a_backup_holds_exactly_the_rows_of_its_source(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    before = _dump(db.path)
    path = create_backup(db, "impor", now=NOW)
    assert path == db.path.parent / "seleksi.db.cadangan" / "seleksi-20241205-101530-impor.db"
    assert _dump(path) == before
    assert _dump(db.path) == before  # an automatic-style backup does not touch its source
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # Self-contained: no -wal beside a copy in the folder.
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        connection.close()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    [info] = list_backups(db.path)
    assert (info.path, info.created, info.reason) == (path, NOW, "impor")
    assert info.size == path.stat().st_size


def test_a_backup_taken_while_a_write_is_pending_in_the_wal_has_it(
    demo: tuple[Database, int],
) -> None:
    """The online backup sees what sits in the -wal file; a plain copy of the .db would not."""
    db, selection = demo
    number = _first_participant(db.path)
    keep_open = sqlite3.connect(db.path)  # keeps the -wal from being checkpointed away
    try:
        keep_open.execute("SELECT count(*) FROM participant").fetchone()
        marks = _count(db.path, "SELECT count(*) FROM participant_mark")
        mark_participant(db, ADMIN, selection, number, "APS", "mengundurkan diri")
        assert Path(f"{db.path}-wal").stat().st_size > 0
        path = create_backup(db, "manual")
        assert _count(path, "SELECT count(*) FROM participant_mark") == marks + 1
    finally:
        keep_open.close()


def test_same_second_backups_get_distinct_names(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    first = create_backup(db, "manual", now=NOW)
    second = create_backup(db, "manual", now=NOW)
    assert first != second and first.exists() and second.exists()
    assert [info.path for info in list_backups(db.path)] == [second, first]


def test_a_manual_backup_is_audited_and_needs_an_operator(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    path = create_backup(db, "manual", actor=OPERATOR)
    event = audit_log(db, user="operator")[-1]
    assert event.action == "backup.created" and path.name in (event.new or "")
    assert verify_chain(db).ok
    with pytest.raises(PermissionDenied):
        create_backup(db, "manual", actor=Actor("dewi", "penilai"))


def test_out_writes_a_copy_elsewhere_and_never_overwrites(
    demo: tuple[Database, int], tmp_path: Path
) -> None:
    db, _selection = demo
    out = tmp_path / "usb" / "salinan.db"
    out.parent.mkdir()
    assert create_backup(db, "manual", out=out) == out
    assert _dump(out) == _dump(db.path)
    assert list_backups(db.path) == []  # --out does not go into the rotated folder
    before = out.read_bytes()
    with pytest.raises(UserError) as refused:
        create_backup(db, "manual", out=out)
    assert refused.value.message == "backup.out_exists"
    assert out.read_bytes() == before


# -- rotation ------------------------------------------------------------------------------


def test_rotation_keeps_the_last_twenty_and_the_newest_of_each_day(
    demo: tuple[Database, int],
) -> None:
    db, _selection = demo
    folder = backup_folder(db)
    real = create_backup(db, "manual", now=NOW - timedelta(days=30))
    today = [NOW.replace(hour=9, minute=0, second=0) + timedelta(minutes=i) for i in range(30)]
    earlier = [
        (NOW - timedelta(days=days)).replace(hour=hour, minute=0, second=0)
        for days in range(1, 6)
        for hour in (8, 17)
    ]
    for moment in today + earlier:
        shutil.copyfile(real, folder / f"seleksi-{moment:%Y%m%d-%H%M%S}-berkala.db")
    real.unlink()
    # Not backups: rotation leaves them alone.
    (folder / "catatan.txt").write_text("jangan dihapus", encoding="utf-8")
    newest = create_backup(db, "impor", now=NOW)

    kept = {info.created for info in list_backups(db.path)}
    expected = {NOW} | set(sorted(today)[-19:]) | {m for m in earlier if m.hour == 17}
    assert kept == expected
    assert len(kept) == 20 + 5
    assert newest.exists() and (folder / "catatan.txt").exists()


def test_rotate_removes_stale_temporary_files_only(tmp_path: Path) -> None:
    folder = tmp_path / "x.db.cadangan"
    folder.mkdir()
    stale = folder / ".x-20241205-101530-manual.db.123.sementara"
    fresh = folder / ".x-20241205-101531-manual.db.124.sementara"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    old = (datetime.now() - timedelta(hours=2)).timestamp()
    os.utime(stale, (old, old))
    rotate(folder)
    assert not stale.exists() and fresh.exists()


# -- automatic and periodic backups -------------------------------------------------------


def test_periodic_backup_waits_ten_minutes(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    first = periodic_backup(db, now=NOW)
    assert first is not None
    assert periodic_backup(db, now=NOW + timedelta(minutes=9)) is None
    assert len(list_backups(db.path)) == 1
    later = periodic_backup(db, now=NOW + timedelta(minutes=11))
    assert later is not None and len(list_backups(db.path)) == 2
    assert list_backups(db.path)[0].created == NOW + timedelta(minutes=11)


def test_a_backup_dated_in_the_future_does_not_stop_periodic_backups(
    demo: tuple[Database, int],
) -> None:
    db, _selection = demo
    create_backup(db, "berkala", now=datetime.now() + timedelta(days=2))  # wrong clock once
    assert periodic_backup(db) is not None


def test_a_failing_backup_never_raises_and_is_audited(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    backup_folder(db).write_text("a file where the folder should be", encoding="utf-8")
    before = _dump(db.path, audit=False)
    with pytest.raises(UserError) as refused:
        create_backup(db, "manual")
    assert refused.value.message == "backup.failed"
    assert automatic_backup(db, "impor-nilai") is None
    assert periodic_backup(db) is None
    assert _dump(db.path, audit=False) == before
    failed = [e for e in audit_log(db) if e.action == "backup.failed"]
    assert failed and "impor-nilai" in (failed[0].new or "")
    assert verify_chain(db).ok


def test_a_damaged_source_gives_no_backup_keeps_the_old_ones_and_is_not_written(
    demo: tuple[Database, int],
) -> None:
    db, _selection = demo
    for minutes in range(25):  # a full folder: rotation would have something to delete
        create_backup(db, "berkala", now=NOW + timedelta(minutes=minutes))
    kept = list_backups(db.path)
    db.close()
    _damage_a_page(db.path)
    damaged = db.path.read_bytes()
    with pytest.raises(UserError) as refused:
        create_backup(db.path, "manual")
    assert refused.value.message in ("backup.source_damaged", "backup.failed")
    assert automatic_backup(db.path, "keluar") is None
    assert list_backups(db.path) == kept
    assert db.path.read_bytes() == damaged


def test_a_full_disk_during_the_copy_leaves_no_half_backup(
    demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _selection = demo

    def no_space(source: Path, target: Path, *, journal_mode: str) -> None:
        target.write_bytes(b"SQLite format 3\x00 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "_copy", no_space)
    assert automatic_backup(db, "keluar") is None
    assert list_backups(db.path) == []
    assert list(backup_folder(db).iterdir()) == []


def test_imports_back_up_first_but_dry_runs_do_not(
    demo: tuple[Database, int], tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    db, selection = demo
    formations = write_csv(
        tmp_path / "formasi.csv",
        ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"],
        [["ZZ9", "Juru Uji", "Dinas Uji", "S1", 1]],
    )
    people = write_csv(
        tmp_path / "peserta.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [["990001", "Uji Coba", "1990-01-01", "ZZ9"]],
    )
    scores = write_csv(tmp_path / "nilai.csv", ["nomor_peserta", "PENGETAHUAN"], [["990001", "75"]])
    formations_before = _count(db.path, "SELECT count(*) FROM formation")
    calls = [
        (import_formations, formations, "impor-formasi"),
        (import_participants, people, "impor-peserta"),
        (import_scores, scores, "impor-nilai"),
    ]
    for function, path, reason in calls:
        count = len(list_backups(db.path))
        function(db, ADMIN, selection, path, dry_run=True)
        assert len(list_backups(db.path)) == count
        function(db, ADMIN, selection, path)
        assert len(list_backups(db.path)) == count + 1
        assert list_backups(db.path)[0].reason == reason
    # Taken *before*: the copy made before the formation import lacks the new formation.
    before_formations = next(i for i in list_backups(db.path) if i.reason == "impor-formasi")
    assert _count(before_formations.path, "SELECT count(*) FROM formation") == formations_before


def test_saving_scores_backs_up_at_most_every_ten_minutes(demo: tuple[Database, int]) -> None:
    db, selection = demo
    number = _first_participant(db.path)
    save_score(db, ADMIN, selection, number, "PSIKOTES", "61", reason="salah ketik")
    assert [i.reason for i in list_backups(db.path)] == ["berkala"]
    save_score(db, ADMIN, selection, number, "PSIKOTES", "62", reason="salah ketik")
    assert len(list_backups(db.path)) == 1


@pytest.mark.parametrize(
    ("module", "call"),
    [
        (
            "app.services.finalization",
            lambda db, selection: __import__(
                "app.services.finalization", fromlist=["finalize"]
            ).finalize(db, ADMIN, selection, "AKHIR"),
        ),
        (
            "app.services.announcements",
            lambda db, selection: __import__(
                "app.services.announcements", fromlist=["issue_announcement"]
            ).issue_announcement(db, ADMIN, selection, "AKHIR", Path("/nonexistent/x.pdf")),
        ),
    ],
)
def test_finalization_and_announcements_back_up_first(
    demo: tuple[Database, int],
    monkeypatch: pytest.MonkeyPatch,
    module: str,
    call: Callable[[Database, int], object],
) -> None:
    db, selection = demo
    reasons: list[str] = []
    monkeypatch.setattr(f"{module}.automatic_backup", lambda _db, reason: reasons.append(reason))
    with contextlib.suppress(UserError):  # incomplete or not final: found out after the backup
        call(db, selection)
    assert reasons in (["finalisasi"], ["pengumuman"])


# -- restoring -----------------------------------------------------------------------------


def test_restore_keeps_the_current_data_first_then_equals_the_backup(
    demo: tuple[Database, int],
) -> None:
    db, selection = demo
    good = create_backup(db, "manual", now=NOW)
    marks = _count(good, "SELECT count(*) FROM participant_mark")
    number = _first_participant(db.path)
    mark_participant(db, ADMIN, selection, number, "DIS", "kecurangan")  # the mistake
    mistaken = _dump(db.path)

    safety = restore_backup(good, db.path, actor=ADMIN)

    assert safety is not None and safety.parent == backup_folder(db)
    assert list_backups(db.path)[0].reason == "sebelum-pulih"
    assert _dump(safety) == mistaken
    assert _dump(db.path, audit=False) == _dump(good, audit=False)
    # The open Database (pooled connections) sees the restored data at once.
    with db.reading() as connection:
        assert connection.execute("SELECT count(*) FROM participant_mark").fetchone()[0] == marks
    restored = audit_log(db)[-1]
    assert restored.action == "backup.restored" and restored.actor == "ketua"
    assert verify_chain(db).ok
    with db.reading() as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # And the mistake can be brought back the same way.
    restore_backup(safety, db.path)
    assert _count(db.path, "SELECT count(*) FROM participant_mark") == marks + 1


def test_restore_refuses_a_bad_backup_and_changes_nothing(
    demo: tuple[Database, int], tmp_path: Path, data_dump: Callable[[Path], str]
) -> None:
    db, _selection = demo
    before = data_dump(db.path)
    text = tmp_path / "bukan.db"
    text.write_text("nomor,nama\n", encoding="utf-8")
    for bad, message in ((text, "backup.bad"), (tmp_path / "hilang.db", "backup.not_found")):
        with pytest.raises(UserError) as refused:
            restore_backup(bad, db.path)
        assert refused.value.message == message
    with pytest.raises(UserError) as refused:
        restore_backup(db.path, db.path)
    assert refused.value.message == "backup.same_file"
    with pytest.raises(PermissionDenied):
        restore_backup(create_backup(db, "manual"), db.path, actor=OPERATOR)
    assert data_dump(db.path) == before  # the operator's refusal is recorded, nothing else
    assert [i.reason for i in list_backups(db.path)] == ["manual"]


def test_restore_over_a_damaged_file_sets_it_aside(
    demo: tuple[Database, int], tmp_path: Path
) -> None:
    db, _selection = demo
    good = create_backup(db, "manual")
    db.close()
    target = tmp_path / "rusak.db"
    target.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    (tmp_path / "rusak.db-wal").write_bytes(b"stale wal")
    aside = restore_backup(good, target)
    assert aside is not None and aside.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 5000
    assert Path(f"{aside}-wal").read_bytes() == b"stale wal"
    assert _dump(target, audit=False) == _dump(good, audit=False)
    open_database(target).close()


# -- damaged files -------------------------------------------------------------------------


def _damage_a_page(path: Path) -> None:
    """Overwrite the participant table's root page with garbage."""
    connection = sqlite3.connect(path)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'participant'"
        ).fetchone()[0]
    finally:
        connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes((i * 37 + 11) % 256 for i in range(page_size)))


def _truncate(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _text(path: Path) -> None:
    path.write_text("nomor_peserta,nama\n1,Ani\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_text, "db.not_ours_with_backup"),
        (_truncate, "db.truncated_with_backup"),
        (_damage_a_page, "db.damaged_with_backup"),
    ],
)
def test_a_damaged_file_names_the_newest_good_backup_and_is_not_touched(
    demo: tuple[Database, int], damage: Callable[[Path], None], message: str
) -> None:
    db, _selection = demo
    older = create_backup(db, "manual", now=NOW - timedelta(hours=1))
    newest = create_backup(db, "keluar", now=NOW)
    db.close()
    path = db.path
    damage(path)
    damaged = path.read_bytes()
    for _attempt in range(2):  # a second try finds it the same way
        with pytest.raises(UserError) as refused:
            open_database(path)
        assert refused.value.message == message
        assert refused.value.params["backup"] == newest
        assert newest.name in refused.value.text()
        assert "tidak diubah" in refused.value.text()
        assert path.read_bytes() == damaged
    # A bad newest backup is skipped in favour of the older good one.
    _damage_a_page(newest)
    assert newest_good_backup(path) == older
    with pytest.raises(UserError) as refused:
        open_database(path)
    assert refused.value.params["backup"] == older


def test_a_damaged_file_without_backups_says_what_is_wrong(demo: tuple[Database, int]) -> None:
    db, _selection = demo
    db.close()
    _truncate(db.path)
    damaged = db.path.read_bytes()
    with pytest.raises(UserError) as refused:
        open_database(db.path)
    assert refused.value.message == "db.truncated"
    assert "terpotong" in refused.value.text() and "backup" not in refused.value.params
    assert db.path.read_bytes() == damaged


def test_recover_from_backup_writes_a_new_file_and_leaves_the_damaged_one(
    demo: tuple[Database, int],
) -> None:
    db, _selection = demo
    good = create_backup(db, "manual")
    participants = _count(db.path, "SELECT count(*) FROM participant")
    db.close()
    _damage_a_page(db.path)
    damaged = db.path.read_bytes()

    recovered = recover_from_backup(db.path, now=NOW)

    assert recovered == db.path.with_name("seleksi-pulih-20241205-1015.db")
    assert db.path.read_bytes() == damaged
    assert _dump(recovered, audit=False) == _dump(good, audit=False)
    reopened = open_database(recovered)
    try:
        with reopened.reading() as connection:
            count = connection.execute("SELECT count(*) FROM participant").fetchone()[0]
        assert count == participants
        assert audit_log(reopened)[-1].action == "backup.recovered"
        assert verify_chain(reopened).ok
    finally:
        reopened.close()
    # A second recovery in the same minute does not overwrite the first.
    assert recover_from_backup(db.path, now=NOW) != recovered


def test_recover_without_a_backup_says_so(tmp_path: Path) -> None:
    path = tmp_path / "seleksi.db"
    _text(path)
    with pytest.raises(UserError) as refused:
        recover_from_backup(path)
    assert refused.value.message == "backup.none"
