"""Berkas › Sambungkan ke server…: the address of a selection on a LAN server (issue #12 §2).

The clerk types what the server's administrator told them — the server's address, its port,
the database's name, the PostgreSQL user and, when the server asks for one, its password —
and never a URL: ``location.ServerAddress`` composes it. *Uji sambungan* only reads
(``opening.server_revision``: is the server there, is the database ours, prepared yet);
*Sambungkan* opens the database as a file is opened (``open_database_checked``: the schema
prepared or upgraded), and the launcher then asks for a login against that database's own
accounts. Both run off the GUI thread: a server that does not answer takes seconds.

A refusal is shown in the dialog, in words (which piece to check), and the form keeps what
was typed. The password is kept nowhere: not in the settings (the last address is, without
it), not in a title or a message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.migrations import HEAD
from app.services.errors import UserError
from app.services.opening import OpenedFile, open_database_checked, server_revision

from .icons import icon
from .location import DEFAULT_PORT, ServerAddress
from .operations import QueryOp
from .password_dialog import sentence

LAST_SERVER_KEY = "server/last"
ERROR_STYLE = "color: #b3261e;"
GOOD_STYLE = "color: #1e6b30;"
NOTE_STYLE = "color: #3d4452;"


class ServerDialog(QDialog):
    """The connect dialog; ``opened`` holds the open database once it was accepted.

    Attributes tests use: ``host_edit``, ``port_box``, ``database_edit``, ``user_edit``,
    ``password_edit``, ``test_button``, ``connect_button``, ``message_label``, ``busy``.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        address: ServerAddress | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings or QSettings()
        self.opened: OpenedFile | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Sambungkan ke server"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(460)

        intro = QLabel(
            self.tr(
                "Buka seleksi yang disimpan di server PostgreSQL pada jaringan kantor. "
                "Isian di bawah diberikan oleh pengelola server. Setelah tersambung, masuk "
                "dengan akun Seleksi ASN Anda seperti biasa."
            )
        )
        intro.setWordWrap(True)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("mis. 192.168.1.10"))
        self.port_box = QSpinBox()
        self.port_box.setRange(1, 65535)
        self.port_box.setGroupSeparatorShown(False)
        self.port_box.setValue(DEFAULT_PORT)
        self.database_edit = QLineEdit()
        self.database_edit.setPlaceholderText(self.tr("mis. seleksi_2024"))
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("kosongkan bila server tidak memintanya"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Server:"), self.host_edit)
        form.addRow(self.tr("&Port:"), self.port_box)
        form.addRow(self.tr("&Basis data:"), self.database_edit)
        form.addRow(self.tr("Pen&gguna:"), self.user_edit)
        form.addRow(self.tr("&Kata sandi:"), self.password_edit)
        note = QLabel(self.tr("Kata sandi tidak disimpan; ketik lagi setiap kali menyambung."))
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)

        self.message_label = QLabel()
        self.message_label.setObjectName("serverMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        # Apart from OK and Cancel, on the left: it only asks, it opens nothing.
        self.test_button = QPushButton(self.tr("&Uji sambungan"))
        self.test_button.setAutoDefault(False)
        buttons = QDialogButtonBox()
        self.connect_button: QPushButton = buttons.addButton(
            self.tr("Sambungkan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setDefault(True)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.test_button.clicked.connect(self.test_connection)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message_label)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)

        self.set_address(address or self.last_address())
        first_empty = next(
            (
                edit
                for edit in (self.host_edit, self.database_edit, self.user_edit)
                if not edit.text()
            ),
            self.password_edit,
        )
        first_empty.setFocus()

    # -- the form --------------------------------------------------------------------------

    def last_address(self) -> ServerAddress | None:
        """The server connected to last on this computer (kept without its password)."""
        text = str(self._settings.value(LAST_SERVER_KEY, "") or "")
        return ServerAddress.from_url(text) if text else None

    def set_address(self, address: ServerAddress | None) -> None:
        if address is None:
            return
        self.host_edit.setText(address.host)
        self.port_box.setValue(address.port)
        self.database_edit.setText(address.dbname)
        self.user_edit.setText(address.user)
        self.password_edit.setText(address.password)

    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host_edit.text().strip(),
            port=self.port_box.value(),
            dbname=self.database_edit.text().strip(),
            user=self.user_edit.text().strip(),
            password=self.password_edit.text(),
        )

    def _complete_address(self) -> ServerAddress | None:
        """The address, or None after saying which piece is still empty."""
        address = self.address()
        for value, edit, text in (
            (address.host, self.host_edit, self.tr("Isi alamat server.")),
            (address.dbname, self.database_edit, self.tr("Isi nama basis data.")),
            (address.user, self.user_edit, self.tr("Isi nama pengguna PostgreSQL.")),
        ):
            if not value:
                self.show_message(text, good=False)
                edit.setFocus()
                return None
        return address

    def show_message(self, text: str, *, good: bool) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(GOOD_STYLE if good else ERROR_STYLE)
        self.message_label.setVisible(bool(text))
        self.adjustSize()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.test_button.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)

    # -- the two actions -------------------------------------------------------------------

    def test_connection(self) -> None:
        """Ask the server what the database holds, writing nothing."""
        address = self._complete_address()
        if address is None:
            return
        self._set_busy(True)
        self.show_message(self.tr("Menghubungi %1…").replace("%1", address.display()), good=True)
        QueryOp(self, lambda: server_revision(address.url())).success(
            lambda revision: self._tested(address, revision)
        ).failure(lambda error: self._refused(address, error)).quietly().run_in_background(
            self.windowTitle()
        )

    def _tested(self, address: ServerAddress, revision: str | None) -> None:
        self._set_busy(False)
        if revision is None:
            text = self.tr(
                "Tersambung ke %1. Basis data ini masih kosong; disiapkan untuk Seleksi ASN "
                "saat disambungkan."
            )
        elif revision == HEAD:
            text = self.tr("Tersambung ke %1. Basis data ini berisi data Seleksi ASN.")
        else:
            text = self.tr(
                "Tersambung ke %1. Basis data ini berisi data Seleksi ASN versi lama; "
                "diperbarui saat disambungkan."
            )
        self.show_message(text.replace("%1", address.display()), good=True)

    def accept(self) -> None:
        """Open the database; the dialog closes only once it is open."""
        if self.busy:
            return
        address = self._complete_address()
        if address is None:
            return
        self._set_busy(True)
        self.show_message(self.tr("Menghubungi %1…").replace("%1", address.display()), good=True)
        QueryOp(self, lambda: open_database_checked(address.url())).success(
            lambda opened: self._opened(address, opened)
        ).failure(lambda error: self._refused(address, error)).quietly().run_in_background(
            self.windowTitle()
        )

    def _opened(self, address: ServerAddress, opened: OpenedFile) -> None:
        self._set_busy(False)
        self.opened = opened
        self._settings.setValue(LAST_SERVER_KEY, address.public_url())
        self._settings.sync()
        super().accept()

    def _refused(self, address: ServerAddress, error: Exception) -> None:
        """Say what to check; the form keeps everything that was typed."""
        self._set_busy(False)
        text, field = connection_problem(address, error)
        self.show_message(text, good=False)
        edit = {
            "host": self.host_edit,
            "database": self.database_edit,
            "user": self.user_edit,
            "password": self.password_edit,
        }.get(field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()


def connection_problem(address: ServerAddress, error: Exception) -> tuple[str, str]:
    """Why the server refused, as a clerk can act on it (the technical detail after), and
    which piece of the form to look at: ``host``, ``database``, ``user``, ``password`` or "".

    libpq tells the cause only in words (its errors at connecting carry no SQLSTATE); these
    are its English words, and anything not recognised reads as the general message."""
    if isinstance(error, UserError) and error.message != "db.server_unreachable":
        return sentence(error.text()), ""  # e.g. a schema written by a newer program
    detail = error.params.get("detail", "") if isinstance(error, UserError) else error
    technical = str(detail).strip()
    if address.password:
        technical = technical.replace(address.password, "***")
    lowered = technical.lower()
    field = ""
    if "no module named" in lowered:
        text = QCoreApplication.translate(
            "ServerDialog",
            "Program ini terpasang tanpa dukungan server PostgreSQL (paket psycopg). "
            "Minta pemasang program menambahkannya.",
        )
    elif "database" in lowered and "does not exist" in lowered:
        text = QCoreApplication.translate(
            "ServerDialog",
            "Basis data %2 tidak ada di server %1. Periksa ejaan namanya, atau minta "
            "pengelola server membuatnya.",
        )
        field = "database"
    elif "password authentication failed" in lowered or (
        "role" in lowered and "does not exist" in lowered
    ):
        text = QCoreApplication.translate(
            "ServerDialog", "Server %1 menolak pengguna %3 atau kata sandinya. Periksa keduanya."
        )
        field = "password" if address.password else "user"
    elif "no password supplied" in lowered or "password is required" in lowered:
        text = QCoreApplication.translate(
            "ServerDialog", "Server %1 meminta kata sandi untuk pengguna %3. Isi kata sandinya."
        )
        field = "password"
    elif "pg_hba.conf" in lowered:
        text = QCoreApplication.translate(
            "ServerDialog",
            "Server %1 tidak menerima sambungan dari laptop ini untuk pengguna %3. Minta "
            "pengelola server mengizinkannya.",
        )
    elif any(words in lowered for words in UNREACHABLE):
        text = QCoreApplication.translate(
            "ServerDialog",
            "Server %1 tidak menjawab. Periksa alamat server dan port, dan pastikan laptop "
            "ini tersambung ke jaringan yang sama dengan server.",
        )
        field = "host"
    else:
        text = QCoreApplication.translate("ServerDialog", "Tidak dapat tersambung ke server %1.")
    where = address.host if address.port == DEFAULT_PORT else f"{address.host}:{address.port}"
    text = text.replace("%1", where).replace("%2", address.dbname).replace("%3", address.user)
    if technical:
        technical_line = QCoreApplication.translate("ServerDialog", "Keterangan teknis: %1")
        text += "\n\n" + technical_line.replace("%1", technical)
    return text, field


UNREACHABLE = (
    "connection refused",
    "timeout expired",
    "timed out",
    "could not translate host name",
    "failed to resolve host",
    "name or service not known",
    "no route to host",
    "network is unreachable",
)
"""libpq's words for a server that cannot be reached at that address."""
