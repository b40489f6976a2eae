"""An announcement in the status bar ("Imported 2,000 contacts", "Undone: …") stays readable for
its time: the pointer passing over the menu bar, a menu or a widget with a status tip does not
wipe it (Qt sends a status tip — an empty one for every action without its own — and
QMainWindow shows it in the status bar's message, replacing what was there)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QStatusTipEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

SAID = "Import #3: 2,000 new, 0 updated"


def _hover_the_menu_bar(window: Any) -> None:
    """Move the pointer across the menu bar's titles, as a person reaching for a menu does."""
    bar = window.menuBar()
    for action in bar.actions()[:3]:
        rect = bar.actionGeometry(action)
        QTest.mouseMove(bar, rect.center())
    QTest.mouseMove(window.centralWidget(), QPoint(5, 5))


def test_hovering_the_menu_bar_leaves_the_announcement(qtbot: Any, window: Any, ctx: Any) -> None:
    ctx.status_message.emit(SAID)
    assert window.statusBar().currentMessage() == SAID
    _hover_the_menu_bar(window)
    assert window.statusBar().currentMessage() == SAID  # the pointer alone wiped it
    QApplication.sendEvent(window.menuBar(), QStatusTipEvent(""))  # what a hovered action sends
    assert window.statusBar().currentMessage() == SAID


def test_a_status_tip_shows_while_pointed_at_then_the_announcement_comes_back(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    tipped = QPushButton("x", window.centralWidget())
    tipped.setStatusTip("Read-only: you can look, not change")
    tipped.show()
    ctx.status_message.emit(SAID)
    QApplication.sendEvent(tipped, QStatusTipEvent(tipped.statusTip()))  # the pointer enters it
    assert window.statusBar().currentMessage() == "Read-only: you can look, not change"
    QApplication.sendEvent(tipped, QStatusTipEvent(""))  # and leaves
    assert window.statusBar().currentMessage() == SAID


def test_the_announcement_goes_after_its_time_and_a_new_one_replaces_it(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    from ui import statusline

    line = window.findChild(statusline.StatusLine)
    assert line is not None
    line.SHOWN_MS = 200  # type: ignore[misc]
    ctx.status_message.emit("first")
    ctx.status_message.emit(SAID)
    assert window.statusBar().currentMessage() == SAID
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=3_000)
    QApplication.sendEvent(window.menuBar(), QStatusTipEvent(""))  # gone for good, not brought back
    assert window.statusBar().currentMessage() == ""
