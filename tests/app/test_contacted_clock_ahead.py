"""A clock that ran ahead and was set right takes back what it moved (reviewer h118: one command
run under 29/02/2028 "caught up" the demo's meetings of 11/12 and 19/12/2026; back at the real
date, 07/12/2026, five contacts still said "Liên hệ gần nhất 11/12/2026" or 19/12/2026, for
meetings still to come, and nothing moved them back). A colleague's clock a few minutes ahead
on a team database moves nothing back. On real SQLite files."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine

from app import contacted
from db import clock
from tests.app.test_meeting_started import FIRST, _dates, _history, _log, _people

REAL = dt.datetime(2026, 12, 7, 8, 30)


def test_dates_moved_with_the_clock_ahead_come_back_once_it_is_right(engine: Engine) -> None:
    clock.set_fixed(REAL)
    ids = _people(engine)
    _log(engine, ids, dt.datetime(2026, 12, 4, 9, 0), "yen")  # held: counts at once
    _log(engine, ids, dt.datetime(2026, 12, 11, 9, 0), "ha", "yen")  # still to come
    _log(engine, ids, dt.datetime(2026, 12, 19, 8, 30), "ha")
    assert _dates(engine, ids) == {"ha": FIRST, "yen": dt.date(2026, 12, 4)}
    clock.set_fixed(dt.datetime(2028, 2, 29, 10, 0))  # one run with the clock ahead
    assert contacted.catch_up_database(engine) == sorted([ids["ha"], ids["yen"]])
    assert _dates(engine, ids) == {"ha": dt.date(2026, 12, 19), "yen": dt.date(2026, 12, 11)}

    clock.set_fixed(REAL + dt.timedelta(hours=1))  # set right
    assert contacted.catch_up_database(engine) == sorted([ids["ha"], ids["yen"]])
    assert _dates(engine, ids) == {"ha": FIRST, "yen": dt.date(2026, 12, 4)}
    assert _history(engine, ids["ha"])[-1][:2] == ("2026-12-19", "2026-12-01")
    assert contacted.catch_up_database(engine) == []  # once

    clock.set_fixed(dt.datetime(2026, 12, 11, 9, 5))  # the meeting really starts: it counts
    assert contacted.catch_up_database(engine) == sorted([ids["ha"], ids["yen"]])
    assert _dates(engine, ids) == {"ha": dt.date(2026, 12, 11), "yen": dt.date(2026, 12, 11)}


def test_a_clock_a_few_minutes_ahead_moves_nothing_back(engine: Engine) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 11, 8, 50))
    ids = _people(engine)
    _log(engine, ids, dt.datetime(2026, 12, 11, 9, 5), "ha")
    clock.set_fixed(dt.datetime(2026, 12, 11, 9, 10))  # a colleague's clock, ten minutes ahead
    assert contacted.catch_up_database(engine) == [ids["ha"]]
    clock.set_fixed(dt.datetime(2026, 12, 11, 9, 0))  # this one's
    assert contacted.catch_up_database(engine) == []
    assert _dates(engine, ids)["ha"] == dt.date(2026, 12, 11)
