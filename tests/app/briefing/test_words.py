"""The briefs say an action's status in the window's words (reviewer: an open action was "Đang
mở" in the window but "Chưa làm" in a brief)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

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
    en, vi = labels("en").words, labels("vi").words
    statuses = [k for k in en if k.startswith("status.")]
    assert len(statuses) == 5
    for key in statuses:
        assert vi[key] == window[en[key]], key
    assert vi["status.open"] == "Đang mở"


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
