"""The command line keeps the office's time (Hanoi, UTC+7), whatever the laptop's zone (h144).

An officer in Tokyo for a partner visit (Windows moves the laptop's zone) or a CI machine in
Etc/UTC: ``log-meeting --at now`` kept the laptop's wall-clock time as if it were Hanoi's,
``due`` turned over at the laptop's midnight, ``history`` and ``import-history`` showed saves
two (or seven) hours off. Each test runs under both zones, with the clock pinned to a UTC
instant whose office time, and often day, differs from the laptop's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from db import clock
from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import run_cli

ABROAD = ["Asia/Tokyo", "Etc/UTC"]


def _utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


@pytest.fixture(params=ABROAD)
def env(request: pytest.FixtureRequest) -> dict[str, str]:
    return {"TZ": request.param}


def test_a_meeting_logged_now_is_kept_at_the_offices_time(tmp_path: Path, env: dict[str, str]) -> None:
    db = tmp_path / "k.db"
    clock.set_fixed(_utc(2026, 12, 7, 1, 5, 30), ticking=False)  # 08:05 in Hanoi, 10:05 in Tokyo
    done = run_cli(db, "log-meeting", "--title", "Thăm đối tác", "--at", "now", env=env)
    assert done.returncode == 0, done.stderr
    assert "(07/12/2026 08:05)" in done.stdout, done.stdout
    vi = run_cli(db, "log-meeting", "--title", "Gọi lại", "--at", "bây giờ", env=env, lang="vi_VN.UTF-8")
    assert vi.returncode == 0, vi.stderr
    for mid in ("1", "2"):
        shown = json.loads(run_cli(db, "meeting", "show", mid, "--json", env=env).stdout)["record"]
        assert shown["starts_at"].startswith("2026-12-07T08:05"), shown


@pytest.mark.parametrize(
    ("at", "office_day"),
    [
        (_utc(2026, 12, 7, 23, 30), dt.date(2026, 12, 8)),  # 06:30 on 08/12 in Hanoi; UTC's 07/12
        (_utc(2026, 12, 7, 15, 30), dt.date(2026, 12, 7)),  # 22:30 on 07/12 in Hanoi; Tokyo's 08/12
    ],
)
def test_due_says_overdue_by_the_offices_day(
    tmp_path: Path, env: dict[str, str], at: dt.datetime, office_day: dt.date
) -> None:
    db = tmp_path / "k.db"
    clock.set_fixed(at, ticking=False)
    for title, due in (("Gửi thư mời", "07/12/2026"), ("Gọi lại Genetica", "08/12/2026")):
        assert run_cli(db, "action", "add", "--title", title, "--due", due, env=env).returncode == 0
    said = json.loads(run_cli(db, "due", "--json", env=env).stdout)
    assert said["today"] == office_day.isoformat(), said
    overdue = {a["title"] for a in said["actions"] if a["overdue"]}
    if office_day == dt.date(2026, 12, 8):
        assert (said["overdue"], said["due_today"]) == (1, 1) and overdue == {"Gửi thư mời"}, said
    else:
        assert (said["overdue"], said["due_today"]) == (0, 1) and not overdue, said


def test_history_shows_the_offices_time(tmp_path: Path, env: dict[str, str]) -> None:
    db = tmp_path / "k.db"
    clock.set_fixed(_utc(2026, 12, 7, 1, 32), ticking=False)  # 08:32 in Hanoi
    assert (
        run_cli(db, "action", "add", "--title", "Gửi công văn", "--due", "14/12/2026", env=env).returncode
        == 0
    )
    clock.set_fixed(_utc(2026, 12, 7, 17, 10), ticking=False)  # 00:10 on 08/12 in Hanoi
    assert run_cli(db, "action", "edit", "1", "--due", "15/12/2026", env=env).returncode == 0
    said = run_cli(db, "history", "action", "1", env=env)
    assert said.returncode == 0, said.stderr
    assert "07/12/2026 08:32" in said.stdout and "08/12/2026 00:10" in said.stdout, said.stdout
    assert "01:32" not in said.stdout and "10:32" not in said.stdout and "17:10" not in said.stdout


def test_import_history_shows_the_offices_time(tmp_path: Path, env: dict[str, str]) -> None:
    db = tmp_path / "k.db"
    book = write_xlsx(
        tmp_path / "lien-he.xlsx", {"Liên hệ": [["Họ và tên", "Email"], ["Lý Minh Khôi", "khoi@nic.gov.vn"]]}
    )
    clock.set_fixed(_utc(2026, 12, 7, 1, 32))  # 08:32 in Hanoi
    assert run_cli(db, "import", str(book), env=env).returncode == 0
    clock.set_fixed(_utc(2026, 12, 7, 16, 45))  # 23:45 in Hanoi, 01:45 on 08/12 in Tokyo
    assert run_cli(db, "undo-import", "1", env=env).returncode == 0
    said = run_cli(db, "import-history", env=env)
    assert said.returncode == 0, said.stderr
    assert "07/12/2026 08:32" in said.stdout and "07/12/2026 23:45" in said.stdout, said.stdout
    assert "08/12/2026" not in said.stdout, said.stdout
