"""A record's page is read on a pool thread (reviewer: on a team PostgreSQL over Wi-Fi the window
froze each time a contact's page opened — its posts held, the positions and organisations it
had, were read on the UI thread with the rest of its story). The page shows once known; an
answer for a record no longer asked for is dropped."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from app import posts
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle


def _holds_a_post(ctx: Any, ids: dict[str, Any]) -> None:
    """Nhung is NIC's Giám đốc from 5 January 2026."""
    with unit_of_work(ctx.engine) as s:
        post = posts.add_post(s, ids["nic"], "Giám đốc", rank=1)
        posts.assign(s, post, ids["nhung"], starts_on=dt.date(2026, 1, 5), decision="12/QĐ-NIC")


def test_a_contacts_posts_are_read_off_the_ui_thread_and_shown(
    qtbot: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    from ui.details.pane import DetailPane

    _holds_a_post(ctx, ids)
    real, threads = posts.held_by, []

    def held_by(session: Any, contact_id: int) -> Any:
        threads.append(threading.current_thread())
        return real(session, contact_id)

    monkeypatch.setattr(posts, "held_by", held_by)
    pane = DetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_record("contact", ids["nhung"])
    assert pane.record_id == ids["nhung"]  # the window's actions act on it at once
    qtbot.waitUntil(lambda: "Posts held" in pane.browser.toPlainText(), timeout=10_000)
    text = pane.browser.toPlainText()
    assert "Giám đốc" in text and "Trung tâm Đổi mới sáng tạo Quốc gia" in text
    assert "12/QĐ-NIC" in text
    assert threads and threading.main_thread() not in threads


def test_the_page_of_a_record_no_longer_asked_for_is_dropped(
    qtbot: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    from ui.details.pane import DetailPane

    _holds_a_post(ctx, ids)
    real, release = posts.held_by, threading.Event()

    def held_by(session: Any, contact_id: int) -> Any:
        if contact_id == ids["nhung"]:
            release.wait(10)  # Nhung's page is still on its way
        return real(session, contact_id)

    monkeypatch.setattr(posts, "held_by", held_by)
    pane = DetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_record("contact", ids["nhung"])
    pane.show_record("contact", ids["hung"])  # the next row chosen meanwhile
    qtbot.waitUntil(lambda: "Phạm Quốc Hùng" in pane.browser.toPlainText(), timeout=10_000)
    release.set()
    wait_idle(qtbot, ctx)
    assert "Phạm Quốc Hùng" in pane.browser.toPlainText()
    assert "Nguyễn Thị Hồng Nhung" not in pane.browser.toPlainText().split("\n")[0]
    assert "Posts held" not in pane.browser.toPlainText()
    assert pane.record_id == ids["hung"]
