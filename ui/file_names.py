"""The file names the window offers in its Save dialogs, in the window's language: the rules and
the words are :mod:`app.file_names`'s, shared with the command line (``ketnoi brief`` without
``-o`` names its PDF the same way); this module only says which language the window speaks.

Reviewer h129 saved from the Vietnamese window and was offered "ketnoi-export-….xlsx",
"ketnoi-contacts-….xlsx", "brief-….pdf": English names in a Vietnamese office's folders. Every
name is plain letters, digits and hyphens ("Cuộc họp" → "cuoc-hop": :func:`app.file_names.slug`).

    list_name("contact", [], today)   # "ketnoi-contacts-….xlsx" / "ketnoi-lien-he-….xlsx"
    brief_words()                     # the words of a brief's name (app.file_names.FileWords)
"""

from __future__ import annotations

import datetime as dt

from app import file_names as names
from app.file_names import FileWords, slug
from ui.i18n import interface_language

__all__ = [
    "FileWords",
    "brief_words",
    "export_name",
    "list_name",
    "new_database_word",
    "slug",
    "template_name",
]


def language() -> str:
    """The window's language ("vi" or "en")."""
    return interface_language()


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
