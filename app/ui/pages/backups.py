"""The Backups page: the copies kept next to the database, a backup now, and restoring one.

Why a page: the committee must be able to see that copies exist (and how recent the newest
is) before trusting the laptop at the test site, and an administrator must be able to undo a
bad import or a damaged day without a terminal. Copies are made by ``app.services.backups``;
this page only lists them and asks.

Restoring replaces what the window shows, so after a restore the page asks the window to open
the same file again (``MainWindow.open_requested``): that is the ordinary File → Open path,
with a fresh login (the restored copy may hold other accounts) and every page rebuilt from the
restored data. Outside a main window (tests) the page announces that everything changed.

A database on a LAN server (issue #12 §2) has no file and so no backups beside one: the
server's administrator backs it up with PostgreSQL's tools. For a server the page offers
*Simpan salinan SQLite…* instead (``server_backup.copy_server``): the complete selection as
one file, which opens like any other, to archive a day or to take it back offline.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.backups import (
    KEEP_LAST,
    MANUAL,
    PERIODIC_MINUTES,
    BackupInfo,
    OtherDatabase,
    backup_folder,
    create_backup,
    list_backups,
    restore_backup,
)
from app.services.errors import UserError
from app.services.permissions import Action
from app.services.server_backup import copy_server

from .. import i18n
from ..context import AppContext, Changes
from ..dialogs import Dialogs
from ..i18n import QT_TRANSLATE_NOOP
from ..icons import icon
from ..location import is_server, server_address, short_name
from ..operations import QueryOp
from ..workers import run_in_background

COL_TIME, COL_REASON, COL_SIZE, COL_FILE = range(4)
NOTE_COLOUR = "#3d4452"

# How each reason the program writes into a file name reads on screen.
_REASONS = {
    MANUAL: QT_TRANSLATE_NOOP("BackupsPage", "Dibuat manual"),
    "impor-formasi": QT_TRANSLATE_NOOP("BackupsPage", "Sebelum impor formasi"),
    "impor-peserta": QT_TRANSLATE_NOOP("BackupsPage", "Sebelum impor peserta"),
    "impor-nilai": QT_TRANSLATE_NOOP("BackupsPage", "Sebelum impor nilai"),
    "pengumuman": QT_TRANSLATE_NOOP("BackupsPage", "Sebelum pengumuman diterbitkan"),
    "finalisasi": QT_TRANSLATE_NOOP("BackupsPage", "Sebelum finalisasi"),
    "berkala": QT_TRANSLATE_NOOP("BackupsPage", "Berkala, saat input nilai"),
    "keluar": QT_TRANSLATE_NOOP("BackupsPage", "Saat program ditutup"),
    "sebelum-pulih": QT_TRANSLATE_NOOP("BackupsPage", "Sebelum pemulihan"),
}


def reason_text(reason: str) -> str:
    """A backup's reason in the interface language; unknown reasons are shown as written."""
    text = _REASONS.get(reason)
    return QCoreApplication.translate("BackupsPage", text) if text else reason


class BackupsPage(QWidget):
    """The list of backups and the three actions.

    Attributes tests use: ``table``, ``backups`` (the ``BackupInfo`` rows shown, newest
    first), ``create_button``, ``restore_button``, ``folder_button``, ``status_label``;
    ``copy_button`` and ``copied`` (the last copy written) on a server.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backups: list[BackupInfo] = []

        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setStyleSheet(f"color: {NOTE_COLOUR};")

        self.create_button = QPushButton(icon("cadangan"), self.tr("Buat cadangan sekarang"))
        self.restore_button = QPushButton(self.tr("Pulihkan…"))
        self.folder_button = QPushButton(icon("open"), self.tr("Buka folder cadangan"))
        self.create_button.clicked.connect(self.create_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        self.on_server = is_server(context.database)
        self.copied: Path | None = None
        self.copy_button = QPushButton(icon("cadangan"), self.tr("Simpan salinan SQLite…"))
        self.copy_button.setToolTip(
            self.tr(
                "Seluruh data seleksi di server sebagai satu berkas basis data, yang dibuka "
                "seperti berkas lain (Berkas › Buka)"
            )
        )
        self.copy_button.clicked.connect(self.save_copy)
        self.copy_button.setVisible(self.on_server and context.may(Action.MAKE_BACKUP))
        self.create_button.setVisible(not self.on_server and context.may(Action.MAKE_BACKUP))
        self.restore_button.setVisible(not self.on_server and context.may(Action.RESTORE_BACKUP))
        self.folder_button.setVisible(not self.on_server)
        self.restore_button.setToolTip(
            self.tr(
                "Mengganti data sekarang dengan cadangan terpilih. Data sekarang disimpan "
                "dahulu sebagai cadangan."
            )
        )

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Waktu"), self.tr("Alasan"), self.tr("Ukuran"), self.tr("Berkas")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.empty_label = QLabel(
            self.tr(
                "Belum ada cadangan. Cadangan pertama dibuat saat data diimpor, saat nilai "
                "diketik, saat program ditutup, atau dengan tombol di atas."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {NOTE_COLOUR}; padding: 24px;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.create_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        actions.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.folder_label)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.status_label)

        if self.on_server:
            self.intro_label.setText(
                self.tr(
                    "Basis data ini ada di %1. Cadangannya dibuat oleh pengelola server dengan "
                    "alat PostgreSQL, bukan oleh program ini. Simpan salinan SQLite untuk "
                    "mengarsipkan hari seleksi atau membawanya ke laptop tanpa jaringan; "
                    "salinan itu dibuka seperti berkas biasa (Berkas › Buka)."
                ).replace("%1", short_name(context.database))
            )
        else:
            self.intro_label.setText(
                self.tr(
                    "Salinan basis data dibuat otomatis sebelum setiap impor, finalisasi dan "
                    "pengumuman, setiap %1 menit selama nilai diketik, dan saat program "
                    "ditutup. Disimpan %2 cadangan terakhir ditambah satu cadangan untuk "
                    "setiap hari."
                )
                .replace("%1", str(PERIODIC_MINUTES))
                .replace("%2", str(KEEP_LAST))
            )
        context.changes.changed.connect(self._changed)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # Copies appear on their own (imports, the clock): show the folder as it is now.
        super().showEvent(event)
        self.refresh()

    def _changed(self, changes: Changes, initiator: object = None) -> None:
        self.refresh()  # any change may have come with a backup (imports, announcements)

    def refresh(self) -> None:
        """Read the backups folder again (a server has none: nothing is listed)."""
        if self.on_server:
            for widget in (self.folder_label, self.table, self.empty_label):
                widget.setVisible(False)
            return
        folder = backup_folder(self.context.database)
        self.folder_label.setText(self.tr("Folder cadangan: %1").replace("%1", str(folder)))
        chosen = self.selected_backup()
        self.backups = list_backups(self.context.database)
        # Sizes as the committee reads them: "1,2 MB" in Indonesian, "1.2 MB" in English.
        indonesian = i18n.current_language() == "id"
        locale = QLocale(QLocale.Language.Indonesian if indonesian else QLocale.Language.English)
        size_format = QLocale.DataSizeFormat.DataSizeTraditionalFormat
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (
                info.created.strftime("%d-%m-%Y %H:%M:%S"),
                reason_text(info.reason),
                locale.formattedDataSize(info.size, 1, size_format),
                info.path.name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column == COL_SIZE:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
            if info.path == chosen:
                self.table.selectRow(row)
        self.table.setVisible(bool(self.backups))
        self.empty_label.setVisible(not self.backups)
        self._update_buttons()

    def selected_backup(self) -> Path | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.backups[row].path if 0 <= row < len(self.backups) else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    # -- actions ---------------------------------------------------------------------------

    def create_now(self) -> None:
        """A backup with reason "manual", off the GUI thread (big files take a second)."""
        if self.on_server:
            return
        self.create_button.setEnabled(False)
        run_in_background(
            self,
            self.tr("Buat cadangan"),
            create_backup,
            self.context.database,
            MANUAL,
            actor=self.context.actor,
            on_done=self._created,
            on_error=self._failed,
        )

    def _created(self, path: Path) -> None:
        self.create_button.setEnabled(True)
        self.refresh()
        self.status_label.setText(self.tr("Cadangan dibuat: %1").replace("%1", path.name))

    def _failed(self, error: Exception, title: str = "") -> None:
        """A refusal in words (a busy file, a full disk, a backup that cannot be trusted)."""
        self.create_button.setEnabled(True)
        self.refresh()
        text = error.text() if isinstance(error, UserError) else str(error)
        self.status_label.setText(text)
        Dialogs.error(self, title or self.tr("Cadangan"), text)

    def save_copy(self) -> None:
        """A server's complete SQLite copy into a file the user names, off the GUI thread."""
        if not self.on_server or not self.context.may(Action.MAKE_BACKUP):
            return
        title = self.tr("Simpan salinan SQLite")
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        suggested = f"{server_address(self.context.database).dbname}-salinan-{stamp}.db"
        path = Dialogs.save_file(self, title, self.tr("Basis data Seleksi ASN (*.db)"), suggested)
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".db")
        database, actor = self.context.database, self.context.actor
        self.copy_button.setEnabled(False)
        self.status_label.setText(self.tr("Menyalin data server…"))
        QueryOp(self, lambda: copy_server(database, actor, path)).success(self._copied).failure(
            lambda error: self._copy_failed(error, title)
        ).run_in_background(title)

    def _copied(self, path: Path) -> None:
        self.copy_button.setEnabled(True)
        self.copied = path
        self.status_label.setText(self.tr("Salinan SQLite disimpan: %1").replace("%1", str(path)))

    def _copy_failed(self, error: Exception, title: str) -> None:
        self.copy_button.setEnabled(True)
        self._failed(error, title)

    def restore_selected(self) -> None:
        """Ask, then put the chosen copy in place of the current data (admin only)."""
        backup = self.selected_backup()
        if backup is None or self.on_server or not self.context.may(Action.RESTORE_BACKUP):
            return
        warning = self.tr(
            "Data sekarang akan diganti dengan cadangan %1.\n\n"
            "Sebelumnya data sekarang disimpan dahulu sebagai cadangan baru "
            "(alasan: sebelum pemulihan), jadi langkah ini dapat dibatalkan dengan "
            "memulihkan cadangan itu.\n\n"
            "Sesudahnya berkas dibuka ulang dan Anda perlu masuk kembali. Lanjutkan?"
        ).replace("%1", backup.name)
        if not Dialogs.confirm(self, self.tr("Pulihkan cadangan"), warning):
            return
        self._restore(backup, other_database=False)

    def _restore(self, backup: Path, *, other_database: bool) -> None:
        """Restore off the GUI thread; the service refuses a backup it cannot trust (its
        audit chain, its triggers, a newer program) and asks first for another database's."""
        self.restore_button.setEnabled(False)
        run_in_background(
            self,
            self.tr("Pulihkan cadangan"),
            restore_backup,
            backup,
            self.context.database.path,
            actor=self.context.actor,
            other_database=other_database,
            on_done=lambda safety: self._restored(backup, safety),
            on_error=lambda error: self._restore_refused(backup, error),
        )

    def _restore_refused(self, backup: Path, error: Exception) -> None:
        """A backup of another database is restored only after a second, explicit yes."""
        if not isinstance(error, OtherDatabase):
            self._failed(error, self.tr("Pulihkan cadangan"))
            return
        self._update_buttons()
        question = (
            error.text()
            + "\n\n"
            + self.tr(
                "Data sekarang akan diganti dengan data database lain itu (data sekarang "
                "disimpan dahulu sebagai cadangan). Tetap pulihkan?"
            )
        )
        if Dialogs.confirm(self, self.tr("Cadangan database lain"), question):
            self._restore(backup, other_database=True)
        else:
            self.status_label.setText(self.tr("Pemulihan dibatalkan; data tidak diubah."))

    def _restored(self, backup: Path, safety: Path | None) -> None:
        self.refresh()
        text = self.tr("Data dipulihkan dari %1.").replace("%1", backup.name)
        if safety is not None:
            text += " " + self.tr("Data sebelumnya disimpan di %1.").replace("%1", safety.name)
        self.status_label.setText(text)
        Dialogs.info(self, self.tr("Pulihkan cadangan"), text)
        window = self.window()
        if hasattr(window, "open_requested"):
            # After this slot returns: reopening replaces the window this page lives in.
            path = self.context.database.path
            QTimer.singleShot(0, lambda: window.open_requested.emit(path))
        else:
            # Everything in the file may differ now, exactly as if another process wrote it.
            self.context.changes.broadcast(Changes.from_elsewhere(), initiator=self)

    def open_folder(self) -> None:
        if self.on_server:
            return
        folder = backup_folder(self.context.database)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            Dialogs.error(self, self.tr("Buka folder cadangan"), str(error))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
