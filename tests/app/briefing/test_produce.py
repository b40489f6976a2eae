"""app.briefing.produce: one naming and one writing for ``ketnoi brief`` and the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.briefing.produce import (
    BriefCancelled,
    BriefRequest,
    brief_file_name,
    period,
    produce,
    suggested_file_name,
)
from app.cli import main
from app.errors import UserError
from db import clock
from db.engine import read_session
from tests.app.briefing.seed import Sample


def _cli_file(args: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run ``ketnoi brief …`` in an empty folder; the name of the one file it wrote."""
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert main(["brief", *args]) == 0
    (written,) = folder.iterdir()
    return written.name


@pytest.mark.parametrize(
    ("kind", "cli", "expected"),
    [
        ("organisation", ["org", "NIC"], "brief-nic-{today}.pdf"),
        ("contact", ["contact", "Đặng Văn Long"], "brief-dang-van-long-{today}.pdf"),
        (
            "meeting",
            ["meeting", "{planned}"],
            "brief-meeting-2026-11-27-lam-viec-voi-nic-ve-phong-thi-{today}.pdf",
        ),
        (
            "digest",
            ["digest", "--from", "2026-11-01", "--to", "30/11/2026"],
            "brief-digest-2026-11-01-2026-11-30-{today}.pdf",
        ),
    ],
)
def test_the_command_and_the_window_name_a_brief_alike(
    kind: str,
    cli: list[str],
    expected: str,
    engine: Engine,
    db_url: str,
    data: Sample,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    today = clock.today()
    subject = {"organisation": data.nic, "contact": data.dang, "meeting": data.planned}.get(kind)
    args = [a.format(planned=data.planned) for a in cli]
    by_cli = _cli_file([*args, "--db", db_url], tmp_path / "cli", monkeypatch)
    req = BriefRequest(kind, subject, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    with read_session(engine) as s:
        save_as = suggested_file_name(s, req, today)  # what the window's "Save as…" offers
    (tmp_path / "window").mkdir()
    opened = produce(engine, req, today=today, folder=tmp_path / "window")  # the window's "Open"
    assert by_cli == save_as == opened.path.name == expected.format(today=today.isoformat())
    assert opened.pages >= 1


def test_file_names_for_each_kind() -> None:
    today = dt.date(2026, 12, 4)
    assert (
        brief_file_name("organisation", "Trung tâm Đổi mới", today)
        == "brief-trung-tam-doi-moi-2026-12-04.pdf"
    )
    assert (
        brief_file_name(
            "meeting", "Phiên làm việc với mạng lưới đổi mới sáng tạo", today, day=dt.date(2026, 12, 9)
        )
        == "brief-meeting-2026-12-09-phien-lam-viec-voi-mang-luoi-2026-12-04.pdf"
    )
    with pytest.raises(ValueError):
        brief_file_name("action", "x", today)


def test_a_second_brief_of_the_day_keeps_the_first(engine: Engine, data: Sample, tmp_path: Path) -> None:
    tmp_path = tmp_path / "briefs"  # the database lives in tmp_path itself
    tmp_path.mkdir()
    req = BriefRequest("organisation", data.nic)
    first = produce(engine, req, today=clock.today(), folder=tmp_path)
    second = produce(engine, req, today=clock.today(), folder=tmp_path)
    assert second.path == first.path.with_name(first.path.stem + "-2.pdf")
    replaced = produce(engine, req, today=clock.today(), folder=tmp_path, keep_existing=False)
    assert replaced.path == first.path
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.path.name, second.path.name])


def test_cancel_and_errors_leave_no_file(engine: Engine, data: Sample, tmp_path: Path) -> None:
    tmp_path = tmp_path / "briefs"  # the database lives in tmp_path itself
    tmp_path.mkdir()
    pages: list[int] = []

    def cancel_after_first_page() -> bool:
        return bool(pages)

    with pytest.raises(BriefCancelled):
        produce(
            engine,
            BriefRequest("organisation", data.nic),
            today=clock.today(),
            folder=tmp_path,
            progress=lambda done, total: pages.append(done),
            cancelled=cancel_after_first_page,
        )
    assert pages and not list(tmp_path.iterdir())
    with pytest.raises(UserError, match="ends before it starts"):
        produce(
            engine,
            BriefRequest("digest", start=dt.date(2026, 12, 1), end=dt.date(2026, 11, 1)),
            today=clock.today(),
            folder=tmp_path,
        )
    with pytest.raises(UserError, match="there is no folder"):
        produce(
            engine, BriefRequest("contact", data.dang), today=clock.today(), target=tmp_path / "no" / "x.pdf"
        )
    assert not list(tmp_path.iterdir())


def test_periods() -> None:
    monday = dt.date(2026, 11, 23)
    assert period("this_week", monday + dt.timedelta(days=6)) == (monday, dt.date(2026, 11, 29))
    assert period("this_month", monday) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert period("last_month", dt.date(2026, 3, 31)) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
