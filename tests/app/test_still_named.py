"""What still names organisations about to be deleted (app/still_named.py, the question Del asks
in the window): counted part by part for a selection of thousands (each IN within the servers'
limits: code review h157), a meeting of two of them once, a department deleted with them not."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import records, still_named
from db.engine import read_session, unit_of_work
from db.queries import chunked


@pytest.mark.parametrize("part", [1, 900])
def test_counts_across_parts(engine: Engine, monkeypatch: pytest.MonkeyPatch, part: int) -> None:
    monkeypatch.setattr(still_named, "chunked", lambda items: chunked(items, part))
    with unit_of_work(engine) as s:
        a = records.create(s, "organisation", {"name": "Viện Vật lý"})
        b = records.create(s, "organisation", {"name": "Genetica"})
        dept = records.create(s, "organisation", {"name": "Phòng Thí nghiệm", "parent_id": a})
        other = records.create(s, "organisation", {"name": "Phòng Hợp tác", "parent_id": b})
        records.create(s, "contact", {"full_name": "Nguyễn Văn An", "organisation_id": a})
        records.create(s, "contact", {"full_name": "Trần Thị Bình", "organisation_id": b})
        records.create(s, "action", {"title": "Gửi báo cáo", "organisation_id": b})
        records.create(
            s,
            "meeting",
            {"title": "Họp chung", "starts_at": dt.datetime(2026, 11, 20, 9), "organisation_ids": [a, b]},
        )
    with read_session(engine) as s:
        found: Any = still_named.still_named(s, [a, b, dept])
    assert found.names == {a: "Viện Vật lý", b: "Genetica", dept: "Phòng Thí nghiệm"}
    assert found.counts == {"contact": 2, "meeting": 1, "action": 1, "department": 1}
    assert other not in found.names
