"""Double entry: two people type each value; only agreeing values reach the ``score`` table.

Everything is read back with plain SQL or through the ranking, independent of the module
under test, so each test fails if a value reaches a ranking unconfirmed, if one person could
fill both rounds, or if a decision goes unaudited.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from helpers.signatory import sign_as_the_chair

from app.messages import t
from app.scoring import Scheme
from app.services.actor import Actor
from app.services.announcements import issue_announcement
from app.services.audit import audit_log
from app.services.database import Database
from app.services.double_entry import (
    Mismatch,
    draft_sheet,
    mismatch_queue,
    pending_count,
    resolve_mismatch,
    save_draft,
)
from app.services.errors import PermissionDenied, UserError
from app.services.finalization import finalize
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import compute_ranking
from app.services.scheme_edit import current_scheme, save_scheme, scheme_as_toml, scheme_locked
from app.services.schemes import load_preset_or_file
from app.services.score_entry import restore_scores, save_score, score_sheet
from app.services.selections import SelectionInfo

ADMIN = Actor("ketua", "admin")
RATNA = Actor("ratna", "operator")
DEWI = Actor("dewi", "operator")
THIRD = Actor("yusuf", "operator")
FIX = "salah ketik"
PEOPLE = [
    ["001", "Rina Ginting", "1995-03-12", "BNJ-02"],
    ["002", "Andi Siregar", "1994-07-01", "BNJ-02"],
    ["003", "Budi Tarigan", "1996-01-01", "BNJ-02"],
]
ASPECTS = ("TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI")


def with_double_entry(scheme: Scheme, *codes: str) -> Scheme:
    stages = tuple(
        replace(
            stage,
            components=tuple(
                replace(c, double_entry=True) if c.code in codes else c for c in stage.components
            ),
        )
        for stage in scheme.stages
    )
    return replace(scheme, stages=stages)


@pytest.fixture
def binjai(
    db: Database,
    make_selection: Callable[..., SelectionInfo],
    write_csv: Callable[..., Path],
    tmp_path: Path,
) -> SelectionInfo:
    """Binjai with PENGETAHUAN (one whole value) and PRAKTIK (two assessors, four aspects)
    typed twice."""
    info = make_selection("binjai-kompetensi")
    save_scheme(
        db,
        ADMIN,
        info.id,
        with_double_entry(current_scheme(db, info.id), "PENGETAHUAN", "PRAKTIK"),
    )
    import_formations(db, ADMIN, info.id, Path("resources/demo/formasi_binjai.csv"))
    people = write_csv(
        tmp_path / "peserta.csv", ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"], PEOPLE
    )
    import_participants(db, ADMIN, info.id, people)
    return info


def confirmed(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT p.number, c.code, s.assessor, s.aspect, s.value_milli, s.absent"
            " FROM score s JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id ORDER BY 1, 2, 3, 4"
        ).fetchall()


def drafts(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT p.number, c.code, d.assessor, d.aspect, d.round, d.value_milli, d.absent,"
            " d.entered_by FROM score_draft d JOIN participant p ON p.id = d.participant_id"
            " JOIN component c ON c.id = d.component_id ORDER BY 1, 2, 3, 5, 4"
        ).fetchall()


def ranked_value(db: Database, info: SelectionInfo, number: str, component: str) -> object:
    rows = {row.number: row for row in compute_ranking(db, info.id).rows}
    return rows[number].values[component]


def actions(db: Database) -> list[str]:
    return [e.action for e in audit_log(db) if e.action.startswith("score.")]


# -- agreeing, differing --------------------------------------------------------------------


def test_two_operators_who_agree_confirm_the_value_and_it_is_ranked(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    first = save_score(db, RATNA, binjai.id, "001", "PENGETAHUAN", "72")
    # save_score handed the value to the first round: nothing confirmed, nothing ranked.
    assert first.after == (first.after[0],) and first.after[0].milli == 72000
    assert confirmed(db_path) == []
    assert drafts(db_path) == [("001", "PENGETAHUAN", "", "", 1, 72000, 0, "ratna")]
    assert ranked_value(db, binjai, "001", "PENGETAHUAN") is None
    assert pending_count(db, binjai.id) == 1

    save_score(db, DEWI, binjai.id, "001", "PENGETAHUAN", "72")
    assert confirmed(db_path) == [("001", "PENGETAHUAN", "", "", 72000, 0)]
    assert ranked_value(db, binjai, "001", "PENGETAHUAN") == 72
    assert pending_count(db, binjai.id) == 0
    assert mismatch_queue(db, binjai.id) == []
    # Drafts are kept: both rounds, by two people.
    assert [(d[4], d[7]) for d in drafts(db_path)] == [(1, "ratna"), (2, "dewi")]
    assert actions(db) == ["score.draft", "score.draft", "score.confirmed"]


def test_operators_who_differ_wait_in_the_queue_unranked_and_counted(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_draft(db, RATNA, binjai.id, "002", "PENGETAHUAN", "72")
    save_draft(db, DEWI, binjai.id, "002", "PENGETAHUAN", "27")
    assert confirmed(db_path) == []
    assert ranked_value(db, binjai, "002", "PENGETAHUAN") is None
    assert {r.number: r.note for r in compute_ranking(db, binjai.id).rows}["002"] == (
        "BELUM LENGKAP"
    )
    assert pending_count(db, binjai.id) == 1
    assert pending_count(db, binjai.id, "AKHIR") == 1
    assert mismatch_queue(db, binjai.id) == [
        Mismatch("002", "Andi Siregar", "PENGETAHUAN", "", "", "72", "ratna", "27", "dewi")
    ]
    assert actions(db)[-1] == "score.mismatch"


def test_a_correction_that_breaks_agreement_withdraws_the_confirmed_value(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_draft(db, RATNA, binjai.id, "001", "PENGETAHUAN", "72")
    save_draft(db, DEWI, binjai.id, "001", "PENGETAHUAN", "72")
    assert confirmed(db_path) == [("001", "PENGETAHUAN", "", "", 72000, 0)]
    with pytest.raises(UserError) as no_reason:
        save_draft(db, DEWI, binjai.id, "001", "PENGETAHUAN", "73")
    assert no_reason.value.message == "entry.reason_required"
    save_draft(db, DEWI, binjai.id, "001", "PENGETAHUAN", "73", reason=FIX)
    assert confirmed(db_path) == []
    assert pending_count(db, binjai.id) == 1
    assert "score.unconfirmed" in actions(db)


def test_the_sheet_shows_only_ones_own_round(db: Database, binjai: SelectionInfo) -> None:
    save_draft(db, RATNA, binjai.id, "001", "PENGETAHUAN", "72")
    save_draft(db, DEWI, binjai.id, "001", "PENGETAHUAN", "75")
    save_draft(db, RATNA, binjai.id, "002", "PENGETAHUAN", "80")
    save_draft(db, DEWI, binjai.id, "002", "PENGETAHUAN", "80")

    def values(actor: Actor) -> dict[str, dict[str, str]]:
        sheet = draft_sheet(db, actor, binjai.id, "PENGETAHUAN", formation="BNJ-02")
        return {row.number: row.values for row in sheet.rows}

    assert values(RATNA) == {"001": {"": "72"}, "002": {"": "80"}, "003": {}}
    assert values(DEWI) == {"001": {"": "75"}, "002": {"": "80"}, "003": {}}
    assert values(THIRD) == {"001": {}, "002": {}, "003": {}}
    # The confirmed sheet has only what agreed.
    sheet = score_sheet(db, binjai.id, "PENGETAHUAN", formation="BNJ-02")
    assert {row.number: row.values for row in sheet.rows}["001"] == {}
    with pytest.raises(UserError) as single:
        draft_sheet(db, RATNA, binjai.id, "PSIKOTES")
    assert single.value.message == "double.not_double_entry"


# -- nobody confirms their own entry --------------------------------------------------------


def test_one_person_never_fills_both_rounds(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_draft(db, RATNA, binjai.id, "001", "PENGETAHUAN", "72")
    save_draft(db, RATNA, binjai.id, "001", "PENGETAHUAN", "72")  # typed again: same round
    save_draft(db, RATNA, binjai.id, "001", "PENGETAHUAN", "74", reason=FIX)
    assert drafts(db_path) == [("001", "PENGETAHUAN", "", "", 1, 74000, 0, "ratna")]
    assert confirmed(db_path) == []
    assert pending_count(db, binjai.id) == 1
    # The admin may enter too, as the second person.
    save_draft(db, ADMIN, binjai.id, "001", "PENGETAHUAN", "74")
    assert confirmed(db_path) == [("001", "PENGETAHUAN", "", "", 74000, 0)]
    # A third person cannot add a round, and learns no value from the refusal.
    with pytest.raises(UserError) as third:
        save_draft(db, THIRD, binjai.id, "001", "PENGETAHUAN", "74")
    assert third.value.message == "double.rounds_taken"
    assert "74" not in third.value.text()
    assert third.value.params == {"first": "ratna", "second": "ketua"}


def test_an_admin_who_typed_one_round_cannot_decide_the_mismatch(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_draft(db, ADMIN, binjai.id, "003", "PENGETAHUAN", "60")
    save_draft(db, DEWI, binjai.id, "003", "PENGETAHUAN", "66")
    with pytest.raises(PermissionDenied) as own:
        resolve_mismatch(db, ADMIN, binjai.id, "003", "PENGETAHUAN", "", "", "60", "kertas")
    assert own.value.message == "double.own_entry"
    assert confirmed(db_path) == []
    resolve_mismatch(
        db, Actor("wakil", "admin"), binjai.id, "003", "PENGETAHUAN", "", "", "66", "kertas"
    )
    assert confirmed(db_path) == [("003", "PENGETAHUAN", "", "", 66000, 0)]


# -- the admin's decision -------------------------------------------------------------------


def test_an_admin_resolves_a_mismatch_with_a_reason_and_it_is_audited(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_draft(db, RATNA, binjai.id, "002", "PENGETAHUAN", "72")
    save_draft(db, DEWI, binjai.id, "002", "PENGETAHUAN", "27")
    with pytest.raises(PermissionDenied):
        resolve_mismatch(db, THIRD, binjai.id, "002", "PENGETAHUAN", "", "", "72", "kertas")
    with pytest.raises(UserError) as no_reason:
        resolve_mismatch(db, ADMIN, binjai.id, "002", "PENGETAHUAN", "", "", "72", "  ")
    assert no_reason.value.message == "double.reason_required"
    with pytest.raises(UserError) as bad:
        resolve_mismatch(db, ADMIN, binjai.id, "002", "PENGETAHUAN", "", "", "720", "kertas")
    assert bad.value.message == "value.out_of_range"
    assert confirmed(db_path) == []

    change = resolve_mismatch(
        db, ADMIN, binjai.id, "002", "PENGETAHUAN", "", "", "72", "lembar asli dibaca ulang"
    )
    assert change.before == () and [r.milli for r in change.after] == [72000]
    assert confirmed(db_path) == [("002", "PENGETAHUAN", "", "", 72000, 0)]
    assert ranked_value(db, binjai, "002", "PENGETAHUAN") == 72
    assert mismatch_queue(db, binjai.id) == [] and pending_count(db, binjai.id) == 0
    # Both rounds now hold the decision, each still under the person who held it.
    assert [(d[4], d[5], d[7]) for d in drafts(db_path)] == [
        (1, 72000, "ratna"),
        (2, 72000, "dewi"),
    ]
    event = next(e for e in audit_log(db) if e.action == "score.resolved")
    assert event.actor == "ketua" and event.reason == "lembar asli dibaca ulang"
    assert event.participant == "002"
    assert json.loads(event.old or "") == [
        {"aspect": "", "first": "72", "first_by": "ratna", "second": "27", "second_by": "dewi"}
    ]
    # Nothing left to decide.
    with pytest.raises(UserError) as gone:
        resolve_mismatch(db, ADMIN, binjai.id, "002", "PENGETAHUAN", "", "", "72", "lagi")
    assert gone.value.message == "double.no_mismatch"


def test_a_decision_may_be_a_third_value(db: Database, db_path: Path, binjai: SelectionInfo):
    save_draft(db, RATNA, binjai.id, "001", "PENGETAHUAN", "70")
    save_draft(db, DEWI, binjai.id, "001", "PENGETAHUAN", "80")
    resolve_mismatch(db, ADMIN, binjai.id, "001", "PENGETAHUAN", "", "", "78", "dihitung ulang")
    assert confirmed(db_path) == [("001", "PENGETAHUAN", "", "", 78000, 0)]


# -- aspects and absence --------------------------------------------------------------------


def test_aspects_are_compared_one_by_one(db: Database, db_path: Path, binjai: SelectionInfo):
    typed = {
        RATNA: {"TEKNIS": "80", "KETEPATAN": "70", "SIKAP": "60", "KOMUNIKASI": "90"},
        DEWI: {"TEKNIS": "80", "KETEPATAN": "75", "SIKAP": "60", "KOMUNIKASI": "90"},
    }
    for who, values in typed.items():
        for aspect, value in values.items():
            save_draft(db, who, binjai.id, "001", "PRAKTIK", value, assessor="Budi", aspect=aspect)
    assert confirmed(db_path) == [
        ("001", "PRAKTIK", "Budi", "KOMUNIKASI", 90000, 0),
        ("001", "PRAKTIK", "Budi", "SIKAP", 60000, 0),
        ("001", "PRAKTIK", "Budi", "TEKNIS", 80000, 0),
    ]
    assert mismatch_queue(db, binjai.id, "praktik") == [
        Mismatch("001", "Rina Ginting", "PRAKTIK", "Budi", "KETEPATAN", "70", "ratna", "75", "dewi")
    ]
    assert pending_count(db, binjai.id) == 1
    resolve_mismatch(db, ADMIN, binjai.id, "001", "PRAKTIK", "Budi", "ketepatan", "75", "rubrik")
    assert ("001", "PRAKTIK", "Budi", "KETEPATAN", 75000, 0) in confirmed(db_path)
    assert pending_count(db, binjai.id) == 0


def test_th_in_both_rounds_confirms_the_absence(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_draft(db, RATNA, binjai.id, "003", "PENGETAHUAN", "TH")
    assert {r.number: r.code for r in compute_ranking(db, binjai.id).rows}["003"] is None
    save_draft(db, DEWI, binjai.id, "003", "PENGETAHUAN", "t")
    assert confirmed(db_path) == [("003", "PENGETAHUAN", "", "", None, 1)]
    assert {r.number: r.code for r in compute_ranking(db, binjai.id).rows}["003"] == "TH"


def test_absent_against_aspects_is_one_mismatch_decided_by_keeping_a_side(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_draft(db, RATNA, binjai.id, "002", "PRAKTIK", "TH", assessor="Sari")
    for aspect, value in zip(ASPECTS, ("80", "70", "60", "90"), strict=True):
        save_draft(db, DEWI, binjai.id, "002", "PRAKTIK", value, assessor="Sari", aspect=aspect)
    queue = mismatch_queue(db, binjai.id)
    assert queue == [
        Mismatch(
            "002",
            "Andi Siregar",
            "PRAKTIK",
            "Sari",
            "",
            "TH",
            "ratna",
            "TEKNIS 80; KETEPATAN 70; SIKAP 60; KOMUNIKASI 90",
            "dewi",
        )
    ]
    assert pending_count(db, binjai.id) == 5  # TH and four aspects, none confirmed
    resolve_mismatch(
        db, ADMIN, binjai.id, "002", "PRAKTIK", "Sari", "", queue[0].second, "hadir, daftar"
    )
    assert [row[3:] for row in confirmed(db_path)] == [
        ("KETEPATAN", 70000, 0),
        ("KOMUNIKASI", 90000, 0),
        ("SIKAP", 60000, 0),
        ("TEKNIS", 80000, 0),
    ]
    assert pending_count(db, binjai.id) == 0


# -- undo, roles, locks ---------------------------------------------------------------------


def test_undo_takes_back_ones_own_round_and_its_confirmation(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_score(db, RATNA, binjai.id, "001", "PENGETAHUAN", "72")
    change = save_score(db, DEWI, binjai.id, "001", "PENGETAHUAN", "72")
    assert confirmed(db_path) != []
    restore_scores(db, DEWI, change)
    assert confirmed(db_path) == []
    assert drafts(db_path) == [("001", "PENGETAHUAN", "", "", 1, 72000, 0, "ratna")]
    restore_scores(db, DEWI, change, undo=False)
    assert confirmed(db_path) == [("001", "PENGETAHUAN", "", "", 72000, 0)]


def test_an_undo_never_takes_back_an_admins_decision_unseen(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_draft(db, RATNA, binjai.id, "002", "PENGETAHUAN", "72")
    typed = save_score(db, DEWI, binjai.id, "002", "PENGETAHUAN", "27")
    resolve_mismatch(db, ADMIN, binjai.id, "002", "PENGETAHUAN", "", "", "72", "kertas")
    with pytest.raises(UserError) as refused:
        restore_scores(db, DEWI, typed)
    assert refused.value.message == "double.round_changed"
    assert confirmed(db_path) == [("002", "PENGETAHUAN", "", "", 72000, 0)]


def test_a_penilai_types_only_under_their_own_name(db: Database, binjai: SelectionInfo) -> None:
    penilai = Actor("budi", "penilai", "Budi")
    with pytest.raises(PermissionDenied):
        save_draft(db, penilai, binjai.id, "001", "PRAKTIK", "80", assessor="Sari", aspect="SIKAP")
    save_draft(db, penilai, binjai.id, "001", "PRAKTIK", "80", assessor="Budi", aspect="SIKAP")
    assert pending_count(db, binjai.id) == 1


def test_a_draft_locks_the_scheme(db: Database, binjai: SelectionInfo) -> None:
    assert not scheme_locked(db, binjai.id)
    save_draft(db, RATNA, binjai.id, "001", "PENGETAHUAN", "72")
    assert scheme_locked(db, binjai.id)
    with pytest.raises(UserError) as locked:
        save_scheme(db, ADMIN, binjai.id, current_scheme(db, binjai.id))
    assert locked.value.message == "scheme.locked"


def test_a_finalized_formation_takes_no_drafts_and_no_decisions(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_draft(db, RATNA, binjai.id, "001", "PENGETAHUAN", "70")
    save_draft(db, DEWI, binjai.id, "001", "PENGETAHUAN", "80")
    with sqlite3.connect(db_path) as connection:  # the state finalization.py leaves
        connection.execute(
            "INSERT INTO finalization (stage_id, formation_id, finalized_by, finalized_at)"
            " SELECT s.id, f.id, 'ketua', '2024-01-01' FROM stage s, formation f"
            " WHERE s.selection_id = ? AND f.selection_id = ? AND f.code = 'BNJ-02'",
            (binjai.id, binjai.id),
        )
    before = drafts(db_path)
    with pytest.raises(UserError) as refused:
        save_draft(db, RATNA, binjai.id, "002", "PENGETAHUAN", "70")
    assert refused.value.message == "finalize.locked"
    with pytest.raises(UserError):
        resolve_mismatch(db, ADMIN, binjai.id, "001", "PENGETAHUAN", "", "", "80", "kertas")
    assert drafts(db_path) == before and confirmed(db_path) == []


def test_components_without_double_entry_are_not_drafted(
    db: Database, db_path: Path, binjai: SelectionInfo
) -> None:
    save_score(db, RATNA, binjai.id, "001", "PSIKOTES", "70")
    assert confirmed(db_path) == [("001", "PSIKOTES", "", "", 70000, 0)]
    assert drafts(db_path) == []
    with pytest.raises(UserError) as refused:
        save_draft(db, RATNA, binjai.id, "001", "PSIKOTES", "70")
    assert refused.value.message == "double.not_double_entry"


def test_the_scheme_file_keeps_double_entry_and_the_spread_limit(
    db: Database, binjai: SelectionInfo, tmp_path: Path
) -> None:
    scheme = current_scheme(db, binjai.id)
    stage = scheme.stages[0]
    components = tuple(
        replace(c, max_spread=None)
        if c.code == "PSIKOTES"
        else replace(c, max_spread=c.max_spread and c.max_spread - 5)
        if c.code == "PRAKTIK"
        else c
        for c in stage.components
    )
    scheme = replace(scheme, stages=(replace(stage, components=components),))
    path = tmp_path / "skema.toml"
    path.write_text(scheme_as_toml(scheme), encoding="utf-8")
    again = {c.code: c for c in load_preset_or_file(str(path)).stages[0].components}
    assert again["PENGETAHUAN"].double_entry and again["PRAKTIK"].double_entry
    assert not again["PSIKOTES"].double_entry
    assert str(again["PRAKTIK"].max_spread) == "15"
    assert again["PSIKOTES"].max_spread is None
    assert str(again["PENGETAHUAN"].max_spread) == "20"


def test_an_announcement_says_how_many_values_still_wait(
    db: Database, binjai: SelectionInfo, tmp_path: Path
) -> None:
    # Everyone complete with confirmed values; a third PRAKTIK assessor's value for 001 has
    # only its first entry, so the ranking (two assessors suffice) leaves it out.
    for number in ("001", "002", "003"):
        for who in (RATNA, DEWI):
            save_draft(db, who, binjai.id, number, "PENGETAHUAN", "80")
            for assessor in ("Budi", "Sari"):
                save_draft(db, who, binjai.id, number, "PRAKTIK", "75", assessor=assessor)
        save_score(db, ADMIN, binjai.id, number, "PSIKOTES", "70")
    save_draft(db, RATNA, binjai.id, "001", "PRAKTIK", "40", assessor="Tono")
    finalize(db, ADMIN, binjai.id, "AKHIR")
    sign_as_the_chair(db, binjai.id)
    info = issue_announcement(
        db, ADMIN, binjai.id, None, tmp_path / "p.pdf", number="001", issued_on=date(2024, 12, 5)
    )
    assert t("double.pending_notice", count=1) in info.warnings


def test_a_double_entry_component_is_not_imported_from_a_file(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    """One file is one person's typing: it cannot stand for two independent entries."""
    import sqlite3 as _sqlite3

    from app.services.errors import ImportRejected as _Rejected
    from app.services.participants_import import import_formations as _formations
    from app.services.participants_import import import_participants as _participants
    from app.services.schemes import load_preset_or_file as _preset
    from app.services.scores_import import import_scores as _scores
    from app.services.selections import create_selection as _create

    db = new_database(tmp_path / "x.db")
    admin = Actor("ketua", "admin")
    scheme = _preset("binjai-kompetensi")
    stage = scheme.stages[0]
    first = dataclasses.replace(stage.components[0], double_entry=True)
    scheme = dataclasses.replace(
        scheme, stages=(dataclasses.replace(stage, components=(first, *stage.components[1:])),)
    )
    info = _create(db, admin, scheme, "Uji")
    _formations(db, admin, info.id, Path("resources/demo/formasi_binjai.csv"))
    people = tmp_path / "p.csv"
    people.write_text("nomor_peserta,nama,tanggal_lahir,kode_formasi\n001,Rina,1995-01-01,BNJ-02\n")
    _participants(db, admin, info.id, people)
    scores = tmp_path / "n.csv"
    scores.write_text(f"nomor_peserta,{first.code}\n001,70\n")
    with pytest.raises(_Rejected) as rejected:
        _scores(db, admin, info.id, scores)
    assert [p.message for p in rejected.value.problems] == ["import.double_entry"]
    with _sqlite3.connect(db.path) as connection:
        assert connection.execute("SELECT count(*) FROM score").fetchone()[0] == 0
