"""A record's brief lists its files: name, size, date and who added them (English and Vietnamese)."""

from __future__ import annotations

import io

from sqlalchemy.engine import Engine

from app import attachments, records
from app.briefing.gather import gather_contact, gather_meeting, gather_organisation
from app.briefing.render import render_contact, render_meeting, render_organisation
from db.engine import read_session, unit_of_work
from tests.app.briefing.pdfutil import pdf_text
from tests.app.mail.files import pdf_bytes


def test_briefs_list_attached_files(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica"})
        contact = records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung", "organisation_id": org})
        meeting = records.create(
            s, "meeting", {"title": "Họp", "starts_at": "2026-11-25 09:00", "attendees": [contact]}
        )
        for kind, rid in (("organisation", org), ("contact", contact), ("meeting", meeting)):
            attachments.add(
                s, kind, rid, attachments.prepare("Biên bản ghi nhớ.pdf", pdf_bytes("x")), actor="Anh"
            )
    with read_session(engine) as s:
        briefs = [
            (render_organisation, gather_organisation(s, org)),
            (render_contact, gather_contact(s, contact)),
            (render_meeting, gather_meeting(s, meeting)),
        ]
    for render, brief in briefs:
        for lang, heading, day in (
            ("en", "Attached files", "23 Nov 2026"),
            ("vi", "Tệp đính kèm", "23/11/2026"),
        ):
            out = io.BytesIO()
            render(brief, out, lang=lang)  # type: ignore[operator]
            out.seek(0)
            text = " ".join(pdf_text(out))
            assert heading in text and "Biên bản ghi nhớ.pdf" in text and f"{day} · Anh" in text, (
                brief,
                lang,
            )
