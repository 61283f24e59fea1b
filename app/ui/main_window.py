"""The main window: the selection on top, navigation on the left, the chosen page beside it.

How a page gets into the window (the contract other pages rely on):

* Register it in ``PAGES`` below as ``(key, title, factory, roles)``:
  ``key`` names the page (and its icon, ``resources/icons/<key>.svg``); ``title`` is wrapped in
  ``QT_TRANSLATE_NOOP("MainWindow", …)`` so lupdate collects it and the window translates it;
  ``factory`` is ``page_class("app.ui.pages.<module>:<Class>")``, which imports the module only
  when the page is first shown (start-up stays fast, and a page's heavy imports stay with it);
  ``roles`` lists the roles that see the page (``ALL_ROLES`` or a subset of ``ROLES``).
* The class is constructed as ``Class(context: AppContext, parent=None)`` the first time the
  user opens the page, and it may load its data right there.
* The page follows the rest of the program itself: it connects to
  ``context.changes.selection_switched`` (another selection was chosen in the switcher on top)
  and to ``context.changes.changed`` (``changes, initiator``: what a write changed and who
  started it). A page writes only through ``operations.ServiceOp``, which broadcasts the
  service's ``Changes``; changes another process writes into the file arrive the same way
  from the window's ``FileWatcher`` within a second. The window never calls pages for that,
  so no page is refreshed twice.
* ``refresh()`` reloads the page from the database; the window calls it for the page on
  screen when the user asks (*Muat ulang*, F5).
* A page that can hold something typed but not saved (a value still in a cell editor, an
  edited scheme) implements ``LeavingPage``: before the window closes or the user logs out
  (File › *Keluar / ganti pengguna*), the window shows each such page that ``unsaved()`` and
  calls ``leave()``, which saves it or asks; ``False`` keeps the window as it is.
* On a language switch the window rebuilds the pages it created (on their next visit), so a
  page needs no retranslation code; a page that retranslates itself through
  ``changeEvent(LanguageChange)`` sets the class attribute ``retranslates_itself = True`` and
  is left alone (keeping whatever the user typed).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.services.backups import ON_EXIT, automatic_backup
from app.services.changes import USERS
from app.services.devices import this_field_laptop
from app.services.errors import UserError
from app.services.history import opening_warnings
from app.services.permissions import Action, allowed
from app.services.selections import SelectionInfo, list_selections
from app.services.users import ROLES, find_user, list_users

from .context import FORMATIONS, PARTICIPANTS, SELECTION, AppContext, Changes
from .dialogs import Dialogs
from .i18n import QT_TRANSLATE_NOOP, current_language
from .icons import icon
from .location import ServerAddress, full_name, location_key, short_name
from .manual import ManualDialog
from .operations import QueryOp
from .password_dialog import ChangePasswordDialog
from .recent import DatabasePreferences, RecentFiles
from .watcher import FileWatcher

PageFactory = Callable[[AppContext], QWidget]
ALL_ROLES: tuple[str, ...] = tuple(ROLES)


def _may(action: Action) -> tuple[str, ...]:
    """The roles the permission table allows ``action``: a page that exists to do it is
    offered to exactly those who may (hiding is not access control; the service refuses)."""
    return tuple(role for role in ROLES if allowed(role, action))


@runtime_checkable
class RefreshablePage(Protocol):
    """What the window asks of every registered page besides being a ``QWidget``."""

    def refresh(self) -> None:
        """Reload the page from the database (F5, *Muat ulang*)."""


@runtime_checkable
class LeavingPage(Protocol):
    """A page that may hold typed work not yet saved (see the module docstring)."""

    def unsaved(self) -> bool:
        """Whether something typed here is not in the database yet."""

    def leave(self) -> bool:
        """Save what is typed, or ask the user; ``False``: they chose to stay."""


@dataclass(frozen=True)
class PageClass:
    """Builds the page ``target`` (``"package.module:Class"``), importing its module only then.

    ``target`` stays readable so the registry test can import every page without a window.
    """

    target: str

    def __call__(self, context: AppContext) -> QWidget:
        module_name, _, class_name = self.target.partition(":")
        page_type = getattr(importlib.import_module(module_name), class_name)
        page: QWidget = page_type(context)
        return page


def page_class(target: str) -> PageClass:
    """The factory to register a page with, see the module docstring."""
    return PageClass(target)


# The navigation, in the order a committee works through a selection. Roles follow issue 3:
# set-up is the admin's (operators may look at quotas, read-only), participants are kept by
# admin and operators, scores are typed by assessors, operators and the admin.
PAGES: list[tuple[str, str, PageFactory, tuple[str, ...]]] = [
    (
        "persiapan",
        QT_TRANSLATE_NOOP("MainWindow", "Persiapan"),
        page_class("app.ui.pages.setup:SetupPage"),
        ("admin", "operator"),
    ),
    (
        "peserta",
        QT_TRANSLATE_NOOP("MainWindow", "Peserta"),
        page_class("app.ui.pages.participants:ParticipantsPage"),
        ("admin", "operator"),
    ),
    (
        "nilai",
        QT_TRANSLATE_NOOP("MainWindow", "Input nilai"),
        page_class("app.ui.pages.score_entry:ScoreEntryPage"),
        _may(Action.ENTER_SCORE),
    ),
    (
        "peringkat",
        QT_TRANSLATE_NOOP("MainWindow", "Peringkat"),
        page_class("app.ui.pages.rankings:RankingsPage"),
        ALL_ROLES,
    ),
    (
        "verifikasi",
        QT_TRANSLATE_NOOP("MainWindow", "Verifikasi"),
        page_class("app.ui.pages.review:ReviewPage"),
        ("admin", "operator"),
    ),
    (
        "pengumuman",
        QT_TRANSLATE_NOOP("MainWindow", "Pengumuman"),
        page_class("app.ui.pages.announcements:AnnouncementsPage"),
        ("admin", "operator"),
    ),
    # Issue #10 §4: the day's printed forms. Printing is a read; as with the CLI's ``sheet``,
    # ``attendance``, ``minutes`` and ``slip``, whoever works on the selection day may print
    # them (printing is recorded, so the tim monev, who only reads, does not).
    (
        "formulir",
        QT_TRANSLATE_NOOP("MainWindow", "Formulir"),
        page_class("app.ui.pages.forms:FormsPage"),
        _may(Action.PRINT_DOCUMENT),
    ),
    (
        "audit",
        QT_TRANSLATE_NOOP("MainWindow", "Jejak audit"),
        page_class("app.ui.pages.audit:AuditPage"),
        # A pure read (the list, the chain check, a CSV of it): the tim monev asks it who
        # changed a score and why, as the committee does when a result is contested.
        ("admin", "operator", "monev"),
    ),
    (
        "cadangan",
        QT_TRANSLATE_NOOP("MainWindow", "Cadangan"),
        page_class("app.ui.pages.backups:BackupsPage"),
        ("admin", "operator"),
    ),
    # Issue #12 §1: field laptops prepared here, their packages imported (on a field
    # laptop: its package exported). After the first nine: Ctrl+1…9 stay where they were.
    (
        "paket",
        QT_TRANSLATE_NOOP("MainWindow", "Paket"),
        page_class("app.ui.pages.packages:PackagesPage"),
        ("admin", "operator"),
    ),
    # Issue #13: monitoring and evaluation, for the admin and the tim monev. After the first
    # nine, as Paket: Ctrl+1…9 of the admin and the operator stay where they were.
    (
        "monev",
        QT_TRANSLATE_NOOP("MainWindow", "Monev"),
        page_class("app.ui.pages.monev:MonevPage"),
        _may(Action.SEE_EVALUATION),
    ),
    # Issue #14: the drafting team's policy lab, beside the evaluation it answers.
    (
        "kebijakan",
        QT_TRANSLATE_NOOP("MainWindow", "Rancangan kebijakan"),
        page_class("app.ui.pages.policy:PolicyPage"),
        _may(Action.DRAFT_POLICY),
    ),
    (
        "pengaturan",
        QT_TRANSLATE_NOOP("MainWindow", "Pengaturan"),
        page_class("app.ui.settings_page:SettingsPage"),
        ALL_ROLES,
    ),
    # Last: Ctrl+1…9 keep the pages they had before the admin got this one.
    (
        "pengguna",
        QT_TRANSLATE_NOOP("MainWindow", "Pengguna"),
        page_class("app.ui.pages.users:UsersPage"),
        _may(Action.MANAGE_USERS),
    ),
]

DATABASE_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow", "Basis data Seleksi ASN (*.db *.sqlite);;Semua berkas (*)"
)


def role_label(role: str) -> str:
    """A role as people on the committee call it."""
    labels = {
        "admin": QCoreApplication.translate("Roles", "Administrator"),
        "operator": QCoreApplication.translate("Roles", "Operator"),
        "penilai": QCoreApplication.translate("Roles", "Penilai"),
        "monev": QCoreApplication.translate("Roles", "Tim Monev"),
    }
    return labels.get(role, role)


def visible_pages(role: str) -> list[tuple[str, str, PageFactory]]:
    """The registered pages a user with ``role`` may open."""
    return [(key, title, factory) for key, title, factory, roles in PAGES if role in roles]


class MainWindow(QMainWindow):
    """The window of one open database for one logged-in user.

    ``open_requested(path)`` and ``new_requested(path)`` ask the launcher (app.py) to switch
    to another database file, ``connect_requested(url)`` to connect to a server database
    (``url`` without password fills the connect dialog in; ``None`` for an empty one),
    ``logout_requested`` to log this user out (once every page has left, ``leave_pages``);
    the window itself never logs anyone in or out.
    """

    open_requested = Signal(object)
    new_requested = Signal(object)
    connect_requested = Signal(object)
    logout_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.preferences = DatabasePreferences(location_key(context.database))
        self.recent = RecentFiles()
        self._selections: dict[int, SelectionInfo] = {}
        self._entries = visible_pages(context.role)
        self._slots: dict[str, QWidget] = {}
        self._slot_layouts: dict[str, QVBoxLayout] = {}
        self._pages: dict[str, QWidget] = {}
        self._rebuild_scheduled = False
        self._account_changed = False
        # Scores the CLI or another laptop writes into this file reach every page.
        self.watcher = FileWatcher(context, self)
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(960, 600)

        self._build_header()
        self._build_body()
        self._manual: ManualDialog | None = None
        self._build_menus()
        self.user_label = QLabel()
        self.user_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.user_label)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self._build_warning_bar()
        layout.addWidget(self.warning_bar)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(self.body, 1)
        self.setCentralWidget(central)

        self.selection_box.currentIndexChanged.connect(self._selection_chosen)
        self.nav.currentRowChanged.connect(self._nav_changed)
        context.changes.selection_switched.connect(self._selection_switched)
        context.changes.changed.connect(self._data_changed)

        self._retranslate()
        self._load_selections()
        self._switch_to_initial_selection()
        if self._entries:
            self.nav.setCurrentRow(0)
        # Issue 9: the live history against the heads of the file's own backups, off the GUI
        # thread; a problem shows in the warning bar, the window stays usable.
        QueryOp(self, lambda: opening_warnings(context.database)).quietly().success(
            self.add_warnings
        ).failure(lambda _error: None).run_in_background(self.tr("Memeriksa riwayat"))

    # -- building -------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.header = QWidget()
        row = QHBoxLayout(self.header)
        row.setContentsMargins(12, 8, 12, 8)
        row.setSpacing(8)
        self.selection_label = QLabel()
        self.selection_box = QComboBox()
        self.selection_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.selection_box.setMinimumContentsLength(36)
        self.selection_label.setBuddy(self.selection_box)
        self.summary_label = QLabel()
        row.addWidget(self.selection_label)
        row.addWidget(self.selection_box)
        row.addSpacing(8)
        row.addWidget(self.summary_label, 1)

    def _build_warning_bar(self) -> None:
        """A warning under the selection bar that never blocks work (issue 9: a file whose
        history no longer holds its backups' chain heads, or whose triggers were missing)."""
        self.warnings: list[str] = []
        self.warning_bar = QFrame()
        self.warning_bar.setObjectName("warningBar")
        self.warning_bar.setStyleSheet(
            "QFrame#warningBar { background: #fff4ce; border-top: 1px solid #e0b400;"
            " border-bottom: 1px solid #e0b400; } QFrame#warningBar QLabel { color: #3b2f00; }"
        )
        row = QHBoxLayout(self.warning_bar)
        row.setContentsMargins(12, 6, 12, 6)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_close = QPushButton()
        self.warning_close.clicked.connect(self.warning_bar.hide)
        row.addWidget(self.warning_label, 1)
        row.addWidget(self.warning_close, 0, Qt.AlignmentFlag.AlignTop)
        self.warning_bar.hide()

    def add_warnings(self, warnings: list[str] | tuple[str, ...]) -> None:
        """Show ``warnings`` (already in words) in the warning bar, after any shown before."""
        fresh = [text for text in warnings if text not in self.warnings]
        if not fresh:
            return
        self.warnings.extend(fresh)
        self.warning_label.setText("\n".join(self.warnings))
        self.warning_bar.show()

    def _build_body(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Palette roles, not colours: the navigation follows a dark or high-contrast theme.
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: palette(window); outline: 0;"
            " border-right: 1px solid palette(mid); padding-top: 6px; }"
            "QListWidget#navigation::item { padding: 7px 10px; margin: 1px 6px;"
            " border-radius: 4px; color: palette(window-text); }"
            "QListWidget#navigation::item:hover { background: palette(midlight); }"
            "QListWidget#navigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.stack = QStackedWidget()
        for key, _title, _factory in self._entries:
            item = QListWidgetItem(icon(key), "")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            slot = QWidget()
            slot_layout = QVBoxLayout(slot)
            slot_layout.setContentsMargins(0, 0, 0, 0)
            self._slots[key] = slot
            self._slot_layouts[key] = slot_layout
            self.stack.addWidget(slot)
        self.body = QHBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(0)
        self.body.addWidget(self.nav)
        self.body.addWidget(self.stack, 1)

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.new_action = QAction(icon("new"), "", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self._new_database)
        self.open_action = QAction(icon("open"), "", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._open_database)
        self.connect_action = QAction(icon("open"), "", self)
        self.connect_action.triggered.connect(lambda: self.connect_requested.emit(None))
        self.recent_menu = QMenu(self)
        self.recent_menu.setIcon(icon("recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        # Field laptops (issue #12 §1): each opens the Paket page's own dialog.
        on_field = this_field_laptop(self.context.database) is not None
        may = self.context.may
        self.prepare_laptop_action = QAction(icon("new"), "", self)
        self.prepare_laptop_action.triggered.connect(
            lambda: self._package_page_call("open_prepare_dialog")
        )
        self.prepare_laptop_action.setVisible(not on_field and may(Action.PREPARE_DEVICE))
        self.import_package_action = QAction(icon("open"), "", self)
        self.import_package_action.triggered.connect(
            lambda: self._package_page_call("choose_package")
        )
        self.import_package_action.setVisible(not on_field and may(Action.IMPORT_PACKAGE))
        self.export_package_action = QAction(icon("paket"), "", self)
        self.export_package_action.triggered.connect(lambda: self._package_page_call("export"))
        self.export_package_action.setVisible(on_field and may(Action.EXPORT_PACKAGE))
        self.password_action = QAction(icon("lock"), "", self)
        self.password_action.triggered.connect(self.change_password)
        self.logout_action = QAction(icon("pengguna"), "", self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+L"))
        self.logout_action.triggered.connect(self.log_out)
        self.quit_action = QAction(icon("quit"), "", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.connect_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.prepare_laptop_action)
        self.file_menu.addAction(self.import_package_action)
        self.file_menu.addAction(self.export_package_action)
        if on_field or may(Action.PREPARE_DEVICE) or may(Action.IMPORT_PACKAGE):
            self.file_menu.addSeparator()
        self.file_menu.addAction(self.password_action)
        self.file_menu.addAction(self.logout_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.pages_menu = self.menuBar().addMenu("")
        self.page_actions: list[QAction] = []
        for number, (key, _title, _factory) in enumerate(self._entries, start=1):
            action = QAction(icon(key), "", self)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            self.pages_menu.addAction(action)
            self.page_actions.append(action)
        self.pages_menu.addSeparator()
        self.reload_action = QAction(self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.triggered.connect(self.refresh_current_page)
        self.pages_menu.addAction(self.reload_action)

        self.help_menu = self.menuBar().addMenu("")
        self.manual_action = QAction(icon("about"), "", self)
        self.manual_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.manual_action.triggered.connect(self.show_manual)
        self.help_menu.addAction(self.manual_action)
        self.about_action = QAction(icon("about"), "", self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def _retranslate(self) -> None:
        """Every text of the window itself; pages are rebuilt or retranslate themselves."""
        self.file_menu.setTitle(self.tr("&Berkas"))
        self.new_action.setText(self.tr("&Baru…"))
        self.new_action.setStatusTip(self.tr("Buat berkas basis data baru"))
        self.open_action.setText(self.tr("&Buka…"))
        self.open_action.setStatusTip(self.tr("Buka berkas basis data lain"))
        self.connect_action.setText(self.tr("Sambungkan ke &server…"))
        self.connect_action.setStatusTip(
            self.tr("Buka seleksi yang disimpan di server PostgreSQL pada jaringan kantor")
        )
        self.recent_menu.setTitle(self.tr("&Terakhir dibuka"))
        self.prepare_laptop_action.setText(self.tr("Siapkan &laptop lapangan…"))
        self.prepare_laptop_action.setStatusTip(
            self.tr("Tulis berkas basis data untuk laptop di ruang ujian")
        )
        self.prepare_laptop_action.setToolTip(self.prepare_laptop_action.statusTip())
        self.import_package_action.setText(self.tr("&Impor paket…"))
        self.import_package_action.setStatusTip(
            self.tr("Gabungkan nilai dari paket laptop lapangan")
        )
        self.export_package_action.setText(self.tr("&Ekspor paket…"))
        self.export_package_action.setStatusTip(
            self.tr("Tulis paket nilai laptop ini untuk dibawa ke laptop utama")
        )
        self.password_action.setText(self.tr("&Ganti kata sandi…"))
        self.password_action.setStatusTip(self.tr("Ganti kata sandi akun Anda"))
        self.logout_action.setText(self.tr("Keluar / ganti &pengguna"))
        self.logout_action.setStatusTip(
            self.tr("Keluar dari akun ini dan kembali ke layar masuk tanpa menutup program")
        )
        self.quit_action.setText(self.tr("&Keluar"))
        self.pages_menu.setTitle(self.tr("&Halaman"))
        self.reload_action.setText(self.tr("&Muat ulang"))
        self.reload_action.setStatusTip(self.tr("Baca ulang halaman ini dari basis data"))
        self.help_menu.setTitle(self.tr("Ba&ntuan"))
        self.manual_action.setText(self.tr("&Panduan"))
        self.manual_action.setStatusTip(
            self.tr("Panduan hari seleksi, dari persiapan sampai pengumuman")
        )
        self.about_action.setText(self.tr("&Tentang Seleksi ASN"))
        self.warning_close.setText(self.tr("Tutup"))
        self.warning_close.setToolTip(self.tr("Sembunyikan peringatan ini"))
        self.selection_label.setText(self.tr("&Seleksi:"))
        self.selection_box.setPlaceholderText(self.tr("(belum ada seleksi)"))
        widest = 0
        metrics = self.nav.fontMetrics()
        for row, (_key, title, _factory) in enumerate(self._entries):
            text = self.tr(title)
            self.nav.item(row).setText(text)
            self.page_actions[row].setText(text)
            widest = max(widest, metrics.horizontalAdvance(text))
        # Fixed, but wide enough for the longest title in the current language.
        self.nav.setFixedWidth(max(180, widest + self.nav.iconSize().width() + 64))
        user = self._user_text()
        self.user_label.setText(user)
        self._update_title()
        self._update_summary()

    def _user_text(self) -> str:
        actor = self.context.actor
        full_name = next(
            (u.full_name for u in list_users(self.context.database) if u.username == actor.name),
            "",
        )
        return f"{full_name or actor.name} ({role_label(actor.role)})"

    # -- pages ----------------------------------------------------------------------------

    def nav_keys(self) -> list[str]:
        """Keys of the pages this user sees, in navigation order."""
        return [key for key, _title, _factory in self._entries]

    def nav_texts(self) -> list[str]:
        return [self.nav.item(row).text() for row in range(self.nav.count())]

    def current_key(self) -> str | None:
        row = self.nav.currentRow()
        return self._entries[row][0] if 0 <= row < len(self._entries) else None

    def show_page(self, key: str) -> QWidget | None:
        """Bring ``key`` on screen (building it if needed) and return the page."""
        row = self.nav_keys().index(key)
        self.nav.setCurrentRow(row)
        return self._pages.get(key)

    def page(self, key: str) -> QWidget | None:
        """The page object, once it was built."""
        return self._pages.get(key)

    def _nav_changed(self, row: int) -> None:
        if not 0 <= row < len(self._entries):
            return
        # Leaving a page with typed work not saved (an edited scheme) asks first; "stay"
        # puts the navigation back where it was (issue #10 §5, §6).
        shown = self.stack.currentWidget()
        for left_key, slot in self._slots.items():
            page = self._pages.get(left_key)
            if slot is shown and isinstance(page, LeavingPage) and page.unsaved():
                if not page.leave():
                    back = next(i for i, entry in enumerate(self._entries) if entry[0] == left_key)
                    self.nav.blockSignals(True)
                    self.nav.setCurrentRow(back)
                    self.nav.blockSignals(False)
                    return
                break
        key, _title, factory = self._entries[row]
        self.stack.setCurrentWidget(self._slots[key])
        if key not in self._pages:
            self._build_page(key, factory)

    def _build_page(self, key: str, factory: PageFactory) -> None:
        slot_layout = self._slot_layouts[key]
        try:
            page = factory(self.context)
        except UserError as error:
            self.statusBar().showMessage(error.text())
            return
        slot_layout.addWidget(page)
        page.show()  # at once, not at the layout's next turn: the caller may use it now
        self._pages[key] = page

    def refresh_current_page(self) -> None:
        """Reload the page on screen from the database (F5)."""
        page = self._pages.get(self.current_key() or "")
        if page is None:
            return
        # Every registered page has refresh(); the registry test holds them to it.
        assert isinstance(page, RefreshablePage), self.current_key()
        try:
            page.refresh()
        except UserError as error:
            self.statusBar().showMessage(error.text())

    def _rebuild_pages_for_language(self) -> None:
        """Drop built pages that cannot retranslate themselves; the next visit rebuilds them."""
        self._rebuild_scheduled = False
        for key in list(self._pages):
            page = self._pages[key]
            if getattr(page, "retranslates_itself", False):
                continue
            del self._pages[key]
            page.hide()
            page.deleteLater()
        current = self.current_key()
        if current is not None and current not in self._pages:
            self._nav_changed(self.nav.currentRow())

    # -- selection ------------------------------------------------------------------------

    def _load_selections(self) -> None:
        """Fill the switcher, newest selection first."""
        selections = list_selections(self.context.database)
        self._selections = {info.id: info for info in selections}
        self.selection_box.blockSignals(True)
        self.selection_box.clear()
        for info in reversed(selections):
            self.selection_box.addItem(f"{info.name} ({info.year})", info.id)
        self.selection_box.setEnabled(bool(selections))
        self._sync_selection_box()
        self.selection_box.blockSignals(False)

    def _switch_to_initial_selection(self) -> None:
        candidates = (self.context.selection_id, self.preferences.last_selection)
        chosen = next((c for c in candidates if c in self._selections), None)
        if chosen is None and self._selections:
            chosen = max(self._selections)  # the most recently created
        self.context.switch_selection(chosen)

    def _sync_selection_box(self) -> None:
        index = self.selection_box.findData(self.context.selection_id)
        self.selection_box.setCurrentIndex(index)
        # A long name is elided in the box; the whole name is one hover away.
        self.selection_box.setToolTip(self.selection_box.currentText())

    def _selection_chosen(self, index: int) -> None:
        selection_id = self.selection_box.itemData(index)
        if selection_id is not None and selection_id != self.context.selection_id:
            # Another selection reloads every page: typed work of this one is saved or
            # dropped on the user's word first, never silently.
            if not self.leave_pages():
                self.selection_box.blockSignals(True)
                self._sync_selection_box()
                self.selection_box.blockSignals(False)
                return
            self.context.switch_selection(selection_id)

    def _selection_switched(self, selection_id: int | None) -> None:
        if selection_id is not None and selection_id not in self._selections:
            self._load_selections()  # made elsewhere, e.g. by a set-up page
        self.selection_box.blockSignals(True)
        self._sync_selection_box()
        self.selection_box.blockSignals(False)
        self.preferences.last_selection = selection_id
        self._update_title()
        self._update_summary()

    def _data_changed(self, changes: Changes, initiator: object = None) -> None:
        kinds = changes.kinds
        if kinds & {SELECTION, FORMATIONS, PARTICIPANTS}:
            self._load_selections()
            self._update_title()
            self._update_summary()
        if USERS in kinds and not self._account_changed and self.isVisible():
            self._check_own_account()  # hidden: logged out already, a login is being asked

    def _check_own_account(self) -> None:
        """Deactivated, or given another role, by an admin elsewhere (another laptop): this
        window no longer fits the account, so it says so and logs out (issue 10 §4)."""
        actor = self.context.actor
        account = find_user(self.context.database, actor.name)
        if account is None or (account.active and account.role == actor.role):
            return
        if not account.active:
            text = self.tr("Akun %1 dinonaktifkan oleh admin. Masuk dengan akun lain.")
        else:
            text = self.tr("Peran akun %1 kini %2. Masuk lagi agar peran itu berlaku.")
        text = text.replace("%1", actor.name).replace("%2", role_label(account.role))
        self._account_changed = True
        # After the broadcast: a message box inside it would hold up every other page.
        QTimer.singleShot(0, lambda: self._leave_changed_account(text))

    def _leave_changed_account(self, text: str) -> None:
        Dialogs.info(self, self.tr("Akun Anda berubah"), text)
        if not self.log_out():
            self._account_changed = False  # the user stayed for unsaved work: asked again later

    def current_selection(self) -> SelectionInfo | None:
        selection_id = self.context.selection_id
        return self._selections.get(selection_id) if selection_id is not None else None

    def _update_title(self) -> None:
        info = self.current_selection()
        name = info.name if info else self.tr("(belum ada seleksi)")
        self.setWindowTitle(f"Seleksi ASN — {name} — {short_name(self.context.database)}")

    def _update_summary(self) -> None:
        info = self.current_selection()
        if info is None:
            self.summary_label.setText(
                self.tr("Berkas ini belum berisi seleksi.") if not self._selections else ""
            )
            return
        counts = self.tr("%n formasi", "", info.formations) + " · "
        counts += self.tr("%n peserta", "", info.participants)
        self.summary_label.setText(f"{info.scheme_name} · {counts}")

    # -- menus ----------------------------------------------------------------------------

    def _database_filter(self) -> str:
        return self.tr(DATABASE_FILTER)

    def _new_database(self) -> None:
        path = Dialogs.save_file(
            self, self.tr("Basis data baru"), self._database_filter(), "seleksi-baru.db"
        )
        if path is not None:
            self.new_requested.emit(path if path.suffix else path.with_suffix(".db"))

    def _open_database(self) -> None:
        path = Dialogs.open_file(self, self.tr("Buka basis data"), self._database_filter())
        if path is not None:
            self.open_requested.emit(path)

    def _package_page_call(self, method: str) -> None:
        """Berkas › a field-laptop action: the Paket page on screen, then its dialog."""
        if "paket" not in self.nav_keys():
            return
        page = self.show_page("paket")
        if page is not None:
            getattr(page, method)()

    def change_password(self) -> ChangePasswordDialog:
        """File › Ganti kata sandi: the logged-in user's own password (window-modal)."""
        dialog = ChangePasswordDialog(self.context, self)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(self.tr("Kata sandi diganti."), 8000)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def log_out(self) -> bool:
        """File › Keluar / ganti pengguna: once nothing typed is left unsaved, ask the
        launcher for the login; False when a page kept the window."""
        if not self.leave_pages():
            return False
        self.logout_requested.emit()
        return True

    def leave_pages(self) -> bool:
        """Every built page with typed work not yet saved saves it or asks, on screen."""
        for key, page in list(self._pages.items()):
            if isinstance(page, LeavingPage) and page.unsaved():
                self.show_page(key)
                if not page.leave():
                    return False
        return True

    def show_manual(self) -> ManualDialog:
        """F1: the manual in the interface language, beside the window (one at a time)."""
        if self._manual is None:
            self._manual = ManualDialog(self)
        self._manual.load(current_language())
        self._manual.show()
        self._manual.raise_()
        return self._manual

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        current = location_key(self.context.database)
        current = current.expanduser().resolve() if isinstance(current, Path) else current
        for number, path in enumerate(paths, start=1):
            if isinstance(path, str):  # a server, kept without its password
                address = ServerAddress.from_url(path)
                user = self.tr("pengguna %1").replace("%1", address.user)
                action = self.recent_menu.addAction(f"&{number}  {address.display()}  —  {user}")
            else:
                action = self.recent_menu.addAction(f"&{number}  {path.name}  —  {path.parent}")
            action.setStatusTip(str(path))
            action.setEnabled(path != current)
            action.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if not paths:
            self.recent_menu.addAction(self.tr("(kosong)")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("&Kosongkan daftar"), self.recent.clear)

    def _open_recent(self, path: Path | str) -> None:
        if isinstance(path, str):
            self.connect_requested.emit(path)  # the dialog asks for the password, if any
            return
        if not path.exists():
            Dialogs.error(
                self,
                self.tr("Berkas tidak ditemukan"),
                self.tr("Berkas %1 tidak ada lagi; dihapus dari daftar.").replace("%1", str(path)),
            )
            self.recent.remove(path)
            return
        self.open_requested.emit(path)

    def _about(self) -> None:
        text = self.tr(
            "Seleksi ASN %1\n\nAplikasi luring bagi panitia seleksi ASN daerah: nilai, "
            "peringkat, dan pengumuman hasil menurut aturan resmi.\n\nBasis data: %2"
        )
        text = text.replace("%1", __version__).replace("%2", full_name(self.context.database))
        Dialogs.info(self, self.tr("Tentang Seleksi ASN"), text)

    # -- Qt overrides ---------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.leave_pages():
            event.ignore()
            return
        self.watcher.stop()
        automatic_backup(self.context.database, ON_EXIT)  # DESIGN §6; never blocks closing
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if not self._rebuild_scheduled:
                # After the event: a page may be the sender of the switch that caused it.
                self._rebuild_scheduled = True
                QTimer.singleShot(0, self._rebuild_pages_for_language)
        super().changeEvent(event)
