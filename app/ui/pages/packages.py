"""The Paket page: field laptops and their packages (issue #12 §1).

On the main laptop it lists the field laptops prepared for the selection with what was last
received from each, and offers preparing another laptop's file and importing a package. On
a field laptop's own file it says which laptop this is and offers exporting its package;
preparing and importing are not shown there (the services refuse them anyway).

The list is read off the GUI thread and re-read when laptops or scores change; while the
page is hidden it only remembers that it is out of date. The dialogs themselves are in
``package_dialogs``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
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

from app.services.changes import DEVICES
from app.services.devices import DeviceInfo, FieldIdentity, list_devices, this_field_laptop
from app.services.errors import UserError
from app.services.packages import ExportInfo, PackagePlan, export_package, preview_package
from app.services.permissions import Action
from app.services.way_back import (
    ReturnExport,
    ReturnPlan,
    export_for_device,
    preview_from_main,
    receive_from_main,
)

from ..context import SCORES, SELECTION, AppContext, Changes
from ..dialogs import Dialogs
from ..icons import icon
from ..numbers import count_text
from ..operations import QueryOp, ServiceOp
from ..package_dialogs import (
    ImportPreviewDialog,
    PrepareLaptopDialog,
    file_stem,
    local_time,
    scope_text,
    suggested_folder,
)

WATCHED = frozenset({DEVICES, SCORES, SELECTION})
NOTE_STYLE = "color: #3d4452;"
IDENTITY_STYLE = (
    "QLabel { color: #1b1c1e; background: #eef3f8; border: 1px solid #c4d3e3;"
    " border-radius: 3px; padding: 8px 10px; }"
)
(
    COL_NAME,
    COL_FORMATIONS,
    COL_COMPONENTS,
    COL_PARTICIPANTS,
    COL_FINGERPRINT,
    COL_LAST,
    COL_PACKAGES,
    COL_SUMMARY,
) = range(8)
NUMERIC = {COL_PARTICIPANTS, COL_PACKAGES}


class PackagesPage(QWidget):
    """Field laptops on the main laptop, or this field laptop's export.

    Attributes tests use: ``field`` (this file's ``FieldIdentity``, ``None`` on the main
    laptop), ``table`` and ``devices`` (the ``DeviceInfo`` rows shown), ``prepare_button``,
    ``import_button``, ``export_button``, ``identity_label``, ``status_label``, and the last
    dialog opened (``prepare_dialog``, ``preview_dialog``).
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.field: FieldIdentity | None = this_field_laptop(context.database)
        self.devices: list[DeviceInfo] = []
        self.last_received: ReturnPlan | None = None
        self.loaded = False
        self.prepare_dialog: PrepareLaptopDialog | None = None
        self.preview_dialog: ImportPreviewDialog | None = None
        self.last_export: ExportInfo | None = None
        self._generation = 0
        self._stale = False
        self._build()
        context.changes.changed.connect(self._changed)
        context.changes.selection_switched.connect(lambda _id: self._changed(Changes(WATCHED)))
        self.refresh()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.intro_label.setStyleSheet(NOTE_STYLE)
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        self.identity_label.setStyleSheet(IDENTITY_STYLE)
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.prepare_button = QPushButton(icon("new"), self.tr("Siapkan laptop lapangan…"))
        self.import_button = QPushButton(icon("open"), self.tr("Impor paket…"))
        self.export_button = QPushButton(icon("paket"), self.tr("Ekspor paket…"))
        self.prepare_button.clicked.connect(self.open_prepare_dialog)
        self.import_button.clicked.connect(self.choose_package)
        self.export_button.clicked.connect(self.export)
        # The way back: corrections and marks from the main laptop to a field laptop.
        self.send_button = QPushButton(icon("paket"), self.tr("Kirim koreksi ke laptop…"))
        self.send_button.setToolTip(
            self.tr(
                "Koreksi data peserta, pendaftar susulan dan tanda untuk laptop yang dipilih;"
                " nilai laptop itu tidak disentuh"
            )
        )
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send_to_laptop)
        self.receive_button = QPushButton(
            icon("open"), self.tr("Terima koreksi dari laptop utama…")
        )
        self.receive_button.clicked.connect(self.receive_from_main)
        on_main = self.field is None
        self.send_button.setVisible(on_main and self.context.may(Action.IMPORT_PACKAGE))
        self.receive_button.setVisible(not on_main and self.context.may(Action.EXPORT_PACKAGE))
        self.prepare_button.setVisible(on_main and self.context.may(Action.PREPARE_DEVICE))
        self.import_button.setVisible(on_main and self.context.may(Action.IMPORT_PACKAGE))
        self.export_button.setVisible(not on_main and self.context.may(Action.EXPORT_PACKAGE))

        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nama"),
                self.tr("Formasi"),
                self.tr("Komponen"),
                self.tr("Peserta"),
                self.tr("Sidik jari kunci"),
                self.tr("Paket terakhir"),
                self.tr("Paket diterima"),
                self.tr("Hasil paket terakhir"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(
            lambda: self.send_button.setEnabled(bool(self.selected_device()))
        )
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"{NOTE_STYLE} padding: 24px;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        actions = QHBoxLayout()
        actions.addWidget(self.prepare_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.send_button)
        actions.addWidget(self.receive_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.identity_label)
        layout.addWidget(self.intro_label)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.status_label)
        if self.field is None:
            self.identity_label.hide()
            self.intro_label.setText(
                self.tr(
                    "Laptop lapangan dipakai di ruang ujian tanpa jaringan. Siapkan berkasnya "
                    "di sini, lalu impor paket yang diekspor dari laptop itu: nilai yang sama "
                    "digabungkan, nilai yang berbeda ditahan untuk diputuskan admin di "
                    "halaman Verifikasi. Paket yang sama boleh diimpor berulang kali."
                )
            )
        else:
            self.table.hide()
            self.empty_label.hide()
            self.identity_label.setText(self.identity_text(self.field))
            self.intro_label.setText(
                self.tr(
                    "Nilai yang diketik di laptop ini dibawa ke laptop utama sebagai paket. "
                    "Paket selalu berisi semua yang diketik sejak laptop disiapkan, jadi "
                    "ekspor ulang kapan saja; paket yang hilang tidak merugikan."
                )
            )
            layout.addStretch(1)

    def identity_text(self, me: FieldIdentity) -> str:
        everything = self.tr("semua")
        return self.tr(
            "Laptop ini: {name}, disiapkan {at}, formasi {formations}, komponen {components}."
            " Sidik jari kunci: {fingerprint} (sama dengan yang dicatat saat disiapkan)."
        ).format(
            name=me.name,
            at=local_time(me.prepared_at),
            formations=scope_text(me.formations, everything),
            components=scope_text(me.components, everything),
            fingerprint=me.fingerprint,
        )

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the laptops (off the GUI thread; a read overtaken by a newer one is
        dropped)."""
        self._stale = False
        self._generation += 1
        selection_id = self.context.selection_id
        if self.field is not None:
            return
        if selection_id is None:
            self._show([])
            return
        generation = self._generation
        database = self.context.database
        QueryOp(self, lambda: list_devices(database, selection_id)).quietly().success(
            lambda devices: self._loaded(generation, devices)
        ).failure(lambda error: self._failed(generation, error)).run_in_background(
            self.tr("Memuat laptop lapangan")
        )

    def _loaded(self, generation: int, devices: list[DeviceInfo]) -> None:
        if generation == self._generation:
            self._show(devices)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            text = error.text() if isinstance(error, UserError) else str(error)
            self.status_label.setText(text)

    def _changed(self, changes: Changes, initiator: object = None) -> None:
        if not changes.kinds & WATCHED:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._generation += 1  # a read in flight is outdated
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- showing ---------------------------------------------------------------------------

    def _show(self, devices: list[DeviceInfo]) -> None:
        self.devices = devices
        self.loaded = True
        everything = self.tr("semua")
        self.table.setRowCount(len(devices))
        for row, device in enumerate(devices):
            cells = (
                device.name,
                scope_text(device.formations, everything),
                scope_text(device.components, everything),
                count_text(device.participants),
                device.fingerprint,
                self.last_package_text(device),
                count_text(device.packages),
                self.summary_text(device),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in NUMERIC:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == COL_NAME:
                    item.setToolTip(
                        self.tr("Disiapkan {at} oleh {user}").format(
                            at=local_time(device.prepared_at), user=device.prepared_by
                        )
                    )
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(devices))
        self.empty_label.setVisible(not devices)
        self.empty_label.setText(
            self.tr("Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.")
            if self.context.selection_id is None
            else self.tr(
                "Belum ada laptop lapangan. Siapkan satu untuk setiap laptop di ruang ujian."
            )
        )
        # From a server too: the laptop's file starts as the server's SQLite copy.
        self.prepare_button.setEnabled(self.context.selection_id is not None)
        self.import_button.setEnabled(self.context.selection_id is not None)

    def last_package_text(self, device: DeviceInfo) -> str:
        if device.last_received_at is None:
            return self.tr("belum ada paket")
        return self.tr("#{head} · {at} ({user})").format(
            head=device.last_head,
            at=local_time(device.last_received_at),
            user=device.last_received_by or "?",
        )

    def summary_text(self, device: DeviceInfo) -> str:
        if device.last_received_at is None:
            return "—"
        summary = device.last_summary
        return self.tr("{added} nilai baru · {conflicts} berselisih").format(
            added=count_text(summary.get("added", 0)),
            conflicts=count_text(summary.get("conflicts", 0)),
        )

    # -- preparing -------------------------------------------------------------------------

    def open_prepare_dialog(self) -> PrepareLaptopDialog | None:
        """The prepare dialog, as it was left when it was last cancelled (admin only)."""
        if (
            self.field is not None
            or self.context.selection_id is None
            or not self.context.may(Action.PREPARE_DEVICE)
        ):
            return None
        dialog = self.prepare_dialog
        if dialog is None or dialog.device is not None:
            dialog = PrepareLaptopDialog(self.context, self)
            dialog.prepared.connect(self._prepared)
            self.prepare_dialog = dialog
        dialog.open()
        return dialog

    def _prepared(self, device: DeviceInfo) -> None:
        self.status_label.setText(
            self.tr("Laptop {name} disiapkan. Sidik jari kunci: {fingerprint}").format(
                name=device.name, fingerprint=device.fingerprint
            )
        )

    # -- importing -------------------------------------------------------------------------

    def choose_package(self) -> None:
        """Ask for a package file, then preview it off the GUI thread."""
        if self.field is not None or not self.context.may(Action.IMPORT_PACKAGE):
            return
        path = Dialogs.open_file(
            self, self.tr("Impor paket laptop lapangan"), self.tr("Paket laptop (*.paket)")
        )
        if path is not None:
            self.preview(path)

    def preview(self, path: Path) -> None:
        selection_id = self.context.selection_id
        if selection_id is None:
            return
        database, actor = self.context.database, self.context.actor
        self.import_button.setEnabled(False)
        QueryOp(self, lambda: preview_package(database, actor, selection_id, path)).success(
            lambda plan: self._previewed(path, plan)
        ).failure(self._preview_refused).saying(self.tr("Memeriksa paket…")).run_in_background(
            self.tr("Impor paket")
        )

    def _previewed(self, path: Path, plan: PackagePlan) -> None:
        self.import_button.setEnabled(True)
        dialog = ImportPreviewDialog(self.context, path, plan, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._merged)
        self.preview_dialog = dialog
        dialog.open()

    def _preview_refused(self, error: Exception) -> None:
        self.import_button.setEnabled(True)
        text = error.text() if isinstance(error, UserError) else str(error)
        self.status_label.setText(text)
        Dialogs.error(self, self.tr("Impor paket"), text)

    def _merged(self, plan: PackagePlan) -> None:
        if not plan.changed:
            text = self.tr("Paket dari {device} tidak membawa yang baru.").format(
                device=plan.device
            )
        else:
            text = self.tr(
                "Paket dari {device} digabungkan: {added} nilai baru, {replaced} diganti,"
                " {conflicts} ditahan karena berselisih."
            ).format(
                device=plan.device,
                added=count_text(plan.added),
                replaced=count_text(plan.replaced),
                conflicts=count_text(len(plan.conflicts)),
            )
        self.status_label.setText(text)

    # -- exporting (on the field laptop) ---------------------------------------------------

    def suggested_package(self) -> Path:
        assert self.field is not None
        name = f"{file_stem(self.field.name)}-{date.today().isoformat()}.paket"
        return suggested_folder() / name

    def export(self) -> None:
        """Ask where, then write this laptop's package off the GUI thread."""
        if self.field is None or not self.context.may(Action.EXPORT_PACKAGE):
            return
        path = Dialogs.save_file(
            self,
            self.tr("Ekspor paket"),
            self.tr("Paket laptop (*.paket)"),
            str(self.suggested_package()),
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".paket")
        database, actor = self.context.database, self.context.actor
        self.export_button.setEnabled(False)
        QueryOp(self, lambda: export_package(database, actor, path)).success(
            self._exported
        ).failure(self._export_refused).saying(self.tr("Menulis paket…")).run_in_background(
            self.tr("Ekspor paket")
        )

    def _exported(self, info: ExportInfo) -> None:
        self.export_button.setEnabled(True)
        self.last_export = info
        text = self.tr(
            "Paket ditulis ke {path}.\n\n{rows} baris nilai, {drafts} entri ganda, {marks} tanda,"
            " {events} kejadian audit (sampai #{head}).\n\nSHA-256: {sha256}"
        ).format(
            path=info.path,
            rows=count_text(info.rows),
            drafts=count_text(info.drafts),
            marks=count_text(info.marks),
            events=count_text(info.events),
            head=info.head,
            sha256=info.sha256,
        )
        self.status_label.setText(text)
        Dialogs.info(self, self.tr("Ekspor paket"), text)

    # -- the way back ----------------------------------------------------------------------

    def selected_device(self) -> DeviceInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.devices):
            return None
        return self.devices[rows[0].row()]

    def send_to_laptop(self) -> None:
        """Write the chosen laptop's package of corrections and marks (main laptop)."""
        device, selection_id = self.selected_device(), self.context.selection_id
        if device is None or selection_id is None or self.field is not None:
            return
        name = f"untuk-{file_stem(device.name)}-{date.today().isoformat()}.paket"
        path = Dialogs.save_file(
            self,
            self.tr("Kirim koreksi ke laptop"),
            self.tr("Paket laptop (*.paket)"),
            str(suggested_folder() / name),
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".paket")
        database, actor = self.context.database, self.context.actor
        QueryOp(
            self, lambda: export_for_device(database, actor, selection_id, device.name, path)
        ).success(self._sent).failure(
            lambda error: self._way_back_refused(self.tr("Kirim koreksi ke laptop"), error)
        ).saying(self.tr("Menulis paket…")).run_in_background(self.tr("Kirim koreksi"))

    def _sent(self, info: ReturnExport) -> None:
        text = self.tr(
            "Paket untuk {device} ditulis ke {path}: {participants} peserta, {marks} tanda."
            "\n\nSalin ke laptop itu lalu pilih Terima koreksi dari laptop utama."
            "\n\nSHA-256: {sha256}"
        ).format(
            device=info.device,
            path=info.path,
            participants=count_text(info.participants),
            marks=count_text(info.marks),
            sha256=info.sha256,
        )
        self.status_label.setText(text)
        Dialogs.info(self, self.tr("Kirim koreksi ke laptop"), text)

    def receive_from_main(self) -> None:
        """Take the main laptop's corrections and marks (field laptop), after saying what."""
        if self.field is None:
            return
        path = Dialogs.open_file(
            self, self.tr("Terima koreksi dari laptop utama"), self.tr("Paket laptop (*.paket)")
        )
        if path is None:
            return
        database, actor = self.context.database, self.context.actor
        QueryOp(self, lambda: preview_from_main(database, actor, path)).success(
            lambda plan: self._received_preview(path, plan)
        ).failure(lambda error: self._way_back_refused(self.tr("Terima koreksi"), error)).saying(
            self.tr("Memeriksa paket…")
        ).run_in_background(self.tr("Terima koreksi"))

    def _received_preview(self, path: Path, plan: ReturnPlan) -> None:
        title = self.tr("Terima koreksi dari laptop utama")
        if not plan.changed:
            text = self.tr("Paket ini sudah diterima atau lebih lama; tidak ada yang berubah.")
            self.status_label.setText(text)
            Dialogs.info(self, title, text)
            return
        question = self.tr(
            "Dari laptop utama: {updated} peserta diperbarui, {added} peserta baru, {marks}"
            " tanda baru. Nilai laptop ini tidak disentuh. Terima?"
        ).format(
            updated=count_text(len(plan.updated)),
            added=count_text(len(plan.added)),
            marks=count_text(plan.marks_added),
        )
        if not Dialogs.confirm(self, title, question):
            return
        database, actor = self.context.database, self.context.actor
        ServiceOp(self, self.context, lambda: receive_from_main(database, actor, path)).success(
            self._received
        ).failure(lambda error: self._way_back_refused(title, error)).run_in_background(title)

    def _received(self, plan: ReturnPlan) -> None:
        self.last_received = plan
        self.status_label.setText(
            self.tr("Diterima: {updated} peserta diperbarui, {added} baru, {marks} tanda.").format(
                updated=count_text(len(plan.updated)),
                added=count_text(len(plan.added)),
                marks=count_text(plan.marks_added),
            )
        )

    def _way_back_refused(self, title: str, error: Exception) -> None:
        text = error.text() if isinstance(error, UserError) else str(error)
        self.status_label.setText(text)
        Dialogs.error(self, title, text)

    def _export_refused(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        text = error.text() if isinstance(error, UserError) else str(error)
        self.status_label.setText(text)
        Dialogs.error(self, self.tr("Ekspor paket"), text)


__all__ = ["PackagesPage"]
