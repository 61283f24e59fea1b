"""``make screenshots``: each main screen on demo data, as a PNG in ``docs/screenshots/``.

A throw-away database gets the CPNS demo selection (600 participants) and an admin; the
window starts already logged in through ``Launcher.start(..., actor=...)`` (a parameter of
the code, not a switch of the product) and each page the admin sees is grabbed with
``QWidget.grab()``, as are the login dialog, the first-run wizard on an empty file, and the
account dialogs (changing one's password, adding a user), the connect dialog of the LAN mode
(filled in, not connected: the shots need no server), and the field laptops: the Paket page
with two laptops (one package received), the prepare dialog, a package's preview, and the
Paket page of a field laptop's own file; the Monev page, every tab, with later performance
imported (the demo's own: the appointees' SKP predikat a year later), so
validity is filled too.
Settings go to the temporary folder, so the user's own recent files and language stay as
they were.

    python -m tools.screenshots [--out DIR] [--language id|en]
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from app.scoring import Scheme, Stage
from app.scoring.monev.findings import findings
from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import DEMO_DRAFT, DEMO_INSTANSI, create_demo
from app.services.errors import UserError
from app.services.evaluation_report import report_figures
from app.services.formations import list_formations
from app.services.opening import open_database
from app.services.packages import export_package
from app.services.participants import list_participants
from app.services.policy_drafts import create_draft, save_draft_scheme
from app.services.recommendations import add_recommendation
from app.services.score_entry import save_score
from app.services.selections import update_selection
from app.services.users import MAX_FAILED_LOGINS, add_user, authenticate, set_active
from app.ui import i18n
from app.ui.app import Launcher, create_application
from app.ui.context import AppContext
from app.ui.first_run import FirstRunWizard
from app.ui.icons import icon
from app.ui.import_wizard.wizard import ImportWizard
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.pages.announcements import AnnouncementsPage
from app.ui.pages.forms import FormsPage
from app.ui.pages.monev import MonevPage
from app.ui.pages.monev.page import MonevPreferences
from app.ui.pages.packages import PackagesPage
from app.ui.pages.participants import ParticipantsPage
from app.ui.pages.policy import PolicyPage
from app.ui.pages.setup import SetupPage
from app.ui.pages.users import UsersPage
from app.ui.recent import DatabasePreferences
from app.ui.server_dialog import ServerDialog
from app.ui.workers import pending_tasks

ROOT = Path(__file__).resolve().parents[1]
# A maximized window on the usual 1366×768 committee laptop, less taskbar and title bar.
WIDTH, HEIGHT = 1366, 700
ADMIN = Actor("ketua", "admin", "Ketua Panitia Seleksi")
# The rest of the committee, so the Users page shows each state an account can be in.
TEAM = (
    ("rina", "operator", "Rina Marlina, S.Kom."),
    ("budi", "penilai", "Drs. Budi Santoso, M.Si."),
    ("sari", "penilai", "Sari Dewi, S.Psi."),
    ("joko", "operator", "Joko Susilo"),
    ("hana", "monev", "Dr. Hana Siregar, M.Si."),
)
SETTLE_SECONDS = 0.4
MAX_WAIT_SECONDS = 20.0


def settle(application: QApplication) -> None:
    """Let pages finish their background loads and paint before a grab."""
    start = time.monotonic()
    quiet_since: float | None = None
    while time.monotonic() - start < MAX_WAIT_SECONDS:
        application.processEvents()
        busy = pending_tasks() > 0 or QThreadPool.globalInstance().activeThreadCount() > 0
        now = time.monotonic()
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= SETTLE_SECONDS:
            return
        time.sleep(0.02)


def save(widget: QWidget, application: QApplication, path: Path) -> None:
    settle(application)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"cannot write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def make_demo_database(path: Path) -> None:
    database = open_database(path)
    try:
        info = create_demo(database, ADMIN, "cpns-2024", participants=600)  # with performance
        add_user(database, ADMIN, ADMIN.name, "admin", "rahasia-panitia", ADMIN.full_name)
        add_team(database)
        add_recommendation(
            database,
            Actor("hana", "monev"),
            info.id,
            "Penilai praktik kerja dilatih ulang dengan rubrik yang sama sebelum seleksi"
            " berikutnya, dan rapat kalibrasi diadakan sebelum penilaian dimulai.",
            next(
                (f.key for f in findings(report_figures(database, info.id)) if "assessor" in f.key),
                None,
            ),
        )
        draft = create_draft(
            database,
            ADMIN,
            info.id,
            "Revisi bobot SKB 2025",
            answers="Laporan Monev 2024: kesepakatan penilai praktik kerja",
        )
        stage = draft.scheme.stages[-1]
        save_draft_scheme(database, ADMIN, draft.id, _heavier_practice(draft.scheme, stage))
    finally:
        database.close()
    DatabasePreferences(path).instansi = DEMO_INSTANSI
    MonevPreferences(path).local_code = "1275"  # Kota Binjai


def _heavier_practice(scheme: Scheme, stage: Stage) -> Scheme:
    """The draft the Rancangan Kebijakan page shows: the last stage's first component five
    points lighter and its second five heavier, as an FGD might propose."""
    first, second, *rest = stage.components
    components = (
        replace(first, weight=first.weight - 5),
        replace(second, weight=second.weight + 5),
        *rest,
    )
    return replace(scheme, stages=(*scheme.stages[:-1], replace(stage, components=components)))


def make_last_year(path: Path) -> Path:
    """Last year's selection in a file of its own, for the Monev page's year-to-year tab."""
    database = open_database(path)
    try:
        info = create_demo(database, ADMIN, "cpns-2024", participants=400, seed=7)
        # The demo is always 2024: this one is last year's.
        update_selection(database, ADMIN, info.id, "Seleksi CPNS Kota Binjai 2023 (demo)", 2023,
                         DEMO_INSTANSI)  # fmt: skip
    finally:
        database.close()
    return path


def add_team(database: Database) -> None:
    """budi must still choose his password, joko left the committee, sari mistyped hers."""
    for name, role, full_name in TEAM:
        add_user(
            database,
            ADMIN,
            name,
            role,
            f"rahasia-{name}",
            full_name,
            must_change_password=name == "budi",
        )
    set_active(database, ADMIN, "joko", False, "pindah tugas")
    for _ in range(MAX_FAILED_LOGINS):
        with contextlib.suppress(UserError):
            authenticate(database, "sari", "salah-ketik")


def shoot_account_dialogs(window: MainWindow, application: QApplication, out: Path) -> None:
    """Changing one's own password (File menu), and adding a user on the Users page."""
    change = window.change_password()
    change.old_edit.setText("rahasia-panitia")
    change.new_edit.setText("sandi-baru-ketua")
    change.new_edit.setFocus()
    save(change, application, out / "ganti-sandi.png")
    change.reject()
    page = window.show_page("pengguna")
    assert isinstance(page, UsersPage)
    add = page.add()
    add.username_edit.setText("dewi")
    add.full_name_edit.setText("Dewi Lestari, S.E.")
    add.password_edit.setText("awal-dewi-2025")
    add.repeat_edit.setText("awal-dewi-2025")
    save(add, application, out / "pengguna-tambah.png")
    add.reject()


def shoot_scheme_editor(window: MainWindow, application: QApplication, out: Path) -> None:
    """The scheme editor tab of the demo (locked: its scores are in)."""
    page = window.show_page("persiapan")
    assert isinstance(page, SetupPage)
    page.tabs.setCurrentWidget(page.scheme_editor)
    save(window, application, out / "persiapan-skema.png")


def shoot_forms(window: MainWindow, application: QApplication, out: Path) -> None:
    """The Forms page with the preview of a blank score sheet (the practical test)."""
    page = window.show_page("formulir")
    assert isinstance(page, FormsPage)
    page.show_preview()
    save(window, application, out / "formulir.png")


def shoot_participant_dialog(window: MainWindow, application: QApplication, out: Path) -> None:
    """A participant opened from the Peserta page with a correction typed and a field the
    service refused (peserta-ubah.png)."""
    page = window.show_page("peserta")
    assert isinstance(page, ParticipantsPage)
    settle(application)
    page.table.selectRow(0)
    dialog = page.open_participant_dialog()
    assert dialog is not None
    dialog.name_edit.setText(dialog.name_edit.text() + " Nasution")
    dialog.nik_edit.setText("1275 0141")
    dialog.reason_edit.setText("salah ketik nama, sesuai KTP")
    dialog.accept()  # refused: the NIK is marked and the reason is shown
    save(dialog, application, out / "peserta-ubah.png")
    dialog.discard()


def shoot_key_dialog(
    window: MainWindow, application: QApplication, folder: Path, out: Path
) -> None:
    """Creating the committee key (Pengumuman › Buat kunci panitia…), filled in, and the page
    after it with the root's fingerprint to publish (kunci-panitia*.png)."""
    page = window.show_page("pengumuman")
    assert isinstance(page, AnnouncementsPage)
    dialog = page.open_key_dialog()
    assert dialog is not None
    dialog.p12_edit.setText(str(folder / "kunci-panitia.p12"))
    dialog.cert_edit.setText(str(folder / "sertifikat-panitia.pem"))
    dialog.password_edit.setText("sandi-panitia-1")
    dialog.repeat_edit.setText("sandi-panitia-1")
    save(dialog, application, out / "kunci-panitia.png")
    dialog.create_key()
    deadline = time.monotonic() + 30
    while dialog.result_paths is None and time.monotonic() < deadline:
        application.processEvents()
        time.sleep(0.02)
    settle(application)
    save(window, application, out / "kunci-panitia-dibuat.png")


def wait_for(application: QApplication, done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + MAX_WAIT_SECONDS
    while not done() and time.monotonic() < deadline:
        application.processEvents()
        time.sleep(0.02)
    settle(application)


def shoot_packages(window: MainWindow, application: QApplication, folder: Path, out: Path) -> None:
    """Field laptops (issue #12 §1): Ruang 2 prepared through the dialog (siapkan-laptop.png),
    Ruang 3 beside it; Ruang 2's package, with two values corrected there, in the preview
    (impor-paket.png), merged (paket.png); and Ruang 2's own file (paket-lapangan.png)."""
    context = window.context
    assert context.selection_id is not None
    disk = folder / "FLASHDISK"
    disk.mkdir()
    formations = [f.code for f in list_formations(context.database, context.selection_id)]
    page = window.show_page("paket")
    assert isinstance(page, PackagesPage)
    dialog = page.open_prepare_dialog()
    assert dialog is not None
    dialog.name_edit.setText("Ruang 2")
    dialog.file_edit.setText(str(disk / "ruang-2.db"))
    for widget, code in (
        (dialog.formation_list, formations[0]),
        (dialog.component_list, "PRAKTIK"),
    ):
        for row in range(widget.count()):
            if widget.item(row).data(Qt.ItemDataRole.UserRole) == code:
                widget.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    wait_for(application, lambda: dialog.device is not None)
    save(dialog, application, out / "siapkan-laptop.png")
    dialog.accept()
    second = page.open_prepare_dialog()
    assert second is not None
    second.name_edit.setText("Ruang 3")
    second.file_edit.setText(str(disk / "ruang-3.db"))
    second.accept()
    wait_for(application, lambda: second.device is not None)
    second.accept()

    field = open_database(disk / "ruang-2.db")
    clerk = Actor("rina", "operator", "Rina Marlina, S.Kom.")
    with contextlib.closing(sqlite3.connect(field.path)) as connection:
        scored = connection.execute(
            "SELECT p.number, s.assessor FROM score s JOIN participant p ON p.id = s.participant_id"
            " JOIN component c ON c.id = s.component_id WHERE c.code = 'PRAKTIK'"
            " AND s.aspect = 'TEKNIS' AND s.absent = 0 ORDER BY p.number, s.assessor LIMIT 2"
        ).fetchall()
    for (number, assessor), value in zip(scored, ("83", "76"), strict=True):
        save_score(
            field, clerk, context.selection_id, number, "PRAKTIK", value, assessor=assessor,
            aspect="TEKNIS", reason="sesuai lembar nilai ruang 2",
        )  # fmt: skip
    package = disk / "ruang-2-2024-09-12.paket"
    export_package(field, clerk, package)

    page.preview(package)
    wait_for(application, lambda: page.preview_dialog is not None)
    preview = page.preview_dialog
    assert preview is not None and preview.merge_button is not None
    save(preview, application, out / "impor-paket.png")
    preview.merge_button.click()
    wait_for(application, lambda: preview.merged_plan is not None)
    wait_for(application, lambda: any(d.packages for d in page.devices))
    save(window, application, out / "paket.png")

    field_window = MainWindow(AppContext(field, clerk))
    field_window.setWindowState(Qt.WindowState.WindowNoState)
    field_window.resize(WIDTH, HEIGHT)
    field_window.show()
    field_window.show_page("paket")
    save(field_window, application, out / "paket-lapangan.png")
    field_window.close()
    field_window.deleteLater()
    field.close()


def shoot_score_import(
    window: MainWindow, application: QApplication, folder: Path, out: Path
) -> None:
    """The import wizard's column page for a score file whose headers are not the codes, and
    its dry run (the demo's scores are in, so it lists what the file would replace)."""
    context = window.context
    assert context.selection_id is not None
    numbers = [row.number for row in list_participants(context.database, context.selection_id)]
    path = folder / "hasil SKD dari BKN.csv"
    lines = ["No. Peserta;Nama;Nilai TWK;Tes Intelegensia Umum;TKP;Keterangan"]
    for index, number in enumerate(numbers[:12]):
        lines.append(
            f"{number};Peserta {index + 1};{90 + 5 * (index % 4)};{100 + 5 * index};"
            f"{170 + index};{'susulan' if index == 3 else ''}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    wizard = ImportWizard(context, "scores", window)
    wizard.show()
    wizard.file_page.load(path)
    settle(application)
    wizard.next()
    save(wizard, application, out / "impor-nilai-kolom.png")
    wizard.next()
    save(wizard, application, out / "impor-nilai-periksa.png")
    wizard.reject()
    wizard.deleteLater()


def shoot_start_screens(application: QApplication, folder: Path, out: Path) -> None:
    """The login dialog on the demo file, and each wizard page on an empty file."""
    database = open_database(folder / "seleksi-demo.db")
    login = LoginDialog(database)
    login.user_edit.setText(ADMIN.name)
    login.show()
    save(login, application, out / "masuk.png")
    login.close()
    database.close()

    empty = open_database(folder / "kosong.db")
    wizard = FirstRunWizard(empty)
    wizard.admin_page.username_edit.setText(ADMIN.name)
    wizard.admin_page.full_name_edit.setText("Ketua Panitia Seleksi")
    wizard.show()
    save(wizard, application, out / "mulai-1-akun.png")
    wizard.admin_page.password_edit.setText("rahasia-panitia")
    wizard.admin_page.repeat_edit.setText("rahasia-panitia")
    wizard.next()
    wizard.instansi_page.instansi_edit.setText(DEMO_INSTANSI)
    logo = folder / "logo.png"
    icon("app").pixmap(128, 128).save(str(logo))
    wizard.instansi_page.set_logo(logo)
    save(wizard, application, out / "mulai-2-instansi.png")
    wizard.next()
    save(wizard, application, out / "mulai-3-seleksi.png")
    wizard.button(QWizard.WizardButton.CancelButton).click()
    empty.close()


def shoot_server_dialog(application: QApplication, out: Path) -> None:
    """Berkas › Sambungkan ke server…, filled in as the server's administrator would say."""
    dialog = ServerDialog()
    dialog.host_edit.setText("192.168.1.10")
    dialog.database_edit.setText("seleksi_2025")
    dialog.user_edit.setText("panitia")
    dialog.password_edit.setText("rahasia-server")
    dialog.show()
    save(dialog, application, out / "sambung-server.png")
    dialog.close()
    dialog.deleteLater()


def shoot_policy(window: MainWindow, application: QApplication, out: Path) -> None:
    """The Rancangan Kebijakan page of the demo's own draft (kebijakan-*.png): its FGD of
    twelve respondents, a respondent's form, and the draft simulated on the demo."""
    page = window.show_page("kebijakan")
    assert isinstance(page, PolicyPage)
    page.reload()
    demo_row = next(i for i, d in enumerate(page.drafts) if d.name == DEMO_DRAFT)
    page.drafts_view.setCurrentRow(demo_row)
    page.tabs.setCurrentWidget(page.fgd_tab)
    save(window, application, out / "kebijakan-fgd.png")
    first = page.fgd_tab.respondents_table.item(0, 0)
    if first is not None:
        page.fgd_tab.respondents_table.selectRow(0)
        form = page.fgd_tab.open_form(first.text())
        if form is not None:
            save(form, application, out / "kebijakan-responden.png")
            form.reject()
            form.deleteLater()
    page.tabs.setCurrentWidget(page.simulation_tab)
    page.simulation_tab.run()
    wait_for(application, lambda: page.simulation_tab.report is not None)
    save(window, application, out / "kebijakan-simulasi.png")


def shoot_monev(window: MainWindow, application: QApplication, out: Path, last_year: Path) -> None:
    """The Monev page, one shot per tab (monev*.png): the flow, the spread of TWK and the
    fairness at SKD, where every applicant counts; the assessors of PRAKTIK at AKHIR; the
    validity of the demo's later performance; the findings with the tim monev's
    recommendation; last year's file beside this one."""
    page = window.show_page("monev")
    assert isinstance(page, MonevPage)
    wait_for(application, lambda: page.loaded is not None and not page.is_busy())
    page.choose(stage="SKD")
    shots = [
        (page.flow_tab, "monev.png"),
        (page.distribution_tab, "monev-sebaran.png"),
        (page.fairness_tab, "monev-keadilan.png"),
    ]
    page.distribution_tab.choose("TWK")
    for tab, name in shots:
        page.tabs.setCurrentWidget(tab)
        save(window, application, out / name)
    page.choose(stage="AKHIR")
    page.tabs.setCurrentWidget(page.assessors_tab)
    save(window, application, out / "monev-penilai.png")
    page.tabs.setCurrentWidget(page.validity_tab)
    save(window, application, out / "monev-validitas.png")
    page.tabs.setCurrentWidget(page.findings_tab)
    panel = page.findings_tab
    for view in (panel.findings_view, panel.recommendations_view):
        first = view.topLevelItem(0)
        if first is not None:
            view.setCurrentItem(first)
    save(window, application, out / "monev-temuan.png")
    page.tabs.setCurrentWidget(page.years_tab)
    page.years_tab.compare_with([last_year])
    wait_for(application, lambda: page.years_tab.figures is not None and not page.is_busy())
    wait_for(application, lambda: page.years_tab.table.columnCount() == 2)
    save(window, application, out / "monev-antartahun.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=i18n.LANGUAGES, default="id")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="seleksi-shots-") as name:
        folder = Path(name)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        application = create_application()
        if not i18n.install_language(args.language):
            return 1
        make_demo_database(folder / "seleksi-demo.db")
        shoot_start_screens(application, folder, out)
        shoot_server_dialog(application, out)

        launcher = Launcher()
        if launcher.start(folder / "seleksi-demo.db", actor=ADMIN) != "open":
            return 1
        window = launcher.window
        assert window is not None
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(WIDTH, HEIGHT)
        for key in window.nav_keys():
            page = window.show_page(key)
            if isinstance(page, UsersPage):
                page.select("sari")  # a locked account: every action of the page is offered
            save(window, application, out / f"{key}.png")
        shoot_scheme_editor(window, application, out)
        shoot_forms(window, application, out)
        shoot_score_import(window, application, folder, out)
        shoot_participant_dialog(window, application, out)
        shoot_key_dialog(window, application, folder, out)
        shoot_packages(window, application, folder, out)
        shoot_monev(window, application, out, make_last_year(folder / "seleksi-2023.db"))
        shoot_policy(window, application, out)
        manual = window.show_manual()  # F1
        manual.resize(1000, 700)
        save(manual, application, out / "panduan.png")
        manual.close()
        shoot_account_dialogs(window, application, out)
        window.close()
        launcher.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
