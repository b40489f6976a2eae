"""The window opens on the view it was closed on (reviewer: closed on Actions, it reopened on
the Dashboard; its size and column widths came back already), kept in the settings file."""

from __future__ import annotations

from typing import Any

from tests.ui.helpers import wait_idle


def test_the_window_reopens_on_the_view_it_was_closed_on(qtbot: Any, ctx: Any, settings: Any) -> None:
    from ui.main_window import MainWindow

    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    wait_idle(qtbot, ctx)
    assert first.current_entity() == "dashboard"  # a first start
    first.show_actions("open")
    wait_idle(qtbot, ctx)
    first.close()
    wait_idle(qtbot, ctx)

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    wait_idle(qtbot, ctx)
    assert again.current_entity() == "action"
    assert again.stack.currentWidget() is again.views["action"]
    panel = again.views["action"].list
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)  # its rows, read as usual
    again.close()
    wait_idle(qtbot, ctx)

    settings.last_view = "no such view"  # an older or damaged settings file: the dashboard
    third = MainWindow(ctx)
    qtbot.addWidget(third)
    third.show()
    wait_idle(qtbot, ctx)
    assert third.current_entity() == "dashboard"
    third.close()
    wait_idle(qtbot, ctx)
