"""A meeting brief's facts: each label on one line (reviewer h129: "Thành phần phía ta" broke
into "Thành phần phía" / "ta" in the label column; the staff beside it read as two rows)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from app.briefing import render
from app.briefing.data import MeetingPrepBrief


def _lines(data: bytes) -> list[str]:
    page = PdfReader(io.BytesIO(data)).pages[0]
    return [" ".join(ln.split()) for ln in (page.extract_text() or "").splitlines() if ln.strip()]


@pytest.mark.parametrize(("lang", "label"), [("vi", "Thành phần phía ta"), ("en", "Our team")])
def test_our_team_label_is_on_one_line(lang: str, label: str) -> None:
    brief = MeetingPrepBrief(
        meeting_id=8,
        title="Làm việc với Bộ Khoa học và Công nghệ",
        starts_at=dt.datetime(2026, 12, 9, 9),
        generated_at=dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC),
        today=dt.date(2026, 11, 20),
        location="Hòa Lạc",
        organisations=("Bộ Khoa học và Công nghệ",),
        staff=("Trần Minh Quang", "Lê Thu Hà"),
        owner="Trần Minh Quang",
    )
    buf = io.BytesIO()
    render.render_meeting(brief, buf, lang=lang)
    lines = _lines(buf.getvalue())
    assert label in lines, lines  # (a table's cells are read back one line each)
