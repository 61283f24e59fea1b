"""Year to year on the Monev page (issue #13 §1): selections side by side.

Every selection of the open file, and of the files the team adds (last year's database, opened
read-only: ``services.evaluation_years`` reads a copy and never writes the original), in one
table: a row per figure (pass rate, what each threshold stopped, assessor agreement, impact
ratios, validity), a column per selection, oldest first. The comparison evaluates every
selection, so it runs off the GUI thread and only while the tab is shown; a change to the
file marks it stale and it is read again when next seen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.errors import UserError
from app.services.evaluation_years import compare_selections

from ..context import AppContext
from ..dialogs import Dialogs
from ..numbers import count_text, value_text
from ..operations import LiveQuery

FILES_KEY = "monev/compare_files"
DATABASE_FILTER = "*.db *.sqlite"


class YearComparison(QWidget):
    """Attributes tests use: ``table``, ``add_button``, ``clear_button``, ``files_label``,
    ``status_label``, ``figures`` (the last comparison), ``other_files``."""

    def __init__(
        self,
        context: AppContext,
        local_code: Callable[[], str] = lambda: "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.local_code = local_code
        self.figures: dict[str, Any] | None = None
        stored = QSettings().value(FILES_KEY, [])
        self.other_files: list[Path] = [
            Path(str(p)) for p in (stored if isinstance(stored, list) else [stored]) if p
        ]
        self._stale = True

        intro = QLabel(
            self.tr(
                "Seleksi pada berkas ini dan pada berkas lain (misalnya basis data tahun lalu)"
                " berdampingan. Berkas lain dibuka hanya-baca: programnya membaca salinan dan"
                " tidak pernah menulis berkas aslinya."
            )
        )
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Tambah berkas pembanding…"))
        self.clear_button = QPushButton(self.tr("Hapus daftar pembanding"))
        self.add_button.clicked.connect(self.add_file)
        self.clear_button.clicked.connect(self.clear_files)
        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.files_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)

        self._query = LiveQuery(
            self, self.tr("Perbandingan antartahun"), self._show, self._failed, self._again
        )
        context.changes.changed.connect(self._on_changes)
        self._show_files()

    # -- reading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compare again (off the GUI thread); ``figures`` holds the result when it reports."""
        self._stale = False
        self._query.outdate()
        database, files, code = self.context.database, list(self.other_files), self.local_code()
        self.status_label.setText(self.tr("Menghitung perbandingan…"))
        self._query.start(lambda: compare_selections(database, other_files=files, local_code=code))

    def _again(self) -> None:
        self.refresh()

    def _on_changes(self, changes: Changes, _initiator: QObject | None) -> None:
        if not changes.moves_ranking() and not changes.external:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _failed(self, error: Exception) -> None:
        text = error.text() if isinstance(error, UserError) else str(error)
        self.status_label.setText(text)

    # -- the files compared ---------------------------------------------------------------------

    def add_file(self) -> None:
        path = Dialogs.open_file(
            self,
            self.tr("Tambah berkas pembanding"),
            self.tr("Basis data Seleksi ASN ({patterns})").format(patterns=DATABASE_FILTER),
        )
        if path is None:
            return
        if (
            self.context.database.path is not None
            and path.resolve() == Path(self.context.database.path).resolve()
        ):
            self.status_label.setText(
                self.tr("Berkas itu adalah berkas yang sedang dibuka; seleksinya sudah ada.")
            )
            return
        if path not in self.other_files:
            self.other_files.append(path)
            self._remember()
        self.refresh()

    def compare_with(self, paths: list[Path]) -> None:
        """Compare this file's selections with those of ``paths`` (remembered)."""
        self.other_files = list(paths)
        self._remember()
        self.refresh()

    def clear_files(self) -> None:
        self.other_files = []
        self._remember()
        self.refresh()

    def _remember(self) -> None:
        QSettings().setValue(FILES_KEY, [str(p) for p in self.other_files])
        self._show_files()

    def _show_files(self) -> None:
        self.clear_button.setEnabled(bool(self.other_files))
        self.files_label.setText(
            self.tr("Berkas pembanding: {files}").format(
                files=", ".join(p.name for p in self.other_files)
            )
            if self.other_files
            else self.tr("Belum ada berkas pembanding: hanya seleksi pada berkas ini.")
        )

    # -- the table --------------------------------------------------------------------------------

    def _show(self, figures: dict[str, Any]) -> None:
        self.figures = figures
        selections = figures["selections"]
        self.status_label.setText(
            ""
            if len(selections) > 1
            else self.tr(
                "Baru satu seleksi: tambahkan berkas seleksi tahun lain untuk membandingkan."
            )
        )
        rows = self.rows(selections)
        self.table.clear()
        self.table.setColumnCount(len(selections))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(
            [
                f"{s['year']} — {s['name']}" + (f"\n[{s['source']}]" if s["source"] else "")
                for s in selections
            ]
        )
        self.table.setVerticalHeaderLabels([label for label, _ in rows])
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, (_label, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(right)  # numbers line up under each other
                self.table.setItem(row, column, item)

    def rows(self, selections: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
        """``(label, one text per selection)`` for every figure any selection has."""
        stages: list[str] = []
        for selection in selections:
            stages.extend(code for code in selection["stages"] if code not in stages)
        found: list[tuple[str, list[str]]] = []
        for code in stages:
            shown = [_stage(selection, code) for selection in selections]
            found.append(
                (
                    self.tr("{stage}: terdaftar").format(stage=code),
                    [_count(s.get("registered")) for s in shown],
                )
            )
            found.append(
                (
                    self.tr("{stage}: hadir").format(stage=code),
                    [_count(s.get("present")) for s in shown],
                )
            )
            found.append(
                (
                    self.tr("{stage}: dalam kuota / kebutuhan").format(stage=code),
                    [
                        f"{_count(s.get('selected'))} / {_count(s.get('kebutuhan'))}" if s else ""
                        for s in shown
                    ],
                )
            )
            found.append(
                (
                    self.tr("{stage}: tingkat kelulusan (dari yang hadir)").format(stage=code),
                    [_percent(s.get("pass_rate")) for s in shown],
                )
            )
            found.append(
                (
                    self.tr("{stage}: formasi kosong").format(stage=code),
                    [_count(s.get("empty_formations")) for s in shown],
                )
            )
            for kind, label, written in (
                ("stopped_by_threshold", self.tr("{stage}: tertahan ambang {name}"), _percent),
                ("icc2_1", self.tr("{stage}: ICC(2,1) penilai {name}"), _ratio),
                ("impact_ratio", self.tr("{stage}: rasio dampak {name}"), _ratio),
            ):
                for name in _names(shown, kind):
                    found.append(
                        (
                            label.format(stage=code, name=self.group_name(name)),
                            [written(s.get(kind, {}).get(name)) for s in shown],
                        )
                    )
            for name in _names(shown, "validity"):
                found.append(
                    (
                        self.tr("{stage}: validitas {name} (rho, n)").format(stage=code, name=name),
                        [_validity(s.get("validity", {}).get(name)) for s in shown],
                    )
                )
        return found

    def group_name(self, name: str) -> str:
        return {
            "sex": self.tr("jenis kelamin"),
            "age": self.tr("kelompok usia"),
            "education": self.tr("jenjang pendidikan"),
            "local": self.tr("asal daerah"),
        }.get(name, name)


def _stage(selection: dict[str, Any], code: str) -> dict[str, Any]:
    stage: dict[str, Any] = selection["stages"].get(code, {})
    return stage


def _names(stages: list[dict[str, Any]], kind: str) -> list[str]:
    """Every name under ``kind`` in any selection's stage, in first-seen order."""
    names: list[str] = []
    for stage in stages:
        names.extend(name for name in stage.get(kind, {}) if name not in names)
    return names


def _count(value: int | None) -> str:
    return "" if value is None else count_text(int(value))


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value_text(round(100 * value, 1), 1)} %"


def _ratio(value: float | None) -> str:
    return "" if value is None else value_text(round(value, 2), 2)


def _validity(found: dict[str, Any] | None) -> str:
    if not found:
        return ""
    return f"{value_text(round(found['rho'], 2), 2)} (n = {count_text(found['n'])})"
