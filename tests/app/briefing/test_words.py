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
