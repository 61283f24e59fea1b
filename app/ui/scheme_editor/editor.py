"""The scheme editor: the panels over one draft, loading it, saving it and exporting it.

The draft (``draft.py``) holds the scheme and the scoring package's verdict on it; the editor
shows that verdict everywhere at once: a red outline and the message at the field, every
problem with its key in a list at the bottom, and "Simpan skema" disabled until the list is
empty. Once a score exists the scheme is read-only, because changing a weight or range would
silently change results.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.scoring import Aspect, Component
from app.services.errors import UserError
from app.services.permissions import Action
from app.services.scheme_edit import (
    SchemeProblems,
    current_scheme,
    save_scheme,
    scheme_as_toml,
    scheme_locked,
)

from ..context import SCHEME, SCORES, AppContext, Changes
from ..dialogs import Dialogs
from ..operations import ServiceOp
from .aspects import AspectPanel
from .codes import CodesPanel
from .components import ComponentPanel
from .draft import ITEM_PATH, STAGE_PATH, SchemeDraft, problem_place
from .problems import ProblemPanel
from .ranking import RankingPanel
from .stages import StagePanel
from .style import ERROR_COLOUR, NOTE_COLOUR, OK_COLOUR, PROBLEM_STYLE


class SchemeEditor(QWidget):
    """Shows the selection's scheme and, for an admin before scoring starts, edits it.

    ``draft`` is the state (the stored scheme and the one on screen); the panels show it and
    report what the user did, and every report goes through one method here that changes the
    draft and shows the result.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.draft = SchemeDraft()
        self._locked = False
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

        self.stages = StagePanel()
        self.components = ComponentPanel()
        self.aspects = AspectPanel()
        self.ranking = RankingPanel()
        self.codes = CodesPanel()
        self.problem_panel = ProblemPanel()

        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.setChildrenCollapsible(False)
        columns.addWidget(self.stages)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        right.addWidget(self.components)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.setChildrenCollapsible(False)
        lower.addWidget(self.aspects)
        # Ranking order and status codes share one place: both are short, and the rubric
        # next to them needs the width for its descriptions.
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.ranking, "")
        self.side_tabs.addTab(self.codes, "")
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
        layout.addWidget(self.problem_panel)

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

        self.stages.chosen.connect(self._stage_chosen)
        self.stages.add_button.clicked.connect(self._add_stage)
        self.stages.remove_button.clicked.connect(self._remove_stage)
        self.stages.edited.connect(lambda changes: self._edit_stage(**changes))
        self.stages.code_edited.connect(self._stage_code_edited)
        self.stages.weight_edited.connect(self._integrate_weight_edited)
        self.components.model.edited.connect(self._component_edited)
        self.components.model.refused.connect(self._refused)
        self.components.table.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self._render_aspects()
        )
        self.components.add_button.clicked.connect(self._add_component)
        self.components.remove_button.clicked.connect(self._remove_component)
        self.aspects.model.edited.connect(self._aspect_edited)
        self.aspects.model.refused.connect(self._refused)
        self.aspects.add_button.clicked.connect(self._add_aspect)
        self.aspects.remove_button.clicked.connect(self._remove_aspect)
        self.ranking.edited.connect(lambda keys: self._edit_stage(ranking=keys))
        self.codes.edited.connect(self._code_edited)
        self.problem_panel.go_to.connect(self._go_to_problem)

    # --- loading -------------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return (
            self.context.may(Action.EDIT_SCHEME)
            and not self._locked
            and self.draft.scheme is not None
        )

    @property
    def dirty(self) -> bool:
        return self.draft.dirty

    @property
    def problems(self) -> list[tuple[str, str]]:
        """``(key, text)`` of every problem on screen, including numbers that do not parse."""
        return self.draft.problems

    def reload(self) -> None:
        """Show the scheme as stored, discarding unsaved edits."""
        selection_id = self.context.selection_id
        self._selection_id = selection_id
        if selection_id is None:
            self.draft.load(None)
            self._locked = False
        else:
            self.draft.load(current_scheme(self.context.database, selection_id))
            self._locked = scheme_locked(self.context.database, selection_id)
        self._render_all()
        self._say("")

    def refresh(self) -> None:
        """Re-read the lock; keep unsaved edits unless they can no longer be saved."""
        selection_id = self.context.selection_id
        if (
            selection_id is None
            or selection_id != self._selection_id
            or self.draft.scheme is None
            or not self.dirty
        ):
            self.reload()
            return
        self._locked = scheme_locked(self.context.database, selection_id)
        if self._locked:
            self.reload()
        else:
            self._update_editability()

    def _on_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        if initiator is self:  # our own save: the editor already shows it
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

    def _component_row(self) -> int:
        return self.components.current_row(self.draft)

    # --- applying an edit ----------------------------------------------------------------

    def _applied(self, structure: bool = False) -> None:
        """Show the draft's new scheme and its verdict everywhere."""
        if structure:
            self._render_all()
        else:
            self.stages.render_list(self.draft)
            self._render_stage()
            self._render_problems()
        self._say(self.tr("Perubahan belum disimpan.") if self.dirty else "", NOTE_COLOUR)

    def _edit_stage(self, **changes: Any) -> None:
        if self.editable and self.draft.edit_stage(**changes):
            self._applied()

    def _stage_code_edited(self, text: str) -> None:
        if self.draft.stage is None or not self.editable:
            return
        self.stages.show_code(self.draft.set_stage_code(text))
        self._applied()

    def _integrate_weight_edited(self, text: str) -> None:
        if not self.editable:
            return
        before = self.draft.scheme
        if not self.draft.set_integrate_weight(text):
            self._render_stage()
            self._render_problems()
        elif self.draft.scheme != before:
            self._applied()

    def _code_edited(self, name: str, text: str) -> None:
        if self.editable and self.draft.set_code(name, text):
            self._applied()

    def _component_edited(self, row: int, component: Component) -> None:
        if self.draft.stage is None:
            return
        self.draft.set_component(row, component)
        self._applied()

    def _aspect_edited(self, row: int, aspect: Aspect) -> None:
        component_row = self._component_row()
        if self.draft.stage is None or component_row < 0:
            return
        self.draft.set_aspect(component_row, row, aspect)
        self._applied()

    # --- adding and removing -------------------------------------------------------------

    def _add_stage(self) -> None:
        if not self.editable:
            return
        self.draft.add_stage(self.tr("Tahap baru"), self.tr("Komponen baru"))
        self._applied(structure=True)
        self.stages.code_edit.setFocus()
        self.stages.code_edit.selectAll()

    def _remove_stage(self) -> None:
        stage = self.draft.stage
        if not self.editable or stage is None:
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
        self.draft.remove_stage()
        self._applied(structure=True)

    def _add_component(self) -> None:
        if not self.editable or self.draft.stage is None:
            return
        row = self.draft.add_component(self.tr("Komponen baru"))
        self._applied(structure=True)
        self.components.select(row)
        self.components.table.setFocus()

    def _remove_component(self) -> None:
        row = self._component_row()
        if not self.editable or row < 0:
            return
        code = self.draft.remove_component(row)
        self._applied(structure=True)
        stage = self.draft.stage
        if stage is not None and stage.components:
            self.components.select(min(row, len(stage.components) - 1))
        self._say(
            self.tr("Komponen {code} dihapus dari skema; simpan untuk menetapkan.").format(
                code=code
            )
        )

    def _add_aspect(self) -> None:
        row = self._component_row()
        if not self.editable or row < 0:
            return
        aspect_row = self.draft.add_aspect(row, self.tr("Aspek baru"))
        self._applied()
        self.aspects.select(aspect_row)
        self.aspects.table.setFocus()

    def _remove_aspect(self) -> None:
        row = self._component_row()
        aspect_row = self.aspects.current_row()
        if not self.editable or row < 0 or aspect_row < 0:
            return
        self.draft.remove_aspect(row, aspect_row)
        self._applied()

    # --- showing the scheme --------------------------------------------------------------

    def _render_all(self) -> None:
        self._render_title()
        self.stages.render_list(self.draft, rebuild=True)
        self._render_stage()
        self._render_problems()
        self._update_editability()

    def _render_title(self) -> None:
        scheme = self.draft.scheme
        if scheme is None:
            self.title_label.setText(self.tr("Belum ada seleksi."))
            return
        self.title_label.setText(
            self.tr("Skema <b>{name}</b> ({code}), jenis {kind}").format(
                name=_html(scheme.name), code=_html(scheme.code), kind=_html(scheme.kind)
            )
        )

    def _stage_chosen(self, row: int) -> None:
        self.draft.choose_stage(row)
        self._render_problems()  # text that was not a number went with the old stage
        self._render_stage(new_stage=True)

    def _render_stage(self, new_stage: bool = False) -> None:
        prefix = self.draft.stage_prefix
        self.stages.render_form(self.draft)
        self.codes.show_draft(self.draft)
        self.components.show_draft(self.draft, new_stage)
        self.ranking.show_draft(self.draft, self.editable)
        marks = self.draft.marks
        for tab, title, part in (
            (0, self.tr("Urutan peringkat"), f"{prefix}.ranking"),
            (1, self.tr("Kode status"), f"{prefix}.codes"),
        ):
            count = marks.count_under(part)
            self.side_tabs.setTabText(tab, f"{title}  ⚠ {count}" if count else title)
        self._render_aspects()

    def _render_aspects(self) -> None:
        self.aspects.show_draft(self.draft, self._component_row())
        self._update_editability()

    def _render_problems(self) -> None:
        scheme = self.draft.scheme
        self.problem_panel.show_problems(
            self.problems, self.editable, lambda key: problem_place(scheme, key)
        )
        self._update_buttons()

    def _update_editability(self) -> None:
        editable = self.editable
        if self.draft.scheme is None:
            self.banner.hide()
        elif self._locked:
            self.banner.setText(self.tr("Skema terkunci karena nilai sudah dimasukkan."))
            self.banner.show()
        elif not self.context.may(Action.EDIT_SCHEME):
            self.banner.setText(self.tr("Hanya admin yang dapat mengubah skema penilaian."))
            self.banner.show()
        else:
            self.banner.hide()
        for panel in (self.stages, self.codes, self.components, self.aspects, self.ranking):
            panel.set_editable(editable)
        has_component = self._component_row() >= 0
        for button, visible in (
            (self.stages.add_button, True),
            (self.stages.remove_button, self.draft.stage_count > 0),
            (self.components.add_button, self.draft.stage is not None),
            (self.components.remove_button, has_component),
            (self.aspects.add_button, has_component),
            (self.aspects.remove_button, self.aspects.model.rowCount() > 0),
            (self.ranking.up_button, True),
            (self.ranking.down_button, True),
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
        self.export_button.setEnabled(self.draft.scheme is not None and not self.problems)

    def _refused(self, text: str) -> None:
        self._say(text, ERROR_COLOUR)

    def _say(self, text: str, colour: str = OK_COLOUR) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {colour};")

    # --- going to a problem --------------------------------------------------------------

    def _go_to_problem(self, key: str) -> None:
        match = STAGE_PATH.fullmatch(key)
        if match is None:
            return
        row = int(match.group(1))
        if row < self.draft.stage_count:
            self.stages.stage_list.setCurrentRow(row)
        rest = match.group(2) or ""
        item_match = ITEM_PATH.match(rest)
        if item_match and item_match.group(1) == "components":
            component = int(item_match.group(2))
            detail = item_match.group(3) or "code"
            self.components.select(component, max(0, self.components.model.column_of(detail)))
            self.components.table.setFocus()
            aspect = re.match(r"aspects\[(\d+)\]\.(\w+)", detail)
            if aspect:
                self.aspects.select(
                    int(aspect.group(1)), max(0, self.aspects.model.column_of(aspect.group(2)))
                )
                self.aspects.table.setFocus()
            return
        targets: dict[str, QWidget] = {**self.stages.fields, "components": self.components.table}
        targets |= {f"codes.{name}": edit for name, edit in self.codes.code_edits.items()}
        if rest.startswith("ranking"):
            self.ranking.ranking_list.setFocus()
        elif rest in targets:
            targets[rest].setFocus()

    # --- saving and exporting ------------------------------------------------------------

    def _save(self) -> None:
        selection_id = self.context.selection_id
        scheme = self.draft.scheme
        if not self.editable or scheme is None or selection_id is None or self.problems:
            return
        try:
            database, actor = self.context.database, self.context.actor
            saved = (
                ServiceOp(
                    self, self.context, lambda: save_scheme(database, actor, selection_id, scheme)
                )
                .run_now()
                .value
            )
        except SchemeProblems as error:
            self.draft.show_problems(error.problems)
            self._render_problems()
            self._say(error.text(), ERROR_COLOUR)
            return
        except UserError as error:
            self._say(error.text(), ERROR_COLOUR)
            return
        self.draft.stored(saved)
        self._applied(structure=True)
        self._say(self.tr("Skema disimpan."))

    def _export(self) -> None:
        scheme = self.draft.scheme
        if scheme is None or self.problems:
            return
        path = Dialogs.save_file(
            self,
            self.tr("Ekspor skema penilaian"),
            self.tr("Berkas skema TOML (*.toml)"),
            f"{scheme.code}.toml",
        )
        if path is None:
            return
        try:
            path.write_text(scheme_as_toml(scheme), encoding="utf-8")
        except OSError as error:
            self._say(
                self.tr("Berkas {path} tidak dapat ditulis: {reason}").format(
                    path=path, reason=error.strerror or error
                ),
                ERROR_COLOUR,
            )
            return
        self._say(self.tr("Skema diekspor ke {path}.").format(path=path))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
