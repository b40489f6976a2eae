"""The dashboard follows the day as the banner does (reviewer h108: left open from 23:59 on
09/12, after midnight the banner said "4 việc quá hạn" while the dashboard still greeted
09/12 with "3 Việc quá hạn" and listed the action due 09/12 as due this week; only F5 mended
it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from db import clock
from tests.ui.helpers import wait_idle


def test_the_dashboard_follows_midnight_with_the_banner(qtbot: Any, ctx: Any, ids: Any) -> None:
    from ui.main_window import MainWindow

    clock.set_fixed(dt.datetime(2026, 11, 23, 23, 59, 20))  # the seed's "today", late
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, ctx)
    dashboard, banner = window.dashboard, window.banner
    qtbot.waitUntil(lambda: dashboard.loaded and getattr(banner, "summary", None) is not None)
    assert dashboard.heading.text().endswith("23/11/2026")
    before = banner.summary.overdue
    assert dashboard.figures["overdue"].value.text() == str(before)
    assert "Send the MoU draft" in dashboard.cards["week"].body.toPlainText()

    clock.set_fixed(dt.datetime(2026, 11, 24, 0, 0, 30))  # midnight passed, the window left open
    window.notifier.timer.timeout.emit()  # the banner's check, every few minutes
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: banner.summary.overdue == before + 1)  # "Send the MoU draft" is late now
    qtbot.waitUntil(lambda: dashboard.heading.text().endswith("24/11/2026"))
    assert dashboard.figures["overdue"].value.text() == str(before + 1)
    assert "Send the MoU draft" in dashboard.cards["overdue"].body.toPlainText()
    assert "Send the MoU draft" not in dashboard.cards["week"].body.toPlainText()
