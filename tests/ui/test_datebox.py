"""A date typed into a date box is the date saved, in every date format the settings offer.

Reviewer: in Reschedule, "15/01/2027" typed over 15/12/2026 showed "15/12/00001/2027" and Enter
saved 15/12/2026 (Qt jumped to the month after the day's two digits, so the "/" skipped it);
in English "10/01/2027" was read as 10/11. A date before the meeting the action came from
closed the dialog with an English message naming the field "due_date".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from app import records
from db.engine import read_session, unit_of_work
from tests.app.lists.seed import TODAY
from ui.settings import DATE_FORMATS

SHOWN = QDate(2026, 12, 15)


def _box(qtbot: Any, fmt: str) -> Any:
    from ui.datebox import DateBox

    dialog = QDialog()
    qtbot.addWidget(dialog)
    lay = QVBoxLayout(dialog)
    box = DateBox(dialog)
    box.setDisplayFormat(fmt)
    box.setDate(SHOWN)
    lay.addWidget(box)
    lay.addWidget(QLineEdit(dialog))  # somewhere for Tab to go
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    box.held_by = dialog  # the test's reference keeps the dialog (and the box) alive
    return box


def _typed(qtbot: Any, box: Any, text: str) -> dt.date:
    box.setDate(SHOWN)
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    d = box.date()
    return dt.date(d.year(), d.month(), d.day())


# the day, the month, the year of 15 January 2027 in each format's order, as people type it
WRITTEN = {
    "dmy": ["15/01/2027", "15/1/2027", "15/01/27", "15012027"],
    "mdy": ["01/15/2027", "1/15/2027", "1/15/27"],
    "ymd": ["2027-01-15", "2027-1-15"],
}


@pytest.mark.parametrize("key", sorted(DATE_FORMATS))
def test_a_whole_date_typed_over_the_date_shown_is_the_date(qtbot: Any, key: str) -> None:
    box = _box(qtbot, DATE_FORMATS[key][1])
    for text in WRITTEN[key]:
        assert _typed(qtbot, box, text) == dt.date(2027, 1, 15), text
        assert box.problem() == ""
    assert box.text() == QDate(2027, 1, 15).toString(DATE_FORMATS[key][1])


def test_english_ten_january_is_not_read_as_ten_november(qtbot: Any) -> None:
    box = _box(qtbot, DATE_FORMATS["dmy"][1])
    assert _typed(qtbot, box, "10/01/2027") == dt.date(2027, 1, 10)
    box = _box(qtbot, DATE_FORMATS["mdy"][1])
    assert _typed(qtbot, box, "01/10/2027") == dt.date(2027, 1, 10)


def test_the_day_alone_or_the_day_and_month_keep_the_rest_shown(qtbot: Any) -> None:
    box = _box(qtbot, "dd/MM/yyyy")
    assert _typed(qtbot, box, "20") == dt.date(2026, 12, 20)
    assert _typed(qtbot, box, "20/3") == dt.date(2026, 3, 20)


@pytest.mark.parametrize("text", ["31/02/2027", "15/13/2027", "0/1/2027", "15/01/202"])
def test_an_impossible_date_is_refused_where_it_was_typed(qtbot: Any, text: str) -> None:
    box = _box(qtbot, "dd/MM/yyyy")
    refused: list[str] = []
    box.refused.connect(refused.append)
    assert _typed(qtbot, box, text) == dt.date(2026, 12, 15)  # not another date
    assert QApplication.focusWidget() is box  # Tab did not move on from it
    assert box.text() == text  # what was typed stays, to be corrected
    assert refused and text in refused[0] and "dd/mm/yyyy" in refused[0]
    assert box.problem() == refused[0] and box.toolTip() == refused[0]
    for _ in text:
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, "28/02/2027")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.date() == QDate(2027, 2, 28) and box.problem() == "" and box.toolTip() == ""


def test_ok_clicked_after_an_impossible_date_does_not_save_the_old_one(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.datebox import DateBox

    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = DateBox(dialog)
    box.setDisplayFormat("dd/MM/yyyy")
    box.setDate(SHOWN)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    lay = QVBoxLayout(dialog)
    lay.addWidget(box)
    lay.addWidget(buttons)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    qtbot.keyClicks(box, "31/02/2027")
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert not ok.isEnabled() and box.problem()
    box.setFocus()
    for _ in "31/02/2027":
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, "28/02/2027")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and box.date() == QDate(2027, 2, 28)


def test_the_arrows_still_step_the_date(qtbot: Any) -> None:
    box = _box(qtbot, "dd/MM/yyyy")
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.date() == SHOWN.addDays(1)


def test_a_date_and_time_box_reads_both(qtbot: Any) -> None:
    from PySide6.QtCore import QDateTime, QTime

    from ui.datebox import DateTimeBox

    box = DateTimeBox(QDateTime(SHOWN, QTime(9, 0)))
    qtbot.addWidget(box)
    box.setDisplayFormat("dd/MM/yyyy HH:mm")
    box.show()
    box.setFocus()
    qtbot.keyClicks(box, "15/01/2027 14:30")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.dateTime() == QDateTime(QDate(2027, 1, 15), QTime(14, 30))
    box.setFocus()
    qtbot.keyClicks(box, "16/1/2027")  # the time left as it was
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.dateTime() == QDateTime(QDate(2027, 1, 16), QTime(14, 30))


# --- Reschedule, end to end ------------------------------------------------------------------


def _due(engine: Any, action_id: int) -> dt.date:
    with read_session(engine) as s:
        return records.get(s, "action", action_id)["due_date"]


def _reschedule(qtbot: Any, window: Any, action_id: int, monkeypatch: Any, drive: Any) -> list[Any]:
    """Ctrl+R on ``action_id``; ``drive(dialog)`` types into the real dialog (shown) instead of
    its modal loop; returns the dialogs seen."""
    from ui.commands import RescheduleDialog

    seen: list[Any] = []

    def run(dialog: Any) -> int:
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.date.setFocus()
        drive(dialog)
        return int(dialog.result())

    monkeypatch.setattr(RescheduleDialog, "exec", run)
    window.show_actions("open")
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: panel.model.complete and panel.select_id(action_id), timeout=10_000)
    window.act_reschedule.trigger()
    return seen


@pytest.mark.parametrize("key", ["dmy", "mdy"])
def test_reschedule_saves_the_date_typed(qtbot, window, ctx, ids, engine, monkeypatch, key) -> None:
    ctx.settings.date_format = key
    typed = {"dmy": "15/01/2027", "mdy": "01/15/2027"}[key]

    def drive(dialog: Any) -> None:
        qtbot.keyClicks(dialog.date, typed)
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)

    seen = _reschedule(qtbot, window, ids["a_overdue"], monkeypatch, drive)
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: _due(engine, ids["a_overdue"]) == dt.date(2027, 1, 15), timeout=10_000)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)


def test_reschedule_before_the_meeting_keeps_the_dialog_and_says_why(
    qtbot, window, ctx, ids, engine, monkeypatch
) -> None:
    with unit_of_work(engine) as s:
        action = records.create(
            s,
            "action",
            {
                "title": "Send the minutes",
                "direction": "we_owe",
                "due_date": TODAY + dt.timedelta(days=5),
                "meeting_id": ids["next_meeting"],  # held TODAY + 2
                "responsible_staff_id": ids["me"],
            },
        )
    ctx.changed.emit("action", [action])
    warned: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a: warned.append(a[2]))
    early = TODAY + dt.timedelta(days=1)
    states: list[tuple[int, str, bool]] = []

    def drive(dialog: Any) -> None:
        qtbot.keyClicks(dialog.date, early.strftime("%d/%m/%Y"))
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
        states.append((dialog.result(), dialog.problem.text(), dialog.isVisible()))
        assert dialog.date.text() == early.strftime("%d/%m/%Y")  # the date typed is still there
        dialog.date.setFocus()
        qtbot.keyClicks(dialog.date, (TODAY + dt.timedelta(days=3)).strftime("%d/%m/%Y"))
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)

    _reschedule(qtbot, window, action, monkeypatch, drive)
    result, said, open_ = states[0]
    assert result != QDialog.DialogCode.Accepted and open_
    assert "⚠ The due date is before the meeting it came from" in said  # a sentence: a capital
    assert "due_date" not in said
    qtbot.waitUntil(lambda: _due(engine, action) == TODAY + dt.timedelta(days=3), timeout=10_000)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    assert warned == []


def test_a_refused_due_date_says_it_without_the_field_name(qtbot, window, monkeypatch) -> None:
    from app.errors import ValidationError

    warned: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a: warned.append(a[2]))
    sentence = "the due date is before the meeting it came from (11/11/2026)"
    window.commands.error(ValidationError("action", {"due_date": sentence}))
    assert warned and sentence in warned[0] and "due_date" not in warned[0]
