"""The columns that sort again through keys kept by triggers (migration 0012): a list sorted by
one runs its id query again after a write that moves that key (a real write, its Changes read
back from history), and not after one that cannot."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import changes, lists, records
from app.changes import Changes
from db.engine import unit_of_work
from tests.app.lists.seed import seed_network


@pytest.fixture
def ids(engine: Engine) -> dict[str, Any]:
    return seed_network(engine)


def _write(engine: Engine, fn: Any) -> Changes:
    with unit_of_work(engine) as s:
        before = changes.mark(s)
        fn(s)
        return changes.since(s, before)


def _sorted(entity: str, column: str) -> lists.ListQuery:
    return lists.default_query(entity).with_(sort=column)


def test_writes_that_move_a_kept_key_rerun_the_lists_sorted_by_it(
    engine: Engine, ids: dict[str, Any]
) -> None:
    def upd(kind: str, ident: int, values: dict[str, Any]) -> Changes:
        return _write(engine, lambda s: records.update(s, kind, ident, values, expected_version=None))

    staff_renamed = upd("staff", ids["colleague"], {"name": "Lê Bình"})
    org_renamed = upd("organisation", ids["genetica"], {"name": "Genetica JSC"})
    owner_moved = upd("organisation", ids["nic"], {"owner_id": ids["colleague"]})
    emails = upd("contact", ids["bao"], {"emails": ["bao@genetica.asia"]})
    phones = upd("contact", ids["bao"], {"phones": ["+84903112233"]})
    person_renamed = upd("contact", ids["nhung"], {"full_name": "Nguyễn Hồng Nhung"})
    responsible = upd("action", ids["a_today"], {"responsible_staff_id": ids["colleague"]})
    counterpart = upd("action", ids["a_today"], {"organisation_id": ids["genetica"]})
    meeting_orgs = upd("meeting", ids["past_meeting"], {"organisation_ids": [ids["nic"], ids["genetica"]]})
    notes = upd("action", ids["a_today"], {"notes": "nothing that sorts"})
    expected = {
        ("organisation", "owner"): [staff_renamed, owner_moved],
        ("contact", "email"): [emails],
        ("contact", "phone"): [phones],
        ("meeting", "organisations"): [org_renamed, meeting_orgs],
        ("action", "organisation"): [org_renamed, counterpart],
        ("action", "responsible"): [staff_renamed, person_renamed, responsible],
    }
    every = [staff_renamed, org_renamed, owner_moved, emails, phones, person_renamed, responsible]
    every += [counterpart, meeting_orgs, notes]
    for (entity, column), moving in expected.items():
        q = _sorted(entity, column)
        assert lists.sort_column(q) == column
        for change in every:
            wanted = any(change is m for m in moving)
            assert lists.affects_result(q, change) == wanted, (entity, column, change)
