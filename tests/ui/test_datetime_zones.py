"""A time typed with a zone in a date-time box is the office's time it is (Asia/Ho_Chi_Minh),
shown converted, whatever the zone of the machine. Reviewer h119 (shots/19c.png): "10/12/2026
21:00 JST" was refused in Log meeting; the command line kept "21:00+09:00" as the laptop's time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.helpers import laptop_zone
from tests.ui.test_datetime_typing import _box, _log, _saved_start, _typed, type_like_a_person

MACHINES = ("Etc/UTC", "Asia/Ho_Chi_Minh", "Europe/Berlin", "America/New_York")


@pytest.fixture(params=MACHINES)
def machine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The laptop's own zone for the test."""
    with laptop_zone(monkeypatch, request.param) as zone:
        yield zone


@pytest.mark.parametrize(
    "text",
    [
        "10/12/2026 21:00 JST",
        "10/12/2026 21:00 +09:00",
        "10/12/2026 21:00 Asia/Tokyo",
        "10/12/2026 13:00 CET",
    ],
)
def test_a_time_abroad_is_shown_as_hanoi_time(qtbot: Any, machine: str, text: str) -> None:
    box = _box(qtbot)
    said: list[str] = []
    box.converted.connect(said.append)
    assert _typed(qtbot, box, text) == QDateTime(QDate(2026, 12, 10), QTime(19, 0)), (machine, text)
    assert box.problem() == "" and box.lineEdit().text() == "10/12/2026 19:00"
    assert said and said[-1].endswith("is 10/12/2026 19:00 Hanoi time (UTC+7)"), said
    assert box.toolTip() == said[-1]


def test_the_vietnamese_way_of_saying_a_city_s_time(qtbot: Any, machine: str) -> None:
    box = _box(qtbot)
    box.setFocus()
    type_like_a_person(qtbot, box, "10/12/2026 8:00 gi")
    for key in (  # "ờ" as a Vietnamese keyboard layout gives it: a key with that text
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "ờ"),
        QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "ờ"),
    ):
        QApplication.sendEvent(box, key)
    type_like_a_person(qtbot, box, " New York")
    assert box.lineEdit().text() == "10/12/2026 8:00 giờ New York"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.dateTime() == QDateTime(QDate(2026, 12, 10), QTime(20, 0))
    assert "(UTC−5)" in box.toolTip()


def test_a_zone_that_names_no_one_zone_is_refused(qtbot: Any) -> None:
    box = _box(qtbot)
    before = box.dateTime()
    assert _typed(qtbot, box, "10/12/2026 21:00 CST") == before
    assert "c62828" in box.styleSheet() and not box.save.isEnabled()


def test_log_meeting_saves_the_time_abroad_as_hanoi_time(qtbot, ctx, ids, engine, machine) -> None:
    dialog = _log(qtbot, ctx, ids, "10/12/2026 21:00 JST")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Tab)
    assert dialog.when_abroad.isVisible()
    assert "21:00 JST (UTC+9) is 10/12/2026 19:00 Hanoi time (UTC+7)" in dialog.when_abroad.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    assert _saved_start(engine, dialog.saved_id) == dt.datetime(2026, 12, 10, 19, 0)


def test_the_note_goes_when_a_time_without_a_zone_is_typed(qtbot, ctx, ids) -> None:
    dialog = _log(qtbot, ctx, ids, "10/12/2026 21:00 JST")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Tab)
    assert dialog.when_abroad.isVisible()
    dialog.when.setFocus()
    type_like_a_person(qtbot, dialog.when, "10/12/2026 21:00")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Tab)
    assert dialog.when_abroad.isHidden() and dialog.when.toolTip() == ""
    assert dialog.when.dateTime() == QDateTime(QDate(2026, 12, 10), QTime(21, 0))
