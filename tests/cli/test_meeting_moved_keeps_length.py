"""`ketnoi meeting edit N --at …` moves a meeting with its length: the end moves with the start
unless --ends is given too (reviewer h103: moving meeting #9 from 9 to 10 Dec was refused, "the
meeting ends before it starts", its end left on the 9th)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.cli.inproc import run_cli


def _ok(db: Path, *argv: str) -> str:
    done = run_cli(db, *argv)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _times(db: Path) -> tuple[str, str]:
    shown = json.loads(_ok(db, "meeting", "show", "1", "--json"))
    return shown["record"]["starts_at"], shown["record"]["ends_at"]


def test_a_meeting_moved_keeps_its_length_and_an_end_given_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _ok(db, "log-meeting", "--title", "Trao đổi với Bộ KH&CN", "--at", "09/12/2026 09:00")
    _ok(db, "meeting", "edit", "1", "--ends", "09/12/2026 10:30")
    _ok(db, "meeting", "edit", "1", "--at", "10/12/2026 14:00")
    starts, ends = _times(db)
    assert dt.datetime.fromisoformat(starts) == dt.datetime(2026, 12, 10, 14, 0)
    assert dt.datetime.fromisoformat(ends) == dt.datetime(2026, 12, 10, 15, 30)
    _ok(db, "meeting", "edit", "1", "--at", "11/12/2026 08:00", "--ends", "11/12/2026 12:00")
    assert [dt.datetime.fromisoformat(x) for x in _times(db)] == [
        dt.datetime(2026, 12, 11, 8, 0),
        dt.datetime(2026, 12, 11, 12, 0),
    ]
