"""The one clock: every "now" and "today" in Ketnoi comes from here.

It lives in ``db/``, the lowest layer, because rows are stamped there too (``created_at``,
``updated_at``, backup file names); ``app/`` and ``ui/`` import it from here. The application
reads the system's clock; tests pin it with :func:`set_fixed` (or :func:`frozen`) so that the
suite gives the same answers whatever the machine's date is.

Three readings, one source:

- :func:`utcnow` — an aware UTC instant, for stamps stored in the database;
- :func:`now` — naive wall-clock time in the office, the way meetings are kept (the time in
  the diary);
- :func:`today` — the office's calendar day: due dates, overdue, "this week".

"Local" here is the office's time (:data:`OFFICE_ZONE`, Hanoi, UTC+7 all year), never the
laptop's: an officer in Tokyo for a partner visit (Windows moves the laptop's zone), a
colleague's laptop set to another zone, a CI machine in Etc/UTC all keep, show and date by the
office's clock, so a team has one "today" and a meeting logged "now" abroad is kept as the
office's time of that instant. Every stamp shown to a person goes through :func:`local` (or
:func:`local_of_timestamp` for a file's time); a bare ``.astimezone()`` (the laptop's zone) is
refused in app/, ui/ and db/ by ``tests/db/test_office_clock.py``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

OFFICE_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
"""The office's zone (Hanoi): every naive wall-clock time in Ketnoi is a time here
(``app.zones.OFFICE`` is this same object). ``tzdata`` is a dependency, for Windows, which has
no zone database of its own."""

Source = Callable[[], dt.datetime]


def _system() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class _Reading:
    """Where time is read from (one per process; tests swap the source)."""

    source: Source = staticmethod(_system)


def utcnow() -> dt.datetime:
    """The current instant, aware, in UTC."""
    return _Reading.source().astimezone(dt.UTC)


def now() -> dt.datetime:
    """The office's wall-clock time without a zone (meetings are stored this way)."""
    return local(utcnow())


def local(at: dt.datetime) -> dt.datetime:
    """A stamp stored in UTC (``created_at``, a history row's ``at``: aware, or naive as a bare
    column gives it back) as the office's wall-clock time without a zone: what a person reads,
    and whose ``.date()`` is the office's day it happened on (h108: a change at 08:32 shown as
    01:32; one at 06:30 on 11/12 dated 10/12; h144: the same two hours off on a laptop in
    Tokyo)."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(OFFICE_ZONE).replace(tzinfo=None)


def local_date(at: dt.datetime) -> dt.date:
    """The office's day of a stamp stored in UTC (see :func:`local`)."""
    return local(at).date()


def local_of_timestamp(seconds: float) -> dt.datetime:
    """A file system's time (``st_mtime``: seconds since the epoch, a real instant) as the
    office's wall-clock time without a zone, to set beside :func:`now` and to show."""
    return dt.datetime.fromtimestamp(seconds, OFFICE_ZONE).replace(tzinfo=None)


def utc_of(at: dt.datetime) -> dt.datetime:
    """The office's wall-clock time (naive, as a person writes it) as an aware UTC instant: the
    inverse of :func:`local`, for comparing an office day's or year's bounds with stamps stored
    in UTC (a letter created at 06:00 on 01/01 in Hanoi is 23:00 on 31/12 in UTC, and of the new
    year)."""
    return _aware(at)


def today() -> dt.date:
    """The office's calendar day."""
    return now().date()


def _aware(at: dt.datetime) -> dt.datetime:
    """A naive ``at`` is the office's wall-clock time, as a user would write it."""
    return (at if at.tzinfo is not None else at.replace(tzinfo=OFFICE_ZONE)).astimezone(dt.UTC)


def set_fixed(at: dt.datetime, *, ticking: bool = True) -> None:
    """Pin the clock at ``at`` (naive means the office's time). A ticking clock then moves on with
    real elapsed time, so that stamps written one after the other still come in order; a
    stopped one (``ticking=False``) answers ``at`` for ever."""
    start = _aware(at)
    if not ticking:
        _Reading.source = lambda: start
        return
    t0 = time.monotonic()
    _Reading.source = lambda: start + dt.timedelta(seconds=time.monotonic() - t0)


def set_source(source: Source) -> None:
    """Read time from ``source`` (it returns an aware datetime, or a naive one in the office's time)."""
    _Reading.source = lambda: _aware(source())


def reset() -> None:
    """Back to the system's clock."""
    _Reading.source = _system


@contextmanager
def frozen(at: dt.datetime, *, ticking: bool = True) -> Iterator[None]:
    """``with clock.frozen(dt.datetime(2027, 1, 4, 9)):`` — the clock set for a block."""
    saved = _Reading.source
    set_fixed(at, ticking=ticking)
    try:
        yield
    finally:
        _Reading.source = saved
