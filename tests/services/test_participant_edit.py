"""Adding and correcting one participant by hand (issue #10 §4, "Participants").

Each refusal is checked for its message and for a database that did not change (not even an
audit event beyond the refusal record); each change for what reached the table, the audit
trail (old → new, the reason) and the results it moves.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.services.actor import Actor
from app.services.audit import audit_log, verify_chain
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import PermissionDenied, UserError
from app.services.finalization import finalize
from app.services.participant_edit import (
    ParticipantEntry,
    ParticipantRejected,
    add_participant,
    correct_participant,
    participant_details,
)
from app.services.ranking import compute_ranking
from app.services.score_entry import score_sheet

ADMIN = Actor("ketua", "admin")
OPERATOR = Actor("operator", "operator")
ASSESSOR = Actor("penilai", "penilai")


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("edit") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, "cpns-2024", participants=60, seed=3)
    database.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path, template: tuple[Path, int], copy_database: Callable[[Path, Path], Database]
) -> Iterator[tuple[Database, int]]:
    database = copy_database(template[0], tmp_path / "seleksi.db")
    yield database, template[1]
    database.close()


def _row(db: Database, number: str) -> tuple[object, ...]:
    connection = sqlite3.connect(db.path)
    try:
        return connection.execute(
            "SELECT p.name, p.birth_date, f.code, p.nik, p.education, p.ipk, p.priority_group,"
            " p.affirmation_percent, p.session FROM participant p"
            " JOIN formation f ON f.id = p.formation_id WHERE p.number = ?",
            (number,),
        ).fetchone()
    finally:
        connection.close()


def _entry(db: Database, selection: int, number: str) -> ParticipantEntry:
    """The stored participant as the dialog would hand it back unchanged."""
    details = participant_details(db, selection, number)
    return ParticipantEntry(
        number=details.number,
        name=details.name,
        birth_date=details.birth_date.isoformat(),
        formation=details.formation,
        nik=details.nik,
        education=details.education,
        ipk="" if details.ipk is None else str(details.ipk),
        priority_group="" if details.priority_group is None else str(details.priority_group),
        affirmation_percent=""
        if details.affirmation_percent is None
        else str(details.affirmation_percent),
        session=details.session,
    )


def _first(db: Database, selection: int) -> str:
    return score_sheet(db, selection, "TWK").rows[0].number


def _formations(db: Database) -> list[str]:
    connection = sqlite3.connect(db.path)
    try:
        return [code for (code,) in connection.execute("SELECT code FROM formation ORDER BY code")]
    finally:
        connection.close()


def test_a_late_participant_is_added_with_the_reason_on_record(demo) -> None:
    db, selection = demo
    formation = _formations(db)[0]
    entry = ParticipantEntry(
        number="24127500009999",
        name="  Siti   Rahmawati ",
        birth_date="31-01-1998",
        formation=formation.lower(),
        nik="1275014101980001",
        education="S1 Akuntansi",
        ipk="3,62",
        session="Sesi 2",
    )
    saved = add_participant(db, OPERATOR, selection, entry, "susulan, surat BKN 12/2024")
    assert saved.added and saved.number == "24127500009999"
    assert _row(db, "24127500009999") == (
        "Siti Rahmawati",
        "1998-01-31",
        formation,
        "1275014101980001",
        "S1 Akuntansi",
        "3.62",
        None,
        None,
        "Sesi 2",
    )
    event = audit_log(db, limit=1)[0]
    assert event.action == "participant.added"
    assert event.actor == "operator" and event.participant == "24127500009999"
    assert event.reason == "susulan, surat BKN 12/2024"
    assert '"ipk": "3.62"' in event.new and f'"formation_id": "{formation}"' in event.new
    assert verify_chain(db).ok
    # The new participant takes part in the ranking of their formation (no score yet).
    rows = compute_ranking(db, selection, "SKD", formation).rows
    assert "24127500009999" in {row.number for row in rows}
    assert formation in saved.changes.formations


def test_a_correction_changes_only_what_differs_and_audits_old_and_new(demo) -> None:
    db, selection = demo
    number = _first(db, selection)
    before = _row(db, number)
    seen = participant_details(db, selection, number)
    entry = replace(_entry(db, selection, number), name="Budi Santoso Nasution", ipk="3,5")
    saved = correct_participant(db, ADMIN, selection, number, entry, "salah ketik nama", seen=seen)
    assert saved.changed == ("nama", "ipk") and not saved.added
    after = _row(db, number)
    assert after[0] == "Budi Santoso Nasution" and after[5] == "3.5"
    assert after[1:5] == before[1:5] and after[6:] == before[6:]
    event = audit_log(db, limit=1)[0]
    assert event.action == "participant.updated" and event.reason == "salah ketik nama"
    assert json.loads(event.old or "") == {"name": before[0], "ipk": before[5] or ""}
    assert json.loads(event.new or "") == {"name": "Budi Santoso Nasution", "ipk": "3.5"}


def test_an_unchanged_entry_writes_nothing(demo, dump) -> None:
    db, selection = demo
    number = _first(db, selection)
    before = dump(db.path)
    saved = correct_participant(db, ADMIN, selection, number, _entry(db, selection, number), "cek")
    assert saved.changed == ()
    assert dump(db.path) == before


def test_bad_fields_are_all_named_and_nothing_is_written(demo, data_dump) -> None:
    db, selection = demo
    number = _first(db, selection)
    before = data_dump(db.path)
    entry = replace(
        _entry(db, selection, number),
        name="",
        birth_date="31-02-2000",
        nik="12 34",
        ipk="4,x",
        formation="TIDAK-ADA",
    )
    with pytest.raises(ParticipantRejected) as caught:
        correct_participant(db, ADMIN, selection, number, entry, "koreksi")
    assert caught.value.fields == ["nama", "tanggal_lahir", "kode_formasi", "nik", "ipk"]
    assert caught.value.text() == (
        "data peserta belum disimpan; perbaiki isian berikut:\n"
        "Nama: wajib diisi\n"
        "Tanggal lahir: tanggal '31-02-2000' tidak valid (gunakan YYYY-MM-DD atau DD-MM-YYYY)\n"
        "Formasi: formasi 'TIDAK-ADA' tidak dikenal\n"
        "NIK: NIK '12 34' harus 16 angka\n"
        "IPK: '4,x' bukan angka"
    )
    assert data_dump(db.path) == before


def test_a_number_already_used_is_refused(demo, data_dump) -> None:
    db, selection = demo
    sheet = score_sheet(db, selection, "TWK").rows
    first, second = sheet[0].number, sheet[1].number
    before = data_dump(db.path)
    taken = replace(_entry(db, selection, first), number=second)
    with pytest.raises(ParticipantRejected) as caught:
        correct_participant(db, ADMIN, selection, first, taken, "nomor salah")
    assert caught.value.fields == ["nomor_peserta"]
    assert f"nomor peserta '{second}' sudah dipakai peserta lain" in caught.value.text()
    with pytest.raises(ParticipantRejected):
        add_participant(db, ADMIN, selection, _entry(db, selection, first), "dobel")
    assert data_dump(db.path) == before


def test_a_reason_is_required(demo, data_dump) -> None:
    db, selection = demo
    number = _first(db, selection)
    before = data_dump(db.path)
    entry = replace(_entry(db, selection, number), name="Nama Baru")
    with pytest.raises(UserError) as caught:
        correct_participant(db, ADMIN, selection, number, entry, "  ")
    assert caught.value.text() == (
        "alasan wajib diisi: perubahan data peserta dicatat dalam jejak audit"
    )
    assert data_dump(db.path) == before


def test_an_assessor_may_not_edit_participants(demo, data_dump) -> None:
    db, selection = demo
    number = _first(db, selection)
    before = data_dump(db.path)
    entry = replace(_entry(db, selection, number), name="Nama Baru")
    with pytest.raises(PermissionDenied):
        correct_participant(db, ASSESSOR, selection, number, entry, "coba")
    assert data_dump(db.path) == before


def test_a_finalized_formation_is_read_only_both_ways(demo, data_dump) -> None:
    db, selection = demo
    number = _first(db, selection)
    details = participant_details(db, selection, number)
    other = next(code for code in _formations(db) if code != details.formation)
    finalize(db, ADMIN, selection, "SKD", [details.formation])
    assert participant_details(db, selection, number).locked == "SKD"
    before = data_dump(db.path)
    renamed = replace(_entry(db, selection, number), name="Nama Baru")
    with pytest.raises(UserError) as caught:
        correct_participant(db, ADMIN, selection, number, renamed, "koreksi")
    assert caught.value.message == "finalize.locked"
    # Nobody is added to a final formation, nor moved into it.
    late = replace(renamed, number="24127500008888")
    with pytest.raises(UserError, match=r"finalize\.locked"):
        add_participant(db, ADMIN, selection, late, "susulan")
    mover = next(
        row.number
        for row in score_sheet(db, selection, "TWK", formation=other).rows
        if row.number != number
    )
    moved = replace(_entry(db, selection, mover), formation=details.formation)
    with pytest.raises(UserError, match=r"finalize\.locked"):
        correct_participant(db, ADMIN, selection, mover, moved, "pindah formasi")
    assert data_dump(db.path) == before


def test_a_change_made_meanwhile_is_not_overwritten(demo) -> None:
    db, selection = demo
    number = _first(db, selection)
    seen = participant_details(db, selection, number)
    first = replace(_entry(db, selection, number), session="Sesi 9")
    correct_participant(db, OPERATOR, selection, number, first, "jadwal ulang")
    mine = replace(_entry(db, selection, number), session="Sesi 1", name="Nama Saya")
    with pytest.raises(UserError) as caught:
        correct_participant(db, ADMIN, selection, number, mine, "koreksi", seen=seen)
    assert caught.value.message == "participant.changed_meanwhile"
    assert _row(db, number)[8] == "Sesi 9"


def test_moving_a_participant_touches_both_formations(demo) -> None:
    db, selection = demo
    number = _first(db, selection)
    details = participant_details(db, selection, number)
    other = next(code for code in _formations(db) if code != details.formation)
    saved = correct_participant(
        db,
        ADMIN,
        selection,
        number,
        replace(_entry(db, selection, number), formation=other),
        "salah formasi",
    )
    assert saved.changed == ("kode_formasi",)
    assert {details.formation, other} <= saved.changes.formations
    assert number in {row.number for row in compute_ranking(db, selection, "SKD", other).rows}
    assert number not in {
        row.number for row in compute_ranking(db, selection, "SKD", details.formation).rows
    }


def test_details_read_back_as_typed_values(demo) -> None:
    db, selection = demo
    number = _first(db, selection)
    correct_participant(
        db,
        ADMIN,
        selection,
        number,
        replace(_entry(db, selection, number), ipk="3,750", affirmation_percent="10"),
        "ijazah",
    )
    details = participant_details(db, selection, number)
    assert details.ipk == Decimal("3.750") and details.affirmation_percent == Decimal(10)
    assert isinstance(details.birth_date, date) and details.locked == ""
    assert details.scores > 0
