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


def test_show_on_the_banner_lists_every_action_it_counts(qtbot: Any, window: Any, ctx: Any) -> None:
    """A filter typed earlier in the actions list (a search, an organisation) does not narrow
    what the banner's Show opens: the list holds the actions the banner counts."""
    qtbot.waitUntil(lambda: window.banner.isVisible() and getattr(window.banner, "summary", None) is not None)
    summary = window.banner.summary
    counted = summary.overdue + summary.due_today
    assert counted >= 1
    window.show_actions("open")
    panel = window.views["action"].list
    panel.search.setText("zzz nothing matches this")
    panel.apply_filters()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    window.banner.show_requested.emit()
    qtbot.waitUntil(lambda: panel.model.rowCount() == counted, timeout=10_000)
    assert panel.search.text() == ""
    assert panel.filters_said() == [panel._combos["preset"].currentText()]
