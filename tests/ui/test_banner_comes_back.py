"""The due banner comes back when something is due again the same day (an undone Mark done, an
import, a due date moved back), unless the person closed it with ×; the next day's check says it
again (reviewer: emptied by Ctrl+D, the banner never came back that day, F5 or not, while the
dashboard said "1 overdue")."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QToolButton

from app import actions
from db.engine import read_session
from tests.ui.helpers import wait_idle


def _due(ctx: Any) -> list[int]:
    """The actions the banner counts: overdue and due today, open."""
    from app import lists, presets

    with read_session(ctx.engine) as s:
        q = presets.apply_preset(lists.default_query("action"), "due_now", today=ctx.today(), staff_id=None)
        return lists.ids(s, q)


def _write(qtbot: Any, ctx: Any, fn: Any) -> None:
    ctx.write(fn)
    wait_idle(qtbot, ctx)


def test_the_banner_comes_back_when_an_action_is_due_again(qtbot: Any, window: Any, ctx: Any) -> None:
    banner = window.banner
    qtbot.waitUntil(lambda: banner.isVisible() and getattr(banner, "summary", None) is not None)
    due = _due(ctx)
    assert due and banner.summary.overdue + banner.summary.due_today == len(due)
    assert banner.summary.late_replies == 0  # (the actions alone hold it up)

    _write(qtbot, ctx, lambda s: actions.mark_done(s, due))  # every one done: nothing to say
    qtbot.waitUntil(lambda: not banner.isVisible())

    _write(qtbot, ctx, lambda s: actions.reopen(s, due[:1]))  # one is due again (an undo does this)
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.summary.overdue + banner.summary.due_today == 1

    banner.findChild(QToolButton, "due_banner_close").click()  # closed by the person: stays closed
    assert not banner.isVisible()
    _write(qtbot, ctx, lambda s: actions.reopen(s, due))
    window.refresh_all()
    wait_idle(qtbot, ctx)
    assert not banner.isVisible()

    window.notifier.check(force=True)  # the next day's check (the start, a new date) says it again
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.summary.overdue + banner.summary.due_today == len(due)
