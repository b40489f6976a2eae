"""Build briefing test databases by inserting rows into the SQLModel tables directly.

``sample(engine)`` is a small, realistic Vietnamese data set; ``big_organisation`` bulk-loads
an organisation with hundreds of meetings and thousands of actions (tests and benchmark).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine

from app.vntext import fold, name_sort_key, split_name, text_sort_key
from db.engine import unit_of_work
from db.models import (
    Action,
    Change,
    Contact,
    ContactMethod,
    Meeting,
    MeetingAttendee,
    MeetingOrganisation,
    MeetingStaff,
    Organisation,
    OrganisationSector,
    Sector,
    Staff,
)

TODAY = dt.date(2026, 11, 20)


def org(**kw: object) -> Organisation:
    o = Organisation(**kw)  # type: ignore[arg-type]
    o.sort_key = text_sort_key(o.name)
    o.search_text = fold(" ".join([o.name, o.name_en, o.acronym, *o.aliases]))
    return o


def person(full_name: str, **kw: object) -> Contact:
    kw.setdefault("created_at", dt.datetime(2025, 1, 6, 8, tzinfo=dt.UTC))
    parts = split_name(full_name)
    c = Contact(
        full_name=full_name,
        family_name=parts.family,
        middle_name=parts.middle,
        given_name=parts.given,
        **kw,  # type: ignore[arg-type]
    )
    c.sort_key = name_sort_key(parts.given, parts.family, parts.middle)
    c.search_text = fold(full_name)
    return c


@dataclass
class Sample:
    nic: int
    most: int
    rd: int
    nhung: int
    dang: int
    bao: int
    markup_person: int
    planned: int
    past: list[int]
    deleted_meeting: int
    quan: int


def sample(engine: Engine) -> Sample:
    """NIC (under MOST) with three people, five meetings, one planned, commitments both ways."""
    with unit_of_work(engine) as s:
        quan = Staff(name="Trần Minh Quân", email="quan@most.gov.vn")
        ha = Staff(name="Lê Thu Hà", email="ha@most.gov.vn")
        s.add_all([quan, ha])
        ai = Sector(name="Trí tuệ nhân tạo (AI)", folded=fold("Trí tuệ nhân tạo (AI)"))
        semi = Sector(name="Bán dẫn", folded=fold("Bán dẫn"))
        s.add_all([ai, semi])
        s.flush()
        most = org(
            name="Bộ Khoa học và Công nghệ",
            name_en="Ministry of Science and Technology",
            acronym="MOST",
            kind="ministry",
            city="Hà Nội",
            influence=5,
            interest=3,
        )
        s.add(most)
        s.flush()
        nic = org(
            name="Trung tâm Đổi mới Sáng tạo Quốc gia",
            name_en="National Innovation Center",
            acronym="NIC",
            aliases=["Trung tâm ĐMST"],
            kind="agency",
            parent_id=most.id,
            city="Hòa Lạc",
            address="Khu Công nghệ cao Hòa Lạc, Thạch Thất, Hà Nội",
            website="https://nic.gov.vn",
            influence=5,
            interest=4,
            owner_id=quan.id,
            notes="Đầu mối về mạng lưới đổi mới sáng tạo; ưu tiên hợp tác bán dẫn và AI.\n"
            "Prefers letters in Vietnamese with an English copy.",
        )
        rd = org(
            name="Công ty <b>R&D</b> Việt",
            acronym="R&D<V>",
            kind="enterprise",
            city="Đà Nẵng",
            influence=2,
            interest=5,
        )
        s.add_all([nic, rd])
        s.flush()
        assert nic.id and ai.id and semi.id and rd.id
        s.add_all(
            [
                OrganisationSector(organisation_id=nic.id, sector_id=ai.id),
                OrganisationSector(organisation_id=nic.id, sector_id=semi.id),
            ]
        )
        nhung = person(
            "Nguyễn Thị Hồng Nhung",
            honorific="TS.",
            position="Giám đốc Trung tâm",
            organisation_id=nic.id,
            influence=5,
            interest=4,
            created_at=dt.datetime(2026, 11, 17, 9, tzinfo=dt.UTC),
        )
        dang = person(
            "Đặng Văn Long",
            honorific="Ông",
            position="Phó Giám đốc phụ trách hợp tác quốc tế",
            organisation_id=nic.id,
            influence=4,
        )
        bao = person("Phạm Quốc Bảo", position="Chuyên viên", organisation_id=nic.id)
        gone = person("Hoàng Đã Xoá", position="Deleted person", organisation_id=nic.id)
        gone.deleted_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        markup = person("<b>R&D</b> Trưởng nhóm", position="Head of <i>R&D</i>", organisation_id=rd.id)
        s.add_all([nhung, dang, bao, gone, markup])
        s.flush()
        assert nhung.id and dang.id and bao.id and markup.id and gone.id
        s.add_all(
            [
                ContactMethod(contact_id=nhung.id, kind="email", value="nhung.nth@nic.gov.vn"),
                ContactMethod(contact_id=nhung.id, kind="phone", value="+84912345678", position=0),
                ContactMethod(contact_id=dang.id, kind="email", value="long.dv@nic.gov.vn"),
            ]
        )
        s.add_all(
            [
                Change(
                    entity="contact",
                    entity_id=nhung.id,
                    op="update",
                    field="position",
                    old="Phó Giám đốc",
                    new="Giám đốc Trung tâm",
                    at=dt.datetime(2025, 3, 1, tzinfo=dt.UTC),
                ),
                Change(
                    entity="contact",
                    entity_id=nhung.id,
                    op="update",
                    field="organisation_id",
                    old=most.id,
                    new=nic.id,
                    at=dt.datetime(2024, 6, 1, tzinfo=dt.UTC),
                ),
                Change(
                    entity="contact",
                    entity_id=nhung.id,
                    op="update",
                    field="notes",
                    old="a",
                    new="b",
                    at=dt.datetime(2025, 4, 1, tzinfo=dt.UTC),
                ),
            ]
        )
        past_specs = [
            (
                dt.datetime(2026, 2, 10, 9),
                "Làm việc về chương trình bán dẫn",
                "Thống nhất lộ trình đào tạo 50.000 kỹ sư bán dẫn.",
                [nhung.id, dang.id],
            ),
            (
                dt.datetime(2026, 5, 21, 14),
                "Họp chuẩn bị Techfest",
                "NIC chủ trì gian hàng; Bộ hỗ trợ truyền thông.",
                [dang.id],
            ),
            (
                dt.datetime(2026, 8, 5, 10),
                "Working session on AI sandbox <draft>",
                "Draft decree comments due by 30/9 & shared with R&D team.",
                [nhung.id, bao.id],
            ),
            (dt.datetime(2026, 10, 2, 15, 30), "Gọi điện trao đổi về hội thảo Hòa Lạc", "", [bao.id]),
            (
                dt.datetime(2026, 11, 12, 9),
                "Thăm Khu CNC Hòa Lạc",
                "Hai bên ký biên bản ghi nhớ về phòng thí nghiệm chung.\nNIC gửi danh sách chuyên gia trước 30/11.",
                [nhung.id, dang.id, gone.id],
            ),
        ]
        past: list[int] = []
        for when, title, decisions, who in past_specs:
            m = Meeting(
                title=title,
                starts_at=when,
                ends_at=when + dt.timedelta(hours=2),
                location="Hòa Lạc",
                decisions=decisions,
                owner_id=quan.id,
            )
            s.add(m)
            s.flush()
            assert m.id
            past.append(m.id)
            s.add(MeetingOrganisation(meeting_id=m.id, organisation_id=nic.id))
            s.add_all([MeetingAttendee(meeting_id=m.id, contact_id=c) for c in who])
        dm = Meeting(
            title="Cuộc họp đã xoá",
            starts_at=dt.datetime(2026, 11, 1, 9),
            deleted_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC),
        )
        planned = Meeting(
            title="Làm việc với NIC về phòng thí nghiệm chung",
            starts_at=dt.datetime(2026, 11, 27, 9),
            ends_at=dt.datetime(2026, 11, 27, 11),
            location="Phòng họp 301, Bộ KH&CN, 113 Trần Duy Hưng, Hà Nội",
            kind="working_session",
            agenda="1. Tiến độ biên bản ghi nhớ\n2. Danh sách chuyên gia bán dẫn\n3. Kế hoạch <2027> & ngân sách",
            owner_id=quan.id,
        )
        s.add_all([dm, planned])
        s.flush()
        assert dm.id and planned.id and quan.id and ha.id
        s.add(MeetingOrganisation(meeting_id=dm.id, organisation_id=nic.id))
        s.add_all(
            [
                MeetingOrganisation(meeting_id=planned.id, organisation_id=nic.id),
                MeetingOrganisation(meeting_id=planned.id, organisation_id=rd.id),
                MeetingAttendee(meeting_id=planned.id, contact_id=nhung.id, role="chair"),
                MeetingAttendee(meeting_id=planned.id, contact_id=dang.id),
                MeetingAttendee(meeting_id=planned.id, contact_id=markup.id),
                MeetingStaff(meeting_id=planned.id, staff_id=quan.id),
                MeetingStaff(meeting_id=planned.id, staff_id=ha.id),
            ]
        )
        s.add_all(
            [
                Action(
                    title="Gửi công văn giới thiệu chuyên gia cho NIC",
                    kind="letter",
                    direction="we_owe",
                    responsible_staff_id=quan.id,
                    organisation_id=nic.id,
                    meeting_id=past[4],
                    due_date=dt.date(2026, 11, 15),
                    reference="CV 123/BKHCN",
                ),
                Action(
                    title="Chuẩn bị dự thảo MoU phòng thí nghiệm",
                    direction="we_owe",
                    responsible_staff_id=ha.id,
                    organisation_id=nic.id,
                    due_date=dt.date(2026, 12, 5),
                    status="in_progress",
                ),
                Action(
                    title="NIC gửi danh sách chuyên gia bán dẫn",
                    direction="they_owe",
                    responsible_contact_id=nhung.id,
                    organisation_id=nic.id,
                    due_date=dt.date(2026, 11, 30),
                ),
                Action(
                    title="Góp ý dự thảo nghị định sandbox AI",
                    direction="they_owe",
                    responsible_contact_id=dang.id,
                    organisation_id=nic.id,
                    due_date=dt.date(2026, 9, 30),
                    status="waiting",
                ),
                Action(
                    title="Đã hoàn thành: gửi tài liệu Techfest",
                    direction="we_owe",
                    responsible_staff_id=ha.id,
                    organisation_id=nic.id,
                    status="done",
                    completed_on=dt.date(2026, 11, 18),
                ),
                Action(
                    title="Hành động đã xoá",
                    direction="we_owe",
                    organisation_id=nic.id,
                    due_date=dt.date(2026, 1, 1),
                    deleted_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
                ),
                Action(
                    title="Send <b>R&D</b> profile & budget",
                    direction="they_owe",
                    responsible_contact_id=markup.id,
                    organisation_id=rd.id,
                    due_date=dt.date(2026, 11, 1),
                ),
            ]
        )
    return Sample(
        nic=nic.id,
        most=most.id or 0,
        rd=rd.id,
        nhung=nhung.id,
        dang=dang.id,
        bao=bao.id,
        markup_person=markup.id,
        planned=planned.id,
        past=past,
        deleted_meeting=dm.id,
        quan=quan.id,
    )


def big_organisation(engine: Engine, *, meetings: int = 500, actions: int = 2000, people: int = 30) -> int:
    """An organisation with ``meetings`` meetings over about four years and ``actions`` actions
    (a third of them open), bulk-inserted in one transaction. Returns the organisation id."""
    with unit_of_work(engine) as s:
        staff = [Staff(name=n) for n in ("Trần Minh Quân", "Lê Thu Hà", "Vũ Đức Anh", "Ngô Thanh Tâm")]
        s.add_all(staff)
        o = org(
            name="Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
            name_en="Vietnam Academy of Science and Technology",
            acronym="VAST",
            kind="research_institute",
            city="Hà Nội",
            influence=4,
            interest=5,
        )
        s.add(o)
        s.flush()
        org_id = o.id
        assert org_id is not None
        staff_ids = [st.id for st in staff]
        family = ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Hoàng"]
        given = ["Nhung", "Long", "Bảo", "Hà", "Minh", "Thảo", "Dũng"]
        contacts = []
        for i in range(people):
            c = person(
                f"{family[i % 6]} Văn {given[i % 7]} {i}",
                position=f"Trưởng phòng {i}",
                organisation_id=org_id,
            )
            contacts.append(c)
        s.add_all(contacts)
        s.flush()
        cids = [c.id for c in contacts]
        start = dt.datetime(2023, 1, 2, 9)
        span = (dt.datetime.combine(TODAY, dt.time()) - start).total_seconds()
        mrows = [
            {
                "title": f"Họp làm việc số {i + 1} về hợp tác nghiên cứu",
                "starts_at": start + dt.timedelta(seconds=span * i / meetings),
                "location": "Hòa Lạc",
                "kind": "meeting",
                "decisions": f"Quyết định {i + 1}: hai bên thống nhất kế hoạch tiếp theo."
                if i % 3 == 0
                else "",
                "agenda": "",
                "minutes": "",
                "search_text": "",
            }
            for i in range(meetings)
        ]
        before = s.execute(select(func.coalesce(func.max(Meeting.id), 0))).scalar_one()
        s.execute(insert(Meeting), mrows)
        mids = list(s.execute(select(Meeting.id).where(Meeting.id > before).order_by(Meeting.id)).scalars())
        s.execute(insert(MeetingOrganisation), [{"meeting_id": m, "organisation_id": org_id} for m in mids])
        s.execute(
            insert(MeetingAttendee),
            [
                {"meeting_id": m, "contact_id": cids[(i + k) % people]}
                for i, m in enumerate(mids)
                for k in range(3)
            ],
        )
        arows = []
        for i in range(actions):
            is_open = i % 3 == 0
            arows.append(
                {
                    "title": f"Việc cần làm số {i + 1}: gửi tài liệu và công văn phản hồi",
                    "kind": "task",
                    "direction": "we_owe" if i % 2 == 0 else "they_owe",
                    "responsible_staff_id": staff_ids[i % 4] if i % 2 == 0 else None,
                    "responsible_contact_id": None if i % 2 == 0 else cids[i % people],
                    "organisation_id": org_id,
                    "meeting_id": mids[i % meetings],
                    "due_date": TODAY + dt.timedelta(days=(i % 120) - 60),
                    "status": "open" if is_open else "done",
                    "completed_on": None if is_open else TODAY - dt.timedelta(days=i % 300),
                    "priority": 2,
                    "reference": "",
                    "notes": "",
                    "search_text": "",
                }
            )
        s.execute(insert(Action), arows)
    return org_id
