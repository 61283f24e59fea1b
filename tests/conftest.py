"""Shared fixtures: a real SQLite file per test, an actor, CSV files, a selection from a preset."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SELEKSI_LANG"] = "id"  # tests read the Indonesian messages, also in subprocesses

import csv
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
def dump() -> Callable[[Path], str]:
    """``dump(path)``: every row of a database file as SQL text, to prove nothing changed."""
    return _dump


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "seleksi.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
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
