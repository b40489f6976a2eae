"""``ketnoi letter list --year`` counts a letter with no date (a draft) in the year it was
created in, local time: one created at 06:00 on 01/01/2027 in Hà Nội (23:00 on 31/12/2026 in
UTC) is a 2027 letter (it was listed under 2026: the year of its UTC stamp). The clock is pinned
at the year's turn; the time zone is the office's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from db import clock
from tests.cli.inproc import run_cli

HANOI = {"TZ": "Asia/Ho_Chi_Minh"}  # UTC+7


def _ok(db: Path, *argv: str) -> str:
    done = run_cli(db, *argv, env=HANOI)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _listed(db: Path, year: int) -> list[str]:
    return [
        r["subject"] for r in json.loads(_ok(db, "letter", "list", "--year", str(year), "--json"))["letters"]
    ]


@pytest.mark.parametrize(
    ("utc", "year"),
    [
        (dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.UTC), 2027),  # 06:00 on 01/01/2027 in Hà Nội
        (dt.datetime(2026, 12, 31, 16, 59, tzinfo=dt.UTC), 2026),  # 23:59 on 31/12/2026 in Hà Nội
    ],
)
def test_an_undated_letter_is_of_its_local_year(tmp_path: Path, utc: dt.datetime, year: int) -> None:
    db = tmp_path / "k.db"
    _ok(db, "org", "add", "--name", "Bộ Khoa học và Công nghệ")
    with clock.frozen(utc, ticking=False):
        _ok(db, "letter", "add", "--subject", "Thư chúc mừng năm mới", "--organisation", "Bộ Khoa học")
    shown = json.loads(_ok(db, "letter", "list", "--json"))["letters"]
    assert [(r["letter_date"], r["year"]) for r in shown] == [(None, None)]  # a draft: no date yet
    assert _listed(db, year) == ["Thư chúc mừng năm mới"]
    other = 2026 if year == 2027 else 2027
    assert _listed(db, other) == []
