"""Which language the interface speaks, and the Qt translators that make it speak it.

Indonesian is the source language of every ``tr()`` string, so Indonesian needs no
translation of our own texts; English loads ``seleksi_en.qm`` (compiled from
``resources/translations/seleksi_en.ts`` by ``make translations``).

Qt's own texts (the OK / Cancel / Yes / No of standard buttons, the line-edit context menu)
come from Qt's ``qtbase_<lang>.qm``. Qt ships no Indonesian one, so we ship a small
``qtbase_id.ts`` ourselves: a committee member must never meet an English "Cancel" in an
Indonesian program.

The same switch sets the language of ``app.messages`` (the services' error messages), so an
error shown in a dialog speaks the language of the dialog around it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app import messages

SOURCE_LANGUAGE = "id"
LANGUAGES = ("id", "en")
# Each language named in itself: someone who cannot read the current language must still
# recognise their own in the list.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, source: str, /) -> str:
    """Mark ``source`` for lupdate under ``context`` and return it untranslated.

    The same as Qt's function of that name (lupdate finds the call by its name, wherever it
    is imported from), typed: PySide6's stub declares ``object`` for both the text and the
    result, so every table of marked strings would lose its ``str`` type.
    """
    return source


def saved_language() -> str:
    """The language chosen in Settings, Indonesian until someone chooses otherwise."""
    value = QSettings().value(SETTINGS_KEY, SOURCE_LANGUAGE)
    return value if value in LANGUAGES else SOURCE_LANGUAGE


def save_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(language)
    QSettings().setValue(SETTINGS_KEY, language)


def current_language() -> str:
    return _current


def install_language(language: str, directory: Path | None = None) -> bool:
    """Replace the installed translators by ``language``'s; False if its file is missing.

    ``directory`` holds our ``.qm`` files (default ``resources/translations``).

    Installing a translator makes Qt send ``LanguageChange`` to every widget, which is how
    open windows retranslate themselves. A missing ``.qm`` (``make translations`` not run)
    leaves the interface in Indonesian rather than failing to start.
    """
    global _current
    if language not in LANGUAGES:
        raise ValueError(language)
    directory = directory or TRANSLATIONS_DIR
    application = QCoreApplication.instance()
    if application is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        application.removeTranslator(translator)
    _installed.clear()
    found = True
    if language != SOURCE_LANGUAGE:
        found = _install(application, f"seleksi_{language}", directory)
        if not found:
            print(
                f"seleksi: {directory / f'seleksi_{language}.qm'} not found; run make translations",
                file=sys.stderr,
            )
    qt_directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not _install(application, f"qtbase_{language}", Path(qt_directory)):
        _install(application, f"qtbase_{language}", directory)
    _current = language if found else SOURCE_LANGUAGE
    messages.set_language(_current)
    # Qt's own widgets (the calendar popup's month and day names, the print dialog's sizes,
    # the file dialog's file types) follow the default locale, not the translators.
    QLocale.setDefault(
        QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        if _current == "en"
        else QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    )
    return found


def remove_translators() -> None:
    """Back to the untranslated state before any ``install_language`` (tests start from it)."""
    global _current
    application = QCoreApplication.instance()
    if application is not None:
        for translator in _installed:
            application.removeTranslator(translator)
    _installed.clear()
    _current = SOURCE_LANGUAGE
    messages.set_language(SOURCE_LANGUAGE)


def _install(application: QCoreApplication, name: str, directory: Path) -> bool:
    translator = QTranslator(application)
    if not translator.load(name, str(directory)):
        translator.deleteLater()
        return False
    application.installTranslator(translator)
    _installed.append(translator)
    return True
