"""The action views and meeting periods (app.presets) against a real database, without Qt."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import lists, presets, records
from db.engine import read_session, unit_of_work
from tests.app.lists.seed import TODAY, seed_network


@pytest.fixture
def ids(engine: Engine) -> dict[str, Any]:
    ids = seed_network(engine)
    with unit_of_work(engine) as s:  # due next Monday: outside "this week", inside "this month"
        ids["a_monday"] = records.create(
            s,
            "action",
            {"title": "Call back Genetica", "direction": "we_owe", "due_date": TODAY + dt.timedelta(days=7)},
        )
    return ids


def shown(engine: Engine, ids: dict[str, Any], entity: str, preset: str, **kw: Any) -> set[str]:
    prefix = ("a_",) if entity == "action" else ("past_", "next_")
    names = {v: k for k, v in ids.items() if k.startswith(prefix)}
    with read_session(engine) as s:
        q = presets.preset_query(entity, preset, today=TODAY, **kw)
        return {names[i] for i in lists.page_ids(s, q, limit=100)}


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("open", {"a_overdue", "a_today", "a_week", "a_later", "a_monday"}),
        ("overdue", {"a_overdue"}),
        ("due_now", {"a_overdue", "a_today"}),  # what the banner counts
        ("week", {"a_today", "a_week"}),  # Monday 23 to Sunday 29 November
        ("month", {"a_today", "a_week", "a_monday"}),  # to 30 November
        ("30days", {"a_today", "a_week", "a_monday"}),  # "later" is 40 days on
        ("we_owe", {"a_overdue", "a_today", "a_later", "a_monday"}),
        ("they_owe", {"a_week"}),
        ("done", {"a_done"}),
        ("all", {"a_overdue", "a_today", "a_week", "a_later", "a_monday", "a_done"}),
    ],
)
def test_action_presets(engine: Engine, ids: dict[str, Any], preset: str, expected: set[str]) -> None:
    assert shown(engine, ids, "action", preset) == expected


def test_mine_needs_a_current_staff_member(engine: Engine, ids: dict[str, Any]) -> None:
    assert shown(engine, ids, "action", "mine", staff_id=ids["me"]) == {"a_overdue", "a_today"}
    assert shown(engine, ids, "action", "mine", staff_id=ids["colleague"]) == {"a_later"}
    assert shown(engine, ids, "action", "mine") == set()


def test_a_preset_narrows_the_other_filters(engine: Engine, ids: dict[str, Any]) -> None:
    base = lists.default_query("action").with_(organisation_id=ids["nic"])
    q = presets.apply_preset(base, "we_owe", today=TODAY)
    with read_session(engine) as s:
        assert set(lists.page_ids(s, q)) == {ids["a_today"], ids["a_later"]}


def test_meeting_periods(engine: Engine, ids: dict[str, Any]) -> None:
    assert shown(engine, ids, "meeting", "upcoming") == {"next_meeting"}
    assert shown(engine, ids, "meeting", "past") == {"past_meeting"}
    assert shown(engine, ids, "meeting", "month") == {"past_meeting", "next_meeting"}
    q = presets.preset_query("meeting", "upcoming", today=TODAY)
    assert (q.sort, q.descending) == ("starts_at", False)  # soonest first
    # the same day a month later: both meetings are in the past
    later = presets.preset_query("meeting", "past", today=TODAY + dt.timedelta(days=31))
    with read_session(engine) as s:
        assert len(lists.page_ids(s, later)) == 2


def test_names_and_unknown_presets() -> None:
    assert presets.names("action")[0] == "open"
    assert presets.names("meeting") == ("upcoming", "week", "next_week", "last_week", "month", "past")
    assert presets.names("contact") == ()
    with pytest.raises(ValueError, match="no contact preset 'overdue'"):
        presets.preset_query("contact", "overdue", today=TODAY)


@pytest.mark.parametrize(
    ("today", "preset", "expected"),
    [
        # the pinned Monday 23/11: its week runs to Sunday 29/11
        (TODAY, "week", ["mon_midnight", "next_meeting", "sun_2330"]),
        (TODAY, "next_week", ["mon_next"]),
        (TODAY, "last_week", ["mon_last", "sun_last"]),
        # on the Sunday closing it, "this week" is still Monday 23 to Sunday 29 (not the coming one)
        (TODAY + dt.timedelta(days=6), "week", ["mon_midnight", "next_meeting", "sun_2330"]),
        (TODAY + dt.timedelta(days=6), "next_week", ["mon_next"]),
        # a week on, Monday 30/11: last week is the week of 23/11
        (TODAY + dt.timedelta(days=7), "last_week", ["mon_midnight", "next_meeting", "sun_2330"]),
    ],
)
def test_meeting_weeks_run_monday_to_sunday_in_the_diarys_order(
    engine: Engine, ids: dict[str, Any], today: dt.date, preset: str, expected: list[str]
) -> None:
    """Reviewer h129: a manager planning the week had only "Upcoming", "This month" and "Past"."""
    at = {
        "mon_last": dt.datetime(2026, 11, 16, 8, 0),
        "sun_last": dt.datetime(2026, 11, 22, 23, 59),
        "mon_midnight": dt.datetime(2026, 11, 23, 0, 0),
        "sun_2330": dt.datetime(2026, 11, 29, 23, 30),
        "mon_next": dt.datetime(2026, 11, 30, 0, 0),
    }
    with unit_of_work(engine) as s:
        for key, starts in at.items():
            ids[key] = records.create(s, "meeting", {"title": key, "starts_at": starts})
    names = {v: k for k, v in ids.items() if k in at or k in ("past_meeting", "next_meeting")}
    with read_session(engine) as s:
        q = presets.preset_query("meeting", preset, today=today)
        assert [names[i] for i in lists.page_ids(s, q, limit=100)] == expected
    monday = today - dt.timedelta(days=today.weekday())
    weeks = {"week": 0, "next_week": 1, "last_week": -1}[preset]
    first = monday + dt.timedelta(days=7 * weeks)
    assert presets.week_bounds(preset, today) == (first, first + dt.timedelta(days=6))
    assert presets.week_bounds("month", today) is None
