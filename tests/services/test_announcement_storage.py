"""How an issued announcement is stored: its PDF and snapshot written into the row that the
same transaction inserts (SQLite blob writes), never changed after the commit."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.services import announcements
from app.services.actor import Actor
from app.services.announcements import (
    issue_announcement,
    list_announcements,
    snapshot_of,
    stored_pdf,
    verify_announcement,
)
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import UserError
from app.services.finalization import finalize
from app.services.ranking import compute_ranking
from app.services.signing import check_signature, create_committee_key

ADMIN = Actor("ketua", "admin")
PASSWORD = "kunci-panitia-2024"


@pytest.fixture(scope="module")
def selection(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("simpan")
    db = new_database(folder / "seleksi.db")
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=60, seed=5)
    finalize(db, ADMIN, info.id, "AKHIR")
    db.close()
    return folder / "seleksi.db", info.id


@pytest.fixture
def db(
    selection: tuple[Path, int], tmp_path: Path, copy_database: Callable[[Path, Path], Database]
) -> Database:
    return copy_database(selection[0], tmp_path / "db" / "seleksi.db")


@pytest.fixture
def key(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "kunci"
    folder.mkdir()
    p12, cert = folder / "panitia.p12", folder / "panitia.pem"
    create_committee_key(p12, cert, PASSWORD, "Panitia Seleksi Daerah", "Pemerintah Kota Binjai")
    return p12, cert


def _issue(db: Database, selection_id: int, out: Path, **options: object):
    return issue_announcement(
        db, ADMIN, selection_id, None, out, number="001/PANSELDA/2024",
        issued_on=dt.date(2024, 12, 5), **options,
    )  # fmt: skip


def _stored_row(db: Database) -> tuple:
    with sqlite3.connect(db.path) as connection:
        return connection.execute(
            "SELECT typeof(snapshot), length(CAST(snapshot AS BLOB)), snapshot, snapshot_sha256,"
            " typeof(pdf), pdf, pdf_sha256, json_array_length(snapshot, '$.rows')"
            " FROM announcement"
        ).fetchone()


def test_the_stored_pdf_is_the_signed_file_and_the_snapshot_stays_text(
    db: Database, selection: tuple[Path, int], tmp_path: Path, key: tuple[Path, Path]
) -> None:
    out = tmp_path / "pengumuman.pdf"
    info = _issue(db, selection[1], out, key=(key[0], PASSWORD))
    data = out.read_bytes()
    assert stored_pdf(db, info.id) == data
    assert hashlib.sha256(data).hexdigest() == info.pdf_sha256
    assert check_signature(data, key[1].read_bytes()).ok
    kind, size, snapshot, snapshot_hash, pdf_kind, pdf, pdf_hash, rows = _stored_row(db)
    # The snapshot is TEXT, read with SQLite's JSON functions, as a bound value was.
    assert (kind, pdf_kind) == ("text", "blob")
    assert size == len(snapshot.encode("utf-8"))
    assert hashlib.sha256(snapshot.encode("utf-8")).hexdigest() == snapshot_hash
    assert snapshot_hash == info.snapshot_sha256
    assert rows == info.rows == list_announcements(db, selection[1])[0].rows > 0
    assert (bytes(pdf), pdf_hash) == (data, info.pdf_sha256)
    # Exactly what ``snapshot_of`` makes of the same ranking (the text the hash is of).
    header = {k: v for k, v in json.loads(snapshot).items() if k not in ("columns", "rows")}
    ranking = compute_ranking(db, selection[1])
    assert snapshot_of(ranking, header) == (snapshot, snapshot_hash)
    assert verify_announcement(db, out, key[1]).ok
    # Nothing but the PDF is left in its folder: the scratch files had no names.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "kunci", "pengumuman.pdf"]


def test_an_issued_row_still_refuses_every_change(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    _issue(db, selection[1], tmp_path / "pengumuman.pdf")
    with sqlite3.connect(db.path) as connection:
        for statement in (
            "UPDATE announcement SET pdf = x'00'",
            "UPDATE announcement SET snapshot = '{}'",
            "DELETE FROM announcement",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="tidak dapat diubah"):
                connection.execute(statement)
    assert verify_announcement(db, tmp_path / "pengumuman.pdf").ok


def test_contents_that_differ_from_their_hash_store_nothing(
    db: Database, selection: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bytes written into the row are hashed again before the commit: a PDF that is not
    the one hashed (and printed in the audit event) leaves no announcement and no file."""
    real_digest = announcements._digest

    def wrong_digest(handle):  # the PDF "changed" between hashing and storing
        _real, size = real_digest(handle)
        return "0" * 64, size

    monkeypatch.setattr(announcements, "_digest", wrong_digest)
    out = tmp_path / "pengumuman.pdf"
    with pytest.raises(RuntimeError, match="differs"):
        _issue(db, selection[1], out)
    assert list_announcements(db, selection[1]) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db"]


def test_a_refused_key_or_a_cancelled_rendering_leaves_no_file(
    db: Database, selection: tuple[Path, int], tmp_path: Path, key: tuple[Path, Path]
) -> None:
    out = tmp_path / "pengumuman.pdf"
    with pytest.raises(UserError) as wrong:
        _issue(db, selection[1], out, key=(key[0], "bukan-sandinya"))
    assert wrong.value.message == "sign.bad_key"

    class Cancelled(Exception):
        pass

    def cancel(_rows: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        _issue(db, selection[1], out, progress=cancel)
    assert list_announcements(db, selection[1]) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "kunci"]


def test_a_folder_that_cannot_be_written_is_refused_before_rendering(
    db: Database, selection: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[object] = []
    monkeypatch.setattr(
        "app.reports.announcement.render_announcement", lambda *a, **k: rendered.append(a)
    )
    with pytest.raises(UserError) as refused:
        _issue(db, selection[1], tmp_path / "tidak-ada" / "pengumuman.pdf")
    assert refused.value.message == "cli.cannot_write"
    assert rendered == []
    assert list_announcements(db, selection[1]) == []
