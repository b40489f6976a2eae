"""On a Saturday or a Sunday the week's work is over: the dashboard's "due this week" counts
the coming working week and says so (reviewer, on a Sunday: 0 and "Nothing due this week" while
four actions were due on Tuesday and Wednesday); the list's "Due this week" preset the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import lists, presets, records
from db import clock
from db.engine import read_session, unit_of_work

SUNDAY = dt.datetime(2026, 11, 29, 10, 0)  # the pinned Monday's week ends today
TUESDAY, WEDNESDAY = dt.date(2026, 12, 1), dt.date(2026, 12, 2)


def _due_next_week(engine: Any) -> set[int]:
    with unit_of_work(engine) as s:
        return {
            records.create(s, "action", {"title": title, "due_date": day})
            for title, day in (("Gửi thư mời Genetica", TUESDAY), ("Gọi lại Viettel", WEDNESDAY))
        }


def test_on_a_sunday_the_dashboard_covers_the_coming_week_and_says_so(
    qtbot: Any, ctx: Any, engine: Any
) -> None:
    from ui.dashboard import DashboardView

    _due_next_week(engine)
    clock.set_fixed(SUNDAY)
    dash = DashboardView(ctx)
    qtbot.addWidget(dash)
    dash.show()
    with qtbot.waitSignal(dash.refreshed, timeout=20_000):
        dash.refresh()
    assert dash.counts["due_this_week"] >= 2
    figure, card = dash.figures["due_this_week"], dash.cards["week"]
    assert figure.caption.text() == card.head.text() == "Due next week"
    assert figure.toolTip() == "The week is over: what is due from today to 06/12/2026"
    shown = card.body.toPlainText()
    assert "Gửi thư mời Genetica" in shown and "Gọi lại Viettel" in shown
    assert "Nothing due" not in shown

    clock.set_fixed(SUNDAY + dt.timedelta(days=1))  # Monday: this week again, to its Sunday
    with qtbot.waitSignal(dash.refreshed, timeout=20_000):
        dash.refresh()
    assert figure.caption.text() == card.head.text() == "Due this week"
    assert figure.toolTip() == "What is due from today to 06/12/2026"


def test_the_due_this_week_list_on_a_saturday_is_the_coming_week(engine: Any) -> None:
    made = _due_next_week(engine)
    saturday = SUNDAY.date() - dt.timedelta(days=1)
    query = presets.apply_preset(lists.default_query("action"), "week", today=saturday, staff_id=None)
    with read_session(engine) as s:
        listed = set(lists.ids(s, query))
    assert made <= listed


def test_the_lists_preset_says_next_week_on_a_sunday(qtbot: Any, ctx: Any) -> None:
    from ui.lists.panel import ListPanel

    clock.set_fixed(SUNDAY)
    panel = ListPanel(ctx, "action")
    qtbot.addWidget(panel)
    combo = panel._combos["preset"]
    assert combo.itemText(combo.findData("week")) == "Due next week"
