"""The record a person is reading, deleted by a colleague in another window (another process on
the same file), leaves the list with a word in the status bar: who deleted it, when, and that it
is in the trash (reviewer: Genetica simply vanished from the manager's window). Deleting it in
this window says what it always said, not this."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app import bulk_edit
from db.engine import unit_of_work
from db.migrate import open_database
from tests.ui.helpers import wait_idle


def _status(window: Any) -> str:
    return window.statusBar().currentMessage()


def test_a_colleagues_delete_of_the_record_shown_is_said(
    qtbot: Any, window: Any, db_path: Path, ids: Any
) -> None:
    window.live.start(window.live_label, poll_s=0.2)
    try:
        window.navigate("organisation", ids["genetica"])
        panel = window.views["organisation"].list
        qtbot.waitUntil(lambda: panel.view.current_id() == ids["genetica"], timeout=5_000)
        qtbot.waitUntil(lambda: window.live.feed.state == "connected", timeout=5_000)
        other = open_database(f"sqlite:///{db_path}")
        with unit_of_work(other) as s:
            bulk_edit.delete_records(s, "organisation", [ids["genetica"]], actor="Lê Văn Bình")
        other.dispose()
        qtbot.waitUntil(lambda: "Lê Văn Bình deleted “Genetica”" in _status(window), timeout=5_000)
        assert "in the trash" in _status(window)
        assert panel.view.current_id() != ids["genetica"]
    finally:
        window.live.stop()


def test_this_windows_own_delete_is_not_said_as_a_colleagues(
    qtbot: Any, window: Any, ctx: Any, ids: Any
) -> None:
    window.navigate("organisation", ids["genetica"])
    panel = window.views["organisation"].list
    qtbot.waitUntil(lambda: panel.view.current_id() == ids["genetica"], timeout=5_000)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    ctx.write(lambda s: bulk_edit.delete_records(s, "organisation", [ids["genetica"]], actor="Trần Minh Anh"))
    qtbot.waitUntil(lambda: panel.view.current_id() != ids["genetica"], timeout=5_000)
    wait_idle(qtbot, ctx)
    assert not any("deleted “Genetica”" in m for m in said), said


def test_a_link_to_a_record_in_the_trash_says_where_it_is(
    qtbot: Any, window: Any, ctx: Any, ids: Any
) -> None:
    """An action's "From meeting" link to a meeting a colleague deleted: Meetings opens, and the
    status bar says who deleted it and that it is in the trash, rather than nothing."""
    ctx.write(lambda s: bulk_edit.delete_records(s, "meeting", [ids["past_meeting"]], actor="Lê Văn Bình"))
    model = window.views["meeting"].list.model
    qtbot.waitUntil(lambda: model.complete and model.row_of(ids["past_meeting"]) < 0, timeout=5_000)
    window.navigate("meeting", ids["past_meeting"])
    qtbot.waitUntil(lambda: "Lê Văn Bình deleted “" in _status(window), timeout=5_000)
    assert "in the trash" in _status(window)
