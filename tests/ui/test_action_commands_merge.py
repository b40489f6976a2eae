"""The window's Mark done (D) and Reschedule (Ctrl+R) beside a colleague's save of the same
action (another window on the file: this one has not heard of it yet). Their new title is kept
beside the command's change without asking; a status or due date they changed too is asked
about — the conflict dialog shows their value beside the command's — and nothing is written
unless "Save mine over theirs" is chosen (reviewer: Lan cancelled an action, and the D key on
the row still showing it open marked it done; Lan's new due date was silently replaced)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel

from app import records
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.lists.seed import TODAY
from ui.lists.model import ROW_ROLE

TIMEOUT = 10_000


def _elsewhere(db_url: str, changes: dict[int, dict[str, Any]]) -> None:
    """Lan's saves, from another window's engine on the same file."""
    other = open_database(db_url)
    try:
        with unit_of_work(other) as s:
            for aid, values in changes.items():
                records.update(s, "action", aid, values, expected_version=None, actor="Lan")
    finally:
        other.dispose()


def _now(engine: Any, aid: int) -> dict[str, Any]:
    with read_session(engine) as s:
        return records.get(s, "action", aid)


def _select(qtbot: Any, window: Any, chosen: list[int]) -> None:
    window.show_actions("open")
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: all(panel.model.row_of(i) >= 0 for i in chosen), timeout=TIMEOUT)
    selection = panel.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    for i in chosen:
        selection.select(panel.model.index(panel.model.row_of(i), 0), flags)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for i in chosen:  # on screen, as read now (what the person sees)
        assert panel.model.data(panel.model.index(panel.model.row_of(i), 0), ROW_ROLE)["status"] == "open"


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> tuple[list[list[list[str]]], list[str]]:
    """The conflict dialogs shown (their rows) and the answers to give them, in turn."""
    from ui.dialogs.conflict import ConflictDialog

    shown: list[list[list[str]]] = []
    choices: list[str] = []

    def exec_(dialog: Any) -> int:
        table = dialog.table
        shown.append([[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())])
        dialog.choice = choices.pop(0)
        return 1 if dialog.choice == "mine" else 0

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    return shown, choices


def _said(qtbot: Any, window: Any, ctx: Any) -> str:
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=TIMEOUT)
    return str(window.statusBar().currentMessage())


def test_mark_done_keeps_a_new_title_and_asks_about_a_status_changed_meanwhile(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, db_url: str, answers: Any
) -> None:
    shown, choices = answers
    renamed, cancelled = ids["a_overdue"], ids["a_today"]
    _select(qtbot, window, [renamed, cancelled])
    _elsewhere(
        db_url, {renamed: {"title": "Gửi thư giới thiệu (bản sửa)"}, cancelled: {"status": "cancelled"}}
    )

    choices.append("theirs")
    window.statusBar().clearMessage()
    window.act_done.trigger()
    assert _said(qtbot, window, ctx) == "Nothing changed"
    assert shown == [[["Status", "Cancelled", "Done"]]]  # Lan's beside mine, nothing else asked
    assert [_now(engine, i)["status"] for i in (renamed, cancelled)] == ["open", "cancelled"]  # none written

    _select(qtbot, window, [renamed])  # (the cancelled one has left the list of open actions)
    window.statusBar().clearMessage()
    window.act_done.trigger()
    assert _said(qtbot, window, ctx) == "Marked 1 action done"
    assert len(shown) == 1  # a new title is no question
    now = _now(engine, renamed)
    assert (now["title"], now["status"]) == ("Gửi thư giới thiệu (bản sửa)", "done")


def test_reschedule_asks_about_a_due_date_changed_meanwhile_and_save_mine_keeps_the_rest(
    qtbot: Any,
    window: Any,
    ctx: Any,
    ids: dict[str, Any],
    engine: Any,
    db_url: str,
    answers: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.commands import RescheduleDialog

    shown, choices = answers
    aid = ids["a_week"]
    mine, theirs = TODAY + dt.timedelta(days=20), TODAY + dt.timedelta(days=10)

    def pick(dialog: Any) -> int:
        dialog.date.setDate(QDate(mine.year, mine.month, mine.day))
        return 1

    monkeypatch.setattr(RescheduleDialog, "exec", pick)
    _select(qtbot, window, [aid])
    _elsewhere(db_url, {aid: {"due_date": theirs, "notes": "Lan: hoãn một tuần"}})

    choices.append("mine")
    window.statusBar().clearMessage()
    window.act_reschedule.trigger()
    assert _said(qtbot, window, ctx) == "Rescheduled 1 action"
    assert shown == [[["Due", ctx.fmt_date(theirs), ctx.fmt_date(mine)]]]
    now = _now(engine, aid)
    assert (now["due_date"], now["notes"]) == (mine, "Lan: hoãn một tuần")  # mine, theirs kept
