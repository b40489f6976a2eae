"""Editing a meeting shows its saved follow-ups as they are — open, overdue, done, as the
follow-ups list marks them — and saving the meeting leaves them as they were (reviewer: every
saved follow-up had the "done" tick, so an open one looked done and a done one like any other)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app import actions, records
from db.engine import read_session, unit_of_work
from db.models import Action
from tests.app.lists.seed import TODAY
from tests.ui.helpers import open_log_meeting


def test_editing_a_meeting_shows_its_follow_ups_open_overdue_and_done_and_keeps_done_done(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    meeting = ids["past_meeting"]  # ten days ago
    made: dict[str, int] = {}
    with unit_of_work(engine) as s:
        for name, title, due in (
            ("done", "Gửi biên bản họp", TODAY - dt.timedelta(days=5)),
            ("overdue", "Gửi số liệu thí điểm", TODAY - dt.timedelta(days=2)),
            ("open", "Lập kế hoạch quý I", TODAY + dt.timedelta(days=9)),
        ):
            made[name] = records.create(
                s, "action", {"title": title, "direction": "we_owe", "meeting_id": meeting, "due_date": due}
            )
    with unit_of_work(engine) as s:
        actions.mark_done(s, [made["done"]], actor="Trần Minh Anh")
    with read_session(engine) as s:
        before = {a.id: (a.status, a.version, a.completed_on) for a in s.execute(select(Action)).scalars()}

    dialog = open_log_meeting(qtbot, ctx, meeting_id=meeting)
    rows = {
        dialog.followups.list.topLevelItem(n).text(0): dialog.followups.list.topLevelItem(n)
        for n in range(dialog.followups.list.topLevelItemCount())
    }
    done, late, ahead = rows["Gửi biên bản họp"], rows["Gửi số liệu thí điểm"], rows["Lập kế hoạch quý I"]
    assert f"Done on {ctx.fmt_date(TODAY)}" in done.toolTip(0)
    assert "Overdue" in late.toolTip(0) and late.font(0).bold()
    assert "Open" in ahead.toolTip(0) and "Done" not in ahead.toolTip(0)
    assert done.icon(0).cacheKey() != ahead.icon(0).cacheKey() != late.icon(0).cacheKey()
    assert done.foreground(0).color() != ahead.foreground(0).color()  # greyed, as in the list
    assert [r.data(0, Qt.ItemDataRole.UserRole) for r in (done, late, ahead)] == ["done", "overdue", "open"]

    dialog.followups.list.setCurrentItem(done)
    qtbot.keyClick(dialog.followups.list, Qt.Key.Key_Delete)  # saved before: not removed here
    assert dialog.followups.list.topLevelItemCount() == 3
    dialog.title.setText("Họp làm việc về chương trình AI (sửa)")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        after = {a.id: (a.status, a.version, a.completed_on) for a in s.execute(select(Action)).scalars()}
    assert after == before  # the done one done, nothing reopened or added
    assert after[made["done"]][0] == "done" and after[made["overdue"]][0] == "open"
