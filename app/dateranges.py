"""The dates Ketnoi takes, and date arithmetic that cannot overflow.

A meeting, a due date, a completion, a letter or a last contact is a day of people's working
lives: from 01/03/1900 to 31/12/2200. A date outside is a typo or a file's accident ("31/12/9999",
Excel's largest date; "01/01/0001"; "15/03/1890"), refused where it enters — the import (a
warning naming the file, sheet, row and column, the cell kept in the notes as typed; an error
where the date identifies the record, a meeting's start), the command line and the window, all
through :func:`app.validation.date` — with :func:`out_of_range`'s words. The first day is
01/03/1900, not 01/01/1900: Excel counts a 29/02/1900 that never was, so its dates before March
1900 are a day off and its serial 60 names no day at all (reviewer h118: stored as 28/02/1900
without a word). (A last contact cannot be ahead of today either: :mod:`app.entities`.)

A database made before this check may hold such a date: every reader that counts from a stored
date (due dates, working days, the calendar file, the digest, rescheduling) uses :func:`plus`,
which says None where Python's calendar ends (31/12/9999), instead of raising OverflowError.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

FIRST_DAY = dt.date(1900, 3, 1)
LAST_DAY = dt.date(2200, 12, 31)

_When = TypeVar("_When", dt.date, dt.datetime)


def shown(day: dt.date) -> str:
    """``day`` as dd/mm/yyyy with four digits of year ("01/01/0001", where strftime writes
    "01/01/1")."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def in_range(day: dt.date) -> bool:
    """Whether ``day`` (a date or a datetime) is one Ketnoi takes."""
    if isinstance(day, dt.datetime):
        day = day.date()
    return FIRST_DAY <= day <= LAST_DAY


def out_of_range(day: dt.date) -> dict[str, str] | None:
    """The values of the refusal of ``day`` (``value``, ``first``, ``last``: the words are
    ``date_out_of_range``'s in :mod:`app.field_words` and :mod:`app.importing.messages`), or
    None when it is in range."""
    if in_range(day):
        return None
    return {"value": shown(day), "first": shown(FIRST_DAY), "last": shown(LAST_DAY)}


def plus(value: _When, delta: dt.timedelta) -> _When | None:
    """``value + delta``, or None where that falls outside Python's calendar (years 1 to 9999)."""
    try:
        return value + delta
    except OverflowError:
        return None


def refusal(exc: BaseException) -> Exception | None:
    """A command line's refusal of a date out of range (``exc``, a ``date_out_of_range``
    :class:`app.validation.FieldError`) in English and Vietnamese, or None for any other error
    (the caller's "cannot read the date" then)."""
    if getattr(exc, "code", None) != "date_out_of_range":
        return None
    from app import field_words
    from app.cli_lines import refused

    values: dict[str, object] = getattr(exc, "values", {})
    return refused(str(exc), field_words.vietnamese("date_out_of_range", dict(values)))
