"""A small, realistic network for list, dashboard and UI tests (through the real services)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine

from app import records
from app.entities import prepare_contact
from db.engine import unit_of_work
from db.models import Contact, ContactMethod

TODAY = dt.date(2026, 11, 23)  # a Monday


def seed_network(engine: Engine, today: dt.date = TODAY) -> dict[str, Any]:
    """Two organisations (one a department of a ministry), five people, meetings and actions."""
    ids: dict[str, Any] = {}
    with unit_of_work(engine) as s:
        ids["me"] = records.create(s, "staff", {"name": "Trần Minh Anh", "email": "anh@nic.gov.vn"})
        ids["colleague"] = records.create(s, "staff", {"name": "Lê Văn Bình"})
        ids["ministry"] = records.create(
            s,
            "organisation",
            {
                "name": "Bộ Khoa học và Công nghệ",
                "acronym": "MOST",
                "kind": "ministry",
                "sectors": ["AI"],
                "city": "Hà Nội",
            },
        )
        ids["nic"] = records.create(
            s,
            "organisation",
            {
                "name": "Trung tâm Đổi mới sáng tạo Quốc gia",
                "acronym": "NIC",
                "kind": "agency",
                "parent_id": ids["ministry"],
                "sectors": ["AI", "Semiconductors"],
                "tags": ["priority"],
                "city": "Hà Nội",
                "owner_id": ids["me"],
                "influence": 5,
                "interest": 4,
            },
        )
        ids["genetica"] = records.create(
            s,
            "organisation",
            {
                "name": "Genetica",
                "kind": "startup",
                "sectors": ["Biotech"],
                "city": "Hòa Lạc",
                "owner_id": ids["colleague"],
            },
        )
        people = [
            ("nhung", "Nguyễn Thị Hồng Nhung", "Giám đốc", "nic", ["nhung@nic.gov.vn"]),
            ("dang", "Đặng Văn An", "Phó Giám đốc", "nic", ["an.dang@nic.gov.vn"]),
            ("hung", "Phạm Quốc Hùng", "CEO", "genetica", ["hung@genetica.asia"]),
            ("bao", "Vũ Ngọc Bảo", "CTO", "genetica", []),
            ("smith", "John Smith", "Advisor", None, ["john@example.org"]),
        ]
        for key, name, pos, org, emails in people:
            ids[key] = records.create(
                s,
                "contact",
                {
                    "full_name": name,
                    "position": pos,
                    "organisation_id": ids[org] if org else None,
                    "emails": emails,
                    "tags": ["expert"] if key == "smith" else [],
                },
            )
        ids["past_meeting"] = records.create(
            s,
            "meeting",
            {
                "title": "Họp làm việc về chương trình AI",
                "kind": "working_session",
                "starts_at": dt.datetime.combine(today - dt.timedelta(days=10), dt.time(9, 0)),
                "location": "Hòa Lạc",
                "organisation_ids": [ids["nic"]],
                "attendees": [
                    {"contact_id": ids["nhung"], "role": "chair"},
                    {"contact_id": ids["dang"]},
                ],
                "decisions": "Pilot programme in Q1",
            },
        )
        ids["next_meeting"] = records.create(
            s,
            "meeting",
            {
                "title": "Genetica pitch",
                "starts_at": dt.datetime.combine(today + dt.timedelta(days=2), dt.time(14, 0)),
                "organisation_ids": [ids["genetica"]],
                "attendees": [{"contact_id": ids["hung"]}],
            },
        )
        actions = [
            (
                "overdue",
                "Gửi thư giới thiệu tới Genetica",
                "we_owe",
                today - dt.timedelta(days=3),
                "genetica",
                "me",
            ),
            ("today", "Send the MoU draft", "we_owe", today, "nic", "me"),
            ("week", "Receive pilot budget", "they_owe", today + dt.timedelta(days=4), "nic", None),
            (
                "later",
                "Quarterly review",
                "we_owe",
                today + dt.timedelta(days=40),
                "nic",
                "colleague",
            ),
        ]
        for key, title, direction, due, org, staff in actions:
            ids["a_" + key] = records.create(
                s,
                "action",
                {
                    "title": title,
                    "direction": direction,
                    "due_date": due,
                    "organisation_id": ids[org],
                    "responsible_staff_id": ids[staff] if staff else None,
                    "responsible_contact_id": ids["nhung"] if direction == "they_owe" else None,
                },
            )
        ids["a_done"] = records.create(
            s,
            "action",
            {
                "title": "Old finished task",
                "status": "done",
                "due_date": today - dt.timedelta(days=30),
                "organisation_id": ids["nic"],
            },
        )
    return ids


_GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Hà",
    "Hùng",
    "Lan",
    "Mai",
    "Nam",
    "Nhung",
    "Phúc",
    "Quân",
    "Thảo",
    "Tú",
    "Vy",
]
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Vũ", "Bùi", "Đỗ", "Ngô"]
_MIDDLE = ["Văn", "Thị", "Minh", "Hồng", "Quốc", "Ngọc", ""]


def bulk_contacts(engine: Engine, n: int) -> None:
    """``n`` contacts inserted in one Core executemany (the services' prepare, no history)."""
    rows: list[dict[str, Any]] = []
    methods: list[dict[str, Any]] = []
    cache: dict[str, dict[str, Any]] = {}
    for i in range(n):
        name = " ".join(p for p in (_FAMILY[i % 10], _MIDDLE[(i // 10) % 7], _GIVEN[(i // 70) % 15]) if p)
        if name not in cache:
            cache[name] = prepare_contact(None, {"full_name": name, "position": "Chuyên viên"}).columns
        rows.append(dict(cache[name]))
    with unit_of_work(engine) as s:
        s.execute(insert(Contact), rows)
        table = Contact.__table__  # type: ignore[attr-defined]
        first = s.execute(select(func.min(table.c.id))).scalar_one()
        for i in range(0, n, 10):
            methods.append(
                {
                    "contact_id": first + i,
                    "kind": "email",
                    "value": f"p{i}@example.vn",
                    "position": 0,
                }
            )
        s.execute(insert(ContactMethod), methods)
