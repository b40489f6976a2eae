"""app.merge.moving_counts (what the merge dialog announces) matches what the merge then moves."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from app import dashboard, merge
from db.engine import read_session, unit_of_work
from tests.app.lists.seed import seed_network


def test_the_counts_announced_are_what_moves(engine: Engine) -> None:
    ids = seed_network(engine)
    with read_session(engine) as s:
        assert merge.moving_counts(s, "contact", ids["nhung"]) == (1, 1)  # chaired a meeting, owes a budget
        assert merge.moving_counts(s, "contact", ids["smith"]) == (0, 0)
        assert merge.moving_counts(s, "organisation", ids["nic"]) == (1, 4)
    with unit_of_work(engine) as s:
        merge.merge(s, "contact", ids["smith"], ids["nhung"])
    with read_session(engine) as s:
        assert merge.moving_counts(s, "contact", ids["smith"]) == (1, 1)
        assert merge.moving_counts(s, "contact", ids["nhung"]) == (0, 0)
        assert [m["id"] for m in dashboard.meetings_for(s, contact_id=ids["smith"])] == [ids["past_meeting"]]
