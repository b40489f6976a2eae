"""``ketnoi import`` of a meetings sheet applies Log meeting's two rules (app.importing.logbook),
in the CLI's language: a meeting a colleague logged by hand is matched, said with who logged it,
not created again; an organisation merged by the meeting's day is its successor, said; rows the
rules must not catch (no overlap, nothing in common, dated before the merger) are left alone.

Reviewer: Hoa imported the month's meetings sheet after Lan had logged "Lam viec voi Genetica ve
sandbox" by hand: it was created a second time; "Họp MPI" of December 2026 was filed under the
ministry merged into Bộ Tài chính on 01/03/2025."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import as_in_a_test, copy_of, run_cli

LAN = {"KETNOI_ACTOR": "Trần Thị Lan"}


def _ok(db: Path, *args: str, env: dict[str, str] | None = None) -> str:
    done = run_cli(db, *args, env=env)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Lan logged a meeting with Genetica at 09:33 on 06/12/2026; MPI merged into MOF on
    01/03/2025 (built once)."""
    path = tmp_path_factory.mktemp("logbook") / "k.db"
    with as_in_a_test(path.parent):
        for name, acronym in (("Genetica", "GEN"), ("Bộ Tài chính", "MOF"), ("Bộ Kế hoạch và Đầu tư", "MPI"),
                              ("Bộ Khoa học và Công nghệ", "MOST")):  # fmt: skip
            _ok(path, "org", "add", "--name", name, "--acronym", acronym)
        _ok(path, "contact", "add", "--name", "Hồ Đức Giang", "--organisation", "Genetica")
        _ok(path, "log-meeting", "--title", "Lam viec voi Genetica ve sandbox", "--at", "2026-12-06 09:33",
            "--organisation", "Genetica", "--attendee", "Ho Duc Giang", env=LAN)  # fmt: skip
        _ok(path, "org", "succeed", "MPI", "--into", "MOF", "--on", "01/03/2025")
    return path


@pytest.fixture
def db(logged: Path, tmp_path: Path) -> Path:
    return copy_of(logged, tmp_path)


def _book(tmp_path: Path) -> Path:
    day = dt.datetime(2026, 12, 6)
    return write_xlsx(tmp_path / "cuoc-hop.xlsx", {"Cuộc họp": [
        ["Tiêu đề", "Bắt đầu", "Đơn vị", "Biên bản"],
        ["Làm việc với Genetica", day.replace(hour=9, minute=30), "Genetica", "Thống nhất sandbox"],
        ["Họp Genetica buổi chiều", day.replace(hour=15), "Genetica", None],  # no overlap
        ["Gặp MOST", day.replace(hour=9, minute=30), "MOST", None],  # nothing in common
        ["Họp MPI 2026", dt.datetime(2026, 12, 10, 10), "MPI", None],  # after the merger
        ["Họp MPI 2024", dt.datetime(2024, 12, 10, 10), "MPI", None],  # before it
    ]})  # fmt: skip


def _meetings(db: Path) -> dict[str, str]:
    items = json.loads(_ok(db, "meeting", "list", "--json"))["items"]
    return {m["title"]: m["organisations"] for m in items}


def test_a_meeting_logged_by_hand_is_not_imported_again_and_a_merged_ministry_is_its_successor(
    db: Path, tmp_path: Path
) -> None:
    book = _book(tmp_path)
    dry = _ok(db, "import", str(book), "--dry-run", "--lang", "vi")
    assert "mới 4, cập nhật 1" in dry
    assert (
        "  dòng 2 (cảnh báo): Trần Thị Lan đã ghi cuộc họp “Lam viec voi Genetica ve sandbox” với Genetica "
        "lúc 09:33 (#1, ghi lúc "
    ) in dry
    assert (
        "  dòng 5 (cảnh báo): Đơn vị (C): Bộ Kế hoạch và Đầu tư (MPI) đã trở thành Bộ Tài chính từ ngày "
        "01/03/2025: cuộc họp được ghi với Bộ Tài chính"
    ) in dry.splitlines()
    out = _ok(db, "import", str(book), "--lang", "en")
    lines = out.splitlines()
    assert "4 new, 1 updated" in out
    assert any(
        ln.startswith(
            "  row 2 (warning): Trần Thị Lan already logged “Lam viec voi Genetica ve sandbox” "
            "with Genetica at 09:33 (#1, logged "
        )
        for ln in lines
    ), out
    assert (
        "  row 5 (warning): Đơn vị (C): Bộ Kế hoạch và Đầu tư (MPI) became Bộ Tài chính on 01/03/2025: "
        "the meeting is filed under Bộ Tài chính"
    ) in lines
    assert not [ln for ln in lines if ln.startswith(("  row 3 ", "  row 4 ", "  row 6 "))], out
    assert _meetings(db) == {
        "Lam viec voi Genetica ve sandbox": "GEN",
        "Họp Genetica buổi chiều": "GEN",
        "Gặp MOST": "MOST",
        "Họp MPI 2026": "MOF",
        "Họp MPI 2024": "MPI",
    }
    shown = json.loads(_ok(db, "meeting", "show", "1", "--json"))["record"]
    assert shown["minutes"] == "Thống nhất sandbox"
    # imported again: nothing new, nothing doubled
    again = _ok(db, "import", str(book), "--lang", "en")
    assert "0 new" in again
    assert len(_meetings(db)) == 5


def test_a_day_without_a_time_is_the_meeting_logged_that_day(db: Path, tmp_path: Path) -> None:
    """Reviewer h98: a sheet giving only the day ("06/12/2026") made the meeting 09:00, so the
    one Lan logged at 09:33 that day was met, but the one at 14:00 was created a second time, its
    09:00 Ketnoi's own. A day without a time is compared with the whole day, and said."""
    _ok(db, "log-meeting", "--title", "Working session with Genetica", "--at", "2026-12-08 14:00",
        "--organisation", "Genetica", env=LAN)  # fmt: skip
    book = write_xlsx(tmp_path / "theo-ngay.xlsx", {"Cuộc họp": [
        ["Ngày", "Tiêu đề", "Đơn vị", "Biên bản"],
        ["08/12/2026", "Làm việc với Genetica", "Genetica", "Thống nhất lộ trình"],  # logged at 14:00
        [dt.date(2026, 12, 9), "Gặp MOST", "MOST", None],  # a day cell, nothing logged: new, at 09:00
    ]})  # fmt: skip
    out = _ok(db, "import", str(book), "--lang", "en", "--on-match", "overwrite")
    assert "1 new, 1 updated" in out, out
    assert "Trần Thị Lan already logged “Working session with Genetica” with Genetica at 14:00" in out
    assert "  row 3 (warning): Ngày (A): a day without a time: the meeting starts at 09:00" in out, out
    assert "row 2 (warning): Ngày" not in out  # (it has the logged meeting's time)
    items = json.loads(_ok(db, "meeting", "list", "--json"))["items"]
    starts = {m["title"]: m["starts_at"] for m in items}
    assert "Working session with Genetica" not in starts  # overwritten: its title is the sheet's…
    assert starts["Làm việc với Genetica"] == "2026-12-08T14:00:00"  # …its time the meeting's own
    assert starts["Gặp MOST"] == "2026-12-09T09:00:00"
    assert len(starts) == 2 + 1  # (with Lan's of 06/12: none made twice)
