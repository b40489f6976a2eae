"""The words of the file names the window offers in its Save dialogs, in the window's language.

Reviewer h129 saved from the Vietnamese window and was offered "ketnoi-export-….xlsx",
"ketnoi-contacts-….xlsx", "brief-….pdf": English names in a Vietnamese office's folders. Each
word here goes through the translation system (context "FileNames"); what comes back is folded
to plain letters, digits and hyphens (:func:`slug`) — "Cuộc họp" and "cuoc-hop" alike give
"cuoc-hop" — so a translation can never put an accent, a space or a slash in a name: Windows
would keep accents, but a mail program, a zip file or a colleague's older system may not, and
the names Ketnoi made before were plain letters for that reason (``ui.exports``).

    list_word("contact")      # "contacts" / "lien-he"
    export_word()             # "export" / "xuat-du-lieu"
    brief_words()             # the words of a brief's name (app.briefing.produce.FileWords)

Names with no word in them ("ketnoi.ics", "ketnoi-20261207-0930.dump", a letter's number, an
attachment's own name) are left as they are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.vntext import fold

if TYPE_CHECKING:  # (the briefing's modules are loaded when a brief is asked for, not before)
    from app.briefing.produce import FileWords


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileNames", text)


def slug(text: str) -> str:
    """``text`` as plain lower-case letters and digits joined by hyphens ("Tuần này" →
    "tuan-nay"); empty when nothing is left."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def list_word(entity: str) -> str:
    """What a list of ``entity`` is called in a file name: "meetings", "cuoc-hop"."""
    words = {
        "organisation": _tr("organisations"),
        "contact": _tr("contacts"),
        "meeting": _tr("meetings"),
        "action": _tr("actions"),
    }
    return slug(words.get(entity, f"{entity}s")) or f"{entity}s"


def export_word() -> str:
    """File → Export to Excel…'s whole workbook: "ketnoi-export-2026-11-23.xlsx"."""
    return slug(_tr("export")) or "export"


def template_word() -> str:
    """File → Save import template…: "ketnoi-mau-nhap-lieu-import-template.xlsx" in English (the
    template's headers are in both languages), "ketnoi-mau-nhap-lieu.xlsx" in Vietnamese."""
    return slug(_tr("mau-nhap-lieu-import-template")) or "mau-nhap-lieu-import-template"


def new_database_word() -> str:
    """Start a new database…: "ketnoi-new.db", "ketnoi-moi.db"."""
    return slug(_tr("new")) or "new"


def brief_words() -> FileWords:
    """The words of a brief's name in the window's language (Save as…)."""
    from app.briefing.produce import FileWords

    english = FileWords()
    return FileWords(
        brief=slug(_tr("brief")) or english.brief,
        organisation=slug(_tr("organisation")) or english.organisation,
        contact=slug(_tr("contact")) or english.contact,
        meeting=slug(_tr("meeting")) or english.meeting,
        digest=slug(_tr("digest")) or english.digest,
        confidential=slug(_tr("confidential")) or english.confidential,
    )
