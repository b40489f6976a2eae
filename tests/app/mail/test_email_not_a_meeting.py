"""An e-mail logged is kept as a meeting of kind "email": the dashboard's meeting figures leave it
out (reviewer h12: "Meetings this month" counted a logged e-mail)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app import dashboard, email_files, emails, records
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.mail.files import eml_bytes

HANOI = dt.timezone(dt.timedelta(hours=7))


def test_a_logged_email_is_not_counted_as_a_meeting(engine, tmp_path) -> None:
    eml = tmp_path / "thu.eml"
    eml.write_bytes(eml_bytes(when=dt.datetime(2026, 11, 20, 14, 30, tzinfo=HANOI)))
    later = tmp_path / "sau.eml"  # dated after "now": still not an upcoming meeting
    later.write_bytes(
        eml_bytes(message_id="<later-1@genetica.asia>", when=dt.datetime(2026, 11, 28, 9, 0, tzinfo=HANOI))
    )
    with unit_of_work(engine) as s:
        records.create(s, "meeting", {"title": "Họp Genetica", "starts_at": dt.datetime(2026, 11, 25, 9, 0)})
        for path in (eml, later):
            parsed = email_files.parse_email(path.name, path.read_bytes())
            assert emails.log_email(s, parsed).status == "logged"
    with read_session(engine) as s:
        kinds = sorted(s.scalars(select(m.Meeting.kind)).all())
        assert kinds == ["email", "email", "meeting"]
        counts = dashboard.counts(s, today=dt.date(2026, 11, 23))
        assert counts["meetings_this_month"] == 1
        upcoming = dashboard.upcoming_meetings(s, now=dt.datetime(2026, 11, 23, 8, 0))
        assert [u["title"] for u in upcoming] == ["Họp Genetica"]
