"""The Verifikasi page, the double-entry sheet on the score-entry page, and the count on the
Rankings page. The database is read back with plain SQL, independent of the code under test."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog

from app.scoring import Scheme
from app.services.actor import Actor
from app.services.changes import Changes
from app.services.database import Database
from app.services.double_entry import save_draft
from app.services.participants_import import import_formations, import_participants
from app.services.scheme_edit import current_scheme, save_scheme
from app.services.score_entry import save_score
from app.services.selections import SelectionInfo
from app.ui.context import SCORES, AppContext
from app.ui.dialogs import Dialogs
from app.ui.pages.rankings import RankingsPage
from app.ui.pages.review import HIDDEN, ReviewPage
from app.ui.pages.score_entry import ScoreEntryPage
from app.ui.pages.setup import SetupPage
from app.ui.resolve_dialog import FIRST, OTHER, SECOND, ResolveDialog
from app.ui.score_sheet_model import FIXED_COLUMNS
from app.ui.workers import pending_tasks

ADMIN = Actor("ketua", "admin")
RATNA = Actor("ratna", "operator")
DEWI = Actor("dewi", "operator")
TIMEOUT_MS = 10_000


def with_double_entry(scheme: Scheme, code: str) -> Scheme:
    stage = scheme.stages[0]
    components = tuple(
        replace(c, double_entry=True) if c.code == code else c for c in stage.components
    )
    return replace(scheme, stages=(replace(stage, components=components),))


@pytest.fixture
def selection(
    db: Database,
    make_selection: Callable[..., SelectionInfo],
    write_csv: Callable[..., Path],
    tmp_path: Path,
) -> int:
    """PENGETAHUAN typed twice: 001 agreed (80), 002 differs (72 / 27), 003 waits for its
    second entry. PRAKTIK (single entry) of 001: Budi 90 and Sari 60, 30 apart."""
    info = make_selection("binjai-kompetensi")
    save_scheme(db, ADMIN, info.id, with_double_entry(current_scheme(db, info.id), "PENGETAHUAN"))
    import_formations(db, ADMIN, info.id, Path("resources/demo/formasi_binjai.csv"))
    people = write_csv(
        tmp_path / "peserta.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [
            ["001", "Rina Ginting", "1995-03-12", "BNJ-02"],
            ["002", "Andi Siregar", "1994-07-01", "BNJ-02"],
            ["003", "Budi Tarigan", "1996-01-01", "BNJ-02"],
        ],
    )
    import_participants(db, ADMIN, info.id, people)
    for number, first, second in (("001", "80", "80"), ("002", "72", "27"), ("003", "65", "")):
        save_draft(db, RATNA, info.id, number, "PENGETAHUAN", first)
        if second:
            save_draft(db, DEWI, info.id, number, "PENGETAHUAN", second)
    save_score(db, ADMIN, info.id, "001", "PRAKTIK", "90", assessor="Budi")
    save_score(db, ADMIN, info.id, "001", "PRAKTIK", "60", assessor="Sari")
    return info.id


@pytest.fixture
def no_stray_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box is answered here (and recorded) instead of blocking the run."""
    shown: list[str] = []
    monkeypatch.setattr(Dialogs, "error", staticmethod(lambda _p, title, *_a: shown.append(title)))
    monkeypatch.setattr(Dialogs, "info", staticmethod(lambda _p, title, *_a: shown.append(title)))
    return shown


def idle() -> bool:
    return pending_tasks() == 0 and QThreadPool.globalInstance().activeThreadCount() == 0


def open_review(qtbot: Any, db: Database, selection_id: int, actor: Actor) -> ReviewPage:
    page = ReviewPage(AppContext(db, actor, selection_id))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: idle() and page.data is not None, timeout=TIMEOUT_MS)
    return page


def rows(model: Any) -> list[tuple[str, ...]]:
    return list(model.rows)


def confirmed(db: Database, number: str) -> list[tuple]:
    with sqlite3.connect(db.path) as connection:
        return connection.execute(
            "SELECT s.value_milli, s.entered_by FROM score s"
            " JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id"
            " WHERE p.number = ? AND c.code = 'PENGETAHUAN'",
            (number,),
        ).fetchall()


def test_the_admin_sees_both_lists_and_decides_through_the_dialog(
    qtbot: Any, db: Database, selection: int, no_stray_dialogs: list[str]
) -> None:
    page = open_review(qtbot, db, selection, ADMIN)
    assert rows(page.mismatch_model) == [
        (
            "002",
            "Andi Siregar",
            "PENGETAHUAN",
            "—",
            "(nilai utuh)",
            "72",
            "ratna",
            "27",
            "dewi",
        )
    ]
    assert rows(page.spread_model) == [
        ("001", "Rina Ginting", "BNJ-02", "PRAKTIK", "30", "20", "Budi 90 · Sari 60")
    ]
    assert page.summary_text() == (
        "2 nilai menunggu verifikasi entri ganda · 1 selisih entri ganda"
        " · 1 peserta dengan selisih antar-penilai"
    )
    assert page.resolve_button.isVisible() and not page.resolve_button.isEnabled()
    announced: list[frozenset[str]] = []  # the kinds of each broadcast change
    page.context.changes.changed.connect(lambda changes, _who: announced.append(changes.kinds))

    page.select_mismatch(0)
    assert page.resolve_button.isEnabled()
    dialog = page.open_resolve_dialog()
    assert isinstance(dialog, ResolveDialog)
    qtbot.waitExposed(dialog)
    assert not dialog.ok_button.isEnabled()  # no choice, no reason yet
    dialog.choice_buttons[SECOND].click()
    assert not dialog.ok_button.isEnabled()  # still no reason
    qtbot.keyClicks(dialog.reason_edit, "lembar asli diperiksa")
    assert dialog.ok_button.isEnabled() and dialog.value() == "27"
    dialog.ok_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert confirmed(db, "002") == [(27000, "ketua")]
    assert announced == [frozenset({SCORES})]
    qtbot.waitUntil(lambda: idle() and page.mismatch_model.rowCount() == 0, timeout=TIMEOUT_MS)
    assert page.mismatch_empty.isVisible() and not page.mismatch_table.isVisible()
    assert "002" in page.message_label.text() and "27" in page.message_label.text()
    with sqlite3.connect(db.path) as connection:
        assert connection.execute(
            "SELECT actor, reason FROM audit_event WHERE action = 'score.resolved'"
        ).fetchall() == [("ketua", "lembar asli diperiksa")]
    assert no_stray_dialogs == []


def test_a_refused_decision_stays_in_the_dialog_and_saves_nothing(
    qtbot: Any, db: Database, selection: int, no_stray_dialogs: list[str]
) -> None:
    # Ratna typed the first entry and is an admin too: she may not decide it herself.
    page = open_review(qtbot, db, selection, Actor("ratna", "admin"))
    page.select_mismatch(0)
    dialog = page.open_resolve_dialog()
    assert dialog is not None
    qtbot.keyClicks(dialog.value_edit, "70")
    assert dialog.choice() == OTHER and dialog.value() == "70"
    qtbot.keyClicks(dialog.reason_edit, "kertas")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "Anda sendiri" in dialog.error_label.text()
    assert confirmed(db, "002") == []
    # Typing again clears the refusal; choosing an entry disables the other-value field.
    dialog.choice_buttons[FIRST].click()
    assert not dialog.error_label.isVisible() and not dialog.value_edit.isEnabled()
    dialog.reject()
    assert no_stray_dialogs == []


def test_an_operator_sees_that_entries_differ_but_not_the_values(
    qtbot: Any, db: Database, selection: int
) -> None:
    page = open_review(qtbot, db, selection, DEWI)
    [row] = rows(page.mismatch_model)
    assert row[5] == HIDDEN and row[7] == HIDDEN
    assert "72" not in row and "27" not in row
    assert not page.resolve_button.isVisible()
    page.select_mismatch(0)
    assert page.open_resolve_dialog() is None


def test_the_page_follows_changes_made_elsewhere(qtbot: Any, db: Database, selection: int) -> None:
    page = open_review(qtbot, db, selection, ADMIN)
    save_draft(db, DEWI, selection, "003", "PENGETAHUAN", "56")
    page.context.changes.broadcast(Changes(frozenset({SCORES})))
    qtbot.waitUntil(lambda: idle() and page.mismatch_model.rowCount() == 2, timeout=TIMEOUT_MS)
    assert [r[0] for r in rows(page.mismatch_model)] == ["002", "003"]
    # Hidden, it only remembers; shown again, it reads.
    page.hide()
    save_draft(db, DEWI, selection, "003", "PENGETAHUAN", "65", reason="salah baca")
    page.context.changes.broadcast(Changes(frozenset({SCORES})))
    assert page.mismatch_model.rowCount() == 2
    page.show()
    qtbot.waitUntil(lambda: idle() and page.mismatch_model.rowCount() == 1, timeout=TIMEOUT_MS)


def test_the_score_sheet_shows_only_ones_own_entry(
    qtbot: Any, db: Database, selection: int
) -> None:
    def open_sheet(actor: Actor) -> ScoreEntryPage:
        page = ScoreEntryPage(AppContext(db, actor, selection))
        qtbot.addWidget(page)
        page.resize(1280, 720)
        page.show()
        qtbot.waitExposed(page)
        page.component_box.setCurrentIndex(page.component_box.findData("PENGETAHUAN"))
        page.formation_box.setCurrentIndex(page.formation_box.findData("BNJ-02"))
        qtbot.waitUntil(lambda: not page.is_loading(), timeout=TIMEOUT_MS)  # read off-thread
        return page

    def shown(page: ScoreEntryPage) -> dict[str, dict[str, str]]:
        model = page.model
        return {model.sheet_row(i).number: model.sheet_row(i).values for i in range(3)}

    ratna, dewi = open_sheet(RATNA), open_sheet(DEWI)
    assert ratna.double_label.isVisible() and "Entri ganda" in ratna.double_label.text()
    assert shown(ratna) == {"001": {"": "80"}, "002": {"": "72"}, "003": {"": "65"}}
    assert shown(dewi) == {"001": {"": "80"}, "002": {"": "27"}, "003": {}}
    # Dewi types 003's second entry on her sheet: it agrees, so it is confirmed.
    assert dewi.submit(dewi.model.index(2, FIXED_COLUMNS), "65") is None
    assert shown(dewi)["003"] == {"": "65"}
    assert confirmed(db, "003") == [(65000, "dewi")]
    # A component without double entry shows the confirmed sheet, without the note.
    dewi.component_box.setCurrentIndex(dewi.component_box.findData("PSIKOTES"))
    qtbot.waitUntil(lambda: not dewi.is_loading(), timeout=TIMEOUT_MS)
    assert not dewi.double_label.isVisible()


def test_the_rankings_page_counts_what_waits(qtbot: Any, db: Database, selection: int) -> None:
    page = RankingsPage(AppContext(db, ADMIN, selection))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: not page.is_busy() and page.review_text() != "", timeout=TIMEOUT_MS)
    assert page.review_text() == (
        "2 nilai menunggu verifikasi entri ganda · 1 selisih antar-penilai"
    )
    assert page.summary.review_label.text() == page.review_text()


def test_the_scheme_editor_sets_double_entry_and_the_spread_limit(
    qtbot: Any, db: Database, make_selection: Callable[..., SelectionInfo]
) -> None:
    info = make_selection("binjai-kompetensi")
    page = SetupPage(AppContext(db, ADMIN, info.id))
    qtbot.addWidget(page)
    page.show()
    editor = page.scheme_editor
    model = editor.components.model
    double, limit = model.column_of("double_entry"), model.column_of("max_spread")
    assert model.index(1, limit).data() == "20"  # PRAKTIK: the default limit
    assert model.setData(
        model.index(0, double), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert model.setData(model.index(1, limit), "-1")
    assert "stages[0].components[1].max_spread" in [key for key, _text in editor.problems]
    assert not editor.save_button.isEnabled()
    assert model.setData(model.index(1, limit), "12,5")
    assert model.setData(model.index(2, limit), "")  # PSIKOTES: no spread check
    assert editor.problems == [] and editor.save_button.isEnabled()
    editor.save_button.click()
    saved = {c.code: c for c in current_scheme(db, info.id).stages[0].components}
    assert saved["PENGETAHUAN"].double_entry and not saved["PRAKTIK"].double_entry
    assert saved["PRAKTIK"].max_spread == Decimal("12.5")
    assert saved["PSIKOTES"].max_spread is None
