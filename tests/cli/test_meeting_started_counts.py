"""The command line prints the "Last contacted" of a meeting logged before it started once it has
(reviewer h108: ``ketnoi brief contact "Bùi Đức Hà"`` printed "Liên hệ gần nhất 01/12/2026" and
"Lần gặp gần nhất 08/12/2026" on the same page). In this process, on a real file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from db import clock
from tests.cli.inproc import run_cli

VI = "vi_VN.UTF-8"


def test_a_meeting_logged_before_it_started_is_the_last_contact_once_it_has(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    clock.set_fixed(dt.datetime(2026, 12, 1, 9, 0))
    for name, last in (("Bùi Đức Hà", "01/12/2026"), ("Hoàng Quốc Yến", "")):
        more = ["--last-contacted", last] if last else []
        assert run_cli(db, "contact", "add", "--name", name, *more).returncode == 0
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30))
    logged = run_cli(
        db, "log-meeting", "--title", "Làm việc với Bộ", "--at", "07/12/2026 10:30",
        "--attendee", "Bùi Đức Hà", "--attendee", "Hoàng Quốc Yến",
    )  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    clock.set_fixed(dt.datetime(2026, 12, 9, 9, 0))
    for name in ("Bùi Đức Hà", "Hoàng Quốc Yến"):
        shown = run_cli(db, "contact", "show", name, lang=VI)
        assert shown.returncode == 0, shown.stderr
        line = next(x for x in shown.stdout.splitlines() if x.startswith("  Liên hệ gần nhất"))
        assert line.split() == ["Liên", "hệ", "gần", "nhất", "07/12/2026"], shown.stdout
