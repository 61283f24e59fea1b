"""The import wizard for score files (issue #10 §4): column mapping to the scheme's components,
the preview under the mapped names, the dry run, the import, on a real SQLite file.

The wizard is opened non-blocking and driven through its objects; choosing the file is
answered by monkeypatching ``Dialogs``; background work is awaited with ``qtbot.waitUntil``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard

from app.services.actor import Actor
from app.services.database import Database
from app.services.import_preview import ALL_STAGES, LONG_FORM, WIDE_FORM
from app.services.participants_import import import_formations, import_participants
from app.services.scores_import import import_scores
from app.services.selections import SelectionInfo
from app.ui.context import SCORES, AppContext
from app.ui.dialogs import Dialogs
from app.ui.import_wizard.check_page import CheckPage
from app.ui.import_wizard.wizard import ImportWizard

ADMIN = Actor("admin", "admin")
PEOPLE = [["001", "Siti Aminah", "1990-05-01", "F1"], ["002", "Budi", "1991-05-01", "F1"]]


def people(db: Database, info: SelectionInfo, tmp_path: Path, write_csv) -> None:
    formations = write_csv(
        tmp_path / "formasi.csv", ["kode_formasi", "jabatan", "kebutuhan"], [["F1", "Analis", 1]]
    )
    import_formations(db, ADMIN, info.id, formations)
    participants = write_csv(
        tmp_path / "peserta.csv", ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"], PEOPLE
    )
    import_participants(db, ADMIN, info.id, participants)


@pytest.fixture
def cpns(db: Database, make_selection, tmp_path: Path, write_csv) -> SelectionInfo:
    info = make_selection("cpns-2024")
    people(db, info, tmp_path, write_csv)
    return info


@pytest.fixture
def binjai(db: Database, make_selection, tmp_path: Path, write_csv) -> SelectionInfo:
    info = make_selection("binjai-kompetensi")
    people(db, info, tmp_path, write_csv)
    return info


def stored(db: Database) -> dict[tuple[str, str, str, str], int | None]:
    """(number, component, assessor, aspect) → value_milli, straight from SQL."""
    connection = sqlite3.connect(db.path)
    try:
        rows = connection.execute(
            "SELECT p.number, c.code, s.assessor, s.aspect, s.value_milli FROM score s"
            " JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id"
        ).fetchall()
    finally:
        connection.close()
    return {(number, code, who, aspect): milli for number, code, who, aspect, milli in rows}


def open_wizard(qtbot, monkeypatch, db: Database, info: SelectionInfo, path: Path) -> ImportWizard:
    wizard = ImportWizard(AppContext(db, ADMIN, info.id), "scores")
    qtbot.addWidget(wizard)
    wizard.show()
    choose(qtbot, monkeypatch, wizard, path)
    return wizard


def choose(qtbot, monkeypatch, wizard: ImportWizard, path: Path) -> None:
    monkeypatch.setattr(Dialogs, "open_file", staticmethod(lambda *_args: path))
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.file_page.isComplete() and wizard.path == path, timeout=10_000)


def choices(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def pick(combo: QComboBox, column: str) -> None:
    index = combo.findData(column)
    assert index >= 0, column
    combo.setCurrentIndex(index)


def run_check(qtbot, wizard: ImportWizard) -> CheckPage:
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK_PAGE
    check = wizard.check_page
    qtbot.waitUntil(lambda: not check.busy(), timeout=10_000)
    return check


def test_odd_headers_are_mapped_to_components_checked_and_imported(
    qtbot, monkeypatch, db: Database, cpns: SelectionInfo, tmp_path: Path, write_csv
) -> None:
    path = write_csv(
        tmp_path / "hasil SKD.csv",
        ["No. Peserta", "Nama", "Nilai TWK", "Tes Intelegensia Umum", "TKP", "Keterangan"],
        [["001", "Siti Aminah", "100", "120", "170", "-"], ["002", "Budi", "85", "95", "180", ""]],
    )
    wizard = open_wizard(qtbot, monkeypatch, db, cpns, path)
    assert "Judul kolom boleh lain" in wizard.file_page.subTitle()
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.score_row.isVisibleTo(wizard)
    assert mapping.form() == WIDE_FORM and mapping.stage() == "SKD"
    assert mapping.mapping() == {
        "no._peserta": "nomor_peserta",
        "nilai_twk": "TWK",
        "tes_intelegensia_umum": "TIU",
        "tkp": "TKP",
    }
    assert mapping.combos["nama"].currentText() == "(abaikan)"
    assert mapping.combos["keterangan"].currentText() == "(abaikan)"
    offered = choices(mapping.combos["nilai_twk"])
    assert offered[0] == "(abaikan)"
    assert "Nomor peserta (nomor_peserta) *" in offered
    assert "Tes Wawasan Kebangsaan (TWK)" in offered
    assert "Tes Intelegensia Umum (TIU)" in offered
    assert not any("CAT_SKB" in text for text in offered)  # another stage's component
    # The preview: the first rows under the mapped names.
    assert mapping.preview_table.rowCount() == 2
    header = mapping.preview_table.horizontalHeaderItem
    assert header(2).text() == "nilai_twk\n→ TWK"
    assert header(2).toolTip() == "Tes Wawasan Kebangsaan"
    assert header(0).text() == "no._peserta\n→ Nomor peserta"
    assert "(abaikan)" in header(1).text()
    assert mapping.preview_table.item(1, 2).text() == "85"
    assert "3 kolom nilai komponen" in mapping.status_label.text()

    mapping.combos["tkp"].setCurrentIndex(0)  # TKP is not imported from this file
    assert "(abaikan)" in header(4).text()
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK, check.problem_lines()
    assert "4 baru, 0 diperbarui" in check.result_label.text()
    assert stored(db) == {}  # the dry run wrote nothing

    with qtbot.waitSignal(wizard.context.changes.changed, timeout=10_000) as signal:
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    assert signal.args[0].kinds == {SCORES}
    assert wizard.summary is not None and wizard.summary.added == 4
    assert stored(db) == {
        ("001", "TWK", "", ""): 100_000,
        ("001", "TIU", "", ""): 120_000,
        ("002", "TWK", "", ""): 85_000,
        ("002", "TIU", "", ""): 95_000,
    }


def test_two_columns_to_one_component_are_refused_with_a_message(
    qtbot, monkeypatch, db: Database, cpns: SelectionInfo, tmp_path: Path, write_csv
) -> None:
    path = write_csv(
        tmp_path / "nilai.csv",
        ["Nomor", "TWK", "Nilai Ulang"],
        [["001", "100", "105"]],
    )
    wizard = open_wizard(qtbot, monkeypatch, db, cpns, path)
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.mapping() == {"nomor": "nomor_peserta", "twk": "TWK"}
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    pick(mapping.combos["nilai_ulang"], "TWK")
    assert mapping.status_label.text() == (
        "Dipilih untuk lebih dari satu kolom berkas: Tes Wawasan Kebangsaan (TWK)."
    )
    assert not mapping.isComplete() and not next_button.isEnabled()
    wizard.next()  # refused: the page stays
    assert wizard.currentId() == ImportWizard.MAPPING_PAGE
    # Nothing left for the participant number, nor any component: both are said.
    mapping.combos["nilai_ulang"].setCurrentIndex(0)
    mapping.combos["twk"].setCurrentIndex(0)
    mapping.combos["nomor"].setCurrentIndex(0)
    text = mapping.status_label.text()
    assert "Kolom wajib belum dipetakan: Nomor peserta." in text
    assert "Belum ada kolom berkas yang dipetakan ke komponen nilai." in text
    assert not next_button.isEnabled()
    pick(mapping.combos["nomor"], "nomor_peserta")
    pick(mapping.combos["nilai_ulang"], "TWK")
    assert next_button.isEnabled()
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK, check.problem_lines()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    assert stored(db) == {("001", "TWK", "", ""): 105_000}  # the column chosen, not "TWK"


def test_the_dry_run_names_row_and_file_column_of_every_problem(
    qtbot, monkeypatch, db: Database, cpns: SelectionInfo, tmp_path: Path, write_csv
) -> None:
    path = write_csv(
        tmp_path / "nilai.csv",
        ["No Peserta", "Nilai TWK", "TKP"],
        [["001", "200", "170"], ["009", "100", "170"], ["002", "100", "170,5"]],
    )
    wizard = open_wizard(qtbot, monkeypatch, db, cpns, path)
    wizard.next()
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.REJECTED
    assert "3 masalah" in check.result_label.text()
    model = check.problem_model
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert [row[:2] for row in rows] == [
        ["2", "nilai_twk (TWK)"],
        ["3", "no_peserta (nomor_peserta)"],
        ["4", "tkp (TKP)"],
    ]
    assert "150" in rows[0][2]  # out of its range, 0–150
    assert "009" in rows[1][2]
    assert "harus bilangan bulat" in rows[2][2]
    assert not any("kelipatan 1" in row[2] for row in rows)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert stored(db) == {}


def test_long_form_with_other_headers_lists_the_valid_codes_of_an_unknown_component(
    qtbot, monkeypatch, db: Database, binjai: SelectionInfo, tmp_path: Path, write_csv
) -> None:
    path = write_csv(
        tmp_path / "praktik.csv",
        ["Nomor Ujian", "Mata Uji", "Skor", "Nama Penilai"],
        [
            ["001", "PRAKTIK.TEKNIS", "80", "Dewi"],
            ["001", "PRAKTIK.TEKNIS", "84", "Rudi"],
            ["002", "WAWANCARA", "70", "Dewi"],
        ],
    )
    wizard = open_wizard(qtbot, monkeypatch, db, binjai, path)
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.form() == LONG_FORM
    assert not mapping.stage_box.isEnabled()  # a long file names its components in cells
    assert mapping.mapping() == {
        "nomor_ujian": "nomor_peserta",
        "mata_uji": "komponen",
        "skor": "nilai",
        "nama_penilai": "penilai",
    }
    assert "Komponen (komponen) *" in choices(mapping.combos["mata_uji"])
    assert mapping.preview_table.horizontalHeaderItem(2).text() == "skor\n→ Nilai"
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.REJECTED
    [line] = check.problem_lines()
    assert "WAWANCARA" in line
    assert "PENGETAHUAN, PRAKTIK (PRAKTIK.TEKNIS" in line and "PSIKOTES" in line
    model = check.problem_model
    assert [model.index(0, c).data() for c in range(2)] == ["4", "mata_uji (komponen)"]

    fixed = write_csv(
        tmp_path / "praktik-2.csv",
        ["Nomor Ujian", "Mata Uji", "Skor", "Nama Penilai"],
        [["001", "PRAKTIK.TEKNIS", "80", "Dewi"], ["001", "PRAKTIK.TEKNIS", "84", "Rudi"]],
    )
    wizard.back()
    wizard.back()
    choose(qtbot, monkeypatch, wizard, fixed)
    wizard.next()
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK, check.problem_lines()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    assert stored(db) == {
        ("001", "PRAKTIK", "Dewi", "TEKNIS"): 80_000,
        ("001", "PRAKTIK", "Rudi", "TEKNIS"): 84_000,
    }


def test_another_stage_or_form_offers_its_columns_and_guesses_again(
    qtbot, monkeypatch, db: Database, cpns: SelectionInfo, tmp_path: Path, write_csv
) -> None:
    skd = write_csv(
        tmp_path / "skd.csv",
        ["nomor_peserta", "TWK", "TIU", "TKP"],
        [["001", 100, 120, 170], ["002", 90, 100, 180]],
    )
    import_scores(db, ADMIN, cpns.id, skd)  # both pass SKD: the SKB scores may come in
    path = write_csv(
        tmp_path / "skb.csv",
        ["Nomor Peserta", "CAT SKB", "Penilai", "Praktik Teknis", "Sikap & Etika"],
        [["001", "400", "Dewi", "80", "75"]],
    )
    wizard = open_wizard(qtbot, monkeypatch, db, cpns, path)
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.stage() == "AKHIR"
    assert [mapping.stage_box.itemData(i) for i in range(mapping.stage_box.count())] == [
        "SKD",
        "AKHIR",
        ALL_STAGES,
    ]
    assert mapping.mapping() == {
        "nomor_peserta": "nomor_peserta",
        "cat_skb": "CAT_SKB",
        "penilai": "penilai",
        "praktik_teknis": "PRAKTIK.TEKNIS",
        "sikap_&_etika": "PRAKTIK.SIKAP",
    }
    assert "Tes Praktik Kerja – Sikap & etika (PRAKTIK.SIKAP)" in choices(
        mapping.combos["sikap_&_etika"]
    )
    pick(mapping.combos["penilai"], "nomor_peserta")  # the user's own choice, then …
    mapping.stage_box.setCurrentIndex(mapping.stage_box.findData("SKD"))  # … another stage
    assert mapping.mapping() == {"nomor_peserta": "nomor_peserta", "penilai": "penilai"}
    assert not any("CAT_SKB" in text for text in choices(mapping.combos["cat_skb"]))
    assert "Belum ada kolom berkas yang dipetakan ke komponen" in mapping.status_label.text()
    mapping.form_box.setCurrentIndex(mapping.form_box.findData(LONG_FORM))
    assert not mapping.stage_box.isEnabled()
    assert "Kolom wajib belum dipetakan: Komponen, Nilai." in mapping.status_label.text()
    mapping.form_box.setCurrentIndex(mapping.form_box.findData(WIDE_FORM))
    mapping.stage_box.setCurrentIndex(mapping.stage_box.findData("AKHIR"))
    assert mapping.mapping()["cat_skb"] == "CAT_SKB"

    # Back and forth for the same file keeps the user's own choices.
    mapping.combos["sikap_&_etika"].setCurrentIndex(0)
    wizard.back()
    wizard.next()
    assert "sikap_&_etika" not in mapping.mapping() and mapping.stage() == "AKHIR"
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK, check.problem_lines()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    skb = {key: value for key, value in stored(db).items() if key[1] in ("CAT_SKB", "PRAKTIK")}
    assert skb == {
        ("001", "CAT_SKB", "", ""): 400_000,
        ("001", "PRAKTIK", "Dewi", "TEKNIS"): 80_000,
    }


def test_a_windows_1252_score_file_is_read_with_a_note(
    qtbot, monkeypatch, db: Database, binjai: SelectionInfo, tmp_path: Path
) -> None:
    path = tmp_path / "nilai excel.csv"
    # Excel's "CSV (dipisahkan koma)": Windows-1252, with a name Excel wrote as é.
    path.write_bytes("No. Peserta;Nama;Pengetahuan\r\n001;José;75\r\n".encode("cp1252"))
    wizard = open_wizard(qtbot, monkeypatch, db, binjai, path)
    assert "Windows-1252" in wizard.file_page.detail_label.text()
    wizard.next()
    mapping = wizard.mapping_page
    assert "Windows-1252" in mapping.preview_label.text()
    assert mapping.preview_table.item(0, 1).text() == "José"
    assert mapping.mapping() == {"no._peserta": "nomor_peserta", "pengetahuan": "PENGETAHUAN"}
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK, check.problem_lines()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    assert stored(db) == {("001", "PENGETAHUAN", "", ""): 75_000}


def test_a_mapped_file_that_replaces_stored_values_asks_old_to_new_and_a_reason(
    qtbot, monkeypatch, db: Database, binjai: SelectionInfo, tmp_path: Path, write_csv
) -> None:
    first = write_csv(tmp_path / "n1.csv", ["nomor_peserta", "PSIKOTES"], [["001", 70]])
    import_scores(db, ADMIN, binjai.id, first)
    path = write_csv(
        tmp_path / "n2.csv", ["No Peserta", "Nilai Psikotes"], [["001", 72], ["002", 66]]
    )
    wizard = open_wizard(qtbot, monkeypatch, db, binjai, path)
    wizard.next()
    assert wizard.mapping_page.mapping() == {
        "no_peserta": "nomor_peserta",
        "nilai_psikotes": "PSIKOTES",
    }
    check = run_check(qtbot, wizard)
    assert check.state == CheckPage.OK, check.problem_lines()
    assert "1 nilai yang sudah tersimpan akan diganti" in check.result_label.text()
    model = check.replacement_model
    assert [model.index(0, c).data() for c in range(5)] == ["2", "001", "PSIKOTES", "70", "72"]
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    qtbot.keyClicks(check.reason_edit, "salah ketik di lembar")
    assert finish.isEnabled()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10_000)
    assert (wizard.summary.added, wizard.summary.updated) == (1, 1)
    assert stored(db) == {("001", "PSIKOTES", "", ""): 72_000, ("002", "PSIKOTES", "", ""): 66_000}
