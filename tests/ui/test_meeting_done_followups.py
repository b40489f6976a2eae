"""A meeting's page keeps its done follow-ups: under the open ones, struck through and greyed,
"done" with the day, and the counts say how many are open and done (reviewer: after marking
its follow-up done, the page said "We owe (0) Nothing")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import actions, records
from db.engine import unit_of_work
from tests.app.lists.seed import TODAY
from tests.ui.helpers import wait_idle


def test_a_done_follow_up_stays_on_its_meetings_page_struck_through(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    with unit_of_work(ctx.engine) as s:
        sent = records.create(
            s, "action", {"title": "Gửi biên bản họp", "direction": "we_owe", "meeting_id": ids["past_meeting"],
                          "due_date": TODAY + dt.timedelta(days=2)},
        )  # fmt: skip
        records.create(
            s, "action", {"title": "Lập kế hoạch thí điểm", "direction": "we_owe",
                          "meeting_id": ids["past_meeting"], "due_date": TODAY + dt.timedelta(days=9)},
        )  # fmt: skip
    with unit_of_work(ctx.engine) as s:
        actions.mark_done(s, [sent], actor="Trần Minh Anh")
    ctx.records_changed({"action": [sent]})
    window.navigate("meeting", ids["past_meeting"])
    wait_idle(qtbot, ctx)
    browser = window.views["meeting"].detail.browser
    qtbot.waitUntil(lambda: "Gửi biên bản họp" in browser.toPlainText(), timeout=10_000)
    text = browser.toPlainText()
    assert "We owe (1 open, 1 done)" in text
    assert "They owe (0 open, 0 done)" in text
    assert text.index("Lập kế hoạch thí điểm") < text.index("Gửi biên bản họp")  # open first
    assert "✓ done · 23/11/2026" in text
    html = browser.toHtml()
    struck = html[html.index("Gửi biên bản họp") - 400 : html.index("Gửi biên bản họp")]
    assert "line-through" in struck

    with unit_of_work(ctx.engine) as s:  # the last open one done too: no "Nothing" alone
        actions.mark_done(s, [r for r in _follow_ups(s, ids["past_meeting"]) if r != sent], actor="")
    ctx.records_changed({"action": []})
    window.views["meeting"].detail.reload()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "We owe (0 open, 2 done)" in browser.toPlainText(), timeout=10_000)
    assert "Nothing open" in browser.toPlainText()


def _follow_ups(s: Any, meeting_id: int) -> list[int]:
    from sqlalchemy import select

    from db.models import Action

    return list(s.execute(select(Action.id).where(Action.meeting_id == meeting_id)).scalars())
