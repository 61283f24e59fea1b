"""The window's side of issue #9: the import wizard asks before it replaces stored values,
and the audit export neutralises cells a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.services.actor import Actor
from app.services.audit import AuditEntry, audit_log
from app.services.database import Database
from app.services.participants_import import import_formations, import_participants
from app.services.scores_import import import_scores
from app.ui.audit_model import Wording
from app.ui.audit_query import CSV_HEADER, write_audit_csv
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.import_wizard.check_page import CheckPage
from app.ui.import_wizard.wizard import ImportWizard
from app.ui.pages.participants import ParticipantsPage

ADMIN = Actor("admin", "admin")


def test_the_wizard_lists_what_would_be_replaced_and_asks_a_reason(
    qtbot, monkeypatch, db: Database, make_selection, tmp_path: Path, write_csv
) -> None:
    info = make_selection("binjai-kompetensi")
    import_formations(
        db,
        ADMIN,
        info.id,
        write_csv(
            tmp_path / "f.csv", ["kode_formasi", "jabatan", "kebutuhan"], [["B1", "Perawat", 2]]
        ),
    )
    import_participants(
        db,
        ADMIN,
        info.id,
        write_csv(
            tmp_path / "p.csv",
            ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
            [["001", "Siti", "1990-05-01", "B1"], ["002", "Budi", "1991-05-01", "B1"]],
        ),
    )
    header = ["nomor_peserta", "PENGETAHUAN"]
    import_scores(
        db, ADMIN, info.id, write_csv(tmp_path / "n1.csv", header, [["001", 70], ["002", 80]])
    )
    again = write_csv(tmp_path / "n2.csv", header, [["001", 72], ["002", 80]])

    page = ParticipantsPage(AppContext(db, ADMIN, info.id))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=15_000)
    monkeypatch.setattr(Dialogs, "open_file", staticmethod(lambda *_args: again))
    wizard = page.open_import("scores")
    assert isinstance(wizard, ImportWizard)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=10_000)
    wizard.next()
    wizard.next()
    check = wizard.check_page
    qtbot.waitUntil(lambda: not check.busy(), timeout=10_000)
    assert check.state == CheckPage.OK
    assert "1 nilai yang sudah tersimpan akan diganti" in check.result_label.text()
    assert "1 baris sama dengan yang tersimpan" in check.result_label.text()
    model = check.replacement_model
    assert check.replacement_view.isVisibleTo(wizard)
    assert [model.index(0, c).data() for c in range(5)] == ["2", "001", "PENGETAHUAN", "70", "72"]
    # No reason, no import.
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.accept()
    assert wizard.summary is None and check.state == CheckPage.OK
    qtbot.keyClicks(check.reason_edit, "nilai 001 salah ketik")
    assert finish.isEnabled()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    assert (wizard.summary.added, wizard.summary.updated) == (0, 1)
    [event] = [e for e in audit_log(db, participant="001") if e.action == "score.replaced"]
    assert event.reason == "nilai 001 salah ketik"
    assert json.loads(event.new or "") == [{"aspect": "", "value": "72"}]


def test_the_audit_export_neutralises_cells_that_would_run_as_formulas(tmp_path: Path) -> None:
    entry = AuditEntry(
        7,
        "2024-12-05 01:02:03",
        '=HYPERLINK("x")',
        "score.replaced",
        1,
        "score",
        "TWK",
        "-101",
        '[{"aspect": "", "value": "65"}]',
        '[{"aspect": "", "value": "70"}]',
        "@SUM(1+1)*cmd|' /C calc'!A0",
    )
    path = tmp_path / "audit.csv"
    outcome = write_audit_csv([entry], path, Wording())
    assert outcome.rows == 1
    with path.open(encoding="utf-8", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert tuple(header) == CSV_HEADER
    cells = dict(zip(header, row, strict=True))
    assert cells["id"] == "7"
    assert cells["pengguna"] == '\'=HYPERLINK("x")'
    assert cells["peserta"] == "'-101"
    assert cells["alasan"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert cells["lama"] == '[{"aspect": "", "value": "65"}]'  # JSON starts with "[": untouched
    assert cells["waktu_utc"] == "2024-12-05 01:02:03"
