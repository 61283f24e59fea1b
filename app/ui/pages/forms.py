"""The Forms page (Formulir): the printed forms of a selection day, from the window.

Blank score sheets (blanko penilaian), attendance lists (daftar hadir), minutes (berita
acara) and result slips, one participant's or a whole formation's, as the CLI's ``sheet``,
``attendance``, ``minutes`` and ``slip`` commands make them, with the same rules: whoever is
logged in may print them. The user chooses the kind and what it is for, sees the preview,
and prints it (Qt's print dialog) or saves it as PDF under a name proposed in Indonesian.

Drawing runs off the GUI thread through ``QueryOp``; a formation's slips (hundreds of pages
at a large site) show their progress and can be cancelled, and a cancelled batch leaves no
file and no half preview. What is shown is the rendering of one ``FormRequest``: saving or
printing the same request uses those bytes, anything else (other choices, data changed since)
is drawn again first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPageSize, QStandardItemModel
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.documents import FormChoices, FormStage, RenderedDocument, form_choices
from app.services.errors import UserError
from app.services.progress import Cancelled

from ..context import (
    DOCUMENT_SETTINGS,
    FINALIZATION,
    FORMATIONS,
    MARKS,
    PARTICIPANTS,
    SCHEME,
    SCORES,
    SELECTION,
    AppContext,
    Changes,
)
from ..dialogs import Dialogs
from ..numbers import count_text
from ..operations import QueryOp, ServiceOp
from ..widgets.pdf_preview import PdfPreview
from ..widgets.pdf_print import print_pdf
from ..workers import BackgroundTask
from .forms_request import FormKind, FormRequest, render

# Whatever a form prints can move with these: the preview shown is then out of date.
CONTENT_KINDS = frozenset(
    {SCORES, PARTICIPANTS, FORMATIONS, SCHEME, SELECTION, MARKS, FINALIZATION, DOCUMENT_SETTINGS}
)
# The choices themselves (stages, components, formations, sessions) come from these.
CHOICE_KINDS = frozenset({PARTICIPANTS, FORMATIONS, SCHEME, SELECTION, DOCUMENT_SETTINGS})
# The data of the "Semua formasi" / "Semua sesi" items (an empty code: nothing filtered).
EVERY = ""
# Printing below this many pages is over before a progress dialog would mean anything.
PRINT_PROGRESS_PAGES = 5


class FormsPage(QWidget):
    """Choose a form, preview it, print it or save it as PDF.

    ``kind_buttons`` maps each ``FormKind`` to its radio button; the boxes and edits below
    them are the form's choices (only those the kind uses are shown). ``preview`` shows the
    last rendering, ``shown`` is (request, document) of it, ``task`` the drawing in flight.
    ``show_preview()``, ``save_pdf()`` and ``print_document()`` are what the buttons do;
    printing asks for the printer through ``ask_print_settings`` (tests replace it).
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.choices: FormChoices | None = None
        self.shown: tuple[FormRequest, RenderedDocument] | None = None
        self.task: BackgroundTask | None = None
        self._stale = False
        self._build()
        self._retranslate()
        context.changes.changed.connect(self._data_changed)
        context.changes.selection_switched.connect(self._selection_switched)
        self.refresh()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[FormKind, QRadioButton] = {}
        kinds_box = QGroupBox()
        self.kinds_box = kinds_box
        kinds_layout = QVBoxLayout(kinds_box)
        kinds_layout.setSpacing(2)
        for kind in FormKind:
            button = QRadioButton()
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            kinds_layout.addWidget(button)
        self.kind_buttons[FormKind.SCORE_SHEET].setChecked(True)
        self.kind_note = QLabel()
        self.kind_note.setWordWrap(True)
        self.kind_note.setStyleSheet("color: #3d4452;")
        kinds_layout.addSpacing(4)
        kinds_layout.addWidget(self.kind_note)

        self.stage_box = QComboBox()
        self.component_box = QComboBox()
        self.formation_box = QComboBox()
        self.formation_box.setMinimumContentsLength(18)
        self.formation_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.session_box = QComboBox()
        self.one_button = QRadioButton()
        self.all_button = QRadioButton()
        self.whom_group = QButtonGroup(self)
        self.whom_group.addButton(self.one_button)
        self.whom_group.addButton(self.all_button)
        self.one_button.setChecked(True)
        whom = QWidget()
        whom_layout = QVBoxLayout(whom)
        whom_layout.setContentsMargins(0, 0, 0, 0)
        whom_layout.setSpacing(2)
        whom_layout.addWidget(self.one_button)
        whom_layout.addWidget(self.all_button)
        self.whom = whom
        self.participant_edit = QLineEdit()
        self.participant_edit.setClearButtonEnabled(True)
        self.assessor_edit = QLineEdit()
        self.place_edit = QLineEdit()
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setCalendarPopup(True)
        self.number_edit = QLineEdit()

        fields_box = QGroupBox()
        self.fields_box = fields_box
        self.fields = QFormLayout(fields_box)
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.labels: dict[QWidget, QLabel] = {}
        for widget in (
            self.stage_box,
            self.component_box,
            self.whom,
            self.participant_edit,
            self.formation_box,
            self.session_box,
            self.assessor_edit,
            self.place_edit,
            self.date_edit,
            self.number_edit,
        ):
            label = QLabel()
            label.setBuddy(widget)
            self.labels[widget] = label
            self.fields.addRow(label, widget)

        self.preview_button = QPushButton()
        self.preview_button.setDefault(True)
        self.save_button = QPushButton()
        self.print_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.setSpacing(8)
        left_layout.addWidget(kinds_box)
        left_layout.addWidget(fields_box)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.status_label)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(400)

        self.preview = PdfPreview()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 760])

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.splitter, 1)

        self.kind_group.buttonToggled.connect(self._toggled)
        self.whom_group.buttonToggled.connect(self._toggled)
        self.stage_box.currentIndexChanged.connect(lambda _index: self._stage_chosen())
        for box in (self.component_box, self.formation_box, self.session_box):
            box.currentIndexChanged.connect(lambda _index: self._update_buttons())
        for edit in (self.participant_edit, self.assessor_edit, self.place_edit, self.number_edit):
            edit.textChanged.connect(lambda _text: self._update_buttons())
            edit.returnPressed.connect(self.show_preview)
        self.date_edit.dateChanged.connect(lambda _date: self._update_buttons())
        self.preview_button.clicked.connect(self.show_preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_document)

    def _toggled(self, _button: object, checked: bool) -> None:
        if checked:  # the button switched on; the one switched off says so too
            self._update()

    def _retranslate(self) -> None:
        self.kinds_box.setTitle(self.tr("Jenis formulir"))
        texts = {
            FormKind.SCORE_SHEET: self.tr("&Blanko penilaian"),
            FormKind.ATTENDANCE: self.tr("&Daftar hadir"),
            FormKind.MINUTES: self.tr("Berita &acara"),
            FormKind.SLIP: self.tr("&Slip hasil seleksi"),
        }
        for kind, button in self.kind_buttons.items():
            button.setText(texts[kind])
        self.fields_box.setTitle(self.tr("Isi formulir"))
        label_texts = {
            self.stage_box: self.tr("&Tahap:"),
            self.component_box: self.tr("&Komponen:"),
            self.whom: self.tr("Untuk:"),
            self.participant_edit: self.tr("&Nomor peserta:"),
            self.formation_box: self.tr("&Formasi:"),
            self.session_box: self.tr("S&esi ujian:"),
            self.assessor_edit: self.tr("&Penilai:"),
            self.place_edit: self.tr("Te&mpat:"),
            self.date_edit: self.tr("Tan&ggal:"),
            self.number_edit: self.tr("N&omor berita acara:"),
        }
        for widget, text in label_texts.items():
            self.labels[widget].setText(text)
        self.one_button.setText(self.tr("Sat&u peserta"))
        self.all_button.setText(self.tr("Semua &peserta formasi"))
        self.participant_edit.setPlaceholderText(self.tr("mis. 24127500000123"))
        self.assessor_edit.setPlaceholderText(self.tr("Kosongkan: ditulis tangan"))
        self.number_edit.setPlaceholderText(self.tr("Kosongkan: ditulis tangan"))
        self.preview_button.setText(self.tr("Tampilkan p&ratinjau"))
        self.preview_button.setToolTip(self.tr("Susun formulir dan tampilkan di sebelah kanan."))
        self.save_button.setText(self.tr("S&impan PDF…"))
        self.print_button.setText(self.tr("&Cetak…"))

    def _kind_note(self, kind: FormKind) -> str:
        notes = {
            FormKind.SCORE_SHEET: self.tr(
                "Lembar yang diisi penilai dengan tangan: satu baris per peserta dalam urutan"
                " entri nilai, satu kotak per aspek, dengan rentang, bobot, dan nilai ambang"
                " batas komponen."
            ),
            FormKind.ATTENDANCE: self.tr(
                "Daftar yang ditandatangani peserta di ruang ujian, per formasi atau per sesi"
                " ujian."
            ),
            FormKind.MINUTES: self.tr(
                "Berita acara penetapan hasil satu formasi, dengan tabel hasil dan kolom tanda"
                " tangan setiap anggota panitia."
            ),
            FormKind.SLIP: self.tr(
                "Hasil seorang peserta dengan kode QR untuk pemeriksaan keaslian; untuk semua"
                " peserta formasi, setiap slip pada halamannya sendiri."
            ),
        }
        return notes[kind]

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the choices again (F5) and draw the preview shown again, if there is one."""
        self._reload_choices()
        request = self._request_or_none()
        if self.shown is not None and request is not None and self.task is None:
            self._draw(request, lambda _document: None)

    def _reload_choices(self) -> None:
        """The choices from the database, keeping what is chosen where it still exists; a
        preview shown may be out of date now."""
        selection_id = self.context.selection_id
        self.choices = None
        problem = ""
        if selection_id is None:
            problem = self.tr("Belum ada seleksi. Buat atau buka seleksi terlebih dulu.")
        else:
            try:
                self.choices = form_choices(self.context.database, selection_id)
            except UserError as error:
                problem = error.text()
        self._fill_choices()
        if problem:
            self.shown = None
            self.preview.clear(problem)
        elif self.shown is not None:
            self._mark_stale()
        elif not self.preview.page_count():
            self.preview.clear(
                self.tr("Pilih jenis formulir dan isinya, lalu tekan «Tampilkan pratinjau».")
            )
        self._update()

    def _fill_choices(self) -> None:
        choices = self.choices
        stage = self.stage_box.currentData()
        formation = self.formation_box.currentData()
        session = self.session_box.currentData()
        for box in (self.stage_box, self.formation_box, self.session_box):
            box.blockSignals(True)
            box.clear()
        if choices is not None:
            for item in choices.stages:
                self.stage_box.addItem(item.name, item.code)
            # The last stage is what the day's results, minutes and slips are about.
            _choose(self.stage_box, stage, default=self.stage_box.count() - 1)
            self.formation_box.addItem(self.tr("Semua formasi"), EVERY)
            for formation_item in choices.formations:
                self.formation_box.addItem(
                    self.tr("{code} — {title} ({count} peserta)").format(
                        code=formation_item.code,
                        title=formation_item.position_title,
                        count=count_text(formation_item.participants),
                    ),
                    formation_item.code,
                )
            _choose(self.formation_box, formation, default=1 if choices.formations else 0)
            self.session_box.addItem(self.tr("Semua sesi"), EVERY)
            for name in choices.sessions:
                self.session_box.addItem(name, name)
            _choose(self.session_box, session, default=0)
            self.place_edit.setPlaceholderText(choices.place)
        for box in (self.stage_box, self.formation_box, self.session_box):
            box.blockSignals(False)
        self._fill_components()

    def _stage_chosen(self) -> None:
        self._fill_components()
        self._update_buttons()

    def _fill_components(self) -> None:
        component = self.component_box.currentData()
        self.component_box.blockSignals(True)
        self.component_box.clear()
        stage = self._stage()
        if stage is not None:
            for code, name in stage.components:
                self.component_box.addItem(f"{name} ({code})", code)
        paper = self.component_box.findData(stage.paper_component) if stage else -1
        _choose(self.component_box, component, default=max(paper, 0))
        self.component_box.blockSignals(False)

    def _stage(self) -> FormStage | None:
        if self.choices is None:
            return None
        code = self.stage_box.currentData()
        return next((s for s in self.choices.stages if s.code == code), None)

    def _selection_switched(self, _selection_id: int | None) -> None:
        self.shown = None
        self._stale = False
        self.status_label.clear()
        self.preview.clear()
        self._reload_choices()

    def _data_changed(self, changes: Changes, initiator: object = None) -> None:
        if changes.touches(*CHOICE_KINDS):
            self._reload_choices()
        elif changes.touches(*CONTENT_KINDS) and self.shown is not None:
            self._mark_stale()

    def _mark_stale(self) -> None:
        """Data changed since the preview was drawn: saving or printing draws it again."""
        if not self._stale:
            self._stale = True
            self._show_status(
                self.tr(
                    "Data berubah sejak pratinjau ini disusun. Tekan «Perbarui pratinjau»;"
                    " menyimpan atau mencetak menyusunnya ulang lebih dulu."
                )
            )
        self._update_buttons()

    # -- the choices shown ------------------------------------------------------------------

    def kind(self) -> FormKind:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def _update(self) -> None:
        """Show the fields the chosen kind uses, and only those."""
        kind = self.kind()
        slip = kind is FormKind.SLIP
        batch = slip and self.all_button.isChecked()
        visible = {
            self.stage_box: True,  # an attendance list lists who takes that stage
            self.component_box: kind is FormKind.SCORE_SHEET,
            self.whom: slip,
            self.participant_edit: slip and not batch,
            self.formation_box: not slip or batch,
            # Sessions exist only where the participants' file had a ``sesi`` column.
            self.session_box: kind is FormKind.ATTENDANCE and self.session_box.count() > 1,
            self.assessor_edit: kind is FormKind.SCORE_SHEET,
            self.place_edit: kind is FormKind.ATTENDANCE,
            self.date_edit: kind in (FormKind.ATTENDANCE, FormKind.MINUTES),
            self.number_edit: kind is FormKind.MINUTES,
        }
        for widget, shown in visible.items():
            self.fields.setRowVisible(widget, shown)
        # "Semua formasi" makes sense for a sheet or a list, never for minutes or slips.
        everyone = kind in (FormKind.SCORE_SHEET, FormKind.ATTENDANCE)
        model = self.formation_box.model()
        if isinstance(model, QStandardItemModel) and self.formation_box.count():
            every = model.item(0)
            every.setEnabled(everyone)
            if not everyone and self.formation_box.currentIndex() == 0:
                self.formation_box.setCurrentIndex(1 if self.formation_box.count() > 1 else -1)
        self.kind_note.setText(self._kind_note(kind))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.choices is not None and self.task is None
        for widget in (self.preview_button, self.save_button, self.print_button):
            widget.setEnabled(ready)
        for box in (self.kinds_box, self.fields_box):
            box.setEnabled(self.task is None and self.choices is not None)
        if self.shown is not None and self._stale and self.shown[0] == self._request_or_none():
            self.preview_button.setText(self.tr("Perbarui p&ratinjau"))
        else:
            self.preview_button.setText(self.tr("Tampilkan p&ratinjau"))

    def _request_or_none(self) -> FormRequest | None:
        try:
            return self._request()
        except _FieldProblem:
            return None

    def request(self) -> FormRequest | None:
        """The choices as a request; ``None`` after saying which field needs what."""
        try:
            return self._request()
        except _FieldProblem as problem:
            self._show_status(problem.text, error=True)
            problem.field.setFocus()
            return None

    def _request(self) -> FormRequest:
        kind = self.kind()
        stage = self.stage_box.currentData()
        formation = self.formation_box.currentData() or None  # EVERY: every formation
        day = self.date_edit.date().toPython()
        assert isinstance(day, dt.date)
        if kind is FormKind.SCORE_SHEET:
            component = self.component_box.currentData()
            if not component:
                raise _FieldProblem(
                    self.component_box, self.tr("Tahap ini tidak punya komponen untuk dinilai.")
                )
            return FormRequest(
                kind,
                stage=stage,
                component=component,
                formation=formation,
                assessor=" ".join(self.assessor_edit.text().split()),
            )
        if kind is FormKind.ATTENDANCE:
            return FormRequest(
                kind,
                formation=formation,
                session=self.session_box.currentData() or None,
                place=" ".join(self.place_edit.text().split()),
                day=day,
            )
        if kind is FormKind.MINUTES:
            if formation is None:
                raise _FieldProblem(
                    self.formation_box, self.tr("Pilih formasi: berita acara dibuat per formasi.")
                )
            return FormRequest(
                kind,
                stage=stage,
                formation=formation,
                day=day,
                number=" ".join(self.number_edit.text().split()),
            )
        if self.all_button.isChecked():
            if formation is None:
                raise _FieldProblem(self.formation_box, self.tr("Pilih formasi slip."))
            return FormRequest(kind, stage=stage, formation=formation, whole_formation=True)
        number = "".join(self.participant_edit.text().split())
        if not number:
            raise _FieldProblem(
                self.participant_edit,
                self.tr("Isi nomor peserta, atau pilih «Semua peserta formasi»."),
            )
        return FormRequest(kind, stage=stage, participant=number)

    # -- drawing ---------------------------------------------------------------------------

    def show_preview(self) -> BackgroundTask | None:
        """Draw the chosen form and show it; the task drawing it (``None``: nothing to draw)."""
        request = self.request()
        if request is None:
            return None
        return self._draw(request, lambda _document: None)

    def _current(self, request: FormRequest) -> RenderedDocument | None:
        """The document shown, when it is the rendering of ``request`` and still holds."""
        if self.shown is None or self._stale or self.shown[0] != request:
            return None
        if not self.preview.page_count():
            return None
        return self.shown[1]

    def _draw(
        self, request: FormRequest, then: Callable[[RenderedDocument], object]
    ) -> BackgroundTask | None:
        selection_id = self.context.selection_id
        if selection_id is None or self.task is not None:
            return None
        database = self.context.database
        title = self.tr("Formulir")
        if request.batch:
            op = (
                QueryOp(self, lambda progress: render(database, selection_id, request, progress))
                .with_progress(cancellable=True)
                .saying(
                    self.tr("Menyusun slip semua peserta formasi {formation}…").format(
                        formation=request.formation
                    )
                )
            )
        else:
            op = QueryOp(self, lambda: render(database, selection_id, request)).saying(
                self.tr("Menyusun formulir…")
            )
        self._show_status(self.tr("Menyusun formulir…"))
        task = op.success(lambda document: self._drawn(request, document, then)).failure(
            self._draw_failed
        )
        self.task = task.run_in_background(title)
        self._update_buttons()
        return self.task

    def _drawn(
        self,
        request: FormRequest,
        document: RenderedDocument,
        then: Callable[[RenderedDocument], object],
    ) -> None:
        self.task = None
        if not self.preview.show_pdf(document.data):
            self.shown = None
            self._show_status(
                self.tr("Formulir tersusun, tetapi pratinjaunya tidak dapat ditampilkan."),
                error=True,
            )
            self._update_buttons()
            return
        self.shown = (request, document)
        self._stale = False
        self._show_status(
            self.tr("{name}: {pages} halaman.").format(
                name=document.name, pages=count_text(document.pages)
            )
        )
        self._update_buttons()
        then(document)

    def _draw_failed(self, error: Exception) -> None:
        self.task = None
        if isinstance(error, Cancelled):
            self._show_status(self.tr("Dibatalkan; tidak ada berkas yang disimpan atau dicetak."))
        elif isinstance(error, UserError):
            self._show_status(error.text(), error=True)
        else:  # a bug, already reported by the worker
            self._show_status(self.tr("Formulir tidak dapat disusun."), error=True)
        self._update_buttons()

    def _with_document(self, then: Callable[[RenderedDocument], object]) -> BackgroundTask | None:
        """Call ``then`` with the document of the current choices, drawing it first unless
        the preview already shows it."""
        request = self.request()
        if request is None:
            return None
        document = self._current(request)
        if document is not None:
            then(document)
            return None
        return self._draw(request, then)

    # -- saving and printing ---------------------------------------------------------------

    def save_pdf(self) -> BackgroundTask | None:
        """Save the chosen form as PDF under a name the user confirms (drawn first when the
        preview does not show it; nothing is written when that is cancelled)."""
        return self._with_document(self._save)

    def _save(self, document: RenderedDocument) -> Path | None:
        path = Dialogs.save_file(
            self,
            self.tr("Simpan formulir sebagai PDF"),
            self.tr("Dokumen PDF (*.pdf)"),
            document.name + ".pdf",
        )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            document.save(path)
        except UserError as error:
            Dialogs.error(self, self.tr("Formulir tidak disimpan"), error.text())
            return None
        self._register(document)
        self._show_status(
            self.tr("{name} disimpan ke {path} ({pages} halaman).").format(
                name=document.name, path=path, pages=count_text(document.pages)
            )
        )
        return path

    def print_document(self) -> BackgroundTask | None:
        """Print the chosen form (drawn first when the preview does not show it)."""
        return self._with_document(self._print)

    def ask_print_settings(self, printer: QPrinter, page_count: int) -> bool:
        """Let the user choose printer, copies and pages; ``False`` when cancelled.

        A method of its own so tests can answer it without a modal dialog.
        """
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak formulir"))
        dialog.setMinMax(1, page_count)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _print(self, document: RenderedDocument) -> int:
        count = self.preview.page_count()
        if not count:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(document.name)  # "print to file" proposes it: no slashes in it
        printer.setFromTo(1, count)
        printer.setPrintRange(QPrinter.PrintRange.AllPages)
        if not self.ask_print_settings(printer, count):
            return 0
        if printer.printRange() == QPrinter.PrintRange.AllPages:
            printer.setFromTo(0, 0)
        progress = self._print_progress(count)

        def report(done: int, total: int) -> bool:
            if progress is None:
                return True
            progress.setMaximum(total)
            progress.setValue(done)  # a window-modal dialog keeps the events flowing
            return not progress.wasCanceled()

        # Pages are drawn on the GUI thread (QPdfDocument belongs to it). Events flow only
        # through the window-modal progress dialog, which keeps every other click away from
        # the window, so nothing can replace the document being printed; its own Cancel
        # button must stay usable (a disabled page would disable it as well).
        cancelled = False
        try:
            printed = print_pdf(self.preview.document, printer, report)
        except OSError:
            Dialogs.error(
                self,
                self.tr("Tidak dapat mencetak"),
                self.tr(
                    "Pencetak tidak dapat dipakai. Periksa sambungan pencetak, lalu coba lagi."
                ),
            )
            self._show_status("")
            return 0
        finally:
            if progress is not None:
                cancelled = progress.wasCanceled()
                progress.close()
                progress.deleteLater()
        if printed:
            self._register(document)  # what reached paper can be verified later
        if cancelled:
            text = self.tr("Pencetakan dibatalkan; {count} halaman sudah dikirim ke pencetak.")
        else:
            text = self.tr("{name}: {count} halaman dikirim ke pencetak.")
        self._show_status(text.format(name=document.name, count=count_text(printed)))
        return printed

    def _register(self, document: RenderedDocument) -> None:
        """Record the printed or saved form for verification (issue #11 §3): one small
        write, on the GUI thread like a saved score."""
        selection_id = self.context.selection_id
        if selection_id is None:
            return
        database, actor = self.context.database, self.context.actor
        try:
            ServiceOp(
                self, self.context, lambda: document.register(database, actor, selection_id)
            ).run_now()
        except UserError as error:
            Dialogs.error(self, self.tr("Formulir tidak terdaftar"), error.text())

    def _print_progress(self, count: int) -> QProgressDialog | None:
        if count < PRINT_PROGRESS_PAGES:
            return None
        dialog = QProgressDialog(
            self.tr("Mencetak formulir…"), self.tr("Batal"), 0, count, self.window()
        )
        dialog.setWindowTitle(self.tr("Cetak formulir"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setMinimumWidth(360)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    # -- status ----------------------------------------------------------------------------

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b00020;" if error else "")
        self.status_label.setText(text)

    def _show_nothing(self, message: str) -> None:
        self.shown = None
        self.preview.clear(message)


class _FieldProblem(Exception):
    """A choice that cannot make a form, and the field to put right."""

    def __init__(self, field: QWidget, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.text = text


def _choose(box: QComboBox, value: object, *, default: int) -> None:
    """Select the item holding ``value``, or the item at ``default``."""
    index = box.findData(value) if value is not None else -1
    if index < 0:
        index = default
    if 0 <= index < box.count():
        box.setCurrentIndex(index)
