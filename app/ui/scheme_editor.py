"""The scheme editor: stages, components, rubric aspects, ranking order and status codes.

Every edit builds a new frozen ``Scheme`` (``dataclasses.replace``) and asks the scoring
package what is wrong with it, so the rules live in one place and the editor only shows their
verdict: a red outline and the message at the field, every problem with its key in a list at
the bottom, and "Simpan skema" disabled until the list is empty. Once a score exists the
scheme is read-only, because changing a weight or range would silently change results.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.messages import language, t
from app.scoring import (
    Aspect,
    Component,
    Problem,
    Scheme,
    SchemeInvalid,
    Stage,
    StageCodes,
    scheme_from_mapping,
    scheme_to_mapping,
    validate_scheme,
)
from app.scoring.scheme import (
    CATEGORICAL,
    KEY_AGE,
    KEY_FINAL,
    KEY_IPK,
    KEY_PRIORITY,
    NUMERIC,
    SUM,
    WEIGHTED,
)
from app.services.errors import UserError
from app.services.scheme_edit import (
    SchemeProblems,
    current_scheme,
    save_scheme,
    scheme_as_toml,
    scheme_locked,
)
from app.services.tabular import parse_decimal, parse_int

from .context import SCHEME, SCORES, AppContext
from .dialogs import Dialogs

Index = QModelIndex | QPersistentModelIndex

PROBLEM_BACKGROUND = QColor("#f8d7da")
PROBLEM_STYLE = "*[problem=true] { border: 2px solid #c0392b; border-radius: 3px; }"
ERROR_COLOUR = "#b3261e"
OK_COLOUR = "#1e6b34"
NOTE_COLOUR = "#5f6368"

# Kinds of cell in the component and aspect tables.
CODE, TEXT, DECIMAL, OPTIONAL_DECIMAL, INTEGER, FLAG, CHOICE, WORDS = (
    "code",
    "text",
    "decimal",
    "optional",
    "integer",
    "flag",
    "choice",
    "words",
)
_NUMBER_KINDS = (DECIMAL, OPTIONAL_DECIMAL, INTEGER)


def decimal_text(value: Decimal | None) -> str:
    """A decimal as the user writes it: a comma in Indonesian, a point in English."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.replace(".", ",") if language() == "id" else text


def scheme_problems(scheme: Scheme) -> list[Problem]:
    """``validate_scheme`` plus what the scheme file reader refuses (an empty code or name).

    The reader's checks are included so a saved scheme can always be exported and loaded
    again with ``init --scheme FILE``.
    """
    problems = list(validate_scheme(scheme))
    try:
        scheme_from_mapping(scheme_to_mapping(scheme))
    except SchemeInvalid as error:
        seen = {(p.key, p.message) for p in problems}
        problems += [p for p in error.problems if (p.key, p.message) not in seen]
    return problems


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a record table: the dataclass attribute, its key in problem paths
    (the scheme file's name, e.g. ``min`` for ``minimum``) and how it is typed in."""

    attr: str
    key: str
    title: str
    kind: str
    choices: tuple[tuple[str, str], ...] = ()
    low: int = 0
    high: int = 99
    tip: str = ""


class RecordTableModel(QAbstractTableModel):
    """Rows of frozen records (components or rubric aspects), edited one cell at a time.

    The model never decides whether a value is acceptable for the scheme: an edit that parses
    becomes ``edited(row, record)``, the editor builds a new scheme from it and hands the
    rows back with their problems (``set_records``). Text that is not a number at all cannot
    be held by a ``Decimal`` and is refused at once (``refused``).
    """

    edited = Signal(int, object)
    refused = Signal(str)

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._records: list[Any] = []
        self._marks: dict[tuple[int, str], list[str]] = {}
        self._editable = False

    def set_records(
        self, records: Sequence[Any], marks: Mapping[tuple[int, str], list[str]]
    ) -> None:
        """New rows; the same number of rows keeps the view's current cell."""
        records = list(records)
        if len(records) != len(self._records):
            self.beginResetModel()
            self._records, self._marks = records, dict(marks)
            self.endResetModel()
            return
        self._records, self._marks = records, dict(marks)
        if records:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(records) - 1, len(self.columns) - 1)
            )

    @property
    def editable(self) -> bool:
        return self._editable

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.set_records(self._records, self._marks)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(column.key for column in self.columns)

    def column_of(self, key: str) -> int:
        for position, column in enumerate(self.columns):
            if column.key == key:
                return position
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable:
            if self.columns[index.column()].kind == FLAG:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = getattr(self._records[index.row()], column.attr)
        marks = self._marks.get((index.row(), column.key))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, value)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind in (DECIMAL, OPTIONAL_DECIMAL, WORDS):
                return self._display(column, value)
            return value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == FLAG:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if marks:
                return "\n".join(marks)
            return value or None if column.kind == TEXT else None
        if role == Qt.ItemDataRole.BackgroundRole and marks:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in _NUMBER_KINDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(column: Column, value: Any) -> Any:
        if column.kind in (DECIMAL, OPTIONAL_DECIMAL):
            return decimal_text(value)
        if column.kind == CHOICE:
            return dict(column.choices).get(value, value)
        if column.kind == WORDS:
            return ", ".join(value)
        if column.kind == FLAG:
            return None
        return value

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable:
            return False
        column = self.columns[index.column()]
        if column.kind == FLAG:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new: Any = _is_checked(value)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        else:
            try:
                new = self._parse(column, value)
            except ValueError:
                self.refused.emit(self._refusal(column, value))
                return False
        old = self._records[index.row()]
        record = replace(old, **{column.attr: new})
        if record == old:
            return True
        self._records[index.row()] = record
        self.dataChanged.emit(index, index)
        self.edited.emit(index.row(), record)
        return True

    @staticmethod
    def _parse(column: Column, value: Any) -> Any:
        text = "" if value is None else str(value)
        if column.kind == CODE:
            return text.strip().upper()
        if column.kind == TEXT:
            return text.strip()
        if column.kind == DECIMAL:
            return parse_decimal(text)
        if column.kind == OPTIONAL_DECIMAL:
            return parse_decimal(text) if text.strip() else None
        if column.kind == INTEGER:
            return value if isinstance(value, int) else parse_int(text)
        if column.kind == WORDS:
            return tuple(word.strip().upper() for word in text.split(",") if word.strip())
        return text

    def _refusal(self, column: Column, value: Any) -> str:
        if column.kind == INTEGER:
            return self.tr("{column}: '{text}' bukan bilangan bulat.").format(
                column=column.title, text=value
            )
        return self.tr("{column}: '{text}' bukan angka; tulis misalnya 60 atau 62,5.").format(
            column=column.title, text=value
        )


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


class RecordDelegate(QStyledItemDelegate):
    """A list for choices, a spin box for whole numbers, a line edit for the rest."""

    def _column(self, index: Index) -> Column:
        model = index.model()
        assert isinstance(model, RecordTableModel)
        return model.columns[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self._column(index)
        if column.kind == CHOICE:
            box = QComboBox(parent)
            for value, label in column.choices:
                box.addItem(label, value)
            return box
        if column.kind == INTEGER:
            spin = QSpinBox(parent)
            spin.setRange(column.low, column.high)
            spin.setFrame(False)
            return spin
        return super().createEditor(parent, option, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, QComboBox):
            # A narrow column must not cut the choices down to "prakti…".
            geometry = editor.geometry()
            geometry.setWidth(max(geometry.width(), editor.sizeHint().width()))
            editor.setGeometry(geometry)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


_STAGE_PATH = re.compile(r"stages\[(\d+)\](?:\.(.*))?")
_ITEM_PATH = re.compile(r"(components|aspects|ranking)\[(\d+)\](?:\.(.*))?")


class ProblemMarks:
    """The current problems, looked up by where they show on screen."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.entries = [(p.key, t(p.message, p.params)) for p in problems]
        self._by_key: dict[str, list[str]] = {}
        for key, text in self.entries:
            self._by_key.setdefault(key, []).append(text)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def at(self, key: str) -> list[str]:
        return self._by_key.get(key, [])

    def count_under(self, prefix: str) -> int:
        return sum(
            len(texts)
            for key, texts in self._by_key.items()
            if key == prefix or key.startswith((prefix + ".", prefix + "["))
        )

    def items_under(
        self, prefix: str, kind: str, fields: Collection[str]
    ) -> dict[tuple[int, str], list[str]]:
        """``{(row, field): texts}`` for ``prefix.kind[row].field``; a problem that has no
        cell of its own (a component's rubric) goes on the row's code cell, with its path."""
        found: dict[tuple[int, str], list[str]] = {}
        start = prefix + "."
        for key, texts in self._by_key.items():
            if not key.startswith(start):
                continue
            match = _ITEM_PATH.fullmatch(key[len(start) :])
            if match is None or match.group(1) != kind:
                continue
            row, rest = int(match.group(2)), match.group(3) or "code"
            if rest not in fields:
                found.setdefault((row, "code"), []).extend(f"{rest}: {text}" for text in texts)
            else:
                found.setdefault((row, rest), []).extend(texts)
        return found


class SchemeEditor(QWidget):
    """Shows the selection's scheme and, for an admin before scoring starts, edits it.

    ``_saved`` is the scheme as stored, ``_scheme`` the one on screen; the difference is
    what "Simpan skema" writes and "Batalkan perubahan" throws away.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._saved: Scheme | None = None
        self._scheme: Scheme | None = None
        self._locked = False
        self._marks = ProblemMarks([])
        self._input_errors: dict[str, str] = {}
        self._stage_row = 0
        self._loading = False
        self._announcing = False
        self._selection_id: int | None = None
        self._build()
        context.changes.changed.connect(self._on_changed)
        self.reload()

    # --- building the widgets ------------------------------------------------------------

    def _build(self) -> None:
        self.setStyleSheet(PROBLEM_STYLE)
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fff4d0; border: 1px solid #e0c060; border-radius: 3px;"
            " padding: 6px; }"
        )
        self.banner.hide()
        layout.addWidget(self.banner)
        self.title_label = QLabel()
        layout.addWidget(self.title_label)

        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.setChildrenCollapsible(False)
        columns.addWidget(self._build_stage_panel())
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        right.addWidget(self._build_component_panel())
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.setChildrenCollapsible(False)
        lower.addWidget(self._build_aspect_panel())
        # Ranking order and status codes share one place: both are short, and the rubric
        # next to them needs the width for its descriptions.
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self._build_ranking_panel(), "")
        self.side_tabs.addTab(self._build_codes_panel(), "")
        self.side_tabs.setTabToolTip(
            0,
            self.tr(
                "Kunci yang dicentang menentukan peringkat, dari atas ke bawah; "
                "peserta yang sama pada semua kunci mendapat peringkat yang sama."
            ),
        )
        lower.addWidget(self.side_tabs)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([520, 340])
        right.addWidget(lower)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setSizes([230, 290])
        columns.addWidget(right)
        columns.setStretchFactor(0, 0)
        columns.setStretchFactor(1, 1)

        layout.addWidget(columns, 1)
        layout.addWidget(self._build_problem_panel())

        buttons = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        buttons.addWidget(self.status_label, 1)
        self.export_button = QPushButton(self.tr("Ekspor TOML…"))
        self.revert_button = QPushButton(self.tr("Batalkan perubahan"))
        self.save_button = QPushButton(self.tr("Simpan skema"))
        self.save_button.setDefault(True)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        for button in (self.export_button, self.revert_button, self.save_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.export_button.clicked.connect(self._export)
        self.revert_button.clicked.connect(self.reload)
        self.save_button.clicked.connect(self._save)

    def _build_stage_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Tahap"))
        layout = QVBoxLayout(box)
        self.stage_list = QListWidget()
        self.stage_list.setMaximumHeight(76)
        _elide(self.stage_list)
        layout.addWidget(self.stage_list)
        row = QHBoxLayout()
        self.add_stage_button = QPushButton(self.tr("Tambah tahap"))
        self.remove_stage_button = QPushButton(self.tr("Hapus tahap"))
        row.addWidget(self.add_stage_button)
        row.addWidget(self.remove_stage_button)
        layout.addLayout(row)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.stage_code_edit = QLineEdit()
        self.stage_name_edit = QLineEdit()
        self.method_box = QComboBox()
        self.method_box.addItem(self.tr("Jumlah nilai"), SUM)
        self.method_box.addItem(self.tr("Berbobot (skala 0–100)"), WEIGHTED)
        self.multiplier_spin = QSpinBox()
        self.multiplier_spin.setRange(1, 99)
        self.multiplier_spin.setSuffix(self.tr(" × kebutuhan"))
        self.multiplier_spin.setToolTip(
            self.tr("Berapa kali kebutuhan yang lolos ke tahap berikutnya (SKD: 3 × kebutuhan).")
        )
        self.integrates_box = QComboBox()
        self.integrate_weight_edit = QLineEdit()
        self.integrate_weight_edit.setPlaceholderText(self.tr("mis. 40"))
        form.addRow(self.tr("Kode"), self.stage_code_edit)
        form.addRow(self.tr("Nama"), self.stage_name_edit)
        form.addRow(self.tr("Metode"), self.method_box)
        form.addRow(self.tr("Batas lolos"), self.multiplier_spin)
        form.addRow(self.tr("Integrasi"), self.integrates_box)
        form.addRow(self.tr("Bobot integrasi (%)"), self.integrate_weight_edit)
        layout.addLayout(form)
        layout.addStretch(1)
        box.setMinimumWidth(236)
        box.setMaximumWidth(320)

        self.stage_list.currentRowChanged.connect(self._stage_chosen)
        self.add_stage_button.clicked.connect(self._add_stage)
        self.remove_stage_button.clicked.connect(self._remove_stage)
        self.stage_code_edit.textEdited.connect(self._stage_code_edited)
        # Stripped only when the user leaves the field: stripping while typing would eat
        # the space between two words.
        self.stage_name_edit.textEdited.connect(lambda text: self._edit_stage(name=text))
        self.stage_name_edit.editingFinished.connect(
            lambda: self._edit_stage(name=self.stage_name_edit.text().strip())
        )
        self.method_box.currentIndexChanged.connect(
            lambda _i: self._edit_stage(method=self.method_box.currentData())
        )
        self.multiplier_spin.valueChanged.connect(
            lambda value: self._edit_stage(quota_multiplier=value)
        )
        self.integrates_box.currentIndexChanged.connect(
            lambda _i: self._edit_stage(integrates=self.integrates_box.currentData())
        )
        self.integrate_weight_edit.textEdited.connect(self._integrate_weight_edited)
        return box

    def _build_component_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Komponen"))
        self.component_box = box
        layout = QVBoxLayout(box)
        self.component_model = RecordTableModel(
            [
                Column("code", "code", self.tr("Kode"), CODE),
                Column("name", "name", self.tr("Nama"), TEXT),
                Column(
                    "kind",
                    "kind",
                    self.tr("Jenis"),
                    CHOICE,
                    ((NUMERIC, self.tr("angka")), (CATEGORICAL, self.tr("kategori"))),
                ),
                Column(
                    "category",
                    "category",
                    self.tr("Kategori"),
                    CHOICE,
                    (
                        ("cat", "CAT"),
                        ("praktik", self.tr("praktik")),
                        ("wawancara", self.tr("wawancara")),
                        ("psikotes", self.tr("psikotes")),
                        ("lainnya", self.tr("lainnya")),
                    ),
                ),
                Column("minimum", "min", self.tr("Min"), DECIMAL),
                Column("maximum", "max", self.tr("Maks"), DECIMAL),
                Column(
                    "step", "step", self.tr("Langkah"), DECIMAL, tip=self.tr("Kelipatan nilai.")
                ),
                Column("weight", "weight", self.tr("Bobot (%)"), DECIMAL),
                Column(
                    "threshold",
                    "threshold",
                    self.tr("Ambang"),
                    OPTIONAL_DECIMAL,
                    tip=self.tr("Nilai ambang batas; kosong berarti tidak menggugurkan."),
                ),
                Column(
                    "assessors",
                    "assessors",
                    self.tr("Penilai"),
                    INTEGER,
                    low=1,
                    high=20,
                    tip=self.tr("Jumlah penilai paling sedikit; nilainya rata-rata semua penilai."),
                ),
                Column(
                    "affirmation",
                    "affirmation",
                    self.tr("Afirmasi"),
                    FLAG,
                    tip=self.tr("Ditambah poin afirmasi peserta (PPPK)."),
                ),
                Column(
                    "double_entry",
                    "double_entry",
                    self.tr("Entri ganda"),
                    FLAG,
                    tip=self.tr(
                        "Dua operator mengetik setiap nilai tanpa melihat entri yang lain; hanya "
                        "nilai yang cocok dihitung, selisih diputuskan admin."
                    ),
                ),
                Column(
                    "max_spread",
                    "max_spread",
                    self.tr("Batas selisih"),
                    OPTIONAL_DECIMAL,
                    tip=self.tr(
                        "Peserta yang nilai para penilainya berjarak lebih dari ini ditandai "
                        "untuk diperiksa; kosong berarti tidak diperiksa."
                    ),
                ),
                Column(
                    "values",
                    "values",
                    self.tr("Nilai kategori"),
                    WORDS,
                    tip=self.tr(
                        "Untuk jenis kategori: nilai yang diizinkan, dipisah koma (MS, TMS)."
                    ),
                ),
                Column(
                    "passing",
                    "passing",
                    self.tr("Nilai lulus"),
                    WORDS,
                    tip=self.tr("Untuk jenis kategori: nilai yang meluluskan, dipisah koma (MS)."),
                ),
            ],
            self,
        )
        self.component_table = self._record_table(self.component_model)
        header = self.component_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.component_table, 1)
        self.component_message = self._message_label()
        layout.addWidget(self.component_message)
        row = QHBoxLayout()
        self.add_component_button = QPushButton(self.tr("Tambah komponen"))
        self.remove_component_button = QPushButton(self.tr("Hapus komponen"))
        row.addWidget(self.add_component_button)
        row.addWidget(self.remove_component_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.component_model.edited.connect(self._component_edited)
        self.component_model.refused.connect(self._refused)
        self.component_table.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self._render_aspects()
        )
        self.add_component_button.clicked.connect(self._add_component)
        self.remove_component_button.clicked.connect(self._remove_component)
        return box

    def _build_aspect_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Aspek rubrik"))
        self.aspect_box = box
        layout = QVBoxLayout(box)
        self.aspect_model = RecordTableModel(
            [
                Column("code", "code", self.tr("Kode"), CODE),
                Column("name", "name", self.tr("Nama"), TEXT),
                Column("weight", "weight", self.tr("Bobot (%)"), DECIMAL),
                Column("description", "description", self.tr("Deskripsi"), TEXT),
            ],
            self,
        )
        self.aspect_table = self._record_table(self.aspect_model)
        self.aspect_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.aspect_table, 1)
        self.aspect_message = self._message_label()
        layout.addWidget(self.aspect_message)
        self.aspect_hint = QLabel(
            self.tr("Tanpa rubrik: penilai memasukkan satu nilai untuk komponen ini.")
        )
        self.aspect_hint.setWordWrap(True)
        self.aspect_hint.setStyleSheet(f"color: {NOTE_COLOUR};")
        layout.addWidget(self.aspect_hint)
        row = QHBoxLayout()
        self.add_aspect_button = QPushButton(self.tr("Tambah aspek"))
        self.remove_aspect_button = QPushButton(self.tr("Hapus aspek"))
        row.addWidget(self.add_aspect_button)
        row.addWidget(self.remove_aspect_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.aspect_model.edited.connect(self._aspect_edited)
        self.aspect_model.refused.connect(self._refused)
        self.add_aspect_button.clicked.connect(self._add_aspect)
        self.remove_aspect_button.clicked.connect(self._remove_aspect)
        return box

    def _build_ranking_panel(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.ranking_list = QListWidget()
        _elide(self.ranking_list)
        row.addWidget(self.ranking_list, 1)
        moves = QVBoxLayout()
        self.up_button = QPushButton("▲")
        self.down_button = QPushButton("▼")
        self.up_button.setToolTip(self.tr("Naikkan (Ctrl+Atas)"))
        self.down_button.setToolTip(self.tr("Turunkan (Ctrl+Bawah)"))
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(32)
            moves.addWidget(button)
        moves.addStretch(1)
        row.addLayout(moves)
        layout.addLayout(row, 1)
        self.ranking_message = self._message_label()
        layout.addWidget(self.ranking_message)
        hint = QLabel(self.tr("Kunci yang dicentang dipakai, dari atas ke bawah."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {NOTE_COLOUR};")
        layout.addWidget(hint)

        self.ranking_list.itemChanged.connect(lambda _item: self._ranking_edited())
        self.up_button.clicked.connect(lambda: self._move_ranking(-1))
        self.down_button.clicked.connect(lambda: self._move_ranking(1))
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.ranking_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self._move_ranking(step))
        return box

    def _build_codes_panel(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setVerticalSpacing(4)
        labels = {
            "within_quota": self.tr("Dalam kebutuhan"),
            "outside_quota": self.tr("Di luar kebutuhan"),
            "below_threshold": self.tr("Di bawah ambang"),
            "absent": self.tr("Tidak hadir"),
            "requirement_failed": self.tr("Tidak memenuhi syarat"),
            "withdrawn": self.tr("Mengundurkan diri"),
            "disqualified": self.tr("Diskualifikasi"),
        }
        self.code_edits: dict[str, QLineEdit] = {}
        for name, label in labels.items():
            edit = QLineEdit()
            edit.setMaxLength(12)
            edit.setFixedWidth(72)
            form.addRow(label, edit)
            self.code_edits[name] = edit
            edit.textEdited.connect(lambda text, name=name: self._code_edited(name, text))
        return box

    def _build_problem_panel(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.problem_title = QLabel()
        layout.addWidget(self.problem_title)
        self.problem_list = QListWidget()
        self.problem_list.setFixedHeight(78)
        self.problem_list.hide()
        self.problem_list.setToolTip(self.tr("Klik dua kali untuk menuju bagian yang bermasalah."))
        layout.addWidget(self.problem_list)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        return box

    def _record_table(self, model: RecordTableModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setItemDelegate(RecordDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setHighlightSections(False)
        table.setWordWrap(False)
        return table

    @staticmethod
    def _message_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        label.hide()
        return label

    # --- loading -------------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self.context.can("admin") and not self._locked and self._scheme is not None

    @property
    def dirty(self) -> bool:
        return self._scheme != self._saved

    @property
    def problems(self) -> list[tuple[str, str]]:
        """``(key, text)`` of every problem on screen, including numbers that do not parse."""
        return [*self._marks.entries, *self._input_errors.items()]

    def reload(self) -> None:
        """Show the scheme as stored, discarding unsaved edits."""
        selection_id = self.context.selection_id
        self._selection_id = selection_id
        self._input_errors.clear()
        if selection_id is None:
            self._saved = self._scheme = None
            self._locked = False
        else:
            self._saved = current_scheme(self.context.database, selection_id)
            self._scheme = self._saved
            self._locked = scheme_locked(self.context.database, selection_id)
        self._stage_row = min(self._stage_row, self._stage_count() - 1) if self._scheme else 0
        self._stage_row = max(self._stage_row, 0)
        self._validate()
        self._render_all()
        self._say("")

    def refresh(self) -> None:
        """Re-read the lock; keep unsaved edits unless they can no longer be saved."""
        selection_id = self.context.selection_id
        if (
            selection_id is None
            or selection_id != self._selection_id
            or self._scheme is None
            or not self.dirty
        ):
            self.reload()
            return
        self._locked = scheme_locked(self.context.database, selection_id)
        if self._locked:
            self.reload()
        else:
            self._update_editability()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if self._announcing:
            return
        if SCHEME in kinds:
            self.refresh()
        elif (
            # Scores arrive one by one during entry: one cheap query each, and the editor is
            # rebuilt only when the first score has just locked the scheme.
            SCORES in kinds
            and not self._locked
            and self.context.selection_id is not None
            and scheme_locked(self.context.database, self.context.selection_id)
        ):
            self.reload()

    def _stage_count(self) -> int:
        return len(self._scheme.stages) if self._scheme else 0

    def _current_stage(self) -> Stage | None:
        if self._scheme is None or not 0 <= self._stage_row < len(self._scheme.stages):
            return None
        return self._scheme.stages[self._stage_row]

    def _current_component_row(self) -> int:
        stage = self._current_stage()
        row = self.component_table.currentIndex().row()
        if stage is None or not 0 <= row < len(stage.components):
            return -1
        return row

    # --- applying an edit ----------------------------------------------------------------

    def _validate(self) -> None:
        self._marks = ProblemMarks(scheme_problems(self._scheme) if self._scheme else [])

    def _apply(self, scheme: Scheme, structure: bool = False) -> None:
        """Take the edited scheme, validate it and show the verdict everywhere."""
        self._scheme = scheme
        self._validate()
        if structure:
            self._render_all()
        else:
            self._render_stage_list()
            self._render_stage()
            self._render_problems()
        self._say(self.tr("Perubahan belum disimpan.") if self.dirty else "", NOTE_COLOUR)

    def _with_stage(self, stage: Stage, scheme: Scheme | None = None) -> Scheme:
        scheme = scheme or self._scheme
        assert scheme is not None
        stages = list(scheme.stages)
        stages[self._stage_row] = stage
        return replace(scheme, stages=tuple(stages))

    def _edit_stage(self, **changes: Any) -> None:
        stage = self._current_stage()
        if self._loading or stage is None or not self.editable:
            return
        changed = replace(stage, **changes)
        if changed != stage:
            self._apply(self._with_stage(changed))

    def _stage_code_edited(self, text: str) -> None:
        stage = self._current_stage()
        if self._loading or stage is None or self._scheme is None or not self.editable:
            return
        code = text.strip().upper()
        if code != text:
            position = self.stage_code_edit.cursorPosition()
            self.stage_code_edit.setText(code)
            self.stage_code_edit.setCursorPosition(min(position, len(code)))
        scheme = self._with_stage(replace(stage, code=code))
        if stage.code and code:
            # Later stages that integrate this one follow the new code.
            stages = []
            for other in scheme.stages:
                if other.integrates == stage.code:
                    other = replace(
                        other,
                        integrates=code,
                        ranking=tuple(code if key == stage.code else key for key in other.ranking),
                    )
                stages.append(other)
            scheme = replace(scheme, stages=tuple(stages))
        self._apply(scheme)

    def _integrate_weight_edited(self, text: str) -> None:
        key = f"stages[{self._stage_row}].integrate_weight"
        try:
            weight = parse_decimal(text) if text.strip() else Decimal(0)
        except ValueError:
            self._input_errors[key] = self.tr("'{text}' bukan angka.").format(text=text)
            self._render_stage()
            self._render_problems()
            return
        self._input_errors.pop(key, None)
        self._edit_stage(integrate_weight=weight)

    def _code_edited(self, name: str, text: str) -> None:
        stage = self._current_stage()
        if stage is None:
            return
        self._edit_stage(codes=replace(stage.codes, **{name: text.strip()}))

    def _component_edited(self, row: int, component: Component) -> None:
        stage = self._current_stage()
        if stage is None or self._scheme is None:
            return
        old = stage.components[row]
        components = list(stage.components)
        components[row] = component
        stage = replace(stage, components=tuple(components))
        if old.code and component.code != old.code:
            stage = replace(stage, ranking=_renamed(stage.ranking, old.code, component.code))
        scheme = self._with_stage(stage)
        if old.code and component.code != old.code:
            # A stage integrating this one may rank by the renamed component too.
            stages = [
                replace(other, ranking=_renamed(other.ranking, old.code, component.code))
                if other.integrates == stage.code
                else other
                for other in scheme.stages
            ]
            scheme = replace(scheme, stages=tuple(stages))
        self._apply(scheme)

    def _aspect_edited(self, row: int, aspect: Aspect) -> None:
        stage = self._current_stage()
        component_row = self._current_component_row()
        if stage is None or component_row < 0:
            return
        component = stage.components[component_row]
        aspects = list(component.aspects)
        aspects[row] = aspect
        self._replace_component(component_row, replace(component, aspects=tuple(aspects)))

    def _replace_component(self, row: int, component: Component, structure: bool = False) -> None:
        stage = self._current_stage()
        assert stage is not None
        components = list(stage.components)
        components[row] = component
        self._apply(self._with_stage(replace(stage, components=tuple(components))), structure)

    def _ranking_edited(self) -> None:
        stage = self._current_stage()
        if self._loading or stage is None or not self.editable:
            return
        ranking = tuple(
            self.ranking_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.ranking_list.count())
            if self.ranking_list.item(i).checkState() == Qt.CheckState.Checked
        )
        self._edit_stage(ranking=ranking)

    def _move_ranking(self, step: int) -> None:
        row = self.ranking_list.currentRow()
        target = row + step
        if not self.editable or row < 0 or not 0 <= target < self.ranking_list.count():
            return
        was_loading, self._loading = self._loading, True
        item = self.ranking_list.takeItem(row)
        self.ranking_list.insertItem(target, item)
        self.ranking_list.setCurrentRow(target)
        self._loading = was_loading
        self._ranking_edited()

    # --- adding and removing -------------------------------------------------------------

    def _free_code(self, stem: str, taken: set[str]) -> str:
        number = 1
        while f"{stem}{number}" in taken:
            number += 1
        return f"{stem}{number}"

    def _all_component_codes(self) -> set[str]:
        assert self._scheme is not None
        return {c.code for stage in self._scheme.stages for c in stage.components}

    def _add_stage(self) -> None:
        if not self.editable or self._scheme is None:
            return
        template = self._scheme.stages[-1] if self._scheme.stages else None
        codes = template.codes if template else StageCodes("L", "TL", "TMS", "TH", "TMS")
        stage = Stage(
            code=self._free_code("TAHAP", {s.code for s in self._scheme.stages}),
            name=self.tr("Tahap baru"),
            method=WEIGHTED,
            components=(
                Component(
                    code=self._free_code("KOMPONEN", self._all_component_codes()),
                    name=self.tr("Komponen baru"),
                    weight=Decimal(100),
                ),
            ),
            ranking=(KEY_FINAL,),
            codes=codes,
        )
        self._stage_row = len(self._scheme.stages)
        self._apply(replace(self._scheme, stages=(*self._scheme.stages, stage)), structure=True)
        self.stage_code_edit.setFocus()
        self.stage_code_edit.selectAll()

    def _remove_stage(self) -> None:
        stage = self._current_stage()
        if not self.editable or stage is None or self._scheme is None:
            return
        if not Dialogs.confirm(
            self,
            self.tr("Hapus tahap"),
            self.tr(
                "Hapus tahap {code} beserta komponennya dari skema? "
                "Perubahan baru tersimpan setelah Simpan skema."
            ).format(code=stage.code),
        ):
            return
        stages = tuple(s for i, s in enumerate(self._scheme.stages) if i != self._stage_row)
        self._stage_row = max(0, min(self._stage_row, len(stages) - 1))
        self._apply(replace(self._scheme, stages=stages), structure=True)

    def _add_component(self) -> None:
        stage = self._current_stage()
        if not self.editable or stage is None:
            return
        component = Component(
            code=self._free_code("KOMPONEN", self._all_component_codes()),
            name=self.tr("Komponen baru"),
        )
        self._apply(
            self._with_stage(replace(stage, components=(*stage.components, component))),
            structure=True,
        )
        index = self.component_model.index(len(stage.components), 0)
        self.component_table.setCurrentIndex(index)
        self.component_table.setFocus()

    def _remove_component(self) -> None:
        stage = self._current_stage()
        row = self._current_component_row()
        if not self.editable or stage is None or row < 0:
            return
        code = stage.components[row].code
        components = tuple(c for i, c in enumerate(stage.components) if i != row)
        self._apply(self._with_stage(replace(stage, components=components)), structure=True)
        if components:
            self.component_table.setCurrentIndex(
                self.component_model.index(min(row, len(components) - 1), 0)
            )
        self._say(
            self.tr("Komponen {code} dihapus dari skema; simpan untuk menetapkan.").format(
                code=code
            )
        )

    def _add_aspect(self) -> None:
        stage = self._current_stage()
        row = self._current_component_row()
        if not self.editable or stage is None or row < 0:
            return
        component = stage.components[row]
        taken = {a.code for a in component.aspects}
        aspect = Aspect(self._free_code("ASPEK", taken), self.tr("Aspek baru"), Decimal(0))
        self._replace_component(row, replace(component, aspects=(*component.aspects, aspect)))
        self.aspect_table.setCurrentIndex(self.aspect_model.index(len(component.aspects), 0))
        self.aspect_table.setFocus()

    def _remove_aspect(self) -> None:
        stage = self._current_stage()
        row = self._current_component_row()
        aspect_row = self.aspect_table.currentIndex().row()
        if not self.editable or stage is None or row < 0 or aspect_row < 0:
            return
        component = stage.components[row]
        aspects = tuple(a for i, a in enumerate(component.aspects) if i != aspect_row)
        self._replace_component(row, replace(component, aspects=aspects))

    # --- showing the scheme --------------------------------------------------------------

    def _render_all(self) -> None:
        self._render_title()
        self._render_stage_list(rebuild=True)
        self._render_stage()
        self._render_problems()
        self._update_editability()

    def _render_title(self) -> None:
        scheme = self._scheme
        if scheme is None:
            self.title_label.setText(self.tr("Belum ada seleksi."))
            return
        self.title_label.setText(
            self.tr("Skema <b>{name}</b> ({code}), jenis {kind}").format(
                name=_html(scheme.name), code=_html(scheme.code), kind=_html(scheme.kind)
            )
        )

    def _render_stage_list(self, rebuild: bool = False) -> None:
        stages = self._scheme.stages if self._scheme else ()
        was_loading, self._loading = self._loading, True
        if rebuild or self.stage_list.count() != len(stages):
            self.stage_list.clear()
            for _stage in stages:
                self.stage_list.addItem(QListWidgetItem())
        for position, stage in enumerate(stages):
            item = self.stage_list.item(position)
            count = self._marks.count_under(f"stages[{position}]")
            item.setText(f"{stage.code} — {stage.name}" + (f"  ⚠ {count}" if count else ""))
            item.setForeground(QBrush(QColor(ERROR_COLOUR)) if count else QBrush())
            tip = f"{stage.code} — {stage.name}"
            if count:
                tip += "\n" + self.tr("{count} masalah pada tahap ini.").format(count=count)
            item.setToolTip(tip)
        if stages and self.stage_list.currentRow() != self._stage_row:
            self.stage_list.setCurrentRow(self._stage_row)
        self._mark(self.stage_list, self._marks.at("stages"))
        self._loading = was_loading

    def _stage_chosen(self, row: int) -> None:
        if self._loading or row < 0:
            return
        self._stage_row = row
        self._render_stage(new_stage=True)

    def _render_stage(self, new_stage: bool = False) -> None:
        stage = self._current_stage()
        prefix = f"stages[{self._stage_row}]"
        if new_stage:
            # Text that was not a number is dropped; the field shows the stored value again.
            self._input_errors.clear()
            self._render_problems()
        was_loading, self._loading = self._loading, True
        try:
            self._render_stage_form(stage, prefix)
            for name, edit in self.code_edits.items():
                _set_text(edit, getattr(stage.codes, name) if stage else "")
                self._mark(edit, self._marks.at(f"{prefix}.codes.{name}"))
            component_row = self._current_component_row()
            self.component_model.set_records(
                stage.components if stage else (),
                self._marks.items_under(prefix, "components", self.component_model.keys),
            )
            # The allowed and passing values matter only to a categorical component (a
            # psychotest scored MS/TMS); without one the columns would only take room.
            categorical = bool(stage) and any(c.kind == CATEGORICAL for c in stage.components)
            for key in ("values", "passing"):
                self.component_table.setColumnHidden(
                    self.component_model.column_of(key), not categorical
                )
            if stage and stage.components:
                if new_stage or component_row < 0:
                    component_row = 0
                if self.component_table.currentIndex().row() != component_row:
                    self.component_table.setCurrentIndex(
                        self.component_model.index(component_row, 0)
                    )
            self._show_messages(
                self.component_table,
                self.component_message,
                self._marks.at(f"{prefix}.components"),
            )
            self.component_box.setTitle(
                self.tr("Komponen tahap {code}").format(code=stage.code)
                if stage
                else self.tr("Komponen")
            )
            self._render_ranking(stage, prefix)
            for tab, title, part in (
                (0, self.tr("Urutan peringkat"), f"{prefix}.ranking"),
                (1, self.tr("Kode status"), f"{prefix}.codes"),
            ):
                count = self._marks.count_under(part)
                self.side_tabs.setTabText(tab, f"{title}  ⚠ {count}" if count else title)
        finally:
            self._loading = was_loading
        self._render_aspects()

    def _render_stage_form(self, stage: Stage | None, prefix: str) -> None:
        _set_text(self.stage_code_edit, stage.code if stage else "")
        _set_text(self.stage_name_edit, stage.name if stage else "")
        self.method_box.setCurrentIndex(self.method_box.findData(stage.method) if stage else -1)
        self.multiplier_spin.setValue(stage.quota_multiplier if stage else 1)
        self.integrates_box.clear()
        self.integrates_box.addItem(self.tr("Tidak ada"), None)
        if stage and self._scheme:
            for earlier in self._scheme.stages[: self._stage_row]:
                self.integrates_box.addItem(earlier.code, earlier.code)
            if stage.integrates and self.integrates_box.findData(stage.integrates) < 0:
                self.integrates_box.addItem(stage.integrates, stage.integrates)
            self.integrates_box.setCurrentIndex(self.integrates_box.findData(stage.integrates))
        weight_key = f"{prefix}.integrate_weight"
        if weight_key not in self._input_errors:
            _set_text(
                self.integrate_weight_edit,
                decimal_text(stage.integrate_weight) if stage and stage.integrates else "",
            )
        self.integrate_weight_edit.setEnabled(bool(stage and stage.integrates))
        fields = {
            "code": self.stage_code_edit,
            "name": self.stage_name_edit,
            "method": self.method_box,
            "quota_multiplier": self.multiplier_spin,
            "integrates": self.integrates_box,
            "integrate_weight": self.integrate_weight_edit,
        }
        for name, widget in fields.items():
            texts = self._marks.at(f"{prefix}.{name}")
            if f"{prefix}.{name}" in self._input_errors:
                texts = [*texts, self._input_errors[f"{prefix}.{name}"]]
            self._mark(widget, texts)

    def _ranking_candidates(self, stage: Stage) -> dict[str, str]:
        """Every key the stage may rank by, with words saying what it means."""
        keys = {KEY_FINAL: self.tr("nilai akhir tahap ini")}
        keys |= {c.code: c.name for c in stage.components if c.is_numeric}
        if stage.integrates and self._scheme:
            for earlier in self._scheme.stages[: self._stage_row]:
                if earlier.code == stage.integrates:
                    keys[earlier.code] = self.tr("total {name}").format(name=earlier.name)
                    keys |= {c.code: c.name for c in earlier.components if c.is_numeric}
        keys[KEY_IPK] = self.tr("IPK atau rata-rata nilai ijazah")
        keys[KEY_AGE] = self.tr("usia, yang lebih tua didahulukan")
        keys[KEY_PRIORITY] = self.tr("kelompok prioritas, nomor kecil didahulukan")
        return keys

    def _render_ranking(self, stage: Stage | None, prefix: str) -> None:
        """Checked keys rank, top to bottom. The list is rebuilt only when it no longer
        shows the stage's keys: an unchecked key stays where the user left it."""
        candidates = self._ranking_candidates(stage) if stage else {}
        ranking = stage.ranking if stage else ()
        shown = [
            self.ranking_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.ranking_list.count())
        ]
        checked = tuple(
            key
            for i, key in enumerate(shown)
            if self.ranking_list.item(i).checkState() == Qt.CheckState.Checked
        )
        wanted = {*ranking, *candidates}
        if checked != ranking or len(shown) != len(wanted) or set(shown) != wanted:
            current = self.ranking_list.currentItem()
            current_key = current.data(Qt.ItemDataRole.UserRole) if current else None
            self.ranking_list.clear()
            for key in (*ranking, *(key for key in candidates if key not in ranking)):
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setCheckState(
                    Qt.CheckState.Checked if key in ranking else Qt.CheckState.Unchecked
                )
                self.ranking_list.addItem(item)
                if key == current_key:
                    self.ranking_list.setCurrentItem(item)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        position = 0
        for row in range(self.ranking_list.count()):
            item = self.ranking_list.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setFlags(flags)
            meaning = candidates.get(key, self.tr("tidak dikenal"))
            if item.checkState() == Qt.CheckState.Checked:
                texts = self._marks.at(f"{prefix}.ranking[{position}]")
                position += 1
                item.setText(f"{position}. {key} — {meaning}")
            else:
                texts = []
                item.setText(f"{key} — {meaning}")
            item.setBackground(QBrush(PROBLEM_BACKGROUND) if texts else QBrush())
            item.setToolTip("\n".join([f"{key} — {meaning}", *texts]))
        self._show_messages(
            self.ranking_list, self.ranking_message, self._marks.at(f"{prefix}.ranking")
        )

    def _render_aspects(self) -> None:
        stage = self._current_stage()
        row = self._current_component_row()
        component = stage.components[row] if stage and row >= 0 else None
        prefix = f"stages[{self._stage_row}].components[{row}]"
        self.aspect_model.set_records(
            component.aspects if component else (),
            self._marks.items_under(prefix, "aspects", self.aspect_model.keys) if component else {},
        )
        if component is None:
            self.aspect_box.setTitle(self.tr("Aspek rubrik"))
        else:
            self.aspect_box.setTitle(self.tr("Aspek rubrik {code}").format(code=component.code))
        self.aspect_hint.setVisible(component is not None and not component.aspects)
        texts = self._marks.at(f"{prefix}.aspects") if component else []
        self._show_messages(self.aspect_table, self.aspect_message, texts)
        self._update_editability()

    def _render_problems(self) -> None:
        self.problem_list.clear()
        problems = self.problems
        if problems:
            self.problem_title.setText(
                self.tr("Masalah ({count}); skema belum dapat disimpan:").format(
                    count=len(problems)
                )
            )
            self.problem_title.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
            for key, text in problems:
                item = QListWidgetItem(f"{key}: {text}")
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.problem_list.addItem(item)
            self.problem_list.setCurrentRow(-1)
        else:
            self.problem_title.setText(self.tr("Masalah: tidak ada."))
            self.problem_title.setStyleSheet("")
        self.problem_list.setVisible(bool(problems))
        self.problem_title.setVisible(bool(problems) or self.editable)
        self._update_buttons()

    def _update_editability(self) -> None:
        editable = self.editable
        if self._scheme is None:
            self.banner.hide()
        elif self._locked:
            self.banner.setText(self.tr("Skema terkunci karena nilai sudah dimasukkan."))
            self.banner.show()
        elif not self.context.can("admin"):
            self.banner.setText(self.tr("Hanya admin yang dapat mengubah skema penilaian."))
            self.banner.show()
        else:
            self.banner.hide()
        for edit in (self.stage_code_edit, self.stage_name_edit, *self.code_edits.values()):
            edit.setReadOnly(not editable)
        self.integrate_weight_edit.setReadOnly(not editable)
        self.multiplier_spin.setReadOnly(not editable)
        self.multiplier_spin.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.UpDownArrows
            if editable
            else QAbstractSpinBox.ButtonSymbols.NoButtons
        )
        self.method_box.setEnabled(editable)
        self.integrates_box.setEnabled(editable)
        for model, table in (
            (self.component_model, self.component_table),
            (self.aspect_model, self.aspect_table),
        ):
            if model.editable != editable:
                model.set_editable(editable)
            table.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed
                if editable
                else QAbstractItemView.EditTrigger.NoEditTriggers
            )
        has_component = self._current_component_row() >= 0
        for button, visible in (
            (self.add_stage_button, True),
            (self.remove_stage_button, self._stage_count() > 0),
            (self.add_component_button, self._current_stage() is not None),
            (self.remove_component_button, has_component),
            (self.add_aspect_button, has_component),
            (self.remove_aspect_button, self.aspect_model.rowCount() > 0),
            (self.up_button, True),
            (self.down_button, True),
            (self.revert_button, True),
            (self.save_button, True),
        ):
            button.setVisible(editable)
            button.setEnabled(editable and visible)
        self._update_buttons()

    def _update_buttons(self) -> None:
        can_save = self.editable and not self.problems and self.dirty
        self.save_button.setEnabled(can_save)
        self.revert_button.setEnabled(self.editable and self.dirty)
        self.export_button.setEnabled(self._scheme is not None and not self.problems)

    def _mark(self, widget: QWidget, texts: Sequence[str]) -> None:
        """A red outline and the messages as tooltip; the widget's own tip otherwise."""
        problem = bool(texts)
        if widget.property("problem") != problem:
            widget.setProperty("problem", problem)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if problem:
            if widget.property("plainTip") is None:
                widget.setProperty("plainTip", widget.toolTip())
            widget.setToolTip("\n".join(texts))
        elif widget.property("plainTip") is not None:
            widget.setToolTip(widget.property("plainTip"))
            widget.setProperty("plainTip", None)

    def _show_messages(self, widget: QWidget, label: QLabel, texts: Sequence[str]) -> None:
        self._mark(widget, texts)
        label.setText("\n".join(texts))
        label.setVisible(bool(texts))

    def _refused(self, text: str) -> None:
        self._say(text, ERROR_COLOUR)

    def _say(self, text: str, colour: str = OK_COLOUR) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {colour};")

    # --- going to a problem --------------------------------------------------------------

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        match = _STAGE_PATH.fullmatch(key)
        if match is None:
            return
        row = int(match.group(1))
        if row < self._stage_count():
            self.stage_list.setCurrentRow(row)
        rest = match.group(2) or ""
        item_match = _ITEM_PATH.match(rest)
        if item_match and item_match.group(1) == "components":
            component = int(item_match.group(2))
            detail = item_match.group(3) or "code"
            column = max(0, self.component_model.column_of(detail))
            self.component_table.setCurrentIndex(self.component_model.index(component, column))
            self.component_table.setFocus()
            aspect = re.match(r"aspects\[(\d+)\]\.(\w+)", detail)
            if aspect:
                self.aspect_table.setCurrentIndex(
                    self.aspect_model.index(
                        int(aspect.group(1)), max(0, self.aspect_model.column_of(aspect.group(2)))
                    )
                )
                self.aspect_table.setFocus()
            return
        targets: dict[str, QWidget] = {
            "code": self.stage_code_edit,
            "name": self.stage_name_edit,
            "method": self.method_box,
            "quota_multiplier": self.multiplier_spin,
            "integrates": self.integrates_box,
            "integrate_weight": self.integrate_weight_edit,
            "components": self.component_table,
        }
        targets |= {f"codes.{name}": edit for name, edit in self.code_edits.items()}
        if rest.startswith("ranking"):
            self.ranking_list.setFocus()
        elif rest in targets:
            targets[rest].setFocus()

    # --- saving and exporting ------------------------------------------------------------

    def _save(self) -> None:
        selection_id = self.context.selection_id
        if not self.editable or self._scheme is None or selection_id is None or self.problems:
            return
        try:
            saved = save_scheme(
                self.context.database, self.context.actor, selection_id, self._scheme
            ).value
        except SchemeProblems as error:
            self._marks = ProblemMarks(error.problems)
            self._render_problems()
            self._say(error.text(), ERROR_COLOUR)
            return
        except UserError as error:
            self._say(error.text(), ERROR_COLOUR)
            return
        self._saved = saved
        self._apply(saved, structure=True)
        self._say(self.tr("Skema disimpan."))
        self._announcing = True
        try:
            self.context.changes.announce(SCHEME)
        finally:
            self._announcing = False

    def _export(self) -> None:
        if self._scheme is None or self.problems:
            return
        path = Dialogs.save_file(
            self,
            self.tr("Ekspor skema penilaian"),
            self.tr("Berkas skema TOML (*.toml)"),
            f"{self._scheme.code}.toml",
        )
        if path is None:
            return
        try:
            path.write_text(scheme_as_toml(self._scheme), encoding="utf-8")
        except OSError as error:
            self._say(
                self.tr("Berkas {path} tidak dapat ditulis: {reason}").format(
                    path=path, reason=error.strerror or error
                ),
                ERROR_COLOUR,
            )
            return
        self._say(self.tr("Skema diekspor ke {path}.").format(path=path))


def _renamed(keys: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    return tuple(new if key == old else key for key in keys)


def _elide(view: QListWidget) -> None:
    """Long names end in "…" (the full text is the tooltip) instead of a horizontal scroll."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setWordWrap(False)


def _set_text(edit: QLineEdit, text: str) -> None:
    """Only when different: resetting the text would move the cursor of a user typing."""
    if edit.text() != text:
        edit.setText(text)
        if not edit.hasFocus():
            edit.setCursorPosition(0)  # show the start of a long name, not its end


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
