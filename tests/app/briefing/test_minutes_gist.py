"""The organisation's and the person's briefs show what was decided at their recent meetings,
and where no decision is recorded but minutes are, the minutes' first whole sentences (h58: both
briefs said "No decisions are recorded for these meetings" of a meeting whose minutes said
"NVIDIA cam kết hỗ trợ 50 GPU cho cụm AI tại Hòa Lạc từ quý 1/2026.")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from app.briefing import render
from app.briefing.gather import gather_contact, gather_organisation
from db import clock
from db.engine import read_session, unit_of_work
from db.models import Meeting, MeetingAttendee, MeetingOrganisation
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import org, person

FIRST = "NVIDIA cam kết hỗ trợ 50 GPU cho cụm AI tại Hòa Lạc từ quý 1/2026."
SECOND = "Hai bên giao đầu mối kỹ thuật rà soát hạ tầng điện và làm mát trước tháng 2."
TAIL = "Phần trao đổi chi tiết về lịch sử hợp tác ghi ở trang sau"


def test_minutes_are_shown_where_no_decision_is_recorded(engine: Engine, tmp_path: Path) -> None:
    minutes = f"{FIRST}\n{SECOND} " + " ".join(f"{TAIL} số {i}." for i in range(12))
    with unit_of_work(engine) as s:
        nvidia = org(name="NVIDIA Việt Nam", acronym="NVIDIA")
        s.add(nvidia)
        s.flush()
        binh = person("Hồ Đức Bình", organisation_id=nvidia.id)
        s.add(binh)
        s.flush()
        held = Meeting(
            title="Làm việc với NVIDIA về cụm AI", starts_at=dt.datetime(2026, 11, 5, 9), minutes=minutes
        )
        s.add(held)
        s.flush()
        s.add_all(
            [
                MeetingAttendee(meeting_id=held.id, contact_id=binh.id),
                MeetingOrganisation(meeting_id=held.id, organisation_id=nvidia.id),
            ]
        )
        ids = (nvidia.id, binh.id, held.id)
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        org_brief = gather_organisation(s, ids[0])
        person_brief = gather_contact(s, ids[1])
    for name, brief, write in (
        ("org", org_brief, render.render_organisation),
        ("person", person_brief, render.render_contact),
    ):
        for lang, heading, none in (
            ("vi", "Theo biên bản", "chưa ghi kết luận"),
            ("en", "From the minutes", "No decisions"),
        ):
            path = tmp_path / f"{name}-{lang}.pdf"
            write(brief, path, lang=lang)  # type: ignore[operator]
            text = " ".join(pdf_text(path))
            assert heading in text and none not in text, (name, lang, text)
            assert FIRST in text and SECOND in text, (name, lang, text)  # whole sentences
            assert f"{TAIL} số 11" not in text and "…" in text  # shortened, and said so

    # a decision recorded at another meeting: the column is "Decisions", the minutes marked
    with unit_of_work(engine) as s:
        decided = Meeting(
            title="Ký kết MoU", starts_at=dt.datetime(2026, 11, 12, 9), decisions="Ký MoU trước 15/12/2026."
        )
        s.add(decided)
        s.flush()
        s.add(MeetingOrganisation(meeting_id=decided.id, organisation_id=ids[0]))
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        org_brief = gather_organisation(s, ids[0])
    path = tmp_path / "org-mixed.pdf"
    render.render_organisation(org_brief, path, lang="vi")
    text = " ".join(pdf_text(path))
    assert "Kết luận" in text and "Ký MoU trước 15/12/2026." in text
    assert f"Theo biên bản: {FIRST}" in text


def test_the_gist_keeps_whole_sentences() -> None:
    from app.briefing.sections import gist

    assert gist("Một. Hai ba. Bốn năm sáu.", limit=13) == "Một. Hai ba. …"
    assert gist("- Kết luận thứ nhất\n- Kết luận thứ hai") == "Kết luận thứ nhất Kết luận thứ hai"
    long = "chữ " * 200
    assert gist(long, limit=40).endswith(" …") and len(gist(long, limit=40)) <= 42
