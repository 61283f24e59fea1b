"""Imports of thousands of rows: written a thousand a statement, as if one row at a time.

The importers insert new participants and scores by multi-row ``INSERT``s with the per-row
revision trigger set aside and the formations stamped once each (``revisions.insert_stamped``).
Here a file of 2,500 participants (three batches, a batch boundary inside the first and the
second formation) and its 7,500 SKD values are imported, and the result is compared with a
reference made the old way in a copy of the same file: one ``INSERT`` per row, the trigger
stamping every row. The rows must be the same, ids included, and so must every stamp.

SQLite's clock moves between statements, so the stamps can only be compared with the clock
held still: ``julianday('now')`` is given one fixed value on every connection of both files
(the clock alone is replaced; the triggers, the importers and SQLite are the real ones).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.services import database as database_module
from app.services.actor import Actor
from app.services.database import Database
from app.services.errors import ImportRejected
from app.services.participants_import import import_formations, import_participants
from app.services.revisions import BATCH_ROWS, NOW, insert_stamped, read_revisions
from app.services.scores_import import import_scores
from app.services.selections import SelectionInfo

WriteCsv = Callable[..., Path]

# 2026-01-02 03:04:05.678 UTC as a Julian day: SQLite's 'now' for every statement, until a
# test moves it on (``CLOCK[0]``).
FROZEN_DAY = 2461042.627843495
CLOCK = [FROZEN_DAY]
# 1,200 + 1,200 + 100 participants: rows 1,000 and 2,000 of the file fall inside the first
# and the second formation, so each of them is written by two statements.
SIZES = {"A-1": 1200, "A-2": 1200, "A-3": 100}
PEOPLE = sum(SIZES.values())
PARTICIPANT_HEADER = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi", "nik", "ipk"]
PARTICIPANT_COLUMNS = (
    "number, name, birth_date, formation_id, nik, education, ipk, priority_group,"
    " affirmation_percent, session"
)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection the services open reads the same SQLite 'now'."""
    configure = database_module.configure_connection
    CLOCK[0] = FROZEN_DAY

    def configure_frozen(connection: sqlite3.Connection, record: object = None) -> None:
        configure(connection, record)
        connection.create_function("julianday", 1, _frozen_julianday, deterministic=True)

    monkeypatch.setattr(database_module, "configure_connection", configure_frozen)


def _frozen_julianday(text: object) -> float:
    if text != "now":
        raise ValueError("only julianday('now') is frozen here")
    return CLOCK[0]


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    database_module.configure_connection(connection)
    return connection


def people_rows() -> list[list[str]]:
    rows = []
    number = 0
    for code, size in SIZES.items():
        for _ in range(size):
            number += 1
            rows.append(
                [
                    f"24{number:08d}",
                    f"Peserta {number}",
                    f"{1985 + number % 15}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                    code,
                    f"{1271000000000000 + number}",
                    f"{2 + number % 200 / 100:.2f}",
                ]
            )
    return rows


def skd_rows() -> list[list[str]]:
    return [
        # TWK and TIU in steps of 5, TKP of 1, as the preset wants them.
        [f"24{n:08d}", str(5 * (12 + n % 18)), str(5 * (16 + n % 19)), str(150 + n % 70)]
        for n in range(1, PEOPLE + 1)
    ]


@pytest.fixture
def selection(
    db: Database,
    actor: Actor,
    make_selection: Callable[..., SelectionInfo],
    write_csv: WriteCsv,
    tmp_path: Path,
) -> SelectionInfo:
    info = make_selection("cpns-2024")
    formations = [[code, f"Jabatan {code}", "Dinas", "S1", "400"] for code in SIZES]
    path = write_csv(
        tmp_path / "formasi.csv",
        ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"],
        formations,
    )
    import_formations(db, actor, info.id, path)
    return info


@pytest.fixture
def reference(db_path: Path, tmp_path: Path) -> Iterator[Callable[[], Path]]:
    """``reference()``: a copy of the database as it is now, to write the old way into."""
    made: list[Path] = []

    def copy() -> Path:
        target = tmp_path / f"reference-{len(made)}.db"
        source = sqlite3.connect(db_path)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
        made.append(target)
        return target

    yield copy
    for path in made:
        shutil.rmtree(path.with_name(path.name + ".cadangan"), ignore_errors=True)


def insert_row_by_row(path: Path, sql: str, rows: list[tuple[object, ...]]) -> None:
    """The reference: one statement per row, each stamping its formation through the trigger."""
    connection = _connect(path)
    try:
        connection.execute("BEGIN IMMEDIATE")
        for row in rows:
            connection.execute(sql, row)
        connection.execute("COMMIT")
    finally:
        connection.close()


def table(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = _connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def stamps(path: Path) -> list[tuple[object, ...]]:
    return table(path, "SELECT id, code, revision FROM formation ORDER BY id")


def triggers(path: Path) -> list[tuple[object, ...]]:
    return table(path, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")


PARTICIPANTS_SQL = f"SELECT id, selection_id, {PARTICIPANT_COLUMNS} FROM participant ORDER BY id"
SCORES_SQL = (
    "SELECT id, participant_id, component_id, assessor, aspect, value_milli, value_text,"
    " absent, entered_by FROM score ORDER BY id"
)


def test_a_batched_participant_import_stores_and_stamps_as_row_by_row(
    db: Database,
    db_path: Path,
    actor: Actor,
    selection: SelectionInfo,
    write_csv: WriteCsv,
    tmp_path: Path,
    reference: Callable[[], Path],
) -> None:
    assert BATCH_ROWS < SIZES["A-1"] < 2 * BATCH_ROWS < PEOPLE
    old = reference()
    before = stamps(db_path)
    CLOCK[0] = FROZEN_DAY + 1  # a day later: every stamp so far is below 'now'
    people = people_rows()
    summary = import_participants(
        db, actor, selection.id, write_csv(tmp_path / "peserta.csv", PARTICIPANT_HEADER, people)
    )
    assert (summary.added, summary.updated) == (PEOPLE, 0)

    formation_of = {str(code): int(str(id_)) for id_, code, _ in before}
    insert_row_by_row(
        old,
        "INSERT INTO participant (selection_id, created_at, number, name, birth_date,"
        " formation_id, nik, education, ipk, priority_group, affirmation_percent, session)"
        " VALUES (?, '2026-01-02 03:04:05', ?, ?, ?, ?, ?, '', ?, NULL, NULL, '')",
        [
            (selection.id, number, name, birth, formation_of[code], nik, ipk)
            for number, name, birth, code, nik, ipk in people
        ],
    )
    assert table(db_path, PARTICIPANTS_SQL) == table(old, PARTICIPANTS_SQL)
    assert stamps(db_path) == stamps(old)
    # Hand-computed: n rows at one 'now' take a stamp r below it to max(r + n, now + n - 1),
    # that is 1,199 µs above 'now' for 1,200 rows.
    now_us = table(db_path, f"SELECT {NOW}")[0][0]
    assert now_us == 1767323045678000 + 86_400_000_000
    assert all(int(str(stamp)) < now_us for _, _, stamp in before)
    assert {code: stamp for _, code, stamp in stamps(db_path)} == {
        "A-1": now_us + 1199,
        "A-2": now_us + 1199,
        "A-3": now_us + 99,
    }
    assert triggers(db_path) == triggers(old)
    with db.reading() as connection:
        stamp_a1 = read_revisions(connection, selection.id).formations["A-1"]
    assert stamp_a1 == stamps(db_path)[0][2]


def test_a_batched_score_import_stores_and_stamps_as_row_by_row(
    db: Database,
    db_path: Path,
    actor: Actor,
    selection: SelectionInfo,
    write_csv: WriteCsv,
    tmp_path: Path,
    reference: Callable[[], Path],
) -> None:
    import_participants(
        db,
        actor,
        selection.id,
        write_csv(tmp_path / "peserta.csv", PARTICIPANT_HEADER, people_rows()),
    )
    old = reference()
    scores = skd_rows()
    summary = import_scores(
        db,
        actor,
        selection.id,
        write_csv(tmp_path / "skd.csv", ["nomor_peserta", "TWK", "TIU", "TKP"], scores),
    )
    assert (summary.added, summary.updated) == (3 * PEOPLE, 0)

    ids = dict(table(old, "SELECT number, id FROM participant"))
    components = dict(table(old, "SELECT code, id FROM component"))
    rows = [
        (ids[number], components[code], int(text) * 1000)
        for number, *texts in scores
        for code, text in zip(("TWK", "TIU", "TKP"), texts, strict=True)
    ]
    insert_row_by_row(
        old,
        "INSERT INTO score (participant_id, component_id, assessor, aspect, value_milli,"
        " value_text, absent, entered_by, entered_at)"
        " VALUES (?, ?, '', '', ?, NULL, 0, 'tester', '2026-01-02 03:04:05')",
        rows,
    )
    assert len(rows) == 7500
    assert table(db_path, SCORES_SQL) == table(old, SCORES_SQL)
    assert stamps(db_path) == stamps(old)
    assert triggers(db_path) == triggers(old)


def test_a_bad_row_in_the_second_batch_changes_nothing(
    db: Database,
    db_path: Path,
    actor: Actor,
    selection: SelectionInfo,
    write_csv: WriteCsv,
    tmp_path: Path,
    dump: Callable[[Path], str],
) -> None:
    people = people_rows()
    people[1499][2] = "1990-02-31"  # row 1,501 of the file (the header is row 1)
    before = dump(db_path)
    with pytest.raises(ImportRejected) as caught:
        import_participants(
            db, actor, selection.id, write_csv(tmp_path / "peserta.csv", PARTICIPANT_HEADER, people)
        )
    assert [(p.row, p.field, p.message) for p in caught.value.problems] == [
        (1501, "tanggal_lahir", "import.bad_date")
    ]
    assert caught.value.problems[0].params == {"value": "1990-02-31"}
    assert dump(db_path) == before


def test_scores_refused_after_they_were_written_leave_nothing_behind(
    db: Database,
    db_path: Path,
    actor: Actor,
    selection: SelectionInfo,
    write_csv: WriteCsv,
    tmp_path: Path,
    dump: Callable[[Path], str],
) -> None:
    """The stage check runs after the rows went in (the trigger already set aside and made
    again): a participant of the second batch who did not pass the SKD rolls it all back."""
    import_participants(
        db,
        actor,
        selection.id,
        write_csv(tmp_path / "peserta.csv", PARTICIPANT_HEADER, people_rows()),
    )
    # Everyone passes the SKD thresholds (TWK 65, TIU 80, TKP 166) but participant 1,500.
    skd = [[f"24{n:08d}", "90", "100", "180"] for n in range(1, PEOPLE + 1)]
    skd[1499][1] = "60"
    import_scores(
        db,
        actor,
        selection.id,
        write_csv(tmp_path / "skd.csv", ["nomor_peserta", "TWK", "TIU", "TKP"], skd),
    )
    before = dump(db_path)
    skb = [[f"24{n:08d}", "400"] for n in range(1, PEOPLE + 1)]
    with pytest.raises(ImportRejected) as caught:
        import_scores(
            db,
            actor,
            selection.id,
            write_csv(tmp_path / "skb.csv", ["nomor_peserta", "CAT_SKB"], skb),
        )
    assert [(p.row, p.field, p.message) for p in caught.value.problems] == [
        (1501, "nomor_peserta", "import.stage_not_reached")
    ]
    assert dump(db_path) == before


def test_a_failure_inside_a_later_batch_restores_the_trigger_and_writes_nothing(
    db: Database, db_path: Path, selection: SelectionInfo, dump: Callable[[Path], str]
) -> None:
    before = dump(db_path)
    formation = table(db_path, "SELECT id FROM formation ORDER BY id LIMIT 1")[0][0]
    rows = [
        (selection.id, "2026-01-02", f"N{n}", "Nama", "1990-01-01", formation, "", "", "", "")
        for n in range(1500)
    ]
    rows[1200] = rows[3]  # the same number twice, in the second statement
    columns = [
        "selection_id",
        "created_at",
        "number",
        "name",
        "birth_date",
        "formation_id",
        "nik",
        "education",
        "session",
        "ipk",
    ]
    with pytest.raises(sqlite3.IntegrityError), db.writing() as connection:
        insert_stamped(connection, "participant", columns, rows, [formation] * len(rows))
    assert dump(db_path) == before


def test_insert_stamped_needs_the_callers_transaction(db_path: Path, db: Database) -> None:
    connection = _connect(db_path)
    try:
        with pytest.raises(RuntimeError):
            insert_stamped(connection, "participant", ["number"], [], [])
    finally:
        connection.close()


def test_the_clock_is_the_triggers_clock() -> None:
    """``revisions.NOW`` is migration 0006's expression: the stamps set by the importers and
    by the triggers read the same clock the same way."""
    import importlib

    migration = importlib.import_module("app.migrations.versions.0006_revisions")
    assert migration.NOW == NOW
