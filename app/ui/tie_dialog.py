"""The committee's decision on a complete tie at the last seat (issue #10 §3), in the window.

The dialog lists the tied participants of one formation with their final score, asks which
of them take the seats left (exactly as many as there are), the reason, and the reference of
the meeting's minutes; the service checks all of it again and records it in the audit trail.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.ties import TieGroup

from .numbers import value_text


class TieDialog(QDialog):
    def __init__(self, group: TieGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.setWindowTitle(self.tr("Putuskan SERI — formasi %1").replace("%1", group.formation))
        intro = QLabel(
            self.tr(
                "Peserta berikut sama persis pada setiap unsur penentu peringkat di batas"
                " kebutuhan. Pilih %1 peserta yang mengisi kursi sesuai keputusan rapat panitia."
            ).replace("%1", str(group.seats))
        )
        intro.setWordWrap(True)
        self.boxes: list[QCheckBox] = []
        chosen = set(group.decision.winners) if group.decision is not None else set()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for participant in group.participants:
            final = value_text(participant.final, group.final_places)
            box = QCheckBox(f"{participant.number}  {participant.name}  ({final})")
            box.setProperty("number", participant.number)
            box.setChecked(participant.number in chosen)
            box.toggled.connect(self._update)
            self.boxes.append(box)
            layout.addWidget(box)
        form = QFormLayout()
        self.reason_edit = QLineEdit(group.decision.reason if group.decision else "")
        self.reason_edit.setPlaceholderText(self.tr("mis. hasil undian dalam rapat pleno"))
        self.reference_edit = QLineEdit(group.decision.reference if group.decision else "")
        self.reference_edit.setPlaceholderText(
            self.tr("mis. BA No. 7/PANSELDA/2024 tanggal 5 Desember 2024")
        )
        form.addRow(self.tr("&Alasan:"), self.reason_edit)
        form.addRow(self.tr("&Rujukan berita acara:"), self.reference_edit)
        layout.addLayout(form)
        self.note = QLabel()
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self.reference_edit.textChanged.connect(self._update)
        self.resize(620, self.sizeHint().height())
        self._update()

    def winners(self) -> list[str]:
        return [str(box.property("number")) for box in self.boxes if box.isChecked()]

    def _update(self) -> None:
        count = len(self.winners())
        complete = (
            count == self.group.seats
            and bool(self.reason_edit.text().strip())
            and bool(self.reference_edit.text().strip())
        )
        self.note.setText(
            self.tr("Dipilih %1 dari %2 kursi.")
            .replace("%1", str(count))
            .replace("%2", str(self.group.seats))
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(complete)
