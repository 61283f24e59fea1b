"""One-value score entry: validation, TH, aspects versus whole values, undo, roles, stages."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.scoring.score_rows import StoredRow
from app.services.actor import Actor
from app.services.audit import audit_log
from app.services.database import Database
from app.services.errors import PermissionDenied, UserError
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import compute_ranking
from app.services.score_entry import (
    entry_progress,
    known_assessors,
    restore_scores,
    save_score,
    score_sheet,
    stored_rows,
)
from app.services.selections import SelectionInfo

FIX = "salah ketik dari blanko"  # replacing a value already entered needs a reason

PEOPLE = [
    ["001", "Rina Ginting", "1995-03-12", "BNJ-02"],
    ["002", "Andi Siregar", "1994-07-01", "BNJ-02"],
    ["003", "Budi Tarigan", "1996-01-01", "BNJ-02"],
]


@pytest.fixture
def binjai(
    db: Database,
    actor: Actor,
    make_selection: Callable[..., SelectionInfo],
    write_csv: Callable[..., Path],
    tmp_path: Path,
) -> SelectionInfo:
    info = make_selection("binjai-kompetensi")
    import_formations(db, actor, info.id, Path("resources/demo/formasi_binjai.csv"))
    people = write_csv(
        tmp_path / "peserta.csv", ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"], PEOPLE
    )
    import_participants(db, actor, info.id, people)
    return info


def _rows(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT p.number, c.code, s.assessor, s.aspect, s.value_milli, s.absent, s.entered_by"
            " FROM score s JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id ORDER BY 1, 2, 3, 4"
        ).fetchall()


def test_a_whole_value_is_stored_with_its_author(
    db: Database, db_path: Path, actor: Actor, binjai: SelectionInfo
) -> None:
    change = save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "72")
    assert change.before == ()
    assert change.after == (StoredRow("", 72000, None, False),)
    assert _rows(db_path) == [("001", "PENGETAHUAN", "", "", 72000, 0, "tester")]


@pytest.mark.parametrize(
    ("text", "message"),
    [("101", "value.out_of_range"), ("72.5", "value.not_whole"), ("abc", "value.not_number")],
)
def test_a_refused_value_changes_nothing(
    db: Database, db_path: Path, actor: Actor, binjai: SelectionInfo, text: str, message: str
) -> None:
    save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "70")
    with pytest.raises(UserError) as refused:
        save_score(db, actor, binjai.id, "001", "PENGETAHUAN", text)
    assert refused.value.message == message
    assert _rows(db_path) == [("001", "PENGETAHUAN", "", "", 70000, 0, "tester")]


def test_aspects_and_whole_values_of_one_assessor_exclude_each_other(
    db: Database, db_path: Path, actor: Actor, binjai: SelectionInfo
) -> None:
    save_score(db, actor, binjai.id, "002", "PRAKTIK", "80", assessor="Penilai A")
    save_score(
        db,
        actor,
        binjai.id,
        "002",
        "PRAKTIK",
        "70",
        assessor="Penilai A",
        aspect="SIKAP",
        reason=FIX,
    )
    assert _rows(db_path) == [("002", "PRAKTIK", "Penilai A", "SIKAP", 70000, 0, "tester")]
    change = save_score(
        db, actor, binjai.id, "002", "PRAKTIK", "81", assessor="Penilai A", reason=FIX
    )
    assert change.before == (StoredRow("SIKAP", 70000, None, False),)
    assert _rows(db_path) == [("002", "PRAKTIK", "Penilai A", "", 81000, 0, "tester")]


def test_absence_replaces_the_aspects_and_undo_brings_them_back(
    db: Database, db_path: Path, actor: Actor, binjai: SelectionInfo
) -> None:
    for aspect, value in (("TEKNIS", "80"), ("SIKAP", "70")):
        save_score(db, actor, binjai.id, "003", "PRAKTIK", value, assessor="B", aspect=aspect)
    before = _rows(db_path)
    change = save_score(
        db, actor, binjai.id, "003", "PRAKTIK", "t", assessor="B", aspect="SIKAP", reason=FIX
    )
    assert _rows(db_path) == [("003", "PRAKTIK", "B", "", None, 1, "tester")]
    restore_scores(db, Actor("kedua", "operator"), change)
    assert [row[:6] for row in _rows(db_path)] == [row[:6] for row in before]
    assert {row[6] for row in _rows(db_path)} == {"kedua"}  # the undo is a saved change too
    restore_scores(db, actor, change, undo=False)
    assert _rows(db_path) == [("003", "PRAKTIK", "B", "", None, 1, "tester")]


def test_an_empty_value_clears_one_aspect(
    db: Database, db_path: Path, actor: Actor, binjai: SelectionInfo
) -> None:
    save_score(db, actor, binjai.id, "001", "PRAKTIK", "80", assessor="A", aspect="TEKNIS")
    save_score(db, actor, binjai.id, "001", "PRAKTIK", "60", assessor="A", aspect="SIKAP")
    save_score(
        db, actor, binjai.id, "001", "PRAKTIK", "", assessor="A", aspect="TEKNIS", reason=FIX
    )
    assert _rows(db_path) == [("001", "PRAKTIK", "A", "SIKAP", 60000, 0, "tester")]


def test_multi_assessor_components_need_a_name_and_a_penilai_only_uses_theirs(
    db: Database, actor: Actor, binjai: SelectionInfo
) -> None:
    with pytest.raises(UserError) as missing:
        save_score(db, actor, binjai.id, "001", "PRAKTIK", "80")
    assert missing.value.message == "entry.assessor_required"
    assessor = Actor("dewi", "penilai", full_name="Dewi Lestari")
    with pytest.raises(PermissionDenied):
        save_score(db, assessor, binjai.id, "001", "PRAKTIK", "80", assessor="Orang Lain")
    save_score(db, assessor, binjai.id, "001", "PRAKTIK", "80", assessor="Dewi Lestari")
    assert "Dewi Lestari" in known_assessors(db, binjai.id, "PRAKTIK")


def test_single_assessor_components_keep_one_value_whoever_types(
    db: Database, db_path: Path, actor: Actor, binjai: SelectionInfo
) -> None:
    save_score(db, actor, binjai.id, "001", "PSIKOTES", "70", assessor="Siapa Saja")
    save_score(db, Actor("lain", "operator"), binjai.id, "001", "PSIKOTES", "75", reason=FIX)
    assert _rows(db_path) == [("001", "PSIKOTES", "", "", 75000, 0, "lain")]


def test_the_sheet_shows_values_progress_and_reaches_the_ranking(
    db: Database, actor: Actor, binjai: SelectionInfo
) -> None:
    for number, value in (("001", "80"), ("002", "TH")):
        save_score(db, actor, binjai.id, number, "PENGETAHUAN", value)
    sheet = score_sheet(db, binjai.id, "PENGETAHUAN", formation="BNJ-02")
    assert [row.number for row in sheet.rows] == ["001", "002", "003"]
    assert sheet.rows[0].values == {"": "80"}
    assert sheet.rows[1].absent
    assert entry_progress(db, binjai.id, "PENGETAHUAN") == (2, 3)
    ranking = compute_ranking(db, binjai.id, formation="BNJ-02")
    assert {r.number: r.code for r in ranking.rows}["002"] == "TH"


def test_a_later_stage_takes_only_those_who_passed(
    db: Database,
    actor: Actor,
    make_selection: Callable[..., SelectionInfo],
    write_csv: Callable[..., Path],
    tmp_path: Path,
) -> None:
    info = make_selection("cpns-2024")
    import_formations(db, actor, info.id, Path("resources/demo/formasi_binjai.csv"))
    people = [[f"00{i}", f"Peserta {i}", "1995-01-01", "BNJ-02"] for i in range(1, 6)]
    path = write_csv(
        tmp_path / "p.csv", ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"], people
    )
    import_participants(db, actor, info.id, path)
    # BNJ-02 has kebutuhan 1: the best three at SKD go on to AKHIR.
    for index, number in enumerate(["001", "002", "003", "004", "005"]):
        for code, value in (("TWK", 100), ("TIU", 120), ("TKP", 200 - index)):
            save_score(db, actor, info.id, number, code, str(value))
    sheet = score_sheet(db, info.id, "CAT_SKB")
    assert [row.number for row in sheet.rows] == ["001", "002", "003"]
    with pytest.raises(UserError) as refused:
        save_score(db, actor, info.id, "005", "CAT_SKB", "300")
    assert refused.value.message == "entry.stage_not_reached"


def test_replacing_or_clearing_an_entered_value_needs_a_reason(
    db: Database,
    db_path: Path,
    actor: Actor,
    binjai: SelectionInfo,
    dump: Callable[[Path], str],
) -> None:
    save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "70")
    before = dump(db_path)
    for text, reason in (("75", ""), ("", ""), ("TH", "   ")):
        with pytest.raises(UserError) as refused:
            save_score(db, actor, binjai.id, "001", "PENGETAHUAN", text, reason=reason)
        assert refused.value.message == "entry.reason_required"
        assert "alasan" in refused.value.text()
    assert dump(db_path) == before  # neither the score nor the audit trail moved
    # Typing the value that is already there replaces nothing and needs no reason.
    save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "70")
    change = save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "75", reason=FIX)
    assert change.after == (StoredRow("", 75000, None, False),)
    assert audit_log(db, participant="001")[-1].reason == FIX
    # Undo and redo put back a state the user saw; they are audited as such, without a reason.
    restore_scores(db, actor, change)
    restore_scores(db, actor, change, undo=False)
    actions = [e.action for e in audit_log(db, participant="001")]
    assert actions[-4:] == ["score.entered", "score.replaced", "score.undone", "score.redone"]


def test_filling_an_empty_aspect_needs_no_reason_but_replacing_one_does(
    db: Database, db_path: Path, actor: Actor, binjai: SelectionInfo
) -> None:
    for aspect, value in (("TEKNIS", "80"), ("SIKAP", "70")):
        save_score(db, actor, binjai.id, "003", "PRAKTIK", value, assessor="B", aspect=aspect)
    for text, aspect in (("71", "SIKAP"), ("TH", "KETEPATAN"), ("90", "")):
        with pytest.raises(UserError) as refused:
            save_score(db, actor, binjai.id, "003", "PRAKTIK", text, assessor="B", aspect=aspect)
        assert refused.value.message == "entry.reason_required"
    assert [row[3:5] for row in _rows(db_path)] == [("SIKAP", 70000), ("TEKNIS", 80000)]


def test_a_save_over_a_value_the_window_did_not_show_is_refused(
    db: Database,
    db_path: Path,
    actor: Actor,
    binjai: SelectionInfo,
    dump: Callable[[Path], str],
) -> None:
    save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "70")
    shown = score_sheet(db, binjai.id, "PENGETAHUAN").rows[0].stored
    assert shown == stored_rows(db, binjai.id, "001", "PENGETAHUAN")
    assert shown == (StoredRow("", 70000, None, False),)
    other = Actor("budi", "operator")
    save_score(db, other, binjai.id, "001", "PENGETAHUAN", "75", reason="blanko kedua")
    before = dump(db_path)
    for stale in (shown, ()):
        with pytest.raises(UserError) as refused:
            save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "80", reason=FIX, expected=stale)
        assert refused.value.message == "entry.changed_elsewhere"
        assert refused.value.params["by"] == "budi"
        assert "diubah oleh budi" in refused.value.text()
        assert "muat ulang" in refused.value.text()
    assert dump(db_path) == before
    # Reloaded, the same save goes through.
    fresh = stored_rows(db, binjai.id, "001", "PENGETAHUAN")
    save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "80", reason=FIX, expected=fresh)
    assert _rows(db_path)[0][4] == 80000


def test_an_empty_cell_filled_elsewhere_is_not_overwritten(
    db: Database, db_path: Path, actor: Actor, binjai: SelectionInfo
) -> None:
    """The window showed an empty cell, another laptop entered it: the first value wins."""
    save_score(db, Actor("budi", "operator"), binjai.id, "002", "PSIKOTES", "66")
    with pytest.raises(UserError) as refused:
        save_score(db, actor, binjai.id, "002", "PSIKOTES", "67", expected=())
    assert refused.value.message == "entry.changed_elsewhere"
    assert _rows(db_path) == [("002", "PSIKOTES", "", "", 66000, 0, "budi")]


def test_undo_refuses_when_the_score_changed_since(
    db: Database,
    db_path: Path,
    actor: Actor,
    binjai: SelectionInfo,
    dump: Callable[[Path], str],
) -> None:
    save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "70")
    change = save_score(db, actor, binjai.id, "001", "PENGETAHUAN", "75", reason=FIX)
    save_score(db, Actor("budi", "operator"), binjai.id, "001", "PENGETAHUAN", "", reason="x")
    before = dump(db_path)
    for undo in (True, False):
        with pytest.raises(UserError) as refused:
            restore_scores(db, actor, change, undo=undo)
        assert refused.value.message == "entry.changed_elsewhere"
        assert refused.value.params["by"] == "budi"  # cleared: named from the audit trail
    assert dump(db_path) == before
