"""Settings: the interface language, and which file and which account this window is.

The language applies at once (every open window retranslates through Qt's LanguageChange)
and is remembered for the next start. The file path and the account are shown because at a
test site several laptops and copies of the database are about, and "which file am I in?"
is the first question when numbers look wrong.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.users import list_users

from . import i18n
from .context import AppContext
from .icons import icon
from .location import full_name, is_server, location_key
from .main_window import role_label
from .recent import DatabasePreferences


class SettingsPage(QWidget):
    """Language choice plus read-only facts about the session."""

    retranslates_itself = True  # keeps its own widgets; see the contract in main_window.py

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._translation_missing = False

        self.language_group = QGroupBox()
        self.language_box = QComboBox()
        for code in i18n.LANGUAGES:
            self.language_box.addItem(icon("language"), i18n.LANGUAGE_NAMES[code], code)
        self.language_box.setCurrentIndex(self.language_box.findData(i18n.current_language()))
        self.language_caption = QLabel()
        self.language_caption.setBuddy(self.language_box)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        language_form = QFormLayout(self.language_group)
        language_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        language_form.addRow(self.language_caption, self.language_box)
        language_form.addRow(self.language_note)

        self.database_group = QGroupBox()
        self.path_value = self._value_label()
        self.instansi_value = self._value_label()
        self.logo_value = self._value_label()
        self.path_caption, self.instansi_caption, self.logo_caption = QLabel(), QLabel(), QLabel()
        database_form = QFormLayout(self.database_group)
        database_form.addRow(self.path_caption, self.path_value)
        database_form.addRow(self.instansi_caption, self.instansi_value)
        database_form.addRow(self.logo_caption, self.logo_value)

        self.user_group = QGroupBox()
        self.user_value = self._value_label()
        self.full_name_value = self._value_label()
        self.role_value = self._value_label()
        self.user_caption, self.full_name_caption, self.role_caption = QLabel(), QLabel(), QLabel()
        user_form = QFormLayout(self.user_group)
        user_form.addRow(self.user_caption, self.user_value)
        user_form.addRow(self.full_name_caption, self.full_name_value)
        user_form.addRow(self.role_caption, self.role_value)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        for group in (self.language_group, self.database_group, self.user_group):
            group.setMaximumWidth(760)
            layout.addWidget(group)
        layout.addStretch(1)

        self.language_box.currentIndexChanged.connect(self._language_chosen)
        self._retranslate()  # fills the values too

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def refresh(self) -> None:
        """Re-read what another part of the program may have changed."""
        database = self.context.database
        preferences = DatabasePreferences(location_key(database))
        self.path_value.setText(full_name(database))
        self.instansi_value.setText(preferences.instansi or "—")
        self.logo_value.setText(str(preferences.logo) if preferences.logo else "—")
        actor = self.context.actor
        user = next((u for u in list_users(database) if u.username == actor.name), None)
        self.user_value.setText(actor.name)
        self.full_name_value.setText(user.full_name if user and user.full_name else "—")
        self.role_value.setText(role_label(actor.role))

    def _language_chosen(self, index: int) -> None:
        language = self.language_box.itemData(index)
        i18n.save_language(language)
        self._translation_missing = not i18n.install_language(language)
        self._update_note()

    def _update_note(self) -> None:
        if self._translation_missing:
            self.language_note.setText(
                self.tr(
                    "Berkas terjemahan tidak ditemukan (jalankan make translations); "
                    "pilihan ini tetap disimpan."
                )
            )
        else:
            self.language_note.setText(
                self.tr("Bahasa langsung berganti dan dipakai lagi saat program dibuka berikutnya.")
            )

    def _retranslate(self) -> None:
        self.language_group.setTitle(self.tr("Bahasa antarmuka"))
        self.language_caption.setText(self.tr("&Bahasa:"))
        self._update_note()
        self.database_group.setTitle(self.tr("Basis data"))
        on_server = is_server(self.context.database)
        self.path_caption.setText(self.tr("Server:") if on_server else self.tr("Berkas:"))
        self.instansi_caption.setText(self.tr("Instansi:"))
        self.logo_caption.setText(self.tr("Logo kop surat:"))
        self.user_group.setTitle(self.tr("Pengguna yang masuk"))
        self.user_caption.setText(self.tr("Nama pengguna:"))
        self.full_name_caption.setText(self.tr("Nama lengkap:"))
        self.role_caption.setText(self.tr("Peran:"))
        # One caption column across the three groups, as wide as its longest caption.
        captions = (
            self.language_caption, self.path_caption, self.instansi_caption,
            self.logo_caption, self.user_caption, self.full_name_caption, self.role_caption,
        )  # fmt: skip
        for caption in captions:
            caption.setMinimumWidth(0)
        widest = max(caption.sizeHint().width() for caption in captions)
        for caption in captions:
            caption.setMinimumWidth(widest)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
