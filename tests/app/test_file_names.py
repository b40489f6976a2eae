"""The file names Ketnoi proposes (app.file_names: the window's Save dialogs and the command
line's defaults) are valid on Windows in both languages, whatever a list's filters or a subject
hold: plain lower-case letters, digits, hyphens and the one dot of the extension."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from app import file_names
from app.briefing.produce import brief_file_name

DAY = dt.date(2026, 11, 23)
PLAIN = re.compile(r"[a-z0-9][a-z0-9-]*[a-z0-9](\.[a-z]+)")
RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


def _valid(name: str) -> None:
    assert PLAIN.fullmatch(name), name
    assert name.split(".", maxsplit=1)[0] not in RESERVED and len(name) < 200


@given(words=st.lists(st.text(max_size=40), max_size=5), subject=st.text(max_size=120))
def test_any_filter_or_subject_gives_a_name_windows_keeps(words: list[str], subject: str) -> None:
    for lang in ("en", "vi"):
        for entity in ("organisation", "contact", "meeting", "action"):
            _valid(file_names.list_name(entity, words, DAY, lang, ".ics"))
        for kind in ("organisation", "contact"):
            _valid(brief_file_name(kind, subject, DAY, words=file_names.brief_words(lang)))
        _valid(brief_file_name("meeting", subject, DAY, day=DAY, words=file_names.brief_words(lang)))


def test_the_words_in_each_language() -> None:
    hostile = ['Công ty "A/B" <HN>: R&D?', "*|\\", "Tuần này"]
    assert file_names.list_name("meeting", hostile, DAY, "vi") == (
        "ketnoi-cuoc-hop-cong-ty-a-b-hn-r-d-tuan-nay-2026-11-23.xlsx"
    )
    assert file_names.list_name("action", [], DAY, "en", ".ics") == "ketnoi-actions-2026-11-23.ics"
    assert file_names.export_name(DAY, "vi") == "ketnoi-xuat-du-lieu-2026-11-23.xlsx"
    assert file_names.template_name("en") == "ketnoi-mau-nhap-lieu-import-template.xlsx"
    assert file_names.template_name("vi") == "ketnoi-mau-nhap-lieu.xlsx"
    assert file_names.word("new", "vi") == "moi"  # (Start a new database…: "ketnoi-moi.db")
    assert file_names.brief_words("en") == file_names.FileWords()
    for name in (file_names.export_name(DAY, "vi"), file_names.template_name("vi")):
        _valid(name)
