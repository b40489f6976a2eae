"""The file names the window offers in its Save dialogs, in the window's language: the rules and
the words are :mod:`app.file_names`'s, shared with the command line (``ketnoi brief`` without
``-o`` names its PDF the same way); this module only says which language the window speaks.

Reviewer h129 saved from the Vietnamese window and was offered "ketnoi-export-….xlsx",
"ketnoi-contacts-….xlsx", "brief-….pdf": English names in a Vietnamese office's folders. Every
name is plain letters, digits and hyphens ("Cuộc họp" → "cuoc-hop": :func:`app.file_names.slug`).

    list_word("contact")      # "contacts" / "lien-he"
    export_word()             # "export" / "xuat-du-lieu"
    brief_words()             # the words of a brief's name (app.file_names.FileWords)
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from app import file_names as names
from app.file_names import FileWords, slug

__all__ = ["FileWords", "brief_words", "export_word", "list_word", "new_database_word", "slug"]


def language() -> str:
    """The window's language ("vi" or "en"), as :meth:`ui.context.AppContext.lang` says it."""
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def list_word(entity: str) -> str:
    """What a list of ``entity`` is called in a file name: "meetings", "cuoc-hop"."""
    return names.list_word(entity, language())


def export_word() -> str:
    """File → Export to Excel…'s whole workbook: "export", "xuat-du-lieu"."""
    return names.word("export", language())


def new_database_word() -> str:
    """Start a new database…: "ketnoi-new.db", "ketnoi-moi.db"."""
    return names.word("new", language())


def brief_words() -> FileWords:
    """The words of a brief's name in the window's language (Save as…)."""
    return names.brief_words(language())


def export_name(today: dt.date) -> str:
    return names.export_name(today, language())


def list_name(entity: str, words: list[str], today: dt.date, suffix: str = ".xlsx") -> str:
    return names.list_name(entity, words, today, language(), suffix)


def template_name() -> str:
    return names.template_name(language())
