"""The interface language: Qt translators for Ketnoi's own strings and Qt's, and the locale.

``install(app, "system" | "en" | "vi")`` removes what an earlier call installed, loads
``resources/translations/ketnoi_<lang>.qm`` (and ``qtextra_<lang>.qm``: Qt's own standard
buttons and line-edit menu, which PySide6 does not ship in Vietnamese; plus ``qtbase_<lang>`` when
Qt ships it) and makes the language's ``QLocale`` the default, so numbers, month names and
calendar pop-ups follow. English is the source language: it needs no file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
_installed: list[QTranslator] = []
# The bytes of Ketnoi's own .qm files, read whole: a QTranslator loaded from a file name maps
# the file into memory, and a .qm rewritten in place while the window runs (an upgrade, a
# translation rebuilt beside a running window) then crashed it in QCoreApplication.translate.
# Qt does not copy data given to load(data): kept here as long as their translators.
_data: list[bytes] = []
_plurals: list[tuple[QCoreApplication, QTranslator]] = []


QT_ENGLISH = {("QPlatformTheme", "Save"): "&Save"}
"""Qt's own English words Ketnoi words otherwise: its standard Save button has no Alt letter
(reviewer: Alt+S did nothing in a form and Alt+L typed an "l"); qtextra_vi.ts gives "&Lưu"."""


class EnglishPlurals(QTranslator):
    """English plurals for the source strings: "Marked %n action(s) done" reads "Marked 1 action
    done" and "Marked 3 actions done". Qt's way is a numerus translation of each string into
    English; this translator gives the same answer for every ``(s)`` string written with ``%n``
    (Qt replaces ``%n``/``%Ln`` itself), so no English file has to be kept in step. It also gives
    Qt's own words of :data:`QT_ENGLISH` (a Vietnamese translator, asked first, gives its own)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if n < 0 or "(s)" not in source:
            return QT_ENGLISH.get((context, source))  # None: not ours, Qt uses the source text
        return source.replace("(s)", "" if n == 1 else "s")

    def isEmpty(self) -> bool:
        return False


def interface_language() -> str:
    """The language the window speaks now ("vi" or "en"), by the locale :func:`install` set."""
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def locale_for(language: str) -> QLocale:
    if language == "vi":
        return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale.system()


def resolved(language: str) -> str:
    """ "system" becomes the system's language when Ketnoi speaks it, else English."""
    if language in ("en", "vi"):
        return language
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"


def ensure_plurals(app: QCoreApplication) -> None:
    """English plurals, installed once and kept: translators installed later (Vietnamese) are
    asked first, so this one answers only for strings no translation has."""
    if any(app is owner for owner, _t in _plurals):
        return
    translator = EnglishPlurals(app)
    _plurals.append((app, translator))  # a strong reference: Qt calls back into this Python object
    app.installTranslator(translator)


def install(app: QCoreApplication, language: str) -> str:
    """Install the translators for ``language``; returns the language in use ("en"/"vi")."""
    ensure_plurals(app)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()  # (their bytes stay in _data: a removed translator still points at them)
    lang = resolved(language)
    locale = locale_for(lang)
    QLocale.setDefault(locale)
    if lang == "en":
        return lang
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{lang}", qt_dir):  # (Qt's own, in its install: not rewritten)
        app.installTranslator(translator)
        _installed.append(translator)
    for name in ("qtextra", "ketnoi"):
        try:
            data = (TRANSLATIONS / f"{name}_{lang}.qm").read_bytes()
        except OSError:
            continue
        translator = QTranslator(app)
        if translator.load(data, str(TRANSLATIONS)):
            _data.append(data)
            app.installTranslator(translator)
            _installed.append(translator)
    return lang
