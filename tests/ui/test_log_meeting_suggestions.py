"""Log meeting's suggestions float over the dialog, as a completer's do (reviewer: the layout
jumped while they showed), and each attendee is listed with the organisation that saving links
to the meeting with them (reviewer: an attendee chosen from the suggestions linked their
organisation without the dialog showing it)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import event, select

from db.engine import read_session
from db.models import MeetingOrganisation


def _rect(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _open(qtbot: Any, ctx: Any) -> Any:
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_the_suggestions_float_over_the_dialog_and_move_nothing(qtbot: Any, ctx: Any) -> None:
    dialog = _open(qtbot, ctx)
    picker = dialog.attendees
    watched = [
        picker.input,
        picker.chosen_view,
        dialog.duplicates["contact"],
        dialog.agenda,
        dialog.followups,
    ]
    watched += [dialog.organisations.chosen_view, dialog.buttons]
    before = [_rect(w, dialog) for w in watched]
    picker.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.input)
    qtbot.keyClicks(picker.input, "nhung")
    shown = picker.suggestions
    assert shown.isVisible() and shown.count() == 2  # Nhung, and "New contact “nhung”"
    QApplication.processEvents()
    assert [_rect(w, dialog) for w in watched] == before  # nothing moved
    place = _rect(shown, dialog)
    field = _rect(picker.input, dialog)
    assert place.top() == field.bottom() + 1 and place.left() == field.left()
    assert place.width() >= field.width() and dialog.rect().contains(place)
    # on top of what lies under it: a click there reaches the suggestions
    under = dialog.childAt(place.center())
    assert under is not None and (under is shown or shown.isAncestorOf(under))
    assert QApplication.focusWidget() is picker.input  # typing goes on in the field
    qtbot.keyClick(picker.input, Qt.Key.Key_Escape)
    assert not shown.isVisible() and dialog.isVisible()
    assert [_rect(w, dialog) for w in watched] == before


def test_each_attendee_shows_the_organisation_saving_links(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    dialog = _open(qtbot, ctx)
    picker = dialog.attendees
    picker.input.setFocus()
    qtbot.keyClicks(picker.input, "nhung")
    qtbot.keyClick(picker.input, Qt.Key.Key_Return)
    qtbot.keyClicks(picker.input, "smith")  # John Smith: no organisation
    qtbot.keyClick(picker.input, Qt.Key.Key_Return)
    rows = [picker.chosen_view.topLevelItem(n) for n in range(picker.chosen_view.topLevelItemCount())]
    nic = "Trung tâm Đổi mới sáng tạo Quốc gia"
    qtbot.waitUntil(lambda: nic in rows[0].text(0), timeout=10_000)  # read off the UI thread
    texts = [r.text(0) for r in rows]
    assert texts == [f"Nguyễn Thị Hồng Nhung\n{nic}", "John Smith"]  # the organisation under the name
    assert rows[0].toolTip(0).splitlines() == [
        f"Nguyễn Thị Hồng Nhung works at {nic}: saving links {nic} to the meeting too.",
        "F2 or Enter: change the role · Delete: remove",  # the keys of the row
    ]
    assert [c.label for c in picker.values()] == ["Nguyễn Thị Hồng Nhung", "John Smith"]
    assert dialog.organisations.values() == []  # none chosen: linked through Nhung, as shown
    dialog.title.setText("Gặp chị Nhung")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        linked = set(
            s.execute(
                select(MeetingOrganisation.organisation_id).where(
                    MeetingOrganisation.meeting_id == dialog.saved_id
                )
            ).scalars()
        )
    assert linked == {ids["nic"]}


@contextmanager
def _queries_on_the_ui_thread(engine: Any) -> Iterator[list[str]]:
    """Every SQL statement run on the UI thread meanwhile (a team database over Wi-Fi answers
    each in tens of milliseconds: the dialog would freeze)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_an_attendees_organisation_is_read_off_the_ui_thread(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    """Reviewer: on a team PostgreSQL over Wi-Fi the dialog froze as each attendee was added
    (their organisation was read on the UI thread, for the row and again for the follow-ups)."""
    from app.meetings import Chosen

    dialog = _open(qtbot, ctx)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    picker, nic = dialog.attendees, "Trung tâm Đổi mới sáng tạo Quốc gia"
    with _queries_on_the_ui_thread(engine) as on_ui_thread:
        picker.add(Chosen(ids["nhung"], "Nguyễn Thị Hồng Nhung"))
        row = picker.chosen_view.topLevelItem(0)
        qtbot.waitUntil(lambda: nic in row.text(0), timeout=10_000)  # shown once known
        about = dialog.followups.about
        assert about.findData(f"id:{ids['nic']}") >= 0  # a follow-up can be about NIC
        qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    assert on_ui_thread == [], "\n\n".join(on_ui_thread)
    assert row.toolTip(0).splitlines()[0].endswith(f"saving links {nic} to the meeting too.")


def test_an_answer_for_an_attendee_removed_meanwhile_is_dropped(
    qtbot: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    from app.meetings import Chosen
    from ui.dialogs import pickers

    real, release, threads = pickers.organisation_of_attendees, threading.Event(), []

    def slow(session: Any, contact_ids: list[int]) -> dict[int, int]:
        threads.append(threading.current_thread())
        if ids["nhung"] in contact_ids:
            release.wait(10)  # the first read is still on its way
        return real(session, contact_ids)

    monkeypatch.setattr(pickers, "organisation_of_attendees", slow)
    dialog = _open(qtbot, ctx)
    picker = dialog.attendees
    picker.add(Chosen(ids["nhung"], "Nguyễn Thị Hồng Nhung"))  # NIC, answered late
    picker.chosen_view.setCurrentItem(picker.chosen_view.topLevelItem(0))
    picker.remove_selected()
    picker.add(Chosen(ids["hung"], "Phạm Quốc Hùng"))  # Genetica, answered at once
    qtbot.waitUntil(lambda: "Genetica" in picker.chosen_view.topLevelItem(0).text(0), timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    assert ids["nhung"] not in picker.linked
    offered = [dialog.followups.about.itemData(i) for i in range(dialog.followups.about.count())]
    assert f"id:{ids['genetica']}" in offered and f"id:{ids['nic']}" not in offered
    assert threads and threading.main_thread() not in threads


def test_on_a_team_database_the_suggestions_are_read_off_the_ui_thread_and_enter_adds_the_latest(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    """A team server over a slow link: typing never waits for it (the search runs on a pool
    thread after a pause in the typing), a late answer for an older text is dropped, and Enter
    pressed before the answer for the text typed adds from that text, not an older one's."""
    dialog = _open(qtbot, ctx)
    picker = dialog.attendees
    picker.asynchronous = True  # as on PostgreSQL (the engine here is a SQLite file)
    real = picker._find
    asked: list[tuple[str, bool]] = []
    slow_started, release = threading.Event(), threading.Event()

    def find(text: str) -> list[tuple[int, str]]:
        asked.append((text, threading.current_thread() is threading.main_thread()))
        if text == "nh":
            slow_started.set()
            release.wait(10)
            return [(ids["dang"], "Stale answer for nh")]
        return real(text)

    picker._find = find
    picker.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.input)
    qtbot.keyClicks(picker.input, "nh")
    qtbot.waitUntil(slow_started.is_set, timeout=5_000)  # the typing goes on while it is asked
    qtbot.keyClicks(picker.input, "ung")
    qtbot.keyClick(picker.input, Qt.Key.Key_Return)  # at once: the answer for "nhung" not in yet
    assert [c.label for c in picker.items] == ["Nguyễn Thị Hồng Nhung"]
    release.set()
    ctx.tasks.wait()
    QApplication.processEvents()
    assert not picker.suggestions.isVisible() and picker.suggestions.count() == 0  # "nh" dropped
    assert [c.label for c in picker.items] == ["Nguyễn Thị Hồng Nhung"]
    on_pool = [t for t, on_ui in asked if not on_ui]
    assert on_pool and "nh" in on_pool  # the search itself ran on a pool thread
    dialog.reject()
