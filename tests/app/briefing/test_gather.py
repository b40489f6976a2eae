"""Gathering brief data from a real migrated SQLite file: content, soft deletes, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.briefing.gather import (
    BriefNotFound,
    find_contact,
    find_organisation,
    gather_contact,
    gather_digest,
    gather_meeting,
    gather_organisation,
)
from app.errors import UserError
from db import clock
from db.engine import read_session, unit_of_work
from db.models import Organisation
from tests.app.briefing.seed import TODAY, Sample, big_organisation


def test_find_organisation_by_id_name_acronym_alias_without_diacritics(
    session: Session, data: Sample
) -> None:
    assert find_organisation(session, data.nic) == data.nic
    assert find_organisation(session, str(data.nic)) == data.nic
    assert find_organisation(session, "nic") == data.nic
    assert find_organisation(session, "National Innovation Center") == data.nic
    assert find_organisation(session, "trung tam doi moi sang tao quoc gia") == data.nic
    assert find_organisation(session, "TRUNG TÂM ĐMST") == data.nic  # alias, đ folded
    assert find_organisation(session, "trung tam dmst") == data.nic
    assert find_organisation(session, "bo khoa hoc") == data.most  # unique partial match
    assert find_organisation(session, "R&D<V>") == data.rd


def test_find_organisation_refuses_ambiguous_missing_and_deleted(
    engine: Engine, session: Session, data: Sample
) -> None:
    with pytest.raises(BriefNotFound, match="matches 2 organisations") as err:
        find_organisation(session, "cong")  # "Công nghệ" (MOST) and "Công ty" (R&D)
    assert isinstance(err.value, UserError)
    with pytest.raises(BriefNotFound, match="No organisation matches"):
        find_organisation(session, "Genetica")
    with pytest.raises(BriefNotFound, match="No organisation with id 999"):
        find_organisation(session, "999")
    with unit_of_work(engine) as s:
        org = s.get(Organisation, data.rd)
        assert org is not None
        org.deleted_at = clock.utcnow()
    with read_session(engine) as s:
        with pytest.raises(BriefNotFound):
            find_organisation(s, "R&D<V>")
        with pytest.raises(BriefNotFound):
            gather_organisation(s, data.rd, today=TODAY)


def test_find_contact(session: Session, data: Sample) -> None:
    assert find_contact(session, "nguyen thi hong nhung") == data.nhung
    assert find_contact(session, "dang van long") == data.dang
    assert find_contact(session, f"#{data.bao}") == data.bao
    with pytest.raises(BriefNotFound, match="No contact matches"):
        find_contact(session, "Hoàng Đã Xoá")  # soft-deleted


def test_organisation_brief(session: Session, data: Sample) -> None:
    b = gather_organisation(session, data.nic, today=TODAY)
    assert (b.name, b.acronym, b.parent, b.owner) == (
        "Trung tâm Đổi mới Sáng tạo Quốc gia",
        "NIC",
        "Bộ Khoa học và Công nghệ",
        "Trần Minh Quân",
    )
    assert b.sectors == ("Bán dẫn", "Trí tuệ nhân tạo (AI)")
    assert [p.name for p in b.people] == ["Nguyễn Thị Hồng Nhung", "Đặng Văn Long", "Phạm Quốc Bảo"]
    nhung = b.people[0]
    assert nhung.emails == ("nhung.nth@nic.gov.vn",) and nhung.phones == ("+84912345678",)
    assert nhung.last_met == dt.datetime(2026, 11, 12, 9)
    # five past meetings; the soft-deleted one and the planned one (27 Nov) do not count
    s = b.summary
    assert (s.total, s.last_12_months) == (5, 5)
    assert (s.first_meeting, s.last_meeting) == (dt.datetime(2026, 2, 10, 9), dt.datetime(2026, 11, 12, 9))
    assert len(s.per_month) == 12 and s.per_month[-1].month == dt.date(2026, 11, 1)
    assert [c.count for c in s.per_month] == [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1]
    assert [m.starts_at.month for m in b.recent_meetings] == [11, 10, 8, 5, 2]
    assert b.recent_meetings[0].attendees == (
        "Đặng Văn Long",
        "Nguyễn Thị Hồng Nhung",
    )  # deleted one left out
    # open commitments only (done and deleted left out), split by direction, overdue marked
    assert [(a.title, a.overdue) for a in b.we_owe] == [
        ("Gửi công văn giới thiệu chuyên gia cho NIC", True),
        ("Chuẩn bị dự thảo MoU phòng thí nghiệm", False),
    ]
    assert [(a.responsible, a.overdue) for a in b.they_owe] == [
        ("Đặng Văn Long", True),
        ("Nguyễn Thị Hồng Nhung", False),
    ]


def test_contact_brief_role_history_and_colleagues(session: Session, data: Sample) -> None:
    b = gather_contact(session, data.nhung, today=TODAY)
    assert (b.honorific, b.position, b.organisation) == (
        "TS.",
        "Giám đốc Trung tâm",
        "Trung tâm Đổi mới Sáng tạo Quốc gia",
    )
    assert [(r.field, r.old, r.new) for r in b.role_history] == [
        ("organisation", "Bộ Khoa học và Công nghệ", "Trung tâm Đổi mới Sáng tạo Quốc gia"),
        ("position", "Phó Giám đốc", "Giám đốc Trung tâm"),
    ]
    assert [p.name for p in b.colleagues] == ["Đặng Văn Long", "Phạm Quốc Bảo"]
    assert b.summary.total == 3
    assert [a.title for a in b.they_owe] == ["NIC gửi danh sách chuyên gia bán dẫn"]
    # the letter came out of a meeting she attended
    assert [a.title for a in b.we_owe] == ["Gửi công văn giới thiệu chuyên gia cho NIC"]


def test_meeting_brief(session: Session, data: Sample) -> None:
    b = gather_meeting(session, data.planned, today=TODAY)
    assert b.organisations == ("Công ty <b>R&D</b> Việt", "Trung tâm Đổi mới Sáng tạo Quốc gia")
    assert b.staff == ("Lê Thu Hà", "Trần Minh Quân")
    roles = {p.name: (p.role, p.last_met) for p in b.attendees}
    assert roles == {
        "Nguyễn Thị Hồng Nhung": ("chair", dt.datetime(2026, 11, 12, 9)),
        "Đặng Văn Long": ("participant", dt.datetime(2026, 11, 12, 9)),
        "<b>R&D</b> Trưởng nhóm": ("participant", None),
    }
    # "Previous meetings with these people": meetings one of them attended (4 of them), not
    # every meeting of their organisations (a fifth, none of them there, was listed before)
    assert len(b.previous_meetings) == 4
    people = {p.name for p in b.attendees}
    assert all(people & set(m.attendees) for m in b.previous_meetings)
    assert data.deleted_meeting not in [m.meeting_id for m in b.previous_meetings]
    they = [a.title for a in b.they_owe]
    assert "Send <b>R&D</b> profile & budget" in they and len(they) == 3
    assert len(b.we_owe) == 2


def test_digest(session: Session, data: Sample) -> None:
    d = gather_digest(session, dt.date(2026, 11, 1), dt.date(2026, 11, 30), today=TODAY)
    assert [m.title for m in d.meetings] == [
        "Thăm Khu CNC Hòa Lạc",
        "Làm việc với NIC về phòng thí nghiệm chung",
    ]
    assert [c.name for c in d.new_contacts] == ["Nguyễn Thị Hồng Nhung"]
    assert [a.title for a in d.completed] == ["Đã hoàn thành: gửi tài liệu Techfest"]
    assert sorted((g.responsible, len(g.actions)) for g in d.overdue) == [
        ("<b>R&D</b> Trưởng nhóm", 1),
        ("Trần Minh Quân", 1),
        ("Đặng Văn Long", 1),
    ]
    # organisations met in the period come first; MOST has scores but no meeting; the meeting
    # of 27 Nov (NIC's and R&D<V>'s) is still to come on TODAY: not "met" (reviewer h103: this
    # week's digest showed organisations met whose only meetings were planned)
    assert [(p.label, p.meetings_in_period) for p in d.stakeholders] == [
        ("NIC", 1),
        ("MOST", 0),
        ("R&D<V>", 0),
    ]
    with pytest.raises(ValueError):
        gather_digest(session, dt.date(2026, 11, 30), dt.date(2026, 11, 1))


def _count_queries(engine: Engine, fn: object) -> int:
    count = 0

    def before(*_args: object) -> None:
        nonlocal count
        count += 1

    event.listen(engine, "before_cursor_execute", before)
    try:
        with read_session(engine) as s:
            fn(s)  # type: ignore[operator]
    finally:
        event.remove(engine, "before_cursor_execute", before)
    return count


def test_query_count_does_not_grow_with_history(engine: Engine, data: Sample) -> None:
    """No N+1: the brief of an organisation with 500 meetings costs as many queries as one with 5."""
    big = big_organisation(engine, meetings=500, actions=2000)
    small = _count_queries(engine, lambda s: gather_organisation(s, data.nic, today=TODAY, recent=None))
    large = _count_queries(engine, lambda s: gather_organisation(s, big, today=TODAY, recent=None))
    assert large <= small  # the small one has a parent and an owner to name: two more
    assert large <= 20  # (one of them: the confidential names its free text may hold, secrets.in_text)
    with read_session(engine) as s:
        b = gather_organisation(s, big, today=TODAY, recent=None)
    assert b.summary.total == 500 and len(b.recent_meetings) == 500
    assert len(b.we_owe) + len(b.they_owe) == 667  # every third of 2,000 is open
