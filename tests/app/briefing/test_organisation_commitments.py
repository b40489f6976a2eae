"""An organisation's page and its brief list the same open commitments (the brief counted what
the organisation's people carry under another organisation's name, the page did not; the demo's
"Vụ Công nghệ cao" page said "Nothing open in either direction." while its brief listed the
sandbox draft its Phó Vụ trưởng owes).

The set, for a manager about to meet the organisation: what is recorded under it or one of its
departments, and what one of its people or its departments' people carries (the people its page
lists), either side's. Not what another organisation was asked for at a meeting both attended."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from app import story
from app.briefing import render
from app.briefing.gather import gather_organisation
from db import clock
from db.engine import read_session, unit_of_work
from db.models import Action, Meeting, MeetingOrganisation
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import Sample

TODAY = dt.date(2026, 11, 20)
CARRIED = "Đặng Văn Long gửi góp ý đề án R&D chung"  # NIC's person, recorded under R&D Việt
OTHERS = "R&D Việt gửi hồ sơ năng lực"  # R&D Việt's, from a meeting MOST attended too


def test_the_page_and_the_brief_list_the_same_commitments(
    engine: Engine, data: Sample, tmp_path: Path
) -> None:
    with unit_of_work(engine) as s:
        m = Meeting(title="Hội thảo ba bên", starts_at=dt.datetime(2026, 11, 10, 9))
        s.add(m)
        s.flush()
        assert m.id is not None
        s.add_all(
            [
                MeetingOrganisation(meeting_id=m.id, organisation_id=data.most),
                MeetingOrganisation(meeting_id=m.id, organisation_id=data.rd),
            ]
        )
        s.add_all(
            [
                Action(
                    title=CARRIED,
                    direction="they_owe",
                    responsible_contact_id=data.dang,
                    organisation_id=data.rd,
                    due_date=dt.date(2026, 12, 1),
                ),
                Action(
                    title=OTHERS,
                    direction="they_owe",
                    organisation_id=data.rd,
                    meeting_id=m.id,
                    due_date=dt.date(2026, 12, 3),
                ),
            ]
        )
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        for oid in (data.most, data.nic, data.rd):
            page = story.organisation_story(s, oid, today=TODAY).commitments
            brief = gather_organisation(s, oid, today=TODAY)
            shown = {d: sorted(c.title for c in page.of(d)) for d in ("we_owe", "they_owe")}
            printed = {
                "we_owe": sorted(a.title for a in brief.we_owe),
                "they_owe": sorted(a.title for a in brief.they_owe),
            }
            assert shown == printed, oid
        nic_page = story.organisation_story(s, data.nic, today=TODAY).commitments
        most_page = story.organisation_story(s, data.most, today=TODAY).commitments
        rd_page = story.organisation_story(s, data.rd, today=TODAY).commitments
        most_brief = gather_organisation(s, data.most, today=TODAY)
    assert CARRIED in [c.title for c in nic_page.they_owe]
    assert CARRIED in [c.title for c in rd_page.they_owe] and OTHERS in [c.title for c in rd_page.they_owe]
    # MOST: its department NIC's commitments, and not R&D Việt's from the workshop both attended
    most_titles = [c.title for d in ("we_owe", "they_owe") for c in most_page.of(d)]
    assert "Gửi công văn giới thiệu chuyên gia cho NIC" in most_titles  # recorded under NIC
    assert CARRIED in most_titles and OTHERS not in most_titles
    assert not any("Đã hoàn thành" in t for t in most_titles)
    path = tmp_path / "most.pdf"
    render.render_organisation(most_brief, path, lang="vi")
    text = " ".join(pdf_text(path)).split("Cam kết đang mở", 1)[1]
    they = len(most_page.they_owe)
    assert f"Bên ta cần làm · {len(most_page.we_owe)}" in text and f"Đối tác cần làm · {they}" in text, text
    assert CARRIED in text and "Gửi công văn giới thiệu chuyên gia cho NIC" in text
    assert OTHERS not in text and "Đã hoàn thành" not in text


def test_a_long_history_does_not_push_an_open_commitment_off_the_page(engine: Engine, data: Sample) -> None:
    """The page reads at most 100 actions; done ones due earlier came first and the open one,
    due later, was cut off the page while the brief listed it."""
    with unit_of_work(engine) as s:
        s.add_all(
            Action(
                title=f"Việc cũ số {i}",
                direction="we_owe",
                organisation_id=data.rd,
                due_date=dt.date(2024, 1, 1) + dt.timedelta(days=i),
                status="done",
                completed_on=dt.date(2024, 1, 1) + dt.timedelta(days=i),
            )
            for i in range(120)
        )
        s.add(Action(title="Việc còn mở", direction="we_owe", organisation_id=data.rd, due_date=TODAY))
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        page = story.organisation_story(s, data.rd, today=TODAY).commitments
        brief = gather_organisation(s, data.rd, today=TODAY)
    assert [c.title for c in page.we_owe] == [a.title for a in brief.we_owe] == ["Việc còn mở"]
