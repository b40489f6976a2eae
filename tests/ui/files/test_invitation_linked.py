"""An .ics opened or dropped on the window for a meeting logged already by hand: the preview says
so and offers Link to it (the default) / New meeting / Cancel (app.invitation_links)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from sqlalchemy.engine import Engine

from app import calendars
from db.engine import read_session
from tests.app.mail.test_invitation_linked import MINUTES, TITLE, live_meetings, log, meeting, net, write_ics
from tests.ui.helpers import wait_idle

__all__ = ["net"]  # (the fixture)
TIMEOUT = 10_000


def answer_with(button: str, shown: list[dict[str, Any]]) -> Callable[[], None]:
    """Click ``button`` (an object name) in the invitation dialog once it is up; what it showed
    goes to ``shown``."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "invitation_dialog":
            QTimer.singleShot(20, answer)
            return
        buttons = {b.objectName() or b.text(): b for b in dialog.findChildren(QPushButton)}
        head, changes = (
            dialog.findChild(QLabel, "invitation_head"),
            dialog.findChild(QLabel, "invitation_changes"),
        )
        shown.append(
            {
                "head": head.text() if head else "",
                "changes": changes.text() if changes else "",
                "buttons": sorted(buttons),
                "default": [n for n, b in buttons.items() if b.isDefault()],
            }
        )
        if button in buttons:
            buttons[button].click()
        else:  # (not offered: the test fails on what it shows, without a dialog left waiting)
            dialog.reject()

    return answer


def test_an_invitation_dropped_for_a_meeting_logged_is_linked_to_it_by_default(
    qtbot: Any, window: Any, ctx: Any, engine: Engine, net: dict[str, int], tmp_path: Path
) -> None:
    from ui.calendar_drops import CalendarDrops

    mid = log(engine, [net["gen"]], [net["giang"]], minutes=MINUTES)
    before = live_meetings(engine)
    ics = write_ics(tmp_path / "invite.ics")
    shown: list[dict[str, Any]] = []
    QTimer.singleShot(20, answer_with("link_invitation", shown))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(ics))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert window.findChild(CalendarDrops).eventFilter(window, drop)
    qtbot.waitUntil(lambda: "linked" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    assert (
        window.statusBar().currentMessage() == f"Invitation linked to the meeting already logged: “{TITLE}”"
    )
    (seen,) = shown
    assert seen["head"] == (
        f"Trần Thị Lan already logged “{TITLE}” with Genetica at 09:00. Link the invitation to meeting "
        f"#{mid}? Its updates and cancellation will then apply to it; its title stays as logged."
    )
    assert seen["changes"].splitlines() == [
        "Location: — → Phòng họp 3, 12 Duy Tân, Hà Nội",
        "Agenda: — → Microsoft Teams meeting. Join on your computer or mobile app.",
        "Kept as logged: Title",
    ]
    assert seen["buttons"] == ["Cancel", "link_invitation", "new_meeting"] and seen["default"] == [
        "link_invitation"
    ]
    assert live_meetings(engine) == before  # no second meeting
    after = meeting(engine, mid)
    assert (after["title"], after["minutes"]) == (TITLE, MINUTES)
    with read_session(engine) as s:
        assert (calendars.invitation_of(s, mid) or {}).get("ical_uid") == calendars.read_ics(
            ics.read_bytes()
        ).uid
    _undo_and_redo_the_link(qtbot, window, ctx, engine, mid)


def _linked(engine: Engine, mid: int) -> bool:
    with read_session(engine) as s:
        return calendars.invitation_of(s, mid) is not None


def _undo_and_redo_the_link(qtbot: Any, window: Any, ctx: Any, engine: Engine, mid: int) -> None:
    """Edit → Undo of the link takes the invitation off the meeting (its updates no longer move
    it); Redo links it again; the meeting's History says the step."""
    from ui.history import HistoryDialog

    step = f"Invitation linked to the meeting already logged: “{TITLE}”"  # (as the window said it)
    assert window.act_undo.text() == f"&Undo: {step}"
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    assert window.statusBar().currentMessage() == f"Undone: {step}"
    assert not _linked(engine, mid) and meeting(engine, mid)["location"] == ""
    window.act_redo.trigger()
    wait_idle(qtbot, ctx)
    assert _linked(engine, mid)
    linked = f'Linked meeting "{TITLE}" to the calendar invitation "Genetica - Sandbox discussion"'
    assert window.statusBar().currentMessage() == f"Redone: {linked}"  # (the history's words)
    dialog = HistoryDialog(ctx, "meeting", mid, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=TIMEOUT)
    shown = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
    assert "Linked to the calendar invitation “Genetica - Sandbox discussion”" in shown, shown
    dialog.close()
    ctx.tasks.wait()


@pytest.mark.parametrize("button", ["new_meeting", "Cancel"])
def test_new_meeting_makes_a_second_one_and_cancel_nothing(
    qtbot: Any, ctx: Any, engine: Engine, net: dict[str, int], tmp_path: Path, button: str
) -> None:
    from ui import calendar_files

    mid = log(engine, [net["gen"]], [net["giang"]])
    before = live_meetings(engine)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    shown: list[dict[str, Any]] = []
    QTimer.singleShot(20, answer_with(button, shown))
    calendar_files.import_invitation(None, ctx, write_ics(tmp_path / "invite.ics"))  # File → Import…
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert shown[0]["head"].startswith(f"Trần Thị Lan already logged “{TITLE}” with Genetica at 09:00.")
    assert shown[0]["default"] == ["link_invitation"]
    if button == "Cancel":
        qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=TIMEOUT)
        assert live_meetings(engine) == before and said == []
        with read_session(engine) as s:
            assert calendars.invitation_of(s, mid) is None
        return
    qtbot.waitUntil(lambda: any("created" in t for t in said), timeout=TIMEOUT)
    assert said[-1] == "Meeting created from the invitation: “Genetica - Sandbox discussion”"
    assert live_meetings(engine) == before + 1
    with read_session(engine) as s:
        assert calendars.invitation_of(s, mid) is None
