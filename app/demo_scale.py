"""Generated data for performance work: `ketnoi demo --scale N`."""

from __future__ import annotations

import collections
import datetime as dt
import functools
import itertools
import multiprocessing
import os
import random
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any

from sqlmodel import Session, select

from app import bulk
from app.entities import Prepared
from db import clock
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
SECTORS_VI = {
    "AI": "Trí tuệ nhân tạo",
    "Biotech": "Công nghệ sinh học",
    "Semiconductors": "Bán dẫn",
    "Quantum": "Lượng tử",
    "Cybersecurity": "An ninh mạng",
    "UAV": "UAV",
    "Robotics": "Robot",
    "5G": "5G",
    "Blockchain": "Chuỗi khối",
    "Energy": "Năng lượng",
    "Space": "Vũ trụ",
    "Materials": "Vật liệu",
    "Policy": "Chính sách",
}
"""A sector is free text that the person types (the map's colours, its filter and search read
the stored words): the demo writes its sectors in the language it runs in."""


def sector_words(sectors: list[str], lang: str) -> list[str]:
    """The demo's sectors (English) in ``lang``: ["AI", "Biotech"] → ["Trí tuệ nhân tạo", …]."""
    return [SECTORS_VI.get(x, x) for x in sectors] if lang == "vi" else list(sectors)


STREAM = 20_000
"""Rows generated, validated and written per step: memory stays bounded at any scale."""
POOL_MIN = 50_000
"""From this many contacts the rows are validated in worker processes (one per core) while
the main process writes the previous step: validation is most of the time (phone numbers,
names' sort and search keys)."""


def _prepare(entity: str, rows: list[dict[str, Any]]) -> list[Prepared]:
    return bulk.prepare_many(entity, rows)


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while batch := list(itertools.islice(it, size)):
        yield batch


class _Writer:
    """Validates batches (in a pool when given) and writes them in order, keeping at most a
    few batches in flight."""

    def __init__(self, s: Session, pool: Executor | None, report: Callable[[int], None]) -> None:
        self.s, self.pool, self.report = s, pool, report
        self.written = 0

    def write(self, entity: str, rows: Iterable[dict[str, Any]]) -> list[int]:
        """Each row's "created_at" (UTC) is its creation stamp, not a field to validate."""
        ids: list[int] = []
        pending: collections.deque[Future[list[Prepared]]] = collections.deque()
        stamps: collections.deque[list[dt.datetime]] = collections.deque()

        def drain(keep: int) -> None:
            while len(pending) > keep:
                prepared = pending.popleft().result()
                ids.extend(
                    bulk.create_many(
                        self.s, entity, prepared, actor="demo", history=False, created=stamps.popleft()
                    )
                )
                self.written += len(prepared)
                self.report(self.written)

        for batch in _batches(rows, STREAM):
            stamps.append([row.pop("created_at") for row in batch])
            if self.pool is None:
                done: Future[list[Prepared]] = Future()
                done.set_result(_prepare(entity, batch))
                pending.append(done)
            else:
                pending.append(self.pool.submit(_prepare, entity, batch))
            drain(keep=2 if self.pool is not None else 0)
        drain(keep=0)
        return ids


def fill_scale(
    s: Session, n: int, rng: random.Random, today: dt.date, progress: Progress | None, lang: str = "en"
) -> dict[str, int]:
    """N generated contacts, N/50 organisations, N/10 meetings, N/5 actions, in bulk.

    Generated, validated and written STREAM rows at a time (bounded memory); from POOL_MIN
    contacts the validation runs in worker processes beside the writes. The same seed gives
    the same data either way.
    """
    n_orgs, n_meetings, n_actions = max(1, n // 50), max(1, n // 10), max(1, n // 5)
    total = n_orgs + n + n_meetings + n_actions

    def report(done: int) -> None:
        if progress:
            progress(done, total)

    staff_ids = list(s.exec(select(m.Staff.id)).all())
    pool: Executor | None = None
    if n >= POOL_MIN and (os.cpu_count() or 1) > 1:
        pool = ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=multiprocessing.get_context("fork"))
    try:
        w = _Writer(s, pool, report)
        counts = _generate(w, n, n_orgs, n_meetings, n_actions, rng, today, staff_ids, lang)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return counts


def _generate(
    w: _Writer,
    n: int,
    n_orgs: int,
    n_meetings: int,
    n_actions: int,
    rng: random.Random,
    today: dt.date,
    staff_ids: list[int | None],
    lang: str = "en",
) -> dict[str, int]:
    @functools.cache
    def at_hour(days_ago: int, hour: int) -> dt.datetime:
        """``hour`` o'clock office time ``days_ago`` days before today, in UTC (as stored). A
        morning or an afternoon, one object each: the writer converts each distinct stamp once
        (at a minute each, the conversions made the 100k demo 10–15% slower)."""
        return clock.utc_of(dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(hour)))

    def entered(days_ago: int) -> dt.datetime:
        """A creation stamp ``days_ago`` days before today, at 09:00 or 14:00."""
        return at_hour(max(1, days_ago), 9 if rng.random() < 0.5 else 14)

    # Organisations were entered first, contacts over the last year and a half, meetings on
    # their day, actions some days before they fell due: a month's digest shows a month's work.
    org_ids = w.write(
        "organisation",
        (
            {
                "name": f"{rng.choice(['Công ty', 'Viện', 'Trung tâm', 'Startup'])} {rng.choice(ORG_WORDS)} {i + 1}",
                "kind": rng.choice(m.ORGANISATION_KINDS),
                "sectors": sector_words(rng.sample(SECTORS, 2), lang),
                "city": rng.choice(["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Hòa Lạc, Hà Nội"]),
                "influence": rng.randint(1, 5),
                "interest": rng.randint(1, 5),
                "created_at": entered(rng.randint(541, 720)),
            }
            for i in range(n_orgs)
        ),
    )
    contact_org: list[int] = []
    """Each generated contact's organisation, by position: a partner's action is owed by a
    person of that partner."""

    def contact(i: int) -> dict[str, Any]:
        family, middle, given = rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)
        full = " ".join(p for p in (family, middle, given) if p)
        organisation = rng.choice(org_ids)
        contact_org.append(organisation)
        return {
            "full_name": full,
            "family_name": family,
            "middle_name": middle,
            "given_name": given,
            "position": rng.choice(POSITIONS),
            "organisation_id": organisation,
            "emails": [f"user{i}@example{i % 97}.vn"],
            "phones": [f"+8491{i:07d}"],
            "owner_id": rng.choice(staff_ids),
            "source": "demo --scale",
            "created_at": entered(rng.randint(1, 540)),
        }

    contact_ids = w.write("contact", (contact(i) for i in range(n)))

    def meeting(i: int) -> dict[str, Any]:
        days_ago = rng.randint(-30, 720)
        when = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(rng.choice([9, 10, 14, 15])))
        return {
            "title": f"Làm việc về {rng.choice(ORG_WORDS).lower()} #{i + 1}",
            "starts_at": when,
            "kind": rng.choice(m.MEETING_KINDS),
            "location": rng.choice(["Hòa Lạc", "Hà Nội", "Online"]),
            "attendees": [{"contact_id": c} for c in rng.sample(contact_ids, min(3, len(contact_ids)))],
            "organisation_ids": [rng.choice(org_ids)],
            "owner_id": rng.choice(staff_ids),
            # a past meeting logged on its day, a coming one planned in the last fortnight
            "created_at": entered(days_ago if days_ago > 0 else rng.randint(1, 14)),
        }

    meeting_ids = w.write("meeting", (meeting(i) for i in range(n_meetings)))

    def action(i: int) -> dict[str, Any]:
        status = rng.choices(m.ACTION_STATUSES, weights=[5, 2, 1, 6, 1])[0]
        direction = rng.choice(m.ACTION_DIRECTIONS)
        due = today + dt.timedelta(days=rng.randint(-60, 60))
        completed = None
        if status == "done":
            # done around its due date, and before today
            completed = due + dt.timedelta(days=rng.randint(-14, 5))
            if completed >= today:
                completed = today - dt.timedelta(days=rng.randint(1, 30))
        if direction == "they_owe":  # owed by a person of the partner, followed up by one of ours
            k = rng.randrange(len(contact_ids))
            who: dict[str, Any] = {
                "responsible_contact_id": contact_ids[k],
                "organisation_id": contact_org[k],
            }
        else:
            who = {"responsible_staff_id": rng.choice(staff_ids), "organisation_id": rng.choice(org_ids)}
        return {
            "title": f"{rng.choice(['Gửi', 'Chuẩn bị', 'Xác nhận', 'Send', 'Review'])} "
            f"{rng.choice(['thư giới thiệu', 'đề xuất', 'báo cáo', 'proposal', 'MoU'])} #{i + 1}",
            "kind": rng.choice(m.ACTION_KINDS),
            "direction": direction,
            **who,
            "owner_id": rng.choice(staff_ids),
            "meeting_id": rng.choice(meeting_ids),
            "due_date": due,
            "status": status,
            "completed_on": completed,
            "priority": rng.choice(m.PRIORITIES),
            "created_at": entered((today - min(due, completed or due)).days + rng.randint(7, 60)),
        }

    w.write("action", (action(i) for i in range(n_actions)))
    return {"organisations": n_orgs, "contacts": n, "meetings": n_meetings, "actions": n_actions}
