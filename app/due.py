"""Due dates: the quick picks of the window and the ``--due`` words of the command line.

A follow-up promised in a meeting is due a day or a week *after that meeting*, not after the
day it was typed in: logging next month's meeting with "due in a week" must give a date after
the meeting. So every pick counts from a base date the caller names (the meeting's day, or an
action's current due date when rescheduling), never from the clock by itself.

Working days (``+3 working days``, ``+1wd``, the "workday" picks) skip weekends, Vietnam's
public holidays and the office's own days (:mod:`app.workdays`); callers with a database pass
its calendar (``workdays.load_calendar(session)``), others get the public one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from app import dateranges, validation
from app.cli_lines import refused
from app.dashboard import month_end
from app.errors import UserError
from app.vntext import fold
from app.workdays import WorkCalendar, public_calendar
from db import clock

QUICK_PICKS = ("day", "workday", "3workdays", "week", "month")


def quick_due(which: str, base: dt.date, cal: WorkCalendar | None = None) -> dt.date:
    """``day`` → the next day, ``workday`` → the next working day, ``3workdays`` → three
    working days on, ``week`` → seven days on, ``month`` → the end of base's month (or of the
    next month when base is already its last day). A pick past the calendar's end (a base of
    31/12/9999, which the service then refuses) gives its last day: Log meeting's follow-ups
    counted a week from a meeting set to 31/12/9999 and the dialog raised OverflowError."""
    try:
        return _quick_due(which, base, cal)
    except (OverflowError, UserError):
        if base < dateranges.LAST_DAY:
            raise
        return dt.date.max


def _quick_due(which: str, base: dt.date, cal: WorkCalendar | None) -> dt.date:
    if which in ("workday", "3workdays"):
        return (cal or public_calendar()).add(base, 1 if which == "workday" else 3)
    if which == "day":
        return base + dt.timedelta(days=1)
    if which == "week":
        return base + dt.timedelta(days=7)
    if which == "month":
        end = month_end(base)
        return end if end > base else month_end(base + dt.timedelta(days=1))
    raise ValueError(f"unknown quick pick {which!r}")


def reschedule_base(current_due: dt.date | None, today: dt.date | None = None) -> dt.date:
    """Where the reschedule picks count from: the action's due date while it lies ahead, else
    today (+1 week on an action overdue since last month means a week from now); today too for a
    due date beyond the dates Ketnoi keeps (31/12/9999, stored before :mod:`app.dateranges`: +1
    day went past the calendar's end and Reschedule did not open)."""
    today = today or clock.today()
    ahead = current_due is not None and current_due > today and dateranges.in_range(current_due)
    return current_due if ahead and current_due is not None else today


def is_count(text: str) -> bool:
    """``text`` counts days, weeks or months on ("+3d", "+1 tuần", "+3 ngày làm việc", "3wd"),
    rather than naming a day ("tomorrow", "thứ sáu", "next friday", "eom", a date)."""
    raw = " ".join(text.strip().lower().split())
    return bool(_RELATIVE.match(raw) or _WORKING.match(raw))


def reschedule_from(text: str, current_due: dt.date | None, today: dt.date | None = None) -> dt.date:
    """Where a new due date typed for an action counts from, the window's Reschedule and
    ``ketnoi action reschedule`` alike: a count ("+3d", "+3 ngày làm việc") from
    :func:`reschedule_base` (the due date while it lies ahead), as the quick picks count; words
    that name a day ("ngày mai", "thứ sáu", "next friday", "eom") from today, as an officer
    means them (reviewer h149: "thứ sáu" on an action due Monday 14/12 gave Friday 18/12, not
    this Friday 11/12; "ngày mai" a Saturday eleven days away)."""
    today = today or clock.today()
    return reschedule_base(current_due, today) if is_count(text) else today


# Vietnamese words are read with or without their accents ("ngay mai", "+3 ngay lam viec",
# "thu sau tuan sau"), as officers type them on a keyboard without a Vietnamese layout and as
# Ketnoi's search reads names.
_RELATIVE = re.compile(
    r"^\+?\s*(\d{1,4})\s*(d|day|days|w|wk|week|weeks|m|mo|month|months|ngày|tuần|tháng|ngay|tuan|thang)$"
)
# Vietnamese: "+3 ngày", "+1 tuần", "+2 tháng"
_UNIT = {"ngày": "d", "tuần": "w", "tháng": "m", "ngay": "d", "tuan": "w", "thang": "m"}
_WORKING = re.compile(
    r"^\+?\s*(\d{1,4})\s*(?:wd|workdays?|work days?|working days?|business days?|ngày làm việc|ngay lam viec)$"
)
_WORDS: dict[str, Callable[[dt.date], dt.date]] = {
    "today": lambda base: base,
    "tomorrow": lambda base: base + dt.timedelta(days=1),
    "eom": lambda base: quick_due("month", base),
    "end-of-month": lambda base: quick_due("month", base),
    "end of month": lambda base: quick_due("month", base),
    # as a Vietnamese officer types them (the window's due box and the CLI take either language)
    "hôm nay": lambda base: base,
    "ngày mai": lambda base: base + dt.timedelta(days=1),
    "cuối tháng": lambda base: quick_due("month", base),
}
_WORDS.update({fold(word): pick for word, pick in list(_WORDS.items())})


# Weekdays as officers write them: "friday", "fri", "thứ sáu", "thứ 6", "t6", "chủ nhật", "cn".
_WEEKDAYS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        ("monday", "mon", "thứ hai", "thứ 2", "t2"),
        ("tuesday", "tue", "tues", "thứ ba", "thứ 3", "t3"),
        ("wednesday", "wed", "thứ tư", "thứ 4", "t4"),
        ("thursday", "thu", "thur", "thurs", "thứ năm", "thứ 5", "t5"),
        ("friday", "fri", "thứ sáu", "thứ 6", "t6"),
        ("saturday", "sat", "thứ bảy", "thứ 7", "t7"),
        ("sunday", "sun", "chủ nhật", "cn"),
    )
):
    _WEEKDAYS.update(dict.fromkeys(_names, _n))
    _WEEKDAYS.update(dict.fromkeys(map(fold, _names), _n))  # "thu sau", "chu nhat"
_WEEKDAY_WORDS = "|".join(sorted(map(re.escape, _WEEKDAYS), key=len, reverse=True))
# "friday" / "next friday" / "thứ sáu" / "thứ sáu tới": the first one after base; "this friday" /
# "thứ sáu tuần này": that day of base's week (Monday to Sunday); "friday next week" / "thứ sáu
# tuần sau" (tuần tới): that day of the week after base's.
_WEEKDAY = re.compile(
    rf"^(?:(?P<next>next|coming|this|on)\s+)?(?P<day>{_WEEKDAY_WORDS})"
    r"(?:\s+(?P<week>tới|này|tuần này|tuần sau|tuần tới|toi|nay|tuan nay|tuan sau|tuan toi|this week|next week))?$"
)


def _weekday(raw: str, base: dt.date) -> dt.date | None:
    found = _WEEKDAY.match(raw)
    if not found:
        return None
    day, which, week = _WEEKDAYS[found.group("day")], found.group("next"), found.group("week")
    monday = base - dt.timedelta(days=base.weekday())
    this_week, next_week = (
        week in ("này", "tuần này", "nay", "tuan nay", "this week"),
        week in ("tuần sau", "tuần tới", "tuan sau", "tuan toi", "next week"),
    )
    if (which == "next" and this_week) or (which == "this" and next_week):
        return None  # "next friday this week": which one is meant is not said
    if this_week or which == "this":
        return monday + dt.timedelta(days=day)
    if next_week:
        return monday + dt.timedelta(days=7 + day)
    return base + dt.timedelta(days=(day - base.weekday() - 1) % 7 + 1)  # the first one after base


def relative_due(text: str, base: dt.date, cal: WorkCalendar | None = None) -> dt.date | None:
    """A due date typed as words or counted from ``base``: ``+3d``, ``+1w``, ``+2m``,
    ``tomorrow``, ``eom``, ``+3 working days`` (``+3wd``), ``next friday``, ``friday next week``,
    and the Vietnamese ``+3 ngày``, ``+1 tuần``, ``+2 tháng``, ``ngày mai``, ``cuối tháng``,
    ``+3 ngày làm việc``, ``thứ sáu``, ``thứ 6 tuần sau``. None: none of these (a date written
    out, or nothing Ketnoi reads). The window's date boxes read these as the command line does."""
    raw = " ".join(text.strip().lower().split())
    if raw in _WORDS:
        return _WORDS[raw](base)
    try:
        weekday = _weekday(raw, base)
    except OverflowError as exc:
        raise refused(
            f"the due date {text!r} is too far ahead", f"hạn {text!r} quá xa trong tương lai"
        ) from exc
    if weekday is not None:
        return weekday
    working = _WORKING.match(raw)
    if working:
        return (cal or public_calendar()).add(base, int(working.group(1)))
    rel = _RELATIVE.match(raw)
    if rel:
        n, unit = int(rel.group(1)), _UNIT.get(rel.group(2), rel.group(2)[0])
        try:
            if unit == "d":
                return base + dt.timedelta(days=n)
            if unit == "w":
                return base + dt.timedelta(days=7 * n)
            month = base.month - 1 + n
            year, month = base.year + month // 12, month % 12 + 1
            return dt.date(year, month, min(base.day, calendar.monthrange(year, month)[1]))
        except (OverflowError, ValueError) as exc:
            raise refused(
                f"the due date {text!r} is too far ahead", f"hạn {text!r} quá xa trong tương lai"
            ) from exc
    return None


def parse_due(text: str, base: dt.date, cal: WorkCalendar | None = None) -> dt.date:
    """A due date as typed on the command line: ``2026-12-10``, ``10/12/2026`` (day first), or
    any of :func:`relative_due`'s words (``+3d``, ``tomorrow``, ``next friday``, ``ngày mai``,
    ``thứ sáu tuần sau``…) — relative ones count from ``base``; working days by ``cal`` (public
    if None)."""
    relative = relative_due(text, base, cal)
    if relative is not None:
        return relative
    try:
        return validation.date(text)
    except ValueError as exc:
        if (out_of_range := dateranges.refusal(exc)) is not None:
            raise out_of_range from exc
        raise refused(
            f"cannot read the due date {text!r} (use 2026-12-10, 10/12/2026, +3d, +3 working days, +1w, +1m, tomorrow, next friday or eom)",
            f"không đọc được hạn {text!r} (hãy ghi 10/12/2026, 2026-12-10, +3 ngày, +3 ngày làm việc, +1 tuần, "
            "+1 tháng, ngày mai, thứ sáu tuần sau hoặc cuối tháng)",
        ) from exc
