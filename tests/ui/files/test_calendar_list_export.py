"""File → Export this list to calendar (.ics)… and the list's context menu: the meetings the
Meetings list holds as filtered and searched, counted in the status bar; File → Export calendar
(.ics)… still writes every upcoming meeting (reviewer h129 filtered the list to this week,
exported, and found every meeting in the file)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from app import calendars, records
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle
from ui import file_dialogs
from ui.main_window import VIEWS

TIMEOUT = 30_000
THIS_WEEK = {  # the pinned Monday 23/11/2026's week, beside the seed's "Genetica pitch" (25/11)
    "Weekly planning": dt.datetime(2026, 11, 23, 8, 0),
    "Visit to FPT": dt.datetime(2026, 11, 27, 14, 0),
}
LATER = {"Viettel workshop": dt.datetime(2026, 12, 3, 9, 0), "VNQuantum call": dt.datetime(2027, 1, 8, 10, 0)}


@pytest.fixture
def meetings(engine: Any, ids: dict[str, Any]) -> dict[str, int]:
    with unit_of_work(engine) as s:
        return {
            title: int(records.create(s, "meeting", {"title": title, "starts_at": at}))
            for title, at in {**THIS_WEEK, **LATER}.items()
        }


def _meetings_in(path: Path) -> list[str]:
    """The titles of the meetings' events of an .ics file, parsed back (reminders left aside)."""
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return sorted(str(e["SUMMARY"]) for e in events if str(e["UID"]).startswith("meeting-"))


def test_the_list_goes_to_the_calendar_as_filtered_and_all_of_it_from_the_menu(
    qtbot: Any,
    window: Any,
    ctx: Any,
    meetings: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[str] = []
    chosen: list[Path] = []

    def fake_dialog(parent: Any, title: str, name: str, filters: str) -> tuple[str, str]:
        offered.append(Path(name).name)
        return str(chosen[-1]), filters

    monkeypatch.setattr(file_dialogs, "get_save_file_name", fake_dialog)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    window.nav.setCurrentRow(VIEWS.index("meeting"))
    panel = window.views["meeting"].list
    when = panel._combos["when"]
    when.setCurrentIndex(when.findData("week"))
    week = sorted(["Genetica pitch", *THIS_WEEK])
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() == len(week), timeout=TIMEOUT)

    # the list's context menu has it beside Export this list to Excel…, File too
    assert window.act_export_list_ics in window.menus["file"].actions()
    rect = panel.view.visualRect(panel.model.index(0, 0))
    panel.view.customContextMenuRequested.emit(rect.center() + QPoint(0, 0))
    menu = window.context_menu
    assert isinstance(menu, QMenu) and window.act_export_list_ics in menu.actions()
    menu.close()
    chosen.append(tmp_path / "this-week.ics")
    window.act_export_list_ics.trigger()
    qtbot.waitUntil(lambda: any(s.startswith("Calendar written: 3 meetings,") for s in said), timeout=TIMEOUT)
    wait_idle(qtbot, ctx)
    assert _meetings_in(chosen[-1]) == week
    assert said[-1].endswith("(the list as filtered: This week)")
    assert offered[-1] == "ketnoi-meetings-week-2026-11-23.ics"

    # the words typed narrow it too
    panel.search.setText("fpt")
    panel.apply_filters()
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() == 1, timeout=TIMEOUT)
    chosen.append(tmp_path / "fpt.ics")
    window.act_export_list_ics.trigger()
    qtbot.waitUntil(lambda: any(s.startswith("Calendar written: 1 meeting,") for s in said), timeout=TIMEOUT)
    wait_idle(qtbot, ctx)
    assert _meetings_in(chosen[-1]) == ["Visit to FPT"]
    assert said[-1].endswith("(the list as filtered: “fpt”, This week)")

    # File → Export calendar (.ics)… is every upcoming meeting, whatever the list shows
    chosen.append(tmp_path / "all.ics")
    window.act_export_ics.trigger()
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        upcoming = calendars.upcoming_meeting_ids(s)
    assert len(_meetings_in(chosen[-1])) == len(upcoming) >= 4
    assert {"Viettel workshop", "VNQuantum call"} <= set(_meetings_in(chosen[-1]))


def test_an_empty_list_writes_no_calendar_and_says_so(
    qtbot: Any, window: Any, ctx: Any, meetings: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        file_dialogs, "get_save_file_name", lambda *a, **k: (asked.append("asked"), ("", ""))[1]
    )
    said: list[str] = []
    ctx.status_message.connect(said.append)
    window.nav.setCurrentRow(VIEWS.index("meeting"))
    panel = window.views["meeting"].list
    panel.search.setText("zzz")
    panel.apply_filters()
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() == 0, timeout=TIMEOUT)
    window.act_export_list_ics.trigger()
    assert said[-1] == "The list holds no meetings: no calendar written." and not asked
    window.nav.setCurrentRow(VIEWS.index("contact"))
    assert not window.act_export_list_ics.isEnabled()  # (meetings and actions only)
