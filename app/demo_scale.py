"""Generated data for performance work: `ketnoi demo --scale N`."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlmodel import Session, select

from app import bulk
from db import models as m

Progress = Callable[[int, int], None]

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trương",
    "Mai",
    "Cao",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Minh",
    "Đức",
    "Thu",
    "Hồng",
    "Quốc",
    "Thanh",
    "Ngọc",
    "Hữu",
    "Anh",
    "Xuân",
    "Thị Hồng",
    "",
]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Đông",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Nhung",
    "Phúc",
    "Quân",
    "Sơn",
    "Thảo",
    "Thắng",
    "Trang",
    "Tú",
    "Tuấn",
    "Uyên",
    "Yến",
    "Khoa",
    "Linh",
    "Ngân",
    "Đạt",
]
POSITIONS = [
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng phòng",
    "Chuyên viên",
    "CEO",
    "CTO",
    "Research Scientist",
    "Programme Officer",
    "Head of Partnerships",
    "Viện trưởng",
]
ORG_WORDS = [
    "Công nghệ",
    "Sinh học",
    "Lượng tử",
    "An ninh mạng",
    "Robot",
    "Năng lượng",
    "Vật liệu",
    "Vũ trụ",
    "Dữ liệu",
    "Bán dẫn",
]
SECTORS = [
    "AI",
    "Biotech",
    "Semiconductors",
    "Quantum",
    "Cybersecurity",
    "UAV",
    "Robotics",
    "5G",
    "Blockchain",
    "Energy",
    "Space",
    "Materials",
]


def fill_scale(
    s: Session, n: int, rng: random.Random, today: dt.date, progress: Progress | None
) -> dict[str, int]:
    """N generated contacts, N/50 organisations, N/10 meetings, N/5 actions, in bulk."""
    n_orgs, n_meetings, n_actions = max(1, n // 50), max(1, n // 10), max(1, n // 5)
    total = n_orgs + n + n_meetings + n_actions
    done = [0]

    def step(k: int) -> Callable[[int, int], None]:
        base = done[0]

        def report(d: int, _t: int) -> None:
            if progress:
                progress(base + d, total)

        done[0] += k
        return report

    staff_ids = list(s.exec(select(m.Staff.id)).all())
    orgs = bulk.prepare_many(
        "organisation",
        [
            {
                "name": f"{rng.choice(['Công ty', 'Viện', 'Trung tâm', 'Startup'])} {rng.choice(ORG_WORDS)} {i + 1}",
                "kind": rng.choice(m.ORGANISATION_KINDS),
                "sectors": rng.sample(SECTORS, 2),
                "city": rng.choice(["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Hòa Lạc, Hà Nội"]),
                "influence": rng.randint(1, 5),
                "interest": rng.randint(1, 5),
            }
            for i in range(n_orgs)
        ],
    )
    org_ids = bulk.create_many(s, "organisation", orgs, actor="demo", progress=step(n_orgs), history=False)
    contact_rows = []
    for i in range(n):
        family, middle, given = rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)
        full = " ".join(p for p in (family, middle, given) if p)
        contact_rows.append(
            {
                "full_name": full,
                "family_name": family,
                "middle_name": middle,
                "given_name": given,
                "position": rng.choice(POSITIONS),
                "organisation_id": rng.choice(org_ids),
                "emails": [f"user{i}@example{i % 97}.vn"],
                "phones": [f"+8491{i:07d}"],
                "owner_id": rng.choice(staff_ids),
                "source": "demo --scale",
            }
        )
    contacts = bulk.prepare_many("contact", contact_rows)
    contact_ids = bulk.create_many(s, "contact", contacts, actor="demo", progress=step(n), history=False)
    meeting_rows = []
    for i in range(n_meetings):
        when = dt.datetime.combine(
            today - dt.timedelta(days=rng.randint(-30, 720)), dt.time(rng.choice([9, 10, 14, 15]))
        )
        meeting_rows.append(
            {
                "title": f"Làm việc về {rng.choice(ORG_WORDS).lower()} #{i + 1}",
                "starts_at": when,
                "kind": rng.choice(m.MEETING_KINDS),
                "location": rng.choice(["Hòa Lạc", "Hà Nội", "Online"]),
                "attendees": [{"contact_id": c} for c in rng.sample(contact_ids, min(3, len(contact_ids)))],
                "organisation_ids": [rng.choice(org_ids)],
                "owner_id": rng.choice(staff_ids),
            }
        )
    meetings = bulk.prepare_many("meeting", meeting_rows)
    meeting_ids = bulk.create_many(
        s, "meeting", meetings, actor="demo", progress=step(n_meetings), history=False
    )
    action_rows = []
    for i in range(n_actions):
        status = rng.choices(m.ACTION_STATUSES, weights=[5, 2, 1, 6, 1])[0]
        action_rows.append(
            {
                "title": f"{rng.choice(['Gửi', 'Chuẩn bị', 'Xác nhận', 'Send', 'Review'])} "
                f"{rng.choice(['thư giới thiệu', 'đề xuất', 'báo cáo', 'proposal', 'MoU'])} #{i + 1}",
                "kind": rng.choice(m.ACTION_KINDS),
                "direction": rng.choice(m.ACTION_DIRECTIONS),
                "responsible_staff_id": rng.choice(staff_ids),
                "organisation_id": rng.choice(org_ids),
                "meeting_id": rng.choice(meeting_ids),
                "due_date": today + dt.timedelta(days=rng.randint(-60, 60)),
                "status": status,
                "priority": rng.choice(m.PRIORITIES),
            }
        )
    actions = bulk.prepare_many("action", action_rows)
    bulk.create_many(s, "action", actions, actor="demo", progress=step(n_actions), history=False)
    return {"organisations": n_orgs, "contacts": n, "meetings": n_meetings, "actions": n_actions}
