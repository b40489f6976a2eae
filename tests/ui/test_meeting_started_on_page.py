"""The record page on screen follows a meeting logged before it started once it has (reviewer
h108: Bùi Đức Hà's page said "Liên hệ gần nhất: 01/12/2026" two days after the meeting logged
for 07/12 10:30). The window looks every minute; here its timer's tick is called."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.engine import Engine

from app import records
from app.meetings import Chosen, MeetingDraft, save_meeting
from db import clock
from db.engine import unit_of_work


def test_the_page_on_screen_says_the_day_of_the_meeting_once_it_started(
    qtbot: Any, engine: Engine, ctx: Any
) -> None:
    from ui.main_window import VIEWS, MainWindow

    clock.set_fixed(dt.datetime(2026, 11, 23, 8, 30))
    with unit_of_work(engine) as s:
        ha = records.create(
            s, "contact", {"full_name": "Bùi Đức Hà", "last_contacted_on": dt.date(2026, 11, 2)}
        )
        draft = MeetingDraft(
            {"title": "Làm việc với Bộ KH&CN", "starts_at": dt.datetime(2026, 11, 23, 10, 30)},
            [],
            [Chosen(ha, "Bùi Đức Hà")],
        )
        save_meeting(s, draft, actor="test")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=30_000)
    window.nav.setCurrentRow(VIEWS.index("contact"))
    view = window.views["contact"]
    view.detail.show_record("contact", ha)
    page = view.detail.browser
    qtbot.waitUntil(lambda: "Last contacted: 02/11/2026" in page.toPlainText(), timeout=10_000)
    assert window.started_meetings.timer.isActive()
    assert window.started_meetings.timer.interval() <= 60_000
    clock.set_fixed(dt.datetime(2026, 11, 23, 11, 0))
    window.started_meetings.timer.timeout.emit()
    qtbot.waitUntil(lambda: "Last contacted: 23/11/2026" in page.toPlainText(), timeout=10_000)
    ctx.tasks.wait()
