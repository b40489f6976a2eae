"""The due banner's Show (and the tray message) opens the actions the banner counts: those
overdue and, when it says some are due today, those too (reviewer: "109 overdue · 1 due today"
showed the 109 alone, and the action due today it named was nowhere in the list)."""

from __future__ import annotations

from typing import Any

from app import dashboard
from db.engine import read_session
from tests.ui.helpers import wait_idle


def _listed(qtbot: Any, window: Any, ctx: Any) -> set[int]:
    wait_idle(qtbot, ctx)
    model = window.views["action"].list.model
    return {model.id_at(r) for r in range(model.rowCount())}


def test_show_opens_what_is_overdue_and_what_is_due_today(
    qtbot: Any, window: Any, ctx: Any, ids: Any
) -> None:
    with read_session(ctx.engine) as s:
        summary = dashboard.due_summary(s, today=ctx.today())
    assert summary.overdue == 1 and summary.due_today == 1  # a_overdue, a_today
    window.banner.show_summary(summary)
    window.banner.button.click()
    qtbot.waitUntil(lambda: _listed(qtbot, window, ctx) == {ids["a_overdue"], ids["a_today"]})
    assert window.views["action"].list._combos["preset"].currentData() == "due_now"


def test_show_opens_the_overdue_alone_when_nothing_is_due_today(
    qtbot: Any, window: Any, ctx: Any, ids: Any
) -> None:
    window.banner.show_summary(dashboard.DueSummary(1, 0, ("Overdue",), 0))
    window.banner.button.click()
    qtbot.waitUntil(lambda: _listed(qtbot, window, ctx) == {ids["a_overdue"]})
