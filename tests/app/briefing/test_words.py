"""The briefs say an action's status in the window's words (reviewer: an open action was "Đang
mở" in the window but "Chưa làm" in a brief)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from app import value_labels as vl
from app.briefing.labels import labels

TS = Path(__file__).resolve().parents[3] / "resources" / "translations" / "ketnoi_vi.ts"


def _window_words() -> dict[str, str]:
    """ui.labels' "Labels" context, English → Vietnamese, as the window shows it."""
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == "Labels":
            return {str(m.findtext("source")): str(m.findtext("translation")) for m in ctx.iter("message")}
    raise AssertionError("no Labels context")


def test_an_actions_status_reads_the_same_in_the_brief_and_the_window() -> None:
    window = _window_words()
    for code, (en, _vi) in vl.STATUSES.items():
        assert labels("vi").status(code) == window[en] and labels("en").status(code) == en, code
    assert labels("vi").status("open") == "Đang mở"


def test_kinds_and_roles_are_the_windows_words_in_both_languages() -> None:
    """The brief takes them from the table the window's words are held to
    (tests/ui/test_value_labels.py): a meeting "Cuộc họp", not "Họp"; a ministry "Bộ"."""
    window = _all_window_words()
    for table in (vl.ORGANISATION_KINDS, vl.MEETING_KINDS, vl.ACTION_KINDS):
        for code, (en, vi) in table.items():
            assert (labels("en").kind(code), labels("vi").kind(code)) == (en, vi)
            assert vi in window[en], code
    for code, (en, vi) in vl.ROLES.items():
        assert (labels("en").role(code), labels("vi").role(code)) == (en, vi)
    assert labels("vi").kind("meeting") == "Cuộc họp" and labels("vi").role("participant") == "Thành viên"


def _all_window_words() -> dict[str, set[str]]:
    """Every English source in the window's translations → its Vietnamese ones (accelerator
    ampersands dropped)."""
    out: dict[str, set[str]] = {}
    for msg in ET.parse(TS).getroot().iter("message"):
        source, translation = msg.findtext("source"), msg.findtext("translation")
        if source and translation:
            out.setdefault(source.replace("&", ""), set()).add(translation.replace("&", ""))
    return out


# Brief words whose English the window uses for something else: a person's full name column
# ("Họ và tên", the window's "Tên" is any record's name), the role history's columns (when, from,
# to: the window's "Changed"/"From"/"To" are an edit's and a date range's), a record's kind
# ("Loại hình" of an organisation; the window's "Loại" is any kind), the digest's meetings list.
_OTHER_SENSE = {"name", "changed", "from", "to", "kind", "meetings_held", "digest"}


def test_every_brief_word_the_window_also_shows_reads_the_same_in_vietnamese() -> None:
    """Reviewer: a manager read "Phía ta cần thực hiện", "Cam kết chưa hoàn thành", "Phối hợp
    chặt chẽ" in the Vietnamese brief where the window says "Bên ta cần làm", "Cam kết đang
    mở", "Quản lý chặt chẽ"; meeting kinds and attendee roles differed too."""
    window = _all_window_words()
    en, vi = labels("en").words, labels("vi").words
    differ = {
        key: (vi[key], sorted(window[text]))
        for key, text in en.items()
        if key not in _OTHER_SENSE and text in window and vi[key] not in window[text]
    }
    assert differ == {}
    assert vi["we_owe"] == "Bên ta cần làm" and vi["q.manage"] == "Quản lý chặt chẽ"
