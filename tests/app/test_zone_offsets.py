"""A time zone's offset is written one way everywhere, as people write it ("UTC+9"), the same
form as the office's "UTC+7" beside it (a converted time read "21:00 JST (UTC+09:00) is … Hanoi
time (UTC+7)": two forms in one sentence)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app import zones


@pytest.mark.parametrize(
    ("zone", "at", "said"),
    [
        ("Asia/Tokyo", dt.datetime(2026, 12, 10, 21, 0), "UTC+9"),
        ("Asia/Kolkata", dt.datetime(2026, 12, 10, 9, 0), "UTC+5:30"),
        ("Asia/Kathmandu", dt.datetime(2026, 12, 10, 9, 0), "UTC+5:45"),
        ("America/New_York", dt.datetime(2026, 12, 10, 8, 0), "UTC−5"),
        ("America/New_York", dt.datetime(2026, 7, 10, 8, 0), "UTC−4"),  # summer time
        ("America/St_Johns", dt.datetime(2026, 12, 10, 8, 0), "UTC−3:30"),
        ("Europe/London", dt.datetime(2026, 12, 10, 8, 0), "UTC"),
    ],
)
def test_an_offset_is_written_as_people_write_it(zone: str, at: dt.datetime, said: str) -> None:
    assert zones.offset_text(ZoneInfo(zone), at) == said


def test_the_office_is_written_the_same_way() -> None:
    assert zones.office_offset_text() == zones.offset_text(zones.OFFICE, dt.datetime(2026, 6, 1)) == "UTC+7"
