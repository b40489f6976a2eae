"""The command line reads dates said in words as the window does (reviewer h149):
- ``ketnoi action reschedule --to``: a word that names a day ("thứ sáu", "ngày mai") from today,
  a count ("+3 ngày", "3 ngày" too) from each action's due date while it lies ahead;
- ``ketnoi log-meeting --follow-up "Gửi thư giới thiệu trước thứ sáu"`` without ``due=``: the
  deadline is the due date (counted from the meeting's day) and leaves the title, said on the
  follow-up's line; words inside the sentence stay; ``due=`` wins;
- the letter drafted from such an action says "V/v giới thiệu …", never "… trước thứ sáu".
A real SQLite file (tests/cli/inproc.py); the pinned clock's today is Monday 23/11/2026."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.inproc import run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"


def _ok(db: Path, *argv: str, lang: str = EN) -> str:
    done = run_cli(db, *argv, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


@pytest.mark.parametrize(
    ("to", "due"),
    [
        ("thứ sáu", "2026-11-27"),  # this Friday (today is Monday 23/11), not Friday 11/12
        ("ngày mai", "2026-11-24"),
        ("+3 ngày", "2026-12-10"),  # a count: from the due date, Monday 07/12
        ("3 ngày", "2026-12-10"),  # (read from today before: 26/11, unlike the window's picks)
    ],
)
def test_reschedule_words_from_today_counts_from_the_due_date(tmp_path: Path, to: str, due: str) -> None:
    db = tmp_path / "k.db"
    _ok(db, "action", "add", "--title", "Gửi thư giới thiệu", "--due", "07/12/2026")
    _ok(db, "action", "reschedule", "1", "--to", to, lang=VI)
    listed = json.loads(_ok(db, "action", "list", "--json"))
    assert [a["due_date"] for a in listed["items"]] == [due]


def test_a_deadline_in_a_follow_ups_text_is_its_due_date(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _ok(db, "org", "add", "--name", "Genetica")
    out = _ok(
        db, "log-meeting", "--title", "Làm việc với Genetica", "--at", "08/12/2026 10:00",
        "--organisation", "Genetica",
        "--follow-up", "Gửi thư giới thiệu trước thứ sáu",
        "--follow-up", "Báo cáo ngày mai của Bộ",
        "--follow-up", "Gửi biên bản trước thứ sáu;due=+1w",
        lang=VI,
    )  # fmt: skip
    lines = [line.strip() for line in out.splitlines() if "việc tiếp theo" in line]
    assert lines[0].startswith("việc tiếp theo #1 Gửi thư giới thiệu — hạn 11/12/2026 (từ “trước thứ sáu”),")
    assert lines[1].startswith("việc tiếp theo #2 Báo cáo ngày mai của Bộ — chưa có hạn,")
    assert lines[2].startswith("việc tiếp theo #3 Gửi biên bản trước thứ sáu — hạn 15/12/2026,")
    listed = json.loads(_ok(db, "action", "list", "--json"))
    assert sorted((a["title"], a["due_date"]) for a in listed["items"]) == [
        ("Báo cáo ngày mai của Bộ", None),
        ("Gửi biên bản trước thứ sáu", "2026-12-15"),
        ("Gửi thư giới thiệu", "2026-12-11"),
    ]

    out = _ok(
        db, "log-meeting", "--title", "Call with Genetica", "--at", "2026-12-08 15:00",
        "--organisation", "Genetica", "--follow-up", "Send the deck by tomorrow", "--json",
    )  # fmt: skip
    logged = json.loads(out)
    assert [(a["title"], a["due_date"]) for a in logged["actions"]] == [("Send the deck", "2026-12-09")]


def test_the_letter_of_an_action_leaves_its_deadline_out_of_the_subject(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _ok(db, "org", "add", "--name", "Genetica")
    # typed whole where nothing reads it (the action form, an import): the letter still leaves it
    title = "Gửi thư giới thiệu Genetica trước thứ sáu"
    _ok(db, "action", "add", "--title", title, "--organisation", "Genetica")
    _ok(db, "letter", "draft", "action:1", "-o", str(tmp_path / "thu.docx"))
    letters = json.loads(_ok(db, "letter", "list", "--json"))["letters"]
    assert [r["subject"] for r in letters] == ["Giới thiệu Genetica"]
