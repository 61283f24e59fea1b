"""Deciding one double-entry mismatch: the first entry, the second, or another value, with a
reason; and deciding a conflict between field laptops' packages: one of their values.

The admin decides from the paper sheet, so the dialog names the participant, component,
assessor and aspect in full and shows both entries with who typed them. The decision is saved
through ``resolve_mismatch`` when OK is pressed; a refusal (no reason, a value out of range,
one's own entry) is shown inside the dialog, which stays open so the admin can correct it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.double_entry import Mismatch, resolve_mismatch
from app.services.errors import UserError
from app.services.packages import ClaimView, PackageConflict, resolve_package_conflict
from app.services.sheets import ScoreChange

from .context import AppContext
from .dialog_parts import error_label, ok_cancel
from .operations import ServiceOp
from .package_dialogs import shown_value

FIRST = "first"
SECOND = "second"
OTHER = "other"


class _Decision(QDialog):
    """What both decisions end with: the required reason, the refusal in words, and
    Putuskan / Batal."""

    def _add_decision(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("Misalnya: lembar asli diperiksa bersama ketua panitia")
        )
        form.addRow(self.tr("Alasan (wajib):"), self.reason_edit)
        layout.addLayout(form)

        self.error_label = error_label()
        layout.addWidget(self.error_label)
        self.buttons, self.ok_button = ok_cancel(self, self.tr("Putuskan"))
        layout.addWidget(self.buttons)


class ResolveDialog(_Decision):
    """Saves the decision when OK is pressed; ``saved`` then holds the confirmed change.

    ``choice_buttons`` maps ``first``/``second``/``other`` to their radio buttons;
    ``value_edit`` takes the other value, ``reason_edit`` the (required) reason.
    """

    def __init__(
        self, context: AppContext, mismatch: Mismatch, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.mismatch = mismatch
        self.saved: ScoreChange | None = None
        self.setWindowTitle(self.tr("Putuskan selisih entri ganda"))
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        parts = [
            self.tr("<b>{number}</b> — {name}").format(
                number=escape(mismatch.participant), name=escape(mismatch.name)
            ),
            self.tr("Komponen {component}").format(component=escape(mismatch.component)),
        ]
        if mismatch.assessor:
            parts.append(self.tr("penilai {name}").format(name=escape(mismatch.assessor)))
        if mismatch.aspect:
            parts.append(self.tr("aspek {aspect}").format(aspect=escape(mismatch.aspect)))
        who = QLabel("<br>".join([parts[0], ", ".join(parts[1:])]))
        who.setWordWrap(True)
        layout.addWidget(who)
        hint = QLabel(
            self.tr(
                "Periksa lembar nilai asli. Nilai yang dipilih menjadi nilai terkonfirmasi; "
                "kedua entri dan alasan Anda tercatat di jejak audit."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #3d4452;")
        layout.addWidget(hint)

        box = QGroupBox(self.tr("Nilai yang benar"))
        box_layout = QVBoxLayout(box)
        self.choice_group = QButtonGroup(self)
        self.choice_buttons: dict[str, QRadioButton] = {}
        for key, text in (
            (
                FIRST,
                self.tr("Entri 1: {value} (oleh {user})").format(
                    value=mismatch.first, user=mismatch.first_by
                ),
            ),
            (
                SECOND,
                self.tr("Entri 2: {value} (oleh {user})").format(
                    value=mismatch.second, user=mismatch.second_by
                ),
            ),
            (OTHER, self.tr("Nilai lain:")),
        ):
            button = QRadioButton(text)
            self.choice_group.addButton(button)
            self.choice_buttons[key] = button
            box_layout.addWidget(button)
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("angka, atau TH bila tidak hadir"))
        box_layout.addWidget(self.value_edit)
        layout.addWidget(box)

        self._add_decision(layout)

        self.choice_group.buttonClicked.connect(lambda _button: self._changed())
        self.value_edit.textEdited.connect(self._value_typed)
        self.reason_edit.textChanged.connect(lambda _text: self._changed())
        self._changed()
        self.reason_edit.setFocus()

    def choice(self) -> str | None:
        return next((k for k, b in self.choice_buttons.items() if b.isChecked()), None)

    def value(self) -> str:
        """The decided value as ``resolve_mismatch`` takes it: an entry as shown, or typed."""
        choice = self.choice()
        if choice == FIRST:
            return self.mismatch.first
        if choice == SECOND:
            return self.mismatch.second
        return self.value_edit.text().strip()

    def _value_typed(self, _text: str) -> None:
        self.choice_buttons[OTHER].setChecked(True)
        self._changed()

    def _changed(self) -> None:
        self.error_label.hide()  # an earlier refusal no longer applies
        self.value_edit.setEnabled(self.choice() in (OTHER, None))
        self.ok_button.setEnabled(
            self.choice() is not None
            and bool(self.value())
            and bool(self.reason_edit.text().strip())
        )

    def accept(self) -> None:
        """Save first; close only when the service stored the decision."""
        if not self.ok_button.isEnabled():
            return
        selection_id = self.context.selection_id
        assert selection_id is not None
        m = self.mismatch
        database, actor = self.context.database, self.context.actor
        value, reason = self.value(), self.reason_edit.text()

        def resolve() -> ScoreChange:
            return resolve_mismatch(
                database,
                actor,
                selection_id,
                m.participant,
                m.component,
                m.assessor,
                m.aspect,
                value,
                reason,
            )

        try:
            # One value: on the GUI thread, through the door (rankings and sheets follow).
            self.saved = ServiceOp(self, self.context, resolve).run_now()
        except UserError as error:
            self.error_label.setText(error.text())
            self.error_label.show()
            return
        super().accept()


class PackageConflictDialog(_Decision):
    """Deciding a sheet row on which field laptops (or one and the main laptop) disagree:
    one radio button per source's value, and a reason (issue #12 §1).

    ``claim_buttons`` holds one radio button per ``conflict.claims`` entry, in that order;
    ``reason_edit`` the (required) reason. Saved through ``resolve_package_conflict`` when
    OK is pressed; a refusal is shown inside the dialog, which stays open.
    """

    def __init__(
        self, context: AppContext, conflict: PackageConflict, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert context.selection_id is not None
        self.context = context
        self.conflict = conflict
        self.saved: Changes | None = None
        self.setWindowTitle(self.tr("Putuskan selisih antar-laptop"))
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        parts = [
            self.tr("<b>{number}</b> — {name}").format(
                number=escape(conflict.participant), name=escape(conflict.name)
            ),
            self.tr("Komponen {component}").format(component=escape(conflict.component)),
        ]
        if conflict.assessor:
            parts.append(self.tr("penilai {name}").format(name=escape(conflict.assessor)))
        who = QLabel("<br>".join([parts[0], ", ".join(parts[1:])]))
        who.setWordWrap(True)
        layout.addWidget(who)
        hint = QLabel(
            self.tr(
                "Laptop-laptop ini mengirim nilai berbeda untuk baris yang sama. Periksa lembar "
                "nilai asli; nilai sumber yang dipilih menjadi nilai baris ini, dan semua nilai "
                "serta alasan Anda tercatat di jejak audit. Sekarang tercatat: {value}."
            ).format(value=shown_value(conflict.holding))
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #3d4452;")
        layout.addWidget(hint)

        box = QGroupBox(self.tr("Nilai yang benar"))
        box_layout = QVBoxLayout(box)
        self.choice_group = QButtonGroup(self)
        self.claim_buttons: list[QRadioButton] = []
        for claim in conflict.claims:
            button = QRadioButton(
                self.tr("{source}: {value} (oleh {user})").format(
                    source=claim.source, value=shown_value(claim.value), user=claim.by
                )
            )
            self.choice_group.addButton(button)
            self.claim_buttons.append(button)
            box_layout.addWidget(button)
        layout.addWidget(box)

        self._add_decision(layout)

        self.choice_group.buttonClicked.connect(lambda _button: self._changed())
        self.reason_edit.textChanged.connect(lambda _text: self._changed())
        self._changed()
        self.reason_edit.setFocus()

    def choice(self) -> ClaimView | None:
        return next(
            (
                c
                for c, b in zip(self.conflict.claims, self.claim_buttons, strict=True)
                if b.isChecked()
            ),
            None,
        )

    def _changed(self) -> None:
        self.error_label.hide()
        self.ok_button.setEnabled(
            self.choice() is not None and bool(self.reason_edit.text().strip())
        )

    def accept(self) -> None:
        """Save first; close only when the service stored the decision."""
        claim = self.choice()
        if not self.ok_button.isEnabled() or claim is None:
            return
        selection_id = self.context.selection_id
        assert selection_id is not None
        c = self.conflict
        database, actor, reason = self.context.database, self.context.actor, self.reason_edit.text()

        def resolve() -> Changes:
            return resolve_package_conflict(
                database,
                actor,
                selection_id,
                c.participant,
                c.component,
                c.assessor,
                claim.source,
                reason,
            )

        try:
            # One sheet row: on the GUI thread, through the door (rankings follow).
            self.saved = ServiceOp(self, self.context, resolve).run_now()
        except UserError as error:
            self.error_label.setText(error.text())
            self.error_label.show()
            return
        super().accept()
