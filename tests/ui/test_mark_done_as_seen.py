"""The window's "Mark done" (D) acts on what the person saw, not on what the database holds by
the time the command runs: another window (or ``ketnoi action done``) that got there first keeps
its change, and the status bar says what actually happened, in English and in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import select

from app import actions, records
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import CHANGE
from ui.lists.model import ROW_ROLE


def _status_changes(engine: Any, aid: int) -> list[tuple[Any, Any, str]]:
    with read_session(engine) as s:
        rows = s.execute(
            select(CHANGE.c.old, CHANGE.c.new, CHANGE.c.actor)
            .where(CHANGE.c.entity == "action", CHANGE.c.entity_id == aid, CHANGE.c.field == "status")
            .order_by(CHANGE.c.id)
        )
        return [tuple(r) for r in rows]


def _status(engine: Any, aid: int) -> str:
    with read_session(engine) as s:
        return str(records.get(s, "action", aid)["status"])


def _shown_status(panel: Any, aid: int) -> str:
    model = panel.model
    return str(model.data(model.index(model.row_of(aid), 0), ROW_ROLE)["status"])


def _elsewhere(db_url: str, fn: Any) -> None:
    """Another process's write: its own engine and unit of work, as a second window's or the CLI's."""
    other = open_database(db_url)
    try:
        with unit_of_work(other) as s:
            fn(s)
    finally:
        other.dispose()


def _select(qtbot: Any, window: Any, preset: str, chosen: list[int]) -> Any:
    window.show_actions(preset)
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: all(panel.model.row_of(i) >= 0 for i in chosen), timeout=10_000)
    sel = panel.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    for i in chosen:
        sel.select(panel.model.index(panel.model.row_of(i), 0), flags)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    assert sorted(panel.selected_ids()) == sorted(chosen)
    return panel


def _press_mark_done(qtbot: Any, window: Any, ctx: Any) -> str:
    window.statusBar().clearMessage()
    assert window.act_done.isEnabled()
    window.act_done.trigger()  # the toolbar's "Mark done" (D and Ctrl+D trigger the same action)
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=10_000)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    return str(window.statusBar().currentMessage())


def test_mark_done_on_an_action_done_meanwhile_keeps_it_done_and_says_by_whom(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, db_url: str
) -> None:
    aid = ids["a_overdue"]
    panel = _select(qtbot, window, "open", [aid])
    assert _shown_status(panel, aid) == "open"  # what the person sees
    _elsewhere(db_url, lambda s: actions.mark_done(s, [aid], actor="Lan"))  # `ketnoi action done`
    assert _shown_status(panel, aid) == "open"  # the window has not heard of it yet

    message = _press_mark_done(qtbot, window, ctx)

    assert _status(engine, aid) == "done"  # not reopened
    assert _status_changes(engine, aid) == [("open", "done", "Lan")]  # no "Done → Open"
    assert message == "“Gửi thư giới thiệu tới Genetica” was already marked done by Lan"
    assert "Marked" not in window.act_undo.text()  # nothing of ours to undo


@pytest.fixture
def vietnamese(qapp: Any) -> Iterator[None]:
    from ui import i18n

    assert i18n.install(qapp, "vi") == "vi"
    yield
    i18n.install(qapp, "en")


def test_a_mixed_selection_changes_only_what_is_still_as_seen_in_vietnamese(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, db_url: str, vietnamese: None
) -> None:
    """Seen: two open, one done. Meanwhile Lan marks one open one done and reopens the done one.
    The D key then marks the other open one done — and nothing else."""
    seen_open, still_open, seen_done = ids["a_overdue"], ids["a_today"], ids["a_done"]
    panel = _select(qtbot, window, "all", [seen_open, still_open, seen_done])
    assert [_shown_status(panel, i) for i in (seen_open, still_open, seen_done)] == ["open", "open", "done"]

    def lan(s: Any) -> None:
        actions.mark_done(s, [seen_open], actor="Lan")
        actions.reopen(s, [seen_done], actor="Lan")

    _elsewhere(db_url, lan)

    message = _press_mark_done(qtbot, window, ctx)

    assert [_status(engine, i) for i in (seen_open, still_open, seen_done)] == ["done", "done", "open"]
    assert _status_changes(engine, seen_open) == [("open", "done", "Lan")]
    assert _status_changes(engine, seen_done) == [("done", "open", "Lan")]
    assert message == (
        "Đã đánh dấu xong 1 việc; “Gửi thư giới thiệu tới Genetica” đã được Lan đánh dấu xong từ trước;"
        " “Old finished task” đã được Lan mở lại từ trước"
    )
    # Undo takes back the one change made here, not Lan's
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: _status(engine, still_open) == "open", timeout=10_000)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    assert [_status(engine, i) for i in (seen_open, seen_done)] == ["done", "open"]


def test_the_d_key_still_toggles_what_it_shows(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    """Nothing changed elsewhere: a done action shown done reopens ("Reopened 1 action")."""
    aid = ids["a_done"]
    _select(qtbot, window, "all", [aid])
    assert _press_mark_done(qtbot, window, ctx) == "Reopened 1 action"
    assert _status(engine, aid) == "open"
