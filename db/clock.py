"""The one clock: every "now" and "today" in Ketnoi comes from here.

It lives in ``db/``, the lowest layer, because rows are stamped there too (``created_at``,
``updated_at``, backup file names); ``app/`` and ``ui/`` import it from here. The application
reads the system's clock; tests pin it with :func:`set_fixed` (or :func:`frozen`) so that the
suite gives the same answers whatever the machine's date is.

Three readings, one source:

- :func:`utcnow` — an aware UTC instant, for stamps stored in the database;
- :func:`now` — naive local wall-clock time, the way meetings are kept (the time in the diary);
- :func:`today` — the local calendar day: due dates, overdue, "this week".
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

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
    """Local wall-clock time without a zone (meetings are stored this way)."""
    return utcnow().astimezone().replace(tzinfo=None)


def local(at: dt.datetime) -> dt.datetime:
    """A stamp stored in UTC (``created_at``, a history row's ``at``: aware, or naive as a bare
    column gives it back) as local wall-clock time without a zone: what a person reads, and whose
    ``.date()`` is the day they lived (h108: a change at 08:32 shown as 01:32; one at 06:30 on
    11/12 dated 10/12)."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return aware.astimezone().replace(tzinfo=None)


def utc_of(at: dt.datetime) -> dt.datetime:
    """Local wall-clock time (naive, as a person writes it) as an aware UTC instant: the inverse
    of :func:`local`, for comparing a local day's or year's bounds with stamps stored in UTC
    (a letter created at 06:00 on 01/01 local is 23:00 on 31/12 in UTC, and of the new year)."""
    return _aware(at)


def today() -> dt.date:
    """The local calendar day."""
    return now().date()


def _aware(at: dt.datetime) -> dt.datetime:
    """A naive ``at`` is local wall-clock time, as a user would write it."""
    return at.astimezone(dt.UTC) if at.tzinfo is not None else at.astimezone().astimezone(dt.UTC)


def set_fixed(at: dt.datetime, *, ticking: bool = True) -> None:
    """Pin the clock at ``at`` (naive means local time). A ticking clock then moves on with
    real elapsed time, so that stamps written one after the other still come in order; a
    stopped one (``ticking=False``) answers ``at`` for ever."""
    start = _aware(at)
    if not ticking:
        _Reading.source = lambda: start
        return
    t0 = time.monotonic()
    _Reading.source = lambda: start + dt.timedelta(seconds=time.monotonic() - t0)


def set_source(source: Source) -> None:
    """Read time from ``source`` (it returns an aware or a naive-local datetime)."""
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
