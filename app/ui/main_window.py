"""The main window: the open database, its selection, and the rankings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.actor import Actor
from app.services.database import Database
from app.services.errors import UserError
from app.services.ranking import compute_ranking
from app.services.selections import SelectionInfo, list_selections

from .ranking_model import RankingTableModel


class MainWindow(QMainWindow):
    """Shows the most recent selection of the database and its ranking per stage."""

    def __init__(self, database: Database, actor: Actor | None = None) -> None:
        super().__init__()
        self.database = database
        self.actor = actor or Actor.from_os_login()
        self.selection: SelectionInfo | None = None
        self.resize(1280, 720)

        central = QWidget()
        layout = QVBoxLayout(central)
        controls = QHBoxLayout()
        self.selection_box = QComboBox()
        self.stage_box = QComboBox()
        self.formation_box = QComboBox()
        self.demo_button = QPushButton(self.tr("Buat seleksi contoh"))
        controls.addWidget(QLabel(self.tr("Seleksi:")))
        controls.addWidget(self.selection_box, 2)
        controls.addWidget(QLabel(self.tr("Tahap:")))
        controls.addWidget(self.stage_box)
        controls.addWidget(QLabel(self.tr("Formasi:")))
        controls.addWidget(self.formation_box, 1)
        controls.addWidget(self.demo_button)
        layout.addLayout(controls)
        self.empty_label = QLabel(
            self.tr("Database ini belum berisi seleksi. Buat seleksi contoh untuk mencoba.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        self.model = RankingTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self.selection_box.currentIndexChanged.connect(self._selection_changed)
        self.stage_box.currentIndexChanged.connect(self.refresh)
        self.formation_box.currentIndexChanged.connect(self.refresh)
        self.demo_button.clicked.connect(self._create_demo)
        self._load_selections()

    def _load_selections(self) -> None:
        selections = list_selections(self.database)
        self.selection_box.blockSignals(True)
        self.selection_box.clear()
        for info in reversed(selections):
            self.selection_box.addItem(f"{info.name} ({info.year})", info)
        self.selection_box.blockSignals(False)
        has_any = bool(selections)
        self.empty_label.setVisible(not has_any)
        self.table.setVisible(has_any)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.selection = self.selection_box.currentData()
        self.stage_box.blockSignals(True)
        self.formation_box.blockSignals(True)
        self.stage_box.clear()
        self.formation_box.clear()
        if self.selection is not None:
            ranking = compute_ranking(self.database, self.selection.id)
            for stage in ranking.scheme.stages:
                self.stage_box.addItem(f"{stage.code} — {stage.name}", stage.code)
            self.stage_box.setCurrentIndex(self.stage_box.count() - 1)
            self.formation_box.addItem(self.tr("Semua formasi"), None)
            for code in sorted(ranking.quotas):
                self.formation_box.addItem(code, code)
        self.stage_box.blockSignals(False)
        self.formation_box.blockSignals(False)
        self._update_title()
        self.refresh()

    def _update_title(self) -> None:
        name = self.selection.name if self.selection else self.tr("(belum ada seleksi)")
        self.setWindowTitle(f"Seleksi ASN — {name} — {self.database.path}")

    def refresh(self) -> None:
        if self.selection is None:
            self.model.set_ranking(None)
            return
        try:
            ranking = compute_ranking(
                self.database,
                self.selection.id,
                self.stage_box.currentData(),
                self.formation_box.currentData(),
            )
        except UserError as error:
            self.statusBar().showMessage(error.text())
            return
        self.model.set_ranking(ranking)

    def _create_demo(self) -> None:
        from app.services.demo import create_demo

        create_demo(self.database, self.actor)
        self._load_selections()
