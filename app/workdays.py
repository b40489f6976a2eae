"""Working days: Vietnam's public holidays, the office's own days off and make-up working days.

The public holidays come from the ``holidays`` package (``holidays.VN``): New Year, Tết from the
lunar calendar (with the days around it that the government sets for civil servants), Hùng
Kings' day, 30/4, 1/5, 2/9 and their observed days. The days off the government swaps with a
Saturday are in the package too (``VietnamStaticHolidays.special_public_holidays``: e.g. 2025:
Friday 2/5 off for Saturday 26/4 worked); the Saturday worked is read from there as a make-up
working day. On top of that, the office's table (``office_day``) adds its own days off and
make-up working days; an office row wins over the public calendar for its day.

    cal = load_calendar(session)          # public + office rows, for the dates asked
    cal.add(dt.date(2026, 2, 13), 1)      # the first working day after Tết 2026
    cal.next_holiday(clock.today())       # when the next public holiday begins, and its name
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import holidays
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlmodel import Session as ModelSession

from app import dateranges
from app.errors import LastSave, UserError
from db.tables import OFFICE_DAY

MAX_DAYS = 3660
"""How far a count may run (about ten years): a typo of +30000 is refused, not looped over."""


DAY_FIRST = "%d/%m/%Y"
# How the package writes a date inside a name ("Day off (substituted from 08/22/2026)", "Ngày nghỉ
# (thay cho ngày 22/08/2026)"): its en_US names month first, its vi names day first.
_NAMED_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _dates_written(name: str, lang: str, date_format: str) -> str:
    """``name`` with each date the package wrote in it in ``date_format`` (strftime)."""

    def rewrite(found: re.Match[str]) -> str:
        a, b, year = (int(x) for x in found.groups())
        month, day = (b, a) if lang == "vi" else (a, b)
        try:
            return dt.date(year, month, day).strftime(date_format)
        except ValueError:  # not a date after all: left as written
            return found.group(0)

    return _NAMED_DATE.sub(rewrite, name)


@lru_cache(maxsize=64)
def public_holidays(year: int, lang: str = "vi", date_format: str = DAY_FIRST) -> Mapping[dt.date, str]:
    """Vietnam's public holidays of ``year`` with their names (``lang`` "vi" or "en"); a date in
    a name (a day off substituted from a Saturday) is written in ``date_format`` (strftime)."""
    lang = "vi" if lang == "vi" else "en"
    names = holidays.country_holidays("VN", years=year, language="vi" if lang == "vi" else "en_US")
    return {day: _dates_written(name, lang, date_format) for day, name in names.items()}


@lru_cache(maxsize=64)
def public_workdays(year: int) -> frozenset[dt.date]:
    """Weekend days the government made working days in ``year`` (swapped for a day off)."""
    try:
        from holidays.countries.vietnam import VietnamStaticHolidays
    except ImportError:  # pragma: no cover - a future layout of the package
        return frozenset()
    entries: Any = VietnamStaticHolidays.special_public_holidays.get(year, ())
    if entries and isinstance(entries[0], int):
        entries = (entries,)
    days = set()
    for entry in entries:
        if len(entry) >= 4:  # (month, day, worked month, worked day[, worked year])
            worked_year = entry[4] if len(entry) > 4 else year
            days.add(dt.date(worked_year, entry[2], entry[3]))
    return frozenset(days)


@dataclass(frozen=True)
class OfficeDayRow:
    day: dt.date
    working: bool
    note: str = ""


@dataclass
class WorkCalendar:
    """Which days are working days: Monday to Friday, less public holidays and the office's
    days off, plus make-up working days (public or the office's)."""

    office: dict[dt.date, OfficeDayRow] = field(default_factory=dict)
    lang: str = "vi"
    date_format: str = DAY_FIRST  # strftime: how a date inside a holiday's name is written

    def holiday_name(self, day: dt.date) -> str:
        """The name of the holiday or office day off on ``day``; "" on other days."""
        row = self.office.get(day)
        if row is not None:
            return (
                ""
                if row.working
                else (row.note or ("Ngày nghỉ của cơ quan" if self.lang == "vi" else "Office day off"))
            )
        return public_holidays(day.year, self.lang, self.date_format).get(day, "")

    def is_working_day(self, day: dt.date) -> bool:
        row = self.office.get(day)
        if row is not None:
            return row.working
        if day in public_workdays(day.year):
            return True
        if day.weekday() >= 5:
            return False
        return day not in public_holidays(day.year, self.lang)

    def add(self, start: dt.date, n: int) -> dt.date:
        """The date ``n`` working days after ``start`` (before it for a negative ``n``);
        ``start`` itself does not count, whatever it is. ``n == 0`` gives ``start`` when it is a
        working day, else the next working day."""
        step = 1 if n >= 0 else -1
        left = abs(n)
        day = start
        if n == 0:
            return self._roll(start)
        for _ in range(MAX_DAYS):
            after = dateranges.plus(day, dt.timedelta(days=step))
            if after is None:  # (past 31/12/9999: a date stored before app.dateranges)
                break
            day = after
            if self.is_working_day(day):
                left -= 1
                if left == 0:
                    return day
        raise UserError(f"{n} working days from {start:%d/%m/%Y} is more than ten years away")

    def _roll(self, day: dt.date) -> dt.date:
        for _ in range(MAX_DAYS):
            if self.is_working_day(day):
                return day
            day += dt.timedelta(days=1)
        raise UserError(f"no working day within ten years of {day:%d/%m/%Y}")  # pragma: no cover

    def count(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to ``end`` included (how many days late an action
        due on ``start`` is on ``end``); 0 when ``end`` is not after ``start``."""
        if end <= start:
            return 0
        if (end - start).days > MAX_DAYS:
            # A due date stored before app.dateranges (01/01/1800): the days before the last ten
            # years are counted as weekdays alone (no holiday list reaches back so far); the
            # digest and ``ketnoi due`` refused every period over it, in English.
            far = end - dt.timedelta(days=MAX_DAYS)
            return _weekdays(start, far) + self.count(far, end)
        return sum(
            1 for i in range(1, (end - start).days + 1) if self.is_working_day(start + dt.timedelta(days=i))
        )

    def next_holiday(self, after: dt.date) -> tuple[dt.date, dt.date, str] | None:
        """The next public holiday or office day off on or after ``after`` that falls on a
        weekday: (first day, last day of the run of days off around it, name); None if none
        within a year."""
        for i in range(0, 400):
            day = after + dt.timedelta(days=i)
            name = self.holiday_name(day)
            if name and not self.is_working_day(day):
                first = last = day
                while first > after and not self.is_working_day(first - dt.timedelta(days=1)):
                    first -= dt.timedelta(days=1)  # Tết often begins on the Saturday before

                while not self.is_working_day(last + dt.timedelta(days=1)):
                    last += dt.timedelta(days=1)
                return first, last, name
        return None


def _weekdays(start: dt.date, end: dt.date) -> int:
    """Monday to Friday after ``start`` up to ``end`` included (``end`` after ``start``)."""
    weeks, rest = divmod((end - start).days, 7)
    return weeks * 5 + sum(1 for i in range(1, rest + 1) if (start + dt.timedelta(days=i)).weekday() < 5)


def public_calendar(lang: str = "vi", date_format: str = DAY_FIRST) -> WorkCalendar:
    """The calendar without the office's rows (for code that has no database at hand)."""
    return WorkCalendar(lang=lang, date_format=date_format)


def load_calendar(session: Session, lang: str = "vi", date_format: str = DAY_FIRST) -> WorkCalendar:
    """The public calendar with the office's rows (a small table: read whole); the names'
    dates in ``date_format`` (the window passes the one chosen in Settings)."""
    rows = session.execute(select(OFFICE_DAY.c.day, OFFICE_DAY.c.working, OFFICE_DAY.c.note))
    office = {r.day: OfficeDayRow(r.day, bool(r.working), r.note or "") for r in rows}
    return WorkCalendar(office, lang=lang, date_format=date_format)


# --- the office's table ----------------------------------------------------------------------


def office_days(session: Session, year: int | None = None) -> list[dict[str, Any]]:
    stmt = select(OFFICE_DAY).order_by(OFFICE_DAY.c.day)
    if year is not None:
        stmt = stmt.where(OFFICE_DAY.c.day >= dt.date(year, 1, 1), OFFICE_DAY.c.day <= dt.date(year, 12, 31))
    return [dict(r._asdict()) for r in session.execute(stmt)]


def set_office_day(
    session: ModelSession, day: dt.date, *, working: bool, note: str = "", actor: str = ""
) -> None:
    """Add or change the office's entry for ``day`` (history: a ``Change`` of kind office_day)."""
    from app.records import record_change

    note = " ".join(note.split())[:500]
    old = session.execute(select(OFFICE_DAY).where(OFFICE_DAY.c.day == day)).first()
    new = {"day": day, "working": working, "note": note}
    if old is None:
        session.execute(OFFICE_DAY.insert().values(**new, created_by=actor))
    else:
        session.execute(OFFICE_DAY.update().where(OFFICE_DAY.c.day == day).values(working=working, note=note))
    before = None if old is None else {"day": old.day, "working": bool(old.working), "note": old.note}
    record_change(session, "office_day", _day_id(day), "update", old=before, new=new, actor=actor)


def remove_office_day(session: ModelSession, day: dt.date, *, actor: str = "") -> bool:
    """Drop the office's entry for ``day``; False when there was none."""
    from app.records import record_change

    old = session.execute(select(OFFICE_DAY).where(OFFICE_DAY.c.day == day)).first()
    if old is None:
        return False
    session.execute(delete(OFFICE_DAY).where(OFFICE_DAY.c.day == day))
    before = {"day": old.day, "working": bool(old.working), "note": old.note}
    record_change(session, "office_day", _day_id(day), "delete", old=before, actor=actor)
    return True


def removed_by(session: ModelSession, day: dt.date) -> LastSave | None:
    """Who changed the office's entry for ``day`` last, and when, as the history says: asked of
    a day found gone when it was to be removed (removed meanwhile: by a colleague, or on a file
    one person uses in another window or from the command line). None when the history does not say."""
    from app.records import last_save

    return last_save(session, "office_day", _day_id(day))


def _day_id(day: dt.date) -> int:
    """The history's id of an office day: 20261231 for 31/12/2026."""
    return day.year * 10000 + day.month * 100 + day.day


def holidays_in(cal: WorkCalendar, years: Iterable[int]) -> list[tuple[dt.date, str, bool]]:
    """Every public holiday, public make-up day and office row of ``years``:
    (day, name, is it a working day), by date."""
    wanted = set(years)
    out: dict[dt.date, tuple[dt.date, str, bool]] = {}
    for y in sorted(wanted):
        for day, name in public_holidays(y, cal.lang, cal.date_format).items():
            out[day] = (day, name, False)
        for day in public_workdays(y):
            out[day] = (day, "Ngày làm bù" if cal.lang == "vi" else "Make-up working day", True)
    for day, row in cal.office.items():
        if day.year in wanted:
            label = row.note or ("Làm bù" if row.working else "Nghỉ")
            out[day] = (day, label, row.working)
    return [out[d] for d in sorted(out)]
