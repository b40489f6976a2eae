"""A deadline said at the end of a follow-up's text: "Gửi thư giới thiệu trước thứ sáu".

An officer types the follow-up as it was said in the meeting, deadline included; kept in the
title, the date was not the action's due date (the dashboard did not flag it on the Friday) and
the letter drafted from it said "V/v giới thiệu trước thứ sáu" (reviewer h149). Read here, the
words become the due date, counted from the meeting's day with :mod:`app.due`'s words, and
leave the title ("Gửi thư giới thiệu", due Friday).

Only a phrase at the very end of the text is read, and only one of two kinds, so that words
that merely look like a date inside a sentence stay as they are ("Báo cáo ngày mai của Bộ",
"Hội thảo lần thứ 6", "Rà soát CN"):

- a phrase begun by "trước", "trong", "by", "before" or "within" whose every following word is
  a date: a day word or a count of :func:`app.due.relative_due` ("trước thứ sáu", "by next
  friday", "trong 3 ngày", "trước cuối tháng"), a date written day first ("trước ngày 15/12",
  "by 15/12/2026"; a day and month alone is the next one on or after the meeting's day), a week
  ("trong tuần này", "by end of week": its Friday) or the month ("trong tháng này", "before end
  of month": its last day); the phrase may stand in brackets ("(trước thứ sáu)");
- "ngày mai" / "tomorrow" alone as the last words ("Gọi lại cho anh Hùng ngày mai"). A weekday
  alone is not read ("thứ 6" is also "the sixth").

Something must be left of the title. Accents are optional, as everywhere dates are typed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from app.dashboard import month_end
from app.due import relative_due
from app.errors import UserError
from app.vntext import fold
from app.workdays import WorkCalendar
from db import clock

_MARKERS = ("truoc", "trong", "by", "before", "within")  # folded
_BARE = ("ngay mai", "tomorrow")  # folded: read alone at the end
_FILLER = ("ngay", "the", "on")  # "trước ngày 15/12", "by the 15/12", "before the end of month"
_THIS_WEEK = ("tuan nay", "tuan", "this week", "end of week", "end of the week", "end of this week")
_NEXT_WEEK = ("tuan sau", "tuan toi", "next week", "end of next week")
_MONTH = ("thang nay", "thang", "this month", "end of month", "end of the month", "end of this month")
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2}))?$")
_BRACKETED = re.compile(r"^(?P<title>.*\S)\s*\((?P<inner>[^()]+)\)$")


@dataclass(frozen=True)
class DueInText:
    """A follow-up's text read: ``title`` without the deadline, ``words`` as typed, ``due``."""

    title: str
    words: str
    due: dt.date


def _friday(base: dt.date, weeks: int) -> dt.date:
    """The Friday of ``base``'s week (``weeks`` on), never before ``base`` (a weekend's meeting)."""
    friday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=4 + 7 * weeks)
    return max(friday, base)


def _day_month(found: re.Match[str], base: dt.date) -> dt.date | None:
    day, month, year = int(found.group(1)), int(found.group(2)), found.group(3)
    try:
        if year:
            return dt.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        when = dt.date(base.year, month, day)
        return when if when >= base else dt.date(base.year + 1, month, day)
    except ValueError:
        return None


def phrase_date(words: str, base: dt.date, cal: WorkCalendar | None = None) -> dt.date | None:
    """The date ``words`` (after "trước"/"by": "thứ sáu", "ngày 15/12", "tuần này", "end of
    month") name, counted from ``base``; None: not a date."""
    raw = " ".join(words.lower().split()).strip(" ,;:.")
    folded = fold(raw)
    if folded in _THIS_WEEK:
        return _friday(base, 0)
    if folded in _NEXT_WEEK:
        return _friday(base, 1)
    if folded in _MONTH:
        return month_end(base)
    found = _DAY_MONTH.match(raw)
    if found:
        return _day_month(found, base)
    try:
        day = relative_due(raw, base, cal)
    except (UserError, OverflowError):
        return None
    if day is None:
        first, _, rest = raw.partition(" ")
        if fold(first) in _FILLER and rest:
            return phrase_date(rest, base, cal)
    return day


def due_in_text(text: str, base: dt.date, cal: WorkCalendar | None = None) -> DueInText | None:
    """The deadline at the end of ``text`` (see the module's note), counted from ``base`` (the
    meeting's day); None: none there, and the text is left as it is."""
    text = unicodedata.normalize("NFC", " ".join(text.split())).rstrip(" .;!")
    bracketed = _BRACKETED.match(text)
    if bracketed:  # "Gửi thư giới thiệu (trước thứ sáu)"
        inner = " ".join(bracketed.group("inner").split())
        found = _read(f"{bracketed.group('title')} {inner}", base, cal)
        if found is not None and found.words == inner:
            return found
    return _read(text, base, cal)


def _read(text: str, base: dt.date, cal: WorkCalendar | None) -> DueInText | None:
    words = text.split()
    folded = [fold(w).strip(",;:") for w in words]
    for i in range(1, len(words) - 1):  # from the left: the longest phrase that reads whole
        if folded[i] not in _MARKERS:
            continue
        day = phrase_date(" ".join(words[i + 1 :]), base, cal)
        title = " ".join(words[:i]).rstrip(" ,;:-–—")
        if day is not None and title:
            return DueInText(title, " ".join(words[i:]).strip(" ,;:"), day)
    for bare in _BARE:
        n = len(bare.split())
        if len(words) > n and " ".join(folded[-n:]) == bare:
            title = " ".join(words[:-n]).rstrip(" ,;:-–—")
            day = relative_due(bare, base, cal)
            if title and day is not None:
                return DueInText(title, " ".join(words[-n:]), day)
    return None


def without_due_words(title: str) -> str:
    """``title`` without a deadline at its end ("Gửi thư giới thiệu trước thứ sáu" → "Gửi thư
    giới thiệu"): what a letter drafted from the action is about (its "V/v" line)."""
    found = due_in_text(title, clock.today())
    return found.title if found is not None else title
