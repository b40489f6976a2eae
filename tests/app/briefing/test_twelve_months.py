"""The relationship strip's "Meetings, last 12 months" and the per-month chart beside it count
the same meetings: the twelve months the chart draws, up to the clock's day."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sqlalchemy.engine import Engine

from app.briefing import render
from app.briefing.gather import gather_contact, gather_organisation
from db import clock
from db.engine import read_session, unit_of_work
from db.models import Meeting, MeetingAttendee, MeetingOrganisation
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import Sample

HEADLINE = {"en": r"(\d+) Meetings, last 12 months", "vi": r"(\d+) Số cuộc họp 12 tháng qua"}


def test_the_12_month_figure_is_the_sum_of_the_charts_bars(
    engine: Engine, data: Sample, tmp_path: Path
) -> None:
    """Reviewer: 59 beside bars adding up to 54. The figure counted 365 days back, the chart
    whole months from the first of the month eleven months back: a meeting in the first
    days of the month a year ago (here 21–30 Nov 2025, the clock on 20 Nov 2026) was in the
    figure and on no bar. Both now count the chart's twelve months."""
    with unit_of_work(engine) as s:
        for day in (21, 25, 28):  # within 365 days of 20 Nov 2026, before the chart's December
            m = Meeting(title=f"Họp ngày {day}/11/2025", starts_at=dt.datetime(2025, 11, day, 9))
            s.add(m)
            s.flush()
            assert m.id is not None
            s.add(MeetingOrganisation(meeting_id=m.id, organisation_id=data.nic))
            s.add(MeetingAttendee(meeting_id=m.id, contact_id=data.nhung))
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        org = gather_organisation(s, data.nic)  # today: the clock's
        contact = gather_contact(s, data.nhung)
    for brief, render_it, bars in (
        (org, render.render_organisation, [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1]),
        (contact, render.render_contact, [0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1]),
    ):
        s12 = brief.summary
        assert s12.per_month[0].month == dt.date(2025, 12, 1) and s12.per_month[-1].month == dt.date(
            2026, 11, 1
        )
        assert [c.count for c in s12.per_month] == bars
        assert s12.last_12_months == sum(bars)  # (it was sum(bars) + 3)
        assert s12.total == sum(bars) + 3  # the November 2025 meetings count in all
        for lang in ("en", "vi"):
            path = tmp_path / f"{type(brief).__name__}-{lang}.pdf"
            render_it(brief, path, lang=lang)
            found = re.search(HEADLINE[lang], " ".join(pdf_text(path)))
            assert found is not None and int(found.group(1)) == sum(bars), lang
