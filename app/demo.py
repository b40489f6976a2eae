"""A realistic sample database: Vietnam's innovation scene around the National Innovation
Center (NIC) in Hòa Lạc. People are fictional; organisations are the kind officers meet.

Dates are relative to today, so a demo made any day has meetings last week, follow-ups due
tomorrow, overdue ones and meetings coming up. ``scale=N`` adds N generated contacts with
proportional organisations, meetings and actions, for performance work.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app import records, sample_data
from app.demo_scale import fill_scale, sector_words
from app.letters import office
from db import clock, kinds
from db import models as m
from db.engine import unit_of_work

Progress = Callable[[int, int], None]

STAFF = [
    ("Trần Minh Quang", "quang.tm@nic.example.vn"),
    ("Lê Thu Hà", "ha.lt@nic.example.vn"),
    ("Vũ Hoàng Long", "long.vh@nic.example.vn"),
    ("Phạm Ngọc Anh", "anh.pn@nic.example.vn"),
]

# name, english name, acronym, aliases, kind, sectors, city, country, influence, interest, parent
# fmt: off
ORGANISATIONS: list[tuple[Any, ...]] = [
    ('Bộ Tài chính', 'Ministry of Finance', 'MOF', [], 'ministry', ['Policy'], 'Hà Nội', 'VN', 5, 3, None),
    ('Trung tâm Đổi mới sáng tạo Quốc gia', 'National Innovation Center', 'NIC', ['Trung tâm ĐMST Quốc gia'], 'agency', ['AI', 'Semiconductors', 'Biotech'], 'Hòa Lạc, Hà Nội', 'VN', 5, 5, 'MOF'),
    ('Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', 'MOST', ['Bộ KH&CN'], 'ministry', ['Policy', 'Quantum', 'Space'], 'Hà Nội', 'VN', 5, 4, None),
    ('Vụ Công nghệ cao', 'Department of High Technology', '', [], 'ministry', ['Semiconductors'], 'Hà Nội', 'VN', 4, 4, 'MOST'),
    ('Cục Đổi mới sáng tạo', 'National Agency for Technology Entrepreneurship', 'NATEC', [], 'agency', ['Policy'], 'Hà Nội', 'VN', 4, 4, 'MOST'),
    ('Mạng lưới Đổi mới sáng tạo Việt Nam', 'Vietnam Innovation Network', 'VIN', ['Vietnam Innovation Network'], 'network', ['AI', 'Policy'], 'Hà Nội', 'VN', 3, 5, None),
    ('Genetica', 'Genetica', '', [], 'startup', ['Biotech', 'AI'], 'Hà Nội', 'VN', 2, 5, None),
    ('Công ty Cổ phần FPT', 'FPT Corporation', 'FPT', ['FPT Corporation'], 'enterprise', ['AI', 'Semiconductors'], 'Hà Nội', 'VN', 4, 4, None),
    ('Tập đoàn Công nghiệp - Viễn thông Quân đội', 'Viettel Group', 'Viettel', [], 'enterprise', ['5G', 'UAV', 'Cybersecurity'], 'Hà Nội', 'VN', 5, 3, None),
    ('VNQuantum', 'Vietnam Quantum Network', '', [], 'network', ['Quantum'], 'Hà Nội', 'VN', 2, 4, None),
    ('ViSecurity', 'ViSecurity', '', [], 'startup', ['Cybersecurity'], 'TP. Hồ Chí Minh', 'VN', 2, 4, None),
    ('Viện AI4LIFE, Đại học Bách khoa Hà Nội', 'AI4LIFE Institute, Hanoi University of Science and Technology', 'AI4LIFE', [], 'research_institute', ['AI', 'Robotics'], 'Hà Nội', 'VN', 3, 4, None),
    ('Viện Trí tuệ nhân tạo, Trường Đại học Công nghệ - ĐHQGHN', 'VNU-UET Institute for Artificial Intelligence', 'VNU-AI', [], 'university', ['AI'], 'Hà Nội', 'VN', 3, 3, None),
    ('NVIDIA Vietnam R&D Center', 'NVIDIA Vietnam R&D Center', 'NVIDIA', [], 'international_partner', ['AI', 'Semiconductors'], 'Hà Nội', 'VN', 4, 4, None),
    ('Qualcomm AI R&D Center Hanoi', 'Qualcomm AI R&D Center Hanoi', 'Qualcomm', [], 'international_partner', ['AI', '5G'], 'Hà Nội', 'VN', 3, 3, None),
    ('Kennesaw State University', 'Kennesaw State University', 'KSU', [], 'university', ['Cybersecurity', 'Space'], 'Georgia', 'US', 2, 3, None),
    ('Do Ventures', 'Do Ventures', '', [], 'investor', ['AI', 'Biotech'], 'TP. Hồ Chí Minh', 'VN', 3, 3, None),
]
# fmt: on

# full name, position, organisation acronym or name, email, phone, country
# fmt: off
CONTACTS: list[tuple[str, str, str, str, str, str]] = [
    ('Nguyễn Thị Hồng Nhung', 'Giám đốc điều hành', 'VIN', 'nhung.nth@vin.example.vn', '0912 345 678', 'VN'),
    ('Đặng Văn Khoa', 'Phó Giám đốc', 'NIC', 'khoa.dv@nic.example.vn', '0903 112 233', 'VN'),
    ('Bùi Đức Hà', 'Vụ trưởng', 'Vụ Công nghệ cao', 'ha.bd@most.example.vn', '0987 654 321', 'VN'),
    ('Hoàng Quốc Yến', 'Phó Cục trưởng', 'NATEC', 'yen.hq@most.example.vn', '0913 202 404', 'VN'),
    ('Trương Gia Bình', 'Chủ tịch Hội đồng quản trị', 'FPT', 'binh.tg@fpt.example.vn', '0904 000 111', 'VN'),
    ('Lê Minh Châu', 'Giám đốc Công nghệ (CTO)', 'Genetica', 'chau.lm@genetica.example.vn', '0939 888 777', 'VN'),
    ('Phan Thanh Sơn', 'Tổng Giám đốc', 'Genetica', 'son.pt@genetica.example.vn', '0919 555 444', 'VN'),
    ('Võ Thị Lan Anh', 'Trưởng ban Đổi mới sáng tạo', 'Viettel', 'anh.vtl@viettel.example.vn', '0868 123 456', 'VN'),
    ('Đỗ Quang Huy', 'Giám đốc', 'VNQuantum', 'huy.dq@vnquantum.example.vn', '0977 321 654', 'VN'),
    ('Ngô Minh Tuấn', 'Nhà sáng lập, CEO', 'ViSecurity', 'tuan.nm@visecurity.example.vn', '0909 765 432', 'VN'),
    ('PGS.TS. Huỳnh Quyết Thắng', 'Viện trưởng', 'AI4LIFE', 'thang.hq@ai4life.example.vn', '0912 678 910', 'VN'),
    ('TS. Lý Ngọc Hân', 'Phó Viện trưởng', 'VNU-AI', 'han.ln@vnu.example.vn', '0948 246 810', 'VN'),
    ('Dr. Sarah Chen', 'Director, Developer Relations', 'NVIDIA', 'schen@nvidia.example.com', '+65 6123 4567', 'SG'),
    ('Hiroshi Tanaka', 'Head of Partnerships', 'Qualcomm', 'htanaka@qualcomm.example.com', '+81 3 1234 5678', 'JP'),
    ('Prof. Michael Brown', 'Dean, College of Computing', 'KSU', 'mbrown@ksu.example.edu', '+1 470 555 0142', 'US'),
    ('Dr. Lê Quang Minh', 'Senior Research Scientist (overseas expert)', '', 'minh.lq@example.de', '+49 30 1234567', 'DE'),
    ('Trần Thị Mai Phương', 'Partner', 'Do Ventures', 'phuong.ttm@doventures.example.vn', '0933 444 555', 'VN'),
    ('Phạm Hồng Hạnh', 'Chuyên viên chính', 'MOF', 'hanh.ph@mof.example.vn', '0988 111 222', 'VN'),
    ('Hùng Nguyễn', 'Principal Engineer (overseas expert)', '', 'hung.nguyen@example.com', '+1 408 555 0199', 'US'),
    ('Dương Thu Trang', 'Trưởng phòng Hợp tác quốc tế', 'NIC', 'trang.dt@nic.example.vn', '0916 777 888', 'VN'),
]
# fmt: on


def fill(
    engine: Engine,
    *,
    scale: int = 0,
    seed: int = 2025,
    force: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
    lang: str = "en",
    written: Callable[[], None] | None = None,
) -> dict[str, int]:
    """Write the demo data in one transaction; returns counts of what was written. ``lang``: the
    language of the words a person types that the demo makes up in English (its sectors).
    ``written`` is told as the COMMIT returns (a Ctrl+C then says the data was written)."""
    today = today or clock.today()
    with unit_of_work(engine, on_commit=written) as s:
        if not force and not sample_data.is_empty(s):  # (deleted ones count)
            from app.cli_lines import refused

            raise refused(  # (an officer tried the demo, then imported her real list into it)
                "This database already has records of its own (organisations, contacts, meetings or "
                "actions); the sample data goes into a file of its own: ketnoi demo (the sample "
                "database) or ketnoi demo --db demo.db",
                "Cơ sở dữ liệu này đã có bản ghi (tổ chức, liên hệ, cuộc họp hoặc việc cần làm); dữ "
                "liệu mẫu được ghi vào một tệp riêng: ketnoi demo (cơ sở dữ liệu mẫu) hoặc ketnoi demo "
                "--db demo.db",
            )
        counts = _fill_story(s, today, lang)
        if scale > 0:
            extra = fill_scale(s, scale, random.Random(seed), today, progress, lang)
            for k, v in extra.items():
                counts[k] = counts.get(k, 0) + v
    return counts


# The 2025 reorganisation of the government (Resolution 176/2025/QH15), effective 01/03/2025:
# predecessor (name, english name, acronym) and the ministry it merged into (issue 15).
MERGED_2025 = [
    ("Bộ Kế hoạch và Đầu tư", "Ministry of Planning and Investment", "MPI", "MOF"),
    ("Bộ Thông tin và Truyền thông", "Ministry of Information and Communications", "MIC", "MOST"),
]
MERGED_ON = dt.date(2025, 3, 1)
# NIC's posts with their precedence and holders (fictional people of the demo).
POSTS = [
    ("Phó Giám đốc", 2, "Đặng Văn Khoa", dt.date(2025, 3, 1), "245/QĐ-BTC"),
    ("Trưởng phòng Hợp tác quốc tế", 10, "Dương Thu Trang", dt.date(2024, 7, 1), "61/QĐ-ĐMST"),
]


OFFICE_SIGNER = "Đặng Văn Khoa"
"""Signs the demo office's letters for the director (the office's default signer's title)."""
RECENT = {17: 12, 18: 4}
"""Contacts (by position in CONTACTS) entered in the past fortnight, days ago."""


def _stamp(today: dt.date, days_ago: int, hour: int) -> dt.datetime:
    """A UTC stamp at ``hour`` office time ``days_ago`` days before ``today`` (at least one)."""
    day = today - dt.timedelta(days=max(1, days_ago))
    return clock.utc_of(dt.datetime.combine(day, dt.time(hour)))


def _entered(s: Session, entity: str, record_id: int, at: dt.datetime) -> None:
    """Date a demo record, and its history so far, as entered ``at``."""
    model = kinds.model(entity)
    s.execute(update(model).where(model.id == record_id).values(created_at=at, updated_at=at))  # type: ignore[arg-type]
    _changed(s, entity, record_id, at)


def _changed(s: Session, entity: str, record_id: int, at: dt.datetime) -> None:
    """Date a demo record's latest change(s) ``at`` (those written just now)."""
    model = kinds.model(entity)
    s.execute(update(model).where(model.id == record_id).values(updated_at=at))  # type: ignore[arg-type]
    s.execute(
        update(m.Change)
        .where(m.Change.entity == entity, m.Change.entity_id == record_id, m.Change.at > at)  # type: ignore[arg-type]
        .values(at=at)
    )


def _reorganisations_and_posts(
    s: Session, org: dict[str, int], people: dict[str, int], actor: str, today: dt.date
) -> None:
    from app import posts, reorg

    for name, en, acronym, into in MERGED_2025:
        old = records.create(
            s, "organisation", {"name": name, "name_en": en, "acronym": acronym, "kind": "ministry",
                                "city": "Hà Nội"}, actor=actor,
        )  # fmt: skip
        merged_days_ago = (today - MERGED_ON).days
        _entered(s, "organisation", old, _stamp(today, max(960, merged_days_ago + 60), 10))
        group, _ = reorg.succeed(
            s,
            old,
            [org[into]],
            kind="merged",
            on=MERGED_ON,
            note="Nghị quyết 176/2025/QH15",
            actor=actor,
        )
        # recorded when it took effect, as an officer following the news would have
        merged_at = _stamp(today, merged_days_ago, 16)
        s.execute(update(m.Change).where(m.Change.group_id == group).values(at=merged_at))  # type: ignore[arg-type]
        _changed(s, "organisation", old, merged_at)
    for title, rank, holder, since, decision in POSTS:
        post = posts.add_post(s, org["NIC"], title, rank=rank, actor=actor)
        posts.assign(s, post, people[holder], starts_on=since, decision=decision, actor=actor)


def _fill_story(s: Session, today: dt.date, lang: str = "en") -> dict[str, int]:
    actor = "demo"
    staff = {
        name: records.create(s, "staff", {"name": name, "email": email}, actor=actor) for name, email in STAFF
    }
    owner = list(staff.values())
    org: dict[str, int] = {}
    for i, (name, en, acr, aliases, kind, sectors, city, country, infl, intr, parent) in enumerate(
        ORGANISATIONS
    ):
        org[acr or name] = org[name] = records.create(
            s,
            "organisation",
            {
                "name": name,
                "name_en": en,
                "acronym": acr,
                "aliases": aliases,
                "kind": kind,
                "sectors": sector_words(sectors, lang),
                "city": city,
                "country": country,
                "influence": infl,
                "interest": intr,
                "parent_id": org.get(parent) if parent else None,
                "owner_id": owner[i % len(owner)],
                "website": f"https://{(acr or name.split()[0]).lower()}.example.vn",
                "tags": ["đối tác chiến lược"] if infl >= 4 else [],
            },
            actor=actor,
        )
    people: dict[str, int] = {}
    for i, (full, position, org_key, email, phone, country) in enumerate(CONTACTS):
        people[full] = records.create(
            s,
            "contact",
            {
                "full_name": full,
                "position": position,
                "organisation_id": org.get(org_key),
                "emails": [email],
                "phones": [phone],
                "country": country,
                "owner_id": owner[i % len(owner)],
                "influence": 3 + (i % 3),
                "interest": 2 + (i % 4),
                "source": "demo",
                "tags": ["chuyên gia nước ngoài"] if "overseas" in position else [],
            },
            actor=actor,
        )
    # Entered over the past months, not all today: organisations first, then people as they
    # were met, the last two in the past fortnight (a month's digest lists a few new contacts).
    for i, oid in enumerate(dict.fromkeys(org.values())):
        _entered(s, "organisation", oid, _stamp(today, 900 - 7 * i, 10))
    held_since = (today - POSTS[0][3]).days
    for i, (full, pid) in enumerate(people.items()):
        days_ago = RECENT.get(i, 660 - 30 * i)
        if full == POSTS[0][2]:  # known before the change of post below
            days_ago = max(days_ago, held_since + 30)
        _entered(s, "contact", pid, _stamp(today, days_ago, 14))
    # A change of position, so that role history has something to show: on the day of the
    # decision that gave him the post (POSTS), as his brief's "held since" says.
    khoa = people["Đặng Văn Khoa"]
    records.update(
        s,
        "contact",
        khoa,
        {"position": "Phó Giám đốc phụ trách Hợp tác quốc tế"},
        expected_version=None,
        actor="Trần Minh Quang",
    )
    _changed(s, "contact", khoa, _stamp(today, held_since, 15))

    def at(days: int, hour: int = 9, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour, minute))

    quang, ha, long_ = staff["Trần Minh Quang"], staff["Lê Thu Hà"], staff["Vũ Hoàng Long"]
    meetings: list[dict[str, Any]] = [
        {
            "title": "Phiên làm việc với Mạng lưới Đổi mới sáng tạo Việt Nam tại Hòa Lạc",
            "starts_at": at(-3, 9),
            "ends_at": at(-3, 11, 30),
            "kind": "working_session",
            "location": "Trung tâm Đổi mới sáng tạo Quốc gia, Khu CNC Hòa Lạc",
            "agenda": "1. Kết nối doanh nghiệp công nghệ sinh học với đối tác quốc tế\n"
            "2. Cơ chế thử nghiệm có kiểm soát (sandbox) cho công nghệ sinh học\n3. Kế hoạch 2026",
            "minutes": "VIN giới thiệu 12 chuyên gia người Việt ở nước ngoài sẵn sàng cố vấn. "
            "Genetica trình bày nhu cầu hợp tác về AI trong giải mã gen.",
            "decisions": "NIC gửi thư giới thiệu Genetica tới NVIDIA.\n"
            "Bộ KH&CN gửi dự thảo quy định sandbox trước cuối tháng.",
            "attendees": [
                {"contact_id": people["Nguyễn Thị Hồng Nhung"], "role": "chair"},
                {"contact_id": people["Lê Minh Châu"]},
                {"contact_id": people["Bùi Đức Hà"]},
                {"contact_id": people["Đặng Văn Khoa"], "role": "presenter"},
            ],
            "organisation_ids": [org["VIN"], org["Genetica"], org["MOST"], org["NIC"]],
            "staff_ids": [quang, ha],
            "owner_id": quang,
        },
        {
            "title": "Working session with NVIDIA on the AI R&D ecosystem",
            "starts_at": at(-10, 14),
            "ends_at": at(-10, 16),
            "kind": "meeting",
            "location": "NVIDIA Vietnam R&D Center, Hà Nội",
            "agenda": "GPU cluster for Vietnamese start-ups; internship programme",
            "minutes": "NVIDIA open to supporting 5 start-ups from the NIC programme with compute credits.",
            "decisions": "NIC to shortlist 5 start-ups. NVIDIA to send the credit programme terms.",
            "attendees": [
                {"contact_id": people["Dr. Sarah Chen"], "role": "chair"},
                {"contact_id": people["Dương Thu Trang"]},
            ],
            "organisation_ids": [org["NVIDIA"], org["NIC"]],
            "staff_ids": [long_],
            "owner_id": long_,
        },
        {
            "title": "Họp với Viettel về chương trình UAV",
            "starts_at": at(-24, 10),
            "kind": "meeting",
            "location": "Viettel, Hà Nội",
            "decisions": "Viettel gửi 7 đề xuất phát triển UAV.",
            "attendees": [{"contact_id": people["Võ Thị Lan Anh"]}],
            "organisation_ids": [org["Viettel"]],
            "staff_ids": [ha],
            "owner_id": ha,
        },
        {
            "title": "Call with Kennesaw State University on cybersecurity training",
            "starts_at": at(-40, 20),
            "kind": "call",
            "location": "Microsoft Teams",
            "decisions": "Draft MoU on a cybersecurity training centre.",
            "attendees": [
                {"contact_id": people["Prof. Michael Brown"]},
                {"contact_id": people["Ngô Minh Tuấn"]},
            ],
            "organisation_ids": [org["KSU"], org["ViSecurity"]],
            "staff_ids": [long_],
            "owner_id": long_,
        },
        {
            "title": "Gặp chuyên gia lượng tử VNQuantum",
            "starts_at": at(-60, 15),
            "kind": "visit",
            "location": "Hòa Lạc",
            "attendees": [
                {"contact_id": people["Đỗ Quang Huy"]},
                {"contact_id": people["Dr. Lê Quang Minh"]},
            ],
            "organisation_ids": [org["VNQuantum"]],
            "staff_ids": [quang],
            "owner_id": quang,
        },
        {
            "title": "Chuẩn bị làm việc với Bộ Khoa học và Công nghệ về sandbox",
            "starts_at": at(4, 9),
            "ends_at": at(4, 10, 30),
            "kind": "meeting",
            "location": "Bộ Khoa học và Công nghệ, 113 Trần Duy Hưng, Hà Nội",
            "agenda": "Góp ý dự thảo quy định sandbox công nghệ sinh học; phân công đầu mối",
            "attendees": [{"contact_id": people["Bùi Đức Hà"]}, {"contact_id": people["Hoàng Quốc Yến"]}],
            "organisation_ids": [org["MOST"], org["NIC"]],
            "staff_ids": [quang],
            "owner_id": quang,
        },
        {
            "title": "Vietnam Innovation Network — annual meeting of overseas experts",
            "starts_at": at(12, 8, 30),
            "kind": "event",
            "location": "Hòa Lạc Hi-Tech Park",
            "attendees": [
                {"contact_id": people["Nguyễn Thị Hồng Nhung"]},
                {"contact_id": people["Hùng Nguyễn"]},
                {"contact_id": people["Dr. Lê Quang Minh"]},
            ],
            "organisation_ids": [org["VIN"]],
            "staff_ids": [ha],
            "owner_id": ha,
        },
    ]
    meeting_ids = [records.create(s, "meeting", mt, actor=actor) for mt in meetings]
    for mid, mt in zip(meeting_ids, meetings, strict=True):  # logged on the day; planned a week ahead
        days_ago = (today - mt["starts_at"].date()).days
        _entered(s, "meeting", mid, _stamp(today, days_ago if days_ago > 0 else 6, 17))
    hoa_lac, nvidia, viettel, ksu = meeting_ids[:4]
    actions: list[dict[str, Any]] = [
        {
            "title": "Gửi thư giới thiệu Genetica tới NVIDIA",
            "kind": "introduction",
            "direction": "we_owe",
            "responsible_staff_id": quang,
            "organisation_id": org["Genetica"],
            "meeting_id": hoa_lac,
            "due_date": today + dt.timedelta(days=1),
            "priority": 1,
            "reference": "Số 125/NIC-HTQT",
        },
        {
            "title": "Gửi dự thảo quy định sandbox công nghệ sinh học",
            "kind": "document",
            "direction": "they_owe",
            "responsible_contact_id": people["Bùi Đức Hà"],
            "organisation_id": org["MOST"],
            "meeting_id": hoa_lac,
            "due_date": today + dt.timedelta(days=7),
        },
        {
            "title": "Genetica gửi đề xuất hợp tác AI giải mã gen",
            "kind": "document",
            "direction": "they_owe",
            "responsible_contact_id": people["Lê Minh Châu"],
            "organisation_id": org["Genetica"],
            "meeting_id": hoa_lac,
            "due_date": today + dt.timedelta(days=10),
        },
        {
            "title": "Shortlist 5 start-ups for NVIDIA compute credits",
            "kind": "task",
            "direction": "we_owe",
            "responsible_staff_id": long_,
            "organisation_id": org["NVIDIA"],
            "meeting_id": nvidia,
            "due_date": today - dt.timedelta(days=2),
            "priority": 1,
            "status": "in_progress",
        },
        {
            "title": "Send the compute-credit programme terms",
            "kind": "document",
            "direction": "they_owe",
            "responsible_contact_id": people["Dr. Sarah Chen"],
            "organisation_id": org["NVIDIA"],
            "meeting_id": nvidia,
            "due_date": today + dt.timedelta(days=3),
        },
        {
            "title": "Viettel gửi 7 đề xuất phát triển UAV",
            "kind": "document",
            "direction": "they_owe",
            "responsible_contact_id": people["Võ Thị Lan Anh"],
            "organisation_id": org["Viettel"],
            "meeting_id": viettel,
            "due_date": today - dt.timedelta(days=5),
            "status": "waiting",
        },
        {
            "title": "Draft the MoU on the cybersecurity training centre",
            "kind": "document",
            "direction": "we_owe",
            "responsible_staff_id": long_,
            "organisation_id": org["KSU"],
            "meeting_id": ksu,
            "due_date": today - dt.timedelta(days=20),
            "status": "done",
            "completed_on": today - dt.timedelta(days=22),
        },
        {
            "title": "Gọi điện xác nhận thành phần đoàn Bộ KH&CN",
            "kind": "call",
            "direction": "we_owe",
            "responsible_staff_id": quang,
            "organisation_id": org["MOST"],
            "due_date": today,
            "priority": 2,
        },
        {
            "title": "Lập kế hoạch Trung tâm huấn luyện an ninh mạng",
            "kind": "task",
            "direction": "we_owe",
            "responsible_staff_id": ha,
            "organisation_id": org["ViSecurity"],
            "due_date": today + dt.timedelta(days=30),
            "priority": 3,
        },
    ]
    action_ids: list[int] = []
    for a in actions:
        aid = records.create(s, "action", a, actor=actor)
        action_ids.append(aid)
        done_or_due: dt.date = min(a["due_date"], a.get("completed_on") or a["due_date"])
        _entered(s, "action", aid, _stamp(today, (today - done_or_due).days + 14, 11))
    _reorganisations_and_posts(s, org, people, actor, today)
    # The office that writes the letters, with its usual signer (letters end with a name).
    office.save_profile(s, {"signer_name": OFFICE_SIGNER})
    letters = _letters(s, org, people, meeting_ids, action_ids, quang, actor, today)
    return {
        "staff": len(staff),
        "organisations": len(ORGANISATIONS) + len(MERGED_2025),
        "contacts": len(CONTACTS),
        "meetings": len(meetings),
        "actions": len(actions),
        "letters": letters,
    }


MOU_SUBJECT = "V/v gửi dự thảo Biên bản ghi nhớ về Trung tâm huấn luyện an ninh mạng"


def _letters(
    s: Session,
    org: dict[str, int],
    people: dict[str, int],
    meeting_ids: list[int],
    action_ids: list[int],
    officer: int,
    actor: str,
    today: dt.date,
) -> int:
    """The office's register as the weeks of work leave it: the thank-you to Kennesaw State
    signed and sent the day after the call (123/NIC-HTQT), the letter sending the MoU draft to
    them signed the day that action was done (124), the ministry's letter asking for comments
    on the sandbox regulation received with its reply due, and the thank-you to NVIDIA still a
    draft. The next number is 125, the one noted at the Hòa Lạc meeting on the introduction
    letter due tomorrow, which is left for the person trying the demo to draft and sign. The
    register is brought in as an office does mid-year (its last number on paper)."""
    from app.letters import register

    def when(day: dt.date, hour: int) -> dt.datetime:
        return _stamp(today, (today - day).days, hour)

    symbol = office.load_profile(s).symbol
    ksu_meeting, nvidia_meeting = meeting_ids[3], meeting_ids[1]
    ksu_call, mou = s.get(m.Meeting, ksu_meeting), s.get(m.Action, action_ids[6])
    assert ksu_call is not None and mou is not None and mou.completed_on is not None
    thanked, sent_mou = ksu_call.starts_at.date() + dt.timedelta(days=1), mou.completed_on
    register.start_register_at(s, thanked.year, symbol, 122)
    mou_subjects = {
        "subject": MOU_SUBJECT,
        "subject_en": "The draft MoU on the cybersecurity training centre",
    }
    for letter, day, subjects in (
        (register.letter_for_record(s, "meeting", ksu_meeting, template="thanks", to=org["KSU"], actor=actor), thanked, None),
        (register.letter_for_record(s, "action", action_ids[6], actor=actor), sent_mou, mou_subjects),
    ):  # fmt: skip
        if subjects:  # the register's summary in Vietnamese, the English one for the partner
            records.update(s, "letter", letter, subjects, expected_version=None, actor=actor)
        _entered(s, "letter", letter, when(day, 9))
        register.sign(s, letter, on=day, actor=actor)
        _changed(s, "letter", letter, when(day, 14))
        register.set_status(s, letter, "sent", actor=actor)
        _changed(s, "letter", letter, when(day, 15))
    _changed(s, "action", action_ids[6], when(sent_mou, 14))  # its reference: the letter's number
    if sent_mou.year != today.year:  # (a demo made in January: this year's register too)
        register.start_register_at(s, today.year, symbol, 124)
    incoming = register.add_letter(
        s,
        {
            "direction": "incoming",
            "reference": "45/BKHCN-ĐMST",
            "letter_date": today - dt.timedelta(days=6),
            "subject": "V/v góp ý dự thảo quy định thử nghiệm có kiểm soát (sandbox) công nghệ sinh học",
            "organisation_id": org["MOST"],
            "contact_id": people["Bùi Đức Hà"],
            "reply_due": today + dt.timedelta(days=4),
            "owner_id": officer,
        },
        actor=actor,
    )
    _entered(s, "letter", incoming, when(today - dt.timedelta(days=5), 9))
    draft = register.letter_for_record(s, "meeting", nvidia_meeting, template="thanks", actor=actor)
    _entered(s, "letter", draft, when(today - dt.timedelta(days=2), 16))
    return 4
