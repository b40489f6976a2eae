"""The dashboard marks a confidential action or meeting after its title, as the lists show the
lock (reviewer h103: Overdue and Upcoming meetings listed them unmarked, on the screen a
colleague may see over one's shoulder); the ordinary ones stay as they were."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import records
from db import clock
from db.engine import unit_of_work

NOW = dt.datetime(2026, 12, 7, 10, 0)


def test_confidential_actions_and_meetings_are_marked_on_the_dashboard(
    qtbot: Any, ctx: Any, engine: Any
) -> None:
    from ui.dashboard import DashboardView

    clock.set_fixed(NOW)
    with unit_of_work(engine) as s:
        for title, secret in (("Nop bao cao tham dinh", True), ("Goi lai Viettel", False)):
            records.create(
                s, "action", {"title": title, "due_date": dt.date(2026, 12, 1), "confidential": secret}
            )
        for title, secret in (("Hop kin ve thuong vu QBM", True), ("Gap NVIDIA", False)):
            records.create(
                s,
                "meeting",
                {"title": title, "starts_at": dt.datetime(2026, 12, 9, 9), "confidential": secret},
            )
    dash = DashboardView(ctx)
    qtbot.addWidget(dash)
    dash.show()
    with qtbot.waitSignal(dash.refreshed, timeout=20_000):
        dash.refresh()
    overdue = dash.cards["overdue"].body.toPlainText()
    meetings = dash.cards["meetings"].body.toPlainText()
    assert "Nop bao cao tham dinh (Confidential)" in overdue
    assert "Goi lai Viettel (Confidential)" not in overdue and "Goi lai Viettel" in overdue
    assert "Hop kin ve thuong vu QBM (Confidential)" in meetings
    assert "Gap NVIDIA (Confidential)" not in meetings and "Gap NVIDIA" in meetings
