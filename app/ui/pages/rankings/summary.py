"""Under the ranking table: the legend of the stage's codes, and one line of counts.

The legend is the rules' own (``app.scoring.legend``, as on the announcement and in the CLI),
each code on a chip coloured by what it means. The counts line says how many participants
have each code, what waits on the Verifikasi page, when the ranking was computed, and shows
the page's busy indicator; a ranking that could not be computed is said here in red.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.scoring import Stage
from app.scoring.legend import legend
from app.scoring.scheme import NOTE_INCOMPLETE, NOTE_TIE
from app.services.legend import entry_text

from ...numbers import count_text
from ...ranking_model import STATUS_KINDS, RowKind
from ...widgets.code_chip import CodeChip
from .loading import Failure, LoadedRanking

LEGEND_COLUMNS = 3


def legend_for(stage: Stage, final_stage: bool) -> list[tuple[RowKind, str, str]]:
    """(colour, code, explanation) of every code the stage can print, in the rules' order."""
    entries = []
    for entry in legend(stage, final_stage):
        if entry.is_tie:
            kind = RowKind.TIE
        elif entry.is_incomplete:
            kind = RowKind.INCOMPLETE
        else:
            kind = STATUS_KINDS[entry.statuses[0]]
        entries.append((kind, entry.code, entry_text(entry)))
    return entries


def code_descriptions(loaded: LoadedRanking) -> dict[str, str]:
    """``code — explanation`` per code: the table's tooltips."""
    return {
        code: f"{code} — {text}" for _, code, text in legend_for(loaded.stage, loaded.final_stage)
    }


class RankingSummary(QWidget):
    """``legend_title`` and ``legend`` (the chips), then ``counts_label``, ``review_label``,
    the busy indicator (``busy_label``, ``busy_bar``) and ``updated_label`` on one line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[tuple[RowKind, str, str]] = []
        self._loaded: LoadedRanking | None = None
        self._failure: Failure | None = None
        self._total = 0
        self._shown = 0
        self._updated_at = ""

        self.legend_title = QLabel()
        self.legend_title.setStyleSheet("font-weight: 600;")
        self.legend = QWidget()
        self.legend_grid = QGridLayout(self.legend)
        self.legend_grid.setContentsMargins(0, 0, 0, 0)
        self.legend_grid.setHorizontalSpacing(8)
        self.legend_grid.setVerticalSpacing(4)

        self.counts_label = QLabel()
        self.counts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label.setWordWrap(True)
        self.review_label = QLabel()  # what waits on the Verifikasi page
        self.review_label.setStyleSheet("color: #7a4b00; font-weight: 600;")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(80, 10)
        self.busy_label = QLabel()
        self.busy_bar.hide()
        self.busy_label.hide()
        self.updated_label = QLabel()
        self.updated_label.setStyleSheet("color: #5a6170;")

        status = QHBoxLayout()
        status.setSpacing(8)
        status.addWidget(self.counts_label, 1)
        status.addWidget(self.review_label)
        status.addWidget(self.busy_label)
        status.addWidget(self.busy_bar)
        status.addWidget(self.updated_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.legend_title)
        layout.addWidget(self.legend)
        layout.addLayout(status)
        self.retranslate()

    def retranslate(self) -> None:
        """Called by the page on a language switch (it knows the order things depend on)."""
        self.legend_title.setText(self.tr("Keterangan kode:"))
        self.set_busy_text()
        self._show_status()

    # -- the legend ----------------------------------------------------------------------------

    def legend_entries(self) -> list[tuple[str, str]]:
        """(code, explanation) as the legend shows them, for this stage only."""
        return [(code, text) for _, code, text in self._entries]

    def show_legend(self, loaded: LoadedRanking) -> None:
        self.legend_title.show()
        self.legend.show()
        entries = legend_for(loaded.stage, loaded.final_stage)
        if entries == self._entries:
            return
        self.clear_legend()
        self._entries = entries
        for position, (kind, code, text) in enumerate(entries):
            row, column = divmod(position, LEGEND_COLUMNS)
            entry = QWidget()
            line = QHBoxLayout(entry)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(6)
            line.addWidget(CodeChip(code, kind))
            line.addWidget(QLabel(f"— {text}"), 1)
            self.legend_grid.addWidget(entry, row, column)
        for column in range(LEGEND_COLUMNS):
            self.legend_grid.setColumnStretch(column, 1)

    def clear_legend(self) -> None:
        self.legend_title.hide()
        self.legend.hide()
        while self.legend_grid.count():
            item = self.legend_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._entries = []

    # -- the counts line -----------------------------------------------------------------------

    def show_counts(
        self, loaded: LoadedRanking | None, total: int, shown: int, updated_at: str
    ) -> None:
        """``total`` rows in the ranking, ``shown`` of them through the page's text filter."""
        self._loaded = loaded
        self._total, self._shown, self._updated_at = total, shown, updated_at
        self._show_status()

    def show_failure(self, failure: Failure | None) -> None:
        """Say in red why the ranking could not be computed (``None``: it could again)."""
        self._failure = failure
        self._show_status()

    def counts_text(self) -> str:
        """``P/L 12 · P/TL 40 · P/TH 3 · BELUM LENGKAP 5``: the incomplete are always counted."""
        if self._loaded is None:
            return ""
        counts = self._loaded.view.counts
        parts = [f"{code} {count_text(count)}" for code, count in counts.codes.items() if count]
        # An undecided tie is counted under its code, SERI; a decided one under the code the
        # committee gave it, and here as well, so the decisions stay visible.
        decided = counts.ties - counts.codes.get(NOTE_TIE, 0)
        if decided:
            parts.append(
                self.tr("%1 diputuskan %2")
                .replace("%1", NOTE_TIE)
                .replace("%2", count_text(decided))
            )
        parts.append(f"{NOTE_INCOMPLETE} {count_text(counts.incomplete)}")
        return " · ".join(parts)

    def review_text(self) -> str:
        """``12 nilai menunggu verifikasi entri ganda · 3 selisih antar-penilai``, or ""."""
        loaded = self._loaded
        parts = []
        if loaded is not None and loaded.pending:
            parts.append(
                self.tr("{count} nilai menunggu verifikasi entri ganda").format(
                    count=count_text(loaded.pending)
                )
            )
        if loaded is not None and loaded.spread:
            parts.append(
                self.tr("{count} selisih antar-penilai").format(count=count_text(loaded.spread))
            )
        return " · ".join(parts)

    def _show_status(self) -> None:
        self.review_label.setText(self.review_text())
        if self._failure is not None:
            self.counts_label.setStyleSheet("color: #b3261e;")
            self.counts_label.setText(
                self.tr("Peringkat tidak dapat dihitung: {reason}").format(
                    reason=self._failure.text
                )
            )
            self.counts_label.setToolTip(self._failure.details)
            return
        self.counts_label.setStyleSheet("")
        self.counts_label.setToolTip("")
        if self._loaded is None:
            self.counts_label.setText("")
            self.updated_label.setText("")
            return
        text = self.tr("{total} peserta: {counts}").format(
            total=self._total, counts=self.counts_text()
        )
        if self._shown != self._total:
            text += "  " + self.tr("(ditampilkan {shown} dari {total})").format(
                shown=self._shown, total=self._total
            )
        self.counts_label.setText(text)
        self.updated_label.setText(
            self.tr("Diperbarui pukul {time}").format(time=self._updated_at)
            if self._updated_at
            else ""
        )

    # -- the busy indicator --------------------------------------------------------------------

    def set_busy_text(self, text: str | None = None) -> None:
        """What the page is busy with; by default computing the ranking."""
        self.busy_label.setText(text if text is not None else self.tr("Menghitung…"))

    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
