"""Due dates count from the day they are relative to (a meeting, a due date ahead), never
from the machine's date."""

from __future__ import annotations

import datetime as dt

import pytest

from app.due import parse_due, quick_due, reschedule_base
from app.errors import UserError
from db import clock


def test_quick_picks_from_a_base_day() -> None:
    base = dt.date(2027, 1, 14)
    assert quick_due("day", base) == dt.date(2027, 1, 15)
    assert quick_due("week", base) == dt.date(2027, 1, 21)
    assert quick_due("month", base) == dt.date(2027, 1, 31)
    # on the month's last day "end of month" means the next one, never the same day
    assert quick_due("month", dt.date(2027, 1, 31)) == dt.date(2027, 2, 28)


def test_reschedule_counts_from_a_due_date_ahead_else_from_today() -> None:
    today = clock.today()
    assert reschedule_base(today + dt.timedelta(days=9)) == today + dt.timedelta(days=9)
    assert reschedule_base(today - dt.timedelta(days=30)) == today
    assert reschedule_base(None) == today


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+1w", dt.date(2027, 1, 21)),
        ("+3d", dt.date(2027, 1, 17)),
        ("1 week", dt.date(2027, 1, 21)),
        ("+1m", dt.date(2027, 2, 14)),
        ("tomorrow", dt.date(2027, 1, 15)),
        ("eom", dt.date(2027, 1, 31)),
        ("2027-03-02", dt.date(2027, 3, 2)),
        ("02/03/2027", dt.date(2027, 3, 2)),  # day first
        # the words the Vietnamese refusal offers (it offered English ones only)
        ("+3 ngày", dt.date(2027, 1, 17)),
        ("+1 tuần", dt.date(2027, 1, 21)),
        ("2 tháng", dt.date(2027, 3, 14)),
        ("Ngày mai", dt.date(2027, 1, 15)),
        ("hôm nay", dt.date(2027, 1, 14)),
        ("cuối tháng", dt.date(2027, 1, 31)),
        ("+3 ngày làm việc", dt.date(2027, 1, 19)),  # Thursday 14th: Fri, Mon, Tue
    ],
)
def test_parse_due(text: str, expected: dt.date) -> None:
    assert parse_due(text, dt.date(2027, 1, 14)) == expected


def test_parse_due_month_arithmetic_keeps_to_the_month() -> None:
    assert parse_due("+1m", dt.date(2027, 1, 31)) == dt.date(2027, 2, 28)
    assert parse_due("+12m", dt.date(2027, 5, 1)) == dt.date(2028, 5, 1)


@pytest.mark.parametrize("text", ["soon", "+1x", "31/02/2027", "", "+99999d"])
def test_parse_due_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(UserError):
        parse_due(text, dt.date(2027, 1, 14))


def test_the_clock_is_pinned_in_tests_whatever_the_machine_says() -> None:
    assert clock.today() == dt.date(2026, 11, 23)
    with clock.frozen(dt.datetime(2031, 6, 1, 8, 30), ticking=False):
        assert clock.now() == dt.datetime(2031, 6, 1, 8, 30)
        assert clock.utcnow().tzinfo is not None
    assert clock.today() == dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Monday 7/12/2026: the words a real officer writes (reviewer h143 typed "next friday")
        ("next friday", dt.date(2026, 12, 11)),
        ("friday", dt.date(2026, 12, 11)),
        ("Fri", dt.date(2026, 12, 11)),
        ("this friday", dt.date(2026, 12, 11)),
        ("friday next week", dt.date(2026, 12, 18)),
        ("monday", dt.date(2026, 12, 14)),  # the first one after the base day, never that day
        ("thứ sáu", dt.date(2026, 12, 11)),
        ("thứ 6", dt.date(2026, 12, 11)),
        ("thứ sáu tới", dt.date(2026, 12, 11)),
        ("thứ sáu tuần này", dt.date(2026, 12, 11)),
        ("thứ sáu tuần sau", dt.date(2026, 12, 18)),
        ("T6 tuần sau", dt.date(2026, 12, 18)),
        ("chủ nhật", dt.date(2026, 12, 13)),
        ("thứ hai tuần sau", dt.date(2026, 12, 14)),
    ],
)
def test_parse_due_reads_weekdays_in_both_languages(text: str, expected: dt.date) -> None:
    assert parse_due(text, dt.date(2026, 12, 7)) == expected


@pytest.mark.parametrize("text", ["next friday this week", "this friday next week", "thứ tám"])
def test_parse_due_refuses_a_weekday_that_says_two_things(text: str) -> None:
    with pytest.raises(UserError):
        parse_due(text, dt.date(2026, 12, 7))


def test_relative_due_leaves_dates_written_out_to_the_reader() -> None:
    from app.due import relative_due

    assert relative_due("10/12/2026", dt.date(2026, 12, 7)) is None
    assert relative_due("+3 working days", dt.date(2026, 12, 7)) == dt.date(2026, 12, 10)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("ngay mai", "ngày mai"),
        ("hom nay", "hôm nay"),
        ("cuoi thang", "cuối tháng"),
        ("+3 ngay", "+3 ngày"),
        ("+1 tuan", "+1 tuần"),
        ("+2 thang", "+2 tháng"),
        ("+3 ngay lam viec", "+3 ngày làm việc"),
        ("thu sau", "thứ sáu"),
        ("Thu Sau Tuan Sau", "thứ sáu tuần sau"),
        ("thu 6 tuan toi", "thứ 6 tuần tới"),
        ("thu hai tuan nay", "thứ hai tuần này"),
        ("thu bay toi", "thứ bảy tới"),
        ("chu nhat", "chủ nhật"),
    ],
)
def test_vietnamese_words_typed_without_accents_read_as_with_them(typed: str, written: str) -> None:
    """An officer on a keyboard without a Vietnamese layout types "ngay mai", "thu sau tuan sau":
    the same day as the words with their accents (they were refused)."""
    base = dt.date(2026, 12, 7)  # a Monday
    assert parse_due(typed, base) == parse_due(written, base)


def test_thu_alone_is_still_thursday() -> None:
    """Without accents, "thu" is English's Thursday; "thu sau" (thứ sáu) is Friday."""
    base = dt.date(2026, 12, 7)
    assert parse_due("thu", base) == dt.date(2026, 12, 10)
    assert parse_due("thu sau", base) == dt.date(2026, 12, 11)
