"""Reschedule (Ctrl+R) on an action due 31/12/9999, stored before Ketnoi refused such dates
(app.dateranges): nothing came on screen, an OverflowError in app/due.py (+1 day past the
calendar's end). Its picks now count from today (reviewer h118)."""

from __future__ import annotations

import datetime as dt
from typing import Any


def test_reschedule_opens_on_a_due_date_at_the_calendars_end(qtbot: Any, ctx: Any) -> None:
    from ui.commands import RescheduleDialog

    dialog = RescheduleDialog(ctx, dt.date(9999, 12, 31), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.value() == dt.date(9999, 12, 31)  # shown as stored, until a pick or a date typed
    week = dialog.findChild(object, "reschedule_week")
    week.click()
    assert dialog.value() == ctx.today() + dt.timedelta(days=7)
