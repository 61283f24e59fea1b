"""The Audit page and the score history: the committee can show who changed what, and when.

Real SQLite files; the demo selection is created "in March 2024" (the audit clock is set back
for it) and a few scores are then replaced today, with reasons, through the service. What the
table shows is compared with the trail read back through ``audit_log`` and plain SQL.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from app.messages import t
from app.services import audit as audit_service
from app.services.actor import Actor
from app.services.audit import AuditEntry, audit_log
from app.services.changes import Changes
from app.services.database import Database
from app.services.demo import create_demo
from app.services.score_entry import known_assessors, save_score, score_key, score_sheet
from app.ui import dialogs as dialogs_module
from app.ui.audit_model import AuditTableModel, change_text, utc_start_of_local_day
from app.ui.context import SCORES, AppContext
from app.ui.icons import icon_path
from app.ui.main_window import PAGES, visible_pages
from app.ui.pages import audit as audit_page
from app.ui.pages.audit import AuditPage
from app.ui.pages.score_entry import ScoreEntryPage
from app.ui.score_history_dialog import ScoreHistoryDialog
from app.ui.score_sheet_model import FIXED_COLUMNS
from app.ui.workers import pending_tasks

TIMEOUT_MS = 10000
ADMIN = Actor("ketua", "admin", "Ketua Panitia")
OPERATOR = Actor("ratna", "operator", "Ratna Sari")
DEMO_TIME = datetime(2024, 3, 1, 2, 0, 0)


@dataclass
class Trail:
    db: Database
    path: Path
    selection_id: int
    number: str  # the participant whose PRAKTIK score was replaced twice
    other: str  # a participant marked absent in PENGETAHUAN
    assessor: str
    second_assessor: str
    imported: str  # the PRAKTIK value the demo import gave ``number`` under ``assessor``


@pytest.fixture
def trail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_database: Callable[[Path], Database]
) -> Iterator[Trail]:
    path = tmp_path / "seleksi.db"
    db = new_database(path)
    with monkeypatch.context() as clock:
        clock.setattr(audit_service, "utc_now", lambda: DEMO_TIME)
        info = create_demo(db, ADMIN, "binjai-kompetensi", participants=40, seed=3)
    assessor, second = known_assessors(db, info.id, "PRAKTIK")[:2]
    sheet = score_sheet(db, info.id, "PRAKTIK", assessor, None)
    row = next(r for r in sheet.rows if r.values.get("") and not r.absent)
    other = next(r for r in sheet.rows if r.number != row.number)
    save_score(
        db, OPERATOR, info.id, row.number, "PRAKTIK", "75", assessor=assessor, reason="salah ketik"
    )
    save_score(
        db,
        ADMIN,
        info.id,
        row.number,
        "PRAKTIK",
        "80",
        assessor=assessor,
        reason="koreksi ketua panitia menurut lembar asli",
    )
    save_score(
        db, OPERATOR, info.id, row.number, "PRAKTIK", "66", assessor=second, reason="lembar B"
    )
    save_score(
        db, OPERATOR, info.id, other.number, "PENGETAHUAN", "TH", reason="tidak hadir (daftar)"
    )
    yield Trail(db, path, info.id, row.number, other.number, assessor, second, row.values[""])
    db.close()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Every dialog answered and recorded; none may open during a test."""
    said: dict[str, list[Any]] = {"info": [], "error": [], "save_file": [], "path": [None]}

    def save_file(parent: Any, title: str, filters: str, suggested: str = "") -> Path | None:
        said["save_file"].append((title, filters, suggested))
        return said["path"][0]

    monkeypatch.setattr(dialogs_module.Dialogs, "save_file", staticmethod(save_file))
    monkeypatch.setattr(
        dialogs_module.Dialogs, "info", staticmethod(lambda *args: said["info"].append(args))
    )
    monkeypatch.setattr(
        dialogs_module.Dialogs, "error", staticmethod(lambda *args: said["error"].append(args))
    )
    return said


def open_page(qtbot: Any, trail: Trail, actor: Actor = ADMIN) -> AuditPage:
    page = AuditPage(AppContext(trail.db, actor, trail.selection_id))
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot, page)
    return page


def wait_idle(qtbot: Any, page: AuditPage) -> None:
    qtbot.waitUntil(
        lambda: not page.is_busy() and pending_tasks() == 0 and page.loaded is not None,
        timeout=TIMEOUT_MS,
    )


def column(model: AuditTableModel, key: str) -> list[str]:
    at = model.column_of(key)
    return [model.index(row, at).data() for row in range(model.rowCount())]


def shown_ids(page: AuditPage) -> list[int]:
    return [int(text) for text in column(page.model, "id")]


def ids(entries: list[AuditEntry]) -> list[int]:
    """Newest first, as the page lists them."""
    return [entry.id for entry in reversed(entries)]


def local(at: str) -> str:
    moment = datetime.fromisoformat(at).replace(tzinfo=UTC).astimezone()
    return moment.strftime("%d-%m-%Y %H:%M:%S")


# -- the page ------------------------------------------------------------------------------


def test_page_lists_every_event_newest_first_in_words(qtbot: Any, trail: Trail) -> None:
    page = open_page(qtbot, trail)
    everything = audit_log(trail.db)
    assert shown_ids(page) == ids(everything)
    assert page.count_label.text() == f"{len(everything)} kejadian."

    newest = page.model.texts(0)
    last = everything[-1]
    assert newest["at"] == local(last.at)
    assert newest["actor"] == "ratna"
    assert newest["action"] == "Nilai diganti"
    assert newest["participant"] == trail.other
    assert newest["subject"] == "PENGETAHUAN"
    assert newest["reason"] == "tidak hadir (daftar)"
    assert newest["change"].endswith("→ TH")

    replaced = [
        page.model.texts(row)
        for row in range(page.model.rowCount())
        if page.model.entry(row).entity_key == score_key("PRAKTIK", trail.assessor)
    ]
    assert [(r["actor"], r["change"], r["reason"]) for r in reversed(replaced)] == [
        ("ratna", f"{trail.imported} → 75", "salah ketik"),
        ("ketua", "75 → 80", "koreksi ketua panitia menurut lembar asli"),
    ]
    assert replaced[0]["subject"] == f"PRAKTIK · {trail.assessor}"

    actions = set(column(page.model, "action"))
    assert {"Seleksi dibuat", "Impor peserta", "Impor nilai", "Nilai diganti"} <= actions
    # The raw id stays one hover away, and the full old and new values too.
    first_action = page.model.index(0, page.model.column_of("action"))
    assert first_action.data(Qt.ItemDataRole.ToolTipRole) == "score.replaced"
    change = page.model.index(0, page.model.column_of("change"))
    assert change.data(Qt.ItemDataRole.ToolTipRole).splitlines()[-1] == "Sesudah: TH"


def test_users_combo_offers_everyone_seen(qtbot: Any, trail: Trail) -> None:
    page = open_page(qtbot, trail)
    items = [page.user_box.itemText(i) for i in range(page.user_box.count())]
    assert items == ["Semua pengguna", "ketua", "ratna"]
    kinds = [page.kind_box.itemText(i) for i in range(page.kind_box.count())]
    assert kinds[0] == "Semua tindakan" and len(kinds) == 8


def test_each_filter_narrows_the_table(qtbot: Any, trail: Trail) -> None:
    page = open_page(qtbot, trail)
    everything = audit_log(trail.db)

    page.participant_edit.setText(trail.number)
    wait_idle(qtbot, page)
    assert shown_ids(page) == ids(audit_log(trail.db, participant=trail.number))
    assert len(shown_ids(page)) == 3
    page.participant_edit.clear()
    wait_idle(qtbot, page)
    assert shown_ids(page) == ids(everything)

    page.user_box.setCurrentIndex(page.user_box.findData("ratna"))
    wait_idle(qtbot, page)
    assert set(column(page.model, "actor")) == {"ratna"}
    assert shown_ids(page) == ids(audit_log(trail.db, user="ratna"))
    page.user_box.setCurrentIndex(0)
    wait_idle(qtbot, page)

    # Since today (local time): only today's replacements, not the demo made in March 2024.
    page.all_dates_check.setChecked(False)
    assert page.since_edit.isEnabled()
    page.since_edit.setDate(QDate.currentDate())
    wait_idle(qtbot, page)
    today = [e for e in everything if e.at > DEMO_TIME.isoformat(sep=" ")]
    assert shown_ids(page) == ids(today) and len(today) == 4
    page.since_edit.setDate(QDate(2024, 1, 1))
    wait_idle(qtbot, page)
    assert shown_ids(page) == ids(everything)
    page.since_edit.setDate(QDate.currentDate().addDays(1))
    wait_idle(qtbot, page)
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "Tidak ada kejadian yang cocok dengan saringan ini."
    page.all_dates_check.setChecked(True)
    wait_idle(qtbot, page)
    assert shown_ids(page) == ids(everything)

    page.kind_box.setCurrentIndex(page.kind_box.findData("impor"))
    wait_idle(qtbot, page)
    imports = [e for e in everything if e.action.startswith("import.")]
    assert shown_ids(page) == ids(imports) and imports
    page.kind_box.setCurrentIndex(page.kind_box.findData("nilai"))
    wait_idle(qtbot, page)
    scores = [e for e in everything if e.action.startswith("score.")]
    assert shown_ids(page) == ids(scores) and len(scores) == 4
    assert set(column(page.model, "action")) <= {"Nilai diganti", "Nilai diisi"}

    # Filters combine: ratna's score events of one participant.
    page.user_box.setCurrentIndex(page.user_box.findData("ratna"))
    page.participant_edit.setText(trail.number)
    wait_idle(qtbot, page)
    both = audit_log(trail.db, user="ratna", participant=trail.number)
    assert shown_ids(page) == ids(both) and len(both) == 2


def test_only_the_newest_events_unless_all_are_asked_for(
    qtbot: Any, trail: Trail, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_page, "DEFAULT_LIMIT", 3)
    page = open_page(qtbot, trail)
    everything = audit_log(trail.db)
    assert shown_ids(page) == ids(everything)[:3]
    assert page.count_label.text().startswith("Menampilkan 3 kejadian terbaru.")
    page.show_all_check.setChecked(True)
    wait_idle(qtbot, page)
    assert shown_ids(page) == ids(everything)


def test_chain_check_says_intact_then_names_the_tampered_event(
    qtbot: Any, trail: Trail, answers: dict[str, list[Any]]
) -> None:
    page = open_page(qtbot, trail)
    assert not page.banner.isVisible()
    qtbot.mouseClick(page.chain_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    events = len(audit_log(trail.db))
    assert page.banner.isVisible()
    assert page.banner.text() == f"Jejak audit utuh: {events} kejadian, rantai SHA-256 cocok."
    assert "#e6f4ea" in page.banner.styleSheet()  # green

    connection = sqlite3.connect(trail.path)
    with connection:
        connection.execute("DROP TRIGGER audit_event_no_update")
        connection.execute("UPDATE audit_event SET actor = 'x' WHERE id = 2")
    connection.close()

    qtbot.mouseClick(page.chain_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert page.banner.text().startswith(
        f"Jejak audit RUSAK mulai kejadian #2: {t('audit.chain_content')}."
    )
    assert "#fdecea" in page.banner.styleSheet()  # red
    # The broken event is selected in the table, so the committee sees what it says now.
    assert page.model.entry(page.table.currentIndex().row()).id == 2
    assert answers["error"] == []


def test_csv_export_writes_the_shown_events_oldest_first(
    qtbot: Any, trail: Trail, answers: dict[str, list[Any]], tmp_path: Path
) -> None:
    page = open_page(qtbot, trail)
    page.participant_edit.setText(trail.number)
    wait_idle(qtbot, page)
    answers["path"][0] = tmp_path / "jejak"
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert answers["save_file"][0][2] == "jejak-audit.csv"
    target = tmp_path / "jejak.csv"
    assert answers["info"] and str(target) in answers["info"][0][2]
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = audit_log(trail.db, participant=trail.number)
    assert [int(r["id"]) for r in rows] == [e.id for e in expected]
    assert [r["alasan"] for r in rows] == [e.reason for e in expected]
    assert [r["waktu_utc"] for r in rows] == [e.at for e in expected]
    assert rows[1]["perubahan"] == "75 → 80"
    assert rows[1]["keterangan_tindakan"] == "Nilai diganti"


def test_new_events_appear_when_data_changes(qtbot: Any, trail: Trail) -> None:
    page = open_page(qtbot, trail)
    before = page.model.rowCount()
    save_score(
        trail.db, OPERATOR, trail.selection_id, trail.number, "PSIKOTES", "", reason="dihapus"
    )
    page.context.changes.broadcast(Changes(frozenset({SCORES})))
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=TIMEOUT_MS)
    assert page.model.texts(0)["action"] == "Nilai dihapus"


def test_page_is_registered_for_admin_operator_and_monev(qtbot: Any) -> None:
    entry = next(p for p in PAGES if p[0] == "audit")
    assert entry[1] == "Jejak audit"
    # A pure read: the tim monev asks it who changed a score and why (issue #13).
    assert set(entry[3]) == {"admin", "operator", "monev"}
    assert getattr(entry[2], "target", "") == "app.ui.pages.audit:AuditPage"
    assert "audit" not in [key for key, _t, _f in visible_pages("penilai")]
    assert icon_path("audit").name == "audit.svg"


# -- the model -----------------------------------------------------------------------------


def test_models_pass_the_qt_model_tester(qtmodeltester: Any, qtbot: Any, trail: Trail) -> None:
    page = open_page(qtbot, trail)
    qtmodeltester.check(page.model)
    page.kind_box.setCurrentIndex(page.kind_box.findData("pengumuman"))
    wait_idle(qtbot, page)
    assert page.model.rowCount() == 0
    qtmodeltester.check(page.model)
    history = AuditTableModel(columns=("at", "actor", "action", "change", "reason"))
    history.set_entries(audit_log(trail.db, participant=trail.number))
    qtmodeltester.check(history)


def test_changes_read_as_people_write_them() -> None:
    def scores(*pairs: tuple[str, str]) -> str:
        import json

        return json.dumps([{"aspect": a, "value": v} for a, v in pairs])

    wording = AuditTableModel().current_wording
    assert change_text(scores(("", "70")), scores(("", "75")), wording) == "70 → 75"
    assert change_text(None, scores(("", "70")), wording) == "70"
    assert change_text(scores(("", "70")), scores(), wording) == "70 → —"
    assert (
        change_text(scores(("", "49")), scores(("TEKNIS", "80"), ("SIKAP", "70")), wording)
        == "49 → TEKNIS 80, SIKAP 70"
    )
    # A rubric: only the aspect that changed, not all four on both sides.
    before = scores(("TEKNIS", "80"), ("SIKAP", "70"), ("KOMUNIKASI", "90"))
    after = scores(("TEKNIS", "80"), ("SIKAP", "75"), ("KOMUNIKASI", "90"))
    assert change_text(before, after, wording) == "SIKAP 70 → 75"
    assert change_text(None, '{"added": 3, "file": "nilai.csv"}', wording) == (
        "baru: 3, berkas: nilai.csv"
    )


# -- the history of one score cell ---------------------------------------------------------


def test_ctrl_h_on_a_score_cell_lists_its_changes_in_order(qtbot: Any, trail: Trail) -> None:
    page = ScoreEntryPage(AppContext(trail.db, OPERATOR, trail.selection_id))
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.component_box.setCurrentIndex(page.component_box.findData("PRAKTIK"))
    page.assessor_box.setEditText(trail.assessor)
    page.assessor_box.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: not page.is_loading())  # the sheet is read off the GUI thread
    row = page.model.row_of(trail.number)
    assert row is not None
    page.table.setFocus()
    page.table.go_to(page.model.index(row, FIXED_COLUMNS + 1))

    actions = [a for a in page.table.actions() if a.text() == "Riwayat nilai…"]
    assert actions and page.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu

    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ScoreHistoryDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.participant_no == trail.number and dialog.assessor == trail.assessor
    assert trail.assessor in dialog.heading.text()

    expected = audit_log(
        trail.db, participant=trail.number, entity_key=score_key("PRAKTIK", trail.assessor)
    )
    model = dialog.model
    assert [model.entry(r).id for r in range(model.rowCount())] == [e.id for e in expected]
    assert [
        (model.texts(r)["actor"], model.texts(r)["change"], model.texts(r)["reason"])
        for r in range(model.rowCount())
    ] == [
        ("ratna", f"{trail.imported} → 75", "salah ketik"),
        ("ketua", "75 → 80", "koreksi ketua panitia menurut lembar asli"),
    ]
    # The second assessor's sheet of the same participant is another score.
    assert all(trail.second_assessor not in model.entry(r).entity_key for r in range(2))

    # Open beside the grid, it follows a new save of the same score.
    save_score(
        trail.db,
        OPERATOR,
        trail.selection_id,
        trail.number,
        "PRAKTIK",
        "81",
        assessor=trail.assessor,
        reason="dibaca ulang",
    )
    page.context.changes.broadcast(Changes(frozenset({SCORES})))
    assert model.rowCount() == 3
    assert model.texts(2)["change"] == "80 → 81"
    dialog.close()


def test_history_of_a_cell_never_typed_says_so(qtbot: Any, trail: Trail) -> None:
    page = ScoreEntryPage(AppContext(trail.db, OPERATOR, trail.selection_id))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.component_box.setCurrentIndex(page.component_box.findData("PSIKOTES"))
    qtbot.waitUntil(lambda: not page.is_loading())
    page.table.go_to(page.model.index(0, FIXED_COLUMNS))
    dialog = page.show_history()
    assert isinstance(dialog, ScoreHistoryDialog)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert dialog.note.text().startswith("Belum ada perubahan tercatat untuk nilai ini.")
    dialog.close()


def test_local_day_filter_uses_local_midnight() -> None:
    start = utc_start_of_local_day(date(2024, 3, 1))
    midnight = datetime.fromisoformat(start).replace(tzinfo=UTC).astimezone()
    assert (midnight.date(), midnight.hour, midnight.minute) == (date(2024, 3, 1), 0, 0)


def test_an_operator_never_sees_the_other_round_of_a_double_entry(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    from app.services.actor import Actor as Person
    from app.services.audit import record
    from app.ui.audit_query import AuditQuery, load_audit

    db = new_database(tmp_path / "x.db")
    with db.writing() as connection:
        record(
            connection,
            "op2",
            "score.draft",
            entity="score_draft",
            key="PRAKTIK",
            participant="001",
            new={"value": "80"},
        )
    shown = {
        person.name: load_audit(db, AuditQuery(selection_id=None, viewer=person)).entries
        for person in (Person("op1", "operator"), Person("op2", "operator"), Person("k", "admin"))
    }
    assert shown["op1"] == []
    assert [e.actor for e in shown["op2"]] == ["op2"]
    assert [e.actor for e in shown["k"]] == ["op2"]


def test_changes_read_in_words_not_raw_keys() -> None:
    """Issue #10 §5: old → new in words (formation codes, settings fields, decimal comma),
    never ``formations: [3]``."""
    from app.ui.audit_model import AuditTableModel, change_text

    wording = AuditTableModel().wording()
    finalized = json.dumps({"stage": "AKHIR", "formations": ["BNJ-01", "BNJ-02", "BNJ-03"]})
    assert change_text(None, finalized, wording) == "tahap: AKHIR, formasi: BNJ-01, BNJ-02, BNJ-03"
    settings_old = json.dumps({"address": "Jl. Lama 1", "signatory_nip": "197001011990031001"})
    settings_new = json.dumps({"address": "Jl. Baru 2", "signatory_nip": "198001012000031002"})
    assert change_text(settings_old, settings_new, wording) == (
        "alamat: Jl. Lama 1, NIP penanda tangan: 197001011990031001 → "
        "alamat: Jl. Baru 2, NIP penanda tangan: 198001012000031002"
    )
    score_old = json.dumps([{"aspect": "", "value": "72.5"}])
    score_new = json.dumps([{"aspect": "", "value": "80"}])
    assert change_text(score_old, score_new, wording) == "72,5 → 80"
