"""Document settings: defaults from the selection, saved exactly, images checked."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.services.actor import Actor
from app.services.database import Database
from app.services.document_settings import document_settings, save_document_settings
from app.services.errors import PermissionDenied, UserError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_defaults_follow_the_selection(db: Database, make_selection: Callable) -> None:
    info = make_selection("cpns-2024")
    settings = document_settings(db, info.id)
    assert settings.government == "KOTA BINJAI"
    assert any("Nomor 6 Tahun 2024" in line for line in settings.legal_basis)
    assert settings.signatory_title == "Ketua Panitia Seleksi Daerah"


def test_settings_are_saved_and_checked(
    db: Database, actor: Actor, make_selection: Callable
) -> None:
    info = make_selection("binjai-kompetensi")
    wanted = dataclasses.replace(
        document_settings(db, info.id),
        government="PEMERINTAH KOTA BINJAI",
        address="Jl. Jenderal Sudirman No. 6, Binjai",
        signatory_name="Drs.  Ahmad Yani,  M.Si.",
        signatory_nip="19700101 199003 1 001",
        signatory_prefix="Plh.",
        committee=(("Ketua", "Drs. Ahmad Yani, M.Si."), ("Sekretaris", "Rina Ginting, S.H.")),
        logo=PNG,
    )
    saved = save_document_settings(db, actor, info.id, wanted).value
    assert saved.signatory_name == "Drs. Ahmad Yani, M.Si."
    assert saved.signatory_nip == "197001011990031001"  # written in groups, stored as 18 digits
    assert saved.logo == PNG
    assert saved.committee[1] == ("Sekretaris", "Rina Ginting, S.H.")
    with pytest.raises(UserError):
        save_document_settings(db, actor, info.id, dataclasses.replace(wanted, logo=b"GIF89a"))
    with pytest.raises(UserError):
        save_document_settings(
            db, actor, info.id, dataclasses.replace(wanted, signatory_prefix="Plt.")
        )
    with pytest.raises(PermissionDenied):
        save_document_settings(db, Actor("op", "operator"), info.id, wanted)


def test_issued_announcements_cannot_be_changed_even_by_hand(
    db: Database, db_path: Path, make_selection: Callable
) -> None:
    info = make_selection("binjai-kompetensi")
    with sqlite3.connect(db_path) as connection:
        stage_id = connection.execute("SELECT id FROM stage").fetchone()[0]
        connection.execute(
            "INSERT INTO announcement (selection_id, stage_id, document_id, number, issued_on,"
            " subject, signatory, snapshot, snapshot_sha256, pdf, pdf_sha256, signed,"
            " created_by, created_at) VALUES (?, ?, 'D1', '1', '2024-12-05', 's', '{}', '{}',"
            " 'h', x'00', 'h', 0, 't', '2024-12-05 00:00:00')",
            (info.id, stage_id),
        )
    for statement in ("UPDATE announcement SET number = '2'", "DELETE FROM announcement"):
        with sqlite3.connect(db_path) as connection, pytest.raises(sqlite3.DatabaseError):
            connection.execute(statement)


@pytest.mark.parametrize("nip", ["1970 0101", "19700101199003100A", "197001011990031001-1"])
def test_a_nip_that_is_not_18_digits_is_refused_with_the_reason(
    db: Database, actor: Actor, make_selection: Callable, nip: str
) -> None:
    """Issue #10 §6: the NIP field took spaces and anything else against its own hint."""
    info = make_selection("binjai-kompetensi")
    before = document_settings(db, info.id)
    with pytest.raises(UserError) as refused:
        save_document_settings(db, actor, info.id, dataclasses.replace(before, signatory_nip=nip))
    assert refused.value.message == "documents.bad_nip"
    assert "18 digit" in refused.value.text()
    assert document_settings(db, info.id) == before


def test_a_settings_change_is_audited_field_by_field(
    db: Database, actor: Actor, make_selection: Callable
) -> None:
    """Issue #10 §5: the trail shows which setting changed from what to what."""
    from app.services.audit import audit_log

    info = make_selection("binjai-kompetensi")
    before = document_settings(db, info.id)
    save_document_settings(
        db,
        actor,
        info.id,
        dataclasses.replace(
            before, address="Jl. Veteran No. 1", signatory_nip="19700101 199003 1 001"
        ),
    )
    [event] = [e for e in audit_log(db) if e.action == "documents.settings"]
    assert json.loads(event.new or "{}") == {
        "address": "Jl. Veteran No. 1",
        "signatory_nip": "197001011990031001",
    }
    assert json.loads(event.old or "{}") == {
        "address": before.address,
        "signatory_nip": before.signatory_nip,
    }


def test_the_closing_provisions_are_saved_checked_and_worded(
    db: Database, actor: Actor, make_selection: Callable
) -> None:
    """Issue #11 §1: masa sanggah (both days, in order), the next steps, the standard
    statements (kept as "standard" until edited), tembusan; the announcement numbers them."""
    import datetime as dt

    from app.services.announcements import closing_provisions
    from app.services.document_settings import DEFAULT_CLOSING

    info = make_selection("cpns-2024")
    settings = document_settings(db, info.id)
    assert settings.closing == DEFAULT_CLOSING and settings.copies_to == ()
    wanted = dataclasses.replace(
        settings,
        objection_from=dt.date(2024, 12, 6),
        objection_to=dt.date(2024, 12, 8),
        objection_place="Sekretariat Panitia, Kantor BKPSDM Kota Binjai",
        next_steps="Peserta P/L mengikuti SKB sesuai jadwal yang diumumkan kemudian.",
        copies_to=("Wali Kota Binjai", " ", "Kepala Kantor Regional VI BKN"),
    )
    saved = save_document_settings(db, actor, info.id, wanted).value
    assert saved.objection_to == dt.date(2024, 12, 8)
    assert saved.copies_to == ("Wali Kota Binjai", "Kepala Kantor Regional VI BKN")
    with db.reading() as connection:
        stored = connection.execute(
            "SELECT closing FROM document_settings WHERE selection_id = ?", (info.id,)
        ).fetchone()[0]
    assert stored is None  # the standard statements: a later wording reaches this file
    items = closing_provisions(saved)
    assert items[0] == (
        "Peserta yang berkeberatan atas hasil ini dapat mengajukan sanggahan secara tertulis"
        " pada tanggal 6 Desember 2024 sampai dengan 8 Desember 2024 kepada Sekretariat"
        " Panitia, Kantor BKPSDM Kota Binjai; sanggahan yang diterima sesudahnya tidak dilayani."
    )
    assert items[1].startswith("Peserta P/L mengikuti SKB") and items[2:] == DEFAULT_CLOSING
    own = save_document_settings(
        db, actor, info.id, dataclasses.replace(saved, closing=("Satu ketentuan saja.",))
    ).value
    assert closing_provisions(own)[2:] == ("Satu ketentuan saja.",)
    for wrong, message in (
        (dataclasses.replace(saved, objection_to=None), "documents.objection_incomplete"),
        (
            dataclasses.replace(saved, objection_to=dt.date(2024, 12, 5)),
            "documents.objection_order",
        ),
    ):
        with pytest.raises(UserError) as refused:
            save_document_settings(db, actor, info.id, wrong)
        assert refused.value.message == message
    assert document_settings(db, info.id).closing == ("Satu ketentuan saja.",)
