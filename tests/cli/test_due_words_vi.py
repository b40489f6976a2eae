"""A due date typed in Vietnamese words: "ngày mai", "+3 ngày", "+1 tuần", "cuối tháng" (the
refusal under a Vietnamese locale offered "+3 working days", "tomorrow hoặc eom" — English words
a Vietnamese officer would not guess, and "mai" was refused). The command line on a real SQLite
file (tests/cli/inproc.py), the pinned clock's today 23/11/2026, a Monday."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.inproc import as_in_a_test, run_cli

VI = "vi_VN.UTF-8"


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("ngày mai", "2026-11-24"),
        ("+3 ngày", "2026-11-26"),
        ("+1 tuần", "2026-11-30"),
        ("cuối tháng", "2026-11-30"),
        ("+2 ngày làm việc", "2026-11-26"),  # Tuesday 24th is Vietnamese Culture Day, off
    ],
)
def test_a_due_date_in_vietnamese_words_is_read(tmp_path: Path, typed: str, due: str) -> None:
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        added = run_cli(db, "action", "add", "--title", "Gửi thư giới thiệu", "--due", typed, lang=VI)
        assert added.returncode == 0, added.stderr
        listed = json.loads(run_cli(db, "action", "list", "--json", lang=VI).stdout)
    assert [a["due_date"] for a in listed["items"]] == [due]
