"""The rule that finds a meeting logged already (app.already_logged), at its edges.

Reviewer: Lan logged "Lam viec voi Genetica ve sandbox" at 09:33 (Genetica, Hồ Đức Giang); Hoa
logged "Lam viec voi Genetica" at the same minute: saved without a word, two meetings.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.already_logged import already_logged
from app.letters import office
from app.meetings import Chosen, MeetingDraft, save_meeting
from db.engine import read_session, unit_of_work

AT = dt.datetime(2026, 12, 6, 9, 33)


@pytest.fixture
def net(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        gen = records.create(s, "organisation", {"name": "Genetica"})
        scam = records.create(s, "organisation", {"name": "Anti-Scam"})
        nic = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        office.save_profile(s, {"short_name": "NIC"})
        ids = {
            "gen": gen,
            "scam": scam,
            "nic": nic,
            "lan": records.create(s, "staff", {"name": "Trần Thị Lan"}),
            "giang": records.create(s, "contact", {"full_name": "Hồ Đức Giang", "organisation_id": gen}),
            "tuan": records.create(s, "contact", {"full_name": "Lê Anh Tuấn", "organisation_id": scam}),
        }
    ids["logged"] = _log(engine, "Lam viec voi Genetica ve sandbox", AT, [gen, nic], [ids["giang"]])
    return ids


def _draft(title: str, at: dt.datetime, orgs: list[int], people: list[int]) -> MeetingDraft:
    return MeetingDraft(
        {"title": title, "starts_at": at},
        [Chosen(o, f"org {o}") for o in orgs],
        [Chosen(p, f"person {p}") for p in people],
    )


def _log(engine: Engine, title: str, at: dt.datetime, orgs: list[int], people: list[int]) -> int:
    with unit_of_work(engine) as s:
        return save_meeting(s, _draft(title, at, orgs, people), actor="Trần Thị Lan")


def _found(
    engine: Engine, at: dt.datetime, orgs: list[int], people: list[int], actor: str = "Nguyễn Thị Hoa"
):
    with read_session(engine) as s:
        return already_logged(s, _draft("Lam viec voi Genetica", at, orgs, people), actor=actor)


def test_the_same_organisation_at_the_same_minute_names_who_logged_it_and_when(engine, net) -> None:
    twin = _found(engine, AT, [net["gen"]], [])
    assert twin is not None and twin.meeting_id == net["logged"] and not twin.mine
    assert twin.sentence("en") == (
        "Trần Thị Lan already logged “Lam viec voi Genetica ve sandbox” with Genetica at 09:33"
    )
    assert twin.sentence("vi") == (
        "Trần Thị Lan đã ghi cuộc họp “Lam viec voi Genetica ve sandbox” với Genetica lúc 09:33"
    )
    assert twin.logged_at is not None
    mine = _found(engine, AT, [net["gen"]], [], actor="Trần Thị Lan")
    assert mine is not None and mine.mine and mine.sentence("en").startswith("You already logged")


def test_a_person_in_common_counts_while_the_meeting_logged_is_on(engine, net) -> None:
    """09:33 without an end is taken as an hour: 10:20 is during it, 10:33 after it, and one at
    08:40 (an hour) is still on at 09:33 — the same both ways."""
    twin = _found(engine, AT + dt.timedelta(minutes=47), [net["scam"]], [net["giang"]])
    assert twin is not None and twin.shared == "Hồ Đức Giang"
    assert _found(engine, AT + dt.timedelta(hours=1), [net["gen"]], [net["giang"]]) is None  # 10:33
    assert _found(engine, AT - dt.timedelta(minutes=53), [net["gen"]], []) is not None  # 08:40
    assert _found(engine, AT - dt.timedelta(hours=1), [net["gen"]], []) is None  # 08:33, till 09:33
    assert _found(engine, AT + dt.timedelta(hours=5), [net["gen"]], [net["giang"]]) is None  # 14:33


def _draft_at(at: dt.datetime, ends: dt.datetime | None, kind: str, orgs: list[int]) -> MeetingDraft:
    draft = _draft("Gặp", at, orgs, [])
    draft.values.update({"ends_at": ends, "kind": kind})
    return draft


def test_the_next_meeting_after_one_that_ended_is_another(engine, net) -> None:
    """Reviewer h73: MOST 09:00-10:30 logged, the next MOST meeting at 10:30 or 11:00 was refused
    as the same one logged again (two hours either side of the start)."""
    nine = dt.datetime(2026, 12, 7, 9, 0)
    with unit_of_work(engine) as s:
        session = _draft_at(nine, nine.replace(hour=10, minute=30), "working_session", [net["scam"]])
        first = save_meeting(s, session, actor="Trần Thị Lan")
    with read_session(engine) as s:
        for later in (nine.replace(hour=10, minute=30), nine.replace(hour=11)):
            assert already_logged(s, _draft_at(later, None, "meeting", [net["scam"]])) is None, later
        during = already_logged(s, _draft_at(nine.replace(hour=10), None, "meeting", [net["scam"]]))
        assert during is not None and during.meeting_id == first
        # one that ends as the logged one begins is another too
        before = _draft_at(nine.replace(hour=8), nine, "meeting", [net["scam"]])
        assert already_logged(s, before) is None


def test_a_call_on_the_side_of_an_event_is_another_meeting(engine, net) -> None:
    """Reviewer h73: a call with one expert at 10:15 on the side of the annual meeting of overseas
    experts (an event at 08:30, no end) was refused as the event logged again."""
    at = dt.datetime(2026, 12, 18, 8, 30)
    with unit_of_work(engine) as s:
        event = _draft_at(at, at.replace(hour=17), "event", [net["scam"]])
        logged = save_meeting(s, event, actor="Trần Thị Lan")
    with read_session(engine) as s:
        assert (
            already_logged(s, _draft_at(at.replace(hour=10, minute=15), None, "call", [net["scam"]])) is None
        )
        again = already_logged(s, _draft_at(at.replace(hour=8, minute=45), None, "event", [net["scam"]]))
        assert again is not None and again.meeting_id == logged  # the event logged twice is asked about


def test_another_day_another_organisation_or_our_own_office_alone_do_not_count(engine, net) -> None:
    assert _found(engine, AT + dt.timedelta(days=1), [net["gen"]], [net["giang"]]) is None
    assert _found(engine, AT, [net["scam"]], [net["tuan"]]) is None
    assert _found(engine, AT, [net["nic"]], []) is None  # at most meetings: no sign of a twin
    assert _found(engine, AT, [], []) is None


def test_the_day_ends_at_midnight(engine, net) -> None:
    late = _log(engine, "Tiec cuoi nam", dt.datetime(2026, 12, 6, 23, 30), [net["scam"]], [])
    assert _found(engine, dt.datetime(2026, 12, 7, 0, 15), [net["scam"]], []) is None
    twin = _found(engine, dt.datetime(2026, 12, 6, 23, 0), [net["scam"]], [])
    assert twin is not None and twin.meeting_id == late


def test_a_deleted_meeting_does_not_count_nor_the_one_being_edited(engine, net) -> None:
    edit = _draft("Lam viec voi Genetica ve sandbox", AT, [net["gen"]], [])
    edit.meeting_id = net["logged"]
    with read_session(engine) as s:
        assert already_logged(s, edit) is None
    with unit_of_work(engine) as s:
        records.delete(s, "meeting", net["logged"], actor="Trần Thị Lan")
    assert _found(engine, AT, [net["gen"]], [net["giang"]]) is None


def test_the_closest_in_time_is_named(engine, net) -> None:
    closer = _log(engine, "Goi dien Genetica", AT + dt.timedelta(minutes=50), [net["gen"]], [])
    twin = _found(engine, AT + dt.timedelta(minutes=40), [net["gen"]], [])
    assert twin is not None and twin.meeting_id == closer
