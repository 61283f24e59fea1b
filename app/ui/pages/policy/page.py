"""The Rancangan Kebijakan page: drafting a new scheme, with stakeholders, on the record
(issue #14).

For the drafting team (admin and the tim monev, ``Action.DRAFT_POLICY``). On the left the
drafts of the selection; a new one starts as a copy of the selection's scheme. On the right,
per draft, its scheme beside today's (weights, thresholds, tie-break order) with every rule
it breaks named, and its FGD: the respondents heard (typed in a form with a slider per pair,
or imported from the workbook of a paper round), their consistency, and the weights the
group gives, proposed into the draft with one button. "Jadikan skema…" (the admin's,
``Action.ADOPT_POLICY``) writes a valid draft as the scheme file a new selection uses; the
selection the draft came from never changes. Everything goes through
``services.policy_drafts``; the page only asks and shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.scoring import Scheme
from app.services.changes import POLICY, SCHEME, SELECTION
from app.services.errors import UserError
from app.services.permissions import Action
from app.services.policy_drafts import (
    AdoptedScheme,
    DraftInfo,
    adopt_draft,
    draft_problems,
    list_drafts,
    load_draft,
    save_draft_scheme,
)
from app.services.policy_report import policy_report_pdf
from app.services.scheme_edit import SchemeProblems, current_scheme

from ...context import AppContext, Changes
from ...dialogs import Dialogs
from ...location import location_key
from ...numbers import count_text
from ...operations import QueryOp, ServiceOp
from ..monev.page import MonevPreferences
from .draft_dialog import NewDraftDialog
from .fgd_tab import FgdTab
from .scheme_tab import SchemeTab
from .simulation_tab import SimulationTab


class PolicyPage(QWidget):
    """``drafts_view``, ``new_button``, ``adopt_button``, ``report_button``, ``tabs``
    (``scheme_tab``, ``fgd_tab``, ``simulation_tab``), ``status_label``; ``drafts`` is what
    the list shows, ``current`` the chosen draft."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.drafts: list[DraftInfo] = []
        self.current: DraftInfo | None = None
        self.today: Scheme | None = None
        self._stale = True

        self.drafts_view = QListWidget()
        self.drafts_view.setWordWrap(True)  # a draft's name and state, never cut off
        self.drafts_view.currentItemChanged.connect(lambda *_: self._chosen())
        self.new_button = QPushButton(self.tr("Rancangan baru…"))
        self.new_button.clicked.connect(self.new_draft)
        self.new_button.setVisible(context.may(Action.DRAFT_POLICY))
        self.adopt_button = QPushButton(self.tr("Jadikan skema…"))
        self.adopt_button.setToolTip(
            self.tr(
                "Tulis rancangan yang memenuhi setiap aturan sebagai berkas skema untuk seleksi"
                " baru; tercatat di jejak audit dengan sidik jari berkasnya."
            )
        )
        self.adopt_button.clicked.connect(self.adopt)
        self.adopt_button.setVisible(context.may(Action.ADOPT_POLICY))
        self.report_button = QPushButton(self.tr("Laporan PDF…"))
        self.report_button.setToolTip(
            self.tr(
                "Laporan Penyusunan Kebijakan untuk diskusi: bobot saat ini dan rancangan, hasil"
                " FGD, simulasi pada nilai seleksi ini, dan apakah rancangan dapat dijadikan skema."
            )
        )
        self.report_button.clicked.connect(self.write_report)
        self.report_button.setVisible(context.may(Action.SEE_EVALUATION))
        self._writing = False
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Rancangan kebijakan")))
        left_layout.addWidget(self.drafts_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.adopt_button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.report_button)

        self.scheme_tab = SchemeTab()
        self.scheme_tab.save_requested.connect(self.save_scheme)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.scheme_tab, self.tr("Skema rancangan"))
        self.fgd_tab = FgdTab(self.context)
        self.fgd_tab.draft_changed.connect(lambda draft_id: self.reload(keep=draft_id))
        self.tabs.addTab(self.fgd_tab, self.tr("FGD (AHP)"))
        self.simulation_tab = SimulationTab(self.context)
        self.tabs.addTab(self.simulation_tab, self.tr("Simulasi"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([240, 1060])
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Rancangan skema baru, disusun bersama pemangku kepentingan dan dicoba pada"
                " seleksi ini sebelum dipakai. Skema seleksi ini sendiri tidak pernah berubah."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        context.changes.changed.connect(self._data_changed)
        context.changes.selection_switched.connect(lambda _id: self._mark_stale())

    # -- reading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def _data_changed(self, changes: Changes, _initiator: QObject | None) -> None:
        if changes.touches(POLICY, SCHEME, SELECTION):
            self._mark_stale()

    def refresh(self) -> None:
        """What every page offers the window (``RefreshablePage``): read again now."""
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        """The drafts of the selection; ``keep`` (default: the chosen one) stays chosen."""
        self._stale = False
        wanted = keep if keep is not None else (self.current.id if self.current else None)
        selection_id = self.context.selection_id
        database = self.context.database
        self.drafts = [] if selection_id is None else list_drafts(database, selection_id)
        self.today = None if selection_id is None else current_scheme(database, selection_id)
        self.drafts_view.blockSignals(True)
        self.drafts_view.clear()
        for draft in self.drafts:
            mark = (
                self.tr(" (dijadikan skema)")
                if draft.adopted
                else self.tr(" (%1 aturan dilanggar)").replace(
                    "%1", str(len(draft_problems(draft)))
                )
                if draft_problems(draft)
                else ""
            )
            item = QListWidgetItem(f"{draft.id}. {draft.name}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, draft.id)
            self.drafts_view.addItem(item)
            if draft.id == wanted:
                self.drafts_view.setCurrentItem(item)
        if self.drafts_view.currentItem() is None and self.drafts:
            self.drafts_view.setCurrentRow(self.drafts_view.count() - 1)
        self.drafts_view.blockSignals(False)
        self.new_button.setEnabled(selection_id is not None)
        self._chosen()

    def _chosen(self) -> None:
        item = self.drafts_view.currentItem()
        wanted = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.current = next((d for d in self.drafts if d.id == wanted), None)
        self.scheme_tab.show_draft(self.current, self.today)
        self.fgd_tab.show_draft(self.current)
        self.simulation_tab.show_draft(self.current)
        current = self.current
        self.adopt_button.setEnabled(
            current is not None and not current.adopted and not draft_problems(current)
        )
        self.report_button.setEnabled(current is not None and not self._writing)

    # -- actions ------------------------------------------------------------------------------

    def new_draft(self) -> NewDraftDialog | None:
        if self.context.selection_id is None or not self.context.may(Action.DRAFT_POLICY):
            return None
        stages = [(s.code, s.name) for s in (self.today.stages if self.today else ())]
        dialog = NewDraftDialog(self.context, stages, self)
        dialog.accepted.connect(lambda: self.reload(keep=dialog.saved.id if dialog.saved else None))
        dialog.setModal(True)
        dialog.show()
        return dialog

    def save_scheme(self, scheme: Scheme) -> None:
        draft = self.current
        if draft is None:
            return
        database, actor = self.context.database, self.context.actor
        try:
            saved = ServiceOp(
                self, self.context, lambda: save_draft_scheme(database, actor, draft.id, scheme)
            ).run_now()
        except UserError as error:
            self.status_label.setText(error.text())
            return
        problems = draft_problems(saved)
        self.status_label.setText(
            self.tr("Rancangan disimpan.")
            if not problems
            else self.tr("Rancangan disimpan; %1 aturan masih dilanggar.").replace(
                "%1", str(len(problems))
            )
        )
        self.reload(keep=saved.id)

    def adopt(self) -> None:
        draft = self.current
        if draft is None or not self.adopt_button.isEnabled():
            return
        path = Dialogs.save_file(
            self,
            self.tr("Jadikan skema"),
            self.tr("Skema seleksi (*.toml)"),
            f"skema-{draft.name}.toml".lower().replace(" ", "-"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".toml":
            path = path.with_name(path.name + ".toml")
        database, actor = self.context.database, self.context.actor
        try:
            adopted: AdoptedScheme = ServiceOp(
                self, self.context, lambda: adopt_draft(database, actor, draft.id, path)
            ).run_now()
        except SchemeProblems as refused:
            self.status_label.setText(refused.text())
            return
        except UserError as error:
            self.status_label.setText(error.text())
            return
        self.status_label.setText(
            self.tr("Rancangan dijadikan skema: %1 (SHA-256 %2). Seleksi baru dapat memakainya.")
            .replace("%1", str(adopted.path))
            .replace("%2", adopted.sha256[:16] + "…")
        )
        self.reload(keep=load_draft(database, draft.id).id)

    def write_report(self) -> None:
        """Ask for a file name and write the chosen draft's Laporan Penyusunan Kebijakan off
        the GUI thread (the simulation reads every stored score)."""
        draft = self.current
        if draft is None or self._writing:
            return
        suggested = f"laporan-kebijakan-{draft.name}.pdf".lower().replace(" ", "-")
        path = Dialogs.save_file(
            self, self.tr("Laporan Penyusunan Kebijakan"), self.tr("Dokumen PDF (*.pdf)"), suggested
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        database, actor = self.context.database, self.context.actor
        # As the FGD tab shows it, and with the regency code the Monev page keeps for this
        # file: the report says what the team is looking at.
        exclude = self.fgd_tab.exclude_box.isChecked()
        local_code = MonevPreferences(location_key(database)).local_code
        self._writing = True
        self.report_button.setEnabled(False)
        self.status_label.setText(self.tr("Menulis laporan…"))

        def work() -> tuple[Path, int]:
            report = policy_report_pdf(
                database, actor, draft.id, exclude_inconsistent=exclude, local_code=local_code
            )
            return path, report.save(path)

        QueryOp(self, work).success(self._report_written).failure(
            self._report_failed
        ).run_in_background(self.tr("Laporan Penyusunan Kebijakan"))

    def _report_written(self, written: tuple[Path, int]) -> None:
        self._writing = False
        self.report_button.setEnabled(self.current is not None)
        path, pages = written
        self.status_label.setText(
            self.tr("Laporan ditulis: %1 (%2 halaman)")
            .replace("%1", str(path))
            .replace("%2", count_text(pages))
        )

    def _report_failed(self, error: Exception) -> None:
        self._writing = False
        self.report_button.setEnabled(self.current is not None)
        self.status_label.setText(error.text() if isinstance(error, UserError) else str(error))
