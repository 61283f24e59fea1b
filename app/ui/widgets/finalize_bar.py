"""The finalization of one stage: a badge for everyone, Finalize and Reopen for admins.

A host page (the Rankings page today) says which stage and formation it shows and hands over
the ``FinalizationStatus`` it read with its data (``show_status``), so the badge always
matches the table beside it. The bar runs the two writes itself through ``ServiceOp``:
their ``Changes`` reach every page (score sheets become read-only or editable again), with
this bar as initiator.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.errors import UserError
from app.services.finalization import (
    FinalizationStatus,
    FinalizeResult,
    finalization_status,
    finalize,
    reopen,
)
from app.services.permissions import Action
from app.services.ties import decide_tie, list_ties

from ..context import AppContext
from ..dialogs import Dialogs
from ..icons import icon
from ..numbers import count_text
from ..operations import ServiceOp
from ..tie_dialog import TieDialog

log = logging.getLogger(__name__)


class FinalizeBar(QWidget):
    """``status`` is the stage shown (``None``: nothing shown, the bar is empty);
    ``formation`` the formation shown, ``None`` for every formation. ``finalize_button`` and
    ``reopen_button`` exist for everyone but are visible to those allowed only."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.status: FinalizationStatus | None = None
        self.formation: str | None = None
        self._available = False
        self._writing = False

        self.final_icon = QLabel()
        self.final_badge = QLabel()
        self.final_badge.setObjectName("finalBadge")
        self.final_detail = QLabel()
        self.final_detail.setStyleSheet("color: #3d4452;")
        self.finalize_button = QPushButton(icon("lock"), "")
        self.reopen_button = QPushButton(icon("unlock"), "")
        self.tie_button = QPushButton(icon("lock"), "")
        self.tie_button.setVisible(context.may(Action.DECIDE_TIE))
        self.finalize_button.setVisible(context.may(Action.FINALIZE))
        self.reopen_button.setVisible(context.may(Action.REOPEN))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.final_icon)
        row.addWidget(self.final_badge)
        row.addWidget(self.final_detail, 1)
        row.addWidget(self.tie_button)
        row.addWidget(self.finalize_button)
        row.addWidget(self.reopen_button)
        self.tie_button.clicked.connect(self.decide_tie_shown)
        self.finalize_button.clicked.connect(self.finalize_shown)
        self.reopen_button.clicked.connect(self.reopen_shown)
        self._retranslate()

    # -- what the host says ------------------------------------------------------------------

    def show_status(self, status: FinalizationStatus | None, formation: str | None) -> None:
        """The stage's state as the host read it, and the formation it shows (or all)."""
        self.status = status
        self.formation = formation
        self._show()

    def set_available(self, available: bool) -> None:
        """Whether the host offers the actions now (not while nothing is shown or it exports)."""
        self._available = available
        self._update_buttons()

    def scope(self) -> set[str]:
        """The formations the buttons act on: the one shown, or every formation."""
        if self.status is None:
            return set()
        if self.formation is not None:
            return {self.formation}
        return set(self.status.formations)

    # -- showing -------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.tie_button.setText(self.tr("Putuskan SERI…"))
        self.tie_button.setToolTip(
            self.tr(
                "Mencatat keputusan panitia atas nilai sama persis di batas kebutuhan: siapa yang"
                " mengisi kursi, alasannya, dan rujukan berita acara."
            )
        )
        self.finalize_button.setText(self.tr("Finalisasi…"))
        self.finalize_button.setToolTip(
            self.tr(
                "Mengunci hasil tahap ini untuk formasi yang dipilih (atau semua formasi): "
                "nilainya tidak dapat diubah lagi, dan pengumuman dapat diterbitkan."
            )
        )
        self.reopen_button.setText(self.tr("Buka kembali…"))
        self.reopen_button.setToolTip(
            self.tr("Membuka kembali hasil yang sudah final; alasannya dicatat di jejak audit.")
        )
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _show(self) -> None:
        """The badge: "Final" for the formation shown, else "12 dari 30 formasi final"."""
        status = self.status
        for widget in (self.final_icon, self.final_badge, self.final_detail):
            widget.setVisible(status is not None)
        self._update_buttons()
        if status is None:
            return
        detail = ""
        if self.formation is not None:
            locked_by = status.locked.get(self.formation)
            done = locked_by is not None
            badge = self.tr("Final") if done else self.tr("Belum final")
            if locked_by == status.stage:
                detail = self.tr(
                    "Nilai tahap {stage} formasi {formation} tidak dapat diubah."
                ).format(stage=status.stage, formation=self.formation)
            elif done:
                detail = self.tr(
                    "Terkunci karena tahap {later} formasi ini sudah final; nilainya tidak "
                    "dapat diubah."
                ).format(later=locked_by)
        else:
            count, total = len(status.final), len(status.formations)
            done = bool(total) and count == total
            badge = self.tr("{count} dari {total} formasi final").format(
                count=count_text(count), total=count_text(total)
            )
            later = len(set(status.locked) - status.final)
            if later:
                detail = self.tr("{count} formasi lain terkunci oleh tahap berikutnya.").format(
                    count=count_text(later)
                )
        colours = ("#e3f1e5", "#8fc79a", "#1b5e20") if done else ("#f1f3f4", "#c4c7cc", "#3d4452")
        self.final_badge.setStyleSheet(
            f"#finalBadge {{ background: {colours[0]}; border: 1px solid {colours[1]};"
            f" color: {colours[2]}; border-radius: 3px; padding: 1px 8px; font-weight: 600; }}"
        )
        self.final_badge.setText(badge)
        self.final_icon.setPixmap(icon("lock" if done else "unlock").pixmap(16, 16))
        self.final_detail.setText(detail)

    def _update_buttons(self) -> None:
        enabled = self._available and not self._writing
        scope = self.scope()
        final = self.status.final if self.status is not None else frozenset()
        self.tie_button.setEnabled(enabled and bool(scope - final))
        self.finalize_button.setEnabled(enabled and bool(scope - final))
        self.reopen_button.setEnabled(enabled and bool(scope & final))

    # -- the two writes ------------------------------------------------------------------------

    def finalize_shown(self) -> None:
        """Finalize the shown stage for the shown formation (or every formation), after the
        admin confirmed that its scores become read-only."""
        selection_id = self.context.selection_id
        scope = self.scope()
        if selection_id is None or self.status is None or not scope:
            return
        stage = self.status.stage
        formation = self.formation
        where = (
            self.tr("formasi {formation}").format(formation=formation)
            if formation is not None
            else self.tr("semua {count} formasi").format(count=count_text(len(scope)))
        )
        question = self.tr(
            "Finalisasi hasil tahap {stage} untuk {where}?\n\n"
            "Setelah final, nilai tahap ini dan tahap sebelumnya untuk formasi tersebut hanya "
            "dapat dibaca: tidak dapat diisi, diubah, dibatalkan, diimpor, atau diberi tanda. "
            "Pengumuman hanya dapat diterbitkan dari hasil yang sudah final. Hanya admin yang "
            "dapat membukanya kembali, dengan alasan yang dicatat."
        ).format(stage=stage, where=where)
        if not Dialogs.confirm(self, self.tr("Finalisasi hasil"), question):
            return
        formations = [formation] if formation is not None else None
        database, actor = self.context.database, self.context.actor
        self._run(
            lambda: finalize(database, actor, selection_id, stage, formations),
            self.tr("Finalisasi gagal"),
        )

    def decide_tie_shown(self) -> TieDialog | None:
        """Open the decision on the shown formation's tie (or the first one still open); the
        dialog is returned for tests, after it was answered."""
        selection_id = self.context.selection_id
        if selection_id is None or self.status is None:
            return None
        stage, scope = self.status.stage, self.scope()
        groups = [
            g for g in list_ties(self.context.database, selection_id, stage) if g.formation in scope
        ]
        groups.sort(key=lambda g: (g.decided, g.formation))
        if not groups:
            Dialogs.info(
                self,
                self.tr("Putuskan SERI"),
                self.tr(
                    "Tidak ada nilai sama persis di batas kebutuhan pada tahap {stage}."
                ).format(stage=stage),
            )
            return None
        dialog = TieDialog(groups[0], self)
        if self.ask_tie(dialog):
            group = dialog.group
            winners, reason = dialog.winners(), dialog.reason_edit.text()
            reference = dialog.reference_edit.text()
            database, actor = self.context.database, self.context.actor

            def work() -> FinalizeResult:
                info = decide_tie(
                    database,
                    actor,
                    selection_id,
                    stage,
                    group.formation,
                    winners,
                    reason,
                    reference,
                )
                return FinalizeResult(stage, (group.formation,), changes=info.changes)

            self._run(work, self.tr("Keputusan SERI gagal dicatat"))
        return dialog

    def ask_tie(self, dialog: TieDialog) -> bool:
        """Show the dialog (a seam for tests, which answer it themselves)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def reopen_shown(self) -> None:
        """Reopen the shown formation (or every final one) of the shown stage, with a reason."""
        selection_id = self.context.selection_id
        if selection_id is None or self.status is None or not self.scope():
            return
        stage = self.status.stage
        formation = self.formation
        where = (
            self.tr("formasi {formation}").format(formation=formation)
            if formation is not None
            else self.tr("semua formasi yang sudah final")
        )
        reason = Dialogs.ask_text(
            self,
            self.tr("Buka kembali hasil"),
            self.tr(
                "Membuka kembali tahap {stage} untuk {where} membuat nilainya dapat diubah lagi.\n"
                "Alasan (dicatat di jejak audit):"
            ).format(stage=stage, where=where),
        )
        if reason is None:
            return
        formations = [formation] if formation is not None else None
        database, actor = self.context.database, self.context.actor
        self._run(
            lambda: reopen(database, actor, selection_id, stage, formations, reason),
            self.tr("Gagal membuka kembali"),
        )

    def _run(self, work: Callable[[], FinalizeResult], failed: str) -> None:
        """Run a finalize/reopen off the GUI thread (a ranking check, about a second at 100k
        participants); the buttons wait for its outcome, so nobody finalizes twice."""
        self._writing = True
        self._update_buttons()

        def done(result: FinalizeResult) -> None:
            self._writing = False
            self._reload(result.stage)
            if result.announced:
                Dialogs.info(
                    self,
                    self.tr("Pengumuman pengganti"),
                    self.tr(
                        "Pengumuman tahap {stage} sudah terbit (nomor {numbers}). Bila hasilnya"
                        " berubah, terbitkan pengumuman pengganti setelah difinalkan lagi."
                    ).format(stage=result.stage, numbers=", ".join(result.announced)),
                )

        def refused(error: Exception) -> None:
            self._writing = False
            self._update_buttons()
            if isinstance(error, UserError):
                Dialogs.error(self, failed, error.text())

        ServiceOp(self, self.context, work).success(done).failure(refused).run_in_background(failed)

    def _reload(self, stage: str) -> None:
        """The badge after this bar's own write, before the host's next read arrives: a few
        rows (measured in bench/gui_thread.py), so read at once."""
        selection_id = self.context.selection_id
        status = None
        if selection_id is not None:
            try:
                status = finalization_status(self.context.database, selection_id, stage)
            except UserError as error:
                log.warning("finalization status: %s", error.text())
        self.show_status(status, self.formation)
