"""A meeting brief's "Last met" for each attendee: the last meeting they attended before this
one that has taken place, the contact brief's "Last meeting" (both read the clock's day)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from app.briefing import render
from app.briefing.gather import gather_contact, gather_meeting
from db import clock
from db.engine import read_session, unit_of_work
from db.models import Meeting, MeetingAttendee
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import Sample


def test_last_met_is_the_last_meeting_held_before_this_one(
    engine: Engine, data: Sample, tmp_path: Path
) -> None:
    """Nhung and Long last met us on 12 Nov (held); a meeting planned for 25 Nov, between today
    (20 Nov) and the one being prepared (27 Nov), has not taken place and is not when they last
    met (it was printed as such, and the contact brief said 12 Nov)."""
    with unit_of_work(engine) as s:
        m = Meeting(title="Trao đổi trước về MoU", starts_at=dt.datetime(2026, 11, 25, 9))
        s.add(m)
        s.flush()
        assert m.id is not None
        s.add_all([MeetingAttendee(meeting_id=m.id, contact_id=c) for c in (data.nhung, data.dang)])
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        brief = gather_meeting(s, data.planned)
        contacts = {c: gather_contact(s, c) for c in (data.nhung, data.dang, data.markup_person)}
    # nor is it among "Previous meetings with these people" (reviewer h103)
    assert "Trao đổi trước về MoU" not in [r.title for r in brief.previous_meetings]
    assert brief.previous_meetings and all(
        r.starts_at < dt.datetime(2026, 11, 20, 10) for r in brief.previous_meetings
    )
    met = {p.contact_id: p.last_met for p in brief.attendees}
    assert met[data.nhung] == met[data.dang] == dt.datetime(2026, 11, 12, 9)
    for cid, contact in contacts.items():
        assert met[cid] == contact.summary.last_meeting, cid  # the contact brief's own "Last meeting"
    assert met[data.markup_person] is None  # never met: empty
    for lang, day, planned in (("en", "12 Nov 2026", "25 Nov 2026"), ("vi", "12/11/2026", "25/11/2026")):
        path = tmp_path / f"meeting-{lang}.pdf"
        render.render_meeting(brief, path, lang=lang)
        text = " ".join(pdf_text(path))
        attendees = text.split("Attendees" if lang == "en" else "Thành phần tham dự", 1)[1]
        attendees = attendees.split("Open commitments" if lang == "en" else "Cam kết đang mở", 1)[0]
        assert attendees.count(day) == 2 and planned not in attendees, attendees
