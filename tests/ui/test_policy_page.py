"""The Rancangan Kebijakan page (issue #14): a draft made, weighed and adopted from the window;
what reached the database and the scheme file is read back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSpinBox

from app.services.actor import Actor
from app.services.schemes import load_preset_or_file
from app.ui.app import create_application
from app.ui.context import AppContext
from app.ui.dialogs import Dialogs
from app.ui.main_window import visible_pages
from app.ui.pages.policy import PolicyPage
from app.ui.pages.policy.scheme_tab import COL_CODE, COL_WEIGHT

ADMIN = Actor("ketua", "admin")
TEAM = Actor("sari", "monev")


@pytest.fixture(autouse=True)
def own_settings(qapp: Any, tmp_path: Path) -> Iterator[None]:
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


def _open(qtbot: Any, db: Any, selection_id: int, actor: Actor) -> PolicyPage:
    page = PolicyPage(AppContext(db, actor, selection_id))
    qtbot.addWidget(page)
    page.resize(1200, 640)
    page.show()
    return page


def _weight_box(page: PolicyPage, code: str) -> QSpinBox:
    table = page.scheme_tab.table
    row = next(r for r in range(table.rowCount()) if table.item(r, COL_CODE).text() == code)
    box = table.cellWidget(row, COL_WEIGHT)
    assert isinstance(box, QSpinBox)
    return box


def test_a_draft_from_the_window_to_a_scheme_file(
    qtbot: Any, db: Any, make_selection: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = make_selection("binjai-kompetensi")
    team = _open(qtbot, db, info.id, TEAM)
    assert not team.adopt_button.isVisibleTo(team)  # adopting is the committee's
    dialog = team.new_draft()
    assert dialog is not None
    qtbot.keyClicks(dialog.name_edit, "Revisi bobot 2025")
    dialog.ok_button.click()
    assert [d.name for d in team.drafts] == ["Revisi bobot 2025"]
    _weight_box(team, "PRAKTIK").setValue(50)  # 40 + 50 + 25: more than 100
    team.scheme_tab.save_button.click()
    assert "aturan masih dilanggar" in team.status_label.text()
    assert "belum dapat dijadikan skema" in team.scheme_tab.problems_label.text()
    _weight_box(team, "PRAKTIK").setValue(40)
    _weight_box(team, "PENGETAHUAN").setValue(35)
    team.scheme_tab.save_button.click()
    assert team.status_label.text() == "Rancangan disimpan."

    admin = _open(qtbot, db, info.id, ADMIN)
    admin.reload()
    assert admin.adopt_button.isEnabled()
    out = tmp_path / "skema-2025.toml"
    monkeypatch.setattr(Dialogs, "save_file", staticmethod(lambda *_args: out))
    admin.adopt()
    assert "dijadikan skema" in admin.status_label.text()
    scheme = load_preset_or_file(str(out))
    weights = {c.code: c.weight for c in scheme.stages[-1].components}
    assert weights == {"PENGETAHUAN": Decimal(35), "PRAKTIK": Decimal(40), "PSIKOTES": Decimal(25)}
    with sqlite3.connect(db.path) as connection:
        (adopted_by,) = connection.execute("SELECT adopted_by FROM policy_draft").fetchone()
    assert adopted_by == "ketua"
    assert not admin.adopt_button.isEnabled() and not admin.scheme_tab.save_button.isEnabled()


def test_who_sees_the_page() -> None:
    keys = {role: [key for key, _t, _f in visible_pages(role)] for role in ("admin", "monev")}
    assert "kebijakan" in keys["admin"] and "kebijakan" in keys["monev"]
    assert "kebijakan" not in [key for key, _t, _f in visible_pages("operator")]
    assert "kebijakan" not in [key for key, _t, _f in visible_pages("penilai")]


def test_the_fgd_heard_in_the_window_and_weighed_into_the_draft(
    qtbot: Any,
    db: Any,
    make_selection: Any,
    demo_fgd_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services.policy_drafts import create_draft, judgments, load_draft

    info = make_selection("binjai-kompetensi")
    draft = create_draft(db, TEAM, info.id, "Bobot FGD")
    page = _open(qtbot, db, info.id, TEAM)
    page.reload()
    tab = page.fgd_tab
    assert "Belum ada responden" in tab.summary_label.text()
    monkeypatch.setattr(Dialogs, "open_file", staticmethod(lambda *_a: demo_fgd_file))
    tab.import_file()
    assert tab.respondents_table.rowCount() == 12
    red = [
        r for r in range(12)
        if tab.respondents_table.item(r, 0).foreground().color().name() == "#9b1c1c"
    ]  # fmt: skip
    assert len(red) == 2 and all(tab.respondents_table.item(r, 4).text() for r in red)
    assert "CR kelompok" in tab.summary_label.text()
    # Both inconsistent respondents counted, whichever part they were inconsistent in.
    assert "2 responden tidak konsisten" in tab.summary_label.text()
    weights = {tab.respondents_table.item(r, 2).text() for r in range(12)}
    assert "0,35" in weights and not any("." in w for w in weights)  # the reader's comma

    form = tab.open_form(None)
    assert form is not None
    qtbot.keyClicks(form.name_edit, "Ibu Warga")
    form.group_box.setCurrentText("Masyarakat")
    form.weight_box.setValue(0.2)
    # Knowledge 9× practice, practice 9× psychotest, yet psychotest 9× knowledge: circular.
    form.sliders[("PENGETAHUAN", "PRAKTIK")].setValue(-8)
    form.sliders[("PRAKTIK", "PSIKOTES")].setValue(-8)
    form.sliders[("PENGETAHUAN", "PSIKOTES")].setValue(8)
    assert "tidak konsisten" in form.part_labels[0].text()
    assert "Tanyakan lagi" in form.part_labels[0].text()
    form.sliders[("PENGETAHUAN", "PSIKOTES")].setValue(-8)
    assert "konsisten." in form.part_labels[0].text()
    form.ok_button.click()
    mine = [j for j in judgments(db, draft.id) if j.respondent == "Ibu Warga"]
    assert {(j.criterion_a, j.criterion_b): j.value for j in mine}[
        ("PENGETAHUAN", "PRAKTIK")
    ] == "9"
    assert mine[0].group == "Masyarakat" and mine[0].group_weight == "0.20"
    assert tab.respondents_table.rowCount() == 13

    tab.exclude_box.setChecked(True)
    tab.propose_button.click()
    weights = {c.code: int(c.weight) for c in load_draft(db, draft.id).scheme.stages[-1].components}
    assert sum(weights.values()) == 100 and weights != {"PENGETAHUAN": 40, "PRAKTIK": 35,
                                                         "PSIKOTES": 25}  # fmt: skip
    # The scheme tab shows what the FGD proposed.
    assert _weight_box(page, "PRAKTIK").value() == weights["PRAKTIK"]


def test_the_draft_is_simulated_from_the_window(
    qtbot: Any, db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's own draft (weights from its FGD) tried on the demo: the window shows what
    ``simulate_draft`` finds, and the workbook is written."""
    from openpyxl import load_workbook
    from PySide6.QtCore import QThreadPool

    from app.services.demo import create_demo
    from app.services.policy_drafts import list_drafts
    from app.services.simulation import simulate_draft
    from app.ui.workers import pending_tasks

    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=200, seed=3)
    (draft,) = list_drafts(db, info.id)
    expected = simulate_draft(db, TEAM, info.id, draft.scheme, stage=draft.stage_code)
    page = _open(qtbot, db, info.id, TEAM)
    page.reload()
    tab = page.simulation_tab
    tab.run_button.click()
    qtbot.waitUntil(
        lambda: tab.report is not None and pending_tasks() == 0
        and QThreadPool.globalInstance().activeThreadCount() == 0,
        timeout=20_000,
    )  # fmt: skip
    changed = expected.simulation.changed
    assert tab.changed_table.rowCount() == len(changed)
    assert tab.formations_table.rowCount() == len(expected.simulation.formations)
    assert f"{len(changed)} dari" in tab.summary_label.text()
    assert [tab.changed_table.item(r, 0).text() for r in range(len(changed))] == [
        c.number for c in changed
    ]
    rows = {
        tab.fairness_table.item(r, 0).text(): tab.fairness_table.item(r, 2).text()
        for r in range(tab.fairness_table.rowCount())
    }
    flow = expected.draft.flow
    assert rows["Dalam kuota / kebutuhan"] == f"{len(flow.selected)} / {flow.kebutuhan}"
    assert "Rasio dampak: jenis kelamin" in rows
    out = tmp_path / "simulasi.xlsx"
    monkeypatch.setattr(Dialogs, "save_file", staticmethod(lambda *_a: out))
    tab.export()
    assert "Ringkasan" in load_workbook(out).sheetnames


def test_the_laporan_penyusunan_kebijakan_is_written_from_the_window(
    qtbot: Any, db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Laporan PDF…" asks for a file name, writes the chosen draft's report off the GUI
    thread, and says where it went."""
    from pypdf import PdfReader
    from PySide6.QtCore import QThreadPool

    from app.services.demo import create_demo
    from app.ui.workers import pending_tasks

    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=120, seed=3)
    page = _open(qtbot, db, info.id, TEAM)
    page.reload()
    assert page.current is not None and page.report_button.isEnabled()
    out = tmp_path / "laporan"  # the suffix is added
    monkeypatch.setattr(Dialogs, "save_file", staticmethod(lambda *_a: out))
    page.report_button.click()
    written = tmp_path / "laporan.pdf"
    qtbot.waitUntil(
        lambda: written.exists() and pending_tasks() == 0
        and QThreadPool.globalInstance().activeThreadCount() == 0,
        timeout=20_000,
    )  # fmt: skip
    qtbot.waitUntil(lambda: str(written) in page.status_label.text(), timeout=5_000)
    pages = PdfReader(written).pages
    assert f"({len(pages)} halaman)" in page.status_label.text()
    assert "LAPORAN PENYUSUNAN KEBIJAKAN" in pages[0].extract_text()
    assert page.report_button.isEnabled()
