"""Named views of the lists: "overdue", "due this week", "we owe"… as list queries.

The window's action list offers these in its first filter box and the meeting list a period
("upcoming", "this week", "next week", "last week", "this month", "past"); the command line can
name the same ones (``--preset next-week``). Each preset is a
function of the query built from the other filters, the day, and the current staff member:

    q = apply_preset(lists.default_query("action"), "week", today=clock.today())
    lists.page_ids(session, q)

Plain Python: the names are keys; the window translates the labels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.dashboard import due_week_end, month_end, week_end
from app.lists import ListQuery, default_query

Apply = Callable[[ListQuery, dt.date, int | None], ListQuery]

NOBODY = -1  # "mine" with no current staff member chosen: an owner id that matches no one


def _open(q: ListQuery) -> ListQuery:
    return q.with_(status="open")


ACTION_PRESETS: dict[str, Apply] = {
    "open": lambda q, today, me: _open(q),
    "mine": lambda q, today, me: _open(q).with_(owner_id=me or NOBODY),
    "overdue": lambda q, today, me: _open(q).with_(overdue_on=today),
    # what the banner counts: overdue, and due today (its Show opened the overdue alone, so an
    # action due today it named was not in the list it showed)
    "due_now": lambda q, today, me: _open(q).with_(due_to=today),
    "week": lambda q, today, me: _open(q).with_(
        due_from=today, due_to=due_week_end(today)
    ),  # (weekend: next week)
    "month": lambda q, today, me: _open(q).with_(due_from=today, due_to=month_end(today)),
    "30days": lambda q, today, me: _open(q).with_(due_from=today, due_to=today + dt.timedelta(days=30)),
    "we_owe": lambda q, today, me: _open(q).with_(direction="we_owe"),
    "they_owe": lambda q, today, me: _open(q).with_(direction="they_owe"),
    "done": lambda q, today, me: q.with_(status="done"),
    "all": lambda q, today, me: q.with_(status=None),
}
"""Open actions (unless said otherwise) narrowed by owner, due date or direction; in the
order the window lists them."""

WEEK = dt.timedelta(days=7)
WEEKS = {"week": 0, "next_week": 1, "last_week": -1}
"""The meetings' week presets: how many weeks after today's."""


def week_bounds(preset: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The Monday and the Sunday a week preset of the meetings covers ("week", "next_week",
    "last_week": Monday to Sunday, as the office's week runs, :func:`app.dashboard.week_end`),
    also for the window to say which week it is; None for any other preset."""
    weeks = WEEKS.get(preset)
    if weeks is None:
        return None
    sunday = week_end(today) + weeks * WEEK
    return sunday - dt.timedelta(days=6), sunday


def _week(q: ListQuery, today: dt.date, preset: str) -> ListQuery:
    """The meetings of that week, in the order of the diary: Monday first."""
    bounds = week_bounds(preset, today)
    assert bounds is not None
    return q.with_(due_from=bounds[0], due_to=bounds[1], sort="starts_at", descending=False)


MEETING_PRESETS: dict[str, Apply] = {
    "upcoming": lambda q, today, me: q.with_(due_from=today, sort="starts_at", descending=False),
    # a week planned (reviewer h129: a manager planning the week had "Upcoming", months ahead, or
    # "This month"): Monday to Sunday of today's week, even on a Sunday (the coming one is "next")
    "week": lambda q, today, me: _week(q, today, "week"),
    "next_week": lambda q, today, me: _week(q, today, "next_week"),
    "last_week": lambda q, today, me: _week(q, today, "last_week"),
    "month": lambda q, today, me: q.with_(due_from=today.replace(day=1), due_to=month_end(today)),
    "past": lambda q, today, me: q.with_(due_to=today - dt.timedelta(days=1)),
}
"""Meetings by when they start (``due_from``/``due_to`` bound ``starts_at`` for meetings), in
the order the window offers them."""

PRESETS: dict[str, dict[str, Apply]] = {"action": ACTION_PRESETS, "meeting": MEETING_PRESETS}


def names(entity: str) -> tuple[str, ...]:
    """The presets of a list, in the order they are offered (none for most lists)."""
    return tuple(PRESETS.get(entity, {}))


def apply_preset(query: ListQuery, preset: str, *, today: dt.date, staff_id: int | None = None) -> ListQuery:
    """``query`` narrowed to the named preset (``staff_id``: whose actions are "mine")."""
    try:
        apply = PRESETS[query.entity][preset]
    except KeyError:
        choices = ", ".join(names(query.entity)) or "none"
        raise ValueError(f"no {query.entity} preset {preset!r} (choices: {choices})") from None
    return apply(query, today, staff_id)


def preset_query(entity: str, preset: str, *, today: dt.date, staff_id: int | None = None) -> ListQuery:
    """The list query of a preset with no other filter."""
    return apply_preset(default_query(entity), preset, today=today, staff_id=staff_id)
