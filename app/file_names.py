"""The names Ketnoi proposes for the files it writes, in English and Vietnamese: one set of rules
for the window's Save dialogs (``ui.file_names``, in the window's language) and the command
line's default names (``ketnoi brief`` without ``-o``, in the brief's ``--lang``, else the
locale's).

Reviewer h129 saved from the Vietnamese window and was offered "ketnoi-export-….xlsx",
"brief-….pdf" (h141 gave the window Vietnamese words); the command line still wrote
"brief-….pdf" under ``--lang vi``. Every word here is folded to plain lower-case letters, digits
and hyphens (:func:`slug`): "Cuộc họp" gives "cuoc-hop". Windows would keep accents in a name,
but a mail program, a zip file (names without the UTF-8 flag are read in the old code page) or a
colleague's older system may not, and the names Ketnoi made before were plain letters for that
reason; a name made of ``[a-z0-9.-]`` holds none of Windows' reserved characters (``<>:"/\\|?*``),
ends in no dot or space, and, starting with "ketnoi-", "brief-" or "tom-tat-", is never one of
its reserved device names (CON, NUL, COM1…).

    list_word("meeting", "vi")               # "cuoc-hop"
    export_name(day, "vi")                   # "ketnoi-xuat-du-lieu-2026-11-23.xlsx"
    list_name("meeting", ["Tuần này"], day, "vi", ".ics")   # "ketnoi-cuoc-hop-tuan-nay-….ics"
    brief_words("vi").brief                  # "tom-tat" (app.briefing.produce.brief_file_name)

Names with no word in them ("ketnoi.ics", "ketnoi.vcf", a backup's "ketnoi-20261207-0930.dump"
and the backups folder's names, which ``ketnoi backups`` reads back, a letter's number, an
attachment's own name, the sample database ``ketnoi-sample.db``) are left as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.vntext import fold

WORDS: dict[str, tuple[str, str]] = {
    "organisations": ("organisations", "tổ chức"),
    "contacts": ("contacts", "liên hệ"),
    "meetings": ("meetings", "cuộc họp"),
    "actions": ("actions", "việc cần làm"),
    "export": ("export", "xuất dữ liệu"),
    # the template's headers are in both languages: its English name says both
    "template": ("mau-nhap-lieu-import-template", "mẫu nhập liệu"),
    "new": ("new", "mới"),
    "brief": ("brief", "tóm tắt"),
    "organisation": ("organisation", "tổ chức"),
    "contact": ("contact", "liên hệ"),
    "meeting": ("meeting", "cuộc họp"),
    "digest": ("digest", "tổng hợp"),
    "confidential": ("confidential", "mật"),
}
"""Each word of a file name, (English, Vietnamese), as written; :func:`word` folds it."""

MAX_NAME = 80
"""At most this many characters of a list's words in a file name (a long search typed)."""


def slug(text: str) -> str:
    """``text`` as plain lower-case letters and digits joined by hyphens ("Tuần này" →
    "tuan-nay"); empty when nothing is left."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def word(key: str, lang: str) -> str:
    """The word ``key`` of :data:`WORDS` in ``lang`` ("vi", else English), folded."""
    english, vietnamese = WORDS[key]
    return slug(vietnamese if lang == "vi" else english) or slug(english)


def list_word(entity: str, lang: str) -> str:
    """What a list of ``entity`` is called in a file name: "meetings", "cuoc-hop"."""
    key = f"{entity}s"
    return word(key, lang) if key in WORDS else slug(key) or key


def export_name(today: dt.date, lang: str) -> str:
    """Every record in a workbook: "ketnoi-export-2026-11-23.xlsx", "ketnoi-xuat-du-lieu-….xlsx"."""
    return f"ketnoi-{word('export', lang)}-{today.isoformat()}.xlsx"


def list_name(entity: str, words: list[str], today: dt.date, lang: str, suffix: str = ".xlsx") -> str:
    """ "ketnoi-actions-overdue-tran-thi-lan-2026-12-06.xlsx", "ketnoi-cuoc-hop-tuan-nay-….ics":
    what the list is in ``lang``, its filters (``words``, as the list shows them, folded), the day."""
    parts = [list_word(entity, lang), *(s for s in map(slug, words) if s)]
    name = "-".join(parts)[:MAX_NAME].rstrip("-")
    return f"ketnoi-{name}-{today.isoformat()}{suffix}"


def template_name(lang: str) -> str:
    """The empty import template: "ketnoi-mau-nhap-lieu-import-template.xlsx", "ketnoi-mau-nhap-lieu.xlsx"."""
    return f"ketnoi-{word('template', lang)}.xlsx"


@dataclass(frozen=True)
class FileWords:
    """The words of a brief's file name (plain letters and hyphens; English by default), used by
    :func:`app.briefing.produce.brief_file_name`."""

    brief: str = "brief"
    organisation: str = "organisation"
    contact: str = "contact"
    meeting: str = "meeting"
    digest: str = "digest"
    confidential: str = "confidential"


def brief_words(lang: str) -> FileWords:
    """The words of a brief's name in ``lang``: "tom-tat-nic-2026-11-23.pdf" in Vietnamese."""
    return FileWords(
        brief=word("brief", lang),
        organisation=word("organisation", lang),
        contact=word("contact", lang),
        meeting=word("meeting", lang),
        digest=word("digest", lang),
        confidential=word("confidential", lang),
    )
