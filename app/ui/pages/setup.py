"""Setting up a selection: its details, its formations and its scoring scheme.

Three tabs for the committee's admin before the test days: "Seleksi" (name, year, agency),
"Formasi" (the positions and their vacancies, edited in place) and "Skema penilaian" (the
scheme editor). What a role may change follows the services' permission table: an operator
keeps the formations (as they import them), only the admin the selection and its scheme; an
assessor sees every tab read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Outcome
from app.services.errors import UserError
from app.services.formations import (
    FormationRow,
    delete_formation,
    list_formations,
    save_formation,
)
from app.services.permissions import Action
from app.services.scheme_edit import current_scheme
from app.services.selections import resolve_selection, update_selection

from ..context import FORMATIONS, PARTICIPANTS, SCHEME, SELECTION, AppContext, Changes
from ..dialogs import DISCARD, SAVE, Dialogs
from ..formation_model import (
    CODE,
    EDUCATION,
    PARTICIPANT_COUNT,
    QUOTA,
    TITLE,
    UNIT,
    FormationDraft,
    FormationTableModel,
    QuotaDelegate,
    Row,
)
from ..operations import ServiceOp
from ..scheme_editor.editor import SchemeEditor
from ..scheme_editor.style import ERROR_COLOUR, NOTE_COLOUR, OK_COLOUR


def show_message(label: QLabel, text: str, error: bool = False) -> None:
    """One line under a form or table: red for a refusal, green for what was saved."""
    label.setText(text)
    label.setStyleSheet(f"color: {ERROR_COLOUR if error else OK_COLOUR};")
    label.setVisible(bool(text))


class SelectionTab(QWidget):
    """Name, year and instansi of the selection; the scheme's identity shown read-only."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)

        details = QGroupBox(self.tr("Data seleksi"))
        form = QFormLayout(details)
        self.name_edit = QLineEdit()
        self.name_edit.setMinimumWidth(420)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setFixedWidth(90)
        self.instansi_edit = QLineEdit()
        self.instansi_edit.setPlaceholderText(self.tr("mis. Pemerintah Kota Binjai"))
        form.addRow(self.tr("Nama seleksi"), self.name_edit)
        form.addRow(self.tr("Tahun"), self.year_spin)
        form.addRow(self.tr("Instansi"), self.instansi_edit)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setDefault(True)
        buttons.addWidget(self.save_button)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        buttons.addWidget(self.message_label, 1)
        buttons.addStretch(0)
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow("", buttons)

        scheme = QGroupBox(self.tr("Skema penilaian"))
        scheme_form = QFormLayout(scheme)
        self.scheme_name_label = QLabel()
        self.scheme_code_label = QLabel()
        self.scheme_kind_label = QLabel()
        self.scheme_source_label = QLabel()
        self.scheme_source_label.setWordWrap(True)
        for label in (
            self.scheme_name_label,
            self.scheme_code_label,
            self.scheme_kind_label,
            self.scheme_source_label,
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scheme_form.addRow(self.tr("Nama skema"), self.scheme_name_label)
        scheme_form.addRow(self.tr("Kode skema"), self.scheme_code_label)
        scheme_form.addRow(self.tr("Jenis seleksi"), self.scheme_kind_label)
        scheme_form.addRow(self.tr("Dasar aturan"), self.scheme_source_label)
        note = QLabel(self.tr("Skema diubah pada tab Skema penilaian."))
        note.setStyleSheet(f"color: {NOTE_COLOUR};")
        scheme_form.addRow("", note)

        self.readonly_label = QLabel(self.tr("Hanya admin yang dapat mengubah data seleksi."))
        self.readonly_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        layout.addWidget(details)
        layout.addWidget(scheme)
        layout.addWidget(self.readonly_label)
        layout.addStretch(1)
        details.setMaximumWidth(760)
        scheme.setMaximumWidth(760)

        self.save_button.clicked.connect(self._save)
        for edit in (self.name_edit, self.instansi_edit):
            edit.returnPressed.connect(self._save)
        context.changes.changed.connect(self._on_changed)

    def refresh(self) -> None:
        selection_id = self.context.selection_id
        if selection_id is None:
            return
        info = resolve_selection(self.context.database, selection_id)
        scheme = current_scheme(self.context.database, selection_id)
        self.name_edit.setText(info.name)
        self.year_spin.setValue(info.year)
        self.instansi_edit.setText(info.instansi)
        self.scheme_name_label.setText(info.scheme_name)
        self.scheme_code_label.setText(info.scheme_code)
        self.scheme_kind_label.setText(info.kind)
        self.scheme_source_label.setText(scheme.source or self.tr("(tidak disebut)"))
        admin = self.context.may(Action.EDIT_SELECTION)
        for edit in (self.name_edit, self.instansi_edit):
            edit.setReadOnly(not admin)
        self.year_spin.setReadOnly(not admin)
        self.year_spin.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.UpDownArrows
            if admin
            else QAbstractSpinBox.ButtonSymbols.NoButtons
        )
        self.save_button.setVisible(admin)
        self.readonly_label.setVisible(not admin)
        show_message(self.message_label, "")

    def _on_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        # Not our own save: the form already shows it (and may hold the next typing).
        if initiator is not self and (SELECTION in kinds or SCHEME in kinds):
            self.refresh()

    def _save(self) -> None:
        selection_id = self.context.selection_id
        if selection_id is None or not self.context.may(Action.EDIT_SELECTION):
            return
        self.year_spin.interpretText()
        database, actor = self.context.database, self.context.actor
        name, year, instansi = (
            self.name_edit.text(),
            self.year_spin.value(),
            self.instansi_edit.text(),
        )
        try:
            info = ServiceOp(
                self,
                self.context,
                lambda: update_selection(database, actor, selection_id, name, year, instansi),
            ).run_now()
        except UserError as error:
            show_message(self.message_label, error.text(), error=True)
            return
        self.name_edit.setText(info.name)
        self.instansi_edit.setText(info.instansi)
        show_message(self.message_label, self.tr("Data seleksi disimpan."))


class FormationTab(QWidget):
    """The formations as an editable table; each changed cell is saved at once."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah formasi"))
        self.add_button.setToolTip(self.tr("Tambah baris formasi baru (Insert)"))
        self.delete_button = QPushButton(self.tr("Hapus formasi"))
        self.delete_button.setToolTip(self.tr("Hanya formasi tanpa peserta yang dapat dihapus."))
        self.import_button = QPushButton(self.tr("Impor formasi…"))
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.import_button)
        bar.addStretch(1)
        self.summary_label = QLabel()
        bar.addWidget(self.summary_label)
        layout.addLayout(bar)

        self.model = FormationTableModel(self._commit, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(QUOTA, QuotaDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (CODE, 90),
            (UNIT, 240),
            (EDUCATION, 280),
            (QUOTA, 90),
            (PARTICIPANT_COUNT, 110),
        ):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout.addWidget(self.message_label)

        self.add_button.clicked.connect(self._add)
        self.delete_button.clicked.connect(self._delete)
        self.import_button.clicked.connect(self._import)
        self.model.saved.connect(self._saved)
        self.model.refused.connect(lambda text: show_message(self.message_label, text, True))
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self.table)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self._add)
        context.changes.changed.connect(self._on_changed)

    @property
    def editable(self) -> bool:
        return self.context.may(Action.EDIT_FORMATIONS)

    def refresh(self, keep_drafts: bool = True) -> None:
        """Re-read the formations, keeping the current cell on the same formation."""
        selection_id = self.context.selection_id
        current = self.table.currentIndex()
        keep = self.model.row_at(current.row()).id if current.isValid() else None
        rows = list_formations(self.context.database, selection_id) if selection_id else []
        self.model.set_formations(rows, keep_drafts)
        self.model.set_editable(self.editable)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            if self.editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for button in (self.add_button, self.delete_button, self.import_button):
            button.setVisible(self.editable)
        if keep is not None:
            row = self.model.row_of(keep)
            if row is not None:
                self.table.setCurrentIndex(self.model.index(row, current.column()))
        self._show_summary()

    def _show_summary(self) -> None:
        rows = [
            self.model.row_at(i)
            for i in range(self.model.rowCount())
            if not isinstance(self.model.row_at(i), FormationDraft)
        ]
        self.summary_label.setText(
            self.tr("{formations} formasi, {quota} kebutuhan, {participants} peserta").format(
                formations=len(rows),
                quota=sum(row.quota for row in rows),
                participants=sum(row.participants for row in rows),
            )
        )

    def _on_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        # Not our own save: the table already shows it, with the user's current cell.
        if initiator is not self and (FORMATIONS in kinds or PARTICIPANTS in kinds):
            self.refresh()

    def _commit(self, row: Row) -> FormationRow:
        selection_id = self.context.selection_id
        assert selection_id is not None
        database, actor = self.context.database, self.context.actor

        def save() -> Outcome[FormationRow]:
            return save_formation(
                database,
                actor,
                selection_id,
                row.code,
                row.position_title,
                row.unit,
                row.education,
                row.quota,
                formation_id=row.id,
            )

        # One row: on the GUI thread, so the table knows at once; the door tells the others.
        return ServiceOp(self, self.context, save).run_now().value

    def _saved(self, row: FormationRow) -> None:
        show_message(self.message_label, self.tr("Formasi {code} disimpan.").format(code=row.code))
        self._show_summary()

    def _add(self) -> None:
        if not self.editable:
            return
        row = self.model.add_draft()
        index = self.model.index(row, CODE)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()
        self.table.edit(index)
        show_message(
            self.message_label,
            self.tr("Isi kode dan jabatan; formasi disimpan setelah keduanya terisi."),
        )

    def _delete(self) -> None:
        current = self.table.currentIndex()
        selection_id = self.context.selection_id
        if not self.editable or not current.isValid() or selection_id is None:
            return
        row = self.model.row_at(current.row())
        if isinstance(row, FormationDraft):
            self.model.remove_row(current.row())
            show_message(self.message_label, "")
            return
        if not Dialogs.confirm(
            self,
            self.tr("Hapus formasi"),
            self.tr("Hapus formasi {code} ({title})?").format(
                code=row.code, title=row.position_title
            ),
        ):
            return
        database, actor = self.context.database, self.context.actor
        try:
            ServiceOp(
                self, self.context, lambda: delete_formation(database, actor, selection_id, row.id)
            ).run_now()
        except UserError as error:
            show_message(self.message_label, error.text(), error=True)
            return
        position = self.model.row_of(row.id)
        if position is not None:
            self.model.remove_row(position)
        show_message(self.message_label, self.tr("Formasi {code} dihapus.").format(code=row.code))
        self._show_summary()

    def _import(self) -> None:
        if not self.editable or self.context.selection_id is None:
            return
        from app.ui.import_wizard.wizard import ImportWizard

        wizard = ImportWizard(self.context, "formations", self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()


class SetupPage(QWidget):
    """The admin's set-up of the current selection, in three tabs."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self.empty_label = QLabel(
            self.tr("Belum ada seleksi. Buat seleksi baru atau muat seleksi contoh lebih dahulu.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.tabs = QTabWidget()
        self.selection_tab = SelectionTab(context)
        self.formation_tab = FormationTab(context)
        self.scheme_editor = SchemeEditor(context)
        self.tabs.addTab(self.selection_tab, self.tr("Seleksi"))
        self.tabs.addTab(self.formation_tab, self.tr("Formasi"))
        self.tabs.addTab(self.scheme_editor, self.tr("Skema penilaian"))
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.tabs)
        layout.addWidget(self.stack)
        # A bound method, not a lambda: Qt drops the connection when the page is deleted
        # (the window rebuilds pages on a language switch), a lambda would outlive it.
        context.changes.selection_switched.connect(self._selection_switched)
        self.refresh()

    def _selection_switched(self, _selection_id: object) -> None:
        self.reload()

    def refresh(self) -> None:
        """Re-read everything; unsaved scheme edits survive unless they can't be saved."""
        has_selection = self.context.selection_id is not None
        self.stack.setCurrentWidget(self.tabs if has_selection else self.empty_label)
        self.selection_tab.refresh()
        self.formation_tab.refresh()
        self.scheme_editor.refresh()

    def unsaved(self) -> bool:
        """An edited scheme not saved yet (main_window's ``LeavingPage``)."""
        return self.scheme_editor.dirty

    def leave(self) -> bool:
        """Before the window closes or the user logs out: save the edited scheme, drop it, or
        stay. A scheme that cannot be saved keeps the window, its problems on screen."""
        self.tabs.setCurrentWidget(self.scheme_editor)
        answer = Dialogs.ask_unsaved(
            self,
            self.tr("Skema belum disimpan"),
            self.tr("Perubahan skema penilaian belum disimpan. Simpan sebelum keluar?"),
        )
        if answer == DISCARD:
            self.scheme_editor.reload()
            return True
        if answer == SAVE:
            self.scheme_editor.save_button.click()
            return not self.scheme_editor.dirty
        return False

    def reload(self) -> None:
        """Another selection: nothing of the previous one may stay on screen."""
        self.scheme_editor.reload()
        self.formation_tab.refresh(keep_drafts=False)
        self.refresh()
