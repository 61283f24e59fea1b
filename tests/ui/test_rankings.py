"""The Rankings page shows exactly what the services compute, keeps up with changes made
elsewhere, and exports the same bytes as ``seleksi rank``."""

from __future__ import annotations

import csv
import io
import re
import threading
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from app.cli import main as cli_main
from app.services.actor import Actor
from app.services.changes import Changes
from app.services.database import Database
from app.services.demo import create_demo
from app.services.ranking import Ranking, compute_ranking
from app.services.score_entry import save_score
from app.ui import dialogs as dialogs_module
from app.ui.context import AppContext
from app.ui.pages.rankings import RankingsPage
from app.ui.pages.rankings import loading as ranking_loading
from app.ui.ranking_model import TEXT_COLUMNS, RankingTableModel
from app.ui.widgets.code_chip import CodeChip

ADMIN = Actor("admin", "admin")
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    """One demo database for the session; each test works on its own copy."""
    path = tmp_path_factory.mktemp("demo") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, "cpns-2024", participants=150, seed=6)
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
def context(demo: tuple[Database, int]) -> AppContext:
    database, selection_id = demo
    return AppContext(database, ADMIN, selection_id)


@pytest.fixture
def open_page(qtbot: Any, context: AppContext) -> Callable[[], RankingsPage]:
    """``open_page()``: the page shown on the demo, with its first ranking loaded."""

    def make() -> RankingsPage:
        page = RankingsPage(context)
        qtbot.addWidget(page)
        page.resize(1280, 720)
        page.show()
        wait_idle(qtbot, page)
        return page

    return make


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Every dialog answered and recorded; none may open during a test."""
    said: dict[str, list[Any]] = {"info": [], "error": [], "save_file": []}
    chosen: dict[str, Path | None] = {"path": None}

    def save_file(parent: Any, title: str, filters: str, suggested: str = "") -> Path | None:
        said["save_file"].append((title, filters, suggested))
        return chosen["path"]

    monkeypatch.setattr(dialogs_module.Dialogs, "save_file", staticmethod(save_file))
    monkeypatch.setattr(
        dialogs_module.Dialogs, "info", staticmethod(lambda *args: said["info"].append(args))
    )
    monkeypatch.setattr(
        dialogs_module.Dialogs, "error", staticmethod(lambda *args: said["error"].append(args))
    )
    said["choose"] = [chosen]
    return said


def wait_idle(qtbot: Any, page: RankingsPage) -> None:
    qtbot.waitUntil(lambda: not page.is_busy() and bool(page.model.header), timeout=TIMEOUT_MS)


def table_rows(model: RankingTableModel) -> list[list[str]]:
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def expected_rows(ranking: Ranking) -> list[list[str]]:
    """The ranking as a person reads it (issue #10 §2), worked out with ``Decimal`` here:
    a decimal comma, integers without decimals, nilai akhir with its three."""
    header = ranking.header()
    whole = ranking.stage.plain_sum  # the SKD total reads 412, a weighted final 79,430
    return [[_read(key, record[key], whole) for key in header] for record in ranking.records()]


def _read(key: str, text: str, plain_sum: bool = False) -> str:
    if key in TEXT_COLUMNS or not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        return text
    value = Decimal(text)
    if key == "nilai_akhir" and not plain_sum:
        return f"{value:.3f}".replace(".", ",")
    plain = f"{value.normalize():f}" if value != value.to_integral_value() else f"{value:.0f}"
    return plain.replace(".", ",")


def choose(box: Any, data: object) -> None:
    """Pick an item as a user does (``activated`` is emitted only by the user)."""
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)
    box.activated.emit(index)


def record_of(model: RankingTableModel, number: str) -> dict[str, str]:
    row = model.row_of_number(number)
    assert row is not None, number
    return model.record(row)


# -- what is shown -------------------------------------------------------------------------


def test_table_shows_the_services_ranking_of_the_last_stage(
    open_page: Callable[[], RankingsPage], demo: tuple[Database, int]
) -> None:
    database, selection_id = demo
    page = open_page()
    expected = compute_ranking(database, selection_id)
    assert expected.stage.code == "AKHIR"
    assert page.stage_box.currentData() == "AKHIR"
    assert page.formation_box.currentData() is None
    assert page.formation_box.currentText() == "Semua formasi"
    keys = [
        page.model.headerData(c, Qt.Orientation.Horizontal, RankingTableModel.KeyRole)
        for c in range(page.model.columnCount())
    ]
    assert keys == expected.header()
    assert table_rows(page.model) == expected_rows(expected)
    # The stage column repeats the combo box; the formation column is needed for "all".
    assert page.table.isColumnHidden(keys.index("tahap"))
    assert not page.table.isColumnHidden(keys.index("kode_formasi"))
    assert not page.band.isVisible()


def test_formation_combo_lists_each_formation_with_its_position(
    open_page: Callable[[], RankingsPage],
) -> None:
    page = open_page()
    texts = [page.formation_box.itemText(i) for i in range(page.formation_box.count())]
    assert texts[0] == "Semua formasi"
    assert "BNJ-03 — Perawat Ahli Pertama" in texts
    assert len(texts) == 1 + 8


def test_stage_and_formation_choices_show_that_ranking(
    qtbot: Any, open_page: Callable[[], RankingsPage], demo: tuple[Database, int]
) -> None:
    database, selection_id = demo
    page = open_page()

    choose(page.stage_box, "SKD")
    wait_idle(qtbot, page)
    assert table_rows(page.model) == expected_rows(compute_ranking(database, selection_id, "SKD"))
    # The SKD total is a sum of whole scores: 397, not 397,000 (issue #10 §2).
    final = page.model.column_of("nilai_akhir")
    shown = [page.model.shown(row)[final] for row in range(page.model.rowCount())]
    assert any(shown) and all(text == "" or text.isdigit() for text in shown)

    choose(page.formation_box, "BNJ-03")
    wait_idle(qtbot, page)
    expected = compute_ranking(database, selection_id, "SKD", "BNJ-03")
    assert table_rows(page.model) == expected_rows(expected)
    assert page.band.isVisible()
    assert page.band_label.text() == "BNJ-03 — Perawat Ahli Pertama — kebutuhan 4"
    assert page.table.isColumnHidden(page.model.column_of("kode_formasi"))

    choose(page.stage_box, "AKHIR")
    wait_idle(qtbot, page)
    expected = compute_ranking(database, selection_id, "AKHIR", "BNJ-03")
    assert table_rows(page.model) == expected_rows(expected)
    assert page.formation_box.currentData() == "BNJ-03"


def test_text_filter_narrows_rows_but_not_counts(
    qtbot: Any, open_page: Callable[[], RankingsPage], demo: tuple[Database, int]
) -> None:
    page = open_page()
    counts_before = page.counts_text()
    total = page.model.rowCount()
    qtbot.keyClicks(page.filter_edit, "NASUTION")
    shown = table_rows(page.model)
    assert 0 < len(shown) < total
    name = page.model.column_of("nama")
    assert all("nasution" in row[name].lower() for row in shown)
    assert page.counts_text() == counts_before
    assert f"(ditampilkan {len(shown)} dari {total})" in page.summary.counts_label.text()

    number = page.model.record(0)["nomor_peserta"]
    page.filter_edit.setText(number)
    assert [r["nomor_peserta"] for r in map(page.model.record, range(1))] == [number]
    assert page.model.rowCount() == 1
    page.filter_edit.clear()
    assert page.model.rowCount() == total


def test_rows_are_coloured_by_meaning_and_ties_are_flagged(
    qtbot: Any, open_page: Callable[[], RankingsPage], demo: tuple[Database, int]
) -> None:
    page = open_page()
    choose(page.formation_box, "BNJ-05")
    wait_idle(qtbot, page)
    kinds = {}
    for row in range(page.model.rowCount()):
        record = page.model.record(row)
        kinds[record["nomor_peserta"]] = page.model.index(row, 0).data(RankingTableModel.KindRole)
        if record["catatan"] == "SERI":
            assert kinds[record["nomor_peserta"]] == "tie"
        elif record["kode"] == "P/L":
            assert kinds[record["nomor_peserta"]] == "passed"
        elif record["kode"] == "P/TL":
            assert kinds[record["nomor_peserta"]] == "outside"
    assert "tie" in kinds.values()
    backgrounds = {
        page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
        for row in range(page.model.rowCount())
    }
    assert len(backgrounds) >= 2
    # Dark text on light fills, whatever the desktop's palette.
    text = page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color()
    assert text.lightness() < 60
    code_column = page.model.column_of("kode")
    assert "lulus" in page.model.index(0, code_column).data(Qt.ItemDataRole.ToolTipRole)


def test_counts_per_code_match_the_ranking(
    open_page: Callable[[], RankingsPage], demo: tuple[Database, int]
) -> None:
    database, selection_id = demo
    page = open_page()
    ranking = compute_ranking(database, selection_id)
    codes = Counter(row.code for row in ranking.rows if row.code)
    expected = [f"{code} {count}" for code, count in codes.items()]
    text = page.counts_text()
    for part in expected:
        assert part in text.split(" · ")
    # An undecided tie counts under its own code, SERI (issue #10 §3), once.
    assert text.split(" · ").count(f"SERI {codes['SERI']}") == (1 if codes["SERI"] else 0)
    assert text.endswith("BELUM LENGKAP 0")
    assert page.summary.counts_label.text().startswith(f"{len(ranking.rows)} peserta")


def test_legend_explains_the_codes_of_this_stage(
    qtbot: Any, open_page: Callable[[], RankingsPage], demo: tuple[Database, int]
) -> None:
    database, selection_id = demo
    page = open_page()
    legend = dict(page.legend_entries())
    stage = compute_ranking(database, selection_id).stage
    assert set(stage.codes.all()) <= set(legend)
    # the words of the announcement's legend: one legend for the window, the PDF and the CLI
    assert legend["P/L"] == "lulus, dalam kebutuhan formasi"
    assert legend["P/TL"] == "memenuhi syarat, di luar kebutuhan formasi"
    assert legend["P/TH"] == "tidak hadir"
    assert legend["TMS-1"] == "tidak memenuhi syarat"  # AKHIR has no threshold
    assert legend["APS"] == "mengundurkan diri"
    assert legend["SERI"] == "nilai sama persis di batas kebutuhan; diputuskan oleh panitia"
    assert legend["BELUM LENGKAP"] == "nilai belum lengkap"
    chips = [label.text() for label in page.summary.legend.findChildren(CodeChip)]
    assert chips == list(legend)

    choose(page.stage_box, "SKD")
    wait_idle(qtbot, page)
    legend = dict(page.legend_entries())
    assert {"P/L", "P", "TL", "TH", "APS", "BELUM LENGKAP"} <= set(legend)
    assert "P/TL" not in legend
    assert "SERI" not in legend  # a tie at the SKD cut goes on to SKB: nothing to decide
    assert legend["TL"] == "tidak memenuhi nilai ambang batas"


def test_model_passes_qt_contract(
    qtbot: Any, qtmodeltester: Any, open_page: Callable[[], RankingsPage]
) -> None:
    page = open_page()
    qtmodeltester.check(page.model)
    page.filter_edit.setText("a")
    qtmodeltester.check(page.model)
    empty = RankingTableModel()
    qtmodeltester.check(empty)


# -- keeping up ----------------------------------------------------------------------------


def test_score_change_elsewhere_updates_the_open_view(
    qtbot: Any, open_page: Callable[[], RankingsPage], context: AppContext
) -> None:
    page = open_page()
    database, selection_id = context.database, context.selection_id
    assert selection_id is not None
    last = next(row for row in reversed(compute_ranking(database, selection_id).rows) if row.rank)
    before = record_of(page.model, last.number)

    save_score(database, ADMIN, selection_id, last.number, "CAT_SKB", "500", reason="koreksi")
    context.changes.broadcast(Changes(frozenset({"scores"})))

    expected = next(
        r
        for r in compute_ranking(database, selection_id).records()
        if r["nomor_peserta"] == last.number
    )
    assert expected["nilai_akhir"] != before["nilai_akhir"]
    qtbot.waitUntil(
        lambda: record_of(page.model, last.number)["nilai_akhir"] == expected["nilai_akhir"],
        timeout=TIMEOUT_MS,
    )
    assert record_of(page.model, last.number) == expected
    assert table_rows(page.model) == expected_rows(compute_ranking(database, selection_id))


def test_incomplete_participants_are_listed_and_counted(
    qtbot: Any, open_page: Callable[[], RankingsPage], context: AppContext
) -> None:
    page = open_page()
    database, selection_id = context.database, context.selection_id
    assert selection_id is not None
    someone = next(row for row in compute_ranking(database, selection_id).rows if row.rank)
    total = page.model.rowCount()

    save_score(database, ADMIN, selection_id, someone.number, "CAT_SKB", "", reason="koreksi")
    context.changes.broadcast(Changes(frozenset({"scores"})))

    qtbot.waitUntil(lambda: page.counts_text().endswith("BELUM LENGKAP 1"), timeout=TIMEOUT_MS)
    assert page.model.rowCount() == total
    record = record_of(page.model, someone.number)
    assert record["catatan"] == "BELUM LENGKAP"
    assert record["kode"] == ""
    row = page.model.row_of_number(someone.number)
    assert page.model.index(row, 0).data(RankingTableModel.KindRole) == "incomplete"


def test_a_burst_of_changes_is_computed_once(
    qtbot: Any,
    open_page: Callable[[], RankingsPage],
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    calls: list[object] = []
    real = ranking_loading.load_ranking

    def counting(database: Database, request: Any) -> Any:
        calls.append(request)
        return real(database, request)

    monkeypatch.setattr(ranking_loading, "load_ranking", counting)
    for _ in range(10):
        context.changes.broadcast(Changes(frozenset({"scores"})))
    context.changes.broadcast(Changes(frozenset({"users"})))  # not a kind that moves a rank
    wait_idle(qtbot, page)
    assert len(calls) == 1


def test_an_overtaken_result_is_dropped(
    qtbot: Any,
    open_page: Callable[[], RankingsPage],
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    database, selection_id = context.database, context.selection_id
    assert selection_id is not None
    target = next(row for row in compute_ranking(database, selection_id).rows if row.rank)
    real = ranking_loading.load_ranking
    started: list[int] = []
    release = threading.Event()
    shown: list[str] = []

    def held_first(database: Database, request: Any) -> Any:
        started.append(request.generation)
        result = real(database, request)
        if len(started) == 1:
            release.wait(TIMEOUT_MS / 1000)  # computed, but not delivered yet
        return result

    def remember() -> None:
        if page.model.row_of_number(target.number) is not None:
            shown.append(record_of(page.model, target.number)["nilai_akhir"])

    monkeypatch.setattr(ranking_loading, "load_ranking", held_first)
    page.model.modelReset.connect(remember)
    page.refresh()
    qtbot.waitUntil(lambda: len(started) == 1, timeout=TIMEOUT_MS)
    # A newer change lands while the first result is on its way: that result is stale.
    save_score(database, ADMIN, selection_id, target.number, "CAT_SKB", "0", reason="koreksi")
    context.changes.broadcast(Changes(frozenset({"scores"})))
    release.set()
    qtbot.waitUntil(lambda: len(started) == 2 and not page.is_busy(), timeout=TIMEOUT_MS)
    final = next(
        r["nilai_akhir"]
        for r in compute_ranking(database, selection_id).records()
        if r["nomor_peserta"] == target.number
    )
    assert final != target.final
    assert shown == [final]  # the stale result never reached the table
    assert len(started) == 2


def test_hidden_page_waits_until_shown(
    qtbot: Any,
    open_page: Callable[[], RankingsPage],
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    page.hide()
    calls: list[object] = []
    real = ranking_loading.load_ranking
    monkeypatch.setattr(
        ranking_loading,
        "load_ranking",
        lambda database, request: calls.append(request) or real(database, request),
    )
    context.changes.broadcast(Changes(frozenset({"scores"})))
    # Nothing runs and nothing is scheduled (the coalescing timer is what would start it).
    assert not page.is_busy()
    assert calls == []
    page.show()
    wait_idle(qtbot, page)
    assert len(calls) == 1


def test_language_change_keeps_the_page_whole(
    qtbot: Any, open_page: Callable[[], RankingsPage]
) -> None:
    page = open_page()
    legend = page.legend_entries()
    counts = page.summary.counts_label.text()
    QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert page.legend_entries() == legend
    assert page.summary.counts_label.text() == counts
    assert page.formation_box.itemText(0) == "Semua formasi"
    assert page.export_csv_button.text() == "Ekspor CSV…"


def test_switching_selection_shows_its_ranking(
    qtbot: Any, open_page: Callable[[], RankingsPage], context: AppContext
) -> None:
    page = open_page()
    choose(page.formation_box, "BNJ-03")
    wait_idle(qtbot, page)
    other = create_demo(context.database, ADMIN, "binjai-kompetensi", participants=60, seed=2)
    context.switch_selection(other.id)
    qtbot.waitUntil(
        lambda: not page.is_busy() and "L" in dict(page.legend_entries()), timeout=TIMEOUT_MS
    )
    expected = compute_ranking(context.database, other.id)
    assert table_rows(page.model) == expected_rows(expected)
    assert page.formation_box.currentData() is None
    # binjai-kompetensi prints TMS for a threshold missed and for a failed requirement
    assert dict(page.legend_entries())["TMS"] == (
        "tidak memenuhi nilai ambang batas atau tidak memenuhi syarat"
    )

    context.switch_selection(None)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=TIMEOUT_MS)
    assert page.empty_label.isVisible()
    assert not page.export_csv_button.isEnabled()


# -- export --------------------------------------------------------------------------------


def test_csv_export_is_the_one_excel_opens_in_indonesian_settings(
    qtbot: Any,
    open_page: Callable[[], RankingsPage],
    context: AppContext,
    answers: dict[str, list[Any]],
    tmp_path: Path,
) -> None:
    """``;`` between columns, a decimal comma, UTF-8 with a byte order mark (issue #10 §2);
    the same rows as ``seleksi rank --format csv``, whose contract stays a point."""
    page = open_page()
    choose(page.formation_box, "BNJ-05")
    wait_idle(qtbot, page)
    answers["choose"][0]["path"] = tmp_path / "peringkat"  # no suffix typed
    qtbot.mouseClick(page.export_csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["info"]), timeout=TIMEOUT_MS)
    written = tmp_path / "peringkat.csv"
    assert answers["save_file"][0][2] == "peringkat-akhir-bnj-05.csv"

    selection_id = context.selection_id
    assert selection_id is not None
    cli_out = tmp_path / "cli.csv"
    argv = ["--db", str(context.database.path), "--selection", str(selection_id), "rank"]
    argv += ["--stage", "AKHIR", "--formation", "BNJ-05", "--format", "csv", "--out", str(cli_out)]
    assert cli_main(argv) == 0
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    people = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    machine = list(csv.reader(io.StringIO(cli_out.read_text(encoding="utf-8"))))
    assert people[0] == machine[0] and len(people) == len(machine)
    for shown, exact in zip(people[1:], machine[1:], strict=True):
        for key, cell, text in zip(machine[0], shown, exact, strict=True):
            assert cell == _read(key, text), (key, cell, text)
    assert any("," in row[machine[0].index("nilai_akhir")] for row in people[1:])
    assert "SERI" in data.decode("utf-8-sig")
    assert answers["error"] == []
    assert page.export_csv_button.isEnabled()


def test_xlsx_export_has_the_csv_rows_with_exact_numbers(
    qtbot: Any,
    open_page: Callable[[], RankingsPage],
    context: AppContext,
    answers: dict[str, list[Any]],
    tmp_path: Path,
) -> None:
    page = open_page()
    answers["choose"][0]["path"] = tmp_path / "peringkat.xlsx"
    qtbot.mouseClick(page.export_xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["info"]), timeout=TIMEOUT_MS)

    selection_id = context.selection_id
    assert selection_id is not None
    ranking = compute_ranking(context.database, selection_id)
    header = ranking.header()
    records = ranking.records()
    sheet = load_workbook(tmp_path / "peringkat.xlsx").active
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]] == header
    assert len(rows) == 1 + len(records)
    numeric = {"peringkat", "nilai_akhir", *ranking.columns}
    for cells, record in zip(rows[1:], records, strict=True):
        for cell, key in zip(cells, header, strict=True):
            text = record[key]
            if text == "":
                assert cell.value is None
            elif key == "peringkat":
                assert cell.value == int(text)
            elif key in numeric and text[0].isdigit():
                assert isinstance(cell.value, (int, float))
                assert f"{cell.value:.3f}" == text
                # Shown as a person reads it: 411, 85.667 (Excel's own separator), 92.5.
                value = Decimal(text)
                if key == "nilai_akhir":
                    assert cell.number_format == "0.000"
                elif value == value.to_integral_value():
                    assert cell.number_format == "0"
                else:
                    decimals = len(f"{value.normalize():f}".partition(".")[2])
                    assert cell.number_format == "0." + "0" * decimals
            else:
                assert cell.value == text
    # The stored digits are the decimal text itself, never a binary float's expansion.
    xml = zipfile.ZipFile(tmp_path / "peringkat.xlsx").read("xl/worksheets/sheet1.xml").decode()
    finals = [record["nilai_akhir"] for record in records if record["nilai_akhir"]]
    assert finals
    for final in finals:
        assert f"<v>{final}</v>" in xml


def test_export_failure_is_reported(
    qtbot: Any,
    open_page: Callable[[], RankingsPage],
    answers: dict[str, list[Any]],
    tmp_path: Path,
) -> None:
    page = open_page()
    answers["choose"][0]["path"] = tmp_path / "tidak-ada" / "peringkat.csv"
    page.export("csv")
    qtbot.waitUntil(lambda: bool(answers["error"]), timeout=TIMEOUT_MS)
    assert "tidak-ada" in answers["error"][0][2]
    assert answers["info"] == []
    assert page.export_csv_button.isEnabled()


def test_cancelled_export_writes_nothing(
    qtbot: Any, open_page: Callable[[], RankingsPage], answers: dict[str, list[Any]]
) -> None:
    page = open_page()
    page.export("xlsx")
    assert answers["save_file"]
    assert not page.is_busy()
    assert answers["info"] == answers["error"] == []


def test_page_without_selection_says_so(qtbot: Any, demo: tuple[Database, int]) -> None:
    database, _ = demo
    page = RankingsPage(AppContext(database, ADMIN, None))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(
        lambda: not page.is_busy() and "Belum ada seleksi" in page.empty_label.text(),
        timeout=TIMEOUT_MS,
    )
    assert page.model.rowCount() == 0
    assert not page.export_xlsx_button.isEnabled()


def test_numbers_read_the_indonesian_way(
    open_page: Callable[[], RankingsPage], demo: tuple[Database, int]
) -> None:
    """A committee member read "415.000" as four hundred fifteen thousand (issue #10 §2)."""
    page = open_page()
    keys = [page.model.key(c) for c in range(page.model.columnCount())]
    shown = table_rows(page.model)
    records = [page.model.record(row) for row in range(page.model.rowCount())]
    final = keys.index("nilai_akhir")
    skd = keys.index("SKD")
    for row, record in zip(shown, records, strict=True):
        if record["nilai_akhir"]:
            _whole, comma, decimals = row[final].partition(",")
            assert comma == "," and len(decimals) == 3 and "." not in row[final]
        if record["SKD"].endswith(".000"):
            assert row[skd] == record["SKD"][: -len(".000")]  # 411, not 411.000
    assert any("," not in row[skd] for row in shown)


def test_the_committee_decides_a_seri_in_the_window(
    qtbot: Any,
    open_page: Callable[[], RankingsPage],
    context: AppContext,
    answers: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #10 §3: the tied boundary group shows SERI until the committee records who takes
    the seat(s), with a reason and the berita acara's reference; then L/TL and the note."""
    from app.services.ties import list_ties
    from app.ui.tie_dialog import TieDialog

    database, selection_id = context.database, context.selection_id or 0
    [group, *_] = list_ties(database, selection_id)
    page = open_page()
    choose(page.formation_box, group.formation)
    wait_idle(qtbot, page)
    codes = {row[page.model.column_of("kode")] for row in table_rows(page.model)}
    assert "SERI" in codes
    bar = page.finalize_bar
    assert bar.tie_button.isVisible() and bar.tie_button.text() == "Putuskan SERI…"
    chosen = [p.number for p in group.participants][: group.seats]

    def answer(dialog: TieDialog) -> bool:
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()  # nothing chosen, no reason yet
        final = group.participants[0].final
        assert final is not None  # the window formats the value itself: 75,464 in Indonesian
        assert f"({final:.3f})".replace(".", ",") in dialog.boxes[0].text()
        for box in dialog.boxes:
            box.setChecked(box.property("number") in chosen)
        dialog.reason_edit.setText("undian dalam rapat pleno")
        assert not ok.isEnabled()  # the reference of the minutes is required too
        dialog.reference_edit.setText("BA No. 7/PANSELDA/2024")
        assert ok.isEnabled() and dialog.winners() == chosen
        return True

    monkeypatch.setattr(bar, "ask_tie", answer)
    assert bar.tie_button.isEnabled()
    qtbot.mouseClick(bar.tie_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: list_ties(database, selection_id)[0].decided, timeout=TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: "SERI" not in {r[page.model.column_of("kode")] for r in table_rows(page.model)},
        timeout=TIMEOUT_MS,
    )
    notes = {r[page.model.column_of("catatan")] for r in table_rows(page.model)}
    assert "SERI — keputusan panitia BA No. 7/PANSELDA/2024" in notes
    assert answers["error"] == []


def test_the_tie_dialog_in_english_reads_a_decimal_point(
    qtbot: Any, context: AppContext, qapp: Any
) -> None:
    """The services hand the value, the window formats it in the interface language: an
    English tie dialog read 75,464 before (issue #10 §2)."""
    from app.services.ties import list_ties
    from app.ui.i18n import install_language, remove_translators
    from app.ui.tie_dialog import TieDialog

    [group, *_] = list_ties(context.database, context.selection_id or 0)
    final = group.participants[0].final
    assert final is not None
    install_language("en")
    try:
        dialog = TieDialog(group)
        qtbot.addWidget(dialog)
        assert f"({final:.3f})" in dialog.boxes[0].text()
    finally:
        remove_translators()
