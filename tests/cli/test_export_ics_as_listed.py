"""``ketnoi export-ics`` with ``ketnoi meeting list``'s filters writes the meetings that list
shows, with their own follow-ups, and says how many and which list.

It wrote every upcoming meeting whatever the officer wanted, while the window's File → Export
this list to calendar writes the list as filtered (h141): a week planned could not go to a
calendar from the command line. The file is read back with icalendar: exactly the meetings
``meeting list`` gives with the same options, nothing else (no other meeting, no action that is
not one of theirs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli.inproc import run_cli

# The clock is pinned on Monday 23/11/2026 09:00 (tests/conftest.py): this week runs 23–29/11.
MEETINGS = {
    "Họp NIC tuần trước": ("18/11/2026 10:00", "NIC", "Gửi biên bản họp NIC"),
    "Họp NIC tuần này": ("25/11/2026 10:00", "NIC", ""),
    "Làm việc với Genetica": ("27/11/2026 14:00", "Genetica", "Gửi thư giới thiệu Genetica"),
    "Họp NIC tuần sau": ("02/12/2026 09:00", "NIC", ""),
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "k.db"

    def ok(*args: str) -> None:
        done = run_cli(path, *args)
        assert done.returncode == 0, done.stderr

    ok("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")
    ok("org", "add", "--name", "Genetica")
    for title, (at, org, follow_up) in MEETINGS.items():
        more = ["--follow-up", f"{follow_up};due=+1w;we-owe"] if follow_up else []
        ok("log-meeting", "--title", title, "--at", at, "--organisation", org, *more)
    # an open action of no meeting, due this week: in every calendar of all, in no list's
    ok("action", "add", "--title", "Chuẩn bị báo cáo quý", "--due", "26/11/2026", "--organisation", "NIC")
    return path


def _listed(db: Path, *filters: str) -> list[str]:
    done = run_cli(db, "meeting", "list", *filters, "--json")
    assert done.returncode == 0, done.stderr
    return [str(item["title"]) for item in json.loads(done.stdout)["items"]]


def _written(path: Path) -> tuple[list[str], list[str]]:
    """The meetings' and the reminders' summaries in the calendar file, as a calendar reads it."""
    cal = Calendar.from_ical(path.read_bytes())
    events = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    meetings = [s for s in events if s in MEETINGS]
    return meetings, [s for s in events if s not in MEETINGS]


def test_the_week_preset_writes_the_meetings_of_this_week_and_their_follow_ups(
    db: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "tuan-nay.ics"
    done = run_cli(db, "export-ics", str(ics), "--preset", "week")
    assert done.returncode == 0, done.stderr
    meetings, reminders = _written(ics)
    assert meetings == _listed(db, "--preset", "week") == ["Họp NIC tuần này", "Làm việc với Genetica"]
    assert len(reminders) == 1 and "Gửi thư giới thiệu Genetica" in reminders[0]  # its own follow-up only
    assert done.stdout.splitlines() == [
        f"Wrote {ics}: 2 meetings, 1 open action as all-day reminders",
        "  2 meetings as `ketnoi meeting list --preset week` lists them, with their own follow-ups",
    ]


@pytest.mark.parametrize(
    "filters",
    [
        ("--preset", "next-week"),
        ("--preset", "last-week"),
        ("--organisation", "NIC", "--from", "01/11/2026", "--to", "30/11/2026"),
        ("--kind", "meeting", "--organisation", "Genetica"),
        ("--preset", "upcoming", "--organisation", "NIC"),
    ],
)
def test_each_list_filter_writes_exactly_the_meetings_the_list_shows(
    db: Path, tmp_path: Path, filters: tuple[str, ...]
) -> None:
    ics = tmp_path / "list.ics"
    done = run_cli(db, "export-ics", "-o", str(ics), *filters, "--json")
    assert done.returncode == 0, done.stderr
    listed = _listed(db, *filters)
    assert listed  # (each filter lists some, not all)
    assert len(listed) < len(MEETINGS)
    assert _written(ics)[0] == listed
    assert json.loads(done.stdout)["meetings"] == len(listed)


def test_words_are_an_option_beside_the_file(db: Path, tmp_path: Path) -> None:
    """``meeting list genetica`` takes its words as arguments; export-ics's argument is the file,
    so its words are ``--words``: the same query."""
    ics = tmp_path / "genetica.ics"
    done = run_cli(db, "export-ics", str(ics), "--words", "genetica")
    assert done.returncode == 0, done.stderr
    assert _written(ics)[0] == _listed(db, "genetica") == ["Làm việc với Genetica"]
    assert "`ketnoi meeting list genetica`" in done.stdout


def test_said_in_vietnamese_and_an_empty_list_writes_no_file(db: Path, tmp_path: Path) -> None:
    ics = tmp_path / "tuan-sau.ics"
    done = run_cli(db, "export-ics", str(ics), "--preset", "next-week", lang="vi_VN.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Đã ghi {ics}: 1 cuộc họp, 0 việc đang mở dưới dạng lời nhắc cả ngày",
        "  1 cuộc họp như `ketnoi meeting list --preset next-week` liệt kê, kèm các việc cần làm của "
        "chính các cuộc họp đó",
    ]
    none = tmp_path / "khong.ics"
    done = run_cli(db, "export-ics", str(none), "--preset", "week", "--words", "viettel", lang="vi_VN.UTF-8")
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout == f"`ketnoi meeting list --preset week viettel` không có cuộc họp nào: chưa ghi {none}\n"
    )
    assert not none.exists()


def test_without_a_filter_every_upcoming_meeting_as_before_and_meeting_is_not_mixed_in(
    db: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    assert run_cli(db, "export-ics", str(ics)).returncode == 0
    meetings, reminders = _written(ics)
    assert meetings == ["Họp NIC tuần này", "Làm việc với Genetica", "Họp NIC tuần sau"]
    assert any("Chuẩn bị báo cáo quý" in r for r in reminders)  # every open action, as before
    done = run_cli(db, "export-ics", str(tmp_path / "x.ics"), "--meeting", "1", "--preset", "week")
    assert done.returncode == 1
    assert "--meeting names the meetings, the list's filters choose them" in done.stderr
