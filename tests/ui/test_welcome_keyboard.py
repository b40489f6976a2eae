"""The welcome's three ways in are reachable from the keyboard, and show where the focus is
(reviewer: with Tab or the arrows nothing showed which choice was current, so a keyboard user
could not tell that "Nhập từ bảng tính" could be reached)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage


@pytest.fixture
def welcome(qtbot: Any, window: Any) -> Any:
    from ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def _image(button: Any) -> QImage:
    button.repaint()
    return button.grab().toImage()


def test_tab_and_the_arrows_go_through_the_choices_and_show_the_focus(qtbot: Any, welcome: Any) -> None:
    choices = [welcome.sample, welcome.spreadsheet, welcome.team]
    assert all(c.focusPolicy() & Qt.FocusPolicy.TabFocus for c in choices)
    assert welcome.focusWidget() is welcome.sample  # the first way in, at once
    unfocused = {}
    for c in choices:
        if not c.hasFocus():
            unfocused[c.objectName()] = _image(c)
    qtbot.keyClick(welcome.focusWidget(), Qt.Key.Key_Tab)
    assert welcome.focusWidget() is welcome.spreadsheet
    assert _image(welcome.spreadsheet) != unfocused["welcome_import"]  # the focus shows
    qtbot.keyClick(welcome.spreadsheet, Qt.Key.Key_Down)
    assert welcome.focusWidget() is welcome.team
    assert _image(welcome.team) != unfocused["welcome_team"]
    qtbot.keyClick(welcome.team, Qt.Key.Key_Up)
    qtbot.keyClick(welcome.spreadsheet, Qt.Key.Key_Up)
    assert welcome.focusWidget() is welcome.sample
    qtbot.keyClick(welcome.sample, Qt.Key.Key_Up)  # round to the last
    assert welcome.focusWidget() is welcome.team
    qtbot.keyClick(welcome.team, Qt.Key.Key_Down)
    assert welcome.focusWidget() is welcome.sample


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_or_space_chooses_the_focused_way_in(qtbot: Any, welcome: Any, key: Qt.Key) -> None:
    welcome.spreadsheet.setFocus()
    chosen: list[str] = []
    for c in (welcome.sample, welcome.spreadsheet, welcome.team):
        c.clicked.disconnect()
        c.clicked.connect(lambda *_a, c=c: chosen.append(c.objectName()))
    qtbot.keyClick(welcome.spreadsheet, key)
    assert chosen == ["welcome_import"]
