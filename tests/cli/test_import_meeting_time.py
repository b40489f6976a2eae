"""A meetings log kept as "Ngày | Giờ | Tiêu đề | … | Ghi chú": the time joins the day and the
notes go to the minutes under their header. Reviewer h98: the "Giờ" column was "not imported"
(no field took it: every meeting started at 09:00; mapped to Ends it was refused, mapped to
Starts the day was dropped) and the "Ghi chú" column was left out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.importing.cleaning import time_of_day
from app.importing.sheet import suggest_mapping
from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import as_in_a_test, run_cli


def test_the_time_column_joins_the_day_and_the_notes_go_to_the_minutes(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "so-hop.xlsx", {"Cuộc họp": [
        ["Ngày", "Giờ", "Tiêu đề", "Đơn vị", "Ghi chú"],
        ["27/11/2026", "14:30", "Làm việc với NVIDIA", "NVIDIA", "Mang theo MoU"],
        [dt.date(2026, 11, 28), dt.time(10, 0), "Họp Viettel", "Viettel", None],
        ["29/11/2026", "2:15 PM", "Gặp MOST", "MOST", None],
        ["30/11/2026", "chiều", "Gặp FPT", "FPT", None],
    ]})  # fmt: skip
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        done = run_cli(db, "import", str(book), "--lang", "en")
        assert done.returncode == 0, done.stderr
        items = json.loads(run_cli(db, "meeting", "list", "--json").stdout)["items"]
        nvidia = json.loads(run_cli(db, "meeting", "show", "Làm việc với NVIDIA", "--json").stdout)["record"]
    starts = {m["title"]: m["starts_at"] for m in items}
    assert starts == {
        "Làm việc với NVIDIA": "2026-11-27T14:30:00",
        "Họp Viettel": "2026-11-28T10:00:00",
        "Gặp MOST": "2026-11-29T14:15:00",
        "Gặp FPT": "2026-11-30T09:00:00",  # "chiều" is no time: said, kept in the minutes
    }
    assert nvidia["minutes"] == "Ghi chú: Mang theo MoU"
    said = done.stdout
    assert 'row 5 (warning): Giờ (B): "chiều" kept in the notes' in said
    assert "row 2 (warning)" not in said and "not imported" not in said


def test_the_headers_offices_write_are_read_as_the_time_and_the_notes() -> None:
    headers = ["Ngày", "Giờ", "Tiêu đề", "Đơn vị", "Ghi chú"]
    assert suggest_mapping("meeting", headers) == {
        0: "starts_at", 1: "start_time", 2: "title", 3: "organisations", 4: "notes"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "time"),
    [("14:30", (14, 30)), ("14h30", (14, 30)), ("14h", (14, 0)), ("14 giờ 30", (14, 30)), ("9h sáng", (9, 0)),
     ("2:30 PM", (14, 30)), ("3 giờ chiều", (15, 0)), (0.5, (12, 0)), (dt.time(8, 5), (8, 5)),
     (dt.timedelta(hours=16, minutes=45), (16, 45)), ("25:00", None), ("chiều", None), ("", None)],
)  # fmt: skip
def test_times_as_offices_write_them(cell: object, time: tuple[int, int] | None) -> None:
    assert time_of_day(cell) == (dt.time(*time) if time else None)
