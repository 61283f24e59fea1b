"""The Announcements page issues, previews, prints, saves and verifies real announcements.

Every test works on its own copy of one demo database; file choosers, confirmations and the
print dialog are answered by monkeypatching ``Dialogs`` (or the page's print-dialog method),
so no modal window ever waits for a click.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QDate, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter

from app.demo import generate_demo
from app.services.actor import Actor
from app.services.announcements import issue_announcement, list_announcements, stored_pdf
from app.services.database import Database
from app.services.demo import create_demo
from app.services.document_settings import document_settings
from app.services.finalization import finalize, reopen
from app.services.participants_import import import_participants
from app.services.ranking import compute_ranking
from app.services.schemes import load_preset_or_file
from app.services.score_entry import save_score
from app.services.scores_import import import_scores
from app.services.signing import certificate_fingerprint, create_committee_key
from app.services.ties import decide_tie, list_ties
from app.ui.committee_key_dialog import CommitteeKeyDialog
from app.ui.context import ANNOUNCEMENTS, AppContext
from app.ui.dialogs import Dialogs
from app.ui.document_settings_dialog import DocumentSettingsDialog
from app.ui.issue_dialog import IssueDialog
from app.ui.pages.announcements import AnnouncementsPage
from app.ui.verify_dialog import VerifyDialog
from app.ui.workers import pending_tasks

ADMIN = Actor("ketua", "admin")
OPERATOR = Actor("operator", "operator")
SCHEME = "binjai-kompetensi"
PARTICIPANTS = 60
SEED = 8
STAGE = "AKHIR"
TIMEOUT_MS = 20_000
PASSWORD = "rahasia-panitia"


# -- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    """One demo database for the session; each test works on its own copy."""
    path = tmp_path_factory.mktemp("demo") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, SCHEME, participants=PARTICIPANTS, seed=SEED)
    finalize(database, ADMIN, info.id, STAGE)  # announcements are issued from final results
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
def open_page(qtbot: Any, context: AppContext) -> Callable[..., AnnouncementsPage]:
    """``open_page(context=None)``: the page on ``context`` (default: the admin's)."""

    def make(for_context: AppContext | None = None) -> AnnouncementsPage:
        page = AnnouncementsPage(for_context or context)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        return page

    return make


@pytest.fixture(autouse=True)
def no_stray_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Any message box a test did not expect is recorded instead of blocking the run."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        Dialogs,
        "error",
        staticmethod(lambda _p, title, text, details="": shown.append((title, text))),
    )
    monkeypatch.setattr(
        Dialogs, "info", staticmethod(lambda _p, title, text: shown.append((title, text)))
    )
    return shown


@pytest.fixture
def key_files(tmp_path: Path) -> tuple[Path, Path]:
    p12, pem = tmp_path / "kunci.p12", tmp_path / "sertifikat.pem"
    create_committee_key(p12, pem, PASSWORD, "Panitia Seleksi Daerah", "Pemerintah Kota Binjai")
    return p12, pem


def wait_idle(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=TIMEOUT_MS)


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """``Dialogs.save_file`` answers ``path``; the suggested names are recorded."""
    suggested: list[str] = []

    def save_file(_parent: Any, _title: str, _filters: str, name: str = "") -> Path:
        suggested.append(name)
        return path

    monkeypatch.setattr(Dialogs, "save_file", staticmethod(save_file))
    return suggested


def answer_open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(Dialogs, "open_file", staticmethod(lambda *_args: path))


def answer_confirm(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    asked: list[str] = []

    def confirm(_parent: Any, _title: str, text: str) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(Dialogs, "confirm", staticmethod(confirm))
    return asked


def ready_dialog(qtbot: Any, page: AnnouncementsPage) -> IssueDialog:
    dialog = page.open_issue_dialog()
    assert isinstance(dialog, IssueDialog)
    qtbot.waitUntil(lambda: dialog.readiness is not None, timeout=TIMEOUT_MS)
    return dialog


def issue_through(qtbot: Any, dialog: IssueDialog) -> None:
    """Press *Terbitkan* and wait for the worker to deliver."""
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)


def issue_file(context: AppContext, path: Path, key: tuple[Path, str] | None = None) -> Path:
    assert context.selection_id is not None
    issue_announcement(context.database, ADMIN, context.selection_id, None, path, key=key)
    return path


def make_tie(database: Database, selection_id: int, folder: Path) -> str:
    """Give the first outsider of a formation the scores and birth date of its last winner:
    a complete tie at the vacancy boundary (SERI). Returns the formation."""
    ranking = compute_ranking(database, selection_id)
    for formation, quota in ranking.quotas.items():
        ranked = [row for row in ranking.rows if row.formation == formation and row.rank]
        last = next((row for row in ranked if row.rank == quota), None)
        outsider = next((row for row in ranked if row.rank == quota + 1), None)
        if last is not None and outsider is not None:
            break
    else:
        raise AssertionError("the demo has no formation with an outsider")
    data = generate_demo(load_preset_or_file(SCHEME), participants=PARTICIPANTS, seed=SEED)
    people = {p["nomor_peserta"]: p for p in data.participants}
    twin = dict(people[outsider.number], tanggal_lahir=people[last.number]["tanggal_lahir"])
    scores = [
        {k: s[k] for k in ("nomor_peserta", "komponen", "nilai", "penilai")}
        for s in [*data.scores, *data.aspect_scores]
        if s["nomor_peserta"] == last.number
    ]
    copied = [dict(s, nomor_peserta=outsider.number) for s in scores]
    reopen(database, ADMIN, selection_id, STAGE, [formation], "peserta kembar untuk uji SERI")
    twin_file = write_rows(folder / "twin.csv", [twin])
    import_participants(database, ADMIN, selection_id, twin_file, replace=True, reason="kembar")
    scores_file = write_rows(folder / "twin-scores.csv", copied)
    import_scores(database, ADMIN, selection_id, scores_file, replace=True, reason="kembar")
    return formation  # not final: an undecided SERI refuses finalization (issue #10 §3)


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def tiny_png() -> bytes:
    image = QImage(6, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5fa8"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data())


# -- issuing ---------------------------------------------------------------------------------


def test_issuing_through_the_dialog_adds_the_row_and_previews_it(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_stray_dialogs: list[tuple[str, str]],
) -> None:
    page = open_page()
    assert page.model.rowCount() == 0
    assert not page.print_button.isEnabled()
    dialog = ready_dialog(qtbot, page)
    assert dialog.stage_code() == "AKHIR"
    assert f"{PARTICIPANTS} peserta" in dialog.readiness_label.text()
    assert dialog.issue_button.isEnabled()

    dialog.number_edit.clear()
    qtbot.keyClicks(dialog.number_edit, "800/12/PANSELDA/2024")
    dialog.date_edit.setDate(QDate(2024, 12, 20))
    assert dialog.date_edit.text() == "20-12-2024"
    qtbot.keyClicks(dialog.subject_edit, "Hasil akhir seleksi kompetensi")
    out = tmp_path / "pengumuman.pdf"
    suggested = answer_save(monkeypatch, out)
    confirmations = answer_confirm(monkeypatch, True)

    with qtbot.waitSignal(context.changes.changed, timeout=TIMEOUT_MS) as announced:
        issue_through(qtbot, dialog)
    changes, initiator = announced.args
    assert changes.kinds == {ANNOUNCEMENTS} and changes.selection_id == context.selection_id
    assert initiator is dialog  # the door names who started the change
    assert no_stray_dialogs == []
    assert confirmations == []  # no SERI in this demo: nothing to confirm
    assert suggested == ["Pengumuman-AKHIR-2024-12-20.pdf"]
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert dialog.issued_info is not None

    stored = list_announcements(context.database, context.selection_id or 0)
    assert [(a.number, a.issued_on, a.subject) for a in stored] == [
        ("800/12/PANSELDA/2024", dt.date(2024, 12, 20), "Hasil akhir seleksi kompetensi")
    ]
    assert page.model.rowCount() == 1
    assert page.table.currentIndex().row() == 0
    info = page.selected_info()
    assert info is not None and info.id == stored[0].id
    assert page.model.index(0, 0).data() == "800/12/PANSELDA/2024"
    assert page.model.index(0, 1).data() == "20-12-2024"
    assert page.model.index(0, 3).data() == str(PARTICIPANTS)
    assert page.model.index(0, 4).data() == "Tidak"
    assert page.preview.document.pageCount() >= 1
    assert page.preview.page_count() == len(PdfReader(out).pages)
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    assert "800/12/PANSELDA/2024" in page.status_label.text()


def test_issuing_signed_with_a_committee_key_made_in_the_app(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_stray_dialogs: list[tuple[str, str]],
) -> None:
    page = open_page()
    key_dialog = page.open_key_dialog()
    assert isinstance(key_dialog, CommitteeKeyDialog)
    assert "TTE BSrE" in key_dialog.findChildren(type(page.status_label))[0].text()
    p12 = tmp_path / "kunci"
    answer_save(monkeypatch, p12)
    key_dialog.choose_p12()
    assert key_dialog.p12_edit.text() == str(tmp_path / "kunci.p12")
    assert key_dialog.cert_edit.text() == str(tmp_path / "sertifikat-panitia.pem")
    qtbot.keyClicks(key_dialog.password_edit, PASSWORD)
    qtbot.keyClicks(key_dialog.repeat_edit, "salah-ketik")
    key_dialog.create_key()
    assert key_dialog.error_label.isVisibleTo(key_dialog)
    assert "tidak sama" in key_dialog.error_label.text()
    key_dialog.repeat_edit.setText(PASSWORD)
    with qtbot.waitSignal(key_dialog.created, timeout=TIMEOUT_MS):
        key_dialog.create_key()
    wait_idle(qtbot)
    assert (tmp_path / "kunci.p12").exists() and (tmp_path / "sertifikat-panitia.pem").exists()
    # The root's fingerprint, as published with it, is on screen (issue #11 §4).
    pem = (tmp_path / "sertifikat-panitia.pem").read_bytes()
    assert key_dialog.fingerprint == certificate_fingerprint(pem)
    assert len(key_dialog.fingerprint) == 95
    assert key_dialog.fingerprint in page.status_label.text()

    dialog = ready_dialog(qtbot, page)
    assert dialog.key_edit.text() == str(tmp_path / "kunci.p12")  # remembered from above
    assert not dialog.password_edit.isEnabled()
    dialog.sign_box.setChecked(True)
    assert dialog.password_edit.isEnabled()
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    out = tmp_path / "bertanda-tangan.pdf"
    answer_save(monkeypatch, out)
    issue_through(qtbot, dialog)

    assert no_stray_dialogs == []
    assert out.exists()
    assert page.model.rowCount() == 1
    assert page.model.index(0, 4).data() == "Ya"
    assert page.selected_info() is not None and page.selected_info().signed
    assert page.signature_note.isVisibleTo(page)
    assert b"/ByteRange" in out.read_bytes()


def test_a_date_far_ahead_is_issued_only_when_confirmed(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #11 §2: 2062 for 2026 is asked about before an immutable document is issued."""
    import datetime as dt

    from PySide6.QtCore import QDate

    from app.services.announcements import list_announcements

    page = open_page()
    dialog = ready_dialog(qtbot, page)
    far = dt.date.today() + dt.timedelta(days=400)
    dialog.date_edit.setDate(QDate(far.year, far.month, far.day))
    dialog.output_edit.setText(str(tmp_path / "jauh.pdf"))
    asked = answer_confirm(monkeypatch, False)
    issue_through(qtbot, dialog)
    assert asked and far.strftime("%d-%m-%Y") in asked[0]
    assert context.selection_id is not None
    assert list_announcements(context.database, context.selection_id) == []
    assert not (tmp_path / "jauh.pdf").exists()
    answer_confirm(monkeypatch, True)
    issue_through(qtbot, dialog)
    [issued] = list_announcements(context.database, context.selection_id)
    assert issued.issued_on == far


def test_a_wrong_key_password_shows_the_error_and_issues_nothing(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    key_files: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_stray_dialogs: list[tuple[str, str]],
) -> None:
    page = open_page()
    dialog = ready_dialog(qtbot, page)
    dialog.sign_box.setChecked(True)
    dialog.key_edit.setText(str(key_files[0]))
    qtbot.keyClicks(dialog.password_edit, "bukan-sandinya")
    out = tmp_path / "tidak-jadi.pdf"
    answer_save(monkeypatch, out)
    issue_through(qtbot, dialog)

    assert len(no_stray_dialogs) == 1
    title, text = no_stray_dialogs[0]
    assert title == "Pengumuman tidak diterbitkan"
    assert "kata sandi salah atau berkas rusak" in text
    assert not out.exists()
    assert list_announcements(context.database, context.selection_id or 0) == []
    assert page.model.rowCount() == 0
    assert dialog.isVisible() and dialog.issue_button.isEnabled()  # the user may try again


def test_a_damaged_key_file_is_a_clear_message(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_stray_dialogs: list[tuple[str, str]],
) -> None:
    damaged = tmp_path / "rusak.p12"
    damaged.write_bytes(b"bukan kunci")
    page = open_page()
    dialog = ready_dialog(qtbot, page)
    dialog.sign_box.setChecked(True)
    dialog.key_edit.setText(str(damaged))
    dialog.password_edit.setText(PASSWORD)
    answer_save(monkeypatch, tmp_path / "x.pdf")
    issue_through(qtbot, dialog)
    assert [text for _, text in no_stray_dialogs] == [
        "kunci rusak.p12 tidak dapat dibuka: kata sandi salah atau berkas rusak"
    ]
    assert list_announcements(context.database, context.selection_id or 0) == []


def test_signing_needs_a_key_and_a_password_before_anything_runs(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    dialog = ready_dialog(qtbot, page)
    dialog.sign_box.setChecked(True)
    chosen = answer_save(monkeypatch, Path("/nowhere.pdf"))
    dialog.issue()
    assert "kunci panitia" in dialog.error_label.text()
    dialog.key_edit.setText("/tmp/kunci.p12")
    dialog.issue()
    assert "kata sandi" in dialog.error_label.text()
    assert chosen == [] and pending_tasks() == 0


def test_incomplete_scores_are_explained_and_block_issuing(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    selection_id = context.selection_id or 0
    someone = next(r for r in compute_ranking(context.database, selection_id).rows if r.rank)
    reopen(context.database, ADMIN, selection_id, STAGE, [someone.formation], "koreksi")
    save_score(
        context.database, ADMIN, selection_id, someone.number, "PENGETAHUAN", "", reason="koreksi"
    )
    page = open_page()
    dialog = ready_dialog(qtbot, page)
    assert dialog.readiness is not None and dialog.readiness.incomplete == 1
    assert "Nilai 1 peserta belum lengkap" in dialog.readiness_label.text()
    assert "Input nilai" in dialog.readiness_label.text()
    assert not dialog.issue_button.isEnabled()
    chosen = answer_save(monkeypatch, Path("/nowhere.pdf"))
    dialog.issue()
    assert chosen == [] and pending_tasks() == 0


def test_results_not_finalized_are_explained_and_block_issuing(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, selection_id = context.database, context.selection_id or 0
    formations = sorted(compute_ranking(database, selection_id).quotas)
    reopen(database, ADMIN, selection_id, STAGE, formations[1:], "nilai diperiksa ulang")
    page = open_page()
    dialog = ready_dialog(qtbot, page)
    assert dialog.readiness is not None
    assert dialog.readiness.not_final == tuple(formations[1:])
    text = dialog.readiness_label.text()
    assert f"belum final untuk {len(formations) - 1} dari {len(formations)} formasi:" in text
    assert all(code in text for code in formations[1:]) and "Finalisasi" in text
    assert not dialog.issue_button.isEnabled()
    chosen = answer_save(monkeypatch, Path("/nowhere.pdf"))
    dialog.issue()
    assert chosen == [] and pending_tasks() == 0
    dialog.reject()

    finalize(database, ADMIN, selection_id, STAGE)
    again = ready_dialog(qtbot, page)
    assert again.readiness is not None and not again.readiness.blocked
    assert again.issue_button.isEnabled()


def test_an_undecided_seri_blocks_issuing_until_the_committee_decides(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #10 §3: more winners than seats never go out; the committee decides first."""
    selection_id = context.selection_id or 0
    formation = make_tie(context.database, selection_id, tmp_path)
    page = open_page()
    dialog = ready_dialog(qtbot, page)
    assert dialog.readiness is not None
    assert dialog.readiness.tie_formations == (formation,)
    assert dialog.readiness.blocked
    text = dialog.readiness_label.text()
    assert "SERI" in text and formation in text and "Putuskan SERI" in text
    assert not dialog.issue_button.isEnabled()

    [group] = [g for g in list_ties(context.database, selection_id) if g.formation == formation]
    chosen = [p.number for p in group.participants][: group.seats]
    decide_tie(
        context.database, ADMIN, selection_id, STAGE, formation, chosen, "undian", "BA 7/2024"
    )
    finalize(context.database, ADMIN, selection_id, STAGE, [formation])
    dialog.close()
    dialog = ready_dialog(qtbot, page)
    assert dialog.readiness is not None and not dialog.readiness.blocked
    out = tmp_path / "seri.pdf"
    answer_save(monkeypatch, out)
    issue_through(qtbot, dialog)
    assert out.exists()
    assert page.model.rowCount() == 1


# -- verifying ------------------------------------------------------------------------------


def verify(qtbot: Any, dialog: VerifyDialog, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    answer_open(monkeypatch, path)
    with qtbot.waitSignal(dialog.verified, timeout=TIMEOUT_MS):
        dialog.choose_pdf()  # choosing the file starts the check
    wait_idle(qtbot)


def test_verify_dialog_says_valid_and_then_invalid_after_one_changed_byte(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issued = issue_file(context, tmp_path / "asli.pdf")
    page = open_page()
    dialog = page.open_verify_dialog()
    verify(qtbot, dialog, monkeypatch, issued)
    assert dialog.verification is not None and dialog.verification.ok
    assert dialog.verdict_text() == "SAH"
    assert dialog.verdict_label.text() == "SAH" and dialog.verdict.isVisibleTo(dialog)
    assert dialog.verification.document_id in dialog.verdict_detail.text()
    assert any("Berkas sama persis" in line for line in dialog.findings_texts())

    data = bytearray(issued.read_bytes())
    position = data.index(b"/Producer") + 3
    data[position] ^= 0x01
    altered = tmp_path / "diubah.pdf"
    altered.write_bytes(bytes(data))
    verify(qtbot, dialog, monkeypatch, altered)
    assert dialog.verification is not None and not dialog.verification.ok
    assert dialog.verdict_label.text() == "TIDAK SAH"
    assert any("BERBEDA" in line for line in dialog.findings_texts())


def test_verify_dialog_checks_the_signer_with_the_certificate(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    key_files: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p12, pem = key_files
    issued = issue_file(context, tmp_path / "ttd.pdf", key=(p12, PASSWORD))
    page = open_page()
    dialog = page.open_verify_dialog()
    dialog.cert_edit.setText(str(pem))
    verify(qtbot, dialog, monkeypatch, issued)
    assert dialog.verdict_text() == "SAH"
    assert any("tanda tangan elektronik sah" in line.lower() for line in dialog.findings_texts())


def test_verify_dialog_says_a_replaced_announcement_is_no_longer_in_force(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #11 §2: TIDAK BERLAKU, naming the announcement that replaced it."""
    first = issue_file(context, tmp_path / "1.pdf")
    assert context.selection_id is not None
    later = issue_announcement(
        context.database, ADMIN, context.selection_id, None, tmp_path / "2.pdf", number="9/X"
    )
    dialog = open_page().open_verify_dialog()
    verify(qtbot, dialog, monkeypatch, first)
    assert dialog.verdict_text() == "TIDAK BERLAKU" == dialog.verdict_label.text()
    assert "diganti oleh Pengumuman Nomor 9/X" in dialog.verdict_detail.text()
    assert later.number == "9/X"


def test_verify_dialog_takes_a_scanned_page(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #11 §3: a photo or scan of a page is checked by its QR code."""
    import pypdfium2

    issued = issue_file(context, tmp_path / "asli.pdf")
    import zxingcpp

    from app.services.page_seal import parse_seal

    document = pypdfium2.PdfDocument(issued)
    picture = tmp_path / "halaman.png"
    for page in document:  # a page of the lampiran, whose code names the rows it shows
        image = page.render(scale=150 / 72).to_pil()
        seal = parse_seal(zxingcpp.read_barcodes(image)[0].text)
        if seal is not None and seal.row_count:
            image.save(picture)
            break
    document.close()
    assert seal is not None and seal.row_count
    dialog = open_page().open_verify_dialog()
    verify(qtbot, dialog, monkeypatch, picture)
    assert dialog.verdict_text() == "SAH"
    lines = dialog.findings_texts()
    assert any("kode qr terbaca" in line.lower() for line in lines)
    assert any("halaman ini harus memuat baris" in line.lower() for line in lines)
    # Under the findings, the rows the page must show, as the database keeps them.
    rows = [line.strip() for line in lines if line.startswith("      ")]
    assert len(rows) == seal.row_count


def test_verify_dialog_on_a_file_that_is_no_announcement(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stranger = tmp_path / "lain.pdf"
    stranger.write_bytes(b"%PDF-1.4\n%%EOF\n")
    dialog = open_page().open_verify_dialog()
    verify(qtbot, dialog, monkeypatch, stranger)
    assert dialog.verdict_text() == "TIDAK SAH"
    assert "tidak dikenali" in dialog.verdict_detail.text()


# -- document settings ----------------------------------------------------------------------


def test_document_settings_dialog_saves_the_closing_provisions(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
) -> None:
    """Issue #11 §1: masa sanggah, next steps, provisions and tembusan from the window."""
    import datetime as dt

    from PySide6.QtCore import QDate

    dialog = open_page().open_settings_dialog()
    assert isinstance(dialog, DocumentSettingsDialog)
    assert not dialog.objection_from_edit.isEnabled()  # no period until ticked
    dialog.objection_box.setChecked(True)
    assert dialog.objection_place_edit.isEnabled()
    dialog.objection_from_edit.setDate(QDate(2024, 12, 6))
    dialog.objection_to_edit.setDate(QDate(2024, 12, 8))
    qtbot.keyClicks(dialog.objection_place_edit, "Sekretariat Panitia")
    dialog.next_steps_edit.setPlainText("Pemberkasan paling lambat 20 Desember 2024.")
    dialog.copies_edit.setPlainText("Wali Kota Binjai\n\nKepala BKN")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = document_settings(context.database, context.selection_id or 0)
    assert (stored.objection_from, stored.objection_to) == (
        dt.date(2024, 12, 6),
        dt.date(2024, 12, 8),
    )
    assert stored.objection_place == "Sekretariat Panitia"
    assert stored.next_steps == "Pemberkasan paling lambat 20 Desember 2024."
    assert stored.copies_to == ("Wali Kota Binjai", "Kepala BKN")

    again = open_page().open_settings_dialog()
    assert again is not None and again.objection_box.isChecked()
    again.objection_to_edit.setDate(QDate(2024, 12, 1))  # before the start: refused, in words
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert "berakhir (01-12-2024) sebelum dimulai (06-12-2024)" in again.error_label.text()
    assert document_settings(context.database, context.selection_id or 0).objection_to == (
        dt.date(2024, 12, 8)
    )


def test_document_settings_dialog_saves_signatory_and_logo(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    dialog = page.open_settings_dialog()
    assert isinstance(dialog, DocumentSettingsDialog)
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Drs. Ahmad Syahputra, M.Si.")
    dialog.nip_edit.setText("197001011990031001")
    dialog.prefix_box.setCurrentIndex(dialog.prefix_box.findData("Plh."))
    png = tiny_png()
    logo = tmp_path / "logo.png"
    logo.write_bytes(png)
    answer_open(monkeypatch, logo)
    dialog.logo_field.choose()
    assert dialog.logo_field.thumbnail.pixmap() is not None
    assert not dialog.logo_field.thumbnail.pixmap().isNull()
    dialog.add_member("Sekretaris", "Rina Marpaung")
    dialog.basis_edit.setPlainText("Peraturan satu;\n\nPeraturan dua;")

    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    stored = document_settings(context.database, context.selection_id or 0)
    assert stored.signatory_name == "Drs. Ahmad Syahputra, M.Si."
    assert stored.signatory_nip == "197001011990031001"
    assert stored.signatory_prefix == "Plh."
    assert stored.logo == png
    assert stored.committee == (("Sekretaris", "Rina Marpaung"),)
    assert stored.legal_basis == ("Peraturan satu;", "Peraturan dua;")
    assert not dialog.isVisible()

    again = page.open_settings_dialog()
    assert again is not None
    assert again.name_edit.text() == "Drs. Ahmad Syahputra, M.Si."
    assert again.logo_field.data == png
    again.logo_field.clear()
    assert again.logo_field.data is None and not again.logo_field.remove_button.isEnabled()
    again.reject()


def test_document_settings_refusal_is_shown_inside_the_dialog(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_page().open_settings_dialog()
    assert dialog is not None
    dialog.government_edit.clear()
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error_label.isVisibleTo(dialog)
    assert "nama pemerintah daerah" in dialog.error_label.text()
    not_an_image = tmp_path / "bukan.png"
    not_an_image.write_bytes(b"teks biasa")
    answer_open(monkeypatch, not_an_image)
    dialog.stamp_field.choose()
    assert dialog.stamp_field.data is None
    assert dialog.stamp_field.error_label.isVisibleTo(dialog.stamp_field)
    before = document_settings(context.database, context.selection_id or 0)
    assert before.government  # nothing was saved
    dialog.reject()


# -- saving, printing, preview --------------------------------------------------------------


def test_save_copy_writes_the_stored_bytes(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issue_file(context, tmp_path / "asli.pdf")
    page = open_page()
    info = page.selected_info()
    assert info is not None
    suggested = answer_save(monkeypatch, tmp_path / "salinan")
    path = page.save_copy()
    assert path == tmp_path / "salinan.pdf"
    assert path.read_bytes() == stored_pdf(context.database, info.id)
    assert path.read_bytes() == (tmp_path / "asli.pdf").read_bytes()
    assert suggested[0].endswith(f"{info.document_id}.pdf")


def test_printing_renders_every_page(
    qtbot: Any,
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issue_file(context, tmp_path / "asli.pdf")
    page = open_page()
    printed_to = tmp_path / "cetak.pdf"
    asked: list[int] = []

    def accept(printer: QPrinter, page_count: int) -> bool:
        asked.append(page_count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_to))
        printer.setResolution(72)  # small images: the test checks pages, not sharpness
        return True

    def accept_and_note_the_name(printer: QPrinter, page_count: int) -> bool:
        names.append(printer.docName())
        return accept(printer, page_count)

    names: list[str] = []
    monkeypatch.setattr(page, "ask_print_settings", accept_and_note_the_name)
    expected = len(PdfReader(tmp_path / "asli.pdf").pages)
    assert page.print_selected() == expected
    assert asked == [expected]
    # "Print to file" proposes this name: the number's slashes must not become folders.
    assert names and "/" not in names[0] and names[0].startswith("Pengumuman ")
    assert printed_to.exists()
    assert len(PdfReader(printed_to).pages) == expected
    assert f"{expected} halaman" in page.status_label.text()


def test_cancelled_print_dialog_prints_nothing(
    open_page: Callable[..., AnnouncementsPage],
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issue_file(context, tmp_path / "asli.pdf")
    page = open_page()
    monkeypatch.setattr(page, "ask_print_settings", lambda _printer, _count: False)
    assert page.print_selected() == 0


def test_preview_navigates_pages_and_zooms(
    open_page: Callable[..., AnnouncementsPage], context: AppContext, tmp_path: Path
) -> None:
    issue_file(context, tmp_path / "asli.pdf")
    page = open_page()
    preview = page.preview
    count = preview.page_count()
    assert count >= 2
    assert preview.page_label.text() == f"Halaman 1 dari {count}"
    assert not preview.previous_button.isEnabled()
    preview.next_button.click()
    assert preview.current_page() == 1
    assert preview.page_label.text() == f"Halaman 2 dari {count}"
    preview.zoom_in_button.click()
    assert not preview.fit_button.isChecked()
    preview.fit_button.setChecked(True)
    assert preview.view.zoomMode() == preview.view.ZoomMode.FitToWidth


def test_newest_first_and_the_replaced_one_is_named(
    open_page: Callable[..., AnnouncementsPage], context: AppContext, tmp_path: Path
) -> None:
    issue_file(context, tmp_path / "satu.pdf")
    issue_file(context, tmp_path / "dua.pdf")
    page = open_page()
    first, second = list_announcements(context.database, context.selection_id or 0)
    assert page.model.rowCount() == 2
    assert page.model.info(0).id == second.id
    assert page.model.index(0, 5).data() == first.number
    assert page.model.index(1, 5).data() == "—"
    page.table.selectRow(1)
    assert page.selected_info() is not None and page.selected_info().id == first.id


# -- roles and selections -------------------------------------------------------------------


def test_operators_preview_and_verify_but_do_not_issue(
    open_page: Callable[..., AnnouncementsPage], context: AppContext, tmp_path: Path
) -> None:
    issue_file(context, tmp_path / "asli.pdf")
    operator = AppContext(context.database, OPERATOR, context.selection_id)
    page = open_page(operator)
    assert not page.issue_button.isVisibleTo(page)
    assert not page.settings_button.isVisibleTo(page)
    assert not page.key_button.isVisibleTo(page)
    assert page.open_issue_dialog() is None
    assert page.open_settings_dialog() is None
    assert page.open_key_dialog() is None
    assert page.verify_button.isVisibleTo(page)
    assert page.model.rowCount() == 1 and page.preview.page_count() >= 1
    assert page.print_button.isEnabled()


def test_follows_the_selection_switcher(
    open_page: Callable[..., AnnouncementsPage], context: AppContext, tmp_path: Path
) -> None:
    issue_file(context, tmp_path / "asli.pdf")
    page = open_page()
    assert page.model.rowCount() == 1
    other = create_demo(context.database, ADMIN, SCHEME, participants=30, seed=2)
    context.switch_selection(other.id)
    assert page.model.rowCount() == 0
    assert page.preview.page_count() == 0
    assert "Belum ada pengumuman" in page.preview.placeholder.text()
    context.switch_selection(None)
    assert "Belum ada seleksi" in page.preview.placeholder.text()
    assert not page.issue_button.isEnabled()
