"""Working days skip weekends, Vietnam's public holidays (the ``holidays`` package is the oracle
here, not dates written by hand) and the office's own days off and make-up working days."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import holidays
import pytest
from sqlalchemy.engine import Engine

from app import workdays
from app.cli import main
from app.due import parse_due, quick_due
from app.errors import UserError
from db.engine import read_session, unit_of_work

ONE = dt.timedelta(days=1)


def _tet(year: int) -> tuple[dt.date, dt.date]:
    """The first and last public holiday of Tết in ``year``, from the holidays package."""
    names = holidays.country_holidays("VN", years=year, language="en_US")
    days = sorted(d for d, n in names.items() if "Lunar New Year" in n)
    assert days, f"no Tết in the holidays package for {year}"
    return days[0], days[-1]


def _is_off(day: dt.date) -> bool:
    return day.weekday() >= 5 or day in holidays.country_holidays("VN", years=day.year)


def test_one_working_day_from_the_friday_before_tet_2026_is_the_first_working_day_after_it() -> None:
    first, last = _tet(2026)
    friday = first - ONE
    while friday.weekday() != 4:
        friday -= ONE
    assert not _is_off(friday)
    expected = last + ONE
    while _is_off(expected):
        expected += ONE
    assert expected - friday > dt.timedelta(days=7)  # Tết really lies between them
    assert parse_due("+1 working day", friday) == expected
    assert quick_due("workday", friday) == expected
    assert workdays.public_calendar().add(friday, 1) == expected


@pytest.mark.parametrize("year", range(2025, 2032))
def test_the_last_working_day_before_tet_plus_one_skips_the_whole_of_tet(year: int) -> None:
    first, last = _tet(year)
    before = first - ONE
    while _is_off(before):
        before -= ONE
    after = last + ONE
    while _is_off(after) and after not in workdays.public_workdays(after.year):
        after += ONE
    cal = workdays.public_calendar()
    assert cal.add(before, 1) == after
    assert cal.add(after, -1) == before
    assert cal.count(before, after) == 1


def test_a_government_make_up_saturday_is_a_working_day() -> None:
    # 2025: Friday 2/5 off, Saturday 26/4 worked instead (in the holidays package)
    swapped = [
        d
        for d, n in holidays.country_holidays("VN", years=2025, language="en_US").items()
        if "substituted" in n
    ]
    assert swapped == [dt.date(2025, 5, 2)]
    saturday = dt.date(2025, 4, 26)
    assert saturday in workdays.public_workdays(2025)
    cal = workdays.public_calendar()
    assert cal.is_working_day(saturday) and not cal.is_working_day(dt.date(2025, 5, 2))
    assert cal.add(dt.date(2025, 4, 25), 1) == saturday


def test_the_offices_days_off_and_make_up_saturday_count(engine: Engine) -> None:
    friday = dt.date(2026, 12, 4)
    assert workdays.public_calendar().add(friday, 1) == dt.date(2026, 12, 7)
    with unit_of_work(engine) as s:
        workdays.set_office_day(s, dt.date(2026, 12, 5), working=True, note="Làm bù", actor="t")
        workdays.set_office_day(s, dt.date(2026, 12, 7), working=False, note="Tất niên", actor="t")
    with read_session(engine) as s:
        cal = workdays.load_calendar(s)
    assert cal.add(friday, 1) == dt.date(2026, 12, 5)  # the Saturday worked
    assert cal.add(friday, 2) == dt.date(2026, 12, 8)  # Monday off: Tuesday
    assert parse_due("+3 working days", friday, cal) == dt.date(2026, 12, 9)
    assert parse_due("+3wd", friday) == dt.date(2026, 12, 9)  # the public calendar alone
    assert cal.holiday_name(dt.date(2026, 12, 7)) == "Tất niên"
    with unit_of_work(engine) as s:
        assert workdays.remove_office_day(s, dt.date(2026, 12, 7), actor="t")
        assert not workdays.remove_office_day(s, dt.date(2026, 12, 7), actor="t")
    with read_session(engine) as s:
        assert workdays.load_calendar(s).add(friday, 2) == dt.date(2026, 12, 7)


def test_next_holiday_begins_with_the_weekend_before_tet() -> None:
    cal = workdays.public_calendar("en")
    first, last, name = cal.next_holiday(dt.date(2027, 1, 20)) or (None, None, "")
    tet_first, tet_last = _tet(2027)
    assert first is not None and last is not None
    assert first <= tet_first and last >= tet_last and "Lunar New Year" in name
    assert all(not cal.is_working_day(first + dt.timedelta(days=i)) for i in range((last - first).days + 1))


def test_counts_refuse_what_runs_for_ever() -> None:
    with pytest.raises(UserError, match="ten years"):
        workdays.public_calendar().add(dt.date(2026, 1, 1), 5000)
    with pytest.raises(UserError):
        parse_due("+99999 working days", dt.date(2026, 1, 1))


def test_workdays_and_holidays_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    assert main(["demo", "--db", db]) == 0
    friday = dt.date(2026, 2, 13)

    def run(*args: str) -> dict[str, object]:
        capsys.readouterr()
        assert main([*args, "--db", db, "--json"]) == 0, capsys.readouterr().err
        return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]

    out = run("workdays", "13/02/2026", "1")
    assert out["date"] == workdays.public_calendar().add(friday, 1).isoformat()
    assert out["holidays_skipped"]
    run("holidays", "add", "2026-02-23", "--note", "Nghỉ thêm")
    assert run("workdays", "13/02/2026", "1")["date"] == "2026-02-24"
    listed = run("holidays", "list", "--year", "2026")
    assert {"date": "2026-02-23", "name": "Nghỉ thêm", "working": False, "office": True} in listed["days"]  # type: ignore[operator]
    run("holidays", "remove", "2026-02-23")
    capsys.readouterr()
    assert main(["holidays", "remove", "2026-02-23", "--db", db]) == 1
    assert "no entry" in capsys.readouterr().err
    assert main(["workdays", "31/02/2026", "1", "--db", db]) == 1


def test_action_add_due_in_working_days_counts_from_today_by_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "k.db")
    assert main(["demo", "--db", db]) == 0
    capsys.readouterr()
    assert (
        main(["action", "add", "--title", "Gửi công văn", "--due", "+3 working days", "--db", db, "--json"])
        == 0
    )
    due = dt.date.fromisoformat(json.loads(capsys.readouterr().out)["record"]["due_date"])
    today = dt.date(2026, 11, 23)  # the pinned clock: a Monday
    assert due == workdays.public_calendar().add(today, 3)
    # 24/11 is a public holiday in the package (Vietnam Cultural Day), so not simply Thursday
    assert dt.date(2026, 11, 24) in holidays.country_holidays("VN", years=2026)
    assert due == today + dt.timedelta(days=4)


def test_how_late_counts_working_days_in_due_and_the_digest(engine: Engine) -> None:
    from app import records
    from app.briefing.gather import gather_digest

    # due Friday 13/02/2026, the last working day before Tết; on Tuesday 24/02 it is two
    # working days late (23 and 24), not eleven calendar days
    with unit_of_work(engine) as s:
        records.create(s, "action", {"title": "Gửi báo cáo", "due_date": dt.date(2026, 2, 13)})
    cal = workdays.public_calendar()
    assert cal.count(dt.date(2026, 2, 13), dt.date(2026, 2, 24)) == 2
    with read_session(engine) as s:
        digest = gather_digest(s, dt.date(2026, 2, 1), dt.date(2026, 2, 28), today=dt.date(2026, 2, 24))
    late = [a for g in digest.overdue for a in g.actions]
    assert [(a.title, a.late_workdays) for a in late] == [("Gửi báo cáo", 2)]


def test_a_meetings_follow_up_due_in_working_days_counts_from_the_meeting(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)  # the engine fixture made it
    assert main(["holidays", "add", "2026-12-28", "--note", "Nghỉ bù", "--db", db]) == 0
    capsys.readouterr()
    code = main(
        ["log-meeting", "--title", "Họp", "--at", "2026-12-24 09:00",
         "--follow-up", "Gửi biên bản;due=+2 working days", "--db", db, "--json"]
    )  # fmt: skip
    assert code == 0
    due = json.loads(capsys.readouterr().out)["actions"][0]["due_date"]
    # Thursday 24/12: Friday 25, (weekend), Monday 28 is the office's day off → Tuesday 29
    assert due == "2026-12-29"
