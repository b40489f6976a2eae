"""``ketnoi demo`` and ``ketnoi demo --scale N`` read as real work: records entered over past
months (not all today), done actions completed on their own days before today, a partner's
action owed by a person of that partner, a role change on the day of its decision, and an
office whose letters are signed by a name. Any date: the clock is pinned at a few."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import Session, select

from app import demo, demo_scale
from app.briefing.gather import gather_contact, gather_digest
from app.letters import office
from db import clock
from db import models as m
from db.engine import unit_of_work
from db.migrate import open_database

DAYS = [dt.datetime(2026, 12, 5, 10), dt.datetime(2027, 7, 1, 8), dt.datetime(2031, 3, 1, 16)]


@pytest.fixture(params=DAYS, ids=lambda d: d.date().isoformat())
def today(request: pytest.FixtureRequest) -> dt.date:
    with clock.frozen(request.param):
        yield clock.today()


def _month_before(today: dt.date) -> tuple[dt.date, dt.date]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def test_small_demo_was_entered_over_past_months(tmp_path: Path, today: dt.date) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.fill(engine)
    with Session(engine) as s:
        created = [c.created_at for c in s.exec(select(m.Contact)).all()]
        assert len(created) == 20
        days = {clock.local_date(c) for c in created}
        assert max(days) < today  # none "today"
        assert len(days) >= 15  # spread, not one day
        last_30 = gather_digest(s, today - dt.timedelta(days=30), today, today=today)
        assert 1 <= len(last_30.new_contacts) <= 3  # a few new people, not the whole demo
        for model in (m.Organisation, m.Meeting, m.Action):
            assert all(clock.local_date(r.created_at) < today for r in s.exec(select(model)).all()), model


def test_role_change_on_the_day_it_is_held_since(tmp_path: Path, today: dt.date) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.fill(engine)
    with Session(engine) as s:
        khoa = s.exec(select(m.Contact).where(m.Contact.full_name == "Đặng Văn Khoa")).one()
        brief = gather_contact(s, khoa.id, today=today)
        (change,) = [r for r in brief.role_history if r.field == "position"]
        assert clock.local_date(change.at) == dt.date(2025, 3, 1)
        assert khoa.created_at < change.at


def test_demo_office_letters_have_a_signer(tmp_path: Path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.fill(engine)
    with Session(engine) as s:
        profile = office.load_profile(s)
        assert profile.signer_name == "Đặng Văn Khoa"
        assert "PHÓ GIÁM ĐỐC" in profile.signer_title  # his post signs for the director


def test_scale_demo_owes_and_completes_like_real_work(tmp_path: Path, today: dt.date) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'big.db'}")
    demo.fill(engine)
    with unit_of_work(engine) as s:
        demo_scale.fill_scale(s, 2000, random.Random(3), today, None)
    with Session(engine) as s:
        actions = s.exec(select(m.Action)).all()
        contacts = {c.id: c for c in s.exec(select(m.Contact)).all()}
        parent = {o.id: o.parent_id for o in s.exec(select(m.Organisation)).all()}
        they_owe = [a for a in actions if a.direction == "they_owe"]
        assert len(they_owe) > 100
        for a in they_owe:  # a person of the partner, never one of our staff
            assert a.responsible_staff_id is None
            assert a.responsible_contact_id is not None
            theirs = contacts[a.responsible_contact_id].organisation_id
            assert a.organisation_id in (theirs, parent.get(theirs))  # or its department's
        we_owe = [a for a in actions if a.direction == "we_owe"]
        assert all(a.responsible_staff_id is not None and a.responsible_contact_id is None for a in we_owe)

        done = [a.completed_on for a in actions if a.status == "done"]
        assert len(done) > 100
        assert all(d is not None and d < today for d in done)
        assert Counter(done).most_common(1)[0][1] < len(done) / 10  # spread, not one day
        start, end = _month_before(today)
        digest = gather_digest(s, start, end, today=today)
        assert len(digest.completed) > 20  # last month's digest shows last month's work

        created = Counter(clock.local_date(c.created_at) for c in contacts.values())
        assert today not in created
        assert created.most_common(1)[0][1] < len(contacts) / 20


def test_merged_ministries_leave_live_counts_and_the_map(tmp_path: Path, today: dt.date) -> None:
    """MPI and MIC, merged away in 2025, are not organisations to work with or to rate: the
    dashboard does not count them, the map neither shows them nor asks to rate them; their
    own pages (lineage) still say what they became."""
    from app import dashboard, reorg, search, stakeholder_map

    engine = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.fill(engine)
    with Session(engine) as s:
        orgs = s.exec(select(m.Organisation)).all()
        merged = [o for o in orgs if o.acronym in ("MPI", "MIC")]
        assert len(merged) == 2
        assert dashboard.counts(s, today=today)["organisations"] == len(orgs) - 2
        points = stakeholder_map.stakeholder_points(s, include_unrated=True, today=today)
        shown = {p.id for p in points}
        assert not shown & {o.id for o in merged}
        assert len(points) == len(orgs) - 2
        assert [p.label for p in points if p.influence is None or p.interest is None] == []
        for o in merged:  # still found, with what became of them
            assert reorg.lineage(s, o.id).succeeded
            assert o.id in {h.id for h in search.search(s, o.name, kinds=("organisation",))}
