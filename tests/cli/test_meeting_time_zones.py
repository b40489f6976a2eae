"""A meeting's time typed with a zone is kept as the office's time (Asia/Ho_Chi_Minh), whatever
the zone of the machine. Reviewer h119, on a laptop in Etc/UTC: ``log-meeting --at "2026-12-10
21:00+09:00"`` kept 12:00 (19:00 under TZ=Asia/Ho_Chi_Minh, 13:00 under Europe/Berlin) and the
.ics said DTSTART;TZID=Asia/Ho_Chi_Minh:20261210T120000."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.inproc import run_cli

MACHINES = ("Etc/UTC", "Asia/Ho_Chi_Minh", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo")


TYPED = (
    "2026-12-10 21:00+09:00",
    "2026-12-10 21:00 +09:00",
    "10/12/2026 21:00 JST",
    "10/12/2026 21:00 Asia/Tokyo",
    "10/12/2026 21:00 giờ Tokyo",
    "10/12/2026 21:00 UTC+9",
    "10/12/2026 13:00 Berlin",  # (CET in December)
    "2026-12-10T12:00Z",
    "10/12/2026 19:00",  # no zone: the office's time, as before
)


@pytest.mark.parametrize("machine", MACHINES)
def test_a_time_abroad_is_kept_as_hanoi_time_on_any_machine(tmp_path: Path, machine: str) -> None:
    db = tmp_path / "k.db"
    env = {"TZ": machine}
    for n, typed in enumerate(TYPED, 1):
        done = run_cli(db, "log-meeting", "--title", f"Call {n}", "--at", typed, "--json", env=env)
        assert done.returncode == 0, done.stderr
        assert (typed, json.loads(done.stdout)["meeting"]["starts_at"]) == (typed, "2026-12-10T19:00:00")
    ics = tmp_path / "m.ics"
    assert run_cli(db, "export-ics", "--meeting", "1", "-o", str(ics), env=env).returncode == 0
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20261210T190000" in ics.read_text(encoding="utf-8")


def test_the_command_says_what_the_time_abroad_became(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    env = {"TZ": "Etc/UTC"}
    done = run_cli(db, "log-meeting", "--title", "Call with Tokyo", "--at", "10/12/2026 21:00 JST", env=env)
    assert done.returncode == 0, done.stderr
    assert "(10/12/2026 19:00)" in done.stdout
    assert "10/12/2026 21:00 JST (UTC+9) is 10/12/2026 19:00 Hanoi time (UTC+7)" in done.stdout
    vi = run_cli(
        db, "meeting", "edit", "1", "--at", "10/12/2026 8:00 giờ New York", lang="vi_VN.UTF-8", env=env
    )
    assert vi.returncode == 0, vi.stderr
    assert "10/12/2026 8:00 giờ New York (UTC−5) là 10/12/2026 20:00 giờ Hà Nội (UTC+7)" in vi.stdout
    shown = json.loads(run_cli(db, "meeting", "show", "1", "--json", env=env).stdout)["record"]
    assert shown["starts_at"] == "2026-12-10T20:00:00"


def test_a_time_without_a_zone_says_nothing_more(tmp_path: Path) -> None:
    done = run_cli(tmp_path / "k.db", "log-meeting", "--title", "Họp", "--at", "10/12/2026 14:00")
    assert done.returncode == 0, done.stderr
    assert "Hanoi time" not in done.stdout


@pytest.mark.parametrize("zone", ["CST", "IST", "XYZ"])
def test_a_zone_that_names_no_one_zone_is_refused(tmp_path: Path, zone: str) -> None:
    done = run_cli(tmp_path / "k.db", "log-meeting", "--title", "Call", "--at", f"10/12/2026 21:00 {zone}")
    assert done.returncode != 0
    assert f'"{zone}" is not a time zone Ketnoi knows' in done.stderr
