"""The meetings list's "This week", "Next week" and "Last week" (reviewer h129: a manager planning
the week found "Upcoming", "This month" and "Past", none of them the week), in both of the window's
languages ("Tuần này", "Tuần sau", "Tuần trước"), Monday to Sunday of the pinned clock's day, and
the same weeks from ``ketnoi meeting list --preset``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from db.engine import unit_of_work
from tests.app.lists.seed import TODAY

WEEK_WORDS = {
    "en": {"week": "This week", "next_week": "Next week", "last_week": "Last week"},
    "vi": {"week": "Tuần này", "next_week": "Tuần sau", "last_week": "Tuần trước"},
}
MEETINGS = {  # around the pinned Monday 23/11/2026
    "Sunday before": dt.datetime(2026, 11, 22, 18, 0),
    "Monday early": dt.datetime(2026, 11, 23, 7, 30),
    "Sunday late": dt.datetime(2026, 11, 29, 21, 0),
    "Monday after": dt.datetime(2026, 11, 30, 8, 0),
}


@pytest.fixture
def week_meetings(engine: Engine, ids: dict[str, Any]) -> dict[str, int]:
    with unit_of_work(engine) as s:
        return {
            title: int(records.create(s, "meeting", {"title": title, "starts_at": at}))
            for title, at in MEETINGS.items()
        }


def _titles(panel: Any) -> list[str]:
    column = 1  # (starts_at, title, …)
    return [str(panel.model.index(r, column).data()) for r in range(panel.model.rowCount())]


def test_the_week_filters_list_monday_to_sunday_in_the_windows_language(
    qtbot: Any, ctx: Any, week_meetings: dict[str, int], language: str
) -> None:
    from ui.lists.panel import ListPanel

    assert ctx.today() == TODAY  # the pinned clock's Monday, never the machine's
    panel = ListPanel(ctx, "meeting")
    qtbot.addWidget(panel)
    panel.resize(1000, 500)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() > 1)
    when = panel._combos["when"]
    offered = [when.itemText(i) for i in range(when.count())]
    words = WEEK_WORDS[language]
    # beside "Upcoming", in the order a week is planned: this one, the next, the last
    at = offered.index(words["week"])
    assert offered[at : at + 3] == [words["week"], words["next_week"], words["last_week"]]

    expected = {
        "week": ["Monday early", "Genetica pitch", "Sunday late"],  # Monday 23 to Sunday 29, soonest first
        "next_week": ["Monday after"],
        "last_week": ["Sunday before"],
    }
    for preset, titles in expected.items():
        when.setCurrentIndex(when.findData(preset))
        qtbot.waitUntil(lambda titles=titles: panel.model.complete and _titles(panel) == titles)
        assert when.currentText() == words[preset]
        assert words[preset] in panel.filters_said()
    when.setCurrentIndex(when.findData("week"))
    assert when.toolTip() == "23/11/2026 – 29/11/2026"  # which week it is, as dates
    when.setCurrentIndex(when.findData("month"))
    assert when.toolTip() == ""


def test_the_command_line_lists_the_same_weeks(
    tmp_path: Path, engine: Engine, db_path: Path, week_meetings: dict[str, int], capsys: Any
) -> None:
    def listed(*args: str) -> list[str]:
        capsys.readouterr()
        assert main(["meeting", "list", *args, "--db", str(db_path), "--json"]) == 0
        return [item["title"] for item in json.loads(capsys.readouterr().out)["items"]]

    assert listed("--preset", "week") == ["Monday early", "Genetica pitch", "Sunday late"]
    assert listed("--preset", "next-week") == ["Monday after"]
    assert listed("--preset", "last-week") == ["Sunday before"]
