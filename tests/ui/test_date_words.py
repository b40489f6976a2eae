"""The window's date boxes read what the command line reads, and say beside the box what is
wrong or what a word became (reviewer h143, Log meeting and Reschedule, 1280×720):
- "next friday" in a follow-up's due box: the letters never appeared and Enter added the
  follow-up with the default date; "+3 working days" lost its "+" and was refused;
- Reschedule: "next friday" + Enter closed the dialog and said "Rescheduled 0 actions";
- "30/02/2027" refused with a red border and Save greyed, the reason only in a tooltip; after
  Escape the bottom line about it stayed;
- "+3d", Ctrl+A, "20/12/2026" gave "3d20/12/2026".
The clock is pinned at Monday 23/11/2026 (the meeting's day when Log meeting opens)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import select

from db.engine import read_session
from db.models import Action
from tests.ui.helpers import open_log_meeting
from tests.ui.test_datebox import _due, _reschedule
from tests.ui.test_keyboard_flows import type_into

MONDAY = dt.date(2026, 11, 23)


def _saved_due(engine: Any, meeting_id: int) -> dict[str, Any]:
    with read_session(engine) as s:
        rows = s.execute(select(Action).where(Action.meeting_id == meeting_id)).scalars()
        return {a.title: a.due_date for a in rows}


def _type_due(qtbot: Any, fu: Any, what: str, due: str) -> None:
    fu.what.setFocus()
    type_into(fu.what, what)
    fu.due.setFocus()
    qtbot.waitUntil(fu.due.hasFocus)
    type_into(fu.due, due)  # key presses carrying each character, accents too


def _save_button(dialog: Any) -> Any:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def test_follow_up_due_words_are_read_and_said_before_saving(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    assert MONDAY.weekday() == 0 and ctx.today() == MONDAY
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    dialog.title.setText("Làm việc với Bộ KH&CN")
    fu = dialog.followups

    _type_due(qtbot, fu, "Send the draft", "next friday")
    assert fu.due.lineEdit().text() == "next friday"  # the letters are there as typed
    note = fu.due.note_label()
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)  # read, then the follow-up added
    assert fu.due_date() == dt.date(2026, 11, 27)
    assert note.isVisible() and note.text() == "next friday → Fri 27/11/2026"
    assert fu.list.topLevelItem(0).text(4) == ctx.fmt_date(dt.date(2026, 11, 27))

    _type_due(qtbot, fu, "Call back", "+3 working days")  # the "+" kept, read from the meeting's day
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    # (Tuesday 24/11 is Vietnamese Culture Day, a public holiday: Wed, Thu, Fri)
    assert note.text() == "+3 working days → Fri 27/11/2026"

    _type_due(qtbot, fu, "Gửi công văn", "thứ sáu tuần sau")
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    assert note.text() == "thứ sáu tuần sau → Fri 04/12/2026"

    _type_due(qtbot, fu, "Mời họp", "ngày mai")
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    assert fu.list.topLevelItemCount() == 4
    qtbot.mouseClick(fu.quick[1], Qt.MouseButton.LeftButton)  # a pick: what the words became goes
    assert not note.isVisible()

    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    assert _saved_due(engine, dialog.saved_id) == {
        "Send the draft": dt.date(2026, 11, 27),
        "Call back": dt.date(2026, 11, 27),
        "Gửi công văn": dt.date(2026, 12, 4),
        "Mời họp": dt.date(2026, 11, 24),
    }


def test_a_refused_date_is_said_in_words_beside_the_box_and_goes_with_escape(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    dialog.title.setText("Làm việc với Bộ KH&CN")
    fu = dialog.followups
    shown = fu.due_date()
    _type_due(qtbot, fu, "Send the draft", "30/02/2027")
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    note = fu.due.note_label()
    assert note.isVisible()  # on screen, not only in a tooltip
    assert note.text() == "⚠ “30/02/2027” is not a date: type it as dd/mm/yyyy, e.g. 15/01/2027"
    assert fu.list.topLevelItemCount() == 0 and not _save_button(dialog).isEnabled()
    # below the box, not over the quick picks
    assert note.geometry().top() >= fu.due.geometry().bottom()

    dialog.save()  # Ctrl+Return: the bottom line says it too
    general = dialog.errors["general"]
    assert general.isVisible() and "30/02/2027" in general.text()

    fu.due.setFocus()
    qtbot.keyClick(fu.due, Qt.Key.Key_Escape)  # the date shown before put back
    assert fu.due_date() == shown
    assert not note.isVisible() and not general.isVisible()
    assert _save_button(dialog).isEnabled()

    # a word that is none: refused, saying the words the box reads; mended: the line goes
    fu.due.setFocus()
    type_into(fu.due, "next fridya")
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    assert note.isVisible() and "next friday" in note.text() and "“next fridya”" in note.text()
    type_into(fu.due, "next friday")  # the text refused is selected: typing replaces it
    assert fu.due.lineEdit().text() == "next friday"
    assert not note.isVisible()  # read again at each key once refused: mended, the line gone
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    assert fu.list.topLevelItemCount() == 1 and fu.items[0].due == dt.date(2026, 11, 27)


def test_ctrl_a_selects_what_is_typed_and_typing_replaces_it(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    fu = dialog.followups
    _type_due(qtbot, fu, "Send the draft", "+3d")
    qtbot.keyClick(fu.due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert fu.due.lineEdit().selectedText() == "+3d"
    qtbot.keyClicks(fu.due, "20/12/2026")
    assert fu.due.lineEdit().text() == "20/12/2026"
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    assert fu.items and fu.items[0].due == dt.date(2026, 12, 20)


def test_reschedule_reads_next_friday_and_a_word_refused_keeps_the_dialog(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, monkeypatch: Any
) -> None:
    said: list[str] = []
    ctx.status_message.connect(said.append)
    states: list[tuple[int, bool, str]] = []

    def drive(dialog: Any) -> None:
        qtbot.keyClicks(dialog.date, "next fridya")
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # refused: the dialog stays, says why
        states.append((dialog.result(), dialog.isVisible(), dialog.problem.text()))
        dialog.date.setFocus()
        qtbot.keyClick(dialog.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.date, "next friday")
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # read: the box shows the date, said
        states.append((dialog.result(), dialog.isVisible(), dialog.date.said()))
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # seen: the next Enter is OK

    seen = _reschedule(qtbot, window, ids["a_overdue"], monkeypatch, drive)
    refused, read = states
    assert refused[0] != QDialog.DialogCode.Accepted and refused[1]
    assert "“next fridya” is not a date" in refused[2]
    assert read[1] and read[2] == "next friday → Fri 27/11/2026"
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: _due(engine, ids["a_overdue"]) == dt.date(2026, 11, 27), timeout=10_000)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    assert not any("0 action" in s for s in said)


def test_reschedule_to_the_date_it_has_never_says_rescheduled_0(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, monkeypatch: Any
) -> None:
    said: list[str] = []
    ctx.status_message.connect(said.append)
    before = _due(engine, ids["a_overdue"])

    def drive(dialog: Any) -> None:
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # OK on the date it has

    seen = _reschedule(qtbot, window, ids["a_overdue"], monkeypatch, drive)
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    assert _due(engine, ids["a_overdue"]) == before
    assert said[-1] == "Nothing to change" and not any("0 action" in s for s in said)


@pytest.mark.parametrize("language", ["vi"])
def test_the_line_beside_the_box_in_vietnamese(
    qtbot: Any, qapp: Any, ctx: Any, ids: dict[str, Any], language: str
) -> None:
    from ui import i18n

    assert i18n.install(qapp, language) == language
    try:
        dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
        fu = dialog.followups
        _type_due(qtbot, fu, "Gửi công văn", "thứ 6")
        qtbot.keyClick(fu.due, Qt.Key.Key_Tab)
        assert fu.due.said() == "thứ 6 → T6 27/11/2026"
        fu.due.setFocus()
        type_into(fu.due, "cuối thág")
        qtbot.keyClick(fu.due, Qt.Key.Key_Return)
        assert fu.due.said().startswith("⚠ “cuối thág” không phải là ngày")
        assert "thứ sáu tuần sau" in fu.due.said()
    finally:
        i18n.install(qapp, "en")


def test_the_meetings_date_and_time_box_reads_words_then_a_time(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    dialog.when.setFocus()
    qtbot.waitUntil(dialog.when.hasFocus)
    type_into(dialog.when, "tomorrow 14h30")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Tab)
    got = dialog.when.dateTime()
    assert (got.date().toPython(), got.time().hour(), got.time().minute()) == (dt.date(2026, 11, 24), 14, 30)
    # the time read is said too (it named the day only)
    assert dialog.when.said() == "tomorrow 14h30 → Tue 24/11/2026 14:30"
    assert not dialog.errors["starts_at"].isVisible()
