"""Shared fixtures: a real SQLite file per test, an actor, CSV files, a selection from a preset.

Running every Alembic migration costs tens of milliseconds, and hundreds of tests want an empty
database: the migrations run once per session into a template file, and each test gets its
own copy of that file (``new_database``). Tests of creating and upgrading a file call
``open_database`` on a new path themselves.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SELEKSI_LANG"] = "id"  # tests read the Indonesian messages, also in subprocesses

import csv
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from app.services.actor import Actor
from app.services.database import Database
from app.services.opening import open_database
from app.services.schemes import load_preset_or_file
from app.services.selections import SelectionInfo, create_selection


def _write_csv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[object]], delimiter: str = ","
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _dump(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def write_csv() -> Callable[..., Path]:
    """``write_csv(path, header, rows, delimiter=",")``: a UTF-8 CSV file; returns ``path``."""
    return _write_csv


@pytest.fixture
def demo_fgd_file(tmp_path: Path) -> Path:
    """The demo FGD (12 respondents in 4 groups, 2 inconsistent) over the Binjai preset's final
    stage, as the CSV file a facilitator imports (issue #14)."""
    import csv

    from app.demo.fgd import fgd_rows
    from app.scoring.ahp import stage_criteria

    levels = stage_criteria(load_preset_or_file("binjai-kompetensi").stages[-1])
    rows = fgd_rows([name for codes in levels.values() for name in codes])
    path = tmp_path / "fgd.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def dump() -> Callable[[Path], str]:
    """``dump(path)``: every row of a database file as SQL text, to prove nothing changed."""
    return _dump


@pytest.fixture
def data_dump(tmp_path: Path) -> Callable[[Path], str]:
    """``data_dump(path)``: the file as SQL text without its login and refusal events, to
    prove that a refused action changed nothing but the record that someone logged in to try
    it, or was refused (issue #9: both are part of the history)."""

    def dump(path: Path) -> str:
        copy = tmp_path / f"dump-{path.name}"
        for suffix in ("", "-wal"):
            source = path.with_name(path.name + suffix)
            if source.exists():
                shutil.copyfile(source, copy.with_name(copy.name + suffix))
        connection = sqlite3.connect(copy)
        try:
            connection.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
            connection.execute(
                "DELETE FROM audit_event WHERE action IN ('login', 'permission.refused')"
            )
            connection.commit()
            return "\n".join(connection.iterdump())
        finally:
            connection.close()
            for suffix in ("", "-wal", "-shm"):
                copy.with_name(copy.name + suffix).unlink(missing_ok=True)

    return dump


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "seleksi.db"


def _checkpoint(path: Path) -> None:
    """Move everything from the write-ahead log into ``path``, so the file alone is the
    database and can be copied with an ordinary file copy."""
    connection = sqlite3.connect(path)
    try:
        busy, _log, _moved = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        connection.close()
    if busy or path.with_name(path.name + "-wal").exists():
        raise RuntimeError(f"{path} is still open elsewhere; it cannot be a template")


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the newest revision, made once per session by the app itself."""
    path = tmp_path_factory.mktemp("template") / "seleksi.db"
    open_database(path).close()
    _checkpoint(path)
    return path


def _open_copy(template: Path, path: Path) -> Database:
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    path.chmod(0o600)  # as open_database creates it: scores and personal data
    return open_database(path)


@pytest.fixture(scope="session")
def copy_database() -> Callable[[Path, Path], Database]:
    """``copy_database(template, path)``: a closed database file copied to the new ``path`` and
    opened there, readable by the owner only as the app creates its files. The caller closes
    it. Module templates (a demo made once) are handed to each test this way."""

    def copy(template: Path, path: Path) -> Database:
        _checkpoint(template)
        return _open_copy(template, path)

    return copy


@pytest.fixture(scope="session")
def new_database(database_template: Path) -> Callable[[Path], Database]:
    """``new_database(path)``: what ``open_database`` gives for a new ``path``, without running
    the migrations again (a copy of ``database_template``). The caller closes it."""
    return lambda path: _open_copy(database_template, path)


@pytest.fixture
def db(db_path: Path, new_database: Callable[[Path], Database]) -> Iterator[Database]:
    database = new_database(db_path)
    yield database
    database.close()


@pytest.fixture
def actor() -> Actor:
    return Actor("tester", "admin")


@pytest.fixture
def make_selection(db: Database, actor: Actor) -> Callable[..., SelectionInfo]:
    """``make_selection("cpns-2024")`` creates a selection from a preset name (or file)."""

    def make(preset: str, name: str = "Seleksi uji", year: int = 2024) -> SelectionInfo:
        return create_selection(db, actor, load_preset_or_file(preset), name, year, "Kota Binjai")

    return make


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """The real PostgreSQL of this run: the one ``make test`` started (``SELEKSI_TEST_PG``),
    else one started here for the session and stopped after it. Never a mock; a machine
    without PostgreSQL 15 fails these tests (``make test`` installs it first)."""
    given = os.environ.get("SELEKSI_TEST_PG")
    if given:
        yield given
        return
    import tempfile
    import uuid

    from tools import pg_server

    # Made by the tool itself, right in the temporary folder: as root the server runs as
    # another user, who must be able to reach it.
    folder = Path(tempfile.gettempdir()) / f"seleksi-pg-{uuid.uuid4().hex[:12]}"
    try:
        yield pg_server.start(folder)
    finally:
        pg_server.stop(folder)


@pytest.fixture
def server_db(pg_url: str) -> Iterator[str]:
    """A new, empty database on the suite's server (its URL), dropped afterwards with every
    connection still open to it."""
    import uuid

    import psycopg

    name = f"seleksi_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = pg_url.rsplit("/", 1)[0] + f"/{name}"
    yield url
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
