"""The Monev page (issue #13) shows what ``evaluation`` computes: its charts' series hold the
service's numbers, the filters narrow them, a performance file imported from the page fills
validity (and the database), the tables export as a workbook, and each role sees what it may."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings

from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import PermissionDenied
from app.services.evaluation import evaluation, stage_figures
from app.services.performance import import_performance
from app.services.ranking import compute_ranking
from app.ui import dialogs as dialogs_module
from app.ui.app import create_application
from app.ui.context import AppContext
from app.ui.main_window import MainWindow, visible_pages
from app.ui.pages.monev import MonevPage

ADMIN = Actor("ketua", "admin")
MONEV = Actor("tim", "monev")
TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def own_settings(qapp: Any, tmp_path: Path) -> Iterator[None]:
    """The page keeps the regency code in QSettings: a throw-away INI file per test."""
    create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


@pytest.fixture(scope="module")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("monev") / "template.db"
    database = new_database(path)
    # Without the demo's own performance: these tests import theirs through the page.
    info = create_demo(database, ADMIN, "cpns-2024", participants=150, seed=6, performance=False)
    database.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path, demo_template: tuple[Path, int], copy_database: Callable[[Path, Path], Database]
) -> Iterator[tuple[Database, int]]:
    template, selection_id = demo_template
    database = copy_database(template, tmp_path / "seleksi.db")
    yield database, selection_id
    database.close()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Every dialog answered and recorded; ``answers["path"]`` is the file chosen."""
    said: dict[str, Any] = {"error": [], "info": [], "path": None}
    monkeypatch.setattr(
        dialogs_module.Dialogs, "open_file", staticmethod(lambda *_args: said["path"])
    )
    monkeypatch.setattr(
        dialogs_module.Dialogs, "save_file", staticmethod(lambda *_args: said["path"])
    )
    monkeypatch.setattr(
        dialogs_module.Dialogs, "error", staticmethod(lambda *args: said["error"].append(args))
    )
    monkeypatch.setattr(
        dialogs_module.Dialogs, "info", staticmethod(lambda *args: said["info"].append(args))
    )
    return said


def open_page(qtbot: Any, context: AppContext) -> MonevPage:
    page = MonevPage(context)
    qtbot.addWidget(page)
    page.resize(1180, 620)
    page.show()
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot: Any, page: MonevPage) -> None:
    qtbot.waitUntil(lambda: not page.is_busy() and page.loaded is not None, timeout=TIMEOUT_MS)


def comma(text: str) -> str:
    """A machine number as the Indonesian window writes it."""
    return text.replace(".", ",")


def performance_file(database: Database, selection_id: int, path: Path) -> Path:
    """SKP predikat for everyone within the quota of the last stage, rising with the final
    score (so validity is positive), one of them on a second line for another year."""
    rows = [r for r in compute_ranking(database, selection_id).rows if r.final is not None]
    chosen = sorted((r for r in rows if r.status.value == "within_quota"), key=lambda r: r.final)
    ladder = ["Kurang", "Butuh Perbaikan", "Baik", "Sangat Baik"]
    lines = ["nomor_peserta,tahun,predikat"]
    for index, row in enumerate(chosen):
        lines.append(f"{row.number},2025,{ladder[index * len(ladder) // len(chosen)]}")
    lines.append(f"{chosen[0].number},2024,Baik")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- the charts hold the service's numbers ---------------------------------------------------


def test_every_chart_holds_the_evaluations_numbers(qtbot: Any, demo) -> None:
    database, sid = demo
    page = open_page(qtbot, AppContext(database, ADMIN, sid))
    expected = evaluation(database, sid)
    assert page.stage_box.currentData() == "AKHIR"  # the last stage, as on Peringkat

    page.choose(stage="SKD")
    skd = expected["stages"]["SKD"]
    flow = skd["flow"]
    assert page.flow_tab.funnel() == [
        ("Terdaftar", flow["registered"]),
        ("Hadir", flow["present"]),
        ("Lolos ambang TWK", flow["passed_threshold"]["TWK"]),
        ("Lolos ambang TIU", flow["passed_threshold"]["TIU"]),
        ("Lolos ambang TKP", flow["passed_threshold"]["TKP"]),
        ("Dalam kuota", flow["seats"]["within_quota"]),
    ]
    measures = {row[0]: row[1:] for row in page.flow_tab.measures.texts()}
    assert measures["Terdaftar"] == [str(flow["registered"]), "100,0%"]
    share = round(flow["absent"] / flow["registered"] * 100, 1)
    assert measures["Tidak hadir"] == [str(flow["absent"]), comma(f"{share:.1f}") + "%"]

    page.distribution_tab.choose("TWK")
    twk = skd["distributions"]["TWK"]
    bars = page.distribution_tab.bar_set
    assert bars is not None
    assert [bars.at(i) for i in range(bars.count())] == twk["histogram"]["counts"]
    line = page.distribution_tab.threshold_line
    assert [point.x() for point in line.points()] == [65.0, 65.0]  # TWK's threshold
    statistics = dict(page.distribution_tab.statistics.texts())
    assert statistics["Rata-rata"] == comma(f"{twk['mean']:.2f}")
    assert statistics["Ambang batas"] == "65"
    assert statistics["Peserta bernilai"] == str(twk["n"])

    page.choose(stage="AKHIR")
    practical = expected["stages"]["AKHIR"]["components"]["PRAKTIK"]
    tab = page.assessors_tab
    assert tab.entry() == ("PRAKTIK", "")
    ordered = sorted(practical["assessors"].items(), key=lambda item: item[1]["deviation"])
    assert tab.assessor_names == [name for name, _found in ordered]
    assert tab.bar_set is not None
    assert [round(tab.bar_set.at(i), 3) for i in range(tab.bar_set.count())] == [
        found["deviation"] for _name, found in ordered
    ]
    assert sorted(p.x() for line in tab.limit_lines for p in line.points()) == [-5, -5, 5, 5]
    whole = tab.agreement.texts()[0]
    assert whole[0] == "PRAKTIK" and whole[1] == str(practical["n_participants"])
    assert whole[2] == comma(f"{practical['icc2_1']:.3f}")
    low, high = practical["ci95"]
    assert whole[3] == comma(f"{low:.3f} – {high:.3f}")
    assert whole[6] == comma(f"{practical['krippendorff_alpha']:.3f}")
    assert len(tab.agreement.texts()) == 1 + len(practical["aspects"])
    tab.choose("PRAKTIK", "TEKNIS")
    aspect = practical["aspects"]["TEKNIS"]
    assert sorted(round(tab.bar_set.at(i), 3) for i in range(tab.bar_set.count())) == sorted(
        found["deviation"] for found in aspect["assessors"].values()
    )

    fairness = expected["stages"]["AKHIR"]["fairness"]
    judged = [key for key in ("sex", "age", "education", "local")
              if key in fairness and fairness[key]["impact_ratio"] is not None]  # fmt: skip
    fair = page.fairness_tab
    assert fair.charted == judged
    assert fair.bar_set is not None
    assert [fair.bar_set.at(i) for i in range(fair.bar_set.count())] == [
        pytest.approx(fairness[key]["impact_ratio"]) for key in judged
    ]
    assert {p.y() for p in fair.four_fifths_line.points()} == {0.8}
    rows = fair.rates.texts()
    sex = fairness["sex"]["levels"]
    women = next(row for row in rows if row[0].strip().removesuffix(" *") == "perempuan")
    assert women[1:3] == [str(sex["perempuan"]["applicants"]), str(sex["perempuan"]["selected"])]
    assert "Kelompok asal daerah muncul" in fair.note_label.text()  # no regency code yet


def test_the_filters_narrow_every_figure(qtbot: Any, demo) -> None:
    database, sid = demo
    page = open_page(qtbot, AppContext(database, ADMIN, sid))
    everyone = page.flow_tab.funnel()[0][1]
    units = [page.unit_box.itemText(i) for i in range(page.unit_box.count())]
    assert units[0] == "Semua" and len(units) > 2
    unit = units[1]
    page.unit_box.setCurrentIndex(1)
    page.unit_box.activated.emit(1)
    wait_loaded(qtbot, page)
    narrowed = stage_figures(database, sid, "AKHIR", unit=unit)
    assert page.loaded is not None and page.loaded.unit == unit
    assert page.flow_tab.funnel()[0] == ("Terdaftar", narrowed["flow"]["registered"])
    assert narrowed["flow"]["registered"] < everyone
    assert list(page.flow_tab.units.texts()[0][:2]) == [unit, str(narrowed["flow"]["registered"])]
    # Only that agency's formations are offered; one of them narrows further.
    offered = [page.formation_box.itemData(i) for i in range(1, page.formation_box.count())]
    assert offered and all(
        f.unit == unit for f in page.loaded.choices.formations if f.code in offered
    )
    page.choose(formation=offered[0])
    wait_loaded(qtbot, page)
    one = stage_figures(database, sid, "AKHIR", formation=offered[0])
    assert page.flow_tab.funnel()[0][1] == one["flow"]["registered"]
    assert page.scope_label.text().startswith(f"Formasi {offered[0]}")
    # The regency code makes the local group, and is kept for the next visit.
    page.set_local_code("1275")
    wait_loaded(qtbot, page)
    assert "local" in page.loaded.figures["stages"]["AKHIR"]["fairness"]
    assert any(row[0] == "Asal daerah" for row in page.fairness_tab.rates.texts())
    again = open_page(qtbot, AppContext(database, ADMIN, sid))
    assert again.local_edit.text() == "1275"
    # "Semua" again: the whole selection.
    page.choose(formation="", unit="")
    wait_loaded(qtbot, page)
    assert page.flow_tab.funnel()[0][1] == everyone


def test_the_page_follows_a_mark_made_elsewhere(qtbot: Any, demo) -> None:
    from app.services.marks import mark_participant

    database, sid = demo
    context = AppContext(database, ADMIN, sid)
    page = open_page(qtbot, context)
    page.choose(stage="SKD")

    def aps_shown() -> str:
        return {row[0]: row[1] for row in page.flow_tab.measures.texts()}["Ditandai APS"]

    before = stage_figures(database, sid, "SKD")["flow"]["marked"]["APS"]
    assert aps_shown() == str(before)
    number = next(r.number for r in compute_ranking(database, sid, "SKD").rows
                  if r.status.value == "within_quota")  # fmt: skip
    marked = mark_participant(database, ADMIN, sid, number, "APS", "mengundurkan diri", "SKD")
    context.changes.broadcast(marked.changes)  # as ServiceOp does after any write
    qtbot.waitUntil(lambda: aps_shown() == str(before + 1), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=TIMEOUT_MS)
    after = stage_figures(database, sid, "SKD")["flow"]
    assert dict(page.flow_tab.funnel())["Dalam kuota"] == after["seats"]["within_quota"]


# -- import and export -------------------------------------------------------------------------


def test_a_performance_file_imported_from_the_page_fills_validity(
    qtbot: Any, demo, tmp_path: Path, answers: dict[str, Any]
) -> None:
    database, sid = demo
    page = open_page(qtbot, AppContext(database, ADMIN, sid))
    tab = page.validity_tab
    assert page.import_button.isVisible()
    assert tab.empty_label.isVisibleTo(tab) and not tab.content.isVisibleTo(tab)
    assert (
        "nomor_peserta" in tab.empty_label.text() and "Impor data kinerja" in tab.empty_label.text()
    )

    # A bad file first: refused whole, every problem named by row and column.
    good = performance_file(database, sid, tmp_path / "skp.csv")
    first = good.read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    bad = tmp_path / "salah.csv"
    bad.write_text(
        f"nomor_peserta,tahun,predikat\n{first},20x5,Baik\n999,2025,Baik\n", encoding="utf-8"
    )
    answers["path"] = bad
    page.import_button.click()
    qtbot.waitUntil(lambda: bool(answers["error"]) and not page.is_busy(), timeout=TIMEOUT_MS)
    _parent, _title, text, *_details = answers["error"][0]
    assert "baris 2, kolom tahun" in text and "baris 3, kolom nomor_peserta" in text
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT count(*) FROM performance").fetchone() == (0,)

    answers["path"] = good
    page.import_button.click()
    lines = good.read_text(encoding="utf-8").splitlines()[1:]
    qtbot.waitUntil(lambda: not page.is_busy() and tab.content.isVisibleTo(tab), timeout=TIMEOUT_MS)
    with sqlite3.connect(database.path) as connection:
        stored = connection.execute("SELECT count(*) FROM performance").fetchone()[0]
    assert stored == len(lines)
    assert page.tabs.currentWidget() is tab
    validity = evaluation(database, sid)["validity"]
    shown = {row[0].split(" — ")[0]: row[1:] for row in tab.validity.texts()}
    final = validity["NILAI_AKHIR"]
    assert shown["Nilai akhir"][:2] == [comma(f"{final['rho']:.2f}"), str(final["n"])]
    assert final["rho"] > 0
    assert tab.bar_set is not None and tab.codes[-1] == "NILAI_AKHIR"
    assert tab.bar_set.at(0) == pytest.approx(final["rho"])  # drawn from the bottom
    assert [row[1] for row in tab.reference.texts()] == ["0,40", "0,33", "0,42", "0,31"]
    assert "rentang terbatas" in tab.note_label.text()


def test_the_tables_export_as_the_evaluate_workbook(
    qtbot: Any, demo, tmp_path: Path, answers: dict[str, Any]
) -> None:
    database, sid = demo
    page = open_page(qtbot, AppContext(database, ADMIN, sid))
    code = page.loaded.choices.formations[0].code
    page.choose(formation=code)
    wait_loaded(qtbot, page)
    answers["path"] = tmp_path / "monev"  # without a suffix: the page adds it
    page.export_button.click()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=TIMEOUT_MS)
    written = tmp_path / "monev.xlsx"
    book = load_workbook(written)
    assert book.sheetnames == ["Alur", "Sebaran", "Keadilan", "Penilai", "Validitas"]
    flow = {(row[0], row[1]): row[2] for row in book["Alur"].iter_rows(min_row=2, values_only=True)}
    for stage in ("SKD", "AKHIR"):
        registered = stage_figures(database, sid, stage, formation=code)["flow"]["registered"]
        assert flow[(stage, "Terdaftar")] == registered
    assert str(written) in page.updated_label.text()


# -- who sees what ------------------------------------------------------------------------------


def test_a_monev_user_reads_every_figure_but_cannot_import(
    qtbot: Any, demo, tmp_path: Path
) -> None:
    database, sid = demo
    window = MainWindow(AppContext(database, MONEV, sid))
    qtbot.addWidget(window)
    window.show()
    assert window.nav_keys() == ["peringkat", "audit", "monev", "kebijakan", "pengaturan"]
    assert "Tim Monev" in window.user_label.text()
    page = window.show_page("monev")
    assert isinstance(page, MonevPage)
    wait_loaded(qtbot, page)
    assert not page.import_button.isVisible() and page.export_button.isEnabled()
    assert (
        page.flow_tab.funnel()[0][1]
        == evaluation(database, sid)["stages"]["AKHIR"]["flow"]["registered"]
    )
    assert "Admin panitia mengimpornya" in page.validity_tab.empty_label.text()
    with pytest.raises(PermissionDenied):
        import_performance(
            database, MONEV, sid, performance_file(database, sid, tmp_path / "k.csv")
        )


def test_the_page_is_for_the_admin_and_the_monev_team_only() -> None:
    assert "monev" in [key for key, _t, _f in visible_pages("admin")]
    for role in ("operator", "penilai"):
        assert "monev" not in [key for key, _t, _f in visible_pages(role)]
    # The monev team reads: nothing of the selection day's work is offered to it.
    assert [key for key, _t, _f in visible_pages("monev")] == [
        "peringkat", "audit", "monev", "kebijakan", "pengaturan",
    ]  # fmt: skip
    # Ctrl+1…9 of every other role keep their pages: Monev comes after the first nine.
    admin = [key for key, _t, _f in visible_pages("admin")]
    assert admin.index("monev") >= 9
    assert admin[:9] == ["persiapan", "peserta", "nilai", "peringkat", "verifikasi",
                         "pengumuman", "formulir", "audit", "cadangan"]  # fmt: skip


def test_numbers_follow_the_interface_language(qtbot: Any, demo) -> None:
    from app.ui.i18n import install_language, remove_translators

    database, sid = demo
    install_language("en")
    try:
        page = open_page(qtbot, AppContext(database, ADMIN, sid))
        assert page.tabs.tabText(0) == "Applicant flow"
        practical = page.loaded.figures["stages"]["AKHIR"]["components"]["PRAKTIK"]
        assert page.assessors_tab.agreement.texts()[0][2] == f"{practical['icc2_1']:.3f}"
        assert page.assessors_tab.chart.locale().decimalPoint() == "."
        measures = {row[0]: row[2] for row in page.flow_tab.measures.texts()}
        assert measures["Registered"] == "100.0%"
    finally:
        remove_translators()
    page = open_page(qtbot, AppContext(database, ADMIN, sid))
    assert page.assessors_tab.chart.locale().decimalPoint() == ","
    assert page.assessors_tab.agreement.texts()[0][2] == comma(f"{practical['icc2_1']:.3f}")


def test_a_selection_without_participants_shows_empty_figures(
    qtbot: Any, db, make_selection
) -> None:
    info = make_selection("binjai-kompetensi")
    page = open_page(qtbot, AppContext(db, ADMIN, info.id))
    assert page.flow_tab.funnel()[0] == ("Terdaftar", 0)
    assert page.distribution_tab.empty_label.isVisibleTo(page.distribution_tab)
    assert page.assessors_tab.empty_label.isVisibleTo(page.assessors_tab)
    assert page.validity_tab.empty_label.isVisibleTo(page.validity_tab)
    assert page.fairness_tab.charted == []


# -- findings, recommendations and the report from the window ---------------------------------


def test_the_team_answers_a_finding_and_exports_the_report_with_it(
    qtbot: Any, demo, answers, tmp_path: Path
) -> None:
    """The tim monev reads the findings, writes a recommendation against one, and exports
    the Laporan of one formation: the PDF holds the finding, the recommendation and its scope."""
    from pypdf import PdfReader

    from app.scoring.monev.findings import findings

    database, selection_id = demo
    page = open_page(qtbot, AppContext(database, MONEV, selection_id))
    assert not page.import_button.isVisibleTo(page)
    panel = page.findings_tab
    expected = findings(page.loaded.figures)
    assert {f.key for f in panel.findings} == {f.key for f in expected}
    severities = [f.severity for f in panel.findings]
    assert severities == sorted(severities, key=lambda s: s != "warning")  # warnings first
    assert panel.findings_view.topLevelItemCount() == len(expected) > 0
    assert f"({len(expected)})" in page.tabs.tabText(page.tabs.indexOf(panel))
    first = panel.findings_view.topLevelItem(0)
    key = first.data(0, 0x0100)  # Qt.UserRole: the finding's stable key
    panel.findings_view.setCurrentItem(first)
    dialog = panel.add()
    assert dialog is not None
    qtbot.keyClicks(dialog.text_edit, "Perluas pengumuman formasi ke luar daerah.")
    dialog.ok_button.click()
    with sqlite3.connect(database.path) as connection:
        stored = connection.execute("SELECT finding_key, author FROM recommendation").fetchall()
    assert stored == [(key, "tim")]

    code = page.loaded.choices.formations[0].code
    page.choose(formation=code)
    wait_loaded(qtbot, page)
    answers["path"] = tmp_path / "laporan"
    page.report_button.click()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=TIMEOUT_MS)
    written = tmp_path / "laporan.pdf"
    assert "Laporan ditulis" in page.updated_label.text()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(written).pages)
    assert "Perluas pengumuman formasi ke luar daerah." in text
    assert f"Formasi {code}" in text
    assert answers["error"] == []


def test_year_to_year_is_a_tab_of_the_page(qtbot: Any, demo) -> None:
    database, selection_id = demo
    page = open_page(qtbot, AppContext(database, ADMIN, selection_id))
    page.tabs.setCurrentWidget(page.years_tab)
    qtbot.waitUntil(
        lambda: page.years_tab.figures is not None and not page.is_busy(), timeout=TIMEOUT_MS
    )
    assert page.years_tab.table.columnCount() == 1
    assert page.years_tab.table.rowCount() > 5
