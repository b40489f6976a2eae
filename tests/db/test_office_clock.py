"""The one clock reads, shows and dates in the office's zone (Hanoi), never the laptop's (h144).

A laptop moved to Tokyo (or a CI machine in Etc/UTC) made ``now()`` Tokyo's wall-clock time
(kept as a meeting's Hanoi time), ``today()`` Tokyo's day, and every stamp shown two hours off;
about 35 places showed a stamp with a bare ``.astimezone()`` of their own. The source is read
here so that no such reading comes back."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import zones
from db import clock
from tests.helpers import laptop_zone

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["Asia/Tokyo", "Etc/UTC", "America/New_York"])
def abroad(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with laptop_zone(monkeypatch, request.param) as zone:
        yield zone


def test_the_office_zone_is_one_object() -> None:
    assert zones.OFFICE is clock.OFFICE_ZONE
    assert clock.OFFICE_ZONE.key == "Asia/Ho_Chi_Minh"


def test_now_and_today_are_the_offices(abroad: str) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 23, 30, tzinfo=dt.UTC), ticking=False)
    assert clock.now() == dt.datetime(2026, 12, 8, 6, 30)
    assert clock.today() == dt.date(2026, 12, 8)


def test_a_naive_pin_is_the_offices_time(abroad: str) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 9, 0), ticking=False)
    assert clock.utcnow() == dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.UTC)
    assert clock.now() == dt.datetime(2026, 12, 7, 9, 0)


def test_stamps_are_shown_and_dated_in_the_offices_zone(abroad: str) -> None:
    at = dt.datetime(2026, 12, 10, 23, 30, tzinfo=dt.UTC)
    assert clock.local(at) == dt.datetime(2026, 12, 11, 6, 30)
    assert clock.local(at.replace(tzinfo=None)) == dt.datetime(2026, 12, 11, 6, 30)  # a bare column's
    assert clock.local_date(at) == dt.date(2026, 12, 11)
    assert clock.utc_of(dt.datetime(2027, 1, 1, 6, 0)) == dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.UTC)
    assert clock.local_of_timestamp(at.timestamp()) == dt.datetime(2026, 12, 11, 6, 30)


def _readings_of_the_laptops_zone(path: Path) -> list[str]:
    """Calls in ``path`` that read or show time in the machine's zone: ``x.astimezone()`` with
    no zone, ``datetime.fromtimestamp(t)`` without one, Qt's ``fromSecsSinceEpoch(t)`` (local)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name, given = node.func.attr, len(node.args) + len(node.keywords)
        if (
            (name == "astimezone" and given == 0)
            or (name == "fromtimestamp" and given < 2)
            or (name in ("fromSecsSinceEpoch", "fromMSecsSinceEpoch") and given < 2)
        ):
            where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
            found.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_code_reads_the_laptops_zone() -> None:
    """Every stamp shown or dated goes through db.clock (local, local_date, local_of_timestamp,
    utc_of); migrations included (their code for future upgrades)."""
    files = [p for top in ("app", "ui", "db") for p in sorted((ROOT / top).rglob("*.py"))]
    assert len(files) > 200 and any(p.match("db/migrations/versions/*.py") for p in files)
    found = [hit for p in files if p != ROOT / "db" / "clock.py" for hit in _readings_of_the_laptops_zone(p)]
    assert not found, "\n".join(found)


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "a.astimezone()\nb.astimezone(z)\ndt.datetime.fromtimestamp(s)\ndt.datetime.fromtimestamp(s, z)\n"
        "QDateTime.fromSecsSinceEpoch(s)\n",
        encoding="utf-8",
    )
    hits = _readings_of_the_laptops_zone(sample)
    assert [h.split(": ", 1)[1] for h in hits] == [
        "a.astimezone()",
        "dt.datetime.fromtimestamp(s)",
        "QDateTime.fromSecsSinceEpoch(s)",
    ]
