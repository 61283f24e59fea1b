"""The findings and recommendations panel of the Monev page (issue #13 §1), on a real file:
what the tim monev types reaches the database (read back with plain SQL), the audit trail
holds it, and nothing typed is lost by closing the dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from app.services.actor import Actor
from app.services.database import Database
from app.services.recommendations import add_recommendation
from app.ui import dialogs
from app.ui.app import create_application
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.widgets.recommendations_panel import FindingLine, RecommendationsPanel
from app.ui.workers import pending_tasks

ADMIN = Actor("ketua", "admin")
TEAM = Actor("sari", "monev")
OTHER = Actor("budi", "monev")
OPERATOR = Actor("rina", "operator")
FINDINGS = [
    FindingLine("range_restriction", "note", "Validitas dihitung hanya pada yang terpilih."),
    FindingLine("icc.AKHIR.PRAKTIK", "warning", "Kesepakatan penilai Praktik rendah: ICC 0,62."),
]


@pytest.fixture(autouse=True)
def own_settings(qapp: Any, tmp_path: Path) -> Iterator[None]:
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


def _idle() -> bool:
    return pending_tasks() == 0 and QThreadPool.globalInstance().activeThreadCount() == 0


def _stored(db: Database) -> list[tuple[Any, ...]]:
    with db.reading() as connection:
        return connection.execute(
            "SELECT id, finding_key, text, author, withdrawn_by FROM recommendation ORDER BY id"
        ).fetchall()


def _panel(qtbot: Any, db: Database, selection_id: int, actor: Actor) -> RecommendationsPanel:
    panel = RecommendationsPanel(AppContext(db, actor, selection_id))
    qtbot.addWidget(panel)
    panel.set_findings(FINDINGS)
    return panel


def test_a_finding_is_answered_revised_and_withdrawn_from_the_panel(
    qtbot: Any, db: Database, make_selection: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = make_selection("binjai-kompetensi")
    panel = _panel(qtbot, db, info.id, TEAM)
    # Warnings first; the count column is empty while nothing answers them.
    first = panel.findings_view.topLevelItem(0)
    assert first.text(0).startswith("Kesepakatan penilai") and first.text(1) == ""
    panel.findings_view.setCurrentItem(first)
    dialog = panel.add()
    assert dialog is not None and dialog.finding_box.currentData() == "icc.AKHIR.PRAKTIK"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text_edit, "Latih ulang penilai praktik sebelum seleksi berikutnya.")
    dialog.ok_button.click()
    assert _stored(db) == [
        (1, "icc.AKHIR.PRAKTIK", "Latih ulang penilai praktik sebelum seleksi berikutnya.",
         "sari", None),
    ]  # fmt: skip
    # The panel heard the change: the row is listed and the finding counts one answer.
    qtbot.waitUntil(lambda: panel.recommendations_view.topLevelItemCount() == 1)
    assert panel.findings_view.topLevelItem(0).text(1) == "1"
    row = panel.recommendations_view.topLevelItem(0)
    assert row.text(1).startswith("Kesepakatan penilai") and row.text(3) == "sari"

    panel.recommendations_view.setCurrentItem(row)
    revising = panel.revise()
    assert revising is not None and not revising.finding_box.isEnabled()
    revising.text_edit.setPlainText("Latih ulang penilai praktik.")
    revising.ok_button.click()
    assert _stored(db)[0][2] == "Latih ulang penilai praktik."

    monkeypatch.setattr(Dialogs, "confirm", staticmethod(lambda *_args: True))
    panel.recommendations_view.setCurrentItem(panel.recommendations_view.topLevelItem(0))
    panel.withdraw()
    qtbot.waitUntil(lambda: _idle() and panel.recommendations_view.topLevelItemCount() == 0)
    assert _stored(db)[0][4] == "sari"
    panel.withdrawn_box.setChecked(True)
    assert panel.recommendations_view.topLevelItem(0).text(2).startswith("[ditarik]")
    with db.reading() as connection:
        events = [
            action
            for (action,) in connection.execute(
                "SELECT action FROM audit_event WHERE action LIKE 'recommendation.%' ORDER BY id"
            )
        ]
    assert events == ["recommendation.added", "recommendation.revised", "recommendation.withdrawn"]


def test_closing_the_dialog_never_drops_what_was_typed(
    qtbot: Any, db: Database, make_selection: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = make_selection("binjai-kompetensi")
    panel = _panel(qtbot, db, info.id, TEAM)
    dialog = panel.add()
    assert dialog is not None
    qtbot.keyClicks(dialog.text_edit, "Sosialisasi formasi diperluas ke kecamatan.")
    answers = iter([dialogs.STAY, dialogs.SAVE])
    monkeypatch.setattr(Dialogs, "ask_unsaved", staticmethod(lambda *_args: next(answers)))
    dialog.reject()  # Escape: asked, and the user stays
    assert dialog.isVisible() and _stored(db) == []
    dialog.close()  # the close button: asked again, and this time saved
    assert [row[2] for row in _stored(db)] == ["Sosialisasi formasi diperluas ke kecamatan."]
    assert not dialog.isVisible()


def test_who_sees_which_buttons_and_a_refusal_stays_in_the_dialog(
    qtbot: Any, db: Database, make_selection: Any
) -> None:
    info = make_selection("binjai-kompetensi")
    add_recommendation(db, TEAM, info.id, "Milik Sari.")
    reader = _panel(qtbot, db, info.id, OPERATOR)
    assert not reader.add_button.isVisibleTo(reader) and reader.add() is None
    other = _panel(qtbot, db, info.id, OTHER)
    other.recommendations_view.setCurrentItem(other.recommendations_view.topLevelItem(0))
    assert not other.revise_button.isEnabled() and not other.withdraw_button.isEnabled()
    admin = _panel(qtbot, db, info.id, ADMIN)
    admin.recommendations_view.setCurrentItem(admin.recommendations_view.topLevelItem(0))
    assert admin.revise_button.isEnabled()
    dialog = admin.revise()
    assert dialog is not None
    dialog.text_edit.setPlainText("Milik   Sari.")  # the same text once spaces are folded
    dialog.ok_button.click()
    assert dialog.isVisible() and "sama" in dialog.error_label.text()
    assert _stored(db)[0][2] == "Milik Sari."
