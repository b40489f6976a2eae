"""A contact's page and the contact's brief list the same open commitments (reviewer: Nguyễn Thị
Hồng Nhung's page said "Không còn việc đang mở ở cả hai bên" while her brief listed one "Bên ta
cần làm" and two "Đối tác cần làm" from a meeting she attended).

The set, for a manager about to meet the person: what the person is responsible for, and what
was agreed at a meeting the person attended (either side's) that is not another organisation's
(h58: NVIDIA's Hồ Đức Bình's brief listed "Nộp hồ sơ xin tài trợ cho Quỹ", ours for the Fund)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from app import story
from app.briefing import render
from app.briefing.gather import gather_contact
from db import clock
from db.engine import read_session, unit_of_work
from db.models import Action, Meeting, MeetingAttendee, Staff
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import Sample

TODAY = dt.date(2026, 11, 20)


def test_the_page_and_the_brief_list_the_same_commitments(
    engine: Engine, data: Sample, tmp_path: Path
) -> None:
    with unit_of_work(engine) as s:
        m = Meeting(title="Phiên làm việc tại Hòa Lạc", starts_at=dt.datetime(2026, 11, 10, 9))
        s.add(m)
        s.flush()
        assert m.id is not None
        s.add(MeetingAttendee(meeting_id=m.id, contact_id=data.bao))  # Bảo attended; responsible for none
        staff = Staff(name="Trần Minh Quang")
        s.add(staff)
        s.flush()
        s.add_all(
            [
                Action(
                    title="Gửi thư giới thiệu Genetica tới NVIDIA",
                    direction="we_owe",
                    responsible_staff_id=staff.id,
                    meeting_id=m.id,
                    due_date=dt.date(2026, 12, 6),
                ),
                Action(
                    title="Gửi dự thảo quy định sandbox",
                    direction="they_owe",
                    responsible_contact_id=data.dang,
                    meeting_id=m.id,
                    due_date=dt.date(2026, 12, 12),
                ),
                Action(
                    title="Việc đã xong của phiên làm việc",
                    direction="they_owe",
                    meeting_id=m.id,
                    status="done",
                    completed_on=dt.date(2026, 11, 12),
                ),
            ]
        )
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        for cid in (data.nhung, data.dang, data.bao, data.markup_person):
            page = story.contact_story(s, cid, today=TODAY).commitments
            brief = gather_contact(s, cid)
            shown = {d: [c.title for c in page.of(d)] for d in ("we_owe", "they_owe")}
            printed = {
                "we_owe": [a.title for a in brief.we_owe],
                "they_owe": [a.title for a in brief.they_owe],
            }
            assert shown == printed, cid
        bao_page = story.contact_story(s, data.bao, today=TODAY).commitments
        bao_brief = gather_contact(s, data.bao)
    assert [c.title for c in bao_page.we_owe] == ["Gửi thư giới thiệu Genetica tới NVIDIA"]
    assert [c.title for c in bao_page.they_owe] == ["Gửi dự thảo quy định sandbox"]
    path = tmp_path / "bao.pdf"
    render.render_contact(bao_brief, path, lang="vi")
    text = " ".join(pdf_text(path)).split("Cam kết đang mở", 1)[1]
    assert "Bên ta cần làm · 1" in text and "Đối tác cần làm · 1" in text, text
    assert "Gửi thư giới thiệu Genetica tới NVIDIA" in text and "Gửi dự thảo quy định sandbox" in text
    assert "Việc đã xong" not in text


def test_another_organisations_commitments_from_a_meeting_attended_are_not_listed(
    engine: Engine, data: Sample, tmp_path: Path
) -> None:
    """A workshop of NIC, R&D Việt and MOST, Bảo (NIC) attending: what we owe R&D Việt and what
    R&D Việt's person carries are theirs, not Bảo's; what is about NIC (or its ministry) or
    about no one in particular is his. The page and the brief still agree."""
    with unit_of_work(engine) as s:
        m = Meeting(title="Hội thảo ba bên", starts_at=dt.datetime(2026, 11, 10, 9))
        s.add(m)
        s.flush()
        assert m.id is not None
        s.add(MeetingAttendee(meeting_id=m.id, contact_id=data.bao))
        from tests.app.briefing.seed import person

        rd_person = person("Lý Thị Mai", organisation_id=data.rd)
        s.add(rd_person)
        s.flush()
        s.add_all(
            [
                Action(
                    title="Nộp hồ sơ cho R&D Việt",
                    direction="we_owe",
                    organisation_id=data.rd,
                    meeting_id=m.id,
                ),
                Action(
                    title="Gửi báo giá thiết bị",
                    direction="they_owe",
                    responsible_contact_id=rd_person.id,
                    meeting_id=m.id,
                ),
                Action(
                    title="Gửi công văn cho NIC",
                    direction="we_owe",
                    organisation_id=data.nic,
                    meeting_id=m.id,
                ),
                Action(
                    title="Báo cáo Bộ kết quả",
                    direction="they_owe",
                    organisation_id=data.most,
                    meeting_id=m.id,
                ),
                Action(title="Chốt lịch họp tiếp theo", direction="we_owe", meeting_id=m.id),
            ]
        )
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        page = story.contact_story(s, data.bao, today=TODAY).commitments
        brief = gather_contact(s, data.bao)
    shown = sorted(c.title for d in ("we_owe", "they_owe") for c in page.of(d))
    assert shown == sorted(a.title for a in (*brief.we_owe, *brief.they_owe))
    mine = {"Gửi công văn cho NIC", "Báo cáo Bộ kết quả", "Chốt lịch họp tiếp theo"}
    assert mine <= set(shown) and not {"Nộp hồ sơ cho R&D Việt", "Gửi báo giá thiết bị"} & set(shown)
    path = tmp_path / "bao.pdf"
    render.render_contact(brief, path, lang="vi")
    text = " ".join(pdf_text(path))
    assert "Gửi công văn cho NIC" in text and "Nộp hồ sơ cho R&D Việt" not in text
