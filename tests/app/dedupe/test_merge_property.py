"""Property: any sequence of merges, undone newest first, gives back exactly what was there."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from app import records
from app.merge import FIELDS, merge
from app.undo import undo_group
from db.engine import read_session, unit_of_work
from tests.app.dedupe.conftest import link_state, meeting, record_state

NAMES = ["Nguyễn Văn Hùng", "Nguyen Van Hung", "Hùng Nguyễn", "Trần Thị Lan", "Tran Lan", "Lê Minh"]


@pytest.fixture
def crowd(engine: Engine) -> dict[str, list[int]]:
    with unit_of_work(engine) as s:
        staff = records.create(s, "staff", {"name": "Trần Minh Quang"})
        orgs = [
            records.create(s, "organisation", {"name": "Viện Hàn lâm KHCN Việt Nam", "acronym": "VAST"}),
            records.create(s, "organisation", {"name": "VAST", "sectors": ["Space"], "tags": ["Gov"]}),
            records.create(s, "organisation", {"name": "Viettel", "influence": 5}),
        ]
        people = [
            records.create(
                s,
                "contact",
                {
                    "full_name": name,
                    "organisation_id": orgs[i % 3] if i % 2 else None,
                    "emails": [f"p{i}@vast.vn"] + ([f"shared{i % 2}@gmail.com"] if i < 4 else []),
                    "phones": [f"09123456{i:02d}"] if i % 3 else [],
                    "tags": ["VIP", "AI"][: i % 3],
                    "position": ["", "Giám đốc", "Researcher"][i % 3],
                    "notes": f"ghi chú {i}" if i % 2 else "",
                    "owner_id": staff if i % 2 else None,
                    "influence": (i % 5) + 1 if i % 2 else None,
                },
            )
            for i, name in enumerate(NAMES)
        ]
        for k in range(4):
            meeting(s, f"Họp {k}", people[k : k + 3], orgs[k % 2 : k % 2 + 2])
            records.create(
                s,
                "action",
                {"title": f"Việc {k}", "responsible_contact_id": people[k], "organisation_id": orgs[k % 3]},
            )
    return {"contact": people, "organisation": orgs}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_merges_then_undos_restore_everything(
    engine: Engine, crowd: dict[str, list[int]], data: st.DataObject
) -> None:
    entity = data.draw(st.sampled_from(["contact", "organisation"]))
    ids = crowd[entity]
    order = data.draw(st.permutations(ids))
    steps = data.draw(st.integers(1, len(ids) - 1))
    # A star (every other into one survivor) or a chain (the survivor of one merge is merged
    # into the next record), as duplicates are cleaned up one pair at a time.
    chain = data.draw(st.booleans())
    # Everything is drawn before the first write: hypothesis may stop an example while drawing,
    # and every example shares this database.
    choices = [
        data.draw(
            st.dictionaries(
                st.sampled_from(FIELDS[entity]), st.sampled_from(["survivor", "other"]), max_size=4
            )
        )
        for _ in range(steps)
    ]
    with read_session(engine) as s:
        before = record_state(s, entity, ids), link_state(s)
    groups: list[str] = []
    for k in range(steps):
        survivor, other = (order[k + 1], order[k]) if chain else (order[0], order[k + 1])
        with unit_of_work(engine) as s:
            groups.append(merge(s, entity, survivor, other, choices=choices[k], actor="test").group_id)
    for group in reversed(groups):
        with unit_of_work(engine) as s:
            undo_group(s, group, actor="test")
    with read_session(engine) as s:
        after = record_state(s, entity, ids), link_state(s)
    assert after == before
