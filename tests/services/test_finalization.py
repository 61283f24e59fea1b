"""Finalizing a stage per formation: read-only scores and marks, audited reopening, and
announcements only from final results (issue 5, "Locking").

Every refusal is checked twice: the right message, and a database dump identical before and
after (nothing was written, not even an audit event).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.services.actor import Actor
from app.services.announcements import issue_announcement
from app.services.audit import audit_log, verify_chain
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import ImportRejected, PermissionDenied, UserError
from app.services.finalization import (
    finalization_status,
    finalize,
    finalized_formations,
    is_locked,
    locked_formations,
    reopen,
)
from app.services.marks import mark_participant
from app.services.score_entry import ScoreChange, restore_scores, save_score, score_sheet
from app.services.scores_import import import_scores

ADMIN = Actor("ketua", "admin")
OPERATOR = Actor("operator", "operator")
Dump = Callable[[Path], str]


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    """A complete CPNS demo (stages SKD and AKHIR); every test works on its own copy."""
    path = tmp_path_factory.mktemp("final") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, "cpns-2024", participants=120, seed=5)
    database.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path, template: tuple[Path, int], copy_database: Callable[[Path, Path], Database]
) -> Iterator[tuple[Database, int]]:
    database = copy_database(template[0], tmp_path / "seleksi.db")
    yield database, template[1]
    database.close()


def _formations(db: Database) -> list[str]:
    with db.reading() as connection:
        return [
            code
            for (code,) in connection.execute(
                "SELECT DISTINCT f.code FROM participant p JOIN formation f"
                " ON f.id = p.formation_id ORDER BY f.code"
            )
        ]


def _skd_taker(db: Database, selection: int, formation: str) -> str:
    """A participant of ``formation`` with a TWK score (everyone takes SKD)."""
    return score_sheet(db, selection, "TWK", formation=formation).rows[0].number


def _akhir_taker(db: Database, selection: int, formation: str) -> str:
    """A participant of ``formation`` who passed SKD and so takes AKHIR."""
    rows = score_sheet(db, selection, "CAT_SKB", formation=formation).rows
    return next(row.number for row in rows if row.values.get(""))


def _events(db: Database, action: str) -> list:
    return [entry for entry in audit_log(db) if entry.action == action]


# -- who may finalize, and the audit trail ---------------------------------------------------


def test_only_an_admin_finalizes_or_reopens_and_reopening_needs_a_reason(
    demo: tuple[Database, int], data_dump: Dump
) -> None:
    db, selection = demo
    first = _formations(db)[0]
    before = data_dump(db.path)
    with pytest.raises(PermissionDenied):
        finalize(db, OPERATOR, selection, "SKD")
    with pytest.raises(PermissionDenied):
        finalize(db, Actor("dewi", "penilai"), selection, "SKD", [first])
    assert data_dump(db.path) == before

    finalize(db, ADMIN, selection, "SKD", [first])
    after_finalize = data_dump(db.path)
    with pytest.raises(PermissionDenied):
        reopen(db, OPERATOR, selection, "SKD", [first], "salah ketik")
    with pytest.raises(UserError) as no_reason:
        reopen(db, ADMIN, selection, "SKD", [first], "   ")
    assert no_reason.value.message == "finalize.reason_required"
    with pytest.raises(UserError) as unknown:
        finalize(db, ADMIN, selection, "SKD", ["TIDAK-ADA"])
    assert unknown.value.message == "formation.not_found"
    with pytest.raises(UserError) as bad_stage:
        finalize(db, ADMIN, selection, "SKB", [first])
    assert bad_stage.value.message == "stage.not_found"
    assert data_dump(db.path) == after_finalize
    assert finalized_formations(db, selection, "SKD") == {first}


def test_finalizing_and_reopening_write_audit_events_with_formations_and_reason(
    demo: tuple[Database, int],
) -> None:
    db, selection = demo
    formations = _formations(db)
    result = finalize(db, ADMIN, selection, "skd", formations[:2])
    assert result.stage == "SKD" and result.changed == tuple(formations[:2])
    [event] = _events(db, "stage.finalized")
    assert event.actor == "ketua" and event.entity_key == "SKD"
    assert formations[0] in (event.new or "") and formations[1] in (event.new or "")

    again = finalize(db, ADMIN, selection, "SKD")  # all: the first two already are
    assert again.unchanged == tuple(formations[:2])
    every = finalization_status(db, selection, "SKD").formations
    assert again.changed == tuple(code for code in every if code not in formations[:2])
    assert len(_events(db, "stage.finalized")) == 2
    assert finalize(db, ADMIN, selection, "SKD").changed == ()  # nothing new, no event
    assert len(_events(db, "stage.finalized")) == 2

    reopened = reopen(db, ADMIN, selection, "SKD", [formations[0]], "  nilai TWK salah ketik ")
    assert reopened.changed == (formations[0],)
    [event] = _events(db, "stage.reopened")
    assert event.reason == "nilai TWK salah ketik" and formations[0] in (event.old or "")
    assert formations[0] not in finalized_formations(db, selection, "SKD")
    with pytest.raises(UserError) as not_final:
        reopen(db, ADMIN, selection, "SKD", [formations[0]], "lagi")
    assert not_final.value.message == "finalize.not_final"
    assert verify_chain(db).ok


# -- scores and marks of a finalized formation are refused -----------------------------------


def test_save_undo_import_and_mark_are_refused_on_a_finalized_formation(
    demo: tuple[Database, int], dump: Dump, write_csv: Callable[..., Path], tmp_path: Path
) -> None:
    db, selection = demo
    locked, other = _formations(db)[:2]
    number = _skd_taker(db, selection, locked)
    elsewhere = _skd_taker(db, selection, other)
    change: ScoreChange = save_score(db, ADMIN, selection, number, "TWK", "100", reason="koreksi")
    finalize(db, ADMIN, selection, "SKD", [locked])
    before = dump(db.path)

    with pytest.raises(UserError) as typed:
        save_score(db, ADMIN, selection, number, "TWK", "105", reason="koreksi")
    assert typed.value.message == "finalize.locked"
    assert typed.value.params["formation"] == locked and typed.value.params["final"] == "SKD"
    assert "sudah final" in typed.value.text()
    with pytest.raises(UserError) as undone:
        restore_scores(db, ADMIN, change, undo=True)
    assert undone.value.message == "finalize.locked"
    with pytest.raises(UserError) as marked:
        mark_participant(db, ADMIN, selection, number, "DIS", "curang", "SKD")
    assert marked.value.message == "finalize.locked"
    rows = [[number, "105", "90", "170"], [elsewhere, "105", "90", "170"]]
    path = write_csv(tmp_path / "skd.csv", ["nomor_peserta", "TWK", "TIU", "TKP"], rows)
    with pytest.raises(ImportRejected) as imported:
        import_scores(db, ADMIN, selection, path)
    problems = [p for p in imported.value.problems if p.message == "finalize.row_locked"]
    # One problem per locked value of row 2 (three components); row 3 (another formation) is fine.
    assert {p.row for p in problems} == {2} and len(problems) == 3
    assert all(p.params["formation"] == locked for p in problems)
    assert any(locked in line and "baris 2" in line for line in imported.value.lines())
    assert dump(db.path) == before

    # Only that formation is locked: the other one still takes scores.
    save_score(db, ADMIN, selection, elsewhere, "TWK", "110", reason="koreksi")


def test_a_finalized_later_stage_locks_the_earlier_stage_of_that_formation(
    demo: tuple[Database, int], dump: Dump
) -> None:
    db, selection = demo
    formation = _formations(db)[0]
    number = _akhir_taker(db, selection, formation)
    finalize(db, ADMIN, selection, "AKHIR", [formation])
    assert finalized_formations(db, selection, "SKD") == set()
    assert locked_formations(db, selection, "SKD") == {formation: "AKHIR"}
    with db.reading() as connection:
        assert is_locked(connection, selection, "SKD", formation)
        assert is_locked(connection, selection, "AKHIR", formation)
    before = dump(db.path)
    # Changing SKD would move the SKD cut and so the final list.
    with pytest.raises(UserError) as refused:
        save_score(db, ADMIN, selection, number, "TKP", "170", reason="koreksi")
    assert refused.value.message == "finalize.locked"
    assert refused.value.params == {"stage": "SKD", "formation": formation, "final": "AKHIR"}
    with pytest.raises(UserError):
        mark_participant(db, ADMIN, selection, number, "APS", "mundur", "SKD")
    assert dump(db.path) == before

    reopen(db, ADMIN, selection, "AKHIR", [formation], "sanggahan peserta")
    save_score(db, ADMIN, selection, number, "TKP", "225", reason="sanggahan diterima")

    # The other way round an earlier final stage does not lock the later one.
    finalize(db, ADMIN, selection, "SKD", [formation])
    with db.reading() as connection:
        assert not is_locked(connection, selection, "AKHIR", formation)
    save_score(db, ADMIN, selection, number, "CAT_SKB", "400", reason="koreksi")


def test_incomplete_formations_cannot_be_finalized(demo: tuple[Database, int], dump: Dump) -> None:
    db, selection = demo
    incomplete, complete = _formations(db)[:2]
    number = _skd_taker(db, selection, incomplete)
    save_score(db, ADMIN, selection, number, "TIU", "", reason="lembar hilang")
    before = dump(db.path)
    with pytest.raises(UserError) as refused:
        finalize(db, ADMIN, selection, "SKD")
    assert refused.value.message == "finalize.incomplete"
    assert refused.value.params["count"] == 1 and incomplete in refused.value.params["formations"]
    with pytest.raises(UserError):
        finalize(db, ADMIN, selection, "SKD", [incomplete])
    assert dump(db.path) == before  # all or nothing: not even the complete ones
    assert finalize(db, ADMIN, selection, "SKD", [complete]).changed == (complete,)


# -- announcements -------------------------------------------------------------------------


def test_an_announcement_is_issued_only_from_finalized_formations(
    demo: tuple[Database, int], tmp_path: Path
) -> None:
    db, selection = demo
    formations = _formations(db)
    out = tmp_path / "skd.pdf"
    with pytest.raises(UserError) as none_final:
        issue_announcement(db, ADMIN, selection, "SKD", out)
    assert none_final.value.message == "finalize.required"
    assert none_final.value.params["count"] == len(formations)
    finalize(db, ADMIN, selection, "SKD", formations[1:])
    with pytest.raises(UserError) as one_missing:
        issue_announcement(db, ADMIN, selection, "SKD", out)
    assert one_missing.value.params["count"] == 1
    assert formations[0] in one_missing.value.text()
    assert not out.exists()
    # A later stage that is final freezes SKD too: that is final data as well.
    finalize(db, ADMIN, selection, "AKHIR", formations[:1])
    info = issue_announcement(db, ADMIN, selection, "SKD", out)
    assert out.exists() and info.stage == "SKD"
    assert len(_events(db, "announcement.issued")) == 1
