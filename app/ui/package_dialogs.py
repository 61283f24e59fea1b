"""The field-laptop dialogs of the Paket page (issue #12 §1): preparing a laptop's file, and
the preview of a package before it is merged.

Preparing copies the whole database, which takes seconds on a big selection, so it runs off
the GUI thread; a refusal (a name already used, a file that exists) is shown inside the
dialog, which stays open with everything typed. The page keeps a dialog that was cancelled
and shows it again, as it was, the next time. Once the file is written the dialog shows its
path and the key fingerprint, for the admin to write down: the fingerprint is how a package
is later known to come from this laptop.

The preview shows, in plain words, what merging the package will do (counted by
``preview_package`` on a snapshot, nothing written) and the rows that will be held because
the laptops disagree; *Gabungkan* merges it with ``import_package``. A package with nothing
new, or older than the last one received from its laptop, says so and offers no merge.
"""

from __future__ import annotations

import ctypes
import re
import sys
from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QStorageInfo, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Outcome
from app.services.devices import DeviceInfo, prepare_laptop
from app.services.errors import UserError
from app.services.formations import list_formations
from app.services.packages import PackagePlan, import_package
from app.services.scheme_edit import current_scheme

from .announcement_model import local_time
from .context import AppContext
from .dialogs import Dialogs
from .numbers import count_text, value_text
from .operations import ServiceOp

NOTE_STYLE = "color: #3d4452;"
ERROR_STYLE = "color: #9b1c1c;"
RESULT_STYLE = (
    "QFrame#result { background: #e6f4ea; border: 1px solid #a8d5b5; border-radius: 3px; }"
)
_DECIMAL = re.compile(r"\d+\.\d+")


def file_stem(name: str) -> str:
    """A laptop's name as a file name: ``Ruang 2`` → ``ruang-2``."""
    stem = re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-")
    return stem or "laptop-lapangan"


def removable_folder() -> Path | None:
    """The one removable disk plugged in (a flash disk), when exactly one is obvious."""
    found: list[Path] = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = Path(volume.rootPath())
        if sys.platform == "win32":
            drive_type = ctypes.windll.kernel32.GetDriveTypeW(str(root))  # type: ignore[attr-defined]
            if drive_type == 2:  # DRIVE_REMOVABLE
                found.append(root)
        elif root.parts[1:2] in (("media",), ("Volumes",)) or root.parts[1:3] == ("run", "media"):
            found.append(root)
    return found[0] if len(found) == 1 else None


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def suggested_folder() -> Path:
    return removable_folder() or documents_folder()


def shown_value(text: str) -> str:
    """A value as the services show it (``80.5``, ``A1 80; A2 75.5``) in the interface's
    number convention: ``80,5`` in Indonesian."""
    return _DECIMAL.sub(lambda match: value_text(match.group()), text)


def scope_text(codes: tuple[str, ...], everything: str) -> str:
    return ", ".join(codes) if codes else everything


def _checkable_list(items: list[tuple[str, str]]) -> QListWidget:
    widget = QListWidget()
    for code, label in items:
        item = QListWidgetItem(f"{code} — {label}" if label else code)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    row_height = widget.sizeHintForRow(0) if widget.count() else widget.fontMetrics().height()
    rows = min(max(widget.count(), 3), 5)
    widget.setFixedHeight(rows * row_height + 2 * widget.frameWidth() + 4)
    return widget


def _checked(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(row).data(Qt.ItemDataRole.UserRole))
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


class PrepareLaptopDialog(QDialog):
    """Name, scope and file of a new field laptop; ``prepared(DeviceInfo)`` once written.

    ``name_edit``, ``formation_list`` / ``component_list`` (checkable; none checked = all),
    ``file_edit`` with ``choose_button``; after success ``device`` holds the laptop and
    ``fingerprint_label`` its key's fingerprint.
    """

    prepared = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.device: DeviceInfo | None = None
        self.running = False
        self._file_chosen = False
        self._folder = suggested_folder()
        self.setWindowTitle(self.tr("Siapkan laptop lapangan"))
        self.setMinimumWidth(600)
        database, selection_id = context.database, context.selection_id

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Berkas basis data untuk satu laptop di ruang ujian: hanya peserta formasi "
                "yang dipilih ikut, dengan akun, skema dan pengaturan seperti di sini. Nilai "
                "yang diketik di sana kembali ke laptop utama sebagai paket."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(NOTE_STYLE)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Misalnya: Ruang 2"))
        self.name_edit.setMaxLength(60)
        form.addRow(self.tr("&Nama laptop:"), self.name_edit)
        self.formation_list = _checkable_list(
            [(f.code, f.position_title) for f in list_formations(database, selection_id)]
        )
        form.addRow(self.tr("Formasi:"), self.formation_list)
        scheme = current_scheme(database, selection_id)
        self.component_list = _checkable_list(
            [(c.code, c.name) for stage in scheme.stages for c in stage.components]
        )
        form.addRow(self.tr("Komponen:"), self.component_list)
        scope_note = QLabel(
            self.tr(
                "Tanpa centang berarti semua. Komponen yang tidak dicentang tidak dapat "
                "diketik di laptop itu."
            )
        )
        scope_note.setWordWrap(True)
        scope_note.setStyleSheet(NOTE_STYLE)
        form.addRow("", scope_note)
        self.file_edit = QLineEdit()
        self.choose_button = QPushButton(self.tr("Pilih…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        file_label = QLabel(self.tr("&Berkas:"))
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        layout.addLayout(form)

        self.result_frame = QFrame()
        self.result_frame.setObjectName("result")
        self.result_frame.setStyleSheet(RESULT_STYLE)
        result = QVBoxLayout(self.result_frame)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label = QLabel()
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setPointSizeF(fixed.pointSizeF() * 1.5)
        fixed.setBold(True)
        self.fingerprint_label.setFont(fixed)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_note = QLabel(
            self.tr(
                "Catat sidik jari ini. Setiap paket dari laptop itu ditandatangani dengan "
                "kuncinya; laptop utama hanya menerima paket yang tanda tangannya cocok."
            )
        )
        self.fingerprint_note.setWordWrap(True)
        result.addWidget(self.result_label)
        result.addWidget(self.fingerprint_label)
        result.addWidget(self.fingerprint_note)
        self.result_frame.hide()
        layout.addWidget(self.result_frame)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Siapkan"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self._name_changed)
        self.file_edit.textEdited.connect(self._file_typed)
        self._name_changed("")
        self.name_edit.setFocus()

    # -- what is typed ---------------------------------------------------------------------

    def formations(self) -> list[str]:
        return _checked(self.formation_list)

    def components(self) -> list[str]:
        return _checked(self.component_list)

    def path(self) -> Path | None:
        text = self.file_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix else path.with_suffix(".db")

    def suggested_path(self) -> Path:
        return self._folder / f"{file_stem(self.name_edit.text())}.db"

    def _name_changed(self, _text: str) -> None:
        if not self._file_chosen:
            self.file_edit.setText(str(self.suggested_path()))
        self._changed()

    def _file_typed(self, _text: str) -> None:
        self._file_chosen = True
        self._changed()

    def _changed(self) -> None:
        self.error_label.hide()  # an earlier refusal no longer applies
        self.ok_button.setEnabled(
            not self.running
            and self.device is None
            and bool(self.name_edit.text().strip())
            and self.path() is not None
        )

    def choose_file(self) -> None:
        current = self.path() or self.suggested_path()
        chosen = Dialogs.save_file(
            self,
            self.tr("Simpan berkas laptop lapangan"),
            self.tr("Basis data Seleksi ASN (*.db)"),
            str(current),
        )
        if chosen is None:
            return
        self._file_chosen = True
        self.file_edit.setText(str(chosen if chosen.suffix else chosen.with_suffix(".db")))
        self._changed()

    # -- preparing -------------------------------------------------------------------------

    def accept(self) -> None:
        """Prepare off the GUI thread; the dialog stays open for the result (or refusal)."""
        if self.device is not None:
            super().accept()
            return
        path = self.path()
        if not self.ok_button.isEnabled() or path is None:
            return
        selection_id = self.context.selection_id
        assert selection_id is not None
        database, actor = self.context.database, self.context.actor
        name, formations, components = self.name_edit.text(), self.formations(), self.components()

        def prepare() -> Outcome[DeviceInfo]:
            return prepare_laptop(
                database,
                actor,
                selection_id,
                path,
                name,
                formations=formations,
                components=components,
            )

        self.running = True
        self._changed()
        ServiceOp(self, self.context, prepare).success(self._prepared).failure(
            self._refused
        ).saying(self.tr("Menyalin basis data untuk laptop lapangan…")).run_in_background(
            self.tr("Siapkan laptop lapangan")
        )

    def _prepared(self, outcome: Outcome[DeviceInfo]) -> None:
        self.running = False
        device = self.device = outcome.value
        path = self.path()
        self.result_label.setText(
            self.tr(
                "Laptop {name} disiapkan: {count} peserta. Salin berkas ini ke laptop itu dan "
                "buka di sana:\n{path}\n\nSidik jari kunci laptop:"
            ).format(name=device.name, count=count_text(device.participants), path=path)
        )
        self.fingerprint_label.setText(device.fingerprint)
        self.result_frame.show()
        for widget in (
            self.name_edit,
            self.formation_list,
            self.component_list,
            self.file_edit,
            self.choose_button,
        ):
            widget.setEnabled(False)
        self.ok_button.hide()
        self.cancel_button.setText(self.tr("Tutup"))
        self._changed()
        # Room for the result below what was typed (adjustSize would stop at 2/3 screen).
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        self.prepared.emit(device)

    def _refused(self, error: Exception) -> None:
        self.running = False
        self._changed()
        text = error.text() if isinstance(error, UserError) else str(error)
        self.error_label.setText(text)
        self.error_label.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:  # the copy is being written: its result belongs here
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if not self.running:
            super().reject()


class ImportPreviewDialog(QDialog):
    """What ``plan`` (a preview) would add; *Gabungkan* merges ``path``; ``merged(plan)``
    carries the result.

    ``count_labels`` maps each count's key (``added``, ``replaced``, …) to its label;
    ``conflict_table`` lists the rows held for an admin; ``merge_button`` is absent from the
    button box when there is nothing to merge.
    """

    merged = Signal(object)

    def __init__(
        self, context: AppContext, path: Path, plan: PackagePlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.path = path
        self.plan = plan
        self.merged_plan: PackagePlan | None = None
        self.running = False
        self.setWindowTitle(self.tr("Impor paket"))
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("Paket dari laptop <b>{device}</b> ({file}, sampai kejadian #{head}).").format(
                device=escape(plan.device), file=escape(path.name), head=plan.head
            )
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.count_labels: dict[str, QLabel] = {}
        self.conflict_table: QTableWidget | None = None
        mergeable = plan.status != "older" and plan.changed
        if plan.status == "older":
            text = self.tr(
                "Paket ini lebih lama daripada paket terakhir yang sudah diterima dari laptop "
                "{device}. Tidak ada yang digabungkan; ekspor paket baru dari laptop itu."
            ).format(device=plan.device)
        elif not plan.changed:
            text = self.tr(
                "Semua isi paket ini sudah ada di laptop utama. Tidak ada yang perlu digabungkan."
            )
        else:
            text = self.tr("Bila digabungkan, laptop utama menerima:")
        self.status_label = QLabel(text)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        if mergeable:
            self._add_counts(layout)
            self._add_conflicts(layout)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox()
        self.merge_button: QPushButton | None = None
        if mergeable:
            self.merge_button = self.buttons.addButton(
                self.tr("Gabungkan"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.merge_button.setDefault(True)
            close = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            close.setText(self.tr("Batal"))
        else:
            close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
            close.setText(self.tr("Tutup"))
        self.close_button = close
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _add_counts(self, layout: QVBoxLayout) -> None:
        plan = self.plan
        form = QFormLayout()
        form.setContentsMargins(12, 0, 0, 0)
        rows = (
            ("added", self.tr("Nilai baru:"), plan.added),
            ("replaced", self.tr("Nilai diganti oleh laptop yang sama:"), plan.replaced),
            ("withdrawn", self.tr("Nilai ditarik (dikosongkan):"), plan.withdrawn),
            ("conflicts", self.tr("Ditahan karena berselisih:"), len(plan.conflicts)),
            ("unchanged", self.tr("Sama dengan yang sudah ada:"), plan.unchanged),
            ("marks_added", self.tr("Tanda peserta baru:"), plan.marks_added),
            ("drafts_added", self.tr("Entri ganda baru:"), plan.drafts_added),
            ("events", self.tr("Kejadian audit baru:"), plan.events_new),
        )
        for key, label, count in rows:
            if key == "withdrawn" and not count:
                continue  # rare: shown only when it happens
            value = QLabel(count_text(count))
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key == "conflicts" and count:
                value.setStyleSheet("color: #7a4b00; font-weight: 600;")
            self.count_labels[key] = value
            form.addRow(label, value)
        layout.addLayout(form)

    def _add_conflicts(self, layout: QVBoxLayout) -> None:
        plan = self.plan
        if plan.conflicts:
            note = QLabel(
                self.tr(
                    "Baris berikut berbeda dengan laptop lain atau dengan nilai di laptop "
                    "utama. Nilainya ditahan sampai admin memutuskan di halaman Verifikasi "
                    "(Selisih antar-laptop)."
                )
            )
            note.setWordWrap(True)
            note.setStyleSheet(NOTE_STYLE)
            layout.addWidget(note)
            table = QTableWidget(len(plan.conflicts), 3)
            table.setHorizontalHeaderLabels(
                [self.tr("Peserta"), self.tr("Komponen"), self.tr("Penilai")]
            )
            for row, (number, component, assessor) in enumerate(plan.conflicts):
                for column, text in enumerate((number, component, assessor or "—")):
                    table.setItem(row, column, QTableWidgetItem(text))
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            shown_rows = min(len(plan.conflicts), 6)
            table.setFixedHeight(
                table.horizontalHeader().sizeHint().height()
                + shown_rows * table.verticalHeader().defaultSectionSize()
                + 2 * table.frameWidth()
            )
            self.conflict_table = table
            layout.addWidget(table)
        if plan.draft_conflicts:
            named = ", ".join(
                f"{n} {c} {a or '—'} #{r}" for n, c, a, r in plan.draft_conflicts[:10]
            )
            drafts = QLabel(
                self.tr(
                    "{count} entri ganda di paket berbeda dengan entri yang sudah ada di sini "
                    "dan dibiarkan: {rows}"
                ).format(count=count_text(len(plan.draft_conflicts)), rows=named)
            )
            drafts.setWordWrap(True)
            drafts.setStyleSheet(NOTE_STYLE)
            layout.addWidget(drafts)

    def accept(self) -> None:
        """Merge off the GUI thread (a backup is made first); close when it is in."""
        if self.merge_button is None or self.running:
            return
        selection_id = self.context.selection_id
        assert selection_id is not None
        database, actor, path = self.context.database, self.context.actor, self.path
        previewed = self.plan

        def merge() -> PackagePlan:
            # The preview the user confirmed: merged at once (computed again under the lock).
            return import_package(database, actor, selection_id, path, previewed=previewed)

        self.running = True
        self.merge_button.setEnabled(False)
        ServiceOp(self, self.context, merge).success(self._merged).failure(self._refused).saying(
            self.tr("Menggabungkan paket…")
        ).run_in_background(self.tr("Impor paket"))

    def _merged(self, plan: PackagePlan) -> None:
        self.running = False
        self.merged_plan = plan
        self.merged.emit(plan)
        super().accept()

    def _refused(self, error: Exception) -> None:
        self.running = False
        if self.merge_button is not None:
            self.merge_button.setEnabled(True)
        text = error.text() if isinstance(error, UserError) else str(error)
        self.error_label.setText(text)
        self.error_label.show()

    def reject(self) -> None:
        if not self.running:
            super().reject()


__all__ = [
    "ImportPreviewDialog",
    "PrepareLaptopDialog",
    "file_stem",
    "local_time",
    "scope_text",
    "shown_value",
    "suggested_folder",
]
